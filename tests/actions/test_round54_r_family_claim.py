"""Round 54, helper r: 俺在镇江扫马路 老伴住院了 自己掏了四千多 俺是困难户 工会救助能给多少 互助保障能不能也报.

5. The spouse's mutual-cover claim (the record mutual_insurance_family: 2.3万元) was not answered — the
   question is read in parts, and 互助保障能不能也报 alone lost 老伴 (the worker's own cover, 16万, came
   instead): each part is read with the family member the whole message says is ill. And 四千多 was
   said back as 自付 4,000 元: the 多 is kept (4,000 多元)."""

from __future__ import annotations

import pytest

from actions import facts
from actions.facts import applied_relief_line, relief_verdict_line

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

ASKED = "俺在镇江扫马路 老伴住院了 自己掏了四千多 俺是困难户 工会救助能给多少 互助保障能不能也报"


@on_module_loop
@pytest.mark.parametrize("text", [ASKED,
                                  "我老婆住院了 花了两万 救助能给多少 互助保障能不能也报",
                                  "在镇江干保洁 住院的是俺老伴 工会救助有没有 互助保险她能领不"])
async def test_each_part_of_the_question_is_read_with_the_family_member_ill(backend, text):
    from actions.facts import asked_facts
    from tests.facts.conftest import tracker as fact_tracker

    found = await asked_facts(fact_tracker(text, slots={"city": "镇江市"}))
    topics = [f.get("topic") for f in found]
    assert "mutual_insurance_family" in topics, topics
    assert any("2.3万元" in (f.get("answer") or "") for f in found), topics


@pytest.mark.parametrize("text,who", [(ASKED, "老伴"), ("住院的是俺老婆 能报吗", "老婆"),
                                      ("我爱人查出来癌症了", "爱人")])
def test_the_family_member_ill_is_read(text, who):
    assert facts.family_member_ill(text) == who


@pytest.mark.parametrize("text", ["我老婆没工作 我住院了 互助保障能报吗", "我住院了 互助保障最高赔多少",
                                  "老婆让我问问 救助能给多少"])
def test_no_family_member_ill_reads_none(text):
    assert facts.family_member_ill(text) is None


def test_a_sum_said_as_more_than_keeps_the_more():
    found = [{"topic": "relief_threshold"}]
    said = applied_relief_line(found, ASKED)
    assert said and "4,000 多元" in said[0] and "超过了 2,000 元的线" in said[0], said
    said = applied_relief_line(found, "俺是困难户 自己掏了一千五百多 能申请救助吗")
    assert said and "1,500 多元还差不到 500 元" in said[0], said
    said = applied_relief_line(found, "俺是困难户 自己掏了两千多 能申请救助吗")
    assert said and "2,000 多元" in said[0] and "超过了" in said[0], said


def test_an_exact_sum_is_said_as_it_was():
    assert "今年自付 4,000 元，超过了" in relief_verdict_line("困难", 4000)
    said = applied_relief_line([{"topic": "relief_threshold"}], "俺是困难户 自己掏了四千 能申请吗")
    assert said and "4,000 元" in said[0] and "多元" not in said[0], said
