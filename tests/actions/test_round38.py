"""Defects the independent testers of round 38+ found (ZW-/ZX- …), the ones still open from
earlier rounds mended this session, and this session's own checks — each read the way the
worker wrote it."""

from __future__ import annotations

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


class OpenStation:
    """The backend's handoff answer in opening hours: queued, the next one."""

    async def open_handoff(self, *args) -> dict:
        return {"station_name": "青岛市总工会职工服务中心", "station_open_now": True,
                "station_phone": "12351", "position": 1}


QUEUED = "已为您转接青岛市总工会职工服务中心的工作人员，您是下一位，请稍候。着急的话也可以直接打 12351。"


async def test_a_queued_worker_who_writes_again_is_told_where_they_stand_and_a_phone_is_a_callback(monkeypatch):
    """ZX-10: 要等多久？我晚上八點才下班 / 那算了，我留個電話 13705321188 明天上午打給我 / 你聽得懂嗎
    while queued all got the same 已为您转接…您是下一位, and the number was never taken."""
    from actions import handoff, tickets

    filed: list[dict] = []

    async def submit(client, outbox, payload, key):
        filed.append(payload)
        return {"id": "GH202612070020", "station_name": "青岛市总工会职工服务中心", "station_phone": "12351",
                "sla_due": "2026-12-07T08:30:00Z"}

    monkeypatch.setattr(handoff, "client", lambda: OpenStation())
    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: None)
    monkeypatch.setattr(tickets, "outbox", lambda: None)
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
