"""Round 49 (tester XJ), helper g: a place to talk face to face, after the crisis reply.

XJ-16 T5: 有没有不打电话 能当面聊聊的地方 (a 黄岛 night-shift worker, after the crisis reply and
算了没事了) got the listening line again; the 沂河路 station's 职工心理健康服务室 (face to face, its
hours from the station record) with the 24-hour lines is the answer. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.services import face_to_face_reply
from actions.station_followup import asked_service_of_station

on_module_loop = pytest.mark.asyncio(loop_scope="module")

CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")
LISTENING = ("可以，我在这儿听您说，您慢慢说，想说什么都行。要是哪一刻觉得撑不住了，心理援助热线 12356、"
             "400-161-9995 24 小时都有人接；有危险就马上打 110 或 120。")
T1 = "最近天天睡不找 宿社没人说话 有时候站在楼定想跳下去算了"


def _after_crisis(text: str, slots: dict | None = None):
    return conversation([(T1, "psych_support", [CRISIS]),
                         ("我不想打电话 在黄岛电子厂上夜班 跟谁都说不上话", "request_human", [LISTENING]),
                         ("算了没事了", "cancel", ["好的。还有什么需要帮忙的，您直接说。"]),
                         (text, "nlu_fallback", [])],
                        slots if slots is not None else {"city": "青岛市", "district": "黄岛"})


@pytest.mark.parametrize("text", ["有没有不打电话 能当面聊聊的地方", "能不能当面跟人聊聊", "有没有面对面说说话的地方",
                                  "我想找个地方当面说说 不想打电话", "哪里能见个人聊聊"])
def test_face_to_face_is_asked_as_the_psych_room(text):
    assert asked_service_of_station(text) == "心理", text


@pytest.mark.parametrize("text", ["当面交材料去哪", "工作站在哪", "能当面办理工单吗", "托管在哪"])
def test_other_where_questions_are_not_the_psych_room(text):
    assert asked_service_of_station(text) != "心理", text


@on_module_loop
@pytest.mark.parametrize("text", ["有没有不打电话 能当面聊聊的地方", "能不能当面跟人聊聊"])
async def test_the_huangdao_worker_is_told_the_yihe_road_room(backend, text):
    reply = await face_to_face_reply(_after_crisis(text))
    assert reply and "沂河路社区工会网格工作站" in reply and "职工心理健康服务室" in reply, reply
    assert "当面" in reply and "08:30-19:30" in reply, reply
    assert "12356" in reply and "400-161-9995" in reply and "24 小时" in reply, reply


@on_module_loop
async def test_no_place_told_asks_where_with_the_lines(backend):
    reply = await face_to_face_reply(_after_crisis("有没有不打电话 能当面聊聊的地方", slots={}))
    assert reply and "12356" in reply and ("哪个区" in reply or "在哪" in reply), reply
    assert "沂河路" not in reply, reply


@on_module_loop
async def test_a_worker_elsewhere_is_not_sent_to_qingdao(backend):
    reply = await face_to_face_reply(_after_crisis("有没有不打电话 能当面聊聊的地方", slots={"city": "广州"}))
    assert reply is None or "沂河路" not in reply, reply


@on_module_loop
async def test_not_asked_is_none(backend):
    assert await face_to_face_reply(_after_crisis("我就是睡不着")) is None

