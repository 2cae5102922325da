"""Independent testers, round 41 (YR): the ticket offer and the ticket after it — the employer told
with the yes and then asked for (YR-05), a correction on the school offer read as a no (YR-01),
and words told on the childcare sign-up's offer left off it (YR-02). Each message is read the way
make run reads it: the facts reader (``action_validate_slot_mappings``) with the NLU's entities,
then the form, then the offer again or the ticket."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN
from test_round41_summary import _entity, _user, texts

from actions import tickets
from actions.forms import ValidateTicketOfferForm
from actions.slot_mappings import ValidateSlotMappings
from actions.tickets import ActionAskWantsTicket, ActionOpenTicket

OFFER = "要不要我帮您登记一张工单，转给您所在的网格工作站跟进？"


def on_offer(case: dict, told: list[tuple[str, str]], text: str, intent: str, entities: list | None = None,
             slots: dict | None = None, set_now: dict | None = None, offer: str = OFFER) -> Tracker:
    """The ticket offer's tracker: the worker's messages (``told``), the case parked and offered,
    the message, the slots set from it."""
    form = "ticket_offer_form"
    events = [*(_user(said, said_intent) for said, said_intent in told),
              {"event": "action", "name": form}, {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": offer}, {"event": "action", "name": "action_listen"},
              _user(text, intent, entities), {"event": "action", "name": form},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    return Tracker("worker-41", {"pending_case": case, "city": "青岛市", **(slots or {}), **(set_now or {}),
                                 "requested_slot": "wants_ticket"},
                   parse(text, intent, entities), events, False, None, {"name": form}, "action_listen")


async def offer_turn(case: dict, told: list[tuple[str, str]], text: str, intent: str, entities: list | None = None,
                     slots: dict | None = None, offer: str = OFFER) -> tuple[Tracker, list[dict], str]:
    """The message on the offer as make run reads it: the tracker after it, the form's events and
    all said (the offer again when it is still open)."""
    read = slot_values(await ValidateSlotMappings().run(
        CollectingDispatcher(), on_offer(case, told, text, intent, entities, slots, offer=offer), DOMAIN))
    if intent in ("affirm", "deny"):  # the domain's from_intent mappings of wants_ticket
        read["wants_ticket"] = intent == "affirm"
    dispatcher = CollectingDispatcher()
    tracker = on_offer(case, told, text, intent, entities, slots, read, offer)
    events = await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN)
    tracker.slots.update(slot_values(events))
    if tracker.slots.get("wants_ticket") is None:
        tracker.events.extend({"event": "bot", "text": m.get("text")} for m in dispatcher.messages)
        await ActionAskWantsTicket().run(dispatcher, tracker, DOMAIN)
    return tracker, events, texts(dispatcher)


# --- YR-01: 错了！四年级！ on the school offer -----------------------------------------------------

SCHOOL_CASE = {"type": "school_placement", "facts": {
    "child_grade": "小学三年级", "hukou_status": "外地户口，有居住证",
    "school_problem": "被学校拒收(沂河路那边的小学说不收)"}}
SCHOOL_TOLD = [("孩子今年九岁上三年级 没有青岛户口 沂河路那边的小学说不收", "school_placement")]


@pytest.mark.parametrize("text", ["错了！四年级！", "写错了 四年级", "搞错了 四年级", "不对 是四年级"])
async def test_a_correction_on_the_school_offer_is_a_change_not_a_no(text):
    """YR-01: 错了！四年级！ (read as deny) — 已更正 and then 好的，先不登记: a correction without 是 was
    taken for a no to the ticket."""
    tracker, _events, said = await offer_turn(SCHOOL_CASE, SCHOOL_TOLD, text, "deny",
                                              [_entity(text, "child_grade", "四年级")],
                                              slots={"child_grade": "小学三年级", "district": "辛安街道"})
    assert tracker.slots.get("wants_ticket") is None, said
    assert "已更正" in said and "先不登记" not in said, said
    assert "· 年级：小学四年级" in said.split(OFFER[:8])[-1], said
    assert tracker.slots["pending_case"]["facts"]["child_grade"] == "小学四年级"


async def test_a_plain_no_on_the_school_offer_is_still_a_no():
    for text in ("不用了", "先不登记"):
        tracker, _events, said = await offer_turn(SCHOOL_CASE, SCHOOL_TOLD, text, "deny",
                                                  slots={"child_grade": "小学三年级", "district": "辛安街道"})
        assert tracker.slots.get("wants_ticket") is False, (text, said)


# --- YR-02: 8岁 暑假没人带 on the childcare sign-up's offer ------------------------------------------

CHILDCARE_CASE = {"type": "other", "facts": {"question": "托管；辛安", "service": "职工子女爱心托管报名",
                                             "station": "辛安街道沂河路社区工会网格工作站", "child_grade": None}}
CHILDCARE_TOLD = [("托管", "childcare_service"), ("辛安", "inform")]


@pytest.fixture
def filed(monkeypatch) -> list[dict]:
    """The tickets the actions file (the backend answers each with one filed ticket)."""
    sent: list[dict] = []

    async def submit(client, outbox, payload, key):
        sent.append(payload)
        return {"id": "GH202612070004", "station_name": "青岛西海岸新区总工会职工服务中心",
                "station_phone": "0532-12351", "sla_due": "2026-12-09T00:00:00Z"}

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: None)
    monkeypatch.setattr(tickets, "outbox", lambda: None)
    return sent


async def test_words_told_on_the_sign_up_offer_are_on_it_and_on_the_ticket(filed):
    """YR-02: 8岁 暑假没人带 on the childcare sign-up's offer — the same offer again without it, and
    the ticket filed without the child's age or when the care is needed."""
    text = "8岁 暑假没人带"
    tracker, _events, said = await offer_turn(CHILDCARE_CASE, CHILDCARE_TOLD, text, "inform",
                                              [_entity(text, "amount", "8")], slots={"district": "辛安"})
    assert tracker.slots.get("wants_ticket") is None
    assert "8岁 暑假没人带" in said.split(OFFER[:8])[-1], said
    tracker.slots["wants_ticket"] = True
    await ActionOpenTicket().run(CollectingDispatcher(), tracker, DOMAIN)
    assert "8岁 暑假没人带" in filed[0]["facts"]["question"], filed[0]["facts"]


@pytest.mark.parametrize("text,intent", [("嗯", "inform"), ("好的", "affirm"), ("先不用", "deny"),
                                         ("15966881234", "inform")])
async def test_a_yes_a_no_or_a_phone_on_the_sign_up_offer_is_no_words_of_the_case(text, intent):
    tracker, _events, _said = await offer_turn(CHILDCARE_CASE, CHILDCARE_TOLD, text, intent, slots={"district": "辛安"})
    assert tracker.slots["pending_case"]["facts"]["question"] == "托管；辛安", tracker.slots["pending_case"]


# --- YR-05: the employer told with the yes, and told when asked for ---------------------------------

OPENING_05 = "俺在黄岛一个厂子干了三年 上礼拜老板说不用来了 啥理由也没有 一分钱补偿不给 俺一个月六千五 这能要多少钱"
CORRECTION_05 = "不对 俺算错了 是四年 前年过完年进的厂 不对不对 是四年整"
LEGAL_05 = {"type": "legal_aid", "facts": {"case_points": "被辞退", "time_worked": "4年", "monthly_wage": 6500,
                                           "question": f"{OPENING_05}；更正：{CORRECTION_05}"}}
OFFER_05 = ("要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
            "· 情况要点：被辞退\n"
            "· 在这个单位干了：4年\n· 您说的情况：…\n· 月工资：6,500 元\n· 地点：黄岛区")
YES_05 = "中 登记吧 厂子叫海达机械 俺电话13698765432"


def then(tracker: Tracker, said: list[str], text: str, intent: str, entities: list | None = None) -> Tracker:
    """The conversation after the bot said ``said``: the worker's next message, no form active."""
    events = [*tracker.events, *({"event": "bot", "text": line} for line in said),
              {"event": "action", "name": "action_listen"}, _user(text, intent, entities)]
    slots = {**tracker.slots, "requested_slot": None}
    return Tracker("worker-41", slots, parse(text, intent, entities), events, False, None, {}, "action_listen")


async def filed_with_the_yes(filed: list[dict]) -> tuple[Tracker, list[str]]:
    """YR-05's yes on the legal-aid offer, read and filed as make run does: the tracker, all said."""
    entities = [_entity(YES_05, "employer", "海达机械"), _entity(YES_05, "phone", "13698765432")]
    tracker, _events, said = await offer_turn(LEGAL_05, [(OPENING_05, "wage_arrears"), (CORRECTION_05, "inform")],
                                              YES_05, "inform", entities, {"district": "黄岛区"}, OFFER_05)
    assert tracker.slots.get("wants_ticket") is True, said
    dispatcher = CollectingDispatcher()
    await ActionOpenTicket().run(dispatcher, tracker, DOMAIN)
    return tracker, [m.get("text") or "" for m in dispatcher.messages]


async def test_the_employer_told_with_the_yes_is_on_the_ticket_and_said_to_be(filed):
    """YR-05: 中 登记吧 厂子叫海达机械 on the offer filed 单位 海达机械, but the ticket's content asked
    next said 单位还没写上 (read from the summary shown before the yes)."""
    tracker, said = await filed_with_the_yes(filed)
    assert filed[0]["facts"]["employer"] == "海达机械", filed[0]["facts"]
    assert any("· 单位：海达机械" in line for line in said), said
    asked = then(tracker, said, "GH202612070004 现在啥情况 厂名记上了吗", "ticket_status")
    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, asked) == []
    assert "单位写上了：海达机械" in texts(dispatcher) and "还没写上" not in texts(dispatcher), texts(dispatcher)


async def test_the_employer_asked_for_after_filing_is_added_to_the_ticket(monkeypatch):
    """YR-05: 单位还没写上。告诉我单位，我加到工单上。 then 海达机械有限公司 — 收到，您说的我记下了 and
    the service menu; the name is added to the ticket and said back, and on it when asked again."""
    from actions.router import ActionStartService

    notes: list[tuple[str, str]] = []

    class Backend:
        async def add_ticket_note(self, ticket_id, conversation, text):
            notes.append((ticket_id, text))
            return {"id": ticket_id, "sla_due": "2026-12-09T00:00:00Z"}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    filing = ("已为您登记律师咨询（法律援助）工单，工单号 GH202612070004，由青岛西海岸新区总工会职工服务中心负责（电话 "
              "0532-12351）。工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
    start = on_offer(LEGAL_05, [(OPENING_05, "wage_arrears")], "要", "affirm", offer=OFFER_05,
                     slots={"district": "黄岛区", "phone": "13698765432"})
    asked = then(start, [filing], "GH202612070004 现在啥情况 厂名记上了吗", "ticket_status")
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, asked)
    assert "单位还没写上" in texts(dispatcher), texts(dispatcher)
    name = "海达机械有限公司"
    told = then(asked, [texts(dispatcher)], name, "inform", [_entity(name, "employer", name)])
    told.events.append({"event": "slot", "name": "employer", "value": name})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, told, DOMAIN)  # as make run routes it
    assert notes == [("GH202612070004", "单位：海达机械有限公司")]
    assert "已加到工单 GH202612070004：单位 海达机械有限公司" in texts(dispatcher), texts(dispatcher)
    assert "请问您想办理什么事情" not in texts(dispatcher)
    again = then(told, [texts(dispatcher)], "工单上都写了啥 单位写上了没", "ticket_status")
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, again)
    assert "单位写上了：海达机械有限公司" in texts(dispatcher), texts(dispatcher)


async def test_a_question_after_the_fact_was_asked_for_is_no_value_of_it(monkeypatch):
    monkeypatch.setattr(tickets, "client", lambda: None)
    asked = "工单 GH202612070004 上登记的是：\n· 情况要点：被辞退\n单位还没写上。告诉我单位，我加到工单上。"
    filing = "已为您登记律师咨询（法律援助）工单，工单号 GH202612070004，由某中心负责（电话 12351）。"
    start = on_offer(LEGAL_05, [(OPENING_05, "wage_arrears")], "要", "affirm", offer=OFFER_05)
    for text in ("单位要写全称吗", "不知道", "/affirm"):
        tracker = then(then(start, [filing], "工单写了啥", "ticket_status"), [asked], text, "inform")
        assert tickets.missing_fact_told(tracker) is None, text
