"""Round 54 (n), XR-8: 老板一直不跟我签合同 这样合法吗 (不签劳动合同犯法不 / 没签合同算不算违法 /
不給簽合同合法嗎 / 公司不和俺签劳动合同 这违法不 / 合同一直不给签 老板这样对吗) got the general legal-aid
text, or the double wage's rule with no yes or no. The answer: not lawful — a written contract
within a month of hiring (劳动合同法第十条), the double wage from the second month (第八十二条), an
open-ended contract after a year (第十四条) — and what the worker can do: keep the evidence,
劳动监察 12333, arbitration within a year, legal aid 12348, the union."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions import legal
from actions.legal import NO_CONTRACT_ASK, case_points, sums_for
from bot.normalize.text import normalize_text

ASKED = ["老板一直不跟我签合同 这样合法吗", "不签劳动合同犯法不", "没签合同算不算违法", "不給簽合同合法嗎",
         "公司不和俺签劳动合同 这违法不", "合同一直不给签 老板这样对吗", "老板说不用签合同 这合法吗",
         "厂里到现在都没跟我签合同 合法不", "老板不肯跟我们签合同 这样行吗"]


def _answer(*said: str) -> str:
    turns = [(normalize_text(s), "legal_aid", ["…"]) for s in said]
    turns[-1] = (turns[-1][0], "legal_aid", [])
    return "\n".join(sums_for(conversation(turns)))


@pytest.mark.parametrize("said", ASKED)
def test_not_signing_is_answered_unlawful_with_the_law_and_what_to_do(said):
    answer = _answer(said)
    assert answer.startswith("不合法。"), answer
    for part in ("一个月内", "第十条", "二倍工资", "第八十二条", "11个月", "无固定期限劳动合同", "第十四条",
                 "工资条", "聊天记录", "12333", "一年内申请劳动仲裁", "12348", "12351"):
        assert part in answer, (part, answer)
    assert "干了多久" in answer  # the sum needs the time worked
    # the router's hook: the record's card is not said before it
    assert getattr(legal, "says_no_contract_verdict", lambda _lines: False)([answer])


def test_with_the_time_worked_the_double_wage_is_worked_out_after_the_verdict():
    answer = _answer("干了半年了老板也不签合同 犯不犯法 一个月5000")
    assert answer.startswith("不合法。"), answer
    assert "可以主张5个月的二倍工资差额" in answer and "约 25,000 元" in answer, answer
    assert "干了多久" not in answer


def test_within_the_first_month_it_is_not_yet_unlawful():
    answer = _answer("刚来半个月 老板不给签合同 合法吗")
    assert answer.startswith("用工还不满一个月的，暂时不算违法"), answer
    assert "干了多久" not in answer


@pytest.mark.parametrize("said", ["没签合同 能要多少钱", "老板不跟俺签合同 咋整", "我不签合同行不行",
                                  "没签合同算工伤吗", "试用期不签合同合法吗", "补签合同的时候能倒签吗 合法吗"])
def test_other_contract_questions_are_not_this_verdict(said):
    assert getattr(legal, "no_contract_verdict", lambda *_: None)(said, said) is None
    assert not _answer(said).startswith("不合法。单位自用工")


def test_how_much_is_still_the_double_wage_question():
    assert sums_for(conversation([("没签合同 能要多少钱", "legal_aid", [])])) == [NO_CONTRACT_ASK]


def test_the_case_point_is_no_contract_for_a_worker_saying_俺():
    assert "没签劳动合同" in case_points("公司不和俺签劳动合同 这违法不").get("case_points", "")


def test_a_dismissed_worker_gets_the_sums_not_the_verdict():
    answer = _answer("干了两年 被辞退了 也没签合同 这合法吗")
    assert "经济补偿" in answer and not answer.startswith("不合法。单位自用工"), answer
