"""Round 42 (W3): the conversation around the answers — no code sent unasked after the crisis
reply (YS-10), and the worker's follow-ups heard rather than read as another flow."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import forms
from actions.router import ActionStartService

CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


def _turn(text: str, intent: str, *after: dict) -> list[dict]:
    return [{"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "parse_data": parse(text, intent)}, *after]


def _slot(name: str, value) -> dict:
    return {"event": "slot", "name": name, "value": value}


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def after_crisis(then: str, intent: str, slots: dict | None = None) -> Tracker:
    """我真不想活了 … (the crisis reply), a wage ticket with the phone on it, then ``then``."""
    slots = {"phone": "15192087766", "city": "青岛市", "district": "黄岛区", **(slots or {})}
    events = [*_turn("老板一分钱没给 孩子住院等着交钱 我真不想活了", "wage_arrears",
                     {"event": "bot", "text": CRISIS}),
              *_turn("15192087766", "inform", *[_slot(k, v) for k, v in slots.items()],
                     {"event": "bot", "text": "已为您登记欠薪工单，工单号 GH202612070017"}),
              *_turn(then, intent)]
    return Tracker("worker-42", slots, parse(then, intent), events, False, None, {}, "action_listen")


class Codes:
    """A backend that records the codes sent."""

    def __init__(self) -> None:
        self.sent: list[str] = []

    async def send_code(self, phone, conversation_id=None):
        self.sent.append(phone)
        return {}


@pytest.mark.asyncio
async def test_no_code_is_sent_unasked_after_the_crisis_reply(monkeypatch):
    """YS-10: 孩子看病的钱实在凑不上了 工会有没有什么救助 after 我真不想活了 — 验证码已经发到您的手机上了,
    a code sent to the phone on the wage ticket without a word of why."""
    codes = Codes()
    monkeypatch.setattr(forms, "client", lambda: codes)
    dispatcher = CollectingDispatcher()
    tracker = after_crisis("孩子看病的钱实在凑不上了 工会有没有什么救助", "relief_eligibility")
    events = await ActionStartService()._start("relief_eligibility", dispatcher, tracker, DOMAIN)
    assert codes.sent == []
    assert slot_values(events).get("otp_code") == forms.UNVERIFIED_CODE
    said = texts(dispatcher)
    assert "验证码已经发到" not in said and "建档就是" in said


@pytest.mark.asyncio
async def test_without_a_crisis_the_code_is_still_sent(monkeypatch):
    codes = Codes()
    monkeypatch.setattr(forms, "client", lambda: codes)
    tracker = after_crisis("孩子看病的钱实在凑不上了 工会有没有什么救助", "relief_eligibility")
    tracker.events[:] = [e for e in tracker.events if e.get("text") != CRISIS]
    await ActionStartService()._start("relief_eligibility", CollectingDispatcher(), tracker, DOMAIN)
    assert codes.sent == ["15192087766"]


@pytest.mark.parametrize("said", ["其实我不想要钱 我想接着在厂里干 生孩子要用钱 能让他们不开我吗",
                                  "孩子学费下礼拜就要交 工会有没有啥救急的钱"])
def test_money_not_owed_after_the_crisis_is_no_wage_case(said):
    """YT-15: 我想接着在厂里干 after the crisis reply got 欠了多长时间了？; YT-14: 救急的钱 交学费."""
    from actions.crisis import money_after_crisis
    assert not money_after_crisis(after_crisis(said, "nlu_fallback"), said)
    assert money_after_crisis(after_crisis("打电话有啥用 钱也要不回来", "nlu_fallback"), "打电话有啥用 钱也要不回来")


class Stations:
    async def resolve(self, city, district):
        return {"station": {"name": "青岛西海岸新区总工会职工服务中心", "phone": "0532-12351"}}


@pytest.mark.asyncio
async def test_school_fees_help_is_answered_and_offered_without_medical_costs(monkeypatch):
    """YT-14: 孩子学费下礼拜就要交 工会有没有啥救急的钱 got a station card, then the relief form
    asked the year's medical costs three times."""
    from actions import relief
    from actions.relief import asks_help_not_medical
    monkeypatch.setattr(relief, "client", lambda: Stations())
    said = "孩子学费下礼拜就要交 工会有没有啥救急的钱"
    assert asks_help_not_medical(said) and asks_help_not_medical("我问的是有没有补助 能先借点钱给孩子交学费吗")
    assert not asks_help_not_medical("孩子住院的钱凑不上 工会有没有救助")
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().act(dispatcher, after_crisis(said, "inform"), DOMAIN)
    assert (slot_values(events).get("pending_case") or {}).get("type") == "relief_application"
    reply = texts(dispatcher)
    assert "建档" in reply and "自付的医疗费" not in reply and "地址：" not in reply


def test_pay_promised_after_the_festival_is_no_holiday_question():
    """YT-16: 他们说过年后给 这样还算时效吗 started the subsidy flow (留下过年还是回家, three times)."""
    from actions.router import promised_by_the_holiday
    assert promised_by_the_holiday("我去年一直在微信上找人事要补偿 他们说过年后给 这样还算时效吗")
    assert promised_by_the_holiday("老板说年前给")
    assert not promised_by_the_holiday("今年过年不回家了 留下过年有啥补贴")
