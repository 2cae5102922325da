"""Round 54 (testers XR-13, XR-15), helper o: adding to a filed ticket compares with what it holds.

After a ticket was filed with 情况要点：没签劳动合同 and 您说的情况：…欠我两个月工资八千…, the worker's
补充一下 没签合同 欠了八千 was written on it again, 工单上写没写没签合同 got 原来的工单上没写这个 and the
note “没写没签合同”, and 原来的工单上没写这个 was read as a lookup (the status). What is told is read as
facts (没签合同 is 没签劳动合同, 八千 is 金额 8,000 元) and compared with the ticket's lines and words:
what it holds is said to be there, and only what it lacks is written on it."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import tickets

SUMMARY = ("要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
           "· 情况要点：没签劳动合同、欠发工资2个月\n"
           "· 您说的情况：黄岛辛安的鑫源机械厂欠我两个月工资八千 就我一个 没签合同\n"
           "· 单位：鑫源机械厂\n· 地点：辛安\n· 手机号：13912345678")
FILED = ("已为您登记律师咨询（法律援助）工单，工单号 GH202612080004，由辛安街道工会网格化工作总站负责（电话 "
         "0532-12351）。工作人员会在 12月10日（周四）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
OPENING = "黄岛辛安的鑫源机械厂欠我两个月工资八千 就我一个 没签合同 电话13912345678"


def _user(text: str, intent: str = "inform") -> dict:
    return {"event": "user", "text": text, "parse_data": parse(text, intent)}


def after_filing(*said: str, intent: str = "inform") -> Tracker:
    """The ticket filed from the summary, then the worker's messages (with the bot's replies
    between them, as given: a message then its reply)."""
    events = [_user(OPENING), {"event": "bot", "text": SUMMARY}, _user("/affirm", "affirm"),
              {"event": "bot", "text": FILED}]
    for i, text in enumerate(said):
        events.append({"event": "bot", "text": text} if i % 2 else _user(text, intent))
    latest = said[-1]
    return Tracker("worker-54o", {"phone": "13912345678"}, parse(latest, intent), events, False, None, {},
                   "action_listen")


@pytest.fixture
def notes(monkeypatch) -> list[tuple[str, str]]:
    made: list[tuple[str, str]] = []

    class Backend:
        async def add_ticket_note(self, ticket_id, conversation, note):
            made.append((ticket_id, note))
            return {"id": ticket_id, "sla_due": "2026-12-10T00:00:00Z", "status": "assigned"}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    return made


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("text", ["补充一下 没签合同 欠了八千", "再加一句 合同没签 一共欠了8000",
                                  "对了 跟工作人员说一声 没跟我签合同"])
async def test_facts_on_the_ticket_already_are_not_written_again(notes, text):
    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, after_filing(text)) == []
    reply = said(dispatcher)
    assert notes == [], notes
    assert "原来就写着" in reply and "没签劳动合同" in reply and "没写" not in reply, reply


async def test_only_what_the_ticket_lacks_is_added(notes):
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after_filing("补充一下 没签合同 老板还扣了我身份证"))
    reply = said(dispatcher)
    assert notes == [("GH202612080004", "补充：情况要点：扣押身份证")], notes
    assert "扣押身份证" in reply and "原来就写着" in reply and "· 情况要点：没签劳动合同" in reply, reply


@pytest.mark.parametrize("text", ["工单上写没写没签合同", "工单上有没有写没签合同", "单子上写了欠八千没有"])
async def test_asked_whether_it_holds_a_fact_it_holds(notes, text):
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after_filing(text))
    reply = said(dispatcher) or (await tickets.filed_holds_line(after_filing(text)) or "")
    assert notes == [], notes
    assert reply.startswith("有。") and "原来的工单上没写" not in reply, reply


@pytest.mark.parametrize("told", ["老板还扣了我身份证", "厂里没给交社保"])
async def test_the_worker_says_the_ticket_lacks_what_they_told(notes, told):
    dispatcher = CollectingDispatcher()
    tracker = after_filing(told, "好的，我记下了。", "原来的工单上没写这个")
    assert await tickets.note_on_ticket(dispatcher, tracker) == []
    assert len(notes) == 1 and notes[0][0] == "GH202612080004", notes
    assert "补上" in said(dispatcher), said(dispatcher)


async def test_the_worker_says_the_ticket_lacks_what_it_holds(notes):
    dispatcher = CollectingDispatcher()
    tracker = after_filing("还有合同也没签", "好的。", "原来的工单上没写这个")
    assert await tickets.note_on_ticket(dispatcher, tracker) == []
    reply = said(dispatcher)
    assert notes == [] and "已经写了" in reply and "没签劳动合同" in reply, reply


async def test_a_fact_added_once_is_not_added_twice(notes):
    first = CollectingDispatcher()
    await tickets.note_on_ticket(first, after_filing("补充一下 老板扣了我身份证"))
    added = said(first)
    dispatcher = CollectingDispatcher()
    later = after_filing("补充一下 老板扣了我身份证", added, "再加一句 身份证被老板扣着")
    await tickets.note_on_ticket(dispatcher, later)
    assert len(notes) == 1, notes
    assert "原来就写着" in said(dispatcher), said(dispatcher)


async def test_a_wish_about_the_call_is_still_noted_as_said(notes):
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after_filing("让工作人员下午再打给我 上午我在车间"))
    assert notes and "下午" in notes[0][1], notes


async def test_what_was_noted_after_filing_is_on_it(notes):
    dispatcher = CollectingDispatcher()
    noted = "好的，已经在工单 GH202612080004 上给工作人员留了话：“老板还扣了我身份证”。"
    tracker = after_filing("老板还扣了我身份证", noted, "原来的工单上没写这个")
    assert await tickets.note_on_ticket(dispatcher, tracker) == []
    reply = said(dispatcher)
    assert notes == [] and "已经写了" in reply and "老板还扣了我身份证" in reply, reply
