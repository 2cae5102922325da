"""Round 41: 算了不办了 / 先不用, then 还是办吧 — the case is taken up again with what the worker
had told, not asked again from the start (YR-15, YQ-14) and not 没太明白 (YR-01)."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.fallback import ActionAffirmNoContext, ActionFallbackStep
from actions.router import ActionStartService
from actions.take_back import dropped_case, takes_it_back

CANCELLED = "好的，已经取消了，刚才的内容不会提交。还有别的事需要帮忙吗？"
DECLINED = "好的，先不登记。需要的时候随时找我，或拨打 12351。"


def _turn(text: str, intent: str, *after: dict) -> list[dict]:
    return [{"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "parse_data": parse(text, intent)}, *after]


def _slot(name: str, value) -> dict:
    return {"event": "slot", "name": name, "value": value}


def school_cancelled(then: str, intent: str) -> Tracker:
    """孩子想从老家转过来上初二 我们在黄岛区 → the school form with three facts; 算了不办了; then ``then``."""
    events = [*_turn("孩子想从老家转过来上初二 我们在黄岛区 能转吗", "school_placement",
                     {"event": "action", "name": "action_start_service"},
                     {"event": "active_loop", "name": "school_form"},
                     _slot("district", "黄岛区"), _slot("city", "青岛市"), _slot("child_grade", "初中二年级"),
                     _slot("school_problem", "转学"), _slot("requested_slot", "hukou_status"),
                     {"event": "bot", "text": "孩子的户口在哪里？有没有本地居住证？"}),
              *_turn("算了不办了", "cancel", {"event": "action", "name": "action_cancel_request"},
                     {"event": "bot", "text": CANCELLED},
                     {"event": "active_loop", "name": None}, _slot("requested_slot", None),
                     _slot("child_grade", None), _slot("school_problem", None), _slot("hukou_status", None)),
              *_turn(then, intent)]
    slots = {"district": "黄岛区", "city": "青岛市"}
    return Tracker("worker-41", slots, parse(then, intent), events, False, None, {}, "action_listen")


def offer_declined(then: str, intent: str) -> Tracker:
    """The school case's offer, then 错了！四年级！ read as no (先不登记), then ``then``."""
    case = {"type": "school_placement", "facts": {"child_grade": "小学四年级", "school_problem": "没有学位"}}
    events = [*_turn("孩子三年级 辛安街道 学校说没学位", "school_placement",
                     {"event": "active_loop", "name": "ticket_offer_form"}, _slot("pending_case", case),
                     {"event": "bot", "text": "要不要我帮您登记一张工单……"}),
              *_turn("错了！四年级！", "deny", {"event": "action", "name": "action_open_ticket"},
                     {"event": "bot", "text": DECLINED}, _slot("wants_ticket", None),
                     _slot("pending_case", None), {"event": "active_loop", "name": None}),
              *_turn(then, intent)]
    return Tracker("worker-41", {"district": "辛安街道"}, parse(then, intent), events, False, None, {},
                   "action_listen")


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("said", ["还是办吧", "算了还是登记吧", "没说不登记啊 要登记 帮我登记",
                                  "想了想还是办吧 钱不能白干了",
                                  "还是帮我登记欠薪吧", "继续办吧", "继续吧"])
def test_taking_back_is_read(said):
    assert takes_it_back(said)


@pytest.mark.parametrize("said", ["好的", "谢谢", "不办了", "算了", "那个站在哪", "老板又欠我工资了"])
def test_other_words_do_not_take_back(said):
    assert not takes_it_back(said)


def test_the_dropped_case_holds_what_the_cancel_cleared():
    dropped = dropped_case(school_cancelled("还是办吧", "affirm"))
    assert dropped is not None and dropped.form == "school_form"
    assert dropped.slots["child_grade"] == "初中二年级" and dropped.slots["school_problem"] == "转学"


@pytest.mark.asyncio
async def test_resumed_school_case_keeps_grade_and_problem():
    """YR-15: 还是办吧 孩子上学要紧 asked 孩子现在多大、要上几年级 and the problem again."""
    tracker = school_cancelled("还是办吧 孩子上学要紧", "school_placement")
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    slots = slot_values(events)
    assert slots.get("child_grade") == "初中二年级" and slots.get("school_problem") == "转学"
    assert any(e.get("event") == "active_loop" and e.get("name") == "school_form" for e in events)
    assert "都还记着" in texts(dispatcher)


@pytest.mark.asyncio
async def test_a_bare_yes_to_take_back_resumes_too():
    tracker = school_cancelled("还是办吧", "affirm")
    dispatcher = CollectingDispatcher()
    events = await ActionAffirmNoContext().run(dispatcher, tracker, DOMAIN)
    assert slot_values(events).get("child_grade") == "初中二年级"
    assert "utter_affirm_no_context" not in texts(dispatcher)


@pytest.mark.asyncio
async def test_register_after_a_declined_offer_offers_that_case_again():
    """YR-01: 没说不登记啊 要登记 帮我登记 after 先不登记 got 没太明白."""
    tracker = offer_declined("没说不登记啊 要登记 帮我登记", "nlu_fallback")
    dispatcher = CollectingDispatcher()
    events = await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    parked = slot_values(events).get("pending_case") or {}
    assert parked.get("facts", {}).get("child_grade") == "小学四年级"
    assert any(e.get("event") == "active_loop" and e.get("name") == "ticket_offer_form" for e in events)
    assert "utter_ask_rephrase" not in texts(dispatcher)


@pytest.mark.asyncio
async def test_long_after_the_cancel_nothing_is_resumed():
    tracker = school_cancelled("还是办吧", "affirm")
    for word in ("你好", "谢谢", "几点开门"):
        tracker.events[-2:-2] = _turn(word, "greet", {"event": "bot", "text": "您好"})
    assert dropped_case(tracker) is None


on_module_loop = pytest.mark.asyncio(loop_scope="module")


def wage_cancelled(then: str, intent: str) -> Tracker:
    """鑫诚装饰 欠我一万二 快四个月了 → the wage form; 算了 不办了; then ``then``."""
    events = [*_turn("鑫诚装饰欠我一万二 快四个月了 我在薛家岛", "wage_arrears",
                     {"event": "action", "name": "action_start_service"},
                     {"event": "active_loop", "name": "wage_arrears_form"},
                     _slot("employer", "鑫诚装饰"), _slot("amount", 12000), _slot("duration", "P4M"),
                     _slot("district", "薛家岛街道"), _slot("requested_slot", "workers_affected"),
                     {"event": "bot", "text": "有多少工友被欠薪？"}),
              *_turn("算了 不办了 怕老板报复", "cancel", {"event": "action", "name": "action_cancel_request"},
                     {"event": "bot", "text": CANCELLED}, {"event": "active_loop", "name": None},
                     _slot("employer", None), _slot("amount", None), _slot("duration", None)),
              *_turn(then, intent)]
    return Tracker("worker-41", {"district": "薛家岛街道"}, parse(then, intent), events, False, None, {},
                   "action_listen")


@on_module_loop
async def test_taking_back_with_a_question_answers_it_and_keeps_the_facts(backend):
    """YQ-14: 想了想还是办吧 钱不能白干了 你们会不会跟老板说是我举报的 got 没太明白, then every
    fact was asked again."""
    tracker = wage_cancelled("想了想还是办吧 钱不能白干了 你们会不会跟老板说是我举报的", "nlu_fallback")
    dispatcher = CollectingDispatcher()
    events = await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    slots = slot_values(events)
    assert slots.get("employer") == "鑫诚装饰" and slots.get("amount") == 12000
    said = texts(dispatcher)
    assert "不会发给您的单位或老板" in said and "utter_ask_rephrase" not in said


def test_a_person_asked_for_on_the_ticket_offer_leaves_the_offer():
    """YR-16: 转人工 / 我要找真人！ on the offer got the same card three times (the offer form kept
    request_human for itself; the rule in data/rules/services.yml now hands over)."""
    from form_trackers import form_tracker

    from actions.forms import ValidateTicketOfferForm

    for said in ("转人工", "我要找真人！"):
        tracker = form_tracker("ticket_offer_form", "wants_ticket", said, intent="request_human")
        assert ValidateTicketOfferForm()._leaving(tracker)


@on_module_loop
async def test_the_guaranteed_wage_asked_is_not_the_minimum_wage_flow(backend):
    """YQ-15: 保底呢 保底好多钱 after the 隆祥皮革 measures got the agreement's 2000, then 福鼎's
    minimum wage and 您每个月实际拿多少."""
    from form_trackers import conversation

    tracker = conversation([("我在福鼎隆祥皮革上班 过年留厂有啥好处", "holiday_subsidy", ["当地工会的过年措施：……"]),
                            ("保底呢 保底好多钱", "minimum_wage", [])],
                           slots={"city": "福鼎市", "employer": "隆祥皮革"})
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = texts(dispatcher)
    assert "2000" in said
    assert "最低工资标准：月最低工资" not in said and not any(
        e.get("event") == "active_loop" and e.get("name") == "minimum_wage_form" for e in events)


@pytest.mark.asyncio
async def test_a_question_with_a_good_in_it_is_no_yes_on_the_offer():
    """YQ-15: 那年后保底是好多嘛 on the subsidy offer (NLU: affirm, for its 好) asked for the phone."""
    from form_trackers import form_tracker

    from actions.forms import ValidateTicketOfferForm

    case = {"type": "subsidy_application", "facts": {"employer": "隆祥皮革"}}
    tracker = form_tracker("ticket_offer_form", "wants_ticket", "那年后保底是好多嘛", intent="affirm",
                           slots={"pending_case": case}, extracted={"wants_ticket": True})
    extracted = await ValidateTicketOfferForm().extract_wants_ticket(CollectingDispatcher(), tracker, DOMAIN)
    assert extracted == {"wants_ticket": None}


# --- YS-03 (round 42): the overtime case just worked out, asked to be claimed or registered ---

OVERTIME_SUM = ("按《劳动法》第四十四条计算：\n日工资 = 月工资 6,500 ÷ 21.75 ≈ 298.85 元\n"
                "法定节假日加班 4 天：6,500 ÷ 21.75 × 4 × 300% = 3,586.21 元\n合计：依法应付加班工资不少于 3,586.21 元")


@pytest.mark.parametrize("said, intent", [("要是他不给这三千多呢，工会能帮俺去要吗", "find_station"),
                                          ("那你帮俺登记一下吧", "affirm")])
@pytest.mark.asyncio
async def test_help_to_claim_right_after_the_overtime_sum_offers_that_case(said, intent):
    """YS-03: a station card, then 好的。请说说您遇到的具体情况 — the sum just worked out forgotten."""
    from form_trackers import conversation

    tracker = conversation([("过年除夕到初六都在岗 一个月6500 初四到初六补休了", "overtime_pay", [OVERTIME_SUM]),
                            (said, intent, [])],
                           slots={"monthly_wage": 6500, "overtime_days": "除夕到初三"})
    dispatcher = CollectingDispatcher()
    run = ActionAffirmNoContext().run if intent == "affirm" else ActionStartService().run
    events = await run(dispatcher, tracker, DOMAIN)
    parked = slot_values(events).get("pending_case") or {}
    assert parked.get("type") == "overtime_pay" and parked["facts"]["amount"] == 3586
    assert parked["facts"]["monthly_wage"] == 6500
    assert "请说说您遇到的具体情况" not in texts(dispatcher) and "离您最近" not in texts(dispatcher)


@pytest.mark.asyncio
async def test_help_asked_with_no_sum_before_is_not_an_overtime_case():
    from form_trackers import conversation

    tracker = conversation([("你好", "greet", ["您好！"]), ("那你帮俺登记一下吧", "affirm", [])])
    from actions.take_back import overtime_sum_to_file

    assert overtime_sum_to_file(tracker, "那你帮俺登记一下吧") is None


@pytest.mark.asyncio
async def test_the_closed_text_challenged_gets_whose_hours_not_the_menu():
    """YT-11 (13:21 Monday, no place known): 怎么不在服务时间 现在不是上班时间吗 got the service menu."""
    from form_trackers import conversation

    from actions import handoff

    closed = handoff.closed_text("青岛市总工会职工服务中心", False, "2026-12-07T05:30:00+00:00")
    tracker = conversation([("转人工", "request_human", [closed]),
                            ("怎么不在服务时间 现在不是上班时间吗", "find_station", [])])
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = texts(dispatcher)
    assert "青岛市总工会职工服务中心" in said and "请问您想办理什么事情" not in said


@pytest.mark.parametrize("said", ["那我大年初一上一天班 按两千保底算能拿多少加班费", "就按2000算吗"])
def test_a_wage_said_with_an_as_is_the_workers_own(said):
    """YS-13: 按两千保底算 to the wage question right after the 隆祥 保底 2000 was told was dropped as
    the bot's own figure, and the wage asked again."""
    from form_trackers import conversation

    from actions.slot_mappings import bots_own_figures

    told = "隆祥皮革有限公司2021年春节集体协议：年后保底工资每月2000元"
    tracker = conversation([("隆祥皮革年后保底多少", "minimum_wage", [told]), (said, "inform", [])])
    assert bots_own_figures(tracker, {"monthly_wage": 2000}) == []


@on_module_loop
async def test_a_topic_read_as_yes_is_answered_as_a_topic(backend):
    """试用期 alone was read as affirm by the retrained model (make test: 好的。请说说您遇到的具体情况):
    a message with no yes in its words is no yes."""
    from form_trackers import conversation

    tracker = conversation([("试用期", "affirm", [])])
    dispatcher = CollectingDispatcher()
    await ActionAffirmNoContext().run(dispatcher, tracker, DOMAIN)
    said = texts(dispatcher)
    assert "试用期最长" in said and "utter_affirm_no_context" not in said


@pytest.mark.asyncio
async def test_the_same_service_asked_after_a_cancel_and_a_greeting_starts_afresh():
    """tests/e2e: 算了不办了, 你好, 老板又欠我工资了 — a new case, not the cancelled one resumed."""
    tracker = wage_cancelled("老板又欠我工资了", "wage_arrears")
    from actions.router import take_back

    assert await take_back(CollectingDispatcher(), tracker, DOMAIN, "wage_arrears") is None
