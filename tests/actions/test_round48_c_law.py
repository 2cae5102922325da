"""Round 48 (testers XG, XH), helper c: labour-law answers in the middle of a case — the probation
pay said as 说好4000 and asked again as 那2400呢 (XG-10), 半年木交社保 then 干了四年 补偿咋算
(XH-7), 合同签没签不知道 没给我留 (XH-5), 众包骑手 算不算劳动关系 (XH-9), 饭店后厨 没签合同 as
the first message (XH-16), 1570 paid while the plant stood still (XG-4)."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import case_points, months_worked, probation_lines, stoppage_pay_line, sums_for

# XG-10 -----------------------------------------------------------------------------------------

PROBATION = "合同一年 试用期半年 说好4000 试用期只给2400"


@pytest.mark.parametrize("said", [PROBATION, "合同一年 试用期半年 讲好的4000 试用期只给2400",
                                  "签了一年合同 试用期六个月 说好的一个月4000 试用期只给我2400",
                                  "合同一年 试用期半年 谈好4000一个月 试用期给2400"])
def test_the_probation_pay_is_weighed_on_the_pay_agreed(said):
    """XG-10: the length was judged, the 2,400 never (说好4000 was not read as the agreed pay)."""
    lines = "\n".join(probation_lines(said))
    assert "最长只能2个月" in lines, lines
    assert "3,200 元" in lines and "少了 800 元" in lines, lines


def test_the_agreed_pay_is_not_the_probation_pay():
    """说好试用期2400 is the probation's pay, not the agreed one."""
    lines = "\n".join(probation_lines("合同一年 试用期两个月 说好试用期2400"))
    assert "3,200" not in lines, lines


def test_that_2400_asked_again_is_answered_from_the_case():
    """XG-10: 那2400呢 → 没有现成的准确答案."""
    said = probation_lines(PROBATION)
    tracker = conversation([(PROBATION, "legal_aid", said), ("那2400呢", "inform", [])])
    reply = "\n".join(sums_for(tracker))
    assert "2,400" in reply and "3,200" in reply and "800" in reply, reply


# XH-7 ------------------------------------------------------------------------------------------

XH7 = ["俺在黄岛一个物流仓库 公司一年木交社保了 想不干了", "不对 俺记差了 是半年木交 前面是交了的",
       "俺在这干了四年了 补偿咋算"]


def test_the_months_unpaid_are_no_time_worked():
    """XH-7: 在这个单位干了：6个月 — the six months were the social insurance's."""
    assert months_worked(" ".join(XH7[:2])) is None
    assert months_worked(" ".join(XH7)) == 48
    assert case_points(" ".join(XH7)).get("time_worked") == "4年"
    assert "没交社保" in case_points(" ".join(XH7))["case_points"]


@pytest.mark.parametrize("told", ["社保半年没交", "有半年木有交社保", "半年没给交社保", "社保断了半年没缴"])
def test_other_ways_of_saying_the_insurance_months(told):
    assert months_worked(f"{told} 想辞职 在这干了四年了") == 48


def test_the_severance_is_worked_out_on_four_years():
    """XH-7: 俺在这干了四年了 补偿咋算 → the legal-aid paragraph."""
    tracker = conversation([(XH7[0], "legal_aid", ["单位应当自用工之日起30日内为职工办理社会保险登记"]),
                            (XH7[1], "inform", ["好的，已更正。"]), (XH7[2], "legal_aid", [])])
    reply = "\n".join(sums_for(tracker))
    assert "4年" in reply and "4 个月工资" in reply and "第三十八条" in reply, reply
    assert "12333" in reply and "补缴" in reply, reply


# XH-5 ------------------------------------------------------------------------------------------

XH5 = ["昨天老板突然说明天不用来了 啥通知也没有", "干了快三年了 在青岛鑫达电子 黄岛长江路那边",
       "合同我也不知道签没签 入职的时候签了一堆东西 没给我留"]


def test_a_contract_not_known_is_answered_and_kept():
    """XH-5: the fact neither answered nor stored."""
    tracker = conversation([(XH5[0], "legal_aid", ["单位解除劳动合同，多数情况下要给经济补偿"]),
                            (XH5[1], "inform", ["按您说的在这个单位干了2年多：经济补偿是 2 个月工资"]),
                            (XH5[2], "inform", [])])
    reply = "\n".join(sums_for(tracker))
    assert "第十六条" in reply and "出示" in reply and "二倍工资" in reply, reply
    points = case_points(" ".join(XH5))["case_points"]
    assert "合同：不清楚，未给本人留存" in points and "没签劳动合同" not in points, points


@pytest.mark.parametrize("said", ["合同签没签我也不清楚", "不知道签没签合同 合同在老板那", "签了个合同 没给我一份"])
def test_other_ways_of_saying_the_contract_is_not_known(said):
    points = case_points(f"被辞退了 干了两年 {said}")["case_points"]
    assert "合同：" in points and "没签劳动合同" not in points, points


def test_a_contract_not_signed_stays_not_signed():
    assert "没签劳动合同" in case_points("干了两年 没签合同 被辞退了")["case_points"]


# XH-9 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["我是众包骑手 前天送单摔了腿 平台说我不是他们员工 算工伤不",
                                  "可是我跟平台没签合同 是众包 这也算有劳动关系？",
                                  "送外卖的 平台说我不是他们的员工 摔了算谁的"])
def test_the_crowd_sourced_rider_hears_about_the_labour_relation(said):
    """XH-9: the 工伤认定 text, then the legal-aid text — the 众包 point never answered."""
    tracker = conversation([("我在成都武侯区 我是众包骑手 送单摔了腿", "legal_aid", []), (said, "legal_aid", [])])
    reply = "\n".join(sums_for(tracker))
    assert "劳动关系" in reply and "仲裁" in reply and "职业伤害保障" in reply, reply
    assert "12348" in reply and "12351" in reply, reply


def test_a_factory_worker_hears_no_rider_text():
    tracker = conversation([("厂里说我不是正式工 没签合同 干了八个月 能要多少", "legal_aid", [])])
    assert "众包" not in "\n".join(sums_for(tracker))


# XH-16 -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["饭店后厨 没签合同", "在饭店干 老板一直不给签合同", "没签劳动合同", "木有签合同"])
def test_no_contract_told_first_hears_the_rule_and_how_long(said):
    """XH-16: 饭店后厨 没签合同 got the legal-aid paragraph alone."""
    reply = "\n".join(sums_for(conversation([(said, "legal_aid", [])])))
    assert "二倍工资" in reply and "第八十二条" in reply and "干了多久" in reply, reply


def test_the_time_told_then_is_summed():
    from actions.legal import NO_CONTRACT_ASK
    tracker = conversation([("饭店后厨 没签合同", "legal_aid", [NO_CONTRACT_ASK]), ("八个月", "inform", [])])
    reply = "\n".join(sums_for(tracker))
    assert "7个月的二倍工资差额" in reply, reply


# XG-4 ------------------------------------------------------------------------------------------

BELOW = "您说的每月 1570 元低于当地的月最低工资 1960 元。正常出勤的情况下，单位支付的工资不能低于最低工资标准"


@pytest.mark.parametrize("said", ["放假那会厂里只给1570保底 这个合法不", "停工那三个月只发1570 合法吗",
                                  "疫情在家没上班 厂里给1570 违法不"])
def test_pay_for_a_time_not_worked_is_not_held_to_the_minimum(said):
    line = stoppage_pay_line(said, said, 1570) or ""
    assert "正常劳动" in line and "生活费" in line and "低于最低工资" not in line, line


def test_the_longxiang_guarantee_is_named():
    words = "放假那会厂里只给1570保底 这个合法不 那是2020年疫情放假在家 没上班 我是隆祥皮革的"
    line = stoppage_pay_line("那是2020年疫情放假在家 没上班 我是隆祥皮革的", words, 1570) or ""
    assert "隆祥" in line and "4710" in line and "保岗协议" in line, line


def test_the_question_after_the_verdict_is_answered():
    """XG-4: 没上班的时候给1570也算违法吗 → the menu."""
    tracker = conversation([("放假那会厂里只给1570保底 这个合法不", "minimum_wage", [BELOW]),
                            ("那是2020年疫情放假在家 没上班 我是隆祥皮革的", "inform",
                             ["好的，记下了：单位 隆祥皮革。"]),
                            ("没上班的时候给1570也算违法吗", "out_of_scope", [])], slots={"city": "福鼎"})
    reply = "\n".join(sums_for(tracker))
    assert "正常劳动" in reply and "隆祥" in reply, reply


@pytest.mark.parametrize("said", ["厂里一个月只给1570 合法不", "我一个月干满26天 才1570"])
def test_pay_for_work_done_is_no_stoppage(said):
    assert stoppage_pay_line(said, said, 1570) is None


def test_the_stoppage_asked_again_gets_the_verdict_not_the_paragraph():
    first = stoppage_pay_line("那是2020年疫情放假在家 没上班 我是隆祥皮革的",
                              "放假那会厂里只给1570保底 那是2020年疫情放假在家 没上班 我是隆祥皮革的", 1570)
    tracker = conversation([("放假那会厂里只给1570保底 这个合法不", "minimum_wage", [BELOW]),
                            ("那是2020年疫情放假在家 没上班 我是隆祥皮革的", "inform", [first]),
                            ("没上班的时候给1570也算违法吗", "out_of_scope", [])], slots={"city": "福鼎"})
    reply = "\n".join(sums_for(tracker))
    assert reply.startswith("不算违法") and "正常劳动" in reply, reply


@pytest.mark.parametrize("said", ["国庆放假那几天加班 只给了1500 合法吗", "在家待着没上班 老板欠我3000工资 违法吗"])
def test_holiday_overtime_and_wages_owed_are_no_stoppage(said):
    assert stoppage_pay_line(said, said, 1500) is None
