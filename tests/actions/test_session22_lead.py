"""Session 22, the lead's own mends (found talking to make run as a worker, and the round's testers)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from actions.legal import total_asked
from actions.router import ActionStartService
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def _said(dispatcher: CollectingDispatcher) -> str:
    return " ".join(m.get("text") or "" for m in dispatcher.messages)


# --- T-1: a whole wage case with 一共大概两万四 and 也想问问 got a one-item total and a legal-aid offer ----

@pytest.mark.parametrize(("text", "asked"), [
    ("一个姓刘的包工头欠了我三个月工资，一共大概两万四，另外孩子上学的事也想问问", False),
    ("一共两万四 能要回来吗", False),
    ("那一共该给多少", True),
    ("你就给我算个总数", True),
    ("全部加一块是多少钱", True),
])
def test_a_total_told_is_no_total_asked(text, asked):
    assert total_asked(text) is asked


@on_module_loop
async def test_a_whole_wage_case_that_also_asks_about_school_starts_the_wage_case(backend):
    text = ("我在黄岛区辛安街道上班，一个姓刘的包工头欠了我和另外5个工友三个月工资，一共大概两万四，"
            "另外孩子上学的事也想问问")
    tracker = conversation([(text, "inform", [])])
    tracker.latest_message["entities"] = [
        {"entity": "district", "value": "黄岛区"}, {"entity": "district", "value": "辛安街道"},
        {"entity": "duration", "value": "P3M"}, {"entity": "amount", "value": 24000}]
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "各项加起来" not in said and "律师咨询" not in said, said
    loops = [e.get("name") for e in events if e.get("event") == "active_loop"]
    assert "wage_arrears_form" in loops, (loops, said)


# --- T-5: 八千五 / 不对 是九千五 / 两个月 (to 欠了多长时间) filed 在这个单位干了：2个月 ---------------------------

def test_a_correction_of_the_amount_makes_no_time_worked_of_the_next_answer():
    from actions.legal import case_arrears_points

    tracker = conversation([("老板欠我工资", "wage_arrears", ["是哪家单位欠的？"]),
                            ("八千五", "inform", ["欠了多长时间了？"]),
                            ("不对 是九千五", "inform", ["欠了多长时间了？"]),
                            ("两个月", "inform", ["有多少工友被欠薪？"]),
                            ("俺们一共五个人", "inform", [])])
    assert "time_worked" not in case_arrears_points(tracker)


def test_a_time_said_as_the_correction_is_still_the_time_worked():
    from actions.legal import case_arrears_points

    tracker = conversation([("老板欠我工资 我干了三年", "wage_arrears", ["是哪家单位欠的？"]),
                            ("不对 是两年", "inform", [])])
    assert case_arrears_points(tracker).get("time_worked") == "2年"


# --- T-6: …加班费应该拿多少？另外…: a second service asked as a question put off (办完再帮您看), then offered ---

@on_module_loop
async def test_a_second_service_asked_beside_the_overtime_is_answered_in_the_same_reply(backend):
    text = "我月薪4500，春节初一到初三都在上班，加班费应该拿多少？另外互助保障最多能赔多少"
    tracker = conversation([(text, "overtime_pay", [])], slots={"monthly_wage": 4500})
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "办完再帮您看" not in said, said
    assert not any(e.get("name") == "next_service" and e.get("value") == "mutual_insurance" for e in events), events
    assert "16万" in said, said
    assert ("active_loop", "overtime_form") in [(e.get("event"), e.get("name")) for e in events], events


@on_module_loop
async def test_a_second_service_told_as_a_case_is_still_put_off(backend):
    text = "包工头欠了我三个月工资，一共两万四，另外孩子上学的事也想问问"
    tracker = conversation([(text, "wage_arrears", [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert any(e.get("name") == "next_service" and e.get("value") == "school_placement" for e in events), events


# --- VI-1: 那我们十二个人一共被欠多少钱 大家都是八千一个月, after the wage ticket: the wage form again ----------

@on_module_loop
async def test_the_crews_total_after_the_ticket_is_worked_out(backend):
    first = ("你好 我在辛安街道那边工地干活 一个姓刘的包工头跑了 欠我们三个月工资 九月到十一月的 一个月大概八千 "
             "我们一个班组十二个人都没拿到钱 咋办啊")
    tracker = conversation([(first, "wage_arrears", ["请留一个能联系到您的手机号"]),
                            ("13953281746", "inform", ["已为您登记欠薪工单，工单号 GH202612080003"]),
                            ("那我们十二个人一共被欠多少钱 大家都是八千一个月", "wage_arrears", [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "288,000" in said, said
    assert not any(e.get("event") == "active_loop" and e.get("name") for e in events), events


# --- VI-15: 让工会找厂里要 read as a demand made (催要过) by the time-limit replies ----------------------------

@pytest.mark.parametrize(("words", "made"), [("让工会找厂里要", False), ("帮我找老板要", False),
                                             ("替我去跟厂里要", False), ("我找老板要过好几次", True)])
def test_a_demand_wished_of_the_union_is_no_demand_made(words, made):
    from actions.time_limits import _demand_made

    assert _demand_made(words) is made


# --- VI-7: 先不留。我老婆是特困职工，她自己掏了两千八，她能申请不 — her cost and tier taken as his -------------------

@on_module_loop
async def test_the_wifes_cost_and_tier_are_not_the_workers(backend):
    from form_trackers import form_tracker

    from actions.slot_mappings import ValidateSlotMappings

    text = "先不留。我老婆是特困职工，她自己掏了两千八，她能申请不"
    tracker = form_tracker("relief_form", "phone", text, "relief_eligibility",
                           slots={"city": "镇江", "hardship_status": "困难", "medical_cost": 2500})
    tracker.latest_message["entities"] = [{"entity": "amount", "value": 2800}]
    events = await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN)
    changed = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
    assert changed.get("medical_cost", 2500) == 2500 and changed.get("hardship_status", "困难") == "困难", changed


# --- VI-1: 我在辛安街道那边工地干活 一个姓刘的包工头跑了…: the street undone as part of the employer's name ----

@on_module_loop
async def test_a_street_told_as_the_site_stays_the_place(backend):
    from form_trackers import form_tracker

    from actions.slot_mappings import place_inside_employer

    text = "你好 我在辛安街道那边工地干活 一个姓刘的包工头跑了 欠我们三个月工资"
    tracker = form_tracker("wage_arrears_form", "employer", text, "wage_arrears", extracted={"district": "辛安街道"})
    assert place_inside_employer(tracker, {"employer": "辛安街道工地（姓刘的包工头）"}) == []
    tracker = form_tracker("wage_arrears_form", "employer", "青岛海纳建筑欠我工资", "wage_arrears",
                           extracted={"city": "青岛"})
    assert place_inside_employer(tracker, {"employer": "青岛海纳建筑"}), "a city inside a company's name is undone"


# --- VJ-10: 西安的环卫工 冬天工会给不给发棉衣 — the holiday form, then the wage form (谁欠的) ---------------------

@on_module_loop
@pytest.mark.parametrize("intent", ["holiday_subsidy", "wage_arrears"])
async def test_winter_care_asked_is_answered_not_a_form(backend, intent):
    text = "我在西安扫马路 环卫工 冬天工会给不给发棉衣"
    tracker = conversation([(text, intent, [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "棉衣" in said and "西安" in said, said
    assert not any(e.get("event") == "active_loop" and e.get("name") for e in events), events


# --- VI-10, VJ-14: 市南区 cut to 南区 (工作：南区一家饭店服务员, 单位：南区一家酒店) -------------------------------

def test_the_place_before_a_described_workplace_is_no_part_of_the_job():
    from actions import validators as v

    assert v.job_in_words("我在市南区一家饭店当服务员") == "饭店服务员"
    assert v.job_in_words("在港口开叉车") == "港口叉车"


def test_qingdao_shinan_is_the_city_and_its_district():
    from actions import validators as v

    rest, found = v._places_before("青岛市南区一家酒店")
    assert found == {"city": "青岛市", "district": "市南区"} and rest == "一家酒店"
    assert "南区" not in str(v.read_facts("我在青岛市南區一家酒店上班", [], v.Context()).get("employer") or "")


@pytest.mark.parametrize(("text", "job"), [("我在李沧区物流公司当仓管", "物流公司仓管"),  # VL-10: 沧区物流公司仓管
                                           ("我是黄岛港口的叉车司机", "港口叉车"),
                                           ("我在饭店当服务员", "饭店服务员")])
def test_a_place_named_is_cut_whole_from_the_job(text, job):
    from actions import validators as v

    assert v.job_in_words(text) == job


# --- VK-12: 工头跑了找不着人 这钱还有谁能给 right after the wage ticket: the form again (employer, sum, months) --

@on_module_loop
@pytest.mark.parametrize("asked", ["工头跑了找不着人 这钱还有谁能给", "包工头跑路了 那钱谁来给啊"])
async def test_a_question_about_the_wage_case_just_filed_is_answered_not_asked_again(backend, asked):
    filed = "已为您登记欠薪工单，工单号 GH202612080019，由青岛西海岸新区总工会职工服务中心负责（电话 0532-12351）。"
    tracker = conversation([("工头跑了 钱没给", "wage_arrears", ["是哪家单位（或哪个老板、包工头）欠的？"]),
                            ("确认", "affirm", [filed]),
                            (asked, "wage_arrears", [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "总承包" in said and "GH202612080019" in said, said
    assert not any(e.get("event") == "active_loop" and e.get("name") for e in events), events


@on_module_loop
async def test_another_employer_after_the_ticket_is_a_new_case(backend):
    filed = "已为您登记欠薪工单，工单号 GH202612080019，由青岛西海岸新区总工会职工服务中心负责（电话 0532-12351）。"
    tracker = conversation([("工头跑了 钱没给", "wage_arrears", ["是哪家单位（或哪个老板、包工头）欠的？"]),
                            ("确认", "affirm", [filed]),
                            ("还有一家饭店也欠我工资 咋办", "wage_arrears", [])])
    events = await ActionStartService().run(CollectingDispatcher(), tracker, DOMAIN)
    assert ("active_loop", "wage_arrears_form") in [(e.get("event"), e.get("name")) for e in events], events


# --- VK-5: the menu's own 算加班费 button (/overtime_pay) answered with the menu again, forever ----------------

@on_module_loop
@pytest.mark.parametrize("service", ["wage_arrears", "overtime_pay", "school_placement", "relief_eligibility",
                                     "holiday_subsidy", "find_station", "minimum_wage", "legal_aid"])
async def test_every_menu_button_starts_its_service_not_the_menu(backend, service):
    from actions.router import choice_buttons

    payload = choice_buttons([service])[0]["payload"]
    tracker = conversation([("你好", "greet", ["请问您想办理什么事情？"]), (payload, service, [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "请问您想办理什么事情" not in said, said
    assert said or any(e.get("event") in ("active_loop", "followup") for e in events), events


# --- VK-1: 我们线上十几个人都没发 (the production line) answered with "can I ask online" ---------------------------

@on_module_loop
async def test_a_production_line_is_no_online_contact(backend):
    from actions.facts import asked_facts

    line = conversation([("我们线上十几个人都没发 能帮我反映一下吗", "inform", [])])
    assert "union_online_contact" not in [f.get("topic") for f in await asked_facts(line)]
    online = conversation([("能不能线上咨询 不用跑过去吧", "inform", [])])
    assert "union_online_contact" in [f.get("topic") for f in await asked_facts(online)]


# --- VK-2: 加班费一分没给 能帮我算算该给多少吗 — the rule, then 您刚才还提到了“讨要欠薪” (no sum, another topic) ---

@on_module_loop
async def test_a_sum_of_overtime_asked_starts_the_overtime_form_not_another_topic(backend):
    text = "我在即墨开叉车的 上个月加了不少班 加班费一分没给 能帮我算算该给多少吗"
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, conversation([(text, "overtime_pay", [])]), DOMAIN)
    assert ("active_loop", "overtime_form") in [(e.get("event"), e.get("name")) for e in events], events
    assert "讨要欠薪" not in _said(dispatcher)


# --- VK-15: 税前2900 到手2500 in 上海 — "2,900 不低于 2,740", after saying 上海's standard leaves the insurance out ---

@on_module_loop
async def test_shanghais_minimum_is_compared_with_the_take_home_pay(backend):
    from actions.wages import ActionMinimumWage

    tracker = conversation([("上海最低工资现在是多少 我在闵行饭店后厨打杂 一个月2500 是不是低了", "minimum_wage",
                             ["上海市月最低工资标准 2740 元"]),
                            ("不对 2500是到手的 税前是2900 扣了社保公积金才2500", "inform",
                             ["好的，已更正：月工资改为2,900 元。"]),
                            ("那税前2900到手2500 到底算不算低于最低工资", "minimum_wage", [])],
                           slots={"city": "上海", "district": "闵行区", "monthly_wage": 2900})
    dispatcher = CollectingDispatcher()
    await ActionMinimumWage().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "到手 2,500 元，低于上海" in said and "每月差 240 元" in said, said
    assert "不低于" not in said, said


# --- VK-3: 物业说国庆给了我们每人一箱油一袋米 算不算加班费 — 没有现成的准确答案 ------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["物业说国庆给了我们每人一箱油一袋米 算不算加班费", "发了点米面油 能顶加班费不"])
async def test_goods_in_kind_are_no_overtime_pay(backend, text):
    from actions.facts import asked_facts

    found = await asked_facts(conversation([(text, "overtime_pay", [])]))
    assert "bonus_not_overtime" in [f.get("topic") for f in found], found


# --- VK-16: 晚上十点下班以后还能找着人吗 while queued — 没太明白 ---------------------------------------------------

@pytest.mark.parametrize("text", ["我等不了太久 要上夜班 晚上十点下班以后还能找着人吗", "周末能找得着人不"])
def test_whether_a_person_is_there_after_hours_is_an_hours_question(text):
    from actions.handoff import staff_hours_reply

    assert staff_hours_reply(text) is not None


# --- VL-15: 哦 是0014 right after a misread ticket number — the generic menu ---------------------------------

@on_module_loop
async def test_the_serial_said_after_a_misread_number_is_looked_up(backend):
    from actions.router import wrong_ticket_id

    wrong = wrong_ticket_id("那查这个 GH20261208001")
    assert wrong, "the misread reply exists"
    tracker = conversation([("那查这个 GH20261208001", "ticket_status", [wrong]), ("哦 是0014", "inform", [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert any(e.get("name") == "ticket_id" and e.get("value") == "GH202612080014" for e in events), events
    assert "请问您想办理什么事情" not in _said(dispatcher)


# --- VL-4: 我在济南 历下区 不在青岛 — the city slot took 青岛 ---------------------------------------------------

def test_a_city_the_worker_is_not_in_is_not_the_city():
    from form_trackers import form_tracker

    from actions.slot_mappings import place_not_in_undone

    tracker = form_tracker("childcare_form", "city", "我在济南 历下区 不在青岛", "inform", extracted={"city": "青岛"})
    tracker.latest_message["entities"] = [{"entity": "city", "value": "济南"}, {"entity": "city", "value": "青岛"}]
    events = place_not_in_undone(tracker)
    assert [(e["name"], e["value"]) for e in events] == [("city", "济南")], events
    tracker = form_tracker("childcare_form", "city", "我在青岛 黄岛区", "inform", extracted={"city": "青岛"})
    assert place_not_in_undone(tracker) == []


@pytest.mark.parametrize(("text", "months"), [("不对 我看了下合同 是四年 2022年进的", 48), ("干了四年 不是三年", 48),
                                              ("三年半 6000一个月", 42)])
def test_the_time_worked_corrected_is_the_one_summed(text, months):  # VL-10: the sum stayed on 三年
    from actions.legal import months_said_now

    assert months_said_now(text) == months


# --- VK-9: 嗯 我就是心里憋屈 说说好点了 这钱能帮我要吗 after the crisis reply — 您愿意说说最近发生了什么吗 ------------

@on_module_loop
async def test_the_money_asked_after_the_crisis_reply_is_taken_up(backend):
    from actions.services import ActionPsychSupport

    first = "在胶州工地干了半年 包工头一分钱没给 一个月六千 欠了三万六 孩子学费交不上 天天被催 活着真没意思"
    crisis = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
              "紧急情况请拨打 120 或 110。")
    tracker = conversation([(first, "psych_support", [crisis]),
                            ("嗯 我就是心里憋屈 说说好点了 这钱能帮我要吗", "psych_support", [])])
    events = await ActionPsychSupport().run(CollectingDispatcher(), tracker, DOMAIN)
    assert {"event": "followup", "name": "action_start_service"} in [
        {"event": e.get("event"), "name": e.get("name")} for e in events], events


# --- VL-5, VJ-13, VK-3: the same paragraph said again word for word, beside the new answer ----------------------

LAW = ("劳动争议申请仲裁的时效期间为一年，从知道或者应当知道权利被侵害之日起计算；还在职期间被拖欠工资的，"
       "不受一年时效限制，离职的应自离职之日起一年内申请仲裁。\n（来源：《中华人民共和国劳动争议调解仲裁法》第二十七条）")


@pytest.mark.parametrize(("text", "kept"), [("过了以后再要还管用吗", False), ("你再说一遍", True)])
def test_a_paragraph_just_said_is_not_said_again_beside_a_new_answer(text, kept):
    from actions.common import drop_repeated_paragraphs

    tracker = conversation([("去年3月份辞职走的 还能申请劳动仲裁吗", "legal_aid", [LAW]), (text, "legal_aid", [])])
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=LAW)
    dispatcher.utter_message(text="时效过了以后再去要，时效不会重新算。")
    drop_repeated_paragraphs(dispatcher, tracker)
    assert (LAW in _said(dispatcher)) is kept and "不会重新算" in _said(dispatcher)


def test_a_paragraph_alone_is_said_again_rather_than_nothing():
    from actions.common import drop_repeated_paragraphs

    tracker = conversation([("还能申请劳动仲裁吗", "legal_aid", [LAW]), ("啥意思", "legal_aid", [])])
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=LAW)
    drop_repeated_paragraphs(dispatcher, tracker)
    assert _said(dispatcher) == LAW


@pytest.mark.parametrize(("text", "amounts"), [("工资3500。我在厂里", [3500]), ("打碎杯子扣了300。", [300]),
                                               ("3500.5", [3500.5]), ("1.300", [])])
def test_a_figure_before_a_full_stop_is_read(text, amounts):  # VK-10: 扣了300。 lost (a full stop is "." normalised)
    from bot.normalize.numbers import find_amounts
    from bot.normalize.text import normalize_text

    assert [s.value for s in find_amounts(normalize_text(text))] == amounts


# --- VK-8: 时效不是已经过了吗 过了以后再要还管用 — read as the holiday subsidy (您是留下来过年…) -------------------

@on_module_loop
async def test_a_holiday_never_named_is_no_holiday_question(backend):
    first = ("我以前在西安一个饭店当厨师 去年3月份辞职走的 最后一个月工资4800一直没给 我也没去要过 "
             "现在还能申请劳动仲裁吗")
    tracker = conversation([(first, "legal_aid", ["劳动争议申请仲裁的时效期间为一年"]),
                            ("可我这一年多一次都没要过 时效不是已经过了吗 过了以后再要还管用？", "holiday_subsidy",
                             [])])
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "过年" not in said and "返岗" not in said, said
    assert ("active_loop", "holiday_subsidy_form") not in [(e.get("event"), e.get("name")) for e in events]


# --- VK-7: a 困难 worker's 特困 wife (自付 3,400): 暂不符合 the 特困 tier and its fee waiver, twice ----------------

@on_module_loop
async def test_the_wifes_tier_is_judged_for_her_not_listed_against_him(backend):
    from actions.relief import ActionReliefEligibility

    first = "你好，我在镇江，是工会建档的困难职工。今年自己掏的医药费大概两千五，能申请工会救助吗？"
    tracker = conversation([(first, "relief_eligibility", ["按您说的：在档困难职工，今年自付 2,500 元"]),
                            ("怎么说不符合？我老婆是特困的，她住院减免能享受吧？她今年自己也掏了三千四",
                             "relief_eligibility", [])],
                           slots={"city": "镇江市", "hardship_status": "困难", "medical_cost": 2500})
    dispatcher = CollectingDispatcher()
    await ActionReliefEligibility().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "3,400" in said and "特困职工" in said, said
    assert "只面向已建档的特困职工" not in said, said


# --- VM-3, VM-10: a month's figure for several months — 3,250 for three months' overtime, 500 for three months docked

OVERTIME_MONTH = ("按《劳动法》第四十四条计算：\n休息日加班 4 天：4,350 ÷ 21.75 × 4 × 200% = 1,600.00 元\n"
                  "合计：依法应付加班工资不少于 3,250.00 元")


def test_a_months_overtime_alike_for_three_months_is_multiplied():
    from actions.month_totals import month_times_reply

    tracker = conversation([("俺在胶州电子厂 一个月4350 平常每天都加俩钟头", "overtime_pay", [OVERTIME_MONTH]),
                            ("这是一个月的 俺三个月都这么干的 那一共多少", "inform", [])])
    assert "9,750.00" in (month_times_reply(tracker) or "")


@on_module_loop
async def test_a_sum_docked_each_month_is_multiplied_by_the_months(backend):
    first = "俺在胶州一个服装厂 一个月四千八 老板说是押金还有迟到罚款 每个月都扣俺五百 扣了仨月了 这个合法不？"
    tracker = conversation([(first, "wage_arrears", ["押金单位不能收"]), ("那仨月一共该退俺多少钱", "inform", [])])
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "1,500" in said and "一共 500 元" not in said, said


@pytest.mark.parametrize("text", ["老板欠我三个月工资 一个月五千", "一共欠了多少"])
def test_no_month_figure_no_multiplying(text):
    from actions.month_totals import month_times_reply

    assert month_times_reply(conversation([(text, "wage_arrears", [])])) is None


def test_a_sum_worked_out_again_is_said_again():  # make test's e2e: 3天 got only the tail of the sum
    from actions.common import drop_repeated_paragraphs

    total = ("按《劳动法》第四十四条计算：\n法定节假日加班 3 天：6,000 ÷ 21.75 × 3 × 300% = 2,482.76 元\n"
             "合计：不少于 2,482.76 元")
    tracker = conversation([("那国庆节加班呢", "overtime_pay", [total]), ("3天", "inform", [])])
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=total)
    dispatcher.utter_message(text="单位不按这个标准支付的，可以先和单位协商，也可以打 12333 投诉。")
    drop_repeated_paragraphs(dispatcher, tracker)
    assert "2,482.76" in _said(dispatcher)

