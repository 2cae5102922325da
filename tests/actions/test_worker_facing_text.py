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
