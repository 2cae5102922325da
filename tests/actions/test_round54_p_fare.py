"""Round 54 (p), XQ-16: 回家的路费能报吗 / 返乡车票有补贴吗 in the holiday-measures context got a generic line
(您所在地方的过年措施我这里还没有收录。返岗路费、红包这些…) or 隆祥皮革's fare as if it were the worker's.
Now the fare record of the worker's place or employer answers it; where none is on record the worker
hears so plainly for that place, what its measures are, and the only fare record there is — whose it
is (隆祥皮革有限公司's agreement, for that employer's workers only). On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.subsidies import NOTHING_ON_RECORD, ActionHolidaySubsidy, fare_reply

on_module_loop = pytest.mark.asyncio(loop_scope="module")
ASKED = ["回家的路费能报吗", "返乡车票有补贴吗", "过年回去的车费给报不"]


async def subsidy_reply(text: str, slots: dict) -> str:
    dispatcher = CollectingDispatcher()
    await ActionHolidaySubsidy().run(dispatcher, conversation([(text, "holiday_subsidy", [])], slots), DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("text", ASKED)
async def test_a_place_with_no_measures_is_told_plainly_what_exists(backend, text):
    """XQ-16: 青岛 — the generic NOTHING_ON_RECORD line, no word of the fare."""
    reply = await subsidy_reply(text, {"city": "青岛", "holiday_situation": "stay"})
    assert "青岛的过年措施我这里没有收录" in reply and "路费（车费）补贴" in reply, reply
    assert "隆祥皮革有限公司" in reply and "只对这家单位的职工有效" in reply and "100%" in reply, reply
    assert NOTHING_ON_RECORD[:20] not in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ASKED)
async def test_a_place_whose_measures_have_no_fare(backend, text):
    reply = await subsidy_reply(text, {"city": "上海", "holiday_situation": "stay", "occupation": "courier"})
    assert "没有路费（车费）补贴这一项" in reply and "留沪" in reply, reply
    assert "只对这家单位的职工有效" in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ASKED)
async def test_no_place_known_whose_the_only_fare_record_is(backend, text):
    """XQ-16 (asked while the form asked the city): 隆祥's fare, said as if it were the worker's."""
    reply = await fare_reply(conversation([(text, "holiday_subsidy", [])])) or ""
    assert "没有您那里的路费（车费）补贴记录" in reply and "只对这家单位的职工有效" in reply, reply
    assert "100%" in reply and "12351" in reply, reply


@on_module_loop
async def test_the_employers_own_workers_get_its_fare(backend):
    tracker = conversation([("回家的路费能报吗", "holiday_subsidy", [])], {"employer": "隆祥皮革"})
    reply = await fare_reply(tracker) or ""
    assert "100%的路费补贴" in reply and "只对这家单位" not in reply and "没有" not in reply[:20], reply


@on_module_loop
async def test_no_fare_asked_no_fare_line(backend):
    assert await fare_reply(conversation([("过年有啥补贴", "holiday_subsidy", [])], {"city": "青岛"})) is None
