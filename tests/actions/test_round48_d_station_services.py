"""Round 48 (tester XH), helper d: a station's own service asked where and when.

XH-2: 驛站在哪 幾點能去接 right after the 沂河路 card (whose services list the 托管驿站), on the
sign-up offer, got 我这里没有现成的准确答案. XH-14: 我在黄岛辛安 听说工会有个心理的屋子 能去不 要钱不
and 那个心理的屋子具体在哪 got the same general paragraph twice, never the 沂河路 station's
职工心理健康服务室. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation, parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.facts import answer_in_topic
from actions.router import ActionStartService
from actions.services import ActionPsychSupport
from actions.station_followup import service_at_station_reply

on_module_loop = pytest.mark.asyncio(loop_scope="module")

CARD = ("您那边有托管的工会网格工作站：\n辛安街道沂河路社区工会网格工作站\n"
        "地址：青岛西海岸新区辛安街道沂河路社区（具体位置请先打电话问清楚）\n电话：0532-12351\n"
        "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00（现在正在服务时间）\n"
        "站里的服务：服务窗口、职工子女爱心托管驿站、职工心理健康服务室")
OFFER = ("要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
         "· 您说的情况：我在辛安街道 女儿6岁 暑假没人看 工会有托管吗；那个托管在哪个站\n"
         "· 事项：职工子女爱心托管报名\n· 地点：辛安街道")
FIRST = "我在辛安街道 女兒6歲 暑假沒人看 工會有托管嗎"
ASKED = "那個托管在哪個站"
CASE = {"type": "other", "facts": {"question": FIRST, "service": "职工子女爱心托管报名"}}


def _on_offer(text: str, intent: str = "childcare_service", card: str = CARD) -> Tracker:
    """The card and the sign-up offer shown, then ``text`` while the offer waits."""
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": FIRST, "parse_data": parse(FIRST, "childcare_service")},
              {"event": "bot", "text": "职工子女爱心托管：工会在社区网格工作站设“职工子女爱心托管驿站”…"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": ASKED, "parse_data": parse(ASKED, "childcare_service")},
              *([{"event": "bot", "text": card}] if card else []),
              {"event": "active_loop", "name": "ticket_offer_form"},
              {"event": "bot", "text": OFFER},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    slots = {"pending_case": CASE, "requested_slot": "wants_ticket", "district": "辛安街道", "city": "青岛"}
    return Tracker("worker-48d", slots, parse(text, intent), events, False, None,
                   {"name": "ticket_offer_form"}, "action_listen")


@on_module_loop
@pytest.mark.parametrize("text", ["驛站在哪 幾點能去接", "驿站在哪 几点能去接孩子", "托管的地方具体在哪",
                                  "那个托管班几点能接娃", "驿站啥时候有人"])
async def test_the_childcare_station_is_said_where_and_when(backend, text):
    """XH-2: on the offer, right after the card: the station it is in, its hours."""
    reply = "\n".join(await answer_in_topic(_on_offer(text)))
    assert "沂河路社区工会网格工作站" in reply and "托管驿站" in reply, reply
    assert "08:30-19:30" in reply and "没有现成的准确答案" not in reply, reply


@on_module_loop
async def test_pick_up_times_are_said_not_on_record(backend):
    reply = "\n".join(await answer_in_topic(_on_offer("驛站在哪 幾點能去接")))
    assert "几点能接孩子，我这里没有收录" in reply, reply


@on_module_loop
async def test_the_station_service_without_a_card_is_not_made_up():
    """A near miss: no card shown before: nothing said from this reader."""
    assert service_at_station_reply(_on_offer("驿站在哪 几点能去接", card="")) is None


@on_module_loop
@pytest.mark.parametrize("text", ["驿站要钱吗", "托管班有网上的吗", "好的 谢谢"])
async def test_other_questions_after_the_card_are_not_this(text):
    assert service_at_station_reply(_on_offer(text)) is None


@on_module_loop
async def test_after_the_card_without_a_form_the_router_answers_it(backend):
    """The same with no offer open: the router's reply names the station and its hours."""
    dispatcher = CollectingDispatcher()
    tracker = conversation([(FIRST, "childcare_service", ["…"]), ("那個托管在哪個站", "childcare_service", [CARD]),
                            ("驛站在哪 幾點能去接", "childcare_service", [])], {"district": "辛安街道"})
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "沂河路社区工会网格工作站里" in reply and "08:30-19:30" in reply, reply


# --- XH-14: the psychological room of the worker's station -----------------------------------

CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")
CALMER = ("刚才您说的话，我还是放在心上：要是身边有药或者危险的东西，先交给家人或者放远一点；心里难受的时候，随时打 "
          "12356 或 400-161-9995，24 小时有人接。留个手机号吧，工会的工作人员一上班就给您回个电话。")
T1 = "天天上夜班孩子也见不着活着有什么意思 想从宿舍楼上跳下去算了"


async def _psych(turns, slots) -> str:
    dispatcher = CollectingDispatcher()
    await ActionPsychSupport().run(dispatcher, conversation(turns, slots), DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("text", ["我在黄岛辛安 听说工会有个心理的屋子 能去不 要钱不",
                                  "辛安这边心理咨询室在哪 收费吗", "我在辛安 想去工会的心理健康服务室 咋去"])
async def test_the_psych_room_of_the_station_is_named(backend, text):
    reply = await _psych([(T1, "psych_support", [CRISIS]), ("没事 说着玩的", "deny", [CALMER]),
                          (text, "psych_support", [])], {"city": "青岛", "district": "辛安"})
    assert "沂河路社区工会网格工作站" in reply and "职工心理健康服务室" in reply, reply
    assert "免费" in reply and "08:30-19:30" in reply and "0532-12351" in reply, reply
    assert "12356" in reply, reply


@on_module_loop
async def test_where_exactly_is_not_the_same_paragraph_again(backend):
    """XH-14 T6: 那个心理的屋子具体在哪 got the T4 reply word for word."""
    slots = {"city": "青岛", "district": "辛安"}
    turns = [(T1, "psych_support", [CRISIS]), ("没事 说着玩的", "deny", [CALMER]),
             ("我在黄岛辛安 听说工会有个心理的屋子 能去不 要钱不", "psych_support", [])]
    first = await _psych(turns, slots)
    turns[-1] = (turns[-1][0], "psych_support", first.split("\n"))
    again = await _psych([*turns, ("那个心理的屋子具体在哪", "psych_support", [])], slots)
    assert "沂河路社区" in again and again != first, again
    assert "您愿意说说最近发生了什么吗" not in again, again


@on_module_loop
async def test_a_worker_elsewhere_gets_no_qingdao_room(backend):
    """A near miss: 广州 has no room on record — no 沂河路 station."""
    reply = await _psych([(T1, "psych_support", [CRISIS]), ("心理的屋子在哪 要钱不", "psych_support", [])],
                         {"city": "广州"})
    assert "沂河路" not in reply and "12356" in reply, reply
