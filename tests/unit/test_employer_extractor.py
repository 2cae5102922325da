"""Employer names found by their suffix, and the everyday phrases that are no names."""

from __future__ import annotations

import pytest

from bot.nlu.employer_extractor import find_employers


def names(text: str) -> list[str]:
    return [text[start:end] for start, end in find_employers(text)]


@pytest.mark.parametrize("text, expected", [
    ("鑫达电子厂欠我工资", ["鑫达电子厂"]),
    ("我在隆祥皮革有限公司上班", ["隆祥皮革有限公司"]),
    ("包工头是宏远建筑公司的", ["宏远建筑公司"]),
    ("华美服装厂拖了三个月", ["华美服装厂"]),
    # said without 公司: the trade word ends the name (the issue's own first example)
    ("我在黄岛区辛安街道上班，青岛海纳建筑欠了我和另外5个工友三个月工资", ["青岛海纳建筑"]),
    ("宏达电子拖了俩月", ["宏达电子"]),
])
def test_names_with_a_suffix(text, expected):
    assert names(text) == expected


@pytest.mark.parametrize("text", [
    "我要告公司 怎么走程序", "过年留厂的员工有红包吗", "怀孕后公司要调我岗位还降工资",
    "淡季厂里只给生活费 低于最低工资了吧", "我们公司不给加班费", "想辞职离开公司",
    "干了三年建筑 老板跑了", "我们那边搞建筑的都这样", "以前跑运输 现在送外卖", "在电子厂上班",
])
def test_everyday_phrases_are_no_names(text):
    assert names(text) == []
