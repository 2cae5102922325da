"""Round 60, helper n: facts told beside a ticket's yes or after it, kept on the ticket.

VF-1: 要 电话139… 我姓王 — the surname dropped from the school ticket; 我姓王写上没有 then got the
whole message pasted as a note and no word whether the name is on it.
VF-12: 受伤日子是11月16号 给我加到单子上 — refused as "原来就写着"（情况要点：受了伤）, the day never added.
Each step runs the real actions on the real seeded backend."""

from __future__ import annotations

import yaml

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT
from tests.actions.conftest import on_module_loop
from tests.actions.test_round56_u_filed_tickets import Talk, history

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
pytestmark = on_module_loop
SCHOOL = {"child_grade": "小学二年级", "school_problem": "被学校拒收", "employer": "澳柯玛", "district": "崂又泊社区",
          "city": "青岛"}


async def _filed_with(sender: str, yes: str, case_type: str, facts: dict) -> tuple[Talk, str]:
    from actions.tickets import ActionOpenTicket, summary_lines

    talk = Talk(sender)
    talk.events += [{"event": "action", "name": "action_listen"},
                    {"event": "user", "text": "孩子要上二年级 学校不收", "parse_data": {}}]
    talk.bot("要不要我帮您登记一张子女入学协调工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
             + "\n".join(summary_lines(facts)))
    talk.set(pending_case={"type": case_type, "facts": facts}, wants_ticket=True, city="青岛")
    phone = next(iter(__import__("re").findall(r"1[3-9]\d{9}", yes)), None)
    filed = await talk.say(yes, "affirm", phone=phone, action=ActionOpenTicket())
    assert "工单号 " in filed, filed
    return talk, filed.split("工单号 ")[1][:14]


# --- VF-1 ---------------------------------------------------------------------------------------

async def test_a_surname_told_with_the_yes_is_on_the_ticket_and_said_so(backend):
    talk, ticket = await _filed_with("n60-surname", "要 电话13953261187 我姓王", "school_placement", SCHOOL)
    said = "\n".join(e.get("text") or "" for e in talk.events if e.get("event") == "bot")
    assert "· 联系人：姓王" in said, said
    assert "姓王" in await history(backend, ticket)
    reply = await talk.say(f"工单{ticket}上面都写了啥 我姓王写上没有", "ticket_status")
    assert "联系人写上了：姓王" in reply and "留了话" not in reply, reply


def test_a_full_name_wins_over_a_surname():
    from rasa_sdk import Tracker

    from actions.tickets import name_told

    events = [{"event": "user", "text": "我姓王"}, {"event": "user", "text": "我叫王建军 电话13953261187"}]
    assert name_told(Tracker("n", {}, {}, events, False, None, {}, "")) == "王建军"
    events = [{"event": "user", "text": "老板姓王的那个厂"}]
    assert name_told(Tracker("n", {}, {}, events, False, None, {}, "")) is None


# --- VF-12 --------------------------------------------------------------------------------------

INJURY = {"case_points": "受了伤", "employer": "青岛华宏机械有限公司", "district": "长江路街道", "city": "青岛"}


async def test_an_injury_day_told_after_filing_is_added_not_refused(backend):
    talk, ticket = await _filed_with("n60-injury-day", "要 电话15866231045", "legal_aid", INJURY)
    reply = await talk.say("受伤日子是11月16号 给我加到单子上")
    assert "原来就写着，不用再加" not in reply, reply
    assert "11月16号" in reply and "11月16号" in await history(backend, ticket), reply


# --- VE-13 --------------------------------------------------------------------------------------

async def test_fines_said_for_the_employer_are_no_employer():
    from form_trackers import form_tracker, slot_values
    from rasa_sdk.executor import CollectingDispatcher

    from actions.forms import ValidateWageArrearsForm

    dispatcher = CollectingDispatcher()
    tracker = form_tracker("wage_arrears_form", "employer", "罚款", extracted={"employer": "罚款"})
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN)
    assert slot_values(events).get("employer") in (None,), events


# --- VF-16 --------------------------------------------------------------------------------------

def test_a_ticket_number_a_digit_short_is_said_to_be_wrong():
    from actions.tickets import short_ticket_number_reply

    said = short_ticket_number_reply("我前几天登记了个单子 号是GH20261208001 咋没人给我打电话")
    assert said and "GH20261208001 是 11 位数字" in said and "手机号" in said, said
    assert short_ticket_number_reply("查一下GH202612080001") is None
    assert short_ticket_number_reply("咋没人给我打电话") is None


def test_the_number_he_gave_is_on_his_callback_ticket():
    from form_trackers import conversation

    from actions.tickets import callback_facts, summary_lines

    tracker = conversation([("我前几天登记了个单子 号是GH20261208001 咋没人给我打电话", "request_human",
                             ["请告诉我工单号（GH 开头，例如 GH202611180023）。"]),
                            ("不知道 找不着了 用手机号能查不 13864211390", "ticket_status", [])],
                           slots={"phone": "13864211390"})
    facts = callback_facts(tracker, "worker_request")
    assert "GH20261208001" in str(facts.get("related_ticket")), facts
    assert any("GH20261208001" in line for line in summary_lines(facts)), summary_lines(facts)


# --- VF-8 ---------------------------------------------------------------------------------------

async def test_a_place_corrected_in_the_first_message_is_the_place(backend):
    from form_trackers import parse
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher

    from actions.slot_mappings import ValidateSlotMappings

    text = "我在黄岛一个服装厂干了两年 厂里一直没给交社保 怎么办啊 哦不对 我不在黄岛是在即墨 刚搬过来的"
    for entities in ([], [{"entity": "district", "value": "黄岛", "start": 2, "end": 4}]):
        message = parse(text, "legal_aid", entities)
        slots = {e["entity"]: e["value"] for e in entities}
        events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message},
                  *({"event": "slot", "name": k, "value": val} for k, val in slots.items())]
        tracker = Tracker("n60-place", slots, message, events, False, None, {}, "action_listen")
        ran = await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN)
        set_now = {e["name"]: e["value"] for e in ran if e.get("event") == "slot"}
        assert set_now.get("district") == "即墨区", set_now


# --- VE-1 ---------------------------------------------------------------------------------------

WAGES = {"employer": "鑫源电子厂", "amount": 18000, "duration": "3个月", "workers_affected": "3人",
         "district": "辛安街道", "city": "青岛"}


async def test_whether_the_co_workers_are_covered_is_answered(backend):
    talk, ticket = await _filed_with("n60-others", "确认 13792851406", "wage_arrears", WAGES)
    for text, intent in (("那另外两个工友的钱也一起要吗他们一个月也是六千左右", "wage_arrears"),
                         ("就是说他俩不用自己再报了是吧", "affirm")):
        reply = await talk.say(text, intent)
        assert "不用一个个来登记" in reply and "好的，没问题" not in reply and "原来就写着" not in reply, (text, reply)


def test_the_co_workers_question_is_known_as_one():
    from actions.tickets import others_covered_asked

    assert others_covered_asked("就是说他俩不用自己再报了是吧")
    assert others_covered_asked("那另外两个工友的钱也一起要吗")
    assert not others_covered_asked("不用了")
