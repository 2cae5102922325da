"""Defects the independent testers of round 38+ found (ZW-/ZX- …), the ones still open from
earlier rounds mended this session, and this session's own checks — each read the way the
worker wrote it."""

from __future__ import annotations

import pytest
from form_trackers import form_tracker, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN


def said(text: str, intent: str = "inform", slots: dict | None = None,
         earlier: list[dict] | None = None) -> Tracker:
    """The tracker of a conversation whose last message is ``text`` (``earlier``: events before)."""
    message = parse(text, intent)
    slots = dict(slots or {})
    events = [*(earlier or []), {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              *({"event": "slot", "name": k, "value": val} for k, val in slots.items())]
    return Tracker("worker-38", slots, message, events, False, None, {}, "action_listen")


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


async def test_a_six_day_week_of_long_days_is_weekday_hours_and_a_rest_day():
    """ZS-14: 每天十个钟头 一个礼拜六天 was summed as 2 hours × 6 days at 150 % (465.52 元): the
    sixth day is a rest day (200 %), the 2 hours over are on the five working days."""
    from actions.overtime_days import describe_worked, read_worked_days
    from actions.wages import ActionCalculateOvertime

    worked = read_worked_days("我每天干十个钟头 一个礼拜干六天")
    assert (worked.rest_days, worked.hours_per_day, worked.workdays) == (4, 2, 20)
    assert describe_worked("我们单休 一天12个小时") == "休息日4天；每天多干4小时，共20天"
    assert read_worked_days("一个礼拜六天 每天8小时").extended_hours == 0  # (no Saturday named)
    assert read_worked_days("一个礼拜六干了10个小时").extended_hours == 0  # one Saturday, its length
    tracker = said("我每天干十个钟头 一个礼拜干六天 月工资4500 加班费应该多少", "ask_overtime_pay",
                   {"monthly_wage": 4500, "overtime_days": "我每天干十个钟头 一个礼拜干六天"})
    dispatcher = CollectingDispatcher()
    await ActionCalculateOvertime().run(dispatcher, tracker, DOMAIN)
    answer = texts(dispatcher)
    # 4,500 ÷ 21.75 = 206.90 a day: 4 rest days × 200 % = 1,655.17; 40 h × 25.86 × 150 % = 1,551.72
    assert "1,655.17" in answer and "1,551.72" in answer and "413.79" in answer, answer
    assert "3,620.68" in answer and "80 小时" in answer, answer
    assert "× 6 天" not in answer


async def test_a_phone_said_while_the_head_count_is_asked_is_the_phone_and_no_complaint():
    """This session's own check: 13912345678 answered to 有多少工友被欠薪 got 没听明白有几个人
    (the phone was kept, the worker told off for giving it)."""
    from actions.forms import ValidateWageArrearsForm

    tracker = form_tracker("wage_arrears_form", "workers_affected", "13912345678",
                           slots={"employer": "手机店", "amount": 9000, "duration": "P2M"},
                           extracted={"phone": "13912345678"})
    dispatcher = CollectingDispatcher()
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN)
    assert slot_values(events).get("phone") == "13912345678"
    assert "没听明白" not in texts(dispatcher)
    assert not any((m.get("response") or "").startswith("utter_invalid") for m in dispatcher.messages)


def test_a_street_said_bare_is_the_place_not_the_employer():
    """ZV-10: 我在深圳华强北一家手机店上班 filed 华强北 as the employer and was no place."""
    from actions.validators import Context, read_facts

    facts = read_facts("我在深圳华强北一家手机店上班 老板欠我两个月工资",
                       [{"entity": "employer", "value": "华强北", "start": 5, "end": 8}],
                       Context(intent="wage_arrears"))
    assert facts.get("district") == "华强北" and "employer" not in facts


def test_the_severance_and_the_double_wage_are_added_up_when_asked():
    """ZS-08, ZU-07: 那一共加起来多少 after the severance and the double wage listed them again,
    never added up. The total comes with the sums, and alone when asked for."""
    from actions.legal import sums_for, worked_out

    first = "在厂里干了两年 一直没签合同 上个礼拜被辞退了 工资6000 我能要多少钱"
    lines = worked_out(first, first, 6000, asked_wage=False)
    assert len(lines) == 3 and "= 约 78,000 元" in lines[2] and "约 90,000 元" in lines[2]
    earlier = [{"event": "user", "text": first, "parse_data": parse(first, "legal_aid")},
               *({"event": "bot", "text": line} for line in lines)]
    reply = sums_for(said("那一共加起来多少", "ask_amount", {"monthly_wage": 6000}, earlier))
    assert len(reply) == 1 and "78,000" in reply[0] and "90,000" in reply[0], reply


CRISIS_REPLY = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
                "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


def _after_crisis(text: str) -> Tracker:
    first = "包工头欠了我半年工钱 电话也不接 活着真没意思"
    earlier = [{"event": "user", "text": first, "parse_data": parse(first, "psych_support")},
               {"event": "bot", "text": CRISIS_REPLY}]
    return said(text, "nlu_fallback", {"duration": "P6M"}, earlier)


async def test_the_money_said_after_the_crisis_reply_goes_on_with_the_case():
    """ZX-12: 打电话有啥用 钱又要不回来, and ZW-16: 我就是说说气话 钱的事到底咋办啊, right after the
    crisis reply, got 没太明白. The lines stay, and the wage case goes on with what was told."""
    from actions.fallback import ActionFallbackStep

    for text in ("打电话有啥用 钱又要不回来", "我就是说说气话 钱的事到底咋办啊"):
        dispatcher = CollectingDispatcher()
        events = await ActionFallbackStep().run(dispatcher, _after_crisis(text), DOMAIN)
        answer = texts(dispatcher)
        assert "12356" in answer and "没太明白" not in answer, (text, answer)
        assert any(e.get("event") == "active_loop" and e.get("name") == "wage_arrears_form"
                   for e in events), (text, events)


@pytest.fixture
def filed(monkeypatch) -> list[dict]:
    """The tickets the actions file (the backend answers each with one filed ticket)."""
    from actions import tickets

    sent: list[dict] = []

    async def submit(client, outbox, payload, key):
        sent.append(payload)
        return {"id": "GH202612070020", "station_name": "青岛市总工会职工服务中心", "station_phone": "12351",
                "sla_due": "2026-12-07T08:30:00Z"}

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: None)
    monkeypatch.setattr(tickets, "outbox", lambda: None)
    return sent


class OpenStation:
    """The backend's handoff answer in opening hours: queued, the next one."""

    async def open_handoff(self, *args) -> dict:
        return {"station_name": "青岛市总工会职工服务中心", "station_open_now": True,
                "station_phone": "12351", "position": 1}


QUEUED = "已为您转接青岛市总工会职工服务中心的工作人员，您是下一位，请稍候。着急的话也可以直接打 12351。"


async def test_a_queued_worker_who_writes_again_is_told_where_they_stand_and_a_phone_is_a_callback(
        monkeypatch, filed):
    """ZX-10: 要等多久？我晚上八點才下班 / 那算了，我留個電話 13705321188 明天上午打給我 / 你聽得懂嗎
    while queued all got the same 已为您转接…您是下一位, and the number was never taken."""
    from actions import handoff

    monkeypatch.setattr(handoff, "client", lambda: OpenStation())
    earlier = [{"event": "user", "text": "转人工", "parse_data": parse("转人工", "request_human")},
               {"event": "bot", "text": QUEUED}]
    dispatcher = CollectingDispatcher()
    await handoff.ActionHandoffRequest().run(
        dispatcher, said("要等多久？我晚上八點才下班，那時候還有人嗎", "request_human", earlier=earlier), DOMAIN)
    assert "已为您转接" not in texts(dispatcher) and "已经在排队" in texts(dispatcher)
    dispatcher = CollectingDispatcher()
    text = "那算了，我留個電話 13705321188 明天上午打給我"
    await handoff.ActionHandoffRequest().run(
        dispatcher, said(text, "request_human", {"phone": "13705321188"}, earlier), DOMAIN)
    assert [p["type"] for p in filed] == ["callback"] and filed[0]["contact_phone"] == "13705321188"
    assert "GH202612070020" in texts(dispatcher) and "已为您转接" not in texts(dispatcher)


def test_no_overtime_pay_is_the_complaint_not_a_no():
    """ZW-14: 老板说我们是计件的 计件没有加班费 是真的吗 got 好的，不办“算加班费” (twice)."""
    from actions.service_catalog import says_not_this

    assert not says_not_this("老板说我们是计件的 计件没有加班费 是真的吗", "overtime_pay")
    assert not says_not_this("计件工资有没有加班费", "overtime_pay")
    assert says_not_this("我没加班 就是问问工资", "overtime_pay")
    assert says_not_this("我没问加班费啊", "overtime_pay")


async def test_asking_if_it_is_a_bot_on_the_offer_is_answered_and_not_filed():
    """ZX-16: 你是机器人吗 on the legal-aid offer got 没有现成的准确答案 and went on the ticket."""
    from actions.forms import ValidateTicketOfferForm

    case = {"type": "legal_aid", "facts": {"case_points": "试用期", "question": "试用期"}}
    tracker = form_tracker("ticket_offer_form", "wants_ticket", "你是机器人吗", intent="bot_challenge",
                           slots={"pending_case": case})
    dispatcher = CollectingDispatcher()
    events = await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN)
    assert "机器人" in texts(dispatcher) and "没有现成的准确答案" not in texts(dispatcher)
    kept = slot_values(events).get("pending_case") or case
    assert "机器人" not in kept["facts"]["question"]


async def test_a_ticket_number_read_out_in_words_is_looked_up():
    """ZX-11: 帮我查下工单 GH二零二六一二零七零零零八 到哪一步了 got 请告诉我工单号."""
    from actions.forms import ValidateTicketStatusForm

    tracker = form_tracker("ticket_status_form", None, "帮我查下工单 GH二零二六一二零七零零零八 到哪一步了",
                           intent="ticket_status")
    events = await ValidateTicketStatusForm().run(CollectingDispatcher(), tracker, DOMAIN)
    assert slot_values(events).get("ticket_id") == "GH202612070008"


def test_a_holiday_days_pay_is_rounded_once_from_the_exact_figure():
    """ZW-02: a 300 % day at 6,000 a month was shown as 827.58 (275.86 × 3); it is 827.59."""
    from actions.facts import applied_day_pay

    line = applied_day_pay([{"topic": "overtime_spring_festival"}], "过年那几天干活咋算 我一个月6000")[0]
    assert "827.59" in line and "551.72" in line


def test_a_contract_and_insurance_had_is_no_legal_case_and_this_never_said_is_not_wanted():
    """ZX-01: 合同社保都有 (for a school place) queued a legal-aid case; 啥法律援助 我没说这个啊 那我去
    工作站要带啥去 then started it. Neither is legal aid; the last asks what to bring."""
    from actions.service_catalog import services_meant, services_named
    from actions.station_followup import station_detail_reply

    assert "legal_aid" not in services_named("居住证办了大概八个月 合同社保都有 能不能帮忙协调一下")
    asked = "啥法律援助 我没说这个啊。那我去工作站要带啥去"
    assert "legal_aid" not in services_meant(asked)
    filed = ("已为您登记子女入学协调工单，工单号 GH202612070001，由崂又泊社区工会网格工作站负责（电话 0532-12351）。"
             "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。")
    reply = station_detail_reply(said(asked, "find_station", earlier=[{"event": "bot", "text": filed}])) or ""
    assert "户口簿" in reply and "GH202612070001" in reply and "崂又泊" in reply


def test_the_relief_line_reads_the_own_share_and_no_status_the_worker_asks_about():
    """ZX-04: 花了七万多 自己掏了两万多 … 我不知道建没建档 是不是得困难职工才能赔 got 在档困难职工，
    今年自付 70,000 元 (the total, and a status the worker only asked about)."""
    from actions.facts import applied_relief_line

    words = ("我是镇江扫马路的 老婆得了肺癌 前前后后花了七万多 自己掏了两万多 "
             "我不知道建没建档 是不是得困难职工才能赔？自己掏的那两万多还能申请点救助不")
    line = applied_relief_line([{"topic": "relief_threshold"}], words)[0]
    assert "20,000" in line and "70,000" not in line and "在档困难职工，今年" not in line


async def test_the_time_since_leaving_is_no_time_owed_and_the_limit_is_applied_to_it():
    """ZW-09: 先问一下 我走了快两年了 上个月还催过 这样还在时效里吗 on the wage summary got
    欠薪时间改为2年 and no answer: the time since leaving, and the time limit interrupted by the
    demands (从最近那次重新算一年)."""
    from actions.forms import ValidateWageArrearsForm
    from actions.time_limits import time_limit_line

    text = "先问一下 我走了快两年了 上个月还催过 这样还在时效里吗"
    tracker = form_tracker("wage_arrears_form", "case_confirmed", text, intent="nlu_fallback",
                           slots={"employer": "孙家排骨", "amount": 9000, "duration": "P2M",
                                  "workers_affected": 1, "phone": "18754290316", "city": "青岛市"},
                           extracted={"duration": "P2Y"})
    tracker.events.insert(0, {"event": "slot", "name": "duration", "value": "P2M"})  # (told earlier)
    dispatcher = CollectingDispatcher()
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN)
    assert slot_values(events).get("duration", "P2M") == "P2M"
    answer = texts(dispatcher)
    assert "已更正" not in answer and "重新计算一年" in answer and "来得及" in answer, answer
    assert "还在一年的仲裁时效内" in time_limit_line("还来得及吗", "我离职三个月了 老板欠两个月工资")
    assert "超过一年" in time_limit_line("这样还能要吗", "不干了有一年半了")


def test_a_fine_and_a_damage_deduction_are_weighed_each_by_its_own_rule():
    """ZW-13: 罚了500 … 零件坏了又扣了我2000 got 扣 500 元没有超过这条线: the damage is what the 20 %
    cap is for (2,000 over 900), the fine has no legal basis."""
    from actions.facts import applied_deduction
    from bot.normalize.text import normalize_text

    words = normalize_text("月工資4500 這個月遲到三次罰了500 機器上一個零件壞了又扣了我2000 這樣扣錢合法嗎 "
                           "不對 500是遲到罰的 零件壞了扣的是2000 那這2000超了沒")
    line = applied_deduction([{"topic": "wage_deduction"}], words)[0]
    assert "扣 2,000 元超过了这条线" in line and "1,100" in line and "500 元" in line
    assert "扣 500 元没有超过" not in line


def test_an_online_question_after_a_card_is_no_hours_question():
    """ZX-09: 她下班都晚上八九点了 网上能办不 right after a station card got the hours again."""
    from actions.station_followup import station_detail_reply

    card = ("离您最近的工会网格工作站是：\n辛安街道工会网格化工作总站\n地址：xx\n电话：0532-12351\n"
            "服务时间：周一至周五 08:30-19:30")
    assert station_detail_reply(said("她下班都晚上八九点了 网上能办不", "find_station",
                                     earlier=[{"event": "bot", "text": card}])) is None


def test_just_me_said_late_is_the_head_count():
    """This stop's own check: 不知道 to 有多少工友被欠薪, then 就我 while the phone was asked — the
    ticket kept 人数：不清楚."""
    from actions.validators import Context, read_facts

    assert read_facts("就我", [], Context(form="wage_arrears_form", asked="phone")) == {"workers_affected": 1}
    assert read_facts("我", [], Context(form="wage_arrears_form", asked="phone")) == {}


async def test_the_pay_with_its_overtime_said_after_the_minimum_wage_is_compared_not_summed():
    """ZW-04: 扣社保之前是2150 里面还有两百多是加班费 right after 青岛's minimum wage was worked out as an
    overtime sum on 1,900; it is the pay to compare, less its overtime."""
    from actions.router import ActionStartService

    told = "青岛市月最低工资标准（一类地区）：月最低工资 2200 元，小时最低工资 20 元，2023-10-01 起执行。"
    tracker = said("扣社保之前是2150 里面还有两百多是加班费", "overtime_pay", {"city": "青岛市"},
                   earlier=[{"event": "bot", "text": told}])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert any(e.get("event") == "active_loop" and e.get("name") == "minimum_wage_form" for e in events), events
    assert "办完再帮您看" not in texts(dispatcher) and "加班费按" not in texts(dispatcher)


async def test_after_the_crisis_reply_the_worker_is_heard_not_handed_over_nor_misunderstood():
    """YN-15: 别给我转人 我就想说说 got a handoff; 每天十二个小时站流水线 … 觉得自己没啥用 (after the
    person-stays line) got 没弄明白. YN-14: 钱也要不回来 went straight to 是哪家单位欠的."""
    from actions.crisis import CRISIS_STILL_HERE
    from actions.fallback import ActionFallbackStep
    from actions.router import ActionStartService

    first = "最近老是睡不着 晚上拿刀片在胳膊上划了几道"
    crisis = [{"event": "user", "text": first, "parse_data": parse(first, "psych_support")},
              {"event": "bot", "text": CRISIS_REPLY}]
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, said("别给我转人 我就想说说", "out_of_scope", earlier=crisis), DOMAIN)
    assert "听您说" in texts(dispatcher) and "转接" not in texts(dispatcher)
    later = [*crisis, {"event": "user", "text": "在厂里一个说话的人都没有"},
             {"event": "bot", "text": CRISIS_STILL_HERE}]
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, said("每天十二个小时站流水线 下了班就躺着 觉得自己没啥用",
                                                    "nlu_fallback", earlier=later), DOMAIN)
    assert "我在听" in texts(dispatcher) and "没弄明白" not in texts(dispatcher)
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, said("说了也没用 打电话有啥用 钱也要不回来", "wage_arrears",
                                                    earlier=crisis), DOMAIN)
    assert texts(dispatcher).lstrip().startswith("钱的事我接着帮您办"), texts(dispatcher)


def test_the_wait_asked_while_queued_is_answered():
    """YN-11: 还要等多久 while queued got 请告诉我工单号."""
    from actions.handoff import queued_wait_reply

    queued = [{"event": "bot", "text": QUEUED}]
    assert "排队" in queued_wait_reply(said("还要等多久", "ticket_status", earlier=queued), "还要等多久")
    assert queued_wait_reply(said("还要等多久", "ticket_status"), "还要等多久") is None


async def test_when_a_person_is_there_is_answered_for_a_night_worker():
    """YN-12: 我是上夜班的保安 一般都是半夜十二点以后才有空 那个点还有人工吗 got 没太明白, then
    就是问 半夜有没有人工 was queued."""
    from actions.fallback import ActionFallbackStep
    from actions.handoff import ActionHandoffRequest

    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, said("我是上夜班的保安 一般都是半夜十二点以后才有空 那个点还有人工吗",
                                                    "nlu_fallback"), DOMAIN)
    assert "半夜和凌晨没有人在岗" in texts(dispatcher)
    dispatcher = CollectingDispatcher()
    await ActionHandoffRequest().run(dispatcher, said("就是问 半夜有没有人工", "request_human"), DOMAIN)
    assert "半夜和凌晨没有人在岗" in texts(dispatcher) and "转接" not in texts(dispatcher)


def test_what_to_bring_for_a_contract_matter_is_that_matters_papers():
    """YN-09: 俺是合同的事 去的话得带啥 after a station card got the list for wages, school and relief."""
    from actions.station_followup import station_detail_reply

    card = ("离您最近的工会网格工作站是：\n辛安街道工会网格化工作总站\n地址：xx\n电话：0532-12351\n"
            "服务时间：周一至周五 08:30-19:30")
    reply = station_detail_reply(said("俺是合同的事 去的话得带啥", "find_station",
                                      earlier=[{"event": "bot", "text": card}])) or ""
    assert "劳动合同" in reply and "户口簿" not in reply, reply


def test_the_card_is_still_the_one_asked_about_after_what_to_bring():
    """YN-09: 礼拜天开不开 right after 去…带上身份证 (the card two replies back) got the childcare text."""
    from actions.station_followup import station_detail_reply

    card = ("离您最近的工会网格工作站是：\n辛安街道沂河路社区工会网格工作站\n地址：xx\n电话：0532-12351\n"
            "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00")
    earlier = [{"event": "bot", "text": card}, {"event": "user", "text": "俺是合同的事 去的话得带啥"},
               {"event": "bot", "text": "去辛安街道沂河路社区工会网格工作站带上身份证和劳动合同。"}]
    assert "周日不开门" in (station_detail_reply(said("礼拜天开不开", "nlu_fallback", earlier=earlier)) or "")


def test_a_place_said_to_who_owes_is_no_employer():
    """This stop's own check: 辛安 said to 是哪家单位欠的 was filed as the employer, the place undone
    and 没听明白您在哪里 said."""
    from actions.validators import employer_answer

    assert not employer_answer("辛安").ok and not employer_answer("黄岛区").ok
    assert employer_answer("辛安建筑公司").ok and employer_answer("一个姓刘的包工头").ok


async def test_a_phone_left_while_queued_after_a_crisis_stays_urgent(filed):
    """YP-16: 那我留电话吧 15066218843 晚上八点以后我才醒, queued after the crisis reply, got the
    listening line (the phone not taken); then the self-harm case became a routine callback."""
    from actions.fallback import ActionFallbackStep

    first = "每天下夜班回出租屋就想拿刀划自己"
    earlier = [{"event": "user", "text": first, "parse_data": parse(first, "psych_support")},
               {"event": "bot", "text": CRISIS_REPLY}, {"event": "bot", "text": QUEUED}]
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, said("那我留电话吧 15066218843 晚上八点以后我才醒", "nlu_fallback",
                                                    {"phone": "15066218843"}, earlier), DOMAIN)
    assert [p["type"] for p in filed] == ["callback"] and filed[0]["facts"]["reason"] == "crisis"
    assert filed[0]["facts"].get("call_time") and "还在排队" in texts(dispatcher)
    assert not texts(dispatcher).lstrip().startswith("您也还在排队")  # the callback first (in danger: that line)


def test_the_queue_asked_again_and_a_callback_standing_are_told_plainly():
    """YP-13: 我现在排第几 right after the wait was told got 帮不上忙; 要是晚上下班以后找人 有人吗 after the
    callback got 现在没有工作人员在岗 at 10:40 on a Monday."""
    from actions.handoff import CALLBACK_STANDS_PLAIN, WAIT_REPLY, queued_wait_reply, staff_hours_reply

    earlier = [{"event": "bot", "text": QUEUED}, {"event": "user", "text": "还要等多久"},
               {"event": "bot", "text": WAIT_REPLY}]
    assert "说不准" in queued_wait_reply(said("我现在排第几", "out_of_scope", earlier=earlier), "我现在排第几")
    assert "现在没有工作人员在岗" not in CALLBACK_STANDS_PLAIN
    assert staff_hours_reply("要是晚上下班以后找人 有人吗")


def test_a_boss_known_by_surname_with_the_full_name_unknown_is_the_employer():
    """YO-13: 我刚才不是说了吗 张老板 全名不知道 filed 单位：不清楚; YO-15: 青岛 (a place) as the employer."""
    from actions.validators import employer_answer

    assert employer_answer("我刚才不是说了吗 张老板 全名不知道").value == "张老板"
    assert employer_answer("不知道").value == "不清楚"
    assert not employer_answer("青岛").ok


async def test_in_danger_while_queued_the_danger_line_comes_first(filed):
    """CI in office hours: 18954327761 黄岛 我现在在工地楼顶上, queued after the crisis reply, got the
    queue's line before 您现在的位置很危险."""
    from actions.router import ActionStartService

    first = "腿摔伤了老板把我开了一分钱不给 活着真没意思 不如从楼上跳下去算了"
    earlier = [{"event": "user", "text": first, "parse_data": parse(first, "psych_support")},
               {"event": "bot", "text": CRISIS_REPLY}, {"event": "bot", "text": QUEUED}]
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, said("18954327761 黄岛 我现在在工地楼顶上", "inform",
                                                    {"phone": "18954327761"}, earlier), DOMAIN)
    assert texts(dispatcher).lstrip().startswith("您现在的位置很危险"), texts(dispatcher)
