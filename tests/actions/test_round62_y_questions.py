"""Round 62, helper y (/work/indep/results-VI.md, results-VJ.md): the question asked gets its answer.

VJ-8 社保啊 刚说了 干了两年 一个月四千 不知道想不想走 was read as distress (psych_support: the hotlines and
您愿意说说最近发生了什么吗) — crisis_guard.job_not_distress reads the job's matter instead; real crisis words
still win. VI-7 我老婆是特困职工，她自己掏了两千八 was taken as a correction of the worker's own 2,500 —
relief.worker_part keeps the spouse's words out of the worker's case and relief.family_relief_line answers
for her, on her own tier's line."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.nlu.crisis_guard import CrisisGuard


def _guarded(text: str, ranking: list[tuple[str, float]]) -> str:
    message = Message(data={TEXT: text, INTENT: {"name": ranking[0][0], "confidence": ranking[0][1]},
                            INTENT_RANKING_KEY: [{"name": n, "confidence": c} for n, c in ranking]})
    CrisisGuard().process([message])
    return message.get(INTENT)["name"]


# --- VJ-8: staying at or leaving a job is no distress ---------------------------------------------------

@pytest.mark.parametrize("text", ["社保啊 刚说了 干了两年 一个月四千 不知道想不想走",
                                  "干了三年了 一个月五千 还没想好走不走",
                                  "厂里不交社保 不知道要不要辞职",
                                  "俺没事 就问社保 补缴能补几年 走的话能要多少"])
def test_the_job_told_with_leaving_is_no_distress(text):
    assert _guarded(text, [("psych_support", 0.6), ("legal_aid", 0.3), ("greet", 0.1)]) == "legal_aid"
    assert _guarded(text, [("psych_support", 0.6), ("greet", 0.3)]) == "inform"


@pytest.mark.parametrize("text", ["工资要不回来 压力太大了 睡不着", "干了两年 老板天天骂 心里好难受",
                                  "厂里不交社保 我真的撑不住了 想找人聊聊"])
def test_the_job_told_with_distress_stays_with_the_listener(text):
    assert _guarded(text, [("psych_support", 0.6), ("legal_aid", 0.3)]) == "psych_support"


@pytest.mark.parametrize("text", ["干了两年 工资一分没给 不想活了", "社保也不交 活着没意思"])
def test_crisis_words_beside_the_job_still_win(text):
    assert _guarded(text, [("legal_aid", 0.9), ("psych_support", 0.1)]) == "psych_support"


# --- VI-7: the spouse's tier and costs are hers ---------------------------------------------------------

VI7_T1 = "我是镇江的，在工会建档的困难职工，今年看病自己掏了两千五，能申请工会的医疗救助吗"


@pytest.mark.parametrize("text,own", [
    ("先不留。我老婆是特困职工，她自己掏了两千八，她能申请不", "先不留."),
    ("不是改我的，我是两千五。是我老婆，她是特困的，两千八，特困不是要三千吗", "不是改我的,我是两千五."),
    ("三千二是我老婆的！她特困的三千二到底行不行", ""),
    ("我是特困的 看病花了3500", "我是特困的 看病花了3500"),
])
def test_the_workers_own_words_leave_the_spouses_out(text, own):
    from actions.relief import worker_part

    assert worker_part(text) == own


def test_the_wifes_figure_is_answered_for_her_on_her_line():
    from actions.relief import family_relief_line

    t2 = "先不留。我老婆是特困职工，她自己掏了两千八，她能申请不"
    tracker = conversation([(VI7_T1, "relief_eligibility", ["按您说的"]), (t2, "inform", [])],
                           slots={"city": "镇江", "hardship_status": "困难", "medical_cost": 2500})
    line = family_relief_line(tracker) or ""
    assert line.startswith("您老婆那边：在档特困职工要自付超过 3,000 元才能申请"), line
    assert "2,800" in line and "还差 200 元" in line and "2,500" not in line


def test_the_wifes_later_total_is_judged_on_her_tier_told_before():
    from actions.relief import family_relief_line

    tracker = conversation([
        (VI7_T1, "relief_eligibility", ["按您说的"]),
        ("不是改我的，我是两千五。是我老婆，她是特困的，两千八，特困不是要三千吗", "inform", ["按您说的"]),
        ("你搞混了 我是困难职工不是特困。另外不对，我老婆后来又花了，一共是三千二", "inform", [])],
        slots={"city": "镇江", "hardship_status": "困难", "medical_cost": 2500})
    line = family_relief_line(tracker) or ""
    assert "特困" in line and "3,200" in line and "超过了 3,000 元的线" in line, line


@pytest.mark.parametrize("text", ["我是特困的 看病花了3500", "我老婆没工作 我自己住院花了三千"])
def test_no_spouse_case_no_spouse_verdict(text):
    from actions.relief import family_relief_line

    tracker = conversation([(VI7_T1, "relief_eligibility", ["按您说的"]), (text, "inform", [])],
                           slots={"city": "镇江", "hardship_status": "困难", "medical_cost": 2500})
    assert family_relief_line(tracker) is None
