"""Round 63, helper b2 (/work/indep/results-VK.md, results-VL.md): a person asked for after a ticket goes to the
station that holds it, on the phone already given (VK-11); a topic answered is not offered again after the
ticket (VK-7); a new childcare case keeps the worker's first account, never the button words and corrections
(VL-3)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))

WEST_COAST = "青岛西海岸新区总工会职工服务中心"
PHONE = "15865321478"


def _status(ticket: str, verified: bool) -> str:
    detail = (f"由{WEST_COAST}负责（电话 0532-12351）。" if verified else
              "为了保护个人信息，这里只告诉您办理状态；具体进展由负责的工作人员按您登记的手机号告知您。")
    return f"工单 {ticket} 目前已分派到网格工作站。{detail}工作人员承诺在 12月10日（周四）前联系您。"


def _after_status(ticket: str, asked: str, verified: bool = False, then: list | None = None):
    return conversation([(f"你好 我前两天报了个欠薪的 工单号{ticket} 现在到哪一步了", "ticket_status",
                          ["为了核对是您本人，请告诉我登记这张工单时留的手机号。"]),
                         (PHONE, "inform", [_status(ticket, verified)]), *(then or []),
                         (asked, "request_human", [])], slots={"phone": PHONE})


async def _filed_wage_ticket(backend) -> str:
    ticket = await backend.create_ticket({"type": "wage_arrears", "facts": {"amount_owed": 8000},
                                          "contact_phone": PHONE, "city": "青岛", "district": "黄岛区",
                                          "conversation_id": "earlier-b2"}, "b2-vk11-" + PHONE)
    assert ticket["station_name"] == WEST_COAST, ticket
    return ticket["id"]


# --- VK-11: 找个真人 after the ticket's status ------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("asked", ["不用了 能不能找个真人跟我说说 我想问问多久能把钱要回来", "转人工",
                                   "我要找工作人员问问这个单子", "能不能让真人跟我说"])
async def test_a_person_after_an_unnamed_status_is_the_ticket_station_calling_back(backend, asked):
    from actions.handoff import ActionHandoffRequest

    ticket = await _filed_wage_ticket(backend)
    dispatcher = CollectingDispatcher()
    await ActionHandoffRequest().run(dispatcher, _after_status(ticket, asked), DOMAIN)
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert f"由{WEST_COAST}负责" in said, said
    assert "青岛市总工会" not in said and "留个手机号" not in said and "请留下" not in said, said
    assert "158****1478" in said, said


@on_module_loop
@pytest.mark.parametrize("asked", ["转人工", "能不能找个真人跟我说说"])
async def test_a_person_after_a_named_status_is_queued_at_that_station(backend, monkeypatch, asked):
    from actions.handoff import ActionHandoffRequest

    places = []

    async def open_handoff(conversation_id, city, district, reason, channel):
        places.append((city, district))
        return {"station_name": (await backend.resolve(city, district))["station"]["name"], "station_open_now": True,
                "position": 1, "station_phone": "0532-12351"}

    monkeypatch.setattr(backend, "open_handoff", open_handoff)
    dispatcher = CollectingDispatcher()
    await ActionHandoffRequest().run(dispatcher, _after_status("GH202612080004", asked, verified=True), DOMAIN)
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert places and places[0][1] == "黄岛区", places
    assert f"已为您转接{WEST_COAST}的工作人员" in said, said


@on_module_loop
@pytest.mark.parametrize("asked", ["我要上班了 要是晚上九点以后找你们还有人吗", "晚上下了班还有人不",
                                   "黄岛隐珠 手机号刚才不是给你了吗 晚上有人吗"])
async def test_the_hours_after_the_ticket_ask_no_phone_again(backend, asked):
    from actions.handoff import staff_hours_for_place

    ticket = await _filed_wage_ticket(backend)
    tracker = _after_status(ticket, asked, then=[("找个真人", "request_human", [
        "好的，帮您找网格工作站的工作人员。",
        f"已为您登记回电工单，工单号 GH202612089999，由{WEST_COAST}负责（电话 0532-12351）。"])])
    said = await staff_hours_for_place(tracker, asked) or ""
    assert "半夜和凌晨没有人在岗" in said or WEST_COAST in said, said
    assert "留个手机号" not in said and "158****1478" in said, said


def test_the_callback_beside_a_looked_up_ticket_names_it_alone():
    from actions.tickets import callback_facts

    facts = callback_facts(_after_status("GH202612080004", "转人工"), "worker_request")
    assert facts["related_ticket"] == "GH202612080004", facts


# --- VK-7: 您刚才还提到了“互助保障” after its figure was said; VK-11: 讨要欠薪 as the kind of the ticket asked --------

MUTUAL = ("镇江市总工会为困难职工家庭、环卫工等赠送重大疾病互助保障等四类险种，"
          "职工最高可得给付金16万元（160,000元）。\n"
          "（来源：《工人日报》2021年1月报道（镇江市总工会）；资料截至2021年1月）")
FILED = ("已为您登记困难救助申请工单，工单号 GH202612080013，"
         "由镇江市总工会职工服务中心（困难职工帮扶中心）负责（电话 12351）。")


def _remembered(first: str, lines: list[str], service: str, then: list[str]):
    from rasa_sdk import Tracker

    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": first},
              *({"event": "bot", "text": line} for line in lines),
              {"event": "slot", "name": "next_service", "value": service},
              *({"event": "bot", "text": line} for line in then)]
    return Tracker("b2", {"next_service": service}, {"text": "/affirm"}, events, False, None, {}, "action_listen")


@pytest.mark.parametrize("first", ["13952876630。還有我老婆是特困職工，下禮拜要住院，住院能減免什麼？"
                                   "工會那個互助保障最高能賠多少？",
                                   "13952876630 另外互助保障最多赔多少"])
@pytest.mark.parametrize("figure_first", [True, False])
def test_a_topic_answered_is_not_offered_after_the_ticket(first, figure_first):
    from actions.next_service import offer_next_service

    promise = "好的，“互助保障”的事，这件登记完接着帮您看。"
    lines, then = ([promise, MUTUAL], [FILED]) if figure_first else ([promise], [MUTUAL, FILED])
    dispatcher = CollectingDispatcher()
    events = offer_next_service(dispatcher, _remembered(first, lines, "mutual_insurance", then), [])
    assert not dispatcher.messages, dispatcher.messages
    assert events and events[0]["value"] is None


@pytest.mark.parametrize("first", ["你好 我前两天报了个欠薪的 工单号GH202612080004 现在到哪一步了",
                                   "俺登记的那个欠工资的单子 GH202612080003 咋样了"])
def test_the_kind_of_the_ticket_asked_is_no_second_topic(first):
    from actions.next_service import offer_next_service

    dispatcher = CollectingDispatcher()
    offer_next_service(dispatcher, _remembered(first, [], "wage_arrears", [_status("GH202612080004", False)]), [])
    assert not dispatcher.messages, dispatcher.messages


@pytest.mark.parametrize("first,service", [("老板欠我三个月工资 还想问问孩子上学的事", "school_placement"),
                                           ("查一下GH202612080004 另外孩子上学的事也想问", "school_placement")])
def test_a_topic_not_answered_is_still_offered(first, service):
    from actions.next_service import offer_next_service

    dispatcher = CollectingDispatcher()
    offer_next_service(dispatcher, _remembered(first, [], service, [FILED]), [])
    assert "您刚才还提到了“孩子上学”" in (dispatcher.messages[0].get("text") or ""), dispatcher.messages


# --- VL-3: 您说的情况 rebuilt from 修改 and the corrections ----------------------------------------------------------

FIRST = "俺们两口子都倒班 暑假孩子在家没人看 辛安这边有没有托管的地方啊"


def _childcare_talk(said: list[str], parked: str | None):
    from rasa_sdk import Tracker

    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": FIRST},
              {"event": "bot", "text": "您那边有托管的工会网格工作站：…"}]
    if parked:
        events.append({"event": "slot", "name": "pending_case", "value": {
            "type": "other", "facts": {"question": parked, "service": "职工子女爱心托管报名"}}})
    for text in said:
        events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text},
                   {"event": "bot", "text": "好的。"}]
    return Tracker("b2", {}, {"text": said[-1]}, events, False, None, {}, "action_listen")


@pytest.mark.parametrize("said", [["修改", "把被学校拒收删了 没这回事", "俺不办上学 俺就要托管 你这个咋这么费劲"],
                                  ["啥被学校拒收 俺没说这个 俺是问托管收不收8岁的", "修改", "被学校拒收不要写"],
                                  ["修改", "删掉被学校拒收", "俺就要托管"]])
@pytest.mark.parametrize("parked", [FIRST + "；要钱不?孩子8岁 收不收", None])
def test_a_new_childcare_case_keeps_the_first_account(said, parked):
    from actions.services import sign_up_words

    words = sign_up_words(_childcare_talk(said, parked), service="职工子女爱心托管报名") or ""
    assert "修改" not in words and "删" not in words and "没说" not in words and "不要写" not in words, words
    if parked:
        assert words == parked
    else:
        assert words.startswith(FIRST) or "俺们两口子" in words, words


def test_a_parked_account_is_not_carried_past_a_filing():
    from actions.services import sign_up_words

    tracker = _childcare_talk(["修改", "俺还想给老二也报一个 他6岁"], FIRST)
    tracker.events.insert(-3, {"event": "bot", "text": "已为您登记工单，工单号 GH202612080005，由辛安街道沂河路社区工会"
                                                       "网格工作站负责（电话 0532-12351）。"})
    words = sign_up_words(tracker, service="职工子女爱心托管报名") or ""
    assert words != FIRST and "老二" in words, words
