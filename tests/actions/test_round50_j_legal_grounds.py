"""Round 50 (j): the legal question asked is answered from the law before any wage question —
XL-6 光凭业绩不好辞退我不合法 (the wage asked instead), XL-13 沒簽合同算不算工傷 (the double
wage three times), XL-14 那试用期到底算不算 (no answer), XK-12 a month docked for 3 days'
notice with no loss caused (2,400 said to be the most owed)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker

from actions.legal import WAGE_ASK, docked_pay_line, sums_for, worked_out
from bot.normalize.text import normalize_text

XL6_FIRST = ("您好，我叫孙丽，在黄岛区薛家岛街道的青岛瑞恒电子有限公司做品检，干了4年。昨天主管口头通知我因为业绩不好"
             "被辞退，没有书面通知，也没提补偿。请问这样合法吗？我能要求什么？")


def _after(first: str, bot_said: str, latest: str, intent: str = "inform") -> Tracker:
    first, latest = normalize_text(first), normalize_text(latest)
    events = [{"event": "user", "text": first, "parse_data": parse(first, "legal_aid")},
              {"event": "bot", "text": bot_said},
              {"event": "user", "text": latest, "parse_data": parse(latest, intent)}]
    return Tracker("j", {}, parse(latest, intent), events, False, None, {}, "action_listen")


@pytest.mark.parametrize("latest", [
    "那就是说光凭业绩不好辞退我不合法？我想申请仲裁，能帮我找法律援助吗",
    "您还没回答我，光说业绩不好就辞退到底合不合法？",
    "业绩差就能把我开除吗",
    "考核不合格就辞退我 这合法吗",
])
def test_dismissal_for_poor_performance_is_answered_before_the_wage(latest):
    said = "\n".join(sums_for(_after(XL6_FIRST, f"…8 个月工资…{WAGE_ASK}。", latest)))
    assert "第四十条" in said and "不能胜任" in said and "培训" in said and "三十日" in said
    assert "第四十八条" in said and "第八十七条" in said
    assert "工资多少" not in said


def test_performance_not_a_dismissal_is_not_this_answer():
    said = worked_out("业绩不好扣了我奖金 合法吗", "业绩不好扣了我奖金 合法吗", None, False)
    assert not any("第四十条第二项" in line for line in said)


@pytest.mark.parametrize("latest", [
    "我問的是工傷 沒合同算不算工傷",
    "我在黃島長江路 手是上個月衝床壓的 廠裡說沒簽合同不算工傷",
    "没签合同能认定工伤吗",
    "没有劳动合同 受伤了算工伤吗",
])
def test_no_contract_does_not_stop_a_work_injury(latest):
    said = "\n".join(sums_for(_after("手是上个月冲床压的 厂里不管", "您愿意说说吗？", latest)))
    assert "事实劳动关系" in said and "工伤" in said and "第十四条" in said and "第十七条" in said
    assert "2005" in said and ("工资条" in said or "工牌" in said) and "30日" in said and "1年" in said
    assert "二倍工资" not in said


@pytest.mark.parametrize("latest", ["那试用期到底算不算", "试用期受伤算工伤吗", "还在试用期能认定工伤不"])
def test_an_injury_in_probation_is_a_work_injury(latest):
    first = "我在黄岛长江路一个五金厂 上个月15号冲床把手指头切了 厂里说我还在试用期不算工伤"
    said = "\n".join(sums_for(_after(first, "要不要我帮您登记一张律师咨询（法律援助）工单", latest)))
    assert said.startswith("算") and "试用期" in said and "劳动关系" in said and "第十四条" in said


def test_probation_pay_question_is_not_the_injury_answer():
    words = "合同一年 试用期半年 说好4000 试用期只给2400 试用期工资算不算违法"
    assert not any("认定工伤" in line for line in worked_out("试用期工资算不算违法", words, None, False))


XK12 = "老板把我上个月工资全扣了 3000 说我辞只提前3天 这合法马"


def test_short_notice_alone_does_not_allow_docking():
    line = docked_pay_line(XK12, XK12, None, None)
    assert "第九十条" in line and "损失" in line and "3,000" in line and "20%" in line and "第十六条" in line
    assert line.index("没造成损失") < line.index("20%")


@pytest.mark.parametrize("latest", ["我在这干一年多了 饭店叫海韵酒楼 在黄岛长江路街道 老板也没说我造成啥损失",
                                    "我没给他造成什么损失啊", "厂里也没有损失"])
def test_no_loss_said_means_the_whole_month_is_owed(latest):
    line = docked_pay_line(latest, XK12 + " " + latest, None, None)
    assert line and "3,000 元" in line and "全数" in line and "2,400" not in line


def test_a_loss_owned_keeps_the_twenty_percent_sum():
    words = "工资全扣了 3000 我把机器弄坏了 他最多能扣多少"
    line = docked_pay_line("他最多能扣多少", words, None, None)
    assert "2,400" in line
