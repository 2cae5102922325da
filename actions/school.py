"""Child school placement: the local policy and documents, then a ticket for the station.

A worker who opens with a question (孩子没有本地户口能在这边上小学吗) hears the general rule
for 随迁子女 at once (``say_general_school_rule``, from the backend's national record), before
the form asks where they are; the answer at the end then adds only what is new.
"""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import validators as v
from actions.backend_client import BackendError
from actions.common import SafeAction, client, location, policies_for, said_this_turn
from actions.facts import worker_messages
from actions.slot_checks import slots_set_this_turn, value_before_this_message
from actions.station_followup import HANDLED_BY, filed_type
from actions.tickets import offer_ticket, ticket_filed_here

SCHOOL_FACTS = ("child_grade", "hukou_status", "school_problem")

# 上学的事先不办了 / 学校那个算了 / 入学的先放放 (XN-15: taken as the problem 其他(上学的事先不办了),
# the school ticket offered, and offered again after the worker asked about 托管): the school
# matter named, then dropped — not a problem of it
_SCHOOL_MATTER = r"(?:孩子)?(?:上学|学校|入学|转学|学位|读书|念书|插班|报名上学)"
_DROPPED = (r"(?:先|就|还是|暂时)?(?:不办了?|不弄了?|不搞了?|不用了|不管了|不登记了?|算了|放放|放一放|"
            r"以后再说|回头再说|不问了|不急了)")
_DROPS_SCHOOL = re.compile(
    rf"{_SCHOOL_MATTER}(?:的|那个|这个|那件|这件)?(?:事情?|事儿|那块|这块)?(?:我|俺)?{_DROPPED}|"
    rf"(?:不办|不弄|不管|算了)\S{{0,2}}{_SCHOOL_MATTER}(?:的|那个)?(?:事情?|事儿)?")
# 还是办吧 / 学校的事还是要办: the drop taken back
_TAKEN_UP = re.compile(r"还是(?:要|得)?(?:办|弄|登记)|(?:要|得|想)办(?!法)")


def drops_school(text: str) -> bool:
    """The message says the school-place matter is not wanted now (上学的事先不办了)."""
    text = (text or "").strip()
    return not text.startswith("/") and bool(_DROPS_SCHOOL.search(text)) and not _TAKEN_UP.search(text)


# 托管先不办了 我就问上学的事 on the childcare sign-up offer (VJ-15: 记下了：“托管先不办了…” and the same
# offer again): the childcare matter named, then dropped — a no to that offer said in words
_CARE_MATTER = r"(?:托管|看孩子|接孩子|带孩子|照看孩子)"
_DROPS_CARE = re.compile(
    rf"{_CARE_MATTER}(?:的|那个|这个|那件|这件)?(?:事情?|事儿|那块|这块)?(?:我|俺)?(?:先|就|还是|暂时)?"
    r"(?:不办了?|不弄了?|不搞了?|不用了?|不要了?|不需要了?|不报了?|不报名了?|不登记了?|算了|放放|放一放|"
    r"以后再说|回头再说|不问了|不急了)(?=$|[\s，,。.!！~]|了|吧|啊|我|俺|那|就|先|只)|"
    rf"(?<![要用办需报])(?:不办|不弄|不要|不用|不报|算了)(?:了|吧)?\S{{0,2}}?{_CARE_MATTER}(?!吗|么|嘛|[？?])")


def drops_childcare(text: str) -> bool:
    """The message says the childcare sign-up is not wanted now (托管先不办了 / 托管不要了)."""
    text = (text or "").strip()
    return not text.startswith("/") and bool(_DROPS_CARE.search(text)) and not _TAKEN_UP.search(text)


# 明年上小学要准备啥 / 孩子上小学报名要带啥材料 / 入学需要什么材料 (VJ-15: asked beside 托管 three times and
# never answered; the childcare record and its offer each time): what enrolment takes, from the
# school-placement record; 我就问上学的事 said with the childcare dropped is that question too
_ENROL = r"(?:上小学|上一年级|读小学|念小学|读一年级|上学|入学|报名上学|转学|插班|上初中|念书|读书)"
_PREPARE = r"(?:准备|带|要|需要|交|提供|办)(?:些|点|好)?(?:啥|什么|哪些|些啥|些什么|哪样)"
_PAPERS = r"(?:材料|手续|证件|证明|资料|东西)"
_SCHOOL_PREPARATION = re.compile(
    rf"{_ENROL}\S{{0,8}}?{_PREPARE}|{_ENROL}\S{{0,8}}?{_PAPERS}\S{{0,2}}?(?:有)?(?:啥|什么|哪些)|"
    rf"(?:啥|什么|哪些){_PAPERS}\S{{0,6}}?{_ENROL}|"
    rf"(?:就|只|主要)(?:是)?(?:想)?问(?:的是|问)?(?:孩子)?(?:上学|入学|上小学|报名上学)(?:的事|那块|的)?")


def asks_school_preparation(text: str) -> bool:
    """The message asks what a child's school enrolment takes (上小学要准备啥)."""
    text = (text or "").strip()
    return not text.startswith("/") and bool(_SCHOOL_PREPARATION.search(text))


async def school_preparation_lines(tracker: Tracker, said: list[str] | None = None) -> list[str]:
    """What enrolment takes (the school-placement record: rule, 需要准备的材料, 办理步骤), when the
    latest message asks it and the reply has not said it yet ([]: not asked, said, or no record)."""
    text = (tracker.latest_message or {}).get("text") or ""
    if not asks_school_preparation(text):
        return []
    city, district = location(tracker)
    try:
        policies = await policies_for("school_placement", city, district, client())
    except BackendError:
        return []
    if not policies:
        return []
    head = policies[0]["summary"][:24]
    if said_this_turn(tracker, head) or any(head in line for line in said or []):
        return []
    return [placement_text(policies[0])]


def school_dropped(tracker: Tracker) -> bool:
    """The worker dropped the school matter in the message the form took last."""
    return drops_school((tracker.latest_message or {}).get("text") or "")


# said as a cancel is (utter_cancel's 已经取消了): 还是办吧 then takes the case up again, and the
# words said before it are no part of the next case (actions/take_back.py, tickets.without_cancelled_words)
DROPPED_TEXT = "好的，上学的事先不办了，已经取消了，不给您登记。以后想办了，随时跟我说一声就行。"
# the general rule said at the start stays said for the rest of the case
RULE_MEMORY = 8

# 社保交了两年 / 我们租房住 / 有居住证了 to 现在遇到的具体问题是什么 (round 52: filed as the problem
# 其他(社保交了两年)): a fact of the family, told — no problem of the school place. It goes to 情况要点;
# the problem stays unknown, or is the question the worker opened with (能上哪个学校)
_OTHER_PROBLEM = re.compile(r"^其他[（(](.+)[）)]$")
_FAMILY_FACT = re.compile(r"社保|医保|公积金|居住证|暂住证|租(?:的)?房|房子|买了?房|户口|住(?:在|了)|"
                          r"(?:上班|干|工作|打工|来|住)(?:了)?\S{0,3}?(?:年|个月)|交了|缴了|办了|有了")
_A_PROBLEM_SAID = re.compile(r"没|不|未|缺|难|问题|麻烦|怎么|咋|啥|什么|哪|吗|么|拒|推|等|愁|急|担心|怕|"
                             r"学位|名额|转学|报名")
_WHICH_SCHOOL = re.compile(r"(?:能|可以|该|去|到)?(?:上|进|念|读)(?:哪个|哪所|哪家|哪里的?|哪儿的?)"
                           r"(?:学校|小学|初中|中学)?|哪个学校|哪所学校|去哪(?:儿|里)?上学|上哪(?:儿|里)?(?:上学|念书|读书)|在哪(?:儿|里)?上学")
WHICH_SCHOOL_PROBLEM = "想问能上哪个学校"
_OWN_WORDS = re.compile(r"^(?:我们|俺们|我家|俺家|咱们|咱|我|俺|家里)(?:都|也|就|是)?|[了啊呀呢吧。！!]+$")


def fact_for_problem(problem: object) -> str | None:
    """The fact of the family a 其他（…） problem holds (社保交了两年); None: a problem told."""
    told = _OTHER_PROBLEM.match(str(problem or "").strip())
    if not told or not _FAMILY_FACT.search(told.group(1)) or _A_PROBLEM_SAID.search(told.group(1)):
        return None
    return _OWN_WORDS.sub("", told.group(1).strip()) or told.group(1).strip()


def problem_asked(tracker: Tracker) -> str:
    """The problem the worker's own words ask (能上哪个学校 → 想问能上哪个学校), else unknown."""
    said = worker_messages(tracker, limit=12)
    return WHICH_SCHOOL_PROBLEM if any(_WHICH_SCHOOL.search(text) for text in said) else v.UNKNOWN


def facts_not_problems(tracker: Tracker, facts: dict) -> tuple[dict, list[dict]]:
    """The case with a fact told as its problem moved to 情况要点 (the problem asked, or
    unknown), and the slot set to that problem; the case as it was otherwise."""
    fact = fact_for_problem(facts.get("school_problem"))
    if fact is None:
        return facts, []
    problem = problem_asked(tracker)
    known = f"{facts.get('hukou_status') or ''}{facts.get('case_points') or ''}"
    points = [p for p in str(facts.get("case_points") or "").split("、") if p]
    if fact not in known:
        points.append(fact)
    facts = {**facts, "school_problem": problem, **({"case_points": "、".join(points)} if points else {})}
    return facts, [SlotSet("school_problem", problem)]


# 学校那边会不会不收 / 万一学校不收咋办 / 学校能收吗 right after the school ticket (round 52: added to
# the ticket as the problem 被学校拒收): a worry asked, answered — the ticket stays as filed
_REFUSAL = re.compile(r"不收|拒收|不要|不让上|不给上|不接收|不肯收|收不收|能收|肯收|会收|收吗|收么|收不|要不要|"
                      r"让不让上")
_WORRY = re.compile(r"会不会|会不|能不能|肯不肯|万一|要是|如果|假如|怕|担心|吗|么|嘛|[?？]|不[?？]?$|不收呢|咋办|"
                    r"怎么办|收不收|要不要")
# 学校说不收 / 去了学校不要 / 已经拒了: it happened — a fact of the case, added to the ticket
_HAPPENED = re.compile(r"(?:学校|老师|校长|人家|他们|那边)\S{0,3}?(?:说|讲|回|答复|通知)|已经|去了|去过|问过|被拒|拒了|"
                       r"不收了|没收|没要")


def refusal_worry(text: str) -> bool:
    """The worker asks or worries whether the school will take the child (会不会不收), nothing told."""
    text = (text or "").strip()
    return (not text.startswith("/") and bool(_REFUSAL.search(text)) and bool(_WORRY.search(text))
            and not _HAPPENED.search(text))


def refusal_reply(ticket: str, station: str | None) -> str:
    """What happens if the school will not take the child: the station's work, and the policy."""
    who = station or "负责的网格工作站"
    return (f"学校那边要是不收，您不用自己一趟趟去磨：工单 {ticket} 已经转给{who}，工作人员联系您核实情况后，"
            "会出面跟学校和教育部门协调。按政策，随迁子女凭父母居住证、务工证明（劳动合同或社保缴纳记录）等材料，"
            "向居住地区（县）教育部门申请入学，学位由教育部门审核后统筹分配——一所学校说不收，不等于没学上，"
            "可以找教育部门；遇到学位紧张或被拒收，工作站帮您协调。最后能不能上、上哪所学校由教育部门定，"
            "我没法打包票。学校真说了不收的话，记下是谁、哪天、怎么说的（有书面答复最好），告诉我，我加到工单上。")


def refusal_worry_reply(tracker: Tracker) -> tuple[str, list[dict]] | None:
    """学校那边会不会不收 after a school ticket filed here: the answer and the school facts this
    message changed set back (None: not that, or no school ticket filed here)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    ticket = ticket_filed_here(tracker, last=120)
    if not ticket or filed_type(tracker) != "school_placement" or not refusal_worry(text):
        return None
    filing = next((said for e in reversed(tracker.events) if e.get("event") == "bot"
                   and ticket in (said := e.get("text") or "") and "已为您登记" in said), "")
    station = found.group(1) if (found := HANDLED_BY.search(filing)) else None
    undone = [SlotSet(slot, value_before_this_message(tracker, slot)) for slot in SCHOOL_FACTS
              if slot in slots_set_this_turn(tracker)]
    return refusal_reply(ticket, station), undone


def placement_text(policy: dict) -> str:
    details = policy.get("details") or {}
    text = policy["summary"]
    if details.get("documents"):
        text += "\n需要准备的材料：" + "、".join(details["documents"]) + "。"
    if details.get("steps"):
        text += "\n办理步骤：" + "；".join(details["steps"]) + "。"
    return text


def rule_said(tracker: Tracker, policy: dict) -> bool:
    """This policy's text was told earlier in the case (the question at the start)."""
    return said_this_turn(tracker, policy["summary"][:24], earlier_turns=RULE_MEMORY)


async def say_general_school_rule(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """The rule for children moving with migrant parents (居住证 etc.), once; True if said."""
    try:
        policies = (await client().policies("school_placement"))["policies"]
    except BackendError:
        return False
    if not policies or rule_said(tracker, policies[0]):
        return False
    dispatcher.utter_message(text=placement_text(policies[0])
                             + "\n下面问您几句孩子的情况，帮您看具体怎么办。")
    return True


class ActionSchoolPlacementAnswer(SafeAction):
    def name(self) -> str:
        return "action_school_placement_answer"

    async def act(self, dispatcher, tracker, domain):
        if school_dropped(tracker):
            dispatcher.utter_message(text=DROPPED_TEXT)  # (XN-15: the school ticket offered anyway)
            return [SlotSet(slot, None) for slot in SCHOOL_FACTS]
        if (worry := refusal_worry_reply(tracker)) is not None:
            dispatcher.utter_message(text=worry[0])  # 学校那边会不会不收 (round 52: filed as 被学校拒收)
            return worry[1]
        city, district = location(tracker)
        try:
            policies = await policies_for("school_placement", city, district, client())
        except BackendError:  # the ticket below matters more than the rule before it
            policies = []
        if not policies:
            dispatcher.utter_message(response="utter_no_policy")
        else:
            if not rule_said(tracker, policies[0]):
                dispatcher.utter_message(text=placement_text(policies[0]))
            case = (policies[0].get("details") or {}).get("case")
            if case:
                dispatcher.utter_message(text=f"工会帮过类似的忙：{case}")
        facts = {slot: tracker.get_slot(slot) for slot in SCHOOL_FACTS}
        if drops_school(str(facts.get("school_problem") or "")):
            facts["school_problem"] = None  # (其他(上学的事先不办了), the drop taken back: no problem told)
        facts, moved = facts_not_problems(tracker, facts)  # 社保交了两年 is no problem (round 52)
        if str(facts.get("school_problem") or "").startswith("转学") and (origin := next(
                (o for text in reversed(worker_messages(tracker, limit=12)) if (o := v.transfer_from(text))), None)):
            # 初二 从河南周口转, said to the grade's question (VL-2: 转学(孩子要转学过来) alone on the summary):
            # where the child transfers from, in the 转学 detail
            facts["school_problem"] = v.with_transfer_origin(str(facts["school_problem"]), origin)
        return moved + offer_ticket("school_placement", facts)
