"""Round 49 (tester XI), helper h: messages that ask are no facts of the worker's — a question to
the employer question is no employer (XI-7: 单位：名字重要吗我就想知道过没过时间…), and a tier asked
about or imagined is no hardship status of the worker's (XI-6: 困难建档：特困 after 特困的住院都减免啥
费用, kept after 我没说我是特困啊)."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v
from actions.slot_mappings import ValidateSlotMappings

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


def case(text: str, intent: str = "inform", slots: dict | None = None, form: str | None = None,
         asked: str | None = None) -> Tracker:
    slots = {**(slots or {}), **({"requested_slot": asked} if asked else {})}
    events = [*({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
              *([{"event": "active_loop", "name": form}, {"event": "action", "name": form}] if form else []),
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    return Tracker("worker-49h", slots, parse(text, intent), events, False, None,
                   {"name": form} if form else {}, "action_listen")


async def read(tracker: Tracker) -> dict:
    return slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))


# XI-7: a question back is no employer ---------------------------------------------------------------

@pytest.mark.parametrize("said", ["名字重要吗 我就想知道过没过时间 我是前年十月走的",
                                  "名字重要吗我就想知道过没过时间我是前年十月走的",
                                  "为啥要名字", "要单位名字干啥", "我就想知道还能不能要回来",
                                  "单位名字重要吗", "我想问问过没过时效", "先别管名字 我是去年走的",
                                  "问这个干嘛 我就想知道钱能不能要"])
def test_a_question_back_is_no_employer(said):
    assert not v.employer_answer(said).ok, v.employer_answer(said)


@pytest.mark.parametrize("said,name", [("鑫海物流", "鑫海物流"), ("海星电子厂", "海星电子厂"),
                                       ("叫鑫海物流 在薛家岛", "鑫海物流"), ("吗啡", None)])
def test_names_are_still_names(said, name):
    checked = v.employer_answer(said)
    if name:
        assert checked.value == name, checked


def test_a_described_boss_is_still_the_employer():
    assert v.employer_answer("一个姓王的老板 开装修公司的 叫啥俺也说不上来").ok


@on_module_loop
async def test_the_employer_question_answered_with_a_question_stores_nothing(backend):
    """XI-7 T2: the whole sentence filed as 单位."""
    said_now = await read(case("名字重要吗 我就想知道过没过时间 我是前年十月走的", "holiday_subsidy",
                               form="wage_arrears_form", asked="employer", slots={"duration": "P2M"}))
    assert "employer" not in said_now, said_now


# XI-6: a tier asked about or imagined is not the worker's --------------------------------------------

RELIEF = "relief_form"


@on_module_loop
@pytest.mark.parametrize("said", ["要是我是特困的 去住院能少交点钱吗", "特困的住院都减免啥费用",
                                  "特困职工有啥待遇", "如果是特困职工能报多少", "假如我是特困 能免啥",
                                  "特困的话住院能减多少"])
async def test_a_tier_asked_about_is_not_the_workers(backend, said):
    said_now = await read(case(said, "relief_eligibility", form=RELIEF, asked="wants_ticket",
                               slots={"hardship_status": "困难", "medical_cost": 2500, "city": "镇江市"}))
    assert "hardship_status" not in said_now, said_now


@on_module_loop
@pytest.mark.parametrize("said", ["我没说我是特困啊 我就问问 到底是啥我不知道", "谁说我是特困了",
                                  "我可没说是特困 我就是问问"])
async def test_a_tier_taken_back_is_unknown(backend, said):
    """XI-6 T7: 困难建档：特困 shown again after 我没说我是特困啊."""
    said_now = await read(case(said, "deny", form=RELIEF, asked="wants_ticket",
                               slots={"hardship_status": "特困", "medical_cost": 2500, "city": "镇江市"}))
    assert said_now.get("hardship_status") == v.UNKNOWN, said_now


@on_module_loop
@pytest.mark.parametrize("said,status", [("我是特困职工", "特困"), ("我是特困的 住院能减免吗", "特困"),
                                         ("我建过档 是特困", "特困"), ("俺是困难职工 能报多少", "困难"),
                                         ("没建过档", "none")])
async def test_the_workers_own_tier_is_kept(backend, said, status):
    said_now = await read(case(said, "relief_eligibility", form=RELIEF, asked="hardship_status",
                               slots={"medical_cost": 2500, "city": "镇江市"}))
    assert said_now.get("hardship_status") == status, said_now
