"""Round 53 (tester XP), helper k: after the crisis reply, the case the worker asks to register.

XP-15: the dismissal case was on offer when 真不想活了 came (crisis reply, a callback promised);
then 那补偿的事还能登记吗 我一个月五千 电话15966667777 filed only the crisis callback and said
nothing of the case; 这个工单里有我被开除要补偿的事吗 一个月五千能要多少 got the sums but no word
whether the ticket holds it; 不知道 登记吧 to the street the offer asked was said back as a
statement (好的，记下了：“不知道 登记吧”) and the offer made again.
Now: the callback is filed as promised, what it holds is said, and the parked case is offered;
whether the ticket holds a thing is answered beside the question; 不知道 登记吧 is no statement
(and, for the form, a yes: ``street_unknown_yes``)."""

from __future__ import annotations

import pytest
from form_trackers import conversation, parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_round41_summary import texts

from actions import handoff, tickets
from actions.tickets import STREET_ASKED

CASE = {"type": "legal_aid", "facts": {"case_points": "被辞退、没给钱", "time_worked": "1年6个月",
                                       "question": "我被厂里开除了 干了一年半 一分补偿都没有"}}
CRISIS = "您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351。"
CALLBACK = ("已为您登记回电工单，工单号 GH202612070037，由青岛西海岸新区总工会职工服务中心负责（电话 0532-12351）。"
            "服务站一上班（12月8日（周二）08:30），工作人员会第一时间给您回电，请保持手机畅通。")


def after_crisis(text: str, phone: str | None = "15966667777", **slots) -> Tracker:
    turns = [("我被厂里开除了 干了一年半 一分补偿都没有", "legal_aid", ["要不要我帮您登记一张律师咨询工单"]),
             ("登记有啥用 老婆也跑了工作也没了 真不想活了", "psych_support", [CRISIS]),
             ("黄岛 不用找人 我就是说说", "deny", ["好的，没问题。有需要随时找我。"]),
             (text, "inform", [])]
    tracker = conversation(turns, slots={"pending_case": CASE, "callback_pending": {"reason": "crisis"},
                                         "district": "黄岛", **slots})
    if phone:  # the phone read from the message, as Rasa sets it
        tracker.events.append({"event": "slot", "name": "phone", "value": phone})
        tracker.slots["phone"] = phone
    return tracker


@pytest.fixture
def filed(monkeypatch) -> list:
    made: list = []

    async def file_case(dispatcher, tracker, kind, facts, urgent=False):
        made.append((kind, facts))
        dispatcher.utter_message(text=CALLBACK)
        return {"id": "GH202612070037"}

    monkeypatch.setattr(handoff, "file_case", file_case)
    return made


ASKS = ["那补偿的事还能登记吗 我一个月五千 电话15966667777", "补偿的事能登记不 15966667777",
        "那开除的事帮我登记一下 15966667777", "15966667777 赔偿的事还能办吗", "电话15966667777 补偿的事也帮我登记上"]


@pytest.mark.parametrize("text", ASKS)
async def test_the_parked_case_is_offered_beside_the_callback(filed, text):
    dispatcher = CollectingDispatcher()
    events = await handoff.file_waiting_callback(dispatcher, after_crisis(text))
    said = texts(dispatcher)
    assert [kind for kind, _ in filed] == ["callback"]  # the promised callback stands
    assert "GH202612070037" in said and "律师咨询（法律援助）" in said and "回电工单" in said, said
    assert any(e.get("event") == "active_loop" and e.get("name") == "ticket_offer_form" for e in events)
    offered = next(e["value"] for e in events if e.get("name") == "pending_case")
    assert offered["type"] == "legal_aid" and offered["facts"]["case_points"] == "被辞退、没给钱"


@pytest.mark.parametrize("text", ["15966667777", "15966667777 下午打给我", "15966667777 不用登记了 就打电话就行"])
async def test_no_case_offered_where_none_is_asked(filed, text):
    events = await handoff.file_waiting_callback(CollectingDispatcher(), after_crisis(text))
    assert [kind for kind, _ in filed] == ["callback"]
    assert not any(e.get("event") == "active_loop" for e in events or [])


async def test_the_router_asking_the_service_itself_gets_no_second_offer(filed):
    events = await handoff.file_waiting_callback(CollectingDispatcher(), after_crisis(ASKS[0]), offer=False)
    assert not any(e.get("event") == "active_loop" for e in events or [])


@pytest.fixture
def notes(monkeypatch) -> list:
    made: list = []

    class Backend:
        async def add_ticket_note(self, ticket_id, conversation, note):
            made.append((ticket_id, note))
            return {"id": ticket_id}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    return made


def after_callback(text: str) -> Tracker:
    turns = [("我被厂里开除了 干了一年半 一分补偿都没有", "legal_aid", ["要不要我帮您登记"]),
             ("登记有啥用 老婆也跑了工作也没了 真不想活了", "psych_support", [CRISIS]),
             ("那补偿的事还能登记吗 我一个月五千 电话15966667777", "inform", [CALLBACK]),
             (text, "legal_aid", [])]
    return conversation(turns, slots={"phone": "15966667777", "district": "黄岛", "monthly_wage": 5000})


@pytest.mark.parametrize("text", ["这个工单里有我被开除要补偿的事吗 一个月五千能要多少",
                                  "工单上有没有我被开除的事 能赔多少", "单子里写了开除没给补偿吗 我该咋办"])
async def test_whether_the_ticket_holds_it_is_answered(notes, text):
    said = await tickets.filed_ticket_asides(after_callback(text))
    assert said and said[0].startswith("有。工单 GH202612070037") and "开除" in said[0], said
    assert notes == []


async def test_what_the_ticket_lacks_is_written_on_it(notes):
    said = await tickets.filed_ticket_asides(after_callback("工单里有我老板姓王吗 他会不会报复我"))
    assert said and "补上" in said[0] and "老板姓王" in said[0], said
    assert [(ticket, "老板姓王" in note) for ticket, note in notes] == [("GH202612070037", True)]


@pytest.mark.parametrize("text", ["一个月五千能要多少", "工单里都有啥", "我被开除了有补偿吗"])
async def test_no_aside_where_the_ticket_is_not_asked_about(notes, text):
    assert await tickets.filed_ticket_asides(after_callback(text)) == []


STREET_Q = ("要不要我帮您登记一张律师咨询（法律援助）工单…\n您在黄岛" + STREET_ASKED +
            "？说一下街道…不清楚的话说“不知道”或直接确认，由黄岛的工会服务中心受理。")


def on_the_street_question(text: str) -> Tracker:
    events = [{"event": "bot", "text": STREET_Q}, {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    return Tracker("worker-53k", {"requested_slot": "wants_ticket", "pending_case": CASE}, parse(text, "inform"),
                   events, False, None, {"name": "ticket_offer_form"}, "action_listen")


@pytest.mark.parametrize("text", ["不知道 登记吧", "不清楚 直接登记吧", "街道不知道 你登记吧", "不晓得，帮我登记"])
def test_not_knowing_the_street_and_a_yes_is_no_statement_but_a_yes(text):
    tracker = on_the_street_question(text)
    assert tickets.statement_on_offer(tracker, CASE["facts"]) is None
    assert tickets.street_unknown_yes(tracker, text)


@pytest.mark.parametrize("text", ["不知道 我再想想", "不知道 登记吗", "长江路街道 登记吧"])
def test_other_answers_to_the_street_are_no_such_yes(text):
    assert not tickets.street_unknown_yes(on_the_street_question(text), text)
