"""ZX-02 (Monday 2026-12-07 09:15 Beijing): the 托管 card of 沂河路社区's station said
（现在不在服务时间） while its general card said 正在. The childcare card is built from
GET /stations, which returned the station rows without ``open_now`` — the card read the
missing value as closed. Every route that returns a station now carries ``open_now`` by
``is_open`` of the hours it returns."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.backend import handoffs
from bot.backend.handoffs import is_open

MONDAY_0915_BEIJING = datetime(2026, 12, 7, 1, 15)  # naive UTC, as the backend keeps time
MONDAY_2000_BEIJING = datetime(2026, 12, 7, 12, 0)  # after 19:30: closed


def _frozen(moment: datetime) -> type[datetime]:
    class Frozen(datetime):
        @classmethod
        def utcnow(cls):
            return moment

    return Frozen


@pytest.mark.parametrize("moment, open_now", [(MONDAY_0915_BEIJING, True), (MONDAY_2000_BEIJING, False)])
async def test_the_station_list_says_open_now_like_the_station_itself(backend, monkeypatch, moment, open_now):
    monkeypatch.setattr(handoffs, "datetime", _frozen(moment))
    status, body = await backend.call("GET", "/stations", params={"city": "青岛", "district": "辛安街道"})
    assert status == 200, body
    yhl = next(s for s in body["stations"] if s["code"] == "QD-HD-XA-YHL")
    assert "open_now" in yhl, "the list gave no open_now: the 托管 card said 不在服务时间 (ZX-02)"
    assert yhl["open_now"] is open_now
    assert yhl["open_now"] == is_open(yhl["hours"], moment)

    _, detail = await backend.call("GET", f"/stations/{yhl['id']}")
    assert detail["open_now"] is open_now, "the station's own record and the list agree"


async def test_every_station_of_the_list_agrees_with_its_hours(backend, monkeypatch):
    monkeypatch.setattr(handoffs, "datetime", _frozen(MONDAY_0915_BEIJING))
    _, body = await backend.call("GET", "/stations")
    assert body["stations"]
    for station in body["stations"]:
        assert station.get("open_now") == is_open(station["hours"], MONDAY_0915_BEIJING), station["code"]
