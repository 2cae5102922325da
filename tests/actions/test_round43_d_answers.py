"""Round 43 (testers YU, YV): answers to service questions on the real seeded backend — the fare
asked about over the Spring Festival (YU-15), an employer's agreement told to everyone (YU-03),
legal aid outside the union's area (YV-15), the mutual cover asked for a place (YV-16), and
where to apply right after a service's answer (YV-04)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService
from actions.service_catalog import asks_where_to_apply
from actions.subsidies import ActionHolidaySubsidy, same_employer

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


def talk(earlier: list[tuple[str, str, str]], text: str, intent: str, slots: dict,
         entities: list[dict] | None = None) -> Tracker:
    """The tracker after the worker's ``earlier`` messages (text, intent, what the bot said)."""
    events: list[dict] = []
    for said, said_intent, bot in earlier:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, said_intent)},
                   {"event": "bot", "text": bot}]
    message = parse(text, intent, entities)
    events += [{"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": message},
               *({"event": "slot", "name": k, "value": v} for k, v in slots.items())]
    return Tracker("worker-43d", dict(slots), message, events, False, None, {}, "action_listen")


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


async def entry_reply(tracker: Tracker) -> str:
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    return said(dispatcher)


async def subsidy_reply(tracker: Tracker) -> str:
    dispatcher = CollectingDispatcher()
    await ActionHolidaySubsidy().run(dispatcher, tracker, DOMAIN)
    return said(dispatcher)


# -- YU-15: 不回家过年的人路费咋报 --------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize("text", ["不回家过年的人路费咋报", "留在广东过年 车票能报不", "过年不回去 回家的钱谁给报"])
async def test_a_fare_asked_where_the_measures_have_none_is_told_so(backend, text):
    """YU-15: the fare asked, and 广东's measures (gifts, no fare) said as if they answered it."""
    reply = await subsidy_reply(talk([], text, "holiday_subsidy", {"city": "广东", "holiday_situation": "stay"}))
    assert "三心套餐" in reply, reply
    assert "没有路费（车费）补贴这一项" in reply and "12351" in reply, reply


@on_module_loop
async def test_no_fare_line_when_the_fare_is_not_asked(backend):
    reply = await subsidy_reply(talk([], "留在广东过年有啥补贴", "holiday_subsidy",
                                     {"city": "广东", "holiday_situation": "stay"}))
    assert "三心套餐" in reply and "路费" not in reply, reply


@on_module_loop
async def test_no_fare_line_when_the_agreement_pays_the_fare(backend):
    reply = await subsidy_reply(talk([], "过年回家的路费能报吗", "holiday_subsidy",
                                     {"city": "福鼎", "employer": "隆祥皮革", "holiday_situation": "return"}))
    assert "100%路费" in reply and "没有路费（车费）补贴这一项" not in reply, reply


# -- YU-03: 隆祥's agreement told to every worker of 福鼎 ------------------------------------------

@on_module_loop
@pytest.mark.parametrize("slots", [{"city": "福鼎"}, {"city": "福鼎", "holiday_situation": "stay"}])
async def test_an_employers_agreement_is_not_the_places_measure(backend, slots):
    """YU-03: a subsidy answer carried 隆祥's red envelope and guaranteed wage as 当地工会的过年措施."""
    reply = await subsidy_reply(talk([], "过年不回去有啥补贴", "holiday_subsidy", slots))
    assert "500元红包" not in reply and "当地工会的过年措施" not in reply, reply
    assert "只对这家单位的职工有效" in reply and "隆祥皮革有限公司" in reply, reply


@on_module_loop
async def test_the_agreement_is_told_to_its_own_workers(backend):
    reply = await subsidy_reply(talk([], "过年不回去有啥补贴", "holiday_subsidy",
                                     {"city": "福鼎", "employer": "隆祥", "holiday_situation": "stay"}))
    assert "500元红包" in reply and "只对这家单位的职工有效" not in reply, reply


@on_module_loop
async def test_another_employer_in_fuding_hears_no_agreement(backend):
    reply = await subsidy_reply(talk([], "过年不回去有啥补贴", "holiday_subsidy",
                                     {"city": "福鼎", "employer": "恒泰塑胶", "holiday_situation": "stay"}))
    assert "隆祥" not in reply and "500" not in reply, reply


def test_same_employer_reads_short_names():
    assert same_employer("隆祥皮革有限公司", "隆祥")
    assert not same_employer("隆祥皮革有限公司", "恒泰塑胶")
    assert not same_employer("隆祥皮革有限公司", None)


# -- YV-15: 成都这边有法律援助不 -----------------------------------------------------------------

@on_module_loop
@pytest.mark.parametrize(("text", "city"), [("成都这边有法律援助不", "成都"), ("我在成都 能找工会法律援助吗", "成都"),
                                            ("在西安 能找法律援助不", "西安")])
async def test_legal_aid_outside_the_unions_area_says_what_is_true_there(backend, text, city):
    """YV-15: the union's paragraph and a ticket 转给您所在的网格工作站, nothing about the city."""
    reply = await entry_reply(talk([], text, "legal_aid", {"city": city},
                                   [{"entity": "city", "value": city}]))
    assert "12348" in reply and "法律援助中心" in reply and "司法局" in reply, reply
    assert "当地的法律援助机构我这里没有收录" in reply and city in reply, reply
    assert "总工会职工服务中心" in reply and "12351" in reply, reply


@on_module_loop
async def test_legal_aid_at_a_grid_station_is_not_told_it_is_elsewhere(backend):
    reply = await entry_reply(talk([], "辛安这边有法律援助不", "legal_aid", {"district": "辛安街道"},
                                   [{"entity": "district", "value": "辛安街道"}]))
    assert "没有收录具体地址" not in reply, reply


# -- YV-16: 我在青岛能参加不 after the mutual cover ------------------------------------------------

MUTUAL = ("互助保障是啥", "mutual_insurance",
          "职工互助保障：职工互助保障是工会组织的互助互济保障，一般包括重大疾病、住院医疗、意外伤害、女职工特殊疾病等，"
          "通过单位工会参加，出险后凭病历、诊断和费用票据申请给付。")


@on_module_loop
@pytest.mark.parametrize(("text", "city"), [("我在青岛能参加不", "青岛"), ("青岛有没有这个", "青岛"),
                                            ("俺在青岛 能不能入", "青岛")])
async def test_the_mutual_cover_asked_for_a_place_gets_that_places_answer(backend, text, city):
    """YV-16: the same general paragraph again."""
    reply = await entry_reply(talk([MUTUAL], text, "nlu_fallback", {"city": city},
                                   [{"entity": "city", "value": city}]))
    assert "青岛" in reply and "没有收录" in reply and "单位的工会" in reply, reply
    assert "一般包括重大疾病" not in reply, reply


@on_module_loop
async def test_the_mutual_cover_asked_for_zhenjiang_gets_its_scheme(backend):
    reply = await entry_reply(talk([MUTUAL], "那镇江能参加不", "nlu_fallback", {"city": "镇江"},
                                   [{"entity": "city", "value": "镇江"}]))
    assert "镇江" in reply and "16万" in reply and "没有收录" not in reply, reply


# -- YV-04: 那我去哪申请 after a service's answer ------------------------------------------------

@pytest.mark.parametrize("text", ["那我去哪申请", "找谁申请呢", "去哪里办啊", "申请的话去哪", "那怎么申请"])
def test_where_to_apply_is_heard(text):
    assert asks_where_to_apply(text)


@pytest.mark.parametrize("text", ["去哪办居住证", "去哪里打工好", "我在哪个区", "申请仲裁要多久"])
def test_other_questions_are_not_where_to_apply(text):
    assert not asks_where_to_apply(text)


RELIEF = ("俺在镇江 自己掏了3500医药费 能申请救助不", "relief_eligibility",
          "根据您的情况，可以申请：\n✔ 镇江困难职工医疗救助。")
SCHOOL = ("孩子没有本地户口能在这边上小学吗", "school_placement",
          "随迁子女一般凭父母居住证、务工证明（劳动合同或社保缴纳记录）、户口簿和出生证明等，向居住地区（县）教育部门申请义务教育阶段入学。")
SUBSIDY = ("留在广东过年有补贴吗", "holiday_subsidy",
           "当地工会的过年措施：\n· 广东：“三心套餐”情暖留粤农民工：……")


@on_module_loop
@pytest.mark.parametrize(("earlier", "slots", "expected"), [
    (RELIEF, {"city": "镇江"}, ["困难救助要本人向工会申请", "镇江市总工会职工服务中心", "身份证"]),
    (SCHOOL, {"district": "辛安街道"}, ["教育部门", "预防接种证", "辛安"]),
    (SUBSIDY, {"city": "广东"}, ["单位工会", "登记领取", "12351"]),
])
async def test_where_to_apply_after_a_service_answer(backend, earlier, slots, expected):
    """YV-04: 那我去哪申请 right after the answer got the menu."""
    reply = await entry_reply(talk([earlier], "那我去哪申请", "nlu_fallback", slots))
    assert all(word in reply for word in expected), reply
    assert "请问您想办理什么事情" not in reply, reply
