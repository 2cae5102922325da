"""Values as workers write them → the values the assistant stores."""

from __future__ import annotations

import pytest

from bot.normalize.identity import (
    mask_id_number,
    mask_phone,
    normalize_id_number,
    normalize_phone,
)
from bot.normalize.numbers import find_amounts, find_durations, parse_amount, parse_duration
from bot.normalize.text import normalize_text


@pytest.mark.parametrize("text, yuan", [
    ("一万二", 12000), ("一万二千块", 12000), ("八千五", 8500), ("两千五", 2500),
    ("两千五百块钱", 2500), ("3k", 3000), ("3K", 3000), ("1800块", 1800), ("4500元", 4500),
    ("五千多", 5000), ("1.5万", 15000), ("３０００", 3000), ("两万三千五百", 23500),
    ("4500", 4500), ("1万2", 12000),
])
def test_amounts(text, yuan):
    assert parse_amount(text) == yuan


@pytest.mark.parametrize("text", ["", "工资", "没多少"])
def test_not_an_amount(text):
    assert parse_amount(text) is None


@pytest.mark.parametrize("text, iso", [
    ("三个月", "P3M"), ("半年", "P6M"), ("大半年", "P6M"), ("三天", "P3D"), ("两周", "P2W"),
    ("一年多", "P1Y"), ("两个多月", "P2M"), ("一年半", "P18M"), ("10天", "P10D"),
    ("五个月", "P5M"), ("俩月", "P2M"), ("三个星期", "P3W"), ("P6M", "P6M"),
])
def test_durations(text, iso):
    assert parse_duration(text) == iso


@pytest.mark.parametrize("text", ["三年级", "2026年", "三月份", "月底", "年底"])
def test_not_a_duration(text):
    assert parse_duration(text) is None


def test_spans_in_a_sentence():
    text = "老板欠我三个月工资一万二，打12333没人接"
    assert [(text[s.start:s.end], s.value) for s in find_amounts(text)] == [("一万二", 12000)]
    assert [(text[s.start:s.end], s.value) for s in find_durations(text)] == [("三个月", "P3M")]


@pytest.mark.parametrize("text, digits", [
    ("13805321234", "13805321234"), ("138 0532 1234", "13805321234"),
    ("138-0532-1234", "13805321234"), ("１３９０５３２８８７６", "13905328876"),
    ("+86 138 0532 1234", "13805321234"), ("0532-86881234", "053286881234"),
])
def test_phones(text, digits):
    assert normalize_phone(text) == digits


@pytest.mark.parametrize("text", ["12345", "23805321234", "1380532123"])
def test_not_a_phone(text):
    assert normalize_phone(text) is None


def test_id_number_checksum():
    assert normalize_id_number("44030419900307211x") == "44030419900307211X"
    assert normalize_id_number("440304199003072114") is None  # wrong check digit
    assert normalize_id_number("4403041990030721") is None


def test_masks_hide_the_middle():
    assert mask_phone("13805321234") == "138****1234"
    assert mask_id_number("44030419900307211X") == "4403**********211X"


def test_text_normalisation_keeps_length():
    for text in ["薪資補貼１２３！", "我在黃島區　上班", "工資：４５００元，“急”"]:
        out = normalize_text(text)
        assert len(out) == len(text)
    assert normalize_text("薪資補貼１２３！") == "薪资补贴123!"


@pytest.mark.parametrize("text,value", [
    ("扣了我八百 说是迟到了三次", 800),   # MM-10: 一共欠了多少钱 asked three times
    ("就是扣的那八百啊", 800),
    ("欠我五百", 500),
    ("扣了我八百五", 850),
])
def test_hundreds_said_right_after_money_taken_or_owed_are_money(text, value):
    assert [s.value for s in find_amounts(text)] == [value]


def test_hundreds_of_something_else_are_no_money():
    assert find_amounts("扣了八百米") == [] and find_amounts("走了八百里") == []
