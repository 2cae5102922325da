"""Round 59, helper k: VD-1 (the school problem cut from a long message), VD-12 (a place and a site
filed as the employer), VD-6 (要 帮我登记 / 我说了要啊 on the offer not taken as yes)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from actions import validators as v
from actions.forms import ValidateTicketOfferForm

VD1 = ("我叫刘建军河南周口的在黄岛区辛安街道一个厂里干电焊我儿子今年三年级上学的事没有青岛户口居住证有"
       "办了沂河路那边学校说没名额不收这个工会能帮忙不")


# --- VD-1: 没有学位(办了沂河路那边学校说没名额不收这个工会能帮) on the ticket ------------------------------

def test_the_school_problem_is_the_schools_words_not_a_window_of_the_message():
    problem = v.school_problem(VD1).value
    assert problem == "没有学位（沂河路那边学校说没名额，不收）", problem


def test_a_long_message_without_a_school_named_keeps_the_words_around_the_problem():
    problem = v.school_problem("你好我在黄岛区辛安街道一个厂子里上班孩子在老家上二年级想下学期接过来这边上三年级"
                               "但是不知道怎么办").value
    assert problem.startswith("转学（") and "接过来这边上" in problem, problem


# --- VD-12: 单位：黄岛长江路街道工地, kept after the street was corrected ---------------------------------

VD12 = ("我叫张国庆 甘肃来的 在黄岛长江路街道工地上干活 劳务派遣过来的 干了八个月了一直没签合同 想要个合同 "
        "帮我登记一下 电话13912345678")


def _with_employer(text: str, name: str) -> list[dict]:
    at = text.find(name)
    return [{"entity": "employer", "value": name, "start": at, "end": at + len(name)}]


def test_a_place_and_a_site_volunteered_are_no_employer():
    facts = v.read_facts(VD12, _with_employer(VD12, "黄岛长江路街道工地"), v.Context(intent="legal_consult"))
    assert "employer" not in facts, facts


@pytest.mark.parametrize("text,name", [("我在黄岛鑫达电子厂干了两年 没签合同", "黄岛鑫达电子厂"),
                                       ("青岛海纳建筑欠了我三个月工资", "青岛海纳建筑")])
def test_a_named_employer_after_a_place_is_still_the_employer(text, name):
    facts = v.read_facts(text, _with_employer(text, name), v.Context(intent="legal_consult"))
    assert facts.get("employer"), facts


def test_a_site_said_to_the_employer_question_is_still_kept():
    assert v.employer_answer("长江路那边的工地").ok


# --- VD-6: 不知道 厂在黄岛那个开发区里头 要 帮我登记 / 我说了要啊 → the offer again, 更正：我说了要啊 ----------

OFFER = ("要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 地点：黄岛区\n"
         "您在黄岛区哪个街道或镇？说一下街道，工单就交给离您最近的工会网格站（街道有站的交给街道站）；"
         "不清楚的话说“不知道”或直接确认，由黄岛区的工会服务中心受理。")


def _offer_tracker(text: str, read: dict | None = None) -> Tracker:
    message = parse(text, "inform")
    slots = {"requested_slot": "wants_ticket", "district": "黄岛区",
             "pending_case": {"type": "legal_consult", "facts": {"case_points": "被辞退", "district": "黄岛区"}}}
    events = [{"event": "action", "name": "ticket_offer_form"},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": OFFER},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              *({"event": "slot", "name": k, "value": val} for k, val in (read or {}).items())]
    return Tracker("worker-59k", {**slots, **(read or {})}, message, events, False, None, {"name": "ticket_offer_form"},
                   "action_listen")


@pytest.mark.parametrize("text", ["不知道 厂在黄岛那个开发区里头 要 帮我登记", "我说了要啊", "俺都说了登记了"])
async def test_a_yes_said_again_or_after_the_street_unknown_is_a_yes(text):
    from rasa_sdk.executor import CollectingDispatcher

    got = await ValidateTicketOfferForm().extract_wants_ticket(CollectingDispatcher(), _offer_tracker(text), {})
    assert got.get("wants_ticket") is True, got


async def test_a_yes_after_the_street_unknown_and_where_the_factory_is_is_a_yes():
    from rasa_sdk.executor import CollectingDispatcher

    # the place said with it (厂在黄岛…) is read as the district this turn: the yes is still taken
    tracker = _offer_tracker("不知道 厂在黄岛那个开发区里头 要 帮我登记", {"district": "黄岛"})
    got = await ValidateTicketOfferForm().extract_wants_ticket(CollectingDispatcher(), tracker, {})
    assert got.get("wants_ticket") is True, got


@pytest.mark.parametrize("text", ["我说了不要", "不知道 我没钱 不要登记"])
async def test_a_no_is_no_yes(text):
    from rasa_sdk.executor import CollectingDispatcher

    got = await ValidateTicketOfferForm().extract_wants_ticket(CollectingDispatcher(), _offer_tracker(text), {})
    assert got.get("wants_ticket") is not True, got
