"""Round 38 testers' money defects (ZW-03, ZW-04): the pay said by the day, the days of the
holiday just talked about, what the boss paid already, and the pay less its overtime against the
minimum wage — each read the way the worker wrote it."""

from __future__ import annotations

from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def _in_overtime_form(asked: str, text: str, earlier: list[str], slots: dict | None = None,
                      intent: str = "inform") -> Tracker:
    """The overtime form asking ``asked``; the worker's ``earlier`` messages, then ``text``."""
    message = parse(text, intent)
    events = [{"event": "active_loop", "name": "overtime_form"}]
    for said in earlier:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, "overtime_pay")},
                   {"event": "action", "name": "overtime_form"}]
    events += [{"event": "slot", "name": "requested_slot", "value": asked},
               {"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": message},
               {"event": "action", "name": "overtime_form"}]
    return Tracker("worker-38m", {**(slots or {}), "requested_slot": asked}, message, events, False,
                   None, {"name": "overtime_form"}, "action_listen")


async def test_paid_by_the_day_asks_the_days_pay_not_the_month():
    """ZW-03: 日结 answering 您的月工资是多少 got 没听明白金额: the pay is by the day, so the day's
    pay is asked; a bare 220 then is that day's pay (220 × 21.75 a month), not 220 a month."""
    from actions.forms import ValidateOvertimeForm

    tracker = _in_overtime_form("monthly_wage", "日结", ["国庆干活给几倍"], {"holiday": "国庆"},
                                intent="affirm")
    dispatcher = CollectingDispatcher()
    read = slot_values(await ValidateOvertimeForm().run(dispatcher, tracker, DOMAIN))
    assert "一天多少钱" in _texts(dispatcher) and "没听明白" not in _texts(dispatcher), dispatcher.messages
    assert not any(m.get("response") == "utter_invalid_amount" for m in dispatcher.messages)
    assert read.get("wage_basis") == "day" and read.get("monthly_wage") is None
    tracker = _in_overtime_form("monthly_wage", "220", ["国庆干活给几倍", "日结"],
                                {"holiday": "国庆", "wage_basis": "day"})
    read = slot_values(await ValidateOvertimeForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert read.get("monthly_wage") == 4785, read  # 220 × 21.75


async def test_bare_days_after_the_national_day_question_are_its_days():
    """ZW-03: 1号到4号都干了 right after 国庆干活给几倍 got 没听明白加班的日子: the days are
    October's, 10月1日 to 4日."""
    from actions.forms import ValidateOvertimeForm
    from actions.overtime_days import read_worked_days

    tracker = _in_overtime_form("overtime_days", "1号到4号都干了",
                                ["国庆干活给几倍", "日结", "没有月工资 俺们是干一天给一天的钱 220一天"],
                                {"holiday": "国庆", "monthly_wage": 4785, "wage_basis": "day"})
    dispatcher = CollectingDispatcher()
    read = slot_values(await ValidateOvertimeForm().run(dispatcher, tracker, DOMAIN))
    days = read_worked_days(read.get("overtime_days") or "").dates
    assert [(d.month, d.day) for d in days] == [(10, 1), (10, 2), (10, 3), (10, 4)], read
    assert "没听明白" not in _texts(dispatcher)
    # one bare day is that day of the holiday's month, not the holiday's first day
    assert [(d.month, d.day) for d in read_worked_days("国庆3号也干了").dates] == [(10, 3)]
    # (with no holiday said before, bare days are still not understood)
    tracker = _in_overtime_form("overtime_days", "1号到4号都干了", ["加班费怎么算", "5000"],
                                {"monthly_wage": 5000})
    read = slot_values(await ValidateOvertimeForm().run(CollectingDispatcher(), tracker, DOMAIN))
    assert not read.get("overtime_days")


async def test_what_the_boss_paid_for_those_four_days_is_taken_off():
    """ZW-03: 老板那四天就给了正常的220一天 我还能找他要多少 got the sum again with nothing
    taken off: 4 × 220 = 880 paid, 2,420 owed by law, so 1,540 still to claim."""
    from actions.wages import ActionCalculateOvertime, paid_per_day

    text = "老板那四天就给了正常的220一天 我还能找他要多少"
    assert paid_per_day(text) == 220
    message = parse(text, "overtime_pay")
    events = [{"event": "user", "text": "国庆啊 十月一号到四号", "parse_data": parse("国庆", "inform")},
              {"event": "action", "name": "action_calculate_overtime"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    slots = {"monthly_wage": 4785, "wage_basis": "day", "overtime_days": "国庆啊 十月一号到四号"}
    tracker = Tracker("worker-38m", slots, message, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    await ActionCalculateOvertime().run(dispatcher, tracker, DOMAIN)
    answer = _texts(dispatcher)
    assert "2,420.00" in answer and "880" in answer and "1,540.00" in answer, answer


class _QingdaoMinimum:
    """The backend's answer for 青岛 (山东 一类地区, 2,200 元 from 2023-10-01)."""

    async def minimum_wage(self, city, district=None):
        return {"found": True, "minimum_wage": {
            "title": "青岛市最低工资标准", "effective_from": "2023-10-01", "source": "山东省人民政府通知（一类地区）",
            "details": {"monthly": 2200, "hourly": 22, "verified": True}}}


async def test_the_pay_less_its_overtime_is_compared_with_the_minimum_wage(monkeypatch):
    """ZW-04: 扣社保之前是2150 里面还有两百多是加班费 right after 青岛's 2,200 became an overtime
    calculation: 2,150 less some 200 of overtime is under 1,950 — below 2,200 either way."""
    from actions import wages

    monkeypatch.setattr(wages, "client", lambda: _QingdaoMinimum())
    first = "俺在黄岛区干保洁 一个月到手一千九 天天都上班 这是不是比最低工资还低"
    text = "扣社保之前是2150 里面还有两百多是加班费"
    message = parse(text, "minimum_wage")
    events = [{"event": "user", "text": first, "parse_data": parse(first, "minimum_wage")},
              {"event": "action", "name": "action_minimum_wage"},
              {"event": "bot", "text": "青岛市最低工资标准：月最低工资 2200 元，2023-10-01 起执行。"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    slots = {"city": "青岛市", "district": "黄岛区", "monthly_wage": 1900}
    tracker = Tracker("worker-38m", slots, message, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = await wages.ActionMinimumWage().run(dispatcher, tracker, DOMAIN)
    answer = _texts(dispatcher)
    assert "2,150" in answer and "两百多" in answer and "1,950" in answer and "低于" in answer, answer
    assert "不管当地算不算个人社保" in answer and "加班是哪几天" not in answer
    case = slot_values(events)["pending_case"]["facts"]
    assert case["monthly_wage"] == 1900 and "2150" in case["question"], case
    # (the pay with its overtime taken off and still at the line is not below it)
    assert wages.pay_less_overtime_line("两千五 里面有三百是加班费", 2200, "青岛市")[1] is False
    assert wages.pay_less_overtime("老板说加班费另算 一个月1900") is None
