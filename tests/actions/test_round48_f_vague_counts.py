"""Round 47 (tester XE), helper f of round 48: 一堆 as the answer to 有多少工友被欠薪？ (XE-15) was
asked again. A worker who cannot count the others says so in many ways (好多人 / 一大帮 / 一群 /
不少人 / 十好几个): the case is filed with "many, number unknown", and the form goes on. The same
for the sum owed (欠了一堆 / 老多钱了)."""

from __future__ import annotations

import pytest
from form_trackers import form_tracker, slot_values
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v
from actions.fact_tables import fact_text
from actions.forms import ValidateWageArrearsForm

KNOWN = {"employer": "鑫达电子厂", "amount": 8500, "duration": "P3M"}


async def _answer(asked: str, text: str, slots: dict, intent: str = "nlu_fallback") -> tuple[dict, str]:
    dispatcher = CollectingDispatcher()
    events = await ValidateWageArrearsForm().run(dispatcher, form_tracker("wage_arrears_form", asked, text,
                                                                          intent, slots=slots), DOMAIN)
    return slot_values(events), "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("text", ["一堆", "一堆人", "好多人", "一大帮", "一群", "一群人", "不少人", "十好几个",
                                  "好些人", "一大堆人呢", "老多人了", "挺多的", "二十好几个", "一大群工友",
                                  "多了去了"])
@pytest.mark.parametrize("intent", ["nlu_fallback", "inform", "out_of_scope"])
async def test_many_workers_uncounted_is_an_answer(text, intent):
    """XE-15: 有多少工友被欠薪？ — 一堆 → asked again."""
    slots, said = await _answer("workers_affected", text, {k: val for k, val in KNOWN.items()}, intent)
    value = slots.get("workers_affected")
    assert value and "没听明白" not in said, (slots, said)
    assert slots.get("requested_slot") != "workers_affected", slots
    shown = fact_text("workers_affected", value)
    assert "很多" in shown or "约" in shown, shown


@pytest.mark.parametrize("text,shown", [("一堆", "很多人"), ("十好几个", "十好几个"), ("二十好几个", "二十好几个")])
def test_the_count_reads_as_said(text, shown):
    assert shown in fact_text("workers_affected", v.head_count(text).value or v.approximate_head_count(text).value)


@pytest.mark.parametrize("text", ["一堆钱", "好多钱", "一堆事", "三个月", "八千"])
def test_no_head_count_in_money_or_time(text):
    """Near misses: 一堆钱 / 好多钱 are no head count."""
    assert not v.head_count(text).ok and not v.approximate_head_count(text).ok


@pytest.mark.parametrize("text", ["一堆", "欠了一堆", "老多了", "好多钱", "一大堆钱", "不少钱"])
async def test_a_sum_owed_uncounted_is_an_answer(text):
    """一堆 to 一共欠了多少钱: filed as a lot, sum unknown; not asked again."""
    slots, said = await _answer("amount", text, {"employer": "鑫达电子厂"})
    value = slots.get("amount")
    assert value and "没听明白" not in said, (slots, said)
    assert slots.get("requested_slot") != "amount", slots
    assert "很多" in fact_text("amount", value), value


def test_head_count_read_from_any_message():
    assert "很多" in str(v.head_count_in("老板欠了一堆工友的钱"))
    assert v.head_count_in("欠了一堆钱") is None
