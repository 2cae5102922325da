"""Round 39 testers' defects in reading the days worked, the days given off and the pay already
paid (YM-02, YM-03, YM-13, YM-16) — each read the way the worker wrote it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.overtime_calculator import overtime_pay
from actions.overtime_days import added_days, days_given_off, read_worked_days
from bot.normalize.text import normalize_text

TODAY = date(2026, 12, 7)


def _pay(days: str, wage: int):
    worked = read_worked_days(days, TODAY)
    return overtime_pay(wage, worked.statutory_days, worked.rest_days, worked.extended_hours,
                        dates=worked.dates, comp_days=worked.comp_days, rest_hours=worked.rest_hours)


def _calculated(text: str, slots: dict, earlier: list[str] = ()) -> tuple[str, list[dict]]:
    """The overtime action's answer to ``text``, the worker's ``earlier`` messages before it."""
    from actions.wages import ActionCalculateOvertime

    events = [e for said in earlier for e in (
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": said, "parse_data": parse(said, "overtime_pay")},
        {"event": "action", "name": "action_calculate_overtime"})]
    message = parse(text, "inform")
    events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("worker-39", slots, message, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    import asyncio
    result = asyncio.run(ActionCalculateOvertime().run(dispatcher, tracker, DOMAIN))
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), result


FESTIVAL = "过年我从除夕一直干到初六 没休息 公司说给双倍 对不对"


def test_a_range_of_festival_days_given_off_is_every_day_of_it():
    """YM-02: 要是初四到初六后面给我补休了呢 counted 2 days off (初四 and 初六): 初四 to 初六 is
    three days; with all three rest days given off only the 4 statutory days are owed."""
    joined = days_given_off(FESTIVAL, "要是初四到初六后面给我补休了呢")
    worked = read_worked_days(joined, TODAY)
    assert worked.comp_days == 3 and len(worked.dates) == 7 and worked.dates[0] == date(2026, 2, 16)
    assert _pay(joined, 5000).total == Decimal("2758.62")


def test_a_restated_count_of_days_given_off_replaces_the_count_before():
    """YM-02: 是补了三天 初四初五初六三天都补 after the 2 days off was read as 3 days worked in
    2027 (1,379.31): it corrects the days given off against the festival counted before."""
    before = f"{FESTIVAL} 后来补休了2天"
    joined = days_given_off(before, "是补了三天 初四初五初六三天都补")
    assert joined is not None and "补休了2天" not in joined
    worked = read_worked_days(joined, TODAY)
    assert worked.comp_days == 3 and worked.dates[0] == date(2026, 2, 16)
    assert _pay(joined, 5000).total == Decimal("2758.62")
    # (days named off one by one, in two clauses, still add up; a day not given off is none)
    assert read_worked_days(days_given_off(FESTIVAL, "初五补休了 初六也补休了"), TODAY).comp_days == 2
    assert days_given_off(FESTIVAL, "初四也上班了") is None


async def test_the_restated_days_off_said_in_the_conversation_keep_the_festival():
    """YM-02, as the conversation carries it: the slot keeps the festival and 3 days off."""
    from actions.slot_mappings import ValidateSlotMappings

    said = "是补了三天 初四初五初六三天都补"
    before = f"{FESTIVAL} 后来补休了2天"
    message = parse(said, "overtime_pay")
    events = [{"event": "user", "text": FESTIVAL, "parse_data": parse(FESTIVAL, "overtime_pay")},
              {"event": "action", "name": "action_calculate_overtime"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": message}]
    tracker = Tracker("worker-39", {"monthly_wage": 5000, "overtime_days": before}, message, events, False,
                      None, {}, "action_listen")
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))
    kept = read.get("overtime_days", before)
    assert read_worked_days(kept, TODAY).comp_days == 3 and _pay(kept, 5000).total == Decimal("2758.62"), kept


SIX_DAYS = "我们厂一个礼拜上六天 礼拜六算加班不"
LONG_DAYS = "不对 我们一天其实干十个钟头 礼拜一到礼拜六都是"


def _six_long_days(worked) -> tuple:
    return (worked.rest_days, worked.hours_per_day, worked.workdays, worked.extended_hours, worked.rest_hours)


def test_a_correction_giving_the_days_length_keeps_the_six_day_week():
    """YM-03: 不对 我们一天其实干十个钟头 礼拜一到礼拜六都是 after 一个礼拜上六天 (1,600) gave 10
    overtime hours (375 元): a six-day week of 10-hour days — 2 hours over on 20 working days, 4
    Saturdays with 2 hours over each; 4,350 a month → 1,600 + 1,500 + 400 = 3,500."""
    for second in (LONG_DAYS, "不对 一天其实干十个钟头", "不是一共十个钟 是每天都干十个钟 每天多两个钟头"):
        joined = added_days(SIX_DAYS, second) or second
        assert _six_long_days(read_worked_days(joined, TODAY)) == (4, 2, 20, 40, 8), second
        assert _pay(joined, 4350).total == Decimal("3500.00"), second
    # the correction alone says the six days too (礼拜一到礼拜六)
    assert _six_long_days(read_worked_days(LONG_DAYS, TODAY)) == (4, 2, 20, 40, 8)
    # a correction of the week itself still replaces it
    assert added_days(SIX_DAYS, "不对 是一个礼拜上七天") is None


def test_the_six_long_days_are_summed_with_the_monthly_cap():
    """YM-03, the sheet: 3,500 and the 80 hours over the 36-hour cap."""
    joined = added_days(SIX_DAYS, "不对 一天其实干十个钟头")
    answer, _ = _calculated("不对 一天其实干十个钟头", {"monthly_wage": 4350, "overtime_days": joined})
    assert "3,500.00" in answer and "80 小时" in answer, answer


DAY_PAID = "俺是打点工的 一天二百六 过年从除夕干到初五 老板还是一天给二百六 这对吗"


def test_what_the_boss_paid_a_day_is_read_when_said_before_the_pay():
    """YM-13: 老板还是一天给二百六 was not read as what was paid for each day."""
    from actions.wages import paid_per_day

    assert paid_per_day(DAY_PAID) == 260
    assert paid_per_day("过年那几天老板还是给二百六") == 260


def test_the_shortfall_of_a_day_paid_worker_is_given_with_the_sheet_and_when_asked():
    """YM-13: 4,160 owed, 6 × 260 = 1,560 paid: 2,600 short — at once, and to 那他一共少给俺多少."""
    slots = {"monthly_wage": 5655, "wage_basis": "day", "overtime_days": DAY_PAID}
    answer, _ = _calculated(DAY_PAID, slots)
    assert "4,160.00" in answer and "1,560" in answer and "2,600.00" in answer, answer
    answer, _ = _calculated("那他一共少给俺多少", slots, earlier=[DAY_PAID])
    assert "2,600.00" in answer, answer


CANTONESE = "我喺深圳寶安電子廠做嘢 月薪6525 上個月22個工作日每日都加班兩個鐘 應該有幾多加班費"


def test_a_count_of_working_days_is_the_days_the_daily_hours_were_done():
    """YM-16: 上個月22個工作日每日都加班兩個鐘 asked how long again: 22 working days × 2 hours."""
    worked = read_worked_days(normalize_text(CANTONESE), TODAY)
    assert (worked.hours_per_day, worked.workdays, worked.workdays_counted, worked.extended_hours) == (2, 22, True, 44)
    again = read_worked_days(normalize_text(CANTONESE) + " " + normalize_text("22日囉 頭先講咗"), TODAY)
    assert (again.workdays, again.workdays_counted) == (22, True)


def test_the_working_days_counted_give_the_sum_and_the_monthly_cap():
    """YM-16: 37.5 an hour × 150 % × 44 h = 2,475 at once; 44 h is over the 36-hour cap."""
    from actions.wages import PERIOD_QUESTION

    answer, _ = _calculated(CANTONESE, {"monthly_wage": 6525, "overtime_days": normalize_text(CANTONESE)})
    assert "2,475.00" in answer and "× 22 天" in answer and PERIOD_QUESTION not in answer, answer
    assert "44 小时" in answer and "36 小时" in answer, answer
