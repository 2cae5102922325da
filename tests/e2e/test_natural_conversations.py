"""Conversations the way workers hold them (issue 10), end to end: the whole case up front,
facts out of order, descriptions instead of names, 不知道, corrections and one-word replies.

The first eight tests are the eight examples at the top of the issue, in its order.
"""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.integration
TICKET = re.compile(r"GH\d{12}")


# --- the eight examples ------------------------------------------------------------

async def test_1_a_message_that_carries_the_whole_case_starts_it(chat, backend_api):
    reply = await chat.say("我在黄岛区辛安街道上班，青岛海纳建筑公司欠了我和另外5个工友三个月工资，"
                           "一共大概两万四")
    assert "手机" in reply and "想办理什么" not in reply  # only the phone is still missing
    summary = await chat.say("13805321234")
    assert "核对" in summary and "青岛海纳建筑公司" in summary and "约24,000元" in summary
    assert "确认" in chat.buttons and "修改" in chat.buttons
    done = await chat.say("确认")
    assert TICKET.search(done) and "辛安街道" in done
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["type"] == "wage_arrears"
    # 大概两万四: the sum as roughly as the worker said it (issue 10: 大概… stored approximate)
    assert ticket["facts"] == {"employer": "青岛海纳建筑公司", "amount": "约24,000元", "duration": "P3M",
                               "workers_affected": 6}


async def test_2_an_employer_described_or_named_without_its_suffix_is_accepted(chat,
                                                                                backend_api):
    assert "单位" in await chat.say("老板欠我工资")
    assert "多少" in await chat.say("一个包工头 姓刘的")  # the next question, not the same one
    other = type(chat)(chat.stack)
    await other.say("老板欠我工资")
    reply = await other.say("青岛海纳建筑")
    assert "多少" in reply and "想办理什么" not in reply


async def test_the_one_who_owes_named_by_surname_answers_the_question(chat):
    """他姓张 电话打不通 was classified as legal aid with confidence: the wage form stepped
    aside, the legal-aid answer came and the case's facts went into a legal-aid offer."""
    await chat.say("干了半年活 包工头一分钱没给 人也找不到了")
    reply = await chat.say("他姓张 电话打不通")
    assert "多少钱" in reply and "法律援助" not in reply


async def test_3_vague_answers_are_kept_never_an_error(chat, backend_api):
    await chat.say("老板拖欠工资")
    await chat.say("鑫达电子厂")
    assert "多长时间" in await chat.say("不知道具体多少")  # kept as unknown: the next question
    reply = await chat.say("好几个月了")
    assert "工友" in reply  # duration kept as approximate; on to the head count
    await chat.say("就我一个")
    await chat.say("镇江京口区")
    await chat.say("13805320101")
    assert TICKET.search(await chat.say("确认"))
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["facts"]["amount"] == "不清楚" and "好几个月" in ticket["facts"]["duration"]


async def test_4_a_correction_changes_the_fact(chat, backend_api):
    await chat.say("工资被拖欠了")
    await chat.say("宏远建筑公司")
    await chat.say("八千五")
    reply = await chat.say("不对 是九千五")
    assert "9,500" in reply and "多长时间" in reply  # said back, then the question still open
    await chat.say("两个月")
    await chat.say("说错了，是三个月")
    await chat.say("就我一个")
    await chat.say("镇江京口区")
    summary = await chat.say("13805320102")
    assert "9,500" in summary and "3个月" in summary
    await chat.say("确认")
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["facts"]["amount"] == 9500 and ticket["facts"]["duration"] == "P3M"


async def test_5_overtime_from_a_wage_given_earlier_and_from_both_at_once(chat):
    await chat.say("我月薪4500")
    reply = await chat.say("春节初一到初三都在上班，加班费应该拿多少")
    assert "4,500 ÷ 21.75" in reply and "月工资是多少" not in reply
    other = type(chat)(chat.stack)
    reply = await other.say("我月薪4500 春节初一到初三都在上班 加班费应该拿多少")
    assert "4,500 ÷ 21.75" in reply and "300%" in reply


async def test_6_school_facts_given_up_front_are_not_asked_again(chat, backend_api):
    reply = await chat.say("孩子想在崂山区上小学 没有本地户口 有居住证 学校说没学位")
    assert "户口在哪里" not in reply and "具体问题" not in reply
    assert "工单" in reply
    await chat.say("要")
    assert TICKET.search(await chat.say("13805320103"))
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["facts"]["hukou_status"] == "外地户口，有居住证"
    assert ticket["facts"]["school_problem"].startswith("没有学位")


async def test_7_a_one_word_answer_belongs_to_the_question(chat):
    assert "什么工作" in await chat.say("留在上海过年有补贴吗")
    reply = await chat.say("外卖")
    assert "帮不上忙" not in reply and "什么工作" not in reply


async def test_8_crisis_words_in_a_wage_message_get_hotlines_first(chat, backend_api):
    reply = await chat.say("工资要不回来 家里也指望不上 真的不想活了")
    assert "400-161-9995" in reply and "单位" not in reply
    _, record = await backend_api.call("GET", f"/handoffs/by-conversation/{chat.sender}")
    assert record["reason"] == "crisis"


# --- more of how people talk ---------------------------------------------------------------

async def test_facts_out_of_order_while_the_form_asks_something_else(chat, backend_api):
    assert "单位" in await chat.say("老板欠我工资")
    reply = await chat.say("欠了三个月了 我们5个人 一共两万")  # not the employer: kept anyway
    assert "单位" in reply  # still the question open, nothing else asked again
    assert "街道" in await chat.say("青岛海纳建筑")
    await chat.say("辛安街道")
    await chat.say("13805320104")
    await chat.say("确认")
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["facts"] == {"employer": "青岛海纳建筑", "amount": 20000, "duration": "P3M",
                               "workers_affected": 5}


async def test_the_summary_can_be_changed_before_filing(chat, backend_api):
    await chat.say("隆祥皮革有限公司拖欠我八千五工资 拖了大半年了 我在福鼎")
    await chat.say("就我一个")
    assert "核对" in await chat.say("13805320105")
    assert "改哪一项" in await chat.say("修改")
    summary = await chat.say("金额是九千")
    assert "9,000" in summary and "核对" in summary
    assert TICKET.search(await chat.say("确认"))
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["facts"]["amount"] == 9000


async def test_two_cases_in_one_conversation_are_two_tickets(chat, backend_api):
    for employer in ("鑫达电子厂", "宏远建筑公司"):
        await chat.say(f"{employer}欠我一万二工资 欠了两个月 就我一个 我在镇江京口区")
        await chat.say("13805320106")
        assert TICKET.search(await chat.say("确认"))
    assert len(await backend_api.tickets_of(chat)) == 2


async def test_a_second_service_is_offered_after_the_first(chat):
    await chat.say("我在上海 最低工资是多少 还有孩子上学的事想问问")
    reply = chat.transcript[-1][1]
    assert "2740" in reply and "孩子上学" in reply and "好，看看" in chat.buttons


async def test_one_day_named_by_its_lunar_date(chat):
    await chat.say("春节加班工资怎么算")
    await chat.say("4500")
    reply = await chat.say("初二")
    assert "4,500 ÷ 21.75" in reply


async def test_another_kind_of_day_asked_after_the_figure(chat):
    """那要是周末加班呢 after the National Day figure: the weekend rule and the days asked
    again (the wage kept), not the holiday figure repeated; 3天 after 那国庆节加班呢 counts
    holidays; 那一共多少钱 repeats the figure instead of asking which service is meant."""
    first = await chat.say("月薪5200 国庆节加了三天班 加班费怎么算")
    assert "2,151.72" in first
    weekend = await chat.say("那要是周末加班呢")
    assert "200%" in weekend and "哪几天" in weekend and "2,151.72" not in weekend
    assert "月工资是多少" not in weekend
    assert "956.32" in await chat.say("周六日两天")
    again = await chat.say("那一共多少钱")
    assert "956.32" in again and "想办理什么" not in again
    other = type(chat)(chat.stack)
    await other.say("周末加班怎么算")
    await other.say("月薪6000")
    assert "551.72" in await other.say("上周六加了一天")
    assert "哪几天" in await other.say("那国庆节加班呢")
    assert "6,000 ÷ 21.75 × 3 × 300%" in await other.say("3天")


async def test_relief_facts_told_instead_of_the_phone_and_the_record_told_after_the_verdict(
        chat, backend_api):
    """The phone asked, the worker tells the city, then 自己掏了三万多 (the cost, in words, while
    a phone is asked: money, not digits of a number); without a phone the verdict is for a
    worker without a record. 建档了 after it: assessed again with the record told, nothing
    asked again, no word of a code (before: 验证码不对 and 验证码已经发到您的手机上了 with no
    phone given, and the cost asked again)."""
    await chat.say("我老婆生病住院了 花了好多钱 家里困难 工会能帮忙吗")
    assert "手机号" in await chat.say("在镇江")
    verdict = await chat.say("自己掏了三万多")
    assert "30,000" in verdict and "暂不符合" in verdict
    again = await chat.say("建档了")
    assert "可以申请" in again and "验证码" not in again and "医疗费" not in again.split("✔")[0]
    assert "不留电话" not in again and "困难职工可以申请工会的医疗救助" not in again
    assert "自付医疗费：30,000 元" in again  # the offer's summary names the cost it files
    filed = await chat.say("13952800001")
    assert TICKET.search(filed)
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["facts"]["medical_out_of_pocket_yearly"] == 30000


async def test_a_follow_up_question_is_not_answered_with_the_same_paragraph(chat):
    first = await chat.say("公司不给交社保 怎么办")
    assert first.count("30日内") == 1 and "第三十八条" in first  # the law on it, once
    again = await chat.say("我能不能去仲裁")
    assert "30日内" not in again and "要不要我帮您登记" in again


async def test_a_hukou_named_by_its_province_is_not_asked_again(chat):
    reply = await chat.say("孩子明年上小学 我们户口在河南 在青岛打工 需要啥材料")
    assert "户口在哪里" not in reply and "材料" in reply


async def test_a_place_on_the_ticket_offer_is_kept_not_taken_as_yes(chat, backend_api):
    """即墨 is classified as affirm (no entity for it): it was taken as yes to the offer."""
    await chat.say("公司不给交社保 怎么办")
    reply = await chat.say("即墨")
    assert "即墨" in reply and "要不要我帮您登记" in reply and "手机号" not in reply
    assert "手机号" in await chat.say("要")
    assert TICKET.search(await chat.say("13805321234"))
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["type"] == "legal_aid"


async def test_feelings_told_mid_form_are_listened_to_not_answered_with_the_form(chat):
    """最近压力好大 mid-form got the psych-support words and then 我们接着刚才的事往下说 with
    the form's question; the worker's next words (嗯 工作太累了) got 我没太明白."""
    await chat.say("孩子上学的事")
    await chat.say("小学三年级")
    heard = await chat.say("最近压力好大 晚上睡不着")
    assert "心理" in heard and "哪个城市" not in heard and "接着刚才的事" not in heard
    talk = await chat.say("嗯 工作太累了")
    assert "谢谢您愿意跟我说" in talk and "转人工" in chat.buttons and "没太明白" not in talk
    crisis = type(chat)(chat.stack)
    await crisis.say("孩子上学的事")
    assert "400-161-9995" in await crisis.say("活着真没意思")  # 真 between the words


async def test_a_fact_said_again_on_the_offer_does_not_rerun_the_answer(chat):
    """留下过年 on the subsidy ticket offer re-ran the whole flow: the measures and the verdict
    again. It is about this case: the offer is asked again, and 要 takes it."""
    await chat.say("春节留岗有补贴吗")
    await chat.say("深圳")
    assert "要不要我帮您登记" in await chat.say("快递")
    again = await chat.say("留下过年")
    assert "要不要我帮您登记" in again and "当地工会的过年措施" not in again
    assert "手机号" in await chat.say("要")


async def test_a_city_answers_the_place_question_without_a_hint(chat):
    """镇江 for 您在哪个城市、哪个区或街道: the phone is asked next; it used to come with
    好的，记下了 and the 说区县名就行 hint, as if the place had not been answered."""
    for text in ("老板欠我工资", "宏达物流", "八千五", "两个月", "就我一个"):
        await chat.say(text)
    reply = await chat.say("镇江")
    assert "手机号" in reply and "说区县名就行" not in reply


async def test_asked_what_it_can_do_the_assistant_says_so(chat):
    """你能做什么 was out of scope (这个我帮不上忙) and 你们能干啥 not understood at all."""
    for text in ("你们能干啥", "你能做什么", "有什么功能"):
        reply = await chat.say(text)
        assert "讨要欠薪" in reply and "没" not in reply[:12], (text, reply)


async def test_a_wish_for_a_person_in_own_words_reaches_the_station(chat):
    """我想找个工会的人聊聊 was not understood (请换个说法): a worker asking for a person is
    queued at the station (or offered a call-back out of hours), never asked to rephrase."""
    reply = await chat.say("我想找个工会的人聊聊")
    assert "已为您转接" in reply or "不在服务时间" in reply, reply
    assert "换个说法" not in reply


async def test_a_second_case_told_mid_form_keeps_the_first_and_says_so(chat):
    """孩子上不了学 while the wage case was being told opened the school questions without a
    word about the wage case: the worker could not know it was kept."""
    await chat.say("工资被拖欠了")
    await chat.say("鑫达电子厂")
    reply = await chat.say("孩子上不了学")
    assert "孩子上学" in reply and "讨要欠薪" in reply and "记着" in reply, reply
    assert "城市" in reply or "几年级" in reply  # the school questions begin


async def test_two_facts_corrected_in_one_message_both_change(chat):
    """不对 工资是九千五 时间是两个月: only the time was corrected; 工资是九千五 went to a
    monthly wage the wage case does not have, and the owed sum stayed 8,500."""
    for text in ("老板欠我工资", "宏达物流", "八千五", "三个月"):
        await chat.say(text)
    reply = await chat.say("不对 工资是九千五 时间是两个月")
    assert "9,500" in reply and "2个月" in reply, reply


async def test_a_bare_district_name_told_unasked_is_kept(chat):
    """在即墨 while the relief form asked for the phone: the NLU knows districts by their full
    names only, so the place was lost and the phone asked again as if nothing was said."""
    await chat.say("我在工地摔伤了 医药费花了两万多 自己垫的 家里困难")
    reply = await chat.say("在即墨")
    assert "即墨区" in reply and "手机号" in reply, reply


async def test_a_district_stem_and_a_kind_of_factory_in_a_question_are_not_asked_again(chat):
    """我在城阳一个电子厂上班 …过年留下来给红包: 城阳 was no place and 电子厂 an employer, so
    the worker was asked the city, then what work they do."""
    reply = await chat.say("我想问问 我在城阳一个电子厂上班 厂里说过年留下来给红包 是真的吗")
    assert "哪个城市" not in reply and "做什么工作" not in reply, reply


async def test_a_runaway_boss_and_no_pay_in_dialect_start_the_wage_case(chat):
    """俺们包工头跑了 干了大半年的活钱一分没拿到: read as a bare inform (请问您想办理什么事情),
    every turn; and a place told while the sum was asked got 没听明白金额."""
    reply = await chat.say("俺们包工头跑了 干了大半年的活钱一分没拿到 十几个老乡都是")
    assert "单位" in reply and "想办理什么" not in reply, reply
    await chat.say("不知道叫啥 就知道姓刘")
    reply = await chat.say("在青岛李沧那边的工地")
    assert "没听明白" not in reply and "李沧区" in reply and "多少钱" in reply, reply


async def test_minimum_wage_and_station_in_one_shot(chat):
    reply = await chat.say("我在上海 一个月才2000 是不是低于最低工资")
    assert "2740" in reply and "低于" in reply
    other = type(chat)(chat.stack)
    assert "服务时间" in await other.say("辛安街道的工会服务站在哪")


async def test_a_question_asked_twice_then_moves_on_for_what_a_case_can_go_without(chat):
    await chat.say("老板欠我工资")
    await chat.say("鑫达电子厂")
    await chat.say("一万")
    first = await chat.say("嗯嗯")
    second = await chat.say("嗯嗯")
    assert "多长时间" in first or "时间" in first
    assert "不清楚" in second and "工友" in second  # kept as unknown, the next question


async def test_a_place_not_understood_twice_gets_the_offer_without_the_question_again(chat):
    """The third time, buttons and a person instead of the question: it used to come again
    under the offer, and again on every later turn."""
    question = "您在哪个城市、哪个区或街道"
    assert question in await chat.say("最近的工会服务站在哪")
    second = await chat.say("我也说不清")
    assert "李沧" in second and question in second  # asked again, with an example and buttons
    third = await chat.say("就是那个大桥下面")
    assert "转人工" in chat.buttons and "青岛" in chat.buttons
    assert question not in third
    assert question not in await chat.say("不知道")
    assert "工作站是" in await chat.say("李沧区")  # the form still takes the answer


async def test_a_district_answers_the_city_question(chat):
    """Asked 您在哪个城市, a worker names the place they know (龙安开发区): the city is found
    from it, the question is not asked again."""
    assert "城市" in await chat.say("春节期间工会有啥福利")
    reply = await chat.say("龙安开发区")
    assert "城市" not in reply and reply.strip()


# --- one coherent reply a turn (found by hand against make run) -----------------------------

def _questions(reply: str) -> int:
    """How many questions one reply asks (its sentences that end with a question mark)."""
    return reply.count("？") + reply.count("?")


async def test_an_amount_told_while_the_time_is_asked_is_kept_without_a_misunderstanding(
        chat, backend_api):
    await chat.say("工资被拖欠了")
    await chat.say("宏远建筑公司")
    await chat.say("不知道")  # the amount: unknown for now
    reply = await chat.say("八千五")  # said while the form asks how long
    assert "没听明白" not in reply and "8,500" in reply
    assert reply.count("多长时间") == 1 and _questions(reply) == 1


async def test_a_relief_request_asks_one_question_a_turn(chat):
    reply = await chat.say("我想问问帮扶的事")
    # the introduction, then the phone question alone (it used to ask the city as well)
    assert "帮扶" in reply and "手机号" in reply and _questions(reply) == 0
    assert "城市" not in reply


async def test_an_agreement_figure_is_not_followed_by_the_city_question(chat):
    reply = await chat.say("隆祥返岗路费补贴多少")
    assert "1000" in reply and "城市" not in reply


async def test_the_station_asked_mid_form_is_named_once_then_the_form_goes_on(chat):
    await chat.say("老板欠我工资")
    await chat.say("鑫达电子厂")
    await chat.say("我在黄岛区辛安街道")
    reply = await chat.say("最近的工会服务站在哪里")
    assert reply.count("辛安街道工会网格化工作总站") == 1  # the station, said once
    assert "多少" in reply.split("工作总站")[-1]  # then the form's question open before it


async def test_a_legal_question_gets_the_law_and_the_workers_own_sum(chat, backend_api):
    """Rounds 8–9: 没签合同…能要双倍工资吗, 那我能拿多少 and 工伤认定怎么弄 each got the same
    legal-aid paragraph. The law's answer comes with its article, the sum on the worker's own
    months and wage, and the case is filed with what was said; 黄岛区 to the place question
    is an answer (it got the 不用带“区”字 hint)."""
    first = await chat.say("老板不跟我签合同 干了八个月了 能要双倍工资吗")
    assert "第八十二条" in first and "7个月" in first, first
    again = await chat.say("那我能拿多少")
    assert "月工资" in again and "第八十二条" not in again, again
    summed = await chat.say("一个月5000")
    assert "35,000" in summed and "要不要我帮您登记" in summed, summed
    await chat.say("要")
    place = await chat.say("黄岛区")
    assert "不用带" not in place and "手机号" in place, place
    assert TICKET.search(await chat.say("13805321234"))
    (ticket,) = await backend_api.tickets_of(chat)
    assert ticket["type"] == "legal_aid" and ticket["facts"]["monthly_wage"] == 5000
    assert "八个月" in ticket["facts"]["question"]
    injury = type(chat)(chat.stack)
    reply = await injury.say("工伤认定怎么弄")
    assert "30日" in reply and "1年" in reply and "第十七条" in reply, reply


async def test_a_rough_sum_is_filed_rough_and_a_wage_with_fen_is_computed_exactly(chat):
    """一万多 was filed as exactly 10,000 元 and 月薪5437.5 computed as 5,437 (rounds 8–9)."""
    reply = await chat.say("鑫达电子厂欠了我一万多 三个月了")
    for answer in ("就我一个", "黄岛区", "13805321234"):
        if "确认" in reply:
            break
        reply = await chat.say(answer)
    assert "约1万多元" in reply and "10,000" not in reply, chat.transcript
    other = type(chat)(chat.stack)
    pay = await other.say("月薪5437.5 国庆加班3天 加班费多少")
    assert "5,437.5" in pay and "250" in pay and "2,250" in pay, pay


async def test_self_harm_inside_a_long_dismissal_question_gets_the_crisis_lines_first(chat):
    """T-20: 拿刀在胳膊上划了几道, inside 120 characters about a dismissal, got 没太明白."""
    reply = await chat.say("我上礼拜被厂里开了说我老请假其实是我妈住院我请的假这几天睡不着拿刀在胳膊上划了几道"
                           "心里才好受点我想问问他们这样开我有没有补偿我干了一年半")
    assert "400-161-9995" in reply and "没太明白" not in reply, reply


async def test_a_probation_case_is_worked_out_on_the_workers_contract(chat):
    """T-10: the general probation rules, never that six months on a one-year contract is
    four too many, nor that 2,500 is under 80 % of 3,500."""
    reply = await chat.say("我在电子厂 签了一年合同 试用期写的6个月 试用期一个月2500 转正3500 "
                           "干了5个月了 今天组长说我试用期不合格让我走 这合理吗")
    assert "最长只能2个月" in reply and "10,500" in reply and "2,800" in reply, reply
    assert "月工资：2,500" not in reply  # the probation wage is no month's pay to claim on


async def test_a_days_pay_and_a_wage_range_are_computed_not_asked_again(chat):
    """S-08: 我一天三百 was asked for the monthly wage, then computed as 300 ÷ 21.75; S-05:
    一个月四五千吧 got 没听明白金额."""
    reply = await chat.say("大年初一到初三都上班 我一天三百 加班费给多少")
    assert "2,700" in reply and "月工资是多少" not in reply, reply
    other = type(chat)(chat.stack)
    await other.say("大年初一上班给几倍")
    reply = await other.say("不知道 计件的 一个月四五千吧")
    assert "没听明白" not in reply and "4,500" in reply, reply


async def test_a_question_on_the_ticket_offer_is_answered_honestly_and_kept(chat, backend_api):
    """X-03, X-17, X-20: a question typed while 要不要我帮您登记 waited got the offer again,
    then 这个问题好像不好回答. Now: no figure on record is said plainly, the question goes
    into the case, and the staff who call answer it."""
    offer = await chat.say("公司不给交社保 怎么办")
    assert "要不要我帮您登记" in offer
    reply = await chat.say("需要我本人去一趟吗")
    assert "没有现成的准确答案" in reply and "不好回答" not in reply, reply
    assert "需要我本人去一趟吗" in reply  # in the summary the staff get
    await chat.say("要")
    await chat.say("黄岛区")
    assert TICKET.search(await chat.say("13805321234"))
    (ticket,) = await backend_api.tickets_of(chat)
    assert "本人去一趟" in ticket["facts"]["question"]


async def test_a_phone_read_out_in_words_is_taken(chat):
    """W-03, S-22: 一五八 六三九二 七七零一 (voice input) got the phone question again."""
    await chat.say("老板欠我两个月工资一万二 鑫达电子厂 就我一个 在黄岛")
    reply = await chat.say("一五八 六三九二 七七零一")
    assert "15863927701" in reply and "确认" in reply, reply


async def test_a_months_pay_given_for_the_sum_is_multiplied_by_the_months(chat):
    """Y-19: 一个月4500 to 一共欠了多少钱, then 三个月, then 不对 是四个月 — filed as 4,500 owed."""
    await chat.say("工资被拖欠了")
    await chat.say("不知道")
    await chat.say("一个月4500")
    await chat.say("三个月")
    await chat.say("不对 是四个月")
    for answer in ("就我一个", "辛安", "15263981234"):
        reply = await chat.say(answer)
        if "核对" in reply:
            break
    assert "18,000" in reply and "4个月" in reply, chat.transcript


async def test_who_pays_when_the_boss_runs_then_the_case_is_taken_up(chat):
    """AA-01: 包工头…跑了 能找那个楼盘的老板吗 got 是哪家单位欠的 and never who is liable; then
    the work site told replaced the boss on the case."""
    reply = await chat.say("包工头姓刘 欠了俩月跑了 能找那个楼盘的老板吗")
    assert "施工总承包单位" in reply and "一共欠了多少钱" in reply, reply
    site = await chat.say("长江路那个工地")
    assert "姓刘" in site and "长江路那个工地" in site and "已更正" not in site, site
