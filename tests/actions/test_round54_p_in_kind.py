"""Round 54 (p), XQ-6: 包吃包住算不算在最低工资里 / 老板说管吃管住 所以工资低于最低工资也合法 got 没有现成的准确答案
(inside the wage and the minimum-wage flows) or the flow's next question alone. The records say what the
minimum wage is compared with (minimum_wage_take_home: the pay, less overtime, the special allowances and
the statutory benefits); food and a bed are no pay and do not count — said with that record and its source.
On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.fallback import ActionOutOfScope
from actions.in_kind import asks_in_kind_pay, in_kind_pay_reply

on_module_loop = pytest.mark.asyncio(loop_scope="module")
ASKED = ["包吃包住算不算在最低工资里", "老板说管吃管住 所以工资低于最低工资也合法", "管吃管住能不能抵工资",
         "包吃住的话工资低点合法吗", "厂里管饭 一个月给1800 算不算低于最低工资", "住宿舍 工资少给点行不"]


@pytest.mark.parametrize("text", ASKED)
def test_board_and_lodging_against_the_pay_is_asked(text):
    assert asks_in_kind_pay(text)


@pytest.mark.parametrize("text", ["最低工资多少", "宿舍费从工资里扣合法吗", "包吃包住吗", "青岛最低工资标准是多少"])
def test_other_questions_are_not_it(text):
    assert not asks_in_kind_pay(text)


@on_module_loop
@pytest.mark.parametrize("text", ASKED)
async def test_the_answer_is_the_records_rule(backend, text):
    reply = await in_kind_pay_reply(conversation([(text, "minimum_wage", [])], {"city": "青岛"})) or ""
    assert reply.startswith("管吃管住（包吃包住）不能拿来顶最低工资"), reply
    assert "剔除加班工资" in reply and "法定的福利待遇" in reply, reply  # what the minimum wage excludes
    assert "12333" in reply and "《最低工资规定》第十二条" in reply, reply


@on_module_loop
async def test_read_as_out_of_scope_it_is_still_answered(backend):
    dispatcher = CollectingDispatcher()
    await ActionOutOfScope().run(dispatcher, conversation([("管吃管住能不能抵工资", "out_of_scope", [])]), DOMAIN)
    said = "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    assert "不能拿来顶最低工资" in said and "utter_out_of_scope" not in said, said
