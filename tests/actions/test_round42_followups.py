"""Round 42 follow-ups (W5): when staff are there asked in the worker's own words (YS-15), and
the closed text said with no place known names whose hours applied (YT-11)."""

from __future__ import annotations

from datetime import datetime

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff
from actions.fallback import ActionFallbackStep
from actions.handoff import STAFF_HOURS, staff_hours_reply

CLOSED_CENTRE = {"station_name": "青岛市总工会职工服务中心", "station_open_now": False,
                 "station_phone": "0532-12351", "position": 1,
                 "station_opens_at": "2026-12-07T05:30:00Z"}  # 13:30 Beijing


def _said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("text", ["要是晚上下了班再找你们 有人管吗", "你们晚上几点下班 下班以后找谁",
                                  "那工作人员下班了 晚上俺有急事打哪个电话"])
def test_out_of_hours_asked_plainly_is_heard(text):
    """YS-15: two 没明白 to a plain out-of-hours question, never answered."""
    assert staff_hours_reply(text) == STAFF_HOURS


@pytest.mark.parametrize("text", ["晚上加班到十点 有人管吗", "下班以后找谁要工资"])
def test_the_workers_own_hours_are_no_staff_question(text):
    assert staff_hours_reply(text) is None


@pytest.mark.asyncio
async def test_the_fallback_answers_when_staff_are_there():
    """YS-15: 要是晚上下了班再找你们 有人管吗 right after the queue message got 没太明白."""
    tracker = conversation([("物业公司欠了俺俩月工资 转人工", "request_human",
                             ["已为您转接工作站的工作人员，前面还有 2 位在等待，请稍候。"]),
                            ("要是晚上下了班再找你们 有人管吗", "nlu_fallback", [])])
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, tracker, {})
    said = _said(dispatcher)
    assert "白天上班" in said and "utter_ask_rephrase" not in said, said


@pytest.mark.asyncio
async def test_an_urgent_call_at_night_asked_after_the_ticket_gets_the_hours(monkeypatch):
    """YS-15: 那工作人员下班了 晚上俺有急事打哪个电话 (request_human) got 您已经在排队了."""
    tracker = conversation([("138 6398 2210", "inform", ["已为您登记欠薪工单，工单号 GH202612070022"]),
                            ("那工作人员下班了 晚上俺有急事打哪个电话", "request_human", [])])
    dispatcher = CollectingDispatcher()
    await handoff.ActionHandoffRequest().run(dispatcher, tracker, {})
    said = _said(dispatcher)
    assert "白天上班" in said and "排队" not in said, said


def test_the_closed_text_with_no_place_names_the_centre_and_its_break(monkeypatch):
    """YT-11: at 13:21 on a Monday, 工会网格工作站现在不在服务时间 — whose hours, and the worker's
    own station may be open."""
    monkeypatch.setattr(handoff, "datetime", _FrozenAt(datetime.fromisoformat("2026-12-07T13:21:00+08:00")))
    text = handoff.closed_text("青岛市总工会职工服务中心", False, CLOSED_CENTRE["station_opens_at"])
    assert "青岛市总工会职工服务中心" in text and "中午休息" in text and "13:30上班" in text, text
    assert "可能就有人" in text and "城市、区、街道" in text


@pytest.mark.asyncio
async def test_the_closed_text_challenged_is_explained_not_a_menu(monkeypatch):
    """YT-11: 现在不是下午一点多吗 … 怎么不在服务时间 got the generic menu."""
    monkeypatch.setattr(handoff, "datetime", _FrozenAt(datetime.fromisoformat("2026-12-07T13:21:00+08:00")))
    closed = handoff.closed_text("青岛市总工会职工服务中心", False, CLOSED_CENTRE["station_opens_at"])
    text = "现在不是下午一点多吗 你们不是八点半到晚上七点半上班吗 怎么不在服务时间"
    tracker = conversation([("转人工", "request_human", ["好的，帮您找网格工作站的工作人员。", closed]),
                            (text, "nlu_fallback", [])])
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, tracker, {})
    said = _said(dispatcher)
    assert "青岛市总工会职工服务中心" in said and "中午休息" in said and "哪个城市、区、街道" in said, said
    assert handoff.closed_challenged_reply(tracker, text) == said


class _FrozenAt:
    """``datetime`` with ``now`` fixed (the break depends on the hour)."""

    def __init__(self, at: datetime) -> None:
        self._at = at

    def now(self, tz=None) -> datetime:
        return self._at.astimezone(tz) if tz else self._at

    def fromisoformat(self, text: str) -> datetime:
        return datetime.fromisoformat(text)
