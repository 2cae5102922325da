"""Round 20 of the independent testers (MM money, NN others), end to end on the real stack:
each conversation as the tester held it, asserting what the worker noticed."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.integration
TICKET = re.compile(r"GH\d{12}")


async def test_a_crisis_stays_a_crisis_after_its_first_reply(chat, backend_api):
    """NN-15: 我现在在工地楼顶上 got a routine callback for Monday; 等到周一我都不在了 got 没明白.
    Whether the station is staffed depends on the hour the test runs (CI failed in Beijing office
    hours, when the crisis is queued at the station and no callback is filed): both are checked."""
    first = await chat.say("腿摔伤了老板把我开了一分钱不给 活着真没意思 不如从楼上跳下去算了")
    assert "12356" in first and "110" in first
    danger = await chat.say("18954327761 黄岛 我现在在工地楼顶上")
    assert danger.startswith("您现在的位置很危险") and "110" in danger
    again = await chat.say("等到周一我都不在了")
    assert "12356" in again and "没太明白" not in again
    await chat.say("晚上也有人吗")
    callbacks = [t for t in await backend_api.tickets_of(chat) if t["type"] == "callback"]
    if "已为您转接" in first:  # the station is staffed now (Beijing office hours): queued there,
        # and the phone left while queued is an urgent callback too (YP-16), the worker still queued
        status, handoff = await backend_api.call("GET", f"/handoffs/by-conversation/{chat.sender}")
        assert status == 200 and handoff["reason"] == "crisis", handoff
        assert "还在排队" in danger
    else:
        assert "不在服务时间" in first, first
    assert len(callbacks) == 1  # one callback, however often the person is asked for
    assert callbacks[0]["facts"]["reason"] == "crisis"


async def test_the_whole_case_with_the_employer_said_without_its_suffix(chat, backend_api):
    """The issue's first example as a worker writes it (青岛海纳建筑, no 公司): the employer was
    asked for again."""
    reply = await chat.say("我在黄岛区辛安街道上班，青岛海纳建筑欠了我和另外5个工友三个月工资，一共大概两万四")
    assert "单位" not in reply and "手机" in reply
    summary = await chat.say("13805321234")
    assert "青岛海纳建筑" in summary


async def test_a_day_s_pay_stays_a_day_s_pay_on_the_ticket(chat):
    """MM-06, CODE-13: 一天三百 was shown as 月工资 6,525 in the reply and the ticket's summary."""
    reply = await chat.say("春节初一到初三都在工地干活 我们是按天算的 一天三百 老板一分加班费都没给")
    assert "日工资 300 元" in reply and "6,525" not in reply
    assert "日工资：300 元" in reply and "月工资" not in reply


async def test_just_asking_leaves_the_wage_form(chat):
    """CODE-16: 那我要是被扣工资了找谁 opened the wage form, which stayed after 还没扣呢 我就问问."""
    reply = await chat.say("那我要是被扣工资了找谁")
    assert "12333" in reply and "哪家单位" not in reply
    assert "不用，就问问" in chat.buttons


async def test_two_topics_asked_are_both_answered(chat):
    """CODE-12: the 托管 answered, the 过年 subsidy dropped until the worker said 你还没说."""
    reply = await chat.say("过年不回去了留在青岛 有没有啥补贴 还有孩子放寒假没人带 你们那有托管没")
    assert "托管" in reply and "过年" in reply


async def test_a_wish_to_file_after_a_legal_answer_offers_the_ticket(chat):
    """CODE-15: 帮我登记一下让工会的人管管 got the station card twice."""
    await chat.say("厂里不交社保 合法吗")
    reply = await chat.say("那你帮我登记一下让工会的人管管 我在西海岸薛家岛这边 电话139 0532 8876")
    assert "要不要我帮您登记" in reply and "薛家岛" in reply and "地址：" not in reply
