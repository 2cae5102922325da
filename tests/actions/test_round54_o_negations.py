"""Round 54 (tester XR-9), helper o: a negation dropped on a ticket.

没受伤 was filed as 受了伤, 身份证没扣 as 扣押身份证, 我没怀孕 as 怀孕, 试用期早过了 as 试用期, 不是没签合同 as
没签劳动合同, 不是困难户 as 困难建档：困难 — and 五险一金都没有 / 合同也没有 / 劳动合同没给签 were lost. The
facts shown and filed (tickets.context_facts for the summary, tickets.case_payload for every ticket)
keep what the worker denied as denied, whichever reader read the case."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions import tickets
from actions.legal import legal_case


def _points(facts: dict) -> list[str]:
    return tickets.split_points(str(facts.get("case_points") or "")) if hasattr(tickets, "split_points") \
        else [p for p in str(facts.get("case_points") or "").split("、") if p]


def filed_and_shown(text: str, intent: str = "legal_aid", slots: dict | None = None) -> tuple[dict, dict]:
    """The legal case parked for ``text``: the facts its ticket is filed with and those its offer shows."""
    tracker = conversation([(text, intent, [])], slots=slots)
    case = legal_case(tracker)
    filed = tickets.case_payload(tracker, "legal_aid", case)["facts"]
    shown = {**case, **tickets.context_facts(tracker, case)}
    return filed, shown


@pytest.mark.parametrize("text, gone, kept", [
    ("工地上摔了一跤 人没受伤 就是老板不给结工钱 欠了三千", "受了伤", "没受伤"),
    ("老板没扣我身份证 就是不给签合同", "扣押身份证", "没扣身份证"),
    ("身份证没扣 就是工资拖了俩月不给", "扣押身份证", "没扣身份证"),
    ("我没怀孕 就是被辞退了", "怀孕（孕期、产期、哺乳期）", "没怀孕"),
    ("试用期早过了 厂里说辞就把我辞了", "试用期", "不在试用期"),
    ("不是没签合同 是签了没给我 欠了五千", "没签劳动合同", None)])
def test_a_fact_denied_is_never_filed_as_said(text, gone, kept):
    for facts in filed_and_shown(text):
        points = _points(facts)
        assert gone not in points, points
        assert kept is None or kept in points, points


@pytest.mark.parametrize("text, told", [
    ("五险一金都没有 干了两年被辞退了", "没交社保"),
    ("合同也没有 社保也没有 欠我三个月工资一万二", "没签劳动合同"),
    ("合同也没有 社保也没有 欠我三个月工资一万二", "没交社保"),
    ("劳动合同没给签 干了半年让我走人", "没签劳动合同"),
    ("工伤保险也没给买 腿摔断了", "没交社保")])
def test_a_denial_told_is_kept(text, told):
    for facts in filed_and_shown(text):
        assert told in _points(facts), facts


@pytest.mark.parametrize("text", ["社保交了 合同没签 干了一年被辞退", "签了合同 但没交社保 被辞退了",
                                  "没有工伤保险 手指被机器压断了"])
def test_what_was_told_stays(text):
    for facts in filed_and_shown(text):
        points = _points(facts)
        assert ("受了伤" in points) == ("压断" in text), points
        assert ("没签劳动合同" in points) == ("合同没签" in text), points


@pytest.mark.parametrize("said", ["我不是困难户 老婆住院花了三万多", "家里不算困难户 就是看病花了不少",
                                  "俺也不是特困职工 孩子住院自己掏了两万"])
def test_not_a_hardship_household_is_filed_as_not_registered(said):
    tracker = conversation([(said, "relief_eligibility", [])], slots={"hardship_status": "困难"})
    case = {"hardship_status": "困难", "medical_out_of_pocket_yearly": 30000, "question": said}
    assert tickets.case_payload(tracker, "relief", case)["facts"]["hardship_status"] == "none"
    assert {**case, **tickets.context_facts(tracker, case)}["hardship_status"] == "none"


def test_a_registered_hardship_worker_stays_registered():
    said = "我是建了档的困难职工 不是特困 老婆住院花了三万"
    tracker = conversation([(said, "relief_eligibility", [])], slots={"hardship_status": "困难"})
    case = {"hardship_status": "困难", "question": said}
    assert tickets.case_payload(tracker, "relief", case)["facts"]["hardship_status"] == "困难"
