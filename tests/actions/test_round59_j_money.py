"""Round 59, helper j: VC-1, VC-7, VC-8, VC-12, VD-7 (money flows, the crisis follow-up, an injury's costs)."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker

import actions.router  # noqa: F401  (every action module imported before any fixture patches them)

CRISIS_REPLY = "您的安全最重要：心理援助热线 12356、400-161-9995 24 小时有人接；我这就帮您联系工会的工作人员。"


def _after_crisis(said: list[str], latest: str, slots: dict | None = None) -> Tracker:
    events: list[dict] = [{"event": "action", "name": "action_listen"}]
    for i, text in enumerate(said):
        events.append({"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": "inform"}}})
        if i == 0:
            events.append({"event": "bot", "text": CRISIS_REPLY})
        events.append({"event": "bot", "text": "好的。"})
    message = {"text": latest, "intent": {"name": "nlu_fallback"}, "entities": []}
    events.append({"event": "user", "text": latest, "parse_data": message})
    return Tracker("j-59", slots or {}, message, events, False, None, {}, "action_listen")


# --- VC-12: 能帮俺要不 after the crisis reply got feelings he never expressed -------------------------

FIRST = "老板欠俺半年工资了 一个月五千 过年都回不去家 活着真没啥意思了"


@pytest.mark.parametrize("text", ["能帮俺要不", "工会能不能帮俺找老板要 给俺登记上"])
def test_help_getting_the_pay_after_the_crisis_is_the_pay_case_not_the_listening_line(text):
    from actions.crisis import money_after_crisis, still_listening

    tracker = _after_crisis([FIRST, "俺在黄岛长江路街道 俺没事 就是憋屈"], text)
    assert money_after_crisis(tracker, text)
    assert not still_listening(tracker, text, False)


def test_talk_without_a_question_after_the_crisis_still_hears_the_listening_line():
    from actions.crisis import still_listening

    text = "每天十二个小时站流水线 下了班就躺着"
    assert still_listening(_after_crisis([FIRST], text), text, False)


# --- VC-7: 平台说不是员工 invented for a rider asking about 年货 ------------------------------------------

def test_a_rider_asking_about_new_year_goods_hears_no_labour_relation_text():
    from actions.legal import rider_line

    text = "咁啲年货总共派几多份 我系众包嘅 冇单位 去边度搵工会攞"
    assert rider_line(text, "我喺东莞送外卖 今年唔返屋企 工会有咩派㗎 " + text) is None


@pytest.mark.parametrize("words", ["我喺东莞送外卖 我系众包嘅 冇单位",
                                   "我系众包嘅 送外卖 我冇受伤喔 平台都冇讲过我唔系员工 我净系问年货同利是",
                                   "送外卖 众包 平台没说过我不是员工"])
def test_the_platforms_saying_is_never_put_on_the_ticket_unsaid(words):
    from actions.legal import case_points

    assert "平台说不是员工" not in str(case_points(words))


def test_the_platforms_saying_when_said_stays():
    from actions.legal import case_points, rider_line

    words = "我是众包骑手 前天送单摔了腿 平台说我不是他们员工 算工伤不"
    assert "平台说不是员工" in str(case_points(words))
    assert rider_line(words, words)


# --- VC-8: 还有五百也算上 replaced 2,800; the 住院 question ignored ------------------------------------

@pytest.mark.parametrize("text,held", [("哦对了还有药店买药大概五百块 也算上 那够了吧 住院那个能便宜不你还没说", 2800),
                                       ("不是改成500 是两千八再加五百 一共三千三 特困职工住院能减免不", 500)])
def test_a_cost_added_is_added(text, held):
    from actions.relief import medical_cost_added

    assert medical_cost_added(text, held) == 3300


@pytest.mark.parametrize("text", ["我是镇江的特困职工 今年看病自己掏了两千八 能申请救助吗 住院能不能少收点钱",
                                  "住院那个能便宜不你还没说"])
def test_the_hospital_fee_question_is_answered(text):
    from actions.relief import hospital_fee_line

    line = hospital_fee_line(text, "镇江市")
    assert line and "床位费" in line, line


# --- VD-7: 厂里垫的 became 您自己垫的 10,000 元 ------------------------------------------------------

@pytest.mark.parametrize("text", ["看看 厂里垫了一万多医药费后来就不管了 在黄岛 机加工厂 四川人",
                                  "不是俺垫的 是厂里垫的一万多医药费 俺自己又花了三千多 社保交没交俺不知道"])
def test_the_factory_advanced_costs_are_not_the_workers(text):
    from actions.legal import injury_medical_line

    line = injury_medical_line(text, "俺说手让冲床压了 两个礼拜了 算工伤不 " + text)
    assert line and "您自己垫的 10,000" not in line and "单位先垫" in line, line


# --- VC-1: a national regulation said to be "not on record here" ---------------------------------------

def test_a_national_record_is_no_other_places():
    from actions.facts import records_from_elsewhere

    place = {"city": "青岛", "district": "黄岛区"}
    assert not records_from_elsewhere([{"topic": "x", "place": None}], place)
    assert not records_from_elsewhere([{"place": "福建省福鼎市"}], {"city": "福鼎", "district": None})
    assert records_from_elsewhere([{"place": "江苏省镇江市"}], place)


@pytest.mark.parametrize("text", ["那个保障农民工工资支付条例 在青岛管不管用 你刚才说我们这没收录",
                                  "我一开始就说了 青岛恒远建筑 工单都开了 我就问那个条例青岛能不能用"])
def test_whether_a_national_regulation_holds_here_is_answered(text):
    from actions.legal import national_rule_line

    line = national_rule_line(text)
    assert line and line.startswith("管用") and "全国" in line, line
    assert national_rule_line("青岛最低工资多少") is None
