"""Round 56 (t), XV-5 / XV-15: a whole case with a work injury and a dismissal during the treatment
(在工地摔伤了腿 住院期间老板说不用来了 / 受伤治疗期间被辞退) got the general severance rule, the injury
answered late and 《劳动合同法》第四十二条 never said. The law on the worker's own case first: no dismissal
under 第四十条、第四十一条 in 停工留薪期 / 医疗期 (第四十二条), so unlawful — the job back (第四十八条) or
twice the severance (第八十七条), on the time and pay told; 停工留薪期 pays on (《工伤保险条例》第三十三条)
and 工伤认定's 30 days / 1 year (第十七条)."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions import legal
from actions.legal import WAGE_ASK, sums_for, without_feared_dismissal
from bot.normalize.text import normalize_text


def _answer(*said: str, before: str = "…") -> str:
    turns = [(normalize_text(s), "legal_aid", [before]) for s in said]
    turns[-1] = (turns[-1][0], "legal_aid", [])
    return "\n".join(sums_for(conversation(turns)))


_LAW = ("第四十二条", "第四十条、第四十一条", "第四十八条", "第八十七条", "违法解除")
_INJURY_LAW = ("第三十三条", "停工留薪期", "30日内", "1年内", "第十七条")


@pytest.mark.parametrize("said", ["在工地摔伤了腿 住院期间老板说不用来了",
                                  "受伤治疗期间被辞退了 怎么办",
                                  "我在厂里手被机器压伤了 还在家养伤 老板就把我开了"])
def test_dismissed_while_treated_for_a_work_injury_is_unlawful_by_article_42(said):
    answer = _answer(said)
    assert all(word in answer for word in _LAW + _INJURY_LAW), answer
    assert answer.startswith("按您说的，您是干活受的伤，还在治疗期间就被辞退了"), answer


def test_the_damages_on_the_time_and_pay_told():
    answer = _answer("我在厂里干了三年 一个月五千 受伤治疗期间被辞退了 能要多少")
    assert "赔偿金是 6 个月工资，按月工资 5,000 元算约 30,000 元" in answer, answer
    assert "第四十二条" in answer and "每月就是 5,000 元" in answer, answer
    assert "单位违法辞退的，赔偿金是它的二倍" not in answer  # (the general rule, as a maybe)


def test_the_wage_asked_then_told_sums_the_damages():
    first = _answer("我在厂里干了三年 受伤治疗期间被辞退了 能要多少")
    assert "赔偿金是 6 个月工资" in first and WAGE_ASK in first, first
    answer = _answer("我在厂里干了三年 受伤治疗期间被辞退了 能要多少", "五千", before=first)
    assert "约 30,000 元" in answer and "第四十二条" in answer, answer


def test_the_whole_case_sums_the_damages_with_the_rest():
    answer = _answer("我在工地干了两年 没签合同 一个月六千 上个月在工地摔伤了腿 住院期间老板说不用来了 "
                     "工资还欠我两个月 一共能要多少")
    lines = answer.split("\n")
    assert "第四十二条" in lines[0], answer
    assert "违法辞退赔偿金（2N）约 24,000 元" in answer and "治疗期间辞退" in answer, answer
    assert "二倍工资差额约 66,000 元" in answer and "欠发工资约 12,000 元" in answer, answer


def test_an_illness_in_its_medical_period_is_the_same_without_the_injury_rules():
    answer = _answer("我生病住院做手术 住院期间公司说不用来了 干了五年 月薪八千")
    assert "医疗期" in answer and "第四十二条" in answer and "约 80,000 元" in answer, answer
    assert "工伤认定" not in answer


def test_dismissed_after_leaving_hospital_is_said_as_a_condition():
    answer = _answer("我在工地摔伤了腿 出院以后老板说不用来了")
    assert "要是辞退的时候您还在治疗期间" in answer and "第四十二条" in answer, answer


def test_the_fear_of_it_while_treated_is_answered_no():
    answer = _answer("我受伤在家养着 老板会不会把我开了")
    assert answer.startswith("不能。") and "第四十二条" in answer, answer


@pytest.mark.parametrize("said", ["孩子生病住院 我请假照顾 被老板辞退了", "老婆住院了 我被厂里开除了",
                                  "怀孕了在医院保胎 公司把我辞退了", "老板欠我两个月工资"])
def test_no_injury_of_the_worker_is_no_such_case(said):
    assert not legal.injured_dismissal(normalize_text(said))


def test_the_general_records_step_aside_for_the_own_case():
    found = [{"topic": "dismissal_compensation"}, {"topic": "injury_benefits"}, {"topic": "accident_cover_max"},
             {"topic": "injury_without_contract"}]
    kept = without_feared_dismissal(found, "我在厂里干了三年 受伤治疗期间被辞退了 能要多少")
    assert [f["topic"] for f in kept] == ["injury_without_contract"]
