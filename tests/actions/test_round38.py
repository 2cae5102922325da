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
