"""Round 48 (tester XG, XH), helper b: the facts of a wage case as the worker tells them — the
employer described in parts (XG-11, XG-13), words about chasing the money that are no employer
(XG-8), money docked beside the wages owed (XG-3), the sum owed worked out from 3k a month
(XG-14), 大半年 said before the wage case began (XG-16). Against the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v
from actions.slot_mappings import ValidateSlotMappings

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

WAGE_FORM = "wage_arrears_form"


def case(turns: list[tuple[str, str]], text: str, intent: str = "inform", slots: dict | None = None,
         form: str | None = None, asked: str | None = None, entities: list | None = None) -> Tracker:
    """A conversation: earlier (worker's words, intent) turns, the case's slots as they stand,
    then the latest message (nothing set by it yet)."""
    slots = {**(slots or {}), **({"requested_slot": asked} if asked else {})}
    events: list[dict] = []
    for said, said_intent in turns:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, said_intent)},
                   {"event": "bot", "text": "好的"}]
    events += [*({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
               *([{"event": "active_loop", "name": form}, {"event": "action", "name": form}] if form else []),
               {"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": parse(text, intent, entities)}]
    return Tracker("worker-48b", slots, parse(text, intent, entities), events, False, None,
                   {"name": form} if form else {}, "action_listen")


async def read(tracker: Tracker) -> dict:
    return slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))


# XG-14: 一个月3k, 俩月没发钱 — the sum owed is worked out ------------------------------------------

@on_module_loop
@pytest.mark.parametrize("said", ["我在辛安一个小区做保洁 物业公司俩月没发钱了 一个月3k",
                                  "物业公司俩月没发钱了 一个月3千", "俩月没给钱了 一个月三k",
                                  "两个月没发钱 一个月3000块", "物业欠了俩月的钱 一个月三千"])
async def test_three_k_a_month_for_two_months_is_six_thousand_owed(backend, said):
    """XG-14: 一共欠了多少钱 asked after 俩月没发钱了 一个月3k (as it is not after 一个月五千 工资)."""
    said_now = await read(case([], said, "inform"))
    assert said_now.get("amount") == 6000 and said_now.get("monthly_wage") == 3000, said_now


@on_module_loop
@pytest.mark.parametrize("said", ["一个月3k 干了俩月了 这正常吗", "加班的钱俩月没给 一个月3k"])
async def test_pay_and_months_with_no_wages_owed_make_no_sum(backend, said):
    said_now = await read(case([], said, "inform"))
    assert "amount" not in said_now, said_now


# XG-16: 大半年 said before the wage case began ------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("first,months", [
    ("laoban qian wo gongzi 我在成都装修公司 大半年了 大概两万左右吧", "P6M"),
    ("我在成都一个装修公司 小半年了 老板一直拖着", "P6M"),
    ("在工地干活 一年多了 钱一直拿不到", "P1Y"),
    ("装修公司 大半年了", "P6M")])
async def test_the_time_said_before_the_wage_case_is_its_duration(backend, first, months):
    """XG-16: 欠了多长时间了 asked after 大半年了 in the first message (the menu came between)."""
    said_now = await read(case([(first, "inform")], "/wage_arrears", "wage_arrears"))
    assert said_now.get("duration") == months, said_now


@on_module_loop
async def test_the_time_said_before_is_kept_while_the_form_asks(backend):
    said_now = await read(case([("laoban qian wo gongzi 我在成都装修公司 大半年了 大概两万左右吧", "inform"),
                                ("/wage_arrears", "wage_arrears")], "蓉城佳美装饰", "inform",
                               form=WAGE_FORM, asked="employer", slots={"amount": "约2万元"}))
    assert said_now.get("duration") == "P6M", said_now


@on_module_loop
@pytest.mark.parametrize("first", ["我在这个厂干了三年了", "孩子上学的事 等了大半年了"])
async def test_a_time_worked_or_of_another_matter_is_no_time_owed(backend, first):
    said_now = await read(case([(first, "inform")], "/wage_arrears", "wage_arrears"))
    assert "duration" not in said_now, said_now


# XG-8: 催过 is no employer --------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["催过", "催了好几次了", "要过 他不给", "找过他", "问过了", "打过电话 不接",
                                  "我去要过好几回"])
def test_chasing_the_money_is_no_employer(said):
    assert not v.employer_answer(said).ok, v.employer_answer(said)


@pytest.mark.parametrize("said", ["海西重工", "找钢网", "要要饭店"])
def test_names_are_still_employers(said):
    assert v.employer_answer(said).ok


@on_module_loop
async def test_a_company_said_while_the_head_count_is_asked_is_the_employer(backend):
    """XG-8: 海西重工 got 没听明白有几个人."""
    said_now = await read(case([], "海西重工", "inform", form=WAGE_FORM, asked="workers_affected",
                               slots={"amount": 13000, "duration": "P2M"}))
    assert said_now.get("employer") == "海西重工", said_now


# XG-11 / XG-13: the employer described in parts ----------------------------------------------------

@pytest.mark.parametrize("said,whole", [("韵达的一个加盟站点 站长姓赵", "韵达加盟站点（站长姓赵）"),
                                        ("中通的网点 老板姓李", "中通网点（老板姓李）"),
                                        ("一家火锅店 老板姓孙", "火锅店（老板姓孙）")])
def test_the_workplace_and_its_boss_both_kept(said, whole):
    """XG-11: 韵达的一个加盟站点 站长姓赵 → 单位：站长姓赵."""
    assert v.employer_answer(said).value == whole


@pytest.mark.parametrize("said", ["电焊工 王总那边欠了四个月 一个月七千 我在黄岛红石崖", "张老板欠了我俩月工资",
                                  "是刘经理那边拖的工资 三个月了"])
def test_a_boss_known_by_surname_is_the_employer(said):
    """XG-13: 王总那边欠了四个月 → 是哪家单位欠的."""
    facts = v.read_facts(said, [], v.Context(intent="wage_arrears"))
    assert any(boss in str(facts.get("employer")) for boss in ("王总", "张老板", "刘经理")), facts


@pytest.mark.parametrize("said", ["一共欠了钱总不给", "我们总共三个人"])
def test_no_boss_in_ordinary_words(said):
    assert "employer" not in v.read_facts(said, [], v.Context(intent="wage_arrears"))


@on_module_loop
async def test_the_company_joins_the_boss_held(backend):
    """XG-13: 不是说了王总吗？…叫啥金属制品 → 单位：金属制品 (王总 lost)."""
    said_now = await read(case([], "不是说了王总吗？公司名我也不知道全称，叫啥金属制品", "nlu_fallback",
                               form=WAGE_FORM, asked="workers_affected",
                               slots={"employer": "老板王总", "duration": "P4M", "monthly_wage": 7000}))
    assert said_now.get("employer") == "金属制品（老板王总）", said_now
    assert not said_now.get("last_correction"), said_now


@on_module_loop
@pytest.mark.parametrize("said,held,whole", [
    ("老板姓王 大家叫王总 这个也写上 还有你们会不会跟老板说是我报的", "金属制品（老板王总）", "金属制品（老板王总）"),
    ("站长姓赵", "韵达加盟站点", "韵达加盟站点（站长姓赵）"),
    ("公司叫海纳建筑", "姓刘的包工头", "海纳建筑（姓刘的包工头）")])
async def test_a_later_part_adds_to_the_employer(backend, said, held, whole):
    """XG-13: 老板姓王 大家叫王总 这个也写上 → 单位改为老板姓王."""
    said_now = await read(case([], said, "inform", form=WAGE_FORM, asked="case_confirmed",
                               slots={"employer": held, "duration": "P4M"}))
    assert said_now.get("employer", held) == whole, said_now


@on_module_loop
async def test_a_company_said_to_replace_replaces(backend):
    said_now = await read(case([], "单位写错了 应该是鑫盛建材", "inform", form=WAGE_FORM, asked="case_confirmed",
                               slots={"employer": "鑫达建材", "duration": "P4M"}))
    assert said_now.get("employer") == "鑫盛建材", said_now


# XG-3: money docked, beside the wages owed ---------------------------------------------------------

FIRST = "老板两个月没发工资了 还扣了我五百说我迟到"


@pytest.mark.parametrize("said", [FIRST, "欠了俩月工资 另外迟到被扣了500", "三个月工资没给 还罚了我两百"])
def test_docked_money_is_no_sum_owed(said):
    facts = v.read_facts(said, [], v.Context(intent="wage_arrears"))
    assert facts.get("amount") is None and facts.get("monthly_wage") is None, facts


@pytest.mark.parametrize("said", ["这个月扣了我五百 说我迟到", "工资被扣了800 合法吗"])
def test_money_docked_alone_is_the_sum(said):
    """A case that is the deduction: the sum docked is its sum."""
    facts = v.read_facts(said, [], v.Context(intent="wage_arrears"))
    assert facts.get("amount") in (500, 800), facts


def test_the_docked_line():
    assert v.docked_line([FIRST, "长江路街道 还有扣的那五百你没写上"]) == "克扣 500 元（以迟到为由）"
    assert v.docked_line(["欠了俩月工资 还罚了我两百", "另外又扣了三百说我请假"]) == "克扣 500 元（以请假为由）"
    assert v.docked_line(["欠了俩月工资 一个月五千"]) is None


@on_module_loop
async def test_the_docked_sum_is_added_to_the_pay_owed(backend):
    """XG-3: 鑫达物流 一个月九千 after the first message: 18,000 owed and the 500 docked."""
    said_now = await read(case([(FIRST, "wage_arrears")], "鑫达物流 一个月九千", "inform", form=WAGE_FORM,
                               asked="amount", slots={"duration": "P2M"}))
    assert said_now.get("monthly_wage") == 9000 and said_now.get("amount") == 18500, said_now


@on_module_loop
async def test_the_docked_sum_said_late_is_added_not_the_wage(backend):
    """XG-3: 长江路街道 还有扣的那五百你没写上 → 月工资改为500 元、金额改为1,000 元."""
    slots = {"duration": "P2M", "monthly_wage": 9500, "amount": 19000, "employer": "鑫达物流"}
    said_now = await read(case([("老板两个月没发工资了", "wage_arrears")], "长江路街道 还有扣的那五百你没写上",
                               "inform", form=WAGE_FORM, asked="case_confirmed", slots=slots))
    assert said_now.get("amount") == 19500 and "monthly_wage" not in said_now, said_now


@on_module_loop
async def test_the_wage_corrected_with_the_docked_sum(backend):
    """XG-3: 错了！月工资是九千五，欠两个月，另外迟到被扣了500 → 金额改为500 元."""
    slots = {"duration": "P2M", "monthly_wage": 500, "amount": 1000, "employer": "鑫达物流"}
    said_now = await read(case([(FIRST, "wage_arrears")], "错了！月工资是九千五，欠两个月，另外迟到被扣了500",
                               "wage_arrears", form=WAGE_FORM, asked="case_confirmed", slots=slots))
    assert said_now.get("monthly_wage") == 9500 and said_now.get("amount") == 19500, said_now


@on_module_loop
async def test_the_docked_sum_is_not_added_twice(backend):
    slots = {"duration": "P2M", "monthly_wage": 9500, "amount": 19500, "employer": "鑫达物流"}
    said_now = await read(case([(FIRST, "wage_arrears")], "还有扣的那五百记上没", "inform",
                               form=WAGE_FORM, asked="case_confirmed", slots=slots))
    assert said_now.get("amount", 19500) == 19500, said_now


# XH-5: 快三年 is about three years (the helper legal._joined is to use) ----------------------------

@pytest.mark.parametrize("said,near", [("干了快三年了", "nearly"), ("将近三年", "nearly"), ("差不多快三年了", "nearly"),
                                       ("不到三年", "under"), ("不满三年吧", "under"), ("干了三年了", None),
                                       ("三年多", None)])
def test_how_near_the_years_said_are(said, near):
    from bot.normalize.numbers import find_durations, how_near

    span = find_durations(said)[0]
    assert how_near(said, span.start) == near


@pytest.mark.parametrize("said", ["电子厂", "一个服装厂", "建筑"])
def test_a_kind_of_workplace_said_alone_is_no_employer(said):
    assert "employer" not in v.read_facts(said, [], v.Context(asked="occupation", form="holiday_subsidy_form"))
