"""Two-stage fallback: ask to rephrase once, then offer a person."""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions import validators as v
from actions.common import location, said_this_turn
from actions.crisis import (
    CRISIS_DECLINED,
    CRISIS_STILL_HERE,
    DANGER_NOW_LINE,
    STILL_LISTENING,
    case_question_after_crisis,
    crisis_answered,
    crisis_check_in,
    crisis_money_line,
    declines_to_say,
    in_danger_now,
    is_crisis,
    listening_reply,
    money_after_crisis,
    safe_now_check_in,
    stays_with_person,
    still_listening,
)
from actions.fact_tables import CASE_FACTS, owed_sum_told, owed_total_reply
from actions.facts import answer_fact, answer_in_topic, is_question, recent_words
from actions.handoff import (
    PSYCH_INVITE,
    asks_for_a_person,
    asks_for_callback,
    callback_filed,
    callback_while_queued,
    closed_challenged_reply,
    file_waiting_callback,
    hurry_reply,
    place_for_the_hours,
    place_for_the_person,
    queued_challenge,
    queued_phone_left,
    queued_wait_reply,
    request_handoff,
    staff_hours_for_place,
    staff_hours_said,
    withdraw_handoff,
    withdraws_the_handoff,
)
from actions.in_kind import in_kind_pay_reply
from actions.legal import day_pay_lines, national_rule_line, reading_reply, shortfall_reply, sums_for
from actions.places import places_asked_lines, resolve_place
from actions.relief import asks_help_not_medical, family_cover_line, help_not_medical
from actions.router import (
    ActionStartService,
    asks_what_i_can_do,
    asks_where_or_when,
    days_after_figure,
    divisor_reply,
    flow_to_redo,
    overtime_total,
    own_case_offered,
    pay_to_compare,
    period_follow_up,
    place_follow_up,
    service_from_facts,
    take_back,
)
from actions.service_catalog import services_meant
from actions.services import (
    TICKET_NOT_FOUND,
    answer_in_service_topic,
    answer_the_rest,
    face_to_face_reply,
    follow_up_service,
    lookup_retry,
    psych_room_asked_after,
    wants_registration,
)
from actions.slot_checks import slots_set_this_turn, told_text
from actions.station_followup import same_station_reply, station_detail_reply, ticket_station_reply
from actions.tickets import (
    correct_filed_phone,
    fixed_number_lookup,
    note_on_ticket,
    others_covered_asked,
    others_sign_up_reply,
    ticket_filed_here,
    wish_about_the_ticket,
)
from actions.who_we_are import say_who_we_are

FALLBACK_INTENT = "nlu_fallback"
HEARD_TEXT = ("谢谢您愿意跟我说。这些事憋在心里很累，工会的心理疏导老师和网格员可以好好听您说、"
              "帮您想办法。要不要我帮您转给工作人员？")
def said_the_menu(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """你们能干啥: the greeting's menu is the answer (True when said)."""
    if not asks_what_i_can_do(tracker.latest_message.get("text") or ""):
        return False
    dispatcher.utter_message(response="utter_greet")
    return True


async def say_fact_answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Answers a question about a figure on record, whatever the NLU made of it (a question
    in traditional characters read as out of scope is still a question): True when said."""
    answer = await answer_fact(tracker)
    for line in answer or []:
        dispatcher.utter_message(text=line)
    return bool(answer)


def consecutive_fallbacks(tracker: Tracker) -> int:
    """How many of the worker's latest messages in a row the NLU did not understand."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        if (event.get("parse_data") or {}).get("intent", {}).get("name") != FALLBACK_INTENT:
            break
        count += 1
    return count


_URGENT_NOW = re.compile(r"急事|着急|急着|很急|现在找谁|找谁|现在有人|有没有人")
URGENT_NOW_TEXT = ("现在工作站不在服务时间。着急的事请打职工服务热线 12351；遇到危险请马上打 110 或 120，"
                   "心里难受可以打 12356 或 400-161-9995。也可以点“转人工”留个电话，上班后工作人员第一时间回电。")
# 那你们几点上班？明天能打过来吗 after the closed station's text (V-13 got 没明白)
_WHEN_BACK = re.compile(r"几点|什么时候|啥时候|明天|后天|上班|开门|回电|打过来|打给我|打电话|多久|"
                        r"晚上|夜里|周末|礼拜|星期|节假日")
# 晚上有人吗 after the closed text (XX-12 got the welcome): nobody is on line out of hours
_NIGHT_OR_WEEKEND = re.compile(r"(?:晚上|夜里|半夜|夜间|周末|礼拜|星期|节假日)\S{0,4}(?:有人|有没有人|值班|在吗|在不)")
NOBODY_NOW_TEXT = "不在服务时间（晚上、周末和节假日）工作站没有工作人员在线。"
WHEN_BACK_TEXT = ("工作人员上班后就按您留的手机号回电（一般是下一个工作日，各工作站的服务时间不同）。"
                  "请留下手机号和所在的城市、区（比如：13812345678 青岛黄岛区）；着急的事现在就打职工服务热线 12351。")
NOT_FOUND_NEXT = ("工单号和手机号要和登记时的一模一样才能查到。您可以再查一次（工单号是 GH 开头的"
                  "一串数字，在登记时的回复里）；也可以转给工作人员，他们能帮您核对。")
NOT_FOUND_BUTTONS = [{"title": "再查一次", "payload": "/ticket_status"},
                     {"title": "转人工", "payload": "/request_human"}]


async def callback_reply(dispatcher: CollectingDispatcher,
                         tracker: Tracker) -> list[dict[str, Any]] | None:
    """A message about the promised callback, whatever the NLU made of it: the phone given
    (or 电话刚给你了) files it; 我就是要人给我回电话 asks for it. None: not about a callback."""
    filed = await file_waiting_callback(dispatcher, tracker)
    if filed is not None:
        return filed
    if not asks_for_callback(tracker.latest_message.get("text") or ""):
        return None
    if ticket_filed_here(tracker, last=120) and wish_about_the_ticket(tracker.latest_message.get("text") or ""):
        return None  # 那多久有人联系我 刘跑了找谁要啊 after filing (ZW-01: handed over): the ticket's call
    ticket = callback_filed(tracker)
    if ticket:  # filed a moment ago: not a second ticket for the same call
        dispatcher.utter_message(text=f"回电已经登记好了，工单号 {ticket}。工作人员上班后会打您留的"
                                      "电话，请保持手机畅通；着急的话请拨打职工服务热线 12351。")
        return []
    return await request_handoff(dispatcher, tracker, "worker_request")


def owed_sum_after_crisis(tracker: Tracker, text: str) -> bool:
    """还有一万二没给呢 / 一万二啊 within a few turns of the crisis reply (XQ: heard as talk — the listening
    line — and the sum owed never taken up for the wage case): a sum of pay owed told, no form open."""
    return not text.startswith("/") and not tracker.active_loop_name and not is_crisis(text) \
        and crisis_answered(tracker, earlier_turns=6) \
        and owed_sum_told(text, slots_set_this_turn(tracker), recent_words(tracker, limit=3))


def not_found_next_steps(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """那咋办 我记得就是这个号 right after a ticket was not found: the ways on, not 没明白."""
    if tracker.active_loop_name or not said_this_turn(tracker, TICKET_NOT_FOUND, earlier_turns=1):
        return False
    dispatcher.utter_message(text=NOT_FOUND_NEXT, buttons=NOT_FOUND_BUTTONS)
    return True


class ActionFallbackStep(Action):
    def name(self) -> str:
        return "action_fallback_step"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if (same := same_station_reply(tracker)) is not None:
            dispatcher.utter_message(text=same)  # 沂河路社区那个跟这个是一个吗 礼拜天开不 (VB-10: the card alone)
            return []
        if not tracker.active_loop_name and (fixed := fixed_number_lookup(dispatcher, tracker)) is not None:
            return fixed  # 哦 是0014 right after a misread ticket number (VL-15: 没太明白)
        understood = await understood_anyway(dispatcher, tracker, domain)
        if understood is not None:
            # (the other question of the message, when the reply left it unanswered — VB-16)
            return understood + await answer_the_rest(dispatcher, tracker, understood)
        if consecutive_fallbacks(tracker) >= 2:
            dispatcher.utter_message(response="utter_offer_human")
            return []
        dispatcher.utter_message(response="utter_ask_rephrase")
        # Forget the message so an open form picks up where it was.
        return [UserUtteranceReverted()]


# a question said as one (觉得自己没啥用 is no question: 啥 alone reads as one)
_ASKS_PLAINLY = re.compile(r"[?？吗]|怎么|咋办|咋整|能不能|可不可以|行不行|多少|哪里|在哪|什么时候|几点")


def corrected_facts(tracker: Tracker) -> dict[str, Any]:
    """The case facts a correction said with no form open changed (公司名说错了 是鑫盛建材)."""
    text = tracker.latest_message.get("text") or ""
    if tracker.active_loop_name or not v.is_correction(text):
        return {}
    return {k: val for k, val in slots_set_this_turn(tracker).items()
            if k in CASE_FACTS and val not in (None, v.UNKNOWN)}


# 看看 / 帮我看看 / 看一下吧 / 好 看看: yes to 要不要我再帮您看看您自己的情况
_LOOK_AT_IT = re.compile(r"^(?:好|行|嗯|要|可以|麻烦)?[的啊吧，, ]*(?:帮我|给我|你)?(?:看看|看一下|瞅瞅|瞧瞧|看|瞅|瞧)"
                         r"(?:我的情况)?[吧呗啊呀。！!]*$")


async def _place_in_words(tracker: Tracker, text: str) -> list[dict[str, Any]]:
    """The place a message the NLU could not place names (the entities of a fallback fill no
    slot): set, and seen by the flow it starts; [] when it names none or one is held."""
    if tracker.get_slot("city") or tracker.get_slot("district") or text.startswith("/"):
        return []
    named = [str(e.get("value")) for e in (tracker.latest_message or {}).get("entities") or []
             if e.get("entity") in ("district", "city") and e.get("value")]
    found: dict = {}
    for name in named:
        if found := await resolve_place(name) or {}:
            break
    said = {k: val for k, val in found.items() if k in ("city", "district") and val}
    tracker.slots.update(said)
    return [SlotSet(k, val) for k, val in said.items()]


async def understood_anyway(dispatcher: CollectingDispatcher, tracker: Tracker,
                            domain: dict[str, Any]) -> list[dict[str, Any]] | None:
    """A message the NLU could not place (fallback) or put out of scope, answered from what
    the conversation just said: a callback, a station card's hours, a figure, the flow the facts
    point at (None: nothing fits). One path for both: 几点开门 礼拜天有人不 after a station card
    was read as out of scope and got 这个我帮不上忙 (DD-10), while the fallback answered it."""
    text = tracker.latest_message.get("text") or ""
    callback = await callback_reply(dispatcher, tracker)
    if callback is not None:
        return callback
    if await say_who_we_are(dispatcher, tracker):
        return []  # 你们是哪个工会的 (XV-3: 没太明白)
    if rule := national_rule_line(text):
        dispatcher.utter_message(text=rule)  # 这个条例青岛管不管用 (VC-1: never answered, the employer asked again)
        return []
    if hurry := hurry_reply(tracker, text):
        dispatcher.utter_message(text=hurry)  # 快点 after the place was asked for a person (XL-10)
        return []
    if (room := await psych_room_asked_after(tracker)) is not None:
        dispatcher.utter_message(text=room)  # 不要钱的话 在哪 我在黄岛 after the psych lines (p2-22: closed hours)
        return []
    if place_for_the_person(tracker) and not services_meant(text):
        # 现在没人吗？我在黄岛辛安 right after the place was asked to find a person (XH-10: 没太明白)
        return await request_handoff(dispatcher, tracker, "worker_request")
    if waiting := queued_wait_reply(tracker, text):
        dispatcher.utter_message(text=waiting)  # 我现在排第几, read as out of scope (YP-13: 帮不上忙)
        return []
    if queued_phone_left(tracker):
        # 那我留电话吧 15066218843 晚上八点以后我才醒, queued (YP-16: heard, the phone not taken)
        return await callback_while_queued(dispatcher, tracker, "worker_request", None)
    if (noted := await note_on_ticket(dispatcher, tracker)) is not None:
        return noted  # 中午12点到1点方便 / 能催一下不 after a ticket (JJ-12, JJ-13)
    if withdraws_the_handoff(tracker, text) and v.ticket_id(text).ok:
        return await ActionStartService().run(dispatcher, tracker, domain)  # …再查一下 GH… (XD-8)
    if withdraws_the_handoff(tracker, text):
        await withdraw_handoff(dispatcher, tracker)  # 不用转人了 while queued (YR-08)
        if asks_where_or_when(text) and any(location(tracker)):
            # 我不用转人工 就问在哪 几点关门 (XB-16: only 已取消转人工): the station's card
            return await ActionStartService()._start("find_station", dispatcher, tracker, domain)
        return []
    if (back := await take_back(dispatcher, tracker, domain, None)) is not None:
        return back  # 没说不登记啊 要登记 帮我登记 after 先不登记 (YR-01: 没太明白)
    if not text.startswith("/") and v.is_correction(text) and not tracker.active_loop_name \
            and flow_to_redo(tracker):
        # 不对 礼拜天是歇着的 就礼拜六去了 四天 right after the overtime sum (ZI-15: 这个我帮不上忙)
        return await ActionStartService().run(dispatcher, tracker, domain)
    if (room := await face_to_face_reply(tracker)) is not None:
        dispatcher.utter_message(text=room)  # 有没有不打电话 能当面聊聊的地方 (XJ-16: not answered)
        return []
    if listening := listening_reply(tracker, text):
        dispatcher.utter_message(text=listening)  # 不想打电话 跟你说说行不 (ZF-12)
        return []
    if (service := own_case_offered(tracker)) and (_LOOK_AT_IT.match(text.strip()) or v.yes_to_an_offer(text)):
        # 看看 to 要不要我再帮您看看您自己的情况 (XA-10: 没太明白, twice): the button's answer
        return await ActionStartService()._start(service, dispatcher, tracker, domain)
    if (total := overtime_total(tracker, text)) is not None:
        dispatcher.utter_message(text=total)  # 那一共该给多少钱 after the overtime sum (YW-2)
        return []
    if not tracker.active_loop_name and (owed := owed_total_reply(tracker)) is not None:
        dispatcher.utter_message(text=owed)  # 总共是多少钱 after the wage case was filed (XQ-9: 没太明白)
        return []
    if (in_kind := await in_kind_pay_reply(tracker)) is not None:
        dispatcher.utter_message(text=in_kind)  # 管吃管住能不能抵工资, read as out of scope (XQ-6)
        return []
    if (hours := await place_for_the_hours(tracker)) is not None:
        # 黄岛区辛安街道 那到底现在有没有人 (read as out of scope) after the hours line asked the place
        # (XC-13: 这个我帮不上忙): that station's hours
        dispatcher.utter_message(text=hours)
        return []
    if (why := divisor_reply(tracker, text)) is not None:
        dispatcher.utter_message(text=why)  # 为啥除21.75 after the overtime sum (YU-14)
        return []
    if (challenged := closed_challenged_reply(tracker, text)) is not None:
        dispatcher.utter_message(text=challenged)  # 怎么不在服务时间 at 13:21 on a Monday (YT-11: the menu)
        return []
    if station_detail_reply(tracker) is None and not staff_hours_said(tracker) \
            and (hours := await staff_hours_for_place(tracker, text)):
        dispatcher.utter_message(text=hours)  # 半夜十二点以后 那个点还有人工吗 (YN-12: 没太明白)
        return []
    if asks_help_not_medical(text) and not tracker.active_loop_name:
        return await help_not_medical(dispatcher, tracker)  # 房租的事工会能帮一下吗 (XI-9: 没太明白)
    if (asked_after := case_question_after_crisis(tracker, text)) is not None:
        if (line := crisis_money_line(tracker, dispatcher)) is not None:
            dispatcher.utter_message(text=line)  # the case's question after the crisis reply (XZ-14/15; VL-16 once)
        return await ActionStartService()._start(asked_after, dispatcher, tracker, domain)
    check = crisis_check_in(tracker, text)
    if check:
        dispatcher.utter_message(text=check)  # 开玩笑的 right after the crisis reply (ZD-11)
    if (money_after_crisis(tracker, text) and not tracker.active_loop_name) or owed_sum_after_crisis(tracker, text):
        # 打电话有啥用 钱又要不回来 (ZX-12: 没太明白); 还有一万二没给呢 (XQ: the listening line, the sum never
        # taken up): the wage case goes on with what was told, the sum in it
        if not check and (line := crisis_money_line(tracker, dispatcher)) is not None:
            dispatcher.utter_message(text=line)
        return await ActionStartService()._start("wage_arrears", dispatcher, tracker, domain)
    if check:
        if not services_meant(text) and not is_question(text):
            return []  # 我没事 就是说说 别当真 (ZR-15: then 这个我帮不上忙): nothing else to answer
    elif stays_with_person(tracker, text, is_question(text) or wants_registration(text)):
        # 我现在在工地楼顶上 / 打了也没用 after the crisis reply (NN-15 got 没明白 and a wage example)
        dispatcher.utter_message(text=DANGER_NOW_LINE if in_danger_now(text) else
                                 CRISIS_DECLINED if declines_to_say(text) else CRISIS_STILL_HERE)
        return []
    elif still_listening(tracker, text, bool(_ASKS_PLAINLY.search(text)) or wants_registration(text)):
        dispatcher.utter_message(text=STILL_LISTENING)  # 觉得自己没啥用 (YN-15: 没弄明白)
        return []
    if (fixed := await correct_filed_phone(dispatcher, tracker)) is not None:
        return fixed
    if (retry := await lookup_retry(dispatcher, tracker, domain)) is not None:
        return retry
    if (fixed_facts := corrected_facts(tracker)):
        # 单位名写错了 是鑫盛建材 after a legal answer (round 17: 还是没弄明白): the fact is
        # changed, and the worker hears it
        dispatcher.utter_message(text=f"好的，已更正：{told_text(fixed_facts)}。要登记或者接着问，直接说就行。")
        return []
    if not tracker.active_loop_name and said_this_turn(tracker, PSYCH_INVITE, earlier_turns=1):
        # 嗯 工作太累了 after 您愿意说说最近发生了什么吗: the worker is talking, not asking;
        # "please rephrase" would shut them out. A person listens better than the bot.
        dispatcher.utter_message(text=HEARD_TEXT, buttons=[
            {"title": "转人工", "payload": "/request_human"},
            {"title": "先不用", "payload": "/deny"}])
        return []
    if (where := station_detail_reply(tracker) or ticket_station_reply(tracker)
            or shortfall_reply(tracker)) is not None:
        dispatcher.utter_message(text=where)  # 具体在哪啊 after a station card (V-11)
        return []
    if not tracker.active_loop_name and said_the_menu(dispatcher, tracker):
        return []
    if not_found_next_steps(dispatcher, tracker):
        return []
    if asks_for_a_person(text):
        return await request_handoff(dispatcher, tracker, "worker_request")
    if not tracker.active_loop_name and (day_pay := day_pay_lines(tracker)):
        for line in day_pay:  # 俺一天三百块 right after the festival's overtime rule (WW-05)
            dispatcher.utter_message(text=line)
        return []
    if not tracker.active_loop_name and (flow_to_redo(tracker) or days_after_figure(tracker)
                                         or period_follow_up(tracker)  # 22日囉 頭先講咗 (YM-16)
                                         or pay_to_compare(tracker)
                                         or sums_for(tracker)
                                         or service_from_facts(slots_set_this_turn(tracker), text)):
        # not understood as a request, but the facts say which service: go there (the
        # entry action answers a figure asked first, then runs the flow: I-17, 国庆我从1号
        # 干到5号 月薪8700 加班费该给多少 got the rules and no sum)
        place = await _place_in_words(tracker, text)  # (a fallback sets no place: XZ-6 asked 黄岛 again)
        return place + await ActionStartService().run(dispatcher, tracker, domain)
    if not tracker.active_loop_name and (family := family_cover_line(text, recent_words(tracker, limit=3))):
        dispatcher.utter_message(text=family)  # 我爱人能一起参加吗 after the mutual cover (XN-4: 没太明白)
        return []
    if not tracker.active_loop_name and await say_fact_answer(dispatcher, tracker):
        return []  # 隆祥生产线智能化改造投入多少钱: not a service request, but a figure
    # (before the own-case offer: 咋申请 after the insurance figure asks how, HH-04)
    if await answer_in_service_topic(dispatcher, tracker):
        return []  # 要钱吗 寒假也管吗 right after the childcare answer (HH-02)
    if not tracker.active_loop_name and is_question(text) \
            and (service := own_case_offered(tracker)):
        # 那我离职一年半了还行吗 right after the time limit and 要不要我再帮您看看您自己的情况:
        # a question about their own case takes the offer, not 没明白
        return await ActionStartService()._start(service, dispatcher, tracker, domain,
                                                 answered=True)
    if not tracker.active_loop_name and said_this_turn(tracker, "不在服务时间", earlier_turns=1) \
            and _WHEN_BACK.search(text) and (not _URGENT_NOW.search(text) or _NIGHT_OR_WEEKEND.search(text)):
        nobody = NOBODY_NOW_TEXT if _NIGHT_OR_WEEKEND.search(text) else ""
        dispatcher.utter_message(text=nobody + WHEN_BACK_TEXT)
        return []
    if not tracker.active_loop_name and said_this_turn(tracker, "不在服务时间", earlier_turns=1) \
            and _URGENT_NOW.search(text):
        # 那我现在有急事找谁 after a closed station's card (P-14): who answers now
        dispatcher.utter_message(text=URGENT_NOW_TEXT, buttons=[
            {"title": "转人工（上班后回电）", "payload": "/request_human"}])
        return []
    if not tracker.active_loop_name and said_this_turn(tracker, "服务时间：", earlier_turns=1) \
            and (answers := await answer_in_topic(tracker, "工作站")):
        # 那时候去还有人吗 礼拜天开不开 right after a station card (N-10): its hours again
        for line in answers:
            dispatcher.utter_message(text=line)
        return []
    if not tracker.active_loop_name and (service := place_follow_up(tracker, text)):
        # 城阳区的没有吗 那我老家济南历城那边呢 right after a station card (FF-10 got 没明白):
        # the same question for the place said now
        return await ActionStartService()._start(service, dispatcher, tracker, domain)
    if not tracker.active_loop_name and (service := follow_up_service(tracker)):
        return await ActionStartService()._start(service, dispatcher, tracker, domain,
                                                 answered=True)
    return None


class ActionOutOfScope(Action):
    """Out of scope for the NLU: a question about a recorded figure (工會熱線幾號) is still
    answered from the backend; anything else gets the polite out-of-scope line."""

    def name(self) -> str:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if said_the_menu(dispatcher, tracker):
            return []
        return await _from_context_or(dispatcher, tracker, domain, "utter_out_of_scope")


# what asks whether it is a machine or who it is (the NLU's bot_challenge examples): anything else
# read as bot_challenge is a message about the conversation (那饭店名字写到单子上了没 after a ticket,
# XG-9: 我是工会的智能助手（机器人）)
_CHALLENGE = re.compile(r"机器|真人|是人|人工智能|智能|AI|ai|电脑|電腦|程序|自动回复|你是谁|你叫|名字叫|"
                        r"工会的人|听懂|听得懂|活人|客服")


class ActionBotChallenge(Action):
    """你是机器人吗: who answers; a message the NLU put here that asks nothing of the kind is read
    from the conversation, as out-of-scope messages are."""

    def name(self) -> str:
        return "action_bot_challenge"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        if await say_who_we_are(dispatcher, tracker):
            return []  # 你们是谁 (XV-3: only 我是工会的智能助手)
        if (queued := await queued_challenge(dispatcher, tracker)) is not None:
            return queued  # 你是不是机器人 等半天了没人 while queued (VL-14: told to say 转人工 again)
        if _CHALLENGE.search((tracker.latest_message or {}).get("text") or ""):
            dispatcher.utter_message(response="utter_bot_challenge")
            return []
        return await _from_context_or(dispatcher, tracker, domain, "utter_bot_challenge")


async def _from_context_or(dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any],
                           response: str) -> list[dict[str, Any]]:
    """What the conversation says the message means (:func:`understood_anyway`), else ``response``
    — which a bug in reading the context never takes away."""
    try:
        understood = await understood_anyway(dispatcher, tracker, domain)
        if understood is not None:
            return understood + await answer_the_rest(dispatcher, tracker, understood)
    except Exception:
        logging.getLogger(__name__).exception("%s: reading the context failed", response)
    dispatcher.utter_message(response=response)
    return []


# 嗯 / 好 right after the crisis reply (round 40: 好的。请说说您遇到的具体情况，我来帮您看看 — a form's
# voice to a worker in distress): the worker is heard and the lines stay in front of them
AFFIRM_AFTER_CRISIS = ("嗯，我在这儿陪着您。想说什么都可以慢慢跟我说；撑不住的时候，12356、400-161-9995 "
                       "24 小时有人接，有危险马上打 110 或 120。工会的工作人员也会尽快联系您。")
AFFIRM_STILL_HERE = "我在，您慢慢说，我一直在听。"
AFFIRM_AFTER_INVITE = "好，您慢慢说，我在听。"


def affirm_reply(tracker: Tracker) -> str | None:
    """What a bare yes answers when the bot asked nothing: the crisis or the invitation to talk
    it follows, or None for the plain 好的 line."""
    if crisis_answered(tracker, earlier_turns=4):
        return AFFIRM_STILL_HERE if said_this_turn(tracker, AFFIRM_AFTER_CRISIS[:12], earlier_turns=1) \
            else AFFIRM_AFTER_CRISIS
    if said_this_turn(tracker, PSYCH_INVITE, earlier_turns=1):
        return AFFIRM_AFTER_INVITE
    return None


class ActionAffirmNoContext(Action):
    """A yes with no question open: 好的 and an invitation to tell the case — unless it follows
    a crisis reply or the invitation to talk, where the worker is listened to instead."""

    def name(self) -> str:
        return "action_affirm_no_context"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        if (back := await take_back(dispatcher, tracker, domain, None)) is not None:
            return back  # 还是办吧 right after 算了不办了 (YR-15: the grade and the problem asked again)
        text = (tracker.latest_message.get("text") or "").strip()
        if not text.startswith("/") and others_covered_asked(text) \
                and (filed := ticket_filed_here(tracker, last=200)):
            # 就是说他俩不用自己再报了是吧 (VE-1: 好的，没问题): whether the ticket covers the co-workers
            dispatcher.utter_message(text=others_sign_up_reply(tracker, filed))
            return []
        if not text.startswith("/") and (reading := reading_reply(tracker)) is not None:
            dispatcher.utter_message(text=reading)  # 也就是说合法？ after a legal answer (XM-4: 请说说…具体情况)
            return []
        if (service := own_case_offered(tracker)) and (_LOOK_AT_IT.match(text) or v.yes_to_an_offer(text)):
            # 看 to 要不要我再帮您看看您自己的情况 (XG-10: read as a yes with nothing open, the menu):
            # the 看看我的情况 button's answer
            return await ActionStartService()._start(service, dispatcher, tracker, domain)
        if text and not text.startswith("/") and not v.sounds_affirmative(text):
            # 试用期 alone read as affirm (no yes in its words): a topic, answered as one
            return await ActionStartService().run(dispatcher, tracker, domain)
        if reply := affirm_reply(tracker):
            dispatcher.utter_message(text=reply)
        else:
            dispatcher.utter_message(response="utter_affirm_no_context")
        return []


# 不想干了 能直接走吗 用不用提前说 (read as deny: 好的，没问题。有需要随时找我): a no with no question
# open is said back; a question the NLU read as no is answered from the records
_PLAIN_NO = re.compile(r"^(?:不用|不要|不了|没有|没|不|算了|不需要|先不|暂时不|别)[了啊吧呀哈。.!！\s]*$")


PLACE_DENIED = "好的，不是{place}。那您在哪个区、哪个街道？（比如：黄岛区薛家岛街道）"
_NOT_THERE = re.compile(r"(?:不是|不在|没在)\s*(?:在)?$")


def _places_named(tracker: Tracker) -> list[tuple[str, str]]:
    """(slot, value) of each place the latest message names, in the order said."""
    entities = sorted((tracker.latest_message or {}).get("entities") or [], key=lambda e: e.get("start") or 0)
    return [(str(e["entity"]), str(e["value"])) for e in entities
            if e.get("entity") in ("district", "city") and e.get("value")]


def _is_denied(text: str, place: str) -> bool:
    """The place is said right after 不是 / 不在 (不是辛安 是薛家岛: 辛安 denied, 薛家岛 not)."""
    at = text.find(place)
    return at >= 0 and bool(_NOT_THERE.search(text[:at]))


def place_denied(tracker: Tracker, text: str) -> str | None:
    """不是辛安 / 我不在辛安: the place the worker says is not theirs (None: no place denied)."""
    return next((p for _, p in _places_named(tracker) if _is_denied(text, p)), None)


def meant_place(tracker: Tracker, text: str) -> list[dict[str, Any]]:
    """The slots of the places said beside a denied one (我问的是广东 不是上海: the city is 广东,
    not the 上海 the slot took as the last place said) — a city said clears the district."""
    events: list[dict[str, Any]] = []
    for kind, place in _places_named(tracker):
        if _is_denied(text, place):
            continue
        tracker.slots[kind] = place
        events.append(SlotSet(kind, place))
        if kind == "city" and tracker.get_slot("district"):
            tracker.slots["district"] = None
            events.append(SlotSet("district", None))
    return events


class ActionDenyNoContext(Action):
    """A no with no question open: said back — unless it asks something on record."""

    def name(self) -> str:
        return "action_deny_no_context"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: dict[str, Any]) -> list[dict[str, Any]]:
        text = (tracker.latest_message.get("text") or "").strip()
        if check := safe_now_check_in(tracker, text):
            dispatcher.utter_message(text=check)  # 没事了 soon after the crisis reply (XJ-16)
            return []
        if not text.startswith("/") and others_covered_asked(text) \
                and (filed := ticket_filed_here(tracker, last=200)):
            # 就是说他俩不用自己再报了是吧 (VE-1: 好的，没问题): whether the ticket covers the co-workers
            dispatcher.utter_message(text=others_sign_up_reply(tracker, filed))
            return []

        if not text.startswith("/") and (reading := reading_reply(tracker)) is not None:
            dispatcher.utter_message(text=reading)  # 那就是不行呗 after a legal answer (XM-4: 好的，没问题)
            return []
        if not text.startswith("/") and v.is_correction(text) and (sums := sums_for(tracker)):
            # 不对 是十个月 right after the double wage's sum (NN-08: 好的，没问题)
            return ActionStartService._worked_out(sums, dispatcher, tracker)
        if not text.startswith("/") and v.is_correction(text) and flow_to_redo(tracker):
            # 不对 是八千七 right after the overtime sum (WW-03: 好的，没问题): worked out again
            return await ActionStartService().run(dispatcher, tracker, domain)
        if not text.startswith("/") and (denied := place_denied(tracker, text)) is not None:
            if not (meant := meant_place(tracker, text)):
                if lines := await places_asked_lines(tracker):
                    for line in lines:  # 我问的是沈阳 辽宁沈阳 不是深圳 after 深圳's minimum wage (XO-6)
                        dispatcher.utter_message(text=line)
                    return []
                dispatcher.utter_message(text=PLACE_DENIED.format(place=denied))  # 不是辛安 alone
                return [SlotSet("district", None)]
            if not tracker.active_loop_name and (service := place_follow_up(tracker, text)):
                # 不是辛安 是薛家岛 right after 辛安's card (YT-10: 好的，没问题); 我问的是广东 不是上海
                # after 上海's minimum wage (YS-11: 上海's again): the question, for the place meant
                return meant + await ActionStartService()._start(service, dispatcher, tracker, domain)
        if not text.startswith("/") and (where := station_detail_reply(tracker)) is not None:
            dispatcher.utter_message(text=where)  # 那周六开门不 after a card (ZH-09: 好的，没问题)
            return []
        if not text.startswith("/") and not _PLAIN_NO.match(text) and is_question(text):
            try:
                # 要钱不 right after the courses' answer (LL-03: 好的，没问题): read with that service
                if await answer_in_service_topic(dispatcher, tracker) or await say_fact_answer(
                        dispatcher, tracker):
                    return []
            except Exception:  # the plain reply below is never lost to a bug
                logging.getLogger(__name__).exception("deny: answering the question failed")
        dispatcher.utter_message(response="utter_deny_no_context")
        return []
