"""Round 44 (tester YW-3): 单位说初四初五给我补休了 那还剩多少 after the Spring Festival overtime sum
got 隆祥皮革2020年的保岗协议 (4710 / 1000元返程路费) beside the overtime rule — an employer's own
agreement told to a worker who is not theirs and did not ask about it."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker

from actions.facts import asked_facts

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


def asking(text: str, slots: dict) -> Tracker:
    message = parse(text, "overtime_pay")
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-44g", dict(slots), message, events, False, None, {}, "action_listen")


def employers_of(found: list[dict]) -> set[str]:
    return {name for f in found for name in f.get("employers") or []}


@on_module_loop
@pytest.mark.parametrize("text", ["单位说初四初五给我补休了 那还剩多少", "初四初五补休了 还剩多少加班费",
                                  "初四初五单位给补休了 还剩多少钱"])
async def test_another_employers_agreement_is_not_told_with_the_rule(backend, text):
    found = await asked_facts(asking(text, {"monthly_wage": 6525}))
    assert found and "隆祥" not in employers_of(found), [f.get("policy") for f in found]


@on_module_loop
async def test_the_workers_own_employers_agreement_is_still_told(backend):
    """Near miss (YW-11): the worker of 隆祥 asking about the 保底工资 gets 隆祥's agreement."""
    found = await asked_facts(asking("前年疫情那会我休了三个月假 说好的保底工资后来给了4710 对不对啊 一个月是多少",
                                     {"employer": "隆祥皮革", "city": "福鼎市"}))
    assert "隆祥" in employers_of(found), [f.get("policy") for f in found]


@on_module_loop
async def test_an_agreement_named_in_the_question_is_told(backend):
    found = await asked_facts(asking("隆祥皮革的保岗协议休假期间给多少", {}))
    assert "隆祥" in employers_of(found), [f.get("policy") for f in found]
