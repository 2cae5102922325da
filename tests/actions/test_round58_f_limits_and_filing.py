"""Round 58, helper f: VA-11 (left 1.5 years ago, never asked since: 算 and an invented 欠条) and
VA-7 (the holiday-subsidy ticket left out the 困难建档 request)."""

from __future__ import annotations

from form_trackers import conversation

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)

FIRST = "俺前年在胶州一个厂干 走了得有一年半了 走的时候还欠俺三千块钱 后来也没再找他要 现在还能申请仲裁不"
SECOND = "俺说了走了以后就没找过他 也没打过欠条 一年半了到底过没过时效 还能咋办"


# --- VA-11 -----------------------------------------------------------------------------------------

def test_never_asked_since_is_no_demand():
    from actions.time_limits import demand_denied, demand_told

    assert not demand_told(FIRST) and demand_denied(FIRST)
    assert not demand_told(SECOND) and demand_denied(FIRST + " " + SECOND)
    assert demand_told("我这一年一直在微信上找他们要 他们老说下个月给")  # still a demand
    assert demand_told("他答应过年给") and not demand_denied("他答应过年给")


def test_left_a_year_and_a_half_never_asked_is_past_the_limit():
    from actions.time_limits import time_limit_line

    line = time_limit_line(FIRST, FIRST)
    assert line is not None, "还能申请仲裁不 is the limit asked"
    assert not line.startswith("算") and "过了" in line and "时效没有中断" in line, line
    assert "12348" in line and "12333" in line, line  # what can still be done
    assert "您手里有他写的欠条" not in line


def test_asked_again_past_is_said_and_no_iou_invented():
    from actions.time_limits import time_limit_line

    line = time_limit_line(SECOND, FIRST + " " + SECOND)
    assert line is not None and line.startswith("过了。"), line
    assert "催过就不一定过时效" not in line and "您手里有他写的欠条" not in line, line
    assert "也没有欠条" in line, line


def test_an_iou_denied_is_no_court_route_one_held_is():
    from actions.time_limits import iou_route

    assert iou_route("走了以后就没找过他 也没打过欠条") == ""
    assert "欠条" in iou_route("他给我打了欠条")


def test_a_recent_demand_still_restarts_the_year():
    from actions.time_limits import time_limit_line

    words = "我走了快两年了 上个月还催过 这样还在时效里吗"
    line = time_limit_line(words, words)
    assert line is not None and "还来得及" in line, line


# --- VA-7 ------------------------------------------------------------------------------------------

VA7 = "我是开货车的在南宁过年不回去了广西工会有什么补贴没有还有就是老家孩子上学家里挺困难的能不能建档"


def test_the_filing_asked_beside_the_subsidy_is_on_the_ticket():
    from actions.subsidies import application_facts

    tracker = conversation([(VA7, "holiday_subsidy", [])], slots={"holiday_situation": "stay"})
    facts = application_facts(tracker, {"occupation": "司机"}, [])
    assert "建档" in str(facts.get("case_points")) and "困难" in str(facts.get("case_points")), facts


def test_no_filing_point_when_none_is_asked():
    from actions.subsidies import application_facts

    tracker = conversation([("我在南宁过年不回去了 工会有什么补贴", "holiday_subsidy", [])])
    assert "case_points" not in application_facts(tracker, {}, [])
