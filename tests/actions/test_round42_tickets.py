"""Independent testers, round 42 (YS, YT): the summary and the tickets — a fact changed on the
last question said back, never 没看出 (YS-01). Each message is read the way make run reads it:
the facts reader (``action_validate_slot_mappings``) with the NLU's entities, then the form,
then the summary."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN
from test_round41_summary import _entity, _user, texts

from actions import facts, tickets
from actions.forms import ValidateTicketOfferForm, ValidateWageArrearsForm
from actions.slot_mappings import ValidateSlotMappings
from actions.tickets import ActionAskCaseConfirmed, ActionOpenTicket

# --- YS-01: 还有十来个工友 对了钱不对 俺是两万三 on the headcount question --------------------------

YS01_OPENING = ("你好 我是在黄岛辛安街道工地上干钢筋的 一个姓刘的包工头年前跑了 欠了俺们三个月工资 大概两万多 "
                "总包是中建什么局的记不清了 俺电话13805321234 这钱还能要回来吗")
YS01_CASE = {"employer": "姓刘的包工头", "amount": "约2万多元", "duration": "P3M", "district": "辛安街道",
             "city": "青岛市", "phone": "13805321234", "occupation": "建筑"}
HEADCOUNT = "有多少工友被欠薪？只有您一个人的话就说“就我一个”。"


def on_headcount(text: str, entities: list, set_now: dict | None = None) -> Tracker:
    """The wage form asking the headcount, the worker's reply, the slots set from it."""
    form = "wage_arrears_form"
    events = [_user(YS01_OPENING, "wage_arrears"),
              *({"event": "slot", "name": k, "value": val} for k, val in YS01_CASE.items()),
              {"event": "action", "name": form},
              {"event": "slot", "name": "requested_slot", "value": "workers_affected"},
              {"event": "bot", "text": HEADCOUNT}, {"event": "action", "name": "action_listen"},
              _user(text, "nlu_fallback", entities), {"event": "action", "name": form},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    slots = {**YS01_CASE, **(set_now or {}), "requested_slot": "workers_affected"}
    return Tracker("worker-42", slots, parse(text, "nlu_fallback", entities), events, False, None,
                   {"name": form}, "action_listen")


async def headcount_turn(text: str, entities: list) -> tuple[dict, str]:
    """The reply read as make run reads it: facts reader, wage form, and the summary it asks."""
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), on_headcount(text, entities), DOMAIN))
    dispatcher = CollectingDispatcher()
    tracker = on_headcount(text, entities, read)
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN)
    slots = {**read, **slot_values(events)}
    tracker.slots.update(slots)
    tracker.events.extend({"event": "slot", "name": k, "value": val} for k, val in slot_values(events).items())
    tracker.events.extend({"event": "bot", "text": m.get("text")} for m in dispatcher.messages)
    if slots.get("requested_slot") == "case_confirmed":
        await ActionAskCaseConfirmed().run(dispatcher, tracker, DOMAIN)
    return slots, texts(dispatcher)


async def test_a_fact_changed_with_the_answer_is_said_back_not_没看出():
    """YS-01: the amount became 23,000, yet the summary came with 这句我没看出要把哪一项改成什么."""
    text = "还有十来个工友 对了钱不对 俺是两万三"
    slots, said = await headcount_turn(text, [_entity(text, "amount", "两万三")])
    assert slots.get("amount") == 23000, slots
    assert "没看出" not in said, said
    assert "金额改为23,000" in said.replace(" ", "") and "十来个" in said.split("请核对")[0], said
    assert "请核对一下要登记的欠薪情况" in said


async def test_a_plain_headcount_answer_says_nothing_before_the_summary():
    """就我一个 answers the question: no 记下了 line, the summary alone."""
    text = "就我一个"
    slots, said = await headcount_turn(text, [])
    assert said.startswith("请核对一下要登记的欠薪情况"), said


# --- YT-01: the school case filed, then told again with a fact changed --------------------------

SCHOOL_OFFER = ("要不要我帮您登记一张子女入学协调工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
                "· 年级：小学三年级\n· 户口情况：外地户口，居住证不确定\n"
                "· 遇到的问题：转学(想转过来在这边上学)\n· 地点：黄岛辛安街道")
SCHOOL_FILED = ("已为您登记子女入学协调工单，工单号 GH202612070002，由辛安街道工会网格化工作总站负责"
                "（电话 0532-12351）。工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。"
                "以后查进度，告诉我工单号就行。")


def school_told_again(text: str, hukou: str, wants: bool | None) -> Tracker:
    """The school ticket filed here, then the same case parked again (户口情况 as read now)."""
    case = {"type": "school_placement", "facts": {"child_grade": "小学三年级", "hukou_status": hukou,
                                                  "school_problem": "转学(想转过来在这边上学)"}}
    events = [_user("孩子在老家上三年级 想转过来 没有青岛户口 居住证大概办了", "school_placement"),
              {"event": "slot", "name": "hukou_status", "value": "外地户口，居住证不确定"},
              {"event": "bot", "text": SCHOOL_OFFER}, _user("要，帮我登记", "affirm"),
              {"event": "bot", "text": SCHOOL_FILED}, {"event": "action", "name": "action_listen"},
              _user(text, "inform"), {"event": "slot", "name": "hukou_status", "value": hukou}]
    slots = {"pending_case": case, "wants_ticket": wants, "district": "黄岛辛安街道", "hukou_status": hukou,
             "phone": "13905328876"}
    return Tracker("worker-42", slots, parse(text, "inform"), events, False, None, {}, "action_listen")


@pytest.fixture
def ticket_backend(monkeypatch) -> dict[str, list]:
    """Tickets filed and notes left (no records to answer from)."""
    made: dict[str, list] = {"filed": [], "notes": []}

    async def submit(client, outbox, payload, key):
        made["filed"].append(payload)
        return {"id": "GH202612070003", "station_name": "辛安街道工会网格化工作总站",
                "station_phone": "0532-12351", "sla_due": "2026-12-09T00:00:00Z"}

    class Backend:
        async def add_ticket_note(self, ticket_id, conversation, note):
            made["notes"].append((ticket_id, note))
            return {"id": ticket_id, "sla_due": "2026-12-09T00:00:00Z"}

        async def facts(self, question, **where):
            return {"facts": []}

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: Backend())
    monkeypatch.setattr(facts, "client", lambda: Backend())
    monkeypatch.setattr(tickets, "outbox", lambda: None)
    return made


@pytest.mark.parametrize("wants", [None, True])
async def test_a_fact_changed_after_filing_goes_on_the_filed_ticket_not_a_new_one(ticket_backend, wants):
    """YT-01: 居住证 not issued after the school ticket 0002 — the same ticket offered again, and 要
    filed GH202612070003 beside it."""
    tracker = school_told_again("单子不是登记过了吗 我问的是居住证没办下来能不能报名", "外地户口，没有居住证", wants)
    assert await ValidateTicketOfferForm().required_slots(["wants_ticket", "phone"], CollectingDispatcher(),
                                                          tracker, DOMAIN) == []
    dispatcher = CollectingDispatcher()
    await ActionOpenTicket().run(dispatcher, tracker, DOMAIN)
    assert ticket_backend["filed"] == [], ticket_backend
    assert ticket_backend["notes"] == [("GH202612070002", "补充：户口情况：外地户口，没有居住证")], ticket_backend
    assert "GH202612070002" in texts(dispatcher) and "· 户口情况：外地户口，没有居住证" in texts(dispatcher)


async def test_a_supposing_question_after_filing_changes_nothing_on_the_ticket(ticket_backend):
    """YT-01: 那居住证要是没办下来还能报名吗 was read as 有居住证 and the case offered again."""
    tracker = school_told_again("好的 那居住证要是没办下来还能报名吗", "外地户口，有居住证", None)
    dispatcher = CollectingDispatcher()
    events = await ActionOpenTicket().run(dispatcher, tracker, DOMAIN)
    assert ticket_backend["filed"] == [], ticket_backend
    assert not any("有居住证" in note for _id, note in ticket_backend["notes"]), ticket_backend
    assert slot_values(events).get("hukou_status") == "外地户口，居住证不确定", events
    assert "GH202612070002" in texts(dispatcher), texts(dispatcher)


async def test_another_employer_after_filing_is_a_new_matter(ticket_backend):
    """A second employer's wages are another case: offered as a ticket of its own."""
    case = {"type": "wage_arrears", "facts": {"employer": "海韵物业", "amount": 5000}}
    events = [{"event": "bot", "text": "请核对一下要登记的欠薪情况：\n· 单位：海纳建筑\n· 金额：24,000 元"},
              {"event": "bot", "text": SCHOOL_FILED.replace("子女入学协调", "欠薪")},
              _user("还有个物业也欠我五千", "wage_arrears")]
    tracker = Tracker("worker-42", {"pending_case": case}, parse("还有个物业也欠我五千", "wage_arrears"), events,
                      False, None, {}, "action_listen")
    assert tickets.same_matter_filed(tracker) is None


# --- YT-03: the childcare sign-up routed to the station the bot had just named ----------------------

def test_a_sign_up_for_a_named_station_goes_to_that_station():
    """YT-03: 住沂河路那边 → the 沂河路 station's card, yet the ticket went to the district centre
    (routed by 地点 西海岸)."""
    facts_told = {"service": "职工子女爱心托管报名", "station": "辛安街道沂河路社区工会网格工作站"}
    tracker = Tracker("worker-42", {"city": "青岛市", "district": "西海岸", "phone": "15192345678"},
                      parse("15192345678", "inform"), [], False, None, {}, "action_listen")
    payload = tickets.case_payload(tracker, "other", facts_told)
    assert payload["district"] == "辛安街道沂河路社区", payload
    assert tickets.case_payload(tracker, "other", {"service": "技能培训报名"})["district"] == "西海岸"
