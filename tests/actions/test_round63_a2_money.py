"""Round 63 testers' defects in money, time limits and relief answers (VK-8, VK-6, VK-10, VK-13) —
engineer a2: a denied or a planned demand is no demand made; a demand after the one-year limit has
run out restarts nothing (《劳动争议调解仲裁法》第二十七条); the red packet's question answered the
first time, with what is still owed and who to go to; the sums docked added up right."""

from __future__ import annotations

from datetime import date

import pytest
import yaml
from rasa_sdk import Tracker

from actions import facts as facts_module
from actions.facts import _deductions, applied_deduction, applied_time_limit
from actions.in_kind import bonus_left_lines
from actions.time_limits import demand_denied, demand_told, time_limit_line
from bot.backend.facts import asked_score, facts_from_policies
from bot.settings import ROOT

TODAY = date(2026, 12, 8)

# --- VK-8: 去年3月份辞职走的 … 我也没去要过 (today 2026-12-08: the year ran out in 2026-03) ---

FIRST = ("问一下 我以前在西安一个饭店当厨师 去年3月份辞职走的 最后一个月工资4800一直没给 我也没去要过 "
         "现在还能申请劳动仲裁吗")
SECOND = "那我现在去找老板要 他要是在微信上承认欠我4800 是不是又能重新算一年？西安这边去哪找法律援助"
THIRD = "可我这一年多一次都没要过 时效不是已经过了吗 过了以后再要还管用？"


@pytest.mark.parametrize("said", ["我也没去要过", "一次都没要过", "从来没找过他要", "那我现在去找老板要",
                                  "要是我去找老板要", "过了以后再要"])
def test_a_denied_or_planned_demand_is_no_demand_made(said):
    assert not demand_told(said)


@pytest.mark.parametrize("said", ["上个月还找老板要过", "我一直在微信上催他", "他答应过年给"])
def test_a_demand_made_is_still_one(said):
    assert demand_told(said)


@pytest.mark.parametrize("asked", ["现在还能申请劳动仲裁吗", "还可以申请劳动仲裁不", "能不能申请劳动仲裁"])
def test_never_asked_for_it_is_no_interruption(asked):
    words = f"去年3月份辞职走的 最后一个月工资4800一直没给 我也没去要过 {asked}"
    assert demand_denied(words)
    line = time_limit_line(asked, words, TODAY)
    assert line is not None, "申请劳动仲裁 is the limit asked (VK-8: the record's 算。)"
    assert not line.startswith("算") and "时效没有中断" in line and "过了" in line, line
    assert "12348" in line and "仲裁委员会来判断" in line, line


@pytest.mark.parametrize("text", [
    SECOND,
    "我现在再去找他要 还有用吗",
    "要是现在去找老板要 他认账了 还能重新计算不",
    THIRD,
    "时效过了以后再催要还管用吗",
])
def test_a_demand_after_the_year_ran_out_restarts_nothing(text):
    words = f"{FIRST} {text}"
    line = time_limit_line(text, words, TODAY)
    assert line is not None, text
    assert "只要最后一次催要到现在不满一年" not in line and not line.startswith("算"), line
    assert "很可能已经过了" in line and "不会让已经过去的时效“中断”" in line, line
    assert "仲裁委员会来判断" in line and "12348" in line and "第二十七条" in line, line


def test_past_asked_with_a_late_demand_says_past_first():
    line = time_limit_line(THIRD, f"{FIRST} {SECOND} {THIRD}", TODAY) or ""
    assert line.startswith("很可能已经过了"), line


def test_the_record_applied_to_a_late_demand_is_the_same_answer():
    words = f"{FIRST} {SECOND} {THIRD}"
    lines = applied_time_limit([{"topic": "arbitration_time_limit"}], words, TODAY)
    assert lines and "有正当理由（比如一直在讨要）" not in lines[0] and "仲裁委员会来判断" in lines[0], lines


def test_a_demand_within_the_year_still_restarts_it():
    words = "去年十月走的 上个月还找老板要过 一直在微信上催 这样算不算中断"
    line = time_limit_line("这样算不算中断", words, TODAY) or ""
    assert "不会让已经过去的时效" not in line and "重新" in line, line


# --- VK-6: 公司说给发200红包 这个200算不算加班费了 (answered only when asked again) ---

def _seed_fact(topic: str):
    data = yaml.safe_load((ROOT / "bot/seed/policies.yml").read_text(encoding="utf-8"))
    rows = [{"key": p["key"], "service": p["service"], "region_id": None,
             "title": p["title"], "summary": p["summary"], "details": p.get("details") or {},
             "source": p["source"], "effective_from": p.get("effective_from"),
             "effective_to": p.get("effective_to")} for p in data["policies"]]
    return next(f for f in facts_from_policies(rows) if f.topic == topic)


@pytest.mark.parametrize("text", ["公司说给发200红包 这个200算不算加班费了", "发了个红包 算不算加班费",
                                  "老板说给了红包就不给加班费了", "那200红包到底算不算加班费啊"])
def test_the_red_packet_asked_as_overtime_pay_is_the_record_s_question(text):
    assert asked_score(_seed_fact("bonus_not_overtime"), text) is not None


# --- VK-13: 那一百块红包能顶吗 还差多少 俺找谁 ---

SUM = ("按《劳动法》第四十四条计算：\n日工资 = 月工资 4,350 ÷ 21.75 ≈ 200.00 元\n"
       "合计：依法应付加班工资不少于 1,800.00 元")


def _tracker(text: str, first: str = "今年过年除夕初一初二俺都在岗上 老板就给了个一百块钱红包 俺一个月四千三百五",
             bot: str = SUM) -> Tracker:
    message = {"text": text, "intent": {"name": "inform", "confidence": 0.9}, "entities": []}
    return Tracker.from_dict({
        "sender_id": "a2", "slots": {}, "latest_message": message, "paused": False, "followup_action": None,
        "active_loop": {}, "latest_action_name": "action_listen",
        "events": [{"event": "user", "text": first}, {"event": "bot", "text": bot},
                   {"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": message}]})


@pytest.mark.parametrize("text", ["那一百块红包能顶吗 还差多少 俺找谁", "红包能抵不 那还该给我多少 找谁要",
                                  "100块红包算不算 还欠俺多少 咋整"])
def test_what_is_left_and_who_to_go_to_are_answered(text):
    lines = bonus_left_lines([{"topic": "bonus_not_overtime"}], _tracker(text))
    assert len(lines) == 2, lines
    assert "不少于 1,800.00 元" in lines[0] and "100 元红包" in lines[0], lines
    assert "12333" in lines[1] and "仲裁" in lines[1] and "网格工作站" in lines[1], lines


def test_no_sum_worked_out_asks_for_the_facts():
    lines = bonus_left_lines([{"topic": "bonus_not_overtime"}],
                             _tracker("红包能顶吗 还差多少", first="过年给了200红包", bot="您好"))
    assert lines and "200 元红包" in lines[0] and "帮您算" in lines[0], lines


def test_the_red_packet_alone_adds_nothing():
    assert bonus_left_lines([{"topic": "bonus_not_overtime"}], _tracker("那红包能顶吗")) == []
    assert bonus_left_lines([{"topic": "overtime_multipliers"}], _tracker("还差多少")) == []


# --- VK-10: 迟到了4回，每回扣200，一共扣了800，还有打碎了一个杯子又扣了300 ---

DOCKED = ("我在崂山沙子口一个酒店做客房保洁，工资3500。这个月迟到了4回，每回扣200，一共扣了800，"
          "还有打碎了一个杯子又扣了300。这样扣钱合法吗？扣的钱能要回来吗？")


@pytest.mark.parametrize("words, taken", [
    (DOCKED, {800: True, 300: False}),
    ("工资4000 迟到5次 每次扣100 一共扣了500 摔碎了个盘子扣了200", {500: True, 200: False}),
    ("月工资五千 迟到罚了500 零件坏了扣了2000", {500: True, 2000: False}),
])
def test_each_time_s_sum_is_not_added_to_the_total(words, taken):
    assert _deductions(words)[0] == taken


@pytest.mark.parametrize("asked", ["那一共能要回来多少钱？杯子那300也能要吗", "能要回多少", "杯子那300也能要吗"])
def test_what_can_be_asked_back_is_worked_out(asked):
    line = applied_deduction([{"topic": "wage_deduction"}], f"{DOCKED} {asked}")[0]
    assert "1,300" not in line and "至少能要回 800 元，最多 1,100 元" in line, line
    assert "700 元" in line, line  # the 20 % of 3,500


async def test_docked_pay_is_answered_by_the_deductions_record(monkeypatch):
    async def records(_tracker, question, places=True):
        return {"facts": [{"topic": "wage_deduction", "answer": "单位不得克扣职工工资。"}]}

    monkeypatch.setattr(facts_module, "_records_for", records)
    tracker = _tracker("那一共能要回来多少钱？杯子那300也能要吗", first=DOCKED, bot="您好")
    found = await facts_module._docked_not_owed(tracker, [{"topic": "wages_recoverable"}])
    assert [f["topic"] for f in found] == ["wage_deduction"]
    owed = _tracker("扣的钱能要回来吗", first="老板欠了我两个月工资 还扣了我300", bot="您好")
    assert [f["topic"] for f in await facts_module._docked_not_owed(owed, [{"topic": "wages_recoverable"}])] \
        == ["wages_recoverable"]


@pytest.mark.parametrize("text, part", [
    ("青岛这边留岗过年有没有啥补贴啊 公司说给发200红包 这个200算不算加班费了",
     "公司说给发200红包 这个200算不算加班费了"),
    ("过年在岗 老板给了一百块红包 那个能顶加班费吗 还有别的补贴吗", "老板给了一百块红包 那个能顶加班费吗"),
])
def test_a_part_pointing_back_is_read_with_what_it_points_at(text, part):
    from actions.facts import question_parts

    assert part in question_parts(text), question_parts(text)
