"""Round 53 (tester XO-6): 俺们沈阳最低工资现在是多少啊 寻思去深圳整点活 got 深圳's 2520 — then 那沈阳呢 got
没太明白, 沈阳最低工资多少 got 深圳's figure again, and 我问的是沈阳 … 不是深圳 was asked for a 黄岛 street.
A place the records hold no minimum wage for is answered plainly (none on record, 12333), never
with another place's figure."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker

from actions.fact_tables import places_named
from actions.facts import answer_fact, asked_facts
from actions.places import places_asked_lines

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

SHENZHEN_TOLD = ("深圳市月最低工资标准 2520 元，小时最低工资 23.7 元。"
                 "（以当地人社部门最新公布的标准为准，可拨打 12333 核实）\n"
                 "（来源：深圳市人力资源和社会保障局通知；2025年3月1日起施行）")


def asking(text: str, slots: dict, intent: str = "minimum_wage", entities: list | None = None,
           told: str | None = None) -> Tracker:
    message = parse(text, intent, entities)
    before = [{"event": "user", "text": "深圳最低工资多少", "parse_data": parse("深圳最低工资多少", "minimum_wage")},
              {"event": "bot", "text": told}] if told else []
    events = [{"event": "action", "name": "action_listen"}, *before,
              {"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-53i", dict(slots), message, events, False, None, {}, "action_listen")


def said(found: list[dict]) -> str:
    return " ".join(str(f.get("answer") or "") for f in found)


@on_module_loop
@pytest.mark.parametrize("text", ["沈阳最低工资多少", "俺们沈阳那嘎达最低工资是多少", "辽宁沈阳最低工资标准是多少啊",
                                  "那沈阳最低工资多少钱"])
async def test_a_place_with_no_record_gets_no_other_places_figure(backend, text):
    found = await asked_facts(asking(text, {"city": "深圳"}))
    assert "2520" not in said(found) and "沈阳的最低工资标准我这里还没有收录" in said(found), said(found)
    assert "12333" in said(found)


@on_module_loop
async def test_both_places_of_one_question_are_answered_in_the_order_said(backend):
    text = "老铁 俺们沈阳最低工资现在是多少啊 寻思去深圳整点活 那嘎达最低给多少"
    found = await asked_facts(asking(text, {}, entities=[{"entity": "city", "value": "深圳"}]))
    answers = said(found)
    assert "沈阳的最低工资标准我这里还没有收录" in answers and "2520" in answers, answers
    assert answers.index("沈阳") < answers.index("2520")


@on_module_loop
async def test_another_city_asked_in_another_conversation_place(backend):
    found = await asked_facts(asking("大连那边最低工资是多少", {"city": "青岛市"}))
    assert "2200" not in said(found) and "大连的最低工资标准我这里还没有收录" in said(found), said(found)


@on_module_loop
@pytest.mark.parametrize("text", ["那沈阳呢 你咋没说沈阳", "沈阳呢", "那哈尔滨那边呢", "俺问的是沈阳"])
async def test_a_place_named_right_after_a_minimum_wage_asks_its_own(backend, text):
    lines = await answer_fact(asking(text, {"city": "深圳"}, intent="nlu_fallback", told=SHENZHEN_TOLD)) or []
    assert lines and "最低工资标准我这里还没有收录" in lines[0] and "2520" not in " ".join(lines), lines


@on_module_loop
async def test_the_place_meant_not_the_place_denied(backend):
    lines = await places_asked_lines(asking("我问的是沈阳 辽宁沈阳 不是深圳", {"city": "深圳"}, intent="deny",
                                            told=SHENZHEN_TOLD))
    assert lines == ["沈阳的最低工资标准我这里还没有收录，不能拿别的地方的数给您；可以打当地人社部门电话 12333 核实。"]


def test_places_named():
    assert places_named("我问的是沈阳 辽宁沈阳 不是深圳") == ["沈阳"]
    assert places_named("在深圳宝安上班") == ["深圳"]
    assert places_named("我在工地干活") == []


@on_module_loop
@pytest.mark.parametrize("text, figure", [("青岛最低工资多少", "2200"), ("深圳最低工资是多少", "2520"),
                                          ("最低工资多少", "2520")])
async def test_a_place_on_record_keeps_its_figure(backend, text, figure):
    """Near miss: the record of the place named (or of the worker's own, none named) is still said."""
    found = await asked_facts(asking(text, {"city": "深圳"}))
    assert figure in said(found) and "没有收录" not in said(found), said(found)


@on_module_loop
async def test_two_places_on_record_both_answered(backend):
    found = await asked_facts(asking("广州和深圳最低工资各是多少", {}))
    assert "2500" in said(found) and "2520" in said(found), said(found)
