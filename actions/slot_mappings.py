"""The facts of every message, read whatever was asked (``action_validate_slot_mappings``).

A worker tells a case in their own order (我在辛安街道上班，海纳建筑公司欠了我三个月工资):
each fact is kept when it is said, a fact said again with another value replaces the old one
and is remembered as a correction, and a place found only inside an employer's name is no
place of work.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa_sdk import Tracker, ValidationAction
from rasa_sdk.events import SlotSet

from actions import validators as v
from actions.common import client, said_this_turn
from actions.fact_tables import wage_as_said
from actions.facts import case_messages, figures_asked_about, is_question, worker_messages
from actions.legal import legal_money_facts
from actions.overtime_days import (
    added_days,
    days_given_off,
    days_taken_back,
    festival_year_of_the_talk,
    holiday_days_said_bare,
    read_worked_days,
    same_days_said,
)
from actions.places import other_place_asked, place_told_when_asked, resolve_place
from actions.relief import worker_part, worker_status_said
from actions.service_catalog import SERVICE_INTENTS
from actions.slot_checks import SLOT_CHECKS, context_of, field_to_change, slots_set_this_turn, value_before_this_message
from actions.tickets import someone_elses_phone, ticket_filed_here
from actions.wages import amount_by_the_day, months_in, paid_so_far, pay_less_overtime
from bot.normalize.text import CORRECTION_CUES, normalize_text

logger = logging.getLogger(__name__)


def _site_after_a_person(old: Any, new: Any) -> bool:
    """A work site told after the boss was described: where to find them, not another boss."""
    return (isinstance(old, str) and isinstance(new, str) and "工地" in new and "工地" not in old
            and bool(re.search(r"包工头|工头|老板|姓", old)))


def _change(tracker: Tracker, facts: dict[str, Any], slot: str, old: Any, new: Any) -> dict:
    """A correction as the worker said it: 一天三百 → 一天三百五 is the day's pay corrected."""
    if slot != "monthly_wage":
        return {"slot": slot, "old": old, "new": new}
    before = wage_as_said(old, tracker.get_slot("wage_basis"))
    now = wage_as_said(new, facts.get("wage_basis", tracker.get_slot("wage_basis")))
    return {"slot": now[0], "old": before[1], "new": now[1]}


def _same_days(old: Any, new: Any) -> bool:
    """Two messages that name the same days worked (the second asks about them again); a part of
    a day said later (除夕上了半天 after 除夕上了) is no repeat (XQ-3)."""
    return same_days_said(old, new)


# a kind of workplace with no name of its own (五金厂, 小饭馆, 工厂)
_BARE_KIND = re.compile(r"(?:小|一个|一家)?[\u4e00-\u9fff]{0,2}(?:工厂|厂|作坊|饭馆|饭店|餐馆|超市|店)")
_DESCRIBED = re.compile(r"姓[\u4e00-\u9fff]|老板|包工头|工头")


def same_employer(old: Any, new: Any) -> str | None:
    """The employer said again (None: another one). A part of the name held (恒泰 for 青岛恒泰塑胶
    制品有限公司, YQ-11: 单位改为恒泰是) is the one held; a kind said after a described boss
    (还有厂子是五金厂 after 一个姓刘的老板开, YR-06: 单位改为五金厂) completes the description."""
    if not isinstance(old, str) or not isinstance(new, str) or old in ("", v.UNKNOWN) or len(new) < 2:
        return None
    if new in old:
        return old
    if not _BARE_KIND.fullmatch(new) or not _DESCRIBED.search(old) or _BARE_KIND.search(old):
        return None
    whole = f"{old}的{new}" if old.endswith("开") else f"{old}（{new}）"
    return re.sub(r"^(?:一个|有个|那个)(?=姓)", "", whole)


# who in the workplace owes (老板姓王, 王总, 站长姓赵, 姓刘的包工头), and a workplace's own words
_A_PERSON = re.compile(r"姓[\u4e00-\u9fff]|老板|包工头|工头|站长|厂长|经理|老总|[\u4e00-\u9fff]总(?!包)|"
                       r"^(?:老|小)[\u4e00-\u9fff]$")
_A_WORKPLACE = re.compile(r"公司|厂|店|站点|网点|工地|项目|物流|快递|超市|饭馆|餐馆|酒店|装修队|施工队|工程队|"
                          r"重工|建筑|建材|装饰|电子|制品|五金|物业|集团")
_BOSS_SURNAME = re.compile(r"姓([\u4e00-\u9fff])|([\u4e00-\u9fff])(?:总|老板|经理|包工头|工头)|"
                           r"(?:老|小)([\u4e00-\u9fff])$")


def _person_only(name: str) -> bool:
    return bool(_A_PERSON.search(name)) and not _A_WORKPLACE.search(re.sub(r"（.*?）", "", name))


def _boss_surnames(name: str) -> set[str]:
    return {g for m in _BOSS_SURNAME.finditer(name) for g in m.groups() if g and g not in "老小板工"}


def joined_employer(old: Any, new: Any, text: str) -> str | None:
    """The employer told in parts (XG-11, XG-13: 王总, then 叫啥金属制品, then 老板姓王 大家叫王总 这个
    也写上 — each replaced the one before): the workplace and who in it owes are one description,
    金属制品（老板王总）. None: another employer, or one the worker says replaces it (不对 / 应该是)."""
    if not isinstance(old, str) or not isinstance(new, str) or old in ("", v.UNKNOWN) or new == old \
            or v.is_correction(text) or re.search(r"不是[^，,。？?]{0,6}(?:单位|公司|厂|老板)|换成|改成|改为", text):
        return None
    if old in new:
        return new  # 金属制品（老板王总） after 老板王总: the same, and more
    if _person_only(new) and not _person_only(old):
        if _boss_surnames(new) & _boss_surnames(old):
            return old  # 老板姓王 after 金属制品（老板王总）: the same boss
        return f"{old[:-1]}，{new}）" if old.endswith("）") else f"{old}（{new}）"
    if _person_only(old) and not _A_PERSON.search(new) and _A_WORKPLACE.search(new):
        return f"{new}（{old}）"  # 金属制品 after 老板王总
    return None


# 我现在这个单位也欠我钱 / 几个月那个是我现在单位的 是另一回事 (YQ-11: 欠薪时间改为约几个月 on the
# first case, whose employer the worker had left): another employer's matter
_OTHER_EMPLOYER = re.compile(r"(?:现在|新)(?:这个|这家|的|上班的|干的)?(?:单位|公司|厂子?|老板)(?:也|的)|"
                             r"另(?:一|外一?)回事|另(?:一|外一?)(?:个|家)(?:单位|公司|厂子?|老板)|"
                             r"别的(?:单位|公司|厂子?)也")
_CLAUSE_END = re.compile(r"[\s，,。；;！!？?]+")
# words of a name that name no one employer (the held name's own words are looked for in a clause)
_NAME_FILLER = re.compile(r"青岛|有限|公司|责任|集团|制品|股份|单位|工厂|厂")


def _names_the_held(clause: str, held: str) -> bool:
    """The clause names the employer held (恒泰 of 青岛恒泰塑胶制品有限公司)."""
    stem = _NAME_FILLER.sub(" ", held)
    return any(stem[i:i + 2] in clause for i in range(len(stem) - 1) if stem[i:i + 2].strip() == stem[i:i + 2])


def first_case_words(tracker: Tracker) -> tuple[str, list[dict]]:
    """The message and its entities, less the clauses about another employer than the one the
    case holds (from 我现在这个单位也欠我钱 on, until the held employer is named again),
    blanked out at the same length: their months and sums are not the first case's."""
    message = tracker.latest_message or {}
    text, entities = message.get("text") or "", list(message.get("entities") or [])
    held = tracker.get_slot("employer")
    if not isinstance(held, str) or held in ("", v.UNKNOWN) or not _OTHER_EMPLOYER.search(text):
        return text, entities
    kept, other, at = [], False, 0
    for m in [*_CLAUSE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        clause = text[at:end]
        other = bool(_OTHER_EMPLOYER.search(clause)) or (other and not _names_the_held(clause, held))
        kept.append(" " * len(clause) if other else clause)
        kept.append(m.group(0) if m else "")
        at = m.end() if m else len(text)
    blanked = "".join(kept)
    return blanked, [e for e in entities if not isinstance(e.get("start"), int)
                     or blanked[e["start"]:e.get("end", e["start"])].strip()]


def without_relatives_facts(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """The facts read from 我表弟在廣東送外賣，他那邊有嗎 without the relative's (XG-5): not their
    place, and not their job, employer or holiday plan where the worker's own is already known.
    """
    text = (tracker.latest_message or {}).get("text") or ""
    if not (place := v.someone_elses_place(text)):
        return facts
    return {k: val for k, val in facts.items()
            if not (k in ("city", "district") and isinstance(val, str) and place in normalize_text(val))
            and not (k in _THEIR_CASE_FACTS and value_before_this_message(tracker, k) not in (None, v.UNKNOWN))}


def relatives_slots_undone(tracker: Tracker) -> list[dict]:
    """The slots this message set (by the NLU's own mappings) to a relative's place or job, set
    back to the worker's own (XG-5: 地点 广东, 工作 外卖骑手)."""
    said = slots_set_this_turn(tracker)
    kept = without_relatives_facts(tracker, dict(said))  # (unchanged when the message names no relative)
    return [SlotSet(slot, value_before_this_message(tracker, slot))
            for slot in said if slot in ("city", "district", *_THEIR_CASE_FACTS) and slot not in kept]


class ValidateSlotMappings(ValidationAction):
    """Reads every case fact a message carries, in any state and whatever was asked.

    Rasa runs this after every message (the facts' slots have ``custom`` mappings with no
    form condition). A fact said again with another value replaces the old one and is
    remembered in ``last_correction`` so the form can say what changed. Silent: Rasa also
    runs it when a form is activated, and the answer must not be said twice.
    """

    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher, tracker, domain):
        try:
            message = tracker.latest_message or {}
            text, entities = first_case_words(tracker)
            facts = v.read_facts(text, entities, context_of(tracker))
        except Exception:  # reading facts must never cost the worker an answer
            logger.exception("reading the facts of a message failed")
            return []
        facts = legal_money_facts(tracker, facts)  # 不对，是九千五 after a legal sum (XO-13); 一共应该补多少 (XO-14)
        facts = owed_after_months(tracker, owed_per_month(tracker, wage_after_minimum_wage(
            tracker, correction_target(tracker, wage_behind_the_sum(tracker, facts)))))
        facts = paid_taken_off(tracker, docked_added(tracker, duration_said_before(tracker, facts)))
        facts = amount_by_the_day(tracker, facts)  # 一天三百 两个月没发: the days worked × 300 (XQ-2)
        facts = days_with_what_came_before(tracker, more_days_of_the_holiday(tracker, facts))
        facts = with_main_contractor(tracker, facts)
        facts = own_status_only(tracker, facts)
        facts = spouse_facts_left_out(tracker, facts)  # 我老婆…她自己掏了两千八 (VI-7): hers, not his
        facts = holiday_words_read(tracker, facts, message.get("text") or "")
        facts = without_the_unions_place(facts, message.get("text") or "")
        facts = supposed_facts_kept(tracker, facts, text, entities)  # 没得居住证还能读不嘛 (XP-2)
        if _WHAT_IF.match(message.get("text") or "") and ticket_filed_here(tracker, last=60):
            # 要是没有居住证咋办 还能转过来吗 after the school ticket (ZT-02: 户口情况 changed to
            # 没有居住证 and the case offered again): a question, the filed facts stand
            facts = {k: val for k, val in facts.items() if k not in _FILED_CASE_FACTS or tracker.get_slot(k) is None}
        for slot in {*bots_own_figures(tracker, facts), *figures_asked_about(tracker, facts)}:
            # … 我听工友说能赔二十万 / 十六万还是二十万 (XP-6: 已更正：金额 200,000 元): a figure heard, asked about
            facts.pop(slot)  # 你说的十六万是我得病才给吗 (QQ-08 filed 金额 160,000): the bot's figure
        for slot, value in (await volunteered_place(tracker, facts)).items():
            facts.setdefault(slot, value)  # the NLU's own reading of a place stays as it was
        facts.update(await place_said_instead(tracker))  # 不对 我不在黄岛是在即墨 (VF-8): the corrected place
        facts = without_someone_elses(tracker, facts)
        facts = without_relatives_facts(tracker, facts)  # 我表弟在廣東送外賣，他那邊有嗎 (XG-5)
        facts, replacing = named_to_change(tracker, facts)  # 单位, then 姓刘的包工头 (XP-7)
        facts, not_employer = employer_denied(tracker, facts)  # 老高不是单位 (VB-5)
        if "monthly_wage" in facts and "wage_basis" not in facts and tracker.get_slot("wage_basis"):
            facts["wage_basis"] = None  # 一天三百, then 一个月六千: the month said now
        if _OTHERS_OWED.search(message.get("text") or ""):
            # 那我那些还在厂里干的工友呢 他们也被拖了半年了 (ZC-08: 欠薪时间改为6个月): the others'
            # time and sums, not the worker's own
            facts = {k: val for k, val in facts.items() if k not in ("duration", "amount", "monthly_wage")}
        if asked_elsewhere := other_place_asked(tracker):
            facts = {k: val for k, val in facts.items() if k not in ("city", "district")}
        events, changed = (place_inside_employer(tracker, facts) + place_of_hukou(tracker)
                           + place_level_undone(tracker) + place_asked_about(tracker, asked_elsewhere)
                           + place_of_someone_else(tracker) + await known_place_of_several(tracker)
                           + await place_denied_undone(tracker) + place_not_in_undone(tracker) + not_employer
                           + phone_of_someone_else(tracker) + relatives_slots_undone(tracker)), []
        for slot, value in facts.items():
            old = tracker.get_slot(slot)
            if slot == "wage_basis":  # how the wage was said: no fact of its own to correct
                events += [SlotSet(slot, value)] if old != value else []
                continue
            if slot == "overtime_days" and isinstance(value, str):
                # 初一上班那天 after 今年过年 … 大年初一上了班 (XO-16: 加班日子改为2月6日, the festival to come)
                value = festival_year_of_the_talk(value, worker_messages(tracker, 6)[:-1]) or value
            if old == value or (slot == "overtime_days" and _same_days(old, value)):
                continue  # 四千出头 4200吧 那初四到底几倍 (W-21): the same 初四, no correction
            if isinstance(old, str) and isinstance(value, str) and old.startswith((f"{value}，", f"{value}（")):
                continue  # 没有居住证 after 没有居住证（正在办理） (XP-2): the fact held says more
            if slot == "overtime_days" and (joined := (isinstance(old, str) and days_taken_back(
                    old, message.get("text") or "")) or added_days(old, value) or days_given_off(old, value)):
                # (不是初五 是初三 — XW-2: the message as said, before 初五 was blanked as denied)
                events.append(SlotSet(slot, joined))  # 周六, then 平时也加了20个钟头: both
                continue
            joined = None
            if slot == "employer" and (slot in replacing or isinstance(old, str) and any(
                    d in old for d in v.denied_values(message.get("text") or ""))):
                pass  # 俺没说叫嘎达厂 … 写姓刘的包工头就行 (XP-7: 嘎达厂（姓刘的包工头） kept): replaced
            elif slot == "employer" and _site_after_a_person(old, value):
                value = f"{old}，{value}"  # 姓刘的包工头, then 长江路那个工地: both kept
            elif slot == "employer" and (joined := joined_employer(old, value, message.get("text") or "")):
                if joined == old:
                    continue  # 老板姓王 大家叫王总 after 金属制品（老板王总）: the boss held, said again
                value = joined  # 金属制品 after 老板王总 (XG-13): the description grows
            if slot == "employer" and slot not in replacing and (same := same_employer(old, value)) is not None \
                    and not any(d in str(old) for d in v.denied_values(message.get("text") or "")):
                if same == old:
                    continue  # 恒泰 for 青岛恒泰塑胶制品有限公司: the employer held, said again
                value = same
            events.append(SlotSet(slot, value))
            refined = isinstance(value, str) and value.startswith(str(old)) or bool(joined)  # 外地户口 → …，有居住证
            if old not in (None, v.UNKNOWN) and not str(old).startswith("约") and not refined:
                changed.append(_change(tracker, facts, slot, old, value))
        if changed or tracker.get_slot("last_correction"):
            events.append(SlotSet("last_correction", changed or None))  # this message's only
        return events + await city_of_district(tracker, events)


# 在即墨 / 我在城阳 / 人在李沧呢: a place told on its own while something else was asked. The
# NLU knows districts by their full names only (黄岛 alone is also a street), so such a message
# carried no place and the place was lost; the backend knows the stems.
_BARE_PLACE = re.compile(r"^(?:我|我们|人|现在|目前)?(?:就|是)?(?:在|住在)\s*[\u4e00-\u9fff]{2,6}"
                         r"(?:这边|那边|这块|一带|附近)?(?:呢|啊|呀)?[。.!！]?$")


# 我在城阳一个电子厂上班 / 在青岛李沧那边的工地: the same stem inside a longer message, before
# the workplace (after the city, if one is said)
_PLACE_BEFORE_WORK = re.compile(r"(?<![不没])在([\u4e00-\u9fff]{2,6}?)(?:这边|那边|一带|附近|这块|(?=\s|[，,。]|$)|"
                                r"(?=一个|一家|的|上班|打工|干|工作|厂|工地|公司|单位|店|送|开|做))")


# 辛安的工会站在哪 (T-12: asked where the worker was three times): the place the station is asked
# for, named by its stem
_PLACE_OF_STATION = re.compile(r"^(?:我们?|俺)?(?:在|住)?([\u4e00-\u9fff]{2,6}?)(?:街道|这边|那边|附近)?的?"
                               r"(?:工会|网格|服务站|工作站|站)")


# where or what, not which place: 厂里, 工地, 家里, 单位, 上班, 干嘛
# (家 only as home: 薛家岛, 张家口 and 石家庄 are places)
_NOT_A_PLACE = re.compile(r"厂|工地|家里|老家|^家$|单位|公司|店|里$|上班|干活|工作|打工|干嘛|忙|哪|这|那|什么|啥|"
                          r"医院|学校|附近|工会|网格")


async def volunteered_place(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """The place of a bare 在即墨 (or 在城阳一个厂) said while another question is open (none
    when the place is the question: the form's own validation reads it)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if "district" in facts or tracker.get_slot("requested_slot") in ("city", "district"):
        return {}
    inside = _PLACE_BEFORE_WORK.search(text)
    station = _PLACE_OF_STATION.match(text)
    # (我在福田上班: the stem before the work, not the whole message — XR-5 kept no place)
    words = (inside.group(1) if inside else text if _BARE_PLACE.match(text)
             else station.group(1) if station else None)
    if not words or _NOT_A_PLACE.search(words):
        # 福田 right after 告诉我您在哪个城市、区、街道 (XR-5: read as 福田职工书院, the place lost)
        return await place_told_when_asked(tracker)
    try:
        read = slots_set_this_turn(tracker).get("district")
        if isinstance(read, str) and read and read not in words and _inside(
                (await client().resolve(None, read)).get("path") or {}, words):
            return {}  # 在黃島 辛安這邊的廠子 (YY-15 routed to the district): 辛安, read, is inside it
        return await resolve_place(words) or {}
    except Exception:  # a place is a bonus here; never cost the worker an answer
        logger.exception("resolving a volunteered place failed")
        return {}


# 哦不对 我不在黄岛是在即墨 / 不是黄岛 是即墨 in one message (VF-8: the draft said 黄岛区 and asked for
# a street of 黄岛 until the worker said it again): the place the message corrects itself to wins
_PLACE_INSTEAD = re.compile(r"(?:不在|不是在?|没在)\s*([\u4e00-\u9fff]{2,6}?)\s*[，,]?\s*(?:而)?"
                            r"(?:是在|是住在?|就是在?|在|住在?|是)\s*([\u4e00-\u9fff]{2,6}?)"
                            r"(?=这边|那边|这块|一带|附近|上班|干活|打工|呢|啊|呀|[\s，,。.!！]|刚|现在|$)")


async def place_said_instead(tracker: Tracker) -> dict[str, Any]:
    """The city and district of the place a message says the worker is at instead of another it
    names (不在黄岛 是在即墨); {} when none, or the backend does not know it."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    said = _PLACE_INSTEAD.search(text)
    if not said or _NOT_A_PLACE.search(said.group(2)) or said.group(1) == said.group(2):
        return {}
    try:
        return await resolve_place(said.group(2)) or {}
    except Exception:  # a place is a bonus here; never cost the worker an answer
        logger.exception("resolving a corrected place failed")
        return {}


# The form slots a corrected fact may belong to (router.flow_to_redo).
FORM_SLOTS = {"overtime_form": ("monthly_wage", "overtime_days"),
              "minimum_wage_form": ("monthly_wage", "city"),
              "relief_form": ("hardship_status", "medical_cost")}
_MONEY = ("amount", "monthly_wage", "medical_cost")


def correction_target(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """不对，是4500 with no form open and no word saying which money: the sum corrects the
    one money fact the conversation holds (the monthly wage of the overtime sum), not a
    new owed amount."""
    text = (tracker.latest_message or {}).get("text") or ""
    if "amount" not in facts or tracker.active_loop_name or not v.is_correction(text) \
            or tracker.get_slot("amount") is not None:
        return facts
    held = [slot for slot in _MONEY if slot != "amount" and tracker.get_slot(slot) is not None]
    if len(held) != 1 or held[0] in facts:
        return facts
    moved = dict(facts)
    moved[held[0]] = moved.pop("amount")
    return moved


_WHICH_MONEY = re.compile(r"一共|总共|总数|加起来|欠|拖|月薪|工资|一个月|每个?月|月")


def wage_behind_the_sum(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """每個月七千五 … 两个月, then 不對，是九千五 (ZQ-16 filed 金额 9,500 beside 月工资 7,500): the
    sum owed was worked out from the month's pay, so a bare corrected sum is the pay the worker
    said, and the sum owed is worked out again."""
    text = (tracker.latest_message or {}).get("text") or ""
    wage, owed = tracker.get_slot("monthly_wage"), tracker.get_slot("amount")
    months = re.fullmatch(r"P(\d+)M", str(tracker.get_slot("duration") or ""))
    if "amount" not in facts or "monthly_wage" in facts or not v.is_correction(text) \
            or _WHICH_MONEY.search(text) or not isinstance(wage, int) or not months \
            or owed not in (wage * int(months.group(1)), wage * int(months.group(1)) + docked_so_far(tracker)) \
            or not isinstance(facts["amount"], int):
        return facts
    return {**facts, "monthly_wage": facts["amount"], "amount": facts["amount"] * int(months.group(1))}


def spouse_facts_left_out(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """我老婆是特困职工，她自己掏了两千八 (VI-7: 已更正：自付医疗费改为2,800 元, then his tier 特困): the
    tier and the cost said of the spouse are hers — kept only when the worker's own words say them."""
    text = (tracker.latest_message or {}).get("text") or ""
    own = worker_part(text)
    if own == normalize_text(text) or not ({"medical_cost", "hardship_status"} & facts.keys()):
        return facts
    mine = v.read_facts(own, [], context_of(tracker)) if own.strip() else {}
    # 不是我看病 是我妈住院 花了一万多 (VK-14: 自付医疗费 10,000 filed): a parent's or a child's bill is
    # never the worker's own cost, whatever the case holds
    relatives = v.relatives_cost_said(text)
    # (我替我爱人问一下 他是困难职工, XO-9: the spouse's case is the case — only facts the worker's own
    # case already holds are kept from hers)
    return {k: val for k, val in facts.items()
            if k not in ("medical_cost", "hardship_status") or mine.get(k) == val
            or (tracker.get_slot(k) in (None, v.UNKNOWN) and not (relatives and k == "medical_cost"))}


def own_status_only(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """The hardship status only as the worker states it of themselves (XI-6: 困难建档：特困 after
    特困的住院都减免啥费用, kept after 我没说我是特困啊): a tier asked about or imagined (要是我是特困的…)
    sets nothing, a tier taken back is 不清楚. Read with ``relief.worker_status_said``."""
    held = tracker.get_slot("hardship_status")
    if "hardship_status" not in facts and held in (None, v.UNKNOWN):
        return facts  # nothing read, nothing held to take back (this runs on every message)
    said = worker_status_said((tracker.latest_message or {}).get("text") or "")
    if said == v.UNKNOWN and held not in (None, v.UNKNOWN):
        return {**facts, "hardship_status": v.UNKNOWN}
    if "hardship_status" in facts and said is None:
        return {k: val for k, val in facts.items() if k != "hardship_status"}
    if "hardship_status" in facts and said == "none":
        return {**facts, "hardship_status": "none"}  # 不是困难户 (read as 困难)
    return facts


def without_the_unions_place(facts: dict[str, Any], text: str) -> dict[str, Any]:
    """你们青岛的能管我们福建的事吗 (XS-7: 记下了：城市 青岛, for a worker in 福鼎): the place said of the
    union (你们…) is not the worker's."""
    for slot in ("city", "district"):
        value = str(facts.get(slot) or "")
        short = re.sub(r"(?:省|市|区|县)$", "", value)
        if short and re.search(rf"你们\S{{0,3}}?{re.escape(short)}", text):
            facts = {k: val for k, val in facts.items() if k != slot}
    return facts


def holiday_words_read(tracker: Tracker, facts: dict[str, Any], text: str) -> dict[str, Any]:
    """留沪 / 留粤 / 留桂 name the worker's place (XQ-8: 留沪过年要是工伤了咋办 was asked 您在哪个城市);
    a question about the fare home (回家的路费能报吗) is no plan to go home (XQ-16: 过年安排 changed
    to 节后错峰返乡 for a worker who had said they stay)."""
    from actions.subsidies import fare_asked, place_abbreviated  # (subsidies reads the slot mappings)

    if not facts.get("city") and not facts.get("district") and not tracker.get_slot("city") \
            and (abbreviated := place_abbreviated(text)):
        facts = {**facts, "city": abbreviated}
    if "holiday_situation" in facts and tracker.get_slot("holiday_situation") and fare_asked(text) \
            and is_question(text):
        facts = {k: val for k, val in facts.items() if k != "holiday_situation"}
    return facts


_WHAT_IF = re.compile(r"^(?:那|那么)?(?:要是|如果|假如|万一|假设)")
_FILED_CASE_FACTS = ("hukou_status", "child_grade", "school_problem", "employer", "amount", "duration",
                     "workers_affected", "hardship_status", "medical_cost", "holiday_situation", "occupation")


# 没得居住证还能读不嘛 on the school offer (XP-2: 已更正：户口情况改为外地户口，有居住证, and the ticket
# filed so) / 要是居住证办不下来咋办 / 没有居住证能上公办不 / 居住证没下来的话能先上学吗: a clause that
# supposes — if so, or without it, can… — tells no fact; a question about a fact is never a correction
_SUPPOSING = re.compile(r"要是|如果|假如|万一|假设|假使|倘若|的话|"
                        r"^(?:那|那么)?(?:孩子|娃儿?|小孩|我|俺|我们|俺们|咱)?(?:没有?|没得|莫得|无)[\u4e00-\u9fff]{1,8}?"
                        r"(?:还|也|就|是不是|能不能|可不可以|行不行|能|可以)")


def named_to_change(tracker: Tracker, facts: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    """The message after 单位 (said on its own when the bot asked which fact to change) is that
    fact's new value, replacing the one held whatever the two share; with the slots so replaced."""
    slot = field_to_change(tracker)
    if slot in (None, "city", "district") or slot not in SLOT_CHECKS:
        return facts, set()
    checked = SLOT_CHECKS[slot]((tracker.latest_message or {}).get("text") or "")
    if not checked.ok or checked.value in (None, v.UNKNOWN):
        return facts, set()
    return {**facts, slot: checked.value}, {slot}


def supposed_facts_kept(tracker: Tracker, facts: dict[str, Any], text: str,
                        entities: list[dict]) -> dict[str, Any]:
    """The facts of a question that supposes them (its supposing clauses, and a question
    clause right after one), left as they are held; the clauses that tell are read as ever."""
    held = {k for k in facts if k in _FILED_CASE_FACTS and tracker.get_slot(k) not in (None, v.UNKNOWN)}
    if not held or not is_question(text) or v.is_correction(text):
        return facts
    kept, supposing, at = [], False, 0
    for m in [*_CLAUSE_END.finditer(text), None]:
        end = m.start() if m else len(text)
        clause = text[at:end]
        supposing = bool(_SUPPOSING.search(normalize_text(clause))) or (supposing and is_question(clause))
        kept.append(" " * len(clause) if supposing else clause)
        kept.append(m.group(0) if m else "")
        at = m.end() if m else len(text)
    told = "".join(kept)
    if told == text:
        return facts
    try:
        retold = v.read_facts(told, [e for e in entities if not isinstance(e.get("start"), int)
                                     or told[e["start"]:e.get("end", e["start"])].strip()],
                              context_of(tracker)) if told.strip() else {}
    except Exception:  # the facts as read stand
        logger.exception("reading the told clauses of a supposing question failed")
        return facts
    return {k: val for k, val in facts.items() if k not in held or retold.get(k) == val}


# 总包是中建八局的项目 / 工地是中建的项目 (ZQ-11, ZR-06: left off the ticket, the summary shown
# unchanged after 总包是中建八局 你咋没记上): the main contractor, who answers for site wages
_MAIN_CONTRACTOR = re.compile(r"(?:总包|总承包|总包方|总包单位|承建方|承建单位)(?:方|单位)?(?:是|为|叫|属于)?\s*"
                              r"([\u4e00-\u9fffA-Za-z0-9]{2,12}?)(?=的项目|的工程|的工地|项目|工程|的|\s|[，,。]|$)|"
                              r"(?:工地|项目|工程|楼盘)(?:是|属于)([\u4e00-\u9fffA-Za-z0-9]{2,10}?)的(?:项目|工程|工地|活)")
_NOT_A_CONTRACTOR = re.compile(r"^(?:谁|哪|啥|什么|不知道|不清楚|我们|俺们|这个|那个|一个)")


def with_main_contractor(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """The main contractor named (总包是中建八局) joins the employer: 包工头王大海（总包：中建八局）."""
    text = (tracker.latest_message or {}).get("text") or ""
    found = _MAIN_CONTRACTOR.search(text)
    name = (found.group(1) or found.group(2)) if found else None
    if not name or _NOT_A_CONTRACTOR.match(name):
        return facts
    employer = facts.get("employer") or tracker.get_slot("employer")
    if isinstance(employer, str) and name in employer:
        return facts
    if not isinstance(employer, str) or employer in ("", v.UNKNOWN) or name in employer:
        return {**facts, "employer": f"{name}的项目（总包）"}
    return {**facts, "employer": f"{employer}（总包：{name}）"}


def last_flow(tracker: Tracker) -> str | None:
    """The form the conversation ran last (open or finished)."""
    return next((e.get("name") for e in reversed(tracker.events)
                 if e.get("event") == "active_loop" and e.get("name")), None)


_OVERTIME_WORDS = re.compile(r"加班|加点|倍|节假日|周末|双休|休息日|值班")


def follows_minimum_wage(tracker: Tracker) -> bool:
    """我一个月才拿1800 正常吗 / 1800 right after the minimum wage was told: the worker's own
    pay, to compare with it (not an overtime sum, not an owed amount)."""
    text = (tracker.latest_message or {}).get("text") or ""
    # (扣社保之前是2150 里面还有两百多是加班费 — ZW-04: an overtime sum: the pay less its overtime)
    return (not tracker.active_loop_name and last_flow(tracker) == "minimum_wage_form"
            and (not _OVERTIME_WORDS.search(text) or pay_less_overtime(text) is not None)
            and not re.search(r"欠|拖|没发|不发", text)
            and not v.shortfall_said(text))  # 老細少俾咗900蚊 (XK-16: 月工资 900): owed, not the pay


def wage_after_minimum_wage(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """A bare sum said after the minimum wage answer is the monthly pay to compare."""
    if "amount" not in facts or "monthly_wage" in facts or not follows_minimum_wage(tracker):
        return facts
    moved = dict(facts)
    moved["monthly_wage"] = moved.pop("amount")
    return moved


_ROUGH_PAY = re.compile(r"(?:一个月|每个?月|月薪|工资)\S{0,4}?[\d一二两三四五六七八九十百千万]+(多|来|出头|左右)")


_OTHERS_OWED = re.compile(r"(?:他们|她们|工友们|别的工友|其他工友|其他人|别人|同事们|那些工友)(?:也|都|还|也都)?"
                          r"(?:被)?(?:拖|欠|没发|没拿|没给)")
_LAST_MONTH = re.compile(r"^(?:上个?月|上一个月|上月)(?:的)?(?:工资|工钱)?$")


def owed_per_month(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """欠了3个月，每个月6500 in the wage case: the owed sum is the month's pay times the months
    owed (19,500), not one month's pay. With the months unknown the pay stays a monthly wage and
    the form asks the sum."""
    if "monthly_wage" not in facts or "amount" in facts or not (
            _about_arrears(tracker) or ("duration" not in facts and _months_told_as_owed(tracker))) \
            or v.says_nothing_owed((tracker.latest_message or {}).get("text") or ""):
        return facts  # (没欠钱啊 … 一个月六千, XP-7: 48,000 owed on the months worked)
    duration = str(facts.get("duration") or tracker.get_slot("duration") or "")
    # 上个月工资4000到现在没发 (ZC-13, ZC-16 were asked 一共欠了多少钱): last month's pay, owed
    count = months_in(duration) or (1 if _LAST_MONTH.match(duration) else None)
    if not count or not isinstance(facts["monthly_wage"], int):
        return facts
    moved = dict(facts)  # the month's pay stays known (ZC-12: 一个月五千五 missing from the ticket)
    moved["amount"] = round(moved["monthly_wage"] * count)
    text = (tracker.latest_message or {}).get("text") or ""
    if rough := _ROUGH_PAY.search(text):  # 一个月五千多 俩月: 约1万多元, not exactly 10,000
        moved["amount"] = v.rough_sum(float(moved["amount"]), rough.group(1))
    return moved


def duration_said_before(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """laoban qian wo gongzi 我在成都装修公司 大半年了, then the menu, then 讨要欠薪 (XG-16: 欠了多长
    时间了 asked): once the wage case is open, a time said before it is how long the wages are owed."""
    if "duration" in facts or tracker.get_slot("duration") is not None or not _about_arrears(tracker):
        return facts
    for text in reversed(case_messages(tracker)):
        if said := v.time_owed_said(text):
            return {**facts, "duration": said}
    return facts


def docked_so_far(tracker: Tracker) -> int | float:
    """The money the worker said was docked in this case (扣了我五百), each sum once."""
    return v.docked_total([*case_messages(tracker), (tracker.latest_message or {}).get("text") or ""])


def docked_added(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """老板两个月没发工资了 还扣了我五百说我迟到 (XG-3: the 500 never reached the case, then became
    the month's pay): the sum owed worked out from the month's pay and the months has the money
    docked added (9,500 × 2 + 500 = 19,500); a sum the worker said is kept as said."""
    docked_now = facts.pop("docked", None)  # no slot of its own: the ticket's points say it
    wage = facts.get("monthly_wage", tracker.get_slot("monthly_wage"))
    months = months_in(str(facts.get("duration") or tracker.get_slot("duration") or ""))
    if not isinstance(wage, int) or not months:
        return facts  # (before the scan of the case's messages: this runs on every message)
    total = docked_so_far(tracker)
    if not total:
        return facts
    worked_out = round(wage * months)
    if "amount" in facts:
        return {**facts, "amount": worked_out + total} if facts["amount"] == worked_out else facts
    if docked_now and tracker.get_slot("amount") == worked_out:
        return {**facts, "amount": worked_out + total}  # 还有扣的那五百你没写上, on the summary
    return facts


def paid_taken_off(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """老板欠俺三个月工资 一个月五千五 过年前给了一千 (m2-13: filed 16,500 owed): a part already paid
    comes off the sum worked out from the month's pay and the months (15,500); a sum the worker
    said is kept as said."""
    wage = facts.get("monthly_wage", tracker.get_slot("monthly_wage"))
    months = months_in(str(facts.get("duration") or tracker.get_slot("duration") or ""))
    if "amount" not in facts or not isinstance(wage, int) or not months or not _about_arrears(tracker):
        return facts
    worked_out = round(wage * months) + docked_so_far(tracker)
    if facts["amount"] != worked_out:
        return facts
    texts = dict.fromkeys([*case_messages(tracker), (tracker.latest_message or {}).get("text") or ""])
    paid = sum(float(p) for t in texts if (p := paid_so_far(t)))
    return {**facts, "amount": round(worked_out - paid)} if 0 < paid < worked_out else facts


def owed_after_months(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """一个月4500 to 一共欠了多少钱, then 三个月 (Y-19 filed 4,500 owed for four months): the sum
    owed is the month's pay times the months, when the months come after the pay (and again when
    they are corrected)."""
    months = re.fullmatch(r"P(\d+)M", str(facts.get("duration") or ""))
    # 拖欠咗我兩個月人工 每個月六千蚊 (VI-14: 一共欠了多少钱 asked): the pay said with the months, in the
    # same message, works the sum out too
    wage, owed = facts.get("monthly_wage", tracker.get_slot("monthly_wage")), tracker.get_slot("amount")
    if facts.get("wage_basis", tracker.get_slot("wage_basis")) in ("day", "hour"):
        return facts  # (一天三百 … 两个月: no month's pay to multiply)
    if not months or "amount" in facts or not isinstance(wage, int) or not _about_arrears(tracker) \
            or v.says_nothing_owed((tracker.latest_message or {}).get("text") or ""):
        return facts
    before = re.fullmatch(r"P(\d+)M", str(tracker.get_slot("duration") or ""))
    worked_out = wage * int(before.group(1)) if before else wage
    if owed not in (None, v.UNKNOWN, wage, worked_out, worked_out + docked_so_far(tracker)):
        return facts  # a sum the worker said: kept (not yet said or 不清楚: worked out)
    return {**facts, "amount": wage * int(months.group(1))}


# 三个月没发工资了…每个月五千块钱一分没见着 我真不想活了 (GG-12: the crisis came first, and
# the form resumed later asked 一共欠了多少钱): unpaid wages told, whatever the intent
_UNPAID = r"(?:没发|没给|不给|不发|欠|拖|没拿到|一分没拿|没到手|没结)"  # (半年工资一分没拿到, XK-15)
# (欠了我和另外5个工友三个月工资，一个月八千五: 一共欠了多少钱 asked — the owed words too far apart)
_WAGES_UNPAID = re.compile(rf"{_UNPAID}[^\s，,。；;？?！!]{{0,14}}?(?:工资|工钱|人工)|(?:工资|工钱)\S{{0,4}}{_UNPAID}")
# 物业公司俩月没发钱了 一个月3k (XG-14: 一共欠了多少钱 asked): the money unpaid for months is the pay
# (not the overtime's: 加班的钱俩月没给)
_MONEY_UNPAID = re.compile(rf"(?:[俩仨两二三四五六七八九十几\d]|半年)\s*个?多?月\S{{0,3}}?{_UNPAID}(?:我|俺)?的?钱|"
                           rf"{_UNPAID}(?:了|我|俺)*\S{{0,2}}?(?:[俩仨两二三四五六七八九十几\d]\s*个?多?月|半年)的?钱|"
                           r"(?:薪水|薪资|开支)\S{0,3}(?:没发|没给|不给|不发)")


def wages_unpaid(text: str) -> bool:
    """The message says the wages are unpaid (工资没发 / 俩月没发钱了 / 欠了俩月的钱)."""
    return bool(_WAGES_UNPAID.search(text)) or (bool(_MONEY_UNPAID.search(text)) and "加班" not in text)


def _months_told_as_owed(tracker: Tracker) -> bool:
    """老板欠了俩月工资没发, then 叫鑫达电子 一个月5200 in a later message with no form open
    (XA-13: 一共欠了多少钱 asked, 刚说了啊): the months held were told as wages owed, so the
    month's pay said now times them is the sum owed."""
    if tracker.active_loop_name or not tracker.get_slot("duration"):
        return False
    set_at = None
    for event in reversed(tracker.events):
        if event.get("event") == "slot" and event.get("name") == "duration" and set_at is None:
            set_at = event.get("value")
        elif event.get("event") == "user" and set_at is not None:
            text = event.get("text") or ""
            return set_at == tracker.get_slot("duration") and wages_unpaid(text) \
                and not _LEGAL_CASE.search(text)
    return False


_LEGAL_CASE = re.compile(r"合同|辞退|开除|辞职|试用期|社保|工伤|补偿|赔偿")


def _about_arrears(tracker: Tracker) -> bool:
    latest = tracker.latest_message or {}
    intent = (latest.get("intent") or {}).get("name")
    text = latest.get("text") or ""
    # (干了5个月了 一直没签合同 … 月工资6500, ZZ-06: read as arrears, 32,500 owed was filed):
    # a legal question with the months worked is no arrears unless it says so
    return tracker.active_loop_name == "wage_arrears_form" or (
        not tracker.active_loop_name and ((intent == "wage_arrears" and not _LEGAL_CASE.search(text))
                                          or wages_unpaid(text)))


def place_inside_employer(tracker: Tracker, facts: dict[str, Any]) -> list[dict]:
    """青岛海纳建筑 names an employer, not where the worker works: a city or district the NLU
    found only inside the employer's name is undone, so the form still asks for the place."""
    text = (tracker.latest_message or {}).get("text") or ""
    employer = facts.get("employer")
    ctx = context_of(tracker)
    # the message read as the employer's name only when it answers (辛安街道的工会服务站在哪,
    # asked mid-form, is another service's question: its place stays)
    if not employer and ctx.asked == "employer" and ctx.intent not in SERVICE_INTENTS:
        checked = v.employer_answer(text)
        employer = checked.value if checked.ok and checked.value != v.UNKNOWN else None
    if not isinstance(employer, str) or not employer:
        return []
    # 一个姓刘的包工头 在西海岸新区长江路街道的工地: a place after 在 describes where the
    # employer is, which is the worker's place of work, and so is a site joined to a described
    # boss (包工头姓刘，黄岛区辛安街道的工地); only a place in the name itself is undone
    name = re.split(r"在|，", employer, maxsplit=1)[0]
    events = []
    for slot, value in slots_set_this_turn(tracker).items():
        if slot not in ("city", "district") or not isinstance(value, str) or not value:
            continue
        if value in name and text.count(value) <= name.count(value) \
                and not v.place_and_site_only(_BOSS_DESCRIBED.sub("", name)):
            events.append(SlotSet(slot, value_before_this_message(tracker, slot)))
    return events


# 辛安街道工地（姓刘的包工头）: a site at the place, the boss described in brackets (VI-1: the street undone,
# the ticket filed to 青岛市) — read as validators.place_and_site_only reads 黄岛长江路街道工地
_BOSS_DESCRIBED = re.compile(r"（[^）]*）")


async def _paths(names: list[str]) -> dict[str, dict]:
    """Each place's path from the backend ({} for all when it is away)."""
    try:
        return {n: ((await client().resolve(None, n)).get("path") or {}) for n in names}
    except Exception:  # the places stay as read
        logger.exception("reading the places' paths failed")
        return {}


def _inside(path: dict, name: str) -> bool:
    """A place's path names ``name`` as a wider place (沂河路社区 → 辛安街道 → 黄岛区)."""
    return any(isinstance(part, str) and part and (part.startswith(name) or name.startswith(part))
               for level, part in path.items() if level in ("street", "district", "city", "province"))


async def known_place_of_several(tracker: Tracker) -> list[dict]:
    """我在广州送外卖 … 有啥福力没 (I-22): the model read the typo 福力 as a second city, and
    the last city named wins the slot. With several places of one kind in a message, the slot
    takes the last one the backend knows (none known: as the model read it)."""
    entities = (tracker.latest_message or {}).get("entities") or []
    events = []
    for slot, value in slots_set_this_turn(tracker).items():
        named = [e.get("value") for e in entities if e.get("entity") == slot and e.get("value")]
        if slot not in ("city", "district") or len(set(named)) < 2 or not isinstance(value, str):
            continue
        try:
            known = [n for n in named if await resolve_place(n)]
        except Exception:  # a place is a bonus here; never cost the worker an answer
            logger.exception("checking the places of a message failed")
            continue
        # 沂河路社区那个站 跟辛安总站是一个地方吗 (ZZ-10 got the 辛安 station twice): of two places
        # one inside the other, the inner one is the place asked about
        paths = await _paths(known) if len(known) > 1 else {}
        inner = [n for n in known if any(other != n and _inside(paths.get(n) or {}, other) for other in known)]
        best = (inner or known)[-1] if known else value  # none known (or the backend away): as read
        if best != value:
            tracker.slots[slot] = best  # seen by the readers of this turn's slots below
            events.append(SlotSet(slot, best))
    return events


# 户口在老家安徽 / 老家是河南的 / 户籍在…: where the hukou is, not where the worker lives and works
_PROVINCES = ("河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州|云南|陕西|"
              "甘肃|青海|广西|内蒙古?|宁夏|新疆|西藏|重庆")
# (老家 then a verb — 从安徽老家转过来黄岛 — names no place after it: 黄岛 was undone, ZR-01)
_HUKOU_PLACE = re.compile(rf"(?:(?:户口|户籍)(?:是|在|落在)(?:老家)?|老家(?:是|在)|老家(?={_PROVINCES})|籍贯(?:是)?)"
                          r"\s*(?![在我俺但可不])([\u4e00-\u9fff]{2,8})")  # (户口在老家 在黄岛区…: none named)
_HUKOU_AFTER = re.compile(r"的?(?:户口|户籍)")  # 河南户口: the place said before it
# 我是河南的 / 从安徽老家转过来 (ZR-01, round 35: the case filed to 河南 and 合肥, the worker in
# 辛安): where the worker comes from; 我是X的 only for a province (我是黄岛的 says where they are)
_HOME_PLACE = re.compile(rf"(?:我|俺|我们|俺们)(?:是|都是)({_PROVINCES})(?:省)?(?:的|人)|"
                         r"从\s*([\u4e00-\u9fff]{2,6}?)(?:省|市)?(?:老家|那边)?(?:转过来|转来|过来|来的|来)|"
                         # 我想過了年再回貴州 (ZU-14: 贵州 taken as where the worker is)
                         rf"回(?:老家)?\s*({_PROVINCES})")
# (没有青岛户口辛安这边的学校, ZF-01: 辛安 after 户口 was taken as the hukou's place and the
# school case went to 青岛's centre; 没有青岛户口 says the worker is in 青岛)


_HOLIDAY_NAMES = re.compile(r"国庆|春节|过年|五一|劳动节|元旦|清明|端午|中秋|除夕")
_DAYS_TOLD = re.compile(r"\d+\s*天|[一二两三四五六七八九十]+\s*天|天天|每天|\d+\s*号|周[六日末]|小时|钟头")
_OVERTIME_FLOW = ("overtime_form",)


def days_with_what_came_before(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """5220 上个月上了22天班 天天都加 after 每天晚上都要加班 大概两个钟头 (ZA-02: asked again and
    again), 哦不对 是4天 1号到4号 after 国庆节在仓库上了5天班 (ZA-03: ignored): days that mean
    something only with the message before are read with it — a correction with the holiday
    named before, anything else with the whole message before."""
    if "overtime_days" in facts:
        return facts
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    in_overtime = tracker.active_loop_name in _OVERTIME_FLOW or last_flow(tracker) in _OVERTIME_FLOW
    if not in_overtime or not _DAYS_TOLD.search(text) or text.startswith("/"):
        return facts
    before = [m for m in worker_messages(tracker, 3)[:-1] if not m.startswith("/")]
    if not before:
        return facts
    if v.is_correction(text):
        names = "".join(dict.fromkeys(_HOLIDAY_NAMES.findall(" ".join(before))))
        if not names or _HOLIDAY_NAMES.search(text):
            return facts
        cues = list(CORRECTION_CUES.finditer(text))
        told = f"{names} {text[cues[-1].end():]}" if cues else f"{names} {text}"
    else:
        told = f"{before[-1]} {text}"
    if read_worked_days(told):
        return {**facts, "overtime_days": told}
    return facts


_ALSO = re.compile(r"也|还有|另外|再加|加上")


def more_days_of_the_holiday(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """4号5号也上了 没给调休 after 国庆 3天 was worked out (YQ-13: the menu): days of the month
    said bare with 也 are more days of the holiday talked about — the dates held and these, one
    text (the kind of each date is the calendar's: 10月4日 is a rest day)."""
    held = tracker.get_slot("overtime_days")
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if "overtime_days" in facts or not isinstance(held, str) or not _ALSO.search(text) \
            or v.is_correction(text) or last_flow(tracker) not in _OVERTIME_FLOW:
        return facts
    told = holiday_days_said_bare(text, [*worker_messages(tracker, 4)[:-1], held])
    old = read_worked_days(held)
    new = read_worked_days(told) if told else None
    if not new or not old.dates or set(new.dates) <= set(old.dates) \
            or old.extended_hours or old.hours_per_day or old.weekly_days:
        return facts
    dates = "、".join(f"{d.month}月{d.day}日" for d in sorted(set(old.dates) | set(new.dates)))
    return {**facts, "overtime_days": f"{dates} {text}"}


def place_of_hukou(tracker: Tracker) -> list[dict]:
    """A city or district said as the hukou's place (C17: 户口在老家安徽 routed the school case to
    合肥, the worker lives in 上海闵行) is undone: the case goes where the worker is."""
    text = (tracker.latest_message or {}).get("text") or ""
    hukou = " ".join([m.group(1) for m in _HUKOU_PLACE.finditer(text)]
                     + [next(g for g in m.groups() if g) for m in _HOME_PLACE.finditer(text)]
                     + [text[max(0, m.start() - 3):m.start()] for m in _HUKOU_AFTER.finditer(text)
                        if not re.search(r"没|不是|非", text[max(0, m.start() - 6):m.start()])])
    if tracker.get_slot("requested_slot") == "hukou_status" and (bare := v.hukou_origin(text)) \
            and bare in text and len(text.strip()) <= 8:
        hukou = bare  # 四川, said to the hukou question (NN-02: kept as the worker's city)
    return _places_undone(tracker, text, hukou)


# 街道不知道 to 您在黄岛哪个街道或镇 (XP-7: 已更正：地点改为街道): the name of a level of place, no
# place named
_PLACE_LEVEL_ONLY = re.compile(r"(?:这个|那个|哪个|啥|什么)?(?:街道|街道办|镇|乡|社区|村|区|县|市|街|路|小区|地方)")


def place_level_undone(tracker: Tracker) -> list[dict]:
    """A city or district the NLU set this turn to a bare level word (街道, 镇), set back."""
    return [SlotSet(slot, value_before_this_message(tracker, slot))
            for slot, value in slots_set_this_turn(tracker).items()
            if slot in ("city", "district") and isinstance(value, str) and _PLACE_LEVEL_ONLY.fullmatch(value.strip())]


def _places_undone(tracker: Tracker, text: str, words: str) -> list[dict]:
    """The city or district set by this message back to what it was, when the place was said
    (once) only inside ``words``: somewhere that is not where the worker is."""
    return [SlotSet(slot, value_before_this_message(tracker, slot))
            for slot, value in slots_set_this_turn(tracker).items()
            if slot in ("city", "district") and _said_only_in(text, value, words)]


def _said_only_in(text: str, place: Any, words: str) -> bool:
    """The place (东莞市) is named once in the message, inside ``words``."""
    stem = place.rstrip("省市区县") if isinstance(place, str) else ""
    return bool(words and stem and stem in words and text.count(stem) == 1)


# 那广东那边呢 我老乡在东莞 (OO-05: 好的，记下了：城市 东莞市, the worker still in 上海): where
# someone else is, not the worker (a child's place is the case's own: the school is there)
# (我爱人在深圳一个电子厂上班, YO-05: 地点 became 深圳市)
_SOMEONE_ELSES_PLACE = re.compile(r"(?<![和跟与同])(?:老乡|朋友|亲戚|同事|工友|同乡|哥们|我哥|我弟|我姐|我妹|我爸|我妈|"
                                  r"老公|媳妇|老婆|爱人|对象|男人|丈夫|妻子|那口子|家属|他们|他|她)"
                                  r"(?:现在|也|都|还)?(?:在|住在|去了|跑到)\s*([\u4e00-\u9fff]{2,8})")
# the worker's own facts said beside: 我也是送外卖的 / 俺在青岛上班 (not 我能申请吗)
_OWN_CLAUSE = re.compile(r"(?:我|俺)们?(?:也|还|自己|现在|是|在|做|干|送|跑|开|留|回|不回|过年)")
# the facts of the one the message is about (the place is undone whoever it is)
_THEIR_CASE_FACTS = ("employer", "occupation", "holiday_situation")


def _someone_elses_words(text: str) -> str:
    """What follows 我老婆在 / 老乡在 / 你们…的: words naming where someone else is."""
    others = [m.group(1) for m in _SOMEONE_ELSES_PLACE.finditer(text)]
    others += [m.group(1) for m in re.finditer(r"你们\s*([\u4e00-\u9fff]{2,3}?)(?:的|那边|这边|那里|工会)", text)]
    return " ".join(others)


# 老高不是单位 是脚肿的老高 单位叫啥我也不知道 (VB-5: 单位改为老高, the correction applied backwards):
# the name the worker says is no employer
_NOT_THE_EMPLOYER = re.compile(r"(?:那个|这个)?([\u4e00-\u9fff]{2,10}?)(?:也|并|根本|可|都)?不是(?:我的?|俺的?)?"
                               r"(?:单位|公司|厂子?名?|厂家|老板|包工头|东家|雇主)")


def employer_denied(tracker: Tracker, facts: dict[str, Any]) -> tuple[dict[str, Any], list[dict]]:
    """(the facts without an employer the message denies, the held employer undone when it is
    that one: 不清楚 when the worker says they do not know it)."""
    text = (tracker.latest_message or {}).get("text") or ""
    said = _NOT_THE_EMPLOYER.search(text)
    if not said:
        return facts, []
    name = said.group(1)
    if name in str(facts.get("employer") or "") or str(facts.get("employer") or "-") in name:
        facts = {k: val for k, val in facts.items() if k != "employer"}
    held = tracker.get_slot("employer")
    if isinstance(held, str) and (name in held or held in name):
        rest = text[said.end():]
        return facts, [SlotSet("employer", v.UNKNOWN if v.says_unknown(rest) or "不知道" in rest else None)]
    return facts, []


# 俺住崂又泊那边不是辛安 (VB-15: 好的，记下了：地点 辛安 — the place denied, set by the NLU's own mapping):
# the place the worker says they are at instead, in the words before 不是
_PLACE_AFFIRMED = re.compile(r"(?:住在?|在|是)\s*([\u4e00-\u9fff]{2,8}?)(?:那边|这边|那块|这块|一带|附近|那儿|这儿)?\s*"
                             r"(?:而)?不是")


async def place_denied_undone(tracker: Tracker) -> list[dict]:
    """A city or district the message set to a place its correction denies (不是辛安) set back, or
    to the place said instead (住崂又泊那边) when the backend knows it."""
    text = (tracker.latest_message or {}).get("text") or ""
    denied = [d for d in v.denied_values(text) if len(d) >= 2]
    wrong = {slot: value for slot, value in slots_set_this_turn(tracker).items()
             if slot in ("city", "district") and isinstance(value, str)
             and any(value.rstrip("省市区县") in d or d in value for d in denied)}
    if not wrong:
        return []
    said = _PLACE_AFFIRMED.search(text)
    for name in [said.group(1) + end for end in ("", "社区", "街道", "镇")] if said else []:
        found = await resolve_place(name)  # (崂又泊 is known as 崂又泊社区)
        if found and not any(d in str(found.get("district") or found.get("city")) for d in denied):
            return [SlotSet(slot, value) for slot, value in found.items()]
    events = []
    for slot in wrong:
        before = value_before_this_message(tracker, slot)
        if isinstance(before, str) and any(d in before for d in denied):
            before = said.group(1) if said and slot == "district" else None  # 辛安街道 denied too
        events.append(SlotSet(slot, before))
    return events


# 我在济南 历下区 不在青岛 (VL-4: the city slot took 青岛, and 历下区 was looked for under it)
_NOT_IN = re.compile(r"(?:不在|没在|不是在|不住在?)\s*$")


def place_not_in_undone(tracker: Tracker) -> list[dict]:
    """A city or district set this turn to a place the message says the worker is not in (不在青岛): set to
    the other place of that kind the message names, else back to what it was."""
    latest = tracker.latest_message or {}
    text = latest.get("text") or ""
    entities = latest.get("entities") or []
    events = []
    for slot, value in slots_set_this_turn(tracker).items():
        if slot not in ("city", "district") or not isinstance(value, str) or not value:
            continue
        stem = value.rstrip("省市区县")
        spots = [m.start() for m in re.finditer(re.escape(stem), text)] if stem else []
        if not spots or not all(_NOT_IN.search(text[max(0, at - 4):at]) for at in spots):
            continue
        others = [str(e.get("value")) for e in entities if e.get("entity") == slot and e.get("value")
                  and str(e.get("value")).rstrip("省市区县") != stem]
        events.append(SlotSet(slot, others[0] if others else value_before_this_message(tracker, slot)))
    return events


def place_of_someone_else(tracker: Tracker) -> list[dict]:
    """A city or district the message says someone else is in is undone (the worker's stays);
    so is the union's own (那你们青岛的能帮我办吗 from a worker in 苏州, ZJ-09: 青岛's centre was
    called the nearest station)."""
    text = (tracker.latest_message or {}).get("text") or ""
    return _places_undone(tracker, text, _someone_elses_words(text))


def without_someone_elses(tracker: Tracker, facts: dict[str, Any]) -> dict[str, Any]:
    """我老婆在东莞厂里 她那边春节留岗有补贴吗 from a worker in 青岛 (YO-05: 地点 became 东莞市,
    过年安排 留下): someone else's place is not the worker's, and — when the worker says nothing
    of their own — neither are the employer, job or holiday plan that replace the worker's own
    (我老乡在东莞送外卖, ZG-14: 工作改为外卖骑手); a number said as the boss's is no phone of
    the worker's."""
    text = (tracker.latest_message or {}).get("text") or ""
    words = _someone_elses_words(text)
    kept = {k: val for k, val in facts.items() if k not in ("city", "district") or not _said_only_in(text, val, words)}
    for other in _SOMEONE_ELSES_PLACE.finditer(text):
        if _OWN_CLAUSE.search(re.sub(r"(?:我|俺)的?$", "", text[:other.start()]) + " " + text[other.end():]):
            break
        # (他在黄岛开了个厂: 他 may be the boss, whose business is where the worker works)
        theirs = ("occupation",) if other.group(0).startswith(("他", "她")) else _THEIR_CASE_FACTS
        kept = {k: val for k, val in kept.items() if k not in theirs
                or (k != "occupation" and tracker.get_slot(k) in (None, v.UNKNOWN))}
    held = tracker.get_slot("employer")
    if isinstance(kept.get("employer"), str) and held not in (None, v.UNKNOWN) and re.search(
            re.escape(kept["employer"]) + r"的?(?:电话|手机|号码|联系方式)", text):
        kept.pop("employer")  # 这是工头老刘的号码 13700001111 (海纳建筑 became 工头老刘): whose number
    if "phone" in kept and str(kept["phone"]) in phones_said(text)[1]:
        kept.pop("phone")  # 包工头电话幺三八… (read from the words)
    return kept


# 包工头电话13812345678 一直不接 / 这是工头老刘的号码 137… (YP-14: the summary's 手机号 was the
# contractor's): a number said as someone else's, and the words that say whose it is
_PHONE_WORD = re.compile(r"电话|手机|号码|联系方式")
_TOKEN_END = re.compile(r"[^\s，,。；;！!？?]*$")


def _said_as_someone_elses(before: str, after: str) -> bool:
    """The number between ``before`` and ``after`` is given as someone else's: 包工头电话 right
    before it, or 是老板的 right after it (我电话是… after 老板电话打不通 stays the worker's)."""
    last = _TOKEN_END.search(before.rstrip())
    token = last.group(0) if last else ""
    words = [m.end() for m in _PHONE_WORD.finditer(token)]
    if words:
        token = token[:words[-1]]
        token = token[max(token.rfind("我"), token.rfind("俺"), 0):]  # 我老板的电话 is still the boss's
        if someone_elses_phone(token):
            return True
    told = re.match(r"\s*(?:是|就是)([^\s，,。；;！!？?]{1,10})", after)
    return told is not None and someone_elses_phone(told.group(1) + "电话")


def phones_said(text: str) -> tuple[list[str], list[str]]:
    """The mobile numbers a message gives, as (the worker's own, someone else's)."""
    text = v.spoken_digits(normalize_text(text or ""))
    own: list[str] = []
    others: list[str] = []
    found = list(v.PHONE_SPOKEN.finditer(text))
    for i, m in enumerate(found):
        number = v.phone(m.group(0))
        if not number.ok:
            continue
        before = text[found[i - 1].end() if i else 0:m.start()]
        after = text[m.end():found[i + 1].start() if i + 1 < len(found) else len(text)]
        (others if _said_as_someone_elses(before, after) else own).append(str(number.value))
    return own, others


def phone_of_someone_else(tracker: Tracker) -> list[dict]:
    """包工头电话13812345678 一直不接 while the head count was asked (YP-14: the summary's 手机号
    was the contractor's): a number said as someone else's is undone — the worker's own said
    beside it is the phone. While the phone is asked, the form then asks it again (its reader
    of digits would take the contractor's number as written)."""
    own, others = phones_said((tracker.latest_message or {}).get("text") or "")
    now = slots_set_this_turn(tracker).get("phone")
    if not others or (now is not None and str(now) not in others) \
            or (now is None and tracker.get_slot("requested_slot") != "phone"):
        return []
    return [SlotSet("phone", own[-1] if own else value_before_this_message(tracker, "phone"))]


async def city_of_district(tracker: Tracker, events: list[dict]) -> list[dict]:
    """The city of a district told without it (辛安街道, 薛家岛街道): ZI-16 and ZL-11 were asked
    您在哪个城市 after the street was given, and 青岛啊 then replaced the street with the district."""
    final = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    district = final.get("district", tracker.get_slot("district"))
    city = final.get("city", tracker.get_slot("city"))
    if city or not isinstance(district, str) or not district or district == v.UNKNOWN:
        return []
    try:
        found = await resolve_place(district)
    except Exception:  # a place is a bonus here; never cost the worker an answer
        logger.exception("finding the city of a district failed")
        return []
    return [SlotSet("city", found["city"])] if found and found.get("city") else []


def place_asked_about(tracker: Tracker, words: str | None) -> list[dict]:
    """那广东呢 after 上海's measures (ZA-10 filed the ticket for 广东): another place asked
    about is undone, the worker's own stays."""
    return _places_undone(tracker, (tracker.latest_message or {}).get("text") or "", words or "")


def _figure_forms(value: float) -> set[str]:
    """How the bot may have written a sum: 160,000 / 160000 / 16万."""
    forms = {f"{value:,.0f}", f"{value:.0f}"}
    if value >= 10000 and value % 10000 == 0:
        forms.add(f"{value / 10000:.0f}万")
    return forms


# 我底薪兩千 / 我的底薪是2000 / 我基本工资两千 after 年后保底工资2000元 (XI-4: the sum worked on
# 2,000, then 您的月工资是多少？): the worker's own pay, whatever figure the bot named
_PAY_WORD = r"(?:月薪|工资|月工资|底薪|基本工资|保底工资?|底工资)"
_OWN_PAY = re.compile(rf"(?:我|俺)(?:的)?(?:(?:一个月|每个?月)(?:的)?{_PAY_WORD}?|{_PAY_WORD})"
                      r"(?:是|有|就|才|也就|只有)?\s*(?:\d|[一二两三四五六七八九])|"
                      # 按两千保底算 / 按2000算 to the wage question (YS-13: the figure the bot had just
                      # said was dropped as its own, and the wage asked again)
                      r"(?:就|那就|那)?按\S{0,2}?(?:\d|[一二两三四五六七八九])\S{0,6}?算")


def bots_own_figures(tracker: Tracker, facts: dict[str, Any]) -> list[str]:
    """Money facts of a question that are a figure the bot just said (a measure's maximum, the
    sum it worked out): asked about, not the worker's own case."""
    text = normalize_text((tracker.latest_message or {}).get("text") or "")
    if not (is_question(text) or re.search(r"你(?:刚才)?说的?|上面说的?", text)) \
            or _OWN_PAY.search(text):
        return []  # 过年上班加班费咋算 我一个月两千 after 保底2000 (ZQ-15: the wage asked again)
    return [slot for slot in _MONEY if isinstance(facts.get(slot), (int, float))
            and any(said_this_turn(tracker, form, earlier_turns=1)
                    for form in _figure_forms(float(facts[slot])))]
