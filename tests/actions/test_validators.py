"""Slot validators shared by the forms."""

from __future__ import annotations

import pytest

from actions import validators as v


@pytest.mark.parametrize("text, expected", [
    ("就我一个", 1), ("一共12个人", 12), ("十几个工友", 10), ("三十多个", 30), ("不知道", None)])
def test_head_count(text, expected):
    assert v.head_count(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("我送快递的", "courier"), ("外卖骑手", "rider"), ("环卫工", "sanitation"),
    ("在工地上干活", "construction"), ("货车司机", "driver"), ("电子厂流水线", "factory"),
    ("保安", "other")])
def test_occupation(text, expected):
    assert v.occupation(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("留下来过年", "stay"), ("今年不回家了", "stay"), ("节后错峰回老家", "return"),
    ("还没想好", None)])
def test_holiday_situation(text, expected):
    assert v.holiday_situation(text) == expected


def test_identifiers():
    assert v.ticket_id("工单 gh202611180023 ") == "GH202611180023"
    assert v.ticket_id("GH2026") is None
    assert v.otp("验证码是 123456") == "123456"
    assert v.otp("12345") is None
    assert v.phone("138 0532 1234") == "13805321234"
    assert v.id_number("440304199003072114") is None
    assert v.amount("一万二") == 12000 and v.amount(8500) == 8500
    assert v.duration("大半年") == "P6M"
