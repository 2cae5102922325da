"""Round 58 (helper g): a place, an employer or a job the worker denies is never the one kept;
a ticket's status asked in the conversation that filed it is looked up, not noted."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop


def _turns(first: str, first_slots: dict, now: str, now_slots: dict, intent: str = "nlu_fallback",
           active: str | None = None, bot: list[str] | None = None) -> Tracker:
    """The first message with what it set, the bot's lines, then the message being read with the
    slots the NLU's own mappings set from it."""
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "school_placement")},
              *({"event": "slot", "name": k, "value": val} for k, val in first_slots.items()),
              *({"event": "bot", "text": line} for line in bot or []),
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": now, "parse_data": parse(now, intent)},
              *({"event": "slot", "name": k, "value": val} for k, val in now_slots.items())]
    return Tracker("worker-58g", {**first_slots, **now_slots}, parse(now, intent), events, False, None,
                   {"name": active} if active else {}, "action_listen")


# --- VB-15: 俺住崂又泊那边不是辛安 stored 辛安, the place the worker denied ----------------------------

@on_module_loop
async def test_a_place_denied_in_a_correction_is_not_kept(backend):
    from actions.slot_mappings import ValidateSlotMappings

    tracker = _turns("俺闺女今年上初一 想从老家转到黄岛来上 学校不收 工会能帮着协调不 俺住辛安街道 电话13853207716",
                     {"city": "青岛市", "district": "辛安街道", "phone": "13853207716"},
                     "电话打错了 是13853207761 还有不对 俺住崂又泊那边不是辛安",
                     {"district": "辛安", "phone": "13853207761"}, active="school_form")
    events = await ValidateSlotMappings().run(CollectingDispatcher(), tracker, {})
    district = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == "district"]
    assert district and "辛安" not in str(district[-1]), events
    assert "崂又泊" in str(district[-1]), events


# --- VB-5: 老高不是单位 是脚肿的老高 → 好的，已更正：单位改为老高 (the correction applied backwards) -------

def test_a_name_said_to_be_no_employer_is_no_change_to_it():
    from actions.slot_checks import named_fact_change

    said = named_fact_change("老高不是单位 是脚肿的老高 单位叫啥我也不知道 包工头姓钱")
    assert said is None or said[0] != "employer", said
    assert named_fact_change("单位不对 是青岛海纳建筑") == ("employer", "青岛海纳建筑")


@on_module_loop
async def test_the_employer_the_worker_denies_is_undone(backend):
    from actions.slot_mappings import ValidateSlotMappings

    tracker = _turns("我昨天就在架子上滑了一跤 脚肿老高 老板叫我自己去看 这算工伤不", {"employer": "老高"},
                     "老高不是单位 是脚肿的老高 单位叫啥我也不知道 包工头姓钱", {})
    events = await ValidateSlotMappings().run(CollectingDispatcher(), tracker, {})
    employer = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == "employer"]
    assert employer and "老高" not in str(employer[-1]), events
    changes = [e["value"] for e in events if e.get("event") == "slot" and e.get("name") == "last_correction"]
    assert not any("老高" in str(c) and "new" in str(c) and c and c[0].get("new") == "老高" for c in changes if c)


# --- VB-14: 俺想考个电工证 filed as 工作：电工, kept after 俺不是电工 俺是想考 -------------------------------

@pytest.mark.parametrize("text", ["老铁 俺在黄岛辛安上班 俺家小子放学没人管咋整啊 还有俺想考个电工证 工会管不管这事儿",
                                  "电工证那事儿你咋不吱声呢 俺不是电工 俺是想考", "想学电焊 有没有培训"])
def test_a_certificate_wished_for_is_no_job(text):
    from actions.validators import job_in_words

    assert job_in_words(text) is None


@pytest.mark.parametrize("text, job", [("我是电工 想考个焊工证", "电工"), ("在一家饭店当服务员", "饭店服务员")])
def test_a_job_done_is_still_read(text, job):
    from actions.validators import job_in_words

    assert job_in_words(text) == job


def test_the_childcare_summary_holds_no_job_from_the_certificate():
    from form_trackers import conversation

    from actions.tickets import job_as_said

    tracker = conversation([("老铁 俺在黄岛辛安上班 俺家小子放学没人管咋整啊 还有俺想考个电工证 工会管不管这事儿",
                             "childcare", ["要不要我帮您登记一张工单"]),
                            ("电工证那事儿你咋不吱声呢 俺不是电工 俺是想考", "skills_training", [])])
    assert job_as_said(tracker, {"occupation": "other"}) == {}


# --- VB-12: 对了 GH… 现在到哪一步了 noted on the ticket; 状态呢 → 这个我查不了 and the menu --------------

@on_module_loop
@pytest.mark.parametrize("asked", ["对了 {ticket} 现在到哪一步了", "状态呢", "我的工单办得怎么样了"])
async def test_the_state_of_the_ticket_filed_here_is_told(backend, asked):
    from tests.actions.test_round56_u_filed_tickets import filed_school_case

    talk, ticket = await filed_school_case(f"g58-status-{asked[:3]}")
    await talk.say("谢谢", "thanks")
    events_before = len(talk.events)
    reply = await talk.say(asked.format(ticket=ticket), "ticket_status")
    followed = [e for e in talk.events[events_before:] if e.get("event") == "followup"]
    # (the lookup is action_ticket_status's, run next — tickets may not import the services)
    assert f"工单 {ticket} 目前" in reply or any(e.get("name") == "action_ticket_status" for e in followed), reply
    assert any(e.get("name") == "ticket_id" and e.get("value") == ticket for e in talk.events[events_before:]) \
        or f"工单 {ticket} 目前" in reply
    assert "留了话" not in reply and "查不了" not in reply, reply


@on_module_loop
async def test_a_new_phone_and_the_state_asked_together_get_both(backend):
    from tests.actions.test_round56_u_filed_tickets import filed_school_case

    talk, ticket = await filed_school_case("g58-status-phone")
    events_before = len(talk.events)
    reply = await talk.say("我是问它现在啥状态 还有我换号了 以后打15963287704 原来那个136的不用了", "nlu_fallback",
                           phone="15963287704")
    assert "159****7704" in reply, reply
    followed = [e for e in talk.events[events_before:] if e.get("event") == "followup"]
    assert f"工单 {ticket} 目前" in reply or any(e.get("name") == "action_ticket_status" for e in followed), reply


# --- VA-1: GH… 上面写的啥 念一下 got a rest-day rule; the ticket read out only when asked again -------

@on_module_loop
@pytest.mark.parametrize("asked", ["不用了 欠的就是这个 {ticket} 上面写的啥 念一下", "{ticket} 上面写的啥",
                                   "工单上写的内容你念一下"])
@pytest.mark.parametrize("intent", ["ticket_status", "overtime_pay"])
async def test_what_the_ticket_holds_is_read_out_when_asked(backend, asked, intent):
    from tests.actions.test_round56_u_filed_tickets import filed_school_case

    talk, ticket = await filed_school_case(f"g58-read-{asked[:4]}-{intent}")
    reply = await talk.say(asked.format(ticket=ticket), intent)
    assert f"工单 {ticket} 上登记的是" in reply and "· 年级：小学三年级" in reply, reply
    assert "留了话" not in reply, reply


# --- VB-1: 我是澳柯玛的工人王建军 … — neither the name nor the employer on the summary or the ticket ------

VB1 = ("你好 我是澳柯玛的工人王建军 在黄岛区上班 孩子今年二年级从河南老家转过来 附近长江路那个小学说没名额还要一堆证明 "
       "我就住崂又泊社区那边 电话13792618450 能帮我问问不")


def test_the_firm_a_worker_says_they_work_for_is_the_employer():
    from actions import validators as v

    entities = [{"entity": "employer", "value": "澳柯玛", "start": 5, "end": 8}]
    assert v.read_facts(VB1, entities, v.Context(form=None)).get("employer") == "澳柯玛"


@pytest.mark.parametrize("text, name", [(VB1, "王建军"), ("我是送外卖的 我是本地的工人 在城阳", None),
                                        ("我叫张国强 电话13912345678", "张国强")])
def test_the_name_said_after_the_job_is_the_workers(text, name):
    from form_trackers import conversation

    from actions.tickets import name_told

    assert name_told(conversation([(text, "school_placement", [])])) == name
