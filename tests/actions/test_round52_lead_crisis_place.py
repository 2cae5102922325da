"""Round 52 (lead): XM-16 — after the crisis reply the bot asked 告诉我您在哪个城市、区、街道…我马上查;
the worker said 我在辛安街道 and got 我还在这儿 instead of the check of their station."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.handoff import place_for_the_person

CRISIS = "您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356。我这就帮您联系工会的工作人员。"
WHERE = ("您还没说在哪儿，我先按青岛市总工会职工服务中心的时间查的：它现在不在服务时间。告诉我您在哪个城市、区、街道"
         "（比如：青岛黄岛区辛安街道），我马上查，有人就直接帮您转；也可以留个手机号。")


def _tracker(text: str, slots: dict) -> Tracker:
    top = {"name": "inform", "confidence": 0.9}
    message = {"text": text, "intent": top, "intent_ranking": [top], "entities": []}
    first = {"text": "工资要不回来 真不想活了", "intent": {"name": "psych_support", "confidence": 1.0}}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first["text"], "parse_data": first},
              {"event": "bot", "text": CRISIS}, {"event": "bot", "text": WHERE},
              {"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message},
              *({"event": "slot", "name": k, "value": v} for k, v in slots.items())]
    return Tracker("worker-1", slots, message, events, False, None, {}, "action_listen")


def test_the_place_after_the_crisis_reply_gets_the_promised_check():
    assert place_for_the_person(_tracker("我在辛安街道", {"district": "黄岛区", "street": "辛安街道"}))
    assert place_for_the_person(_tracker("黄岛区", {"district": "黄岛区"}))


def test_a_place_of_danger_is_the_danger_first():
    assert not place_for_the_person(_tracker("我在黄岛 现在在工地楼顶上", {"district": "黄岛区"}))
