"""Round 56, the lead's own mends (found talking to make run as a worker, and the round's testers)."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import form_tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


# --- L-6: 不知道他叫啥 to the phone question was taken as "no phone" ------------------------------------

@pytest.mark.parametrize("text", ["不知道他叫啥", "不晓得老板电话", "包工头叫什么我也不知道"])
async def test_the_other_sides_unknown_name_is_no_refusal_of_the_phone(text):
    from actions.forms import ValidateWageArrearsForm

    dispatcher = CollectingDispatcher()
    tracker = form_tracker("wage_arrears_form", "phone", text, "inform")
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN)
    assert not any(e.get("name") == "phone" and e.get("value") == "未留" for e in events), events
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "不知道也能登记" in said and "不留电话也可以" not in said, said


@pytest.mark.parametrize("text", ["不知道", "不想留", "没有手机"])
def test_a_plain_no_to_the_phone_still_declines_it(text):
    from actions import validators as v

    assert v.declines_phone(text)


# --- L-8: a pay asked about, then another topic: the school form alone, the pay question dropped -------

def _tracker(text: str, intent: str, slots: dict | None = None):
    from form_trackers import parse
    from rasa_sdk import Tracker

    message = parse(text, intent)
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-56", slots or {}, message, events, False, None, {}, "action_listen")


@on_module_loop
@pytest.mark.parametrize("text", ["我是送外卖的 在青岛 一个月跑下来才一千九 这合法吗 还有我想让孩子在黄岛上学 没户口",
                                  "在厂里一个月才给1800 正常吗 另外孩子上学的事想问问"])
async def test_a_pay_asked_first_is_compared_before_the_other_topic(backend, text):
    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, _tracker(text, "school_placement"), DOMAIN)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    loops = [e.get("name") for e in events if e.get("event") == "active_loop"]
    assert "school_form" not in loops, (loops, said)
    assert "最低工资" in said or "minimum_wage_form" in loops, said
    assert any(e.get("name") == "next_service" and e.get("value") == "school_placement" for e in events), events


def test_a_pay_with_nothing_after_it_is_left_to_the_other_rules():
    from actions.router import pay_asked_first

    assert not pay_asked_first("一个月才一千九 这合法吗")
    assert not pay_asked_first("老板欠我一个月工资一千九 合法吗 还有孩子上学")


# --- XW-16: 老李冒菜 (a Sichuan shop) said twice, the employer asked three times -------------------------

@pytest.mark.parametrize("text,name", [("叫啥子老李冒菜 名字记不到了 还在干 就我一个 电话18200001234", "老李冒菜"),
                                       ("我说了嘛 老李冒菜", "老李冒菜"), ("单位叫老李冒菜馆", "老李冒菜馆")])
async def test_a_shop_named_in_dialect_is_the_employer(text, name):
    from actions.forms import ValidateWageArrearsForm

    dispatcher = CollectingDispatcher()
    tracker = form_tracker("wage_arrears_form", "employer", text, "inform")
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN)
    assert any(e.get("name") == "employer" and e.get("value") == name for e in events), events


@pytest.mark.parametrize("text", ["我说了嘛", "刚才说了"])
def test_only_the_complaint_is_no_name(text):
    from actions import validators as v

    assert not v.employer_answer(text).ok


# --- XX-5, XX-9, XX-15: facts of the ticket draft ----------------------------------------------------

def _facts(text: str, intent: str = "legal_aid") -> dict:
    from actions import validators as v
    from bot.normalize.text import normalize_text

    return v.read_facts(normalize_text(text), [], v.Context(intent=intent))


def test_swollen_very_high_is_no_boss_called_lao_gao():
    from actions import validators as v

    text = "初二那天在工地上搬钢管滑了一跤脚崴了 肿得老高 听说留上海过年的有个意外险 最高给多少"
    assert v.described_employer(text) is None and not v.employer_answer(text).ok
    assert v.employer_answer("老高跑了").value == "老高"  # a boss everyone calls 老高 still is one


@pytest.mark.parametrize("text,name", [("中 那你帮俺登记一下呗 厂子在黄岛 叫鑫磊建材", "鑫磊建材"),
                                       ("俺不是说了吗 鑫磊建材", "鑫磊建材")])
def test_a_building_materials_firm_is_named(text, name):
    from actions import validators as v

    assert v.employer_answer(text).value == name


def test_a_factory_in_dongguan_in_cantonese_is_no_firm_called_jianchang():
    facts = _facts("我喺東莞間廠做嘢 做咗八個月 公司一直唔同我簽合同 我想去仲裁")
    assert "间厂" not in str(facts.get("employer") or ""), facts


# --- XU-4 (hook of helper s): the overtime rate paid is no hourly wage ---------------------------------

@pytest.mark.parametrize("text", ["加班费一小时才给15块", "加班一小时给十五块钱 我工资三千五"])
def test_the_overtime_rate_paid_is_no_hourly_wage(text):
    facts = _facts(text, "overtime_pay")
    assert facts.get("wage_basis") != "hour", facts
    assert facts.get("monthly_wage") in (None, 3500), facts


# --- XX-1: a transfer told in the first message (voice input, no stops), the problem asked again -------

def test_a_child_brought_over_next_term_is_a_transfer_into_the_grade_to_come():
    facts = _facts("你好我在黄岛区辛安街道一个厂子里上班河南人孩子现在在老家上二年级想下学期接过来这边上三年级"
                   "但是我们没有青岛户口能上吗要准备啥我电话13953281234工会能不能帮忙协调一下", "school_placement")
    assert facts.get("child_grade") == "小学三年级", facts
    assert str(facts.get("school_problem") or "").startswith("转学"), facts
    assert "13953281234" not in str(facts.get("school_problem")), facts


# --- L-3 / L-5: 互助保障大病能报多少？在哪里办？ (the 在哪里办 dropped; the 16万 said twice with 怎么申请) ------

@on_module_loop
@pytest.mark.parametrize("text", ["互助保障大病能报多少？在哪里办？", "互助保障大病能报多少？怎么申请？"])
async def test_the_mutual_figure_once_then_how_to_claim(backend, text):
    from form_trackers import conversation

    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, conversation([(text, "mutual_insurance", [])]), DOMAIN)
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert said.count("160,000") == 1, said
    assert "理赔" in said or "申请" in said, said


# --- XX-10: 那我八点下班过去就关门了呗 read as 08:00 ----------------------------------------------------------

def test_eight_after_work_is_eight_at_night():
    from actions.station_text import asked_time_verdict

    hours = {"mon": ["08:30-19:30"]}
    said = asked_time_verdict(hours, "那我八点下班过去就关门了呗 晚上有没有人")
    assert "20:00" in said and "已经下班" in said, said
    assert "（08:00）" in asked_time_verdict(hours, "早上八点有人吗")


# --- XW-2: 不是初五 是初三 / 初五没上 — 初五 still counted ---------------------------------------------------

@pytest.mark.parametrize("said,days", [("不对不对 俺记错了 不是初五 是初三上的班 那这样是多少", [17, 18, 19]),
                                       ("不是啊 初一初二初三三天 初五没上", [17, 18, 19]),
                                       ("初五没上", [17, 18])])
def test_a_day_taken_back_is_no_longer_counted(said, days):
    from actions.overtime_days import added_days, read_worked_days

    before = "俺正月初一初二都上班了 初五也上了 没给调休 一个月工资4350 加班费应该给多少啊"
    found = read_worked_days(added_days(before, said) or said)
    assert [(d.month, d.day) for d in found.dates] == [(2, d) for d in days], found.dates


# --- XW-14 (hook of helper w): 隆祥's 保岗 agreement when the worker went home to 湖南 ------------------------

@on_module_loop
async def test_the_named_employers_agreement_holds_wherever_the_worker_went(backend):
    asked = "隆祥皮革的 疫情那会儿休了三个月回湖南 签了保岗协议 能拿多少"
    found = (await backend.facts(asked, city="湖南")).get("facts") or []
    said = " ".join(str(f.get("answer") or "") for f in found)
    assert "4710" in said.replace(",", "") or "4,710" in said, said


@pytest.mark.parametrize("said,days", [("初五没上", [17, 18, 19]), ("初三没上", [17, 18]),
                                       ("不是初三 是初五", [17, 18, 21])])
def test_days_taken_back_from_days_written_as_dates(said, days):
    from actions.overtime_days import days_taken_back, read_worked_days

    found = read_worked_days(days_taken_back("2026年2月17日、2026年2月18日、2026年2月19日上班", said))
    assert [(d.month, d.day) for d in found.dates] == [(2, d) for d in days], found.dates


# --- XW-8 (hook of helper w): the relief check just run is not offered again as another topic ---------------

def test_the_service_just_run_is_not_offered_again():
    from rasa_sdk import Tracker

    from actions.next_service import offer_next_service

    events = [{"event": "active_loop", "name": "relief_form"}, {"event": "active_loop", "name": None}]
    tracker = Tracker("worker-56", {"next_service": "relief_eligibility"}, {}, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert offer_next_service(dispatcher, tracker, []) == [{"event": "slot", "timestamp": None,
                                                            "name": "next_service", "value": None}]
    assert not dispatcher.messages


# --- XY-14: 周六加了四天班 哦不对是三天 — summed as four --------------------------------------------------------

@pytest.mark.parametrize("text", ["月工资6090 这个月周六加了四天班 哦不对是三天 厂里说不给钱给调休行不行",
                                  "周六加了四天班 不对 是三天"])
def test_a_count_corrected_in_the_same_message_is_the_one_summed(text):
    from actions.overtime_days import read_worked_days

    assert read_worked_days(text).rest_days == 3


# --- XX-7, XZ-5, XZ-12: 没受伤 filed for a crushed finger; 没交社保 for 交没交不知道 -----------------------------

def test_the_boss_disputing_the_injury_is_no_denial_of_it():
    from actions.tickets import _denied_points

    words = ("俺在西海岸新区一个五金厂开冲床 上礼拜手指头叫冲床砸了 缝了八针 老板说这不算工伤 俺该咋办 "
             "厂里给没给交工伤保险俺也不知道")
    assert _denied_points(words, ["受了伤", "没交社保"]) == ["受了伤"]
    assert _denied_points("我没受伤 就是老板不给钱", ["受了伤"]) == ["没受伤"]
    assert _denied_points("厂里没给交社保", []) == ["没交社保"]


# --- XY-14: 我说了不对是三天 不是四天 once three were summed: 好的，没问题 (a sign-off) ------------------------------

def test_a_correction_restating_the_days_summed_says_the_sum_again():
    from form_trackers import parse
    from rasa_sdk import Tracker

    from actions.router import flow_to_redo

    first, again = "这个月周六加了四天班 哦不对是三天 月工资6090", "我说了不对是三天 不是四天"
    events = [{"event": "user", "text": first, "parse_data": parse(first, "overtime_pay")},
              {"event": "active_loop", "name": "overtime_form"}, {"event": "active_loop", "name": None},
              {"event": "bot", "text": "休息日加班 3 天：…\n合计：依法应付加班工资不少于 1,680.00 元"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": again, "parse_data": parse(again, "deny")}]
    slots = {"overtime_days": first, "monthly_wage": 6090}
    tracker = Tracker("worker-56", slots, parse(again, "deny"), events, False, None, {}, "action_listen")
    assert flow_to_redo(tracker) == "overtime_pay"


# --- XZ-7: 俺被撵走了 咋整啊 read as pay owed --------------------------------------------------------------

@pytest.mark.parametrize("text", ["俺被撵走了 咋整啊", "老板把我赶走了 怎么办"])
def test_sent_away_in_dialect_is_a_dismissal(text):
    from actions.router import legal_not_wages

    assert legal_not_wages("wage_arrears", text) == "legal_aid"
    assert legal_not_wages("wage_arrears", "被撵走了 还欠我两个月工资") == "wage_arrears"


# --- XY-1, XZ-15 (hook of helper b): 催要过 made of a question, a denial or the ticket quoted -----------------

@pytest.mark.parametrize("words,made", [("能帮我找厂里要吗", False), ("手伤了医药费能找老板要吗", False),
                                        ("我没找过厂里要过啊", False), ("上面写的催要过 我没有催过", False),
                                        ("我催要过好几次", True), ("离职一年多了 一直在催", True)])
def test_a_demand_is_one_the_worker_made(words, made):
    from actions.time_limits import asked_for

    assert asked_for(words) is made


# --- hooks of helper d (round 57): XZ-4 the worker's own joining; XZ-2 a child at home is no stoppage --------

def test_joining_asked_for_the_worker_is_no_family_question():
    from actions.relief import family_cover_line

    text = "我是镇江的环卫工 老婆查出来重病 听说工会有个互助保障 最多能赔多少 我们这种环卫工能不能参加"
    assert family_cover_line(text, "") is None
    assert family_cover_line("我老婆没工作 能不能也参加互助保障", "") is not None


def test_a_child_at_home_is_no_stoppage_of_the_worker():
    from actions.legal import _CHILD_AT_HOME, _PAY_SAID

    text = "俺家嫚今年上三年级暑假俺俩口子都上班她爸爸还倒班孩子在家没人看着 有没有地方能帮着看孩子的"
    assert _CHILD_AT_HOME.search(text) and not _PAY_SAID.search(text)
    assert not _CHILD_AT_HOME.search("放假在家老板只给1570合法吗")


@pytest.mark.parametrize("text,read", [("俺被撵走了 咋整啊", "俺被辞退了 咋整啊"), ("老板把俺撵走了", "老板把俺辞退了"),
                                       ("把鸡撵走", "把鸡撵走")])
def test_sent_away_in_dialect_reads_as_dismissed(text, read):
    from bot.normalize.text import normalize_text

    assert normalize_text(text) == read


# --- XZ-6 / VA-16: the place of a message the NLU could not place is kept (and never an error) ------------

@on_module_loop
async def test_a_fallback_messages_place_is_kept(backend):
    from form_trackers import parse
    from rasa_sdk import Tracker

    from actions.fallback import _place_in_words

    text = "我在黄岛一个仓库干分拣 干了八个月了老板一直没跟我签那个纸 现在他说不想干就走 我能要点啥不"
    place = [{"entity": "district", "value": "黄岛", "start": 2, "end": 4}]
    message = {**parse(text, "nlu_fallback"), "entities": place}
    tracker = Tracker("worker-56", {}, message, [{"event": "user", "text": text, "parse_data": message}],
                      False, None, {}, "action_listen")
    events = await _place_in_words(tracker, text)
    assert any(e.get("name") == "district" and "黄岛" in str(e.get("value")) for e in events), events


@pytest.mark.parametrize("text", ["验证码是335671", "13912345678"])
def test_a_code_or_a_phone_is_no_medical_cost(text):
    from actions.relief import medical_cost_added

    assert medical_cost_added(text, 1800) is None
    assert medical_cost_added("加起来是2400", 1800) == 2400


# --- the station asked beside the minimum wage, the place known: said before the form's question -----------

@on_module_loop
async def test_the_station_asked_beside_a_started_form_is_said_when_the_place_is_known(backend):
    from form_trackers import conversation

    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    tracker = conversation([("青岛最低工资多少 附近有没有工会站", "minimum_wage", [])],
                           {"city": "青岛市", "district": "辛安街道"})
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "2200" in said and "辛安" in said, said


# --- hooks of helper k (round 59): VD-16 a dismissal asked about; VD-6 干包装两年了 ------------------------------

def test_a_dismissal_asked_about_is_feared_and_a_job_before_the_time_is_time_worked():
    from actions import legal

    points = legal.case_points("我在胶南一个食品厂 签了一年合同 试用期三个月 试用期不交社保合法吗 试用期能随便辞退我吗")
    assert "被辞退" not in str(points.get("case_points", "")).replace("怕被辞退", ""), points
    assert legal.case_points("我在黄岛区青岛鑫达电子干包装两年了 一直没签合同").get("time_worked") == "2年"


# --- hooks of helper i (round 59): 一天工钱350 (VC-16), 一个月才给1800 (VC-5) --------------------------------------

def test_a_days_pay_and_a_months_pay_said_with_two_words_before_the_figure():
    from actions import validators as v

    days = v.read_facts("在上海工地过年 初一到初三都上班 一天工钱350 该给多少 万一摔了有保障不", [], v.Context())
    assert days.get("monthly_wage") == 7612.5 and days.get("wage_basis") == "day", days
    said = "俺在郑州饭店端盘子 一个月才给1800 够不够最低工资 中不中啊"
    assert v.read_facts(said, [], v.Context()) == {"monthly_wage": 1800}


# --- VF-12: the status of the ticket filed here, looked up as a follow-up: then listened (not utter_default) --

@on_module_loop
async def test_the_ticket_status_listens_after_its_answer(backend):
    from form_trackers import conversation

    from actions.services import ActionTicketStatus

    dispatcher = CollectingDispatcher()
    tracker = conversation([("GH202612080013到哪一步了", "ticket_status", [])],
                           {"ticket_id": "GH202612080013", "phone": "15866231045"})
    events = await ActionTicketStatus().run(dispatcher, tracker, DOMAIN)
    assert {"event": "followup", "timestamp": None, "name": "action_listen"} in events, events


# --- the lead's check: 欠俺们仨人工资 (the head count asked), 不知道他叫啥 to it (filed 人数：不清楚) -------------

@pytest.mark.parametrize("text,count", [("一个姓刘的包工头欠俺们仨人工资", 3), ("欠我们俩人工资", 2)])
def test_three_of_us_in_dialect_is_the_head_count(text, count):
    from actions import validators as v

    assert v.head_count_in(text) == count


async def test_the_bosss_name_unknown_is_no_unknown_head_count():
    from actions.forms import ValidateWageArrearsForm

    dispatcher = CollectingDispatcher()
    tracker = form_tracker("wage_arrears_form", "workers_affected", "不知道他叫啥", "inform")
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN)
    assert not any(e.get("name") == "workers_affected" and e.get("value") == "不清楚" for e in events), events
