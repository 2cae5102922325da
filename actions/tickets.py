"""Opening tickets (工单), shared by every flow: file a case, or offer to file one.

A case is filed with an idempotency key stable for the conversation turn, so a repeated
action call files it once. When the backend is away the case goes to the durable outbox
(``actions/case_outbox.py``) and the worker is told it is kept and will be submitted.
"""

from __future__ import annotations

import logging
import re
import uuid
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import validators as v
from actions.backend_client import BackendError, BackendUnavailable
from actions.case_outbox import submit_ticket
from actions.common import SafeAction, bot_said, client, location, outbox, said_this_turn
from actions.fact_tables import (
    ARREARS_FACTS,
    CASE_ALIASES,
    CASE_FACTS,
    CORRECTED,
    FACT_NAMES,
    SLOT_OF_CASE_FACT,
    fact_text,
    wage_as_said,
)
from actions.facts import (
    CASE_TOPICS,
    answer_in_topic,
    call_time_told,
    case_messages,
    case_words,
    is_question,
    worker_messages,
)
from actions.seed_files import seed
from actions.slot_checks import slots_set_this_turn, value_before_this_message
from actions.station_followup import (
    HANDLED_BY,
    STATUS_REPLY,
    asks_who_handles,
    filed_type,
    status_in_talk,
    status_looked_up,
    ticket_station_reply,
)
from actions.time_limits import asked_for, time_limit_points
from bot.contract import TICKET_TYPE_WORKER_NAMES, URGENT_CALLBACK_REASONS, weekday_name
from bot.normalize.identity import mask_phone
from bot.normalize.text import normalize_text

TYPE_NAMES = TICKET_TYPE_WORKER_NAMES  # the shared contract (bot/contract.py)
logger = logging.getLogger(__name__)
BEIJING = timezone(timedelta(hours=8))


def new_case_id() -> str:
    """Names one case from its start to its ticket (the idempotency key sent to the backend)."""
    return uuid.uuid4().hex


def case_key(tracker: Tracker, ticket_type: str) -> str:
    """The case's own id (``case_id``, set when the case was opened and kept until its ticket
    is filed): a retried action files the case once, and a second, different case in the same
    conversation gets its own key. A case opened without one (a callback) is named by its
    conversation and the time of the message that asked for it."""
    if case_id := tracker.get_slot("case_id"):
        return f"case:{case_id}:{ticket_type}"
    said_at = next((e.get("timestamp") for e in reversed(tracker.events)
                    if e.get("event") == "user"), None)
    return f"{tracker.sender_id}:{ticket_type}:{said_at}"


def _due_time(sla_due: str) -> datetime | None:
    """The backend's ``sla_due`` (ISO, UTC, 'Z' or naive) as an aware time; None when unreadable."""
    try:
        due = datetime.fromisoformat(str(sla_due).replace("Z", "+00:00"))
    except ValueError:
        return None
    return due if due.tzinfo else due.replace(tzinfo=timezone.utc)


def call_back_by(sla_due: str) -> str:
    """'2026-11-26T05:45:00' (UTC) → '11月26日（周四）' in Beijing time."""
    if (due := _due_time(sla_due)) is None:
        return str(sla_due)[:10]
    due = due.astimezone(BEIJING)
    return f"{due.month}月{due.day}日（{weekday_name(due.weekday())}）"


def case_place(tracker: Tracker) -> tuple[str | None, str | None]:
    """Where the case is routed: the place the worker told us, else the one on their record
    (a verified member who never named a place is served by their own station)."""
    city, district = (None if val == v.UNKNOWN else val for val in location(tracker))
    if city or district:
        return city, district
    # 即墨 told on the ticket offer: Rasa keeps only the form's own slots, the parked case
    # holds the place (ValidateTicketOfferForm.run)
    told = (tracker.get_slot("pending_case") or {}).get("facts") or {}
    if told.get("city") or told.get("district"):
        return told.get("city"), told.get("district")
    region = (tracker.get_slot("verified_worker") or {}).get("region") or {}
    local = next((region[k] for k in ("community", "street", "district") if region.get(k)), None)
    return region.get("city"), local


def contact_phone(tracker: Tracker) -> str | None:
    """The number the station calls back; none when the worker would not give one."""
    from actions.validators import NO_PHONE

    phone = tracker.get_slot("phone")
    return None if phone == NO_PHONE else phone


# (俺叫张建军 — UU-01: missing from the summary)
_NAME_TOLD = re.compile(r"(?:我叫|俺叫|我的名字(?:叫|是)|俺的名字(?:叫|是)|本人|"
                        # 我是澳柯玛的工人王建军 (VB-1: the name on neither the summary nor the ticket)
                        rf"(?:我|俺)是\S{{1,12}}?的(?:工人|员工|职工|师傅)(?=[{v._SURNAMES}]))\s*([\u4e00-\u9fff]{{2,3}}?)"
                        r"(?=[\s，,。.!！]|$|电话|手机|今年|在|是|\d)")


# 要 电话139… 我姓王 (VF-1: the surname dropped from the school ticket): the surname alone, by itself
_SURNAME_TOLD = re.compile(rf"(?:我|俺|本人)(?:就)?姓([{v._SURNAMES}])(?![\u4e00-\u9fff]*?的)"
                           r"(?=[\s，,。.!！]|$|电话|手机|[写记登]|\d)")


def name_told(tracker: Tracker) -> str | None:
    """我叫张国强 (I-01): the name the worker gave, for the ticket's contact (the last told); 我姓王
    alone (VF-1) as 姓王 — a full name told in the conversation wins over a surname."""
    names = [m.group(1) for e in tracker.events if e.get("event") == "user"
             for m in _NAME_TOLD.finditer(e.get("text") or "")
             if not re.match(r"[不他她你我它这那人了的啥什]", m.group(1)) and "不" not in m.group(1)]
    if names:
        return names[-1]
    surnames = [m.group(1) for e in tracker.events if e.get("event") == "user"
                for m in _SURNAME_TOLD.finditer(e.get("text") or "")]
    return f"姓{surnames[-1]}" if surnames else None


_STATION_SUFFIX = re.compile(r"工会网格化?工作总?站$")


def station_place(facts: dict[str, Any]) -> str | None:
    """辛安街道沂河路社区 for a case offered with the station just named (YT-03: the childcare
    sign-up after the 沂河路 station's card went to the district centre, routed by 西海岸)."""
    station = facts.get("station")
    return _STATION_SUFFIX.sub("", station) or None if isinstance(station, str) else None


_INSIDE_A_DISTRICT = re.compile(r"(?:街道|镇|乡|社区|村|路)$")


def _street_told(district: str | None) -> bool:
    """长江路 / 长江路街道 told after a station's card (XD-2: filed with the 沂河路 station shown
    before): a street or community the worker named is where they are; a whole district (黄岛区,
    西海岸) holds the station named, which then routes the case."""
    from bot.nlu.gazetteer import street_names  # (the seed's places, read once)

    return isinstance(district, str) and (district in street_names() or bool(_INSIDE_A_DISTRICT.search(district)))


@lru_cache(maxsize=1)
def _streets() -> dict[str, str]:
    """Each street's and community's name and alias → its street (辛安 / 沂河路社区 / 渭河路社区 →
    辛安街道), from the seed's places (the one source of the backend's regions)."""
    def names(record: dict | str) -> list[str]:
        return [record] if isinstance(record, str) else [record["name"], *(record.get("aliases") or [])]

    found: dict[str, str] = {}
    for province in seed("places.yml").get("provinces") or []:
        for city in province.get("cities") or []:
            for district in city.get("districts") or []:
                for street in district.get("streets") or []:
                    said = [*names(street), *(n for c in street.get("communities") or [] for n in names(c))]
                    said += [n.removesuffix("街道") for n in names(street) if n.endswith("路街道")]  # 长江路
                    found.update({n: names(street)[0] for n in said if n not in found})
    return found


def _street_of(place: str) -> str | None:
    """The street a street, a community or a station's place (辛安街道沂河路社区) lies in."""
    streets = _streets()
    if place in streets:
        return streets[place]
    return next((streets[n] for n in sorted(streets, key=len, reverse=True) if place.startswith(n)), None)


def runs_it_nearby(district: str | None, facts: dict[str, Any]) -> bool:
    """The station the case names (the one that runs the 托管驿站) lies in the street the worker
    told (XN-2, XN-15: 我在辛安上班 … 托管 filed with 辛安街道工会网格化工作总站, which has no 驿站):
    the sign-up goes to that station. Another street told (长江路, XD-2) is where they are."""
    station = station_place(facts)
    if not station or not isinstance(district, str) or not district:
        return False
    told = _street_of(district)
    return told is not None and told == _street_of(station)


def station_taking_it(tracker: Tracker, facts: dict[str, Any]) -> str | None:
    """The line under a sign-up's summary that names the station it goes to, when that is the
    station running the service rather than the street's own (XN-2: 辛安 told, the 托管驿站 is
    沂河路社区's — said, so the worker knows who calls); None otherwise."""
    station = facts.get("station")
    _city, district = case_place(tracker)
    if not isinstance(station, str) or not station or (_street_told(district) and not runs_it_nearby(district, facts)):
        return None
    runs = "职工子女爱心托管驿站就设在这个站" if "托管" in str(facts.get("service") or "") else "这项服务由这个站办"
    return f"· 转给：{station}（{runs}）"


def _who_takes_it(tracker: Tracker, place: str) -> str:
    """Who takes the ticket when no street is told: the station whose card the case came with
    (XD-2: said 黄岛区的工会服务中心, filed with 沂河路社区's station), else the place's centre."""
    facts = (tracker.get_slot("pending_case") or {}).get("facts") or {}
    station = facts.get("station")
    return station if isinstance(station, str) and station else f"{place}的工会服务中心"


_CANCELLED = "已经取消了"  # utter_cancel: 刚才的内容不会提交


def _words_around_cancel(tracker: Tracker) -> tuple[list[str], list[str]]:
    """The worker's messages before and after the latest cancel of a case; ([], []) when none
    was cancelled, or the cancelled case was taken up again (还是办吧: its words are this case's)."""
    from actions.take_back import takes_it_back  # (take_back reads the bot's lines, as tickets does)

    events = list(tracker.events)
    at = next((i for i in range(len(events) - 1, -1, -1) if events[i].get("event") == "bot"
               and _CANCELLED in (events[i].get("text") or "")), None)
    if at is None:
        return [], []
    said = [[(e.get("text") or "").strip() for e in part if e.get("event") == "user"]
            for part in (events[:at], events[at:])]
    latest = ((tracker.latest_message or {}).get("text") or "").strip()
    after = [*said[1], *([latest] if latest and latest not in said[1] else [])]
    return ([], []) if any(takes_it_back(t) for t in after) else (said[0], after)


def without_cancelled_words(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """The case's own words (您说的情况) without what was said of a case cancelled before it
    (YX-13: 已经取消了，刚才的内容不会提交, then the cancelled school transfer was on the training
    ticket): words said only before the cancel belong to the case that was dropped."""
    words = facts.get("question")
    before, after = _words_around_cancel(tracker)
    if not isinstance(words, str) or not before:
        return facts
    kept = [p for p in words.split("；")
            if not (any(p in m for m in before) and not any(p in m for m in after))]
    return {**facts, "question": "；".join(kept) or None}


def case_payload(tracker: Tracker, ticket_type: str, facts: dict[str, Any]) -> dict[str, Any]:
    if ticket_type != "callback":  # (a callback is about the worker now: all they said stays)
        facts = without_cancelled_words(tracker, facts)
    facts = {**facts, **negations_kept(tracker, facts)}  # whoever filed it: 没交社保 stays 没 (XR-9)
    facts.update(job_as_said(tracker, facts))  # (a job the codes lack is filed in the worker's words)
    worker = tracker.get_slot("verified_worker") or {}
    city, district = case_place(tracker)
    if not _street_told(district) or runs_it_nearby(district, facts):
        district = station_place(facts) or district  # (the station named lies within the place told)
    facts.update(place_cut_off(facts))  # (南区一家酒店 → 一家酒店, VJ-14)
    if ticket_type not in ("callback", "other") and not facts.get("service") and isinstance(facts.get("question"), str):
        facts["question"] = case_account(facts["question"])  # (the account the worker checked, VL-1)
    payload = {"type": ticket_type, "facts": {k: v for k, v in facts.items() if v is not None},
               "city": city, "district": district,
               "contact_phone": contact_phone(tracker),
               "contact_name": worker.get("name") or name_told(tracker),
               "conversation_id": tracker.sender_id}
    return {k: v for k, v in payload.items() if v not in (None, "")}


def call_back_at(sla_due: str) -> str:
    """'2026-11-26T00:30:00' (UTC) → '11月26日（周四）08:30' in Beijing time: an urgent
    callback is due at the station's opening, so the hour matters."""
    if (due := _due_time(sla_due)) is None:
        return call_back_by(sla_due)
    return f"{call_back_by(sla_due)}{due.astimezone(BEIJING):%H:%M}"


def _due_now(sla_due: str, now: datetime | None = None) -> bool:
    """An urgent callback due about now (the backend makes it due at once when the station is
    open): the station is open now."""
    if (due := _due_time(sla_due)) is None:
        return False
    return -30 * 60 <= (due - (now or datetime.now(timezone.utc))).total_seconds() <= 15 * 60


URGENT_LINES = "心里难受的话，请随时拨打心理援助热线 12356 或 400-161-9995；紧急情况请拨打 120 或 110。"


# A time to be called when no station is open: the evening from eight, the night
AFTER_HOURS = re.compile(r"半夜|凌晨|深夜|夜里|夜间|晚上(?:[八九十]|[89]|1[0-2])|(?:2[0-3]|20)(?:点|:)")
CALL_AS_TOLD = "方便接电话的时间（{when}）记在工单上了，工作人员会照这个时间给您打电话"


def what_happens_next(ticket: dict, has_phone: bool, urgent: bool, call_time: str | None = None) -> str:
    """The call the worker can expect: at the station's opening for an urgent callback (a
    crisis), at the time the worker asked for (``call_time``, not at night), by the SLA date
    otherwise, or how to ask without a phone."""
    if urgent and has_phone and _due_now(ticket["sla_due"]):
        # (服务站一上班（12月7日（周一）18:48）, XH-13: said at 18:48 of a station open till 19:30)
        return f"工作站现在有人，工作人员会尽快给您回电，请保持手机畅通。{URGENT_LINES}"
    if urgent and has_phone:
        return (f"服务站一上班（{call_back_at(ticket['sla_due'])}），工作人员会第一时间给您"
                f"回电，请保持手机畅通。在这之前，{URGENT_LINES}")
    if has_phone and call_time and not AFTER_HOURS.search(call_time):
        # 那让他们周六下午给我回电话吧 13866554433 (XP-13: 工作人员会在 12月9日（周三）前给您打电话)
        return CALL_AS_TOLD.format(when=call_time_alone(call_time)) + "，请保持手机畅通。"
    if has_phone:
        return f"工作人员会在 {call_back_by(ticket['sla_due'])}前给您打电话，请保持手机畅通。"
    return (f"您没有留电话，工作人员没法回电：请记下工单号，{call_back_by(ticket['sla_due'])}"
            f"后可以打 {ticket['station_phone']} 问进度。")


async def file_case(dispatcher: CollectingDispatcher, tracker: Tracker, ticket_type: str,
                    facts: dict[str, Any], urgent: bool = False) -> dict | None:
    """Creates (or queues) the ticket and tells the worker what happens next (``urgent``: a
    crisis callback, which the backend makes due at the station's next opening)."""
    payload = case_payload(tracker, ticket_type, facts)
    ticket = await submit_ticket(client(), outbox(), payload, case_key(tracker, ticket_type))
    if ticket is None:
        dispatcher.utter_message(response="utter_case_queued")
        if urgent:
            dispatcher.utter_message(text=URGENT_LINES)
            _offer_case_beside_crisis(dispatcher, tracker, ticket_type)
        return None
    name = TYPE_NAMES.get(ticket_type, "")
    then = what_happens_next(ticket, bool(payload.get("contact_phone")), urgent, facts.get("call_time"))
    dispatcher.utter_message(
        text=f"已为您登记{name}工单，工单号 {ticket['id']}，由{ticket['station_name']}负责"
             f"（电话 {ticket['station_phone']}）。{then}以后查进度，告诉我工单号就行。")
    if ticket.get("place_known") is False:
        place = payload.get("district") or payload.get("city")
        dispatcher.utter_message(text=PLACE_NOT_COVERED.format(place=place, station=ticket["station_name"]))
    if urgent:
        _offer_case_beside_crisis(dispatcher, tracker, ticket_type)
    return ticket


CASE_OF_ITS_OWN = "回电工单是为了先给您回个电话；您说的“{name}”是另一件事，单独帮您办，不跟回电混在一起。"


def _offer_case_beside_crisis(dispatcher: CollectingDispatcher, tracker: Tracker, ticket_type: str) -> None:
    """After a crisis callback: the case the worker asked for with the crisis words (孩子放学没人管
    想找个托管 … 不想活了 — XV-16: only words on the callback, the 托管 case lost) offered as its own."""
    from actions.crisis import case_beside_crisis  # (crisis imports the validators, as tickets does)
    from actions.next_service import offer_service
    from actions.service_catalog import SERVICE_NAMES

    if ticket_type != "callback" or not (service := case_beside_crisis(tracker)) \
            or any("您刚才还提到了“" in (m.get("text") or "") for m in dispatcher.messages):
        return
    dispatcher.utter_message(text=CASE_OF_ITS_OWN.format(name=SERVICE_NAMES.get(service, service)))
    offer_service(dispatcher, service)


# 四川南充 (round 27: filed with 青岛's centre, said as if it were 南充's own station)
PLACE_NOT_COVERED = ("说明一下：{place}还没有接入我们这里的工会网格工作站，这张工单先由{station}受理，工作人员会帮您"
                     "联系{place}当地的工会。着急的话，也可以直接打{place}当地的职工服务热线 12351 或人社 12333。")


def offer_ticket(ticket_type: str, facts: dict[str, Any]) -> list[dict]:
    """Events that park a case and open the ticket offer (the form sums the case up and asks
    确认 / 修改 / 先不用, then the phone)."""
    return [SlotSet("pending_case", {"type": ticket_type, "facts": facts}),
            SlotSet("case_id", new_case_id()),
            SlotSet("wants_ticket", None), ActiveLoop("ticket_offer_form")]


# 南区一家酒店 / 南区一家饭店服务员 (VJ-14, VI-10: the tail of 市南区 read into the employer and the job):
# a place before 一家 / 一个 is no part of what the employer or the job is — the place has its own line
_PLACE_CUT = re.compile(r"^[\u4e00-\u9fff]{0,4}?[区县市镇](?:的|那边的?|这边的?)?(?=一家|一个)")
_DESCRIBED = ("employer", "occupation")


def place_cut_off(facts: dict[str, Any]) -> dict[str, Any]:
    """The employer and the job described with a place before 一家 (南区一家酒店), without it:
    一家酒店 / 饭店服务员 ({} when neither is)."""
    cut = {k: _PLACE_CUT.sub("", str(facts[k])) for k in _DESCRIBED
           if isinstance(facts.get(k), str) and _PLACE_CUT.search(facts[k])}
    if "occupation" in cut:
        cut["occupation"] = re.sub(r"^一(?:家|个)", "", cut["occupation"])  # 一家饭店服务员 → 饭店服务员
    return cut


# --- 您说的情况 as the case's facts (VL-1, VL-16) ----------------------------------------------------
# 您说的情况 was every message pasted whole and cut with "…" (VL-1: 好 那工单上都写了啥 给我看看 … 我是… on a
# second ticket; VL-16: 二年级 学校说没社保证明不让… cut): the account holds the clauses that tell the case,
# whole — none that asks (这个咋办 / 能要多少钱), talks of the ticket or the chat (给我看看 / 我就是说说),
# gives the name or the phone (their own lines), or is the crisis said beside it (its own handover).
_NOT_AN_ACCOUNT = re.compile(r"工单|单子|登记的?内容|给我看|给俺看|看看|看一下|(?:我|俺)(?:就)?是问|"
                             r"(?:我|俺)?就是说说|随便说说|说着玩|^(?:你好|您好|在吗|喂)$|"
                             r"活着\S{0,3}没意思|不想活|活不下去|想死|死了算了|轻生|自杀|跳楼|"
                             r"^(?:我|俺)(?:叫|的名字(?:叫|是))[\u4e00-\u9fff]{2,4}$|^(?:我|俺)?姓[\u4e00-\u9fff]$")


def _account_of(words: str) -> str:
    """The clauses of ``words`` that tell the case, each after the mark that stood before it (a
    space stays a space, a message's end a ，)."""
    kept: dict[str, str] = {}
    for message in words.split("；"):
        if message.startswith(ASKED_MARK):  # a question the staff are to answer (QUESTION_KEPT), kept whole
            kept[message] = "；"
            continue
        parts = re.split(r"([\s，,。；;！!？?、]+)", _PHONE_IN_WORDS.sub(" ", message))
        for at in range(0, len(parts), 2):
            clause = _NOTE_LEAD.sub("", parts[at].strip())
            if len(re.findall(r"[\u4e00-\u9fff\d]", clause)) < 2 or _NOTE_CHAT.match(clause) \
                    or _NOT_AN_ACCOUNT.search(clause) or clause in kept:
                continue
            if (is_question(clause) or _ASKS_IN_CLAUSE.search(clause)) and not _UNKNOWN_TOLD.search(clause):
                continue
            mark = parts[at - 1].strip() if at else "，"
            kept[clause] = "，" if mark in ("", "，", "；", ";", "？", "?", "！", "!") and at == 0 \
                else (" " if not mark else mark[0] if mark[0] in "，,。、" else "，")
    return "".join(f"{mark}{clause}" for clause, mark in kept.items()).lstrip(" ，,。、")


# 要问：需要我本人去一趟吗 — a question the bot could not answer, kept on the case for the staff who call
ASKED_MARK = "要问："
_PHONE_IN_WORDS = re.compile(r"(?<!\d)1[3-9]\d(?:[\s\-]*\d){8}(?!\d)")


def case_account(words: Any) -> Any:
    """The worker's words of the case as its account: the clauses that tell it, whole, in the order
    said (a correction kept after 更正：); the words as said when no clause tells a fact (the worker's
    own question on a sign-up ticket)."""
    if not isinstance(words, str) or not words.strip():
        return words
    parts = [_account_of(part) for part in words.split(CORRECTED)]
    if not parts[0] and not any(parts[1:]):
        return words
    return CORRECTED.join(p for p in parts if p) if parts[0] else "；".join(p for p in parts if p)


def summary_lines(facts: dict[str, Any]) -> list[str]:
    """One line per fact the worker gave, in their terms (不清楚 stays visible); the worker's words
    as the case's account, whole (never cut with "…")."""
    facts = {**facts, **place_cut_off(facts)}
    if isinstance(facts.get("question"), str) and not facts.get("service"):  # (a sign-up's ask is its own)
        account = case_account(facts["question"])
        return [f"· {FACT_NAMES['question']}：{account}" if line.startswith("· 您说的情况：") else line
                for line in _fact_lines(facts)]
    return _fact_lines(facts)


def _fact_lines(facts: dict[str, Any]) -> list[str]:
    slots = ((SLOT_OF_CASE_FACT.get(k, k), val) for k, val in facts.items())
    return [f"· {FACT_NAMES[k]}：{fact_text(k, val)}" for k, val in slots
            if k in FACT_NAMES and val not in (None, "", [])]


class _AskAction(SafeAction):
    """A form's question: asked inside the form's turn, so it never resumes other forms."""

    async def run(self, dispatcher, tracker, domain):
        try:
            return await self.act(dispatcher, tracker, domain)
        except Exception:
            logger.exception("%s failed", self.name())
            dispatcher.utter_message(text="要登记的内容没问题的话请说“确认”，要改请说“修改”。",
                                     buttons=[{"title": "确认", "payload": "/affirm"},
                                              {"title": "修改", "payload": "修改"}])
            return []


_CHANGE_HINT = "要改哪一项，直接说新的内容就行，比如“金额是九千五”“单位是青岛海纳建筑”“人数是3个”。"


def _asked_to_change(tracker: Tracker) -> bool:
    return v.asks_to_change(tracker.latest_message.get("text"))


def _facts_changed_now(tracker: Tracker) -> dict[str, Any]:
    """The case facts the latest message set to a new value (read by the slot mappings or the
    form): what the summary must say back before it is shown again."""
    return {k: val for k, val in slots_set_this_turn(tracker).items()
            if k in CASE_FACTS and k in FACT_NAMES and val not in (None, "", [])
            and val != value_before_this_message(tracker, k)}


def changed_text(tracker: Tracker, changed: dict[str, Any]) -> str:
    """已更正：金额改为 23,000 元；记下了：人数 约十来个工友 — a fact that had a value is corrected,
    one told for the first time is noted."""
    fixed = [f"{FACT_NAMES[k]}改为{fact_text(k, val)}" for k, val in changed.items()
             if value_before_this_message(tracker, k) not in (None, "")]
    new = [f"{FACT_NAMES[k]} {fact_text(k, val)}" for k, val in changed.items()
           if value_before_this_message(tracker, k) in (None, "")]
    parts = ([f"已更正：{'、'.join(fixed)}"] if fixed else []) + ([f"记下了：{'、'.join(new)}"] if new else [])
    return "；".join(parts)


def _before_the_summary(tracker: Tracker, text: str) -> str | None:
    """What is said before the summary shown again: the facts this message changed (YS-01:
    还有十来个工友 对了钱不对 俺是两万三 took 23,000 but got 没看出), or, for a correction nothing was
    read from, how to say one (YO-09: 名字写错了 got the same summary, as if unheard)."""
    if text.startswith("/") or any(said_this_turn(tracker, words) for words in ("已更正", "记下了")):
        return None
    changed = _facts_changed_now(tracker)
    if changed and (v.is_correction(text) or set(changed) - {tracker.get_slot("last_answered")}):
        return "好的，" + changed_text(tracker, changed) + "。"
    if v.is_correction(text) and not changed:
        return "这句我没看出要把哪一项改成什么。" + _CHANGE_HINT
    return None


class ActionAskCaseConfirmed(_AskAction):
    """The wage case summed up in one message, before it is filed: 确认 or 修改."""

    def name(self) -> str:
        return "action_ask_case_confirmed"

    async def act(self, dispatcher, tracker, domain):
        if _asked_to_change(tracker):
            dispatcher.utter_message(text="好的。" + _CHANGE_HINT)
            return []
        text = ((tracker.latest_message or {}).get("text") or "").strip()
        if line := _before_the_summary(tracker, text):
            dispatcher.utter_message(text=line)
        facts = {k: tracker.get_slot(k) for k in (*ARREARS_FACTS, "district", "phone")}
        if not facts["district"]:
            facts["district"] = tracker.get_slot("city")
        facts["contact_name"] = name_told(tracker)
        facts.update(context_facts(tracker, facts))  # 扫马路的 (GG-11: missing from the summary)
        street = await _street_lines(dispatcher, tracker)
        dispatcher.utter_message(
            text="请核对一下要登记的欠薪情况：\n" + "\n".join(summary_lines(facts))
                 + "\n没问题请点“确认”，要改就点“修改”或直接说。" + street,
            buttons=[{"title": "确认", "payload": "/affirm"},
                     {"title": "修改", "payload": "修改"}])
        return []


# YU-04 / YU-13: a ticket filed with only 黄岛区 (or 青岛) went to the district's or the city's
# centre although the place has grid stations by street. The summary asks the street once.
STREET_ASKED = "哪个街道或镇"
_STREET_LEVELS = ("street", "community")


async def has_street_stations(city: str | None, district: str | None) -> bool:
    """Whether the place the worker named is a district or city (not yet a street) under which
    the backend has grid stations by street or community; False when it is away."""
    try:
        found = await client().resolve(city, district)
        if found.get("kind") not in ("district", "city"):
            return False
        listed = await client().request("GET", "/stations", params={
            k: val for k, val in (("city", city), ("district", district)) if val})
    except (BackendUnavailable, BackendError):
        return False
    own = found.get("region_id")
    return any(s.get("level") in _STREET_LEVELS and s.get("region_id") != own
               for s in (listed or {}).get("stations") or [])


def street_asked(tracker: Tracker) -> bool:
    """The street was asked in this conversation already (never twice)."""
    return any(e.get("event") == "bot" and STREET_ASKED in (e.get("text") or "")
               for e in tracker.events)


async def street_question(tracker: Tracker, city: str | None, district: str | None) -> str | None:
    """The line that asks the street before a ticket is filed, or None when the street is known,
    was asked before, or the place has no stations by street."""
    place = district or city
    if not place or place == v.UNKNOWN or street_asked(tracker):
        return None
    if not await has_street_stations(city, district):
        return None
    which = STREET_ASKED if district else f"哪个区、{STREET_ASKED}"
    # (not "that street's station": a street with none of its own goes to the district's centre —
    # XA-8, XB-11 were promised the street's station and routed to the centre unsaid)
    return (f"您在{place}{which}？说一下街道，工单就交给离您最近的工会网格站（街道有站的交给街道站）；"
            f"不清楚的话说“不知道”或直接确认，由{_who_takes_it(tracker, place)}受理。")


def street_unknown_line(tracker: Tracker, place: str | None) -> str | None:
    """好的 … after 不知道 / 不清楚 said to the street question: who takes the ticket then."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not place or not _street_was_asked_last(tracker) or not v.says_unknown(text) or _street_told(place):
        return None  # (街道不知道 就在长江路那一片吧: the street is told after all — XD-2)
    who = _who_takes_it(tracker, place)
    if not who.endswith("服务中心"):
        return f"好的，街道不清楚也没关系，工单交给{who}跟进。"
    return f"好的，街道不清楚也没关系，工单先交给{who}，由他们转给您附近的网格站。"


# 不知道 登记吧 to the street the offer asked (XP-15: 好的，记下了：“不知道 登记吧”, and the offer
# again): the street not known, and a yes — the ticket goes to the district's taker
_STREET_UNKNOWN_YES = re.compile(r"^(?:街道)?(?:我|俺)?(?:也)?(?:不知道|不清楚|不晓得|不太清楚|说不清|记不清|搞不清)"
                                 r"(?:街道|是哪个街道|哪个街道)?[啊呀哎耶嘞]?[\s，,。!！…]*"
                                 r"(?:那|那就|就|你)?(?:直接|先)?(?:帮我|给我|帮俺)?(?:登记|确认|报上|提交|办)(?:了|上)?"
                                 r"(?:吧|呗|啊|就行|就行了|就好|了吧)?[。.!！~～]*$")


# the worker's messages the street question stays open through (在港口开叉车 said to the offer that
# asked it: the offer shown again with 记下了 does not ask twice, and 不知道 next still answers it)
_STREET_OPEN_FOR = 2


def _street_was_asked_last(tracker: Tracker) -> bool:
    """The street question is the one open: the offer asked it before this message, and the worker's
    messages since (at most two) neither told a street nor said 不知道 to it, the offer still open."""
    events = tracker.events
    latest = next((i for i in range(len(events) - 1, -1, -1) if events[i].get("event") == "user"), None)
    if latest is None:
        return False
    between: list[str] = []
    for event in reversed(events[:latest]):
        if event.get("event") == "bot" and STREET_ASKED in (event.get("text") or ""):
            break
        if event.get("event") == "user":
            between.append((event.get("text") or "").strip())
    else:
        return False
    if len(between) > _STREET_OPEN_FOR or any(v.says_unknown(said) for said in between):
        return False
    if between and value_before_this_message(tracker, "requested_slot") != "wants_ticket":
        return False
    _city, district = case_place(tracker)
    return not (between and _street_told(district))


def unknown_to_the_street(tracker: Tracker, text: str) -> bool:
    """不知道 (登记吧) right after the offer asked the street: an answer to it, no fact of the case."""
    return _street_was_asked_last(tracker) and v.says_unknown(text)


def street_unknown_yes(tracker: Tracker, text: str) -> bool:
    """不知道 登记吧 right after the offer asked the street: a yes to the offer (the form's
    reading of the answer: forms.extract_wants_ticket)."""
    return _street_was_asked_last(tracker) and bool(_STREET_UNKNOWN_YES.match((text or "").strip()))


async def _street_lines(dispatcher: CollectingDispatcher, tracker: Tracker) -> str:
    """YU-04 / YU-13 (filed to 黄岛区's centre, the street never asked): the street question put
    under the summary once, or — after 不知道 to it — who takes the ticket, said first."""
    city, district = case_place(tracker)
    if line := street_unknown_line(tracker, district or city):
        dispatcher.utter_message(text=line)
        return ""
    try:
        question = await street_question(tracker, city, district)
    except Exception:  # the question only helps the routing: it never costs the summary
        logger.warning("street question skipped", exc_info=True)
        question = None
    return "\n" + question if question else ""


# Facts the conversation holds beside a case's own (DD-01: 在澳柯玛上班 … 我叫张建国 电话139…
# were on the ticket's routing but missing from 要登记的内容; CC-04: 黄岛, 小区保洁)
# (not the sums and times of unpaid wages: read from any message, 干了4年 or 躺了一个月 in a
# dismissal or an injury case would read as 欠薪时间 — round 16, FF-06/07/08/13)
CONTEXT_FACTS = ("employer", "occupation", "monthly_wage")


def job_as_said(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """饭店服务员 / 港口叉车 for the code ``other`` (XE-4, and 在港口开叉车 said to a school offer: 工作：
    其他 on the summary and the ticket): the job in the worker's newest words that name one; {}
    when the facts hold no ``other`` or no message names a job."""
    if facts.get("occupation") != "other":
        return {}
    job = next((w for t in reversed(worker_messages(tracker, limit=12)) if (w := v.job_in_words(t))), None)
    return {"occupation": job} if job else {}


def context_facts(tracker: Tracker, case_facts: dict[str, Any]) -> dict[str, Any]:
    """The worker's other facts for a case's summary and ticket: what the case does not hold
    (and the points of a work case it lacks, added to its own ``case_points``)."""
    # (a case parked with 月工资 / 单位 still None takes them when told later: XI-8 filed 一个月六千 and
    # 饭店叫老渔村, said after the offer, on neither the summary nor the ticket)
    told = {k: tracker.get_slot(k) for k in CONTEXT_FACTS if case_facts.get(k) in (None, "")
            # (a probation case parks the pay as None on purpose: the probation pay is no month's pay, T-10)
            and not (k == "monthly_wage" and "试用期" in str(case_facts.get("case_points") or ""))}
    recent = worker_messages(tracker, limit=12)  # (read once: the job, the time limit, money docked)
    told.update(job_as_said(tracker, {**case_facts, **{k: val for k, val in told.items() if val is not None}}))
    if "monthly_wage" in told:  # 一天三百: shown and filed as a day's pay
        fact, said = wage_as_said(told.pop("monthly_wage"), tracker.get_slot("wage_basis"))
        told[fact] = said
    if "school_problem" in case_facts or "child_grade" in case_facts:
        family = how_the_family_lives(tracker)
        if (lives := family.pop("case_points", None)) and case_facts.get("case_points"):
            # 社保交了两年 kept as the case's point (round 52): 租房住 beside it, not instead
            had = str(case_facts["case_points"])
            if (merged := _merged_points(lives, had.split("、"))) != had:
                told["case_points"] = merged
        elif lives:
            family["case_points"] = lives
        told.update({k: val for k, val in family.items() if k not in case_facts})
    if work_case(case_facts):
        had = str(case_facts.get("case_points") or "")
        points = told_points(tracker)
        # 已离职约1年多 / 离职后催要过 (XG-8: the facts that decide the time limit, not on the ticket)
        points += [p for p in time_limit_points(" ".join(recent)) if p not in had]
        if (docked := v.docked_line(recent)) and (amount := _amount_corrected(tracker, case_facts)):
            docked = re.sub(r"克扣 [\d,.]+ 元", f"克扣 {amount:,} 元", docked)  # 扣的是一千二 (VI-10: 克扣 800 kept)
        if docked and docked not in had:
            points.append(docked)  # 还扣了我五百说我迟到 (XG-3: never on the summary)
        from actions.legal import case_arrears_points  # (legal imports nothing of the tickets)

        arrears = case_arrears_points(tracker)  # 仍在职 / 没签合同 told with the wages (XM-1: summary and ticket)
        points += [p for p in str(arrears.get("case_points") or "").split("、") if p and p not in had]
        if not case_facts.get("time_worked") and not told.get("time_worked") and arrears.get("time_worked"):
            told["time_worked"] = arrears["time_worked"]
        if (merged := _merged_points(had, points)) != had:
            told["case_points"] = merged
        if not case_facts.get("time_worked") and (worked := time_on_the_road(recent)):
            told["time_worked"] = worked  # 在平台上跑了两年 (round 52: on neither the summary nor the ticket)
        short = below_minimum_points(tracker, told.get("time_worked") or case_facts.get("time_worked"))
        if short and (merged := _merged_points(str(told.get("case_points", had)), short)) != had:
            told["case_points"] = merged  # 每月差 400 元 said, 大半年了 told (VI-4: the shortfall on no ticket)
    if "托管" in str(case_facts.get("service") or "") and (kids := children_told(tracker)) \
            and kids not in str(case_facts.get("case_points") or ""):
        told["case_points"] = _merged_points(str(case_facts.get("case_points") or ""), [kids])
    if "call_time" not in case_facts and (when := call_time_told(tracker)):
        told["call_time"] = when  # 白天别打 下午两点以后 said with the phone (XA-13: dropped)
    told.update(negations_kept(tracker, {**case_facts, **told}))  # 没受伤 never 受了伤 (XR-9)
    # (the case's own 催要过 taken out: its "" stands over it, XZ-15)
    return {k: val for k, val in told.items() if val not in (None, "", v.UNKNOWN)
            or (k == "case_points" and val == "" and case_facts.get(k))}


def _amount_corrected(tracker: Tracker, case_facts: dict[str, Any]) -> int | None:
    """The case's amount when the worker corrected it in this case (已更正：金额改为1,200 元); None else."""
    amount = case_facts.get("amount")
    corrected = any("已更正：金额改为" in (e.get("text") or "") for e in tracker.events if e.get("event") == "bot")
    return amount if corrected and isinstance(amount, int) and not isinstance(amount, bool) else None


# 每月差 400 元（最低工资不含加班费） / 每月差 240 元（2740 − 2500）: the bot's own sum of a pay
# below the minimum wage (VI-4, VI-16: neither the shortfall nor its total on the ticket)
_BELOW_MINIMUM_SAID = re.compile(r"每月差 ([\d,]+) 元（(?:最低工资不含加班费|\d+ − \d+)）")
_WORKED_FOR = re.compile(r"^(?:(\d+)年)?(?:(\d+)个月)?$")


def _months_worked(worked: Any) -> int | None:
    """6个月 → 6, 1年6个月 → 18; None for anything else (半年多, 不清楚)."""
    found = _WORKED_FOR.match(str(worked or ""))
    if not found or not any(found.groups()):
        return None
    return int(found.group(1) or 0) * 12 + int(found.group(2) or 0)


def below_minimum_points(tracker: Tracker, worked: Any) -> list[str]:
    """The month's shortfall the bot worked out from the policy data for this case (said since the
    last ticket filed), and its total over the months the worker worked; [] when none was said."""
    short = None
    for event in tracker.events:
        text = event.get("text") or "" if event.get("event") == "bot" else ""
        if _FILED_TICKET.search(text):
            short = None
        elif found := _BELOW_MINIMUM_SAID.search(text):
            short = int(found.group(1).replace(",", ""))
    if short is None:
        return []
    points = [f"每月比最低工资少{short:,}元"]
    if months := _months_worked(worked):
        points.append(f"按干了{months}个月算共少{short * months:,}元")
    return points


# 老板给我打了欠条 / 我10月底就不干了 / 上个月15号离职的 (YO-11: on neither the summary nor the
# ticket): the proof of the debt and the day the worker left (the year to claim runs from it) are
# points of a wage or work case, kept as 情况要点 the way 没签合同 / 没交社保 are
_IOU_WORDS = r"欠条|借条|白条|欠款单|结算单"
_IOU = re.compile(_IOU_WORDS)
_NO_IOU = re.compile(rf"(?:没有?|不给|不肯|不愿意?)(?:给我|给俺)?(?:打|写|开|给)?过?(?:个|张)?(?:{_IOU_WORDS})|"
                     rf"(?:{_IOU_WORDS})(?:也|都)?(?:没有?|不给)")
_IOU_WISHED = re.compile(rf"(?:要不要|让|叫|要求|能不能|该不该|怎么|咋|需要|得)\S{{0,4}}?(?:打|写|开)\S{{0,2}}?"
                         rf"(?:{_IOU_WORDS})")
_DAY_NUMBER = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_LEFT_DAY = (rf"(?:(?:去年|今年|前年)?{_DAY_NUMBER}\s*月份?|(?:上个?|这个?|本|下个?)月)(?:底|初|中旬|上旬|下旬|中|末)?"
             rf"(?:\s*{_DAY_NUMBER}\s*[号日])?|{_DAY_NUMBER}\s*[号日]|上个?(?:周|礼拜|星期)[一二三四五六日天]?|"
             r"前天|昨天|前几天|年前|年后|过完年")
_LEFT_ON = re.compile(rf"({_LEFT_DAY})(?:的时候)?\s*(?:就|才|已经|那天)?(?:(不干了|不干的|没干了|离职|辞职|辞工|辞的职|"
                      r"走的|走了|出来的|出来了|离开)|(被辞退|被开除|被开了?|被辞了?|被炒了?|被撵走))")
_WORK_FACTS = {"employer", "amount", "duration", "workers_affected", "monthly_wage", "daily_wage",
               "hourly_wage", "overtime_days", "minimum_wage", "case_points", "time_worked"}
_OTHER_CASE_FACTS = {"child_grade", "school_problem", "hukou_status", "hardship_status",
                     "medical_out_of_pocket_yearly", "situation"}


# 俩孩子 一个7岁一个10岁 said in the first message of a childcare sign-up (XN-2: the ages were
# asked again or left off the ticket — only the last three messages are the case's words)
_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9, "十": 10}
_AGE = re.compile(r"(?<!\d)(\d{1,2}|十[一二三四五六七]|[一二三四五六七八九十])\s*周?岁(半)?")
_KIDS_COUNT = re.compile(r"(俩|两|仨|三|四)(?:个)?(?:孩子|小孩|娃|孩|闺女|儿子)")
_KID_WORDS = re.compile(r"孩子|小孩|娃|儿子|闺女|女儿|老大|老二|老三|大的|小的|一个\S{0,3}岁")
_NOT_A_KID = re.compile(r"(?:我|俺|本人|老婆|媳妇|爱人|老公|对象|爸|妈|老人|父亲|母亲)(?:今年|都|已经)?$")


def _number(word: str) -> int:
    if word.isdigit():
        return int(word)
    return 10 + _CN_DIGITS.get(word[1:], 0) if word.startswith("十") and len(word) > 1 else _CN_DIGITS.get(word, 0)


def children_told(tracker: Tracker) -> str | None:
    """The children a childcare sign-up is for, as told in any message of the case (孩子2个（7岁、
    10岁）); None when no child's age was told (the children are the same in a case dropped before)."""
    said = worker_messages(tracker, limit=40)
    ages: list[str] = []
    count = 0
    for text in said:
        if not _KID_WORDS.search(text):
            continue
        for found in _AGE.finditer(text):
            age = _number(found.group(1))
            if 0 < age <= 17 and not _NOT_A_KID.search(text[max(0, found.start() - 4):found.start()]):
                said_age = f"{age}岁{found.group(2) or ''}"
                ages += [said_age] if said_age not in ages else []
        if many := _KIDS_COUNT.search(text):
            count = _CN_DIGITS[many.group(1)]
    if not ages:
        return None
    count = max(count, len(ages))
    return f"孩子{count}个（{'、'.join(ages)}）" if count > 1 else f"孩子{ages[0]}"


# 在平台上跑了两年 / 送了三年外卖 / 开了五年货车: a rider's or driver's time worked, in the verbs of
# the job (the time worked is read after 干了 / 做了 / 上班)
_ON_THE_ROAD = re.compile(r"(?:跑|送|骑|开)(?:外卖|快递|车|单|网约车|滴滴|货车|货|出租车?|件)?(?=了)")


def time_on_the_road(said: list[str]) -> str | None:
    """How long a rider or driver says they have worked (在平台上跑了两年 → 2年), newest first."""
    from actions.legal import case_points  # (it imports nothing of the tickets)

    return next((worked for text in reversed(said) if _ON_THE_ROAD.search(text)
                 and (worked := case_points(_ON_THE_ROAD.sub("干", text)).get("time_worked"))), None)


def _merged_points(had: str, points: list[str]) -> str:
    """The case's points with the told ones: 上周被辞退 takes the place of a bare 被辞退."""
    merged = [p for p in had.split("、") if p]
    for point in points:
        same = next((i for i, p in enumerate(merged) if point.endswith(p) or p == point), None)
        if same is None:
            merged.append(point)
        else:
            merged[same] = point
    return "、".join(merged)


def work_case(case_facts: dict[str, Any]) -> bool:
    """A case about pay or a job (wages, overtime, the minimum wage, a legal one)."""
    return bool(_WORK_FACTS & set(case_facts)) and not _OTHER_CASE_FACTS & set(case_facts)


def _month_named(day: str, said_at: float | None) -> str:
    """上个月15号 said on 12月7日 → 11月15号: the ticket is read later, so the month is named."""
    when = datetime.fromtimestamp(said_at, BEIJING) if said_at else datetime.now(BEIJING)
    month = {"上": when.month - 1 or 12, "这": when.month, "本": when.month, "下": when.month % 12 + 1}
    return re.sub(r"^([上这本下])个?月", lambda m: f"{month[m.group(1)]}月", day)


def points_in(text: str, said_at: float | None = None) -> list[str]:
    """The IOU and the day the worker left, as told in one message (有欠条 / 11月15号离职)."""
    points: list[str] = []
    if (iou := _IOU.search(text)) and not _IOU_WISHED.search(text):
        points.append(f"没有{iou.group(0)}" if _NO_IOU.search(text) else f"有{iou.group(0)}")
    if left := _LEFT_ON.search(text):
        day = left.group(1).replace(" ", "")
        plan = "打算" if day.startswith("下") else ""  # 下个月15号离职: not left yet
        points.append(f"{plan}{_month_named(day, said_at)}{'离职' if left.group(2) else '被辞退'}")
    return points


def _points_by_message(tracker: Tracker) -> list[list[str]]:
    """The points each of the worker's messages told, oldest first (buttons tell none)."""
    return [points_in(text, e.get("timestamp")) for e in tracker.events
            if e.get("event") == "user" and not (text := e.get("text") or "").startswith("/")]


def told_points(tracker: Tracker) -> list[str]:
    """The IOU and the leaving day the worker told in this conversation, each as last said."""
    latest: dict[str, str] = {}
    for points in _points_by_message(tracker):
        for point in points:
            latest["iou" if _IOU.search(point) else "left"] = point
    return list(latest.values())


def points_said_now(tracker: Tracker) -> list[str]:
    """The points the latest message told that no earlier message had."""
    *before, now = _points_by_message(tracker) or [[]]
    return [p for p in now if not any(p in said for said in before)]


# 房子也是租的 居住证办了大概一年多 / 我在澳柯玛干了四年了 (YN-01: the school ticket held none of
# it, and a school weighs the renting, the permit's age and the parents' work)
_RENTS = re.compile(r"租(?:的)?房|房子?\S{0,3}?(?:是|也是|都是)?租的|租的房|出租屋|租着")
_PERMIT_FOR = re.compile(r"居住证\S{0,2}?(?:办了?|有了?|拿了?|满了?)(?:都|也)?\s*"
                         r"((?:大概|差不多|快|才|刚)?\s*[一二两三四五六七八九十半\d]+(?:个)?(?:多)?(?:年|月)(?:多|半)?)")

# 社保交了两年了 / 社保缴了三年 (VJ-1: the school summary dropped it — a school weighs the insured years)
_INSURED_FOR = re.compile(r"社保\S{0,2}?(?:交|缴|上)了?(?:都|也)?\s*"
                          r"((?:大概|差不多|快|才|刚)?\s*[一二两三四五六七八九十半\d]+(?:个)?(?:多)?(?:年|月)(?:多|半)?)")


def how_the_family_lives(tracker: Tracker) -> dict[str, str]:
    """For a school case: where the family lives (rented) and how long the permit is held, as
    情况要点, and how long the parent has worked for the employer."""
    from actions.legal import case_points  # (it imports nothing of the tickets)

    words = " ".join(e.get("text") or "" for e in tracker.events if e.get("event") == "user")
    points = [*(["租房住"] if _RENTS.search(words) else []),
              *([f"居住证办了{permit.group(1)}"] if (permit := _PERMIT_FOR.search(words)) else []),
              *([f"社保交了{paid.group(1)}"] if (paid := _INSURED_FOR.search(words)) else [])]
    facts = {"case_points": "、".join(points)} if points else {}
    if tracker.get_slot("employer") not in (None, "", v.UNKNOWN) \
            and (worked := case_points(words).get("time_worked")):
        facts["time_worked"] = worked
    return facts


def contact_lines(tracker: Tracker, case_facts: dict[str, Any]) -> dict[str, Any]:
    """Where the ticket goes and who it calls, as the summary shows them."""
    city, district = case_place(tracker)
    shown: dict[str, Any] = {}
    if "district" not in case_facts and "city" not in case_facts and (district or city):
        shown["district"] = district or city
    elif "district" not in case_facts and district and case_facts.get("city") != district:
        shown["district"] = district  # 俺在黄岛区干保洁 on the minimum-wage case (ZQ-03: 青岛市 alone)
    if "contact_name" not in case_facts and (name := name_told(tracker)):
        shown["contact_name"] = name
    if "phone" not in case_facts and (phone := contact_phone(tracker)):
        shown["phone"] = phone
    return shown


# 美团的 / 饿了么的 after a rider's offer: the platform is who the worker works for
_PLATFORM = re.compile(r"美团|饿了么|蜂鸟|达达|闪送|顺丰同城|UU跑腿|滴滴|货拉拉|快狗|曹操出行|花小猪|高德|"
                       r"京东|顺丰|中通|圆通|申通|韵达|极兔|菜鸟|邮政|EMS|德邦|拼多多|多多买菜|美团优选|盒马|叮咚")
# 嗯 / 好的 / 我想想 / 知道了 on the offer: no fact, no answer either
_NO_FACT_SAID = re.compile(r"^(?:嗯+|哦+|噢|喔|啊|好的?|行|可以|知道了|明白了?|了解|收到|谢谢你?|多谢|稍等|等等|等一下|"
                           r"我?(?:再)?想想|考虑一下|我看看|看看|没了|没有了|就这些|就这样)[。.!！~～吧呢啊了]*$")


def _kept_this_turn(tracker: Tracker, facts: dict[str, Any], text: str) -> bool:
    """The message changed the parked case, or the turn said what it kept (记下了 / 已更正)."""
    told = {k for k in slots_set_this_turn(tracker) if k in (*CASE_FACTS, "city", "district", "phone")}
    return bool(told) or "pending_case" in slots_set_this_turn(tracker) \
        or text in str(facts.get("question") or "") \
        or any(said_this_turn(tracker, words) for words in ("记下了", "已更正", "这些不算"))


# a question with no question mark or 吗: 怎样拿 / 点样攞 / 有没另外的 / 咋领
_ASKS_UNMARKED = re.compile(r"怎样|怎么|点样|咋|如何|有没|有冇|有无|另外的?(?:事|东西|补贴)|哪里领|去哪")


def _topic_of_the_answer(tracker: Tracker, text: str) -> bool:
    """A word or two picked from the bot's last answer (年货 after the measures listed it): the
    worker asks about that, nothing is told."""
    han = "".join(re.findall(r"[\u4e00-\u9fff]", text))
    if not 2 <= len(han) <= 4 or han != text.strip():
        return False
    last = next((e.get("text") or "" for e in reversed(tracker.events) if e.get("event") == "bot"), "")
    return han in last


def _tells_a_fact(tracker: Tracker, facts: dict[str, Any]) -> bool:
    """The latest message, read alone, tells a fact the summary shows (大半年了吧 / 五个月了 to the
    minimum-wage offer — VI-4, VI-16: 在这个单位干了：6个月 and, beside it, 您说的情况：大半年了吧):
    then it is no free words of the case."""
    said = next((e for e in reversed(tracker.events) if e.get("event") == "user"), None)
    if said is None:
        return False
    alone = Tracker(tracker.sender_id, {}, tracker.latest_message, [said], False, None, {}, "")
    told = context_facts(alone, facts)
    had = set(split_points(str(facts.get("case_points") or "")))
    return any(k != "case_points" and facts.get(k) in (None, "", v.UNKNOWN) for k in told) \
        or bool(set(split_points(str(told.get("case_points") or ""))) - had)


def statement_on_offer(tracker: Tracker, facts: dict[str, Any]) -> tuple[dict[str, Any], str] | None:
    """美团的 on a rider's legal offer (round 52: the same offer again, the platform neither added nor
    acknowledged): a statement said to the offer that is no yes, no, question or correction, and
    that nothing else kept — the employer when it names one the case lacks, else the worker's
    words (您说的情况); with what to say back. None: nothing such said."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/") or tracker.get_slot("wants_ticket") is not None \
            or value_before_this_message(tracker, "requested_slot") != "wants_ticket" \
            or len(re.findall(r"[\u4e00-\u9fffA-Za-z]", text)) < 2 or _NO_FACT_SAID.match(text) \
            or is_question(_PLATFORM.sub("", text)) or v.is_correction(text) or v.asks_to_change(text) \
            or v.declines_offer(text) or v.yes_to_an_offer(text) or v.phone(text).ok \
            or _kept_this_turn(tracker, facts, text) or unknown_to_the_street(tracker, text) \
            or _ASKS_UNMARKED.search(normalize_text(text)) or _topic_of_the_answer(tracker, text) \
            or _tells_a_fact(tracker, facts):
        # (不知道 登记吧 to the street asked, XP-15: said back as 记下了：“不知道 登记吧”)
        # (年货 / 年货点样攞 外卖仔有冇另外嘅嘢 — XY-8: filed as 您说的情况; asked, not told)
        # (the form took no yes from it: wants_ticket is still open; 饿了么 asks nothing)
        return None
    from actions.crisis import is_crisis  # (it imports nothing of the tickets)

    if is_crisis(text):
        return None
    named = [str(e.get("value")) for e in (tracker.latest_message or {}).get("entities") or []
             if e.get("entity") == "employer" and e.get("value")]
    platform = _PLATFORM.search(text)
    employer = v.employer_answer(named[0] if named else platform.group(0) if platform else "")
    if facts.get("employer") in (None, "", v.UNKNOWN) and employer.ok and employer.value != v.UNKNOWN:
        return {**facts, "employer": employer.value}, f"{FACT_NAMES['employer']} {employer.value}"
    said = str(facts.get("question") or "")
    return {**facts, "question": f"{said}；{text}"[:400] if said else text}, f"“{text[:40]}”"


class ActionAskWantsTicket(_AskAction):
    """The ticket offer: what would be filed, then 确认登记 / 修改 / 先不用."""

    def name(self) -> str:
        return "action_ask_wants_ticket"

    async def act(self, dispatcher, tracker, domain):
        if _asked_to_change(tracker):
            dispatcher.utter_message(text="好的。" + _CHANGE_HINT)
            return []
        case = tracker.get_slot("pending_case") or {}
        kept: list[dict] = []
        if isinstance(case, dict) and case.get("type") \
                and (told := statement_on_offer(tracker, case.get("facts") or {})) is not None:
            # 美团的 on the offer (round 52): kept on the case and said back, then the offer with it
            case = {**case, "facts": told[0]}
            kept = [SlotSet("pending_case", case), SlotSet("repeat_count", None)]
            dispatcher.utter_message(text=f"好的，记下了：{told[1]}。")
        facts = without_cancelled_words(tracker, case.get("facts") or {})
        lines = summary_lines({**facts, **context_facts(tracker, facts), **contact_lines(tracker, facts)})
        if taker := station_taking_it(tracker, facts):
            lines.append(taker)
        name = TYPE_NAMES.get(case.get("type"), "")
        summary = ("\n要登记的内容：\n" + "\n".join(lines)) if lines else ""
        street = await _street_lines(dispatcher, tracker)
        dispatcher.utter_message(
            text=f"要不要我帮您登记一张{name}工单，转给您所在的网格工作站跟进？{summary}{street}",
            buttons=[{"title": "要，帮我登记", "payload": "/affirm"},
                     {"title": "修改", "payload": "修改"},
                     {"title": "先不用", "payload": "/deny"}])
        return kept


# lines an offer may carry that are no fact of the case (the worker's words, the contact)
_NOT_COMPARED = ("· 您说的情况", "· 手机号", "· 问题", "· 方便接电话的时间")


def _filed_of_its_type(tracker: Tracker) -> tuple[str, list[str]] | None:
    """The ticket filed here of the parked case's type, with the lines it was filed with (None:
    nothing of that type filed here, or its summary is not in the conversation)."""
    case = tracker.get_slot("pending_case") or {}
    filed = ticket_filed_here(tracker, last=200)
    if not filed or not isinstance(case, dict) or not case.get("type") \
            or case.get("type") != filed_type(tracker):
        return None
    before, _notes = filed_summary(tracker, filed)
    return None if before is None else (filed, before)


def _case_lines(tracker: Tracker) -> list[str]:
    """The parked case's lines as its offer shows them."""
    facts = (tracker.get_slot("pending_case") or {}).get("facts") or {}
    return summary_lines({**facts, **context_facts(tracker, facts), **contact_lines(tracker, facts)})


def _lines_not_filed(tracker: Tracker, before: list[str]) -> list[str]:
    """The parked case's fact lines the filed ticket's ``before`` lines lack or say otherwise."""
    return [line for line in _case_lines(tracker) if line not in before and not line.startswith(_NOT_COMPARED)]


def repeat_of_filed(tracker: Tracker) -> str | None:
    """The ticket filed here that the parked case only repeats: same type, no fact it lacks
    (那个托管站具体在哪 / 转学的话老家学校要开啥证明不 right after filing, ZR-02 and ZR-03: the
    same ticket offered again). None when the case is new or adds a fact."""
    found = _filed_of_its_type(tracker)
    return found[0] if found and not _lines_not_filed(tracker, found[1]) else None


# the lines that name which matter a case is (a second employer, or another sign-up, is a new one)
_MATTER_LINES = ("· 单位：", "· 事项：")
# 那居住证要是没办下来还能报名吗 after the school ticket (YT-01: read as 有居住证, then filed anew)
_WHAT_IF = re.compile(r"要是|如果|假如|万一|假设|的话")


def same_matter_filed(tracker: Tracker) -> str | None:
    """The ticket filed here for the matter the parked case is about: same type, and no other
    employer or service named (YT-01: a fact changed after filing opened GH…0003 beside 0002).
    None when nothing of its type was filed here, or the case is another matter."""
    if (found := _filed_of_its_type(tracker)) is None:
        return None
    filed, before = found
    lines = _case_lines(tracker)
    for label in _MATTER_LINES:
        had = next((line for line in before if line.startswith(label)), None)
        now = next((line for line in lines if line.startswith(label)), None)
        if had and now and had != now:
            return None
    return filed


def lines_to_add(tracker: Tracker, filed: str) -> list[str]:
    """The parked case's lines the filed ticket lacks or says otherwise; none for a question
    that only supposes (要是没办下来…: nothing told, the filed facts stand)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if is_question(text) and _WHAT_IF.search(text):
        return []
    before, _notes = filed_summary(tracker, filed)
    return _lines_not_filed(tracker, before or [])


def _supposed_facts_undone(tracker: Tracker) -> list[dict]:
    """The facts a supposing question set this turn, back as they were (要是没办下来 is no
    居住证 told)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not (is_question(text) and _WHAT_IF.search(text)):
        return []
    return [SlotSet(k, value_before_this_message(tracker, k)) for k in _facts_changed_now(tracker)]


async def add_to_filed(dispatcher: CollectingDispatcher, tracker: Tracker, filed: str) -> list[dict]:
    """The case of a ticket filed here told again or changed: what is new written on that
    ticket, no second ticket for the same matter (YT-01: 0003 beside 0002)."""
    added = lines_to_add(tracker, filed)
    if not added:
        await _question_on_the_filed(dispatcher, tracker, filed)
        return _supposed_facts_undone(tracker)
    try:
        await client().add_ticket_note(filed, tracker.sender_id, "补充：" + "；".join(
            line.removeprefix("· ") for line in added))
    except (BackendError, BackendUnavailable):
        dispatcher.utter_message(text="补充的内容没能加到工单上。" + HURRY_TEXT.format(ticket=filed))
        return []
    dispatcher.utter_message(text=f"这件事已经登记在工单 {filed} 上了，不再另开新单。")
    dispatcher.utter_message(text=ADDED_AT_FILING + "\n" + "\n".join(added))
    return []


ALREADY_FILED = ("您这件事已经登记在工单 {filed} 上了，工作人员会照登记的情况跟进，不用再登记一次；"
                 "要补充什么（比如新的情况、对方的电话），直接告诉我，我加到工单上。")


async def _question_on_the_filed(dispatcher: CollectingDispatcher, tracker: Tracker,
                                 filed: str) -> None:
    """A question the turn did not answer, asked about a case already filed: written on its
    ticket for the staff who call (else the worker only hears the case is filed)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    answered = any(e.get("event") == "bot" and re.search(r"来源|地址：|电话：", e.get("text") or "")
                   for e in _since_the_worker(tracker))
    if answered or not is_question(text) or text.startswith("/"):
        dispatcher.utter_message(text=ALREADY_FILED.format(filed=filed))
        return
    if lines := await answer_in_topic(tracker, CASE_TOPICS.get(filed_type(tracker) or "")):
        for line in lines:  # 那居住证要是没办下来还能报名吗 (YT-01: the same ticket offered, no answer)
            dispatcher.utter_message(text=line)
        dispatcher.utter_message(text=ALREADY_FILED.format(filed=filed))
        return
    try:
        await client().add_ticket_note(filed, tracker.sender_id, text)
    except (BackendError, BackendUnavailable):
        dispatcher.utter_message(text=ALREADY_FILED.format(filed=filed))
        return
    dispatcher.utter_message(text=f"您问的“{text[:40]}”，我这里没有现成的准确答案，已经记在工单 {filed} 上了，"
                                  "工作人员联系您时会给您说清楚；着急的话也可以打职工服务热线 12351。")


def _since_the_worker(tracker: Tracker) -> list[dict]:
    """The events after the worker's latest message."""
    events = list(tracker.events)
    last = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    return events[last + 1:]


class ActionOpenTicket(SafeAction):
    """After the ticket offer: files the parked case, or says it was not filed."""

    def name(self) -> str:
        return "action_open_ticket"

    async def act(self, dispatcher, tracker, domain):
        case = tracker.get_slot("pending_case") or {}
        reset = [SlotSet("wants_ticket", None), SlotSet("pending_case", None),
                 SlotSet("case_id", None)]
        if tracker.get_slot("wants_ticket") is not False and (filed := same_matter_filed(tracker)):
            return reset + await add_to_filed(dispatcher, tracker, filed)
        if not tracker.get_slot("wants_ticket") or not case.get("type"):
            dispatcher.utter_message(response="utter_no_ticket")
            return reset
        facts = case.get("facts") or {}
        told = context_facts(tracker, facts)
        # (the case's own facts win, but its points are the merged ones: 欠条 told on the offer, YO-11)
        merged = {"case_points": told["case_points"]} if "case_points" in told else {}
        filed = {**told, **facts, **merged}
        filed.update(job_as_said(tracker, filed))  # 港口叉车, never 其他 (the summary shown said it so)
        filed.update(negations_kept(tracker, filed))  # (不是困难户 on the case's own 困难: XR-9)
        if not filed.get("employer") and (named := employer_said((tracker.latest_message or {}).get("text") or "")):
            filed["employer"] = named  # 18663912207 厂子叫青岛宏利达塑胶 (VL-8: the name dropped, asked again)
        if await file_case(dispatcher, tracker, case["type"], filed) \
                and (added := _added_at_filing(tracker, filed)):
            # 中 登记吧 厂子叫海达机械 (YR-05: filed with the employer, and then 单位还没写上 — the
            # summary shown before held no 单位): what the yes added is said, and so known after
            dispatcher.utter_message(text=ADDED_AT_FILING + "\n" + "\n".join(added))
        return reset


ADDED_AT_FILING = "您刚才说的也登记在工单上了："


def _added_at_filing(tracker: Tracker, facts: dict[str, Any]) -> list[str]:
    """The lines of the case filed that the last summary shown lacked or said otherwise (the
    worker's own words and the contact aside)."""
    shown = next(([line for line in text.splitlines() if line.startswith("· ")]
                  for e in reversed(tracker.events) if e.get("event") == "bot"
                  and _SUMMARY_HEAD.search(text := e.get("text") or "")), None)
    if shown is None:
        return []
    lines = summary_lines({**facts, **contact_lines(tracker, facts)})
    added = [line for line in lines if line not in shown and not line.startswith(_NOT_COMPARED)]
    shown_points = next((split_points(line.removeprefix(_POINTS_LABEL)) for line in shown
                         if line.startswith(_POINTS_LABEL)), [])
    kept = split_points(str(facts.get("case_points") or ""))
    if dropped := [p for p in shown_points if p in _DEMAND_POINTS and p not in kept]:
        # 我没找过厂里要过啊 你那写的催要过不对 with the phone (XY-1: filed, and the correction never said)
        added = [line for line in added if not line.startswith(_POINTS_LABEL)]
        added.append(f"{_POINTS_LABEL}{'、'.join(kept) or '无'}（“{'、'.join(dropped)}”已去掉，您没有找单位催要过）")
    # 孩子七歲，要登記，電話是136… (XP-3: the phone told with the yes was never said back): the
    # number the station will call, when the summary shown had none or another
    phone = next((line.split("：", 1)[1] for line in lines if line.startswith("· 手机号：")), "")
    if v.phone(phone).ok and f"· 手机号：{phone}" not in shown:
        added.append(f"· 手机号：{mask_phone(phone)}（工作人员打这个号码）")
    return added


def _with_line(summary: list[str] | None, line: str) -> list[str]:
    """The summary with ``line`` in place of the line of the same fact, or added."""
    label = line.split("：", 1)[0] + "："
    lines = list(summary or [])
    same = next((i for i, had in enumerate(lines) if had.startswith(label)), None)
    if same is None:
        return [*lines, line]
    lines[same] = line
    return lines


def callback_facts(tracker: Tracker, reason: str) -> dict[str, Any]:
    """Why the station calls back: the reason and every fact of the case told so far, under
    the ticket's own fact names, so the staff know what the call is about."""
    facts: dict[str, Any] = {"reason": reason}
    for slot in CASE_FACTS:
        value = tracker.get_slot(slot)
        if value not in (None, "", [], {}):
            facts[CASE_ALIASES.get(slot, slot)] = value
    if when := call_time_in((tracker.latest_message or {}).get("text") or ""):
        facts["call_time"] = when  # 13791982245 晚上七点以后打 (ZD-09: not on the ticket)
    if reason in URGENT_CALLBACK_REASONS and "question" not in facts \
            and (words := case_words(tracker, limit=4)):
        # 老板欠我三个月工资还把我开了 … before the crisis callback (ZR-14: the ticket held the
        # phone and the place, and none of what happened)
        facts["question"] = words
    if reason == "crisis":
        facts.update(_crisis_case_points(tracker, facts))
    if "related_ticket" not in facts and (looked_up := status_in_talk(tracker, turns=6)):
        # 找个真人 right after the status of GH202612080004 (VK-11): the ticket looked up, as its id alone — the
        # backend gives the callback to the station that holds it
        facts["related_ticket"] = looked_up.group(1)
    if "related_ticket" not in facts and (said := ticket_numbers_said(tracker)):
        # 号是GH20261208001 咋没人给我打电话 … 不知道 用手机号能查不 (VF-16: the number he gave was
        # on no callback ticket, so the staff could not find his first one): the numbers, as said
        facts["related_ticket"] = "；".join(f"{number}（{_ticket_number_note(number)}）" for number in said)
    return facts


# GH20261208001 (a digit short) / GH202612080001: a ticket number the worker gave, however many digits
# (GH2026 — VJ-12: four digits, the menu — is a number misread too)
_TICKET_NUMBER_SAID = re.compile(r"[Gg][Hh]\s*(\d[\d\s]{1,20}\d)")


def ticket_numbers_said(tracker: Tracker) -> list[str]:
    """The ticket numbers the worker gave in this conversation that are no ticket it filed."""
    filed = {m.group(1) for e in tracker.events if e.get("event") == "bot"
             for m in _FILED_TICKET.finditer(e.get("text") or "")}
    said = ["GH" + re.sub(r"\s", "", m.group(1)) for e in tracker.events if e.get("event") == "user"
            for m in _TICKET_NUMBER_SAID.finditer(e.get("text") or "")]
    return [number for number in dict.fromkeys(said) if number not in filed]


def _ticket_number_note(number: str) -> str:
    digits = len(number) - 2
    return "职工要查的原工单" if digits == 12 else \
        f"职工要查的原工单，号码是 {digits} 位数字，可能记错了，请按手机号核对"


def misread_ticket_digits(text: str) -> str | None:
    """The digits of a ticket number said with digits missing or extra (None: none said, or a right
    one) — read once for the router's lookup and the handoff's reply."""
    said = _TICKET_NUMBER_SAID.search(text)
    if not said or v.ticket_id(text).ok:
        return None
    digits = re.sub(r"\s", "", said.group(1))
    return None if len(digits) == 12 else digits


def short_ticket_number_reply(text: str) -> str | None:
    """号是GH20261208001 咋没人给我打电话 (VF-16: an out-of-hours reply about where he is): the
    number has digits missing or extra — said so, and how to go on without it (None: no such number)."""
    if (digits := misread_ticket_digits(text)) is None:
        return None
    return (f"您给的工单号 GH{digits} 是 {len(digits)} 位数字，工单号是 GH 加 12 位数字（8 位日期 + 4 位序号，"
            "例如 GH202611180023），这个号可能记错了，请再核对一下（登记时的回复里有）。找不到的话，留下登记时的"
            "手机号，我转给工作人员，按手机号帮您查这张工单、催一下回电。")


# 哦 是0014 / 后四位是0014 / 应该是 20261208 0014 right after 您给的 GH20261208001 是 11 位数字 (VL-15: the
# generic menu): the part of the number just said wrong, said again — the number it makes is looked up
_DIGITS_SAID_WRONG = re.compile(r"您给的(?:工单号)? GH(\d+) 是 \d+ 位数字")
_DIGITS_FIXED = re.compile(r"^(?:哦+|噢|喔|啊|嗯+|哎|唉|不对|不好意思|对不起|抱歉|错了|说错了|少了一位|少打了一位|"
                           r"多打了一位|[，,。.!！\s])*(?:(?:工单号|单号|号码?|那个号|应该|最后|后面|后)?(?:四位|4位|几位)?"
                           r"(?:是|应该是|为)?)?\s*(?:[Gg][Hh])?\s*(\d[\d\s]{0,14})[。.!！\s]*$")


def ticket_number_fixed(tracker: Tracker) -> str | None:
    """The ticket number a worker fixes right after being told theirs has digits missing or extra:
    the serial said (0014, 14) after the date of the number given (GH20261208 + 0014), or the whole
    number said again; None when no such fix is said."""
    wrong = bot_said(tracker, _DIGITS_SAID_WRONG, earlier_turns=1)
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not wrong or not (said := _DIGITS_FIXED.match(text)):
        return None
    digits = re.sub(r"\s", "", said.group(1))
    if len(digits) <= 4 and len(wrong.group(1)) >= 8:
        digits = wrong.group(1)[:8] + digits.zfill(4)  # the date kept, the serial fixed
    number = "GH" + digits
    return number if v.ticket_id(number).ok else None


def fixed_number_lookup(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict] | None:
    """哦 是0014 after a ticket number with digits missing (VL-15): the whole number said back and
    looked up, the phone asked as for any lookup (None: no fix said)."""
    if (number := ticket_number_fixed(tracker)) is None:
        return None
    dispatcher.utter_message(text=f"好的，按工单号 {number} 帮您查。")
    return [SlotSet("ticket_id", number), SlotSet("phone", None), SlotSet("repeat_count", None),
            ActiveLoop("ticket_status_form"), SlotSet("requested_slot", None)]


def _crisis_case_points(tracker: Tracker, facts: dict[str, Any]) -> dict[str, str]:
    """老板跑了 and the distress (YV-14: neither was on the crisis ticket once said more than
    four messages before it), added to the case's 情况要点 from all the worker said."""
    from actions.crisis import crisis_points  # (crisis imports the validators, as tickets does)
    from actions.facts import worker_messages

    had = str(facts.get("case_points") or "")
    new = [p for p in crisis_points(worker_messages(tracker, limit=60)) if p not in had]
    return {"case_points": "、".join([had, *new] if had else new)} if new else {}


# when the worker can take the call, said with the phone: 晚上七点以后打 / 中午12点到1点方便
# (那让他们周六下午给我回电话吧 13866554433 …, XP-13: not read, the ticket said 12月9日前 — 回电话 /
# 回个电话 / 联系我 end a time as 打 does, 周末 / 星期六 begin one)
_CALL_TIME = re.compile(r"(?:(?:晚上|白天|上午|下午|中午|早上|傍晚|周[一二三四五六日天]|礼拜[一二三四五六天日]|"
                        r"星期[一二三四五六日天]|周末|明天|后天|工作日)\S{0,8}?|\d{1,2}点\S{0,6}?)"
                        r"(?:以后|之后|以前|之前|前|后|打|回电|回个?电话|来电|联系|方便|有空|能接|都行|可以)[打吧啊]?")
# the time alone, without the words that ask for the call (周六下午给我回电话 → 周六下午)
_CALL_ASKED = re.compile(r"(?:给|跟)?(?:我|俺)?(?:回|打)(?:个)?电话[吧啊]?$|(?:给|跟)?(?:我|俺)?回电[吧啊]?$|"
                         r"(?:给|跟)?(?:我|俺)?打(?:给(?:我|俺))?[吧啊]?$|(?:再)?联系(?:我|俺)?[吧啊]?$|来电[吧啊]?$")


def call_time_alone(when: str) -> str:
    """周六下午给我回电话 → 周六下午: the time told, without the call asked for."""
    return _CALL_ASKED.sub("", when).strip() or when


def call_time_in(text: str) -> str | None:
    """The time to call the worker said in the message (None: none said)."""
    found = _CALL_TIME.search(text)
    return found.group(0) if found else None


_FILED_TICKET = re.compile(r"已为您登记\S{0,20}?工单，工单号 (GH\d+)")
_ABOUT_THE_PHONE = re.compile(r"电话|手机|号码|打这个|打我|联系我|换成|改成|改为|换号|换了号|新号|改号|号换了")


def ticket_filed_here(tracker: Tracker, pattern: re.Pattern = _FILED_TICKET,
                      last: int = 80) -> str | None:
    """The id of the ticket this conversation filed most recently, read from the bot's filing
    reply (``pattern``'s first group) within its ``last`` events."""
    for event in reversed(tracker.events[-last:]):
        found = pattern.search(event.get("text") or "") if event.get("event") == "bot" else None
        if found:
            return found.group(1)
    return None


def filed_in_this_talk(tracker: Tracker, ticket_id: str | None) -> bool:
    """Whether this conversation filed ``ticket_id``, however long ago (XT-15: a ticket filed here
    more than 120 events back, looked up since, was taken for another conversation's — 电话改成…
    then opened a related ticket instead of changing the phone on it)."""
    return bool(ticket_id) and any(
        (found := _FILED_TICKET.search(e.get("text") or "")) and found.group(1) == str(ticket_id).upper()
        for e in tracker.events if e.get("event") == "bot")


def _filed_here_looked_up(tracker: Tracker) -> str | None:
    """The ticket looked up in the last few messages, when this conversation filed it."""
    status = status_in_talk(tracker, turns=4)
    return status.group(1) if status and filed_in_this_talk(tracker, status.group(1)) else None


# 刘那个人的电话我也有 / 老板电话是 / 包工头的手机: a number of someone else's, for the staff
_SOMEONE_ELSES_PHONE = re.compile(r"(?:他|她|那个人|那人|老板|包工头|工头|经理|厂长|队长|班长|对方|[\u4e00-\u9fff]总|"
                                  r"(?:老|小)[\u4e00-\u9fff]|姓[\u4e00-\u9fff]的|[张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗郑]"
                                  r"(?:那个人|那人|那个))\S{0,3}?(?:的)?(?:电话|手机|号码|联系方式)")


def someone_elses_phone(text: str) -> bool:
    return bool(_SOMEONE_ELSES_PHONE.search(text or ""))


def phone_owner(text: str) -> str | None:
    """Whose number the message says it gives (包工头电话138… → 包工头), or None."""
    found = _SOMEONE_ELSES_PHONE.search(text or "")
    return re.split(r"的?(?:电话|手机|号码|联系方式)", found.group(0))[0] or None if found else None


def corrected_phone(tracker: Tracker) -> str | None:
    """电话说错了 是139… / 换成这个号 139… after a ticket was filed: the new number (None when
    the message is no phone correction, or gives the number already on the ticket)."""


    text = (tracker.latest_message or {}).get("text") or ""
    number = v.phone(text)
    before = value_before_this_message(tracker, "phone")
    if not number.ok or number.value == before:
        return None
    if someone_elses_phone(text):
        return None  # 刘那个人的电话我也有 139… (ZE-01 changed the worker's own number to it)
    if lookup_not_change(tracker, text):
        return None  # GH202612070024 这个托管的工单呢 电话136… (XP-14: the ticket filed here changed)
    # 13805325678 alone after a ticket filed without one, or right after 把新号码发给我 (YP-03: then
    # 收到，您说的我记下了 and the menu): the phone for that ticket, unless a callback waits for it
    asked = before in (None, v.NO_PHONE) or said_this_turn(tracker, SEND_THE_PHONE, earlier_turns=1)
    added = asked and _only_a_phone(text) and not tracker.get_slot("callback_pending")
    return number.value if v.is_correction(text) or _ABOUT_THE_PHONE.search(text) or added else None


# GH202612070024 这个托管的工单呢 电话136… right after another ticket was filed here (XP-14: the
# ticket filed here got that number, silently): a number told with a lookup is the lookup's check.
# A lookup never changes a ticket: another ticket named, or a ticket's progress asked without a
# change asked for (改成 / 换号 / 错了 / 不对), is no correction of the phone on the ticket filed here
_LOOKUP_ASKED = re.compile(r"查|进度|状态|到哪|哪一步|怎么样了|咋样了|啥情况|什么情况|有结果|有信儿|办了没|办好了?没|"
                           r"(?:工单|单子|那个|这个|那张|这张)呢")


def lookup_not_change(tracker: Tracker, text: str) -> bool:
    """The message looks a ticket up (another ticket named, or progress asked, no change asked):
    a phone in it checks the lookup and changes no ticket."""
    named = v.ticket_id(text)
    if named.ok and named.value != ticket_filed_here(tracker, last=200):
        return True
    asks_change = _CHANGE_WORDS.search(text) or _CHANGE_ASKED.search(text) or v.is_correction(text)
    return bool(_LOOKUP_ASKED.search(_PHONE_DIGITS.sub("", text))) and not asks_change


def _only_a_phone(text: str) -> bool:
    """13805325678 / 我的手机号是138… : a phone number and hardly a word beside it."""
    rest = _NEW_PHONE_WORDS.sub("", _PHONE_DIGITS.sub("", text))
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 3


async def correct_filed_phone(dispatcher: CollectingDispatcher,
                              tracker: Tracker) -> list[dict] | None:
    """The phone of the ticket just filed, corrected on the ticket itself (B06, F16): the
    station calls the right number. None: the message is no such correction."""
    if tracker.active_loop_name or not (ticket_id := ticket_filed_here(tracker, last=400)
                                        or _filed_here_looked_up(tracker)):
        return None  # (a long talk after filing is still this ticket's: XR-14 looked up the new number)
    if not (new := corrected_phone(tracker)):
        return None
    try:
        ticket = await client().change_ticket_phone(ticket_id, tracker.sender_id, new)
    except BackendError:
        dispatcher.utter_message(text=f"电话没能改到工单 {ticket_id} 上。请打职工服务热线 12351，"
                                      f"告诉工作人员工单号和新的手机号 {mask_phone(new)}。")
        return []
    if value_before_this_message(tracker, "phone") in (None, v.NO_PHONE):
        dispatcher.utter_message(text=f"好的，手机号 {mask_phone(new)} 已经加到工单 {ticket['id']} 上，"
                                      f"{ticket['station_name']}会打这个号码联系您。")
    else:
        dispatcher.utter_message(text=f"已更正：工单 {ticket['id']} 的联系电话改为 {mask_phone(new)}，"
                                      f"{ticket['station_name']}会打这个号码。")
    text = (tracker.latest_message or {}).get("text") or ""
    if _LOOKUP_ASKED.search(_CHANGE_WORDS.sub("", _PHONE_DIGITS.sub("", text))):
        # 我换号了 新号139… 查一下我的工单 (XR-14: changed, the lookup asked beside it never made)
        # the lookup action runs next, on the ticket and the phone it now holds
        return [SlotSet("phone", new), SlotSet("ticket_id", ticket_id), FollowupAction("action_ticket_status")]
    return [SlotSet("phone", new)]


# 手机号刚才给了啊 晚上打都行 after the ticket was filed with it (YM-14: 留个手机号 asked again, and
# the callback never confirmed): the number on the ticket, and when to call noted
_PHONE_GIVEN = re.compile(r"(?:手机号?|电话(?:号码?)?|号码)\S{0,4}?(?:刚才|刚刚|已经|之前|前面|早就|不是)\S{0,3}?"
                          r"(?:给|说|留|发)(?:了|过)|(?:刚才|刚刚|已经|之前|前面|早就)(?:都)?(?:给|留|说|发)(?:过|了)?"
                          r"(?:你|您|你们)?(?:了)?(?:手机号?|电话|号码)")
# 那我那六个工友还要一个个来登记吗 / 工友要不要自己也来登记 (YM-01: the timing answer, then a
# legal-aid ticket offered): whether the others must register too
_OTHERS_SIGN_UP = re.compile(r"(?:工友|同事|老乡|其他人|别的人|他们|他俩|她俩|他仨|那俩|那几个)\S{0,8}?"
                             r"(?:登记|来登|报名|一个个|挨个|自己来|也来|要不要来|用不用来|都得来|都要来|"
                             # 另外两个工友的钱也一起要吗 / 他俩不用自己再报了是吧 (VE-1: 原来就写着, then
                             # 好的，没问题 — whether the ticket covers them never said)
                             r"一起要|一块要|也能要|也要回|(?:自己)?再?(?:报|申请|登)|也算)")
def _call_time_said(text: str) -> str | None:
    """晚上打都行: the words of the message that say when to call (None: none)."""
    if not (found := _CALL_TIME.search(text)):
        return None
    start = max((m.end() for m in re.finditer(r"[\s，,。；;！!？?]", text[:found.start()])), default=0)
    end = next((m.start() for m in re.finditer(r"[\s，,。；;！!？?]", text[found.end():])), len(text) - found.end())
    return text[start:found.end() + end]


async def _phone_already_given(dispatcher: CollectingDispatcher, tracker: Tracker, filed: str,
                               text: str) -> list[dict]:
    """The phone on the ticket said back (it is not asked again), the time to call noted on it."""
    said = (f"对，您的手机号 {mask_phone(str(contact_phone(tracker)))} 已经登记在工单 {filed} 上，"
            "工作人员就打这个号码，不用再留。")
    if when := _call_time_said(text):
        try:
            await client().add_ticket_note(filed, tracker.sender_id, f"方便接电话的时间：{when}")
            said += f"您说的“{when}”也记在工单上了。"
        except (BackendError, BackendUnavailable):
            said += f"“{when}”这个时间没能记到工单上，工作人员打来时您跟他说一声就行。"
    if any(e.get("event") == "bot" and "400-161-9995" in (e.get("text") or "") for e in tracker.events):
        said += URGENT_LINES  # a crisis told earlier: the lines stay in sight
    dispatcher.utter_message(text=said)
    return []


# 还有周六下午打电话你记上了没 / 我说的回电时间记下了吗 (XP-13: unanswered, the declined offer made
# again): whether the time to call is on the ticket filed here — said back, or put on it now
_KEPT_ASKED = re.compile(r"(?:记|写|登记|备注|加|填)(?:上|下|进去|进|到工单上?|到单子上?)?了?(?:没有?|吗|么|嘛)|"
                         r"(?:记|写)没(?:记|写)|有没有(?:记|写)")
_CALL_TIME_WORD = re.compile(r"(?:回电|打电话|接电话|联系)\S{0,2}?时间|时间\S{0,4}?(?:回电|打电话|打给我|联系)")


def _call_time_asked_about(tracker: Tracker, text: str) -> str | None:
    """The time to call the message asks about: told in it, or (我说的回电时间) told before."""
    if when := call_time_in(text):
        return call_time_alone(when)
    if not _CALL_TIME_WORD.search(text):
        return None
    for said in reversed(worker_messages(tracker, limit=8)[:-1]):
        if when := call_time_in(said):
            return call_time_alone(when)
    return None


async def call_time_kept(tracker: Tracker) -> str | None:
    """The answer to 周六下午打电话你记上了没 after a ticket was filed here: yes, where it is, or
    it is written on the ticket now. None: no such question, or no ticket filed here."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not _KEPT_ASKED.search(text) or not (filed := ticket_filed_here(tracker, last=200)):
        return None
    if not (when := _call_time_asked_about(tracker, text)):
        return None
    night = ("不过工作站晚上不上班，那个点没人能打，工作人员会在上班时间里尽量挑您方便的时候打。"
             if AFTER_HOURS.search(when) else "工作人员会照这个时间给您打电话。")
    said = [e.get("text") or "" for e in tracker.events if e.get("event") == "bot"]
    if any(when in line and ("记在工单上" in line or "留了话" in line or "补上" in line) for line in said):
        return f"记上了：工单 {filed} 上写着您方便接电话的时间（{when}），{night}"
    try:
        await client().add_ticket_note(filed, tracker.sender_id, f"方便接电话的时间：{when}")
    except (BackendError, BackendUnavailable):
        return (f"“{when}”这个时间没能记到工单 {filed} 上，工作人员打来时您跟他说一声就行；"
                + HURRY_TEXT.format(ticket=filed))
    return f"刚才没记上，现在补上了：工单 {filed} 上写了您方便接电话的时间（{when}），{night}"


# 这个工单里有我被开除要补偿的事吗 一个月五千能要多少 (XP-15: the sums answered, whether the ticket
# holds it never said): the clause that asks whether the ticket filed here holds a thing — yes,
# with the line that holds it, or it is written on the ticket now
_HOLDS_ASKED = re.compile(r"(?:工单|单子)(?:里|上|里面|上面)?(?:有没有|写没写|记没记)(?:写|记|登记)?(?:上|进)?了?"
                          r"(.{2,30}?)(?:吗|么|嘛|呢)?$|"
                          r"(?:工单|单子)(?:里|上|里面|上面)?(?:有|写了|记了)(?:写|记|登记)?(?:上|进)?了?"
                          r"(.{2,30}?)(?:吗|么|嘛|没有?|不)$")
_HOLDS_STOP = re.compile(r"[我俺的了在要被是这那个件事情况和跟还也都呢]+")


async def filed_holds_line(tracker: Tracker) -> str | None:
    """Whether the ticket filed here holds what a clause of the message asks about (None: no such
    clause, no ticket filed here, or what it holds is asked — 工单里都有啥 is the content's)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not (filed := ticket_filed_here(tracker, last=200)):
        return None
    found = next((m for clause in re.split(r"[\s，,。；;！!？?]+", _without_ids(text))
                  if (m := _HOLDS_ASKED.search(clause))), None)
    if found is None or re.search(r"啥|什么|哪些|多少", asked := (found.group(1) or found.group(2)).strip()):
        return None
    if not (words := [w for w in _HOLDS_STOP.split(asked) if len(w) >= 2]):
        return None
    held_facts, new, rest = told_against_filed(tracker, filed, asked)
    if held_facts and not new and not rest:  # 工单上写没写没签合同, 情况要点：没签劳动合同 on it (XR-13)
        return f"有。工单 {filed} 上写着：{'；'.join(line.removeprefix('· ') for line in held_facts)}，工作人员能看到。"
    if new:
        asked = "；".join([line.removeprefix("· ") for line in new] + ([rest] if rest else []))
    summary, notes = filed_summary(tracker, filed)
    lines = [*(summary or _callback_summary(tracker) or []), *notes]
    # (被开除 asked, 我被厂里开除了 on it: a word is held when a pair of its characters is; the line
    # is shown, so what it says can be checked)
    held = [next((line for line in lines if any(w[i:i + 2] in line for i in range(len(w) - 1))), None)
            for w in words]
    if all(held) and not new:
        line = str(held[0]).lstrip("· ")
        return f"有。工单 {filed} 上写着：{line[:80]}{'…' if len(line) > 80 else ''}，工作人员能看到。"
    try:
        await client().add_ticket_note(filed, tracker.sender_id, asked)
    except (BackendError, BackendUnavailable):
        return f"工单 {filed} 上还没写“{asked}”，工作人员打来时您跟他们说一声就行。"
    return f"原来的工单上没写这个，已经给工单 {filed} 补上：“{asked}”，工作人员能看到。"


async def filed_ticket_asides(tracker: Tracker) -> list[str]:
    """What a message asks about the ticket filed here beside its main question (周六下午打电话你
    记上了没 / 这个工单里有…吗 with a question of the case — XP-13, XP-15: unanswered), answered."""
    if kept := await call_time_kept(tracker):
        return [kept]  # (工单上写了周六下午回电话吗: the time's answer, not a note of it as well)
    return [line] if (line := await filed_holds_line(tracker)) else []


def others_covered_asked(text: str) -> bool:
    """就是说他俩不用自己再报了是吧 (VE-1: read as a yes or no, 好的，没问题): whether the co-workers
    are covered by the ticket, asked."""
    return bool(_OTHERS_SIGN_UP.search(text)) and is_question(text)


def others_sign_up_reply(tracker: Tracker, filed: str) -> str:
    """Whether the co-workers must register too: the ticket holds them (人数), the staff collect
    their names and sums, and each may still call about the same ticket."""
    lines = filed_summary(tracker, filed)[0] or []
    count = next((line.split("：", 1)[1] for line in lines if line.startswith("· 人数：")), None)
    filing = next((said for e in reversed(tracker.events) if e.get("event") == "bot"
                   and filed in (said := e.get("text") or "") and "已为您登记" in said), "")
    station = found.group(1) if (found := HANDLED_BY.search(filing)) else "负责的网格工作站"
    if count and "就您" not in count and "不清楚" not in count:
        held = (f"不用一个个来登记：工单 {filed} 上登记的是共 {count}，是大家一起的事。工作人员联系您时，会跟您要工友的"
                "名单和每个人被欠的钱数，您可以先帮着记下来（名字、电话、各欠多少）。")
    else:
        held = (f"不用一个个来登记，可以都算在工单 {filed} 上：告诉我一共几个人（有名字也说一下），我加到工单上；"
                "工作人员联系您时，会跟您要工友的名单和每个人被欠的钱数。")
    return (held + f"工友想自己说的，也可以打职工服务热线 12351 或去{station}，报工单号 {filed} 就行。"
            "每个人手里的证据（考勤记录、工资条、聊天记录、欠条）都有用，让大家先留好。")


# 明天到底几点能打过来 中午12点到1点方便 / 能催一下不 开学就来不及了 after a ticket (round 18,
# JJ-12 got 没明白, JJ-13 a new school form): a note for the staff, or how to hurry it
# (他姓孙 这个要补充到我的工单里吗 / 工单上有没有写我们厂叫海纳电器 — OO-01, OO-02: 没明白 and
# the ticket's status): a fact added to the case filed, written on it
# 再加一句 / 加个备注 / 留个话: a note asked for (XH-11), one list for both readers below
_A_NOTE_ASKED = (r"再加|加一句|加个备注|加备注|备注一下|备注下|备注上|备注个|留个话|留句话|捎个话|捎句话|转告|"
                 # 跟工作人员说一声 俩孩子都要托管 (XN-12: a new childcare offer beside the ticket filed)
                 r"(?:跟|和|给)(?:工作人员|他们|网格员|站里的?人?|那边的?人?|你们)(?:说|讲|交代)(?:一声|一下|下)")
# 让工作人员下午再打给我 上午我在车间 / 晚上七点以后再联系我 / 上午别打 right after filing (XN-12: read
# as a person wanted, a second, callback ticket filed): when to call, a wish about the call the
# ticket brings — a time said with the call, or a time not to call
_WHEN_TO_CALL = (r"(?:上午|下午|中午|晚上|白天|早上|傍晚|下班|周末|明天|后天|"
                 r"\d{1,2}\s*点|[一二两三四五六七八九十]{1,3}点)\S{0,8}?(?:打(?:给我|给俺|我|俺|过来|来|吧|$|(?=[\s，,。！!]))|"
                 r"打(?:个)?电话(?:给我|给俺)?(?=$|[\s，,。！!吧])|联系(?:我|俺)|回电|来电)|"
                 r"(?:上午|下午|中午|晚上|白天|早上)\S{0,6}?(?:别|不要|甭|不能|没法)(?:打|联系|来电)|"
                 r"(?:别|不要|甭)(?:在)?(?:上午|下午|中午|晚上|白天|早上)(?:打|联系|来电)")
_NOTE_WORTHY = re.compile(_SOMEONE_ELSES_PHONE.pattern + "|" + _WHEN_TO_CALL + "|"
                          # 对了我还有两个工友也一样没签 一共三个人 (ZF-14 got the menu after filing)
                          r"^对了|(?:工友|同事|老乡)\S{0,3}也|也一样|一共\S{0,3}(?:个人|人)|"
                          r"(?:几点|什么时候|啥时候|哪天|多久|几天)\S{0,8}?(?:打|联系|回电|来电|有信|有消息|有回音|有结果|回复)|"
                          r"方便接|方便打|"
                          r"(?:上午|下午|中午|晚上|白天)\S{0,10}?(?:方便|有空|能接|接得了|接不了|没空|接不到)|催|着急|快点|尽快|"
                          r"加急|来不及|补充|补上|加上|加到|写上|记上|写进|记进|" + _A_NOTE_ASKED + "|"
                          + r"(?:工单|单子)上\S{0,4}(?:有没有|写没写|记没记|写了|记了)|"
                          r"(?:他|她|老板|包工头|工头|经理|站长|班长|老板娘)(?:姓|叫)|(?:厂子?|公司|饭店|店)(?:名字)?叫|还有个情况|忘了说|忘说了|"
                          + _PHONE_GIVEN.pattern + "|" + _OTHERS_SIGN_UP.pattern)
HURRY_TEXT = "着急的话现在就可以打职工服务热线 12351，报工单号 {ticket} 催办。"


_WHEN_CALLED = re.compile(r"^(?:那|那么|请问)?(?:工作人员|你们|网格员|站里|他们|人家)?(?:到底)?(?:大概|大约|一般)?"
                          r"(?:啥时候|什么时候|多久|几天|哪天)"
                          r"(?:能|会|才)?(?:有人)?(?:能|会)?(?:给我|给俺)?(?:联系|打电话|回电话?|来电话?|找|有信|有消息|有回音|有结果|回复)"
                          r"(?:我|俺)?(?:啊|呀|呢|吗|了)?[？?。.]*$")
# the filing reply's 会在…前给您打电话, or a lookup's 承诺在…前联系您 (XD-8: 啥时候给我打电话啊 after a
# lookup was handed over to a person)
_CALLED_BY = re.compile(r"工作人员(?:会|承诺)在 (\S+?)前(?:给您打电话|联系您)")


def _called_by(tracker: Tracker) -> str | None:
    """The day the filing reply (or a lookup's status) promised a call by (12月9日（周三）)."""
    said = next((e.get("text") or "" for e in reversed(tracker.events)
                 if e.get("event") == "bot" and _CALLED_BY.search(e.get("text") or "")), "")
    return found.group(1) if (found := _CALLED_BY.search(said)) else None


# 工作人员啥时候联系我 都两天了 (XH-12: a callback ticket of its own, at the city's centre, after a
# lookup had said when): whoever asks when the call comes, of a ticket filed or looked up here
_WHEN_CALL_ASKED = re.compile(r"(?:啥时候|什么时候|多久|多长时间|多少天|几天|哪天|怎么还没|咋还没|还不)\S{0,6}?"
                              r"(?:联系|打电话|打给|回电|来电|给信|有信|回复|找我|找俺|有结果|出结果|有消息|有回音|有准信|"
                              r"给个话|给答复|办好|办完|办成|办下来|解决|定下来|落实|搞定|有说法|有下文|有动静)|"
                              # 要多久 / 得等多长时间 / 这事大概几天 right after filing (XN-4 / round 52: 要多久能有
                              # 结果 after the school ticket got the wage mediation's time limits)
                              r"^(?:那|那么|请问)?(?:这个|这事|这件事|这个事|工单|单子)?(?:还)?"
                              r"(?:要|得|需要|大概|大约|一般|估计|等|还要)*(?:多久|多长时间|几天|多少天)"
                              r"(?:啊|呀|呢|吧|了|才行|才能好)?[？?。.！!]*$")
# the call itself asked (啥时候联系我), not what comes of the case
_THE_CALL_ASKED = re.compile(r"联系|打电话|打给|回电|来电|找我|找俺|给个话")
_FILED_NAME = re.compile(r"已为您登记(\S{0,20}?)工单")
# what happens after the call, by the kind of case filed (要多久能有结果 after the school ticket: the
# wage mediation's and arbitration's time limits — a school place is the education bureau's to give)
_WAGE_NEXT = ("接下来：工作人员先核实情况，再找单位调解；单位愿意给的，往往几天到几周就能拿到。调解不成的，"
              "可以向劳动保障监察投诉（立案后一般 60 个工作日内办结，《劳动保障监察条例》第十七条）或申请劳动仲裁"
              "（受理后 45 日内结案，可延长不超过 15 日，《劳动争议调解仲裁法》第四十三条）。")
NEXT_STEPS = {
    "school_placement": "接下来：工作人员先跟您核实孩子的情况和材料（居住证、社保或劳动合同、户口簿等），再出面跟"
                        "学校、教育部门协调学位。能不能上、分到哪所学校，最后由教育部门按报名审核和学位分配来定，"
                        "工会帮您协调、催办，具体哪天定下来我没法打包票；报名有截止日子的话，接电话时跟工作人员说一声，"
                        "他们会赶在前面办。",
    "wage_arrears": _WAGE_NEXT, "minimum_wage": _WAGE_NEXT, "overtime_pay": _WAGE_NEXT,
    "legal_aid": "接下来：工作人员（或律师）先了解您的情况，告诉您能走哪条路——跟单位协商、调解，还是申请劳动"
                 "仲裁；要仲裁的，仲裁委受理后 45 日内结案（可延长不超过 15 日，《劳动争议调解仲裁法》第四十三条）。"
                 "需要先确认劳动关系或认定工伤的，时间会更长一些，工作人员会跟您说清楚。",
    "relief_application": "接下来：工作人员先核实您家的情况和材料（病历、诊断证明、医药费票据等），再按救助的审核"
                          "程序报批；批不批、什么时候到账，要看审核进度，工作人员会告诉您。",
    "subsidy_application": "接下来：工作人员先核实您的情况，再按补贴的审核程序办；能不能领、什么时候发，要看审核结果，"
                           "工作人员会告诉您。",
    "托管": "接下来：工作人员先跟您确认孩子的年龄、要托管的时间，再告诉您能不能收、什么时候能送、要带什么。",
    "other": "接下来：工作人员先跟您确认情况，再告诉您下一步怎么办、要准备什么。",
}


def next_steps(tracker: Tracker, filing: str) -> str:
    """What happens after the call for the kind of case a filing reply named ('' for a ticket
    looked up, whose kind this conversation does not know)."""
    named = _FILED_NAME.search(filing or "")
    if not named:
        return ""
    kind = next((k for k, name in TYPE_NAMES.items() if name == named.group(1)), "other")
    if kind == "other" and (found := _FILED_TICKET.search(filing)) \
            and any("托管" in line for line in filed_summary(tracker, found.group(1))[0] or []):
        kind = "托管"  # (a childcare sign-up is filed as other, its 事项 on the summary)
    return NEXT_STEPS.get(kind, "")
_WAITED = re.compile(r"都\S{0,3}(?:天|礼拜|星期|周)了|好几天|等了|还没人|没人联系|没人打")


def promised_call(tracker: Tracker, turns: int) -> re.Match | None:
    """The filing or lookup reply, of the last ``turns`` messages, that promised a call (group 1:
    by which day; ``.string``: the whole reply)."""
    return bot_said(tracker, _CALLED_BY, earlier_turns=turns)


def when_called_reply(tracker: Tracker, asked: str | None = None) -> str | None:
    """When the station will call about the ticket filed or looked up in this conversation (the
    day its reply promised), and how to hurry it when the worker has waited; None: not asked,
    or no ticket here. ``asked``: the part of the message that asks (the latest message)."""
    text = asked if asked is not None else (tracker.latest_message or {}).get("text") or ""
    if not _WHEN_CALL_ASKED.search(text):
        return None
    if (promised := promised_call(tracker, turns=10)) is None:  # (the last ten messages: not an old case's)
        return None
    when = promised.group(1)
    ticket = found.group(0) if (found := re.search(r"GH\d{12}", promised.string)) else None
    line = f"工单 {ticket} 的" if ticket else ""
    reply = f"{line}工作人员承诺在 {when}前按您登记的手机号联系您，请保持手机畅通。"
    if not _THE_CALL_ASKED.search(text) and (then := next_steps(tracker, promised.string)):
        # 要多久能有结果 / 啥时候有信儿 after filing (round 52): the call, then what comes of that kind of case
        reply = f"{line}工作人员承诺在 {when}前按您登记的手机号给您打电话。{then}"
    elif re.search(r"结果|学校|那边|能不能|给信|准信|答复", text):
        # 那学校那边啥时候能给信儿 (XH-1: the station's hours, twice): the result is the station's work
        reply = (f"{line}工作人员承诺在 {when}前按您登记的手机号给您打电话，说说怎么帮您办、办到哪一步了；"
                 "最后的结果要看工作站和对方（学校、单位或有关部门）协调，有进展会再告诉您。")
    if ticket and _WAITED.search(text):
        reply += "等得着急的话，" + HURRY_TEXT.format(ticket=ticket).replace("着急的话", "")
    elif ticket:
        reply += HURRY_TEXT.format(ticket=ticket)
    if asked is None and (content := filed_content_asked(tracker)):
        # 那工单上都写了啥 给我看看 还有大概多久能有结果 (VL-1: only the time answered): what it holds, then when
        reply = f"{content}\n{reply}"
    return reply


# 能用手机号查我所有的单子不 / 用电话能查吗 while the ticket number is asked
_BY_PHONE = re.compile(r"(?:手机号|手机|电话|号码)\S{0,4}?(?:查|找)|(?:查|找)\S{0,6}?(?:所有|全部|名下)")


def asks_lookup_by_phone(text: str) -> bool:
    """能用手机号查我所有的单子不: a lookup by phone alone, which this channel cannot do."""
    return bool(_BY_PHONE.search(text or "")) and not v.ticket_id(text).ok


BY_PHONE_TEXT = ("这里查不了一个手机号名下的所有工单：为了保护个人信息，只能按工单号查，再用登记时留的手机号核对。"
                 "工单号在登记时的回复里（GH 开头）；记不清的话，网格工作站的工作人员核实身份后可以按手机号帮您找。"
                 "要转给工作人员吗？")

def wish_about_the_ticket(text: str) -> bool:
    """啥时候有人联系我 / 白天上班接不了电话: a wish about the call a filed ticket brings."""
    return bool(_NOTE_WORTHY.search(text or ""))


# --- a fact of the filed ticket corrected (XV-13) -------------------------------------------------
# 孩子是四年级 不是三年级 / 说错了 是四年级 after the school ticket was filed with 年级：小学三年级 (XV-13:
# nothing said, the ticket kept 三年级; a school form opened silently). A correction of a fact the
# ticket holds with another value is written on it as a correction, and said back with its number.
_FACT_CORRECTED = re.compile(r"已更正：工单 (GH\d+) 上的(\S{1,8}?)改为 (.+?)（原来登记的是")
_CORRECTABLE = ("年级", "单位", "金额", "人数", "欠薪时间", "户口情况", "月工资", "日工资", "小时工资", "工作",
                "地点", "城市", "在这个单位干了", "自付医疗费", "遇到的问题", "困难建档")
_ONE_VALUE = ("年级",)  # a fact with one value a case, told otherwise without 说错了


def _place_lines(tracker: Tracker) -> list[str]:
    """The place told in the latest message, as a ticket's line (不对 是长江路街道 不是辛安)."""
    said = slots_set_this_turn(tracker)
    return [f"· {FACT_NAMES[k]}：{said[k]}" for k in ("district", "city")
            if isinstance(said.get(k), str) and said[k] and said[k] != v.UNKNOWN][:1]


def facts_corrected(tracker: Tracker, filed: str) -> tuple[list[tuple[str, str, str]], list[str]]:
    """What the latest message corrects on the ticket filed here: (label, value filed, value now)
    for each fact it holds otherwise, and the ticket's lines that already hold what is told."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or (is_question(text) and (_WHAT_IF.search(text) or not v.is_correction(text))):
        return [], []
    corrects = v.is_correction(text)  # (孩子四年级 alone: the one child's grade said otherwise corrects it too)
    summary, _notes = filed_summary(tracker, filed)
    if not summary:
        return [], []
    told = [line for line in told_lines(_PHONE_DIGITS.sub(" ", _without_ids(text))) + _place_lines(tracker)
            if line.removeprefix("· ").split("：", 1)[0] in _CORRECTABLE]
    changed: list[tuple[str, str, str]] = []
    same: list[str] = []
    for line in dict.fromkeys(told):
        label, _, value = line.removeprefix("· ").partition("：")
        had = next((h for h in summary if h.startswith(f"· {label}：")), None)
        if had is None:
            continue
        if not corrects and label not in _ONE_VALUE:
            continue
        if _same_fact(line, had):
            same += [had] if corrects else []
        elif label not in (c[0] for c in changed):
            changed.append((label, had.split("：", 1)[1], value))
    return changed, same


async def correct_filed_fact(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict] | None:
    """孩子是四年级 不是三年级 after the ticket was filed: the correction written on the ticket (the
    backend takes a worker's words on it as its history, as every note) and said back with the
    ticket's number; None when the message corrects no fact the ticket holds."""
    filed = ticket_filed_here(tracker, last=200) or _filed_here_looked_up(tracker)
    if not filed or tracker.active_loop_name:
        return None
    changed, same = facts_corrected(tracker, filed)
    if not changed:
        if same and not _only_a_phone(tracker.latest_message.get("text") or "") \
                and not corrected_phone(tracker):
            dispatcher.utter_message(text=f"工单 {filed} 上登记的就是这样，不用改：\n" + "\n".join(same)
                                          + "\n还有别的要改，直接告诉我。")
            return []
        return None
    note = "职工更正：" + "；".join(f"{label}应为 {new}（原登记 {old}）" for label, old, new in changed)
    try:
        await client().add_ticket_note(filed, tracker.sender_id, note)
    except (BackendError, BackendUnavailable):
        dispatcher.utter_message(text=f"更正没能写到工单 {filed} 上。"
                                 + HURRY_TEXT.format(ticket=filed) + "打的时候跟工作人员说一下要改的地方。")
        return []
    lines = [f"已更正：工单 {filed} 上的{label}改为 {new}（原来登记的是 {old}）。" for label, old, new in changed]
    place = any(label in ("地点", "城市") for label, _, _ in changed)
    dispatcher.utter_message(text="\n".join(lines) + "\n更正已经写在工单上，工作人员能看到，会按更正后的情况跟您联系"
                                  + ("；地点变了的话，他们会跟您核对由哪个工作站来办。" if place else "。"))
    return []


# 现在到哪一步了 / 啥状态 / 状态呢 / 办得怎么样了 about the ticket this conversation filed (VB-12: the
# question noted on the ticket twice, then 这个我查不了 and the menu)
_STATUS_ASKED = re.compile(r"状态|进度|到哪(?:一步|步|了)|哪一步|怎么样了|咋样了|办得?(?:怎么样|咋样)|"
                           r"有结果了?(?:吗|没)|办了没|办好了?没|处理了?(?:没|吗)|有人管了?(?:没|吗)|^(?:那|我的)?(?:工单|单子)呢")


async def status_of_filed(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict] | None:
    """The state of the ticket filed here, asked by its number or without it: looked up on the
    backend with the phone it holds, not noted on it; None when no such question."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    filed = ticket_filed_here(tracker, last=400) or _filed_here_looked_up(tracker)
    named = v.ticket_id(text)
    if tracker.active_loop_name or text.startswith("/") or not filed or (named.ok and named.value != filed) \
            or not _STATUS_ASKED.search(_without_ids(text)) or corrected_phone(tracker) \
            or _PHONE_DIGITS.search(_without_ids(text)) or re.search(_A_NOTE_ASKED, text):
        return None  # (a new phone beside it: the change, then the lookup — correct_filed_phone)
    # (the lookup is action_ticket_status's own, run next: services imports this module)
    return [SlotSet("ticket_id", filed), FollowupAction("action_ticket_status")]


async def note_on_ticket(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict] | None:
    """The worker's wish about the ticket this conversation filed, written on it for the staff;
    about a ticket only looked up, how to hurry it. None: no such message."""
    text = (tracker.latest_message.get("text") or "").strip()
    if isinstance(tracker.get_slot("callback_pending"), dict) and v.phone(text).ok:
        return None  # 138… 下午打给我 to 留个手机号: the callback waiting for it is filed, no note
    if (state := await status_of_filed(dispatcher, tracker)) is not None:
        return state  # 对了 GH… 现在到哪一步了 / 状态呢 (VB-12: noted on the ticket, then 这个我查不了)
    named = v.ticket_id(text)
    # (a ticket of another conversation named: its status is looked up, not this one's content)
    asks_content = bool(_ASKS_CONTENT.search(_without_ids(text))) and (
        not named.ok or named.value == ticket_filed_here(tracker, last=200))
    phone_asked = asks_phone_on_record(text)
    missing = missing_fact_told(tracker)
    if (described := ticket_described(dispatcher, tracker)) is not None:
        # 就是孩子上学那个 for the ticket number (XR-14: a school form, then 您在哪个城市 over and over)
        return described + ([ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name else [])
    if not tracker.active_loop_name and not text.startswith("/"):
        if (phone_changed := await change_phone_elsewhere(dispatcher, tracker)) is not None:
            return phone_changed  # 工单GH… 原来留的139… 换成139… in a new conversation (YV-13, YX-9)
        if (told := await phone_for_looked_up(dispatcher, tracker)) is not None:
            return told  # 帮我在这个单子上加一个联系电话 158… after a lookup (YT-12: the school text)
        if (fixed := await correct_filed_fact(dispatcher, tracker)) is not None:
            return fixed  # 孩子是四年级 不是三年级 after the school ticket (XV-13: nothing said, 三年级 kept)
        if kept := await call_time_kept(tracker):
            # 周六下午打电话你记上了没 (XP-13: unanswered): said back, or written on the ticket now;
            # a question beside it is answered in the filed case's topic
            dispatcher.utter_message(text=kept)
            rest = [c for c in re.split(r"[\s，,。；;！!]+", text) if c and not _KEPT_ASKED.search(c)]
            if is_question(" ".join(rest)) and len(re.findall(r"[\u4e00-\u9fff]", "".join(rest))) >= 6:
                for line in await answer_in_topic(tracker, CASE_TOPICS.get(filed_type(tracker) or "")):
                    dispatcher.utter_message(text=line)
            return []
        if (filed_now := ticket_filed_here(tracker, last=200)) and (employer := employer_to_add(text)):
            # 厂名叫鸿什么电子 你给工单上补一下 (YS-16: the ticket's status, the name not added)
            return await _add_missing_fact(dispatcher, tracker, filed_now, "单位", employer, _UNSURE_NAME_OK
                                           if "全名不详" in employer else _STAFF_SEE)
        first_words = re.split(r"[\s，,。？?！!]+", text, maxsplit=1)[0]
        if not _WHEN_CALLED.match(first_words) and ticket_filed_here(tracker, last=120) \
                and (when := when_called_reply(tracker)) is not None:
            # 要多久能有结果 right after the school ticket (round 52: noted on it, then the wage
            # mediation's time limits): when the call comes and what comes of that kind of case
            dispatcher.utter_message(text=when)
            return []
    if tracker.active_loop_name or text.startswith("/") or not (
            _NOTE_WORTHY.search(text) or asks_content or _ASKS_NUMBER.search(text) or phone_asked or missing
            or _SAYS_NOT_ON_IT.search(text)):
        return None
    if missing:
        return await _add_missing_fact(dispatcher, tracker, *missing)
    if _ASKS_NUMBER.search(text) and (number := ticket_filed_here(tracker, last=200)):
        # 刚才那个单号是多少来着 我没记住 (ZI-16: 没太明白)
        dispatcher.utter_message(text=f"您的工单号是 {number}。查进度的时候告诉我这个号就行，也可以截个图存着。")
        return []
    if phone_asked and not asks_content and (said := phone_on_record_reply(tracker)):
        dispatcher.utter_message(text=said)  # 工单上登记的电话是多少 (YP-03: the status, a station card)
        return []
    first, *rest = re.split(r"[\s，,。？?！!]+", text, maxsplit=1)
    if _WHEN_CALLED.match(first) and (when := _called_by(tracker)):
        # 啥时候有人联系我 right after filing (ZQ-01): when, from the filing reply; nothing to note
        # (多久有结果: what comes of that kind of case too — round 52)
        dispatcher.utter_message(text=when_called_reply(tracker, first) or f"工作人员会在 {when}前按您登记的手机号给您"
                                      "打电话，请保持手机畅通。着急的话现在就可以打职工服务热线 12351。")
        if rest and len(re.findall(r"[\u4e00-\u9fff]", rest[0])) >= 4:
            # 那多久有人联系我 刘跑了找谁要啊 (ZW-01: handed over, the question dropped): answered
            for line in await answer_in_topic(tracker, CASE_TOPICS.get(filed_type(tracker) or "")):
                dispatcher.utter_message(text=line)
        return []
    status = status_looked_up(tracker) or (status_in_talk(tracker, turns=4) if _ADDS_TO_IT.search(text) else None)
    # (再加一句 学校是薛家岛中心小学 他们说等通知 three messages after the lookup, XH-11: a new
    # school form; 给GH…加个备注 … got the status again)
    looked_up = status.group(1) if status else None
    if named.ok and _ADDS_TO_IT.search(text) and named.value != ticket_filed_here(tracker, last=200) \
            and any((shown := STATUS_REPLY.search(e.get("text") or "")) and shown.group(1) == named.value
                    for e in tracker.events if e.get("event") == "bot"):
        looked_up = named.value  # 给GH…加个备注 …, that ticket looked up here before (XH-11: its status again)
    filed = ticket_filed_here(tracker, last=120)  # (ZH-13: a note after a status check, 40 events on)
    if looked_up and looked_up != filed and filed_in_this_talk(tracker, looked_up):
        filed = looked_up  # filed here long ago and looked up since (XT-15: a related ticket opened for it)
    if looked_up and filed and any(f"注明关联 {looked_up}" in (e.get("text") or "") for e in tracker.events
                                   if e.get("event") == "bot"):
        # 你能不能直接在工单上备注一下 没有居住证 after the related ticket was filed for it (XP-14: a
        # second related ticket): what more is said goes on the related ticket filed here
        looked_up = None
    if looked_up and looked_up != filed and _ADDS_TO_IT.search(text):
        # 我想补充一下 孩子原来在河南周口上学 还有我换号了 新号139… about a ticket filed in another
        # conversation (ZH-13: 已经在办, nothing kept): only the filing conversation may write on
        # it, so what is added goes to the station as a ticket of its own, naming the first
        # (俺换手机号了 新号是177… — YN-13: the new number is the related ticket's contact, said so)
        phone = corrected_phone(tracker)
        new = f"新手机号 {mask_phone(phone)} 就是这张关联工单的联系电话，" if phone else ""
        dispatcher.utter_message(text=f"工单 {looked_up} 不是在这次对话里登记的，我这里改不了它；您补充的内容，"
                                      f"我登记成一张关联工单（注明关联 {looked_up}），{new}一起转给工作站：")
        await file_case(dispatcher, tracker, "other", {"related_ticket": looked_up, "question": text[:300],
                                                       "service": "补充已有工单"})
        return []
    if looked_up and looked_up != filed:
        dispatcher.utter_message(text=f"工单 {looked_up} 已经在办，工作人员会按登记的手机号联系您。"
                                      + HURRY_TEXT.format(ticket=looked_up))
        return []
    if not filed:
        return None
    if _SAYS_NOT_ON_IT.search(_without_ids(text)) and not re.search(r"[吗么嘛？?]\s*$", text):
        return await _missing_claimed(dispatcher, tracker, filed)  # 原来的工单上没写这个 (XR-13: the status)
    if _PHONE_GIVEN.search(text) and v.phone(str(contact_phone(tracker))).ok:
        return await _phone_already_given(dispatcher, tracker, filed, text)
    if _OTHERS_SIGN_UP.search(text) and is_question(text):  # (帮他们也登记上 tells, it is noted)
        dispatcher.utter_message(text=others_sign_up_reply(tracker, filed))
        return []
    changed: list[dict] = []
    if corrected_phone(tracker):
        # 再补充下 我手机号换了 新的是135… 还有孩子是从河南转过来的 (ZD-12: the new phone only
        # pasted as a note, the station told to call the old one): the phone changed on the
        # ticket, and what else the message says noted beside it
        changed = await correct_filed_phone(dispatcher, tracker) or []
        text = _NEW_PHONE_WORDS.sub("", _PHONE_DIGITS.sub("", text)).strip(" ，,。；;")
        if len(re.findall(r"[\u4e00-\u9fff]", text)) < 4:
            return changed
    content = filed_content(tracker, filed) if asks_content else None
    if (compared := await _told_again(dispatcher, tracker, filed, text, asks_content)) is not None:
        return changed + compared  # 补充一下 没签合同 欠了八千 — on the ticket already (XR-13, XR-15)
    told_facts, asked_parts = note_parts(text)
    if not content and not told_facts:
        # 谢谢 我好点了 刚才是气话 那工资的事咋办 四个月一共多少钱 能帮我登记上吗 (VI-9: all of it pasted
        # on the callback ticket, nothing answered): no fact for the ticket — the questions go on
        return changed or None
    # (GH202612070002 里面都写了啥, ZV-01: the ticket's own number is no new fact)
    not_on_it = _not_on_it(text, content) if content else ""
    facts_on_it = [fact for fact in told_facts if content and _fact_held(fact, content)]
    # (我姓王写上没有 — VF-1: 姓王 on it already, so no note of the question pasted on it)
    if content and not any(m.group(0) not in content for m in _NEW_FACT.finditer(_without_ids(text))) \
            and not not_on_it:
        dispatcher.utter_message(text=content)
        return []
    try:
        ticket = await client().add_ticket_note(filed, tracker.sender_id, not_on_it or " ".join(told_facts))
    except (BackendError, BackendUnavailable):
        dispatcher.utter_message(text="工单上留言没有成功。" + HURRY_TEXT.format(ticket=filed))
        return []
    due = f"工作人员会在 {call_back_by(ticket['sla_due'])}前按您登记的手机号联系您。" \
        if ticket.get("sla_due") else ""
    if not_on_it:  # 工单里有写我在海尔上班 交了两年社保吗 (XJ-1): not on it, so added
        held = f"“{'、'.join(facts_on_it)}”工单上原来就写着；" if facts_on_it else ""  # (VJ-6: 姓刘 was on it)
        dispatcher.utter_message(text=f"{held}原来的工单上没写的，已经给工单 {filed} 补上：“{not_on_it[:60]}”，"
                                      f"工作人员能看到。{due}")
    else:
        noted = " ".join(told_facts)[:60]
        dispatcher.utter_message(text=f"好的，已经在工单 {filed} 上给工作人员留了话：“{noted}”。{due}"
                                      + HURRY_TEXT.format(ticket=filed))
    if content:
        dispatcher.utter_message(text=content)
    if not content or asked_parts:  # 那我要准备啥材料 … (ZE-01: noted, not answered): read with the filed case's topic
        # (VJ-1: 报名是几月份 beside 社保交了两年这个写上了吗 — shown the ticket, the question dropped)
        for line in await answer_in_topic(tracker, CASE_TOPICS.get(filed_type(tracker) or "")):
            dispatcher.utter_message(text=line)
    return changed


# words that ask what is on it, not a fact to put there (单子上都有啥 / 那饭店名字写到单子上了没)
_ONLY_ASKS = re.compile(r"啥|什么|哪些|哪个|名字|名称|情况|内容|东西|地点|地址|电话|手机|号码|单位|金额|工资|"
                        r"^(?:那|这)(?:个|些|件|事)|事情|^都$|^全$")


def _not_on_it(text: str, content: str) -> str:
    """What the message asks to be on the ticket when its content does not hold it (工单里有写我在
    海尔上班 交了两年社保吗, XJ-1: shown, never added) — noted then; '' when nothing new is asked.
    Only the facts the message tells count (VJ-1: 那我社保交了两年这个写上了吗？报名是几月份？ was
    added whole; VJ-6: 包工头姓刘没 — 姓刘 in 您说的情况 — was added as not on it)."""
    asked = _CONTENT_FRAME.sub(" ", _without_ids(text))
    facts = note_facts(text)
    if re.search(r"啥|什么|哪些|多少", asked) and not facts:
        return ""  # 里面都写了啥 / 现在啥情况: what it holds is asked, nothing told
    return " ".join(fact for fact in facts if not _fact_held(fact, content))


def _fact_held(fact: str, content: str) -> bool:
    """Whether the ticket's words hold ``fact``: each of its words (姓刘 and 包工头 of 包工头姓刘,
    held by 是一个姓刘嘞包工头叫我来嘞) is in them."""
    words = _told_words(fact)
    return bool(words) and all(w in content for w in words)


# said to the worker's own ticket but no fact of the case (VI-9: 谢谢 我好点了 刚才是气话 pasted on it)
_NOTE_CHAT = re.compile(r"^(?:那|那么|嗯+|哦+|好的?|行|对|是的?|谢谢(?:你|您|啦)?|多谢|辛苦了?|麻烦(?:你|您)?了?|"
                        r"(?:我|俺)?(?:现在)?(?:好点了|好多了|好些了|没事了?|冷静了|平静了)|"
                        r"(?:刚才|刚刚|之前)(?:说的|那些|那话)?(?:是|都是)?气话|知道了|明白了|收到)+$")
_NOTE_LEAD = re.compile(r"^(?:那(?![个些里边])|那么|对了|另外|还有|然后|就是|好的|嗯)+")
_NOTE_TAIL = re.compile(r"(?:这个|这些|这事|这件事|的事)+$")
# a clause that asks without a question mark (咋办 / 谁出 / 一共多少钱 / 能登记上吗)
_ASKS_IN_CLAUSE = re.compile(r"咋办|怎么办|咋整|怎么弄|谁出|谁管|谁给|谁付|行不行|能不能|可不可以|是不是|"
                             r"[吗嘛么呢嗎][？?]?$|多少|几[个月天号年岁点]|哪|啥|什么|为啥|为什么|咋|怎么|如何")


def note_facts(text: str) -> list[str]:
    """The facts a message to the worker's own ticket tells, clause by clause — the question's
    frame taken off a fact asked about (社保交了两年这个写上了吗 → 社保交了两年), questions, requests and
    talk left out (VI-9, VJ-1, VI-6: the worker's whole message pasted on the ticket as a note)."""
    return note_parts(text)[0]


def note_parts(text: str) -> tuple[list[str], list[str]]:
    """:func:`note_facts`, and the clauses that ask something (报名是几月份 — to be answered). A
    message with nothing to leave out is noted as said."""
    words = _without_ids(text).strip()
    framed = bool(_ASKS_CONTENT.search(words))  # (…交了两年社保吗: the 吗 is the frame's)
    facts: list[str] = []
    asked: list[str] = []
    left_out = False
    for said in re.split(r"[\s，,。；;！!？?、.]+", words):
        clause = _NOTE_LEAD.sub("", said.strip())
        if not clause or _NOTE_CHAT.match(clause):
            left_out = left_out or bool(clause)
            continue
        if _ASKS_CONTENT.search(clause) or re.search(r"(?:工单|单子)\S{0,4}?(?:写|记)", clause) \
                or (framed and re.search(r"(?:吗|么|嘛|没有?)[？?]?$", clause) and not _ASKS_WHAT.search(clause)):
            left_out = True
            clause = re.sub(r"^的", "", _CONTENT_FRAME.sub("", clause))  # 工单上写了包工头姓刘没 → 包工头姓刘
            clause = re.sub(r"(?:给|帮|替)(?:我|俺)(?:们)?$", "", clause)  # 厂名给我记上了没 (VL-8: noted 厂名给我)
            if not _told_words(clause) or _ASKS_WHAT.search(clause):
                continue  # 厂名记上了吗 / 工单上有没有写地点 / 里面都写了啥: what it holds is asked
        elif (is_question(clause) or _ASKS_IN_CLAUSE.search(clause)) and not _UNKNOWN_TOLD.search(clause):
            asked.append(clause)  # 四个月一共多少钱 / 能帮我登记上吗 / 报名是几月份: asked, not told
            left_out = True
            continue
        clause = _NOTE_TAIL.sub("", _NOTE_LEAD.sub("", _REQUEST_ONLY.sub("", clause)))
        if len(re.findall(r"[\u4e00-\u9fff\d]", clause)) >= 2 \
                and not re.fullmatch(r"[\u4e00-\u9fff]?[写记加补填上没了吗]+", clause):
            facts.append(clause)
    if not left_out:
        return ([words] if words else []), []
    return list(dict.fromkeys(facts)), asked


# 包工头叫刘什么我也不知道 / 总包是哪个公司俺不知道 (XG-1, VJ-6): a 什么 / 哪个 of what is unknown, told
_UNKNOWN_TOLD = re.compile(r"不知道|不清楚|不晓得|记不清|记不得|不记得|忘了|没问过|说不上来")
_ASKS_WHAT = re.compile(r"多少|几|哪|啥|什么|咋|怎么|如何|谁|能不能|可不可以|是不是")


def _told_words(fact: str) -> list[str]:
    """The words of ``fact`` that tell something (not 厂名 / 地点 / 都有啥, which ask)."""
    words = re.split(r"[\s，,。；;、]+|我在|俺在|我|俺|的|了|在|(姓[\u4e00-\u9fff])", fact)
    return [w for w in words if w and len(w) >= 2 and not _ONLY_ASKS.search(w) and not re.search(r"名$|^都", w)]


# the words of a request to write on it (加上 / 再加一句 / 帮我备注一下), left out of the fact noted
_REQUEST_ONLY = re.compile(r"^(?:请|麻烦)?(?:再加一句|加一句|再加上|加上|补上|补充(?:一?下)?|记上|写上|"
                           r"帮我|帮俺|给我|给俺)+")


# 单位还没写上。告诉我单位，我加到工单上。 (said by :func:`filed_content`): the fact asked for
_FACT_MISSING = re.compile(r"^工单 (GH\d+) 上登记的是：[\s\S]*\n(\S{1,6}?)还没写上。告诉我\2，我加到工单上。")
_FACT_ADDED = re.compile(r"^好的，已加到工单 (GH\d+)：(\S{1,6}?) (.+?)。")
_SLOT_OF_LABEL = {"单位": "employer", "金额": "amount", "人数": "workers_affected", "地点": "district",
                  "年级": "child_grade", "户口情况": "hukou_status"}


def missing_fact_told(tracker: Tracker) -> tuple[str, str, str] | None:
    """海达机械有限公司 right after 单位还没写上。告诉我单位 (YR-05: 收到，您说的我记下了 and the
    menu): the ticket, the fact asked for and its value as told (the phone has its own path)."""
    asked = bot_said(tracker, _FACT_MISSING, earlier_turns=1)
    text = _SAID_BEFORE_LEAD.sub("", ((tracker.latest_message or {}).get("text") or "").strip(" ，,。.！!"))
    if not asked or asked.group(2) == "手机号" or asked.group(1) != ticket_filed_here(tracker, last=200) \
            or not text or text.startswith("/") or len(text) > 30 or is_question(text) or v.says_unknown(text):
        return None
    if asked.group(2) == "单位" and not v.employer_answer(text).ok:
        return None  # 那你给加上 老板说过年上班只给平时工资 (XI-5: filed as 单位): no name, a note
    read = slots_set_this_turn(tracker).get(_SLOT_OF_LABEL.get(asked.group(2), ""))
    value = fact_text(_SLOT_OF_LABEL[asked.group(2)], read) if read not in (None, "", v.UNKNOWN) else text
    return asked.group(1), asked.group(2), _SAID_BEFORE_LEAD.sub("", str(value)) or text


# 刚才说了 青岛宏利达塑胶 / 不是说了吗 就是… / 我说过了，叫… (VL-8: filed as 单位 刚才说了 青岛宏利达塑胶): the
# words that say it was told before are no part of the value
_SAID_BEFORE_LEAD = re.compile(r"^(?:(?:我|俺)?(?:刚才|刚刚|刚|之前|前面|上面|早就|不是|都|已经|早)?(?:都|已经|就)?"
                               r"(?:说|讲|告诉你|写)(?:过|了)+(?:吗|嘛|啊|呀)?|就是|叫|是)[\s，,。:：!！]*"
                               r"(?:就是|叫|是)?[\s，,:：]*")


_STAFF_SEE = "工作人员能看到，联系您时会核对。"
_UNSURE_NAME_OK = "全名不知道不要紧，工作人员能看到，联系您时会跟您核对，也能按地点去查。"


async def _add_missing_fact(dispatcher: CollectingDispatcher, tracker: Tracker, filed: str, label: str,
                            value: str, then: str = _STAFF_SEE) -> list[dict]:
    """The fact asked for written on the ticket for the staff, and said back."""
    try:
        await client().add_ticket_note(filed, tracker.sender_id, f"{label}：{value}")
    except (BackendError, BackendUnavailable):
        dispatcher.utter_message(text=f"{label}没能加到工单上。" + HURRY_TEXT.format(ticket=filed))
        return []
    dispatcher.utter_message(text=f"好的，已加到工单 {filed}：{label} {value}。{then}")
    return []


# 厂名叫鸿什么电子 你给工单上补一下 (YS-16): an employer's name told to be written on the ticket
_EMPLOYER_NAMED = re.compile(r"(?:厂名|厂子|厂|公司|单位|饭店|饭馆|餐馆|酒店|店|超市|物业|工地|站点|快递点)(?:的)?"
                             r"(?:全名|名字|名)?(?:叫|是)|(?:就|只)知道叫")
# 饭店叫鲁味轩 要不要写上 (XG-9: 好的，没问题, nothing added): a name with no trade word in it, up
# to where the message goes on
_BARE_NAME = re.compile(r"\s*([\u4e00-\u9fff]{2,10}?)(?=\s|[，,。！!？?、]|要不要|你|帮|给|也|能|可以|麻烦|$)")
_NAMED_KIND = re.compile(r"(饭店|饭馆|餐馆|酒店|超市|物业|工地|站点|快递点|店)(?:的)?(?:全名|名字|名)?(?:叫|是)")
_EMPLOYER_NAME = re.compile(r"\s*([\u4e00-\u9fff]{1,12}?(?:电子|厂|公司|集团|科技|机械|制衣|鞋业|五金|电器|食品|"
                            r"塑胶|塑料|实业|服装|纺织|家具|包装|印刷|物流|工地|项目))")
# (工单上有没有写我们厂叫海纳电器 asks, it is noted as said: no add asked)
_ADD_ASKED = re.compile(r"补一下|补上|补到|补充|加上|加到|加一下|写上|记上|写进|记进")
_NAME_UNSURE = re.compile(r"什么|啥|某")


def employer_said(text: str) -> str | None:
    """The employer's name told in a message (厂子叫青岛宏利达塑胶 → 青岛宏利达塑胶), asked to be added or
    not; None when none is told (or it is asked: 厂名叫啥)."""
    named = _EMPLOYER_NAMED.search(text or "")
    if not named:
        return None
    name = _EMPLOYER_NAME.match(text, named.end()) or _BARE_NAME.match(text, named.end())
    if not name or _ADD_ASKED.search(name.group(1)) or _NAME_UNSURE.search(name.group(1)) \
            or _ASKS_IN_CLAUSE.search(name.group(1)) or not v.employer_answer(name.group(1)).ok:
        return None
    return name.group(1)


def employer_to_add(text: str) -> str | None:
    """The employer's name the worker asks to add to the ticket, a part not known as X
    (鸿什么电子 → 鸿X电子（全名不详）); None when no name is told to be added."""
    named = _EMPLOYER_NAMED.search(text or "")
    if not named or not _ADD_ASKED.search(text):
        return None
    name = _EMPLOYER_NAME.match(text, named.end()) or _BARE_NAME.match(text, named.end())
    if not name or _ADD_ASKED.search(name.group(1)):
        return None
    value = name.group(1)
    if (kind := _NAMED_KIND.search(named.group(0))) and kind.group(1) != "店" and kind.group(1) not in value:
        value = f"{value}（{kind.group(1)}）"  # 鲁味轩（饭店）
    return _NAME_UNSURE.sub("X", value) + "（全名不详）" if _NAME_UNSURE.search(value) else value


# 当时留的是13688886660 / 登记时留的手机号是… (YT-13: the lookup checked the new number, not found)
_REGISTERED_PHONE = re.compile(r"(?:当时|原来|之前|以前|上次|登记(?:时|的时候)?|那时候?)\S{0,6}?(?:留|填|登记|写|报)"
                               r"\S{0,6}?(1\d{10})|"
                               # 原来的是150… 现在换成185… (XL-11)
                               r"(?:原来|之前|以前|旧)的?(?:手机)?(?:号码?)?(?:是|为)?\s*(1\d{10})")
_NEW_PHONE = re.compile(r"(?:对的|正确的|新的?|现在的?|应该|改成|换成|改为)\S{0,4}?(1\d{10})")


def registered_phone_in(text: str) -> str | None:
    """The number the message says the ticket was filed with (当时留的是…), not the new one."""
    found = _REGISTERED_PHONE.search(re.sub(r"\s", "", text or ""))
    return (found.group(1) or found.group(2)) if found else None


def new_phone_in(text: str) -> str | None:
    """The number the message says is the right or new one (对的是… / 改成…)."""
    found = _NEW_PHONE.search(re.sub(r"\s", "", text or ""))
    return found.group(1) if found else None


def registered_phone(tracker: Tracker, turns: int = 8) -> str | None:
    """The number the worker said a ticket was filed with, in their last ``turns`` messages."""
    users = [e for e in tracker.events if e.get("event") == "user"][-turns:]
    return next((found for e in reversed(users) if (found := registered_phone_in(e.get("text") or ""))), None)


def lookup_phone(tracker: Tracker) -> str | None:
    """The phone a ticket lookup checks: for a ticket this conversation filed, the phone it holds
    now (XR-14: 我换号了 新号139… then 查一下我的工单 checked the new number, the ticket still had the
    old — 没有找到); else the one the worker said it was filed with, else the phone slot (a new
    number told beside the old one is what it should become, not what is on it)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if (ticket := tracker.get_slot("ticket_id")) and (on_it := phone_on_filed(tracker, str(ticket))):
        return on_it
    if v.phone(text).ok and not registered_phone_in(text) and not new_phone_in(text):
        return tracker.get_slot("phone")  # 手机号说错了 是139… after 没有找到: the number said now
    return registered_phone(tracker) or tracker.get_slot("phone")


def phone_found_with(tracker: Tracker) -> str | None:
    """The phone the last ticket found here was looked up with."""
    phone, found = None, None
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == "phone":
            phone = event.get("value")
        elif event.get("event") == "user" and (said := registered_phone_in(event.get("text") or "")):
            phone = said
        elif event.get("event") == "bot" and STATUS_REPLY.search(event.get("text") or ""):
            found = phone
    return found


# 能不能让他们打我的电话 我电话158… (他们…电话 reads as someone else's number)
_OWN_PHONE = re.compile(r"(?:我|俺)的?(?:电话|手机|号码)")
_CHANGE_ASKED = re.compile(r"改成|换成|改为|改一下|是错的|错了|留错|不对|换号|新号|换了号")


def _rest_of(text: str) -> str:
    """The message without the phone and the words about it (还有总包… is what is left)."""
    rest = _NEW_PHONE_WORDS.sub("", _PHONE_DIGITS.sub("", text))
    # (俺换号了 新号是186… 改一下, XH-11: 俺换号了 改一下 was taken for more to note, the note was
    # refused and the change, made, was never said)
    rest = re.sub(r"(?:(?:工单|单子)(?:上|里)?(?:写|填|记|登记)?错了|这个号|帮我|给我|帮俺|给俺|是错的|错了|"
                  r"换了?号了?|号换了|改一下|换一下|改了吧|改吧|换吧|"
                  r"麻烦|请|^(?:俺|我)(?:的)?|了$)", "", rest).strip(" ，,。；;了")
    # (工单上写错了 我们没有居住证 还在办 … 另外电话改成…, XP-14: “工单上写 … 还在办  另外” said back)
    return re.sub(r"(?:\s*(?:另外|还有|以及|并且|顺便))+$", "", re.sub(r"\s{2,}", " ", rest)).strip(" ，,。；;")


async def phone_for_looked_up(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict] | None:
    """A number told for a ticket looked up here, not filed here (YT-12: 帮我在这个单子上加一个联系
    电话 158… got the school text, 是哪个站在办…我电话158… 已经在办): the station asked answered; the
    number changed on the ticket (改成…) or added as a second contact where this conversation may,
    else said plainly how; the phone slot keeps the number the ticket was found with (YT-13: the
    next lookup checked the new one). None: no such message."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    status = status_in_talk(tracker)
    number = v.phone(text)
    named = v.ticket_id(text)
    if status is None or filed_in_this_talk(tracker, status.group(1)) or not number.ok \
            or (named.ok and named.value != status.group(1)) \
            or (someone_elses_phone(text) and not _OWN_PHONE.search(text)) \
            or not _ABOUT_THE_PHONE.search(_PHONE_DIGITS.sub("", text)):
        return None
    ticket, found_with, new = status.group(1), phone_found_with(tracker), str(number.value)
    if new == found_with or registered_phone_in(text) == new:
        return None
    change = bool(_CHANGE_ASKED.search(text))
    said = [who] if asks_who_handles(text) and (who := ticket_station_reply(tracker, status)) else []
    changed, related = False, ""
    try:
        if change:
            await client().change_ticket_phone(ticket, tracker.sender_id, new, old_phone=found_with)
            changed = True
            said.append(f"已更正：工单 {ticket} 的联系电话改为 {mask_phone(new)}，工作人员会打这个号码。")
            if len(re.findall(r"[\u4e00-\u9fff]", rest := _rest_of(text))) >= 4:
                try:
                    await client().add_ticket_note(ticket, tracker.sender_id, rest)
                    said.append(f"您说的“{rest[:60]}”也记在工单上了。")
                except (BackendError, BackendUnavailable):
                    # 工单上写错了 我们没有居住证 还在办 帮我改一下 另外电话改成139… (XP-14: 跟他们说一下就行,
                    # the correction left to the worker): another conversation's ticket takes no
                    # note, so the correction goes to the station on a related ticket, said so
                    related = rest
        else:
            await client().add_ticket_note(ticket, tracker.sender_id, f"另一个联系电话：{new}")
            said.append(f"好的，{mask_phone(new)} 已经作为另一个联系电话记在工单 {ticket} 上，工作人员能看到。")
    except (BackendError, BackendUnavailable):
        if change and len(re.findall(r"[\u4e00-\u9fff]", _rest_of(text))) >= 4:
            return None  # more told than the number: the related ticket (note_on_ticket) carries it all
        how = "改打" if change else "也打"
        said.append(f"工单 {ticket} 不是在这次对话里登记的，我这里没法{'改' if change else '加'}它的联系电话。"
                    f"想让工作人员{how} {mask_phone(new)}，请打职工服务热线 12351，报工单号 {ticket} 和这个号码；"
                    "工作人员按登记的号码打来时，也可以直接跟他们说。")
    for line in said:
        dispatcher.utter_message(text=line)
    if related:
        dispatcher.utter_message(text=f"您说的“{related[:60]}”，工单 {ticket} 不是在这次对话里登记的，"
                                      f"我这里写不到它上面；我登记成一张关联工单（注明关联 {ticket}），"
                                      "一起转给工作站：")
        await file_case(dispatcher, tracker, "other", {"related_ticket": ticket, "question": text[:300],
                                                       "service": "补充已有工单"})
    return [SlotSet("phone", found_with)] if found_with and not changed else []


_ASKS_NUMBER = re.compile(r"(?:单号|工单号|编号|单子号)\S{0,6}(?:多少|是啥|是什么|几号|忘了|没记住|没记下|再说|"
                          r"再发|发我|再给|重发|再告诉)|"
                          r"(?:忘了|没记住|没记下)\S{0,4}(?:单号|工单号|编号)")
# 工单上登记的电话是多少 / 我留的哪个电话 / 你们会打哪个号码 (YP-03: the ticket's status, a station
# card, 帮不上忙): the worker's own number on the ticket asked — not the station's (我该打哪个电话)
_PHONE_WORD = r"(?:电话(?:号码?)?|手机号?码?|号码)"
_ASKS_PHONE = re.compile(
    rf"(?:登记|留|填|写|记)(?:下|上|好)?了?(?:我|俺)?(?:的|了)(?:是)?(?:哪个|啥|什么)?{_PHONE_WORD}|"
    rf"(?:登记|留|填|写|记)(?:下|上|好)?的?(?:是)?(?:哪个|啥|什么){_PHONE_WORD}|"
    rf"{_PHONE_WORD}(?:是)?(?:登记|留|填|写|记)(?:下|上)?的(?:是)?(?:哪个|啥|什么|多少)|"
    rf"(?:会|你们|工作人员|他们|人家|到时候?)\S{{0,3}}?(?:打|联系)(?:我|俺|给我|给俺)?的?(?:是)?(?:哪个|啥|什么)"
    rf"(?:电话|号码?|手机号?)|(?:打|联系)(?:我|俺|给我|给俺)的?(?:是)?(?:哪个|啥|什么)(?:电话|号码?|手机号?)")
_ASKS_WHICH = re.compile(r"多少|哪个|哪一个|啥|什么|几|对不对|对吗|对么|是不是|没错吧|吗|么|呢|[?？]")


def asks_phone_on_record(text: str) -> bool:
    """工单上登记的电话是多少 / 我留的哪个电话: which number of the worker's is on the ticket."""
    return bool(_ASKS_PHONE.search(text)) and bool(_ASKS_WHICH.search(text)) and not someone_elses_phone(text)


def _ticket_in_talk(tracker: Tracker) -> tuple[str, bool] | None:
    """The ticket this conversation last filed or looked up, and whether it filed it."""
    for event in reversed(tracker.events[-200:]):
        text = event.get("text") or "" if event.get("event") == "bot" else ""
        if found := _FILED_TICKET.search(text):
            return found.group(1), True
        if found := STATUS_REPLY.search(text):
            return found.group(1), False
    return None


def phone_on_record_reply(tracker: Tracker) -> str | None:
    """The phone on the ticket filed or looked up here, masked as everywhere (138****5678), or
    that none was left and how to add one; None without such a ticket."""
    ticket = _ticket_in_talk(tracker)
    if ticket is None:
        return None
    ticket_id, filed_here = ticket
    phone = contact_phone(tracker)
    if phone and v.phone(str(phone)).ok and filed_here:
        return (f"工单 {ticket_id} 上登记的手机号是 {mask_phone(str(phone))}，工作人员会打这个号码联系您。"
                f"号码不对的话，直接{SEND_THE_PHONE}，我改到工单上。")
    if phone and v.phone(str(phone)).ok:  # a lookup is made with the ticket's own phone
        return (f"工单 {ticket_id} 上登记的手机号是 {mask_phone(str(phone))}（就是您查询时核对的号码），"
                "工作人员会打这个号码联系您。换了号码的话，跟我说“换号了 新号是…”，我转给工作站。")
    if not filed_here:
        return None
    return (f"工单 {ticket_id} 上没有留手机号，工作人员没法给您回电。想让他们打给您的话，"
            f"{SEND_THE_PHONE}就行，我加到工单上。")


SEND_THE_PHONE = "把手机号发给我"  # said when the phone on the ticket is asked: a number sent next goes on it


# 补充 / 记上 / 换号了 新号 / 改成: something to add to a ticket, not a question about it
_ADDS_TO_IT = re.compile(r"补充|记上|写上|加上|加到|换号|新号|换了号|改成|改为|忘了说|还有个情况|"
                         + _A_NOTE_ASKED + "|捎个话|带个话")


# the words of a phone changed, left out of the note written beside the change
_PHONE_DIGITS = re.compile(r"\+?\d[\d\s-]{9,}\d")
_NEW_PHONE_WORDS = re.compile(r"(?:再)?补充(?:一?下)?|(?:我的?)?(?:手机号?|电话(?:号码?)?|号码)(?:码)?"
                              r"(?:换了|改了|变了)?|新的?(?:号码?)?是?|换成|改成|改为|还有")


# 我登记的那个写上老板名字了吗 / 工单上有没有写… / 都登记了啥 (ZB-03: a question about the ticket
# filed was written on it as a note, or opened a new registration)
_ASKS_CONTENT = re.compile(r"(?:写|记|登记|加|填)(?:上|进|进去|到)?了?\S{0,8}?(?:了吗|了没|了么|没有?$|没写|没记)|"
                           r"(?:工单|单子)\S{0,3}(?:写|记)了\S{0,10}?(?:吗|没)|"  # 工单里写了我工资5000吗 (ZP-06)
                           r"有没有(?:写|记|登记)|写没写|记没记|登没登记|(?:工单|单子)上\S{0,6}?(?:有|写|记)\S{0,6}?(?:吗|没)|"
                           r"(?:登记|写|记)了?(?:些)?(?:啥|什么|哪些)|"
                           # 19号那个单子上写的啥 / 工单GH…上写的是啥 (XZ-13: 没弄明白; XY-1: pasted on it as a note)
                           r"(?:单子|工单)(?:里|上)?(?:面)?\S{0,2}?(?:写|记|登记)的(?:是|都是)?(?:啥|什么|哪些)|"
                           # 现在单子上都有啥 / 工单上登记的都有啥 (ZV-12, ZV-16: 没明白, the services)
                           r"(?:工单|单子)\S{0,6}?(?:都)?有(?:啥|什么|哪些|些啥)|"
                           # GH… 上面写的啥 念一下 (VA-1: the number taken out, a rest-day rule answered)
                           r"(?:^|\s)(?:里|上)面?\S{0,2}?(?:写|记|登记)的(?:是|都是)?(?:啥|什么|哪些)|"
                           r"(?:念|读)(?:一下|一遍|给我听|给俺听|出来)|"
                           # 我是问工单上登记的内容 给我看一下 (VL-1: a legal-aid ticket offered instead)
                           r"(?:工单|单子)\S{0,8}?(?:内容|写的东西|记的东西|登记的东西|写的啥|记的啥)|"
                           r"(?:工单|单子)\S{0,12}?(?:给我|给俺|让我|让俺)(?:看看|看一下|看一眼|瞅瞅|瞧瞧)|"
                           # 工单里有写我在海尔上班 交了两年社保吗 / 单子上有鑫达机械不 / GH… 上写了我在城阳吗
                           # (XJ-1, XJ-9, XJ-13, XJ-15: the legal-aid paragraph, the menu, the status)
                           r"(?:工单|单子|^\s*)(?:里|上|里面|上面)(?:有没有|有)?(?:写|记|登记)?了?[^。！!？?]{1,40}?"
                           r"(?:吗|么|没|没有|不)[？?。]*$")
# the question's frame, left out of what it asks to be on the ticket
_CONTENT_FRAME = re.compile(r"(?:工单|单子)(?:里|上|里面|上面)?(?:有没有|有)?(?:写|记|登记)?(?:上|进)?了?|"
                            r"^\s*(?:里|上|里面|上面)(?:有没有|有)?(?:写|记|登记)?了?|"
                            r"(?:有没有|有)?(?:写|记|登记)(?:到|上|进)?了?(?=\S*(?:吗|么|没有|没|不)[？?。]*$)|"
                            r"(?:的事|这事|这个)?(?:吗|么|没有|没|不)[？?。]*$")
# a name, a trade name or a number told with the question: new, so it is written on the ticket too
_NEW_FACT = re.compile(r"姓[\u4e00-\u9fff]|叫[\u4e00-\u9fff]{2}|\d{3,}")
_SUMMARY_HEAD = re.compile(r"请核对一下要登记的|要登记的内容：")
_CALL_TIME_KEPT = re.compile(r"您说的“([^”]+)”也记在工单上了")
_NOTE_LEFT = re.compile(r"上给工作人员留了话：“([^”]+)”|给工单 GH\d+ 补上：“([^”]+)”")


def _without_ids(text: str) -> str:
    """The message without a ticket number in it (工单GH202612070005里面写了…吗)."""
    return re.sub(r"[Gg][Hh]\s*\d[\d\s]*", "", text)


def filed_content_asked(tracker: Tracker) -> str | None:
    """What the ticket filed here holds, when the latest message asks it (else None)."""
    text = _without_ids(((tracker.latest_message or {}).get("text") or "").strip())
    filed = ticket_filed_here(tracker, last=120)  # (ZH-13: a note after a status check, 40 events on)
    return filed_content(tracker, filed) if filed and _ASKS_CONTENT.search(text) else None


def filed_summary(tracker: Tracker, filed: str) -> tuple[list[str] | None, list[str]]:
    """The summary lines said before ``filed`` was filed here, and the notes left on it since."""
    summary, notes, after = None, [], False
    for event in tracker.events:
        text = event.get("text") or "" if event.get("event") == "bot" else ""
        if _SUMMARY_HEAD.search(text) and not after:
            summary = [line for line in text.splitlines() if line.startswith("· ")]
        elif filed in text and "已为您登记" in text:
            after = True
        elif after and (note := _NOTE_LEFT.search(text)):
            notes.append(note.group(1) or note.group(2))
        elif after and text.startswith(ADDED_AT_FILING):
            for line in text.splitlines()[1:]:
                summary = _with_line(summary, line)
        elif after and (fact := _FACT_ADDED.search(text)) and fact.group(1) == filed:
            summary = _with_line(summary, f"· {fact.group(2)}：{fact.group(3)}")
        elif after and _FACT_CORRECTED.search(text):
            for fixed in _FACT_CORRECTED.finditer(text):  # 三年级 → 四年级 said back (XV-13)
                if fixed.group(1) == filed:
                    summary = _with_line(summary, f"· {fixed.group(2)}：{fixed.group(3)}")
        elif after and (when := _CALL_TIME_KEPT.search(text)):
            summary = [*(summary or []), f"· 方便接电话的时间：{when.group(1)}"]  # a callback's (ZD-09)
    return summary, notes


def _callback_summary(tracker: Tracker) -> list[str] | None:
    """A callback's lines (it is filed without a summary shown): the facts it carries, as
    :func:`callback_facts` sends them."""
    if filed_type(tracker) != "callback":
        return None
    facts = {k: val for k, val in callback_facts(tracker, "crisis").items() if k not in ("reason", "call_time")}
    latest = ((tracker.latest_message or {}).get("text") or "").strip()
    if isinstance(facts.get("question"), str):  # the words before this question, not it
        facts["question"] = "；".join(p for p in facts["question"].split("；") if p != latest) or None
    city, district = case_place(tracker)
    facts["district"] = district or city
    facts["phone"] = tracker.get_slot("phone")
    return summary_lines(facts) or None


def filed_content(tracker: Tracker, filed: str) -> str | None:
    """What the ticket filed here holds, as the summary before filing said it (the phone as it
    is now, masked) and with the notes left on it since; None without such a summary."""
    summary, notes = filed_summary(tracker, filed)
    summary = summary or _callback_summary(tracker)  # 那个单子上都写了啥 after a callback (ZR-14)
    if not summary:
        return None
    phone = tracker.get_slot("phone")
    lines = [f"· 手机号：{mask_phone(phone)}" if line.startswith("· 手机号") and v.phone(str(phone)).ok
             else line for line in summary]
    city, district = case_place(tracker)
    if (district or city) and not any(line.startswith(("· 地点", "· 城市")) for line in lines):
        lines.append(f"· 地点：{district or city}")  # asked after the summary (ZR-07: not shown)
    if v.phone(str(phone)).ok and not any(line.startswith("· 手机号") for line in lines):
        lines.append(f"· 手机号：{mask_phone(phone)}")
    told = "".join(f"\n· 您后来补充的：“{note}”" for note in notes)
    asked = _fact_asked_line(_without_ids((tracker.latest_message or {}).get("text") or ""), lines, notes)
    return (f"工单 {filed} 上登记的是：\n" + "\n".join(lines) + told + (f"\n{asked}" if asked else "")
            + "\n工作人员能看到这些。还要补充什么，直接告诉我，我加到工单上。")


# 工单上都写了啥 俺单位写上了没 (YN-01: the lines again, and no word whether the employer is on it)
_FACT_ASKED = (("单位", r"单位|公司|厂名|厂子|老板|包工头"), ("手机号", r"电话|手机"),
               ("金额", r"金额|钱数|多少钱|欠款"), ("人数", r"人数|工友|几个人"),
               ("地点", r"地点|地址|住址|住哪|街道"), ("年级", r"年级"), ("户口情况", r"户口|居住证"),
               # 我姓王写上没有 (VF-1: the whole ticket again, no word whether the name is on it)
               ("联系人", r"(?:我|俺)(?:就)?姓|名字|姓名|联系人|我叫|俺叫"))


def _fact_asked_line(text: str, lines: list[str], notes: list[str]) -> str | None:
    """Whether the fact the worker asks about is on the ticket, said outright (None: no fact
    named in the question)."""
    for label, words in _FACT_ASKED:
        if not re.search(words, text):
            continue
        # (居住证 asked, 情况要点：…居住证办了一年多 holds it too)
        on_it = [line.split("：", 1)[1] for line in lines if line.startswith(f"· {label}：") or (
            not line.startswith(_NOT_COMPARED) and re.search(words, line.split("：", 1)[-1]))]
        if on_it:
            return f"{label}写上了：{'；'.join(on_it)}。"
        if any(re.search(words, note) for note in notes):
            return f"{label}在您后来补充的话里，工作人员能看到。"
        return f"{label}还没写上。告诉我{label}，我加到工单上。"
    return None


# 工单GH… 原来留的139… 那个号不用了 换成139… in a new conversation (YV-13: read as a lookup with
# the new phone, 没有找到; or the status shown and the change ignored): the phone changed once the
# worker names the one the ticket was filed with (the status check's proof, misses counted)
_CHANGE_WORDS = re.compile(r"改成|改为|换成|换为|改到|换到|改一下|换一下|更换|变更|换号|换了号|改号|换手机|"
                           r"(?:手机号?|号码|电话|号)(?:也|都)?换了|换了(?:个)?新?(?:手机)?号|"
                           r"修改|更改|更新|改下|不用了|停机|丢了|新号|新手机|以后打")
_CHANGED_TO = re.compile(r"(?:改成|改为|换成|换为|改到|换到|新(?:的)?(?:手机)?号(?:码)?(?:是)?|以后打|打这个|"
                        r"(?:电话|手机|手机号|号码)为)"
                        r"\D{0,6}?(1[3-9]\d{9})")
PHONE_CHANGE_ASK = "要把工单 {ticket} 的联系电话改成 {new}，先核对一下是您本人：请告诉我登记这张工单时留的手机号。"
_OLD_PHONE_ASKED = re.compile(r"要把工单 (GH\d{12}) 的联系电话改成")
NEW_PHONE_ASK = "好的，新的手机号是多少？告诉我，我换到工单 {ticket} 上。"
_NEW_PHONE_ASKED = re.compile(r"新的手机号是多少？告诉我，我换到工单 (GH\d{12}) 上")


def _phones_in(text: str) -> list[str]:
    compact = re.sub(r"(?<=\d)[\s-]+(?=\d)", "", text)
    return re.findall(r"(?<!\d)1[3-9]\d{9}(?!\d)", compact)


def wants_phone_changed(text: str) -> bool:
    """改成 / 换号 / 新号 …: the message asks for a ticket's phone to be changed."""
    return bool(_CHANGE_WORDS.search(text or ""))


def phone_change_named(text: str) -> tuple[str, str, str | None] | None:
    """(the ticket, the new phone, the old phone or None) when the message asks to change a
    ticket's phone; None otherwise."""
    said = v.ticket_id(text)
    phones = _phones_in(text)
    if not said.ok or not phones or not _CHANGE_WORDS.search(text):
        return None
    compact = re.sub(r"(?<=\d)[\s-]+(?=\d)", "", text)
    new = found.group(1) if (found := _CHANGED_TO.search(compact)) else phones[-1]
    old = next((p for p in phones if p != new), None)
    return said.value, new, old


async def change_phone_elsewhere(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict] | None:
    """A ticket's phone changed from any conversation: asked for the phone it was filed with
    when the worker did not say it, then changed (None: the message is no such change)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if tracker.active_loop_name or text.startswith("/"):
        return None
    if named := phone_change_named(text):
        ticket, new, old = named
        if old is None and ticket != ticket_filed_here(tracker):
            dispatcher.utter_message(text=PHONE_CHANGE_ASK.format(ticket=ticket, new=mask_phone(new)))
            return []
        return await _change_phone(dispatcher, tracker, ticket, new, old)
    phones = _phones_in(text)
    if (asked := bot_said(tracker, _OLD_PHONE_ASKED, earlier_turns=1)) and phones:
        before = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-2:-1]
        earlier = phone_change_named(before[0]) if before else None
        # (我换手机号了 新号185… 麻烦改一下 while a lookup asked the phone: no ticket id in it — XL-11)
        told_new: str | None = earlier[1] if earlier and earlier[0] == asked.group(1) else \
            (new_phone_in(before[0]) or next(iter(_phones_in(before[0])), None) if before else None)
        old = registered_phone_in(text) or next((p for p in phones if p != told_new), None)
        if told_new and old:
            return await _change_phone(dispatcher, tracker, asked.group(1), told_new, old)
    if (asked := bot_said(tracker, _NEW_PHONE_ASKED, earlier_turns=1)) and len(phones) == 1:
        # 15192281736 right after 新的手机号是多少 (YX-9: the lookup's ticket, verified with the old)
        return await _change_phone(dispatcher, tracker, asked.group(1), phones[0], phone_found_with(tracker))
    status = status_in_talk(tracker)  # (a new number said with it: phone_for_looked_up changes it)
    if (lookup := _lookup_after_change(dispatcher, tracker, text, phones)) is not None:
        return lookup  # 我换号了 新号139… 查一下我的工单 in a new conversation (XR-14: the menu)
    if not phones and status and _CHANGE_WORDS.search(text) \
            and re.search(r"电话|手机|号", text) and status.group(1) != ticket_filed_here(tracker, last=200):
        # 那把电话改成新的吧 原来那个不用了 after a verified lookup (YX-9: 好的，没问题, nothing changed)
        dispatcher.utter_message(text=NEW_PHONE_ASK.format(ticket=status.group(1)))
        return []
    return None


async def _change_phone(dispatcher: CollectingDispatcher, tracker: Tracker, ticket: str, new: str,
                        old: str | None) -> list[dict]:
    """The backend changes it (``old``: the phone the ticket was filed with, None from the
    conversation that filed it); every refusal is said in words the worker can act on."""
    try:
        changed = await client().change_ticket_phone(ticket, tracker.sender_id, new, old_phone=old)
    except BackendError:
        dispatcher.utter_message(text=(
            f"工单号 {ticket} 和您说的原手机号 {mask_phone(old)} 对不上，电话没有改。请核对登记时留的手机号再说一次；"
            "想不起来的话，打职工服务热线 12351，工作人员核实后帮您更换。") if old else (
            f"电话没能改到工单 {ticket} 上。请打职工服务热线 12351，告诉工作人员工单号和新的手机号"
            f" {mask_phone(new)}。"))
        return []
    except BackendUnavailable as error:
        dispatcher.utter_message(text=getattr(error, "message", "") or (
            "系统暂时连不上，电话还没改成。请过一会儿再说一次，或打职工服务热线 12351 请工作人员更换。"))
        return []
    dispatcher.utter_message(text=f"已更换：工单 {changed['id']} 的联系电话改为 {mask_phone(new)}，"
                                  f"{changed.get('station_name') or '负责的工作站'}会打这个号码联系您。")
    return [SlotSet("phone", new)]


# --- what a filed ticket already holds (XR-13, XR-15) ------------------------------------------
# 补充一下 没签合同 欠了八千 / 工单上写没写没签合同 after the ticket was filed with 情况要点：没签劳动合同
# and 您说的情况：…欠我两个月工资八千…: the words were compared as text (没签合同 is not 没签劳动合同),
# so the bot said 原来的工单上没写这个 and wrote the same facts on the ticket again. What is told is
# read as facts, with the readers the case was read with, and compared with the facts the ticket's
# lines and its words hold.
_POINTS_LABEL = "· 情况要点："
_FREE_WORDS_LABELS = ("· 您说的情况：", "· 问题：", "· 您后来补充的：")
# the words of the request itself, no fact of the case (补充一下 / 再加一句 / 帮我写上)
_REQUEST_WORDS = re.compile(r"再加一句|加一句|" + _A_NOTE_ASKED
                            + r"|(?:再)?补充(?:一?下)?|留个话|帮(?:我|俺)|给(?:我|俺)|"
                            r"(?:写|记|加|补|填)(?:上|进去|进|到)?|"
                            r"(?:工单|单子)(?:上|里|里面|上面)?|还有|另外|对了|忘了说|"
                            r"一下|那个|这个|也|都|吧|啊|呢|了|的|原来|之前|麻烦|请|你|您")


_HURRY_ASKED = re.compile(r"催(?:一下|一催|下|办|促|催)")


def split_points(points: str) -> list[str]:
    """情况要点's points, one each (怀孕（孕期、产期、哺乳期） is one point: its 、 are inside brackets)."""
    return [p for p in re.split(r"、(?![^（(]*[）)])", points or "") if p]


def told_lines(words: str) -> list[str]:
    """The facts ``words`` tell, as a ticket's summary lines, one line per point (情况要点：没签劳动合同)."""
    from actions.legal import case_points  # (it imports nothing of the tickets)

    facts = {k: val for k, val in v.read_facts(words, [], v.Context()).items() if val not in (None, "", v.UNKNOWN)}
    legal = case_points(words)
    points = _demand_points_kept(words, split_points(str(legal.get("case_points") or ""))) + points_in(words)
    if _HURRY_ASKED.search(words):
        points = [p for p in points if p != "催要过"]  # 催一下: the ticket hurried, no demand of the pay
    if legal.get("time_worked"):
        facts.setdefault("time_worked", legal["time_worked"])
    facts.pop("case_points", None)
    return [line for line in summary_lines(facts) if not line.startswith(_NOT_COMPARED)] \
        + [f"{_POINTS_LABEL}{p}" for p in dict.fromkeys(points)]


def _held_by(tracker: Tracker, filed: str) -> list[tuple[str, str]]:
    """The facts the ticket filed here holds, one point a line, each with the line of the ticket
    that holds it: its summary and notes, and the facts its free words (您说的情况, the notes) tell
    — shown as those words, so the worker sees their own 我被厂里开除了 for 被辞退."""
    summary, notes = filed_summary(tracker, filed)
    lines = [*(summary or _callback_summary(tracker) or [])]
    held: list[tuple[str, str]] = []
    for line in lines:
        if line.startswith(_POINTS_LABEL):
            held += [(point, point) for p in split_points(line.removeprefix(_POINTS_LABEL))
                     for point in [f"{_POINTS_LABEL}{p}"]]
        elif not line.startswith(_NOT_COMPARED):
            held.append((line, line))
    free = [line for line in lines if line.startswith(_FREE_WORDS_LABELS)] + [f"· 您后来补充的：{n}" for n in notes]
    for line in free:
        shown = line if len(line) <= 80 else f"{line[:80]}…"
        held += [(fact, shown) for fact in told_lines(line.split("：", 1)[1])]
    return held


def _same_fact(told: str, held: str) -> bool:
    """Two lines of one fact saying the same (鑫源机械 / 鑫源机械厂: one name said shorter)."""
    label, _, value = told.partition("：")
    held_label, _, held_value = held.partition("：")
    return label == held_label and bool(value) and (value in held_value or held_value in value)


def told_against_filed(tracker: Tracker, filed: str, words: str) -> tuple[list[str], list[str], str]:
    """What ``words`` tell, against the ticket filed here: the ticket's lines that hold it already,
    the fact lines it lacks, and the words of clauses that tell no fact the readers know and that
    the ticket's words lack (他们说等通知: kept as said)."""
    held_by = _held_by(tracker, filed)
    summary, notes = filed_summary(tracker, filed)
    content = "".join([*(summary or []), *notes])
    held, new, rest = [], [], []
    for clause in re.split(r"[\s，,。；;！!？?]+", _without_ids(words)):
        if len(re.findall(r"[\u4e00-\u9fff\d]", _REQUEST_WORDS.sub("", clause))) < 2:
            continue
        lines = told_lines(clause)
        for line in lines:
            shown = next((by for fact, by in held_by if _same_fact(line, fact)), None)
            if shown:
                held.append(shown)
            else:
                new.append(line)
        if not lines and (is_question(clause) or _ASKS_IN_CLAUSE.search(clause)) \
                and not _ASKS_CONTENT.search(clause):
            continue  # 节后保底工资多少 (VI-6: pasted on the ticket beside the red envelope): asked, not told
        if not lines and _REQUEST_WORDS.sub("", clause) not in content:
            rest.append(clause)
        elif lines and (day := _DAY_TOLD.search(clause)) and day.group(0) not in content:
            # 受伤日子是11月16号 (VF-12: refused as 情况要点：受了伤 — on it already — and the day
            # never added): a day the ticket lacks is a fact of its own, kept as said
            rest.append(clause)
    return list(dict.fromkeys(held)), list(dict.fromkeys(new)), " ".join(rest)


_DAY_TOLD = re.compile(r"(?:[\d一二三四五六七八九十]{1,3}|上个?|这个?|本)月\s*[\d一二三四五六七八九十]{1,3}\s*[号日]|"
                       r"(?<![\d月])\d{1,2}\s*[号日](?!\d)|\d{4}\s*年\s*\d{1,2}\s*月")


def held_text(filed: str, held: list[str]) -> str:
    """Said when all the worker told is on the ticket already: no second time on it."""
    return (f"这些工单 {filed} 上原来就写着，不用再加：\n" + "\n".join(held)
            + "\n工作人员能看到。还有别的新情况，直接告诉我，我加到工单上。")


async def _told_again(dispatcher: CollectingDispatcher, tracker: Tracker, filed: str, text: str,
                      asks: bool) -> list[dict] | None:
    """A message about the ticket filed here that tells facts it holds already: said so, and only
    what it lacks written on it (None: it tells no fact the ticket holds — the note as said)."""
    held, new, rest = told_against_filed(tracker, filed, text)
    if not held:
        return None
    if not new and not rest:
        dispatcher.utter_message(text=(f"有。工单 {filed} 上写着：\n" + "\n".join(held) + "\n工作人员能看到。")
                                 if asks else held_text(filed, held))
        return []
    added = [line.removeprefix("· ") for line in new] + ([rest] if rest else [])
    try:
        await client().add_ticket_note(filed, tracker.sender_id, "补充：" + "；".join(added))
    except (BackendError, BackendUnavailable):
        dispatcher.utter_message(text="补充的内容没能加到工单上。" + HURRY_TEXT.format(ticket=filed))
        return []
    dispatcher.utter_message(text=f"已经给工单 {filed} 补上：“" + "；".join(added) + "”。\n"
                                  "这些原来就写着，没有重复加：\n" + "\n".join(held))
    if note_parts(text)[1]:  # …节后保底工资多少 (VI-6: the question beside the facts went unanswered)
        for line in await answer_in_topic(tracker, CASE_TOPICS.get(filed_type(tracker) or "")):
            dispatcher.utter_message(text=line)
    return []


# 原来的工单上没写这个 / 工单上没写老板扣我身份证 / 单子上漏了欠条的事 after filing (XR-13: read as a
# lookup, the status said): the worker says the ticket lacks something — 这个 is what they told since
_SAYS_NOT_ON_IT = re.compile(r"(?:工单|单子)(?:上|里|里面|上面)?(?:还)?(?:没|没有|漏)(?:写|记|登记|填)?(?:上|进去?)?了?"
                             r"\s*([^？?。！!]{0,30})$|(?:漏|落)(?:写|记|登)?了\s*([^？?。！!]{0,30})$")
_THIS = re.compile(r"^(?:这个|这些|那个|那些|这事|这件事|这一条|这条|这点|这一点)?(?:的?事)?(?:啊|呀|呢|吧)?$")


def missing_claimed(tracker: Tracker) -> str:
    """The words the worker says the ticket filed here lacks: named in the message, or (这个) what
    they told since it was filed; '' when neither."""
    text = _without_ids(((tracker.latest_message or {}).get("text") or "").strip())
    found = _SAYS_NOT_ON_IT.search(text)
    named = ((found.group(1) or found.group(2) or "") if found else "").strip()
    if named and not _THIS.match(named):
        return named
    filing = max((i for i, e in enumerate(tracker.events) if e.get("event") == "bot"
                  and _FILED_TICKET.search(e.get("text") or "")), default=len(tracker.events))
    said = [e.get("text") or "" for e in tracker.events[filing:] if e.get("event") == "user"][:-1]
    return " ".join(t for t in said if not t.startswith("/") and not _SAYS_NOT_ON_IT.search(t))


async def _missing_claimed(dispatcher: CollectingDispatcher, tracker: Tracker, filed: str) -> list[dict]:
    """What the ticket lacks, by the worker's word, compared with what it holds: said where it is
    when it holds it (no second time on it), written on it when it does not."""
    words = missing_claimed(tracker)
    if not words:
        content = filed_content(tracker, filed)
        dispatcher.utter_message(text=(content + "\n" if content else "")
                                 + "您说没写上的是哪一项？直接告诉我内容，我对一下工单，没有的就加上。")
        return []
    held, new, rest = told_against_filed(tracker, filed, words)
    if held and not new and not rest:
        dispatcher.utter_message(text=f"工单 {filed} 上已经写了，不用再加：\n" + "\n".join(held)
                                 + "\n工作人员能看到。还有别的没写上的，直接告诉我。")
        return []
    if (compared := await _told_again(dispatcher, tracker, filed, words, asks=False)) is not None:
        return compared  # part of it held: the rest added, and what was there said
    added = "；".join([line.removeprefix("· ") for line in new] + ([rest] if rest else [])) or words
    try:
        await client().add_ticket_note(filed, tracker.sender_id, "补充：" + added)
    except (BackendError, BackendUnavailable):
        dispatcher.utter_message(text=f"工单 {filed} 上还没写“{added[:60]}”，没能加上。"
                                      + HURRY_TEXT.format(ticket=filed))
        return []
    dispatcher.utter_message(text=f"对，原来的工单上没写这个，已经给工单 {filed} 补上：“{added[:60]}”，"
                                  "工作人员能看到。")
    return []


# --- negations kept on the ticket (XR-9) ----------------------------------------------------------
# 没受伤 filed as 受了伤, 身份证没扣 as 扣押身份证, 不是困难户 as 困难建档：困难, 不是没签合同 as 没签劳动合同,
# and 没有社保 / 合同也没有 dropped: a fact the worker denied was filed as its opposite, or a fact told
# with 没 was lost. Whatever read the case, the ticket's facts are checked against the worker's words:
# a point said only as denied goes, its denial takes its place; a denial told but not kept is added.
_WHAT_IF_CLAUSE = re.compile(r"要是|如果|假如|万一|假设|的话|会不会|能不能|"
                             r"有没有|签没签|交没交|缴没缴|是不是|[吗么嘛？?]$")  # (asked, or supposed: no fact told)
_NOT = r"(?:没|没有|没得|未|并没有?|也没有?|都没有?|还没有?|不是|并不是|也不是|不算)"
# (the point a reader takes from the thing, what it is when denied, the thing said, the thing denied)
_DENIABLE_POINTS = (
    # (说这不算工伤 / 自己不注意不算工伤 — XX-7, XZ-5, XZ-12 filed 没受伤 for a crushed finger: what the boss
    # disputes is the recognition, never the injury; 缝了八针 / 脚崴了 tell one)
    ("受了伤", "没受伤", re.compile(r"受(?:了|过)?伤|伤(?:着|到|了)|摔伤|砸伤|烫伤|骨折|工伤(?!保险)|扭伤|崴了|"
                                 r"砸(?:了|断|到)|缝了\S{0,2}针|压断|夹断|割伤|压伤|夹伤|肿(?:了|得)"),
     re.compile(r"(?:没|没有|并没有?|也没有?|都没有?|还没有?|未)(?:被)?(?:受(?:了|过)?伤|伤(?:着|到))|"
                r"(?:人|身上)\S{0,2}没(?:事|伤)")),
    ("扣押身份证", "没扣身份证",
     re.compile(r"扣(?:押|了|着|下)?(?:我的?|俺的?)?身份证|身份证\S{0,3}?(?:被)?(?:扣|押)"),
     re.compile(rf"{_NOT}(?:扣|押)(?:押|过|着)?(?:我的?|俺的?)?身份证|身份证\S{{0,3}}?{_NOT}(?:被)?(?:扣|押)")),
    ("怀孕（孕期、产期、哺乳期）", "没怀孕", re.compile(r"怀孕|怀了|怀上|孕期|产期|哺乳期|产假"),
     re.compile(rf"{_NOT}(?:在)?(?:怀孕|怀上|孕期|哺乳期)")),
    ("试用期", "不在试用期", re.compile(r"试用期"),
     re.compile(r"(?:不是|不在|没有|没)(?:在)?试用期|试用期(?:早|已经|都)?(?:就)?(?:过了|结束了?|满了|转正了)")),
    ("没签劳动合同", "签了劳动合同",
     re.compile(r"(?:没|没有|未|不)(?:给)?(?:签|订)|没有?(?:书面|劳动)?合同|合同\S{0,3}?没"),
     re.compile(r"不是没(?:签|订)")),
    ("没交社保", "交了社保",
     re.compile(r"(?:没|没有|未|不)(?:给)?(?:交|缴|上|买)|没有?(?:社保|五险)|(?:社保|五险)\S{0,3}?没"),
     re.compile(r"不是没(?:交|缴|上|买)")),
)
# a denial a reader may drop: the point it is, and how it is said
_DENIALS_TOLD = (
    # (学校说没社保证明不让上 — VL-16: filed 没交社保 — a proof the school asks for, no insurance unpaid)
    ("没交社保", re.compile(r"(?:没有|没|没给(?:我|俺)?(?:交|缴|上|买)?|没(?:交|缴|上|买))\S{0,2}?"
                          r"(?:社保|五险|社会保险|医保|工伤保险)(?!\S{0,3}?(?:证明|记录|凭证|截图|缴费单|清单))|"
                          r"(?:社保|五险(?:一金)?|社会保险|工伤保险)\S{0,3}?(?:都|也|一直)?(?:没有|没|没给)(?:交|缴|上|买)?")),
    ("没签劳动合同", re.compile(r"(?<!不是)(?:没有|没|没给(?:我|俺)?)(?:签|订|签订|签过)?(?:书面|劳动)?合同|"
                            r"合同(?:也|都|一直)?(?:没有|没|没给)(?:签|订)?|"
                            r"(?<!不是)(?:没|没有)(?:订|签订|签过?)(?:书面|劳动)?合同")),
)
_NOT_HARDSHIP = re.compile(rf"{_NOT}(?:什么|啥)?(?:困难户|困难职工|困难家庭|特困(?:户|职工)?|低保户?|建档的?)|"
                           r"(?:家里|俺家|我家)?不困难")


def _said_only_as_denied(said: re.Pattern, denied: re.Pattern, words: str) -> bool:
    """The thing is said in ``words`` only inside its denials (没受伤: no 受伤 said outside 没受伤)."""
    spans = [m.span() for m in denied.finditer(words)]
    return bool(spans) and not any(not any(a <= m.start() < b for a, b in spans) for m in said.finditer(words))


def _said_only_as_asked(said: re.Pattern, words: str) -> bool:
    """Every clause that says the thing asks it or says it is not known (给没给交 … 不知道)."""
    told = [c for c in _clauses(words) if said.search(c)]
    return bool(told) and all(_WHAT_IF_CLAUSE.search(c) or re.search(r"[没不]\S?[交缴签上买]|不知道|不清楚", c)
                              and re.search(r"(\S)没\1|不知道|不清楚", c) for c in told)


def _denied_points(words: str, points: list[str]) -> list[str]:
    """The case's points with those the worker said only as denied turned into their denial, and
    the denials a reader dropped added."""
    kept: list[str] = []
    for point in points:
        entry = next((e for e in _DENIABLE_POINTS if e[0] == point), None)
        if entry and point.startswith("没") and _said_only_as_asked(entry[2], words):
            continue  # 厂里给没给交工伤保险俺也不知道 (XX-7 filed 没交社保): asked, or not known — no fact
        if entry and _said_only_as_denied(entry[2], entry[3], words):
            denial = entry[1]
            if denial not in kept and not (denial.startswith(("签了", "交了")) and point.startswith("没")):
                kept.append(denial)  # (不是没签合同: the 没签 goes; 签了 is no point of its own)
            continue
        kept.append(point)
    for point, told in _DENIALS_TOLD:
        if point not in kept and any(told.search(c) and not _WHAT_IF_CLAUSE.search(c) for c in _clauses(words)) \
                and not _said_only_as_asked(told, words) \
                and not any(e[0] == point and _said_only_as_denied(e[2], e[3], words) for e in _DENIABLE_POINTS):
            kept.append(point)
    return kept


def _clauses(words: str) -> list[str]:
    return [c for c in re.split(r"[\s，,。；;！!？?]+", words) if c]


# 能帮我找厂里要吗 / 醫藥費能找老闆要嗎 (XY-1, XZ-15: 情况要点：催要过 on the summary — a demand asked
# about, never made) and 我没找过厂里要过啊 你那写的催要过不对 (XY-1: the correction ignored twice): a
# demand the worker only asks about, denies, or names as the ticket's wrong word is no 催要过
_DEMAND_POINTS = ("催要过", "离职后催要过")
_NO_DEMAND = re.compile(r"(?:没|没有|从没有?|从来没有?|还没有?|也没有?|都没有?|未|不敢)(?:去|再)?(?:找|跟|向|问|催)?"
                        r"\S{0,5}?(?:催|要过|讨过|找过|要钱|要工资|要)|"
                        r"催要过?\S{0,5}?(?:不对|错了|不是|没有|删|去掉|改|写错)|(?:不对|错了|写错)\S{0,3}催")


def demand_untold(words: str) -> bool:
    """Whether no clause of ``words`` tells a demand the worker made (each that seems to asks it,
    supposes it, denies it, or quotes the ticket's 催要过)."""
    return all(_WHAT_IF_CLAUSE.search(c) or _NO_DEMAND.search(c) or "催要" in c or _DEMAND_WISHED.search(c)
               for c in _clauses(words) if asked_for(c))


# 让工会找厂里要 / 帮我找老板要回来 / 你们替我去跟厂里要 (VI-15: 情况要点：催要过 on the ticket): a demand
# the worker wants the union to make, not one made
_DEMAND_WISHED = re.compile(r"(?:让|叫|请|帮|替|希望|想让|麻烦)(?:我|俺|我们|俺们)?(?:工会|你们|网格员?|工作人员|你)?"
                            r"(?:去|来|帮我|帮俺|替我|替俺)?(?:找|向|跟|和)\S{0,6}?(?:要|讨|催)")


def _demand_points_kept(words: str, points: list[str]) -> list[str]:
    """The case's points without 催要过 when the worker's words tell no demand made."""
    if not any(p in _DEMAND_POINTS for p in points) or not demand_untold(words):
        return points
    return [p for p in points if p not in _DEMAND_POINTS]


def negations_kept(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """The facts of a case that the worker's words deny, as denied (情况要点 without 受了伤 but with
    没受伤; 困难建档 未建档 for 不是困难户), and the denials told that no reader kept; {} when the
    facts say what the words say."""
    words = " ".join([*case_messages(tracker, back=12), (tracker.latest_message or {}).get("text") or ""])
    words = " ".join(t for t in words.split(" ") if not t.startswith("/"))
    changed: dict[str, Any] = {}
    had = split_points(str(facts.get("case_points") or ""))
    if (work_case(facts) or had) and (points := _demand_points_kept(words, _denied_points(words, had))) != had:
        changed["case_points"] = "、".join(points)
    if facts.get("hardship_status") in ("困难", "特困") and any(
            _NOT_HARDSHIP.search(c) and not _WHAT_IF_CLAUSE.search(c) for c in _clauses(words)) \
            and not re.search(r"(?<![没未不])(?:建了档|建过档|在档)", words):
        changed["hardship_status"] = "none"
    return changed


# --- the phone a ticket filed here holds (XR-14) -------------------------------------------------
# 已更正：工单 GH… 的联系电话改为 139****5678 / 手机号 139****5678 已经加到工单 GH… 上 / 已更换：…
_PHONE_CHANGED_ON = re.compile(r"工单 (GH\d+) 的联系电话改为 (\d{3}\*{4}\d{4})|"
                               r"手机号 (\d{3}\*{4}\d{4}) 已经加到工单 (GH\d+)")


def _phones_told(tracker: Tracker) -> list[str]:
    """Every phone of the worker's this conversation held, in the slot or in their words."""
    told = [str(e.get("value")) for e in tracker.events if e.get("event") == "slot" and e.get("name") == "phone"]
    told += [p for e in tracker.events if e.get("event") == "user" for p in _phones_in(e.get("text") or "")]
    told.append(str(tracker.get_slot("phone")))
    return [p for p in dict.fromkeys(told) if v.phone(p).ok and p == v.phone(p).value]


def phone_on_filed(tracker: Tracker, ticket: str) -> str | None:
    """The phone the ticket ``ticket``, filed in this conversation, holds now: the one it was filed
    with, or the last it was changed to here (this message's change too); None for a ticket not
    filed here, or filed without a phone."""
    told, phone, on, filed = _phones_told(tracker), None, None, False
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") == "phone":
            phone = event.get("value")
        elif event.get("event") == "bot":
            text = event.get("text") or ""
            if (found := _FILED_TICKET.search(text)) and found.group(1) == ticket:
                filed, on = True, (phone if v.phone(str(phone)).ok else None)
            elif (changed := _PHONE_CHANGED_ON.search(text)) and (changed.group(1) or changed.group(4)) == ticket:
                masked = changed.group(2) or changed.group(3)
                on = next((p for p in reversed(told) if mask_phone(p) == masked), on)
    if not filed:
        return None
    if ticket == ticket_filed_here(tracker, last=400) and (now := corrected_phone(tracker)) \
            and v.phone(str(tracker.get_slot("phone"))).value == now:
        return now  # changed by this very message (its reply is not among the events yet)
    return on


# --- a lookup after the phone changed, from a conversation that did not file it (XR-14) -----------
# what the lookup's own replies say: the number asked, the number forgotten, not found, the old
# phone asked for a change (the lookup is still going on in the worker's next message)
_LOOKUP_SAID = ("请告诉我工单号", "工单号在登记时的回复里", "没有找到和这个工单号、手机号都对得上的工单",
                "登记这张工单时留的手机号", "只能按工单号", "登记这张工单时留的旧手机号")
LOOKUP_AFTER_CHANGE = ("好的，帮您查。您换了号：查进度要用登记这张工单时留的旧手机号核对（为了保护个人信息，"
                       "新号查不到别的号码登记的工单），等下问手机号时说旧号就行；查到以后，想把工单上的电话换成新号，"
                       "跟我说一声。")
OLD_PHONE_UNKNOWN = ("换了号的话，查进度和换号都要先用登记这张工单时留的旧手机号核对，新号查不到。"
                     "旧号还记得的话告诉我；记不得了也没关系，点“转人工”，工作人员核实您的身份后帮您查，"
                     "也能帮您换成新号。着急的话可以打职工服务热线 12351。")
_OLD_GONE = re.compile(r"换号|换了号|号换了|换手机|新号|以前的号|原来的号|旧号|老号|之前的号|那个号|号码?\S{0,4}?"
                       r"(?:不用了|停了|停机|丢了|没了|注销|记不得|记不清|忘了|不记得)|"
                       r"(?:不记得|记不清|忘了)\S{0,4}?(?:号|手机)")
_ABOUT_A_LOOKUP = re.compile(r"查|进度|到哪|哪一步|怎么样了|咋样了|有结果|办了没")
BY_MATTER_TEXT = ("按事情查不了工单：为了保护个人信息，只能按工单号（GH 开头，在登记时的回复里）查，"
                  "再用登记时留的手机号核对。工单号找不到的话，点“转人工”，工作人员核实身份后可以按您登记时留的手机号帮您找。")
_TICKET_DESCRIBED = re.compile(r"(?:那个|那张|那件|的那个|的单子|的工单|那单|那一单|那份)(?:单子|工单|事)?"
                               r"[啊呀吧呢的]*$")
_LOOKUP_BUTTONS = [{"title": "转人工", "payload": "/request_human"}, {"title": "先不查了", "payload": "/deny"}]


def in_a_lookup(tracker: Tracker) -> bool:
    """The bot's last reply was part of a ticket lookup (asked the number or the phone, or found none)."""
    return any(said_this_turn(tracker, words, earlier_turns=1) for words in _LOOKUP_SAID)


def _lookup_after_change(dispatcher: CollectingDispatcher, tracker: Tracker, text: str,
                         phones: list[str]) -> list[dict] | None:
    """我换号了 新号139… 查一下我的工单 with no ticket number and none filed here: the lookup, checked
    with the old number; 我换号了 / 旧号记不得了 in a lookup: what checks it, and who can help.
    None: no such message."""
    if v.ticket_id(text).ok or ticket_filed_here(tracker, last=400):
        return None
    rest = _CHANGE_WORDS.sub("", _PHONE_DIGITS.sub("", text))
    # (a ticket looked up a moment ago takes the new number: phone_for_looked_up)
    if phones and _CHANGE_WORDS.search(text) and _ABOUT_A_LOOKUP.search(rest) and status_in_talk(tracker) is None:
        dispatcher.utter_message(text=LOOKUP_AFTER_CHANGE)
        return [SlotSet("phone", None), SlotSet("ticket_id", None), SlotSet("repeat_count", None),
                ActiveLoop("ticket_status_form"), SlotSet("requested_slot", None)]
    if not phones and _OLD_GONE.search(text) and in_a_lookup(tracker) and status_in_talk(tracker, turns=1) is None:
        dispatcher.utter_message(text=OLD_PHONE_UNKNOWN, buttons=_LOOKUP_BUTTONS)
        return []
    return None


def ticket_described(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict] | None:
    """就是孩子上学那个 / 欠工资的那张单子 in a lookup of a ticket not filed here (XR-14: a school case
    started, 您在哪个城市): a ticket is found by its number, and who can find it without one (None:
    no such message)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or v.ticket_id(text).ok or not in_a_lookup(tracker) \
            or not _TICKET_DESCRIBED.search(text) or ticket_filed_here(tracker, last=400):
        return None  # (one filed here is the one the lookup takes: forms.ValidateTicketStatusForm)
    from actions.service_catalog import services_named  # (the lowest layer: it imports nothing of ours)

    named = services_named(re.sub(r"(?:那个|那张|那件|那单|那一单|那份)?(?:单子|工单)?[啊呀吧呢的]*$", "", text))
    if not named:
        return None
    dispatcher.utter_message(text=BY_MATTER_TEXT, buttons=_LOOKUP_BUTTONS)
    return [SlotSet("ticket_id", None)]
