"""Round 60, helper m: money flows (tester VE)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def _tracker(text: str, intent: str, slots: dict | None = None, before: list[str] | None = None):
    events = []
    for said in before or []:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, "inform")}]
    message = parse(text, intent)
    events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-60m", slots or {}, message, events, False, None, {}, "action_listen")


# --- VE-16: 国庆七天全上了 月薪4785 给多少 beside 晚上有人吗: only the staff's hours answered ----------------

VE16 = "我在青岛 国庆七天全上了 月薪4785 给多少 你们有没有人工啊 晚上有人吗"


def test_the_national_day_overtime_asked_beside_the_staff_hours_is_worked_out():
    from actions.wages import overtime_beside_a_question

    said = overtime_beside_a_question(_tracker(VE16, "request_human"))
    assert said and "1,980.00" in said and "1,760.00" in said and "3,740.00" in said, said


@pytest.mark.parametrize("text,slots", [("留下来红包给多少 初一到初三要上班", {"monthly_wage": 2000}),
                                        ("国庆七天全上了 给多少 晚上有人吗", {}),
                                        ("月薪4785 你们晚上有人吗", {})])
def test_no_overtime_sum_for_a_red_packet_or_without_the_facts(text, slots):
    from actions.wages import overtime_beside_a_question

    assert overtime_beside_a_question(_tracker(text, "request_human", slots)) is None


# --- VE-4: 前面几个月也能一起要吗 / 四个月一共多少: the one month's 1,320 repeated, 5,280 never given ---------

VE4_FIRST = "一个月工资3480平时下班以后还要加班大概每天加两个钟一个月二十二天左右吧加班费一分没给这个该给我多少钱"
VE4_DAYS = "大概每天加两个钟一个月二十二天左右"


async def _overtime(text: str) -> str:
    from actions.wages import ActionCalculateOvertime

    dispatcher = CollectingDispatcher()
    tracker = _tracker(text, "overtime_pay", {"monthly_wage": 3480, "overtime_days": VE4_DAYS}, [VE4_FIRST])
    await ActionCalculateOvertime().run(dispatcher, tracker, DOMAIN)
    return " ".join(m.get("text") or "" for m in dispatcher.messages)


async def test_the_earlier_months_asked_are_answered():
    said = await _overtime("不用 欠的就是这个加班费 对了我前面几个月也是这么加的 也能一起要吗")
    assert "也能一起要" in said and "不受一年" in said and "几个月" in said, said


@pytest.mark.parametrize("text", ["前面还有三个月也是每天加两个钟 四个月一共多少 能加到工单上吗",
                                  "前面还有三个月也是这样加的"])
async def test_four_months_of_overtime_are_added_up(text):
    said = await _overtime(text)
    assert "1,320.00 元 × 4 个月 = 5,280.00 元" in said, said


def test_the_months_go_on_the_ticket_as_facts_not_the_sentence():
    from actions.wages import overtime_months_note

    text = "前面还有三个月也是每天加两个钟 四个月一共多少 能加到工单上吗"
    note = overtime_months_note(_tracker(text, "inform", {"monthly_wage": 3480, "overtime_days": VE4_DAYS}))
    assert note and "共 4 个月" in note and "5,280.00 元" in note and "能加到工单上吗" not in note, note


# --- VE-6: 试用期三个月 都按1900发的 能补多少: 620 a month, the 1,860 never said ------------------------

def test_the_probation_months_paid_short_are_added_up():
    from actions.legal import probation_lines

    words = ("深圳最低工资现在多少啊 还有试用期可以给的比最低工资还低吗 我们厂试用期说只给1900 "
             "试用期三个月 都按1900发的 我在龙华 能补多少 你们能帮我登记吗")
    said = " ".join(probation_lines(words, ("深圳市", 2520)))
    assert "每月少了 620 元" in said and "3 个月一共少了 1,860 元" in said, said


# --- VE-5: 一個月才1800 合法嗎 差多少: the 400 a month came only after the months --------------------------

@on_module_loop
async def test_the_shortfall_a_month_is_said_with_the_minimum_wage(backend):
    from actions.wages import ActionMinimumWage

    text = "青島最低工資多少 我在黃島一個月才1800 合法嗎 差多少"
    dispatcher = CollectingDispatcher()
    tracker = _tracker(text, "minimum_wage", {"monthly_wage": 1800, "city": "青岛市", "district": "黄岛区"})
    await ActionMinimumWage().run(dispatcher, tracker, DOMAIN)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "2200" in said.replace(",", "") and "每月差 400 元" in said, said


# --- VE-9: 说好红包500 结果只发了300 … 少给的200块能要回来不: the 保底 text, no answer ----------------------

VE9 = "我们隆祥皮革说好留厂过年红包500 结果只发了300 还有年后保底是不是2000"


@pytest.mark.parametrize("text,words", [(VE9, VE9), ("那少给的200块能要回来不 你们帮我登记吧",
                                                      VE9 + " 那少给的200块能要回来不 你们帮我登记吧")])
def test_the_red_packet_paid_short_is_answered(text, words):
    from actions.wages import guaranteed_pay_shortfall

    said = guaranteed_pay_shortfall(text, words)
    assert said and "红包 500 元" in said and "少给了 200 元" in said and "补足" in said, said


def test_a_guaranteed_pay_short_is_still_the_pay_line():
    from actions.wages import guaranteed_pay_shortfall

    said = guaranteed_pay_shortfall("少的那两百能要吗", "年后工资也只发了一千八 不是说保底两千吗 少的那两百能要吗")
    assert said and "保底 2,000 元" in said, said
