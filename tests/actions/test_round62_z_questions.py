"""Round 62, helper z (/work/indep/results-VI.md, results-VJ.md): every question a message asks is answered
in the first reply — here, the questions of which station: whether a station lies in a place (VJ-9 那个沂河路社区的
站是不是也在辛安, left unanswered beside 周日开吗), who handles a ticket just looked up (VI-11 是哪个站管的 俺能直接打
电话过去问不: a callback ticket routed to the city's centre instead), and which station is near (VJ-16 那我去哪个站问
离哪个站近: the sign-up text again)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation, parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))

XINAN_CARD = ("工会网格工作站：辛安街道工会网格化工作总站\n地址：青岛西海岸新区辛安街道（具体位置请先打电话问清楚）\n"
              "电话：0532-12351\n服务时间：周一至周五 08:30-19:30；周六 09:00-17:00")


def _after_card(text: str, intent: str = "find_station") -> Tracker:
    return conversation([("辛安街道的工会服务站在哪 几点开门", "find_station", [XINAN_CARD]), (text, intent, [])])


# --- VJ-9: 那个沂河路社区的站是不是也在辛安 --------------------------------------------------------------------

@pytest.mark.parametrize("text", ["周日开吗 那个沂河路社区的站是不是也在辛安", "沂河路那个站是在辛安街道吗",
                                  "沂河路社区的站归不归辛安管", "沂河路的站在辛安吗 周日开不"])
def test_a_station_asked_to_lie_in_its_street_is_said_to(text):
    from actions.station_followup import same_station_reply

    said = same_station_reply(_after_card(text)) or ""
    assert said.startswith("是的，辛安街道沂河路社区工会网格工作站"), said
    assert "在辛安街道" in said and "0532-12351" in said
    if "周日" in text:
        assert "周日不上班" in said


def test_a_station_asked_to_lie_in_another_street_is_said_not_to():
    from actions.station_followup import same_station_reply

    said = same_station_reply(_after_card("崂又泊社区的站是不是在辛安")) or ""
    assert said.startswith("不在辛安街道：崂又泊社区工会网格工作站在黄岛区长江路街道崂又泊社区"), said


@pytest.mark.parametrize("text", ["我在黄岛区 辛安街道的站在哪", "我住在辛安 沂河路社区的站几点开",
                                  "我在辛安街道 附近有站吗", "辛安街道的工会服务站在哪 几点开门"])
def test_a_place_told_beside_a_station_is_no_such_question(text):
    from actions.station_followup import station_place_reply

    assert station_place_reply(_after_card(text)) is None


@on_module_loop
async def test_the_second_question_is_answered_in_the_first_reply(backend):
    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, _after_card("周日开吗 那个沂河路社区的站是不是也在辛安"), DOMAIN)
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "辛安街道沂河路社区工会网格工作站也在辛安街道" in said, said
    assert "周日不上班" in said


# --- VI-11: 是哪个站管的 after the ticket's status -------------------------------------------------------------

STATUS = ("工单 GH202612080003 目前已分派到网格工作站。为了保护个人信息，这里只告诉您办理状态；具体进展由负责的工作人员"
          "按您登记的手机号告知您。工作人员承诺在 12月10日（周四）前联系您。")


@on_module_loop
@pytest.mark.parametrize("text", ["是哪个站管的 俺能直接打电话过去问不", "分给哪个站了 我能打电话问吗",
                                  "谁负责的 能找人问问不"])
async def test_who_handles_the_ticket_is_answered_without_a_callback_ticket(backend, text):
    from actions.handoff import ActionHandoffRequest

    tracker = conversation([("俺前天登记的那个欠工资的单子 GH202612080003 现在到哪一步了", "ticket_status",
                             ["为了核对是您本人，请告诉我登记这张工单时留的手机号。"]),
                            ("139 5328 1746", "inform", [STATUS]), (text, "request_human", [])],
                           slots={"phone": "13953281746"})
    dispatcher = CollectingDispatcher()
    await ActionHandoffRequest().run(dispatcher, tracker, DOMAIN)
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "已为您登记" not in said and "回电工单" not in said, said
    assert "工单 GH202612080003" in said and "12351" in said, said


# --- VJ-16: 那我去哪个站问 / 离哪个站近 --------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["先不登记 那我去哪个站问 我住长江路那边 离哪个站近", "我该去哪个站报名",
                                  "哪个站离我近", "找哪个工作站问"])
def test_which_station_is_read_as_the_station_asked(text):
    from actions.services import _NEAR_STATION_ASKED

    assert _NEAR_STATION_ASKED.search(text)


@on_module_loop
async def test_the_station_near_is_said_beside_the_sign_up_decline(backend):
    from actions.services import answer_the_rest

    text = "先不登记 那我去哪个站问 我住长江路那边 离哪个站近"
    message = parse(text, "deny")
    tracker = Tracker("worker-62z", {"city": "青岛", "district": "黄岛区"}, message,
                      [{"event": "action", "name": "action_listen"},
                       {"event": "user", "text": text, "parse_data": message}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text="好的，先不登记。需要的时候随时找我，或拨打 12351。")
    await answer_the_rest(dispatcher, tracker, [])
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "离您最近的工会" in said and "0532-12351" in said, said
