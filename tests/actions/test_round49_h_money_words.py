"""Round 49 (tester XI), helper h: the worker's words about money and time read as meant —
一万来块 is about 10,000, not 1 元 (XI-10); 是俩月 不是仨月 头一个月给了 corrects the months owed to
two, not one (XI-10); 还有俩工友 一块干的 is no sum of 1 元 (XI-10); typing slips (老版欠新 / 公资)
read as 老板欠薪 / 工资, so 上个月公资五千一分没发 is a month's pay owed (XI-16); 我底薪兩千 is the
worker's own wage even when the bot just named a 保底 of 2,000 (XI-4). Against the real seeded
backend where the slot mappings run."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v
from actions.slot_mappings import ValidateSlotMappings
from bot.normalize.numbers import find_amounts
from bot.normalize.text import normalize_text

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

WAGE_FORM = "wage_arrears_form"


def case(turns: list[tuple[str, str]], text: str, intent: str = "inform", slots: dict | None = None,
         form: str | None = None, asked: str | None = None, entities: list | None = None,
         bot_said: list[str] | None = None) -> Tracker:
    """Earlier (worker's words, intent) turns, the slots as they stand, what the bot said last,
    then the latest message (nothing set by it yet)."""
    slots = {**(slots or {}), **({"requested_slot": asked} if asked else {})}
    events: list[dict] = []
    for said, said_intent in turns:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, said_intent)},
                   {"event": "bot", "text": "好的"}]
    events += [*({"event": "bot", "text": line} for line in bot_said or []),
               *({"event": "slot", "name": k, "value": val} for k, val in slots.items()),
               *([{"event": "active_loop", "name": form}, {"event": "action", "name": form}] if form else []),
               {"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": parse(text, intent, entities)}]
    return Tracker("worker-49h", slots, parse(text, intent, entities), events, False, None,
                   {"name": form} if form else {}, "action_listen")


async def read(tracker: Tracker) -> dict:
    return slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))


# XI-10: 一万来块 is about ten thousand --------------------------------------------------------------

@pytest.mark.parametrize("said,shown", [("一万来块", "约1万元"), ("一万来块吧", "约1万元"), ("一万来块钱", "约1万元"),
                                        ("两万来块", "约2万元"), ("三千来块", "约3,000元"),
                                        ("一万多块", "约1万多元"), ("八千多", "约8,000多元")])
def test_about_a_sum_reads_as_about_it(said, shown):
    facts = v.read_facts(said, [], v.Context(asked="amount", form=WAGE_FORM, intent="inform"))
    assert facts.get("amount") == shown, facts
    assert v.owed_amount(said).value == shown


XI10_T3 = "一万来块吧 不对不对 是俩月 不是仨月 头一个月给了"


@on_module_loop
async def test_the_sum_and_the_months_corrected_in_one_message(backend):
    """XI-10 T3: 已更正：欠薪时间改为1个月 (two were meant), and the sum later read as 1 元."""
    said_now = await read(case([("俺在黄岛薛家岛给人家干抹灰 干了仨月了 老板一分钱没给俺 这咋整啊", "wage_arrears"),
                                ("一个姓王的老板 开装修公司的 叫啥俺也说不上来", "inform")],
                               XI10_T3, "wage_arrears", form=WAGE_FORM, asked="amount",
                               slots={"duration": "P3M", "employer": "开装修公司（姓王的老板）"}))
    assert said_now.get("duration") == "P2M", said_now
    assert said_now.get("amount") == "约1万元", said_now
    assert said_now.get("last_correction") == [{"slot": "duration", "old": "P3M", "new": "P2M"}] or (
        any(c.get("new") == "P2M" for c in said_now.get("last_correction") or [])), said_now


@pytest.mark.parametrize("said", ["不对不对 是俩月 不是仨月 头一个月给了", "是两个月 不是三个月 第一个月的发了",
                                  "说错了 欠俩月 头一个月给了", "不是仨月 是俩月 前一个月给了",
                                  "不对 是俩月 有一个月给了"])
def test_a_month_paid_is_no_time_owed(said):
    facts = v.read_facts(said, [], v.Context(asked="amount", form=WAGE_FORM, intent="inform",
                                             known=frozenset({"duration"}), duration="P3M"))
    assert facts.get("duration") == "P2M", facts


@pytest.mark.parametrize("said,months", [("欠了三个月 不对 是四个月", "P4M"), ("不对 是俩月", "P2M"),
                                         ("头两个月的没给", "P2M")])
def test_the_months_owed_still_read(said, months):
    facts = v.read_facts(said, [], v.Context(asked="duration", form=WAGE_FORM, intent="inform"))
    assert facts.get("duration") == months, facts


# XI-10 T5: 一块干的 is "together", not 1 元 ----------------------------------------------------------

@pytest.mark.parametrize("said", ["还有俩工友 一块干的", "我们一块干的活", "俩人一块上班", "跟我一块打工的老乡",
                                  "三个人一块住"])
def test_together_is_no_one_yuan(said):
    assert find_amounts(said) == [], find_amounts(said)


@pytest.mark.parametrize("said,yuan", [("就给了一块钱", 1), ("一小时二十块", 20), ("一万来块", 10000),
                                       ("就给了一块", 1)])
def test_sums_of_yuan_still_read(said, yuan):
    assert find_amounts(said)[0].value == yuan


@on_module_loop
async def test_together_sets_no_sum(backend):
    """XI-10 T5: 还有俩工友 一块干的 → 金额 1 元 on the ticket."""
    said_now = await read(case([], "还有俩工友 一块干的", "wage_arrears", form=WAGE_FORM, asked="workers_affected",
                               slots={"duration": "P2M", "amount": "约1万元"},
                               entities=[{"entity": "amount", "value": 1, "start": 7, "end": 9}]))
    assert "amount" not in said_now, said_now


# XI-16: typing slips ---------------------------------------------------------------------------------

@pytest.mark.parametrize("slip,meant", [("老版欠新不给", "老板欠薪不给"), ("上个月公资五千", "上个月工资五千"),
                                        ("攻资三千", "工资三千"), ("老板欠心", "老板欠薪"), ("老版跑了", "老板跑了"),
                                        ("怕老版知道", "怕老板知道")])
def test_slips_read_as_meant(slip, meant):
    assert normalize_text(slip) == meant


@pytest.mark.parametrize("words", ["老版本的合同", "欠新员工的工资", "老板欠新来的工资", "手机老版的"])
def test_words_that_are_no_slip_stay(words):
    assert normalize_text(words) == words


XI16_T1 = "老版欠新不给 上个月公资五千一分没发 厂子叫海星电子 在黄岛"


@on_module_loop
@pytest.mark.parametrize("said", [XI16_T1, "老板欠薪 上个月公资五千没发", "上个月的公资5000到现在没发",
                                  "上个月工姿五千一分没给"])
async def test_last_months_pay_unpaid_is_one_month_owed(backend, said):
    """XI-16 T1 was asked 欠了多长时间了."""
    said_now = await read(case([], said, "wage_arrears"))
    assert said_now.get("duration") in ("上个月的工资", "P1M"), said_now
    assert said_now.get("amount") == 5000, said_now


# XI-4: 我底薪兩千 right after the bot named a 保底 of 2,000 ------------------------------------------

MEASURES = ("当地工会的过年措施：\n· 隆祥皮革有限公司春节集体协议：留厂过年发500元红包；"
            "节后错峰返乡的职工报销100%路费；年后保底工资2000元；春节加班按法律规定支付加班工资。")


@on_module_loop
@pytest.mark.parametrize("said", ["初一初二上班的話 加班費怎麼算 我底薪兩千", "初一上班加班费咋算 我底薪两千",
                                  "我的底薪是2000 初二上班给多少", "我基本工资两千 初三上班怎么算"])
async def test_the_base_pay_said_is_the_wage(backend, said):
    """XI-4 T2: the sum worked on 2,000, then 您的月工资是多少？"""
    said_now = await read(case([("我在福鼎隆祥皮革上班 今年過年不回貴州了 留廠過年有甚麼補貼嗎", "holiday_subsidy")],
                               said, "overtime_pay", form="ticket_offer_form", asked="wants_ticket",
                               slots={"holiday_situation": "stay", "employer": "隆祥皮革", "city": "福鼎市"},
                               bot_said=[MEASURES]))
    assert said_now.get("monthly_wage") == 2000, said_now


@on_module_loop
async def test_the_bots_figure_asked_about_stays_the_bots(backend):
    """你说的保底2000是啥意思: the figure the bot gave, asked about — no wage of the worker's."""
    said_now = await read(case([], "你说的保底2000是啥意思", "holiday_subsidy", form="ticket_offer_form",
                               asked="wants_ticket", bot_said=[MEASURES]))
    assert "monthly_wage" not in said_now, said_now
