"""The flows besides wages the way workers answer them (the lead's transcripts on issue 10):
places said without 区, an unknown street, facts out of order in the school flow, a phone
refused, facts and a phone number on the ticket offer, one answer per question, and the
mutual-insurance figure. Each test is one fresh conversation against the real product."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.integration
TICKET = re.compile(r"GH\d{12}")
PLACE_QUESTION = "您在哪个城市、哪个区或街道"
NOT_UNDERSTOOD = ("不好回答", "还没有资料", "想办理什么")


def _no_dead_end(reply: str) -> None:
    assert not any(words in reply for words in NOT_UNDERSTOOD), reply


@pytest.mark.parametrize("place", ["李沧", "即墨", "黄岛", "城阳"])
async def test_a_district_without_its_suffix_finds_the_station(chat, place):
    assert PLACE_QUESTION in await chat.say("最近的工会服务站在哪")
    reply = await chat.say(place)
    assert "工作站" in reply and PLACE_QUESTION not in reply, reply
    _no_dead_end(reply)


async def test_an_unknown_street_in_a_known_district_gets_the_district_station(chat):
    reply = await chat.say("我在即墨区龙山街道 附近有工会服务站吗")
    assert "工作站" in reply and "城市" not in reply, reply
    _no_dead_end(reply)


async def test_the_holiday_city_answered_with_a_district_is_taken(chat):
    assert "哪个城市" in await chat.say("过年不回家留在厂里上班有没有补贴")
    reply = await chat.say("即墨")
    assert "哪个城市" not in reply, reply


async def test_school_facts_out_of_order_are_kept_and_no_question_comes_three_times(chat,
                                                                                    backend_api):
    assert PLACE_QUESTION in await chat.say("孩子上学的事")
    reply = await chat.say("初二")
    assert "初中二年级" in reply  # said back: the worker sees it was heard
    reply = await chat.say("没有户口")
    assert reply.count(PLACE_QUESTION) <= 1 and "工作人员" in reply  # a person is offered
    reply = await chat.say("要")
    assert "工作人员" in reply or "工作站" in reply, reply


async def test_the_school_place_given_late_keeps_the_earlier_facts(chat, backend_api):
    await chat.say("孩子上学的事")
    await chat.say("初二")
    reply = await chat.say("李沧")
    assert "户口" not in reply or "居住证" in reply  # the grade is not asked again
    assert "几年级" not in reply


async def test_relief_a_place_and_no_phone_never_loop(chat):
    await chat.say("我老公在工地摔伤了 住院花了三万多 家里困难 能申请救助吗")
    reply = await chat.say("不知道")  # the phone
    assert "不留电话也可以" in reply and "请留一个" not in reply  # not the phone again
    _no_dead_end(reply)


async def test_relief_a_city_told_while_the_phone_is_asked_is_kept(chat):
    await chat.say("我老公在工地摔伤了 住院花了三万多 家里困难 能申请救助吗")
    reply = await chat.say("青岛")
    assert "青岛" in reply
    _no_dead_end(reply)
    reply = await chat.say("不想留电话")
    _no_dead_end(reply)


async def test_a_new_grade_on_the_school_offer_changes_the_summary(chat):
    await chat.say("孩子在崂山区上小学一年级 没有本地户口 有居住证 学校说没学位")
    reply = await chat.say("三年级")
    assert "小学三年级" in reply and "小学一年级" not in reply, reply


async def test_a_phone_number_on_the_offer_files_the_ticket(chat, backend_api):
    await chat.say("孩子在崂山区上小学一年级 没有本地户口 有居住证 学校说没学位")
    reply = await chat.say("13912345678")
    _no_dead_end(reply)
    assert TICKET.search(reply), reply
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["type"] == "school_placement"


async def test_the_minimum_wage_is_said_once_then_the_pay_is_compared(chat):
    reply = await chat.say("青岛最低工资多少")
    assert reply.count("2200") == 1, reply
    reply = await chat.say("我一个月才拿1800 正常吗")
    assert "1800" in reply and "2200" in reply and "低于" in reply, reply
    assert "小时最低工资" not in reply, "the figure just told is not told again with the comparison"
    assert "加班是哪几天" not in reply and "21.75" not in reply  # not the overtime flow


async def test_the_station_is_said_once(chat):
    reply = await chat.say("我在深圳宝安打工 附近的工会在哪")
    assert reply.count("地址：") == 1, reply


async def test_mutual_insurance_how_much_gets_the_figure(chat):
    reply = await chat.say("互助保障住院能报多少")
    assert "16万" in reply and "来源" in reply, reply


async def test_a_place_said_after_another_places_answer_gets_the_answer_for_it(chat):
    """上海最低工资 → 最近的服务站 (上海's, from the city known) → 青岛黄岛区辛安街道: the worker
    means the station there, not a new topic; 那李沧区呢 after it, the same again."""
    await chat.say("上海最低工资是多少")
    assert "上海" in await chat.say("最近的工会服务站在哪里")
    reply = await chat.say("青岛黄岛区辛安街道")
    assert "辛安街道" in reply and "工作站" in reply, reply
    _no_dead_end(reply)
    reply = await chat.say("那李沧区呢")
    assert "工作站" in reply and "辛安" not in reply, reply
    _no_dead_end(reply)


async def test_another_city_after_the_minimum_wage_gets_that_citys_figure(chat):
    assert "2740" in await chat.say("上海最低工资是多少")
    reply = await chat.say("青岛")
    assert "2200" in reply and "2740" not in reply, reply
    _no_dead_end(reply)


async def test_thanks_after_the_rule_ends_the_form_and_the_figure_comes_when_asked(chat):
    """大年初一上班给三倍工资吗 → the rule and 您的月工资是多少 → 谢谢: the worker is done for
    now; asking the wage again would not hear them. Later the whole case is computed."""
    assert "月工资" in await chat.say("大年初一上班给三倍工资吗")
    reply = await chat.say("谢谢")
    assert "不客气" in reply and "月工资" not in reply, reply
    reply = await chat.say("算一下吧 我月薪4500 初一初二都上班了")
    assert "1,241.38" in reply, reply


async def test_the_phone_asked_to_check_a_ticket_says_why_and_promises_no_call(chat, backend_api):
    _, ticket = await backend_api.call("POST", "/tickets", json={
        "type": "legal_aid", "district": "辛安街道", "contact_phone": "13805327777"},
        headers={"Idempotency-Key": chat.sender})
    reply = await chat.say(f"帮我查一下工单{ticket['id']}的进度")
    assert "核对" in reply and "手机号" in reply and "打这个电话" not in reply, reply
    reply = await chat.say("13805327777")
    assert ticket["id"] in reply or "法律援助" in reply, reply
