"""Round 57, helper c: relief (XY-9: the extra 600 ignored; XY-10: 住院床位费 never answered)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text,held,total", [
    ("哦对了 上个月住院又自己花了六百 加起来够了吧 啥时候能申请", 1800, 2400),
    ("一千八加六百是两千四 超过两千了啊", 1800, 2400),
    ("后来又花了600", 1800, 2400),
    ("自付一共2400元", 1800, 2400)])
def test_a_cost_added_is_added_to_the_one_held(text, held, total):
    from actions.relief import medical_cost_added

    assert medical_cost_added(text, held) == total


@pytest.mark.parametrize("text", ["啥时候能申请", "我今年看病自己掏了一千八"])
def test_no_cost_added_where_none_is_said(text):
    from actions.relief import medical_cost_added

    assert medical_cost_added(text, 1800) is None


def test_the_bed_fee_asked_in_huangdao_is_answered_as_zhenjiangs_record():
    from actions.relief import hospital_fee_line

    line = hospital_fee_line("俺是黄岛的特困职工 今年住院自己花了三千五 青岛这边工会能给报点不 住院床位费能不能减",
                             "青岛")
    assert line and "没有收录" in line and "普通床位费减半" in line and "只在镇江用" in line and "12351" in line, line
    assert hospital_fee_line("13863291234 床位费能减不你还没说", "青岛")


def test_the_bed_fee_in_zhenjiang_is_the_record():
    from actions.relief import hospital_fee_line

    line = hospital_fee_line("住院床位费能减吗", "镇江")
    assert line and line.startswith("镇江在档特困职工") and "没有收录" not in line, line
    assert hospital_fee_line("住院花了三千五能报多少", "镇江") is None
