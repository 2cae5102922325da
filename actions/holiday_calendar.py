"""The overtime calendar's rules now live in ``bot.calendar.holidays`` (shared with the
backend's working-day deadlines); this module keeps the actions' imports working."""

from bot.calendar.holidays import (  # noqa: F401
    FIRST_YEAR,
    KIND_NAMES,
    LAST_YEAR,
    DayKind,
    classify,
    holiday_breaks,
    lunar_new_year,
    qingming,
    spring_festival_day,
    statutory_holidays,
)
