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


# --- XT-11: after the crisis reply, 不想说在哪 got 没太明白 and 算了 反正也没人在乎 a cancel ---

XT11_CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
               "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")
XT11_WHERE = "您还没说在哪儿…告诉我您在哪个城市、区、街道（比如：青岛黄岛区辛安街道），我马上查"


def _after_self_harm(text: str, intent: str):
    from form_trackers import conversation

    return conversation([("睡不着", "psych_support", ["听起来您最近挺不容易的。"]),
                         ("没啥好说的 手腕划了几道 也没人管 活着没意思", "psych_support", [XT11_CRISIS, XT11_WHERE]),
                         (text, intent, [])])


@pytest.mark.parametrize("text", ["不想说在哪", "不想告诉你在哪", "不想留电话"])
async def test_declining_the_place_after_the_crisis_reply_keeps_the_person_there(text):
    from actions.fallback import ActionFallbackStep

    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, _after_self_harm(text, "nlu_fallback"), DOMAIN)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "12356" in said and "没太明白" not in said, said


@pytest.mark.parametrize("text", ["算了 反正也没人在乎", "算了吧", "没人在乎"])
async def test_giving_up_after_the_crisis_reply_is_no_cancel(text):
    from actions.conversation import ActionCancelRequest

    dispatcher = CollectingDispatcher()
    await ActionCancelRequest().run(dispatcher, _after_self_harm(text, "cancel"), DOMAIN)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "12356" in said and "还有什么需要帮忙" not in said, said


# --- XT-12: 中 13562418807 早上打 俺八点前出门 read as being beaten ------------------------------------------------

@pytest.mark.parametrize("text,hurt", [("中 13562418807 早上打 俺八点前出门", False),
                                       ("13562418807 晚上打我", False),
                                       ("电话13562418807 下午3点后打我", False), ("他晚上打我 我电话13562418807", True),
                                       ("老公早上打我", True), ("老板今天打我了 电话13562418807", True)])
def test_a_time_to_call_is_no_beating(text, hurt):
    from bot.nlu.crisis_words import is_violence

    assert is_violence(text) is hurt


# --- XS-16: 能不能转人工 at the end of a long case, and beside an answer to the form's question ---------------

def test_a_person_asked_outright_at_the_end_of_a_long_case():
    from actions.handoff import insists_on_a_person

    said = ("我们十二个人在辛安街道一个工地干活，开发商说钱早给总包了，总包说分包没给，反正我们十二个人被欠了三十多万，"
            "我自己是两万八。能不能转人工")
    assert insists_on_a_person(said)
    assert not insists_on_a_person("我们十二个人在辛安街道一个工地干活，开发商说钱早给总包了，总包说分包没给，"
                                   "反正我们被欠了三十多万，上回转人工也没人管，我自己是两万八，欠了两个月")


def test_a_person_asked_beside_the_answer_leaves_the_form():
    from form_trackers import form_tracker

    from actions.forms import ValidateWageArrearsForm

    tracker = form_tracker("wage_arrears_form", "duration", "两个多月 你先说能不能转人工", "request_human")
    assert ValidateWageArrearsForm()._leaving(tracker)


def test_a_job_in_words_is_said_back_in_words():
    """r-1: 俺是外地的 在港口开叉车 → 好的，记下了：工作 其他."""
    from form_trackers import conversation

    from actions.slot_checks import kept_facts, told_text

    tracker = conversation([("俺是外地的 在港口开叉车", "inform", [])])
    tracker.events.append({"event": "slot", "name": "occupation", "value": "other"})
    said = told_text(kept_facts(tracker, {"occupation": "other"}, "wants_ticket", False)[0])
    assert "叉车" in said and "其他" not in said, said


# --- XS-1: 一共九千六，不对，是九千五，有一个月少干了两天 (filed 9,600 owed for 2 days) ---

def test_a_total_corrected_in_the_same_message_and_the_time_owed_kept():
    from actions import validators as v

    said = ("你好 我在黄岛区辛安街道一个工地上干小工，一个姓刘的包工头欠了我三个月工资，一个月三千二，一共九千六，"
            "不对，是九千五，有一个月少干了两天。现在人跑了电话也不接，我电话13806391234，这钱还能要回来吗")
    facts = v.read_facts(said, [], v.Context())
    assert (facts["amount"], facts["duration"], facts["monthly_wage"]) == (9500, "P3M", 3200), facts


@pytest.mark.parametrize("text,months", [("欠了三个月 不对 是四个月", "P4M"),
                                         ("欠了三个月工资 不对不对 我记错了 是欠了四个月", "P4M"),
                                         ("不对，是两个月", "P2M")])
def test_a_time_corrected_is_still_the_one_after_the_cue(text, months):
    from actions import validators as v

    ctx = v.Context(known=frozenset({"duration"}), asked="duration")
    assert v.read_facts(text, [], ctx)["duration"] == months


@pytest.mark.parametrize("text,asked", [("老板欠我两个月 房东天天催房租 我真不想活了", False),
                                        ("银行天天催我还款", False),
                                        ("我一直在催老板", True), ("催了好几次了", True), ("找老板要过好几次", True)])
def test_pressed_for_rent_is_no_demand_of_the_pay(text, asked):
    """XS-9: 情况要点：催要过 made from 房东天天催房租."""
    from actions.time_limits import asked_for

    assert asked_for(text) is asked


@pytest.mark.parametrize("text,facts,kept", [("你们青岛的能管我们福建的事吗", {"city": "青岛市"}, {}),
                                             ("你们那边青岛管不管", {"city": "青岛"}, {}),
                                             ("我在青岛 你们能管吗", {"city": "青岛市"}, {"city": "青岛市"})])
def test_the_unions_place_is_not_the_workers(text, facts, kept):
    """XS-7: 你们青岛的能管我们福建的事吗 → 好的，记下了：城市 青岛, for a worker in 福鼎."""
    from actions.slot_mappings import without_the_unions_place

    assert without_the_unions_place(facts, text) == kept


# --- round 55, XU-14: 国庆七天俺都上了 一天也没给俺倒休 (one day worked, one given off: 3,448.28) ---

@pytest.mark.parametrize("text,days,off", [("国庆七天俺都上了 一天也没给俺倒休", 7, 0),
                                           ("国庆上了七天 一天都没调休", 7, 0),
                                           ("国庆上了七天 有两天给调休了", 7, 2), ("国庆节七天俺上了五天", 5, 0)])
def test_not_one_day_given_off_is_no_day(text, days, off):
    from actions.overtime_days import read_worked_days

    worked = read_worked_days(text)
    assert (len(worked.dates), worked.comp_days) == (days, off)
