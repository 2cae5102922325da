"""Round 54, helper q: a question about a day asked back while the overtime form asks the wage (hooks-m2 K12).

K12 (m2-20): 你先说除夕算不算法定的, to 您的月工资是多少？ after 过年那几天加班费咋算, was filed as the day worked
(好的，记下了：加班日子 2月5日). forms._days_for_the_wage now leaves a question about what a day is alone; this
checks the rest of the turn: the question is answered from the records (the 除夕 record: 从2025年1月1日起，除夕是法定
休假日) and the wage is asked again, with no day filed. (This passes at HEAD 8c757ca too: the mend is in it;
make run answers so.)"""

from __future__ import annotations

import pytest
from form_trackers import form_tracker, slot_values
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.forms import ValidateOvertimeForm

on_module_loop = pytest.mark.asyncio(loop_scope="module")


@on_module_loop
@pytest.mark.parametrize("text", ["你先说除夕算不算法定的", "等等 除夕到底算不算法定假日", "除夕是不是法定的啊 你先说"])
async def test_a_question_about_a_day_is_answered_and_the_wage_asked_again(backend, text):
    dispatcher = CollectingDispatcher()
    events = await ValidateOvertimeForm().run(dispatcher, form_tracker("overtime_form", "monthly_wage", text), DOMAIN)
    reply = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    slots = slot_values(events)
    assert "从2025年1月1日起，除夕是法定休假日" in reply, reply
    assert not slots.get("overtime_days") and "记下了" not in reply, (slots, reply)
    assert slots.get("requested_slot", "monthly_wage") == "monthly_wage", slots


@on_module_loop
async def test_the_days_told_to_the_wage_question_are_still_kept(backend):
    dispatcher = CollectingDispatcher()
    events = await ValidateOvertimeForm().run(dispatcher, form_tracker("overtime_form", "monthly_wage", "除夕上了班"),
                                              DOMAIN)
    assert slot_values(events).get("overtime_days"), events
