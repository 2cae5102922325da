"""Round 53 (tester XP), helper k: the time the worker asks to be called is kept and said back.

XP-13: 那让他们周六下午给我回电话吧 13866554433 问劳动合同到期不续签的事 — the callback ticket was
filed without the time (回电话 did not end a time as 打 did) and said 工作人员会在 12月9日（周三）前给您
打电话; then 还有周六下午打电话你记上了没 was never answered. The time is read (回电话 / 回个电话 /
联系我, 周末 / 星期六), put on the ticket and said back at filing; asked later, it is confirmed, or
written on the ticket then."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_round41_summary import texts

from actions import tickets
from actions.backend_client import BackendError

ASKED = [("那让他们周六下午给我回电话吧 13866554433 问劳动合同到期不续签的事", "周六下午"),
         ("13866554433 明天上午给我回个电话", "明天上午"),
         ("礼拜六下午回电话 13866554433", "礼拜六下午"),
         ("13866554433 星期天下午联系我", "星期天下午"),
         ("周末打给我吧 13866554433", "周末"),
         ("13866554433 下午三点以后打", "下午三点以后")]
CALLBACK = ("已为您登记回电工单，工单号 GH202612070033，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
            "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
TICKET = {"id": "GH202612070033", "station_name": "辛安街道工会网格化工作总站", "station_phone": "0532-12351",
          "sla_due": "2026-12-09T00:00:00Z"}


@pytest.mark.parametrize("said,when", ASKED)
def test_the_time_asked_for_goes_on_the_callback(said, when):
    tracker = conversation([(said, "inform", [])], slots={"phone": "13866554433"})
    facts = tickets.callback_facts(tracker, "worker_request")
    assert tickets.call_time_alone(facts.get("call_time") or "") == when, facts


@pytest.mark.parametrize("said", ["明天我去找老板要钱", "我下午要上班 老板不让请假", "周末也在厂里干活"])
def test_no_time_to_call_is_read_where_none_is_asked(said):
    assert tickets.call_time_in(said) is None


@pytest.mark.parametrize("said,when", ASKED[:3])
async def test_the_filing_says_the_time_asked_not_the_sla_date(monkeypatch, said, when):
    async def submit(client, outbox, payload, key):
        return TICKET

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: None)
    monkeypatch.setattr(tickets, "outbox", lambda: None)
    tracker = conversation([(said, "inform", [])], slots={"phone": "13866554433", "district": "辛安"})
    dispatcher = CollectingDispatcher()
    await tickets.file_case(dispatcher, tracker, "callback", tickets.callback_facts(tracker, "worker_request"))
    reply = texts(dispatcher)
    assert f"（{when}）" in reply and "12月9日" not in reply, reply


def test_a_time_at_night_is_not_promised_at_filing():
    said = tickets.what_happens_next(TICKET, True, False, "晚上九点以后打")
    assert "12月9日" in said and "照这个时间" not in said


@pytest.fixture
def notes(monkeypatch) -> list:
    made: list = []

    class Backend:
        async def add_ticket_note(self, ticket_id, conversation, note):
            if ticket_id == "GH000000000000":
                raise BackendError(404, "not_found", "工单不存在")
            made.append((ticket_id, note))
            return {"id": ticket_id, "sla_due": "2026-12-09T00:00:00Z"}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    return made


@pytest.mark.parametrize("asked", ["还有周六下午打电话你记上了没", "周六下午回电话 记下了吗",
                                   "我说的回电时间你记上了吗", "周六下午给我打 这个写上了没有"])
async def test_the_time_asked_about_is_written_on_the_ticket_when_it_was_not(notes, asked):
    tracker = conversation([("那让他们周六下午给我回电话吧 13866554433", "inform", [CALLBACK]),
                            (asked, "inform", [])], slots={"phone": "13866554433"})
    said = await tickets.call_time_kept(tracker)
    assert said and "GH202612070033" in said and "周六下午" in said, said
    assert notes == [("GH202612070033", "方便接电话的时间：周六下午")]


async def test_the_time_already_on_the_ticket_is_said_back(notes):
    filed = CALLBACK.replace("工作人员会在 12月9日（周三）前给您打电话",
                             tickets.CALL_AS_TOLD.format(when="周六下午"))
    tracker = conversation([("那让他们周六下午给我回电话吧 13866554433", "inform", [filed]),
                            ("周六下午打电话你记上了没", "inform", [])], slots={"phone": "13866554433"})
    said = await tickets.call_time_kept(tracker)
    assert said and said.startswith("记上了") and "周六下午" in said, said
    assert notes == []


@pytest.mark.parametrize("asked", ["周六下午打电话你记上了没", "记上了没"])
async def test_no_answer_without_a_ticket_or_a_time(notes, asked):
    tracker = conversation([("周六下午给我回电话", "inform", ["好的"]), (asked, "inform", [])])
    assert await tickets.call_time_kept(tracker) is None
    if asked == "记上了没":
        tracker = conversation([("我叫张三", "inform", [CALLBACK]), (asked, "inform", [])])
        assert await tickets.call_time_kept(tracker) is None


async def test_asked_after_filing_it_is_answered_with_the_question_beside_it(notes):
    tracker = conversation([("那让他们周六下午给我回电话吧 13866554433", "inform", [CALLBACK]),
                            ("还有周六下午打电话你记上了没", "inform", [])], slots={"phone": "13866554433"})
    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, tracker) == []
    assert "周六下午" in texts(dispatcher) and "GH202612070033" in texts(dispatcher), texts(dispatcher)
    assert notes == [("GH202612070033", "方便接电话的时间：周六下午")]
