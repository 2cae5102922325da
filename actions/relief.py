"""Relief eligibility: the backend's rules decide, from the worker's record and costs."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.backend_client import BackendError
from actions.common import SafeAction, client, location
from actions.facts import case_words, cost_said_above, hospital_fee_asked, is_question
from actions.seed_files import seed
from actions.slot_checks import slots_set_this_turn, value_before_this_message
from actions.tickets import offer_ticket
from actions.validators import UNKNOWN, asks_how_to_register, hardship_status_in, relatives_left_out
from bot.normalize.text import normalize_text


def worker_region(tracker) -> tuple[str | None, str | None]:
    """The region on the worker's record, else the place they told us."""
    region = (tracker.get_slot("verified_worker") or {}).get("region") or {}
    city, district = location(tracker)
    return region.get("city") or city, region.get("district") or district


def amount_text(amount: dict | None) -> str:
    if not amount:
        return ""
    if amount.get("max"):
        return f"，最高 {amount['max']:,} 元"
    if amount.get("value"):
        return f"，{amount['value']:,} 元"
    return f"（{amount['text']}）" if amount.get("text") else ""


def verdict_lines(programmes: list[dict]) -> tuple[list[str], list[str]]:
    """'✔ …' lines for the programmes that apply, '✘ …: why not' for the others."""
    yes = [f"✔ {p['title']}{amount_text(p.get('amount'))}。{p['reason']}"
           + (f" {p['next_steps']}" if p.get("next_steps") else "")
           for p in programmes if p["eligible"]]
    no = [f"✘ {p['title']}：{p['reason']}" for p in programmes
          if not p["eligible"] and not p.get("undetermined")]
    return yes, no


def hardship_for_rules(tracker: Tracker) -> str:
    """The status the rules are run with: the verified record first, else what the worker
    said (困难 / 特困). 不清楚 (the worker does not know) is judged as not on record — never
    as 在档 — and the staff check it when the ticket is followed up."""
    worker = tracker.get_slot("verified_worker") or {}
    told = tracker.get_slot("hardship_status")
    status = worker.get("hardship_status") or (told if told != UNKNOWN else None)
    return status or "none"


# 特困的住院都减免啥费用 / 要是我是特困的 去住院能少交点钱吗 (XI-6: 困难建档：特困 stored, and she
# judged by it): a tier asked about; the worker's own is said with 我是 / 俺是 / 建了档的 …
# 我替我爱人问一下 他在镇江做环卫 是工会建档的困难职工 (XO-9: no status kept, so 不对 他是特困职工 was
# no correction — 记下了, and the 可以申请 verdict on 困难 left standing): the status of the one the
# case is for (他是 / 她是, as ``hardship_status_in`` reads it) and 是…建档的困难职工 are told too
_OWN_TIER = re.compile(r"(?:我|俺|咱|我家|俺家|我们家|他(?!们)|她(?!们))(?:也|就|都|还|本来)?"
                       r"(?:是|算|属于|被认定为?|评上了?|评的是?)|"
                       r"建了档|建过\S{0,5}?档|在档的|有档|(?:^|\s)(?:是|算)(?:特困|困难)|"
                       r"(?:^|[\s，,。；;])(?:是|算)\S{0,6}?(?:建档|在档|建过档)的(?:特困|困难)|"
                       # 我镇江特困职工 马上要住院 … 能减免啥 (XW-10: the tier said without 是 was read as asked,
                       # dropped, and the worker judged 按还没有建档 once the phone was declined)
                       r"(?:^|[\s，,。；;])(?:我|俺)(?!想|问|听|要|看|不|没|替|帮|给)[^\s，,。；;？?]{0,5}?"
                       r"(?:特困|困难)(?:职工|户)")
_IF = re.compile(r"要是|如果|假如|万一|假设|若是|的话")
# 我没说我是特困啊 / 谁说我是特困了 / 我可没说是特困 (XI-6 T7: left at 特困): the tier taken back
_TIER_DENIED = re.compile(r"(?:没|没有|不是|并没|可没)(?:说|讲)(?:过)?(?:我|俺)?(?:是|算)?(?:特困|困难)|"
                          r"谁说(?:我|俺)?(?:是|算)(?:特困|困难)")


# 我不是困难职工 就是这个月手头紧 / 不是困难户 / 俺又不是特困 / 算不上困难职工 (XQ: 不是困难户 read as 困难 — the
# worker filed and judged as 在档困难职工): a tier the worker says is not theirs
_TIER_NOT_MINE = re.compile(r"(?:不是|不算|算不上|算不得|称不上|并非|并不是|又不是|也不是|还不是|没评上|没评过|"
                            r"不属于|够不上)(?:什么|啥|那种|这种)?(?:在档的?|建档的?)?(?:困难职工|困难户|困难家庭|困难|特困职工|特困户|特困|"
                            r"低保户|低保)")


# 没收到 我没建过档 不知道啥是建档 (XW-8: filed 困难建档：不清楚): asking what 建档 is tells no status —
# the 我没建过档 beside it does
_WHAT_IS_IT = re.compile(r"(?:不知道|不晓得|不懂|不明白|不清楚|搞不清)?(?:啥|什么|啥子|哪样)(?:是|叫)"
                         r"(?:建档立卡|建档|在档)|"
                         r"(?:建档立卡|建档)(?:是|指)(?:啥|什么|啥子|啥意思|什么意思)")


def _tiers_denied(text: str) -> tuple[bool, str]:
    """(a tier was denied, the words left once the denials are taken out)."""
    rest = _TIER_NOT_MINE.sub("，", text)
    return rest != text, rest


def worker_status_said(text: str) -> str | None:
    """The hardship status the message states of the worker (as ``hardship_status_in``), but
    None for a tier only asked about (特困的住院都减免啥费用, 要是我是特困的…) and UNKNOWN for a
    tier taken back (我没说我是特困啊 我就问问 到底是啥我不知道). The slot mappings should read the
    status with this (XI-6); this action also undoes a status set by a mere question."""
    text = _WHAT_IS_IT.sub("，", normalize_text(text or ""))
    if _TIER_DENIED.search(text):
        return UNKNOWN
    denied, rest = _tiers_denied(text)
    if denied and not _IF.search(text):
        # 俺不是特困 是困难户 keeps 困难; 不是特困 也不是困难户 / 我不是困难职工 is not registered
        kept = hardship_status_in(rest)
        return kept if kept in ("困难", "特困") and _OWN_TIER.search(rest) else "none"
    status = hardship_status_in(text)
    if status in (None, UNKNOWN, "none"):
        return status
    if _IF.search(text) and not re.search(r"(?:我|俺)(?:就|本来就|确实)是", text):
        return None
    if is_question(text) and not _OWN_TIER.search(text):
        return None
    return status


def status_told_last(tracker: Tracker, back: int = 30) -> str | None:
    """The hardship status the worker's own words told last (None: none told, or a button pressed
    since — its choice stands)."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") != "user":
            continue
        users += 1
        text = (event.get("text") or "").strip()
        if text.startswith("/") or users > back:
            return None
        if (said := worker_status_said(text)) is not None:
            return said
    return None


def status_asked_not_told(tracker: Tracker) -> list[dict]:
    """The hardship status set this turn from a message that only asks about a tier (or takes
    one back): set back to what it was (or to 不清楚). [] when the message states it. A tier the
    worker's words denied last (我不是困难职工 / 不是困难户, XQ: judged and filed as 困难) is 未建档, unless
    a verified record says otherwise."""
    set_now = slots_set_this_turn(tracker)
    text = (tracker.latest_message or {}).get("text") or ""
    held = tracker.get_slot("hardship_status")
    if held in ("困难", "特困") and not (tracker.get_slot("verified_worker") or {}).get("hardship_status") \
            and status_told_last(tracker) == "none":
        tracker.slots["hardship_status"] = "none"
        return [SlotSet("hardship_status", "none")]
    said = worker_status_said(text)
    if "hardship_status" in set_now and said is None:
        before = value_before_this_message(tracker, "hardship_status")
        tracker.slots["hardship_status"] = before
        return [SlotSet("hardship_status", before)]
    if said == UNKNOWN and tracker.get_slot("hardship_status") != UNKNOWN:
        tracker.slots["hardship_status"] = UNKNOWN
        return [SlotSet("hardship_status", UNKNOWN)]
    return []


def self_reported(tracker: Tracker) -> bool:
    """The 在档 status comes from the worker's words, not a verified record: the verdict says
    so, or 您是在档困难职工 would read as a fact the hotline checked."""
    worker = tracker.get_slot("verified_worker") or {}
    return not worker.get("hardship_status") and hardship_for_rules(tracker) != "none"


async def registration_text(tracker: Tracker) -> str:
    """How to become a registered hardship worker (建档): at the station that serves the
    worker's place (named by the backend), which checks the family's situation. Asked as
    怎么建档, this is the answer — not a status to judge by."""
    city, district = worker_region(tracker)
    station = None
    if city or district:
        try:
            station = (await client().resolve(city, district)).get("station")
        except BackendError:
            station = None
    where = f"“{station['name']}”（电话 {station['phone']}）" if station and station.get("name") \
        else "所在社区的工会网格工作站或市总工会职工服务中心"
    return (f"困难职工建档要本人向工会提出申请：带上身份证和家庭收入、看病花费等困难情况的材料，"
            f"到{where}申请，工作人员核实后建档。建档后才能按困难、特困职工的标准申请救助。")


def case_facts(tracker: Tracker, status: str) -> dict[str, Any]:
    """What a relief ticket carries, so the person who calls back knows the case."""
    told = tracker.get_slot("hardship_status")
    # 老婆得了癌症 / 扫马路的 (HH-04: neither on the ticket): the worker's own account too
    words = case_words(tracker, 5)
    return {"medical_out_of_pocket_yearly": tracker.get_slot("medical_cost"),
            "hardship_status": status if status != "none" else (told or status),
            "question": words, "occupation": tracker.get_slot("occupation")}


def offer_person(dispatcher: CollectingDispatcher, tracker: Tracker, status: str) -> list[dict]:
    """No programme applies on record (or none is registered here): the case still goes to
    a person, with its facts — 12351 alone left the worker to tell it all again (B13)."""
    dispatcher.utter_message(text="您的情况我可以登记下来，转给当地工会的工作人员，看看还有没有"
                                  "其他帮扶办法。")
    return offer_ticket("relief_application", case_facts(tracker, status))


# 孩子学费下礼拜就要交 工会有没有啥救急的钱 (YT-14: a station card, then the relief form asked the
# year's medical costs three times): help asked for a cost that is not medical
_AID_ASKED = re.compile(r"救急|救助|补助|帮扶|借(?:点|些)?钱|应急的?钱|困难补|"
                        # 房租的事工会能帮一下吗 / 工会能管不 / 能给点不 / 有没有办法 (XI-9 T8: 没太明白)
                        r"帮(?:一下|一把|帮|忙|个忙|我|俺|着|衬)|(?:能|可以)?管(?:不管|一下|管|不|吗)|"
                        r"(?:能|可以|会)给(?:点|些|补)|有(?:没有|啥|什么)(?:办法|法子|招)")
_NOT_MEDICAL_NEED = re.compile(r"学费|上学的钱|书费|生活费|房租|吃饭的钱|交不起|揭不开锅|吃不上饭|没钱吃饭|"
                               r"水电费|奶粉钱|"
                               # 我不是困难职工 就是这个月手头紧 (XQ: the relief form's phone for a 建档 look-up)
                               r"手头紧|手头(?:有点|比较|太)?(?:紧|不宽裕|没钱)|缺钱|钱不够(?:花|用)|周转不(?:开|过来)|"
                               r"急用钱|等钱用|没钱花")
# 房东不退押金 / 老板扣了我房租钱 能帮我要回来吗: money someone keeps from the worker, a matter of
# rights, not hardship
_MONEY_KEPT = re.compile(r"押金|不退|扣了?|欠|要回|拖着|克扣|赔")
_MEDICAL = re.compile(r"(?<!没)看病|住院|医药|医疗|手术|药费|治病|病了")
NOT_MEDICAL_HELP = ("工会的帮扶不只看病：家里有困难的职工，在工会建档以后可以申请生活补助，孩子上学的也有助学帮扶，"
                    "按当地工会的规定办，不用先看医疗费。工会一般不直接借钱，"
                    "急用的话，我把您的情况登记下来，转给网格工作站的工作人员尽快联系您、帮您申请。")


NOT_REGISTERED_HEARD = "好的，您不是困难职工，我就按没有建档给您说，不会按困难职工给您登记。"


def asks_help_not_medical(text: str) -> bool:
    """Help asked for a cost like school fees, not a medical one: the relief form's only
    question (the year's medical costs) does not fit it. A tier denied beside the need (我不是困难职工
    就是这个月手头紧) asks the union's help as much as 能帮帮不 does."""
    asked = bool(_AID_ASKED.search(text or "")) or _tiers_denied(normalize_text(text or ""))[0]
    return asked and bool(_NOT_MEDICAL_NEED.search(text or "")) \
        and not _MEDICAL.search(text or "") and not _MONEY_KEPT.search(text or "")


async def help_not_medical(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict]:
    """What the union does for such a need, how 建档 works, and the case offered to a person
    with what was told (no medical costs asked) — as 未建档 for a worker who says they are no 困难职工."""
    events: list[dict] = []
    if worker_status_said((tracker.latest_message or {}).get("text") or "") == "none":
        dispatcher.utter_message(text=NOT_REGISTERED_HEARD)  # 我不是困难职工 就是这个月手头紧 (XQ)
        tracker.slots["hardship_status"] = "none"
        events.append(SlotSet("hardship_status", "none"))
    dispatcher.utter_message(text=NOT_MEDICAL_HELP)
    dispatcher.utter_message(text=await registration_text(tracker))
    return events + offer_ticket("relief_application", case_facts(tracker, hardship_for_rules(tracker)))

def year_said(words: str) -> str:
    """The year the costs were paid in, as the worker put it (去年 stays 去年, XB-4)."""
    return "去年" if "去年" in (words or "") and "今年" not in (words or "") else "今年"


def relief_verdict_as_said(status: str, paid: float, words: str) -> str | None:
    """The verdict on a sum said as 'more than' a line exactly (两千多 against 困难's 2,000): it is
    above that line, said in the worker's own words; None when the sum is not said that way
    (the usual verdict line then stands)."""
    line = 3000 if status == "特困" else 2000
    if paid != line or not cost_said_above(words, paid):
        return None
    return (f"按您说的：在档{status}职工，{year_said(words)}自付{paid:,.0f} 多元，超过了 {line:,} 元的线，"
            f"可以申请工会医疗救助（每年下半年集中申请，具体数以票据为准；这是镇江市总工会的标准，"
            "别的地方以当地工会为准。）")


# ✘ 镇江市总工会困难职工医疗救助（特困职工）：这一档只面向已建档的特困职工: a tier of its own, not a verdict on
# the worker's case when it is a family member who holds that tier
_OTHER_TIER_ONLY = re.compile(r"只面向\S{0,6}?(特困|困难)")


REGISTERED_HINT = ("如果您已经在工会建档（困难或特困），告诉我“建档了”，我按建档的情况再帮您看；"
                   "还没建档的，可以问“怎么建档”。")


class ActionReliefEligibility(SafeAction):
    def name(self) -> str:
        return "action_relief_eligibility"

    async def act(self, dispatcher, tracker, domain):
        undone = status_asked_not_told(tracker)  # 特困的住院都减免啥费用 asks, tells nothing (XI-6)
        return undone + await self._verdict(dispatcher, tracker)

    async def _verdict(self, dispatcher, tracker):
        city, district = worker_region(tracker)
        status = hardship_for_rules(tracker)
        if asks_how_to_register((tracker.latest_message or {}).get("text") or ""):
            # 那我怎么建档啊: the question is answered, then the case offered to a person
            dispatcher.utter_message(text=await registration_text(tracker))
            return offer_ticket("relief_application", case_facts(tracker, status))
        paid = tracker.get_slot("medical_cost")
        if isinstance(paid, (int, float)) and relief_verdict_as_said(status, paid, case_words(tracker, 5)):
            paid += 1  # 两千多 is more than 2,000: judged above the line it was said to pass (XB-4)
        facts = {"city": city, "district": district, "hardship_status": status,
                 "medical_out_of_pocket_yearly": paid}
        result = await client().eligibility({k: v for k, v in facts.items() if v is not None})
        # the phone, the code's outcome and the cost stay: 建档了 / 我是特困 after the verdict
        # runs the assessment again with what was told, without asking any of it again
        if not result["region_known"]:
            dispatcher.utter_message(text=result.get("reason") or "暂时没有您所在地区的帮扶数据。")
            return offer_person(dispatcher, tracker, status)
        yes, no = verdict_lines(result["programmes"])
        if hers := family_relief_line(tracker):
            # 我老婆是特困的 她住院减免能享受吧 她今年自己也掏了三千四 (VK-7: 暂不符合 the 特困 tier, twice — for
            # a 困难 worker): her verdict on her own tier; no tier that is only hers listed as his 暂不符合
            dispatcher.utter_message(text=hers)
            no = [line for line in no if (tier := _OTHER_TIER_ONLY.search(line)) is None or tier.group(1) == status]
        if yes:
            note = "（按您说的建档情况判断，登记后工作人员会核实）" if self_reported(tracker) else ""
            dispatcher.utter_message(text=f"根据您的情况{note}，可以申请：\n" + "\n".join(yes))
        if no:
            dispatcher.utter_message(text="暂不符合：\n" + "\n".join(no[:3]))
        if not result["programmes"]:
            dispatcher.utter_message(text=result.get("reason") or "当地暂无登记的帮扶项目。")
        ticketable = [p for p in result["programmes"] if p["eligible"] and p.get("ticket_type")]
        if not ticketable and result["programmes"] and status == "none":
            # 暂不符合 for want of a record: the usual next word is 建档了, which runs this
            # assessment again (an open ticket offer would only file it as told)
            dispatcher.utter_message(text=REGISTERED_HINT)
            return []
        if not ticketable:
            return offer_person(dispatcher, tracker, status)
        return offer_ticket(ticketable[0]["ticket_type"], {
            "programmes": [p["programme"] for p in ticketable],
            **case_facts(tracker, status)})


# 不知道 没看病 不问这个了 / 我没看病 / 不问了 while the relief form asks the year's medical costs
# (XJ-6 T5: 没听明白金额, the question again — a loop): the worker drops the question
_DROPS_IT = re.compile(r"不问(?:这个|这|了)|别问了|不用问|没看(?:过)?病|没(?:有)?住(?:过)?院|没花(?:过)?钱|不办这个|"
                       r"不是问(?:这个|看病|医疗)|问的不是(?:这个|看病|医疗)")


def drops_the_relief_question(text: str) -> bool:
    """The worker says the medical-cost question is not theirs (没看病 / 不问这个了): the relief
    form ends (as a cancel) instead of asking the sum again."""
    return bool(_DROPS_IT.search(text or ""))


# 我老婆没工作 能不能也参加互助保障 / 家属能不能保 / 配偶住院能报吗 / 我爱人能一起参加吗 (XN-4: 没太明白,
# the summary, or the family record's claim rules and an example — the joining never answered): the
# spouse's or family's cover, said as the records say it, and that they do not say more
_FAMILY = re.compile(r"(老婆|媳妇|妻子|爱人|老公|丈夫|配偶|老伴|对象)|(孩子|儿子|女儿|小孩|娃)|"
                     r"(父母|爸妈|老人|爹妈|(?<!宝)妈|爸|母亲|父亲|老娘|老爹|公公|婆婆)|"
                     r"(家属|家里人|家人|一家人|全家)")
_COVER = re.compile(r"互助|保障|保险")
_COVER_ASKED = re.compile(r"参加|加入|入|保|报|赔|领|给付|一起|也能|也可以|能不能|可不可以|算不算|有没有份|管不管|"
                          r"包括|管吗|能用|享受|有份")
_HOW_ASKED = re.compile(r"怎么|咋|如何|去哪|在哪|找谁|流程|手续|材料")
# 住院的是俺老婆 这也能报吗 / 老婆查出来癌症了 能赔多少: a family member's claim — the records answer it with
# their figures and a family's case (2.3万元, 16万元); only joining (参加 / 能保) is what they leave open
_CLAIM_ASKED = re.compile(r"住院|生病|病了|得了|查出|癌|看病|花了|赔多少|能赔|赔不|能报|报吗|报不|报销|理赔")
_JOIN_ASKED = re.compile(r"参加|加入|入会|一起参|能保|能不能保|保不保|也保")
_NOT_MUTUAL = re.compile(r"救助|特困|困难职工|建档|医保|新农合|社保|工伤")


@lru_cache(maxsize=1)
def _mutual_records() -> dict[str, dict]:
    """The mutual-insurance fact records of the policy data (bot/seed/policies.yml), by topic —
    the general policy's first (it holds for every place), {} when absent."""
    found: dict[str, dict] = {}
    for policy in sorted(seed("policies.yml").get("policies") or [], key=lambda p: p.get("region") is not None):
        if policy.get("service") != "mutual_insurance":
            continue
        for fact in (policy.get("details") or {}).get("facts") or []:
            if isinstance(fact, dict) and fact.get("topic") and fact.get("answer"):
                found.setdefault(fact["topic"], {**fact, "source": fact.get("source") or policy.get("source")})
    return found


def _clause_with(answer: str, word: str) -> str | None:
    """The clause of a record's answer that says ``word`` (split at 。 and ；)."""
    return next((c.strip("，, ") for c in re.split(r"[。；]", answer) if word in c), None)


def _join_asked_for_self(text: str) -> bool:
    """我们这种环卫工能不能参加 beside 老婆查出来重病 (XZ-4): joining asked for the worker, not the family."""
    clauses = [c for c in re.split(r"[\s，,。？?！!；;]+", text) if c]
    own = any(_JOIN_ASKED.search(c) and not _FAMILY.search(c) and re.search(r"我|俺|咱|自己|环卫工|职工|工人", c)
              for c in clauses)
    return own and not any(_JOIN_ASKED.search(c) and _FAMILY.search(c) for c in clauses)


def family_cover_line(text: str, words: str) -> str | None:
    """Whether a worker's spouse or family can join the mutual cover or claim from it (XN-4):
    what the records say — joined through the workplace union; whether family is covered, and
    how much is paid for them, is up to the scheme joined; 镇江's gift names whom it is for —
    and plainly that they say no more, and where to ask. None unless ``text`` asks that (the
    mutual cover said in it or in ``words``, the worker's recent messages)."""
    text, words = normalize_text(text or ""), normalize_text(words or "")
    who = _FAMILY.search(text)
    if _join_asked_for_self(text):
        return None  # 老婆查出来重病 … 我们这种环卫工能不能参加 (XZ-4): the records' 16万 and who is given it
    if _CLAIM_ASKED.search(text) and not _JOIN_ASKED.search(text):
        # (a family member's claim: the records' own answer, with its figures — for a child or a
        # parent too, whom the record's own asks do not name: 孩子白血病住院了 … 互助保障能报吗, p2-5)
        return family_claim_line(text, words) if who and (who.group(2) or who.group(3)) else None
    if not who or _NOT_MUTUAL.search(text) or not _COVER_ASKED.search(text) or _HOW_ASKED.search(text):
        return None  # (我老公得了癌症 … 互助保险能赔 怎么申请: how to claim, the claim steps answer it)
    if not (re.search(r"互助", text) or (_COVER.search(text) and re.search(r"互助", words))
            or (is_question(text) and re.search(r"互助", words))):
        return None
    named = "您" + who.group(0) if who.group(0) not in ("家属", "一家人", "全家") else "家属"
    records = _mutual_records()
    told: list[str] = []
    sources: list[str] = []
    for topic, word, before in (("mutual_insurance_join", "统一组织参加", ""),
                                ("mutual_insurance_family", "家属", ""),
                                ("mutual_insurance_who", "家属", "镇江市总工会赠送的那份，")):
        record = records.get(topic) or {}
        if clause := _clause_with(str(record.get("answer") or ""), word):
            told.append(f"{'①②③'[len(told)]} {before}{clause.split('——')[0]}")
            if record.get("source") and record["source"] not in sources:
                sources.append(str(record["source"]))
    said = ("资料里只说了：" + "；".join(told) + "。") if told else ""
    return (f"{named}能不能一起参加互助保障、看病住院能不能报，我这里的资料没有写明，没法给您准话。{said}"
            "请带上身份证（家里人已经看病住院的，再带上病历、诊断证明和费用票据）问所在单位工会或当地总工会的"
            "职工服务中心，或者打职工服务热线 12351，问清您参加的方案保不保家属。"
            + (f"（来源：{'；'.join(sources)}）" if sources else ""))


def family_claim_line(text: str, words: str) -> str | None:
    """A child's or a parent's illness claimed from the mutual cover (孩子白血病住院了 互助保障能报吗):
    the records' family answer (mutual_insurance_family), which the policy data's asks only find for a
    spouse — else the 16万 maximum answered a mother asking whether her sick child is covered (p2-5).
    None unless the mutual cover is said now or in ``words`` and the text is not about relief."""
    mutual = re.search(r"互助", text) or (_COVER.search(text) and re.search(r"互助", words))
    if _NOT_MUTUAL.search(text) or not mutual:
        return None
    record = _mutual_records().get("mutual_insurance_family") or {}
    if not record.get("answer"):
        return None
    source = f"\n（来源：{record['source']}）" if record.get("source") else ""
    return str(record["answer"]) + source


def sanitation_cover_elsewhere() -> str | None:
    """环卫工能领互助保障不 with no place on record (p2-9: the general summary, with no word on 环卫工):
    the one record that names them (镇江's gift, mutual_insurance_who), said as 镇江's, and that
    elsewhere the local scheme decides. None when the records hold no such clause."""
    record = _mutual_records().get("mutual_insurance_who") or {}
    clause = _clause_with(str(record.get("answer") or ""), "环卫工")
    if not clause:
        return None
    return (f"环卫工能不能领，要看当地工会的互助保障方案。资料里有的是：{clause}。"
            "您那里能不能领、给您办上没有，带上身份证问单位工会或当地总工会的职工服务中心，或者打职工服务热线 12351。"
            + (f"\n（来源：{record['source']}）" if record.get("source") else ""))


# 最高赔多少 / 最多给多少 / 能赔几万: the maximum of the mutual cover asked
_MAX_ASKED = re.compile(r"最高|最多|上限|赔多少|给多少|给付多少|能拿多少|能赔几|几万|报多少")
_COST_ASKED = re.compile(r"交|缴|保费|掏钱|花钱|收费")


def mutual_max_elsewhere(text: str, place: str | None) -> str | None:
    """互助保障最高赔多少 from a place whose scheme is not on record (p2-18, 黄岛辛安: the general summary,
    no figure — the station card had taken the fact lookup): the one maximum on record (镇江's 16万,
    mutual_insurance_max), said as 镇江's, with its source. None unless a maximum is asked."""
    text = normalize_text(text or "")
    if not _MAX_ASKED.search(text) or _COST_ASKED.search(text):
        return None  # (要交多少钱: the cost, which the records answer on their own)
    record = _mutual_records().get("mutual_insurance_max") or {}
    if not record.get("answer"):
        return None
    own = f"{place}的" if place else "您那里的"
    return (f"{own}职工互助保障方案我这里没有收录，最高给付多少没法给您准数；我这里有的是镇江市的，先给您作参考："
            f"{record['answer']}" + (f"\n（来源：{record['source']}）" if record.get("source") else ""))


def sanitation_cover_here() -> str | None:
    """A sanitation worker in 镇江 (听说工会给环卫工送了保险 俺咋知道自己有没有, p2-20: told 您可以申请给付, as if
    every one had it): the record's own words — in the group it is given to, and whether it was given
    to them is the union's list, where to check. None when the records hold no such sentence."""
    record = _mutual_records().get("mutual_insurance_who") or {}
    said = next((c.strip() for c in str(record.get("answer") or "").split("。") if "赠送的人群里" in c), None)
    return (said + "。" + (f"\n（来源：{record['source']}）" if record.get("source") else "")) if said else None


@lru_cache(maxsize=1)
def _hospital_fees_record() -> dict:
    """The policy data's record on 特困职工's hospital fees (topic tekun_hospital_fees: 镇江's waivers and
    halved 床位费), with its source; {} when absent."""
    for policy in seed("policies.yml").get("policies") or []:
        for fact in (policy.get("details") or {}).get("facts") or []:
            if isinstance(fact, dict) and fact.get("topic") == "tekun_hospital_fees" and fact.get("answer"):
                return {**fact, "source": fact.get("source") or policy.get("source")}
    return {}


_HOSPITAL_RECORD_PLACE = "镇江"


def hospital_fee_line(text: str, city: str | None) -> str | None:
    """住院床位费能不能减 (XY-10, a 黄岛 特困职工: asked twice, never answered): the one record of such
    waivers is 镇江's (tekun_hospital_fees) — in 镇江 it is the answer; elsewhere it is said as 镇江's,
    and that the place's own is not on record (12351, the station). None unless such a fee cut is
    asked, or the record is absent."""
    record = _hospital_fees_record()
    if not hospital_fee_asked(text) or not record.get("answer"):
        return None
    source = f"\n（来源：{record['source']}）" if record.get("source") else ""
    if city and _HOSPITAL_RECORD_PLACE in city:
        return f"{record['answer']}{source}"
    here = f"{city}" if city else "您那里"
    return (f"{here}住院床位费、诊查费能不能减免，我这里的资料没有收录，没法给您准话；我这里有的是镇江市的做法，"
            f"只在镇江用，先给您作参考：{record['answer']}"
            f"{here}有没有类似的，请打职工服务热线 12351 问，或者到网格工作站问；住院的票据都留好。{source}")


_CN_DIGIT = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# 又自己花了六百 / 又花了600 / 另外还掏了六百 / 再加上六百 (XY-9: the 600 ignored, 1,800 recorded again)
_MORE_PAID = re.compile(r"(?:又|还|另外|再)(?:自己)?(?:花|掏|付|交|垫)了?(?:自己)?\s*"
                        r"(\d+(?:\.\d+)?|[一二两三四五六七八九]?千?[一二两三四五六七八九]?百?[一二三四五六七八九]?十?)\s*(?:块|元)?")
# 一千八加六百是两千四 / 加起来两千四 / 一共2400: the total said
# (验证码是335671 / 电话是… — the simulated worker's code read as 335,671 元: 是 counts only after a cost)
_TOTAL_SAID = re.compile(r"(?:(?<=[万千百十元块钱费])是|(?:一共|总共|加起来|合计|(?<![公一总])共)(?:是|有)?)\s*"
                         r"(\d{3,6}(?!\d)|[一二两三四五六七八九]千[一二两三四五六七八九]?百?)")


# 还有药店买药大概五百块 也算上 / 另外药钱三百也加上 (VC-8: 2,800 replaced by 500): a cost added to the one held
_ALSO_PAID = re.compile(r"(?:还有|另外|再加上?|加上)[^\d一二两三四五六七八九，,。]{0,8}?(?:大概|大约|差不多|约)?\s*"
                        r"(\d{2,6}(?!\d)|[一二两三四五六七八九]?千?[一二两三四五六七八九]?百?[一二三四五六七八九]?十?)\s*(?:块|元|多)")
_ADD_IT = re.compile(r"(?:也|都|一起|一块)(?:算|加)|算上|加上|算进去?|加进去?|加一块|合起来")


def _cn_amount(raw: str) -> float | None:
    """600 / 六百 / 两千四 / 一千八: the amount (two-place tails as 一千八 = 1,800)."""
    if not raw:
        return None
    if re.fullmatch(r"\d+(?:\.\d+)?", raw):
        return float(raw)
    total, unit_seen, last = 0, None, 0
    for ch in raw:
        if ch in _CN_DIGIT:
            last = _CN_DIGIT[ch]
        elif ch in "千百十":
            value = {"千": 1000, "百": 100, "十": 10}[ch]
            total += (last or 1) * value
            unit_seen, last = value, 0
    if last:
        total += last * (unit_seen // 10 if unit_seen else 1)
    return float(total) or None


def medical_cost_added(text: str, held: float | None) -> float | None:
    """哦对了 上个月住院又自己花了六百 加起来够了吧 with 1,800 on record (XY-9): 2,400 — the sum told as
    a total (一千八加六百是两千四), else the added cost on top of the one held. None when no more
    cost is said (or nothing is held to add to)."""
    text = normalize_text(text or "")
    if (total := _TOTAL_SAID.search(text)) and (value := _cn_amount(total.group(1))) \
            and held is not None and value > held:
        return value
    more = _MORE_PAID.search(text)
    if not more and _ADD_IT.search(text):
        more = _ALSO_PAID.search(text)  # 还有药店买药大概五百块 也算上 (VC-8)
    if held is None or not more or (added := _cn_amount(more.group(1))) is None:
        return None
    return float(held) + added


# 我老婆是特困职工，她自己掏了两千八，她能申请不 (VI-7: read as a correction of the worker's own 2,500 —
# 已更正：自付医疗费改为2,800 元 — and later his own tier changed to 特困): what is said of a spouse is hers
_SPOUSE = re.compile(r"老婆|媳妇|妻子|爱人|老公|丈夫|配偶|老伴|对象")
# 三千二是我老婆的 / 两千八是她的: a sum said to be the spouse's, before the spouse is named
_SUM_IS_HERS = re.compile(r"([^，,。！!？?；;\s]{1,8}?)(?:是|算)(?:我|俺)?(?:家)?"
                          r"(?:老婆|媳妇|妻子|爱人|老公|丈夫|配偶|老伴|对象)的")


# 我老婆是特困职工 / 她是特困的 / 她特困的三千二: the tier said of the spouse
_HER_TIER = re.compile(r"(?:老婆|媳妇|妻子|爱人|老公|丈夫|配偶|老伴|对象|她|他)(?:也|就|本来就)?(?:是|算)?(?:在档的?)?"
                       r"(特困|困难)")


def worker_part(text: str) -> str:
    """The words of a message that tell the worker's own case: what is said of the spouse cut off
    (from 我老婆 on, and 三千二是我老婆的), and what is said of a relative's sickness (是我妈住院 花了一万多,
    VK-14). The relief form's status and cost read this (VI-7)."""
    text = relatives_left_out(normalize_text(text or ""))[0]
    starts = [m.start() for m in (_SUM_IS_HERS.search(text), _SPOUSE.search(text)) if m]
    return text[:min(starts)].rstrip("我俺的是，,。 ") if starts else text


def _spouse_told(text: str) -> tuple[str, str | None, float | None] | None:
    """(the spouse's word, the tier said of the spouse, the cost said of the spouse) — None when the
    message names no spouse."""
    from bot.normalize.numbers import find_amounts

    text = normalize_text(text or "")
    found = _SPOUSE.search(text)
    if not found:
        return None
    hers = text[found.start():]
    tier = (said := _HER_TIER.search(hers)) and said.group(1)
    sums = [s.value for s in find_amounts(hers) if isinstance(s.value, (int, float)) and s.value >= 100]
    if (before := _SUM_IS_HERS.search(text)) and not sums:
        sums = [s.value for s in find_amounts(before.group(1)) if isinstance(s.value, (int, float))]
    # 特困不是要三千吗: the line asked about is no cost of hers
    sums = [s for s in sums if not re.search(rf"要{_cn_of(s)}|{_cn_of(s)}的线", hers)]
    return found.group(0), tier or None, float(sums[0]) if sums else None


def _cn_of(value: float) -> str:
    """三千 for 3,000 (the lines asked about as 要三千), else the digits."""
    return {2000.0: "(?:两千|二千|2000)", 3000.0: "(?:三千|3000)"}.get(float(value), str(int(value)))


def family_relief_line(tracker: Tracker, back: int = 8) -> str | None:
    """The relief verdict for the worker's spouse, when the latest message speaks of her (VI-7: 她能申请不,
    她特困的三千二到底行不行 never answered for her): her tier and her own costs, as told in the recent
    messages, against her own tier's line; the worker's own verdict is untouched. None when the message
    names no spouse, or her tier or her costs are not told yet."""
    from actions.facts import relief_verdict_line

    latest = (tracker.latest_message or {}).get("text") or ""
    if latest.startswith("/") or (now := _spouse_told(latest)) is None:
        return None
    who, tier, paid = now
    if tier is None or paid is None:
        users = [e.get("text") or "" for e in tracker.events if e.get("event") == "user"][-back:-1]
        for earlier in reversed(users):
            if (told := _spouse_told(earlier)) is None:
                continue
            tier = tier or told[1]
            paid = paid if paid is not None else told[2]
    if tier is None or paid is None:
        return None
    verdict = relief_verdict_line(tier, paid).removeprefix("按您说的：").replace("您的", "她的")
    return f"您{who}那边：{verdict}您自己的情况照您说的算，不受影响。"
