"""Each service's form validation: one class per form, over the shared base in
``actions/hotline_form.py``.

Most forms need nothing of their own; the wage-arrears case is summed up and confirmed
(确认 / 修改) before it is filed, the ticket offer takes corrected facts into the parked case,
and the relief form checks the worker's phone with a one-time code through the backend.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import validators as v
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import client, said_this_turn
from actions.fact_tables import (
    CASE_ALIASES,
    CASE_FACTS,
    CORRECTED,
    FACT_NAMES,
    WAGE_FACTS,
    fact_text,
    wage_as_said,
)
from actions.facts import is_question, recent_words, worker_messages
from actions.hotline_form import HotlineForm, answer_here, asked_again_here, in_kind_sum_undone
from actions.legal import (
    case_points,
    dismissal_not_arrears,
    months_answered_now,
    reading_reply,
    shortfall_reply,
    sums_for,
    tells_time_worked,
)
from actions.month_totals import owed_or_months_total
from actions.overtime_calculator import amount_on_new_days
from actions.overtime_days import kind_of_day_named, whole_holiday_said
from actions.places import resolve_place
from actions.relief import drops_the_relief_question, hospital_fee_line, medical_cost_added
from actions.resume import declines_the_offer
from actions.school import drops_childcare, say_general_school_rule, school_preparation_lines
from actions.services import station_asked_line
from actions.slot_checks import (
    CHANGE,
    CONFIRM,
    NOT_AN_ANSWER,
    SLOT_CHECKS,
    Slots,
    apply,
    named_fact_change,
    reask,
    slots_set_this_turn,
    value_before_this_message,
)
from actions.slot_mappings import docked_so_far
from actions.subsidies import occupation_matters, say_measures
from actions.tickets import (
    BY_PHONE_TEXT,
    PHONE_CHANGE_ASK,
    asks_lookup_by_phone,
    case_place,
    new_phone_in,
    points_said_now,
    registered_phone_in,
    same_matter_filed,
    street_unknown_yes,
    ticket_filed_here,
    wants_phone_changed,
    work_case,
)
from bot.normalize.identity import mask_phone
from bot.normalize.text import normalize_text

logger = logging.getLogger(__name__)


# 没签 / 没给交 / 一直没发: what the employer did not do (a fact), not the worker's no
_A_FACT_NOT_DONE = re.compile(r"^(?:合同|社保|保险|工资|加班费)?(?:也|都|一直|从来)?(?:没|没有|没给|没给我|不给)"
                              r"(?:签|交|缴|发|给|上|买|办|结)(?:合同|社保|保险|过|的)?[啊呀呢吧。.!！\s]*$")


# 对了 还有… / 好的 不过… / 可以 但是…: more to say after the yes — the case is not filed yet
_MORE_TO_SAY = re.compile(r"^对了\s*\S|还有|不过|但是|可是|另外|补充|忘了说|再加")
# the sum owed named as such (一共欠六千五 / 金额是…): not the month's pay
_NAMES_THE_SUM = re.compile(r"一共|总共|总数|加起来|合计|金额|钱数|欠款|欠了?|拖了?|月|天|小时")
# 不是海纳建筑 (in 公司不是海纳建筑 是海韵物业): the value taken back, left out to read the new one
_SAID_NOT = re.compile(r"不是[^\s，,。；;]+")


def _named_change(text: str) -> tuple[str, Any] | None:
    """金额是九千五, and 公司不是海纳建筑 是海韵物业 (the summary shown again unchanged, YO-01): the
    fact named and its new value, the one taken back left out."""
    return named_fact_change(text) or named_fact_change(_SAID_NOT.sub(" ", text))


class ValidateWageArrearsForm(HotlineForm):
    """The wage case, then one summary the worker confirms (确认) or changes (修改)."""

    def name(self) -> str:
        return "validate_wage_arrears_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        """With the month's pay known, the months owed come before the sum: the sum is the pay
        times the months (不对，是九千五一个月 said to 一共欠了多少钱 was asked the sum again, then
        filed 金额 不清楚 beside 9,500 a month for 3 months)."""
        slots = await super().required_slots(domain_slots, dispatcher, tracker, domain)
        if isinstance(tracker.get_slot("monthly_wage"), int) and not tracker.get_slot("amount") \
                and not tracker.get_slot("duration") and "duration" in slots and "amount" in slots:
            slots = [s for s in slots if s != "duration"]
            slots.insert(slots.index("amount"), "duration")
        return slots

    async def run(self, dispatcher, tracker, domain):
        """六千五 alone on the summary, or after 修改 (YP-07: 金额改为6,500 元 beside 月工资 8,000 —
        the pay the worker meant was left as it was): a bare sum near the month's pay, where the
        sum owed shown was that pay times the months, is the pay, and the sum owed follows it."""
        text = (tracker.latest_message or {}).get("text") or ""
        if not text.startswith("/") and dismissal_not_arrears(text, recent_words(tracker, limit=4)):
            # 没欠钱！俺要的是辞退补偿 (XZ-7: 一共欠了多少钱 four times): no pay owed — the form is left
            # and the entry action opens the dismissal's case with what was told
            return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("amount", None),
                    SlotSet("repeat_count", None), FollowupAction("action_start_service")]
        pay = self._sum_meant_as_the_pay(tracker)
        if pay:
            wage, owed = pay
            tracker.slots["last_correction"] = [
                {"slot": "monthly_wage", "old": tracker.get_slot("monthly_wage"), "new": wage},
                {"slot": "amount", "old": value_before_this_message(tracker, "amount"), "new": owed}]
            tracker.add_slots([SlotSet("amount", owed)])  # validated as the sum owed, said back once
            tracker.slots["monthly_wage"] = wage
        events = await super().run(dispatcher, tracker, domain)
        return events + [SlotSet("monthly_wage", pay[0])] if pay else events

    def _sum_meant_as_the_pay(self, tracker: Tracker) -> tuple[int, int] | None:
        """(pay, sum owed) when the summary's only change this turn is a bare sum read as the
        sum owed, that sum was worked out from the pay, and the new figure is nearer the pay."""
        changes = tracker.get_slot("last_correction") or []
        wage, text = tracker.get_slot("monthly_wage"), (tracker.latest_message or {}).get("text") or ""
        months = re.fullmatch(r"P(\d+)M", str(tracker.get_slot("duration") or ""))
        if tracker.get_slot("requested_slot") != "case_confirmed" or not self._waiting_for_answer(tracker) \
                or [c.get("slot") for c in changes] != ["amount"] or not isinstance(wage, int) or not months \
                or tracker.get_slot("wage_basis") in ("day", "hour") or _NAMES_THE_SUM.search(text):
            return None
        old, new = changes[0].get("old"), changes[0].get("new")
        docked = docked_so_far(tracker)  # (9,500 × 2 + the 500 docked, XG-3)
        if old not in (wage * int(months.group(1)), wage * int(months.group(1)) + docked) \
                or not isinstance(new, int) or abs(new - wage) >= abs(new - old):
            return None
        return new, int(new * int(months.group(1)) + docked)

    async def extract_case_confirmed(self, dispatcher, tracker, domain) -> Slots:
        if tracker.get_slot("requested_slot") != "case_confirmed" \
                or not self._waiting_for_answer(tracker) or tracker.get_slot("last_correction"):
            return {}
        latest = tracker.latest_message or {}
        text = (latest.get("text") or "").strip()
        intent = (latest.get("intent") or {}).get("name")
        if CHANGE.match(text):
            return {"case_confirmed": None}  # action_ask_case_confirmed asks what to change
        if intent in NOT_AN_ANSWER:
            return {}
        if named := _named_change(text):
            slot, value = named
            dispatcher.utter_message(text=f"好的，已更正：{FACT_NAMES.get(slot, slot)}改为"
                                          f"{fact_text(slot, value)}。")
            return {slot: value, "case_confirmed": None}
        if owed := owed_or_months_total(tracker):
            dispatcher.utter_message(text=owed)  # 那隆祥一共欠我们多少 on the summary (XQ-9; VM-3 months alike)
            return {"case_confirmed": None}
        if points := points_said_now(tracker):
            # 对了 老板给我打了欠条 / 我10月底就不干了 (YO-11: filed at once without them, 对 read as
            # 确认): kept as points of the case, and the summary shown again with them
            dispatcher.utter_message(text=f"好的，记下了：{'、'.join(points)}。")
            return {"case_confirmed": None}
        if (intent == "affirm" or CONFIRM.match(text)) and not _MORE_TO_SAY.search(text):
            return {"case_confirmed": True}
        if (employer := self._bare_employer(tracker, text)) is not None:
            # 宏达建材 alone on the summary that says 单位：不清楚 (XY-13: the summary again, unchanged,
            # until 单位是宏达建材): the name the case lacks
            dispatcher.utter_message(text=f"好的，已更正：单位改为{employer}。")
            return {"employer": employer, "case_confirmed": None}
        return {"case_confirmed": None}  # 修改 or anything else: action_ask_case_confirmed asks

    @staticmethod
    def _bare_employer(tracker: Tracker, text: str) -> str | None:
        """A name said alone (宏达建材) while the case's employer is not known; None otherwise."""
        if tracker.get_slot("employer") not in (None, "", v.UNKNOWN) or len(text) > 16 \
                or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9（）()]{2,16}", text) or v.says_unknown(text) \
                or CHANGE.match(text) or re.fullmatch(r"单位|公司|厂子?|名字|名称|老板|确认|对|好的?|是的?|行|可以",
                                                      text):
            return None
        told = slots_set_this_turn(tracker)
        if any(k != "employer" and k in CASE_FACTS and val not in (None, v.UNKNOWN) for k, val in told.items()):
            return None  # 三个月 / 一万五: another fact, corrected by its own reading
        checked = v.employer_answer(text)
        return str(checked.value) if checked.ok and checked.value not in (None, v.UNKNOWN) else None

    async def validate_case_confirmed(self, value, dispatcher, tracker, domain) -> Slots:
        return {"case_confirmed": True if value else None}


_BARE_COUNT = re.compile(r"^\s*(?:加了|干了|上了|是)?\s*(?:[0-9]+(?:\.[0-9])?|[一二两俩三四五六七八九十半]+)"
                         r"\s*(?:天|个?小时|个?钟头)\s*(?:吧|啊|呀|左右)?\s*$")


def _kind_of_day_said_before(tracker: Tracker, back: int = 4) -> str:
    """The latest of the worker's last few messages that named a kind of day (周末加班工资怎么算,
    then 5000 for the wage, then 四天: the four days are weekend days); '' if none did."""
    users = (e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "user")
    next(users, None)
    for _, text in zip(range(back), users):
        if kind := kind_of_day_named(text):
            return kind
    return ""


# 按底薪2000算 / 底薪2000当基数 / 用基本工资算 / 加班费按底薪算的: the base of the sum asked about
_ON_THE_BASE = re.compile(r"(?:按|用|拿|以|照)[^，,。？?]{0,4}(?:底薪|基本工资|基础工资|保底工资?)|"
                          r"(?:底薪|基本工资|基础工资)[^，,。？?]{0,8}(?:算|当基数|为基数|做基数|作基数)")


def _wage_kept_from_the_base(value: Any, tracker: Tracker) -> int | float | None:
    """The monthly wage held before this message, when the figure read now is a lower 底薪 the
    message asks (or reports) the sum be worked on; None when it is the worker's wage told."""
    held = value_before_this_message(tracker, "monthly_wage")
    text = normalize_text((tracker.latest_message or {}).get("text") or "")
    if not isinstance(held, (int, float)) or isinstance(held, bool) or not isinstance(value, (int, float)) \
            or not 0 < value < held or tracker.get_slot("wage_basis") in ("day", "hour"):
        return None
    return held if _ON_THE_BASE.search(text) else None


class ValidateOvertimeForm(HotlineForm):
    def name(self) -> str:
        return "validate_overtime_form"

    def extract_overtime_days(self, dispatcher, tracker, domain) -> Slots:
        """3天 answering the days question after 那国庆节加班呢: the count of the kind of day
        the worker asked about (a bare count says neither holiday nor weekend). 国庆 / 3天 to
        the wage question are the days too (YQ-13). 七天全上 after 过年那几天… (YW-10): the
        festival's days."""
        if (days := self._days_for_the_wage(tracker)) and "overtime_days" not in tracker.slots_to_validate():
            return {"overtime_days": days}
        found = super().extract_overtime_days(dispatcher, tracker, domain)
        text = (tracker.latest_message or {}).get("text") or ""
        if found.get("overtime_days") or tracker.get_slot("requested_slot") != "overtime_days":
            return found
        if whole := whole_holiday_said(text, worker_messages(tracker, 4)[:-1]):
            return {"overtime_days": whole}  # 七天全上 after 过年那几天… (YW-10: 没听明白加班的日子)
        if not _BARE_COUNT.match(text):
            return found
        return self._count_of_the_day_before(tracker, text) or found

    @staticmethod
    def _count_of_the_day_before(tracker: Tracker, text: str) -> Slots:
        """四天 after 周末加班工资怎么算: 周末四天 ({} with no kind of day named before)."""
        before = _kind_of_day_said_before(tracker)
        checked = v.worked_days(f"{before}{text.strip()}") if before else None  # 周末 + 四天 → 周末四天
        return {"overtime_days": checked.value} if checked and checked.ok else {}

    def validate_monthly_wage(self, value, dispatcher, tracker, domain) -> Slots:
        """厂里说按底薪2000算加班费，对不对 after the sum on 4,350 (XA-2: summed again on 2,000): a
        question about the base is answered (the policy data's 加班费基数: the normal wage, not
        a lower 底薪), the wage held stays the one the sum is worked on."""
        if (held := _wage_kept_from_the_base(value, tracker)) is not None:
            dispatcher.utter_message(text=f"加班费按您正常的工资 {held:,} 元算，不按底薪 {value:,} 元算。")
            corrected = [c for c in tracker.get_slot("last_correction") or [] if c.get("new") != value]
            return {"monthly_wage": held, "last_correction": corrected or None}
        return super().validate_monthly_wage(value, dispatcher, tracker, domain)

    def extract_monthly_wage(self, dispatcher, tracker, domain) -> Slots:
        """国庆 to 您的月工资是多少 (YQ-13: 没听明白金额): the days, no wrong wage."""
        if self._days_for_the_wage(tracker):
            return {}
        return super().extract_monthly_wage(dispatcher, tracker, domain)

    def _days_for_the_wage(self, tracker: Tracker) -> str | None:
        """The days worked told while the wage is asked: a holiday or kind of day named (国庆),
        or a bare count after one (3天 after 国庆); None for anything else."""
        text = ((tracker.latest_message or {}).get("text") or "").strip()
        if tracker.get_slot("requested_slot") != "monthly_wage" or not self._waiting_for_answer(tracker) \
                or SLOT_CHECKS["monthly_wage"](text).ok:
            return None
        if v.asks_what_day(text):
            return None  # 你先说除夕算不算法定的 (m2-20: filed as the day worked): a question, answered
        if _BARE_COUNT.match(text):
            return self._count_of_the_day_before(tracker, text).get("overtime_days")
        checked = v.worked_days(text)
        return checked.value if checked.ok and kind_of_day_named(text) else None

    async def _not_answered(self, asked: str, filled: Slots, dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: DomainDict) -> list[dict]:
        """The days told to the wage question (国庆, then 3天: YQ-13 got 不好回答 on the second)
        are no failed try: said back (by the caller), and the wage asked again."""
        days = filled.get("overtime_days", slots_set_this_turn(tracker).get("overtime_days"))
        if asked == "monthly_wage" and days:
            return [SlotSet("repeat_count", tracker.get_slot("repeat_count"))]
        return await super()._not_answered(asked, filled, dispatcher, tracker, domain)


class ValidateMinimumWageForm(HotlineForm):
    def name(self) -> str:
        return "validate_minimum_wage_form"


# Names workers use for a district that the place records do not hold (俺在青岛西海岸):
# the district and city they mean.
PLACE_NICKNAMES = {"西海岸": {"city": "青岛市", "district": "黄岛区"}}


def nicknamed_place(text: str) -> Slots:
    """青岛西海岸 / 西海岸新区 → 黄岛区 in 青岛: the place said, read without asking again."""
    return next((dict(place) for name, place in PLACE_NICKNAMES.items() if name in (text or "")),
                {})


# 住辛安街道这边 … 去沂河路那边那个小学问了 (YN-01: 地点 沂河路, the ticket at the school's
# street): a place said as the school's, beside the one the worker lives in
_SCHOOL_AFTER = re.compile(r"^[^\s，,。；;]{0,6}?(?:小学|中学|初中|学校|幼儿园)")


def home_not_school(tracker: Tracker) -> Slots:
    """The district the worker lives or works in, when the one set this turn was said only as
    where the school is and the message names another ({} otherwise)."""
    latest = tracker.latest_message or {}
    text = latest.get("text") or ""
    places = [e for e in latest.get("entities") or [] if e.get("entity") == "district" and e.get("value")
              and isinstance(e.get("end"), int)]
    now = slots_set_this_turn(tracker).get("district")
    at_school = [bool(_SCHOOL_AFTER.match(text[e["end"]:])) for e in places]
    if not now or not any(e["value"] == now and school for e, school in zip(places, at_school)):
        return {}
    home = next((e["value"] for e, school in zip(places, at_school) if e["value"] != now and not school), None)
    return {"district": home} if home else {}


class ValidateSchoolForm(HotlineForm):
    """The general rule for 随迁子女 first when the opening asks it, then the case."""

    def name(self) -> str:
        return "validate_school_form"

    async def extract_district(self, dispatcher, tracker, domain) -> Slots:
        """俺在青岛西海岸…: the district the nickname means, whatever was asked (B08)."""
        found = await super().extract_district(dispatcher, tracker, domain)
        if found or tracker.get_slot("district"):
            return found
        # the district alone: validate_district adds its city (a city set here would make the
        # district optional, and Rasa would drop both unvalidated)
        district = nicknamed_place((tracker.latest_message or {}).get("text") or "").get("district")
        return {"district": district} if district else {}

    async def run(self, dispatcher, tracker, domain):
        """孩子没有本地户口能在这边上小学吗: the question is answered before the form asks
        where the worker is (B04); the place-specific answer follows at the end."""
        events = await super().run(dispatcher, tracker, domain)
        text = (tracker.latest_message or {}).get("text") or ""
        if any(e.get("event") == "action_execution_rejected" for e in events):
            return events
        if home := home_not_school(tracker):
            events.append(SlotSet("district", home["district"]))
        if not self._waiting_for_answer(tracker) and is_question(text):
            await say_general_school_rule(dispatcher, tracker)
        return events


class ValidateHolidaySubsidyForm(HotlineForm):
    """The region's measures first, then only the questions that change the answer."""

    def name(self) -> str:
        return "validate_holiday_subsidy_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        """The job only where a rule of the region depends on it (上海: yes; 广东, 广西,
        隆祥's agreement: no) — asking it elsewhere delayed the answer for nothing (B17–B19)."""
        slots = await super().required_slots(domain_slots, dispatcher, tracker, domain)
        if "occupation" in slots and tracker.get_slot("occupation") is None \
                and not await occupation_matters(tracker):
            return [s for s in slots if s != "occupation"]
        return slots

    async def run(self, dispatcher, tracker, domain):
        """Once the place is known, its measures are said before any question is asked."""
        events = await super().run(dispatcher, tracker, domain)
        if any(e.get("event") == "action_execution_rejected"
               or (e.get("event") == "active_loop" and e.get("name") is None) for e in events):
            return events  # another topic, leaving or a pause: nothing to say here
        for e in events:
            if e.get("event") == "slot" and e.get("name") in ("city", "district") and e.get("value"):
                tracker.slots[e["name"]] = e["value"]  # a place read this turn: its measures now
        await say_measures(dispatcher, tracker)
        return events


class ValidateFindStationForm(HotlineForm):
    def name(self) -> str:
        return "validate_find_station_form"


class ValidateTicketStatusForm(HotlineForm):
    def name(self) -> str:
        return "validate_ticket_status_form"

    @staticmethod
    def _phones_told(dispatcher: CollectingDispatcher, kept: str, new: str | None) -> list[dict]:
        """单号找不着了 当时留的是…0 少按了个6 对的是…6 while the ticket number is asked (YT-13: 这个问题
        好像不好回答, then the lookup checked the new number): the one filed with is kept for the
        lookup, the new one is changed once the ticket is found; the number is asked again."""
        later = f"新号码 {mask_phone(new)} 等查到工单后，跟我说“改成这个号”就行。" if new and new != kept else ""
        dispatcher.utter_message(text=f"好的，查工单用登记时留的 {mask_phone(kept)} 核对。{later}"
                                      "工单号在登记时的回复里（GH 开头），找到了告诉我；实在找不到的话，"
                                      "网格工作站的工作人员可以按登记时留的手机号帮您查，说“转人工”就行。")
        return [SlotSet("phone", kept), SlotSet("repeat_count", None), SlotSet("requested_slot", "ticket_id"),
                SlotSet("ticket_id", None), FollowupAction("action_listen")]

    async def run(self, dispatcher, tracker, domain):
        """不记得了 / 忘了 for the ticket number: where to find it and a person who can look
        it up by phone, not 已经取消了 (the NLU reads 不记得了 as cancel)."""
        text = (tracker.latest_message or {}).get("text") or ""
        if tracker.get_slot("requested_slot") == "ticket_id" and self._waiting_for_answer(
                tracker) and v.says_unknown(text) and not v.ticket_id(text).ok:
            dispatcher.utter_message(text=FORGOT_TICKET, buttons=[
                {"title": "转人工", "payload": "/request_human"},
                {"title": "先不查了", "payload": "/deny"}])
            # a slot besides requested_slot: else Rasa counts the turn as no answer and
            # rejects the form (the cancel rule would then run)
            return [SlotSet("repeat_count", None), ActiveLoop(None),
                    SlotSet("requested_slot", None), FollowupAction("action_listen")]
        other = v.ticket_id(text)
        if tracker.get_slot("requested_slot") == "ticket_id" and not other.ok and asks_lookup_by_phone(text):
            # 能用手机号查我所有的单子不 (XH-12: 请告诉我工单号 again): no, and who can
            dispatcher.utter_message(text=BY_PHONE_TEXT, buttons=[
                {"title": "转人工", "payload": "/request_human"},
                {"title": "先不查了", "payload": "/deny"}])
            return [SlotSet("repeat_count", None), ActiveLoop(None),
                    SlotSet("requested_slot", None), FollowupAction("action_listen")]
        if tracker.get_slot("requested_slot") == "ticket_id" and self._waiting_for_answer(tracker) \
                and not other.ok and (kept := registered_phone_in(text)):
            return self._phones_told(dispatcher, kept, new_phone_in(text))
        malformed = re.search(r"GH\s*(\d{6,})", text.upper())
        if malformed and not other.ok and self._waiting_for_answer(tracker):
            # 还有一个 GH20261206004 (11 digits, X-14): read as a wrong phone, then the menu
            dispatcher.utter_message(text=f"工单号是 GH 加 12 位数字，您说的 GH{malformed.group(1)} 是 "
                                          f"{len(malformed.group(1))} 位，请对照登记时回复里的工单号再说一遍。")
            return [SlotSet("repeat_count", None), SlotSet("requested_slot", "ticket_id"),
                    SlotSet("ticket_id", None), FollowupAction("action_listen")]
        ticket = tracker.get_slot("ticket_id")
        if tracker.get_slot("requested_slot") == "phone" and self._waiting_for_answer(tracker) and ticket \
                and wants_phone_changed(text) and (new := new_phone_in(text)) and not registered_phone_in(text):
            # 我换手机号了 新号185… 麻烦改一下 while the lookup asks the phone filed with (XL-11: looked up
            # with the new number, 没有找到 twice): the old one is asked, then the phone is changed
            dispatcher.utter_message(text=PHONE_CHANGE_ASK.format(ticket=ticket, new=mask_phone(new)))
            return [SlotSet("repeat_count", None), ActiveLoop(None), SlotSet("requested_slot", None),
                    FollowupAction("action_listen")]
        if tracker.get_slot("requested_slot") == "phone" and self._waiting_for_answer(tracker) \
                and other.ok and not v.phone(text).ok:
            # 还有一个 GH202611180023 呢 while the phone was asked (V-14, T-15 got 这个手机号好像
            # 不对): that ticket is the one to look up now; the phone is still what is asked
            # (the form asks the phone right after: ZF-13 was asked it twice in one reply)
            dispatcher.utter_message(text=f"好的，先查 {other.value}。")
            return [SlotSet("ticket_id", other.value), SlotSet("repeat_count", None)]
        if tracker.get_slot("requested_slot") == "phone" and self._waiting_for_answer(tracker) \
                and re.search(r"尾号|后四位|后几位", text) and not v.phone(text).ok:
            # 那单子是我 电话尾号1108 (ZF-13: 没有现成的准确答案): the whole number is needed
            dispatcher.utter_message(text="为了核对是您本人，要登记时留的完整手机号（11 位），光说尾号核对不了。")
            return [SlotSet("repeat_count", None), FollowupAction("action_listen")]
        if other.ok and tracker.get_slot("requested_slot") is None and not tracker.get_slot("ticket_id"):
            # 帮我查下工单 GH二零二六一二零七零零零八 (ZX-11: 请告诉我工单号): the number said with
            # the question, read out in words, is the one looked up
            return [SlotSet("ticket_id", other.value), *await super().run(dispatcher, tracker, domain)]
        filed = ticket_filed_here(tracker, last=400)
        if filed and not other.ok and tracker.get_slot("requested_slot") is None \
                and not tracker.get_slot("ticket_id"):
            # 我这事到哪一步了 two turns after GH202612060002 was filed here (CC-01 was asked
            # for the number): the ticket of this conversation is the one asked about
            return [SlotSet("ticket_id", filed), *await super().run(dispatcher, tracker, domain)]
        return await super().run(dispatcher, tracker, domain)


_PLAIN_NO = re.compile(r"^(?:不用|不要|先不|暂时不|暂不|算了|不登记|不需要|不了|没必要|别登记)")
FORGOT_TICKET = ("没关系。工单号在登记时的回复里（GH 开头）；找不到的话，网格工作站的工作人员可以按您"
                 "登记时留的手机号帮您查。要转给工作人员吗？")
# the case's own names for what the forms call medical_cost and so on


_NUMBER_WORDS = re.compile(r"[\d\s+\-，,。.！!：:]|手机号?|电话|号码|是|我的|打|就行|吧|啊")


# 我说了要啊 / 俺都说了登记了 / 不是说了要嘛 to the offer: the yes said before, said again
_SAID_YES = re.compile(r"^(?:我|俺)?(?:不是)?(?:都|早就?|刚才?|已经)?说(?:了|过|过了)?\s*"
                       r"(?:要|要登记|登记|好的?|可以|行|帮我登记)(?:了|的)?(?:啊|呀|嘛|呢|呗|哇|哈)?[!！。.~～]*$")


def _yes_with_number(text: str) -> bool:
    """A number alone, or with a yes (行 登记吧 电话159…): register and call this number.
    Before, only a bare number counted, and 行 登记吧 with the number showed the summary again
    (B07)."""
    rest = _NUMBER_WORDS.sub("", text)
    return not rest or (v.sounds_affirmative(rest) and not CHANGE.match(rest)
                        and not re.search(r"不要|不用|不登记|不办|先不|别|算了", rest))


_LEADING_YES = re.compile(r"^(?:要的?|好的?|行|可以|嗯|对|要登记|登记吧?|帮我登记|可以登记吧?|那就登记吧?|就登记吧?)"
                          r"(?:[\s，,。!！]+\S|$)")


_SIGN_ME_UP = re.compile(r"(?:帮|给|替)(?:我|俺)(?:\S{0,2})?(?:登记|报名|报个名|申请|办一下|办了)"
                        r"|(?:能|可以)(?:登记|报名)")


def asks_to_be_signed_up(text: str) -> bool:
    """能帮我登记一下不 / 那你帮我报个名: the offer's own question asked back, a yes."""
    return bool(_SIGN_ME_UP.search(text)) and not re.search(r"不要|不用|别|先不|算了|不想", text)


_WONT_SAY_PLACE = re.compile(r"不想说|不方便|不告诉|不想讲|随便|都行|哪都|没固定|到处")


_OFFER_LINES = ("要不要我帮您登记", "好，我们接着")  # the offer itself, no answer
# 我怕被开除 / 怕老板知道了报复 said with a no to the offer (XC-7)
_FEARS_RETALIATION = re.compile(r"(?:怕|担心|害怕)\S{0,4}(?:开除|辞退|开了|炒|报复|穿小鞋|找麻烦|不要我|知道)")
NO_RETALIATION = ("好的，先不登记，您想好了随时找我。另外说一句：单位不能因为您问法律、要回该得的工资就辞退您；"
                  "没有法定理由辞退的是违法解除，可以要求继续干，或者按经济补偿的二倍要赔偿金"
                  "（《劳动合同法》第四十八条、第八十七条）。")
# 要是我辞职了 / 如果…的话 / 万一 / 老板会不会不给 (XC-5: 离职不结工资 and 欠薪 1个月 filed as facts):
# a clause that supposes, asks what might happen or fears, tells no fact of the case
_SUPPOSED = re.compile(r"要是|如果|万一|假如|假设|假使|倘若|的话|会不会|是不是会|怕|担心|害怕")
# 我兄弟 / 我哥 / 我老乡 … (XC-10: the brother's 外卖 and 广东 saved as the worker's own): someone
# else's facts; 我们 / 俺们 / 一起 / 也 make them the worker's too
_SOMEONE_ELSE = re.compile(r"(?:我|俺)(?:家)?(?:亲|表|堂)?"
                           r"(?:兄弟|哥哥?|弟弟?|姐姐?|妹妹?|老乡|朋友|同事|工友|亲戚|邻居)|不是我|不是俺")
_WE_TOO = re.compile(r"我们|俺们|咱们|一起|一块|我也|俺也|都是")
_CLAUSES = re.compile(r"[\s，,。；;！!？?]+")


def _clauses(text: str) -> list[str]:
    """The message's clauses (split at spaces and punctuation)."""
    return [c for c in _CLAUSES.split(text or "") if c]


def told_as_fact(text: str) -> str:
    """The clauses of ``text`` that tell something: those that suppose or fear are left out, and
    so is the question that follows one (如果我不干了 老板不给我最后一个月工资咋办)."""
    told: list[str] = []
    supposing = False
    for clause in _clauses(text):
        supposing = bool(_SUPPOSED.search(clause)) or (supposing and is_question(clause))
        if not supposing:
            told.append(clause)
    return " ".join(told)


def about_someone_else(text: str) -> bool:
    """我兄弟在广东送外卖 他留广东过年有啥: the facts told are another person's, not the worker's."""
    return bool(_SOMEONE_ELSE.search(text or "")) and not _WE_TOO.search(text or "")


# 我还没辞职 / 还没离职 / 还在干 (XC-5): the departure taken wrongly; 工资现在没欠 / 工资都发了: no arrears
_NOT_LEFT = re.compile(r"(?:还|并|也)?没(?:有)?(?:辞职|辞工|离职|走|不干)|还在(?:干|上班|厂里|单位)")
_NOT_OWED = re.compile(r"(?:工资|工钱|钱)\S{0,3}?(?:还|都|也|并)?没(?:有)?(?:欠|拖|扣)|"
                       r"(?<!不)没(?:有)?(?:欠|拖欠)(?:我|俺)?(?:工资|钱)|"
                       r"(?:工资|工钱|钱)(?:都|也)?(?:发了|给了|结了|到了|按时发)")
_LEAVING_POINTS = ("离职不结工资", "已离职（自己走的）")
_ARREARS_POINTS = ("离职不结工资", "拖欠工资", "没给钱", "还有几天工资没结")


def facts_taken_back(case: dict[str, Any], text: str) -> tuple[dict[str, Any], list[str]]:
    """The case's facts without what the worker now says is not so (我还没辞职 工资现在没欠), and
    the names of what was taken off; the facts unchanged and [] when nothing is."""
    facts = dict(case.get("facts") or {})
    points = [p for p in str(facts.get("case_points") or "").split("、") if p]
    gone: list[str] = []
    if _NOT_LEFT.search(text):
        gone += [p for p in points if p in _LEAVING_POINTS]
    if _NOT_OWED.search(text) and case.get("type") != "wage_arrears":
        gone += [p for p in points if p in _ARREARS_POINTS and p not in gone]
        gone += [FACT_NAMES.get(k, k) for k in ("duration", "amount") if facts.pop(k, None) not in (None, "")]
    if not gone:
        return facts, []
    kept = [p for p in points if p not in gone]
    facts["case_points"] = "、".join(kept) or None
    return facts, gone


# 辛安街道 登记吧 / 黄岛 帮我登记一下: a place told, then the yes to the offer
_TRAILING_YES = re.compile(r"(?:登记吧|登记一下吧?|帮我登记|帮俺登记|给我登记|登记上吧?|办吧|就登记吧)[。.!！吧]*$")


class ValidateTicketOfferForm(HotlineForm):
    def name(self) -> str:
        return "validate_ticket_offer_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        if tracker.get_slot("wants_ticket") is False:
            return []  # declined: nothing more to ask
        if tracker.get_slot("wants_ticket") is not False and same_matter_filed(tracker):
            # the case of the ticket filed here, told again or changed (YT-01: a second ticket for
            # the same school case): action_open_ticket adds to that ticket
            return []
        if tracker.get_slot("wants_ticket") and not any(case_place(tracker)):
            # A30: with no place known the ticket would go to the default (青岛) station, which
            # cannot help a worker in 广州: the place is asked before the phone
            return ["wants_ticket", "district", *(s for s in domain_slots if s != "wants_ticket")]
        return domain_slots

    def _leaving(self, tracker: Tracker) -> bool:
        """不想说 for the place is its answer, though the NLU reads it as cancelling."""
        return not self._no_place_answer(tracker) and super()._leaving(tracker)

    def _no_place_answer(self, tracker: Tracker) -> bool:
        text = (tracker.latest_message or {}).get("text") or ""
        return tracker.get_slot("requested_slot") == "district" and (
            v.says_unknown(text) or bool(_WONT_SAY_PLACE.search(text)))

    async def extract_district(self, dispatcher, tracker, domain) -> Slots:
        """不知道 / 不想说 for the place: filed all the same (the union's default station
        takes it), never the same question again, nor read as cancelling the ticket."""
        if self._no_place_answer(tracker) and self._waiting_for_answer(tracker):
            return {"district": v.UNKNOWN}
        return await super().extract_district(dispatcher, tracker, domain)

    async def validate_district(self, value, dispatcher, tracker, domain) -> Slots:
        if value == v.UNKNOWN:
            return {"district": v.UNKNOWN}
        return await super().validate_district(value, dispatcher, tracker, domain)

    async def extract_wants_ticket(self, dispatcher, tracker, domain) -> Slots:
        """修改 on the summary, or a fact said again: nothing is filed yet, the case is
        summed up again (``run`` changes the parked case itself)."""
        if tracker.get_slot("requested_slot") != "wants_ticket" \
                or not self._waiting_for_answer(tracker):
            return {}
        text = (tracker.latest_message.get("text") or "").strip()
        if v.declines_phone(text, asked=False):  # 不想留电话: filed without one, if still wanted
            # (不知道 to the street the offer asked is no word about the phone — XA-4, XA-7)
            return {"wants_ticket": None, "phone": v.NO_PHONE}
        from actions.school import drops_school  # (school imports the forms' vocabulary)

        school_offered = (tracker.get_slot("pending_case") or {}).get("type") == "school_placement"
        if reading_reply(tracker) is not None:
            # 就是说还不行？ on the offer (XM-4: read as a no — 好的，先不登记): no answer to the offer; the
            # reading is answered as the question it is (sums_for), and the offer stays open
            return {"wants_ticket": None}
        care_offered = "托管" in str(((tracker.get_slot("pending_case") or {}).get("facts") or {}).get("service") or "")
        if v.declines_offer(text) or declines_the_offer(text) or (school_offered and drops_school(text)) \
                or (care_offered and drops_childcare(text)):
            # 先不用 … 那保底工资能补多少 (XA-16: the declined offer made again at once): declined,
            # and a question said with it answered; 先不了 我怕被开除 再想想 (XC-7): declined, and
            # the fear answered; 托管先不办了 (VJ-15: 记下了 and the same offer again): the offer's own
            # matter dropped in words is a no too
            await self._answer_beside_the_no(dispatcher, tracker, text)
            if _FEARS_RETALIATION.search(text):
                dispatcher.utter_message(text=NO_RETALIATION)
            return {"wants_ticket": False}
        number = v.phone(text)
        if number.ok and _yes_with_number(text):
            return {"wants_ticket": True, "phone": number.value}  # a number: yes, call me here
        if street_unknown_yes(tracker, text):
            return {"wants_ticket": True}  # 不知道 登记吧 to the street the offer asked (XP-15)
        if _SAID_YES.match(text):
            return {"wants_ticket": True}  # 我说了要啊 (VD-6: stored as 更正：我说了要啊, the offer again)
        changes = self._case_changes(tracker)
        if changes and set(changes) <= {"case_points", "question"} and _LEADING_YES.match(text) \
                and not v.is_correction(text):
            # 登记吧 不过我还没辞职 (仍在职, XH-16): a yes with a point of the case added — filed with it
            return {"wants_ticket": True}
        if changes and set(changes) <= {"city", "district"} and _TRAILING_YES.search(text) \
                and not v.is_correction(text):
            return {"wants_ticket": True}  # 辛安街道 登记吧 (XY-10: the place kept, the yes not taken)
        if changes and no_after_a_correction(text):
            # 单位写错了 俺是中通的 先不登记 过完年再说 (VK-6: the offer made again): the case corrected
            # (``run`` keeps the change), and the no said after it taken
            return {"wants_ticket": False}
        if changes or CHANGE.match(text) or _A_FACT_NOT_DONE.match(text):
            return {"wants_ticket": None}  # (没签 after 合同: a fact of the case, ZZ-16)
        if _LEADING_YES.match(text) or asks_to_be_signed_up(text):
            # 要 在厂里手被机器轧了…: a yes, then the story; 扫马路的 能帮我登记一下不: a yes
            return {"wants_ticket": True}
        if self._question_read_as_yes_or_no(tracker):
            # 那年后保底是好多嘛 (YQ-15: read as a yes for its 好, and the phone was asked): a question
            return {"wants_ticket": None}
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent == "affirm" and not text.startswith("/") and not v.sounds_affirmative(text):
            # 即墨 read as a yes: no yes in its words. A place told on the offer is kept
            # (the ticket goes to its station) and the offer asked again
            return {"wants_ticket": None, **(await resolve_place(text) or {})}
        return {}

    @staticmethod
    async def _answer_beside_the_no(dispatcher: CollectingDispatcher, tracker: Tracker, text: str) -> None:
        """The questions said with a no to the offer, answered before it is taken: the question in
        the offer's topic; what school enrolment takes (托管先不办了 我就问上学的事 — VJ-15); the station
        near (先不登记 那我去哪个站问 我住长江路那边 离哪个站近 — VJ-16: the sign-up text said again
        instead). A paragraph of the last replies is not said again beside the station."""
        lines = await answer_here(tracker) if is_question(text) else []
        lines += await school_preparation_lines(tracker, lines)
        if station := await station_asked_line(tracker, lines):
            lines = [line for line in lines if not said_this_turn(tracker, line[:40], earlier_turns=2)]
            lines.append(station)
        for line in lines:
            dispatcher.utter_message(text=line)

    async def _not_answered(self, asked: str, filled: Slots, dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: DomainDict) -> list[dict]:
        """Facts told on the offer change the case: the summary shown again says them back,
        and it is no failed try."""
        if asked == "wants_ticket" and (short := shortfall_reply(tracker, on_offer=True)):
            dispatcher.utter_message(text=short)  # 那我能要回差额吗 咋要 干了快一年了 (ZQ-03)
            return [SlotSet("repeat_count", None)]
        if asked == "wants_ticket" and self._case_changes(tracker):
            # 不对 是八个月 … 没签合同能要双倍工资吗 on the legal-aid offer (PP-06: the card again,
            # no sum): the sum on the corrected facts, then the summary with them
            sums = sums_for(tracker)
            # 那八千多医药费能要回来吗 工地是中建的项目 (ZR-06: the facts kept, the question not
            # answered): a question said with the facts is answered too
            # 俺问的是上海 俺在上海 (YQ-09: the offer again): the question before, for 上海
            for line in sums or await answer_here(tracker) or await asked_again_here(tracker):
                dispatcher.utter_message(text=line)
            return []
        return await super()._not_answered(asked, filled, dispatcher, tracker, domain)

    def _case_changes(self, tracker: Tracker) -> dict[str, Any]:
        """Facts said again (read by action_validate_slot_mappings), named (金额是…), or
        说错了，是四千五 after the form that asked for them was done (its slot cleared)."""
        text = (tracker.latest_message.get("text") or "").strip()
        changed = {c["slot"]: c["new"] for c in tracker.get_slot("last_correction") or []}
        case = tracker.get_slot("pending_case") or {}
        facts = case.get("facts") or {}
        told = {k: val for k, val in slots_set_this_turn(tracker).items()
                if k in (*CASE_FACTS, "city", "district") and val not in (None, v.UNKNOWN)}
        if is_question(text) and not v.is_correction(text):
            # 这个两万的保障是今年过年的吗 (K-10): a figure asked about, not the case's amount
            told = {k: val for k, val in told.items()
                    if k not in ("amount", "monthly_wage", "medical_cost")}
        if about_someone_else(text):
            # 那我兄弟在广东送外卖的 他留广东过年有啥 (XC-10): his job and place, not the worker's
            told, changed, fact_words = {}, {}, ""
        elif (fact_words := told_as_fact(text)) != " ".join(_clauses(text)):
            # 那我要是现在辞职了还能要吗 老板会不会不给我最后一个月工资 (XC-5: 欠薪 1个月 filed): only
            # what the clauses that tell (not suppose) say
            told = {k: val for k, val in told.items() if _still_told(k, fact_words)}
            changed = {k: val for k, val in changed.items() if _still_told(k, fact_words)}
        else:
            fact_words = text
        if "monthly_wage" in told:  # 一天三百五 on the offer: the day's pay, as said
            basis = slots_set_this_turn(tracker).get("wage_basis", tracker.get_slot("wage_basis"))
            fact, said_wage = wage_as_said(told.pop("monthly_wage"), basis)
            told[fact] = said_wage
        # 在即墨区一家服装厂 on the legal-aid offer: new facts of the case, not a new topic
        changed.update({k: val for k, val in told.items()
                        if facts.get(CASE_ALIASES.get(k, k)) != val})
        if (named := _named_change(text)) and not _read_already(named, changed):
            changed[named[0]] = named[1]
        if not changed and v.is_correction(text) and (fixed := self._correct_last_answer(
                tracker, text)):
            changed[fixed[0]] = fixed[1]
        said = str(facts.get("question") or "")
        if said and text not in said and "question" not in changed and not text.startswith("/") and (
                _A_FACT_NOT_DONE.match(text) or (changed and not v.is_correction(text))
                or (case.get("type") == "legal_aid" and tells_time_worked(fact_words) and not is_question(text))
                or (case.get("type") == "legal_aid" and months_answered_now(tracker) and fact_words)
                or (case.get("type") == "legal_aid" and not v.is_correction(text) and not about_someone_else(text)
                    and (points := case_points(fact_words).get("case_points"))
                    # 他也没提前通知我 … 这个还能多要吗 (ZR-07: a question, so the 没提前通知 it
                    # told was left off the ticket): a new point is kept, asked or not
                    and (not is_question(text) or any(p not in str(facts.get("case_points") or "")
                                                      for p in points.split("、"))))
                or (case.get("type") == "other" and _tells_the_case(tracker, text))):
            # (干了三年 / 没给钱 on the legal-aid offer, ZF-06: the summary kept 被开了 alone)
            # 没签 after 合同 / 大概半年吧 一个月4千 on the offer (ZZ-16 filed 合同 alone): the
            # worker's account grows with what they add
            changed["question"] = f"{said}；{text}"[:400]
        if said and v.is_correction(text) and text not in said and "question" not in changed:
            # 不对 是三年半 我2023年5月进的 (HH-07 filed 干了三年): the worker's own account
            # carries the correction, whatever of it the slots could hold
            changed["question"] = f"{said}{CORRECTED}{text}"[:400]
        if "question" in changed and case.get("type") == "legal_aid":
            # 不对 是三年半 after the offer said 在这个单位干了：3年 (round 28): the points again
            changed.update({k: val for k, val in case_points(changed["question"].replace(CORRECTED, " ")).items()
                            if facts.get(k) != val})
        # 不对 是四年 / 干了四年 不是三年 / 把被学校拒收删了 (VL-10, VL-3: the correction not applied, or
        # refused): what the one reader of a correction says is changed, last, over what was read above
        applied = correction_applied(facts, text)
        if applied:
            changed.update(applied)
            said_fix = v.correction_said(text)
            if said_fix is not None and said_fix.dropped and changed.get("question", "").endswith(text):
                changed.pop("question")  # (VL-3: 情况 read 把被学校拒收删了 没这回事)
        if isinstance(changed.get("school_problem"), str) and facts.get("school_problem") \
                and (v.SCHOOL_PROBLEM_ADDED.search(text) or not v.is_correction(text)):
            # 还有学校说俺材料不全 这个也写上 (XZ-1: 遇到的问题改为材料不全, the other two dropped): added
            merged = v.school_problems_merged(str(facts["school_problem"]), changed["school_problem"])
            self._problems_now = merged
            if merged == facts["school_problem"]:
                changed.pop("school_problem")
            else:
                changed["school_problem"] = merged
        return changed

    @staticmethod
    def _question_read_as_yes_or_no(tracker: Tracker) -> bool:
        """没居住证是不是就不行了 得先办那个吗 on the offer (FF-16, read as deny: 好的，先不登记):
        a question, not a no — the offer stays open and the question is answered."""
        text = (tracker.latest_message.get("text") or "").strip()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        # (要钱不, JJ-02: three characters, read as deny, and the sign-up was dropped)
        return (intent in ("deny", "affirm") and not text.startswith("/") and is_question(text)
                and (len(text) > 6 or bool(re.search(r"[吗呢？?]|.不$", text))) and not _PLAIN_NO.match(text)
                and tracker.get_slot("wants_ticket") is not None)

    @staticmethod
    def _correction_read_as_no(tracker: Tracker, changed: dict[str, Any] | None = None) -> bool:
        """不对 是八个月 on the offer (RR-07, read as deny: 好的，先不登记): a fact corrected, not a
        no — the offer stays open with the case changed. 错了！四年级！ (YR-01: 已更正, then 先不登记)
        says no 是, but a fact of the case read from it is the correction all the same."""
        text = (tracker.latest_message.get("text") or "").strip()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        fact_told = any(k in FACT_NAMES and k != "question" for k in changed or {})
        return (intent in ("deny", "affirm") and not text.startswith("/") and v.is_correction(text)
                and (bool(re.search(r"[是为成](?:\s*\S{2,})", text)) or fact_told)
                and tracker.get_slot("wants_ticket") is not None)

    @staticmethod
    def _fact_read_as_no(tracker: Tracker) -> bool:
        """没签 on the offer right after 合同 (ZZ-16, read as deny: 好的，先不登记): a fact of the
        case (no contract signed, no insurance paid), not a no to the ticket."""
        text = (tracker.latest_message.get("text") or "").strip()
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        return (intent == "deny" and bool(_A_FACT_NOT_DONE.match(text))
                and tracker.get_slot("wants_ticket") is not None)

    @staticmethod
    def _points_kept(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
        """有欠条 / 我10月底就不干了 on the offer (YO-11: the offer again without them): said back;
        the summary and the ticket carry them (``tickets.context_facts``)."""
        case = tracker.get_slot("pending_case") or {}
        if isinstance(case, dict) and work_case(case.get("facts") or {}) \
                and (points := points_said_now(tracker)):
            dispatcher.utter_message(text=f"好的，记下了：{'、'.join(points)}。")

    async def run(self, dispatcher, tracker, domain):
        """The parked case takes the corrected facts (Rasa keeps only the form's own slots
        from the extraction, so the case is changed here)."""
        if undone := in_kind_sum_undone(tracker):
            # 老板说吃饭一个月算三百 加上就两千一了 不低 (K10: 已更正：月工资改为2,100 元): no pay of the worker's
            return undone + await self.run(dispatcher, tracker, domain)
        waiting = tracker.get_slot("requested_slot") == "wants_ticket" \
            and self._waiting_for_answer(tracker)
        text = (tracker.latest_message or {}).get("text") or ""
        declined = declines_the_offer(text) or v.declines_offer(text)
        if declined and not waiting and not tracker.get_slot("requested_slot"):
            # 不用登记了那我兄弟…有啥 (XC-10) / 先别登记 我就问… (XD-13): the other matter answered, the
            # offer it would bring is not made in the turn the worker said no (action_open_ticket
            # says 好的，先不登记)
            return [SlotSet("wants_ticket", False), SlotSet("interrupted_form", None),
                    SlotSet("requested_slot", None)]
        if not waiting and not tracker.get_slot("requested_slot") and (kept := _without_off_topic(tracker)):
            # 明天青岛下雨不 … then the social-insurance case (XD-13: the weather on the summary)
            tracker.slots["pending_case"] = kept
            return [SlotSet("pending_case", kept), *await super().run(dispatcher, tracker, domain)]
        self._problems_now = None
        changed = self._case_changes(tracker) if waiting and not declined else {}
        place_before = {slot: tracker.get_slot(slot) for slot in ("city", "district")}
        reopened: list[dict] = []
        if waiting and not declined and (
                self._question_read_as_yes_or_no(tracker) or self._correction_read_as_no(tracker, changed)
                or self._fact_read_as_no(tracker)):
            tracker.slots["wants_ticket"] = None
            reopened = [SlotSet("wants_ticket", None)]
        if waiting and not self._leaving(tracker):
            self._points_kept(dispatcher, tracker)
        events = reopened + await super().run(dispatcher, tracker, domain)
        if problems := self._problems_now:
            # (XZ-1: 已更正：遇到的问题改为材料不全 — the problem added is said with those kept)
            dispatcher.messages[:] = [m for m in dispatcher.messages
                                      if not re.match(r"好的，(?:记下了|已更正)：遇到的问题", m.get("text") or "")]
            dispatcher.utter_message(text=f"好的，遇到的问题都留着，现在是：{problems}。")
            events.append(SlotSet("school_problem", problems))
        if waiting and changed.get("question") and is_question(text) \
                and v.is_correction(text) and not any(not (m.get("text") or "").startswith(_OFFER_LINES)
                                                      for m in dispatcher.messages):
            # 不是欠 是扣 俺问这扣钱合不合法 on the deduction's offer (ZQ-12: kept as a correction and
            # the offer again): the question answered, then the offer
            answered = CollectingDispatcher()
            for line in await answer_here(tracker):
                answered.utter_message(text=line)
            dispatcher.messages[:0] = answered.messages
        if waiting:
            # 即墨 on the offer: the extraction read it into the tracker, but Rasa keeps only
            # the form's own slots, so the parked case keeps the place
            changed.update({slot: tracker.get_slot(slot) for slot in ("city", "district")
                            if tracker.get_slot(slot) not in (None, v.UNKNOWN, place_before[slot])})
        case = dict(tracker.get_slot("pending_case") or {})
        taken_back: list[str] = []
        if waiting and not declined and case:
            # 登记吧 不过我还没辞职 工资现在没欠 (XC-5: filed with 离职不结工资 and 欠薪 1个月)
            kept, taken_back = facts_taken_back(case, text)
            if taken_back:
                case = {**case, "facts": kept}
                dispatcher.utter_message(text=f"好的，这些不算：{'、'.join(taken_back)}，已从要登记的内容里去掉。")
        if not changed or not case:
            return events + ([SlotSet("pending_case", case)] if taken_back else [])
        if waiting:
            _say_corrected(dispatcher, tracker, changed)
        facts = dict(case.get("facts") or {})
        before = dict(facts)
        for wage in set(WAGE_FACTS) & set(changed):  # one wage: the one said last
            facts = {k: val for k, val in facts.items() if k not in WAGE_FACTS or k == wage}
        facts.update({CASE_ALIASES.get(k, k): val for k, val in changed.items()})
        if case.get("type") == "overtime_pay" and (owed := _overtime_on_new_pay(before, facts, changed)):
            # 不对 是六千五 on the overtime offer (月工资 6,500 beside 金额 2,942 worked out on 8,000):
            # the overtime pay is the pay's share, so it follows the corrected pay
            facts["amount"] = owed
            dispatcher.utter_message(text=f"按新的工资重新算，加班费约 {owed:,} 元。")
        elif case.get("type") == "overtime_pay" and "amount" not in changed \
                and (redone := amount_on_new_days(before, facts)):
            # 哦对了 还有俩周六也上了没给调休 on the overtime offer (YW-2: 金额 stayed 1,125 beside the
            # days 休息日2天；平时加班30小时, and the ticket was filed with it): the sum on the days now
            facts["amount"] = redone[0]
            dispatcher.utter_message(text="按您补充的加班日子重新算：\n" + redone[1].explain())
        return events + [SlotSet("pending_case", {**case, "facts": facts})]


# a yes, a no or a wish about the ticket on an offer: no words of the case itself
_NO_CASE_WORDS = re.compile(r"不用|不要|不登记|先不|算了|别|登记|报名|确认|修改|没问题|谢谢")


def _tells_the_case(tracker: Tracker, text: str) -> bool:
    """8岁 暑假没人带 on the childcare sign-up's offer (YR-02: the offer again without it, and the
    ticket too): a sign-up (type other) holds no fact slots, so the worker's own words are its
    content — words told, not a yes, a no, a phone, a question or a correction."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    words = re.sub(r"\d{7,}", "", re.sub(r"(?<=\d)[\s-]+(?=\d)", "", text))
    return (intent in ("inform", "nlu_fallback") and not text.startswith("/")
            and len(re.findall(r"[\u4e00-\u9fff]", words)) >= 3 and not _NO_CASE_WORDS.search(words)
            and not v.sounds_affirmative(words) and not is_question(text) and not v.is_correction(text))


_NOT_OURS = ("不好意思，这个我查不了", "不好意思，这个我帮不上忙")  # router.NOT_MINE, utter_out_of_scope


def _off_topic_words(tracker: Tracker) -> set[str]:
    """The worker's messages the bot answered as none of the hotline's matters."""
    found: set[str] = set()
    said = ""
    for event in tracker.events:
        if event.get("event") == "user":
            said = (event.get("text") or "").strip()
        elif event.get("event") == "bot" and said and str(event.get("text") or "").startswith(_NOT_OURS):
            found.add(said)
    return found


def _without_off_topic(tracker: Tracker) -> dict[str, Any] | None:
    """The parked case with the words of an out-of-scope question taken out of the worker's
    account; None when it holds none."""
    case = tracker.get_slot("pending_case")
    facts = case.get("facts") if isinstance(case, dict) else None
    words = str((facts or {}).get("question") or "")
    off = _off_topic_words(tracker) if words else set()
    parts = [p for p in words.split("；") if p]
    kept = [p for p in parts if p.strip() not in off and normalize_text(p).strip() not in
            {normalize_text(o).strip() for o in off}]
    if not off or len(kept) == len(parts):
        return None
    return {**case, "facts": {**(facts or {}), "question": "；".join(kept) or None}}


def _still_told(slot: str, fact_words: str) -> bool:
    """A fact read from a message that also supposes (要是…): kept when the clauses that tell
    still read it (a place always: 要是 does not move the worker)."""
    if slot in ("city", "district"):
        return True
    check = SLOT_CHECKS.get(slot)
    return bool(fact_words) and check is not None and check(fact_words).ok


_CLAUSE_BREAK = re.compile(r"[\s，,。；;！!]+")
# 过完年再说 / 以后再说吧: not now
_LATER_THEN = re.compile(r"(?:等|过完年|过了年|年后|以后|回头|改天|过几天|下次|到时候)\S{0,4}再说(?:吧|哈|啊)?")


def no_after_a_correction(text: str) -> bool:
    """单位写错了 俺是中通的 先不登记 过完年再说: a correction, then a no to the ticket in a clause of
    its own (先不登记 / 先不用 / 过完年再说) — the first clause is the correction, never the no."""
    if not v.is_correction(text):
        return False
    clauses = [c for c in _CLAUSE_BREAK.split(text.strip()) if c]
    return any(v.declines_offer(c) or declines_the_offer(c) or _LATER_THEN.fullmatch(c) for c in clauses[1:])


def correction_applied(facts: dict[str, Any], text: str) -> dict[str, Any]:
    """The case's facts a correction changes (:func:`validators.correction_said`): a fact taken off
    (把被学校拒收删了 / 俺没说被学校拒收) is None, a point of the case taken off leaves the others;
    the time worked said anew (不对 是四年 / 干了四年 不是三年 / 改成四年) replaces the one held; any
    other held fact whose words the correction denies takes the new words when they read as it.
    {} when the message corrects nothing the case holds."""
    said = v.correction_said(text)
    if said is None:
        return {}
    out: dict[str, Any] = {}
    if said.dropped:
        old = said.old
        if not old:
            return {}
        for key, val in facts.items():
            if key in ("question", "case_points") or val in (None, ""):
                continue
            shown = str(fact_text(key, val)) if key in FACT_NAMES else str(val)
            parts = [p for p in re.split(r"[；;](?![^（(]*[）)])", str(val)) if p]
            if old in shown or shown in old or any(old in p or p.split("（")[0] in old for p in parts):
                kept = [p for p in parts if not (old in p or p.split("（")[0] in old)]
                out[key] = "；".join(kept) if kept and len(parts) > 1 else None
        points = [p for p in str(facts.get("case_points") or "").split("、") if p]
        if (kept_points := [p for p in points if old not in p and p not in old]) != points:
            out["case_points"] = "、".join(kept_points) or None
        return out
    new = said.new
    if not new:
        return {}
    if facts.get("time_worked") and (worked := case_points(
            new if re.match(r"干|做|在这|上班", new) else f"干了{new}").get("time_worked")) \
            and worked != facts.get("time_worked"):
        out["time_worked"] = worked
    for key, val in facts.items():
        if key in out or key in ("question", "case_points", "time_worked") or val in (None, "") \
                or not said.old or key not in SLOT_CHECKS:
            continue
        if said.old in str(val) or said.old in str(fact_text(key, val) if key in FACT_NAMES else val):
            checked = SLOT_CHECKS[key](new)
            if checked.ok and checked.value != val:
                out[key] = checked.value
    return out


def _say_corrected(dispatcher: CollectingDispatcher, tracker: Tracker, changed: dict[str, Any]) -> None:
    """公司不是海纳建筑 是海韵物业 on an offer (the summary changed without a word): the facts a
    correction changed said back first, unless the turn already said them."""
    text = (tracker.latest_message or {}).get("text") or ""
    fixed = {k: val for k, val in changed.items() if k in FACT_NAMES and k not in ("question", "case_points")}
    if not fixed or not v.is_correction(text) or any("已更正" in (m.get("text") or "") for m in dispatcher.messages):
        return
    said = CollectingDispatcher()
    gone = [FACT_NAMES[k] for k, val in fixed.items() if val is None]
    kept = {k: val for k, val in fixed.items() if val is not None}
    # 把被学校拒收删了 (VL-3): taken off, said so — never 改为 None
    said.utter_message(text="好的，" + "；".join(
        ([f"已更正：{'、'.join(f'{FACT_NAMES[k]}改为{fact_text(k, val)}' for k, val in kept.items())}"] if kept else [])
        + ([f"已去掉：{'、'.join(gone)}"] if gone else [])) + "。")
    dispatcher.messages[:0] = said.messages


def _overtime_on_new_pay(before: dict[str, Any], facts: dict[str, Any], changed: dict[str, Any]) -> int | None:
    """The overtime sum on the corrected pay (it is proportional to the pay); None when the
    pay did not change, the sum was itself corrected, or either is not a figure."""
    wage = next((k for k in WAGE_FACTS if k in changed), None)
    old, new, owed = before.get(wage or ""), facts.get(wage or ""), before.get("amount")
    if wage is None or "amount" in changed or not isinstance(old, (int, float)) or not old \
            or not isinstance(new, (int, float)) or not isinstance(owed, (int, float)) or old == new:
        return None
    # worked out again on the days, and only when the amount was the sum on the old pay (XK-16: 900
    # had been taken as the pay, 2,700 was the sum on 6,525 — scaled by 6,525 / 900 it became 19,575)
    redone = amount_on_new_days(before, facts)
    return redone[0] if redone else None


def _read_already(named: tuple[str, Any], changed: dict[str, Any]) -> bool:
    """工资写错了 应该是六千五 on an offer: the 工资 the named change reads as the sum (金额) was
    already read as the month's pay — the same figure is not a second fact."""
    slot, value = named
    return slot not in changed and any(val == value for k, val in changed.items()
                                       if k in (*WAGE_FACTS, "amount") and k != slot)


# The relief form without a verified record: said the same way to members and strangers.
UNVERIFIED_CODE = "未核验"  # otp_code when the worker goes on without a verified record
_CODE_SENT_LINE = "会收到一条验证码短信"  # said once for a phone the code goes to
UNVERIFIED = "这次先不核验身份，我按还没有在工会建档来帮您判断；建档请联系所在的网格工作站。"
UNVERIFIED_TOLD = "这次先不核验身份，先按您说的建档情况（{status}）帮您判断，登记后由工作人员核实。"
# (没有, said to the code's question — SS-11: 验证码不对)
NO_CODE = re.compile(r"没收到|没有收到|收不到|没短信|没有短信|没来|不是会员|没建档|没有建档|跳过|不验证|不用验证|"
                     r"没看到|没看见|没见到|啥验证码|什么验证码|^(?:没有|没)[啊呀哦啊。.!！]*$")


def unverified_text(tracker: Tracker) -> str:
    """What the worker hears when going on without a verified record: judged as not on
    record — unless they told their status (我是建档的困难职工), which is then the basis.
    Saying 按还没有建档 and then 您是在档困难职工 in one turn contradicted itself (B10, B14)."""
    told = tracker.get_slot("hardship_status")
    if told in ("困难", "特困"):
        return UNVERIFIED_TOLD.format(status=f"{told}职工")
    return UNVERIFIED


class ValidateReliefForm(HotlineForm):
    """Phone → one-time code through the backend → the worker's record → medical cost."""

    def name(self) -> str:
        return "validate_relief_form"

    async def run(self, dispatcher, tracker, domain):
        """不知道 没看病 不问这个了 to the medical cost (XJ-6: 没听明白金额 and the question again, three
        times): the relief question is dropped, the form ends."""
        text = (tracker.latest_message or {}).get("text") or ""
        if tracker.get_slot("requested_slot") == "medical_cost" and self._waiting_for_answer(tracker) \
                and drops_the_relief_question(text):
            dispatcher.utter_message(text="好的，不问看病的钱了。还有别的想问的，比如互助保障、困难帮扶，直接说就行。")
            return [SlotSet("repeat_count", None), ActiveLoop(None), SlotSet("requested_slot", None),
                    FollowupAction("action_listen")]
        if (fee := hospital_fee_line(text, tracker.get_slot("city"))) \
                and not said_this_turn(tracker, fee[:20], earlier_turns=2):
            dispatcher.utter_message(text=fee)  # 住院床位费能减吗 (XY-10: asked twice, never answered)
        if tracker.get_slot("requested_slot") == "medical_cost" and self._waiting_for_answer(tracker) \
                and v.relatives_cost_said(text) and "medical_cost" not in v.read_facts(text, [], v.Context()):
            # 不是我看病 是我妈住院 花了一万多 (VK-14: filed as the worker's own 自付医疗费 10,000): said back
            # as the relative's, and the worker's own cost asked
            dispatcher.utter_message(text="好的，记下了：这是家里人看病的花费，不算您本人的自付医疗费。")
        held = tracker.get_slot("medical_cost")
        # (验证码是335671 — the simulated worker's code read as 335,671 元 of costs: a code or a
        # phone asked, or a code said, is no cost)
        total = medical_cost_added(text, held) if isinstance(held, (int, float)) \
            and tracker.get_slot("requested_slot") not in ("otp_code", "id_number") \
            and not re.search(r"验证码|\d{5,}", text) else None
        if total is not None:
            # 还有药店买药大概五百块 也算上 while the phone is asked (VC-8: 已更正…500 元 and a verdict on 500)
            tracker.slots["medical_cost"] = total
        events = await super().run(dispatcher, tracker, domain)
        if total is None:
            return events
        # 上个月住院又自己花了六百 with 1,800 held (XY-9: 1,800 kept twice): the cost grows by it
        return [e for e in events if e.get("name") != "medical_cost"] + [SlotSet("medical_cost", total)]

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        """The city too, before the cost, when neither a verified record nor the worker said
        where they are: the rules are local (without it the answer is 没有“未说明地区”的数据)."""
        slots = await super().required_slots(domain_slots, dispatcher, tracker, domain)
        verified = (tracker.get_slot("verified_worker") or {}).get("member")
        if tracker.get_slot("hardship_status") == "none" and not verified:
            # 俺也没建过什么困难档 (SS-12: a code was still sent to look the record up): nothing
            # on record to check; the answer is for a worker without one
            slots = [s for s in slots if s not in ("phone", "otp_code")]
        told_now = "city" in tracker.slots_to_validate()  # kept in, so it is validated
        known = tracker.get_slot("city") or tracker.get_slot("district")
        if (verified or known or "city" in slots) and not told_now:
            return slots
        at = slots.index("medical_cost") if "medical_cost" in slots else len(slots)
        return [*slots[:at], "city", *slots[at:]]

    async def validate_phone(self, value, dispatcher, tracker, domain) -> Slots:
        """Asks the backend for a code. Members and strangers hear the same words (the
        backend answers both alike): nobody learns from the hotline who is a member."""
        if value == v.NO_PHONE and tracker.get_slot("otp_code") == UNVERIFIED_CODE:
            return {"phone": v.NO_PHONE}  # decided and said before (the form runs again)
        if value == v.NO_PHONE:  # no number, no code: assessed as not on record
            dispatcher.utter_message(text="好的，不留电话也可以。" + unverified_text(tracker))
            return {"phone": v.NO_PHONE, "otp_code": UNVERIFIED_CODE, "verified_worker": None}
        checked = v.phone(value)
        if not checked.ok or (tracker.get_slot("verified_worker") or {}).get("member"):
            return apply("phone", checked, dispatcher, domain)
        if tracker.get_slot("otp_code") == UNVERIFIED_CODE \
                and value_before_this_message(tracker, "phone") == checked.value:
            # 建档了 after 没收到 (II-05: the code was sent and announced again): the same phone,
            # already gone on without a code, is not sent another one
            return {"phone": checked.value}
        if (went_on := self._code_sent_before(tracker, checked.value)) is not None:
            # 没收到 我也没建过啥档, then 怎么建档 (VK-14: 会收到一条验证码短信 said again after 没收到): the
            # code went to this phone already — never sent nor announced again; gone on without it
            # when the worker said none came
            if went_on:
                if not any(UNVERIFIED[:8] in (e.get("text") or "") for e in tracker.events
                           if e.get("event") == "bot"):
                    dispatcher.utter_message(text="好的。" + unverified_text(tracker))
                return {"phone": checked.value, "otp_code": UNVERIFIED_CODE, "verified_worker": None}
            return {"phone": checked.value}
        try:
            await client().send_code(checked.value, conversation_id=tracker.sender_id)
        except (BackendUnavailable, BackendError) as exc:  # 429 (too many codes) included
            logger.info("no one-time code sent: %s", exc)
            dispatcher.utter_message(text="现在没法发送验证码（请求太频繁或系统繁忙）。" + unverified_text(tracker))
            return {"phone": checked.value, "otp_code": UNVERIFIED_CODE, "verified_worker": None}
        dispatcher.utter_message(text=f"如果这个手机号已在工会建档，{_CODE_SENT_LINE}；"
                                      "一直没收到的话，回复“没收到”就行。")
        return {"phone": checked.value}

    @staticmethod
    def _code_sent_before(tracker: Tracker, number: str) -> bool | None:
        """None when no code was announced for this phone in the conversation; else whether the worker
        has said since that none came (没收到)."""
        sent_at = None
        for at, event in enumerate(tracker.events):
            if event.get("event") == "bot" and _CODE_SENT_LINE in (event.get("text") or ""):
                sent_at = at
        if sent_at is None or value_before_this_message(tracker, "phone") != number:
            return None
        return any(event.get("event") == "user" and NO_CODE.search(normalize_text(event.get("text") or ""))
                   for event in list(tracker.events)[sent_at:])

    async def validate_otp_code(self, value, dispatcher, tracker, domain) -> Slots:
        """The code, checked by the backend. A worker without a code (no SMS came: not on
        record, or another phone) or whose code died (5 wrong tries, expired) goes on
        unverified — assessed as not on record, told so only now, in the same words for all."""
        if (tracker.get_slot("verified_worker") or {}).get("member"):
            return {"otp_code": "已核验"}
        if value == UNVERIFIED_CODE:
            return {"otp_code": UNVERIFIED_CODE}  # decided before: no code to check
        if NO_CODE.search(normalize_text(str(value or ""))):  # 沒收到 (M-06)
            dispatcher.utter_message(text="好的。" + unverified_text(tracker))
            return {"otp_code": UNVERIFIED_CODE, "verified_worker": None}
        checked = v.otp(value)
        if not checked.ok:
            return apply("otp_code", checked, dispatcher, domain)
        try:
            result = await client().verify_code(tracker.get_slot("phone"), checked.value)
        except BackendError as exc:
            logger.info("one-time code refused: %s", exc)
            if exc.code == "wrong_code":
                reask(dispatcher, domain, "utter_invalid_otp")
                return {"otp_code": None}
            dispatcher.utter_message(text="验证码已经失效（错误次数过多或超时）。" + unverified_text(tracker))
            return {"otp_code": UNVERIFIED_CODE, "verified_worker": None}
        except BackendUnavailable as exc:
            logger.info("one-time code not checked: %s", exc)
            dispatcher.utter_message(text="系统暂时核验不了验证码。" + unverified_text(tracker))
            return {"otp_code": UNVERIFIED_CODE, "verified_worker": None}
        worker = result["worker"]
        dispatcher.utter_message(text=f"核验成功，{worker.get('name') or ''}您好。")
        return {"otp_code": "已核验", "verified_worker": {**worker, "member": True}}
