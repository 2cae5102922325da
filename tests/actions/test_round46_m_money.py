"""Round 46 (testers XC, XD): follow-up questions about money in the middle of a case — 养伤期间
只给一半 (XC-8), 计件没有加班费 (XC-2), 一直在催 算时效中断不 (XC-15), 让俺签自愿离职 (XC-6),
能要什么 after a work injury (XD-11), 包工头找不到咋办 (XC-1); against the real seeded backend."""

from __future__ import annotations

from datetime import date

import pytest

from actions.legal import _MADE_TO_RESIGN, case_points, injury_leave_pay_line
from actions.time_limits import demand_told_line, restarted_recently, time_limit_line

on_module_loop = pytest.mark.asyncio(loop_scope="module")

INJURY = "两个月前从脚手架上摔下来腿骨折了 老板不给报工伤 说给点钱私了 我现在在家养着 这个月工资也不给了 怎么办"


async def _topics(backend, question: str) -> list[str]:
    found = (await backend.facts(question)).get("facts") or []
    return [f.get("topic") for f in found]


# XC-8 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("asked", ["我一个月七千 老板说养伤期间只给一半 对不对", "工资七千 养伤这段时间只发一半 合法吗",
                                   "月薪7000 在家养伤 厂里说减半发 行吗"])
def test_half_pay_while_off_injured_is_not_right(asked):
    """XC-8: 已更正：月工资改为7,000, then the minimum wage — never the 停工留薪期 rule."""
    line = injury_leave_pay_line(asked, f"{INJURY} {asked}", None) or ""
    assert line.startswith("不对") and "原来的工资福利待遇不变" in line, line
    assert "7,000 元" in line and "3,500 元" in line and "第三十三条" in line, line


def test_asked_again_on_the_wage_held():
    """青岛 你先回答我 只给一半对不对 (the wage said a message before, and held)."""
    words = f"{INJURY} 我一个月七千 老板说养伤期间只给一半 对不对 青岛 你先回答我 只给一半对不对"
    line = injury_leave_pay_line("青岛 你先回答我 只给一半对不对", words, 7000) or ""
    assert "7,000 元" in line and line.startswith("不对"), line


@pytest.mark.parametrize(("text", "words"), [
    ("我一个月七千 能拿多少", "我一个月七千 能拿多少"),  # no injury at all
    ("养伤期间工资谁给", "腿摔骨折了 养伤期间工资谁给"),  # who pays: the record's own answer, no cut said
    ("只给一半 对不对", "加班费只给一半 对不对")])  # a cut, but no injury nor time off
def test_no_half_pay_line_where_none_is_told(text, words):
    assert injury_leave_pay_line(text, words, 7000) is None


# XC-2 ------------------------------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("asked", ["老板说我们是计件的 没有加班费 是这样吗", "计件工资有没有加班费",
                                   "我们按件算钱 周末加班给不给加班费"])
async def test_piece_rate_overtime_is_on_record(backend, asked):
    """XC-2: the same 5,220 sum again, no word of piece work."""
    found = (await backend.facts(asked)).get("facts") or []
    piece = [f for f in found if f.get("topic") == "piece_rate_overtime"]
    assert piece, [f.get("topic") for f in found]
    answer = piece[0]["answer"]
    assert "计件也有加班费" in answer and "计件单价的150%" in answer and "300%" in answer, answer
    assert "第十三条" in piece[0]["source"], piece[0]["source"]


@on_module_loop
async def test_piece_rate_alone_is_no_overtime_question(backend):
    """A near miss: 计件工资怎么算 asks no overtime."""
    assert "piece_rate_overtime" not in await _topics(backend, "计件工资怎么算")


# XD-11 -----------------------------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("asked", [
    "你好我在黃島區一個機械廠上班上個月手被沖床壓了縫了十幾針公司說是我自己不小心不給認定工傷我該怎麼辦能要什麼",
    "手被机器压伤了 公司说我自己不小心 不算工伤 能要啥",
    "工伤了 老板说是我自己的错 能赔什么"])
async def test_what_an_injury_can_claim_is_answered_first_time(backend, asked):
    """XD-11: the fault and the 认定 paragraphs; 能要什麼 only on the third ask (工傷能賠啥)."""
    topics = await _topics(backend, asked)
    assert "injury_benefits" in topics and "work_injury_fault" in topics, topics


@on_module_loop
async def test_fault_alone_gets_no_benefits(backend):
    """A near miss: 是我自己不小心 还算工伤吗 asks whether, not what can be claimed."""
    assert "injury_benefits" not in await _topics(backend, "是我自己不小心 还算工伤吗")


# XC-15 -----------------------------------------------------------------------------------------

TODAY = date(2026, 12, 7)
LEFT = "我去年五月份就离职了 到现在一年半了 之前那个公司欠我三个月加班费没给 现在还能要回来吗"


@pytest.mark.parametrize("told", ["我这一年一直在微信上找他们要 他们老说下个月给 有聊天记录",
                                  "一直在跟老板要 他总说下个月给", "这一年我一直催"])
def test_demands_told_restart_the_year(told):
    """XC-15: 没听明白金额 (the demands read as an amount?)."""
    line = demand_told_line(told, f"{LEFT} {told}", TODAY) or ""
    assert "重新计算一年" in line and "来得及" in line and "1年6个月" in line, line


def test_demands_without_a_time_say_from_the_last_one():
    """催了好几回 (when is not said): from the last demand, a year."""
    line = demand_told_line("催了好几回", f"{LEFT} 催了好几回", TODAY) or ""
    assert "最后一次催要" in line and "重新计算一年" in line, line


def test_interrupted_asked_after_the_demands():
    """那我这种算时效中断不 got the same 可能过了时效 paragraph again."""
    told = "我这一年一直在微信上找他们要 他们老说下个月给 有聊天记录"
    line = time_limit_line("那我这种算时效中断不", f"{LEFT} {told} 那我这种算时效中断不", TODAY) or ""
    assert line.startswith("算。") and "重新计算一年" in line, line


@pytest.mark.parametrize("words", ["我一直没要到钱", "他一直没给 我也没找他", "我一直在这个厂干"])
def test_no_demand_is_read_where_none_was_made(words):
    assert restarted_recently(words) is False
    assert demand_told_line(words, f"{LEFT} {words}", TODAY) is None


# XC-6 ------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "pressed"), [
    ("老板说给俺一个月工资打发了 让俺签个自愿离职 俺签不签", True), ("逼我签自愿离职协议", True),
    ("让我签自愿离职", True), ("非让我们签个人原因辞职的单子", True),
    ("我想自愿离职 要签啥", False), ("让我签劳动合同", False), ("老板让我签个字 说下个月发工资", False)])
def test_made_to_resign_is_read(text, pressed):
    assert bool(_MADE_TO_RESIGN.search(text)) is pressed


def test_the_resignation_pressed_is_a_case_point():
    """XC-6: the ticket's 情况要点 left out 让俺签自愿离职 (asked then 工单上写了没); still 被辞退."""
    words = ("俺在仓库干了两年零七个月 老板昨天突然说不用俺了 啥理由也没有 也没提前说 一个月六千 这咋整 能赔多少 "
             "老板说给俺一个月工资打发了 让俺签个自愿离职 俺签不签")
    points = case_points(words)["case_points"]
    assert "自愿离职" in points and "被辞退" in points and "想辞职" not in points, points


# XC-1 ------------------------------------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("asked", ["包工头跑了咋办", "一直找不到那个包工头怎么办", "工头联系不上了 咋整"])
async def test_contractor_gone_what_now(backend, asked):
    """XC-1: 找不到那个(包工头)咋办 — the general contractor pays first."""
    assert "contractor_liability" in await _topics(backend, asked)


@on_module_loop
async def test_contractor_paid_is_no_contractor_question(backend):
    """A near miss: 包工头 named, nothing owed nor missing."""
    assert "contractor_liability" not in await _topics(backend, "包工头人挺好的 咋办手续")



@on_module_loop
async def test_piece_rate_question_after_the_sum_is_answered(backend):
    """XC-2 end to end: 老板说我们是计件的 没有加班费 是这样吗 right after the overtime sum."""
    from form_trackers import conversation
    from rasa_sdk.executor import CollectingDispatcher

    from actions.router import ActionStartService

    sum_said = "按《劳动法》第四十四条计算：\n合计：依法应付加班工资不少于 3,900.00 元"
    tracker = conversation([("我一个月工资4350 这个月每天都加班两个小时 上了22天班 加班费应该给多少", "overtime_pay",
                             [sum_said]),
                            ("不对，我工资是5220 刚才说错了", "inform", [sum_said]),
                            ("老板说我们是计件的 没有加班费 是这样吗", "overtime_pay", [])],
                           {"monthly_wage": 5220, "overtime_days": "工作日每天2小时共22天；休息日4天"})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, {"forms": {}})
    said = "\n".join(m.get("text") or str(m.get("response")) for m in dispatcher.messages)
    assert "计件也有加班费" in said, said
    assert said.count("合计：依法应付加班工资") <= 1, said
