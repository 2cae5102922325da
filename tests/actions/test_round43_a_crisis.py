"""Round 43 (helper a): a crisis callback carries 老板跑了 and the distress (YV-14), however
many messages before the filing they were said."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker

from actions.crisis import crisis_points
from actions.tickets import callback_facts

LATER = ["一万五", "黄岛辛安街道", "就我一个", "家里还有俩孩子上学", "房租也交不上了", "13912345679"]


def said(first: str, then: list[str], distress: str) -> Tracker:
    texts = [first, distress, *then]
    events = [{"event": "user", "text": t, "parse_data": parse(t, "inform")} for t in texts]
    return Tracker("worker-43c", {"phone": "13912345679"}, parse(texts[-1], "inform"), events, False, None,
                   {}, "action_listen")


@pytest.mark.parametrize("fled", ["老板跑了 三个月工资一分没给", "包工头跑路了 欠俺们工钱", "老板联系不上了 电话关机"])
def test_the_boss_gone_and_the_distress_are_on_the_crisis_callback(fled):
    """YV-14: 老板跑了 said early, the distress after it, six messages before the phone."""
    facts = callback_facts(said(fled, LATER, "我真的不想活了"), "crisis")
    assert "老板跑了" in facts["case_points"], facts
    assert "不想活了" in facts["case_points"] and "关心安全" in facts["case_points"], facts


def test_near_misses_a_boss_who_runs_a_shop_and_a_callback_that_is_no_crisis():
    assert crisis_points(["老板跑业务去了 让我明天再来", "工资还没发"]) == []
    facts = callback_facts(said("老板跑了 三个月工资一分没给", LATER, "你们几点下班"), "no_phone_answer")
    assert "职工情绪危机" not in str(facts.get("case_points") or ""), facts
