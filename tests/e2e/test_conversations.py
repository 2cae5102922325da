"""Multi-turn conversations, end to end: REST channel → Rasa → action server → backend."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.integration
TICKET = re.compile(r"GH\d{12}")


async def test_wage_arrears_files_a_ticket_for_the_station(chat, backend_api):
    assert "单位" in await chat.say("老板欠我三个月工资")
    assert "多少" in await chat.say("鑫达电子厂")
    assert "工友" in await chat.say("一万二")
    assert "区" in await chat.say("就我一个")
    assert "手机" in await chat.say("青岛西海岸新区辛安街道")
    done = await chat.say("138 0532 1234")
    assert "证据" in done and TICKET.search(done)
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["type"] == "wage_arrears" and ticket["contact_phone"] == "13805321234"
    assert ticket["facts"]["amount"] in (12000, "12000") and ticket["facts"]["duration"] == "P3M"
    assert ticket["facts"]["employer"] == "鑫达电子厂"
    _, full = await backend_api.call("GET", f"/tickets/{ticket['id']}")
    assert full["station_name"] == "辛安街道工会网格化工作总站"


async def test_facts_given_up_front_are_not_asked_again(chat, backend_api):
    reply = await chat.say("隆祥皮革有限公司拖欠我八千五工资 拖了大半年了 我在镇江")
    assert "工友" in reply  # employer, amount, duration and place were all understood
    assert "手机" in await chat.say("一共12个人")
    assert TICKET.search(await chat.say("13952800009"))
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["facts"]["workers_affected"] in (12, "12")
    assert ticket["station_id"]


async def test_cancel_leaves_the_form_and_files_nothing(chat, backend_api):
    await chat.say("工资被拖欠了")
    await chat.say("宏远建筑公司")
    assert "取消" in await chat.say("算了不办了")
    assert await backend_api.tickets_of(chat) == []
    assert "工会" in await chat.say("你好")


async def test_overtime_calculator_in_the_conversation(chat):
    assert "月工资" in await chat.say("春节加班工资怎么算")
    assert "哪几天" in await chat.say("4500")
    reply = await chat.say("大年初一到初三")
    assert "1,862.07" in reply and "21.75" in reply


async def test_overtime_with_wage_in_the_first_message(chat):
    assert "哪几天" in await chat.say("我月薪一万二 国庆加班怎么算")
    assert "元" in await chat.say("国庆3天")


async def test_minimum_wage_comes_from_the_backend(chat):
    assert "城市" in await chat.say("最低工资是多少")
    reply = await chat.say("上海")
    assert "2740" in reply and "来源" in reply


async def test_wage_below_minimum_is_flagged_and_ticket_offered(chat):
    reply = await chat.say("在上海 老板一个月只给1500 低于最低工资了吧")
    assert "低于" in reply and "工单" in reply
    assert "不登记" in await chat.say("先不用")


async def test_school_placement_answer_and_ticket(chat, backend_api):
    await chat.say("孩子没有本地户口能在这边上学吗")
    await chat.say("青岛黄岛区崂又泊社区")
    await chat.say("小学一年级")
    await chat.say("户口在老家 有居住证")
    reply = await chat.say("学校说没有学位不收")
    assert "居住证" in reply and "工单" in reply
    await chat.say("要")
    done = await chat.say("13805320099")
    assert TICKET.search(done) and "崂又泊" in done
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["type"] == "school_placement" and ticket["facts"]["child_grade"]


async def test_relief_for_a_verified_hardship_worker(chat, backend_api):
    assert "手机" in await chat.say("我是困难职工 能申请医疗救助吗")
    assert "验证码" in await chat.say("13952800001")
    code = await backend_api.last_code("13952800001")
    assert "医疗费" in await chat.say(code)
    reply = await chat.say("自己掏了两千五")
    assert "困难职工医疗救助" in reply and "✔" in reply
    assert TICKET.search(await chat.say("要"))  # the phone is known: no question, ticket filed
    tickets = await backend_api.tickets_of(chat)
    assert [t["type"] for t in tickets] == ["relief_application"]


async def test_relief_below_threshold_says_why(chat, backend_api):
    await chat.say("医疗救助怎么申请")
    await chat.say("13952800001")
    await chat.say(await backend_api.last_code("13952800001"))
    reply = await chat.say("1500")
    assert "2000" in reply and "✘" in reply


async def test_wrong_one_time_code_is_asked_again(chat):
    await chat.say("我想申请困难救助")
    await chat.say("13952800002")
    assert "验证码" in await chat.say("000000")


async def test_holiday_subsidy_shanghai_builder(chat):
    await chat.say("留在上海过年有补贴吗")
    await chat.say("留下来过年")
    reply = await chat.say("在建筑工地干活")
    assert "20,000" in reply or "2万" in reply


async def test_find_station_by_district(chat):
    reply = await chat.say("辛安街道的工会服务站在哪")
    assert "辛安街道工会网格化工作总站" in reply and "服务时间" in reply


async def test_find_station_asks_for_the_place(chat):
    assert "哪个城市" in await chat.say("最近的工会服务站在哪里")
    assert "镇江市总工会" in await chat.say("镇江京口区")


async def test_place_given_once_is_not_asked_again(chat):
    await chat.say("我在崂又泊社区 最低工资多少")
    assert "崂又泊社区工会网格工作站" in await chat.say("附近的工会服务站在哪")


async def test_ticket_status_checks_the_phone(chat, stack, backend_api):
    from tests.e2e.conftest import Chat

    _, ticket = await backend_api.call("POST", "/tickets", json={
        "type": "legal_aid", "district": "辛安街道", "contact_phone": "13805327777"},
        headers={"Idempotency-Key": chat.sender})
    assert "手机" in await chat.say(f"工单{ticket['id']}到哪一步了")
    assert "已分派" in await chat.say("13805327777")
    stranger = Chat(stack)  # someone else who knows the ticket id, not the phone
    assert "手机" in await stranger.say(f"工单{ticket['id']}查一下进度")
    reply = await stranger.say("13900001111")
    assert "没有找到" in reply and "已分派" not in reply


async def test_legal_aid_answer_then_decline_ticket(chat):
    reply = await chat.say("被辞退没补偿想申请仲裁")
    assert "一年" in reply and "工单" in reply
    assert "不登记" in await chat.say("不用了")


async def test_crisis_words_get_hotlines_and_a_person_at_once(chat, backend_api):
    reply = await chat.say("我真的不想活了")
    assert "400-161-9995" in reply and ("转接" in reply or "回电" in reply or "工作人员" in reply)
    _, record = await backend_api.call("GET", f"/handoffs/by-conversation/{chat.sender}")
    assert record["reason"] == "crisis"


async def test_request_human_joins_the_station_queue(chat, backend_api):
    await chat.say("我在辛安街道")
    reply = await chat.say("转人工")
    assert "工作人员" in reply
    _, record = await backend_api.call("GET", f"/handoffs/by-conversation/{chat.sender}")
    assert record["station_name"] == "辛安街道工会网格化工作总站"


async def test_topic_switch_mid_form_and_back(chat):
    assert "单位" in await chat.say("老板欠薪")
    reply = await chat.say("辛安街道的工会服务站在哪")
    assert "服务时间" in reply and "接着刚才" in reply and "单位" in reply
    assert "多少" in await chat.say("华美服装厂")


async def test_mutual_insurance_answer(chat):
    assert "互助" in await chat.say("职工互助保障怎么理赔")
