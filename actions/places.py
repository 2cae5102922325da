"""Places in the worker's words: which one the backend knows, and another place asked about.

那广东呢 right after 上海's holiday measures (ZA-10) is a question about 广东, not the worker
moving there: the ticket offered stays 上海's, and the answer is 广东's measures (or its
minimum wage, after a minimum wage) — or, with nothing on record there, says so.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions import validators as v
from actions.backend_client import BackendError, BackendUnavailable
from actions.common import client, recent_replies
from actions.fact_tables import places_named
from actions.facts import fact_text, form_topic, is_question, minimum_wage_by_place, minimum_wage_place_asked
from actions.slot_checks import Slots, value_before_this_message
from actions.subsidies import measures_for, measures_text
from bot.normalize.text import normalize_text

# (那)广东呢 / 那北京那边有没有 / 要是在深圳的话呢: a place, and only a question about it
_OTHER_PLACE_ASKED = re.compile(
    r"^(?:那|那么)?(?:要是|如果|换成|换到)?(?:在|去)?([\u4e00-\u9fff]{2,8}?)"
    r"(?:那边|那里|那儿|的话|市|省)?(?:呢|有吗|有没有|有没|怎么样|咋样|是多少|多少|的呢)"
    r"[？?。.!！\s]*$"
)
_NOT_A_PLACE = re.compile(
    r"我|俺|你|他|她|那|这|啥|什么|怎么|钱|工资|补贴|加班|周末|平时|晚上|白天|过年|春节|"
    r"孩子|老婆|小孩|工会|单位|公司|厂|工地|标准|今年|去年|明年"
)
# 那我老乡在广东呢 送外卖的 (ZQ-05: the offer again, then the ticket moved to 深圳)
_SOMEONE_THERE = re.compile(
    r"^(?:那|那么)?(?:我|俺)?的?(?:老乡|朋友|亲戚|同事|工友|家里人|哥|弟|姐|妹|老公|媳妇|老婆|对象)(?:现在|也|要是)?"
    r"(?:在|去)([\u4e00-\u9fff]{2,8}?)(?:那边|那里|那儿|市|省)?(?:呢|的话呢|有吗|有没有|咋样|怎么样)[？?。.!！]*$"
)
_ANOTHER_PERSON = re.compile(r"老乡|朋友|亲戚|同事|工友|家里人|我哥|我弟|我姐|我妹|老公|媳妇|老婆|对象|爱人|丈夫|妻子")
_PERSON = r"(?:老乡|朋友|亲戚|同事|工友|家里人|哥|弟|姐|妹|老公|媳妇|老婆|对象|爱人|丈夫|妻子|男人)"
# 我老婆在东莞厂里 她那边春节留岗有补贴吗 / 我爱人在深圳厂里上班 那边有吗: where someone else is,
# with more words around it than 那我老乡在广东呢 (the place ends where the workplace or 那边 begins)
_SOMEONE_ELSE_IN = re.compile(
    rf"(?:我|俺)的?{_PERSON}(?:现在|也|要是|还)?(?:在|去了?)\s*([\u4e00-\u9fff]{{2,8}}?)"
    r"(?=那边|那里|那儿|这边|厂|工地|公司|上班|打工|干活|做|市|省|的|[\s，,。？?！!]|$)"
)
# 我老婆在东莞 我在这边能领吗: the worker's own question after all (我 not of 我老婆)
_OWN_QUESTION = re.compile(rf"(?:我|俺)(?!的?{_PERSON})")
# the answers that depend on nothing but the place, by the case's topic
PLACE_TOPICS = ("过年补贴", "最低工资")


# 我在福田上班 / 福田这边打工的 / 在宝安做保洁 (XR-5: 福田上班 is no place the backend knows, so the
# form asked the city again and 最低工资 later asked it a third time): what the worker does there
# follows the place; the words before it are the place
_AFTER_THE_PLACE = re.compile(r"(?:上班|打工|干活|工作|做|干|送(?:外卖|快递)|"
                              r"跑(?:外卖|快递|单)|开(?:车|店|出租)|住|租房|上学|念书|"
                              r"这边|那边|这块|那块|一带|附近|的|厂|工地|公司|单位|店|那个|这个|一个|一家)")


def place_stem(words: str) -> str | None:
    """The place's own words in ``福田上班`` (福田), or None when nothing is cut off or too
    little is left to be a place."""
    cut = _AFTER_THE_PLACE.search(words or "")
    stem = words[:cut.start()] if cut else ""
    return stem if len(stem) >= 2 and stem != words else None


async def _resolved(words: str) -> dict | None:
    """The backend's reading of a place's words (None: not a place it knows, or it is away)."""
    try:
        return await client().resolve(None, words)
    except (BackendUnavailable, BackendError):
        return None


async def resolve_place(text: str) -> Slots | None:
    """The district and city the backend finds in a worker's words (李沧 → 李沧区, 青岛; 我在福田上班
    → 福田区, 深圳市), or None for no place it knows (or when it is away)."""
    checked = v.place(text)
    if not checked.ok:
        return None
    found = await _resolved(checked.value)
    if found is None and (stem := place_stem(checked.value)):
        checked = v.Checked(stem)
        found = await _resolved(stem)
    if found is None:
        return None
    path, kind = found.get("path") or {}, found.get("kind")
    city = path.get("city")
    if not city:
        return None
    named = path.get(kind) if kind in ("district", "street", "community") else None
    district = named if named and named not in checked.value else checked.value
    if named and named in checked.value and not checked.value.endswith(named):
        # 在黄岛区船厂干电焊 (ZB-01 filed 地点：黄岛区船): words after the place's name are not it
        district = checked.value[: checked.value.index(named) + len(named)]
    return {"city": city, **({"district": district} if kind != "city" else {})}


# the bot's own questions of where the worker is outside a form (the handoff's 告诉我您在哪个城市、区、
# 街道, the childcare sign-up's, the courses', the minimum wage's)
_WHERE_ASKED = re.compile(r"您在哪个(?:城市|区|街道)|所在的城市|您在哪(?:儿|里)")
# a place answers in a few words (福田 / 我在福田上班 / 深圳福田那边), not a sentence
_PLACE_ANSWER_CHARS = 12


async def place_told_when_asked(tracker: Tracker) -> Slots:
    """福田 / 我在福田上班 right after the bot asked where the worker is, outside a form (XR-5: read
    as a question about 福田职工书院, so the place was never kept and the city was asked again):
    the city and district the backend reads in the reply; {} for any other message."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if tracker.active_loop_name or not text or text.startswith("/") or is_question(text) \
            or len(re.findall(r"[\u4e00-\u9fff]", text)) > _PLACE_ANSWER_CHARS \
            or not any(_WHERE_ASKED.search(said) for said in recent_replies(tracker, 1)):
        return {}
    return await resolve_place(text) or {}


def other_place_asked(tracker: Tracker) -> str | None:
    """The words of another place asked about (那广东呢) while a case whose answer depends on
    the place is open and the worker's own place is known; None otherwise."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    first, _, rest = text.partition(" ")
    if rest and _ANOTHER_PERSON.search(rest):
        text = first  # 那广东呢 我老乡在东莞送外卖 (ZG-14): the place asked, then who it is for
    found = _OTHER_PLACE_ASKED.match(text) or _SOMEONE_THERE.match(first) or _someone_else_asked(text)
    if not found or _NOT_A_PLACE.search(found.group(1)) or form_topic(tracker) not in PLACE_TOPICS:
        return None
    own = [value_before_this_message(tracker, slot) for slot in ("city", "district")]
    if not any(isinstance(place, str) and place and place != v.UNKNOWN for place in own):
        return None
    return found.group(1)


def _someone_else_asked(text: str) -> re.Match[str] | None:
    """我老婆在东莞厂里 她那边春节留岗有补贴吗 (HG-01: answered for the worker's own 青岛): a
    question about the place where someone else of the worker's is, not about the worker."""
    found = _SOMEONE_ELSE_IN.search(text)
    if not found or not is_question(text) or _OWN_QUESTION.search(text[found.end():]):
        return None
    return found


async def other_place_lines(tracker: Tracker, words: str) -> list[str]:
    """What the case's answer is for another place, and that the worker's own case stays
    where it was; [] for words that are no place the backend knows."""
    checked = v.place(words)
    try:
        found = await client().resolve(None, checked.value) if checked.ok else None
    except (BackendUnavailable, BackendError):
        found = None
    path, kind = (found or {}).get("path") or {}, str((found or {}).get("kind") or "")
    if not path:
        return []
    name = path.get(kind) or words
    city = path.get("city") or path.get("province")
    district = name if kind in ("district", "street", "community") else None
    own_city, own_district = (value_before_this_message(tracker, slot) for slot in ("city", "district"))
    own = "".join(p for p in (own_city, own_district) if p and p != v.UNKNOWN) if not (
        own_city and own_district and own_city.rstrip("市") in own_district) else own_district
    if form_topic(tracker) == "过年补贴":
        measures = await measures_for(city, district)
        lines = (
            [measures_text(measures, header=f"{name}的过年措施：")]
            if measures
            else [f"{name}的过年措施我这里还没有收录。可以打当地的职工服务热线 12351 问。"]
        )
    else:
        try:
            facts = (await client().facts("最低工资是多少", city=city, district=district)).get("facts") or []
        except (BackendUnavailable, BackendError):
            facts = []
        lines = [fact_text(f) for f in facts[:2]] or [
            f"{name}的最低工资标准我这里还没有收录。可以打当地人社部门电话 12333 核实。"
        ]
    return lines + [f"（您自己的事还是按{own}登记。）"]


async def places_asked_lines(tracker: Tracker) -> list[str]:
    """The minimum wage of each place a message names right after a minimum wage was told
    (:func:`minimum_wage_place_asked`): the lines to say, [] when it is no such message."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not minimum_wage_place_asked(tracker, text):
        return []
    return [fact_text(f) for f in await minimum_wage_by_place(text, [], asked=True)]


# 老乡在福建福鼎皮革厂 一个月才一千八 合法吗 (XU-5: 青岛's minimum wage, the worker's own city, for a fellow
# villager's pay in 福鼎 — no 我 before 老乡, and the province and the workplace around the city): the
# person whose pay it is, and the words of where they are
_WHOSE = (r"(?:(?:我|俺)(?:家|的)?(?:亲|表|堂)?(?:哥哥?|弟弟?|姐姐?|妹妹?)|(?:表|堂)(?:哥|弟|姐|妹)|"
          r"(?:(?:我|俺)(?:家|的)?)?(?:老乡|朋友|亲戚|同事|工友|家里人|老公|媳妇|老婆|对象|爱人|丈夫|妻子|男人|"
          r"儿子|闺女|女儿|同学|邻居|小舅子|姐夫|妹夫|嫂子|侄子|侄女|外甥|发小|一个村的|村里人))")
_THEY_ARE_IN = re.compile(_WHOSE + r"(?:现在|也|都|还|一直)?(?:在|去了|跑到|到了?)\s*([^，,。；;？?！!\s]{2,16})")


def someone_elses_pay_place(text: str) -> tuple[str, str] | None:
    """(who, the city or province named) when the message speaks of another person's place — a
    relative's, a fellow villager's (老乡在福建福鼎皮革厂 → ("老乡", "福鼎")) — and asks nothing of the
    worker's own after it (我老乡在福鼎 我在这边…); None otherwise."""
    words = normalize_text(str(text or ""))
    found = _THEY_ARE_IN.search(words)
    if not found or _OWN_QUESTION.search(words[found.end():]):
        return None
    named = places_named(found.group(1))
    if not named:
        return None
    who = re.sub(r"^(?:我|俺)(?:家|的)?", "", found.group(0)[:found.start(1) - found.start()])
    who = re.sub(r"(?:现在|也|都|还|一直)?(?:在|去了|跑到|到了?)\s*$", "", who)
    return who, named[-1]
