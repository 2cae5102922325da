"""Round 54, the lead's own mends (found talking to make run as a worker and in the helpers' reports).

m-6: 在工地干活 一天300 上了52天 老板一分没给 一共该给我多少 went to 算加班费 (the NLU's overtime_pay, 0.956:
"52天" looked like overtime days) — days worked and nothing paid, no overtime named, is unpaid wages."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.settings import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def _tracker(text: str, intent: str, slots: dict | None = None) -> Tracker:
    message = parse(text, intent)
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-54", slots or {}, message, events, False, None, {}, "action_listen")


def _started(events: list[dict]) -> list[str]:
    return [e.get("name") for e in events if e.get("event") == "active_loop"] + \
        [e.get("value") for e in events if e.get("event") == "slot" and e.get("name") == "service_type"]


@pytest.mark.parametrize("text", ["在工地干活 一天300 上了52天 老板一分没给 一共该给我多少",
                                  "干了40天 老板一分钱没给",
                                  "在饭店干了两个月 一天两百 一直不给钱"])
async def test_days_worked_and_nothing_paid_is_unpaid_wages(backend, text):
    from actions.router import ActionStartService

    events = await ActionStartService().run(CollectingDispatcher(), _tracker(text, "overtime_pay"), DOMAIN)
    started = _started(events)
    assert "overtime_form" not in started and "overtime_pay" not in started, started


@pytest.mark.parametrize("text", ["国庆加了3天班 老板一分没给", "周六上了4天 加班费不给"])
async def test_overtime_named_stays_overtime(backend, text):
    from actions.router import ActionStartService

    events = await ActionStartService().run(CollectingDispatcher(), _tracker(text, "overtime_pay"), DOMAIN)
    assert "wage_arrears_form" not in _started(events)


# --- 就这些 to the phone question (asked again, round 53's stop) -------------------------------------

@pytest.mark.parametrize("text", ["就这些", "就这些了", "没了", "没别的了", "就这样吧", "没有了"])
async def test_nothing_more_to_the_phone_files_without_one(text):
    from form_trackers import form_tracker

    from actions.forms import ValidateWageArrearsForm

    dispatcher = CollectingDispatcher()
    form = ValidateWageArrearsForm()
    tracker = form_tracker("wage_arrears_form", "phone", text, "affirm")
    events = await form.run(dispatcher, tracker, DOMAIN)
    assert {"event": "slot", "timestamp": None, "name": "phone", "value": "未留"} in events, events
    assert any("回到这里" in (m.get("text") or "") for m in dispatcher.messages)


@pytest.mark.parametrize("text", ["就这些 13912345678", "就这些吗"])
def test_nothing_more_is_no_refusal_beside_a_number_or_as_a_question(text):
    from actions import validators as v

    assert not v.declines_phone(text)


# --- m2-7: 一千九里头 read as 1,000 ----------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [("那我这一千九里头算不算包括加班费了", 1900), ("拿一千九里面含加班费吗", 1900),
                                        ("一千九", 1900), ("一万二千五百", 12500)])
def test_a_place_word_after_the_figure_is_no_distance(text, value):
    from bot.normalize.numbers import find_amounts

    assert [s.value for s in find_amounts(text)] == [value]


# --- m2-20: 你先说除夕算不算法定的 asked while the wage is asked ----------------------------------------------

async def test_a_question_about_a_day_is_not_the_days_worked():
    from form_trackers import form_tracker

    from actions.forms import ValidateOvertimeForm

    tracker = form_tracker("overtime_form", "monthly_wage", "你先说除夕算不算法定的", "inform")
    assert ValidateOvertimeForm()._days_for_the_wage(tracker) is None


# --- n2-9: 不加班就扣钱 weighed as a loss ("扣 200 元没有超过这条线") ----------------------------------------

@pytest.mark.parametrize("text", ["老闆說不加班就扣錢 一次扣兩百 這合法嗎 我一個月工資五千",
                                  "不肯加班就扣了我200 月工资5000 合法吗"])
def test_pay_docked_for_refusing_overtime_is_a_fine(text):
    from actions.facts import applied_deduction
    from bot.normalize.text import normalize_text

    said = " ".join(applied_deduction([{"topic": "wage_deduction"}], normalize_text(text)))
    assert "这是罚款" in said and "第四十一条" in said, said
    assert "没有超过这条线" not in said


def test_medical_costs_after_a_work_injury_are_no_hardship_relief():
    """n2-14: 那医药费呢 都是俺自己垫的 after 俺受工伤在家歇了俩月了 got the hardship relief and a phone asked."""
    from actions.router import legal_not_wages

    assert legal_not_wages("relief_eligibility", "那医药费呢 都是俺自己垫的", "俺受工伤在家歇了俩月了 厂里一分钱不给") \
        == "legal_aid"
    asked = "医药费自己花了两万 能申请救助吗"
    assert legal_not_wages("relief_eligibility", asked, "俺受工伤了") == "relief_eligibility"
    assert legal_not_wages("relief_eligibility", "那医药费呢", "孩子住院了") == "relief_eligibility"


# --- m2-13: a part already paid stays on the sum owed (filed 16,500 for 15,500) -------------------------

@pytest.mark.parametrize("text,owed", [("老板欠俺三个月工资 一个月五千五 过年前给了一千 剩下的一直拖着", 15500),
                                       ("欠了我两个月工资 每月六千 中间先给了三千", 9000),
                                       ("欠了我两个月工资 每月六千 过年给了二百红包", 12000)])
async def test_a_part_paid_comes_off_the_sum_owed(backend, text, owed):
    from form_trackers import conversation

    from actions.slot_mappings import ValidateSlotMappings

    events = await ValidateSlotMappings().run(CollectingDispatcher(), conversation([(text, "wage_arrears", [])]), {})
    assert ("amount", owed) in {(e["name"], e["value"]) for e in events if e.get("event") == "slot"}, events


# --- m2-16: a piece rate read as a monthly wage of 1,000 ------------------------------------------------

@pytest.mark.parametrize("text,day", [("我在福田電子廠做計件的 一件三毛 一天能做一千件左右 五一三天都上了", 300),
                                      ("计件的 一件3毛 每天做800件", 240), ("两毛钱一件 一天干一千五百件", 300)])
def test_a_piece_rate_and_the_pieces_a_day_are_a_days_pay(text, day):
    from actions import validators as v
    from bot.normalize.text import normalize_text

    facts = v.read_facts(normalize_text(text), [], v.Context())
    assert facts.get("wage_basis") == "day" and facts.get("monthly_wage") == round(day * 21.75), facts


# --- p2-14, p2-25, p2-8: a corrected own share, 上初中, 电焊培训 ---------------------------------------------

@pytest.mark.parametrize("text,paid", [("我是特困职工 在镇江 上个月住院 自己掏了三千五 哦不对 是两千五 能报多少", 2500),
                                       ("今年看病自己花了三千 不对 两千八 我是困难户", 2800), ("自己掏了三千五", 3500)])
def test_the_own_share_corrected_is_the_one_judged(text, paid):
    """p2-14: 3,500 judged against 特困's 3,000 line — the worker had corrected it to 2,500."""
    from actions import validators as v

    assert v.own_share(text) == paid


@pytest.mark.parametrize("text,grade", [("俺闺女上初中", "初中"), ("明年上初中", "初中一年级"),
                                        ("小升初", "初中一年级")])
def test_in_middle_school_is_no_first_year(text, grade):
    from actions import validators as v

    assert v.grade(text).value == grade


def test_a_welding_course_is_the_second_topic():
    from actions.service_catalog import services_named

    said = "工会互助保障最高赔多少 另外俺想学个电焊 有没有免费培训"
    assert services_named(said) == ["mutual_insurance", "skills_training"]
