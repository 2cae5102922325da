"""Handing a conversation to the grid staff of the worker's station.

``request_handoff`` is shared: the worker's own request (``action_handoff_request``) and
crisis words (``action_psych_support``) both queue the conversation at the station.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import validators as v
from actions.apply_where import place_station
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import SafeAction, client, recent_replies, said_this_turn
from actions.crisis import DANGER_NOW_LINE, case_beside_crisis, crisis_answered, in_danger_now, listening_reply
from actions.facts import answer_fact, is_question
from actions.next_service import offer_service
from actions.service_catalog import SERVICE_FORMS, SERVICE_NAMES, services_named
from actions.slot_checks import slots_set_this_turn
from actions.station_followup import (
    asks_who_handles,
    held_ticket,
    station_detail_reply,
    station_region_place,
    status_in_talk,
    ticket_station_reply,
)
from actions.station_text import asked_time_verdict, hours_text, is_own_station, known_hours
from actions.tickets import (
    AFTER_HOURS,
    BEIJING,
    CALL_AS_TOLD,
    call_back_at,
    callback_facts,
    case_place,
    contact_phone,
    file_case,
    in_a_lookup,
    note_on_ticket,
    offer_ticket,
    same_matter_filed,
    short_ticket_number_reply,
    ticket_filed_here,
    when_called_reply,
    wish_about_the_ticket,
)
from bot.contract import TICKET_TYPE_WORKER_NAMES, URGENT_CALLBACK_REASONS
from bot.nlu.person_request import declines_a_person
from bot.normalize.identity import mask_phone
from bot.normalize.text import normalize_text

PSYCH_INVITE = "您愿意说说最近发生了什么吗"  # the end of utter_psych_support
UNREACHABLE = ("抱歉，转人工的系统暂时连不上。请直接拨打职工服务热线 12351，工作人员会接听；"
               "情况紧急请拨打 110 或 120。")

# 我想找个工会的人聊聊 / 能不能找你们工作人员: a wish for a person that the NLU reads as not
# understood or as psych support. Asking for a person is never misunderstood: both the fallback
# and the psych-support answer hand such a message to the station.
_A_PERSON = re.compile(r"(?:工会|你们|您们)(?:这边)?的?(?:人|工作人员|干部)|工作人员|真人|人工客服|转人工"
                       r"|找个?(?:人|工会的人).{0,4}(?:聊|说|谈|问)"
                       # 现在晚上了有人吗 (DD-12 got 没明白): is anybody there — after a station
                       # card the card's hours answer it first (fallback.understood_anyway)
                       r"|有人(?:在)?(?:吗|不|没|么)|有没有人(?:在)?(?:吗|呢|啊|$)|人呢")


def asks_for_a_person(text: str) -> bool:
    return bool(_A_PERSON.search(text or "")) and len(text) <= 40 and not declines_a_person(text)


# 别跟我机器人说了 我要找真人: the worker will not go on with the bot, whatever else the message
# tells (a service named beside it does not win over the wish)
_INSISTS = re.compile(r"真人|人工客服|人工服务|(?:转|找|要|换)人工|"
                      r"(?:要|找|换)(?:个)?(?:工作人员|活人)|不(?:要|想)(?:跟|和)?(?:机器人|你)(?:说|聊)|"
                      r"别跟我(?:机器人)?(?:说|聊)|(?:不要|别)(?:用)?机器人")


# …我自己是两万八。能不能转人工 (XS-16: a long message that ends asking for a person — ignored twice)
_ASKED_NOW = re.compile(r"(?:能不能|可不可以|能否|可以|帮我|给我|我要|我想|请|麻烦)(?:你)?(?:转|找)人工|"
                        r"(?:转|找)人工(?:吧|吗|呢|行不|行吗|可以吗|可以不)?[？?。！!\s]*$")


def insists_on_a_person(text: str) -> bool:
    """转人工 / 我要找真人 asked (a long message only when it asks it outright, XS-16)."""
    return bool(_INSISTS.search(text or "")) and (len(text) <= 60 or bool(_ASKED_NOW.search(text))) \
        and not declines_a_person(text)


# A callback promised outside opening hours waits here for the worker's phone (domain slot).
CALLBACK_SLOT = "callback_pending"
# Services whose half-told case is offered again once the callback is filed.
CASE_SERVICES = frozenset(SERVICE_FORMS) - {"find_station", "ticket_status"}
CALLBACK_FAILED = ("抱歉，回电登记暂时没有成功。请直接拨打职工服务热线 12351；"
                   "情况紧急请拨打 110 或 120。")
CRISIS_LINES = "心里难受可以随时拨打心理援助热线 12356 或 400-161-9995，紧急情况请拨打 120 或 110。"
# 我就是要人给我回电话 / 电话刚给你了 / 让人打给我: the worker waits for the promised call.
_CALLBACK_WISH = re.compile(r"回电|回个?电话|打(?:个)?电话给我|给我打(?:个)?电话|打给我|联系我"
                            r"|电话(?:刚|已经|早就?)?(?:才|都)?(?:给|留|发|告诉)(?:你|您|过|了)")
_FILED = re.compile(r"已为您登记回电工单，工单号 (\w+)")


def asks_for_callback(text: str) -> bool:
    """The worker asks to be called back, or says the number was already given."""
    return bool(_CALLBACK_WISH.search(text or "")) and len(text) <= 60


def form_open_at_message(tracker: Tracker) -> str | None:
    """The form that was open when the latest message came in: by the time a handoff action
    runs, the rules (action_cancel_request) or the crisis answer may have closed it."""
    if tracker.active_loop_name or tracker.get_slot("interrupted_form"):
        return tracker.active_loop_name or tracker.get_slot("interrupted_form")
    form = at_message = None
    for event in tracker.events:
        if event.get("event") == "active_loop":
            form = event.get("name")
        elif event.get("event") == "user":
            at_message = form
    return at_message


def interrupted_case(tracker: Tracker) -> str | None:
    """The service whose case the handoff interrupted (offered again after the callback)."""
    form = form_open_at_message(tracker)
    service = next((s for s, name in SERVICE_FORMS.items() if name == form), None)
    if service is None:  # 老板欠了我半年工资…不想活了: a case told with the crisis, no form yet
        text = (tracker.latest_message or {}).get("text") or ""
        intent = ((tracker.latest_message or {}).get("intent") or {}).get("name")
        service = next(iter(services_named(text)), None) or intent  # 老板欠钱不给 我要找真人
    return service if service in CASE_SERVICES else None


def offer_case_again(dispatcher: CollectingDispatcher, service: str | None) -> None:
    """The case the handoff interrupted is not dropped: the worker may go on with it."""
    if not service:
        return
    dispatcher.utter_message(
        text=f"刚才“{SERVICE_NAMES[service]}”的事，您说过的我都记着。要接着办吗？",
        buttons=[{"title": "接着办", "payload": f"/{service}"},
                 {"title": "先不用", "payload": "/deny"}])


async def file_callback(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str,
                        service: str | None = None) -> list[dict[str, Any]]:
    """Files the callback with the case's facts; a crisis is called back at the opening.
    A refused request keeps the callback waiting and gives the worker the hotline."""
    if reason == "crisis" and in_danger_now((tracker.latest_message or {}).get("text") or ""):
        dispatcher.utter_message(text=DANGER_NOW_LINE)  # 我现在在工地楼顶上 (NN-15): first
    facts = callback_facts(tracker, reason)
    try:
        await file_case(dispatcher, tracker, "callback", facts, urgent=reason in URGENT_CALLBACK_REASONS)
    except BackendError:
        dispatcher.utter_message(text=CALLBACK_FAILED)  # never silence about a promised call
        return []
    if facts.get("call_time") and AFTER_HOURS.search(facts["call_time"]):
        # 晚上九点以后打 (YX-8: 工作人员会照这个时间打, though every station closes by the evening)
        dispatcher.utter_message(text=f"您说的“{facts['call_time']}”也记在工单上了。不过工作站晚上不上班，那个点没人能打；"
                                      "工作人员会在上班时间里尽量挑您方便的时候打，比如中午休息或傍晚下班前。"
                                      "您也可以说一个白天方便接电话的时间。")
    elif facts.get("call_time") and not any(CALL_AS_TOLD[:8] in (m.get("text") or "") for m in dispatcher.messages):
        # (the filing itself says it now — XP-13 — when the ticket was not queued)
        dispatcher.utter_message(text=f"您说的“{facts['call_time']}”也记在工单上了，工作人员会照这个时间打。")
    offer_case_again(dispatcher, service)
    return [SlotSet(CALLBACK_SLOT, None)]


# 那补偿的事还能登记吗 我一个月五千 电话159… after the crisis reply, the legal offer parked before
# it (XP-15: only the crisis callback filed and not said what it holds; the case offered again
# only after 这个工单里有我被开除要补偿的事吗): the case the worker asks to register is offered too
_CASE_TO_REGISTER = re.compile(r"登记|报上|立个?案|开(?:个|张)?工单|(?:帮我|给我|帮俺|给俺)(?:办|弄|要|申请)|"
                               r"(?:还能|能不能|能|可以|可不可以)\S{0,4}?(?:办|要回|申请|管)")
_NOT_TO_REGISTER = re.compile(r"(?:不用|不要|别|先不|不想|不需要|没必要)(?:再)?(?:帮我|给我)?(?:登记|办)")
CASE_BESIDE_CALLBACK = ("{yes}上面那张是回电工单：工作人员会先给您回电话，您说过的情况也记在上面了。您问的这件事，"
                        "再单独登记一张{name}工单，转给工作站跟进：")


def parked_case_asked(tracker: Tracker, text: str) -> dict | None:
    """The case parked on an offer (a crisis broke it off) when the message asks to register
    it; None otherwise, or when that case was filed here already."""
    case = tracker.get_slot("pending_case")
    if not isinstance(case, dict) or case.get("type") in (None, "callback", "handoff") \
            or tracker.active_loop_name or tracker.get_slot("wants_ticket") is False \
            or not _CASE_TO_REGISTER.search(text) or _NOT_TO_REGISTER.search(text) or same_matter_filed(tracker):
        return None
    return case


async def file_waiting_callback(dispatcher: CollectingDispatcher, tracker: Tracker,
                                offer: bool = True) -> list[dict[str, Any]] | None:
    """The callback promised earlier, filed now that the phone is here (given this turn, or
    the worker says it was given). None when no callback is waiting for this message."""
    waiting = tracker.get_slot(CALLBACK_SLOT)
    if not isinstance(waiting, dict) or not contact_phone(tracker):
        return None
    text = (tracker.latest_message or {}).get("text") or ""
    if not slots_set_this_turn(tracker).get("phone") and not asks_for_callback(text):
        return None
    service = waiting.get("service") if offer else None
    case = parked_case_asked(tracker, text) if offer else None
    events = await file_callback(dispatcher, tracker, waiting.get("reason") or "worker_request",
                                 None if case else service)
    if case is not None and events:
        dispatcher.utter_message(text=CASE_BESIDE_CALLBACK.format(
            yes="能登记。" if is_question(text) else "好的。", name=TICKET_TYPE_WORKER_NAMES.get(case["type"], "")))
        return events + offer_ticket(case["type"], case.get("facts") or {})
    if is_question(text):  # 15066231178 黄岛区 手指的事能赔钱吗 (ZD-10: the question was left)
        for line in await answer_fact(tracker) or []:
            dispatcher.utter_message(text=line)
    return events


def callback_filed(tracker: Tracker) -> str | None:
    """The id of the callback ticket filed in the last few turns (asked again: not twice)."""
    return ticket_filed_here(tracker, _FILED, last=60)


def closed_text(station: str, place_known: bool, opens: str | None = None) -> str:
    """Outside opening hours: ask for the phone, and the place when none is known (the
    default station is no place of the worker's: 青岛 must not be named to a worker in 深圳).
    The station's next opening is said when its place is known (HH-14 asked 啥时候上班 twice).
    With no place, whose hours these were and that the worker's own station may be open now
    (YT-11: 13:21 on a Monday, the city centre's lunch break, said as 工作站现在不在服务时间)."""
    if place_known:
        when = f"，{call_back_at(opens)}上班" if opens else ""
        return (f"{station}现在不在服务时间{when}。请留下手机号，上班后工作人员给您回电；"
                f"着急的事可以打职工服务热线 12351；有危险请马上打 110 或 120。")
    if opens and station:
        return (f"您还没说在哪儿，我先按{station}的时间查的：它现在不在服务时间（{_pause_name(opens)}），"
                f"{call_back_at(opens)}上班。{OWN_STATION_MAY_BE_OPEN}")
    # (紧急情况请拨打 12351 said the union's hotline was an emergency line, XL: 110 / 120 are)
    return ("工会网格工作站现在不在服务时间。请留下您的手机号和所在的城市、区（比如："
            "13812345678 青岛黄岛区），上班后当地的工作人员给您回电；着急的事可以打职工服务热线 12351；"
            "有危险请马上打 110 或 120。")


OWN_STATION_MAY_BE_OPEN = ("各街道工作站的服务时间不一样，有的中午和晚上也有人，您那边的站现在可能就有人："
                           "告诉我您在哪个城市、区、街道（比如：青岛黄岛区辛安街道），我马上查，有人就直接帮您转；也可以留个手机号，"
                           "上班后工作人员给您回电。着急的事可以打职工服务热线 12351；有危险请马上打 110 或 120。")


def place_for_the_person(tracker: Tracker) -> bool:
    """The worker tells their place right after the bot, asked for a person with no place known,
    said the city's centre was closed and asked where they are to check their own station (XH-10:
    现在没人吗？我在黄岛辛安 got 没太明白, 黄岛辛安街道 the menu, the person only at the third ask)."""
    said = slots_set_this_turn(tracker)
    # (18954327761 黄岛 我现在在工地楼顶上 after a crisis reply: the danger and the urgent callback
    # first; 我在辛安街道 after it is the place the check was promised for — XM-16: 我还在这儿 instead)
    text = (tracker.latest_message or {}).get("text") or ""
    return any(said.get(k) for k in ("city", "district")) and _place_asked_for_a_person(tracker, 2) \
        and not said.get("phone") and not (crisis_answered(tracker, earlier_turns=4) and in_danger_now(text))


def _place_asked_for_a_person(tracker: Tracker, turns: int) -> bool:
    """The bot asked, within ``turns`` replies, where the worker is so as to find them a person."""
    return any(said_this_turn(tracker, asked, earlier_turns=turns)
               for asked in ("告诉我您在哪个城市、区、街道", "请留下您的手机号和所在的城市、区"))


# 快点 / 人呢 right after the place was asked to find a person (XL-10: 没太明白)
_HURRY = re.compile(r"^(?:快点|快一点|快些|快|赶紧|赶快|麻烦快点|人呢|咋还没人)[啊呀吧哈!！。.~～]*$")
HURRY_FOR_A_PERSON = ("在帮您找了。您在哪个城市、区、街道？说了我马上查那边的工作站现在有没有人，有人就直接转过去；"
                      "等不及的话可以打职工服务热线 12351，有危险请马上打 110 或 120。")


def hurry_reply(tracker: Tracker, text: str) -> str | None:
    """快点 while a person is being looked for: the one thing still needed, asked again plainly
    (None: not that)."""
    if not _HURRY.match((text or "").strip()) or not _place_asked_for_a_person(tracker, 1):
        return None
    return HURRY_FOR_A_PERSON


def _pause_name(opens: str, now: datetime | None = None) -> str:
    """中午休息 when the station opens again later today after noon, else 已经下班 / 还没上班."""
    try:
        at = datetime.fromisoformat(str(opens).replace("Z", "+00:00"))
    except ValueError:
        return "不在上班时间"
    at = (at if at.tzinfo else at.replace(tzinfo=timezone.utc)).astimezone(BEIJING)
    now = (now or datetime.now(BEIJING)).astimezone(BEIJING)
    if at.date() != now.date():
        return "今天已经下班" if now.hour >= 12 else "不在上班时间"
    return "中午休息" if at.hour >= 12 and now.hour >= 11 else "还没上班"


# 现在不是下午一点多吗 你们不是八点半到晚上七点半上班吗 怎么不在服务时间 right after the closed
# text (YT-11: the generic menu)
_CLOSED_CHALLENGED = re.compile(r"怎么(?:会|就)?不在(?:服务|上班)时间|怎么(?:没人|不上班|下班了)|"
                                r"不是\S{0,14}(?:上班|服务|有人)\S{0,2}吗|现在不是\S{0,8}(?:点|上班)\S{0,4}吗|"
                                r"明明\S{0,8}(?:上班|有人|服务)")
_CLOSED_AT = re.compile(r"按(\S+?)的时间查的：它现在不在服务时间（([^）]+)），"
                        r"(\d{1,2}月\d{1,2}日（周.）\d{1,2}:\d{2})上班")
CLOSED_EXPLAINED = ("刚才您没说在哪儿，我是按{station}的时间说的：它{pause}，{opens}上班。您说的时间可能是别的"
                    "工作站的——各街道工作站的服务时间不一样，您那边的站现在可能正有人。告诉我您在哪个城市、区、街道，"
                    "我马上查，有人就直接帮您转人工；着急的话现在就打职工服务热线 12351。")


def closed_challenged_reply(tracker: Tracker, text: str) -> str | None:
    """The worker disputes the closed text said with no place (None: not that): whose hours
    were meant, and the place asked so that their own station can be checked."""
    if not _CLOSED_CHALLENGED.search(text or ""):
        return None
    for event in reversed(tracker.events[-8:]):
        if event.get("event") == "bot" and (said := _CLOSED_AT.search(event.get("text") or "")):
            return CLOSED_EXPLAINED.format(station=said.group(1), pause=said.group(2), opens=said.group(3))
    if said_this_turn(tracker, "工会网格工作站现在不在服务时间", earlier_turns=1):
        return ("刚才您没说在哪儿，我没法按您那边工作站的时间查。" + OWN_STATION_MAY_BE_OPEN)
    return None


CRISIS_AGAIN = ("您的安全最重要。现在就有人接的电话：心理援助热线 12356、400-161-9995；有危险请马上打 "
                "110 或 120。工会的工作人员也会尽快联系您。")
NO_PHONE_NO_CALLBACK = ("不留电话也可以。现在工作人员不在岗，没法马上接；{when}后，您可以直接打 "
                        "{phone}，也可以那时再来这里说“转人工”。着急的事现在就打职工服务热线 12351。")


_CALLBACK_FILED = re.compile(r"已为您登记回电工单，工单号 (GH\d+)")
CALLBACK_STANDS = ("您的回电已经登记了（工单号 {ticket}），工作人员一上班就第一时间给您打电话。我一直在这儿，"
                   "您想说什么都可以跟我说。")
# (YP-13: 现在没有工作人员在岗 was said at 10:40 on a Monday, the station open)
CALLBACK_STANDS_PLAIN = ("您的回电已经登记了（工单号 {ticket}），工作人员会按您留的手机号和时间打过来；"
                         "着急的事现在就打职工服务热线 12351。")
_WHEN_ASKED = re.compile(r"晚上|夜里|半夜|几点|什么时候|啥时候|明天|周末|周[六日天]|礼拜|星期|有人吗|有人不|"
                         r"一个人都没|没人|都不在")
WHEN_SOMEONE_IS_THERE = ("现在没有工作人员在岗，{back}。请留下手机号{place}，上班后工作人员第一时间"
                         "给您回电，想几点接电话也可以一起说；着急的事现在就打职工服务热线 12351。")


# 已为您转接…的工作人员，您是下一位 / 您已经在排队了（前面还有 1 位在等待）: where the worker was told they stand
_QUEUE_TOLD = re.compile(r"(?:已为您转接(\S+?)的工作人员，|排队(?:等\S*?)?（)(?:您是下一位|前面还有 (\d+) 位)")
_QUEUED_AT = re.compile(r"已为您转接(\S+?)的工作人员")
# 等半天了没人 / 怎么还没人 / 还得等多久 (VL-14: the complaint unheard)
_COMPLAINS_OF_WAIT = re.compile(r"等(?:了)?(?:半天|好久|很久|老半天|这么久|一会儿?了|了|死)|"
                                r"怎么还(?:没|不)|咋还(?:没|不)|还得等|还要等|太慢|没人(?:理|管|回|接)?|急死")


def queue_words(tracker: Tracker, station: str, ahead: int) -> str:
    """Where the worker stands, in words that agree with what they were told before (VL-14: 您是下一位,
    then 前面还有 1 位 with no word why): a place lost to a worker in crisis, who is taken first, is said so."""
    now = "您是下一位" if ahead == 0 else f"前面还有 {ahead} 位在等待"
    for text in recent_replies(tracker, 12):
        if told := _QUEUE_TOLD.search(text):
            if told.group(1) and told.group(1) != station:
                return now  # (the queue moved to the station of a place named since)
            before = int(told.group(2) or 0)
            if ahead > before:
                was = "您是下一位" if before == 0 else f"前面还有 {before} 位"
                return (f"刚才说{was}，这会儿有情况紧急的职工排到了前面（紧急情况按规定先接），"
                        f"现在前面还有 {ahead} 位在等待")
            return now
    return now


def waited_words(tracker: Tracker, record: dict) -> str:
    """让您久等了 and how long the worker has waited, when they say the wait is long (VL-14: 等半天了没人
    — not heard); empty otherwise."""
    text = (tracker.latest_message or {}).get("text") or ""
    if not _COMPLAINS_OF_WAIT.search(text):
        return ""
    minutes = int(record.get("waiting_seconds") or 0) // 60
    return f"让您久等了，不好意思（您已经等了约 {minutes} 分钟）。" if minutes >= 1 else "让您久等了，不好意思。"


def queued_station_name(tracker: Tracker, turns: int = 12) -> str | None:
    """The station this conversation was queued at, as the handoff's reply named it (None: not queued)."""
    return next((found.group(1) for text in recent_replies(tracker, turns) if (found := _QUEUED_AT.search(text))),
                None)


async def queued_station(tracker: Tracker) -> dict | None:
    """The record of the station the conversation waits at (None: not queued, or the backend cannot say)."""
    return await _station_named(queued_station_name(tracker))


async def _station_named(name: str | None) -> dict | None:
    """The backend's record of the station of that name (None: no name, or the backend cannot say)."""
    if not name:
        return None
    try:
        listed = (await client().request("GET", "/stations")).get("stations") or []
    except (BackendError, BackendUnavailable):
        return None
    return next((st for st in listed if st.get("name") == name), None)


_CHALLENGED = "我是工会的智能助手（机器人），不是真人。"


async def queued_challenge(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]] | None:
    """你是不是机器人 等半天了没人 while queued for a person (VL-14: told to say 转人工, which the worker had
    said; the wait unheard): who answers, and where they stand in the queue — None when not queued."""
    text = (tracker.latest_message or {}).get("text") or ""
    if text.startswith("/") or not said_this_turn(tracker, "已为您转接", earlier_turns=8) or callback_filed(tracker):
        return None
    dispatcher.utter_message(text=_CHALLENGED + "您要找的真人工作人员已经在排队了，不用再说“转人工”。")
    return await request_handoff(dispatcher, tracker, tracker.get_slot("handoff_reason") or "worker_request")


def urgent_reason(tracker: Tracker, reason: str) -> str:
    """A crisis stays a crisis: asking for a person again does not make the call wait."""
    waiting = tracker.get_slot(CALLBACK_SLOT)
    earlier = waiting.get("reason") if isinstance(waiting, dict) else None
    return earlier if earlier in URGENT_CALLBACK_REASONS else reason


async def request_handoff(dispatcher: CollectingDispatcher, tracker: Tracker,
                          reason: str) -> list[dict[str, Any]]:
    """Queues the conversation at the station; outside opening hours, a callback ticket (or,
    without a phone, a callback waiting for one: ``callback_pending``)."""
    reason = urgent_reason(tracker, reason)
    crisis_said = said_this_turn(tracker, "400-161-9995") or any(
        m.get("response") == "utter_crisis" or "400-161-9995" in (m.get("text") or "")
        for m in dispatcher.messages)
    if reason == "crisis" and not crisis_said:
        # 打电话有啥用 没人管我 after the crisis reply (N-18): the lines that answer now come
        # first, every time, before anything about the station's hours
        dispatcher.utter_message(text=CRISIS_AGAIN)
    if filed := ticket_filed_here(tracker, _CALLBACK_FILED, last=40):
        # 等到周一我都不在了 / 晚上也有人吗 after the callback was filed (round 20: a second and
        # a third callback ticket): the one filed stands (in a crisis the lines that answer now
        # were said just above)
        stands = CALLBACK_STANDS if reason == "crisis" else CALLBACK_STANDS_PLAIN
        dispatcher.utter_message(text=stands.format(ticket=filed))
        return [SlotSet("handoff_reason", None)]
    city, district = case_place(tracker)
    held = held_ticket(tracker) if reason not in URGENT_CALLBACK_REASONS else None
    if held and held[1] and (place := station_region_place(held[1])):
        city, district = place  # 找个真人 after the ticket: the station that holds it (VK-11: 青岛's centre)
    elif held and not (city or district) and contact_phone(tracker):
        # its station not named (a status told to the phone alone): a callback from the station that holds it
        return [SlotSet("handoff_reason", None), *await callback_for_ticket(dispatcher, tracker, reason, held[0])]
    channel = tracker.get_latest_input_channel() or "rest"
    try:
        record = await client().open_handoff(tracker.sender_id, city, district, reason, channel)
    except BackendUnavailable:
        dispatcher.utter_message(text=UNREACHABLE)  # never silence, least of all in a crisis
        return [SlotSet("handoff_reason", None)]
    station = record["station_name"]
    service = interrupted_case(tracker)
    if record["station_open_now"]:
        ahead = max(0, (record.get("position") or 1) - 1)
        queue = queue_words(tracker, station, ahead)
        if said_this_turn(tracker, "已为您转接", earlier_turns=8):
            # 要等多久 晚上八点还有人吗 / 我留个电话 明天上午打给我 while queued (ZX-10: the
            # same 已为您转接…您是下一位 four times, the phone never taken)
            return [SlotSet("handoff_reason", None),
                    *await still_queued(dispatcher, tracker, record, queue, reason, service)]
        dispatcher.utter_message(
            text=f"已为您转接{station}的工作人员，{queue}，请稍候。"
                 f"着急的话也可以直接打 {record['station_phone']}。")
        if reason == "crisis" and (beside := case_beside_crisis(tracker)):
            # 孩子放学没人管 想找个托管 … 不想活了 while a person is there (XV-16): the 托管 case its own
            dispatcher.utter_message(text=f"您说的“{SERVICE_NAMES.get(beside, beside)}”是另一件事，单独帮您办，"
                                          "不跟找工作人员的事混在一起。")
            offer_service(dispatcher, beside)
        return [SlotSet("handoff_reason", None)]
    # 东莞长安镇 (VD-10: 服务时间我这里没有收录, then 东莞…12月8日（周二）08:30上班 two turns on): another
    # city's union centre has no hours this hotline can tell — neither closed now nor when it opens
    elsewhere = await union_elsewhere(city, district)
    opens = None if elsewhere else record.get("station_opens_at")
    if contact_phone(tracker):
        closed = station if city or district else "工会网格工作站"
        dispatcher.utter_message(text=HOURS_ELSEWHERE_PHONE.format(station=station) if elsewhere
                                 else f"{closed}现在不在服务时间。")
        return [SlotSet("handoff_reason", None),
                *await file_callback(dispatcher, tracker, reason, service)]
    text = (tracker.latest_message or {}).get("text") or ""
    if isinstance(tracker.get_slot(CALLBACK_SLOT), dict) and v.declines_phone(text):
        # 我不要留电话 我要现在就找真人 (N-12): when staff are back, not the same request again
        when = f"{station}{call_back_at(opens)}上班" if opens else "工作站上班"
        dispatcher.utter_message(text=NO_PHONE_NO_CALLBACK.format(when=when,
                                                                  phone=record["station_phone"]))
        return [SlotSet("handoff_reason", None)]
    if said_this_turn(tracker, "不在服务时间", earlier_turns=1) and _WHEN_ASKED.search(text):
        # 晚上也有人吗 / 那我明天几点找谁 right after 现在不在服务时间 (NN-14 got the same text
        # again word for word, CODE-11 the menu): when someone is there, then the same ask
        back = f"{station if city or district else '工作站'}下次上班是{call_back_at(opens)}" if opens \
            else "工作站上班以后才有人"
        # (ZD-09: 和所在的城市、区 asked again, 辛安 known from the station's card)
        dispatcher.utter_message(text=WHEN_SOMEONE_IS_THERE.format(
            back=back, place="" if city or district else "和所在的城市、区"))
    elif not (city or district) and in_a_lookup(tracker):
        # 转人工 right after 没有找到 / 工单号忘了 (XR-14: 您在哪个城市, where nobody needs it): the
        # staff find a ticket by the worker's phone, not by their city
        dispatcher.utter_message(text=LOOKUP_PERSON_CLOSED)
    elif elsewhere:
        dispatcher.utter_message(text=HOURS_ELSEWHERE.format(station=station))
    else:
        dispatcher.utter_message(text=closed_text(station, bool(city or district), opens))
    return [SlotSet("handoff_reason", None),
            SlotSet(CALLBACK_SLOT, {"reason": reason, "service": service})]


TICKET_STATION_CALLS = ("您的工单 {ticket} 在负责的工作站手上，那边的工作人员看得到办理进展，让他们直接给您回电最合适："
                        "就打您刚才核对用的 {phone}，不用再留号码。")


async def callback_for_ticket(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str,
                              ticket: str) -> list[dict[str, Any]]:
    """A person asked for right after a ticket's status that did not name its station (VK-11: queued at
    青岛市总工会 while 西海岸's centre holds her ticket, then her phone asked twice more): a callback filed
    beside that ticket — the backend gives it to the station holding the ticket — on the phone given."""
    phone = mask_phone(contact_phone(tracker) or "")
    dispatcher.utter_message(text=TICKET_STATION_CALLS.format(ticket=ticket, phone=phone))
    return await file_callback(dispatcher, tracker, reason, interrupted_case(tracker))


HOURS_ELSEWHERE = ("{station}是当地总工会的服务中心，不是本热线的工会网格工作站，它的服务时间我这里没有收录，"
                   "没法直接帮您转过去。请留下手机号，我把您的事登记上转给那边，工作人员会给您回电；现在就想找人，"
                   "可以打职工服务热线 12351 转当地工会；有危险请马上打 110 或 120。")
HOURS_ELSEWHERE_PHONE = "{station}的服务时间我这里没有收录，先给您登记回电。"


async def union_elsewhere(city: str | None, district: str | None) -> bool:
    """The worker's place is served by another city's union centre, not one of this hotline's own
    stations (False when no place is known or the backend cannot say)."""
    if not (city or district):
        return False
    _, station = await place_station(city, district)
    return bool(station) and not is_own_station(station)


LOOKUP_PERSON_CLOSED = ("工会网格工作站现在不在服务时间。帮您查工单不用说在哪儿：请留下能接电话的手机号（登记工单时"
                        "留的要是另一个号，也一起说一下），工作人员上班后核实您的身份、找到工单给您回电；"
                        "着急的话可以打职工服务热线 12351。")


QUEUED_IN_CRISIS = ("您在排队等工会的工作人员（{queue}），一接上就在这里回复您。"
                    "等的时候心理援助热线 12356、400-161-9995 24 小时有人接，现在就可以打；"
                    "有危险马上打 110 或 120。我也在这儿，您想说什么都可以跟我说。")
QUEUED_AGAIN = ("您已经在排队了（{queue}），工作人员一接上就在这里回复您，不用再说一遍。不想等的话，留个手机号和方便"
                "接电话的时间，工作人员给您回电；着急也可以直接打 {phone}。")


# 还要等多久 / 人工来了能看到不 while queued (YN-11: 请告诉我工单号, then another answer repeated)
_WAIT_ASKED = re.compile(r"等多久|要等|还得等|排到|轮到|几个人|多长时间|多久能|什么时候来|啥时候来|来了能|能看到|"
                         r"看得到|还在排|排队|排第几|第几个|第几位|前面还有")  # (我现在排第几, YP-13: 帮不上忙)
WAIT_REPLY = ("您在排队等工作站的工作人员，一接上就在这个对话里回复您，您说过的他们都能看到，不用再说一遍。"
              "不想等的话，留个手机号和方便接电话的时间，工作人员给您回电；着急也可以直接打 12351。")


# 我是上夜班的保安 一般都是半夜十二点以后才有空 那个点还有人工吗 (YN-12: 没太明白); 要是晚上下了班再找你们
# 有人管吗 / 你们晚上几点下班 下班以后找谁 / 工作人员下班了 晚上俺有急事打哪个电话 (YS-15: 没明白 twice)
_WHEN_STAFF = re.compile(r"(?:半夜|夜里|夜间|深夜|凌晨|晚上|那个点|那时候|那会儿?|那个时候|几点|周末|礼拜天|"
                         r"周日|星期天|星期日|礼拜日|周六|星期六|礼拜六|早上|上午|中午|下午|傍晚|"
                         r"节假日|过年|下班(?:了|以后|之后|后))[^，,。？?！!]{0,10}?"
                         r"(?:有人工|有没有人|还有人|有人吗|有人不|有人没|有没人|有人在|有人上班|有人值班|有人管|谁管|没人管|"
                         r"(?:就|都)?没(?:有)?人了|"  # 晚上几点以后就没人了 (VL-14: never answered)
                         r"找(?:得|到|得到|着|得着|得见)人|有人接|"
                         r"找谁(?!要|讨|说理)|人工|值班|"
                         r"打(?:哪个|什么|啥)电话|打哪)|人工\S{0,3}(?:几点|啥时候|什么时候)(?:上班|下班)|"
                         r"(?:你们|工作人员|工作站|工会)\S{0,4}几点(?:下班|关门)")
# 晚上加班到十点 有人管吗: the worker's own hours, a labour question (not when staff are there)
_OWN_WORK_HOURS = re.compile(r"加班|加点|夜班费|干到|上到")
STAFF_HOURS = ("工会网格工作站的工作人员白天上班，半夜和凌晨没有人在岗；各站的服务时间不一样，告诉我您在哪个区、街道，"
               "我把那边工作站的时间和电话告诉您。您也可以现在留个手机号和方便接电话的时间（比如“下午两点以后”），"
               "工作人员上班后按这个时间给您回电；在这里留言，工作人员上班后也能看到。")


# (VK-11: 您也可以现在留个手机号 — the phone given a turn before to look the ticket up; asked again after
# 手机号刚才不是给你了吗): with the phone known, the time to call is all that is asked
STAFF_HOURS_PHONE = ("工会网格工作站的工作人员白天上班，半夜和凌晨没有人在岗；各站的服务时间不一样，"
                     "告诉我您在哪个区、街道，我把那边工作站的时间和电话告诉您。您的手机号 {phone} 我这里有，不用再留："
                     "说个方便接电话的时间"
                     "（比如“下午两点以后”），工作人员上班后按这个号码和时间给您回电；在这里留言，工作人员上班后也能看到。")


def _phone_known_line(tracker: Tracker | None) -> str | None:
    """The masked phone the worker gave in this conversation (None: none given)."""
    phone = contact_phone(tracker) if tracker is not None else None
    return mask_phone(phone) if phone else None


def staff_hours_reply(text: str, tracker: Tracker | None = None) -> str | None:
    """When a person is there, asked by a worker who is free only at night (None: not asked,
    or asked in a crisis: then the person and the lines, never office hours)."""
    if tracker is not None and crisis_answered(tracker, earlier_turns=10):
        return None
    if _OWN_WORK_HOURS.search(text or "") or not _WHEN_STAFF.search(text or ""):
        return None
    return STAFF_HOURS_PHONE.format(phone=phone) if (phone := _phone_known_line(tracker)) else STAFF_HOURS


STAFF_HOURS_MARK = "半夜和凌晨没有人在岗"  # (its first words are also those of a queue's station name)


# 晚上十点有人不？周末呢？ with 辛安 known (YR-09, YQ-12: 告诉我您在哪个区、街道 — the place given a
# message before): the hours of the worker's own station
STAFF_HOURS_AT = ("{name}的服务时间：{hours}（{now}）。这些时间以外没有工作人员在岗：您可以在这里留言，或者留个手机号和"
                  "方便接电话的时间，工作人员上班后给您回电；着急的事可以打{phone}职工服务热线 12351，"
                  "遇到危险请马上打 110 或 120。")
STAFF_HOURS_AT_PHONE = ("{name}的服务时间：{hours}（{now}）。这些时间以外没有工作人员在岗：您可以在这里留言；"
                        "您的手机号 {mine} 我这里有，不用再留，说个方便接电话的时间，工作人员上班后按这个号码给您回电；"
                        "着急的事可以打{phone}职工服务热线 12351，遇到危险请马上打 110 或 120。")


async def staff_hours_for_place(tracker: Tracker, text: str) -> str | None:
    """:func:`staff_hours_reply`, with the hours of the station of the place the worker told
    (the general line when no place is known or the backend cannot say)."""
    if (general := staff_hours_reply(text, tracker)) is None:
        return None
    return await station_hours_at_place(tracker) or general


async def station_hours_at_place(tracker: Tracker) -> str | None:
    """The hours of the station of the place the worker told (None: no place known, or the
    backend cannot say)."""
    city, district = case_place(tracker)
    if not (city or district):
        # 你们人工几点下班 while queued at 青岛市总工会职工服务中心 (VL-14: 告诉我您在哪个区 — the station the
        # worker waits at was named, its hours on record): that station's hours; else those of the station
        # that holds the ticket in talk (VK-11: 告诉我您在哪个区、街道, her ticket's station named)
        station = await queued_station(tracker) or await _station_named(
            (held_ticket(tracker, turns=8) or ("", None))[1]) or {}
    else:
        try:
            station = (await client().resolve(city, district)).get("station") or {}
        except (BackendError, BackendUnavailable):
            return None
    if not known_hours(station) or not station.get("name"):
        return None  # (福田: another city's union, hours of no record — XV-9; the general line is said)
    now = "现在正在服务时间" if station.get("open_now") else "现在不在服务时间"
    text = (tracker.latest_message or {}).get("text") or ""
    verdict = asked_time_verdict(station["hours"], text)  # 晚上八点还有人吗 (XB-8: no yes or no)
    said = {"name": station["name"], "hours": hours_text(station["hours"]), "now": now,
            "phone": _or_phone(station.get("phone"))}
    mine = _phone_known_line(tracker)
    return (f"{verdict}。" if verdict else "") + (
        STAFF_HOURS_AT_PHONE.format(mine=mine, **said) if mine else STAFF_HOURS_AT.format(**said))


def _or_phone(phone: str | None) -> str:
    """' 0532-88881234 或' before the hotline — nothing when the station's phone is the hotline
    itself (打 12351 或职工服务热线 12351, XJ-13)."""
    phone = str(phone or "")
    return f" {phone} 或" if phone and not phone.endswith("12351") else ""


async def place_for_the_hours(tracker: Tracker) -> str | None:
    """黄岛区辛安街道 right after the hours line asked for the place (YW-14: 收到，您说的我记下了 and
    the menu): that station's hours (None: not that)."""
    said = slots_set_this_turn(tracker)
    if not said_this_turn(tracker, STAFF_HOURS_MARK, earlier_turns=1) \
            or not any(said.get(k) for k in ("city", "district")):
        return None
    return await station_hours_at_place(tracker)


def staff_hours_said(tracker: Tracker) -> bool:
    """Either hours line was the bot's last reply (not said twice in a row)."""
    return said_this_turn(tracker, STAFF_HOURS_MARK, earlier_turns=1) \
        or said_this_turn(tracker, "这些时间以外没有工作人员在岗", earlier_turns=1)


WAIT_AGAIN = ("现在排第几，要看工作人员手上的事，我这里说不准；工作人员按顺序接，一接上就在这里回复您。等不及的话，"
              "留个手机号和方便接电话的时间，工作人员回电；着急也可以直接打 12351。")


def queued_wait_reply(tracker: Tracker, text: str) -> str | None:
    """The reply to a question about the wait, while the conversation is queued (None: not that)."""
    return _queued_wait_text(tracker) if _WAIT_ASKED.search(text or "") else None


def _queued_wait_text(tracker: Tracker) -> str | None:
    """What the wait is, while the conversation is queued for a person (None: not queued) — not the
    same text twice in a row (我现在排第几 right after it, YP-13: 帮不上忙)."""
    if not said_this_turn(tracker, "已为您转接", earlier_turns=8):
        return None
    return WAIT_AGAIN if said_this_turn(tracker, WAIT_REPLY[:12], earlier_turns=1) else WAIT_REPLY


# 有人吗 / 在吗 / 人呢 while queued: whether anyone is there, not a new hello (XF-11: the menu)
_ANYONE_THERE = re.compile(r"^(?:喂|您好|你好|哈喽)?[，,。 ]*(?:有人吗|有没有人|有人没|有人不|在吗|在不在|在不|人呢|"
                           r"还在吗|还有人吗)[?？。！!~～ ]*$")


def queued_hello_reply(tracker: Tracker, text: str) -> str | None:
    """The reply to 有人吗 while the conversation is queued for a person (None: not that)."""
    if not _ANYONE_THERE.match((text or "").strip()):
        return None
    return "在的。" + waiting if (waiting := _queued_wait_text(tracker)) else None


def queued_phone_left(tracker: Tracker) -> bool:
    """The worker, queued at the station, leaves a phone this turn (and no callback is filed yet)."""
    text = (tracker.latest_message or {}).get("text") or ""
    # (不用转人工 我就问问 再查一下 GH… 手机138…, XD-8: a callback filed — the phone was the lookup's)
    return said_this_turn(tracker, "已为您转接", earlier_turns=8) and bool(slots_set_this_turn(tracker).get("phone")) \
        and not callback_filed(tracker) and not v.ticket_id(text).ok and not withdraws_the_handoff(tracker, text)


async def callback_while_queued(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str,
                                service: str | None) -> list[dict[str, Any]]:
    """A phone left while queued: the callback, at the time the worker said. After a crisis the
    callback stays urgent and the worker stays in the queue (YP-16: 15066218843 晚上八点以后我才醒
    made a routine callback due in two days)."""
    if crisis_answered(tracker, earlier_turns=12):
        # (in danger now — 我现在在工地楼顶上 — the danger line comes first, from file_callback)
        events = await file_callback(dispatcher, tracker, "crisis", service)
        dispatcher.utter_message(text="您也还在排队，工作人员一接上就在这里回复您。撑不住的时候，12356、400-161-9995 "
                                      "24 小时有人接。")
        return events
    dispatcher.utter_message(text="好的，不用在这儿等了，工作人员按您留的手机号给您回电。")
    return await file_callback(dispatcher, tracker, reason, service)


async def still_queued(dispatcher: CollectingDispatcher, tracker: Tracker, record: dict, queue: str,
                       reason: str, service: str | None) -> list[dict[str, Any]]:
    """A queued worker who writes again: a phone or a wish to be called back is a callback
    (the queue need not be waited in); anything else is told where they stand, once."""
    text = normalize_text((tracker.latest_message or {}).get("text") or "")  # (打給我: traditional)
    if contact_phone(tracker) and (slots_set_this_turn(tracker).get("phone") or asks_for_callback(text)):
        return await callback_while_queued(dispatcher, tracker, reason, service)
    if phone := contact_phone(tracker):
        # (YM-14: the phone given already was asked for again)
        dispatcher.utter_message(text=waited_words(tracker, record)
                                 + f"您已经在排队了（{queue}），工作人员一接上就在这里回复您。不想等的话，工作人员可以"
                                      f"按您留的 {mask_phone(phone)} 回电，说个方便接电话的时间就行。")
        return []
    if reason == "crisis" or crisis_answered(tracker, earlier_turns=12):
        # 我在广州 这么晚了也有人吗 after the crisis reply (XD-16: only 您已经在排队了): the lines that
        # answer at any hour come with where they stand
        dispatcher.utter_message(text=QUEUED_IN_CRISIS.format(queue=queue))
        return []
    dispatcher.utter_message(text=waited_words(tracker, record)
                             + QUEUED_AGAIN.format(queue=queue, phone=record["station_phone"]))
    return []


# 我就问问 不用转人 / 刚才那个转人工取消了没, while queued (YR-08: the queue stayed, 不用转人 unheard)
_WITHDRAWN = re.compile(r"(?:不用|不要|别|不|取消)(?:再)?(?:给我)?(?:转人工|转人|转接|转了|找人工|人工了)|"
                        r"转人工(?:的事)?(?:取消|不要了|算了|不用了)|人工(?:就)?不用了")
WITHDRAWN_TEXT = "好的，已取消转人工，不会有工作人员来接这个对话了；以后需要，随时说“转人工”。"
TAKEN_ALREADY = "工作人员已经接进来了，您有什么直接跟他说就行；不需要的话，跟他说一声就好。"


def withdraws_the_handoff(tracker: Tracker, text: str) -> bool:
    """The worker, queued at a station a moment ago, says they want no person now — never
    after a crisis reply: that queue stays."""
    return said_this_turn(tracker, "已为您转接", earlier_turns=6) and not text.startswith("/") \
        and bool(declines_a_person(text) or _WITHDRAWN.search(text)) \
        and not crisis_answered(tracker, earlier_turns=12)


async def withdraw_handoff(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Takes the conversation out of the station's queue, and says so (a person already
    talking to the worker stays)."""
    try:
        result = await client().withdraw_handoff(tracker.sender_id)
    except (BackendError, BackendUnavailable):
        dispatcher.utter_message(text="好的，不转人工了；工作人员要是还接进来，跟他说一声不用了就行。")
        return
    dispatcher.utter_message(text=WITHDRAWN_TEXT if result.get("withdrawn") else TAKEN_ALREADY
                             if said_this_turn(tracker, "已接入", earlier_turns=6) else "好的，不转人工。")


class ActionHandoffRequest(SafeAction):
    """The worker asked for a person (also mid-form)."""

    def name(self) -> str:
        return "action_handoff_request"

    async def act(self, dispatcher, tracker, domain):
        if listening := listening_reply(tracker, (tracker.latest_message or {}).get("text") or ""):
            dispatcher.utter_message(text=listening)  # 不想打电话 跟你说说行不 (ZF-12)
            return []
        text = (tracker.latest_message or {}).get("text") or ""
        if not insists_on_a_person(text) and (wrong := short_ticket_number_reply(text)):
            # 号是GH20261208001 咋没人给我打电话 (VF-16: an out-of-hours reply about where he is): the number
            # is wrong — said so, and the phone look-up offered
            dispatcher.utter_message(text=wrong)
            return [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name else []
        if not tracker.get_slot("handoff_reason") and not insists_on_a_person(text) \
                and (when := when_called_reply(tracker)):
            # 工作人员啥时候联系我 都两天了 after a lookup (XH-12: a second ticket, at the city's centre)
            dispatcher.utter_message(text=when)
            return [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name else []
        if not tracker.get_slot("handoff_reason") and not insists_on_a_person(text) and asks_who_handles(text) \
                and (status := status_in_talk(tracker)) and (who := ticket_station_reply(tracker, status)):
            # 是哪个站管的 俺能直接打电话过去问不 after the ticket's status (VI-11: a callback ticket, routed to the
            # city's centre): who handles the ticket and the number to call, no ticket opened
            dispatcher.utter_message(text=who + ("" if "12351" in who else "也可以打职工服务热线 12351，报工单号问。"))
            return [ActiveLoop(None), SlotSet("requested_slot", None)] if tracker.active_loop_name else []
        if not tracker.get_slot("handoff_reason") and not insists_on_a_person(text) \
                and wish_about_the_ticket(text) and (ticket_filed_here(tracker, last=120) or status_in_talk(tracker)) \
                and (noted := await note_on_ticket(dispatcher, tracker)) is not None:
            # 啥时候有人联系我 right after the wage ticket (ZQ-01: a second, callback ticket): when
            # the station calls, and the wish written on the ticket filed
            return noted
        if not tracker.get_slot("handoff_reason") and not insists_on_a_person(text) \
                and station_detail_reply(tracker) is None and not staff_hours_said(tracker) \
                and (when := await staff_hours_for_place(tracker, text)):
            dispatcher.utter_message(text=when)  # 就是问 半夜有没有人工 (YN-12: queued, never answered)
            return []
        if not tracker.get_slot("handoff_reason") and not insists_on_a_person(text) \
                and (hours := station_detail_reply(tracker)) is not None:
            # 礼拜天呢 俺下班都快八点了 去了还有人吗 right after a station's card (RR-10: a
            # handoff, and the place asked again): whether someone is there, from the card
            dispatcher.utter_message(text=hours)
            return []
        reason = tracker.get_slot("handoff_reason") or (
            "psych_support" if after_psych_support(tracker) else "worker_request")
        if not said_this_turn(tracker, "已为您转接", earlier_turns=8):
            # (said here, not by the rule: a worker who wants to talk after the crisis reply is not told
            # 帮您找工作人员, ZF-12; nor one already queued, VL-14: 我已经说转人工了)
            dispatcher.utter_message(response="utter_request_human")
        events = await request_handoff(dispatcher, tracker, reason)
        if (when := await staff_hours_for_place(tracker, text)) and not staff_hours_said(tracker):
            dispatcher.utter_message(text=when)  # 转人工 晚上下班以后还有人吗 (YR-16: the question ignored)
        return events


def after_psych_support(tracker: Tracker) -> bool:
    """转人工 right after the psychological-support answer: a worker in distress, whose
    callback is as urgent as a crisis."""
    return said_this_turn(tracker, PSYCH_INVITE, earlier_turns=2)
