"""Slot validators shared by the forms: a normalised value, or the response that re-asks."""

from __future__ import annotations

from datetime import date

import pytest

from actions import validators as v
from actions.overtime_days import read_worked_days


def _ok(checked: v.Checked):
    assert checked.ok, checked
    return checked.value


@pytest.mark.parametrize("text, expected", [
    ("138 0532 1234", "13805321234"), ("13805321234", "13805321234"),
    ("+86 139-0532-8876", "13905328876"), ("0532-88761234", "053288761234"),
    ("１３８０５３２１２３４", "13805321234")])  # full-width digits from a phone keyboard
def test_phone(text, expected):
    assert _ok(v.phone(text)) == expected


@pytest.mark.parametrize("text", ["1380532123", "23805321234", "不告诉你", "", None])
def test_bad_phone_is_asked_again(text):
    assert v.phone(text) == v.Checked(reask="utter_invalid_phone")


def test_id_number_checksum():
    assert _ok(v.id_number("44030419900307211x")) == "44030419900307211X"
    assert _ok(v.id_number("4403 0419 9003 0721 1X")) == "44030419900307211X"
    assert v.id_number("440304199003072114").reask == "utter_invalid_id_number"  # bad checksum
    assert v.id_number("4403041990030721").reask == "utter_invalid_id_number"


@pytest.mark.parametrize("text, expected", [
    ("一万二", 12000), ("八千五", 8500), ("3k", 3000), ("1800块", 1800), ("两万三千五百", 23500),
    ("欠了我一万二千块", 12000), (8500, 8500), ("4500", 4500)])
def test_amount(text, expected):
    assert _ok(v.amount(text)) == expected


@pytest.mark.parametrize("text", ["不知道", "0", "二十亿", True, ""])
def test_bad_amount_is_asked_again(text):
    assert v.amount(text).reask == "utter_invalid_amount"


@pytest.mark.parametrize("text, expected", [
    ("三个月", "P3M"), ("大半年", "P6M"), ("两周", "P2W"), ("一年半", "P18M"), ("P3M", "P3M")])
def test_duration(text, expected):
    assert _ok(v.duration(text)) == expected


def test_bad_duration_is_asked_again():
    assert v.duration("好久了").reask == "utter_invalid_duration"


@pytest.mark.parametrize("text, expected", [
    ("就我一个", 1), ("一共12个人", 12), ("十几个工友", "约十几个工友"), ("三十多个", "约三十多个"), ("我自己", 1)])
def test_head_count(text, expected):
    assert _ok(v.head_count(text)) == expected


def test_bad_head_count_is_asked_again():
    assert v.head_count("不知道").reask == "utter_invalid_head_count"


def test_identifiers():
    assert _ok(v.ticket_id("工单 gh202611180023 ")) == "GH202611180023"
    assert v.ticket_id("GH2026").reask == "utter_invalid_ticket_id"
    assert _ok(v.otp("验证码是 123456")) == "123456"
    assert v.otp("12345").reask == "utter_invalid_otp"


def test_dates():
    nov = date(2026, 11, 24)
    def dates(text: str) -> list[str]:  # the dates the overtime reading finds
        return [d.isoformat() for d in read_worked_days(text, nov).dates]

    assert dates("10月1号到3号") == ["2026-10-01", "2026-10-02", "2026-10-03"]
    assert dates("除夕") == ["2027-02-05"]
    assert dates("上个月") == []
    assert _ok(v.worked_days("周末两天", nov)) == "周末两天"
    assert v.worked_days("很多天", nov).reask == "utter_invalid_overtime_days"


@pytest.mark.parametrize("text, expected", [
    ("我在青岛西海岸新区辛安街道这边", "青岛西海岸新区辛安街道"), ("黄岛区", "黄岛区"),
    ("家在镇江京口区", "镇江京口区"), ("上海", "上海"), ("崂又泊社区的", "崂又泊社区")])
def test_place(text, expected):
    assert _ok(v.place(text)) == expected


@pytest.mark.parametrize("text", ["13805321234", "在", "?", ""])
def test_bad_place_is_asked_again(text):
    assert v.place(text).reask == "utter_invalid_place"


@pytest.mark.parametrize("text, expected", [
    ("初二", "初中二年级"), ("三年级", "小学三年级"), ("八年级", "初中二年级"),
    ("高一", "高中一年级"),
    ("小学一年级", "小学一年级"), ("幼儿园大班", "幼儿园大班"), ("孩子明年要上小学", "小学一年级"),
    ("小升初", "初中一年级")])
def test_grade(text, expected):
    assert _ok(v.grade(text)) == expected


def test_bad_grade_is_asked_again():
    assert v.grade("不知道").reask == "utter_invalid_grade"


@pytest.mark.parametrize("text, expected", [
    ("户口在老家 有居住证", "外地户口，有居住证"), ("本地户口", "本地户口"),
    ("户口在老家 没办居住证", "外地户口，没有居住证"), ("没有本地户口", "外地户口")])
def test_hukou_status(text, expected):
    assert _ok(v.hukou_status(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("学校说没有学位", "没有学位（学校说没有学位）"), ("想转学", "转学"),
    ("学校不收", "被学校拒收"),
    ("材料不全", "材料不全"), ("学校要交赞助费才让进", "其他（学校要交赞助费才让进）")])
def test_school_problem(text, expected):
    assert _ok(v.school_problem(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("我送快递的", "courier"), ("外卖骑手", "rider"), ("环卫工", "sanitation"),
    ("在工地上干活", "construction"), ("货车司机", "driver"), ("电子厂流水线", "factory"),
    ("保安", "other")])
def test_occupation(text, expected):
    assert _ok(v.occupation(text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("留下来过年", "stay"), ("今年不回家了", "stay"), ("节后错峰回老家", "return")])
def test_holiday_situation(text, expected):
    assert _ok(v.holiday_situation(text)) == expected


def test_undecided_holiday_situation_is_asked_again():
    assert v.holiday_situation("还没想好").reask == "utter_invalid_holiday_situation"
