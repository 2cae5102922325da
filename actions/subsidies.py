"""Holiday measures: what applies where the worker is, with amounts, and an application.

The region's measures are the answer and come first: as soon as the place (or the employer
whose agreement is on record) is known, the form says them before it asks anything else
(``say_measures``), and asks the worker's job only when a rule of that region depends on it
(``occupation_matters``) — 在广东过年不回去 工会有啥福利 is answered, not met with 您做什么工作.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.backend_client import BackendError, BackendUnavailable
from actions.common import SafeAction, client, location, said_this_turn
from actions.fact_tables import places_named
from actions.facts import fact_text, recent_words, same_employer, worker_messages
from actions.legal import legal_case
from actions.relief import verdict_lines
from actions.slot_checks import value_before_this_message
from actions.tickets import offer_ticket
from actions.validators import RELATIVE, UNKNOWN, someone_elses_place
from bot.normalize.text import normalize_text

MEASURES_HEADER = "当地工会的过年措施："
# how far back a measure said counts as said (the form's questions come in between)
MEASURES_MEMORY = 8


# 留沪过年要是工伤了咋办 / 留沪的补贴包括保险吗 (XQ-8: 您在哪个城市, then 没有现成的准确答案): a place named by
# its one-character name, the way the measures themselves name it (留沪 / 留粤 / 留桂; 沪上). (桂林 is no 桂.)
_ABBREVIATED = re.compile(r"(?:留|在|来|赴|驻|离)(沪|粤|桂)(?![林平阳花])|(沪)上")
_ABBREVIATIONS = {"沪": "上海", "粤": "广东", "桂": "广西"}


def place_abbreviated(text: str) -> str | None:
    """The place a message names by its one-character name (留沪 → 上海), else None."""
    found = _ABBREVIATED.search(normalize_text(text or ""))
    return _ABBREVIATIONS[found.group(1) or found.group(2)] if found else None


def holiday_place(tracker: Tracker) -> tuple[str | None, str | None]:
    """The worker's city and district: the slots, else a place the worker's recent messages name by
    its one-character name (留沪) — the measures for staying there are what they ask about."""
    city, district = (p if p != UNKNOWN else None for p in location(tracker))
    if city or district:
        return city, district
    for message in reversed(worker_messages(tracker, 4)):
        if place := place_abbreviated(message):
            return place, None
    return None, None


def worker_facts(tracker) -> dict:
    city, district = holiday_place(tracker)
    situation = tracker.get_slot("holiday_situation")
    facts = {"city": city, "district": district, "occupation": tracker.get_slot("occupation"),
             "stayed_over_holiday": situation == "stay",
             "returning_after_peak": situation == "return",
             "employer": tracker.get_slot("employer")}
    return {k: v for k, v in facts.items() if v is not None and v != UNKNOWN}


async def local_measures(tracker: Tracker) -> list[dict]:
    """The region's own holiday measures on record ([] for a place without any, or unknown),
    with an employer's agreement only for a worker of that employer."""
    employer = tracker.get_slot("employer")
    return await measures_for(*holiday_place(tracker), employer=None if employer == UNKNOWN else employer)


async def measures_for(city: str | None, district: str | None, employer: str | None = None,
                       agreements: bool = False) -> list[dict]:
    """The holiday measures on record for a place itself ([] for none, or a place unknown).
    One employer's collective agreement (隆祥's, in 福鼎) is no measure of the place: it is
    said to that employer's workers only (YU-03: told to every worker of 福鼎 as 当地工会的过年措施);
    ``agreements``: those agreements alone, the others' workers not included."""
    if not (city or district):
        return []
    try:
        found = await client().policies("holiday_subsidy", city, district)
    except BackendError:  # a place the backend does not know: nothing local to say
        return []
    except BackendUnavailable:  # the measures are a bonus of the form's turn: it goes on
        return []
    local = [p for p in found["policies"] if p.get("region_id") is not None]
    if agreements:
        return [p for p in local if agreement_employer(p)]
    return [p for p in local if not agreement_employer(p) or same_employer(agreement_employer(p), employer)]


def agreement_employer(policy: dict) -> str | None:
    """The employer whose own agreement a record is (None: a measure of the place)."""
    return (policy.get("details") or {}).get("employer") or None


def agreement_note(agreements: list[dict], place: str) -> str:
    """One line for a place whose only record is an employer's agreement, the employer unknown:
    whose it is and that it binds that employer only — not its terms to everyone."""
    names = "、".join(dict.fromkeys(name for p in agreements if (name := agreement_employer(p))))
    return (f"{place}这边我只收录了{names}的春节集体协议，那是这家单位和职工协商签的，只对这家单位的职工有效；"
            "您要是在这家单位上班，告诉我一声，我按协议给您说。")


# 路费咋报 / 车票能报不 (YU-15): the fare asked about, which a place's measures may not cover
_FARE = re.compile(r"路费|车费|车票|路上的钱|回家的钱|返乡费|返岗费|机票|火车票")
_FARE_COVERED = re.compile(r"路费|车费|车票|返程")


def fare_asked(text: str) -> bool:
    """The worker asks about travel costs (路费, 车票)."""
    return bool(_FARE.search(text or ""))


FARE_ELSEWHERE = ("返乡、返岗的路费有的单位会自己给（写在单位的集体协议或通知里），可以问问单位工会，"
                  "或拨打职工服务热线 12351。")


async def _fare_records(tracker: Tracker, employer: str | None) -> tuple[list[dict], list[dict]]:
    """The fare records on file: (the worker's own — of their place, or their employer's agreement —,
    the others, with whose they are). [] and [] when the backend cannot be asked."""
    city, district = holiday_place(tracker)
    try:
        anywhere = (await client().facts("回家的路费 车票 能报吗")).get("facts") or []
        here = (await client().facts("回家的路费 车票 能报吗", city=city, district=district, employer=employer)
                ).get("facts") or [] if city or district or employer else []
    except (BackendError, BackendUnavailable):
        return [], []
    anywhere = [f for f in anywhere if f.get("kind") != "station"]
    own = [f for f in here if f.get("kind") != "station"
           and (not f.get("employers") or any(same_employer(n, employer) for n in f["employers"]))]
    return own, [f for f in anywhere if all(f.get("topic") != o.get("topic") for o in own)]


def _whose_fare(record: dict) -> str:
    """福鼎市隆祥皮革有限公司的集体协议 / 上海市的过年措施: whose a fare record is, for a sentence."""
    path = record.get("place") or {}
    where = path.get("city") or path.get("province") or ""
    if record.get("employers"):
        return f"{where}{record['employers'][0]}的集体协议（只对这家单位的职工有效，别的单位的职工领不到）"
    return f"{where}的过年措施" if where else "国家规定"


async def fare_reply(tracker: Tracker, words: str | None = None, said: str = "") -> str | None:
    """回家的路费能报吗 / 返乡车票有补贴吗 (YU-15, XQ-16: 没有现成的准确答案 or a generic line): the fare record
    of the worker's place or employer when there is one; else plainly that none is on record for that
    place, what the place's measures are, and the only fare records there are, whose they are. None
    when no fare is asked (``words``: the words read, the latest message by default) or what was just
    ``said`` names the fare already."""
    text = words if words is not None else ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not fare_asked(text) or _FARE_COVERED.search(said or ""):
        return None
    employer = tracker.get_slot("employer")
    employer = None if employer in (None, UNKNOWN) else str(employer)
    city, district = holiday_place(tracker)
    own, others = await _fare_records(tracker, employer)
    if own:
        return "\n".join(fact_text(f) for f in own[:2])
    place = place_name(tracker) if city or district else None
    measures = await measures_for(city, district) if place else []
    if place and measures:
        titles = "；".join(p["title"] for p in measures[:2])
        lead = f"您问的路费：{place}登记的过年措施里没有路费（车费）补贴这一项（登记的措施是{titles}）。"
    elif place:
        lead = f"您问的路费：{place}的过年措施我这里没有收录，也没有{place}的路费（车费）补贴记录。"
    else:
        lead = "您问的路费：您在哪儿过年、在哪个单位，我这里还不知道，没有您那里的路费（车费）补贴记录。"
    exists = "".join(f"我这里收录的路费补贴只有{_whose_fare(f)}：{fact_text(f)}\n" for f in others[:1])
    return f"{lead}{exists}{FARE_ELSEWHERE}"


def measures_text(measures: list[dict], today: date | None = None,
                  header: str = MEASURES_HEADER) -> str:
    """The region's measures with their sources; measures of an earlier year say so (O-15,
    O-16: the 2021 campaign was presented as available now)."""
    text = header + "\n" + "\n".join(
        f"· {p['title']}：{p['summary']}（来源：{p['source']}）" for p in measures[:2])
    years = {int(str(p["effective_from"])[:4]) for p in measures[:2]
             if str(p.get("effective_from") or "")[:4].isdigit()}
    this_year = (today or date.today()).year
    if years and max(years) < this_year:
        text += (f"\n以上是{max(years)}年春节的措施。今年有没有、怎么领，以当地工会最新公布的为准，"
                 "可以打职工服务热线 12351 问。")
    return text


def measures_said(tracker: Tracker, measures: list[dict]) -> bool:
    """These measures were already told in this case (before the form's questions)."""
    return bool(measures) and said_this_turn(tracker, measures[0]["title"],
                                             earlier_turns=MEASURES_MEMORY)


async def say_measures(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """Says the region's measures once, first thing; True when they were said now."""
    measures = await local_measures(tracker)
    if not measures or measures_said(tracker, measures):
        return False
    dispatcher.utter_message(text=measures_text(measures))
    return True


async def occupation_matters(tracker: Tracker) -> bool:
    """A rule of the worker's region is undecided for want of the job alone (上海's cover for
    外来建设者): only then is 您做什么工作 worth asking. Unknown place, or no backend: asked,
    as before (the job then may still matter)."""
    facts = worker_facts(tracker)
    if not (facts.get("city") or facts.get("district")):
        return True
    facts.pop("occupation", None)
    try:
        result = await client().eligibility(facts)
    except (BackendError, BackendUnavailable):
        return True
    return any(p.get("undetermined") and "occupation" in (p.get("missing_facts") or [])
               for p in result.get("programmes", []))


# 家里挺困难的能不能建档 / 想建档立卡 / 申请困难职工 (VA-7: the ticket left the second request out)
_FILING_ASKED = re.compile(r"建档|建卡|困难职工|困难家庭|困难帮扶|帮扶|(?:家里|家庭|生活)\S{0,3}(?:困难|难|揭不开锅)")
_FILING_DENIED = re.compile(r"(?:不|没|不用|不想|不要)(?:想|要|用|打算)?(?:建档|申请困难)")


def filing_asked_beside(tracker: Tracker) -> str | None:
    """The hardship filing (困难职工建档) asked beside the holiday subsidy, as a point for the
    ticket (家庭困难，想申请困难职工建档); None when the worker's recent words ask none."""
    words = recent_words(tracker, limit=3)
    if not _FILING_ASKED.search(words) or _FILING_DENIED.search(words):
        return None
    return "家庭困难，想申请困难职工建档（建档立卡）" if re.search(r"建档|建卡|困难职工", words) \
        else "家庭困难，想问工会帮扶"


def application_facts(tracker: Tracker, facts: dict, applicable: list[dict]) -> dict[str, Any]:
    told = {"programmes": [p["programme"] for p in applicable],
            "situation": tracker.get_slot("holiday_situation"),
            "occupation": facts.get("occupation"), "employer": facts.get("employer")}
    if filing := filing_asked_beside(tracker):
        told["case_points"] = filing  # (VA-7: 留下过年 / 司机 / 南宁 — no word of 家庭困难 / 建档)
    return told


_SIGN_ME_UP = re.compile(r"登记|申请|报名|办一下|帮我办|要领|怎么领|咋领")


def offer_declined(tracker: Tracker) -> bool:
    """The subsidy's ticket was declined a message or two ago (先不用登记 …), and the worker does
    not ask for it now: its measures may be asked about again, the offer is not made again."""
    text = (tracker.latest_message or {}).get("text") or ""
    return not text.startswith("/") and not _SIGN_ME_UP.search(text) and any(
        said_this_turn(tracker, words, earlier_turns=2) for words in ("先不登记", "不登记了"))


class ActionHolidaySubsidy(SafeAction):
    def name(self) -> str:
        return "action_holiday_subsidy"

    async def act(self, dispatcher, tracker, domain):
        if home := await home_place_measures(tracker):
            # 要是我回广西老家过年呢 那边工会有啥 (XI-12: 广东's block again): 广西's, his own case kept
            for line in home:
                dispatcher.utter_message(text=line)
            return own_place_kept(tracker)
        facts = worker_facts(tracker)
        measures = await local_measures(tracker)
        result = await client().eligibility(facts)
        outside = None
        if when := injured_outside_the_holiday(tracker):
            # 前天摔的 in December (XJ-7: told 可以享受 the Spring Festival cover): not that cover
            covers = [p for p in result.get("programmes", []) if p.get("eligible") and "意外" in str(p.get("title"))]
            if covers:
                result = {**result, "programmes": [p for p in result["programmes"] if p not in covers]}
                outside = cover_outside_the_holiday_text(when, covers[0], measures)
        yes, _ = verdict_lines(result.get("programmes", []))
        agreements = [] if measures or yes else await measures_for(*location(tracker), agreements=True)
        if not measures and yes:
            dispatcher.utter_message(response="utter_no_holiday_measures")
        elif measures and not measures_said(tracker, measures):
            dispatcher.utter_message(text=measures_text(measures))
        if outside:
            dispatcher.utter_message(text=outside)  # after the measures it is about
        if agreements and not tracker.get_slot("employer"):
            dispatcher.utter_message(text=agreement_note(agreements, place_name(tracker)))
        fare = await fare_reply(tracker, recent_words(tracker, limit=3),
                                " ".join(m["summary"] for m in measures) + " ".join(yes))
        if fare:
            dispatcher.utter_message(text=fare)  # 不回家过年的人路费咋报 (YU-15, XQ-16): said plainly
        # (nothing on record and nothing to apply for: NOTHING_ON_RECORD below says it once;
        # CODE-12 heard "还没有收录" twice in one reply)
        declined = offer_declined(tracker)
        if yes and not (declined and said_this_turn(tracker, yes[0][:24], earlier_turns=3)):
            dispatcher.utter_message(text=_eligible_header(measures) + "\n".join(yes))
        if declined:
            return []  # 我是问 有人说留厂过年给500块红包 … right after 先不用登记 (XO-8: offered again)
        applicable = [p for p in result.get("programmes", [])
                      if p["eligible"] and p.get("ticket_type")]
        if outside and not applicable:
            # hurt these days, the holiday's cover not his (XJ-7: a 补贴申请 ticket he then refused):
            # the injury is the case offered
            return offer_ticket("legal_aid", legal_case(tracker))
        if applicable:
            return offer_ticket("subsidy_application", application_facts(tracker, facts, applicable))
        if not yes:
            # 节后错峰回家 in 南宁 with the measures already said: never a silent end, and never
            # "nothing for you" after measures that list a red envelope: a person checks the rest
            if measures or not fare:  # (the fare's answer said the place has nothing on record: XQ-16)
                dispatcher.utter_message(text=ASK_A_PERSON if measures else NO_PLACE_MEASURES if agreements
                                         else NOTHING_ON_RECORD)
            return offer_ticket("subsidy_application", application_facts(tracker, facts, []))
        return []


def place_name(tracker: Tracker) -> str:
    """The worker's place as they told it (district before city), for a sentence."""
    city, district = holiday_place(tracker)
    place = next((p for p in (district, city) if p and p != UNKNOWN), None)
    return place or "您那里"


def _eligible_header(measures: list[dict], today: date | None = None) -> str:
    """按这些措施…可以享受, said in the past for measures of an earlier year (a round-15 replay:
    the 2021 广东 gift was called 可以享受 right after 以上是2021年春节的措施)."""
    years = [int(str(p.get("effective_from") or "")[:4]) for p in measures[:2]
             if str(p.get("effective_from") or "")[:4].isdigit()]
    if years and max(years) < (today or date.today()).year:
        return f"按{max(years)}年的这些措施，您这种情况当时可以享受（今年的以当地工会公布的为准）：\n"
    return "按这些措施，您的情况可以享受：\n"


ASK_A_PERSON = ("上面是当地登记的措施。您具体能领哪些、怎么领，要看单位和当地工会的安排："
                "可以问问单位工会，或拨打职工服务热线 12351；也可以登记一下，让工作站的工作人员帮您问清楚。")
NOTHING_ON_RECORD = ("您所在地方的过年措施我这里还没有收录。返岗路费、红包这些，很多是单位或当地工会"
                     "另外安排的，可以问问单位工会，或拨打职工服务热线 12351；也可以登记一下，让工作站的"
                     "工作人员帮您问清楚。")
NO_PLACE_MEASURES = ("当地工会面向所有职工的过年措施我这里还没有收录。返岗路费、红包这些，"
                     "很多是单位或当地工会另外安排的，可以问问单位工会，或拨打职工服务热线 12351；"
                     "也可以登记一下，让工作站的工作人员帮您问清楚。")


# 我要是过年干活摔了找谁报 / 受伤了找谁赔 / 出了事去哪报 right after an accident cover was said
# (XB-5: 没有现成的准确答案, the question put into the ticket): who to claim from
_ACCIDENT = re.compile(r"摔|受伤|伤了|伤着|砸|磕|出事|出了事|意外|工伤")
_CLAIM_ASKED = re.compile(r"找谁|去哪|上哪|哪里|怎么|咋|向谁|跟谁|谁")
# (留沪过年要是工伤了咋办 / 摔了怎么办 / 工伤了谁管, XQ-8: asked what to do, as much as whom to claim from)
_CLAIM_WORD = re.compile(r"报|赔|申请|领|理赔|要钱|给钱|管|办|整|弄|出钱|负责")
# 工伤 named: the records' answer on the 工伤 and the cover side by side (who pays which, 工伤认定 in a year)
_WORK_INJURY = re.compile(r"工伤")
# the holiday stay the question is about (the cover is for it): said now, or the measures told lately
_STAY_ASKED = re.compile(r"留(?:沪|粤|桂|下|在|厂)|过年|春节|年三十|除夕|初[一二三四五六七]|补贴|措施|福利|"
                         r"不回(?:家|去|老家)")
# the 工伤 route, as the legal records put it (单位30日内 / 本人1年内)
INJURY_ROUTE = ("干活受伤的，还可以走工伤：单位应当自受伤之日起30日内向人社部门申请工伤认定；单位不申请的，"
                "您本人或近亲属在受伤之日起1年内可以自己去人社局申请。工伤待遇和工会的保障是两回事，一般都可以申请。")


def asks_accident_claim(text: str) -> bool:
    """The message asks who or where to claim an accident at work from (摔了找谁报)."""
    return bool(_ACCIDENT.search(text or "")) and bool(_CLAIM_ASKED.search(text or "")) \
        and bool(_CLAIM_WORD.search(text or ""))


# 要自己去办手续不 还是自动就有 / 需要申请吗 / 用不用报名 / 是自动给的吗 (XD-15: the overtime
# multipliers): whether the cover just told must be applied for or bought, or is simply given
_GIVEN_ASKED = re.compile(r"自动|自己(?:去|要)?(?:办|买|申请|报|交|掏|弄)|手续|"
                          r"(?:要|用|需要)(?:不要|不用)?(?:去)?(?:申请|报名|登记|办理?|买)(?:吗|不|么|啊|没|呀)|"
                          r"(?:申请|报名|登记|买)(?:吗|不|么)|直接(?:就)?(?:有|给)")
# the cover was said this recently for a bare 要自己办吗 to be about it
COVER_MEMORY = 3


def asks_cover_given(text: str) -> bool:
    """The message asks whether a cover must be applied for (要自己去办手续不), not what it pays."""
    return bool(_GIVEN_ASKED.search(text or ""))


def cover_given_text(cover: dict) -> str:
    """Whether the cover must be applied for, in the record's words: given (赠送) to everyone it
    names, no purchase; after an accident, the record's way to claim."""
    return (f"不用自己去买，也不用花钱：按“{cover['title']}”，{cover['reason']}记录里没有写要事先报名。"
            f"要注意的是出了事以后：{cover['next_steps']}")


async def accident_claim_reply(tracker: Tracker) -> str | None:
    """Who to claim from, for a worker told of an accident cover in this case: the cover's own
    way to claim (the rules' next steps: 单位工会 / 12351, the 就医材料), then the 工伤 route;
    whether it must be applied for at all (要自己去办手续不, right after the cover was told);
    None when no accident cover applies to them or the message asks no such thing."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    claim = asks_accident_claim(text)
    given = not claim and asks_cover_given(text) and said_this_turn(tracker, "意外伤害", earlier_turns=COVER_MEMORY)
    if not (claim or given):
        return await cover_included_reply(tracker)  # 留沪的补贴包括保险吗 (XQ-8)
    try:
        result = await client().eligibility(worker_facts(tracker))
    except (BackendError, BackendUnavailable):
        return None
    covers = [p for p in result.get("programmes", []) if p.get("eligible") and "意外" in str(p.get("title"))
              and p.get("next_steps")]
    injury = await injury_and_cover_text(tracker) if claim and _WORK_INJURY.search(text) else None
    if not covers:
        # 留沪过年要是工伤了咋办, the job not told yet (XQ-8: 您在哪个城市, then 没有现成的准确答案): the
        # records on the 工伤 and the stay's cover, whose they are said in them
        return injury if injury and not injured_outside_the_holiday(tracker) else None
    cover = covers[0]
    if when := injured_outside_the_holiday(tracker):
        return cover_outside_the_holiday_text(when, cover)  # hurt 前天, in December (XJ-7)
    if given:
        return cover_given_text(cover) if cover.get("reason") else None
    return f"按“{cover['title']}”：{cover['next_steps']}\n{injury or INJURY_ROUTE}"


def _measures_told(tracker: Tracker) -> bool:
    """The holiday measures (or the accident cover in them) were told in this case lately."""
    return said_this_turn(tracker, "过年措施", earlier_turns=MEASURES_MEMORY) \
        or said_this_turn(tracker, "意外伤害专项保障", earlier_turns=MEASURES_MEMORY)


def _stay_asked_about(tracker: Tracker, text: str) -> bool:
    """The question is about the holiday stay: said in it, or the holiday measures told lately."""
    return bool(_STAY_ASKED.search(text)) or _measures_told(tracker)


async def _place_records(tracker: Tracker, question: str) -> list[dict]:
    """The records the backend answers ``question`` with for the worker's place (none: [])."""
    city, district = holiday_place(tracker)
    if not (city or district):
        return []
    try:
        found = (await client().facts(question, city=city, district=district)).get("facts") or []
    except (BackendError, BackendUnavailable):
        return []
    return [f for f in found if f.get("kind") != "station" and f.get("place")]


async def injury_and_cover_text(tracker: Tracker) -> str | None:
    """留沪过年要是工伤了咋办 (XQ-8): the record of the place on a 工伤 beside its holiday accident cover
    (who pays the 工伤, 工伤认定 within the year, the cover paid apart) — for a worker whose place has
    such a cover and who asks about the stay; None otherwise."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not _stay_asked_about(tracker, text):
        return None
    found = await _place_records(tracker, "意外伤害专项保障 和工伤 能不能一块拿")
    record = next((f for f in found if f.get("topic") == "accident_cover_and_injury"), None)
    return fact_text(record) if record else None


# 留沪的补贴包括保险吗 / 过年的福利里有没有保险 / 给不给上意外险 (XQ-8: 没有现成的准确答案): whether the
# measures of the worker's place include an insurance (an accident cover) — never the social insurance
_COVER_NAMED = re.compile(r"保险|保障|意外险|意外伤害")
_INCLUDED_ASKED = re.compile(r"包括|包含|含不含|含有|包不包|有没有|有没|有吗|有不|算不算|带不带|送不送|给不给|管不管|"
                             r"里面有|也有|还有")
_NOT_THE_COVER = re.compile(r"社保|五险|医保|养老|工伤保险|失业|生育|公积金|互助")


def asks_cover_included(text: str) -> bool:
    """The message asks whether an insurance is among the holiday measures (留沪的补贴包括保险吗)."""
    text = normalize_text(text or "")
    return bool(_COVER_NAMED.search(text)) and bool(_INCLUDED_ASKED.search(text)) \
        and not _NOT_THE_COVER.search(text)


def _year_note(measures: list[dict]) -> str:
    """The measures' year, when it is a year gone by (their figures are that year's)."""
    starts = (str(p.get("effective_from") or "")[:4] for p in measures)
    years = [int(y) for y in starts if y.isdigit()]
    if years and max(years) < _today().year:
        return f"这是{max(years)}年春节的措施，今年有没有、怎么领，以当地工会最新公布的为准，可以打 12351 问。"
    return ""


async def cover_included_reply(tracker: Tracker) -> str | None:
    """Whether the holiday measures of the worker's place include an insurance: yes with the cover's
    record (上海: the union's gift, up to 2万元), or plainly no and what they hold. None when not asked
    so, about no holiday stay, or for a place without measures on record (or unknown)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not asks_cover_included(text) or not _stay_asked_about(tracker, text):
        return None
    if not tracker.active_loop_name and any(location(tracker)) and not _measures_told(tracker):
        return None  # 我在上海工地 过年不回去 有没有保险: the holiday flow tells the measures, the cover in them
    measures = await local_measures(tracker)
    if not measures:
        return None
    with_cover = [p for p in measures if (p.get("details") or {}).get("accident_cover_max")]
    if not with_cover:
        names = "；".join(f"{p['title']}：{p['summary']}" for p in measures[:2])
        return (f"{place_name(tracker)}登记的过年措施里没有保险（意外保障）这一项。登记的措施是：{names}"
                f"（来源：{measures[0]['source']}）{_year_note(measures)}")
    policy = with_cover[0]
    record = next((f for f in (policy.get("details") or {}).get("facts") or []
                   if f.get("topic") == "accident_cover_max" and f.get("answer")), None)
    cover = record["answer"] if record else f"意外伤害专项保障，最高 {policy['details']['accident_cover_max']:,} 元。"
    yes = "包括" if re.search(r"包括|包含|含", text) else "有"
    return (f"{yes}。{cover}这是“{policy['title']}”里的一项，另外还有：{_other_items(policy['summary'])}"
            f"（来源：{policy['source']}）{_year_note([policy])}")


def _other_items(summary: str) -> str:
    """The measure's summary without its clause on the cover (told just before it)."""
    rest = [c for c in re.split(r"[；;]", summary) if "意外伤害" not in c]
    return "；".join(rest).strip("。 ") + "。"


# --- whose holiday, and how it was spent (XH-6, XG-5) --------------------------------------------

async def someone_elses_measures(tracker: Tracker) -> list[str]:
    """我表弟在廣東送外賣，他那邊有嗎: that place's holiday measures, said as theirs, with their
    sources ([] when the message is no such question or the place has none on record)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if not (place := someone_elses_place(text)):
        return []
    measures = await measures_for(place, None)
    if not measures:
        return [f"{place}的过年措施我这里没有收录，让他问当地工会，或拨打职工服务热线 12351。"]
    who = RELATIVE.search(normalize_text(text))
    name = re.sub(r"^(?:我|俺)(?:家|的)?", "", who.group(0)) if who else "他"
    return [measures_text(measures, header=f"您{name}在{place}的话，{place}当地工会的过年措施：")
            + "\n这是给他的参考，您自己的登记内容不变。"]





# --- the place the worker may go home to (XI-12) -------------------------------------------------

# 要是我回广西老家过年呢 那边工会有啥 / 回广西过年的话有啥 / 我要是回老家广西呢 / 广西工会过年有啥措施
# (XI-12: 广东's block again, then 地点 changed to 广西): a place asked about, the worker's own stays
_PLACE_WORD = r"([\u4e00-\u9fff]{2,3}?)"
_HOME_ASKED = (re.compile(r"回(?:到)?(?:我|俺)?(?:的)?" + _PLACE_WORD
                          + r"(?:省|市)?(?:老家|那边|那儿|去|过年|的话|呢)"),
               re.compile(r"回(?:到)?(?:我|俺)?(?:的)?老家\s*" + _PLACE_WORD + r"(?:省|市)?(?:过年|那边|的话|呢|$|\s)"),
               re.compile(r"^(?:那)?" + _PLACE_WORD + r"(?:省|市)?(?:那边|这边)?(?:的)?工会(?:过年|春节)?"
                          r"(?:有啥|有什么|有没有|啥措施|什么措施|给啥|给什么)"))
_NOT_A_HOME = re.compile(r"^(?:老家|家里|家|去|不去|不了|那边|这边|我|俺|过年|当地|本地|这里|那里)")


def home_place_asked(text: str) -> str | None:
    """The place named as where the worker would go home to for the holiday (回广西老家过年),
    or whose union's holiday measures are asked about (广西工会过年有啥措施); None: not that."""
    text = normalize_text(text or "").strip()
    for pattern in _HOME_ASKED:
        found = pattern.search(text)
        if found and not _NOT_A_HOME.match(found.group(1)):
            return found.group(1)
    return None


async def home_place_measures(tracker: Tracker) -> list[str]:
    """That place's measures (they are for those who spend the holiday there), and that going
    home means not getting the measures for staying where the worker works; the worker's own
    place unchanged. [] when not asked, the own place is unknown or is that place."""
    place = home_place_asked((tracker.latest_message or {}).get("text") or "")
    own_city, own_district = (value_before_this_message(tracker, slot) for slot in ("city", "district"))
    own = next((p for p in (own_district, own_city) if isinstance(p, str) and p and p != UNKNOWN), None)
    if not place or not own or place in own or own in place:
        return []
    theirs = await measures_for(place, None)
    ours = await measures_for(own_city if own_city != UNKNOWN else None, own_district if own_district != UNKNOWN
                              else None)
    header = f"您要是回{place}过年：{place}当地工会的过年措施（是给在{place}过年的职工的）："
    lines = [measures_text(theirs, header=header)
             if theirs else f"{place}的过年措施我这里没有收录，回去以后可以问当地工会，或拨打职工服务热线 12351。"]
    if ours:
        lines.append(f"要注意：回{place}过年的话，{own}这边给留下过年的人的措施（{ours[0]['title']}）就领不到了，"
                     f"那是给留在当地过年的职工的。您自己的登记还是按{own}、留下过年记着，要改跟我说一声。")
    else:
        lines.append(f"您自己的登记还是按{own}记着，要改跟我说一声。")
    return lines


def own_place_kept(tracker: Tracker) -> list[dict]:
    """The worker's own place set back where a message asking about another place changed it."""
    from rasa_sdk.events import SlotSet

    from actions.slot_checks import slots_set_this_turn

    now = slots_set_this_turn(tracker)
    return [SlotSet(slot, value_before_this_message(tracker, slot)) for slot in ("city", "district")
            if slot in now and now[slot] != value_before_this_message(tracker, slot)]


# --- an injury that is not of the holiday stay (XJ-7) --------------------------------------------

# 前天从架子上摔下来腿骨折了 … 听说工会给留上海过年的有个意外保险 (XJ-7, told on December 7: 您这种情况
# 当时可以享受): the cover is for the Spring Festival stay; an injury of these days is not in it
_HURT = re.compile(r"摔|受伤|伤了|伤着|骨折|砸|压|轧|夹|工伤|(?:腿|手|胳膊|腰|脚|手指|头)\S{0,4}(?:断|折)")
_RECENT = re.compile(r"前天|昨天|今天|刚才|刚刚|上午|下午|昨晚|前几天|这几天|上周|上礼拜|上星期|这周|这礼拜|"
                     r"上个月|这个月|大前天")
_AT_THE_FESTIVAL = re.compile(r"过年(?:的时候|期间|那几天|那会|时)|春节(?:期间|的时候|那几天)|初[一二三四五六七八九十]|"
                              r"除夕|年三十|大年|正月|腊月")


def _today() -> date:
    return date.today()


def injured_outside_the_holiday(tracker: Tracker) -> str | None:
    """The time word of an injury the worker dates to these days (前天), when these days are not
    the Spring Festival (not January or February); None when no such injury is told, it is dated
    to the festival, or the time cannot be told apart from it."""
    if _today().month in (1, 2):
        return None
    for message in reversed(worker_messages(tracker, 3)):
        if not _HURT.search(message) or _AT_THE_FESTIVAL.search(message):
            continue
        if when := _RECENT.search(message):
            return when.group(0)
    return None


def cover_most_text(cover: dict) -> str:
    """The cover's most, from its record (上海留沪意外险最多赔多少 — VL-7: said only after 你还没说), with
    whose measure it is; '' when the record holds no figure."""
    most = (cover.get("amount") or {}).get("max")
    if not isinstance(most, (int, float)) or most <= 0:
        return ""
    source = f"（来源：{cover['source']}）" if cover.get("source") else ""
    return f"：留下过年期间受了意外伤害的，最高给 {most:,.0f} 元保障金{source}"


def cover_outside_the_holiday_text(when: str, cover: dict, measures: list[dict] | None = None) -> str:
    """Said for an injury of these days instead of 您这种情况当时可以享受 the holiday's cover."""
    years = [str(p.get("effective_from") or "")[:4] for p in measures or []]
    year = next((f"{y}年" for y in years if y.isdigit()), "往年")
    return (f"您说的“{cover['title']}”，是给春节期间留下过年的职工的（{year}春节的措施）{cover_most_text(cover)}，"
            f"您是{when}（{_today().month}月）受的伤，不在春节留下过年的期间，这项保障用不上。"
            "干活受的伤走工伤：单位应当自受伤之日起30日内向人社部门申请工伤认定；单位不申请的，您本人或近亲属在"
            "受伤之日起1年内可以自己去申请（《工伤保险条例》第十七条）。")


# --- VJ-10: 西安环卫工冬天工会给不给发棉衣 (the holiday form, then the wage-arrears form, twice) ---------
# Winter clothing and care for outdoor workers asked outside the Spring Festival: answered from the
# records of the worker's place, else said plainly not to be on record, with whom to ask.
_CARE_ITEM = re.compile(r"棉衣|棉袄|棉鞋|棉被|棉大衣|羽绒服|御寒|保暖|冬衣|冬装|送温暖|"
                        r"(?:冬天|冬季|天冷)[^。？?！!]{0,12}?"
                        r"(?:衣服|慰问|关爱|关心|福利|发东西|发啥|发什么|给啥|给什么|补贴|手套|帽子)")
_CARE_ASKED = re.compile(r"我问|问的是|问一下|问问|想问|有没有|有没|给不给|发不发|送不送|有啥|有什么|"
                         r"吗|不$|么|呢|[？?]")
_HOLIDAY_NAMED = re.compile(r"(?<!不是)(?:过年|春节|年货|红包|留\S{0,3}过年|返乡|返岗|错峰)")
_CARE_RECORD = re.compile(r"棉衣|棉鞋|御寒|保暖|送温暖")
WINTER_CARE_SOURCE = "工会网格工作站名录和本热线收录的各地工会措施"


def winter_care_asked(text: str) -> bool:
    """冬天给发衣服不 / 冬天工会给不给发棉衣 / 没人欠我钱 我问棉衣: winter clothing or care asked, not
    a Spring Festival measure (不是过年 就平时冬天 环卫工有没有啥关爱)."""
    said = normalize_text(text or "")
    return bool(_CARE_ITEM.search(said)) and bool(_CARE_ASKED.search(said)) \
        and not _HOLIDAY_NAMED.search(said.replace("不是过年", ""))




def care_place(tracker: Tracker, text: str) -> str:
    """Where the worker asks about: the place the message names (西安), else the conversation's city."""
    named = places_named(text)
    city = named[0] if named else (tracker.get_slot("city") or "")
    return str(city) if not city or str(city).endswith(("市", "省", "区", "县")) else f"{city}市"


async def winter_care_reply(tracker: Tracker) -> str | None:
    """The answer to winter clothing or care asked (:func:`winter_care_asked`): the records of the
    worker's place that name it (棉衣, 御寒物品), else that none is on record for that place and whom to
    ask — the employer's union and the local federation (12351); never a holiday form or a wage form.
    None when not asked."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if not text or text.startswith("/") or not winter_care_asked(text):
        return None
    place = care_place(tracker, text)
    try:
        found = (await client().facts(text, city=place or None)).get("facts") or []
    except (BackendUnavailable, BackendError):
        found = []
    own = [f for f in found if f.get("kind") != "station" and _CARE_RECORD.search(str(f.get("answer") or ""))
           and (not f.get("place") or not place or any(str(v).startswith(place.rstrip("市省"))
                                                         for v in (f.get("place") or {}).values() if v))]
    if own:
        return "\n".join(fact_text(f, text) for f in own)
    where = place or "您那里"
    union = f"{place}总工会的职工服务中心" if place else "当地总工会的职工服务中心"
    return (f"{where}的工会冬天给环卫工人发不发棉衣、有什么慰问和关爱，我这里没有收录，不能给您说有还是没有。"
            f"可以这样问：① 问您所在单位（环卫公司、环卫所）的工会；"
            f"② 问{union}，打职工服务热线 12351 转当地工会。")
