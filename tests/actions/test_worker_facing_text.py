"""What a worker reads never carries the register's notes for staff (示例地址, 上线前…)."""

from __future__ import annotations

import yaml

from actions.station_text import station_text
from bot.backend.facts import _minimum_wage_fact
from bot.settings import ROOT


def test_an_unverified_address_is_shown_as_its_area_with_a_call_first_hint():
    stations = yaml.safe_load((ROOT / "bot/seed/stations.yml").read_text(encoding="utf-8"))
    seeded = next(s for s in stations["stations"] if "示例地址" in str(s.get("address")))
    card = station_text({**seeded, "hours": {}, "open_now": False})
    assert "示例" not in card and "上线前" not in card
    assert "具体位置请先打电话问清楚" in card


def test_an_unverified_minimum_wage_says_where_to_check_not_a_staff_note():
    fact = _minimum_wage_fact({"key": "mw", "title": "青岛最低工资", "summary": "青岛月最低工资2200元。",
                               "details": {"monthly": 2200, "verified": False}, "source": "通知",
                               "region_id": 1, "effective_from": None})
    assert "上线前" not in fact.answer and "12333" in fact.answer


def test_a_station_card_reads_days_with_the_same_hours_as_one_run():
    """Five identical 周一…周五 lines hid the one day that differed (a phone screen of hours)."""
    stations = yaml.safe_load((ROOT / "bot/seed/stations.yml").read_text(encoding="utf-8"))
    extended = next(s for s in stations["stations"] if "sat" in (s.get("hours") or {}))
    card = station_text({**extended, "open_now": True})
    assert "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00（现在正在服务时间）" in card
    assert station_text({**extended, "hours": {"mon": ["09:00-12:00"], "wed": ["09:00-12:00"]},
                         "open_now": False}).count("09:00-12:00") == 2, "周一 and 周三 are not a run"
