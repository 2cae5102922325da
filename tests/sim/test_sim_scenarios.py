"""The scenario generator and the question reader of the simulated workers (no servers)."""

from __future__ import annotations

import json
from collections import Counter

import yaml

from bot.settings import ROOT
from bot.sim import questions
from bot.sim.scenarios import ANSWER_STYLES, OPENING_STYLES, generate, overtime_totals, sample
from bot.sim.scenarios import load as load_data


def test_at_least_300_scenarios_cover_every_flow_and_style():
    scenarios = generate()
    assert len(scenarios) >= 300
    assert len({s.id for s in scenarios}) == len(scenarios)
    flows = set(load_data()["flows"])
    assert {s.flow for s in scenarios} == flows
    assert {s.opening_style for s in scenarios} == set(OPENING_STYLES)
    assert {s.answer_style for s in scenarios} == set(ANSWER_STYLES)
    for flow in flows:  # every flow meets every opening style
        assert {s.opening_style for s in scenarios if s.flow == flow} == set(OPENING_STYLES)


def test_generation_is_deterministic():
    first, second = generate(), generate()
    assert [(s.id, s.opening, s.goal) for s in first] == [(s.id, s.opening, s.goal) for s in second]


def test_facts_given_up_front_are_in_the_opening():
    for s in generate():
        if s.opening_style in ("traditional", "voice"):
            continue  # rewritten: the mention is there in another script / without punctuation
        for kind in s.given:
            fact = s.facts[kind]
            said = fact.wrong_mention if s.corrected_in_opening and kind == s.correct_fact \
                else fact.mention
            assert kind == "ticket_id" or said in s.opening, (s.id, kind, s.opening)


def test_traditional_openings_are_in_traditional_characters():
    traditional = [s for s in generate() if s.opening_style == "traditional"]
    assert traditional
    assert sum(any(ch in s.opening for ch in "們這個資區說") for s in traditional) > len(traditional) / 2


def test_two_topic_openings_carry_a_second_topic_to_check():
    two = [s for s in generate() if s.opening_style == "two_topics" and s.flow != "crisis"]
    assert two and all(s.second_topic and s.second_topic["say"] in s.opening for s in two)


def test_the_sample_covers_every_flow_in_about_40_scenarios():
    picked = sample(generate())
    assert 36 <= len(picked) <= 45
    assert set(Counter(s.flow for s in picked)) == set(load_data()["flows"])
    assert [s.id for s in picked] == [s.id for s in sample(generate())]


def test_overtime_goal_is_computed_from_the_law_not_from_the_product():
    data = load_data()
    from bot.sim.scenarios import _fact

    spring = _fact("overtime_days", "spring3", data["facts"]["overtime_days"]["spring3"])
    national = _fact("overtime_days", "national7", data["facts"]["overtime_days"]["national7"])
    mixed = _fact("overtime_days", "x", {"exact": ["周末两天 平时10小时"], "rest": 2, "hours": 10})
    assert "1,862.07" in overtime_totals(4500, spring)  # 4500 ÷ 21.75 × 3 × 300 %
    assert "9,379.31" in overtime_totals(12000, national)  # 4,965.52 + 4,413.79
    assert "1,620.69" in overtime_totals(6000, mixed)  # 1,103.45 + 517.24


def test_questions_are_read_by_their_content():
    cases = {
        "是哪家单位（或哪个老板、包工头）欠的？请说一下单位名称。": ["employer"],
        "一共欠了多少钱？（比如：一万二、8500块）": ["amount"],
        "拖了多久了？": ["duration"],
        "有多少工友被欠薪？": ["head_count"],
        "收到。还差两件事：欠了多长时间？一共几个人？": ["duration", "head_count"],
        "请留一个能联系到您的手机号，网格员会打这个电话。": ["phone"],
        "验证码已经发到您的手机上了，请把 6 位验证码告诉我。": ["otp"],
        "加班是哪几天、多长时间？": ["overtime_days"],
        "孩子的户口在哪里？您有当地的居住证吗？": ["hukou"],
        "今年您自己实际掏的医疗费大概有多少钱？": ["medical_cost"],
        "您做什么工作？比如：快递、外卖、环卫、建筑工地、工厂、司机。": ["occupation"],
        "您在哪个城市？": ["place"],
        "收到。请问您想办理什么事情？": ["request"],
    }
    for text, asks in cases.items():
        assert questions.read([{"text": text}]).asks == asks, text


def test_statements_and_offers_are_not_questions_about_facts():
    filed = ("已为您登记欠薪工单，工单号 GH202612010079，由辛安街道工会网格化工作总站负责（电话 "
             "0532-12351）。工作人员会在 12月4日（周五）前给您打电话，请保持手机畅通。以后查进度，"
             "告诉我工单号就行。")
    assert questions.read([{"text": filed}]).asks == []
    offer = questions.read([{"text": "要不要我帮您登记一张工单？",
                             "buttons": [{"title": "要，帮我登记", "payload": "/affirm"},
                                         {"title": "先不用", "payload": "/deny"}]}])
    assert offer.ticket_offer and questions.pick_button(offer.buttons, yes=True)["payload"] == "/affirm"
    assert questions.pick_button(offer.buttons, yes=False)["payload"] == "/deny"
    summary = questions.read([{"text": "我核对一下：单位 鑫达电子厂，金额 12000 元。对吗？",
                               "buttons": [{"title": "确认", "payload": "/affirm"},
                                           {"title": "修改", "payload": "/deny"}]}])
    assert summary.confirm and not summary.asks


def test_every_question_the_domain_asks_is_recognised():
    """The simulator must understand today's questions; it must not need their wording."""
    responses = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]
    for name in [n for n in responses if n.startswith("utter_ask_") and n != "utter_ask_rephrase"]:
        reading = questions.read([{"text": responses[name][0]["text"],
                                   "buttons": responses[name][0].get("buttons") or []}])
        assert reading.asks or reading.ticket_offer, name


def test_silence_errors_and_english_are_told_apart():
    assert questions.is_error([]) == "silent"
    assert questions.is_error(["抱歉，系统刚才出了点问题，没能处理您的消息。"]) == "error"
    assert questions.is_error(["Sorry, something went wrong"]) == "english"
    assert questions.is_error(["好的"]) is None


def test_a_merged_report_takes_only_conversations_the_first_run_lost(tmp_path):
    from bot.sim import report
    from bot.sim.worker import Result, Turn

    def result(name: str, ok: bool, problem: str | None = None) -> Result:
        return Result(name, "crisis", "bare", "exact", f"s-{name}", success=ok,
                      reason="goal reached" if ok else "turn limit: gave up", turns=1,
                      transcript=[Turn("不想活了", [], [], [], problem)])

    first = report.write([result("a", False, "http: ClientConnectorError"), result("b", False),
                          result("c", False, "http: ClientConnectorError")], "m", 6, 1, tmp_path / "1")
    second = report.write([result("a", True), result("b", True),
                           result("c", False, "http: ClientConnectorError")], "m", 6, 1, tmp_path / "2")
    merged = json.loads((report.merge(first / "report.json", second / "report.json", tmp_path / "3")
                         / "report.json").read_text(encoding="utf-8"))
    assert [r["success"] for r in merged["results"]] == [True, False, False]  # b was no accident
    assert "1 个" in merged["note"]


def test_an_approximate_sum_matches_the_sum_said():
    """大概三万块 is filed as 约3万元: the simulated worker's ticket check takes it as 30,000,
    and still fails a different sum."""
    from bot.sim.worker import field_matches
    assert field_matches("约3万元", 30000, "eq") and field_matches("约24,000元", 24000, "eq")
    assert not field_matches("约3万元", 24000, "eq") and field_matches(8500, 8500, "eq")
