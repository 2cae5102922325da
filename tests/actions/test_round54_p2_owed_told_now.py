"""Round 54 (p2): 老板欠了俺两个月工资 一个月五千 一共该给多少 — the sums told in the same message are worked out
by the router's sum line (5,000 元 × 2 个月 = 10,000 元, round 48); owed_total_reply (XQ-9, for a total asked
back about a case told before) took that turn over with its shorter line, so test_round48_lead failed once
the XQ-9 hook was wired. It fails on the tree before this change (test_round48_lead, too)."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.fact_tables import owed_total_reply


@pytest.mark.parametrize("said", ["老板欠了俺两个月工资 一个月五千 一共该给多少", "欠了三个月 每月4000 总共是多少钱"])
def test_sums_told_now_are_not_a_total_asked_back(said):
    tracker = conversation([(said, "wage_arrears", [])], {"monthly_wage": 5000, "duration": "P2M", "amount": 10000})
    assert owed_total_reply(tracker) is None


def test_a_total_asked_back_is_still_answered():
    tracker = conversation([("老板欠了俺两个月工资 一个月五千", "wage_arrears", ["是哪家单位欠的？"]),
                            ("一共欠我多少", "inform", [])], {"monthly_wage": 5000, "duration": "P2M", "amount": 10000})
    assert "10,000 元" in (owed_total_reply(tracker) or "")
