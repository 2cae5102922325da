"""The entry of every service request: a fact question is answered first, then the flow the
request (or the facts it carries) points at starts with everything already said.

``action_start_service`` runs for each service intent and for ``inform``: a message that
carries a whole case (我在辛安街道上班，海纳建筑公司欠了我和5个工友三个月工资…) starts the
wage-arrears form with its facts kept, not "请问您想办理什么事情". When the facts do not say
which service, the worker picks one from buttons. A second service named in the same
message is remembered (``next_service``) and offered when the first one is done.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.utils import call_potential_coroutine

from actions import forms
from actions import validators as v
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import SafeAction, bot_said, client, location, said_this_turn
from actions.crisis import (
    CRISIS_NO_PHONE,
    CRISIS_STILL_HERE,
    DANGER_NOW_LINE,
    case_question_after_crisis,
    crisis_answered,
    crisis_check_in,
    crisis_money_line,
    in_danger_now,
    is_crisis,
    listening_reply,
    money_after_crisis,
    safe_again,
    stays_with_person,
    wants_to_talk,
)
from actions.fact_tables import CASE_FACTS, FACT_NAMES, owed_sum_told, owed_total_reply, wage_as_said
from actions.facts import (
    CASE_TOPICS,
    answer_in_topic,
    answer_of_part,
    applied_lines,
    asked_facts,
    case_words,
    clauses,
    fact_text,
    is_question,
    recent_words,
    record_context,
)
from actions.handoff import (
    asks_for_a_person,
    callback_while_queued,
    closed_challenged_reply,
    file_waiting_callback,
    insists_on_a_person,
    place_for_the_hours,
    place_for_the_person,
    queued_phone_left,
    queued_wait_reply,
    request_handoff,
    staff_hours_for_place,
    staff_hours_said,
    station_hours_at_place,
    withdraw_handoff,
    withdraws_the_handoff,
)
from actions.holiday_calendar import DayKind
from actions.in_kind import bonus_left_lines, in_kind_pay_reply
from actions.legal import (
    MONTHS_ASK,
    WAGE_AGAIN,
    WAGE_ASK,
    crew_total_reply,
    dismissal_not_arrears,
    double_wage_from,
    minimum_wage_as_wage,
    no_contract_not_arrears,
    says_no_contract_verdict,
    shortfall_events,
    shortfall_reply,
    sums_for,
    without_feared_dismissal,
)
from actions.month_totals import month_times_reply
from actions.next_service import disowns_holiday_subsidy, holiday_subsidy_asked, offer_service
from actions.overtime_calculator import (
    RATE_WAGE_ASKED,
    TOTAL_LABEL,
    case_overtime,
    explain_divisor,
    overtime_pay,
    total_reply,
    worked_pay,
)
from actions.overtime_days import (
    added_days,
    days_said_again,
    days_taken_back,
    names_a_kind_of_day,
    read_worked_days,
)
from actions.relief import asks_help_not_medical, family_cover_line, help_not_medical, hospital_fee_line
from actions.service_catalog import (
    INJURY,
    POLICY_SERVICES,
    SERVICE_FORMS,
    SERVICE_NAMES,
    says_not_this,
    service_instead_of_subsidy,
    services_meant,
    services_named,
)
from actions.services import (
    POLICY_ACTIONS,
    ActionPsychSupport,
    answer_in_service_topic,
    answer_the_rest,
    course_time_reply,
    face_to_face_reply,
    follow_up_service,
    legal_case,
    lookup_retry,
    wants_registration,
)
from actions.slot_checks import CASE_FLOWS, slots_set_this_turn
from actions.slot_mappings import FORM_SLOTS, follows_minimum_wage, last_flow, value_before_this_message
from actions.station_followup import same_station_reply, station_detail_reply, ticket_station_reply
from actions.station_text import asked_time_line, station_text, wider_station_note
from actions.subsidies import accident_claim_reply, winter_care_reply
from actions.take_back import dropped_case, overtime_sum_to_file, restored, takes_it_back
from actions.tickets import (
    BY_PHONE_TEXT,
    asks_lookup_by_phone,
    correct_filed_phone,
    filed_summary,
    filed_ticket_asides,
    filed_type,
    fixed_number_lookup,
    misread_ticket_digits,
    new_case_id,
    note_on_ticket,
    note_parts,
    offer_ticket,
    ticket_filed_here,
    when_called_reply,
)
from actions.time_limits import demand_denied, promise_told_line, time_limit_line
from actions.wages import (
    PERIOD_QUESTION,
    days_worked_asked,
    guaranteed_pay_shortfall,
    hourly_pay_said,
    minimum_wage_answer,
    minimum_wage_asked,
    overtime_beside_a_question,
    owed_sum_reply,
    paid_so_far,
    pay_less_overtime,
)
from actions.who_we_are import say_who_we_are
from bot.normalize.numbers import find_amounts

FILING_FORMS = {"wage_arrears_form"}
# What relief depends on, without a question: the relief form asks its first question (the
# phone) in the same turn, and one question a turn is all a worker should get. (The domain's
# utter_relief_eligibility still ends with 请问您在哪个城市？; it is no longer said.)
RELIEF_INTRO = ("困难职工可以申请工会的医疗救助、生活补助等帮扶。能不能申请，要看您是否已建档"
                "（困难或特困）、所在地区，以及一年自付的医疗费用。")
ROUTED_INTENTS = {"inform", "nlu_fallback", "out_of_scope"}
WAGE_FACTS = ("employer", "duration", "workers_affected")
SCHOOL_FACTS = ("child_grade", "school_problem", "hukou_status")




_PHONE_REFUSED = re.compile(r"(?:不想|不愿意|不方便|不|先不|没法)留?(?:个)?(?:电话|手机号?|号码)")
_LOW_PAY = re.compile(r"才给|才拿|才发|才开|只给|只发|只有|低于|最低工资|合法|违法|正常吗|够不够|太少|太低"
                      r"|这么少|这么低")
_A_MONTHS_PAY = re.compile(r"一个月|每个?月|月薪|工资|底薪")


# 他们说过年后给 / 老板说年前给: the festival is when the money was promised, not the question
_PROMISED_BY = re.compile(r"(?:过年|过完年|年|节)(?:前|后|以前|以后|之前|之后)"
                          r"(?:再|就|才|一定|肯定)?(?:给|发|结|付|还)|"
                          # 我今年过年的时候微信催过他 (XA-12: 您是留下来过年…): when the pay was asked for
                          r"(?:过年|春节|年前|年后|过节)(?:的时候|那会儿?|那阵子?|期间|前后)?\S{0,6}?"
                          r"(?:催|要钱|要过|找过|找他|问过|问他|答应|说有钱|说再等)")
_HOLIDAY_ASKED = re.compile(r"留(?:下|在\S{0,4})过年|回家过年|不回家|过年(?:补贴|补助|慰问|红包|有啥|有什么)|"
                            r"返乡|返岗|错峰")


def holiday_read_for_pay(tracker: Tracker, intent: str | None, text: str) -> str | None:
    """钱能要回来吗 一年四万八, read as holiday_subsidy by the model, from a worker who never asked
    about the holiday (YW-13: 您是留下来过年… twice): the pay owed; any other intent as it is."""
    if intent == "holiday_subsidy" and not holiday_subsidy_asked(tracker) \
            and (money_after_crisis(tracker, text) or _OWED.search(text)):
        return "wage_arrears"
    return intent


def holiday_not_asked(tracker: Tracker, intent: str | None, text: str) -> str | None:
    """The holiday subsidy guessed for a message that names no holiday, in a conversation that never asked
    about one (时效不是已经过了吗 过了以后再要还管用, VK-8: 您是留下来过年… — 过了 read as 过年): the service the
    words name instead, else none (the fact answer stands alone)."""
    if intent != "holiday_subsidy" or text.startswith("/") or holiday_subsidy_asked(tracker):
        return intent
    return service_instead_of_subsidy(text) or next(iter(services_meant(text)), None)


def promised_by_the_holiday(text: str) -> bool:
    """The Spring Festival named only as when pay was promised: no holiday-subsidy question."""
    return bool(_PROMISED_BY.search(text or "")) and not _HOLIDAY_ASKED.search(text or "")


def service_from_facts(slots: dict[str, Any], text: str) -> str | None:
    """The service the facts of a case point at, when the intent does not say it."""
    named = services_meant(text)
    if named:
        return named[0]
    if INJURY.search(text or ""):
        return "legal_aid"  # 把腿摔断了 老板没给上保险 这可咋整 (N-08): no wage case
    owed = bool(v.OWED.search(text or "")) and not says_not_this(text, "wage_arrears")
    if not owed and (slots.get("monthly_wage") or slots.get("amount")) and _LOW_PAY.search(text or "") \
            and _A_MONTHS_PAY.search(text or ""):
        return "minimum_wage"  # 一个月才给1800 这合法吗 (ZS-03: 没太明白, then the city asked again)
    wage_facts = [k for k in (*WAGE_FACTS, "amount") if slots.get(k)]
    # an employer alone (我是隆祥皮革有限公司的) is no wage case: it may belong to a subsidy
    if wage_facts and (owed or len(wage_facts) >= 2 or wage_facts == ["duration"]):
        return "wage_arrears"
    if any(slots.get(k) for k in SCHOOL_FACTS):
        return "school_placement"
    if slots.get("overtime_days"):
        return "overtime_pay"
    if slots.get("medical_cost") or slots.get("hardship_status"):
        return "relief_eligibility"
    if slots.get("holiday_situation"):
        return "holiday_subsidy"
    return None


def other_days_asked(tracker: Tracker) -> bool:
    """那要是周末加班呢 after the holiday figure: another kind of day, with no days told this
    turn. The days told before are not the ones asked about now, so they are asked again
    (the wage stays); 那一共多少钱 names no day and keeps them."""
    text = (tracker.latest_message or {}).get("text") or ""
    days = tracker.get_slot("overtime_days") or ""
    return bool(days) and names_a_kind_of_day(text) and text not in days \
        and slots_set_this_turn(tracker).get("overtime_days") is None \
        and not days_said_again(days, text)  # 初二初六各干一天 / 那国庆加班那个呢 (XG-15, XG-12): the days held


OVERTIME_RULE = ("加班费按《劳动法》第四十四条：延长工作时间不低于工资的150%，休息日加班又不安排补休不低于200%，"
                 "法定节假日加班不低于300%。日工资 = 月工资 ÷ 21.75。")  # domain.yml utter_overtime_pay


# Flows that answer and file nothing: a corrected fact simply runs them again.
# (不对 是特困 去年改的 after the relief answer — OO-07, MM-08: the answer stood on 困难)
REDO_FORMS = {"overtime_form": "overtime_pay", "minimum_wage_form": "minimum_wage",
              "relief_form": "relief_eligibility"}


# 那一共多少钱 / 总共能拿多少 right after a figure: the same figure asked again
_ASKS_TOTAL = re.compile(r"一共|总共|合计|加起来|总的|总数|多少钱|能拿多少|该拿多少|给多少|"
                         r"还差|差我|差多少|该补|补多少")


def _last_form(tracker: Tracker) -> str | None:
    return next((e.get("name") for e in reversed(tracker.events)
                 if e.get("event") == "active_loop" and e.get("name")), None)


_DAYS_COUNTED = re.compile(r"[一二两三四五六七八九十\d]+\s*(?:天|个周|个礼拜|小时|个钟)")


def flow_to_redo(tracker: Tracker) -> str | None:
    """不对，是4500 after the overtime figure was given: the answer flow that used the
    corrected fact is run again with it (nothing was filed, so nothing is doubled).
    那一共多少钱 after it, with nothing new said: the same flow answers again from the facts
    it kept, rather than asking which service is meant."""
    text = (tracker.latest_message or {}).get("text") or ""
    if tracker.active_loop_name:
        return None
    last = _last_form(tracker)
    if last not in REDO_FORMS:
        return None
    said = {k for k, val in slots_set_this_turn(tracker).items() if val is not None}
    if v.is_correction(text) and last == "overtime_form" and not said and _DAYS_COUNTED.search(text) \
            and said_this_turn(tracker, TOTAL_LABEL, earlier_turns=1):
        return REDO_FORMS[last]  # 我说了不对是三天 不是四天 once three were summed (XY-14: 好的，没问题): said again
    if v.is_correction(text):
        return REDO_FORMS[last] if said & set(FORM_SLOTS.get(last, ())) else None
    if last == "overtime_form" and paid_so_far(text) is not None:
        said -= {"amount"}  # 一共给了600 那还差我多少: what was paid, asked against the sum (K-02)
    if not said and _ASKS_TOTAL.search(text) and all(
            tracker.get_slot(slot) for slot in FORM_SLOTS.get(last, ())):
        return REDO_FORMS[last]
    return None


_WAGE_SAID_AS = {"wage_arrears", "legal_aid", "inform", "deny", "minimum_wage"}


def wage_after_overtime_sum(tracker: Tracker, intent: str | None) -> bool:
    """月工资6525 / 工资是6525不是6500 那是多少 right after an overtime sum, read as wage_arrears:
    the wage of the sum, corrected — the sum is worked out again, no arrears case is opened
    (the owed words are ``_OWED`` below, shared with the pay questions)."""
    text = (tracker.latest_message or {}).get("text") or ""
    # (不对 是五千二百二 合同上写的, read as legal aid — OO-03: a legal-aid offer, no sum)
    return intent in _WAGE_SAID_AS and not tracker.active_loop_name and not _OWED.search(text) \
        and slots_set_this_turn(tracker).get("monthly_wage") is not None \
        and (said_this_turn(tracker, TOTAL_LABEL, earlier_turns=2)
             # 三千五 to 您一个月工资多少 after the overtime rate paid (XU-4, s-3: the menu)
             or said_this_turn(tracker, RATE_WAGE_ASKED, earlier_turns=1))


_ASKS_PROGRESS = re.compile(r"到哪|哪一步|进度|怎么样了|咋样了|啥情况|什么情况|有结果|处理了|办了没|办好|"
                            r"查|单子|工单|登记了|登过")
# 啥工单 我没有 (YX-11): the worker has no ticket to look up
_NO_TICKET = re.compile(r"啥工单|什么工单|哪个工单|没有?(?:登记过?)?(?:工单|单子|单号)|"
                        r"(?:工单|单子)\S{0,2}(?:我)?没有|没登记过")
_MORE = re.compile(r"另外|还有|再加上?|加上|又|也")
OVERTIME_SUM = TOTAL_LABEL.removesuffix("不少于")  # the sum's total line, owned by overtime_calculator


def days_after_figure(tracker: Tracker) -> str | None:
    """Days told right after an overtime sum, with no form open: 另外还有两个周日也上班了 一共多少
    (O-13) adds them to the days counted; 那下个月要是加5个周六呢 (O-02) asks about those days
    instead. The days to count again (the wage stays), or None."""
    text = (tracker.latest_message or {}).get("text") or ""
    if tracker.active_loop_name or _last_form(tracker) != "overtime_form" \
            or not said_this_turn(tracker, TOTAL_LABEL, earlier_turns=2) \
            or services_meant(text) not in ([], ["overtime_pay"]):
        return None
    before = tracker.get_slot("overtime_days") or ""
    prior = value_before_this_message(tracker, "overtime_days")
    if isinstance(prior, str) and (taken := days_taken_back(prior, text)):
        return taken  # 不是初五 是初三 (XW-2): the days before, less the one taken back
    told = read_worked_days(text)
    if not told:
        # 不对 是给调休了一天 另外三天没给 / 老板说年底再给俺调休两天 (K8, K13): time off alone, told of
        # the days before — those days with it; never the message alone (no day worked in it)
        return added_days(before, text) if told.comp_days and before else None
    if before and _MORE.search(text) and not before.endswith(text):
        return added_days(before, text) or f"{before} {text}"  # 除夕那天也干了 (round 52)
    # 那四个周六呢 你没算进去啊 after the sum of the hours alone (II-02): another kind, added
    return added_days(before, text) or text


def days_changed_after_figure(tracker: Tracker) -> str | None:
    """The days of :func:`days_after_figure` when the message changes the days summed — a
    correction, days left out, or days or time off told beside them (K8: 不对 俺是1号到5号上的 6号7号歇了
    老板说年底再给俺调休两天 got the generic comp-time text; K13: 不对 是给调休了一天 另外三天没给 a wage
    form): these are summed again before any fact answer. None for a question about the days
    already summed (那除夕那天算不算三倍: the same days back) or about other days (下个月)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if (days := days_after_figure(tracker)) is None or _LEFT_OUT.search(text):
        return days  # 那36个小时咋没算 (ZQ-04, YQ-02): summed again, even as the same days
    before = tracker.get_slot("overtime_days") or ""
    if days != before and (v.is_correction(text) or added_days(before, text) is not None):
        return days
    return None


def period_follow_up(tracker: Tracker) -> str | None:
    """三个月 after one day's overtime figure and the question how long (天天加班三个小时):
    the days told before with the period now said, for the calculation to run again."""
    text = (tracker.latest_message or {}).get("text") or ""
    before = tracker.get_slot("overtime_days") or ""
    if tracker.active_loop_name or _last_form(tracker) != "overtime_form" \
            or not said_this_turn(tracker, PERIOD_QUESTION, earlier_turns=2):  # (YM-16: one not understood)
        return None
    if not read_worked_days(before).needs_period:
        return None
    combined = f"{before} {text}"
    return combined if read_worked_days(combined).workdays else None


_OWED = re.compile(r"欠|拖|没给|没发|不给|不发|要不回|讨|扣|少给|少发|克扣|不结")


def pay_question(tracker: Tracker) -> bool:
    """A question about a monthly pay with nothing owed (一个月就给1800 合法吗): the minimum
    wage is asked about, whatever the classifier made of the words 工资 / 给."""
    text = (tracker.latest_message or {}).get("text") or ""
    said = slots_set_this_turn(tracker)
    return (said.get("monthly_wage") is not None and said.get("amount") is None
            and not said.get("employer") and not _OWED.search(text) and is_question(text))


# 还有 / 另外 / 对了: the message goes on to another topic
_ANOTHER_TOPIC = re.compile(r"还有|另外|还想问|再问|顺便|对了")
_IS_IT_LAWFUL = re.compile(r"合法|正常|违法|犯法|低不低|够不够|算低|太低|最低")


def pay_asked_first(text: str) -> bool:
    """我是送外卖的 在青岛 一个月跑下来才一千九 这合法吗 还有我想让孩子在黄岛上学 (L-8: the school form
    alone, the pay question dropped): a monthly pay asked about before the message turns to
    another topic, with nothing owed — the minimum wage comes first, the other topic after it."""
    turn = _ANOTHER_TOPIC.search(text or "")
    head = text[:turn.start()] if turn else ""
    return bool(head and re.search(r"一个月|每月|每个月|月薪|一月", head) and find_amounts(head)
                and _IS_IT_LAWFUL.search(head) and not _OWED.search(head))


def undo_this_turn(tracker: Tracker, slot: str) -> list[dict]:
    """The slot back to its value before the latest message, if that message set it."""
    if slot not in slots_set_this_turn(tracker):
        return []
    before = value_before_this_message(tracker, slot)
    tracker.slots[slot] = before
    return [SlotSet(slot, before)]


# Answers that depend only on the place: a place said right after one is asked again for it.
PLACE_ANSWERS = ("find_station", "minimum_wage", "childcare_service", "skills_training",
                 "mutual_insurance", "legal_aid")  # 托管 → 黄岛 (N-19): that service, for 黄岛
PLACE_SLOTS = {"city", "district"}


def _names_a_place(event: dict) -> bool:
    return any(e.get("entity") in PLACE_SLOTS for e in (event.get("parse_data") or {}).get("entities") or [])


def asked_before(tracker: Tracker, skipping: str = "inform", limit: int = 4) -> str | None:
    """The intent of the worker's last question before the latest message, looking past
    messages that only told facts (辛安街道 → 那李沧区呢 both follow 最近的服务站在哪)."""
    users = [e for e in reversed(tracker.events) if e.get("event") == "user"][1:limit + 1]
    for event in users:
        intent = ((event.get("parse_data") or {}).get("intent") or {}).get("name")
        if intent != skipping and not (intent == "deny" and _names_a_place(event)):
            return intent  # (不是辛安 told a place too: YT-10)
    return None


def place_follow_up(tracker: Tracker, text: str) -> str | None:
    """青岛黄岛区辛安街道 (or 那青岛呢) right after the station or the minimum wage was answered
    for another place: the same question, for this place, not "请问您想办理什么事情"."""
    said = {k for k, val in slots_set_this_turn(tracker).items() if val is not None}
    if not said or not said <= PLACE_SLOTS or services_named(text):
        return None
    asked = asked_before(tracker)
    return asked if asked in PLACE_ANSWERS else None


def choice_buttons(services: list[str]) -> list[dict[str, str]]:
    return [{"title": SERVICE_NAMES[s], "payload": f"/{s}"} for s in services]


async def validate_prefilled(form: str, dispatcher: CollectingDispatcher, tracker: Tracker,
                             domain: dict) -> list[dict]:
    """What Rasa does when it activates a form: the facts already known are checked by the
    form's own validation (a district resolved to its city, a phone sent its code)."""
    validator = FORM_VALIDATORS.get(form)
    required = (domain.get("forms", {}).get(form) or {}).get("required_slots", [])
    if validator is None:
        return []
    events, action = [], validator()
    for slot in required:
        value = tracker.get_slot(slot)
        method = getattr(action, f"validate_{slot}", None)
        if value is None or method is None:
            continue
        result = await call_potential_coroutine(method(value, dispatcher, tracker, domain))
        for name, checked in (result or {}).items():
            if checked != tracker.get_slot(name):
                events.append(SlotSet(name, checked))
                tracker.slots[name] = checked
    return events


# 孩子看病的钱实在凑不上了 工会有没有什么救助, a few turns after 我真不想活了 (YS-10: the phone on
# the wage ticket was sent a code unasked, 验证码已经发到您的手机上了): no code then
RELIEF_NO_CODE = "这会儿不给您发验证码了。"
WHAT_REGISTRATION_IS = ("建档就是家里困难的职工向工会申请、工作人员核实后登记在册，登记后才能按困难、特困职工的标准"
                        "申请救助；已经建过档的，告诉我“建档了”就行。")


def relief_check_waits(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict]:
    """The relief flow in a conversation that had the crisis reply, with a phone already on
    record: a verification SMS arriving unexplained would frighten a worker in distress, so
    no code is sent — assessed as not on record (建档了 runs it again) and 建档 explained."""
    verified = (tracker.get_slot("verified_worker") or {}).get("member")
    if verified or tracker.get_slot("otp_code") or not tracker.get_slot("phone") \
            or not crisis_answered(tracker, earlier_turns=40):
        return []
    dispatcher.utter_message(text=RELIEF_NO_CODE + forms.unverified_text(tracker) + WHAT_REGISTRATION_IS)
    tracker.slots["otp_code"] = forms.UNVERIFIED_CODE  # seen by the form's first validation
    return [SlotSet("otp_code", forms.UNVERIFIED_CODE), SlotSet("verified_worker", None)]


FORM_VALIDATORS = {
    "wage_arrears_form": forms.ValidateWageArrearsForm, "overtime_form": forms.ValidateOvertimeForm,
    "minimum_wage_form": forms.ValidateMinimumWageForm, "school_form": forms.ValidateSchoolForm,
    "relief_form": forms.ValidateReliefForm,
    "holiday_subsidy_form": forms.ValidateHolidaySubsidyForm,
    "find_station_form": forms.ValidateFindStationForm,
    "ticket_status_form": forms.ValidateTicketStatusForm,
}


def _stays_for_the_holiday(text: str) -> bool:
    """我在上海工地干活今年过年不回老家了 听说有保险 能赔多少: a question about staying for the
    holiday, not about working on it: the Spring Festival overtime rule is no answer to it (the
    holiday flow then says the region's measures, the 2万 cover, first)."""
    return services_named(text) == ["holiday_subsidy"] and not re.search(r"加班|几倍|倍工资", text)


def _asks_a_service_not_the_station(intent: str | None, text: str) -> bool:
    """A place and a service named, but not the station: the service is asked about."""
    named = services_meant(text)
    wanted = named or ([intent] if intent in SERVICE_NAMES else [])
    return bool(wanted) and "find_station" not in wanted


# the union asked to act on the worker's own matter: 能帮我盯着点不 / 你们能帮我找人吗 / 帮我要
_ASKS_OUR_HELP = re.compile(r"(?:你们|工会|能不能|能|可以)\S{0,6}?(?:帮我|帮俺|帮忙|帮着|替我|给我)\S{0,4}?"
                            r"(?:盯|管|问|找|要|讨|联系|出面|处理|登记|办|弄|协调)|帮我(?:登记|要回|讨回|找人|盯着)")
# 怎么申请 / 怎么赔 / 去哪报名 / 在哪里办 (L-3): the worker asks how to get it, not only how much
_ASKS_HOW = re.compile(r"怎么(?:申请|赔|理赔|办|报名|参加|加入|领|弄)|如何(?:申请|理赔|办理|参加)|"
                       r"(?:去|在|到)哪(?:里|儿)?(?:申请|报名|办|领|参加)|找谁(?:申请|办|报)")


def legal_not_wages(intent: str | None, text: str, words: str = "") -> str | None:
    """把腿整折了 包工头不给报 / 试用期6个月 试用期工资1800 合法吗 (V-09): read as unpaid wages,
    but a labour-law matter with no wage owed — legal aid, also after a figure was answered.
    ``words``: the messages before (那医药费呢 都是俺自己垫的 after 俺受工伤在家歇了俩月了, n2-14)."""
    named = services_meant(text)
    if intent == "wage_arrears" and "wage_arrears" not in named and (
            INJURY.search(text) or named == ["legal_aid"] or dismissal_not_arrears(text)):
        return "legal_aid"
    if intent == "relief_eligibility" and "relief_eligibility" not in named and (
            INJURY.search(text) or (re.search(r"医药费|医疗费|药费|住院费|手术费", text) and INJURY.search(words))) \
            and not re.search(r"救助|困难|补助|帮扶|建档|低保", text):
        return "legal_aid"  # 手压了 医药费花了八千多 厂里不给报 (XA-10: a hardship-relief ticket and an SMS code)
    return intent


def overtime_inside_the_pay(tracker: Tracker, text: str) -> bool:
    """扣社保之前是2150 里面还有两百多是加班费 right after the minimum wage (ZW-04: worked out as an
    overtime sum): the pay, less its overtime, to compare with the minimum."""
    return pay_less_overtime(text) is not None and said_this_turn(tracker, "月最低工资", earlier_turns=3)


def pay_to_compare(tracker: Tracker) -> bool:
    """A pay told right after the minimum wage (我一个月才拿1800 正常吗): compared with it,
    whatever the NLU made of the words around the figure."""
    return follows_minimum_wage(tracker) and slots_set_this_turn(tracker).get(
        "monthly_wage") is not None


# 工会的人在哪办公 / 你们工作人员几点上班: the station's card answers these
_ASKS_WHERE_OR_WHEN = re.compile(r"在哪|哪里|哪儿|地址|怎么走|几点|什么时候|时间|电话")


def asks_where_or_when(text: str) -> bool:
    """在哪 / 几点关门 / 电话多少: where a place is or when it is open."""
    return bool(_ASKS_WHERE_OR_WHEN.search(text or ""))


def minimum_as_overtime_base(tracker: Tracker, text: str, intent: str | None) -> tuple[int, str] | None:
    """(the wage, the words naming it) when the worker says their wage is the minimum wage in an
    overtime question — said with the overtime, or to the overtime form's wage question (None:
    not that; 最低工资是多少 asks the minimum wage itself)."""
    overtime = intent == "overtime_pay" or bool(_OVERTIME_SAID.search(text)) \
        or tracker.get_slot("interrupted_form") == "overtime_form" or last_flow(tracker) == "overtime_form"
    if not overtime or text.startswith("/") or tracker.get_slot("monthly_wage"):
        return None
    return minimum_wage_as_wage(text, *location(tracker))


OWN_CASE_ASK = "要不要我再帮您看看您自己的情况？"
OWN_CASE_BUTTON = "看看我的情况"


# 你们能干啥 / 你能做什么 / 有什么功能: the worker asks what the assistant does. The NLU reads
# these as out of scope or not at all; the answer is the menu the greeting shows.
_WHAT_CAN_YOU_DO = re.compile(r"(?:你|你们|您|这里|这儿|这个)\S{0,3}(?:能|可以|会)\S{0,2}"
                              r"(?:干|做|办|帮)\S{0,2}(?:啥|什么|哪些)"
                              r"|有(?:啥|什么|哪些)(?:功能|服务|业务)|能帮(?:我|忙)?(?:干|做|办)?(?:啥|什么)|怎么用")


def asks_what_i_can_do(text: str) -> bool:
    return bool(_WHAT_CAN_YOU_DO.search(text or "")) and len(text) <= 30


def own_case_offered(tracker: Tracker) -> str | None:
    """The service of 要不要我再帮您看看您自己的情况 if the bot's replies to the message before
    this one offered it (its 看看我的情况 button), else None."""
    users = 0
    for event in reversed(tracker.events):
        users += event.get("event") == "user"
        if users > 1:  # only the replies to the message before this one
            break
        buttons = (event.get("data") or {}).get("buttons") or [] if event.get("event") == "bot" else []
        for button in buttons:
            if button.get("title") == OWN_CASE_BUTTON:
                payload = str(button.get("payload") or "").lstrip("/")
                return payload if payload in SERVICE_NAMES else None
    return None


def _overtime_facts(tracker: Tracker) -> dict[str, Any]:
    """The facts of the overtime just summed: the parked overtime case's, else the wage as said
    and the days held."""
    case = tracker.get_slot("pending_case") or {}
    facts = case.get("facts") if case.get("type") == "overtime_pay" else None
    if not facts:
        fact, wage = wage_as_said(tracker.get_slot("monthly_wage"), tracker.get_slot("wage_basis"))
        facts = {fact: wage, "overtime_days": tracker.get_slot("overtime_days")}
    return dict(facts)


def overtime_total(tracker: Tracker, text: str) -> str | None:
    """那一共该给多少钱 after an overtime sum (YW-2: the menu): the total with its parts, on the
    case's facts (the days added since included)."""
    if not said_this_turn(tracker, TOTAL_LABEL, earlier_turns=3):
        return None
    facts = _overtime_facts(tracker)
    return total_reply(text, {**facts, "words": recent_words(tracker, limit=6)})  # 底薪3000 到手5000 told before


_TIME_OFF = re.compile(r"调休|补休|倒休|轮休|串休")
# 到年底也不给 / 要是不让休 / 一直没兑现 / 黄了: the time off promised, not given (now or in the end)
_NOT_GIVEN = re.compile(r"不给|没给|不让|没让|不批|不兑现|没兑现|不算数|不作数|不认|赖账|赖掉|黄了|泡汤|没影|没下文|"
                        r"不安排|没安排|没休成|休不了|休不成")


def time_off_unpaid_reply(tracker: Tracker, text: str) -> str | None:
    """那调休的两天要是老板到年底也不给 咋整 after a sum that took time off in lieu off the rest days
    (K8: the generic comp-time text, then 是哪家单位欠的 — a wage form): the rest days given off are then
    owed at 200 % — their figure and the total (the calculator's, on the case's facts); where to go
    follows (utter_overtime_next). None for any other message, for a correction of the time off
    (不对 是给调休了一天 另外三天没给: summed again, :func:`days_changed_after_figure`), or when the sum
    took no time off."""
    if tracker.active_loop_name or not _TIME_OFF.search(text) or not _NOT_GIVEN.search(text) \
            or v.is_correction(text) or not said_this_turn(tracker, TOTAL_LABEL, earlier_turns=3):
        return None
    facts = _overtime_facts(tracker)
    before = str(facts.get("overtime_days") or "")
    if added_days(before, text) not in (None, before):
        return None  # (days or time off told anew: the sum is done again)
    pay, worked = case_overtime(facts), read_worked_days(before)
    if pay is None or not worked.comp_days:
        return None
    rest = worked.rest_worked + sum((d.part for d in pay.days if d.kind == DayKind.REST), Decimal(0))
    days = min(Decimal(worked.comp_days), rest)  # (time off offsets rest days only, as the sum took it)
    full = worked_pay(pay.monthly_wage, replace(worked, comp_days=0), pay.basis)
    if days <= 0 or full.total <= pay.total:
        return None
    working = overtime_pay(pay.monthly_wage, rest_days=int(days), basis=pay.basis).lines[0].working \
        if days == int(days) else ""
    return (f"单位说给的调休（补休）{days:g} 天，到时候要是没给，这 {days:g} 天休息日加班就不能拿调休抵了，"
            f"得按 200% 付加班费" + (f"：\n{working}\n" if working else "。") +
            f"加上前面算的 {pay.total:,.2f} 元，一共依法应付加班工资不少于 {full.total:,.2f} 元。"
            "（来源：《中华人民共和国劳动法》第四十四条：休息日安排劳动者工作又不能安排补休的，"
            "支付不低于工资的百分之二百的工资报酬）")


# 城阳这边找谁帮忙 / 城阳有工会的站吗, said with a question about the worker's own case
_STATION_ASKED = re.compile(r"(?:工会|服务)?的?(?:站|工作站|服务站)(?:吗|不|没|在哪|呢)|找谁帮忙|找哪个站|去哪找工会")


async def station_asked_too(tracker: Tracker, text: str) -> str | None:
    """The card of the station of the place the worker told, when the message also asks it
    (None: not asked, no place, or the backend cannot say)."""
    city, district = location(tracker)
    if not _STATION_ASKED.search(text or "") or not (city or district):
        return None
    try:
        found = await client().resolve(city, district)
    except Exception:  # the sum is the answer; the card is a bonus
        return None
    station = found.get("station")
    if not station:
        return None
    note = wider_station_note(found.get("path"), station)
    return f"{asked_time_line(station, text)}离您最近的工会网格工作站是：\n{note}{station_text(station)}"


def divisor_reply(tracker: Tracker, text: str) -> str | None:
    """为啥除21.75 right after the overtime sum (YU-14: the generic menu): why the month is
    21.75 pay days — asked anywhere when 21.75 is named, else only within a few turns of a sum."""
    if not ("21.75" in text or said_this_turn(tracker, TOTAL_LABEL, earlier_turns=3)):
        return None
    return explain_divisor(text)


# words of a matter this hotline handles: a question with them is never 这个我查不了 (XA-12: 啥啊 我问的是
# 欠我那3000块的事)
_HOTLINE_MATTER = re.compile(r"钱|工资|工钱|欠|扣|加班|补贴|补助|孩子|上学|工会|工单|单子|合同|社保|工伤|仲裁|律师|"
                             r"救助|困难|托管|培训|电话|站|有人|人工")
NOT_MINE = "不好意思，这个我查不了。我是工会的职工服务助手，能帮您办这些事，点一下就行："


# 打电话也没用 / 说了也白说 / 有啥用: hopelessness, no question, whatever words read as one
_HOPELESS = re.compile(r"打电话\S{0,3}(?:没用|有啥用|有什么用)|说了也白说|白说|有啥用|有什么用|没用的?|管啥用")


# The services about money owed or due: the worker's money after a crisis reply stays one of them
_MONEY_SERVICES = frozenset({"wage_arrears", "overtime_pay", "minimum_wage"})


async def later_question_answered(tracker: Tracker, text: str, service: str) -> list[str]:
    """The second service of a message asked as a question the records answer (…加班费应该拿多少？
    另外工会有没有留岗补贴, T-6 of session 22): its answer, said in the same reply as the first
    service's, rather than put off with 办完再帮您看 and offered as 现在帮您看看吗. [] when the
    service is told as a case (孩子上学的事也想问问 asks nothing a record answers) or none is on record."""
    if text.startswith("/") or service not in POLICY_SERVICES | {"holiday_subsidy"}:
        return []
    for part in clauses(text):
        if is_question(part) and service in services_meant(part) \
                and (lines := await answer_of_part(tracker, part)):
            return lines
    return []


def wants_a_person_only(intent: str | None, text: str) -> bool:
    """我想找个工会的人聊聊: a wish for a person and no service named; the NLU's guess of a
    service (often find_station, 工会) does not win over it."""
    return (intent in ROUTED_INTENTS | {"find_station"} and not text.startswith("/")
            and asks_for_a_person(text) and not services_meant(text)
            and not _ASKS_WHERE_OR_WHEN.search(text))


def _interrupted_service(tracker: Tracker) -> str | None:
    """The service whose form stepped aside for this message (None: no form did)."""
    form = tracker.get_slot("interrupted_form")
    return next((service for service, name in SERVICE_FORMS.items() if name == form), None)


def wrong_ticket_id(text: str) -> str | None:
    """What is wrong with a ticket number said with digits missing or extra (None: none said,
    or a right one)."""
    if (digits := misread_ticket_digits(text)) is None:
        return None
    return (f"您给的 GH{digits} 是 {len(digits)} 位数字，工单号是 GH 加 12 位数字（8 位日期 + 4 位序号，"
            "例如 GH202611180023），请再核对一下。")


CRISIS_CASE_KEPT = ("有用的：工作人员回电时，会把您说的事一起接着办，您说过的我都记在回电工单上了。"
                    "这之前心里难受，随时打 12356 或 400-161-9995，24 小时有人接；我也一直在这儿。")
_WHEN_OPEN = re.compile(r"几点上班|几点开门|几点有人|什么时候上班|啥时候上班|什么时候有人|啥时候有人|"
                        r"明天\S{0,4}(?:上班|开门|有人)")
_OPENS_AT = re.compile(r"(\d{1,2}月\d{1,2}日（周.）\s*\d{1,2}:\d{2})\s*上班|"
                       r"(?:一上班（|下次上班是)(\d{1,2}月\d{1,2}日（周.）\d{1,2}:\d{2})")
_STATION_NAMED = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:社区|街道))工会网格(?:化)?工作(?:总)?站")
_WHERE_OR_WHEN = re.compile(r"在哪|哪里|哪儿|地址|怎么走|几点|开门|关门|时间|电话|号码|怎么联系")


async def named_station_card(found: list[dict], text: str) -> str | None:
    """The card of the station an answer names (沂河路社区 for the 托管驿站), when the worker
    asked where it is or when it opens; None otherwise."""
    if not _WHERE_OR_WHEN.search(text) or any(f.get("kind") == "station" for f in found):
        return None
    named = next((m for f in found if (m := _STATION_NAMED.search(str(f.get("answer") or "")))), None)
    if not named:
        return None
    try:
        station = (await client().resolve(None, named.group(1))).get("station")
    except (BackendError, BackendUnavailable):
        return None
    return asked_time_line(station, text) + "工会网格工作站：" + station_text(station) if station else None


_DEDUCTED = re.compile(r"扣(?:了|掉|我|俺|俺们|我们)*\S{0,3}?(?:\d|[一二两三四五六七八九十百千半])|"
                       r"罚(?:了|款)|扣钱|扣工资")


# what an overtime question says (the model also reads 下午要上班 as one)
_OVERTIME_KIND = (r"加班|加点|倍|节|假|周末|周六|周日|礼拜|星期|双休|休息日|值班|小时|钟头|夜班|通宵|"
                  r"初[一二三四五六七八九十]|除夕|年三十|过年|春节|国庆|五一|元旦|端午|中秋|清明")
_OVERTIME_SAID = re.compile(_OVERTIME_KIND + r"|\d+\s*天|[一二两三四五六七八九十]\s*天")
# 一天300 上了52天 老板一分没给 (m-6: 算加班费): days worked and nothing paid, no overtime said
_NOTHING_PAID = re.compile(r"(?:一分|分文|一毛)(?:钱)?(?:都|也)?没|(?:没|不)(?:给|发|结|付)(?:钱|工资|工钱)?|"
                           r"没拿到|欠(?:我|俺|了)|拖欠")


def _overtime_days_told(text: str) -> bool:
    """The message tells days or hours of overtime (the cheap word check first)."""
    return bool(_OVERTIME_SAID.search(text)) and bool(read_worked_days(text))


def overtime_told_not_owed(text: str) -> bool:
    """Days of overtime told, and nothing said to be owed or docked: an overtime question the
    model read as wage arrears (周六周天都干 月工资五千 上个月干了四个周六)."""
    return _overtime_days_told(text) and not _OWED.search(text)


def overtime_sum_told(tracker: Tracker, text: str) -> bool:
    """The message gives days of overtime and the wage is known: the sum can be done."""
    return bool(tracker.get_slot("monthly_wage") or slots_set_this_turn(tracker).get("monthly_wage")) \
        and _overtime_days_told(text)


# a day or an hour said (18点到那 有人吗 / 礼拜天开不开): a question about a card's hours, not a person wanted
_TIME_SAID = re.compile(r"\d{1,2}\s*点|[一二两三四五六七八九十]{1,3}点|周[一二三四五六日天末]|礼拜|星期")


_LEFT_OUT = re.compile(r"没算|漏了|漏算|没加上|没算上|没算进|没算到|少算")


def deducted_only(text: str) -> bool:
    """扣了俺五百块 / 迟到罚款: money docked from the pay, and no pay said to be owed (the owed
    words of ``_OWED`` above, less the docking ones; a second ``_OWED`` here had replaced the
    shared one for the whole module)."""
    owed = re.sub(r"不是欠|克扣|扣|少给|少发", "", text or "")
    return bool(_DEDUCTED.search(text or "")) and not _OWED.search(owed)


# 加班费一分没给 / 加班费不给 / 加班钱没发: the overtime owed, no second topic of wages owed (VK-2)
_OVERTIME_UNPAID = re.compile(r"加班(?:费|钱|工资)\S{0,3}?(?:一分|一分钱|一毛)?(?:都|也)?(?:没|不)(?:给|发|结)")
# 帮我算算 / 算一下 / 该给多少 / 能拿多少: a sum asked of the first service's flow
_CALCULATION_ASKED = re.compile(r"算算|算一下|算一算|帮我算|给算|(?:应该|该|能)(?:给|拿)多少|给多少")
# 另一个老板 / 还有一家 / 再登记一个: a second case of the same kind, not a question about the one filed
_ANOTHER_CASE = re.compile(r"另(?:一|外一)?(?:个|家|份)|还有一(?:个|家)|再(?:登记|报|办)一(?:个|件|张)|换了?(?:个|家)")


def _another_case(tracker: Tracker, text: str) -> bool:
    """The message tells a second case (another employer named, 另一个老板) rather than asking about the
    case just filed."""
    return bool(_ANOTHER_CASE.search(text)) or bool(slots_set_this_turn(tracker).get("employer"))


def _filed_for(service: str, tracker: Tracker, last: int) -> str | None:
    """The ticket this conversation filed for ``service`` within its ``last`` events (a
    policy service's sign-up is filed as an ``other`` ticket)."""
    kind, filed = filed_type(tracker), ticket_filed_here(tracker, last=last)
    if not kind or not filed:
        return None
    if kind == "other":  # 事项：职工子女爱心托管报名 — the service the sign-up names
        lines = filed_summary(tracker, filed)[0] or []
        return filed if any(line.startswith("· 事项") and service in services_named(line)
                            for line in lines) else None
    return filed if kind == service or CASE_FLOWS.get(kind) == SERVICE_FORMS.get(service) else None


class ActionStartService(SafeAction):
    """A service request: fact answer first; else the flow, with what was said kept."""

    def name(self) -> str:
        return "action_start_service"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        events = await self._answer(dispatcher, tracker, domain)
        # 那托管收钱不 早上几点能送过去 / …这样合法吗？附近有没有工会站 (VB-2, VB-4, VB-16): the other
        # question of the message, when the reply left it unanswered
        return events + await answer_the_rest(dispatcher, tracker, events)

    async def _answer(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                      domain: dict[str, Any]) -> list[dict[str, Any]]:
        latest = tracker.latest_message or {}
        text = latest.get("text") or ""
        intent = (latest.get("intent") or {}).get("name")
        if pay_to_compare(tracker) or overtime_inside_the_pay(tracker, text):
            intent = "minimum_wage"  # 我一个月才拿1800 正常吗: compared with the figure just told
        if intent == "holiday_subsidy" and promised_by_the_holiday(text):
            intent = "legal_aid"  # 他们说过年后给 这样还算时效吗 (YT-16: 留下过年还是回家, three times)
        intent = holiday_read_for_pay(tracker, intent, text)
        intent = holiday_not_asked(tracker, intent, text)
        if intent == "holiday_subsidy" and not text.startswith("/") and disowns_holiday_subsidy(text):
            # 我冇問過年補貼…我問嘅係學技術 (VF-3: the subsidy form started): the service asked instead
            intent = service_instead_of_subsidy(text) or "nlu_fallback"
        if (intent == "wage_arrears" or intent not in SERVICE_NAMES) and not text.startswith("/") \
                and dismissal_not_arrears(text, recent_words(tracker, limit=3)):
            intent = "legal_aid"  # 不是欠钱 是把俺开除了 (XZ-7: 是哪家单位欠的, then 一共欠了多少钱 ×4)
        if intent == "relief_eligibility":
            # a work injury's costs, not hardship relief (XA-10, n2-14)
            intent = legal_not_wages(intent, text, recent_words(tracker, limit=4))
        if intent == "ticket_status" and not text.startswith("/") and not v.ticket_id(text).ok \
                and (not _ASKS_PROGRESS.search(text) or _NO_TICKET.search(text)):
            # 不对 我记错了 是两个月前 十月份的事 right after the injury answer (YX-11: 请告诉我工单号
            # three times): no ticket in it — the worker's own case, as the offer's button would
            intent = own_case_offered(tracker) or "inform"
        if is_crisis(text) and not safe_again(tracker, text):
            return [FollowupAction("action_psych_support")]  # 工资要不回来…不想活了: hotlines and a person
        if (asked_after := case_question_after_crisis(tracker, text)) is not None:
            # 那你先告诉我 活干完了让走人 到底有没有补偿 soon after the crisis reply (XZ-14: the listening
            # line three times): answered, the numbers kept in one line
            if (line := crisis_money_line(tracker, dispatcher)) is not None:
                dispatcher.utter_message(text=line)  # (VL-16: once, not again in the same or the next reply)
            return await self._start(asked_after, dispatcher, tracker, domain)
        if intent == "psych_support" and safe_again(tracker, text):
            # 我没事了 就是一时想不开 那扣的两千块能要回来吗 (XA-11), checked on: the matter it asks
            intent = next(iter(services_meant(text)), None) or ("wage_arrears" if _OWED.search(text) else None)
        if not text.startswith("/") and (care := await winter_care_reply(tracker)) is not None:
            dispatcher.utter_message(text=care)  # 西安环卫工冬天工会给不给发棉衣 (VJ-10: the holiday form, then 谁欠的)
            return []
        lines_said = False  # the crisis lines said with the money line (not again a line later)
        if asks_what_i_can_do(text) and not services_named(text) and not text.startswith("/"):
            dispatcher.utter_message(response="utter_greet")  # 你们工会都能干啥 (XB-16: 您在哪个城市)
            return []
        if (same := same_station_reply(tracker)) is not None:
            dispatcher.utter_message(text=same)  # 沂河路社区那个跟这个是一个吗 / 我该去哪个 (VB-10: a 托管 offer)
            return []
        if (hours := await place_for_the_hours(tracker)) is not None:
            dispatcher.utter_message(text=hours)  # 黄岛区辛安街道 after 告诉我您在哪个区 (YW-14: the menu)
            return []
        if (total := overtime_total(tracker, text)) is not None:
            dispatcher.utter_message(text=total)  # 那一共该给多少钱 after the sum (YW-2: the menu)
            return []
        if (unpaid := time_off_unpaid_reply(tracker, text)) is not None:
            dispatcher.utter_message(text=unpaid)  # 那调休的两天要是老板到年底也不给 咋整 (K8: a wage form)
            dispatcher.utter_message(response="utter_overtime_next")
            return []
        times_said = False
        if not tracker.active_loop_name and (times := month_times_reply(tracker)) is not None:
            # 那仨月一共该退俺多少钱 after 每个月都扣俺五百 (VM-10: 欠您的一共 500 元) / 俺三个月都这么干的 那一共多少
            # (VM-3: 3,250 again): the month's figure times the months; the message's other questions after it
            dispatcher.utter_message(text=times)
            if not await asked_facts(tracker):
                return []
            times_said = True
        if (crew := crew_total_reply(tracker)) is not None:
            dispatcher.utter_message(text=crew)  # 那我们十二个人一共被欠多少钱 大家都是八千一个月 (VI-1)
            return []
        if not times_said and (not tracker.active_loop_name
                               or tracker.get_slot("interrupted_form") == tracker.active_loop_name) \
                and (owed := owed_total_reply(tracker)) is not None:
            # (海晟机械 在黄岛薛家岛那边 一共该给我多少 while the wage form stepped aside — XY-11: the menu)
            dispatcher.utter_message(text=owed)  # 那隆祥一共欠我们多少 after the wage ticket (XQ-9: the menu)
            return []
        if (why := divisor_reply(tracker, text)) is not None:
            dispatcher.utter_message(text=why)  # 为啥除21.75 after the sum (YU-14: the menu)
            return []
        if (base := minimum_as_overtime_base(tracker, text, intent)) is not None:
            # 我工资就是最低工资 每天加班两小时 (YS-04: the minimum wage's answer, the sum never
            # done): the place's minimum wage is the wage the overtime is summed on
            elsewhere = "" if any(location(tracker)) else "您不在青岛的话，告诉我您在哪个城市，我按那里的标准重算。"
            dispatcher.utter_message(text=f"您的月工资{base[1]}。{elsewhere}")
            tracker.slots["monthly_wage"] = base[0]
            return [SlotSet("monthly_wage", base[0])] + await self._start("overtime_pay", dispatcher, tracker, domain)
        if (room := await face_to_face_reply(tracker)) is not None:
            dispatcher.utter_message(text=room)  # 有没有不打电话 能当面聊聊的地方 (XJ-16: not answered)
            return []
        if listening := listening_reply(tracker, text):
            dispatcher.utter_message(text=listening)  # 不想打电话 跟你说说行不 (ZF-12)
            return []
        if waiting := queued_wait_reply(tracker, text):
            dispatcher.utter_message(text=waiting)  # 还要等多久 while queued (YN-11: 请告诉我工单号)
            return []
        if queued_phone_left(tracker):
            # 那留个电话吧 15192837465 下午两点以后打 我是问夜班加班没签合同的事, while queued (YN-12:
            # the overtime form, the call never filed): the callback, with what it is about
            service = next(iter(services_meant(text)), None)
            return await callback_while_queued(dispatcher, tracker, "worker_request", service)
        if check := crisis_check_in(tracker, text):
            dispatcher.utter_message(text=check)  # 开玩笑的 说正事 … (ZD-11), then the matter
        elif not tracker.active_loop_name and (money_after_crisis(tracker, text) or (
                crisis_answered(tracker, earlier_turns=6) and not is_crisis(text) and owed_sum_told(
                    text, slots_set_this_turn(tracker), recent_words(tracker, limit=3)))):
            # 说了也没用 打电话有啥用 钱也要不回来 (YN-14: straight to 是哪家单位欠的): the lines first
            if (line := crisis_money_line(tracker, dispatcher)) is not None:
                dispatcher.utter_message(text=line)  # (VL-16: said three times across two replies)
            lines_said = True
            if intent not in _MONEY_SERVICES and "legal_aid" not in services_meant(text):
                intent = "wage_arrears"  # 就是钱的事 老板说年后再给: the pay owed, not a holiday
        if wants_to_talk(text):
            # 家里老人又病了 能找个人聊聊吗 / 我不是要补助 我是想找个心理老师聊聊 (P-18): someone
            # to listen, not the relief form; asked here (no rule follows a follow-up action)
            return await ActionPsychSupport().act(dispatcher, tracker, domain)
        if not insists_on_a_person(text) and not services_meant(text) and not staff_hours_said(tracker) \
                and not withdraws_the_handoff(tracker, text) and (when := await staff_hours_for_place(tracker, text)):
            if (pay := overtime_beside_a_question(tracker)) is not None:
                # 国庆七天全上了 月薪4785 给多少 你们有没有人工啊 晚上有人吗 (VE-16: the 3,740 only when asked again)
                dispatcher.utter_message(text=pay)
            dispatcher.utter_message(text=when)  # 我住在辛安街道 你们那边周末有人不 (YU-16: queued)
            return []
        if _TIME_SAID.search(text) and not insists_on_a_person(text) \
                and (hours := station_detail_reply(tracker)) is not None:
            # 18点到那 有人吗 after the station's card (XJ-12: queued for a person): yes or no
            dispatcher.utter_message(text=await station_hours_at_place(tracker) or hours)
            return []
        if place_for_the_person(tracker):
            # 黄岛辛安街道 right after 告诉我您在哪…我马上查，有人就直接帮您转 (XH-10: the menu); 有人吗 我在黄岛
            # … 经理扣我押金不退 (VD-11, VD-15: the case answered, the person never followed up): the person
            # first, and a question told with the place answered after it (answer_the_rest)
            handed = await request_handoff(dispatcher, tracker, "worker_request")
            return handed if services_meant(text) or is_question(text) else handed + [FollowupAction("action_listen")]
        if wants_a_person_only(intent, text):
            # 我想找个工会的人聊聊, read as find_station: a person, not the station's card
            return await request_handoff(dispatcher, tracker, "worker_request") + [
                FollowupAction("action_listen")]
        if insists_on_a_person(text) and not text.startswith("/"):
            # 别跟我机器人说了 我要找真人 老板欠我工资: the person first; the case told is kept.
            # Asked here, not as a follow-up action: no rule follows the handoff after a
            # service intent, and the policies' guess was the error reply (K-22)
            return await request_handoff(dispatcher, tracker, "worker_request") + [
                FollowupAction("action_listen")]
        if (challenged := closed_challenged_reply(tracker, text)) is not None:
            dispatcher.utter_message(text=challenged)  # 怎么不在服务时间 (YT-11: the menu)
            return []
        if withdraws_the_handoff(tracker, text):
            await withdraw_handoff(dispatcher, tracker)  # 我就问问 不用转人 那个站几点开门 (YR-08)
            if not (services_meant(text) or is_question(text) or intent in SERVICE_NAMES or v.ticket_id(text).ok):
                return []
        if (back := await take_back(dispatcher, tracker, domain, intent)) is not None:
            return back  # 还是办吧 right after 算了不办了 (YR-15, YQ-14: every fact asked again)
        if (when := when_called_reply(tracker)) is not None and not insists_on_a_person(text):
            dispatcher.utter_message(text=when)  # 那学校那边啥时候能给信儿 after a card (XH-1: its hours, twice)
            return []
        if (where := station_detail_reply(tracker)) is not None:
            dispatcher.utter_message(text=where)  # 具体在哪啊 after a station card (V-11)
            return []
        if (start := double_wage_from(text, recent_words(tracker, limit=6))) is not None:
            # 双倍从哪天开始算 我是十月八号进的厂 (ZR-16: read as overtime, the wage form asked on)
            dispatcher.utter_message(text=start)
            if tracker.active_loop_name or tracker.get_slot("interrupted_form") or "几月几号" in start:
                return []
            return offer_ticket("legal_aid", legal_case(tracker))
        if intent == "overtime_pay" and not text.startswith("/") and not _OVERTIME_SAID.search(text) \
                and not read_worked_days(text) \
                and last_flow(tracker) != "overtime_form" and "monthly_wage" not in slots_set_this_turn(tracker):
            intent = None  # 明天上午打给我 下午要上班 (ZR-11: the overtime form after the callback)
        if intent == "overtime_pay" and _NOTHING_PAID.search(text) and not re.search(_OVERTIME_KIND + "|补休|调休|倒休",
                                                                                         text):
            intent = "wage_arrears"  # 一天300 上了52天 老板一分没给 一共该给我多少 (m-6: 算加班费)
        if intent == "wage_arrears" and overtime_told_not_owed(text):
            intent = "overtime_pay"  # 周六周天都干 月工资五千 上个月干了四个周六 (L7: 是哪家单位欠的？)
        if intent in SERVICE_NAMES and intent != asked_before(tracker) and v.is_correction(text) \
                and (again := place_follow_up(tracker, text)) is not None:
            intent = again  # 不对 俺在镇江 刚才说错了 after the mutual cover (YN-04: the wage form, looped)
        if _WHEN_OPEN.search(text) and (opens := bot_said(tracker, _OPENS_AT, earlier_turns=2)):
            # 所以明天早上几点上班 right after 不在服务时间 (ZH-10: read as overtime, the wage asked)
            dispatcher.utter_message(text=f"工作站{opens.group(1) or opens.group(2)}上班，到时候工作人员会联系您；"
                                          "着急的事现在就可以打职工服务热线 12351。")
            return []
        if (noted := await note_on_ticket(dispatcher, tracker)) is not None:
            # 那我社保交了两年这个写上了吗？报名是几月份？ (VJ-1: noted, the month never answered): each
            # question beside the note answered from its own words
            said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
            for part in note_parts(text)[1]:
                for line in await answer_of_part(tracker, part):
                    if line not in said:
                        dispatcher.utter_message(text=line)
                        said += "\n" + line
            return noted  # 能催一下不 开学就来不及了 after a ticket's status (JJ-13: a school form)
        for aside in await filed_ticket_asides(tracker):
            dispatcher.utter_message(text=aside)  # …还有周六下午打电话你记上了没 / 这个工单里有…吗 (XP-13, XP-15)
        if not tracker.active_loop_name and (promise := promise_told_line(text, recent_words(tracker, limit=8))):
            dispatcher.utter_message(text=promise)  # 他上个月还回我说过了年就给 (XE-14: the menu)
            return []
        if not tracker.active_loop_name and (fixed := fixed_number_lookup(dispatcher, tracker)) is not None:
            return fixed  # 哦 是0014 right after GH20261208001 was said misread (VL-15: the generic menu)
        if not tracker.active_loop_name and (wrong := wrong_ticket_id(text)) and intent != "ticket_status":
            dispatcher.utter_message(text=wrong)  # 那GH20261207001咋样了 (XJ-14: the menu)
            return []
        if (short := shortfall_reply(tracker)) is not None:
            dispatcher.utter_message(text=short)  # 差的那200 能要回来几个月的 (GG-03)
            return shortfall_events(tracker)  # (YW-4: the case filed with five months' whole pay)
        if (handles := ticket_station_reply(tracker)) is not None:
            dispatcher.utter_message(text=handles)  # 分给哪个站了 after a ticket's status (HH-15)
            return []
        if (fixed := await correct_filed_phone(dispatcher, tracker)) is not None:
            return fixed  # 电话说错了 是139… right after filing: the ticket's phone changed
        if (retry := await lookup_retry(dispatcher, tracker, domain)) is not None:
            return retry  # 手机号说错了 是139… after a ticket was not found: looked up again
        if (said_id := v.ticket_id(text)).ok and intent != "ticket_status" and _ASKS_PROGRESS.search(text):
            # 我前两天登记了个孩子上学的单子 号是gh 2026 1206 0001 现在到哪一步了 (FF-12: a new
            # school case was started): the ticket named is looked up
            tracker.slots["ticket_id"] = said_id.value
            return [SlotSet("ticket_id", said_id.value)] + await self._start(
                "ticket_status", dispatcher, tracker, domain)
        if not text.startswith("/") and (in_kind := await in_kind_pay_reply(tracker)):
            dispatcher.utter_message(text=in_kind)  # 包吃包住算不算在最低工资里 (XQ-6): then the flow goes on
        if isinstance(tracker.get_slot("callback_pending"), dict) and slots_set_this_turn(tracker).get("phone") \
                and crisis_answered(tracker, earlier_turns=3) \
                and (callback_now := await file_waiting_callback(dispatcher, tracker, offer=False)) is not None:
            # 13176540298 我没事 … 腰伤这事咋办 right after the crisis reply's 请留下手机号 (VB-13: a legal-aid
            # offer on that phone, the callback only when he asked): the callback filed now, the question answered
            return callback_now
        if (sums := sums_for(tracker)) and not await asked_facts(tracker):
            # 那我能拿多少 after 没签合同 干了八个月 (rounds 8–9 got the legal-aid text again):
            # the sum on the worker's own figures, then the case offered to a person
            if card := await station_asked_too(tracker, text):
                sums = [*sums, card]  # …能要补偿不？城阳这边找谁帮忙 (XD-13: the station ignored twice)
            return self._worked_out(sums, dispatcher, tracker)
        # 13645321234 after "请留下手机号": the promised callback is filed, not a menu; a
        # service asked for in the same message is then started as usual
        asks = intent in SERVICE_NAMES or service_from_facts(slots_set_this_turn(tracker),
                                                             text) is not None
        callback = await file_waiting_callback(dispatcher, tracker, offer=not asks)
        if callback is not None and not asks:
            return callback
        if callback is not None and not services_named(text) and crisis_answered(tracker, earlier_turns=3):
            # 13853201234 黄岛区 打电话有啥用 钱要不回来 after the crisis reply (ZM-15: a Spring
            # Festival subsidy form, read from the model's guess): the person stays with them, and
            # the case they told goes with the callback
            dispatcher.utter_message(text=CRISIS_CASE_KEPT)
            return callback
        asked = _PHONE_REFUSED.sub("", text)  # (不想留电话 asks nothing: 电话 reads as a question)
        asked = _HOPELESS.sub("", asked)  # (打电话也没用 说了也白说 asks nothing either — XF-15: 是哪家单位欠的？)
        if not lines_said and not services_meant(text) and stays_with_person(
                tracker, text, is_question(asked) or wants_registration(text)):
            # 打了也没用 我在胶州工地上摔的 老板说是我自己不小心 right after the crisis reply
            # (PP-14: the wage form asked which employer): the person stays with them; also
            # when the phone was declined (不想留电话 没人管我, ZT-15: a childcare answer)
            dispatcher.utter_message(text=DANGER_NOW_LINE if in_danger_now(text) else
                                     CRISIS_NO_PHONE if _PHONE_REFUSED.search(text) else CRISIS_STILL_HERE)
            return callback or []
        if asks_help_not_medical(text) and not tracker.active_loop_name:
            return (callback or []) + await help_not_medical(dispatcher, tracker)  # 交学费 (YT-14)
        if intent not in ("minimum_wage", "overtime_pay") and not tracker.active_loop_name \
                and minimum_wage_asked(text) and not slots_set_this_turn(tracker).get("monthly_wage") \
                and (line := await minimum_wage_answer(tracker)):
            dispatcher.utter_message(text=line)  # 最底工资你还没说呢 (XI-15: the arrears form)
            return callback or []
        if await say_who_we_are(dispatcher, tracker):
            return callback or []  # 你们是哪个工会的 (XV-3: a station card, or 没太明白)
        if intent == "ticket_status" and asks_lookup_by_phone(text) and not tracker.active_loop_name:
            # 能用手机号查我所有的单子不 (XH-12: 请告诉我工单号 again): no, and who can
            dispatcher.utter_message(text=BY_PHONE_TEXT, buttons=[{"title": "转人工", "payload": "/request_human"},
                                                                  {"title": "先不查了", "payload": "/deny"}])
            return callback or []
        if intent == "ticket_status" and (wrong := wrong_ticket_id(text)):
            dispatcher.utter_message(text=wrong)  # GH2026111800 (ZD-13: 请告诉我工单号, as if none)
        if (intent == "wage_arrears" or days_worked_asked(tracker)) \
                and (owed := owed_sum_reply(tracker, slots_set_this_turn(tracker))):
            dispatcher.utter_message(text=owed)  # 干了一个半月 说好一个月三千五 能要回多少 (XE-7)
        return (callback or []) + await self._route(dispatcher, tracker, domain, intent)

    async def _route(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                     domain: dict[str, Any], intent: str | None) -> list[dict[str, Any]]:
        """The request itself: a fact answer first, else the flow it points at."""
        text = (tracker.latest_message or {}).get("text") or ""
        if not text.startswith("/") and (short := guaranteed_pay_shortfall(text, recent_words(tracker, limit=4))):
            dispatcher.utter_message(text=short)  # 少的那两百能要吗 after 只发了一千八 保底两千 (XO-16: unanswered)
        if not text.startswith("/") and (family := family_cover_line(text, recent_words(tracker, limit=3))):
            dispatcher.utter_message(text=family)  # 我老婆没工作 能不能也参加互助保障 (XN-4)
            return []
        if not services_meant(text) and await answer_in_service_topic(dispatcher, tracker):
            return []  # 咋申请 right after the mutual-insurance answer (HH-04)
        if (days := days_changed_after_figure(tracker)) is not None:
            # 那礼拜六那8个钟呢 咋没算 right after the sum of the hours (ZQ-04: the rest-day rule,
            # no sum), 不对 … 老板说年底再给俺调休两天 (K8: the comp-time rule): the days left out,
            # corrected or given off are taken in and the sum is done again
            tracker.slots["overtime_days"] = days
            return [SlotSet("overtime_days", days)] + await self._start(
                "overtime_pay", dispatcher, tracker, domain, answered=True)
        if not text.startswith("/") and (claim := await accident_claim_reply(tracker)):
            dispatcher.utter_message(text=claim)  # 过年干活摔伤了 找谁报那个意外保障 (XB-5: office hours)
            return []
        if not text.startswith("/") and (when := await course_time_reply(tracker)):
            dispatcher.utter_message(text=when)  # 职工书院晚上有课吗 (XD-16: 福田's courses, 晚上 unanswered)
            return []
        if not text.startswith("/"):
            # (会不会把我开了 is a fear, XE-5: the severance rules were the answer)
            found = without_feared_dismissal(await asked_facts(tracker), text)
            if _stays_for_the_holiday(text) or overtime_sum_told(tracker, text):
                # the overtime rule is no answer to staying, nor to a message that gives the days
                # and the wage (… 没调休呢 月工资五千 上个月干了四个周六, XE-2: the rest-day rule and
                # the arrears offer, no sum): the sum, with the rule's note, is the answer
                found = [f for f in found if not str(f.get("topic") or "").startswith("overtime")]
            if _asks_a_service_not_the_station(intent, text) or wants_registration(text):
                # (帮我登记一下让工会的人管管 我在薛家岛这边, CODE-15: the card, twice)
                # 我住辛安这边 工会有帮着看孩子的地方吗 (L-04, L-18): the service's own answer
                # names its station; the station card alone answered nothing
                found = [f for f in found if f.get("kind") != "station"]
            if found:
                sums = sums_for(tracker)  # 没签合同 干了八个月 能要双倍工资吗
                if says_no_contract_verdict(sums):
                    # 老板一直不跟我签合同 这样合法吗 (XR-8): the verdict holds the record's rule — 不合法 first
                    found = [f for f in found if f.get("topic") != "no_contract_double_wage"]
                    if not found:
                        return self._worked_out(sums, dispatcher, tracker)
                limit_words = recent_words(tracker)
                if demand_denied(limit_words) and any(f.get("topic") == "time_limit_interrupted" for f in found) \
                        and (denied_limit := time_limit_line(text, limit_words)):
                    # 走了一年半 后来也没再找他要 还能申请仲裁不 (VA-11: 算。 — the demand it read was denied)
                    found = [f for f in found if f.get("topic") not in ("time_limit_interrupted",
                                                                         "arbitration_time_limit")]
                    dispatcher.utter_message(text=denied_limit)
                    if not found:
                        return offer_ticket("legal_aid", legal_case(tracker))
                lines = [*(fact_text(f, text) for f in found), *applied_lines(found, recent_words(tracker)),
                         *bonus_left_lines(found, tracker)]  # 那一百块红包能顶吗 还差多少 俺找谁 (VK-13)
                if sums and any(line not in lines for line in sums):
                    # 还有这个月干的十来天工资也没给结 能一起要吗 (YW-6: the two law cards said a
                    # message before came again ahead of the sum): only what was not just said
                    lines = [line for line in lines if not said_this_turn(tracker, line[:40], earlier_turns=2)]
                for line in lines:
                    dispatcher.utter_message(text=line)
                if card := await named_station_card(found, text):
                    dispatcher.utter_message(text=card)  # 沂河路那边的托管驿站 在哪 几点开门 (ZD-02)
                if all(f.get("kind") == "not_on_record" for f in found):
                    return []  # 沈阳最低工资多少 (XO-6: 深圳's form and figure after it): none on record there
                if sums:
                    # (VA-10: 您被辞退大约11个月，还在一年的仲裁时效内… twice — once with its source)
                    sums = [s for s in sums if not any(s.split("\n")[0] in line for line in lines)]
                    return self._named_by_record(found, tracker) + self._worked_out(
                        sums, dispatcher, tracker)
                return self._named_by_record(found, tracker) + await self._after_figure(
                    found, dispatcher, tracker, domain)
        if (days := period_follow_up(tracker) or days_after_figure(tracker)) is not None:
            tracker.slots["overtime_days"] = days  # seen by the form's first validation
            return [SlotSet("overtime_days", days)] + await self._start(
                "overtime_pay", dispatcher, tracker, domain, answered=True)
        if wage_after_overtime_sum(tracker, intent):
            intent = "overtime_pay"  # 月工资6525 right after the sum (GG-09: the arrears form)
        if intent in SERVICE_NAMES and says_not_this(text, intent) and not [
                s for s in services_meant(text) if s != intent and not says_not_this(text, s)
                and not ticket_filed_here(tracker)]:
            # 我没说法律援助啊 就孩子上学这一个事 (JJ-01: the legal-aid flow started, then the
            # school case, already filed, was offered again): that service is not wanted
            if filed := ticket_filed_here(tracker, last=20):
                # 我没问加班费啊 就等人给我回电话 right after the callback (ZR-11): it stands
                dispatcher.utter_message(text=f"好的，不办“{SERVICE_NAMES[intent]}”。您的工单 {filed} 已经登记好了，"
                                              "工作人员会按登记的电话和时间联系您；着急可以打 12351。")
                return [SlotSet("next_service", None)]
            dispatcher.utter_message(text=f"好的，不办“{SERVICE_NAMES[intent]}”。还有别的事随时说。")
            return [SlotSet("next_service", None)]
        service = intent if intent in SERVICE_NAMES else (
            flow_to_redo(tracker) or service_from_facts(slots_set_this_turn(tracker), text))
        named = services_meant(text)
        if (follow := follow_up_service(tracker)) and (service not in named or follow == "childcare_service"):
            # 孩子7岁 二年级 能报吗 咋报 right after the childcare answer (J-03): the sign-up
            # for that service, not the school form the grade would point at
            service = follow
        if intent in SERVICE_FORMS and named and intent not in named and says_not_this(text, intent):
            service = named[0]  # 不是欠工资 是工伤 / 俺都说了没欠钱 就是问合同 (J-10, L-12)
        elif legal_not_wages(intent, text) == "legal_aid":
            service = "legal_aid"  # 把腿整折了 包工头不给报 / 老板不跟俺签合同 咋整
        if intent in POLICY_SERVICES and intent not in named and len(named) == 1:
            # 俺在上海工地干活 过年不回去了 有啥保障不: read as mutual insurance (保障); the words
            # that name a service say which one is meant
            service = named[0]
        events: list[dict] = []
        if service == "wage_arrears" and pay_question(tracker):
            # 我在青岛 一个月就给1800 合法吗: a question about the pay, nothing owed
            service = "minimum_wage"
            events += undo_this_turn(tracker, "duration")  # 一个月 was the pay's period
        if service not in (None, "minimum_wage") and "minimum_wage" not in named and pay_asked_first(text):
            service = "minimum_wage"  # (its own wage first, the other topic offered after it)
            named = ["minimum_wage", *named]
            events += undo_this_turn(tracker, "duration")  # 一个月 was the pay's period
        if service is None and named and not text.startswith("/"):
            service = named[0]  # 社保的事 开个工单 (inform, CODE-15: asked for a ticket number)
        if service is None and (said_id := v.ticket_id(text)).ok:
            # 查下单子 gh 2026 1206 0010 (DD-13: read as inform with three sums, then the menu)
            tracker.slots["ticket_id"] = said_id.value
            events.append(SlotSet("ticket_id", said_id.value))
            service = "ticket_status"
        if service is None:
            service = place_follow_up(tracker, text)
        if service is None and ticket_filed_here(tracker, last=40) and is_question(text):
            # 几点能送过去 俺七点就得上班 right after the childcare ticket (YN-02: read as overtime,
            # then the menu): asked in the filed case's topic
            asked = (((e.get("parse_data") or {}).get("intent") or {}).get("name") for e in
                     reversed(tracker.events[-80:]) if e.get("event") == "user")
            topic = CASE_TOPICS.get(filed_type(tracker) or "") or next(
                (CASE_TOPICS[i] for i in asked if i in POLICY_SERVICES), "")  # (a sign-up is filed as "other")
            if lines := await answer_in_topic(tracker, topic):
                for line in lines:
                    dispatcher.utter_message(text=line)
                return []
        if service is None and said_this_turn(tracker, "您每个月实际拿多少", earlier_turns=1) \
                and hourly_pay_said(text) is not None:
            service = "minimum_wage"  # 冇月薪 一个钟20蚊 (XY-5: the menu): compared with the hourly minimum
        if service is None:
            return self._ask_which(dispatcher, tracker)
        first, _ = self._topics(intent, text)
        if service == intent and first in SERVICE_NAMES:
            service = first  # 老板欠我工资 另外孩子上学也想问问: the first named comes first
        later = [s for s in named if s != service
                 and not (s == "overtime_pay" and service == "minimum_wage" and pay_less_overtime(text))]
        if service == "childcare_service" and later == ["school_placement"] and follow == service:
            later = []  # 孩子7岁 上一年级 told for the childcare sign-up (XX-02): no school case
        answered_too: list[str] = []
        asked_too = later[0] if later else ""
        if later and (answered_too := await later_question_answered(tracker, text, asked_too)):
            later = later[1:]  # 另外工会有没有留岗补贴 (T-6): its figures said in this reply, not put off
        if later:
            dispatcher.utter_message(text=f"好的，先帮您办“{SERVICE_NAMES[service]}”，"
                                          f"“{SERVICE_NAMES.get(later[0], later[0])}”的事办完再帮您看。")
            events.append(SlotSet("next_service", later[0]))
        elif (left := _interrupted_service(tracker)) and SERVICE_FORMS.get(service) \
                not in (None, tracker.get_slot("interrupted_form")):
            # 孩子上不了学 while the wage case was being told: that case is not dropped
            dispatcher.utter_message(text=f"好的，先帮您办“{SERVICE_NAMES[service]}”。"
                                          f"“{SERVICE_NAMES[left]}”的事您说过的我都记着，办完接着办。")
        events += await self._start(service, dispatcher, tracker, domain)
        for at, line in enumerate(answered_too):  # (the first service's own answer follows: its form runs next)
            dispatcher.utter_message(text=f"先说您问的“{SERVICE_NAMES[asked_too]}”：{line}" if not at else line)
        return events

    async def _after_figure(self, found: list[dict], dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: dict) -> list[dict]:
        """What follows a figure: the other topic offered, or the worker's own case."""
        latest = tracker.latest_message or {}
        text = latest.get("text") or ""
        intent = legal_not_wages((latest.get("intent") or {}).get("name"), text)
        if intent == "holiday_subsidy" and promised_by_the_holiday(text):
            intent = "legal_aid"  # 他们说过年后给 (YT-16), as in act
        intent = holiday_not_asked(tracker, intent, text)
        intent = holiday_read_for_pay(tracker, intent, text)
        if intent == "wage_arrears" and not _OWED.search(text) and found \
                and all(str(f.get("policy") or "").startswith("legal") for f in found):
            # 那前头没交的那几个月能给俺补上不 after 不给俺交社保 (ZR-08: the social-insurance rule,
            # then 是哪家单位欠的 and 一共欠了多少钱): a labour-law matter, no pay owed
            intent = "legal_aid"
        first, later = self._topics(intent, text)
        answered = {s for f in found for s in services_meant(f"{f.get('title') or ''}{f.get('answer') or ''}")}
        # 职工大病互助最高能赔多少 answered with the 互助保障 figure (DD-05 was then offered
        # 您刚才还提到了“互助保障”): a topic the figure answered is not offered again
        later = [service for service in later if service not in answered or service == first]
        if first == "overtime_pay" and _OVERTIME_UNPAID.search(text):
            later = [s for s in later if s != "wage_arrears"]  # 加班费一分没给 is the overtime owed (VK-2)
        if later and first in SERVICE_FORMS and _CALCULATION_ASKED.search(text):
            # 加班费一分没给 能帮我算算该给多少吗 (VK-2: the rule, then 您刚才还提到了“讨要欠薪”): the sum asked
            # is worked out first — its flow asks what it still needs — and the other topic after it
            return [SlotSet("next_service", later[0])] + await self._start(
                first, dispatcher, tracker, domain, answered=True)
        if later and not self._case_facts_given(first, tracker):
            # 上海最低工资是多少 还有孩子上学的事: the question is answered; the other
            # topic is offered now rather than a form question about the first
            return offer_service(dispatcher, later[0])
        if later and first in SERVICE_FORMS:
            return [SlotSet("next_service", later[0])] + await self._start(
                first, dispatcher, tracker, domain, answered=True)
        if first in SERVICE_NAMES and first != intent and first not in answered:
            # 过年不回去了留在青岛 有没有啥补贴 还有…有托管没 (CODE-12: the 托管 figure answered,
            # the subsidy dropped): the other service asked is taken up after the figure
            return await self._start(first, dispatcher, tracker, domain, answered=True)
        if intent == "find_station" and any(f.get("kind") == "station" for f in found):
            return []  # the station was the answer: the station flow would name it again
        said = slots_set_this_turn(tracker)
        if intent in ROUTED_INTENTS and service_from_facts(said, text) == "school_placement" \
                and any(said.get(k) for k in SCHOOL_FACTS):
            # 俺闺女7岁了今年九月要上一年级 户口在安徽老家 … 学校能收不 工会能帮忙协调不 (XB-1: the
            # coordination answer alone, no documents, and later 请说说您遇到的具体情况): the case
            # told is taken up
            return await self._start("school_placement", dispatcher, tracker, domain, answered=True)
        if intent in ROUTED_INTENTS and service_from_facts(
                slots_set_this_turn(tracker), text) == "wage_arrears":
            # 包工头姓刘 欠了俩月跑了 能找那个楼盘的老板吗 (read as inform): who pays, then the
            # case told is taken up, not left for 请问您想办理什么事情
            return await self._start("wage_arrears", dispatcher, tracker, domain, answered=True)
        if intent == "wage_arrears" and not self._case_facts_given(intent, tracker) \
                and not _OWED.search(text) and tracker.get_slot("interrupted_form"):
            # 过年那几天干活 工钱咋算 on a subsidy offer (YY-08: read as arrears, a case the worker
            # never told was offered, then the offer again): answered; the offer resumes
            return []
        if intent == "wage_arrears" and not self._case_facts_given(intent, tracker) \
                and (filed := _filed_for("wage_arrears", tracker, last=80)):
            # 要是老板一直拖 我过了一年还能告吗 right after the wage ticket (XK-1: 帮我登记 offered again,
            # then 是哪家单位欠的？ in a loop): the case is already with the station
            dispatcher.utter_message(text=f"您的欠薪工单 {filed} 已经登记好了，工作人员会按登记的手机号联系您；"
                                          f"新的情况随时告诉我，我补到这张工单上。")
            return []
        if intent == "wage_arrears" and not self._case_facts_given(intent, tracker):
            # 那我要是被扣工资了找谁 (round 20: the wage form asked which employer owed, and
            # went on after 还没扣呢 我就问问): a question answered; a case only if they want one
            dispatcher.utter_message(
                text="如果您现在就有工资被拖欠或克扣的事，我可以帮您登记，转给网格工作站跟进。",
                buttons=[{"title": "帮我登记", "payload": "/wage_arrears"},
                         {"title": "不用，就问问", "payload": "/deny"}])
            return []
        if intent == "overtime_pay" and not self._case_facts_given(intent, tracker) \
                and all(f.get("topic") == "working_hours" for f in found):
            # 一个月加班最多能加多少个小时 超了犯法不 (ZR-15: the limit, then 您的月工资是多少):
            # a question about the hours allowed, answered; no sum was asked for
            return []
        if intent == "minimum_wage" and "保底" in text and not self._case_facts_given(intent, tracker) \
                and any("保底" in f"{f.get('title') or ''}{f.get('answer') or ''}" for f in found):
            # 保底呢 保底好多钱 (YQ-15: the agreement's 2000 answered, then 福鼎's minimum wage and
            # 您每个月实际拿多少): the guaranteed wage asked is no comparison with the minimum
            return []
        if intent in SERVICE_FORMS:
            # the figure first, then the worker's own case: the flow asks only what is
            # still missing (春节加班工资怎么算 → the multipliers, then the monthly wage;
            # 青岛最低工资多少 我一个月才1800 → the figure, then the comparison)
            return await self._start(intent, dispatcher, tracker, domain, answered=True)
        if intent == "childcare_service" and any(location(tracker)) and not tracker.active_loop_name \
                and not tracker.get_slot("interrupted_form"):
            # 俺在辛安街道 有没有地方能帮着看孩子的 (XZ-2: 要不要我再帮您看看您自己的情况？): the station with
            # the 托管驿站, and its sign-up offered
            return await self._start(intent, dispatcher, tracker, domain, answered=True)
        if intent in POLICY_SERVICES and _ASKS_HOW.search(text):
            # 互助保险能赔…怎么申请: the figure, then how to claim (the service's own answer)
            return await self._start(intent, dispatcher, tracker, domain, answered=True)
        service = intent if intent in SERVICE_NAMES else None
        if service and (tracker.active_loop_name or tracker.get_slot("interrupted_form")):
            # 超过60岁干活受伤到底算不算工伤 on the ticket offer (HH-11: two sets of buttons in one
            # reply): the form the question interrupted goes on; no second offer beside it
            return []
        if service == "legal_aid" and _ASKS_OUR_HELP.search(text):
            # 你们工会能帮我盯着点不 (NN-09: 要不要我再帮您看看; the ticket came a button later)
            return offer_ticket("legal_aid", legal_case(tracker))
        if service and _filed_for(service, tracker, last=60):
            return []  # 那个托管站具体在哪 right after the childcare ticket: no offer of it again
        if service:
            dispatcher.utter_message(
                text=OWN_CASE_ASK,
                buttons=[{"title": OWN_CASE_BUTTON, "payload": f"/{service}"},
                         {"title": "不用了", "payload": "/deny"}])
        return []

    @staticmethod
    def _worked_out(sums: list[str], dispatcher: CollectingDispatcher,
                    tracker: Tracker) -> list[dict[str, Any]]:
        """The worker's double wage or severance, then the case offered to the station —
        unless the sum still waits for the wage (the next message gives it)."""
        for line in sums:
            dispatcher.utter_message(text=line)
        dropped: list[dict[str, Any]] = []
        if tracker.active_loop_name == "wage_arrears_form" and no_contract_not_arrears(
                (tracker.latest_message or {}).get("text") or ""):
            # 没签合同 / 我在厂里干了8个月一直没签合同 怎么办 on the wage form (XN-7: 接着刚才的事, 是哪家单位欠的
            # again, then 干了8个月 filed as 欠薪): the double wage is the matter, the arrears form is dropped
            dropped = [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("interrupted_form", None)]
        if any(WAGE_ASK in line or line in (WAGE_AGAIN, MONTHS_ASK) for line in sums):
            return dropped
        if tracker.active_loop_name and not dropped:
            # 还有十来天工资也没给结 能一起要吗 on the legal-aid offer (YW-6: the days left off the
            # ticket): the case offered takes the points told now
            case = tracker.get_slot("pending_case") or {}
            if isinstance(case, dict) and case.get("type") == "legal_aid":
                return [SlotSet("pending_case", {**case, "facts": {**(case.get("facts") or {}),
                                                                   **legal_case(tracker)}})]
            return []
        return dropped + offer_ticket("legal_aid", legal_case(tracker))

    @staticmethod
    def _named_by_record(found: list[dict], tracker: Tracker) -> list[dict]:
        """隆祥返岗路费补贴多少: the agreement that answered says the employer and where it
        is, so the flow after the figure does not ask the city. Only facts not yet known."""
        events: list[dict] = []
        for slot, value in record_context(found, (tracker.latest_message or {}).get("text") or "").items():
            if slot == "city" and tracker.get_slot("district"):
                continue  # a district the worker named is more precise
            if tracker.get_slot(slot) in (None, v.UNKNOWN):
                tracker.slots[slot] = value  # seen by the form's first validation below
                events.append(SlotSet(slot, value))
        return events

    @staticmethod
    def _topics(intent: str | None, text: str) -> tuple[str | None, list[str]]:
        """The service a message's question is about and the others it names: with two
        named, the first named is asked about (the intent may be either of them)."""
        named = services_meant(text)  # 我不是要找律师 是孩子上学的事 (NN-01: legal aid came first)
        if len(named) < 2:
            return intent, [s for s in named if s != intent]
        return named[0], named[1:]

    @staticmethod
    def _case_facts_given(intent: str | None, tracker: Tracker) -> bool:
        """The message also told facts of the worker's own case for the intent's flow
        (青岛最低工资多少 我一个月才1800): then that flow runs before the next is offered."""
        said = slots_set_this_turn(tracker)
        form = SERVICE_FORMS.get(intent or "")
        own = {"overtime_form": ("monthly_wage", "overtime_days"),
               "minimum_wage_form": ("monthly_wage",),
               "wage_arrears_form": ("employer", "amount", "duration"),
               "school_form": SCHOOL_FACTS,
               "relief_form": ("medical_cost", "hardship_status"),
               "holiday_subsidy_form": ("occupation", "holiday_situation")}.get(form or "", ())
        return any(said.get(slot) is not None for slot in own)

    def _ask_which(self, dispatcher, tracker) -> list[dict]:
        """Facts without a service: the worker picks one (a wage alone: overtime or minimum)."""
        said = slots_set_this_turn(tracker)
        if said.get("monthly_wage"):
            options = ["overtime_pay", "minimum_wage"]
        elif said.get("employer"):
            options = ["holiday_subsidy", "wage_arrears", "legal_aid", "find_station"]
        else:
            options = ["wage_arrears", "overtime_pay", "school_placement",
                       "relief_eligibility", "holiday_subsidy", "find_station"]
        text = (tracker.latest_message or {}).get("text") or ""
        if is_question(text) and not any(said.get(fact) is not None for fact in (*CASE_FACTS, "phone")) \
                and not _HOTLINE_MATTER.search(text):
            # 明天青岛下雨不 (YX-14: 收到，您说的我记下了 and the menu — nothing was kept): a question
            # this hotline cannot answer, said so, and what it can do
            dispatcher.utter_message(text=NOT_MINE, buttons=choice_buttons(options))
            return []
        dispatcher.utter_message(text="收到，您说的我记下了。请问您想办理什么事情？点一下就行：",
                                 buttons=choice_buttons(options))
        return []

    async def _start(self, service: str, dispatcher, tracker, domain,
                     answered: bool = False) -> list[dict]:
        """Opens the service's flow; ``answered``: a fact answer already said its rules."""
        text = (tracker.latest_message or {}).get("text") or ""
        if not answered and is_question(text) and (filed := _filed_for(service, tracker, last=120)) \
                and SERVICE_FORMS.get(service) and not wants_registration(text) and not _another_case(tracker, text):
            # 工头跑了找不着人 这钱还有谁能给 right after the wage ticket (VK-12: the form again — the employer,
            # the sum and the months asked again until 算了): the question answered in the filed case's topic
            for line in await answer_in_topic(tracker, CASE_TOPICS.get(service, "")):
                dispatcher.utter_message(text=line)
            answered = True
        if answered and (filed := _filed_for(service, tracker, last=120)) and not wants_registration(text):
            # 包工头人都跑了 那这钱找谁要啊 right after the wage ticket (ZI-01: the form again, the
            # sum, months and workers asked again): answered, and the filed case is where it goes
            dispatcher.utter_message(text=f"您这件事已经登记在工单 {filed} 上了，工作人员会照登记的情况跟进；要补充什么"
                                          "（比如新的情况、对方的电话），直接告诉我，我加到工单上。")
            return []
        if service == "wage_arrears" and answered and deducted_only(text):
            # 迟到了两回 扣了俺五百块 这合法吗 (ZQ-12: the rule on deductions, then 欠了多长时间 twice):
            # a deduction is not pay owed for months; the case is offered with what was said
            return offer_ticket("wage_arrears", {"case_points": "工资被扣", "question": case_words(tracker)})
        if service in POLICY_SERVICES:
            action = POLICY_ACTIONS[service]()
            return await action.act(dispatcher, tracker, domain)
        form = SERVICE_FORMS[service]
        events: list[dict] = []
        if service == "overtime_pay" and other_days_asked(tracker):
            tracker.slots["overtime_days"] = None  # seen by the form's first validation below
            events.append(SlotSet("overtime_days", None))
        if service == "overtime_pay" and not answered and not (
                tracker.get_slot("monthly_wage") and tracker.get_slot("overtime_days")):
            wage = tracker.get_slot("monthly_wage")
            if isinstance(wage, (int, float)):
                # 周六也经常干 那个咋算 after the sum on 5,220 (YY-03: the wage asked again)
                fact, said = wage_as_said(wage, tracker.get_slot("wage_basis"))
                dispatcher.utter_message(text=OVERTIME_RULE + f"按您的{FACT_NAMES[fact]} {said:,} 元算。")
            else:
                dispatcher.utter_message(response="utter_overtime_pay")
        if service == "relief_eligibility" and not answered \
                and not said_this_turn(tracker, RELIEF_INTRO[:20], earlier_turns=6):
            dispatcher.utter_message(text=RELIEF_INTRO)  # the form's question follows it
        if service == "relief_eligibility":
            events += relief_check_waits(dispatcher, tracker)
        events += await validate_prefilled(form, dispatcher, tracker, domain)
        if service == "relief_eligibility" and (fee := hospital_fee_line(text, tracker.get_slot("city"))) \
                and not any(fee[:20] in (m.get("text") or "") for m in dispatcher.messages):
            dispatcher.utter_message(text=fee)  # 住院能不能少收点钱 in the first message (VC-8: ignored twice)
        if form in FILING_FORMS:
            events += [SlotSet("case_id", tracker.get_slot("case_id") or new_case_id()),
                       SlotSet("case_confirmed", None)]
        return events + [SlotSet("repeat_count", None), ActiveLoop(form),
                         SlotSet("requested_slot", None)]


async def take_back(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any],
                    intent: str | None) -> list[dict] | None:
    """The case cancelled or declined a moment ago, taken up again with what was told: the
    offer again for a parked case, else the form with its slots back; None when the message
    does not take it back (or the same service is not asked for again)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if (overtime := overtime_sum_to_file(tracker, text)) is not None:
        # 工会能帮俺去要吗 / 那你帮俺登记一下吧 right after the overtime sum (YS-03: a station card,
        # then 请说说您遇到的具体情况): the case just worked out is offered to the station
        dispatcher.utter_message(text="可以，工会帮您要。把这件事登记给网格工作站跟进：")
        return offer_ticket("overtime_pay", overtime)
    dropped = dropped_case(tracker)
    if dropped is None or text.startswith("/"):
        return None
    # (only words that take the cancel back: 老板又欠我工资了 after 算了不办了 and 你好 is a new case)
    if not takes_it_back(text):
        return None
    kind = (dropped.pending or {}).get("type") or next(
        (name for name, form in SERVICE_FORMS.items() if form == dropped.form), None)
    if (named := services_named(text)) and kind not in named:
        return None  # 那帮我登记一下 叉车证培训 after 算了不办了 on a dismissal (XZ-16): that service's sign-up
    if is_question(text) and not text.startswith("/"):
        # 想了想还是办吧 你们会不会跟老板说是我举报的 (YQ-14: 没太明白): the question answered too
        for fact in await asked_facts(tracker):
            dispatcher.utter_message(text=fact_text(fact, text))
    if dropped.pending:
        dispatcher.utter_message(text="好的，接着给您登记，刚才说的都还记着：")
        return offer_ticket(dropped.pending["type"], dropped.pending.get("facts") or {})
    service = next((name for name, form in SERVICE_FORMS.items() if form == dropped.form), None)
    if service is None or not (events := restored(tracker, dropped, domain)):
        return None
    dispatcher.utter_message(text="好的，接着办，您刚才说的都还记着。")
    return events + await ActionStartService()._start(service, dispatcher, tracker, domain)
