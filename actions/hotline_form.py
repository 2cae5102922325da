"""The base of every form of the hotline (``HotlineForm``): what all forms do alike.

A form asks only for what is missing: slots filled earlier in the conversation are kept, and
a place given as a city *or* a district counts as known. A service asked for in the middle
of a form is answered first (the form steps aside and is resumed, ``actions/resume.py``);
a correction is said back; a question that gets no answer is asked at most twice. Nothing
here ever lets an exception reach the worker as silence. Each service's own rules are in
``actions/forms.py``.
"""

from __future__ import annotations

import logging
import re
from abc import abstractmethod
from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import validators as v
from actions.apply_where import where_to_apply_reply
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import client, on_action_call, said_this_turn
from actions.crisis import is_crisis, wants_to_talk
from actions.fact_tables import CASE_FACTS, FACT_NAMES, OPTIONAL_FACTS, fact_text
from actions.facts import (
    answer_fact,
    answer_in_topic,
    asked_facts,
    form_topic,
    is_question,
    recent_words,
    relief_verdict_line,
    worker_messages,
)
from actions.facts import fact_text as record_text
from actions.in_kind import asks_in_kind_pay, in_kind_pay_reply, in_kind_sum_said
from actions.legal import (
    crew_total_reply,
    day_pay_lines,
    no_contract_not_arrears,
    over_docked_line,
    promised_sum_answer,
    shortfall_reply,
    sums_for,
)
from actions.month_totals import month_times_reply, owed_or_months_total
from actions.next_service import disowns_holiday_subsidy
from actions.places import other_place_asked, other_place_lines, resolve_place
from actions.relief import family_cover_line, family_relief_line, relief_verdict_as_said
from actions.resume import declines_the_offer
from actions.service_catalog import (
    SERVICE_FORMS,
    SERVICE_INTENTS,
    SERVICE_NAMES,
    asks_who_we_are,
    says_not_this,
    services_meant,
    services_named,
)
from actions.slot_checks import (
    CHANGE,
    CONFIRM,
    DAY_PAY_QUESTION,
    NOT_AN_ANSWER,
    SLOT_CHECKS,
    Slots,
    answer_extractor,
    answers_the_question,
    apply,
    digits_extractor,
    keeping_validator,
    kept_facts,
    named_fact_change,
    reask,
    slot_validator,
    slots_set_this_turn,
    told_text,
    value_before_this_message,
)
from actions.slot_mappings import phones_said
from actions.subsidies import accident_claim_reply, fare_reply, someone_elses_measures, winter_care_reply
from actions.tickets import ASKED_MARK, phone_owner
from actions.time_limits import demand_told_line, left_corrected_line, time_limit_line
from actions.who_we_are import who_we_are_reply
from bot.normalize.identity import mask_phone
from bot.normalize.text import normalize_text

logger = logging.getLogger(__name__)


SWITCH_CONFIDENCE = 0.7
# Without the other service named in words or asked about, only a sure intent is a switch:
# 还有两个服务员 (find_station 0.71) answers the form, it asks for no station.
SURE_SWITCH_CONFIDENCE = 0.9
# The second time a place is asked: an example and the cities the hotline serves most.
_ASKS_IF_BOT = re.compile(r"机器人|是真人|是人吗|是不是人|人工智能|ai吗|AI吗")
QUESTION_KEPT = ("您问的这个，我这里没有现成的准确答案，先给您记进要登记的内容里，工作人员联系您时一并回答；"
                 "不想等也可以打职工服务热线 12351 问。")
QUESTION_NOT_ON_RECORD = ("您问的这个，我这里没有现成的准确答案；工作站的工作人员联系您时可以问他们，"
                          "也可以打职工服务热线 12351。我们先接着把您的事说完。")
# 能帮我要回来吗 / 工会能管不 inside a case: what the case itself is for
_ASKS_FOR_HELP = re.compile(r"(?:能|可以|会)(?:不能)?帮(?:我|俺|忙)|帮(?:我|俺)(?:要|讨|问|催|办)|工会(?:能|管|可以)|"
                            r"能要回来|要得回来|能不能要回")
CAN_HELP = ("能。您把情况说完，我登记成工单转给网格工作站，工作人员会帮您去办（先和单位协商，不行可以投诉或"
            "申请劳动仲裁，工会可以提供法律援助）。我们接着说完。")
# 然后呢 / 接下来咋办 right after the law on the case (XX-09: 没有现成的准确答案, and 然后呢 was
# written into the ticket): the steps of a claim
_WHAT_NEXT = re.compile(r"^(?:那|那么|所以)?(?:然后呢?|接下来(?:呢|咋办|怎么办|怎么弄|咋弄)?|下一步(?:呢|咋办|怎么办)?|"
                        r"那(?:我)?(?:该)?(?:怎么办|咋办|咋整|怎么弄|咋弄)|(?:我)?(?:该)?(?:怎么办|咋办|咋整)|"
                        r"(?:那)?(?:怎么|咋)(?:要|弄|办)(?:呢|啊)?)[？?。!！吧呢啊\s]*$")
NEXT_STEPS = ("接下来这样办：① 先把证据留好：劳动合同或工牌、工资条或银行流水、考勤记录、和老板的聊天记录；"
              "② 先和单位谈，谈不拢可以让网格工作站、单位工会帮您协商，也可以打 12333 向人社部门投诉；"
              "③ 还不行就申请劳动仲裁（不收费，时效一年），工会可以提供法律援助（12348）。")
RESIGN_STEP = ("因为单位不交社保或拖欠工资辞职的，写一份书面解除通知，写明“因单位未依法缴纳社会保险费（或拖欠工资）"
               "解除劳动合同”，可以当天就走，不用提前30天，自己留一份、保留交给单位的证据，再凭它要经济补偿。")
_QUIT = r"(?:辞职|辞工|不干了|不想干|离职|走人)"
_CAUSE = r"(?:社保|保险|工资|工钱)"
_RESIGN_FOR_CAUSE = re.compile(rf"{_QUIT}.*{_CAUSE}|{_CAUSE}.*{_QUIT}")
LEGAL_CASES = {"legal_aid", "wage_arrears", "minimum_wage", "overtime_pay"}


def next_steps(case: object, words: str) -> list[str]:
    """The steps of a claim for a wage or legal case ([] for other cases)."""
    if not isinstance(case, dict) or case.get("type") not in LEGAL_CASES:
        return []
    return [NEXT_STEPS + (RESIGN_STEP if _RESIGN_FOR_CAUSE.search(words) else "")
            + "需要的话我现在帮您登记，网格工作站的工作人员会联系您，帮您一步步办。"]


PLACE_HINT = "说区县名就行，不用带“区”字，比如“李沧”“黄岛”“宝安”；也可以点一下您所在的城市："
PLACE_OFFER = ("还是没弄清您在哪里。点一下您所在的城市就行；要是不方便说，"
               "回复“要”帮您转给网格工作站的工作人员：")
PLACE_BUTTONS = [{"title": name, "payload": name} for name in ("青岛", "深圳", "上海", "镇江")]
NOTHING_MORE_PHONE_TEXT = ("好的，手机号先不留也行，我先帮您登记。没有电话工作人员没法回电，但您随时可以回到这里："
                           "在这里留言，工作人员上班后能看到；查进度告诉我工单号就行。想让他们回电，把手机号发给我，我加到工单上。")
NO_PHONE_TEXT = ("好的，不留电话也可以。登记后请记下工单号，查进度时告诉我工单号，"
                 "或者直接打服务站的电话。")
PHONE_LEFT_OPEN_TEXT = ("手机号先空着，我先帮您登记；想让工作人员给您回电的话，随时把手机号发给我，"
                        "我加到工单上。")
# 谢谢 / 再见 while a question is open: the worker is done for now. Not on a yes/no question,
# where 好的谢谢 means yes.
YES_NO_SLOTS = {"wants_ticket", "case_confirmed", "otp_code"}
THANKED_TEXT = {
    "thanks": "不客气！这件事先放着，您说过的我都记着，想接着办随时跟我说一声就行。还有别的需要帮忙吗？",
    "goodbye": "好的，这件事先放着，您说过的我都记着，想接着办随时来找我。再见！",
}
# Intents that end the form: each form has a rule for them (data/rules/services.yml).
LEAVING_INTENTS = {"cancel", "request_human"}
# 还没扣呢 我就问问 / 沒欠 錢都到了 我就問問 (round 20: the wage form went on asking which
# employer): the worker has no case to file, they asked a question
_JUST_ASKING = re.compile(r"(?:就|只是|只|随便|单纯)(?:是)?(?:问问|问一下|了解一下|打听)|问一下而已|"
                          r"不(?:用|要|想|需要)登记|(?:先|暂时)?(?:别|不)(?:急着)?登记")
_NOTHING_OWED = re.compile(r"(?<!不)(?:还|都)?没(?:扣|欠|拖)(?:我|俺)?(?:钱|工资)?(?:呢|啊|的|过)?(?=$|\s|[，,。.!！])|"
                           r"钱都(?:到了|给了|发了|结了|到手了)|不是(?:要)?(?:讨薪|欠薪|要工资|欠工资)")
def just_asking(text: str) -> bool:
    """我就问问 / 先别登记: the worker wants an answer, not a case (no form, no ticket offer) —
    not 谁说不登记了 俺要登记 (XP-7: read as 不登记)."""
    from actions.take_back import takes_it_back  # (take_back reads the bot's lines only)

    return bool(_JUST_ASKING.search(text)) and not takes_it_back(text)


# 俺问的是上海 俺在上海 right after an answer for another place (YQ-09: the offer again, nothing
# answered): the question before, asked again for this place
_ASKED_OF_THIS_PLACE = re.compile(r"(?:我|俺)(?:问的|说的|想问的|要问的|问)(?:是|就是)")
_PLACE_STEM = re.compile(r"(?:省|市|区|县)$")


def same_place(old: Any, new: Any) -> bool:
    """上海市 and 上海: one place written two ways (no news to say back as 记下了)."""
    return isinstance(old, str) and isinstance(new, str) and bool(old) and \
        _PLACE_STEM.sub("", old) == _PLACE_STEM.sub("", new)


def question_before(tracker: Tracker) -> Tracker | None:
    """俺问的是上海 (a place named, no question of its own): the tracker as if the worker's
    question before it were the latest message, to answer it for the place now named; None when
    the message is no such restating or no question came before."""
    latest = tracker.latest_message or {}
    text = (latest.get("text") or "").strip()
    places = [e for e in latest.get("entities") or [] if e.get("entity") in ("city", "district")]
    before = worker_messages(tracker, 2)[:-1]
    if not places or not _ASKED_OF_THIS_PLACE.search(text) or is_question(text) \
            or not before or not is_question(before[-1]):
        return None
    restated = tracker.copy()
    restated.latest_message = {**restated.latest_message, "text": before[-1], "entities": []}
    return restated


async def answer_here(tracker: Tracker, topic: str | None = None) -> list[str]:
    """:func:`answer_in_topic`, after a relative's place asked about inside the holiday-subsidy
    case (我表弟在廣東送外賣，他那邊有嗎, XG-5): that place's measures, the worker's case unchanged.
    (Here, not in ``facts``: the subsidies module imports ``facts``.)"""
    said = (tracker.latest_message or {}).get("text") or ""
    if over := over_docked_line(said, recent_words(tracker, limit=8)):
        return [over]  # 那这个月他多扣了我多少 inside the arrears form (VI-10: 没有现成的准确答案)
    if crew := crew_total_reply(tracker):
        return [crew]  # 我们十二个人一共被欠多少钱 inside a form (VI-1)
    if times := month_times_reply(tracker):
        return [times]  # 这是一个月的 俺三个月都这么干的 那一共多少 on the offer (VM-3: 3,250 for 9,750)
    if family := family_cover_line(said, recent_words(tracker, limit=3)):
        return [family]  # 我老婆没工作 能不能也参加 inside a form (XN-4: the family record's claim rules)
    if (topic or form_topic(tracker)) == "过年补贴" and (theirs := await someone_elses_measures(tracker)):
        return theirs
    from actions.station_followup import another_station_card  # (a card of another station: XP-3)

    return [line for line in await answer_in_topic(tracker, topic) if not another_station_card(tracker, line)]


async def asked_again_here(tracker: Tracker) -> list[str]:
    """The answer to the question before 俺问的是上海, for the place now named ([]: none)."""
    restated = question_before(tracker)
    return await answer_here(restated) if restated else []


# 离我最近的工会站在哪 / 工会在哪里: the station asked for beside the case (YR-14)
_ASKS_STATION = re.compile(r"站|服务中心|工会.{0,6}(?:在哪|哪里|哪儿|地址|电话)")
STATION_SAID = "工会网格工作站："
# the station's card as the station service says it (XD-13: 先别登记 我就问城阳区工会服务站在哪 got the
# find-station card, then the same station again from the ticket offer resumed)
STATION_CARD_SAID = "工会网格工作站是："
STATION_FORMS = {"find_station_form", "ticket_status_form"}  # their own answer is the station


async def station_asked_first(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """我在成都武侯区上班 … 离我最近的工会站在哪 能帮我维权吗 (YR-14: the overtime rule and the wage
    question only; the station a turn later): the station's card from the backend, said with the
    form's first question, unless this turn said one already."""
    text = (tracker.latest_message or {}).get("text") or ""
    if not _ASKS_STATION.search(text) or said_this_turn(tracker, STATION_SAID) \
            or said_this_turn(tracker, STATION_CARD_SAID):
        return
    for fact in [f for f in await asked_facts(tracker) if f.get("kind") == "station"][:1]:
        dispatcher.utter_message(text=record_text(fact))


REASK_PREFIX = "utter_" + "invalid_"  # the re-ask hints of the validators (utter_invalid_…)
_NOT_A_PLACE_CORRECTION = re.compile(r"\d|[一二两三四五六七八九十][千万百]|钱|花|块|元|岁|年级|个月")
# 别问了 快点给我登记上 / 赶紧登记: the worker wants it filed now, not cancelled
_HURRY = re.compile(r"别问了|不要问了|快点(?:给我|帮我)?(?:登记|办)|赶紧(?:给我|帮我)?(?:登记|办)|"
                    r"直接(?:给我|帮我)?登记|先(?:给我|帮我)?登记上|问[那这]么多|快点行不行")


_SPOKEN_DIGITS = str.maketrans("幺一二三四五六七八九零〇洞两", "11234567890002")


def _digit_count(text: str) -> int:
    """The digits a number said in words or figures has (幺三八 零五三二 一二三四 五: 12). A digit
    word inside a word is none (the 一 of 一直 in 138… 一直不接 made 您说的号码是 12 位, HG-02)."""
    if re.search(r"[十百千万]", text):
        return 0  # a sum or a count, not a number read out digit by digit
    read = text.translate(_SPOKEN_DIGITS)
    return sum(1 for i, char in enumerate(read) if char.isdigit() and (text[i].isdigit() or _read_out(read, i)))


def _read_out(read: str, i: int) -> bool:
    """The spoken digit at ``i`` is read out: beside another digit, or a word of its own."""
    around = [read[j] for j in (i - 1, i + 1) if 0 <= j < len(read)]
    return any(c.isdigit() for c in around) or not any("\u4e00" <= c <= "\u9fff" for c in around)


def someone_elses_number(text: str) -> str | None:
    """包工头电话13812345678 一直不接 to the phone question: whose number it is (包工头), when the
    message gives no number of the worker's own beside it; None otherwise."""
    own, others = phones_said(text)
    return None if own or not others else phone_owner(text) or "别人"


# Slots the domain fills with the whole message (from_text): a message that steps aside from the
# form is no value of theirs
WHOLE_TEXT_SLOTS = frozenset({"otp_code"})
# 不查了 / 不用查了 / 啥工单 我没有 while the lookup asks the ticket number
_NO_LOOKUP = re.compile(r"^(?:算了|那)?\s*(?:不|别|不用|甭)(?:再)?(?:查|找)了|啥工单|什么工单|"
                        r"没(?:有)?(?:登记过?)?(?:什么)?(?:工单|单子)(?!号)(?!.*忘)|(?:工单|单子)\S{0,2}(?:我)?没有|没登记过")


_PAY_SLOTS = ("monthly_wage", "amount")


def in_kind_sum_undone(tracker: Tracker) -> list[dict]:
    """老板说吃饭一个月算三百 加上就两千一了 不低 on the minimum-wage offer (K10: 已更正：月工资改为2,100 元, then
    the offer with 2,100): the pay or the sum read from a sum with food or a bed counted in goes back to
    what it was, and no correction of them is said; the in-kind answer (``in_kind_pay_reply``, in
    ``_not_answered``) is the reply. The undoing events, also applied to ``tracker`` (the form's own
    reading and the offer's changes see the pay as it was); [] when there is nothing to undo."""
    text = (tracker.latest_message or {}).get("text") or ""
    if text.startswith("/") or not in_kind_sum_said(text):
        return []
    said = slots_set_this_turn(tracker)
    undone = [SlotSet(slot, value_before_this_message(tracker, slot)) for slot in _PAY_SLOTS
              if slot in said and said[slot] != value_before_this_message(tracker, slot)]
    corrected = tracker.get_slot("last_correction") or []
    kept = [c for c in corrected if c.get("slot") not in _PAY_SLOTS]
    if len(kept) != len(corrected):
        undone.append(SlotSet("last_correction", kept or None))
    tracker.add_slots(undone)
    return undone


# the forms a winter-care question is read in (the NLU reads 冬天给发衣服不 as holiday_subsidy, 发棉衣 as wage_arrears)
_CARE_ASKED_IN = ("holiday_subsidy_form", "wage_arrears_form")


class HotlineForm(FormValidationAction):
    """Shared rules for every form of the hotline."""

    @abstractmethod
    def name(self) -> str:
        """validate_<form name>."""

    async def validate_phone(self, value, dispatcher, tracker, domain) -> Slots:
        """A mobile number, or the worker's choice to leave none (said back once)."""
        if value == v.NO_PHONE:
            said = (tracker.latest_message or {}).get("text") or ""
            dispatcher.utter_message(text=NOTHING_MORE_PHONE_TEXT if v.says_nothing_more(said) else NO_PHONE_TEXT)
            return {"phone": v.NO_PHONE}
        return apply("phone", v.phone(value), dispatcher, domain)
    validate_id_number = slot_validator("id_number")
    validate_amount = keeping_validator("amount")
    validate_monthly_wage = slot_validator("monthly_wage")
    validate_medical_cost = slot_validator("medical_cost")
    validate_duration = keeping_validator("duration")
    validate_ticket_id = slot_validator("ticket_id")
    validate_child_grade = slot_validator("child_grade")
    validate_city = slot_validator("city")
    validate_workers_affected = keeping_validator("workers_affected")
    validate_employer = keeping_validator("employer")
    validate_overtime_days = slot_validator("overtime_days")
    validate_hukou_status = keeping_validator("hukou_status")
    validate_school_problem = keeping_validator("school_problem")
    validate_holiday_situation = keeping_validator("holiday_situation")
    validate_occupation = keeping_validator("occupation")

    _extract_phone_digits = digits_extractor("phone")

    def extract_phone(self, dispatcher, tracker, domain) -> Slots:
        """A number as written, or 不知道 / 不想留电话: the case goes on without a phone
        instead of the same question again (tickets may be filed without one)."""
        text = (tracker.latest_message or {}).get("text") or ""
        if (tracker.get_slot("requested_slot") == "phone" and "phone" not in
                tracker.slots_to_validate() and self._waiting_for_answer(tracker)
                and v.declines_phone(text) and self.form_name() != "ticket_status_form"):
            return {"phone": v.NO_PHONE}  # a ticket's status is told only to its phone
        if someone_elses_number(text):
            return {}  # the contractor's number is no phone of the worker's (_not_answered says so)
        return self._extract_phone_digits(dispatcher, tracker, domain)
    extract_otp_code = digits_extractor("otp_code")
    extract_id_number = digits_extractor("id_number")
    extract_ticket_id = digits_extractor("ticket_id")
    extract_amount = answer_extractor("amount")
    extract_monthly_wage = answer_extractor("monthly_wage")
    extract_medical_cost = answer_extractor("medical_cost")
    extract_workers_affected = answer_extractor("workers_affected")
    extract_employer = answer_extractor("employer")
    extract_duration = answer_extractor("duration")
    extract_child_grade = answer_extractor("child_grade")
    extract_overtime_days = answer_extractor("overtime_days")
    extract_hukou_status = answer_extractor("hukou_status")
    extract_school_problem = answer_extractor("school_problem")
    extract_occupation = answer_extractor("occupation")
    extract_holiday_situation = answer_extractor("holiday_situation")

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        """A known city stands in for the district (the city's default station serves it)."""
        if "district" in domain_slots and tracker.get_slot("city"):
            return [s for s in domain_slots if s != "district"]
        return domain_slots

    async def extract_city(self, dispatcher, tracker, domain) -> Slots:
        """龙安开发区 / 辛安街道 / 即墨 as the answer to 您在哪个城市: the city the backend knows
        the place in, instead of the same question again."""
        return await self._place_answer_slots("city", tracker)

    async def extract_district(self, dispatcher, tracker, domain) -> Slots:
        """李沧 / 城阳这边 / 即墨区龙山街道 as the answer to 您在哪个区或街道: the NLU finds no
        district entity in a name without 区 or in a street it does not know, the backend does."""
        return await self._place_answer_slots("district", tracker)

    async def _place_answer_slots(self, slot: str, tracker: Tracker) -> Slots:
        """The reply read as a place by the backend: the district as the worker said it (the
        district's full name for a bare stem such as 李沧) and its city."""
        if (tracker.get_slot("requested_slot") != slot or slot in tracker.slots_to_validate()
                or not self._waiting_for_answer(tracker)):
            return {}
        latest = tracker.latest_message or {}
        if (latest.get("intent") or {}).get("name") in NOT_AN_ANSWER:
            return {}
        entity = next((e.get("value") for e in latest.get("entities") or []
                       if e.get("entity") == "district" and e.get("value")), None)
        found = await resolve_place(entity or latest.get("text") or "")
        if found is None and entity:  # an unknown street named with a known district
            found = await resolve_place(latest.get("text") or "")
        if slot == "district" and found:
            # the district alone: validate_district adds its city (a city known before the
            # validation would make the district optional and drop it unvalidated)
            return {"district": found["district"]} if found.get("district") else {}
        return found or {}

    async def validate_district(self, value, dispatcher, tracker, domain) -> Slots:
        """A place the backend knows; when it is away, the place as written is kept. An
        unknown street inside a known district (即墨区龙山街道) is served by the district's
        station; only a place with nothing known in it asks for the city."""
        if value is None:
            return {"district": None}  # undone by the slot mappings (a place in a name): nothing said
        checked = v.place(value)
        if not checked.ok:
            return apply("district", checked, dispatcher, domain)
        try:
            found = await client().resolve(tracker.get_slot("city"), checked.value)
        except BackendUnavailable:
            return {"district": checked.value}
        except BackendError:
            whole = await resolve_place((tracker.latest_message or {}).get("text") or "")
            if whole:
                return whole
            if tracker.get_slot("city"):  # the city is known: its default station serves
                return {"district": checked.value}
            reask(dispatcher, domain, "utter_unknown_place")
            return {"district": None}
        city = (found.get("path") or {}).get("city")
        return {"district": checked.value, **({"city": city} if city else {})}

    def _waiting_for_answer(self, tracker: Tracker) -> bool:
        """This form asked a question and the worker's latest message is the reply.

        Not when the form is being activated, nor when it runs again after another action
        (resuming after an unhappy path): then that message has been dealt with already.
        """
        if tracker.active_loop_name != self.form_name() or not tracker.get_slot("requested_slot"):
            return False
        own_run_seen = False  # Rasa adds this form's own run before calling its validation
        for event in reversed(tracker.events):
            if event.get("event") == "user":
                return True
            if event.get("event") != "action" or event.get("name") == "action_listen":
                continue
            if event.get("name") == self.form_name() and not own_run_seen:
                own_run_seen = True
                continue
            return False
        return False

    def _switched_topic(self, tracker: Tracker) -> bool:
        """Another service, said with confidence, and not a valid answer to our question
        (a short answer such as 工厂流水线 may look like a service to the NLU)."""
        top = tracker.latest_message.get("intent") or {}  # nlu_fallback is never a switch
        intent, confidence = top.get("name"), top.get("confidence") or 0
        text = (tracker.latest_message.get("text") or "").strip()
        if tracker.get_slot("requested_slot") in ("case_confirmed", "wants_ticket") and (
                CONFIRM.match(text) or CHANGE.match(text) or named_fact_change(text)):
            return False  # 确认 / 修改 / 金额是九千五 answer the summary
        case = tracker.get_slot("pending_case") if self.form_name() == "ticket_offer_form" else None
        own = self._own_service() or (case.get("type") if isinstance(case, dict) else None)
        if own in ("wage_arrears", "minimum_wage", "overtime_pay") and asks_in_kind_pay(text):
            return False  # 包吃包住算不算在最低工资里 in the wage case (XQ-6: switched to the minimum-wage form)
        if own and says_not_this(text, own):
            # 俺说了不是欠钱 俺要法律援助 (J-10): whatever the NLU made of 欠钱; 不是欠 是扣 俺问这扣钱
            # 合不合法 on the deduction's offer (ZQ-12: the arrears form) names no other: it stays
            return bool(services_meant(text))
        if intent not in SERVICE_INTENTS or SERVICE_INTENTS[intent] == self.form_name():
            return False
        if self._place_answer(tracker) or confidence < SWITCH_CONFIDENCE \
                or answers_the_question(tracker):
            return False
        # on the ticket offer (a yes/no question after an answer), a statement that names no
        # service is about this case (留下过年 again), not a new request: no re-run of the flow
        sure = confidence >= SURE_SWITCH_CONFIDENCE and self.form_name() != "ticket_offer_form"
        return sure or bool(services_named(text)) or is_question(text)

    @staticmethod
    def _place_answer(tracker: Tracker) -> bool:
        """在上海打工 住在闵行区 answering 您在哪个城市: a place the NLU found, with no
        service named in words, answers the place question whatever the intent."""
        if tracker.get_slot("requested_slot") not in ("city", "district"):
            return False
        latest = tracker.latest_message or {}
        places = [e for e in latest.get("entities") or []
                  if e.get("entity") in ("city", "district") and e.get("value")]
        return bool(places) and not services_named(latest.get("text") or "")

    def _step_aside(self, tracker: Tracker) -> list[dict]:
        """Rejects this turn so the rules answer the other topic; remembers to come back."""
        own = self._own_service()
        text = tracker.latest_message.get("text") or ""
        # 不是上学 是暑假托管 (J-03): the worker said this form was not what they meant, so it
        # is not resumed after the other service
        comes_back = None if own and says_not_this(text, own) else self.form_name()
        declined = self.form_name() == "ticket_offer_form" and (declines_the_offer(text) or v.declines_offer(text))
        if declined:
            # 先不用 加班钱呢 初二初六各干一天 on the subsidy offer (XG-15: the offer made again after
            # the sum, 刚说了先不用 你咋又问): the no is the offer's answer, the rest another topic
            comes_back = None
        events = [SlotSet("interrupted_form", comes_back),
                  *([SlotSet("wants_ticket", False)] if declined else []),
                  ActionExecutionRejected(self.form_name())]
        asked = tracker.get_slot("requested_slot")
        if asked in WHOLE_TEXT_SLOTS and slots_set_this_turn(tracker).get(asked) is not None:
            # 还有那个大病互助保障最多能赔多少 to 请把 6 位验证码告诉我 (YW-12): the whole message
            # was taken as the code; the form comes back to the question, not past it
            events.append(SlotSet(asked, None))
        text = tracker.latest_message.get("text") or ""
        if is_crisis(text) or wants_to_talk(text):
            # whatever the message was classified as: hotlines and a person at once (我不是要
            # 救助 我是想找心理老师聊聊 in the relief form, R-15: someone who listens)
            events.append(FollowupAction("action_psych_support"))
        return events

    def _leaving(self, tracker: Tracker) -> bool:
        """算了不办了 / 转人工 while a question is open: the form lets the cancel or handoff
        rule run. Without this the form's own bookkeeping (the re-ask counter) would count as
        a filled slot and Rasa would ask the next question instead of leaving."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        text = tracker.latest_message.get("text") or ""
        # 等下 我算了下是三年零四个月 不是三年半 (ZE-08: 算了 read as a cancel): a correction
        # (the ticket offer too: 转人工 there got the card again, YR-16)
        from actions.handoff import insists_on_a_person  # handoff builds on the tickets module

        if intent == "request_human" and insists_on_a_person(text):
            return True  # 两个多月 你先说能不能转人工 (XS-16: the duration taken, the person ignored twice)
        return intent in LEAVING_INTENTS and not answers_the_question(tracker) and not v.is_correction(text) \
            and not re.search(r"算了(?:一)?下", text)

    def _no_case(self, tracker: Tracker) -> bool:
        """我就问问 in a case's form, or 没欠 / 钱都到了 in the wage form: no case to file."""
        text = normalize_text(tracker.latest_message.get("text") or "")
        if self.form_name() == "ticket_offer_form" or text.startswith("/"):
            return False
        from actions.school import drops_school  # (school imports the forms' vocabulary)

        return just_asking(text) or (
            self.form_name() == "wage_arrears_form" and bool(_NOTHING_OWED.search(text))) or (
            self.form_name() == "school_form" and drops_school(text))  # 上学的事先不办了 (XN-15)

    async def _just_asking(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict]:
        """The form is left (what was said stays known), and a question said with it answered."""
        try:
            answers = await answer_fact(tracker) or []
        except Exception:  # the answer is a bonus here; leaving the form is the point
            logger.exception("answering a question said while leaving a form failed")
            answers = []
        if not any("按您说的" in line for line in answers) and (verdict := self._own_relief_verdict(tracker)):
            answers.append(verdict)  # 我就问问够不够 我在镇江 (ZG-07: left with no answer to 够不够)
        for line in answers:
            dispatcher.utter_message(text=line)
        dispatcher.utter_message(text="好的，那就不登记了。还有想问的随时问我；以后需要登记，"
                                      "说一声就行。")
        return [*self._pause()[:-1], SlotSet("interrupted_form", None), FollowupAction("action_listen")]

    @staticmethod
    def _thanks_reply(tracker: Tracker) -> str | None:
        """谢谢 after the rule was told and before the worker's own figure: not an answer,
        and asking the same question again would not hear it. The reply, or None."""
        reply = THANKED_TEXT.get((tracker.latest_message.get("intent") or {}).get("name") or "")
        if reply is None or tracker.get_slot("requested_slot") in YES_NO_SLOTS \
                or answers_the_question(tracker):
            return None
        return reply

    @staticmethod
    def _pause() -> list[dict]:
        """Leaves the form without submitting it: what was said stays in the slots, so asking
        for the service again starts from there."""
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("repeat_count", None),
                FollowupAction("action_listen")]

    async def run(self, dispatcher, tracker, domain):
        on_action_call()
        if undone := in_kind_sum_undone(tracker):
            return undone + await self.run(dispatcher, tracker, domain)  # (吃饭算三百 加上就两千一: K10)
        text = tracker.latest_message.get("text") or ""
        waiting = self._waiting_for_answer(tracker)
        if waiting and self.form_name() in _CARE_ASKED_IN and (care := await winter_care_reply(tracker)) is not None:
            # 不是过年 就平时冬天 环卫工有没有啥关爱 / 没人欠我钱 我问棉衣 (VJ-10: 过年补贴的事不办了 with no
            # answer, then 是哪家单位欠的 twice): winter care answered, the form was never what was asked
            dispatcher.utter_message(text=care)
            return [*self._pause()[:-1], SlotSet("interrupted_form", None), SlotSet("next_service", None),
                    FollowupAction("action_listen")]
        if waiting and self.form_name() == "holiday_subsidy_form" and disowns_holiday_subsidy(text):
            # 我没问过年的事 to 您是留下来过年… (YW-13: the same question again)
            dispatcher.utter_message(text="好的，过年补贴的事不办了。还有别的事随时说。")
            return [*self._pause()[:-1], SlotSet("interrupted_form", None), SlotSet("next_service", None),
                    FollowupAction("action_listen")]
        if waiting and self.form_name() == "ticket_status_form" and _NO_LOOKUP.search(text):
            # 不查了 / 啥工单 我没有 to 请告诉我工单号 (YX-11: the number asked a third time)
            dispatcher.utter_message(text="好的，不查了。有别的事直接说就行；以后要查工单，告诉我工单号就行。")
            return [*self._pause()[:-1], SlotSet("interrupted_form", None), FollowupAction("action_listen")]
        if waiting and (self._switched_topic(tracker) or is_crisis(text) or wants_to_talk(text)):
            kept: dict = {}
            if tracker.get_slot("requested_slot") == "phone" and self.form_name() != "ticket_status_form" \
                    and v.declines_phone(text) and not is_crisis(text):
                # 電話先不給 … with a question (XA-6: the phone asked again at once, three times)
                kept = await self.validate_phone(v.NO_PHONE, dispatcher, tracker, domain)
            return [SlotSet(k, val) for k, val in kept.items()] + self._step_aside(tracker)
        if waiting and _HURRY.search(text) and (skipped := await self._skippable(
                tracker, dispatcher, domain)):
            # 别问了 快点给我登记上 (I-16): not a cancel — the facts a case can go without are
            # left 不清楚 and the form goes straight on to what filing needs
            tracker.add_slots([SlotSet(slot, v.UNKNOWN) for slot in skipped])
            dispatcher.utter_message(text="好的，不问了，没说的先记“不清楚”，直接帮您登记。")
            return [SlotSet(slot, v.UNKNOWN) for slot in skipped] + await super().run(
                dispatcher, tracker, domain)
        if waiting and (words := other_place_asked(tracker)) \
                and (lines := await other_place_lines(tracker, words)):
            for line in lines:  # 那广东呢 after 上海's measures: 广东's, the case stays 上海's
                dispatcher.utter_message(text=line)
            return [SlotSet("repeat_count", tracker.get_slot("repeat_count"))]
        if waiting and self.form_name() == "wage_arrears_form" and no_contract_not_arrears(text):
            # 没欠钱啊 就是没签合同 on the wage form (XP-7: 好的，那就不登记了; the form took 一个月六千
            # as owed): the no-contract case goes to the legal path, the wage form is not resumed
            return [*self._step_aside(tracker), SlotSet("interrupted_form", None)]
        if waiting and self._leaving(tracker):
            return [ActionExecutionRejected(self.form_name())]
        if waiting and self._no_case(tracker):
            return await self._just_asking(dispatcher, tracker)
        thanks = self._thanks_reply(tracker) if waiting else None
        if thanks:
            dispatcher.utter_message(text=thanks)
            return self._pause()
        if waiting and self._accepts_person(tracker):
            return await self._hand_over(dispatcher, tracker)
        callback = await self._waiting_callback(dispatcher, tracker) if waiting else None
        if callback is not None and tracker.get_slot("requested_slot") != "phone":
            return callback + self._pause()
        if not waiting and tracker.active_loop_name == self.form_name() and not tracker.get_slot("requested_slot") \
                and self.form_name() not in STATION_FORMS:
            await station_asked_first(dispatcher, tracker)  # the form's first run: nothing asked yet
        try:
            events = (callback or []) + await super().run(dispatcher, tracker, domain)
            if waiting:
                events = await self._after_answer(events, dispatcher, tracker, domain)
            return events
        except BackendUnavailable:
            dispatcher.utter_message(response="utter_backend_down")
        except Exception:
            logger.exception("%s failed", self.name())
            dispatcher.utter_message(response="utter_default")
        return [ActiveLoop(None), SlotSet("requested_slot", None)]

    async def _skippable(self, tracker: Tracker, dispatcher: CollectingDispatcher,
                         domain: DomainDict) -> list[str]:
        """The facts still to ask that a case can go without ([]: nothing to skip)."""
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker,
                                             domain)
        return [slot for slot in required
                if slot in OPTIONAL_FACTS and tracker.get_slot(slot) is None]

    async def _after_answer(self, events: list[dict], dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: DomainDict) -> list[dict]:
        """Corrections are said back; a question that got no answer is asked at most twice,
        then the form moves on (a fact the case can go without) or offers a person."""
        asked = tracker.get_slot("requested_slot")
        text = tracker.latest_message.get("text") or ""
        extra: list[dict] = self._later_service(dispatcher, tracker)
        # 我老婆是特困职工 她自己掏了两千八 她能申请不 (VI-7: read as his own cost and tier): her verdict, his kept
        hers = family_relief_line(tracker) if self.form_name() == "relief_form" else None
        if hers:
            dispatcher.utter_message(text=hers)
        corrected = tracker.get_slot("last_correction") or []
        # (a correction the validation undid is not said: 走了快两年了 is no 欠薪时间, ZW-09)
        validated = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        corrected = [c for c in corrected if validated.get(c["slot"], c["new"]) == c["new"]]
        if corrected:
            said = "、".join(f"{FACT_NAMES.get(c['slot'], c['slot'])}改为"
                            f"{fact_text(c['slot'], c['new'])}" for c in corrected)
            dispatcher.utter_message(text=f"好的，已更正：{said}。")
            extra.append(SlotSet("last_correction", None))
            if is_question(text) and not text.startswith("/"):
                # 不對 500是遲到罰的 零件壞了扣的是2000 那這2000超了沒 (ZW-13: corrected, not answered)
                # 干了十个月了 每个月都是2000 那能补多少 on the minimum-wage offer (XY-4: the block again)
                short = shortfall_reply(tracker, on_offer=True) if asked == "wants_ticket" else None
                for line in [short] if short else await answer_here(tracker):
                    dispatcher.utter_message(text=line)
            if not hers and (verdict := self._verdict_again(tracker, {c["slot"] for c in corrected})):
                dispatcher.utter_message(text=verdict)
            if {"monthly_wage", "amount"} & {c["slot"] for c in corrected}:
                # 不对，是九千五 on the offer (YN-06: 已更正, no new figure); the probation pay
                # corrected to 3800 (YW-7: the 3,500's shortfall said again)
                for line in sums_for(tracker):
                    dispatcher.utter_message(text=line)
        elif v.is_correction(text) and not named_fact_change(text):
            # (人数不对 是两个人 我跟我媳妇, ZK-13: the named fact changed, and then the last
            # answer too — 单位改为两个人我跟我媳妇)
            fixed = self._correct_last_answer(tracker, text)
            if fixed:
                slot, value = fixed
                dispatcher.utter_message(
                    text=f"好的，已更正：{FACT_NAMES.get(slot, slot)}改为{fact_text(slot, value)}。")
                extra.append(SlotSet(slot, value))
        filled = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        # a city answers the place question too (its default station serves), also when the
        # NLU found it before this validation ran (镇江: no "hint and ask again")
        city = filled.get("city") if filled.get("city") is not None else tracker.get_slot("city")
        # 黄岛区 to the offer's place question: filled by the slot mappings, and then no longer
        # required, so not validated again — still an answer (R-08, P-07 got the 不用带区字 hint)
        extracted = asked not in filled and slots_set_this_turn(tracker).get(asked) is not None
        answered = asked and (filled.get(asked) is not None or extracted
                              or (asked == "district" and city is not None))
        told, _new = kept_facts(tracker, filled, asked, bool(answered))
        # 上海 over 上海市 (YQ-09: 好的，记下了：城市 上海): the same place, nothing to say back
        told = {k: val for k, val in told.items()
                if not (k in ("city", "district") and same_place(value_before_this_message(tracker, k), val))}
        count_now = tracker.get_slot("repeat_count") or {}
        if answered:
            # (a question put off for the facts told instead stays put off: XY-13 — asked last, not each turn)
            deferred = count_now if isinstance(count_now, dict) and count_now.get("deferred") \
                and count_now.get("slot") != asked and tracker.get_slot(count_now.get("slot") or "") is None else None
            extra += [SlotSet("last_answered", asked), SlotSet("repeat_count", deferred)]
            # 九千 对了问一下去仲裁要花钱不 (EE-12: the amount taken, the question ignored): the
            # answer kept and the question answered, before the next question
            if is_question(text) and not v.says_unknown(text) and not text.startswith("/"):
                # 我给老板打过好多电话要 这算讨要吗 (XI-7: the phone-privacy notice): the time limit first
                limit = time_limit_line(text, recent_words(tracker, limit=8))
                for line in [limit] if limit else await answer_here(tracker):
                    if not any(m.get("text") == line for m in dispatcher.messages):  # (XO-8: said by the
                        dispatcher.utter_message(text=line)  # offer's own reading of 先不用 + the question)
            elif restart := demand_told_line(text, recent_words(tracker, limit=8)):
                dispatcher.utter_message(text=restart)  # 我一直在微信上催 … (YW-9: the year restarts)
        elif asked == "case_confirmed" and not corrected and (limit := time_limit_line(
                text, recent_words(tracker, limit=8)) or left_corrected_line(text, recent_words(tracker, limit=8))):
            # 先问一下 我走了快两年了 上个月还催过 这样还在时效里吗 on the summary (ZW-09: read as a
            # correction of the time owed, never answered): the limit on their own dates
            dispatcher.utter_message(text=limit)
            extra.append(SlotSet("repeat_count", None))
        elif asked == "wants_ticket" and not corrected and (promised := promised_sum_answer(tracker)):
            # 大半年了吧 to 说一下这样发了几个月，我帮您算一共差多少 (VI-4, VI-16: 记下了 only): the sum promised
            lines, case_events = promised
            for line in lines:
                dispatcher.utter_message(text=line)
            extra += case_events + [SlotSet("repeat_count", None)]
        elif asked and asked != "case_confirmed" and not corrected and not extra:
            if told:  # the question stays open: say what was kept, so asking again makes sense
                basis = slots_set_this_turn(tracker).get("wage_basis") or tracker.get_slot("wage_basis")
                dispatcher.utter_message(text=f"好的，记下了：{told_text(told, basis)}。")
            if (phone := self._phone_told_instead(tracker, filled, asked)) and not told:
                # 15092345678 to 您在哪个城市、哪个区或街道 (YW-15: 说区县名就行… as if a place was
                # said wrong): the number kept, said back, and the question asked again — no try lost
                dispatcher.utter_message(text=f"好的，手机号 {mask_phone(phone)} 记下了。")
                extra.append(SlotSet("repeat_count", tracker.get_slot("repeat_count")))
            else:
                extra += await self._not_answered(asked, filled, dispatcher, tracker, domain)
        if not extra:
            return events
        events = events + extra
        return await self._next_question(events, dispatcher, tracker, domain)

    @staticmethod
    def _facts_told_instead(tracker: Tracker, filled: dict[str, Any], asked: str) -> bool:
        """Whether the reply told other facts of the case (a place, the months, the sum) instead
        of the one asked — the worker answering in their own order, no sign they do not know it."""
        if v.says_unknown(tracker.latest_message.get("text") or ""):
            return False
        told = {**slots_set_this_turn(tracker), **filled}
        return any(k != asked and k in (*CASE_FACTS, "city", "district") and val not in (None, "", v.UNKNOWN)
                   and val != value_before_this_message(tracker, k) for k, val in told.items())

    @staticmethod
    def _phone_told_instead(tracker: Tracker, filled: dict[str, Any], asked: str) -> str | None:
        """The worker's phone, told this turn while another fact was asked (None: not that)."""
        phone = {**slots_set_this_turn(tracker), **filled}.get("phone")
        if asked == "phone" or not isinstance(phone, str) or not v.phone(phone).ok:
            return None
        return phone if phone != value_before_this_message(tracker, "phone") else None

    def _relief_verdict(self, tracker: Tracker) -> str | None:
        """In the relief case, the worker's status and own sum judged against their line; None
        without both."""
        status, paid = tracker.get_slot("hardship_status"), tracker.get_slot("medical_cost")
        if self.form_name() != "relief_form" or status not in ("困难", "特困") or not isinstance(paid, (int, float)):
            return None
        # 两千多 against 困难's 2,000 (XB-4: 您的 2,000 元还差 0 元): above the line, as said
        return relief_verdict_as_said(status, float(paid), normalize_text(recent_words(tracker, limit=5))) \
            or relief_verdict_line(status, float(paid))

    def _own_relief_verdict(self, tracker: Tracker) -> str | None:
        """The verdict in 镇江 (the one place whose lines are on record), said when just asking."""
        return self._relief_verdict(tracker) if str(tracker.get_slot("city") or "").startswith("镇江") else None

    def _verdict_again(self, tracker: Tracker, corrected: set[str]) -> str | None:
        """哦说错了 我是特困职工 after the relief verdict on 困难 (ZA-11, UU-07 kept it): the
        verdict on the corrected status or sum, when one was said in this case."""
        if not corrected & {"hardship_status", "medical_cost"} \
                or not said_this_turn(tracker, "按您说的：在档", earlier_turns=6):
            return None
        return self._relief_verdict(tracker)

    def _own_service(self) -> str | None:
        """The service whose flow this form is (None for the ticket offer and the like)."""
        return next((s for s, form in SERVICE_FORMS.items() if form == self.form_name()), None)

    def _later_service(self, dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict]:
        """… 就我一个 还有 孩子住院这种工会能不能帮点 inside the wage case (CC-15: the summary
        only): another service named beside the answers is promised after this one."""
        text = tracker.latest_message.get("text") or ""
        own = self._own_service()
        # (not the law: 仲裁 / 合同 / 社保 in a question are answered in place, EE-12 replay)
        later = [s for s in services_named(text) if s not in (own, "legal_aid") and s in SERVICE_NAMES]
        if asks_in_kind_pay(text):
            return []  # 包吃包住算不算在最低工资里 in the wage case: answered now (XQ-6), not promised for later
        if not own or not later or tracker.get_slot("next_service") == later[0] or text.startswith("/"):
            return []
        dispatcher.utter_message(text=f"好的，“{SERVICE_NAMES[later[0]]}”的事，这件登记完接着帮您看。")
        return [SlotSet("next_service", later[0])]

    @staticmethod
    def _unanswerable_question(tracker: Tracker) -> bool:
        """A question of the worker's own, not an answer nor 不知道 (the form asked first)."""
        text = (tracker.latest_message.get("text") or "").strip()
        return (bool(text) and not text.startswith("/") and is_question(text)
                and not v.says_unknown(text) and not answers_the_question(tracker)
                and not CONFIRM.match(text) and not CHANGE.match(text))

    def _keep_question(self, tracker: Tracker, domain: DomainDict | None = None) -> tuple[list[str], list[dict]]:
        """The honest reply to a question with no answer on record; on the ticket offer the
        question is added to the case, so the staff who call answer it."""
        text = (tracker.latest_message.get("text") or "").strip()
        if ((tracker.latest_message.get("intent") or {}).get("name") == "bot_challenge"
                or _ASKS_IF_BOT.search(text)):
            # 你是机器人吗 on the offer (ZX-16: kept on the ticket): the domain's own answer
            said = ((domain or {}).get("responses", {}).get("utter_bot_challenge") or [{}])[0].get("text")
            return [said or "我是工会的智能助手（机器人）。"], []
        if _ASKS_FOR_HELP.search(text):
            return [CAN_HELP], []  # 能帮我要回来吗 inside the case (II-09: 没有现成的准确答案)
        if sums := sums_for(tracker):
            return sums, []  # 你就直接说 3500合不合法 少给我多少 on the offer (ZE-10: 没有现成的准确答案)
        case = tracker.get_slot("pending_case")
        if _WHAT_NEXT.match(text) and (steps := next_steps(case, recent_words(tracker, limit=5))):
            return steps, []
        if self.form_name() != "ticket_offer_form" or not isinstance(case, dict):
            return [QUESTION_NOT_ON_RECORD], []
        facts = dict(case.get("facts") or {})
        asked = str(facts.get("question") or "")
        if text not in asked:
            # (marked: the account of the case keeps it, though it is a question — make test's e2e X-03)
            facts["question"] = "；".join(p for p in (asked, ASKED_MARK + text) if p)[:300]
        return [QUESTION_KEPT], [SlotSet("pending_case", {**case, "facts": facts})]

    async def _not_answered(self, asked: str, filled: Slots, dispatcher: CollectingDispatcher,
                            tracker: Tracker, domain: DomainDict) -> list[dict]:
        """The question got no answer (facts told instead were said back by the caller, so the
        worker sees they were kept): a try is counted even when other facts came, so no
        question is asked a third time. The second time a place is asked it comes with an
        example and city buttons; after that a fact the case can go without is kept as
        unknown, the case goes on without a phone, and any other question offers a person."""
        if v.asks_to_change(tracker.latest_message.get("text")):
            return [SlotSet("repeat_count", None)]  # the ask action says what to change
        if asked == "monthly_wage" and any(m.get("text") == DAY_PAY_QUESTION for m in dispatcher.messages):
            # 日结 (ZW-03): the day's pay was asked instead; the month's question not asked below it
            return [SlotSet("repeat_count", {"slot": asked, "n": 1, "offered": True})]
        count = tracker.get_slot("repeat_count") or {}
        # 那我能拿多少 on the legal-aid offer: the sum on the worker's figures (actions.legal)
        # 我一直找他们要 老说下个月给 to a form's question (XC-15: 没听明白金额): the year restarts
        told = demand_told_line(tracker.latest_message.get("text") or "", recent_words(tracker, limit=8))
        sums = [told] if told else (sums_for(tracker) or day_pay_lines(tracker))
        # 我一个月大概六千 那能拿多少钱 对了仲裁要花钱不 (TT-08: the cost ignored): the sum,
        # and the other question answered beside it
        # 要自己去办手续不 还是自动就有 right after the 上海 accident cover (XD-15: the overtime
        # multipliers, read from the message before it): the cover's own answer first
        # 包吃包住算不算在最低工资里 (XQ-6), 那隆祥一共欠我们多少 (XQ-9), 返乡车票有补贴吗 (XQ-16): 没有现成的准确答案
        # (这是一个月的 俺三个月都这么干的 那一共多少, VM-3: the month's 3,250 said as the total)
        claim = await in_kind_pay_reply(tracker) or owed_or_months_total(tracker) or (
            None if sums else await accident_claim_reply(tracker) or await fare_reply(tracker))
        answers = [claim] if claim else sums + [
            line for line in await answer_here(tracker)
            if not (sums and (re.search(r"经济补偿|二倍工资|赔偿金", line) or line.startswith("按您说的")))]
        if not answers and asks_who_we_are(tracker.latest_message.get("text") or ""):
            answers = [await who_we_are_reply()]  # 你们是哪个工会的 inside a case (XV-3)
        if not answers:
            answers = await asked_again_here(tracker)
        if not answers:
            # 那我去哪申请 while the form asks its next fact (YV-04: 没有现成的准确答案); 我要是过年干活
            # 摔了找谁报 on the offer after the accident cover (XB-5: the same)
            where = await where_to_apply_reply(tracker) or await accident_claim_reply(tracker)
            answers = [where] if where else []
        question_kept: list[dict] = []
        if not answers and self._unanswerable_question(tracker):
            # 报名要带啥 身份证就行吗 / 医药费能要回来不 on the offer (X-03, X-17, X-20 got the
            # offer again, then 不好回答): said honestly, and kept for the staff who call
            answers, question_kept = self._keep_question(tracker, domain)
        if answers:  # 有个标准没有 asked back (I-08): the figure, then the question again
            # (not the question's re-ask hint first: the worker asked, they did not answer)
            dispatcher.messages[:] = [m for m in dispatcher.messages
                                      if not str(m.get("response") or "").startswith(REASK_PREFIX)]
            for line in answers:
                dispatcher.utter_message(text=line)
            return [SlotSet("repeat_count", count or None), *question_kept]
        if asked == "phone" and (owner := someone_elses_number(tracker.latest_message.get("text") or "")):
            # 包工头电话13812345678 一直不接 (HG-02: 这个手机号好像不对 with no reason): not the worker's
            dispatcher.messages[:] = [m for m in dispatcher.messages
                                      if not str(m.get("response") or "").startswith(REASK_PREFIX)]
            dispatcher.utter_message(text=f"这个号码是{owner}的吧？这里要留的是您自己的手机号，"
                                          "工作站的工作人员好联系您。")
            return [SlotSet("repeat_count", count or None)]
        if asked == "phone" and (what := v.someone_else_unknown(tracker.latest_message.get("text") or "")):
            # 不知道他叫啥 to the phone question (L-6: 好的，不留电话也可以 — the worker never said no):
            # the other side's unknown name is fine; the worker's own number is still asked
            dispatcher.messages[:] = [m for m in dispatcher.messages
                                      if not str(m.get("response") or "").startswith(REASK_PREFIX)]
            dispatcher.utter_message(text=f"没关系，对方的{what}不知道也能登记，工作人员会帮您核实。"
                                          "这里要留的是您自己的手机号，工作站好联系您；不想留也可以说“不留”。")
            return [SlotSet("repeat_count", count or None)]
        tries = (count.get("n", 0) if count.get("slot") == asked else 0) + 1
        extra: list[dict] = [SlotSet("repeat_count", {"slot": asked, "n": tries})]
        if tries >= 2 and asked in OPTIONAL_FACTS and self._facts_told_instead(tracker, filled, asked):
            # 欠薪 → 辛安 → 三个月 to 是哪家单位欠的 (XY-13: 单位先记为“不清楚” — the worker answered other
            # questions, he never said he did not know): no 不知道, the question put off till the
            # other facts are asked (``_next_question``), then asked again
            return [SlotSet("repeat_count", {"slot": asked, "n": 1, "deferred": True})]
        if asked == "phone" and (digits := _digit_count(tracker.latest_message.get("text") or "")) >= 7 \
                and digits != 11:
            # 幺三八 零五三二 一二三四 五 (ZR-03: the same question, no word of what was wrong)
            dispatcher.utter_message(text=f"您说的号码是 {digits} 位，手机号是 11 位，麻烦再核对一下。")
        if tries >= 2 and asked in OPTIONAL_FACTS:
            dispatcher.utter_message(text=f"没关系，{FACT_NAMES.get(asked, '这一项')}先记为"
                                          "“不清楚”，工作人员联系您时再核实。")
            extra += [SlotSet(asked, v.UNKNOWN), SlotSet("repeat_count", None)]
        elif tries >= 2 and asked == "phone" and self.form_name() != "ticket_status_form":
            # the case goes on without a phone rather than a third ask (青岛, 李沧区 told
            # instead: facts of the case, kept; the phone is not asked again)
            kept = await self.validate_phone(v.NO_PHONE, dispatcher, tracker, domain)
            # the worker never said no (FF-15: 我没说不留电话啊): the number can still come
            dispatcher.messages[:] = [m for m in dispatcher.messages if m.get("text") != NO_PHONE_TEXT]
            dispatcher.utter_message(text=PHONE_LEFT_OPEN_TEXT)
            extra += [SlotSet(k, val) for k, val in kept.items()] + [
                SlotSet("repeat_count", None)]
        elif tries >= 2:
            if asked in ("city", "district"):
                dispatcher.utter_message(text=PLACE_OFFER, buttons=[
                    *PLACE_BUTTONS, {"title": "转人工", "payload": "/request_human"}])
            else:
                dispatcher.utter_message(response="utter_offer_human_for_question")
            # the offer is the turn's last word: Rasa does not ask the question below it
            # (bot/rasa_forms.py reads the mark)
            extra = [SlotSet("repeat_count", {"slot": asked, "n": tries, "offered": True})]
        elif asked in ("city", "district"):
            dispatcher.utter_message(text=PLACE_HINT, buttons=PLACE_BUTTONS)
        return extra

    @staticmethod
    async def _hand_over(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict]:
        """The person the form offered, taken: the handoff is asked for here and the form
        ends, then the bot listens (no rule knows a handoff that follows a form's own offer,
        so a separate action would be followed by the fallback)."""
        from actions.handoff import request_handoff  # handoff builds on the tickets module

        events = await request_handoff(dispatcher, tracker, "worker_request")
        return events + HotlineForm._pause()

    async def _waiting_callback(self, dispatcher: CollectingDispatcher,
                                tracker: Tracker) -> list[dict] | None:
        """The phone for a callback promised outside opening hours, given while this form
        is open: the callback is filed (not swallowed as an answer to another question).
        Unless the form asked for the phone itself, it then pauses and offers its case
        again, so the worker is not asked about the case in the same breath."""
        from actions.handoff import CASE_SERVICES, file_waiting_callback, offer_case_again

        events = await file_waiting_callback(dispatcher, tracker, offer=False)
        if events is not None and tracker.get_slot("requested_slot") != "phone":
            service = next((s for s, form in SERVICE_FORMS.items()
                            if form == self.form_name()), None)
            offer_case_again(dispatcher, service if service in CASE_SERVICES else None)
        return events

    def _accepts_person(self, tracker: Tracker) -> bool:
        """要 / 好 / 转吧 right after the form offered a person for a question it could not
        get answered: the worker takes the offer."""
        count = tracker.get_slot("repeat_count") or {}
        if count.get("slot") != tracker.get_slot("requested_slot") or count.get("n", 0) < 2:
            return False
        latest = tracker.latest_message or {}
        text = (latest.get("text") or "").strip(" ，,。.!！")
        return (latest.get("intent") or {}).get("name") == "affirm" and not text.startswith("/") \
            or bool(re.fullmatch(r"要|好|好的|行|可以|转吧|转人工吧?|要的|需要", text))

    async def _next_question(self, events: list[dict], dispatcher, tracker,
                             domain) -> list[dict]:
        """``requested_slot`` recomputed after slots changed here, so the form asks what is
        really missing next (Rasa would otherwise ask the question it chose before)."""
        values = dict(tracker.slots)
        values.update({e["name"]: e["value"] for e in events if e.get("event") == "slot"})
        required = await self.required_slots(self.domain_slots(domain), dispatcher, tracker,
                                             domain)
        missing = next((s for s in required if values.get(s) is None), None)
        counted = values.get("repeat_count")
        put_off: dict = counted if isinstance(counted, dict) else {}
        if put_off.get("deferred") and missing == put_off.get("slot"):
            # (XY-13: the question the worker passed over comes after the others, not each turn)
            missing = next((s for s in required if values.get(s) is None and s != missing
                            and s not in YES_NO_SLOTS), missing)  # (asked before the summary)
        kept = [e for e in events if not (e.get("event") == "slot"
                                          and e.get("name") == "requested_slot")]
        return kept + [SlotSet("requested_slot", missing)]

    def _correct_last_answer(self, tracker: Tracker, text: str) -> tuple[str, Any] | None:
        """说错了，是外卖: the words after the correction, read as the last answer given."""
        slot = tracker.get_slot("last_answered")
        check = SLOT_CHECKS.get(slot)
        if not check:
            return None
        rest = re.split(r"不对|说错了?|错了|写错了?|打错了?|更正一下|更正|改一下|改成|改为|应该是|其实是",
                        text)[-1]
        if slot in ("city", "district") and _NOT_A_PLACE_CORRECTION.search(rest):
            return None  # 不对 自己花的是两千五 (M-05): a sum, not a new city
        checked = check(rest.strip(" ，,。是"))
        return (slot, checked.value) if checked.ok else None
