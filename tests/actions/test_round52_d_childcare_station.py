"""Round 52 (tester XN), helper d: a childcare sign-up goes to the station that runs the 托管驿站,
and carries the children told in the first message.

XN-2, XN-15: 我在辛安上班 … 托管 was filed with 辛安街道工会网格化工作总站 (the street told), not the
沂河路社区 station whose card the offer came with and which runs the 职工子女爱心托管驿站.
XN-2: 俩孩子 一个7岁一个10岁 in the first message was off the ticket once the case's last three
messages no longer held it. On the real seeded backend (conftest)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.tickets import ActionAskWantsTicket, case_payload, children_told, context_facts

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

RUNS_IT = "辛安街道沂河路社区工会网格工作站"
SIGN_UP = {"question": "我在辛安上班 暑假想给孩子报个托管", "service": "职工子女爱心托管报名", "station": RUNS_IT}


def on_offer(messages: list[str], slots: dict, facts: dict | None = None) -> Tracker:
    """The childcare sign-up parked on the ticket offer after ``messages``."""
    events: list[dict] = []
    for text in messages:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": parse(text, "childcare_service")},
                   {"event": "bot", "text": "好的。"}]
    case = {"type": "other", "facts": facts or SIGN_UP}
    all_slots = {**slots, "pending_case": case, "requested_slot": "wants_ticket"}
    return Tracker("worker-52d", all_slots, parse(messages[-1], "childcare_service"), events, False, None,
                   {"name": "ticket_offer_form"}, "action_listen")


@pytest.mark.parametrize("place", [{"district": "辛安", "city": "青岛市"}, {"district": "辛安街道", "city": "青岛市"},
                                   {"district": "沂河路社区"}, {"district": "渭河路社区", "city": "青岛市"},
                                   {"district": "黄岛区", "city": "青岛市"}, {"district": "沂河路"}])
def test_the_sign_up_goes_where_the_service_is(place):
    payload = case_payload(on_offer(["想报名"], place), "other", SIGN_UP)
    assert payload["district"] == "辛安街道沂河路社区", payload


@pytest.mark.parametrize("street", ["长江路街道", "长江路", "薛家岛"])
def test_another_street_told_is_where_the_worker_is(street):
    """XD-2 stands: 长江路 told after the 沂河路 card is the worker's own street."""
    payload = case_payload(on_offer(["想报名"], {"district": street, "city": "青岛市"}), "other", SIGN_UP)
    assert payload["district"] == street, payload


@on_module_loop
@pytest.mark.parametrize("district", ["辛安", "辛安街道"])
async def test_the_backend_gives_it_to_the_station_with_the_service(backend, district):
    tracker = on_offer(["我在辛安上班 暑假俩孩子没人看 有托管吗", "想报名"], {"district": district, "city": "青岛市"})
    payload = {**case_payload(tracker, "other", SIGN_UP), "contact_phone": "13853201234"}
    ticket = await backend.create_ticket(payload, f"round52d-{district}")
    assert ticket["station_name"] == RUNS_IT, ticket


@on_module_loop
async def test_the_offer_names_the_station_and_the_ages_told_first(backend):
    tracker = on_offer(["你好 我在辛安上班 暑假俩孩子没人看 一个7岁一个10岁 有托管吗", "托管寒假也管吗",
                        "要钱吗", "几点能接", "想报名"], {"district": "辛安街道", "city": "青岛市"})
    dispatcher = CollectingDispatcher()
    await ActionAskWantsTicket().run(dispatcher, tracker, DOMAIN)
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert f"转给：{RUNS_IT}" in said, said
    assert "7岁、10岁" in said, said


@pytest.mark.parametrize("first,ages", [
    ("你好 我在辛安上班 暑假俩孩子没人看 一个7岁一个10岁 有托管吗", "孩子2个（7岁、10岁）"),
    ("俩娃 老大十岁 老二七岁 暑假没人带", "孩子2个（10岁、7岁）"),
    ("闺女九岁 儿子五岁半 放学没人管", "孩子2个（9岁、5岁半）"),
    ("我今年35岁 孩子6岁 上幼儿园大班 想托管", "孩子6岁"),
    ("三个孩子 大的一个12岁 小的一个8岁一个5岁", "孩子3个（12岁、8岁、5岁）"),
])
def test_the_children_told_go_on_the_ticket(first, ages):
    tracker = on_offer([first, "寒假也管吗", "要钱吗", "几点能接", "想报名"], {"district": "辛安街道"})
    assert children_told(tracker) == ages
    assert ages in context_facts(tracker, SIGN_UP)["case_points"]


def test_no_age_no_line():
    tracker = on_offer(["两个孩子都要托管", "想报名"], {"district": "辛安街道"})
    assert children_told(tracker) is None
    assert "case_points" not in context_facts(tracker, SIGN_UP)
