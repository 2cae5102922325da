"""Round 49 (tester XI), helper i: XI-15 — 国庆1号到3号都上班了 就多给了100快 公资一个月3000 这队吗 还有
青岛最底工资多少: the overtime sum was right (1,241.38, short 1,141.38) but the minimum wage asked with it
was dropped twice, and the case's amount stayed the 100 paid, not the 1,141.38 owed."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.wages import ActionCalculateOvertime, minimum_wage_asked

on_module_loop = pytest.mark.asyncio(loop_scope="module")

XI15 = "我在黄岛超市当收银 国庆1号到3号都上班了 就多给了100快 公资一个月3000 这队吗 还有青岛最底工资多少"


def _tracker(text: str, slots: dict) -> Tracker:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, "overtime_pay")},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              {"event": "active_loop", "name": "overtime_form"}, {"event": "active_loop", "name": None}]
    return Tracker("worker-i49b", slots, parse(text, "overtime_pay"), events, False, None, {}, "action_listen")


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("said", [XI15, XI15.replace("还有青岛最底工资多少", "青岛最低工资是多少啊"),
                                  XI15.replace("还有青岛最底工资多少", "最低工资标准是多少"),
                                  XI15.replace("还有青岛最底工资多少", "顺便问下最低工资多少钱")])
@on_module_loop
async def test_the_minimum_wage_asked_with_the_overtime_is_answered(backend, said):
    slots = {"monthly_wage": 3000, "overtime_days": said, "city": "青岛", "district": "黄岛", "amount": 100}
    dispatcher = CollectingDispatcher()
    events = await ActionCalculateOvertime().act(dispatcher, _tracker(said, slots), DOMAIN)
    reply = _texts(dispatcher)
    assert "1,241.38" in reply and "1,141.38" in reply, reply
    assert "2200" in reply.replace(",", "") and "2023-10-01" in reply, reply  # the backend's record
    assert {"event": "slot", "name": "amount", "value": 1141.38, "timestamp": None} in events, events


@on_module_loop
async def test_no_minimum_wage_question_no_minimum_wage(backend):
    said = "国庆1号到3号都上班了 就多给了100 工资一个月3000 这对吗"
    slots = {"monthly_wage": 3000, "overtime_days": said, "city": "青岛", "district": "黄岛"}
    dispatcher = CollectingDispatcher()
    await ActionCalculateOvertime().act(dispatcher, _tracker(said, slots), DOMAIN)
    assert "最低工资" not in _texts(dispatcher), _texts(dispatcher)


def test_the_question_read():
    assert minimum_wage_asked("还有青岛最底工资多少")
    assert minimum_wage_asked("最底工资你还没说呢")
    assert not minimum_wage_asked("我工资比最低工资高")
