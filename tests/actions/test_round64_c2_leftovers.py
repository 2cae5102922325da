"""Round 64, helper c2 (/work/indep/results-VJ.md, hooks-z.md H1, hooks-x.md H1): the leftovers of VJ —
上小学要准备啥 asked beside 托管 answered from the school-placement record in the same reply, and 托管先不办了
taken as the no to the childcare offer (VJ-15); the station asked with a no to the offer (先不登记 那我去哪个站问
我住长江路那边 离哪个站近) answered beside it (VJ-16); winter clothing asked inside the holiday-subsidy or the
wage-arrears form answered, and the form left (VJ-10)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation, parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from actions.forms import ValidateTicketOfferForm
from actions.school import asks_school_preparation, drops_childcare
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))

VJ15 = "孩子在黄岛上幼儿园大班 明年上小学要准备啥 另外俺两口子都上班 放学没人接 有没有托管"
CARE_OFFER = ("要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 事项：职工子女爱心托管报名\n"
              "· 年级：幼儿园大班\n· 地点：黄岛\n· 转给：辛安街道沂河路社区工会网格工作站")
CARE_CASE = {"type": "other", "facts": {"service": "职工子女爱心托管报名", "question": VJ15,
                                        "child_grade": "幼儿园大班", "station": "辛安街道沂河路社区工会网格工作站"}}
TRAINING_OFFER = ("要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 事项：技能培训报名\n"
                  "· 工作：电焊工\n· 地点：黄岛区")
TRAINING_CASE = {"type": "other", "facts": {"service": "技能培训报名", "occupation": "电焊工", "district": "黄岛区"}}
SIGN_UP_TEXT = ("报名方法：开班时间和名额由各地工会职工书院、职工服务中心安排，"
                "可以到所在的网格工作站或职工服务中心报名，也可以打职工服务热线 12351 问最近的开班。"
                "我也可以帮您登记，让工作站的工作人员联系您报名。")


def _offer(text: str, case: dict, offer: str, slots: dict | None = None, before: list[str] | None = None,
           intent: str = "inform") -> Tracker:
    message = parse(text, intent)
    slots = {"requested_slot": "wants_ticket", "pending_case": case, **(slots or {})}
    events = [*({"event": "bot", "text": line} for line in before or []),
              {"event": "action", "name": "ticket_offer_form"},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": offer},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-64c2", slots, message, events, False, None, {"name": "ticket_offer_form"},
                   "action_listen")


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


# --- VJ-15: 上小学要准备啥 beside 托管; 托管先不办了 ----------------------------------------------------------

@pytest.mark.parametrize("text", ["明年上小学要准备啥", "不对 是中班 上小学要准备啥你还没说呢",
                                  "孩子上小学报名要带啥材料", "入学需要什么材料", "上一年级要准备哪些材料",
                                  "孩子上学要办啥手续",
                                  "托管先不办了 我就问上学的事"])
def test_what_enrolment_takes_is_read(text):
    assert asks_school_preparation(text)


@pytest.mark.parametrize("text", ["有没有托管", "托管报名要带啥", "上小学要交钱吗", "放学没人接 有没有托管"])
def test_no_enrolment_question_is_read_where_none_is(text):
    assert not asks_school_preparation(text)


@pytest.mark.parametrize("text", ["托管先不办了 我就问上学的事", "托管不要了", "托管的事算了", "不要托管了",
                                  "托管不用了", "算了托管不报了", "看孩子的事先放放"])
def test_the_childcare_dropped_in_words_is_read(text):
    assert drops_childcare(text)


@pytest.mark.parametrize("text", ["要不要托管", "托管不用钱吧", "托管收费吗", "托管还是办吧"])
def test_no_drop_is_read_where_none_is(text):
    assert not drops_childcare(text)


@on_module_loop
async def test_the_school_question_beside_childcare_is_answered_in_the_same_reply(backend):
    from actions.services import ActionChildcare

    dispatcher = CollectingDispatcher()
    tracker = conversation([(VJ15, "childcare_service", [])], slots={"city": "青岛", "district": "黄岛区"})
    events = await ActionChildcare().run(dispatcher, tracker, DOMAIN)
    said = _texts(dispatcher)
    assert "需要准备的材料：" in said, said
    assert "托管驿站" in said and any(e.get("name") == "ticket_offer_form" for e in events)
    # the school text comes before the offer's buttons
    assert not dispatcher.messages[-1].get("text", "").startswith("随迁子女")


@on_module_loop
async def test_no_school_text_for_childcare_alone(backend):
    from actions.services import ActionChildcare

    dispatcher = CollectingDispatcher()
    tracker = conversation([("放学没人接 有没有托管", "childcare_service", [])],
                           slots={"city": "青岛", "district": "黄岛区"})
    await ActionChildcare().run(dispatcher, tracker, DOMAIN)
    assert "需要准备的材料：" not in _texts(dispatcher)


@on_module_loop
@pytest.mark.parametrize("text", ["托管先不办了 我就问上学的事", "托管不要了 孩子上小学要准备啥", "托管的事算了"])
async def test_the_childcare_dropped_in_words_declines_the_offer(backend, text):
    dispatcher = CollectingDispatcher()
    tracker = _offer(text, CARE_CASE, CARE_OFFER, slots={"city": "青岛", "district": "黄岛区"})
    got = await ValidateTicketOfferForm().extract_wants_ticket(dispatcher, tracker, DOMAIN)
    assert got.get("wants_ticket") is False, got
    said = _texts(dispatcher)
    if "上学" in text or "上小学" in text:
        assert "需要准备的材料：" in said, said
    else:
        assert "需要准备的材料：" not in said


@on_module_loop
async def test_a_question_on_the_childcare_offer_is_no_drop(backend):
    tracker = _offer("托管收费吗", CARE_CASE, CARE_OFFER, slots={"city": "青岛", "district": "黄岛区"})
    got = await ValidateTicketOfferForm().extract_wants_ticket(CollectingDispatcher(), tracker, DOMAIN)
    assert got.get("wants_ticket") is not False, got


# --- VJ-16: 先不登记 那我去哪个站问 … 离哪个站近 --------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["先不登记 那我去哪个站问 我住长江路那边 离哪个站近", "先不用 我去哪个站问",
                                  "先不登记了 离我最近的工会站在哪"])
async def test_the_station_asked_with_the_no_is_answered(backend, text):
    dispatcher = CollectingDispatcher()
    tracker = _offer(text, TRAINING_CASE, TRAINING_OFFER, slots={"city": "青岛", "district": "黄岛区"},
                     before=[SIGN_UP_TEXT])
    got = await ValidateTicketOfferForm().extract_wants_ticket(dispatcher, tracker, DOMAIN)
    assert got.get("wants_ticket") is False, got
    said = _texts(dispatcher)
    assert "地址：" in said or "离您最近的" in said, said
    assert SIGN_UP_TEXT not in said  # (the sign-up text of the reply before is not said again)


@on_module_loop
async def test_a_plain_no_says_no_station(backend):
    dispatcher = CollectingDispatcher()
    tracker = _offer("先不用", TRAINING_CASE, TRAINING_OFFER, slots={"city": "青岛", "district": "黄岛区"})
    got = await ValidateTicketOfferForm().extract_wants_ticket(dispatcher, tracker, DOMAIN)
    assert got.get("wants_ticket") is False and not dispatcher.messages


# --- VJ-10 (in the forms): winter clothing asked inside the holiday-subsidy or the wage-arrears form ----------

@on_module_loop
@pytest.mark.parametrize(("form", "asked", "text"), [
    ("holiday_subsidy_form", "holiday_situation", "不是过年 就平时冬天 环卫工有没有啥关爱"),
    ("holiday_subsidy_form", "holiday_situation", "冬天给发衣服不"),
    ("wage_arrears_form", "employer", "没人欠我钱 我问棉衣"),
    ("wage_arrears_form", "employer", "西安环卫工冬天工会给不给发棉衣")])
async def test_winter_care_asked_in_a_form_is_answered_and_the_form_left(backend, form, asked, text):
    from form_trackers import form_tracker

    from actions.forms import ValidateHolidaySubsidyForm, ValidateWageArrearsForm

    action = ValidateHolidaySubsidyForm() if form == "holiday_subsidy_form" else ValidateWageArrearsForm()
    dispatcher = CollectingDispatcher()
    tracker = form_tracker(form, asked, text, slots={"city": "西安", "district": "雁塔区", "occupation": "环卫工"})
    events = await action.run(dispatcher, tracker, DOMAIN)
    said = _texts(dispatcher)
    assert "棉衣" in said or "御寒" in said, said
    assert "12351" in said or "来源" in said
    assert "是哪家单位" not in said and "留下来过年" not in said
    assert any(e.get("event") == "active_loop" and e.get("name") is None for e in events), events


@on_module_loop
async def test_a_holiday_answer_in_the_form_is_no_winter_care(backend):
    from form_trackers import form_tracker

    from actions.forms import ValidateHolidaySubsidyForm

    dispatcher = CollectingDispatcher()
    tracker = form_tracker("holiday_subsidy_form", "holiday_situation", "留下过年", slots={"city": "青岛"})
    await ValidateHolidaySubsidyForm().run(dispatcher, tracker, DOMAIN)
    assert "棉衣" not in _texts(dispatcher)
