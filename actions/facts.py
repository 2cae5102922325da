"""Questions about a figure, answered first (issue 10, item 8).

``answer_fact`` is the one entry point the dialogue uses: when the worker's latest message
asks for a figure (a relief threshold, a subsidy or red-packet amount, an insurance maximum,
an overtime multiplier, the arbitration time limit, a hotline number, a station), it returns
the reply texts — each with the figure, its source and date, from the backend — and the
dialogue says them before anything else. ``None`` means the message asks no such question.

Two steps: this module decides whether the message is a question at all (cheap, no call
for the statements that make up most of a case); the backend (``GET /api/v1/facts``)
decides which recorded figure it asks for, from the words of its records, and picks the
record of the place or employer the question names.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from decimal import Decimal
from functools import lru_cache

import cn2an
from rasa_sdk import Tracker

from actions.backend_client import BackendError, BackendUnavailable
from actions.common import bot_said, client, said_this_turn
from actions.crisis import crisis_words_in, is_crisis
from actions.fact_tables import places_named
from actions.in_kind import bonus_left_lines
from actions.overtime_calculator import money
from actions.seed_files import seed
from actions.station_followup import filed_type, service_at_station_reply
from actions.station_text import asked_time_line, is_own_station, station_text, wider_station_note
from actions.time_limits import applied_limit, late_demand_line
from bot.normalize.text import normalize_text

logger = logging.getLogger(__name__)
MAX_QUESTION = 500  # the backend's limit for a question
# What makes a message a question, with or without a question mark: question words and
# particles, and the nouns a figure is asked by (电话 / 标准 / 门槛 …).
_QUESTION = re.compile(
    r"\?|多少|几|多久|多长|多大|多高|多远|哪|吗|么|嘛|呢|是不是|能不能|可不可以|可以不|有没有|"
    r"怎样|如何|有没(?=[\u4e00-\u9fff])|"  # 年货点样攞 (点样→怎样) / 外卖仔有冇另外嘅嘢 (有冇→有没) (XY-8)
    r"会不会|要不要|行不行|对不对|够不够|算不算|咋|啥|什么|请问|问一下|问下|问问|想知道|想了解|"
    # 到底该谁交 / 就能走对吧 (ZB-11, ZB-10); 这钱还有谁能给 / 那钱谁来给啊 (VK-12: the wage form again)
    r"谁(?:能|来|会|该|可以)?(?:交|管|给|出|负责|赔|付)|还有谁|对吧|是吧|行吧|"
    r"告诉我|查一下|查下|电话|号码|热线|地址|最高|最多|上限|门槛|标准|时效|期限|倍|"
    r"合法不|违法不|犯法不|算数不|作数不|有效不|管用不|亏不亏|签不签|该不该|能要不|给不给|"  # T-09
    r"合不合法|违不违法|犯不犯法|算不算数|管不管用|"  # U-15
    r"还能|还可以|来得及|告得了|能告|是真的|"  # 现在还能告他不 过了一年多了 (Y-10)
    r"(?:钱|费|去|来|行|管|用|给|算|收|交)不[？?。]?$|"  # 要交钱不 on the offer (VV-03: read as no)
    r"(?:能|会|敢|可以)\S{0,12}(?:我|俺|他|她|人)不[？?。\s]*$|"  # 老板能因为这个开除俺不 (WW-13)
    r"(?:及|能|行|以|够|有|是|对|算|会|成)不[吗呢？?\s。]*$|"  # 来得及不 / 能申请不
    # 俺自己能去报不 医药费后面的谁出 (FF-07: the ticket offer again): who pays, and 能…不 in
    # the middle of a message
    r"谁(?:出|给|管|负责|赔|掏|来付|付|承担)|找谁|(?:能|可以|会)[\u4e00-\u9fff]{1,3}不(?=\s|[，,。；]|$)|"
    # 辞职是直接走还是得先跟他说 / 寒假管不管 (HH-09, HH-02): A还是B, and X不X
    r"(?<=\S)还是(?![没不那这一老])\S|([\u4e00-\u9fff])不\1|"
    # 你们不会告诉老板是我反映的吧 / 别跟老板说是我举报的 (YQ-14: the ticket's status again): a
    # worry about the employer being told asks how the worker's name is kept
    r"不会\S{0,16}吧[？?。!！\s]*$|(?:别|不要|不会)(?:告诉|跟|和|给|让)(?:老板|单位|厂里|公司)|"
    # 假能挪到六月份休不 休的时候有工资没 (GG-10): …不 and 有…没 closing a clause
    r"(?<=[\u4e00-\u9fff])(?<![我他她也就都还俺你先暂时])不(?=[\s，,。；]|$)|有\S{1,5}没有?(?=[\s，,。；]|$)|"
    # 除了工会 还有别的救助渠道没有 (XK-9: the union relief again): 还有…没有 closing the message
    r"还有\S{1,10}没有?[？?。!！\s]*$")


# 電話是13687654321 (XP-3: read as a question, another station's card): a phone given, no question
_PHONE_GIVEN_WORDS = re.compile(r"(?:电话|手机|号码)(?:号码?|号)?(?:是|为|:|：)?\s*1[3-9](?:[\s-]*\d){9}")


def is_question(text: str) -> bool:
    """The message asks something (多少/几/哪/吗/电话/是不是 …, punctuation optional); the word 电话
    of a phone given (电话是136…) asks nothing."""
    return bool(_QUESTION.search(_PHONE_GIVEN_WORDS.sub(" ", normalize_text(text or ""))))


def _entity(tracker: Tracker, name: str) -> str | None:
    values = [e.get("value") for e in (tracker.latest_message or {}).get("entities") or []
              if e.get("entity") == name and e.get("value")]
    return str(values[0]) if values else None


def _context(tracker: Tracker, name: str) -> str | None:
    """What the message says, else what the conversation knows (a slot)."""
    value = _entity(tracker, name)
    if value is None:
        slot = tracker.get_slot(name) if name in tracker.slots else None
        value = slot if isinstance(slot, str) and slot else None
    return value


def _day(value: str) -> str:
    parts = [int(p) for p in str(value).split("-")]
    if len(parts) == 3:
        d = date(*parts)
        return f"{d.year}年{d.month}月{d.day}日"
    return f"{parts[0]}年{parts[1]}月" if len(parts) == 2 else f"{parts[0]}年"


def date_text(fact: dict, today: date | None = None) -> str:
    """When the figure holds (or as of when it was reported or recorded), in Chinese; a measure
    that has ended says so (DD-06: the 2021 Spring Festival cover was offered as if available)."""
    if fact.get("effective_from") and fact.get("effective_to"):
        held = f"有效期 {_day(fact['effective_from'])}至{_day(fact['effective_to'])}"
        if str(fact["effective_to"]) < (today or date.today()).isoformat():
            held += ("；这项措施已经结束，现在有没有类似的、怎么申请，以当地工会最新公布的为准，"
                     "可以打职工服务热线 12351 问")
        return held
    if fact.get("effective_from"):
        return f"{_day(fact['effective_from'])}起施行"
    if fact.get("as_of"):
        return f"资料截至{_day(fact['as_of'])}"
    if fact.get("recorded"):
        return f"{_day(fact['recorded'])}收录"
    return "日期未注明"


def fact_text(fact: dict, asked: str = "") -> str:
    """One answer: the figure (or the station's address, phone and hours: opening with the yes
    or no to a day or hour ``asked`` about), source, date. A place none is on record for says so
    (:func:`not_on_record`, XO-6) and a lead line (:func:`note`) are said as they are."""
    if fact.get("kind") in ("not_on_record", "note"):
        return fact["answer"]
    body = (asked_time_line(fact["station"], asked) + wider_station_note(fact.get("asked_region"), fact["station"])
            + ("工会网格工作站：" if is_own_station(fact["station"]) else "当地工会：")  # (XV-9: 福田)
            + station_text(fact["station"])) if fact.get("kind") == "station" else fact["answer"]
    return f"{body}\n（来源：{fact['source']}；{date_text(fact)}）"


# 俺们沈阳最低工资现在是多少啊 寻思去深圳整点活 (XO-6: 深圳's 2520 twice, then 没太明白, then a 黄岛 street
# asked): a place named in a minimum wage question gets its own figure, or a plain "not on record"
_A_SUM = re.compile(r"\d|[一二两三四五六七八九十][千万百]")
MINIMUM_WAGE_WORDS = re.compile(r"最[低底](?:工资|工钱|薪资?|标准)")
# a minimum wage the bot just told (its record, none on record, or the city asked for it)
_MINIMUM_WAGE_TOLD = re.compile(r"月?最低工资(?:标准)?\s*\d|最低工资标准我这里还没有收录|最低工资各地不一样")


def not_on_record(name: str) -> dict:
    """What is said of a place whose minimum wage is not on record (a record of its own kind:
    :func:`fact_text` says it without a source)."""
    return {"kind": "not_on_record", "topic": "minimum_wage", "policy": None, "place": None,
            "employers": [], "title": f"{name}最低工资",
            "answer": f"{name}的最低工资标准我这里还没有收录，不能拿别的地方的数给您；"
                      "可以打当地人社部门电话 12333 核实。"}


def _covers(record: dict, name: str) -> bool:
    return any(str(part).startswith(name) for part in (record.get("place") or {}).values())


async def minimum_wage_by_place(text: str, found: list[dict], asked: bool = False) -> list[dict]:
    """The records found for a message, with the minimum wage answered for each city or province
    it names (XO-6): a place's own record, or :func:`not_on_record` — and no minimum wage of a
    place it does not name (the conversation's 深圳 for 沈阳最低工资多少). ``asked``: the message
    asks the minimum wage without its words (那沈阳呢 right after a minimum wage). Unchanged when
    it names no such place, or asks no minimum wage."""
    named = places_named(text)
    wages = [f for f in found if f.get("topic") == "minimum_wage"]
    if not named or not (wages or asked or MINIMUM_WAGE_WORDS.search(text or "")):
        return found
    kept = [f for f in wages if any(_covers(f, name) for name in named)]
    for name in named:
        if any(_covers(f, name) for f in kept):
            continue
        try:
            theirs = (await client().facts(f"{name}最低工资是多少", city=name)).get("facts") or []
        except (BackendUnavailable, BackendError):
            continue  # (nothing is said of a place the backend could not be asked about)
        theirs = [f for f in theirs if f.get("topic") == "minimum_wage" and f not in kept]
        kept += theirs or [not_on_record(name)]

    def said_at(record: dict) -> int:  # the places in the order the worker named them
        return min((text.find(name) for name in named
                    if _covers(record, name) or record.get("title") == f"{name}最低工资"), default=len(text))

    return [f for f in found if f.get("topic") != "minimum_wage"] + sorted(kept, key=said_at)


def minimum_wage_place_asked(tracker: Tracker, text: str) -> bool:
    """那沈阳呢 你咋没说沈阳 / 我问的是沈阳 辽宁沈阳 不是深圳 right after a minimum wage (XO-6: 没太明白,
    then 那您在哪个区): a place named, and nothing else asked — its minimum wage is the question."""
    return bool(places_named(text)) and len(text) <= 30 and not _A_SUM.search(text) \
        and bool(bot_said(tracker, _MINIMUM_WAGE_TOLD, earlier_turns=1))


_BARE_TOPIC = re.compile(r"[\u4e00-\u9fff]{2,6}")


# 我喺福田送快遞嘅 想…學門手藝考個證 工會有冇培訓課程 (VF-3: 有。广东2021年春节的措施里，留粤过年的快递小哥…
# before the course): the courier's job word asked a holiday measure nobody asked about
_TRAINING_ASKED = re.compile(r"培训|课程|上课|学(?:门|个|点)?(?:手艺|技术|技能)|考(?:个)?证|证书|书院|技能")
_HOLIDAY_SAID = re.compile(r"过年|春节|过节|留粤|留沪|留桂|留厂|留下|补贴|慰问|年货|利是|红包|御寒|福利|除夕|"
                           r"初[一二三四五六七]")


@lru_cache(maxsize=1)
def _holiday_policies() -> frozenset[str]:
    """The keys of the Spring Festival measures (service holiday_subsidy) in the policy data."""
    return frozenset(str(p.get("key")) for p in seed("policies.yml").get("policies") or []
                     if p.get("service") == "holiday_subsidy")


def without_unasked_holiday(found: list[dict], text: str) -> list[dict]:
    """A training question that says nothing of the holiday gets no Spring Festival measure."""
    said = normalize_text(text or "")
    if not _TRAINING_ASKED.search(said) or _HOLIDAY_SAID.search(said):
        return found
    return [f for f in found if f.get("policy") not in _holiday_policies()]


async def asked_facts(tracker: Tracker, statements: bool = False, places: bool = True) -> list[dict]:
    """The records a fact question in the latest message asks for ([] for none).
    ``statements``: a statement of the case is asked too (单位不交社保, told to legal aid: the
    law on it is the answer, T-09). ``places``: read with the worker's place (off: the law
    only, which a local record such as the station's card would outrank).

    Never raises: with the backend away or refusing, the dialogue simply goes on without
    the answer. Crisis words are never a fact question (the crisis guard answers them).
    """
    text = (tracker.latest_message or {}).get("text") or ""
    if places and not text.startswith("/") and minimum_wage_place_asked(tracker, text.strip()):
        # 那沈阳呢 你咋没说沈阳 right after a minimum wage (XO-6: 没太明白): that place's
        return await minimum_wage_by_place(text, [], asked=True)
    # 试用期 said alone, no form asking (ZX-16: the legal-aid text): a topic, asked as a question
    # (the backend answers only a record that takes the word alone)
    bare_topic = not tracker.active_loop_name and bool(_BARE_TOPIC.fullmatch(text.strip()))
    if (not text.strip() or text.startswith("/") or len(text) > MAX_QUESTION  # "/" a button
            or is_crisis(text) or not (statements or bare_topic or is_question(text))):
        return []
    found: list[dict] = []
    parts = question_parts(text)
    family = family_member_ill(text)
    for part in parts:
        if family and part != text and not _FAMILY_WORD.search(part):
            part = f"{family} {part}"  # 互助保障能不能也报, read with the 老伴住院了 said before it
        part = _fine_named(part)
        if not places:  # the law only: the words that ask for a station's card are left out
            part = re.sub(r"工会|网格|服务站|工作站", "", part)
        answer = await _records_for(tracker, part, places)
        if answer is None:
            return found
        if places and not answer.get("facts") and (len(parts) == 1 or part != text):
            # 大病互助最多能赔多少 from 上海 (XP-5: asked three times, 镇江's 160,000 never said)
            answer = {"facts": await _elsewhere(tracker, part)}
        # a station's card says when it is a wider one than the place asked about
        seen = {(f.get("policy"), f.get("topic")) for f in found}
        found += [{**f, "asked_region": answer.get("region")} if f.get("kind") == "station" else f
                  for f in answer.get("facts") or [] if (f.get("policy"), f.get("topic")) not in seen]
    if not found and _POINTS_BACK.search(text) and len(_of_the_case(text)) <= 24:
        found = await _read_with_before(tracker, _of_the_case(text))
    if not found and places and not tracker.active_loop_name and is_question(text) \
            and len(text) <= _SHORT_QUESTION and (topic := talk_topic(tracker)):
        # 报名一般几月份 right after the school ticket (VJ-1: 我还是没弄明白): a question that names no
        # topic, read with the topic of the case the conversation is on
        answer = await _records_for(tracker, f"{topic} {text}", places)
        found = [f for f in (answer or {}).get("facts") or [] if f.get("kind") != "station"]
    # 那考个叉车证呢 有补贴不 (XL-3): the part 那考个叉车证呢 alone got the course text (电工证, a 青岛
    # centre) beside the subsidy answer, which already says where to ask about courses
    topics = {f.get("topic") for f in found}
    found = [f for f in found if _SUPERSEDED_BY.get(str(f.get("topic") or "")) not in topics]
    found = without_unasked_holiday(found, text)
    found = await _docked_not_owed(tracker, found)
    if places:
        # 俺们沈阳最低工资现在是多少啊 寻思去深圳 (XO-6: 深圳's figure for 沈阳, twice): each place named
        # gets its own minimum wage or a plain "not on record", never the conversation's place's
        found = await minimum_wage_by_place(text, found)
    return await heard_figure_records(tracker, text, without_other_employers(tracker, found, text))


# 欠 / 拖 / 没给: pay owed, not only docked
_ARREARS_TOLD = re.compile(r"欠|拖|没给|没发|不给|不发|没结|不结|跑了")


async def _docked_not_owed(tracker: Tracker, found: list[dict]) -> list[dict]:
    """迟到扣了800 打碎杯子扣了300 … 扣的钱能要回来吗 / 那一共能要回来多少 (VK-10: 能。拖欠工资受法律保护，
    包工头跑了的… twice, no total): pay docked, none owed — the record on deductions answers, not the
    one on arrears (its rule applied to the worker's own sums by :func:`applied_deduction`)."""
    if not any(f.get("topic") == "wages_recoverable" for f in found):
        return found
    words = recent_words(tracker)
    if _ARREARS_TOLD.search(words) or not _deductions(words)[0] \
            or not (_FINED_FOR.search(words) or _DAMAGE.search(words)):
        return found  # (无缘无故扣了我1500 … 能要回来吗, ZC-15: 能 — the arrears record's)
    deduction: list[dict] = []
    if not any(f.get("topic") == "wage_deduction" for f in found):
        answer = await _records_for(tracker, "扣工资 合法吗", places=False)
        deduction = [f for f in (answer or {}).get("facts") or [] if f.get("topic") == "wage_deduction"]
    at = next(i for i, f in enumerate(found) if f.get("topic") == "wages_recoverable")
    return [*found[:at], *deduction, *found[at + 1:]]


# 最多 / 最高 / 多少 / 给个数: a figure asked, which another place's record may answer
_ASKS_A_FIGURE = re.compile(r"最多|最高|多少|几万|几千|上限|给个数|赔几|能赔|能报几")


def place_name(path: dict | None) -> str:
    """Where a record holds, as a worker reads it: 镇江市, 深圳市福田区, 广东省 ('' for none)."""
    path = path or {}
    city = path.get("city") or path.get("province") or ""
    return city + (path.get("district") or "") if city else ""


async def _elsewhere(tracker: Tracker, question: str) -> list[dict]:
    """A figure asked that no record of the worker's place answers: another place's record (no
    employer's agreement), said as that place's — led by a note saying so; [] for none."""
    own = place_name({"city": _context(tracker, "city"), "district": _context(tracker, "district")})
    if not own or not _ASKS_A_FIGURE.search(normalize_text(question)):
        return []
    try:
        facts = (await client().facts(question)).get("facts") or []
    except (BackendUnavailable, BackendError):
        return []
    theirs = [f for f in facts if f.get("place") and not f.get("employers") and f.get("kind") != "station"]
    where = "、".join(dict.fromkeys(place_name(f["place"]) for f in theirs))
    return [note(f"{own}的这一项我这里还没有收录；我这里有的是{where}的，先给您作参考"
                 f"（别的地方不一样，以当地工会公布的为准，可以打 12351 问）：")] + theirs if theirs else []


def note(text: str) -> dict:
    """A line said before the records it introduces (``fact_text`` says it as it is)."""
    return {"kind": "note", "topic": f"note:{text}", "policy": None, "place": None, "employers": [],
            "title": "", "answer": text}


# 我听工友说能赔二十万 / 有人说留厂过年给500块红包 / 听说留下的给500红包 (XP-6: stored as 已更正：金额 200,000
# 元; XO-8: never said whose the 500 is): a figure heard from others, or whose source is asked, or
# one of two figures asked between (十六万还是二十万), is a question about the records — answered
# against them, and never a fact of the worker's own case
_HEARD = re.compile(r"听(?:说|人说|人讲|别人说|工友说|老乡说|同事说|朋友说|人家说)|据说|"
                    r"(?:有人|别人|工友们?|老乡们?|同事们?|朋友|网上|群里|人家)(?:都)?(?:说|讲|传)")
_BENEFIT = re.compile(r"赔|给付|保障|补贴|补助|救助|红包|利是|慰问|奖|报销|路费|最高|最多|能拿|能领")
_SOURCE_ASKED = re.compile(r"哪(?:的|里的|儿的|来的|个地方|个厂|家厂|家公司|个单位|个公司)|谁(?:说的|定的|给的)|"
                           r"真的假的|是真的吗|说法|出处")
_CLAUSE = re.compile(r"[，,。；;！!？?\s]+")


def heard_figures(text: str) -> list[float]:
    """The figures a message quotes as heard or asks the source of (the worker's own sums are none)."""
    from bot.normalize.numbers import find_amounts

    heard: list[float] = []
    for clause in _CLAUSE.split(normalize_text(text or "")):
        sums = [float(a.value) for a in find_amounts(clause) if isinstance(a.value, (int, float)) and a.value >= 10]
        if not sums:
            continue
        if (_HEARD.search(clause) or _SOURCE_ASKED.search(clause) or (len(sums) > 1 and "还是" in clause)) \
                and _BENEFIT.search(clause):
            heard += [x for x in sums if x not in heard]
    return heard


def figures_asked_about(tracker: Tracker, facts: dict) -> list[str]:
    """The money facts read from the latest message that are figures heard or asked about
    (:func:`heard_figures`), not the worker's own: for the slot mappings to leave unset."""
    heard = heard_figures((tracker.latest_message or {}).get("text") or "")
    return [slot for slot in ("amount", "monthly_wage", "medical_cost")
            if isinstance(facts.get(slot), (int, float)) and float(facts[slot]) in heard]


def _figures_of(record: dict) -> set[float]:
    from bot.normalize.numbers import find_amounts

    return {float(a.value) for figure in record.get("figures") or []
            for a in find_amounts(str(figure).replace(",", "")) if isinstance(a.value, (int, float))}


def _money(value: float) -> str:
    return f"{value / 10000:g}万（{value:,.0f} 元）" if value >= 10000 and value % 1000 == 0 else f"{value:,.0f} 元"


def _whose(record: dict) -> str:
    where = place_name(record.get("place"))
    return f"{where}{record['employers'][0]}" if record.get("employers") else where or "国家规定"


async def heard_figure_records(tracker: Tracker, text: str, found: list[dict]) -> list[dict]:
    """The records found, led by the records of the figures the message quotes as heard
    (:func:`heard_figures`): whose a figure on record is (隆祥皮革's agreement, not 广东's measures),
    or — none on record with it — that the records say another figure, and whose."""
    heard = heard_figures(text)
    if not heard:
        return found
    before = worker_messages(tracker, 2)[:-1]
    where = {"city": _context(tracker, "city"), "district": _context(tracker, "district")}
    tries = [(f"{before[-1]} {text}", where)] if before else []
    tries += [(f"{clause} 多少", {}) for clause in _CLAUSE.split(text) if clause and heard_figures(clause)]
    records = list(found)
    for question, place in tries:
        try:
            answer = await client().facts(question, employer=_context(tracker, "employer"), **place)
        except (BackendUnavailable, BackendError):
            break
        records += [f for f in answer.get("facts") or [] if f.get("kind") != "station" and f not in records]
    matched = [f for f in records if _figures_of(f) & set(heard)]
    if matched:
        record = matched[0]
        said = "、".join(_money(x) for x in heard if x in _figures_of(record))
        other = [x for x in heard if x not in _figures_of(record)]
        lead = (f"按我这里的记录（{_whose(record)}的），是{said}，不是{'、'.join(_money(x) for x in other)}："
                if other else f"{said}的说法，我这里的记录是{_whose(record)}的（{record.get('title')}）"
                + ("：只管这家单位的职工，不是政府或工会发给大家的。" if record.get("employers") else "："))
    else:
        record = next((f for f in records if _figures_of(f) and f not in found), {}) \
            or next((f for f in records if _figures_of(f)), {})
        if not record:
            return found
        figures = "、".join(_money(x) for x in sorted(_figures_of(record), reverse=True))
        lead = (f"您听说的{'、'.join(_money(x) for x in heard)}，和我这里的记录对不上：按{_whose(record)}的记录"
                f"（{record.get('title')}），是{figures}。说法不一样的，以公布的方案为准，可以打 12351 核实：")
    return [note(lead), record, *(f for f in found if f is not record)]


# a record left out when the one named here answers the same message (it says the same and more)
_SUPERSEDED_BY = {"skills_certificate": "skills_certificate_subsidy"}


_NAME_TAILS = ("有限责任公司", "有限公司", "股份公司", "集团", "公司", "厂")


def same_employer(recorded: str | None, told: str | None) -> bool:
    """The worker's employer is the agreement's (隆祥 / 隆祥皮革 for 隆祥皮革有限公司)."""
    if not (recorded and told):
        return False
    short = recorded
    for tail in _NAME_TAILS:
        short = short.removesuffix(tail)
    return str(told)[:2] in recorded or short[:2] in str(told)


def without_other_employers(tracker: Tracker, found: list[dict], text: str) -> list[dict]:
    """An employer's own agreement (隆祥皮革's 保岗协议) beside a record that answers for
    everyone (YW-3: 单位说初四初五给我补休了 那还剩多少 got 隆祥's 4710 / 1000元 card with the
    overtime rule) is left out, unless the question or the worker's employer is that employer.
    Alone it stays: 留厂过年的红包给多少 is answered from it, saying whose it is."""
    if all(f.get("employers") for f in found):
        return found
    told, words = _context(tracker, "employer"), normalize_text(text)
    return [f for f in found if not f.get("employers")
            or any(name and name in words for name in f["employers"])
            or any(same_employer(name, told) for name in f["employers"])]


# 迟到一次扣50 合法吗 / 早退扣了我两百 (YS-09: no record found, the arrears form asked 哪家单位欠的):
# a fine for lateness said as a count docked, asked with the words the deductions record takes
_FINE_DOCKED = re.compile(r"(?:迟到|早退|旷工)\S{0,6}?扣(?:了|我|俺)*\s*[\d一二两三四五六七八九十百]")


def _fine_named(question: str) -> str:
    """The question, with 扣钱 added when it tells a fine docked by the time (迟到一次扣50)."""
    return f"{question} 扣钱" if _FINE_DOCKED.search(question) and "扣钱" not in question else question


async def _records_for(tracker: Tracker, question: str, places: bool = True) -> dict | None:
    """The backend's records for a question, read with the conversation's place (``places``)
    and employer; None when the backend is away or refuses."""
    try:
        return await client().facts(question, city=_context(tracker, "city") if places else None,
                                    district=_context(tracker, "district") if places else None,
                                    employer=_context(tracker, "employer"))
    except (BackendUnavailable, BackendError) as exc:
        logger.warning("fact question not answered: %s", exc)
        return None


async def _read_with_before(tracker: Tracker, text: str) -> list[dict]:
    """那扣的那1500能要回来吗 a turn or two after the case was told (ZC-15 got the menu): read
    with the message it points back to (a phone and a place given between are skipped), its
    crisis words left out (the crisis guard answers them)."""
    told = [w for w in (_PHONE_OR_CODE.sub("", m).strip(" ，,。；;") for m in worker_messages(tracker, 4)[:-1])
            if w and not _CHAT_ONLY.match(w)]  # (跳下去算了 is no case taken back)
    for earlier in reversed(told[-2:]):
        for word in crisis_words_in(earlier):
            earlier = earlier.replace(word, "")
        if (answer := await _records_for(tracker, f"{earlier} {text}")) is None:
            return []
        if found := [f for f in answer.get("facts") or [] if f.get("kind") != "station"]:
            return found
    return []


# 那扣的那1500 / 这个钱 / 那笔: a question that points back at what was said before it
_POINTS_BACK = re.compile(r"那个|这个|那笔|这笔|那些|这些|扣的那|欠的那|多给(?:我|俺)?的|"
                          r"那\d|那[一二两三四五六七八九十几]+(?:块|元|千|万|百|个|天)|的事|这事|那事")
# (那一共多少钱 is no pointing back: make test's e2e got the weekend rule instead of the sum)


# 老伴住院了 … 工会救助能给多少 互助保障能不能也报 (the spouse's mutual cover, mutual_insurance_family,
# never answered): the family member who is ill, for each part of the question read alone
_FAMILY_WORD = re.compile(r"老伴|老婆|媳妇|妻子|爱人|老公|丈夫|配偶|对象|家属|家里人")
_FAMILY_ILL = re.compile(rf"({_FAMILY_WORD.pattern})\S{{0,4}}?(?:住院|生病|病了|得了|查出|确诊|癌|看病|手术|开刀|"
                         r"摔|受伤|住了院)|(?:住院|生病|病了|看病)的是(?:俺|我)?(?:家)?的?"
                         rf"({_FAMILY_WORD.pattern})")


def family_member_ill(text: str) -> str | None:
    """老伴 in 老伴住院了 / 住院的是俺老婆: the family member the message says is ill (None: none is —
    我老婆没工作 我住院了 is the worker's own)."""
    found = _FAMILY_ILL.search(text or "")
    return (found.group(1) or found.group(2)) if found else None


_ANOTHER_QUESTION = re.compile(r"另外|还有|还想问|再问|顺便问?|[？?；;]|\s+")
_CLAUSE_BREAK = re.compile(_ANOTHER_QUESTION.pattern + r"|[。，,]")


def clauses(text: str) -> list[str]:
    """The message's clauses, split where :func:`question_parts` splits and at commas and stops too: the
    clause of one service asked beside another (…加班费应该拿多少？另外互助保障最多能赔多少)."""
    return [part.strip() for part in _CLAUSE_BREAK.split(text) if part and part.strip()]


# 这个200 / 那笔钱 / 这个: a question pointing back at the clause said right before it
_POINTS_BACK_START = re.compile(r"(?:那|这)(?:个|笔|些|\d|[一二两三四五六七八九十百几]+(?:块|元|百|千))")


def question_parts(text: str) -> list[str]:
    """看病自付了三千五能救助吗 另外重大疾病互助最高多少: each question asked on its own, so the
    second is answered too (the backend answers only the best-matching record of a text, B38).
    The whole text comes first (and alone when it asks one thing)."""
    pieces = [p.strip(" ，,。") for p in _ANOTHER_QUESTION.split(text)]
    parts = []
    for at, piece in enumerate(pieces):
        if not piece or not is_question(piece):
            continue
        if at and pieces[at - 1] and not is_question(pieces[at - 1]) and _POINTS_BACK_START.match(piece):
            # 公司说给发200红包 这个200算不算加班费了 (VK-6: 这个200 alone names no red packet — answered only
            # when asked again): read with what it points back to
            piece = f"{pieces[at - 1]} {piece}"
        parts.append(piece)
    # the whole text first: a part alone may lack the words its record is asked by
    return [text, *parts] if len(parts) > 1 else [text]


def told_alone(tracker: Tracker, part: str) -> Tracker:
    """The conversation as if the latest message were ``part`` alone: one question of a message
    that asks two, read by the readers that take the latest message (:func:`asked_facts`)."""
    return Tracker(tracker.sender_id, tracker.slots, {**(tracker.latest_message or {}), "text": part},
                   tracker.events, tracker.is_paused(), tracker.followup_action, tracker.active_loop,
                   tracker.latest_action_name)


async def answer_of_part(tracker: Tracker, part: str) -> list[str]:
    """The record's answer to one question of the message (``part``): 我月薪4500…加班费应该拿多少？
    另外工会有没有留岗补贴 (T-6 of session 22: the subsidy put off with 办完再帮您看, then offered as
    现在帮您看看吗): the figures of the subsidy, said in the same reply. [] for none on record;
    a station's card alone is no answer to a service asked."""
    found = [f for f in await asked_facts(told_alone(tracker, part)) if f.get("kind") != "station"]
    return [*(fact_text(fact, part) for fact in found), *applied_lines(found, part)]


async def answer_fact(tracker: Tracker) -> list[str] | None:
    """The answer to a fact question in the latest message (the reply texts), or None."""
    found = await asked_facts(tracker)
    asked = (tracker.latest_message or {}).get("text") or ""
    texts = [fact_text(fact, asked) for fact in found]
    texts += applied_lines(found, recent_words(tracker))
    texts += bonus_left_lines(found, tracker)  # 那一百块红包能顶吗 还差多少 俺找谁 (VK-13)
    return texts or None


def record_context(facts: list[dict], question: str) -> dict[str, str]:
    """The employer and city every answering record is of (隆祥返岗路费补贴多少 → 隆祥皮革有限公司
    in 福鼎市): what the question named, so the flow after the answer does not ask it. Only
    what the question itself names: 留厂过年的红包给多少 is answered from 隆祥's agreement (the
    answer says whose it is), but the worker who asked is not 隆祥's, nor in 福鼎."""
    question = normalize_text(question or "")
    employers = {f["employers"][0] for f in facts if f.get("employers")}
    named = any(name and name in question for f in facts for name in f.get("employers") or [])
    cities = {(f.get("place") or {}).get("city") for f in facts}
    known: dict[str, str] = {}
    if len(employers) == 1 and all(f.get("employers") for f in facts) and named:
        known["employer"] = employers.pop()
    if len(cities) == 1 and None not in cities:
        city = str(cities.pop())
        if named or city.removesuffix("市") in question:
            known["city"] = city
    return known


# The topic a form's case is about, added to a question that names none (有个标准没有 asked
# on the relief offer): the backend finds records by their words.
FORM_TOPICS = {"relief_form": "困难职工医疗救助", "wage_arrears_form": "拖欠工资 劳动仲裁",
               "overtime_form": "加班工资", "school_form": "随迁子女入学",
               "holiday_subsidy_form": "过年补贴", "minimum_wage_form": "最低工资"}
CASE_TOPICS = {"relief_application": "困难职工医疗救助", "mutual_insurance": "职工互助保障",
               "legal_aid": "劳动争议仲裁", "wage_arrears": "拖欠工资 劳动仲裁",
               "subsidy_application": "过年补贴", "overtime_pay": "加班工资",
               "minimum_wage": "最低工资", "school_placement": "随迁子女入学",
               # the policy services, whose sign-ups are filed as "other" (YN-02)
               "childcare_service": "托管驿站", "skills_training": "职工书院 培训"}
_WHICH_YEAR = re.compile(r"今年|去年|以前|往年|还有没有|还算|过期|还能领|还有效|哪一年|哪年")
# 好多 / 几多 (贵州, 湖北: 多少), 一共 / 总共: a sum asked, not which year a measure is of
_ASKS_A_SUM = re.compile(r"多少|好多|几多|一共|总共|合计|加起来|几个钱|几千|几百|补多少|拿多少")
WHICH_YEAR = ("我这里的过年措施都注明了出处和年份，上面写的是哪一年就是哪一年的。今年有没有、怎么领，以当地"
              "工会最新公布的为准：可以打职工服务热线 12351 问，也可以登记一下，让工作站的工作人员帮您问清楚。")
ELSEWHERE = "您所在的地方还没有收录这项标准，先给您一个别处的做法作参考："


def records_from_elsewhere(found: list[dict], place: dict) -> bool:
    """Some record found holds only in another place than the worker's: a national one (the
    《保障农民工工资支付条例》, place None) holds everywhere (VC-1: 您所在的地方还没有收录这项标准 for a
    national regulation), and the worker's own place's (福鼎's 隆祥 agreement for a 福鼎 worker, VC-14)
    is no other place's."""
    own = [str(v).rstrip("市区县") for v in place.values() if v]
    return any(f.get("place") and not any(w and w in str(f.get("place")) for w in own) for f in found)


def form_topic(tracker: Tracker) -> str | None:
    """The topic of the open form (of the parked case, on a ticket offer)."""
    form = tracker.active_loop_name
    if form == "ticket_offer_form":
        return CASE_TOPICS.get(((tracker.get_slot("pending_case") or {}).get("type")) or "")
    return FORM_TOPICS.get(form or "")


# 住院床位费能不能减 / 床位费能减不 / 诊查费免不免 (XY-10: asked twice, never answered)
_FEE_NAMED = re.compile(r"床位费|诊查费|护理费|挂号费|注射费|住院费")
_FEE_CUT_ASKED = re.compile(r"减|免|优惠|便宜|少交|少收|少花|少掏|打折|不收|能少")
HOSPITAL_FEES_TOPIC = "tekun_hospital_fees"


def hospital_fee_asked(text: str) -> bool:
    """住院床位费能减吗 / 住院能不能少收点钱: a cut of the hospital stay's fees asked (the relief
    form answers it with relief.hospital_fee_line)."""
    text = normalize_text(text or "")
    # 住院能不能少收点钱 / 住院那个能便宜不 / 住院能减免不 (VC-8: ignored twice): the stay's fees asked
    named = _FEE_NAMED.search(text) \
        or re.search(r"住院(?:那个|的|时候|费用|的钱)?\S{0,3}?(?:能|可以|有没有|会不会)", text)
    return bool(named and _FEE_CUT_ASKED.search(text))


def _said_by_the_relief_form(tracker: Tracker, fact: dict, text: str) -> bool:
    """The hospital-fee record inside the relief form, its fees asked: the form says it itself
    (relief.hospital_fee_line, before this answer, in the same reply — VE-11: the same waiver
    paragraph printed twice in one reply)."""
    return fact.get("topic") == HOSPITAL_FEES_TOPIC and tracker.active_loop_name == "relief_form" \
        and hospital_fee_asked(text)


# a follow-up question short enough to be about the case just talked of (报名一般几月份, 要带啥)
_SHORT_QUESTION = 24
_FILING = re.compile(r"已为您登记\S{0,20}?工单")


def talk_topic(tracker: Tracker) -> str | None:
    """The records' topic of the case the conversation is on: the open form's, the parked case's
    (on its ticket offer), or the ticket filed in the last few turns (子女入学协调 → 随迁子女入学);
    None for none, or a ticket of no topic (a callback)."""
    if topic := form_topic(tracker):
        return topic
    if topic := CASE_TOPICS.get(str((tracker.get_slot("pending_case") or {}).get("type") or "")):
        return topic
    if bot_said(tracker, _FILING, earlier_turns=3):
        return CASE_TOPICS.get(filed_type(tracker) or "")
    return None


async def answer_in_topic(tracker: Tracker, topic: str | None = None) -> list[str]:
    """A question asked back while a form waits for an answer (那到底多少钱以上才能申请 有个标准
    没有, I-08): answered from the records, read with the case's topic when it names none;
    with nothing on record for the worker's place, another place's record, said as such.
    [] when it asks for no recorded figure (the form then asks its question again)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    topic = topic or form_topic(tracker)
    if not text or len(text) > MAX_QUESTION or not is_question(text) or is_crisis(text):
        return []
    if (service := service_at_station_reply(tracker)) is not None:
        return [service]  # 驿站在哪 几点能去接 on the offer after the 沂河路 card (XH-2)
    if heard := await heard_figure_records(tracker, text, []):
        # 先别问电话 你就说大病互助最高到底是十六万还是二十万 in the relief case (XP-6: 已更正：自付医疗费
        # 改为160,000); 那500红包是哪的说法啊 on the offer (XO-8): the figure against the records
        return [fact_text(f, text) for f in heard]
    # 那去年放假三个月那个保底钱是好多 一共好多嘛 (XG-6: the year disclaimer): a sum asked of a
    # year gone by is answered from its record; the disclaimer only when none answers
    which_year = topic == "过年补贴" and bool(_WHICH_YEAR.search(text))
    if which_year and not _ASKS_A_SUM.search(normalize_text(text)):
        return [WHICH_YEAR]  # 这个是今年的政策吗 还是以前的 (O-15): looped on the offer
    if topic == "困难职工医疗救助" and (line := _status_asked_about(tracker, text)):
        return [line]
    place = {"city": _context(tracker, "city"), "district": _context(tracker, "district")}
    # 有沒有網上的 right after 福田职工书院有什么课 (NN-04: 没有现成的准确答案): read with the
    # worker's question before it, and only what was not answered already
    before = worker_messages(tracker, 2)[:-1]
    # 到底最多能赔多少钱 给个数 after 大病互助最多赔多少, from 上海 (XP-5: 没有现成的准确答案): the two
    # read together, another place's record as the last resort
    tries = [(text, place), *(((f"{before[-1]} {text}", place),) if before else ()),
             *(((f"{topic} {text}", place), (f"{topic} {text}", {})) if topic else ()),
             *(((f"{before[-1]} {text}", {}),) if before and any(place.values()) else ())]
    for number, (question, where) in enumerate(tries):
        try:
            found = (await client().facts(question, employer=_context(tracker, "employer"),
                                          **where)).get("facts") or []
        except (BackendUnavailable, BackendError) as exc:
            logger.warning("question in a form not answered: %s", exc)
            return []
        found = [f for f in found if not _said_by_the_relief_form(tracker, f, text)]
        applied = applied_lines(found, recent_words(tracker))
        said = [f for f in found if said_this_turn(tracker, fact_text(f)[:30], earlier_turns=2)]
        if (number == 1 and before) or (said and applied):
            # (那我这两千八到底够不够啊 right after the rule and its verdict: WW-07 got the rule
            # word for word again; the verdict on the worker's sum is the answer)
            found = [f for f in found if f not in said]
        if found or applied:
            lead = [ELSEWHERE] if where == {} and any(place.values()) and records_from_elsewhere(found, place) else []
            return lead + [fact_text(fact, text) for fact in found] + applied
    return [WHICH_YEAR] if which_year else []


_OVER_A_YEAR = re.compile(r"一年多|超过一年|超过了一年|一年半|两年|好几年|过了一年|"
                          r"(?:1[2-9]|[2-9]\d|十[二三四五六七八九]|[二三四五六七八九]十[一二三四五六七八九]?)(?:个多?|多个)月")
OVER_A_YEAR = ("离开单位已经超过一年的，一般已过了仲裁时效；但一直在讨要、对方答应过付款等情况，"
               "时效可以中断、重新计算，还在职期间被拖欠的工资也不受这一年的限制。建议尽快拨打 12348 "
               "或找工会法律援助，把讨要的记录（聊天、录音、欠条）带上，让律师帮您判断。")
_LEFT = re.compile(r"走|离职|辞职|辞退|开除|不干|离开|解除|(?:厂|公司|工地)里?出来|辞工")  # S-15: 从厂里出来的
_STILL_EMPLOYED = re.compile(r"还在(?:厂里|单位|公司|这|那)?\S{0,2}?(?:上班|干|做|工作)|在职|没离职|没走")
STILL_EMPLOYED = ("您还在这个单位上班：在职期间被拖欠的工资，不受一年时效的限制，现在就可以申请仲裁，"
                  "前年、去年欠下的都能一起要；离职以后，要在离职之日起一年内申请。")
LIMIT_SOURCE = "\n（来源：《中华人民共和国劳动争议调解仲裁法》第二十七条；2008年5月1日起施行）"
_LEFT_IN = re.compile(r"(去年|前年|今年)?(\d{1,2}|十[一二]?|[一二三四五六七八九])\s*月份?"
                      r"(?:(\d{1,2})\s*[号日])?\S{0,6}?"
                      r"(?:走|离职|辞职|辞退|辞了|被辞|开除|开了|炒了|不干|离开|解除)")


def worker_messages(tracker: Tracker, limit: int = 3) -> list[str]:
    """The worker's last few messages in their own words, latest last — never a button's
    payload (/legal_aid)."""
    said = [(e.get("text") or "").strip() for e in tracker.events if e.get("event") == "user"
            and not (e.get("parse_data") or {}).get("typed_button")]  # 看看我的情况 typed
    latest = ((tracker.latest_message or {}).get("text") or "").strip()
    if (not said or said[-1] != latest) and not (tracker.latest_message or {}).get("typed_button"):
        said.append(latest)
    return [t for t in said if t and not t.startswith("/")][-limit:]


# What is no part of the case told: the phone (it has its own field), a one-time code, and the
# words of the conversation itself (WW-07 filed 13952801234；没收到, XX-09 然后呢, WW-13 the
# 算了不办了 the worker had taken back)
_PHONE_OR_CODE = re.compile(r"(?:(?:我的)?(?:电话|手机号?|号码|联系方式)(?:是|：|:)?\s*)?"
                            r"(?<!\d)1[3-9]\d(?:[\s\-]*\d){8}(?!\d)|"
                            r"(?:验证码|校验码)(?:是|：|:)?\s*\d{4,6}|^\s*\d{4,6}\s*$")
_CHAT_ONLY = re.compile(r"^(?:没收到|收到了?|还没收到|然后呢|那然后呢|然后|接下来呢|还有呢|好的?|嗯+|哦+|对|对的|是的?|"
                        r"确认|要|不要|行|可以|谢谢|谢了|知道了|明白了|懂了|不用登记|先别登记|不登记|先不用|"
                        r"不用了?|算了|没了|没有了?|就这些|就这样)[吧啊呀呢了。.!！?？\s]*$")
# (…还不如死了算了 is no taking back: XH-13's ticket lost 手被机器压了 公司不给报工伤 with it)
_TAKEN_BACK = re.compile(r"(?<!死了)(?<!死)(?<!活着)(?<!不活了)算了|不办了|不登记了|取消|不弄了|不要了")
# 那算了 我重新说 我在黄岛区… (YR-10: the whole new case was dropped for its 算了): the clause of
# the take-back goes, the case told after it stays
_TAKE_BACK_CLAUSE = re.compile(r"^\s*(?:那|哎|唉|嗯)?\s*(?:算了|不办了|不弄了)\s*[，,。；;\s]*"
                               r"(?:我?(?:重新|再)(?:说|讲)(?:一[遍下])?[吧啊]?)?\s*[，,。；;：:\s]*")
# 我上个月报过一个工单 GH… 现在到哪一步了 / 你是机器人吗 / 你好 (YR-10, YR-16: on the next case's
# ticket as 您说的情况): words about the conversation or another ticket, not this case
_NOT_THE_CASE = re.compile(r"^(?:你好|您好|在吗|在不在|你是(?:不是)?(?:机器人|真人|人工)[吗吧呀]?|"
                           r"有没有真人|是不是机器人)[吗吧呀啊？?。!！\s]*$|"
                           r"GH\s*\d{6,}|工单号?\S{0,12}(?:到哪|进度|啥情况|怎么样了|处理得?怎么样|咋样了)",
                           re.IGNORECASE)


def _of_the_case(message: str) -> str:
    """A message as the staff need it: without the phone or a code, '' if nothing is left."""
    words = _PHONE_OR_CODE.sub("", message).strip(" ，,。；;")
    if (rest := _TAKE_BACK_CLAUSE.sub("", words, count=1)) != words and len(rest) >= 6 \
            and not _TAKEN_BACK.search(rest):
        words = rest  # 那算了 我重新说 + the case
    if not words or _CHAT_ONLY.match(words) or _TAKEN_BACK.search(words) or _NOT_THE_CASE.search(words):
        return ""
    return words


def case_words(tracker: Tracker, limit: int = 3) -> str | None:
    """What the worker said of the case, in their own words, for the staff who take the
    ticket: their last few messages, oldest first — never a button's payload (J-09 filed
    "/legal_aid" as the question) — so 住院了 花了三万多 自己掏了两万 is on the ticket (J-08);
    the phone, a code, 没收到 / 然后呢 and words taken back are left out."""
    told = [w for w in map(_of_the_case, worker_messages(tracker, limit + 6)) if w]
    return "；".join(told[-limit:])[:300] or None


_FILED = re.compile(r"已为您登记\S{0,20}?工单")


def case_messages(tracker: Tracker, back: int = 6) -> list[str]:
    """The worker's messages before the latest one, since the last ticket this conversation
    filed (the words of this case), latest last; a button's payload is none."""
    said: list[str] = []
    events = list(tracker.events)
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=len(events))
    for event in reversed(events[:last_user]):
        if event.get("event") == "bot" and _FILED.search(event.get("text") or ""):
            break
        if event.get("event") == "user" and not (event.get("text") or "").startswith("/"):
            said.append(event.get("text") or "")
            if len(said) >= back:
                break
    return said[::-1]


def recent_words(tracker: Tracker, limit: int = 3) -> str:
    """去年10月被辞退 … 那我这个都一年多了 是不是过期了 (L-11): one question told over two messages."""
    return " ".join(worker_messages(tracker, limit))


def applied_lines(found: list[dict], words: str) -> list[str]:
    """The rules found, applied to what the worker told (their months, their sums)."""
    return (applied_time_limit(found, words) + applied_deduction(found, words)
            + applied_relief_line(found, words) + applied_day_pay(found, words))


_HOLIDAY_RATES = {"overtime_spring_festival": "除夕和初一到初三", "overtime_holiday": "法定节假日当天"}
_DAY_PAY = re.compile(r"(?:一天|每天|日薪|日工资)(?:是|给|拿|就|才|有)?\s*$")


def applied_day_pay(found: list[dict], words: str) -> list[str]:
    """过年那几天干活 工钱咋算 阿拉一个月六千五左右 (YY-08: the 300 % / 200 % rule, no figure):
    a day's work on those days at the worker's own pay."""
    days = next((_HOLIDAY_RATES[f["topic"]] for f in found if f.get("topic") in _HOLIDAY_RATES), None)
    if days is None:
        return []
    from bot.normalize.numbers import find_amounts

    day = None
    for span in find_amounts(words):
        if not isinstance(span.value, (int, float)):
            continue
        before, after = words[max(0, span.start - 6):span.start], words[span.end:span.end + 6]
        if _DAY_PAY.search(before) and 50 <= span.value <= 3000:
            day, told = float(span.value), f"一天 {span.value:,.0f} 元"
            break
        if (_MONTHLY_PAY.search(before) or re.match(r"\s*(?:块|元)?(?:钱)?(?:左右)?(?:一个月|每月)", after)) \
                and 1000 <= span.value <= 100000:
            day = float(span.value) / 21.75  # (exact: each figure rounded once, ZW-02)
            told = f"月工资 {span.value:,.0f} 元，日工资 {span.value:,.0f} ÷ 21.75 ≈ {day:,.2f} 元"
            break
    return [holiday_day_pay_line(told, days, day)] if day is not None else []


def holiday_day_pay_line(told: str, days: str, day: float, tail: str = "") -> str:
    """What a day's work pays on the holiday's statutory days (300 %) and its rest days (200 %),
    from the exact day's pay (ZW-02: 275.86 × 3 = 827.58 shown; 6,000 ÷ 21.75 × 3 is 827.59)."""
    exact = Decimal(repr(day))
    statutory, rest = (money(exact * rate) for rate in (3, 2))
    return (f"按您说的{told}：{days}上班，每天不少于 {statutory:,.2f} 元（300%）；其余放假的休息日上班、"
            f"又没给补休的，每天不少于 {rest:,.2f} 元（200%）。{tail}")


_PAID_MYSELF = re.compile(r"(?:自付|自费|自己(?:掏|出|花|付)了?|掏了|花了|我这)(?:的|了)?"
                          r"(?:医药费|医疗费|药费|钱)?(?:大概|差不多|约|有|是|快)?\s*$")


def applied_relief_line(found: list[dict], words: str) -> list[str]:
    """我是特困职工 自付两千八 够不够 (WW-07: the 2000 / 3000 rule twice, no verdict until after
    the SMS code): the worker's own sum against their own line."""
    # 自己掏了三千多 还有别的救助没 (XL-4: the other channels, the worker's own case left open): the
    # verdict on the facts told goes with the channels too
    if not any(f.get("topic") in ("relief_threshold", "relief_other_channels") for f in found):
        return []
    from actions.validators import UNKNOWN, hardship_status_in, own_share
    from bot.normalize.numbers import find_amounts

    # 花了七万多 自己掏了两万多 (ZX-04: 自付 70,000): the worker's own share, when said, is the sum
    paid = own_share(words) or next((s.value for s in find_amounts(words) if isinstance(s.value, (int, float))
                                     and _PAID_MYSELF.search(words[max(0, s.start - 12):s.start])), None)
    if not paid:
        return []

    more = cost_said_above(words, paid)  # 自己掏了四千多 (said as 4,000 元: the 多 kept)
    # 我不知道建没建档 是不是得困难职工才能赔 (ZX-04: 在档困难职工 assumed): a status the worker
    # states, not one they ask about
    status = hardship_status_in(words)
    if status == "none":
        return [f"按您说的自付 {paid_text(paid, more)}：工会医疗救助是给在档困难职工的（自付超过 2,000 元，"
                "特困职工超过 3,000 元）；"
                "还没建档的，先到所在的网格工作站申请困难职工建档。"]
    if (status is None or status == UNKNOWN) and not any(f.get("topic") == "relief_threshold" for f in found):
        return []  # (the other channels asked: no hedged verdict on a tier never told)
    if status is None or status == UNKNOWN:
        # 今年看病自己掏了大概两千五 (XI-6): the sum against both lines, the tier not assumed
        return [f"按您说的自付 {paid_text(paid, more)}：" + _both_lines(float(paid), more)
                + "您是哪一档（建没建档），以工会档案为准；这是镇江市总工会的标准，别的地方以当地工会为准。"]
    return [relief_verdict_line(status, paid, more)]


def paid_text(paid: float, more: bool = False) -> str:
    """4,000 元, or 4,000 多元 for a sum said as 四千多 (the worker's figure is where it starts)."""
    return f"{paid:,.0f} 多元" if more else f"{paid:,.0f} 元"


def _past(paid: float, line: float, more: bool) -> bool:
    """The sum is over the line: above it, or said as 'more than' the line itself (两千多)."""
    return paid > line or (more and paid >= line)


def _both_lines(paid: float, more: bool = False) -> str:
    """The sum against the 困难 line and the 特困 line, for a worker whose tier is not known."""
    if _past(paid, 3000, more):
        return "在档困难职工的线是 2,000 元、特困职工是 3,000 元，两条线都超过了，在档的话都够申请。"
    if _past(paid, 2000, more):
        return (f"要是在档困难职工，线是 2,000 元，超过了，够申请；要是特困职工，线是 3,000 元，"
                f"还差{'不到' if more else ''} {3000 - paid:,.0f} 元。")
    return ("在档困难职工的线是 2,000 元、特困职工是 3,000 元，现在两档都还不够；票据留好，"
            "今年再看病自付的可以加起来算。")


# 那要是特困职工呢 也是2500 inside the relief case (ZC-07: 没有现成的准确答案)
# 特困的话能申请不 / 我问的是特困的话 2500够不够 / 如果是特困职工能申请吗 (YW-12: the 困难 verdict
# said again, 特困 stored as a fact): the tier asked about, answered on its own line
_STATUS_ASKED = re.compile(r"(?:要是|如果|假如|换成)?\S{0,3}?(特困|困难)(?:职工|户)?(?:的话)?(?:呢|的呢|咋样|怎么样)|"
                           r"(特困|困难)(?:职工|户)?的话|"
                           r"(?:要是|如果|假如|换成)(?:我|俺)?(?:是|算)?(特困|困难)(?:职工|户)?(?=\s*(?:能|可以|够|行|算))")
_TIER_UNSURE = re.compile(r"(?:困难|一般困难)(?:职工)?还是特困|特困还是(?:一般)?困难")


def _status_asked_about(tracker: Tracker, text: str) -> str | None:
    """The verdict for the status asked about, on the sum said now or known."""
    from bot.normalize.numbers import find_amounts

    asked = _STATUS_ASKED.search(text)
    if not asked:
        return None
    tier = next(g for g in asked.groups() if g)
    said = [s.value for s in find_amounts(text) if isinstance(s.value, (int, float)) and s.value >= 100]
    paid = said[-1] if said else tracker.get_slot("medical_cost")
    if not isinstance(paid, (int, float)):
        return None
    line = f"要是{tier}职工：" + relief_verdict_line(tier, float(paid)).removeprefix("按您说的：")
    # 我也不知道我是困难还是特困: which tier the worker is, the union's record says
    return line + ("您是哪一档，以工会档案为准，登记后工作人员会帮您核实。" if _TIER_UNSURE.search(text) else "")


def relief_verdict_line(status: str, paid: float, more: bool = False) -> str:
    """The worker's own sum against the line of their own status (困难 2,000, 特困 3,000): said
    when both are told, and again when either is corrected (ZA-11 kept the 困难 verdict).
    ``more``: the sum was said as 'more than' it (四千多: 4,000 多元)."""
    line = 3000 if status == "特困" else 2000
    # (ZK-06: a 青岛 worker was told 可以申请 on 镇江's lines, the place never asked)
    whose = "这是镇江市总工会的标准，别的地方以当地工会为准。"
    if _past(paid, line, more):
        return (f"按您说的：在档{status}职工，今年自付 {paid_text(paid, more)}，超过了 {line:,} 元的线，"
                f"下半年可以申请工会医疗救助（{whose}）")
    return (f"按您说的：在档{status}职工要自付超过 {line:,} 元才能申请，您的 {paid_text(paid, more)}还差"
            f"{'不到' if more else ''} {line - paid:,.0f} 元，"
            f"现在还不够；票据都留好，今年再看病自付的加起来超过 {line:,} 元就可以申请（{whose}）")


_DEDUCTED = re.compile(r"(?:扣|罚)(?:了|掉|走)?(?:我|俺)?(?:的)?(?:是)?\s*$")  # (扣的是2000, ZW-13)
# (我一个月大概四千出头, ZW-15: the festival's rule, no day's figure: 大概 / 差不多 before the sum)
_MONTHLY_PAY = re.compile(r"(?:月薪|月工资|工资|一个月|每月|底薪)(?:大概|大约|差不多|估计|将近|约)?"
                          r"(?:是|有|才|就|拿|给)?\s*$")


# 500是迟到罚的: the sum first, then what it was taken for (ZW-13)
_TAKEN_FOR_AFTER = re.compile(r"\s*(?:块|元)?(?:钱)?\s*(?:是|为)\S{0,6}?(?:扣|罚)的")
_DEPOSIT_NEAR = re.compile(r"押金|保证金|风险金")
# 不加班就扣钱 (n2-9: weighed as a loss, "没有超过这条线"): refusing overtime causes no loss — a fine
_REFUSED_OVERTIME = r"(?:不|没|不肯|不愿意?|拒绝|不想)(?:来)?加班"
_FINED_FOR = re.compile(r"迟到|早退|请假|旷工|罚款|罚|" + _REFUSED_OVERTIME)
# (打碎了一个杯子, VK-10)
_DAMAGE = re.compile(r"坏|损|弄丢|丢了|报废|赔|事故|废品|次品|损失|打碎|摔碎|碎了|打破|摔破|砸了|摔了")


# 每回扣200 … 一共扣了800 (VK-10): a sum for each time, the total said after it
_PER_TIME = re.compile(r"(?:每|一)(?:回|次|天|趟)(?:都)?(?:扣|罚)")
_TOTAL_TAKEN = re.compile(r"[^。？?]{0,6}?(?:一共|总共|合计|加起来)(?:被)?(?:扣|罚)")


def _deductions(words: str) -> tuple[dict[float, bool], float | None]:
    """Each sum taken from the pay → whether it was a fine (迟到) rather than a loss the worker
    caused; and the monthly wage. A sum said again (那这2000超了没) counts once."""
    from bot.normalize.numbers import find_amounts

    taken: dict[float, bool] = {}
    wage = None
    for span in find_amounts(words):
        if not isinstance(span.value, (int, float)):
            continue
        before = words[max(0, span.start - 6):span.start]
        after = _TAKEN_FOR_AFTER.match(words, span.end)
        clause = re.split(r"[，,。；;\s]", words[max(0, span.start - 16):span.start])[-1]
        cause = (after.group(0) if after else "") or clause
        if not (_FINED_FOR.search(cause) or _DAMAGE.search(cause)):
            # 迟到了4回，每回扣200，一共扣了800 (VK-10: weighed as damages beside 打碎了一个杯子): the cause
            # said last before it in its sentence
            sentence = re.split(r"[。；;！!？?]", words[:span.start])[-1]
            said = [m for m in (*_FINED_FOR.finditer(sentence), *_DAMAGE.finditer(sentence))]
            cause = max(said, key=lambda m: m.start()).group(0) if said else cause
        if _DEDUCTED.search(before) or after:
            if _PER_TIME.search(before) and _TOTAL_TAKEN.search(words, span.end):
                continue  # 每回扣200，一共扣了800 (VK-10: 200 + 800 + 300 = 1,300): the total counts, not each time's
            if _DEPOSIT_NEAR.search(words[span.end:span.end + 8]) or _DEPOSIT_NEAR.search(clause):
                continue  # 扣我500说是押金 (YM-11): a deposit, returned whole — no deduction
            if after or span.value not in taken:
                taken[span.value] = _fined(cause, words)
        elif wage is None and (_MONTHLY_PAY.search(before) or re.match(r"\s*(?:块|元)?(?:钱)?(?:一个月|每月)",
                                                                       words[span.end:span.end + 5])):
            wage = span.value
    return taken, wage


def _fined(cause: str, words: str) -> bool:
    """The sum was a fine (迟到, 罚款), not a loss the worker caused: its own clause says so or,
    when it says neither, the worker's words name a fine and no loss anywhere (迟到罚款合法吗 …
    这个月扣了800 — YS-09 weighed the 800 as damages)."""
    if _FINED_FOR.search(cause) or _DAMAGE.search(cause):
        return bool(_FINED_FOR.search(cause)) and not _DAMAGE.search(cause)
    return bool(_FINED_FOR.search(words)) and not _DAMAGE.search(words)


def applied_deduction(found: list[dict], words: str) -> list[str]:
    """迟到扣了1500 月工资4350 合法不 (WW-12: the 20 % rule, never applied): the cap on the
    worker's own wage, against the sum taken. 迟到罚了500 零件坏了扣了2000 (ZW-13: 扣 500 元没有
    超过这条线): the cap is for a loss the worker caused — the damage is weighed against it; a fine
    has no legal basis at all."""
    if not any(f.get("topic") == "wage_deduction" for f in found):
        return []
    taken, wage = _deductions(words)
    if not taken or not wage or wage < 1000:
        return []
    cap = wage * 0.2
    fines = [s for s, fine in taken.items() if fine]
    loss = sum(s for s, fine in taken.items() if not fine)
    if not loss:
        return [fined_line(fines, wage, cap, words)]
    line = (f"按您说的：月工资 {wage:,.0f} 元。因为您的原因造成损失、从工资里扣赔偿的，每月最多扣工资的 20%，也就是 "
            f"{cap:,.0f} 元，而且扣完剩下的不能低于当地月最低工资；")
    line += (f"扣 {loss:,.0f} 元超过了这条线：这个月最多扣 {cap:,.0f} 元，剩下的 {loss - cap:,.0f} 元只能分到以后"
             f"几个月，每月同样不超过 {cap:,.0f} 元，这个月多扣的可以要回来。" if loss > cap
             else f"扣 {loss:,.0f} 元没有超过这条线，但前提是真有您造成的损失，赔多少也要合理。")
    if fines:
        line += ("迟到这类“罚款”（" + "、".join(f"{s:,.0f} 元" for s in fines) + "）：劳动法律法规没有给单位罚款的"
                 "权力，多数地方认为没有法律依据，可以要求退还（以当地人社部门的认定为准）。")
    if _ASKS_BACK_TOTAL.search(words):
        line += _back_total(sum(fines), loss, cap)  # 那一共能要回来多少钱 杯子那300也能要吗 (VK-10: no total)
    return [line + "可以打 12333 投诉，或申请劳动仲裁。"]


# 一共能要回来多少 / 能要回多少 / 杯子那300也能要吗 (VK-10: the arrears boilerplate, no total)
_ASKS_BACK_TOTAL = re.compile(r"(?:一共|总共|加起来|合计)?(?:能|可以)?(?:要|退|拿)回(?:来)?多少|退(?:我|俺)?多少|"
                              r"也能要(?:回来?)?(?:吗|么|不|嘛)|也能退(?:吗|么|不)")


def _back_total(fined: float, loss: float, cap: float) -> str:
    """What can be asked back in all: the fines whole; of a loss, what exceeds the month's 20 % cap,
    and the rest only if the loss is not real or the sum is more than it (a figure from the worker's own)."""
    over = max(0.0, loss - cap)
    sure = fined + over
    most = fined + loss
    if sure == most:
        return f"算下来：能要求退还的一共 {sure:,.0f} 元。"
    sure_parts = ([f"罚款的 {fined:,.0f} 元可以要求全部退还"] if fined else []) + (
        [f"这个月超过 20% 多扣的 {over:,.0f} 元可以要回来"] if over else [])
    return (f"算下来：{'，'.join(sure_parts) + '；' if sure_parts else ''}赔偿损失扣的 {loss - over:,.0f} 元，"
            "只有真是您造成的损失、赔多少也合理，单位才能扣，单位拿不出证据或者扣得比实际损失多的，"
            f"多出的部分也可以要回来。所以至少能要回 {sure:,.0f} 元，最多 {most:,.0f} 元。")


_FINE_CAUSE = re.compile(r"迟到|早退|旷工|" + _REFUSED_OVERTIME)


def fined_line(fines: list[float], wage: float, cap: float, words: str = "") -> str:
    """迟到一次扣50 / 迟到扣了800 (YS-09: weighed as a loss the worker caused, 20 % a month): a fine
    is no compensation — the law gives the employer no power to fine (the policy record on
    deductions); the 20 % cap only binds what the employer might call damages, with proof."""
    total = sum(fines)
    cause = f"因为{m.group(0)}被扣了" if (m := _FINE_CAUSE.search(words)) else "被罚款扣了"
    over = f"扣 {total:,.0f} 元也超过了这条线" if total > cap else f"扣 {total:,.0f} 元就算没超过这条线，也得真有损失"
    overtime = ("加班要和您协商，您不同意的单位不能强迫，也不能用扣钱变相逼着加班（《劳动法》第四十一条、"
                "《劳动合同法》第三十一条）；" if re.search(_REFUSED_OVERTIME, words) else "")
    return (f"按您说的：月工资 {wage:,.0f} 元，{cause} {total:,.0f} 元。这是罚款，不是赔偿损失：{overtime}"
            "劳动法律法规没有给单位对职工罚款的权力，这样扣的钱可以要求退还。单位要是说成“赔偿损失”，得拿出您给单位造成"
            f"损失的证据，而且每月最多只能扣工资的 20%，也就是 {cap:,.0f} 元，{over}。把考勤记录、工资条、扣款的通知或"
            "聊天记录留好，可以打 12333 向劳动监察投诉，也可以找工会（12351）帮忙，或者申请劳动仲裁。")


_OTHERS_BEFORE = re.compile(r"工友|同事|他们|她们|别人|老乡|其他人|那些人?")
OTHERS_STILL_EMPLOYED = ("还在厂里上班的工友：在职期间被拖欠的工资，不受一年时效的限制，他们现在就可以投诉（12333）或"
                         "申请劳动仲裁；离职以后，从离职那天起一年内申请。")


def _restarted_limit(text: str) -> str | None:
    """A recent demand or promise to pay said with the leaving month: the year restarts from it
    (劳动争议调解仲裁法第二十七条第二款), so it is not too late; None when none is said."""
    from actions.time_limits import iou_route, restarted_recently  # (time_limits imports legal → this)

    if not restarted_recently(text):
        return None
    told = "对方最近还答应过给" if re.search(r"答应|说再等|说过几天|认账|保证|承诺", text) else "您最近还催过"
    return (f"但{told}——每催一次、对方每答应一次，时效就中断、从那天起重新计算一年，"
            "所以现在还来得及。把催要的聊天记录、录音截图保存好，尽快申请劳动仲裁，网格工作站也可以帮您。"
            + iou_route(text))


def applied_time_limit(found: list[dict], text: str, today: date | None = None) -> list[str]:
    """那我这个二月份走的 到底还来得及不 (I-10): the one-year limit applied to the month the
    worker left, after the rule itself ([] when no such month is said)."""
    if not any(f.get("topic") == "arbitration_time_limit" for f in found):
        return []
    if (still := _STILL_EMPLOYED.search(text)) and (
            _OTHERS_BEFORE.search(text[max(0, still.start() - 8):still.start()])
            or re.match(r"的?(?:那些|那几个)?(?:工友|同事|人|老乡)", text[still.end():still.end() + 6])):
        # 还在厂里上班的工友 他们能告吗 (ZC-08 was told 您还在这个单位上班, having left)
        return [OTHERS_STILL_EMPLOYED + LIMIT_SOURCE]
    if still and not _LEFT.search(text.replace("上班", "")):
        return [STILL_EMPLOYED + LIMIT_SOURCE]  # 我现在还在厂里上班 … 过了一年就不能仲裁了 (Y-11)
    if (late := late_demand_line(text, text, today)) is not None:
        # 一次都没要过 时效不是已经过了吗 过了以后再要还管用 (VK-8: 有正当理由（比如一直在讨要）… — he never asked)
        return [late]
    left = next(reversed(list(_LEFT_IN.finditer(text))), None)  # the last said (说错了 是去年十月走的, XI-7)
    if not left and (line := applied_limit(text)):
        return [line + LIMIT_SOURCE]  # 出来一年多了 大概十四个月吧 (YM-07: a flat 能)
    if not left and _OVER_A_YEAR.search(text) and _LEFT.search(text):
        return [OVER_A_YEAR + LIMIT_SOURCE]  # 走了一年多了 是不是过期了 (L-11)
    if not left:
        return []
    month = int(cn2an.cn2an(left.group(2), "smart"))
    if not 1 <= month <= 12:
        return []
    today = today or date.today()
    back = {"去年": 1, "前年": 2, "今年": 0}.get(left.group(1) or "")
    year = today.year - back if back is not None else (
        today.year if month <= today.month else today.year - 1)
    if left.group(3) and (dated := _deadline_of_day(year, month, int(left.group(3)), today)):
        return dated
    if (today.year, today.month) == (year + 1, month):
        return [f"您是{year}年{month}月离开的：这个月就满一年了，要申请仲裁请马上去（劳动争议仲裁委员会，"
                "或先打 12348 问法律援助）。" + LIMIT_SOURCE]
    if ((today.year, today.month) > (year + 1, month) or _OVER_A_YEAR.search(text)) \
            and (restarted := _restarted_limit(text)):
        # 去年十月份不干的 老板上个月还答应给 (YS-08: 可能过了时效 — the promise restarts the year)
        return [f"您是{year}年{month}月离开的，到现在超过一年了；" + restarted + LIMIT_SOURCE]
    if (today.year, today.month) > (year + 1, month) or _OVER_A_YEAR.search(text):
        return [f"您是{year}年{month}月离开的：到现在已经超过一年，按规定可能过了时效；"
                "有正当理由（比如一直在讨要）的时效可以中断或中止，建议尽快找工会或法律援助问问。"
                + LIMIT_SOURCE]
    return [f"按这个规定，您是{year}年{month}月离开的，从离开那天起一年内都能申请仲裁，也就是"
            f"最晚到{year + 1}年{month}月离开的那一天；现在还来得及，建议尽早申请。" + LIMIT_SOURCE]


def _deadline_of_day(year: int, month: int, day: int, today: date) -> list[str] | None:
    """去年12月20号被辞了 (OO-08: only the general rule): the last day, and the days left."""
    try:
        left_on = date(year, month, day)
        last = left_on.replace(year=year + 1)
    except ValueError:
        return None
    if last < today:
        return [f"您是{left_on.year}年{month}月{day}日离开的：到{last.year}年{month}月{day}日就满一年了，"
                "按规定可能过了时效；有正当理由（比如一直在讨要）的时效可以中断或中止，建议尽快找工会或"
                "法律援助问问。" + LIMIT_SOURCE]
    days = (last - today).days
    return [f"您是{left_on.year}年{month}月{day}日离开的：申请仲裁最晚到{last.year}年{month}月{day}日，"
            f"还剩 {days} 天，请抓紧（可以先到劳动争议仲裁委员会，或打 12348 问法律援助）。" + LIMIT_SOURCE]


# when the worker can take the call, said with the phone: 下午两点以后 / 白天别打 / 晚上七点以后打
_CALL_WHEN = re.compile(r"晚上|白天|上午|下午|中午|早上|傍晚|凌晨|半夜|周末|工作日|明天|后天|"
                        r"周[一二三四五六日天]|礼拜[一二三四五六天日]|星期[一二三四五六日天]|"
                        r"(?:\d{1,2}|[一二两三四五六七八九十]{1,3})点")
_CALL_HOW = re.compile(r"以后|之后|以前|之前|[前后]|打|方便|有空|能接|都行|可以|别|不要|不行|没空|接不了|上班")
_PHONE_GIVEN_HERE = re.compile(r"(?<!\d)1[3-9]\d(?:[\s\-]*\d){8}(?!\d)|打给我|打我|联系我|回电|别打|不要打")
_CALL_CLAUSE_END = re.compile(r"[\s，,。；;！!？?]+")


def call_time_told(tracker: Tracker, limit: int = 8) -> str | None:
    """18661712345 白天别打 下午两点以后 (XA-13: the ticket had no time to call): the clauses
    of the message that gave the phone which say when to call or not, in the worker's words
    (白天别打 is kept with 下午两点以后 — alone it would read as a time to call). None: none said."""
    for said in reversed(worker_messages(tracker, limit)):
        if not _PHONE_GIVEN_HERE.search(said):
            continue
        clauses = [c for c in _CALL_CLAUSE_END.split(_PHONE_DIGITS.sub(" ", said)) if c]
        when = [c for c in clauses if _CALL_WHEN.search(c) and _CALL_HOW.search(c) and len(c) <= 14]
        if when:
            return "，".join(when)
    return None


_PHONE_DIGITS = re.compile(r"(?<!\d)1[3-9]\d(?:[\s\-]*\d){8}(?!\d)")


# 两千多 / 2000多元 / 两千出头 / 超过两千 / 两千以上: more than the figure said, not the figure
_MORE_AFTER = re.compile(r"^(?:多(?!亏|谢|少)|出头|挂零|以上)")
_MORE_BEFORE = re.compile(r"(?:超过|超了|不止|过了|多于)\s*$")
_MORE_IN = re.compile(r"多(?:块|元|钱)?$")


def cost_said_above(words: str, paid: float) -> bool:
    """The worker gave the sum as 'more than' it (自己掏了大概两千多块, XB-4: read as 2,000 and
    told 还差 0 元): the figure is where the sum starts, not the sum."""
    from bot.normalize.numbers import find_amounts

    for span in find_amounts(words or ""):
        if span.value != paid:
            continue
        said = words[span.start:span.end]
        if _MORE_IN.search(said) or _MORE_AFTER.match(words[span.end:span.end + 3]) \
                or _MORE_BEFORE.search(words[max(0, span.start - 3):span.start]):
            return True
    return False
