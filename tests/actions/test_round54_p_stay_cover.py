"""Round 54 (p), XQ-8: a worker staying in 上海 over the Spring Festival asked 留沪过年要是工伤了咋办 and
留沪的补贴包括保险吗 — the form asked 您在哪个城市 (留沪 was no place) and then said 没有现成的准确答案,
or answered 留沪的补贴包括保险吗 with 您所在的地方还没有收录这项标准 and the national 工伤 records.
Now 留沪 (留粤, 留桂) names the place; a 工伤 asked about the stay gets the 上海 record on the 工伤 and the
cover side by side (who pays the 工伤, 工伤认定 within a year, the cover paid apart), and whether the
measures include an insurance is answered yes with the cover — or plainly no where they hold none.
On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation, form_tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.forms import ValidateHolidaySubsidyForm
from actions.router import ActionStartService
from actions.subsidies import (
    accident_claim_reply,
    asks_cover_included,
    holiday_place,
    place_abbreviated,
)

on_module_loop = pytest.mark.asyncio(loop_scope="module")

SH_MEASURES = ("当地工会的过年措施：\n· 上海：鼓励外来建设者留沪过年："
               "为所有春节期间留沪的外来建设者赠送意外伤害专项保障，最高保障金2万元；……")


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.parametrize(("text", "place"), [("留沪过年要是工伤了咋办", "上海"), ("在沪打工的", "上海"),
                                             ("沪上的工地", "上海"), ("留粤过年有红包吗", "广东"),
                                             ("留桂过年", "广西"), ("我在桂林打工", None), ("回家过年", None)])
def test_a_place_named_by_its_one_character_name(text, place):
    assert place_abbreviated(text) == place


def test_the_slots_come_before_the_words():
    tracker = conversation([("留沪过年要是工伤了咋办", "holiday_subsidy", [])], {"city": "深圳"})
    assert holiday_place(tracker) == ("深圳", None)
    assert holiday_place(conversation([("留沪过年要是工伤了咋办", "holiday_subsidy", [])])) == ("上海", None)


INJURY_ASKED = [("留沪过年要是工伤了咋办", {}), ("留沪过年干活工伤了谁管", {}),
                ("过年留在上海 工伤了怎么办", {"city": "上海"})]


@on_module_loop
@pytest.mark.parametrize(("text", "slots"), INJURY_ASKED)
async def test_a_work_injury_asked_about_the_stay_gets_the_records(backend, text, slots):
    """XQ-8: 您在哪个城市, then 没有现成的准确答案 (the job and the city not told yet)."""
    reply = await accident_claim_reply(conversation([(text, "holiday_subsidy", [])], slots)) or ""
    assert "工伤认定" in reply and "1年内" in reply, reply  # 工伤认定 within the time limit
    assert "工伤保险基金" in reply and "单位" in reply, reply  # who pays the 工伤
    assert "2万元" in reply and "意外伤害专项保障" in reply, reply  # the stay's cover, paid apart
    assert "上海市总工会" in reply and "来源" in reply, reply


@on_module_loop
async def test_an_eligible_builder_gets_the_claim_and_the_injury_record(backend):
    tracker = conversation([("我在上海工地 过年不回去", "holiday_subsidy", [SH_MEASURES]),
                            ("要是工伤了咋办", "holiday_subsidy", [])],
                           {"city": "上海", "holiday_situation": "stay", "occupation": "construction"})
    reply = await accident_claim_reply(tracker) or ""
    assert reply.startswith("按“上海留沪外来建设者意外伤害专项保障”") and "12351" in reply, reply
    assert "工伤保险基金" in reply and "1年内" in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["要是工伤了咋办", "工伤了怎么办"])
async def test_no_stay_asked_no_cover_record(backend, text):
    """A 上海 worker's 工伤 question outside any talk of the holiday stay is not the cover's."""
    tracker = conversation([("老板欠我工资", "wage_arrears", ["是哪家单位欠的？"]), (text, "legal_aid", [])],
                           {"city": "上海"})
    assert await accident_claim_reply(tracker) is None


@pytest.mark.parametrize(("text", "asks"), [("留沪的补贴包括保险吗", True), ("过年的福利里有没有保险", True),
                                            ("给不给上意外险", True), ("社保包括工伤保险吗", False),
                                            ("有没有互助保障", False), ("最高赔多少", False)])
def test_whether_an_insurance_is_included_is_asked(text, asks):
    assert asks_cover_included(text) is asks


@on_module_loop
@pytest.mark.parametrize("earlier", [[], [("我在上海 过年留下来不回老家", "holiday_subsidy", [SH_MEASURES])]])
async def test_the_cover_is_among_shanghais_measures(backend, earlier):
    """XQ-8: 您所在的地方还没有收录这项标准 and the national 工伤 records, or 没有现成的准确答案."""
    tracker = conversation([*earlier, ("留沪的补贴包括保险吗", "holiday_subsidy", [])])
    reply = await accident_claim_reply(tracker) or ""
    assert reply.startswith("包括") and "意外伤害专项保障" in reply and "2万元" in reply, reply
    assert "不用自己花钱买" in reply and "通讯费补贴" in reply and "来源" in reply, reply
    assert "还没有收录" not in reply, reply


@on_module_loop
async def test_a_place_without_a_cover_is_told_so(backend):
    tracker = conversation([("我在广东过年不回去", "holiday_subsidy", ["当地工会的过年措施：…"]),
                            ("过年的福利里有没有保险", "holiday_subsidy", [])], {"city": "广东"})
    reply = await accident_claim_reply(tracker) or ""
    assert "没有保险（意外保障）这一项" in reply and "三心套餐" in reply, reply


@on_module_loop
async def test_asked_inside_the_holiday_form_the_form_goes_on(backend):
    """XQ-8 (8c): the form asked the job; 留沪的补贴包括保险吗 got 没有现成的准确答案."""
    dispatcher = CollectingDispatcher()
    tracker = form_tracker("holiday_subsidy_form", "occupation", "留沪的补贴包括保险吗", "holiday_subsidy",
                           slots={"city": "上海", "holiday_situation": "stay"})
    await ValidateHolidaySubsidyForm().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "包括" in reply and "2万元" in reply and "没有现成的准确答案" not in reply, reply


@on_module_loop
async def test_asked_first_the_router_answers_it(backend):
    """XQ-8 (8b): the first message; 您在哪个城市 alone came."""
    dispatcher = CollectingDispatcher()
    tracker = conversation([("留沪过年要是工伤了咋办", "holiday_subsidy", [])])
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    reply = said(dispatcher)
    assert "工伤认定" in reply and "2万元" in reply, reply


@on_module_loop
async def test_asked_with_the_case_the_holiday_flow_tells_the_measures(backend):
    """我在上海工地 过年不回去 有没有保险 as the first message: the flow's measures (the cover in them) and its
    offer answer it — not the cover line alone, which would end the turn."""
    tracker = conversation([("我在上海工地 过年不回去 有没有保险", "holiday_subsidy", [])], {"city": "上海"})
    assert await accident_claim_reply(tracker) is None


@on_module_loop
async def test_asked_as_has_it_the_answer_is_yes(backend):
    tracker = conversation([("我在上海 过年留下来不回老家", "holiday_subsidy", [SH_MEASURES]),
                            ("过年的福利里有没有保险", "holiday_subsidy", [])], {"city": "上海"})
    reply = await accident_claim_reply(tracker) or ""
    assert reply.startswith("有。") and "2万元" in reply, reply
