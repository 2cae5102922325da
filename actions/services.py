"""The rest of the union's services: find a station, ticket status, legal aid, mutual
insurance, childcare, skills training and psychological support. One class per action;
every fact comes from the backend."""

from __future__ import annotations

import re
from abc import abstractmethod
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import validators as v
from actions.apply_where import POLICY_SERVICE_OF, place_station, station_where, where_to_apply_reply
from actions.backend_client import BackendError, BackendUnavailable, RateLimited
from actions.common import SafeAction, bot_said, client, location, policies_for, said_this_turn
from actions.crisis import (
    case_question_after_crisis,
    is_crisis,
    money_after_crisis,
    safe_again,
    safe_again_check_in,
    safety_reply,
    wants_to_talk,
)
from actions.facts import (
    answer_fact,
    answer_in_topic,
    asked_facts,
    case_words,
    fact_text,
    is_question,
    place_name,
    recent_words,
)
from actions.handoff import asks_for_a_person, request_handoff
from actions.hotline_form import just_asking
from actions.legal import (
    WAGE_AGAIN,
    WAGE_ASK,
    injured_dismissal,
    legal_case,
    own_case_reply,
    reading_reply,
    sums_for,
    without_feared_dismissal,
    worked_out,
)
from actions.places import resolve_place
from actions.relief import mutual_max_elsewhere, sanitation_cover_elsewhere, sanitation_cover_here
from actions.school import school_preparation_lines
from actions.service_catalog import (
    INJURY,
    SERVICE_NAMES,
    services_named,
)
from actions.slot_checks import slots_set_this_turn
from actions.station_followup import (
    AT_THAT_STATION,
    PSYCH_HOTLINES_LINE,
    another_district_note,
    asked_service_of_station,
    asks_face_to_face,
    filed_station,
    filed_type,
    named_station,
    same_station_reply,
    service_place_text,
)
from actions.station_text import (
    OPEN_NOW_NOTE,
    asked_time_line,
    bare_address,
    hours_text,
    is_own_station,
    station_text,
    wider_station_note,
)
from actions.tickets import call_back_by, filed_summary, lookup_phone, offer_ticket, promised_call, ticket_filed_here
from actions.validators import OCCUPATION_WORDS
from bot.contract import TICKET_STATUS_WORKER_NAMES
from bot.normalize.text import normalize_text


def too_many_tries_text(retry_after: int | None) -> str:
    """What a worker reads after too many ticket-status misses (429): why, when to try again,
    and the hotline, instead of the "system is busy" line, which would make them retry now."""
    minutes = max(1, round((retry_after or 3600) / 60))
    later = "一小时" if minutes >= 55 else f"{minutes} 分钟"
    return (f"查询的次数太多了，为了保护大家的个人信息，请过{later}再试。"
            "着急的话，请拨打职工服务热线 12351，工作人员帮您查。")


def _city_said_alone(tracker: Tracker) -> str | None:
    """The city the latest message names when it names no district (None otherwise)."""
    entities = (tracker.latest_message or {}).get("entities") or []
    kinds = {e.get("entity"): e.get("value") for e in entities}
    city = kinds.get("city")
    return str(city).removesuffix("市") if city and not kinds.get("district") else None


class ActionFindStation(SafeAction):
    def name(self) -> str:
        return "action_find_station"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        try:
            found = await client().resolve(city, district)
            said = _city_said_alone(tracker)
            if said and district and not str((found.get("path") or {}).get("city") or "").startswith(said):
                # 那我下个月要去济南干活 济南那边的工会站在哪 (DD-11 got the 黄岛 station of the
                # district said before): a city named alone now is where the station is asked for
                found = await client().resolve(said, None)
        except BackendError:
            dispatcher.utter_message(response="utter_unknown_place")
            return [SlotSet("district", None)]
        if not found.get("station"):
            dispatcher.utter_message(response="utter_unknown_place")
            return []
        text = tracker.latest_message.get("text") or ""
        if (ticket := await ticket_station_card(tracker, found["station"])) is not None:
            dispatcher.utter_message(text=asked_time_line(ticket[1], text) + ticket[0])
            return []
        if said_this_turn(tracker, found["station"].get("name") or "\0"):
            return []  # the fact answer named this station already, with its source
        # 从市北过去 辛安的站能给我办吗 (VL-13: 辛安 called 离您最近 for a 市北区 worker): not the nearest, said so
        other = another_district_note(tracker, found.get("path"), found["station"])
        lead = "工会网格工作站：\n" if other else (
            "离您最近的工会网格工作站是：\n" if is_own_station(found["station"]) else "当地总工会的服务中心：\n")
        below = await stations_below(found.get("path"), found["station"])
        dispatcher.utter_message(text=asked_time_line(found["station"], text)
                                 + below + wider_station_note(found.get("path"), found["station"])
                                 + lead + station_text(found["station"]) + (f"\n{other}" if other else ""))
        return []


async def stations_below(path: dict | None, station: dict) -> str:
    """长江路那边有没有站 (XV-6: only the district centre, as if the street had none): the grid
    stations on record inside the place named, when its own station is a wider one — the
    backend's own list, so the answer and the ticket's routing (the wider one) agree."""
    path = path if isinstance(path, dict) else {}
    levels = ("community", "street", "district", "city", "province")
    named = next((level for level in levels if path.get(level)), None)
    if named is None or station.get("level") not in levels or not is_own_station(station) \
            or levels.index(station["level"]) <= levels.index(named):
        return ""
    try:
        listed = (await client().request("GET", "/stations", params={
            k: val for k, val in (("city", path.get("city")), ("district", path[named])) if val})).get("stations") or []
    except (BackendError, BackendUnavailable):
        return ""
    inside = [st for st in listed if st.get("level") in levels and st.get("id") != station.get("id")
              and levels.index(st["level"]) < levels.index(named)]
    if not inside:
        return ""
    cards = "\n\n".join(station_text(st) for st in inside[:3])
    return (f"{path[named]}里收录的工会网格工作站（服务它所在的社区）：\n{cards}\n\n"
            f"{path[named]}其他地方的事，由上一级的站办理（登记的工单也转给它）：\n")


# 最近的站在哪 / 那个站几点开门 / 那个站在哪 after a ticket was filed (XV-1: the street's 总站 was shown,
# the ticket had gone to 沂河路社区's station): the station that has the worker's case
_THAT_STATION = re.compile(r"(?:那|这)(?:个)?(?:工作)?站|(?:那|这)边|最近的|附近的|离我近|就近|我该去|去哪个站")


async def ticket_station_card(tracker: Tracker, station: dict) -> tuple[str, dict] | None:
    """(the card of the station a ticket of this conversation was filed to, its record) when the
    station asked for is theirs — no other place named now, and the place's own station is not
    the one the filing named. None otherwise."""
    text = (tracker.latest_message or {}).get("text") or ""
    filed = filed_station(tracker)
    places = [e for e in (tracker.latest_message or {}).get("entities") or []
              if e.get("entity") in ("city", "district")]
    if not filed or filed[1] == station.get("name") or not _THAT_STATION.search(text) or places:
        return None
    record = await _station_record(tracker, filed[1])
    if record is None:
        return None
    return (f"您的工单 {filed[0]} 转给了{filed[1]}，您的事找这个站就行：\n{station_text(record)}\n"
            f"（{station.get('name')}也在您那一片，电话 {station.get('phone')}。）"), record


class ActionTicketStatus(SafeAction):
    """Progress of a ticket, only to the phone it was filed with: nobody else's case.

    Ticket id + phone earn only the status (ids are guessable); the station and the staff's
    latest note come only with a phone verified by one-time code (``verified`` answers)."""

    def name(self) -> str:
        return "action_ticket_status"

    async def run(self, dispatcher, tracker, domain):
        """Listens after the answer: run as a follow-up of another action (the status of the ticket
        filed here, asked beside a correction — VF-12), no rule ends with it, and Rasa's fallback
        said 系统刚才出了点问题 after the status."""
        events = await super().run(dispatcher, tracker, domain)
        if not any(e.get("event") == "followup" for e in events):
            events = [*events, FollowupAction("action_listen")]
        return events

    async def act(self, dispatcher, tracker, domain):
        # (YT-13: 当时留的是…0 对的是…6 — the number it was filed with, not the new one)
        ticket_id, phone = tracker.get_slot("ticket_id"), lookup_phone(tracker)
        try:
            status = await client().ticket_status(ticket_id, phone, tracker.sender_id)
        except RateLimited as exc:
            dispatcher.utter_message(text=too_many_tries_text(exc.retry_after))
            return [SlotSet("ticket_id", None)]
        except BackendError:
            dispatcher.utter_message(response="utter_ticket_not_found")
            return [SlotSet("ticket_id", None)]
        state = TICKET_STATUS_WORKER_NAMES.get(status["status"], status["status"])
        if status.get("verified"):
            note = f"最新进展：{status['last_note']}。" if status.get("last_note") else ""
            detail = f"由{status['station_name']}负责（电话 {status['station_phone']}）。{note}"
        else:
            detail = "为了保护个人信息，这里只告诉您办理状态；具体进展由负责的工作人员按您登记的手机号告知您。"
        due = f"工作人员承诺在 {call_back_by(status['sla_due'])}前联系您。" \
            if status.get("sla_due") and status["status"] in ("new", "assigned") else ""
        dispatcher.utter_message(text=f"工单 {status['id']} 目前{state}。{detail}{due}")
        return [SlotSet("ticket_id", None)]


TICKET_NOT_FOUND = "没有找到和这个工单号、手机号都对得上的工单"  # utter_ticket_not_found


def _last_value(tracker, slot: str) -> Any:
    """The last value a slot held in this conversation (the lookup clears the ticket id)."""
    return next((e.get("value") for e in reversed(tracker.events)
                 if e.get("event") == "slot" and e.get("name") == slot and e.get("value")), None)


async def lookup_retry(dispatcher, tracker, domain) -> list[dict] | None:
    """手机号说错了 是139… (or the right ticket id) right after a ticket was not found: the
    lookup again with the one corrected and the other as given (H09), not the menu."""
    if tracker.active_loop_name or not said_this_turn(tracker, TICKET_NOT_FOUND, earlier_turns=1):
        return None
    said = slots_set_this_turn(tracker)
    if not (said.get("phone") or said.get("ticket_id")):
        return None
    ticket = said.get("ticket_id") or _last_value(tracker, "ticket_id")
    phone = said.get("phone") or tracker.get_slot("phone")
    if not (ticket and phone):
        return None
    tracker.slots.update({"ticket_id": ticket, "phone": phone})  # read by the lookup below
    return [SlotSet("phone", phone)] + await ActionTicketStatus().act(dispatcher, tracker, domain)


def own_sums(tracker) -> list[str]:
    """The worker's double wage or severance: asked now, or (看看我的情况, a button) on what
    they said before."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text.startswith("/"):
        return sums_for(tracker)
    wage = tracker.get_slot("monthly_wage")
    return worked_out("算算多少", recent_words(tracker, limit=4),
                      int(wage) if isinstance(wage, (int, float)) else None, asked_wage=False)


class PolicyAnswer(SafeAction):
    """A service answered from the backend's policy records for the worker's region."""

    service: str

    @abstractmethod
    def answer(self, dispatcher, tracker, policies: list[dict]) -> list[dict]:
        """Tells the worker what applies; returns events (e.g. a ticket offer)."""

    async def act(self, dispatcher, tracker, domain):
        place = await place_said_whole(tracker)
        tracker.slots.update(place)  # seen by the answer below
        city, district = location(tracker)
        policies = await policies_for(self.service, city, district, client())  # unknown: national
        if not policies:
            dispatcher.utter_message(response="utter_no_policy")
            return []
        events = [SlotSet(slot, value) for slot, value in place.items()] + self.answer(dispatcher, tracker, policies)
        if just_asking(tracker.latest_message.get("text") or ""):
            # 不用登记 我就想知道俺这种算不算 去哪申请 (XX-04: the offer again): answered, no offer
            events = [e for e in events if e.get("name") not in ("pending_case", "case_id", "wants_ticket")
                      and not (e.get("event") == "active_loop" and e.get("name") == "ticket_offer_form")]
        return events


async def place_said_whole(tracker: Tracker) -> dict[str, str]:
    """深圳福田 as the whole message (XP-4: read as 深圳 only — the general paragraph, never 福田职工书院):
    the district the backend reads in a city and a district's stem, when the NLU read only the city.
    {} for any other message."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    entities = (tracker.latest_message or {}).get("entities") or []
    kinds = {e.get("entity") for e in entities}
    if text.startswith("/") or len(text) > 10 or "city" not in kinds or "district" in kinds or is_question(text):
        return {}
    found = await resolve_place(text) or {}
    return {slot: value for slot, value in found.items() if value and tracker.get_slot(slot) != value} \
        if found.get("district") else {}


class ActionLegalAid(PolicyAnswer):
    service = "legal_aid"

    def name(self) -> str:
        return "action_legal_aid"

    async def act(self, dispatcher, tracker, domain):
        """The law on what the worker told, and their own sum, before the union's general
        legal-aid paragraph (T-06, T-09: 单位不交社保 / 看看我的情况 got only the paragraph)."""
        answered = said_this_turn(tracker, "（来源：") or any(
            "（来源：" in str(m.get("text") or "") for m in dispatcher.messages)  # the router's
        found = [] if answered else [
            f for f in await asked_facts(tracker, statements=True)
            if not said_this_turn(tracker, f.get("answer", "")[:24], earlier_turns=6)]
        if found and all(f.get("kind") == "station" for f in found):
            # 我在黄岛辛安…手被压了…说没给我交社保不算工伤 (PP-07: the station's card, no law):
            # the place's card outranked the law; the ticket offered below goes to the station
            found = [f for f in await asked_facts(tracker, statements=True, places=False)
                     if f.get("kind") != "station"
                     and not said_this_turn(tracker, f.get("answer", "")[:24], earlier_turns=6)]
        # (沒合同算不算工傷 inside the ticket offer, XL-13: the double-wage record before the answer)
        found = without_feared_dismissal(found, tracker.latest_message.get("text") or "")
        if not answered and not found and (text := tracker.latest_message.get("text") or "") \
                and INJURY.search(text) and not text.startswith("/") \
                and not injured_dismissal(normalize_text(text)):  # (XV-5: 第四十二条 first, not the records)
            found = await injury_facts(tracker, text)
        sums = own_sums(tracker)
        # (自己不小心算不算工伤 — XZ-5: the no-fault record said, then again inside the sums' fault line)
        found = [f for f in found if not any(str(f.get("answer", ""))[:24] in line for line in sums)]
        for fact in found:
            dispatcher.utter_message(text=fact_text(fact, tracker.latest_message.get("text") or ""))
        for line in sums:
            dispatcher.utter_message(text=line)
        if any(WAGE_ASK in line or line == WAGE_AGAIN for line in sums):
            return []  # the sum waits for the wage
        if not found and not sums and not wants_registration(tracker.latest_message.get("text") or "") \
                and (ask := own_case_reply(tracker)):
            dispatcher.utter_message(text=ask)  # 看看我的情况 (XH-4, XG-10: the paragraph, nothing asked)
            return []
        if found or sums:
            return offer_ticket("legal_aid", legal_case(tracker))
        events = await super().act(dispatcher, tracker, domain)
        if elsewhere := await legal_help_elsewhere(tracker):
            # 成都这边有法律援助不 (YV-15): what is true there too, not the union's paragraph alone
            dispatcher.utter_message(text=elsewhere)
        return events

    def answer(self, dispatcher, tracker, policies):
        policy = policies[0]
        case = legal_case(tracker)
        if said_this_turn(tracker, "（来源：") and said_this_turn(tracker, policy["summary"][:24],
                                                                earlier_turns=12):
            # 工伤认定怎么弄 later in the talk: the law's answer was the reply; the union's
            # legal-aid paragraph is not said again, the case is offered
            return offer_ticket("legal_aid", case)
        if said_this_turn(tracker, policy["summary"][:24], earlier_turns=3):
            # 我能不能去仲裁 right after the answer: not the same paragraph again
            dispatcher.utter_message(text=f"“{policy['title']}”的办法上面刚说过。您的具体情况"
                                          "（能不能仲裁、要准备什么），登记后由工作人员帮您看。")
            return offer_ticket("legal_aid", case)
        hotlines = (policy.get("details") or {}).get("hotlines") or {}
        lines = "、".join(f"{name} {number}" for name, number in hotlines.items())
        dispatcher.utter_message(text=f"{policy['title']}：{policy['summary']}"
                                      + (f"\n热线：{lines}" if lines else ""))
        return offer_ticket("legal_aid", case)


# 初三从架子上摔下来 手腕断了 包工头说俺自己不小心 不管 咋整 (XH-6: the union's legal-aid paragraph,
# nothing on the injury): asked as what it is, a work injury, with the fault question when told
_NOT_MY_FAULT = re.compile(r"不小心|自己的错|自己的责任|怪我|怪俺|操作失误|违规")


async def injury_facts(tracker: Tracker, text: str) -> list[dict]:
    """The records on a work injury the message describes without the word 工伤 (what to do,
    and whether one's own carelessness counts), for the worker's place ([] when none)."""
    question = "受了工伤 单位不管 怎么办" + (" 自己不小心 算不算工伤" if _NOT_MY_FAULT.search(text) else "")
    city, district = location(tracker)
    try:
        found = (await client().facts(question, city=city, district=district)).get("facts") or []
    except Exception:  # the union's paragraph below still answers
        return []
    return [f for f in found if f.get("kind") != "station"
            and not said_this_turn(tracker, f.get("answer", "")[:24], earlier_turns=6)][:2]


def legal_help_text(place: str, station: dict | None) -> str:
    """Legal help for a place with no legal-aid record of its own: what is true everywhere
    (12348, the local 法律援助中心, the local union) and what this hotline still does — never
    the place's own addresses, which are not on record."""
    union = station_where(station) if station else "职工服务热线 12351"
    return (f"{place}当地的法律援助机构我这里没有收录具体地址和电话，这几条哪儿都能用：① 打 12348 公共法律服务热线，"
            f"问{place}离您最近的法律援助中心（市、区司法局设立），讨要劳动报酬、工伤赔偿的，进城务工人员申请"
            f"法律援助不用审查经济困难状况；② 当地总工会：{union}。"
            "我这边也能帮您：把遇到的事说给我，我按法律讲讲怎么办、帮您算算该拿多少；要登记的话，我转给当地工会跟进。")


async def legal_help_elsewhere(tracker: Tracker) -> str | None:
    """The text above for a worker whose place has no grid station on record (a city's
    default centre only) and no legal-aid record of its own; None otherwise (辛安's station
    and its services are the answer there)."""
    city, district = location(tracker)
    if not (city or district):
        return None
    try:
        local = [p for p in (await client().policies("legal_aid", city, district))["policies"]
                 if p.get("region_id") is not None]
    except Exception:
        local = []
    place, station = await place_station(city, district)
    if local or not place or (station and not station.get("is_city_default")):
        return None
    return legal_help_text(place, station)


class ActionMutualInsurance(PolicyAnswer):
    service = "mutual_insurance"

    def name(self) -> str:
        return "action_mutual_insurance"

    def answer(self, dispatcher, tracker, policies):
        policy = policies[0]
        details = policy.get("details") or {}
        text = (tracker.latest_message or {}).get("text") or ""
        if not said_this_turn(tracker, policy["summary"][:24], earlier_turns=6):
            reply = f"{policy['title']}：{policy['summary']}"
            if details.get("max_payout"):
                reply += f"\n最高给付：{details['max_payout']:,} 元。"
            if details.get("claim_steps"):
                reply += "\n怎么理赔：" + "；".join(details["claim_steps"]) + "。"
            dispatcher.utter_message(text=reply)
        place = "".join(str(part) for part in location(tracker) if part)
        if not details.get("max_payout") and (most := mutual_max_elsewhere(text, place)) \
                and not said_this_turn(tracker, most[-60:-20], earlier_turns=2) \
                and not any(most.split("参考：", 1)[-1][:30] in (m.get("text") or "") for m in dispatcher.messages):
            # (互助保障大病能报多少 怎么申请 — L-5: the router's figure said the same record just before)
            dispatcher.utter_message(text=most)  # 黄岛辛安 … 互助保障最高赔多少 (p2-18: no figure at all)
        sanitation = is_sanitation_worker(tracker, text)
        if sanitation and "环卫" in policy["summary"]:
            # (p2-20: 您可以申请给付, as if every sanitation worker had it): on the list or not, the union says
            dispatcher.utter_message(text=sanitation_cover_here() or (
                f"您是环卫工：按{policy['source']}，{policy['title']}赠送的人群里就有环卫工；给您办上没有，"
                "问单位工会或打 12351 查一下。"))
        elif sanitation and (elsewhere := sanitation_cover_elsewhere()):
            dispatcher.utter_message(text=elsewhere)  # 环卫工能领互助保障不, no place (p2-9: 环卫工 unanswered)
        if sanitation or wants_registration(text) or said_this_turn(
                tracker, policy["summary"][:24], earlier_turns=6):
            # 能帮我登记一下让他们联系我吗: a person takes it up, not the same text again
            return offer_ticket("mutual_insurance", {
                "question": case_words(tracker, limit=5), "occupation": tracker.get_slot("occupation")
                or ("sanitation" if sanitation else None)})
        return []


_REGISTER = re.compile(r"登记|报名|联系我|给我打电话|打给我|帮我(?:办|申请|加入|入)|开(?:个|张)?工单|怎么加入|"
                       r"想入|想参加")
# 帮我查一下工单进度: a lookup of a ticket filed before, never a sign-up for the last answer
_LOOKUP = re.compile(r"查|进度|到哪一步|到哪了|办得怎么样|怎么样了|有结果|状态")


def wants_registration(text: str) -> bool:
    """The worker asks to be signed up or called (登记 / 联系我 / 想入), not for information."""
    return bool(_REGISTER.search(text or ""))


def is_sanitation_worker(tracker, text: str) -> bool:
    """环卫工 said now or known: the gifted mutual cover names them (B23)."""
    return tracker.get_slot("occupation") == "sanitation" \
        or any(word in (text or "") for word in OCCUPATION_WORDS["sanitation"])


class ActionChildcare(PolicyAnswer):
    service = "childcare"

    def name(self) -> str:
        return "action_childcare"

    def answer(self, dispatcher, tracker, policies):
        policy = policies[0]
        # (the 托管驿站's record said a line before in this reply — the router's answer, then this
        # action for the station and the sign-up, XZ-2: the same paragraph twice)
        told_now = any("托管驿站" in (m.get("text") or "") for m in dispatcher.messages)
        if not told_now and not said_this_turn(tracker, policy["summary"][:24], earlier_turns=4):
            dispatcher.utter_message(text=f"{policy['title']}：{policy['summary']}")
        if childcare_sign_up(tracker) and not any(location(tracker)):
            # 报名 right after the answer, no place known (XD-14: 想报名的话… word for word again):
            # where they are, so the station with the 托管驿站 is found and the sign-up filed there
            dispatcher.utter_message(text=CHILDCARE_WHERE_ASK)
            return []
        dispatcher.utter_message(response="utter_childcare_next")
        return []

    async def act(self, dispatcher, tracker, domain):
        """In a place whose station runs the 托管驿站 (辛安 → 沂河路社区): that station, named
        from the backend's records, and a sign-up offered — not the general text twice (B28)."""
        text = (tracker.latest_message or {}).get("text") or ""
        if asks_rest_stop(text):
            # 送外卖的骑手 … 爱心驿站在哪 (p2-3, read as childcare): a rest stop for outdoor workers
            place, station = await place_station(*location(tracker))
            dispatcher.utter_message(text=rest_stop_text(place, station))
            return []
        events = await super().act(dispatcher, tracker, domain)
        said = [m.get("text") or "" for m in dispatcher.messages]
        for line in await school_preparation_lines(tracker, said):
            # 明年上小学要准备啥 另外…放学没人接 有没有托管 (VJ-15: the 托管 answer and its offer, three
            # times, and the school question never answered): what enrolment takes, in the same reply
            dispatcher.utter_message(text=line)
        stations = await childcare_stations(tracker)
        if not stations and not childcare_sign_up(tracker) and any(location(tracker)):
            # 我在济南 历下区 / 那济南这边有托管班没 (VL-4: 想报名的话… three times, no 济南 data never said):
            # no 托管驿站 on record there — said once, then said short, with the local union
            place, station = await place_station(*location(tracker))
            dispatcher.messages[:] = [m for m in dispatcher.messages
                                      if m.get("response") != "utter_childcare_next"]
            told = said_this_turn(tracker, CHILDCARE_NONE_TOLD, earlier_turns=4)
            dispatcher.utter_message(text=childcare_elsewhere_text(place or "您那边", station, told))
            return events
        if not stations and childcare_sign_up(tracker) and any(location(tracker)):
            # 广州 after 您在哪个街道 (or 报名 with the place known): no 托管驿站 on record there —
            # said so, and the sign-up still goes to a person there, not 想报名的话… again
            place, station = await place_station(*location(tracker))
            dispatcher.messages[:] = [m for m in dispatcher.messages
                                      if m.get("response") != "utter_childcare_next"]
            dispatcher.utter_message(text=no_childcare_station_text(place or "您那边", station))
            return events + offer_ticket("other", {
                "question": sign_up_words(tracker, service="职工子女爱心托管报名"), "service": "职工子女爱心托管报名",
                "child_grade": tracker.get_slot("child_grade")})
        if not stations:
            return events
        dispatcher.messages[:] = [m for m in dispatcher.messages
                                  if m.get("response") != "utter_childcare_next"]
        dispatcher.utter_message(text="您那边有托管的工会网格工作站：\n"
                                      + "\n\n".join(station_text(st) for st in stations[:2]))
        return events + offer_ticket("other", {
            "question": sign_up_words(tracker, service="职工子女爱心托管报名"),
            "service": "职工子女爱心托管报名", "station": stations[0].get("name"),
            "child_grade": tracker.get_slot("child_grade")})


# utter_cancel / utter_no_ticket (the words actions.take_back reads a drop by)
_DROPPED_SAID = ("已经取消了", "先不登记")


def sign_up_words(tracker, limit: int = 3, service: str | None = None) -> str | None:
    """What the worker said for a sign-up (:func:`case_words`), less their words of a case they
    cancelled or declined before it (算了不办了 on a dismissal, then 帮我登记一下 叉车证培训 — XZ-16:
    上个礼拜被公司辞了 was written on the training sign-up). The account of the same sign-up parked before
    it (``service``, neither filed nor declined since) is carried over, and a button's words (修改) and a
    correction (把被学校拒收删了 没这回事) are no account (VL-3: 您说的情况：修改；把被学校拒收删了…)."""
    if service and (parked := _parked_account(tracker, service)):
        return parked
    words, kept = None, []
    for more in range(limit, limit + 7):  # (past the words that are no account, back to the worker's own)
        words = case_words(tracker, more)
        kept = [part for part in (words or "").split("；") if part and not _not_an_account(part)]
        if len(kept) >= limit or not words:
            break
    words = "；".join(kept[-limit:])[:300] or None
    events = list(tracker.events)
    at = next((i for i in range(len(events) - 1, -1, -1) if events[i].get("event") == "bot"
               and any(said in (events[i].get("text") or "") for said in _DROPPED_SAID)), None)
    if not words or at is None:
        return words
    before = [e.get("text") or "" for e in events[:at] if e.get("event") == "user"]
    kept = [part for part in words.split("；") if not any(part and part in old for old in before)]
    return "；".join(kept) or None


TRAINING_SIGN_UP = "技能培训报名"


def _not_an_account(part: str) -> bool:
    """修改 / 要，帮我登记 (a button's title sent as words) or a correction of the summary: no account of the case."""
    part = part.strip(" ；;，,。.")
    return v.asks_to_change(part) or v.correction_said(part) is not None \
        or part in ("要，帮我登记", "要,帮我登记", "先不用", "好，看看", "不用了", "确认")


def _parked_account(tracker, service: str) -> str | None:
    """The 您说的情况 of the last case parked for ``service`` (职工子女爱心托管报名) when no ticket was filed and no
    case declined or cancelled since (None otherwise)."""
    for event in reversed(tracker.events):
        if event.get("event") == "bot" and (re.search(r"已为您登记\S{0,20}?工单", event.get("text") or "")
                                            or any(said in (event.get("text") or "") for said in _DROPPED_SAID)):
            return None
        case = event.get("value") if event.get("event") == "slot" and event.get("name") == "pending_case" else None
        facts = (case or {}).get("facts") or {} if isinstance(case, dict) else {}
        if facts.get("service") == service and facts.get("question"):
            return str(facts["question"])
    return None


# 骑手 / 外卖 / 快递 / 环卫 / 户外 … 驿站 / 歇脚: a rest stop for outdoor workers, never the children's 托管驿站
_OUTDOOR = re.compile(r"骑手|外卖|快递|送餐|跑单|环卫|扫大街|扫马路|清洁工|户外|司机|跑腿|小哥|"
                      r"歇脚|歇歇|歇会|休息|取暖|暖和|"
                      r"喝(?:口|点)?(?:热)?水|热饭|充电|上厕所|接力站")
_CHILD = re.compile(r"孩子|小孩|娃|子女|儿子|女儿|托管|放学|寒假|暑假|上学|看孩子|带孩子|托儿")


def asks_rest_stop(text: str) -> bool:
    """A rider's or sanitation worker's 爱心驿站 / 歇脚的地方 (a rest stop for outdoor workers):
    the NLU reads 驿站 as the children's 托管驿站 (p2-3), so the childcare text answered a rider."""
    text = normalize_text(text or "")
    return bool(_OUTDOOR.search(text)) and not _CHILD.search(text)


def rest_stop_text(place: str | None, station: dict | None) -> str:
    """What the records say about rest stops for outdoor workers (no address is on record, so
    none is given), set apart from the children's 托管驿站, and where to ask."""
    where = station_where(station) if station else "所在社区的工会网格工作站"
    return ("您问的是给骑手、快递员、环卫工这些户外劳动者歇脚的地方，"
            "不是“职工子女爱心托管驿站”（那是给职工的孩子托管的）。"
            f"{place or '您那边'}户外劳动者的爱心驿站在哪、几点开，我这里没有收录具体地址，不能给您说个不准的地方。"
            "资料里有的：上海市总工会要求户外职工爱心接力站春节期间做好接待服务；广东各级工会向快递小哥、外卖小哥和"
            "环卫工人赠送御寒物品。"
            f"附近有没有、在哪，可以问{where}，或打职工服务热线 12351"
            + ("；也可以告诉我您在哪个城市、哪个街道，我帮您找附近的工会网格工作站。" if not place else "。")
            + "\n（来源：《工人日报》2021年1月报道（上海市总工会、广东省总工会））")


CHILDCARE_WHERE_ASK = ("好的，帮您报名托管。您在哪个城市、哪个街道（社区）？告诉我地方，我帮您找附近设了托管驿站的"
                       "网格工作站，再帮您登记报名，让那边的工作人员联系您。")


def childcare_sign_up(tracker) -> bool:
    """The worker asks to sign up for the childcare just answered (报名 / 咋报 / 帮我登记), or names
    their place right after being asked where for that sign-up (辛安 after CHILDCARE_WHERE_ASK)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/"):
        return False
    if wants_registration(text) or _ASKS_SIGN_UP.search(text):
        return True
    said = {k for k, val in slots_set_this_turn(tracker).items() if val}
    return bool(said) and said <= {"city", "district"} and said_this_turn(
        tracker, CHILDCARE_WHERE_ASK[:12], earlier_turns=1)


def no_childcare_station_text(place: str, station: dict | None) -> str:
    """A place whose stations list no 托管驿站 in the backend: said plainly (never a made-up
    托管点), and who can tell them what there is there."""
    return (f"{place}的工会网格工作站有没有设托管驿站，我这里没有记录，不能跟您说个不准的地方。"
            f"可以问{station_where(station)}，或打职工服务热线 12351 问问附近有没有托管点；"
            "也可以先登记一下，让当地的工作人员联系您、帮您问清楚怎么报名。")


CHILDCARE_NONE_TOLD = "有没有工会办的托管班，我这里没有记录"


def childcare_elsewhere_text(place: str, station: dict | None, told: bool) -> str:
    """A place with no 托管驿站 on record, the worker asking there (VL-4): said plainly — the one on
    record is 青岛's — and who there can tell; short when said already, never the same paragraph."""
    if told:
        return (f"{place}的托管班我这里确实没有记录，不能给您编一个地方。最准的是问{station_where(station)}，"
                "或者打职工服务热线 12351，让他们告诉您附近工会有没有托管班、在哪报名；"
                "要是愿意，我也可以帮您登记，让当地的工作人员联系您。")
    return (f"{place}{CHILDCARE_NONE_TOLD}：我这里收录的职工子女托管驿站在青岛西海岸新区（辛安街道沂河路社区），"
            f"不在{place}，不能跟您说个不准的地方。可以问{station_where(station)}，"
            "或打职工服务热线 12351 问问附近有没有托管点、怎么报名。")


async def childcare_stations(tracker) -> list[dict]:
    """The stations of the worker's place that list a childcare service ([] if none known)."""
    return await stations_with(tracker, "托管")


class ActionSkillsTraining(PolicyAnswer):
    service = "skills_training"

    def name(self) -> str:
        return "action_skills_training"

    def answer(self, dispatcher, tracker, policies):
        text = (tracker.latest_message or {}).get("text") or ""
        told = said_this_turn(tracker, policies[0]["summary"][:24], earlier_turns=4)
        if not told:
            for policy in policies[:2]:  # the local academy first, then the general offer
                if said_this_turn(tracker, policy["summary"][:24], earlier_turns=4):
                    continue  # (深圳福田 after 培训, XP-4: the general paragraph just said)
                # (福田职工书院's 1+1+10+N with no source line, XH-3): a report's figures say whose
                source = str(policy.get("source") or "")
                said = f"\n（来源：{source}）" if policy.get("region_id") is not None and source else ""
                dispatcher.utter_message(text=f"{policy['title']}：{policy['summary']}{said}")
        if not (told or wants_registration(text) or _ASKS_SIGN_UP.search(text)
                or _WANTS_TO_LEARN.search(case_words(tracker) or "")):
            return []
        # 怎么报名 / 帮我报个名吧 (F11, H07): how to sign up and a person who signs them up,
        # not the same paragraph again and then 没明白
        dispatcher.utter_message(text=SIGN_UP_TEXT)
        return offer_ticket("other", {"question": sign_up_words(tracker, service=TRAINING_SIGN_UP),
                                      "service": TRAINING_SIGN_UP})

    async def act(self, dispatcher, tracker, domain):
        """都有啥课 after the academy was described (YX-3: the sign-up text again): the courses on
        record for the worker's place, then the sign-up still offered."""
        text = ((tracker.latest_message or {}).get("text") or "").strip()
        if when := await course_time_reply(tracker):
            dispatcher.utter_message(text=when)  # 职工书院晚上有课吗 (XD-16), or the place after it
            return []
        if asks_which_courses(text) and said_this_turn(tracker, "职工书院", earlier_turns=4):
            for line in await courses_on_record(tracker) or [NO_COURSES_TEXT]:
                dispatcher.utter_message(text=line)
            return offer_ticket("other", {"question": sign_up_words(tracker, service=TRAINING_SIGN_UP),
                                      "service": TRAINING_SIGN_UP})
        return await super().act(dispatcher, tracker, domain)


# 晚上有课吗 / 下班以后能去上课不 / 周末上课吗: when the courses are, about the academy (not pay)
_COURSE_TIME = re.compile(r"晚上|夜里|夜间|下班(?:以?后|之后)|周末|礼拜[六天日]|星期[六天日]|双休|"
                          r"几点(?:上课|开课)|什么时候(?:上课|开课)|上课时间|开课时间")
_COURSE_TOPIC = re.compile(r"职工书院|书院|培训|课|学(?:技术|手艺)")
# (福田职工书院有没有网上的 我白天送快递没时间: online courses asked, which the record answers)
_COURSE_NOT = re.compile(r"加班|工资|工钱|网上|线上|手机上|直播|小程序")
COURSE_TIME_ASK = "您在哪个城市、哪个区？告诉我，我看看当地职工书院的记录"


def asks_course_time(text: str) -> bool:
    """The message asks when the academy's courses are (职工书院晚上有课吗), not overtime at night."""
    text = text or ""
    return bool(_COURSE_TIME.search(text) and _COURSE_TOPIC.search(text) and not _COURSE_NOT.search(text))


# 我送快递的 晚上九点才下班 能上吗 right after the academy's courses (XL-3: 没太明白): the course is
# the one just told, the question is whether the worker's hours fit it
_LATE_HOURS = re.compile(r"晚上|夜里|夜班|下班|[六七八九十]点|\d{1,2}点|白天|没空|没时间|上班")
_CAN_ATTEND = re.compile(r"能上|能去|能学|能听|赶得上|赶得及|来得及|上得了|去得了|学得了|跟得上|能报|"
                         r"行不|可以不|可以吗|能行")
_COURSES_TOLD = re.compile(r"职工书院|福田工会通|直播课堂|名师")


def asks_course_fit(tracker: Tracker, text: str) -> bool:
    """A worker's working hours against the courses the bot has just told."""
    from actions.common import bot_said

    return bool(_LATE_HOURS.search(text) and _CAN_ATTEND.search(text) and not _COURSE_NOT.search(text)
                and bot_said(tracker, _COURSES_TOLD, earlier_turns=2))


def online_course_line(policy: dict) -> str | None:
    """For an academy on record with live online classes (福田: “福田工会通” + 直播课堂): those can
    be followed after work; the timetable is the mini-program's (no record gives one)."""
    summary = policy.get("summary") or ""
    app = re.search(r"“([^”]+)”小程序", summary)
    if not app or "直播" not in summary:
        return None
    return (f"能上线上的：{policy['title']}有“{app.group(1)}”小程序和直播课堂，报名、上课都在手机上，"
            f"不用跑现场，下班以后、晚上也能在小程序里上；哪门课几点直播，记录里没有写，我不能跟您说准，"
            f"以“{app.group(1)}”小程序里公布的课表为准。想去线下听的，记录里的10个街道职工服务中心和园区楼宇"
            f"流动课堂几点开课也没有写，可以问福田区总工会职工服务中心（福田职工书院）或打 12351。"
            f"（来源：{policy['source']}）") if "福田" in policy['title'] else (
            f"能上线上的：{policy['title']}有“{app.group(1)}”小程序和直播课堂，下班以后也能在小程序里上；"
            f"哪门课几点直播，记录里没有写，以小程序里公布的课表为准。（来源：{policy['source']}）")


async def course_time_reply(tracker: Tracker) -> str | None:
    """When the courses are (XD-16: 福田 assumed, 晚上 unanswered): no record gives a timetable,
    so it is said plainly, with what the worker's own academy record does say (福田: the
    小程序 and 直播课堂); with no place known, where they are is asked. Also for a place told
    right after that question. None: no such question."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    said = {k for k, val in slots_set_this_turn(tracker).items() if val}
    place_now = bool(said) and said <= {"city", "district"} and said_this_turn(
        tracker, COURSE_TIME_ASK[:10], earlier_turns=1)
    fit = asks_course_fit(tracker, text)
    if text.startswith("/") or not (asks_course_time(text) or place_now or fit):
        return None
    city, district = location(tracker)
    if fit and not (city or district) and said_this_turn(tracker, "福田工会通", earlier_turns=2):
        city, district = "深圳市", "福田区"  # the courses just told were 福田's (XL-3, no place slot)
    if not (city or district):
        return ("职工书院几点上课、晚上有没有课，我这里没有收录各地的上课时间，不能跟您说准。"
                "我只收录了深圳福田职工书院的情况：有线上平台（“福田工会通”小程序+直播课堂）和线下的街道职工服务中心，上课时间记录里也没有写。"
                f"{COURSE_TIME_ASK}；也可以打职工服务热线 12351 问当地的开课时间。")
    try:
        local = [p for p in (await client().policies("skills_training", city, district))["policies"]
                 if p.get("region_id") is not None]
    except Exception:
        local = []
    place, station = await place_station(city, district)
    where = f"可以问{station_where(station)}，或打职工服务热线 12351 问。"
    if local:
        policy = local[0]
        if online := online_course_line(policy):
            return online  # 晚上九点才下班 能上吗 (XL-3): the live online classes answer it
        return (f"{policy['title']}几点上课、晚上有没有课，记录里没有写，我不能跟您说准。"
                f"记录里写的是：{policy['summary']}（来源：{policy['source']}）\n具体的课表以当地工会公布的为准，{where}")
    return (f"{place or '您那边'}的职工书院上课时间（晚上有没有课）我这里没有收录，不能跟您说准；"
            f"各地职工书院一般线上线下结合，开课时间以当地工会公布的为准，{where}")


NO_COURSES_TEXT = ("您那边的职工书院具体开哪些课，我这里没有收录，不能给您列一张不准的单子：可以问所在的网格工作站"
                   "或职工服务中心，也可以打职工服务热线 12351 问最近开的班。")


async def courses_on_record(tracker: Tracker) -> list[str]:
    """The courses the records list for the worker's place (福田: 美术、书法…职业技术), asked in
    the records' own words whatever way the worker put it (开了什么培训班); [] when none."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    city, district = location(tracker)
    try:
        found = (await client().facts(f"职工书院 课程 {text}", city=city, district=district)).get("facts") or []
    except BackendError:
        return []
    return [fact_text(f) for f in found if f.get("kind") != "station"]


SIGN_UP_TEXT = ("报名方法：开班时间和名额由各地工会职工书院、职工服务中心安排，可以到所在的网格工作站"
                "或职工服务中心报名，也可以打职工服务热线 12351 问最近的开班。我也可以帮您登记，"
                "让工作站的工作人员联系您报名。")
_ASKS_SIGN_UP = re.compile(r"报名|报个名|怎么(?:参加|学|上课)|去哪(?:里|儿)?(?:学|上课)|想(?:学|参加)|"
                           r"(?:咋|怎么|能|能不能|可以)报|报得上|报得了")


# 都有啥课 / 有哪些课程 / 能学些什么 / 开了什么培训班: which courses there are, not how to sign up
_WHICH_COURSES = re.compile(r"(?:啥|什么|哪些|哪几[门个种样]|几[门种])\S{0,2}(?:课|培训|班|专业|技术|手艺)|"
                            r"(?:学|教)(?:些|点)?(?:啥|什么|哪些)|有课")


def asks_which_courses(text: str) -> bool:
    """The message asks what is taught (都有啥课), naming no course of its own (我想学电工)."""
    return bool(_WHICH_COURSES.search(text or ""))


# 想学个叉车 / 考电工证 / 学摄影 (J-20): a course the worker wants, so the answer ends with the
# way to sign up rather than the academy's description alone
_WANTS_TO_LEARN = re.compile(r"想学|学个|学门|考个?\S{0,3}证|叉车|电工|焊工|厨师|育婴|家政|电脑|摄影|月嫂")


def service_just_answered(tracker) -> str | None:
    """The one policy service (互助保障, 技能培训, 托管, 法律援助) the bot's replies to the
    previous two messages were about, else None: 能帮我登记一下不 right after them is about it."""
    users, texts = 0, []
    for event in reversed(tracker.events):
        users += event.get("event") == "user"
        if users > 2:
            break
        if event.get("event") == "bot":
            texts.append(event.get("text") or "")
            if "已为您登记" in texts[-1]:
                # (要是没有居住证咋办 right after the school ticket, ZT-02: the 劳动合同 of the
                # school's documents before it made it a legal-aid question); a sign-up filed is
                # that service's (孩子几岁能收 要钱不 after the childcare sign-up, YR-02: the school form)
                texts.append(signed_up_for(tracker))
                break
    named = {s for s in services_named(" ".join(texts)) if s in POLICY_ACTIONS}
    return named.pop() if len(named) == 1 else None


def signed_up_for(tracker: Tracker) -> str:
    """The 事项 of the sign-up this conversation filed last (职工子女爱心托管报名), '' for none: a
    policy service's sign-up is filed as an ``other`` ticket, whose filing reply names no service."""
    filed = ticket_filed_here(tracker)
    if not filed or filed_type(tracker) != "other":
        return ""
    lines = filed_summary(tracker, filed)[0] or []
    return next((line for line in lines if line.startswith("· 事项")), "")


# The records' topic of a policy service, for a follow-up question that names none of it
# (咋申请 / 要钱吗 / 寒假也管吗 right after the answer: HH-02, HH-04 got 没有现成的准确答案)
SERVICE_TOPICS = {"mutual_insurance": "职工互助保障", "childcare_service": "职工子女爱心托管",
                  "skills_training": "职工书院 技能培训"}


def topic_just_answered(tracker) -> str | None:
    """The records' topic of the policy service just answered (None: none, or no question)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if tracker.active_loop_name or text.startswith("/") or not is_question(text) or childcare_sign_up(tracker):
        return None  # (能帮我报个名吗 after the childcare answer is the sign-up, not its topic — XN-2)
    return SERVICE_TOPICS.get(service_just_answered(tracker) or "")


# 多久 / 多长时间 / 几天 said alone right after the training answer (XJ-5 T7: the legal-aid paragraph)
_HOW_LONG = re.compile(r"^(?:那)?(?:要|得|需要|大概|一般)?(?:学|上|培训)?(?:多久|多长时间|多长|几天|几个月|多少天)"
                       r"(?:能学完|学完|时间)?[啊呀呢吗么哇？?。！!~\s]*$")
_TRAINING_SAID = re.compile(r"职工书院|技能培训")


def how_long_reply(tracker) -> str | None:
    """多久 said alone right after the training answer (XJ-5): how long the course is — not on
    record, said so — and, with a ticket just filed, the day the call was promised by. None:
    not that (仲裁要多久 names what it asks; 多久 after another answer is not about a course)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not _HOW_LONG.match(normalize_text(text)):
        return None
    if not bot_said(tracker, _TRAINING_SAID, earlier_turns=2):
        # 多久 right after a ticket was filed: when the call comes
        when = promised.group(1) if (promised := promised_call(tracker, turns=1)) else None
        return f"工作人员会在 {when}前按您登记的手机号给您打电话，请保持手机畅通；着急可以打职工服务热线 12351。" \
            if when else None
    reply = ("课程学多长时间（几天还是几个月、一周上几次），我这里没有收录，各地职工书院的班不一样；"
             "报名时问工作站，或打职工服务热线 12351 问最近的开班。")
    if promised := promised_call(tracker, turns=3):
        reply = (f"工作人员会在 {promised.group(1)}前给您打电话，请保持手机畅通；课程学多长时间我这里没有收录，"
                 "已经记在工单上的问题会一并给您说清楚，也可以先打职工服务热线 12351 问。")
    return reply


async def who_is_covered_too(tracker) -> list[str]:
    """我不是困难职工也有吗 得了病去哪儿领 (XJ-6 T2: only where to claim was answered, the who
    ignored twice): the record of who a service is given to, when the message asks that too."""
    found = await asked_facts(tracker)
    return [fact_text(f) for f in found if str(f.get("topic") or "").endswith("_who")
            and not said_this_turn(tracker, fact_text(f)[:30], earlier_turns=1)]


# A word of each policy service, said in a message the NLU reads as that service
_SERVICE_CUE = {"skills_training": re.compile(r"培训|想学|学个|学门|课程|上课|考\S{0,3}证|书院|手艺|技术"),
                "mutual_insurance": re.compile(r"互助|保障|保险|给付"),
                "childcare_service": re.compile(r"托管|托儿"),
                "legal_aid": re.compile(r"法律|律师|维权|打官司|仲裁")}


def another_service_asked(tracker) -> bool:
    """那电焊培训呢 right after the mutual cover's answer (p2-8: read in the mutual cover's topic, a
    station card came): the message asks for another policy service — its intent, and a word of
    that service in it — so its own answer comes, not the last service's topic. Follow-ups with no
    word of another service (咋申请, 要钱吗) stay in the topic."""
    message = tracker.latest_message or {}
    intent = (message.get("intent") or {}).get("name")
    cue = _SERVICE_CUE.get(intent or "")
    return cue is not None and intent != service_just_answered(tracker) \
        and bool(cue.search(message.get("text") or ""))


# 大病 / 那重病呢 / 得了癌症咋办 said alone right after the mutual cover's answer (XT-4: affirm 0.61, the
# menu): the serious-illness cover of the records, read as the follow-up it is
_ILLNESS_WORD = re.compile(r"(?:那|那个|那要是|要是|如果|万一)?(?:得了?|生了?|患了?)?"
                           r"(?P<word>大病|重病|重大疾病|癌症|癌)"
                           r"(?:的话|呢|的|保障|险|咋办|怎么办|咋整|怎么弄|赔不赔|能赔吗|管不管|管吗|保不保|有吗|有没有)?"
                           r"[啊呀呢吗嘛哇么？?。.！!~\s]*")


def illness_word_asked(tracker) -> str | None:
    """The illness a bare follow-up names (大病 / 那重病呢) right after the mutual cover (None: not that)."""
    text = normalize_text((tracker.latest_message or {}).get("text") or "").strip()
    if tracker.active_loop_name or text.startswith("/") or not (found := _ILLNESS_WORD.fullmatch(text)):
        return None
    return found.group("word") if service_just_answered(tracker) == "mutual_insurance" else None


async def illness_cover_reply(tracker) -> str | None:
    """大病 right after the mutual cover's answer (XT-4): the records' serious-illness cover for the
    worker's place; with none of the place's own, the one on record said as that place's (its
    source and date) — never a figure made up. None: not that question, or nothing on record."""
    if not (word := illness_word_asked(tracker)):
        return None
    question = f"得了{word}怎么办 有什么保障"
    city, district = location(tracker)

    def kept(answer: dict) -> list[dict]:
        return [f for f in answer.get("facts") or [] if f.get("kind") != "station" and not f.get("employers")]

    try:
        own = kept(await client().facts(question, city=city, district=district)) if city or district else []
        if own:
            return "\n\n".join(fact_text(f) for f in own)
        theirs = [f for f in kept(await client().facts(question)) if f.get("place")]
    except (BackendError, BackendUnavailable):
        return None
    if not theirs:
        return None
    where = "、".join(dict.fromkeys(place_name(f["place"]) for f in theirs))
    here = "".join(str(part) for part in (city, district) if part)
    lead = (f"{here}的大病互助保障方案我这里没有收录，保多少、赔多少没法给您准数。" if here else "") + \
        (f"我这里收录的大病保障是{where}的，先给您作参考"
         "（各地不一样，以当地工会公布的为准，可以打职工服务热线 12351 问）：")
    return lead + "\n" + "\n\n".join(fact_text(f) for f in theirs)


async def answer_in_service_topic(dispatcher: CollectingDispatcher, tracker) -> bool:
    """A follow-up question right after a service's answer: where to apply for it (那我去哪申请,
    YV-04), whether it is there in the place named (我在青岛能参加不, YV-16), else answered from
    the records read with that service's topic (咋申请, 要钱吗, 寒假也管吗): True when something
    was said."""
    if how_long := how_long_reply(tracker):
        dispatcher.utter_message(text=how_long)  # 多久 right after the training answer (XJ-5)
        return True
    if illness := await illness_cover_reply(tracker):
        dispatcher.utter_message(text=illness)  # 大病 right after the mutual cover (XT-4: the menu)
        return True
    if not tracker.active_loop_name and (where := await where_to_apply_reply(tracker)):
        for line in await who_is_covered_too(tracker):
            dispatcher.utter_message(text=line)  # 我不是困难职工也有吗 得了病去哪儿领 (XJ-6): both
        dispatcher.utter_message(text=where)
        return True
    if not (topic := topic_just_answered(tracker)):
        return False
    if another_service_asked(tracker):
        return False  # 那电焊培训呢 right after the mutual cover (p2-8: a station card from its topic)
    if (service := service_just_answered(tracker)) and (here := await service_in_place_reply(tracker, service)):
        dispatcher.utter_message(text=here)
        return True
    answers = await answer_in_topic(tracker, topic)
    fresh = [line for line in answers if not said_this_turn(tracker, line[:30], earlier_turns=1)]
    if answers and not fresh and asks_the_fee((tracker.latest_message or {}).get("text") or ""):
        # 要钱不 right after 技能培训咋报名 (p2-27: the same paragraph word for word, its 收不收费…没有收录
        # inside it): the cost said plainly instead of the paragraph again
        answers = []
    if asks_the_fee((tracker.latest_message or {}).get("text") or "") \
            and not any(_FEE_SAID.search(line) for line in answers):
        # 线上能学不 要钱吗 / 我问要不要钱 right after the courses (XB-3: the same course paragraph,
        # then 好的，没问题): whether it costs money, said plainly when the records do not say it
        answers = [fee_not_on_record(tracker, service or ""), *(
            line for line in answers if not said_this_turn(tracker, line[:30], earlier_turns=2))]
    for line in answers:
        dispatcher.utter_message(text=line)
    return bool(answers)


# 要钱吗 / 要不要钱 / 收不收费 / 免费吗 / 多少钱 / 学费贵不贵: the cost of the service asked
# (最多赔多少钱 / 能领多少钱 ask the payout, not the cost — XZ-4: read as a fee question)
_ASKS_FEE = re.compile(r"要(?:不要)?钱|收(?:不收)?(?:费|钱)|花(?:不花)?钱|免费|(?<![赔领报付拿得补给])多少钱|学费|"
                       r"费用|交钱|掏钱|贵不贵")
# an answer line that speaks to the cost (never a payout's 元)
_FEE_SAID = re.compile(r"收费|收钱|要钱|免费|不收|费用|交钱|花钱|掏钱|学费|个人不用")


def asks_the_fee(text: str) -> bool:
    """The message asks whether (or how much) the service costs."""
    return bool(_ASKS_FEE.search(text or ""))


def fee_not_on_record(tracker: Tracker, service: str) -> str:
    """The cost of a service the records say nothing of: said so, never guessed, and where to
    ask — the 福田 academy's own channel when its answer was the one just given."""
    name = SERVICE_NAMES.get(service, "这项服务")
    where = "以当地工会公布的为准，可以问所在的网格工作站或职工服务中心，也可以打职工服务热线 12351 问。"
    if said_this_turn(tracker, "福田", earlier_turns=2):
        where = ("福田职工书院的，以“福田工会通”小程序里和福田区总工会职工服务中心的说法为准，"
                 "也可以打职工服务热线 12351 问。")
    return f"{name}收不收费、收多少，我这里没有收录，不能跟您乱说：{where}"


# The policy records' service of a service (the backend's names)
# 我在青岛能参加不 / 青岛有没有 / 那镇江呢 right after a service's answer: that place's answer
_CAN_I_THERE = re.compile(r"能(?:不能)?(?:参加|加入|入|办|申请|享受|领|报)|有没有|有吗|有不|能行|行不行|可以吗|"
                          r"呢[？?]?$")


def place_named(tracker) -> tuple[str | None, str | None]:
    """The city and district the latest message names (None, None: none)."""
    entities = (tracker.latest_message or {}).get("entities") or []
    kinds = {e.get("entity"): e.get("value") for e in entities}
    return kinds.get("city"), kinds.get("district")


def service_in_place_text(service: str, place: str, local: list[dict], where: str) -> str:
    """Whether the place has the service on record, and how to join there: a place with its
    own record gets it; one without is told so plainly, with the way that holds everywhere."""
    name = SERVICE_NAMES.get(service, service)
    if local:
        policy = local[0]
        return (f"{place}有：{policy['title']}：{policy['summary']}（来源：{policy['source']}）\n"
                f"怎么参加、怎么申请，问所在单位的工会；单位没有工会的，找{where}，或打职工服务热线 12351。")
    if service == "mutual_insurance":
        return (f"{place}的职工互助保障方案我这里没有收录，没法告诉您{place}有哪几种、交多少钱。"
                "一般来说哪里的职工都能参加："
                f"由所在单位的工会统一组织，个人不用单独去买；单位没有工会的，找{where}，或打职工服务热线 12351，"
                "问清当地有哪些项目、怎么报名。")
    return (f"{place}的“{name}”我这里没有收录当地的具体办法。可以找{where}，或打职工服务热线 12351 问当地怎么办。")


async def service_in_place_reply(tracker, service: str) -> str | None:
    """我在青岛能参加不 right after the mutual cover's answer (YV-16: the same paragraph again):
    that place's answer; None when the message names no place or asks no such thing."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    city, district = place_named(tracker)
    if not (city or district) or not _CAN_I_THERE.search(text) or services_named(text):
        return None
    place, station = await place_station(city, district)
    if not place:
        return None
    try:
        local = [p for p in (await client().policies(POLICY_SERVICE_OF.get(service, service), city,
                                                     district))["policies"] if p.get("region_id") is not None]
    except Exception:
        local = []
    return service_in_place_text(service, place, local, station_where(station))


_SCHOOL_TROUBLE = re.compile(r"转学|入学|上不了学|学位|不收|报名上学|插班")
_CHILD_TOLD = re.compile(r"孩子|小孩|娃|儿子|闺女|女儿|\d+岁|[一二三四五六七八九十]+岁|年级|幼儿园|上学了")


def follow_up_service(tracker) -> str | None:
    """扫马路的 能帮我登记一下不 / 怎么报名 right after a policy service was answered, naming
    no service itself: that service again (it signs them up), not 没明白 (F06, F11)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if set(services_named(text)) <= {"school_placement", "childcare_service"} and _CHILD_TOLD.search(text) \
            and not _SCHOOL_TROUBLE.search(text) and service_just_answered(tracker) == "childcare_service":
        # 俺在辛安沂河路社区 孩子7岁 上一年级 right after the childcare answer (XX-02: the school
        # form asked the hukou): the child and the place for the sign-up, not a school case
        return "childcare_service"
    if services_named(text) or text.startswith("/") or _LOOKUP.search(text):
        return None
    if service_just_answered(tracker) == "childcare_service" and childcare_sign_up(tracker):
        # 辛安 after 您在哪个街道 for the childcare sign-up (XD-14: the skills paragraph, the
        # 报名 before it read as training): that place's 托管驿站 and the sign-up
        return "childcare_service"
    if wants_registration(text) or _ASKS_SIGN_UP.search(text) or re.search(r"申请|怎么办|咋办|咋弄", text):
        return service_just_answered(tracker)
    # 电工 right after the course answer (J-06): what they want to learn, a sign-up
    if len(text) <= 6 and not re.search(r"谢|好的|行|嗯|哦|知道|明白|不用|算了|再见|拜拜", text) \
            and service_just_answered(tracker) == "skills_training":
        return "skills_training"
    return None


PSYCH_LINES = ("想找人说说的话，心理援助热线 12356、400-161-9995 随时可以打；我也帮您找工会的工作人员，"
               "网格工作站还有职工心理健康服务室。")
PSYCH_HOTLINES = "想找人说说的话，心理援助热线 12356、400-161-9995 随时可以打；我也帮您找工会的工作人员。"


def psych_service_of(station: dict | None) -> str | None:
    """The station's psychological service as the backend lists it (心理健康, 职工心理健康服务室)."""
    return next((str(sv) for sv in (station or {}).get("services") or [] if "心理" in str(sv)), None)


async def psych_place(tracker: Tracker) -> tuple[str | None, dict | None]:
    """The worker's place and its station (None, None: no place told or no backend)."""
    return await place_station(*location(tracker))


def psych_lines_for(place: str | None, station: dict | None) -> str:
    """Where to talk, for the worker's place: the hotlines everywhere; a station's own
    psychological service only where the backend lists one (辛安); elsewhere that place's union
    (XD-16: 广州白云区 was sent to the 网格工作站's 心理健康服务室, a 青岛 room)."""
    if service := psych_service_of(station):
        return PSYCH_HOTLINES + f"离您近的{station_where(station)}也有{service}服务，可以去找他们聊聊。"
    if place:
        return PSYCH_HOTLINES + f"{place}当地的工会可以找{station_where(station)}。"
    return PSYCH_LINES


def psych_intro_for(place: str | None, station: dict | None) -> str | None:
    """The empathy line for a worker whose place lists no psychological service (None: the
    usual utter_psych_support, which names the stations' rooms, is true for them)."""
    if psych_service_of(station) or not place:
        return None
    return (f"听起来您最近挺不容易的。心理援助热线 12356、400-161-9995 随时可以打，免费的；{place}当地的工会"
            f"可以找{station_where(station)}。您愿意说说最近发生了什么吗？")


async def stations_with(tracker, word: str) -> list[dict]:
    """The stations of the worker's place whose services name ``word`` (托管, 心理), the one
    with a room of its own (服务室 / 驿站) first ([] for none or no place known)."""
    city, district = location(tracker)
    if not (city or district):
        return []
    try:
        found = await client().request("GET", "/stations", params={
            k: val for k, val in (("city", city), ("district", district)) if val})
    except BackendError:
        return []
    listed = [st for st in found.get("stations") or [] if any(word in str(sv) for sv in st.get("services") or [])]
    return sorted(listed, key=lambda st: not any(re.search(r"室|驿站", str(sv)) and word in str(sv)
                                                 for sv in st.get("services") or []))


async def _psych_room(tracker) -> tuple[dict, str] | None:
    """(the worker's station with a psychological room, the room's name) — None: none on record."""
    stations = await stations_with(tracker, "心理")
    return (stations[0], psych_service_of(stations[0]) or "心理健康服务") if stations else None


async def _station_record(tracker, name: str) -> dict | None:
    """The backend's record of the station named ``name`` (its services, address, hours)."""
    city, district = location(tracker)
    try:
        if city or district:
            found = await client().request("GET", "/stations", params={
                k: val for k, val in (("city", city), ("district", district)) if val})
            if record := next((st for st in found.get("stations") or [] if st.get("name") == name), None):
                return record
        place = re.sub(r"工会网格化?工作总?站$", "", name)
        station = (await client().resolve(None, place)).get("station") if place != name else None
    except BackendError:
        return None
    return station if station and station.get("name") == name else None


async def psych_at_named_station(tracker) -> str | None:
    """心理咨询室也在那吗 right after a filing or a card named a station (round 52: an urgent psych
    callback filed, nobody asked for one): whether that station's record lists a psychological
    room, and where one is when it does not. None: not asked so, or no station named."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not AT_THAT_STATION.search(normalize_text(text)) or not (name := named_station(tracker)) \
            or (record := await _station_record(tracker, name)) is None:
        return None
    service = psych_service_of(record)
    phone = str(record.get("phone") or "12351")
    if service and "室" in service:
        return "有。" + service_place_text(service, name, str(record.get("address") or ""), phone,
                                         hours_text(record.get("hours") or {}), text)
    said = (f"{name}的记录上有“{service}”服务，但没写有单独的心理咨询室；想去的话先打 {phone} 问问怎么安排。"
            if service else f"{name}的记录上没有心理健康服务室。")
    room = await _psych_room(tracker)
    if room and room[0].get("name") != name:
        station, room_name = room
        said += (f"附近设有{room_name}的是{station['name']}（{bare_address(station.get('address'))}，电话 "
                 f"{station.get('phone') or '12351'}），免费，去之前先打电话约个时间。")
    return said + PSYCH_HOTLINES_LINE


async def psych_room_reply(tracker) -> str | None:
    """我在黄岛辛安 听说工会有个心理的屋子 能去不 要钱不 (XH-14: the general paragraph, twice): the
    room of the worker's own station, free, its hours and phone; asked again (具体在哪), the
    address with where the door is asked. None: not asked, or no room on record there."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or is_crisis(text) or asked_service_of_station(text) != "心理":
        return None
    if (there := await psych_at_named_station(tracker)) is not None:
        return there  # 心理咨询室也在那吗: that station's record (round 52)
    if (room := await _psych_room(tracker)) is None:
        return None
    station, service = room
    address = bare_address(station.get("address"))
    said = service_place_text(service, station["name"], address, str(station.get("phone") or "12351"),
                              hours_text(station.get("hours") or {}), text)
    if said_this_turn(tracker, said[:20], earlier_turns=2):
        # 那个心理的屋子具体在哪 right after it (XH-14 T6: the same paragraph word for word)
        return (f"{service}在{station['name']}里，登记的地址是：{address}。工会这里没有更细的门牌；去之前先打 "
                f"{station.get('phone') or '12351'} 问清楚在哪栋楼、哪个门，顺便约个时间。{PSYCH_HOTLINES_LINE}")
    return said


HOTLINES_24H = "心理援助热线 12356、400-161-9995 24 小时有人接，有危险马上打 110 或 120。"
_WHERE_ASKED = re.compile(r"在哪|哪里|哪儿|哪块|地址|怎么去|咋去|去哪|咋走|怎么走")


async def psych_room_asked_after(tracker) -> str | None:
    """不要钱的话 在哪 我在黄岛 right after the psych lines and the callback offer (p2-22: the place read as
    the one to find a person in — the closed-hours text again, the room never named): the room of the
    worker's station, free, its hours and phone. None: no psych callback waiting, no 在哪, no room there."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    waiting = tracker.get_slot("callback_pending")
    if text.startswith("/") or is_crisis(text) or not _WHERE_ASKED.search(normalize_text(text)) \
            or not (isinstance(waiting, dict) and waiting.get("reason") == "psych_support"):
        return None
    if (room := await _psych_room(tracker)) is None:
        return None
    station, service = room
    return service_place_text(service, station["name"], bare_address(station.get("address")),
                              str(station.get("phone") or "12351"), hours_text(station.get("hours") or {}), text)


# 有没有心理咨询 要钱不 / 收费吗 / 免费吗: the cost of the union's counselling asked
PSYCH_FREE_LINE = "工会的心理疏导是免费的，不用花钱；网格工作站的职工心理健康服务室也是免费的。"


async def face_to_face_reply(tracker) -> str | None:
    """有没有不打电话 能当面聊聊的地方 (XJ-16 T5, after the crisis reply: the listening line again):
    the psychological room of a station of the worker's place — face to face, with its hours
    and phone from the station record — and the 24-hour lines; no place told: the place asked;
    a place with no room on record: its own union, never a 青岛 room. None: not asked."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not asks_face_to_face(text):
        return None
    if (room := await _psych_room(tracker)) is not None:
        station, service = room
        where = bare_address(station.get("address"))
        phone = str(station.get("phone") or "12351")
        hours = OPEN_NOW_NOTE.sub("", hours_text(station.get("hours") or {})).replace("；", "，")
        return (f"不打电话也行，可以当面聊：{station['name']}有{service}，可以去那里当面跟工作人员聊"
                f"（{where}，具体门牌先打 {phone} 问清楚）。服务时间是{hours}，在服务时间里直接过去就行。"
                f"不在服务时间的时候，{HOTLINES_24H}")
    place, nearest = await psych_place(tracker)
    if place:
        return (f"不打电话也行：{place}当地能当面聊的地方，我这里没有收录，可以找{station_where(nearest)}问问"
                f"有没有能当面聊的心理服务。{HOTLINES_24H}")
    return ("不打电话也行，有的工会网格工作站有职工心理健康服务室，可以当面聊。告诉我您在哪个城市、哪个区"
            f"（比如：青岛黄岛区辛安街道），我帮您找离您近的。{HOTLINES_24H}")


class ActionPsychSupport(SafeAction):
    """Crisis words → hotline numbers at once and a person; never a form."""

    def name(self) -> str:
        return "action_psych_support"

    async def act(self, dispatcher, tracker, domain):
        said = tracker.latest_message.get("text") or ""
        if safe_again(tracker, said) and (is_question(said) or services_named(said)):
            # 我没事了 就是一时想不开 那扣的两千块能要回来吗 (XA-11: the crisis reply again, the
            # question unanswered twice): checked on, then the matter — the person still comes
            dispatcher.utter_message(text=safe_again_check_in(tracker))
            return [FollowupAction("action_start_service")]
        if is_crisis(said):
            if violence := safety_reply(said):
                dispatcher.utter_message(text=violence)  # 他打俺 (XN-14): 110, 12338, evidence
            else:
                dispatcher.utter_message(response="utter_crisis")
            # whatever form was open is dropped: this conversation goes to a person now, and
            # the bot then waits (also when a form sent us here with a follow-up action)
            return [ActiveLoop(None), SlotSet("requested_slot", None),
                    SlotSet("interrupted_form", None),
                    *await request_handoff(dispatcher, tracker, "crisis"),
                    FollowupAction("action_listen")]
        text = tracker.latest_message.get("text") or ""
        if (reading := reading_reply(tracker)) is not None:
            dispatcher.utter_message(text=reading)  # 意思是没戏了？ after a legal answer (XM-4: the psych invite)
            return []
        room = await psych_room_reply(tracker)
        if not room and is_question(text) and not asks_the_fee(text) and not wants_to_talk(text) \
                and (money_after_crisis(tracker, text) or case_question_after_crisis(tracker, text)):
            # 嗯 我就是心里憋屈 说说好点了 这钱能帮我要吗 soon after the crisis reply (VK-9: 您愿意说说最近发生了
            # 什么吗 — all of it told already): the matter asked is taken up, the lines kept in one line
            return [FollowupAction("action_start_service")]
        if asks_for_a_person(text) or (wants_to_talk(text) and not room):
            # 压力大 睡不着 想找个人聊聊 (L-17): the hotlines that answer at any hour come first;
            # out of hours the station only calls back. A form it interrupted pauses (its facts
            # kept), and the bot waits for the worker
            dispatcher.utter_message(text=psych_lines_for(*await psych_place(tracker)))
            if asks_the_fee(text):
                # 工会有没有心理咨询 要钱不 (p2-22: the callback's hours, the cost never said): the record's free
                dispatcher.utter_message(text=PSYCH_FREE_LINE)
            return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("interrupted_form", None),
                    *await request_handoff(dispatcher, tracker, "psych_support"),
                    FollowupAction("action_listen")]
        for text in [] if room else await answer_fact(tracker) or []:  # 心理援助热线是多少: the number first
            dispatcher.utter_message(text=text)
        if room:
            dispatcher.utter_message(text=room)  # the room of their station, asked for (XH-14)
            policies = []
        elif intro := psych_intro_for(*await psych_place(tracker)):
            # a worker elsewhere (广州): the stations' rooms of the usual line and of the national
            # record are not theirs (XD-16); the hotlines and their own union instead
            dispatcher.utter_message(text=intro)
            policies = []
        else:
            dispatcher.utter_message(response="utter_psych_support")
            try:
                policies = (await client().policies("psych_support"))["policies"]
            except Exception:  # the empathy above is the answer; the policy is a bonus
                policies = []
        if policies:
            dispatcher.utter_message(text=policies[0]["summary"])
        form = tracker.active_loop_name or tracker.get_slot("interrupted_form")
        if not form:
            return []
        # 最近压力好大 睡不着 in the middle of a form: the worker was just asked to talk, so the
        # form's question does not follow (now or on their next message); what was said stays
        # in the slots, and asking for the service again goes on from there
        dispatcher.utter_message(text="刚才的事我先记着，您想接着办的时候跟我说一声就行。")
        return [ActiveLoop(None), SlotSet("requested_slot", None),
                SlotSet("interrupted_form", None), FollowupAction("action_listen")]


# The entry action (actions/router.py) opens these services through this table.
POLICY_ACTIONS: dict[str, type[PolicyAnswer]] = {
    "legal_aid": ActionLegalAid, "mutual_insurance": ActionMutualInsurance,
    "childcare_service": ActionChildcare, "skills_training": ActionSkillsTraining}


# --- VB-2, VB-4, VB-10, VB-16: the second question of a two-question message -------------------------
# Every reply path answers the question it recognises and returns (the station's 托管 place and hours,
# the records' relief line, the law on a pregnant worker told to resign); the other question of the
# same message (收钱不, 她生病能赔不, 是一个吗, 附近有没有工会站) went unanswered until asked again.
# ``answer_the_rest`` runs after the reply: each question it knows that the reply did not answer is
# answered from the records (or said not to be on record), before any offer that ends the reply.

# 附近有没有工会站可以帮我 / 最近的工会在哪 / 哪里有工会 / 找哪个工会
_NEAR_STATION_ASKED = re.compile(r"附近\S{0,4}?(?:工会|工作站|服务站|站)|最近的\S{0,3}?(?:工会|工作站|服务站|站)|"
                                 r"(?:哪里|哪儿|哪)有\S{0,2}?(?:工会|工作站|服务站)|(?:工会|工作|服务)站\S{0,2}?在哪|"
                                 r"(?:找|去)哪(?:个|家|里的?)?工会|当地(?:的)?工会在哪|"
                                 # 那我去哪个站问 / 离哪个站近 (VJ-16: the sign-up text again, the station unasked)
                                 r"(?:去|找|到)哪(?:个|家)?(?:工作|服务)?站|离哪个?(?:工作|服务)?站\S{0,2}近|"
                                 r"哪个(?:工作|服务)?站\S{0,3}(?:近|离我)")
# a reply that named a station or a union centre (a card, or 没有本热线的工会网格工作站)
_STATION_SAID = re.compile(r"地址：|离您最近的|没有本热线的工会网格工作站|工会网格工作站：|当地工会：|"
                           r"\S{2,}(?:工作站|服务中心)（电话")
_FAMILY_NAMED = re.compile(r"老伴|老婆|媳妇|妻子|爱人|老公|丈夫|配偶|对象|家属|家里人")
_FAMILY_CLAIM = re.compile(r"能赔|赔不|赔吗|给赔|赔不赔|给不给赔|能不能赔|能报|报不报|能不能报|报吗|能领|给付")
_MUTUAL_IN_TALK = re.compile(r"互助保障|互助险|互助保险")
_POLICY_FEE_SERVICES = {"childcare_service": re.compile(r"托管|驿站|看孩子|托儿"),
                        "skills_training": re.compile(r"培训|课|书院|考\S{0,3}证|学技术|学手艺")}


async def station_asked_line(tracker: Tracker, said: list[str]) -> str | None:
    """The nearest station, when the latest message asks which station to go to (去哪个站问 / 离哪个站近)
    and ``said`` (the reply so far) named none — for a reply that is no flow of its own (the
    ticket offer declined: 先不登记 那我去哪个站问 我住长江路那边, VJ-16)."""
    text = normalize_text((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/") or not _NEAR_STATION_ASKED.search(text) \
            or any(_STATION_SAID.search(line) for line in said):
        return None
    return await nearest_station_line(tracker, text)


async def nearest_station_line(tracker: Tracker, text: str) -> str:
    """The station (or the city's union centre) of the place the worker told, for 附近有没有工会站 asked
    beside another question; where the place is not known, the place is asked."""
    city, district = location(tracker)
    if not (city or district):
        city, district = place_named(tracker)
    found: dict = {}
    if city or district:
        try:
            found = await client().resolve(city, district)
        except (BackendError, BackendUnavailable):
            found = {}
    station = found.get("station")
    if not station:
        return ("附近的工会站：告诉我您在哪个城市、哪个区（街道），我帮您查最近的工会网格工作站"
                "或当地总工会的职工服务中心；也可以打职工服务热线 12351，转到当地工会。")
    note = wider_station_note(found.get("path"), station)
    return f"{asked_time_line(station, text)}离您最近的工会：\n{note}{station_text(station)}"


async def family_claim_reply(tracker: Tracker, text: str) -> str | None:
    """俺老婆不是环卫工 她生病能赔不 … 工会还能帮点不 right after the mutual cover (VB-4: the relief line
    alone): the records' answer on a family member's claim (with its source), asked of the backend."""
    family = _FAMILY_NAMED.search(text)
    if not family or not _FAMILY_CLAIM.search(text):
        return None
    talk = " ".join([text, recent_words(tracker), *recent_replies_text(tracker, 2)])
    if not _MUTUAL_IN_TALK.search(talk):
        return None
    try:
        # (the general record: with 镇江 named, its own maximum outranks the family answer, which holds
        # everywhere and gives 镇江's family case itself)
        facts = (await client().facts(f"{family.group(0)}生病 互助保障 能赔吗")).get("facts") or []
    except (BackendError, BackendUnavailable):
        return None
    lines = [fact_text(f) for f in facts if str(f.get("topic") or "") == "mutual_insurance_family"]
    return lines[0] if lines else None


# 我有没有啊 / 我就想知道我有没有 beside or right after the mutual cover (VD-4: unanswered twice, the phone
# asked instead): who the cover is given to, from the records of the worker's place
_MINE_ASKED = re.compile(r"(?:我|俺)(?:有没有|有没|有吗|有份吗|也有吗|能有吗)(?:啊|呀|哇|呢|吗)?(?=$|[\s？?，,。！!])|"
                         r"有没有(?:我|俺)(?:的份|的)?(?:啊|呀|呢)?(?=$|[\s？?，,。！!])")


async def mutual_cover_mine_reply(tracker: Tracker, text: str, said: str) -> str | None:
    """Whether the worker has the mutual cover, asked with it in the talk: the records' answer on who
    it is given to (镇江: 困难职工家庭、环卫工), with its source; None when not asked or said already."""
    if not _MINE_ASKED.search(text) or "赠送的人群" in said:
        return None
    if not _MUTUAL_IN_TALK.search(" ".join([text, said, *recent_replies_text(tracker, 2)])):
        return None
    city, district = location(tracker)
    try:
        facts = (await client().facts("互助保障 我这种 有没有份", city=city, district=district)).get("facts") or []
    except (BackendError, BackendUnavailable):
        return None
    lines = [fact_text(f) for f in facts if str(f.get("topic") or "") == "mutual_insurance_who"]
    if not lines or said_this_turn(tracker, lines[0][:24], earlier_turns=1):
        return None
    return lines[0]


# 我要不要辭職 after 公司…叫我自己辭職 (VD-15: never answered, asked twice): don't resign under pressure — the
# records' answer on a resignation pressed on the worker, and on dismissal while injured when an injury was told
_RESIGN_ASKED = re.compile(r"(?:要不要|该不该|应不应该|需不需要|用不用)(?:自己)?(?:辞职|辞工|离职|走人)|"
                           r"辞不辞|(?:辞职|离职)(?:好不好|行不行|对不对)")
_INJURED_IN_TALK = re.compile(r"工伤|受伤|受了伤|伤了|夹伤|压伤|砸伤|烫伤|摔伤|轧伤|骨折|断了")
RESIGN_LEAD = "您问要不要辞职：单位叫您自己辞职的，先别辞。"


async def resign_asked_reply(tracker: Tracker, text: str, said: str) -> str | None:
    """The answer to 要不要辞职 (None when not asked, or answered in this reply or the last one)."""
    if not _RESIGN_ASKED.search(text) or "别签" in said or RESIGN_LEAD in said \
            or said_this_turn(tracker, RESIGN_LEAD, earlier_turns=1):
        return None
    injured = _INJURED_IN_TALK.search(normalize_text(" ".join([text, recent_words(tracker)])))
    wanted = ["resign_form_pressed", *(["no_dismissal_when_injured"] if injured else [])]
    lines: list[str] = []
    for question, topic in zip(("单位让我签自愿离职 要不要签", "工伤 养伤 把我开了"), wanted, strict=False):
        try:
            facts = (await client().facts(question)).get("facts") or []
        except (BackendError, BackendUnavailable):
            return None
        lines += [fact_text(f) for f in facts if str(f.get("topic") or "") == topic][:1]
    return RESIGN_LEAD + "\n".join(lines) if lines else None


# 可唔可以喺度登记 / 能在这登记吗 (VD-10: ignored for a pay sum he never asked for): yes, and how
_CAN_REGISTER = re.compile(r"(?:可不可以|能不能)(?:在这|在这里|在这儿|这里|这儿)?(?:直接)?登记|"
                           r"(?:可以|能)(?:在这|在这里|在这儿|这里|这儿)?(?:直接)?登记(?:吗|不|嘛)")
REGISTER_HERE = ("可以，就在这里登记：您把事情说给我，我整理成工单，转给您那边的工会跟进，"
                 "工作人员会打您留的电话联系您。不用先算钱——想直接登记，说“直接登记”就行。")


def register_here_reply(text: str, said: str) -> str | None:
    """Whether the worker can register here, asked and not answered by the reply."""
    if not _CAN_REGISTER.search(text) or re.search(r"登记|工单", said):
        return None
    return REGISTER_HERE


def recent_replies_text(tracker: Tracker, turns: int) -> list[str]:
    """The bot's replies to the worker's last ``turns`` messages before this one."""
    said: list[str] = []
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users > turns + 1:
                break
        elif event.get("event") == "bot" and users >= 1:
            said.append(event.get("text") or "")
    return said


def _fee_service(tracker: Tracker, text: str) -> str | None:
    """The policy service whose fee the message asks (托管 / 培训) and the records do not hold."""
    if not asks_the_fee(text):
        return None
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    for service, words in _POLICY_FEE_SERVICES.items():
        if words.search(text) or (intent == service and not services_named(text)):
            return service
    return None


async def answer_the_rest(dispatcher: CollectingDispatcher, tracker: Tracker, events: list | None = None) -> list:
    """The questions of the latest message the reply just collected in ``dispatcher`` left unanswered
    (VB-2 收钱不, VB-4 她生病能赔不, VB-10 是一个吗, VB-16 附近有没有工会站): each answered, put before the
    offer (buttons) that ends the reply. Nothing when nothing was said (the flow's question comes
    next), for a button, crisis words, or a hand-over to a person."""
    text = normalize_text((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/") or is_crisis(text) or not dispatcher.messages \
            or any(e.get("event") == "followup" for e in events or []):
        return []
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    more: list[str] = []
    if "不是一个站" not in said and (same := same_station_reply(tracker)):
        more.append(same)
    started = any(e.get("event") == "active_loop" and e.get("name") for e in events or [])
    intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
    if _NEAR_STATION_ASKED.search(text) and not _STATION_SAID.search(said) and not more \
            and (not started or any(location(tracker))) and intent != "find_station":
        # (the station flow asks the place itself; a form just started asks its own question — the
        # station is said beside it only when the place is known)
        more.append(await nearest_station_line(tracker, text))
    if not _FAMILY_NAMED.search(said) and "家属" not in said and (family := await family_claim_reply(tracker, text)):
        more.append(family)
    if mine := await mutual_cover_mine_reply(tracker, text, said):
        more.append(mine)
    if resign := await resign_asked_reply(tracker, text, said):
        more.append(resign)
    if here := register_here_reply(text, said):
        more.append(here)
    if (service := _fee_service(tracker, text)) and not _FEE_SAID.search(said):
        more.append(fee_not_on_record(tracker, service))
    at = len(dispatcher.messages)
    while at and dispatcher.messages[at - 1].get("buttons"):
        at -= 1
    if at == len(dispatcher.messages) and at > 1 and any(e.get("event") == "active_loop" for e in events or []) \
            and re.search(r"[？?]\s*$", dispatcher.messages[-1].get("text") or ""):
        at -= 1  # a form started: its question stays the last thing said
    for line in more:
        dispatcher.utter_message(text=line)
        dispatcher.messages.insert(at, dispatcher.messages.pop())
        at += 1
    return []
