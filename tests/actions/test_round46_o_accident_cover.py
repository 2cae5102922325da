"""Round 46 (tester XD): 要自己去办手续不 还是自动就有 about the 上海 accident cover just told (XD-15:
the Spring Festival overtime multipliers). On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.subsidies import accident_claim_reply, asks_cover_given

on_module_loop = pytest.mark.asyncio(loop_scope="module")

SH_TOLD = ("按2021年的这些措施，您这种情况当时可以享受（今年的以当地工会公布的为准）：\n"
           "✔ 上海留沪外来建设者意外伤害专项保障，最高 20,000 元。"
           "春节期间留沪的外来建设者都由市总工会赠送意外伤害专项保障，意外受伤最高可获2万元保障金。")
SH_SLOTS = {"city": "上海", "holiday_situation": "stay", "occupation": "construction"}
FIRST = "我在上海工地上干活 今年过年不回老家了 听说工会给留下来的送保险 出了事能赔多少"


@on_module_loop
@pytest.mark.parametrize("asked", ["要自己去办手续不 还是自动就有", "这个保障需要自己申请吗", "用不用报名啊",
                                   "是自动给的吗"])
async def test_whether_the_cover_needs_applying_for(backend, asked):
    """XD-15: the overtime multipliers for the Spring Festival came instead."""
    tracker = conversation([(FIRST, "holiday_subsidy", [SH_TOLD]), (asked, "nlu_fallback", [])], SH_SLOTS)
    reply = await accident_claim_reply(tracker) or ""
    assert "赠送" in reply and "不用自己" in reply, reply
    assert "就医材料" in reply and "单位工会" in reply and "12351" in reply, reply
    assert "300%" not in reply and "加班" not in reply, reply


@on_module_loop
async def test_no_cover_told_no_cover_answer(backend):
    """A near miss: 要自己去办手续吗 with no accident cover said before is not answered with it."""
    tracker = conversation([("过年加班费怎么算", "overtime_pay", ["春节的法定休假日是除夕和正月初一至初三"]),
                            ("要自己去办手续吗", "nlu_fallback", [])], SH_SLOTS)
    assert await accident_claim_reply(tracker) is None


@pytest.mark.parametrize(("text", "asks"), [("要自己去办手续不 还是自动就有", True), ("需要申请吗", True),
                                            ("要自己买吗", True), ("最高多少钱", False), ("好的 谢谢", False)])
def test_the_cover_given_is_asked(text, asks):
    assert asks_cover_given(text) is asks
