"""Round 54 (n2), workers' cases the sums left unanswered:

- n2-7: 合同到期了公司不跟我续签 有没有补偿 我干了五年 月薪七千 got the record's rule and 看看我的情况,
  then 是公司不想续 我愿意续的 got the legal-aid paragraph — no sum. A fixed-term contract the employer
  does not renew owes the severance on the years (劳动合同法第四十四条、第四十六条第五项、第四十七条), no 2N.
- n2-12: 一直没签合同 … 现在老板要我走 能要多少钱 got the double wage alone: 要我走 / 叫俺走 is a dismissal
  (and 老板不让我走 is none: the worker is held, not sent away).
- n2-1: 看看我的情况 after the injury answer asked 哪天伤的; 大概是上个月十号摔的 … 一个月六千 got the menu.
  The day is counted: the employer's 30 days, the worker's own year to the date (工伤保险条例第十七条),
  停工留薪期 on the worker's wage (第三十三条).
- n2-11: 啥时候去申请 在哪申请 after an injury got 哪天伤的 asked back: when and where 工伤认定 is applied for.
"""

from __future__ import annotations

from datetime import date

import pytest
from form_trackers import conversation

from actions import legal
from actions.legal import dismissed, sums_for, worked_out
from bot.normalize.text import normalize_text


def _answer(*said: str) -> str:
    turns = [(normalize_text(s), "legal_aid", ["…"]) for s in said]
    turns[-1] = (turns[-1][0], "legal_aid", [])
    return "\n".join(sums_for(conversation(turns)))


# n2-7 ----------------------------------------------------------------------------------------------

_S = "经济补偿是 {} 个月工资，按月工资 {} 元算约 {} 元"


@pytest.mark.parametrize("said, sum_", [
    ("合同到期了公司不跟我续签 有没有补偿 我干了五年 月薪七千", _S.format(5, "7,000", "35,000")),
    ("合同满了厂里不续了 俺干了三年半 一个月五千 能给多少钱", _S.format(4, "5,000", "20,000")),
    ("合同到期 单位不和我续签了 干了两年零三个月 工资6000 能要啥", _S.format(2.5, "6,000", "15,000")),
    ("合同期满老板不想续 我干了八个月 一个月4000 有补偿吗", _S.format(1, "4,000", "4,000")),
])
def test_a_contract_not_renewed_is_the_severance_on_the_years(said, sum_):
    answer = _answer(said)
    assert sum_ in answer, answer
    assert "第四十六条第五项" in answer and "二倍" in answer and "赔偿金是它的二倍" not in answer, answer


def test_the_employer_not_renewing_told_after_the_rule_is_summed():
    answer = _answer("合同到期了公司不跟我续签 有没有补偿 我干了五年 月薪七千", "是公司不想续 我愿意续的")
    assert "约 35,000 元" in answer, answer


@pytest.mark.parametrize("said", ["合同到期我自己不想续了 干了两年 一个月五千 有补偿吗",
                                  "合同到期没续签 还在干着 干了两年 一个月五千 能要多少"])
def test_the_worker_declining_or_kept_on_is_no_non_renewal(said):
    assert "合同到期是单位不续签" not in _answer(said)


# n2-12 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["现在老板要我走", "厂里叫俺走人", "组长喊我走 说明天不用来", "老板让俺走"])
def test_sent_away_is_a_dismissal(said):
    assert dismissed(said)


@pytest.mark.parametrize("said", ["老板不让我走 扣着身份证", "我要走 老板不放", "别让我走", "老板不让俺走"])
def test_held_or_leaving_is_no_dismissal(said):
    assert not dismissed(said)


def test_no_contract_and_sent_away_sums_both():
    answer = _answer("我是去年十月份进的厂一直没签合同 不对 是去年三月进厂的 一个月四千五 现在老板要我走 能要多少钱")
    assert "经济补偿是" in answer and "二倍工资差额" in answer and "两项加起来" in answer, answer


# n2-1 ----------------------------------------------------------------------------------------------

_OWN_CASE = "帮您看看自己的情况，请一次告诉我：哪天伤的？（比如：上个月15号，单位不给报工伤）"
_FIRST = "我在工地干活从架子上摔下来腿骨折了 老板说不给报工伤 工伤认定要在多长时间内申请啊 停工这段时间工资谁给"


def _own_case(reply: str) -> str:
    turns = [(normalize_text(_FIRST), "legal_aid", ["…", "要不要我再帮您看看您自己的情况？"]),
             ("看看我的情况", "inform", [_OWN_CASE]), (normalize_text(reply), "inform", [])]
    return "\n".join(sums_for(conversation(turns)))


def test_the_day_of_the_injury_told_is_counted(monkeypatch):
    monkeypatch.setattr(legal, "_today", lambda: date(2026, 12, 7), raising=False)
    answer = _own_case("大概是上个月十号摔的 在青岛黄岛区 老板姓王 一个月六千")
    for part in ("2026年11月10日", "27天", "30日内", "到2027年11月10日", "人社局", "不影响您自己申请",
                 "停工留薪期", "每月就是 6,000 元", "第十七条", "第三十三条"):
        assert part in answer, (part, answer)


@pytest.mark.parametrize("said, parts", [
    ("俺是3月5号伤的", ("2026年3月5日", "30天申报期已经过了", "到2027年3月5日", "还剩88天")),
    ("去年十一月二号", ("2025年11月2日", "已经超过受伤之日起1年")),
    ("前天", ("2026年12月5日", "现在还在这30天里")),
    ("十天前受的伤 一个月五千", ("2026年11月27日", "每月就是 5,000 元")),
])
def test_other_days_told(monkeypatch, said, parts):
    monkeypatch.setattr(legal, "_today", lambda: date(2026, 12, 7), raising=False)
    answer = _own_case(said)
    for part in parts:
        assert part in answer, (part, answer)


def test_the_day_not_known_still_gets_the_limits():
    answer = _own_case("不知道 记不清了")
    assert "病历" in answer and "1年内" in answer and "人社局" in answer, answer


def test_a_later_correction_of_the_day_wins():
    from actions.time_limits import injury_day

    assert injury_day("上个月十号摔的 不对 是上个月五号", date(2026, 12, 7)) == (date(2026, 11, 5), False)
    assert injury_day("一个月五千 三月份工资没发", date(2026, 12, 7)) is None


# n2-11 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("asked", ["啥时候去申请 在哪申请", "工伤去哪认定", "工伤找谁报啊", "什么时候去办"])
def test_when_and_where_to_apply_for_the_injury(asked):
    words = f"我在厂里被机器轧了手指头 厂里说没给我交工伤保险所以不管 {asked}"
    answer = "\n".join(worked_out(asked, words, None, False))
    assert "人社局" in answer and "30日内" in answer and "1年内" in answer, answer


def test_where_to_arbitrate_is_not_the_injury():
    words = "被轧了手 老板开除了我 啥时候去申请仲裁"
    assert "工伤认定到当地人社局" not in "\n".join(worked_out("啥时候去申请仲裁", words, None, False))


# n2-3 ----------------------------------------------------------------------------------------------

def test_let_go_inside_a_short_probation_is_summed_on_half_a_month():
    """n2-3: 能要多少钱 after 试用期被辞 不符合录用条件 … 试用期三个月 一个月四千 got the rule again."""
    answer = _answer("试用期被辞了 说我不符合录用条件 可是也没给我说过啥条件 这合法吗",
                     "合同签的三年 试用期三个月 一个月四千", "能要多少钱")
    assert "1 个月工资，按月工资 4,000 元算约 4,000 元" in answer, answer
    assert "第八十七条" in answer


# n2-4 ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said, figure", [
    ("我怀孕三个月了 公司说我经常请假把我辞退了 这样可以吗 我在这干了一年半 工资4500",
     "4 个月工资，按月工资 4,500 元算约 18,000 元"),
    ("俺在哺乳期 厂里说不要俺了 干了两年 一个月五千 能赔多少", "4 个月工资，按月工资 5,000 元算约 20,000 元"),
    ("休产假回来就让我走 干了三年 工资6000 能要多少钱", "6 个月工资，按月工资 6,000 元算约 36,000 元"),
])
def test_a_dismissal_in_pregnancy_is_summed_as_unlawful(said, figure):
    """n2-4: the severance came first and the damages only as 单位违法辞退的 — it is unlawful."""
    answer = _answer(said)
    assert "一般属于违法解除" in answer and figure in answer and "第四十二条" in answer, answer
    assert "继续履行" in answer


def test_a_wifes_pregnancy_is_no_pregnant_dismissal():
    answer = _answer("我老婆怀孕了 我请假陪她 厂里把我开除了 干了两年 一个月六千 能要多少")
    assert "一般属于违法解除" not in answer and "约 12,000 元" in answer, answer


# n2-14 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("asked", ["那医药费呢 都是俺自己垫的", "医药费谁出", "住院费能报吗",
                                   "药费都是我自己掏的 咋办"])
def test_the_medical_costs_of_an_injury_asked_after_it(asked):
    """n2-14: 那医药费呢 都是俺自己垫的 after 受工伤在家歇了俩月 got hardship relief and a phone asked."""
    words = f"俺受工伤在家歇了俩月了 厂里一分钱不给 俺一个月五千五 这中不中 {asked}"
    answer = "\n".join(worked_out(asked, words, 5500, False))
    for part in ("工伤保险基金", "单位按同样的项目和标准自己出", "发票", "30日内", "1年内", "第三十条", "第六十二条"):
        assert part in answer, (part, answer)


def test_the_sum_paid_is_said():
    said = "我在厂里被机器轧了手指头 厂里说没给我交工伤保险所以不管 医药费谁出 我都出了八千了"
    assert "您自己垫的 8,000 元" in "\n".join(worked_out(said, said, None, False))


@pytest.mark.parametrize("asked", ["住院费能申请救助吗", "那养伤期间工资谁给"])
def test_relief_or_the_leave_pay_is_not_the_medical_costs(asked):
    words = f"我在厂里被机器轧了手指头 {asked}"
    assert "工伤保险基金" not in "\n".join(worked_out(asked, words, None, False))


# n2-15 ---------------------------------------------------------------------------------------------

_N215 = ("俺是河南的在青岛城阳干装修 包工头姓李 干了大半年 一直没签合同 也没交社保 现在他不让俺干了 工钱还欠俺八千 "
         "中不中啊 俺该咋整")


def _n215(*later: str) -> list[str]:
    """The conversation of n2-15, each reply the sums of the turn before."""
    turns: list[tuple[str, str, list[str]]] = [(normalize_text(_N215), "legal_aid", [])]
    for said in later:
        replies = sums_for(conversation(turns))
        turns = [*turns[:-1], (turns[-1][0], turns[-1][1], replies), (normalize_text(said), "legal_aid", [])]
    return sums_for(conversation(turns))


def test_sent_away_with_no_contract_and_pay_owed_is_every_sum():
    """n2-15: 他不让俺干了 was no dismissal, the 8,000 owed was on no sum, and 一个月大概六千 then got
    the double wage alone."""
    first = "\n".join(_n215())
    assert "经济补偿是 1 个月工资" in first and "二倍工资差额" in first, first
    assert "一个月工资多少" in first, first  # the wage asked, so the next message answers it
    answer = "\n".join(_n215("一个月大概六千"))
    for part in ("约 6,000 元", "约 30,000 元", "欠的工钱：按您说的 8,000 元", "各项加起来", "约 44,000 元"):
        assert part in answer, (part, answer)


def test_the_insurance_asked_after_the_sums_is_its_own_answer():
    """n2-15: 那社保能要回来吗 got 能要，就是上面算的这一项 and the double wage."""
    answer = "\n".join(_n215("一个月大概六千", "那社保能要回来吗"))
    assert answer.startswith("社保能补，但不是折成钱给您") and "12333" in answer and "二倍工资" not in answer, answer


@pytest.mark.parametrize("said, owed", [("工钱还欠俺八千", 8000), ("老板还欠我5000块工资", 5000),
                                        ("欠了俺八千块钱工钱", 8000), ("工资拖了我三千没给", 3000)])
def test_pay_owed_as_a_sum(said, owed):
    assert getattr(legal, "amount_unpaid", lambda _w: None)(said) == owed


@pytest.mark.parametrize("said", ["一个月五千", "欠了两个月工资", "借了他八千"])
def test_no_pay_owed_as_a_sum(said):
    assert getattr(legal, "amount_unpaid", lambda _w: None)(said) is None


# n2-10 ---------------------------------------------------------------------------------------------

_NOTICE_ANSWER = ("辞职走人，工资也不能扣着不发：… 个人原因辞职的，提前30天书面通知单位（试用期提前3天）就是依法解除，"
                  "到期就可以走，不用老板同意（劳动合同法第三十七条）")


@pytest.mark.parametrize("then", ["我干了两年了 没有试用期了", "早就转正了", "俺在这干了三年了"])
def test_past_probation_told_after_the_notice_answer_is_her_own_notice(then):
    """n2-10: 我干了两年了 没有试用期了 after 要提前多久说 got the legal-aid paragraph."""
    first = "我想辞职要提前多久说 老板说要提前三个月不然不给结工资"
    answer = "\n".join(sums_for(conversation([(first, "legal_aid", [_NOTICE_ANSWER]),
                                               (normalize_text(then), "inform", [])])))
    for part in ("提前30天书面通知单位就行", "第三十七条", "“提前三个月”，没有法律依据", "一次结清", "第九条", "12333"):
        assert part in answer, (part, answer)


def test_no_probation_is_no_probation_point():
    assert "试用期" not in legal.case_points("我想辞职要提前多久说 我干了两年了 没有试用期了").get("case_points", "")
    assert "试用期" in legal.case_points("我在试用期 想辞职要提前几天说")["case_points"]


# n2-16 ---------------------------------------------------------------------------------------------

_N216 = "我在工地上干活被砸伤了腰 包工头跑了 工伤找谁 我没签合同 已经快一年了还来得及吗"


@pytest.mark.parametrize("said", [_N216, "俺摔伤将近一年了 还能认工伤不", "受伤快一年了 现在申请工伤还来得及吗"])
def test_nearly_a_year_since_the_injury_is_still_in_time(said):
    """n2-16: 快一年了还来得及吗 was told 受伤已经1年，超过了…1年期限."""
    answer = worked_out(said, said, None, False)[0]
    assert answer.startswith("来得及，但要抓紧") and "超过了" not in answer, answer


def test_a_year_and_more_is_still_past():
    said = "俺受伤两年了 还能认工伤吗"
    assert "超过了自己申请工伤认定的1年期限" in worked_out(said, said, None, False)[0]


def test_the_time_since_the_injury_corrected_is_redone():
    """n2-16: 不对 是十个月前砸的 got the no-contract text again with 按您说的."""
    answer = worked_out("不对 是十个月前砸的", f"{_N216} 不对 是十个月前砸的", None, False)[0]
    assert answer.startswith("好的，已更正：受伤大约10个月。来得及") and "还剩大约2个月" in answer, answer


# n2-17 ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said, figure", [
    ("試用期被辭退了 公司說我能力不行 我幹了兩個月 月薪六千 能要賠償嗎", "1 个月工资，约 6,000 元"),
    ("干了三年 一个月五千 说我业绩不好把我辞退了 这合法吗", "6 个月工资，约 30,000 元"),
])
def test_the_performance_verdict_carries_the_workers_own_damages(said, figure):
    """n2-17: 不合法 and the rule, no figure on the months and pay told."""
    said = normalize_text(said)
    answer = worked_out(said, said, None, False)[0]
    assert answer.startswith("光凭“业绩不好”辞退，不合法") and figure in answer, answer
