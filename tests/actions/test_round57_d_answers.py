"""Round 57, helper d: the XZ / XY testers' defects in the services, the stations, who we are and the
policy records (XZ-4, XZ-10, XZ-16, XY-8). What needs the router, the fallback or another helper's
module is in /work/indep/hooks-d.md."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def talk(turns, slots=None, entities=None):
    tracker = conversation(turns, slots)
    tracker.latest_message["entities"] = entities or []
    return tracker


# --- XZ-4: 最多賠多少錢 read as a fee question (互助保障收不收费…没有收录) ---------------------------------

# (the action server gets the message as the NLU normalized it: simplified characters)
MUTUAL_FIRST = ("我是镇江的环卫工 老婆查出来重病 听说工会有个互助保障 最多能赔多少 我们这种环卫工能不能参加",
                "mutual_insurance",
                ["您老婆能不能一起参加互助保障、看病住院能不能报，我这里的资料没有写明，没法给您准话。资料里只说了："
                 "① 职工互助保障一般由所在单位的工会统一组织参加，职工个人不用单独去买。"
                 "（来源：中国职工保险互助会及各地工会互助保障办法（以当地为准）；镇江市总工会（《工人日报》2021年1月报道））"])


@pytest.mark.parametrize("text", ["我问的是最多赔多少钱 环卫工能不能参加 你还没说", "能领多少钱", "最多能给付多少钱",
                                  "我問的是最多賠多少錢"])
def test_a_payout_asked_is_no_fee(text):
    from actions.services import asks_the_fee
    from bot.normalize.text import normalize_text

    assert not asks_the_fee(text) and not asks_the_fee(normalize_text(text))


@pytest.mark.parametrize("text", ["要钱吗", "培训多少钱", "收不收费", "要交多少钱"])
def test_the_fee_is_still_asked(text):
    from actions.services import asks_the_fee

    assert asks_the_fee(text)


@on_module_loop
async def test_the_maximum_asked_again_gets_the_maximum_not_the_fee(backend):
    from actions.fallback import ActionFallbackStep

    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, talk(
        [MUTUAL_FIRST, ("我问的是最多赔多少钱 环卫工能不能参加 你还没说", "nlu_fallback", [])],
        {"city": "镇江", "occupation": "sanitation"}), DOMAIN)
    reply = said(dispatcher)
    assert "16万" in reply and "环卫工" in reply, reply
    assert "收不收费" not in reply, reply


# --- XZ-10: 本地是哪儿 / 能帮我登记不 after another city's card (the card again, then 帮不上忙) ------------

CHENGDU_CARD = ("武侯区没有本热线的工会网格工作站（本热线的网格工作站只在本地）；"
                "那边的事请找当地工会，或打职工服务热线 12351 转当地工会。\n当地工会：成都市总工会职工服务中心\n"
                "地址：成都市（具体位置请先打电话问清楚）\n电话：12351\n"
                "服务时间：我这里没有收录，去之前先打 12351 问清楚")
CHENGDU = {"city": "成都市", "district": "成都武侯区", "occupation": "rider"}


@pytest.mark.parametrize("text", ["本地是哪儿 那我在成都出了事你们能帮我登记不",
                                  "你还没回答我 你们本地是哪个城市 能不能帮我登记",
                                  "你们是哪个城市的", "你们在哪个城市"])
def test_which_place_the_hotline_is_of_is_asked(text):
    from actions.service_catalog import asks_who_we_are

    assert asks_who_we_are(text)


@pytest.mark.parametrize("text", ["我本地是哪儿", "你们工会在哪", "我在成都 本地的工会在哪", "这补贴是哪个单位发的"])
def test_other_place_questions_are_not_it(text):
    from actions.service_catalog import asks_who_we_are

    assert not asks_who_we_are(text)


@on_module_loop
async def test_the_hotlines_place_and_a_case_far_away_are_answered(backend):
    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, talk(
        [("我在成都武侯区送外卖的 离我最近的工会服务站在哪里嘛", "find_station", [CHENGDU_CARD]),
         ("本地是哪儿 那我在成都出了事你们能帮我登记不", "inform", [])], CHENGDU,
        [{"entity": "city", "value": "成都"}]), DOMAIN)
    reply = said(dispatcher)
    assert "青岛西海岸新区总工会" in reply, reply
    assert "能登记" in reply and "成都市总工会职工服务中心" in reply, reply
    assert "地址：" not in reply, reply  # (not the card again)
    assert not any(e.get("event") == "active_loop" and e.get("name") for e in events), events


@on_module_loop
async def test_asked_again_out_of_scope_it_is_no_refusal(backend):
    from actions.fallback import ActionOutOfScope

    dispatcher = CollectingDispatcher()
    await ActionOutOfScope().run(dispatcher, talk(
        [("我在成都武侯区送外卖的 离我最近的工会服务站在哪里嘛", "find_station", [CHENGDU_CARD]),
         ("本地是哪儿 那我在成都出了事你们能帮我登记不", "inform", [CHENGDU_CARD]),
         ("你还没回答我 你们本地是哪个城市 能不能帮我登记", "out_of_scope", [])], CHENGDU), DOMAIN)
    reply = said(dispatcher)
    assert "帮不上忙" not in reply and "青岛" in reply and "能登记" in reply, reply


def test_another_citys_card_names_the_hotlines_city():
    from actions.station_text import wider_station_note

    note = wider_station_note({"city": "成都市", "district": "武侯区"},
                              {"code": "CD", "name": "成都市总工会职工服务中心"})
    assert "只在青岛市" in note and "只在本地" not in note, note


# --- XZ-16: 网上能学的课 answered with 会e通; the cancelled dismissal written on the training sign-up -----

DISMISSAL_DROPPED = [("我在黄岛区上班 上个礼拜被公司辞了 想问问怎么弄", "legal_aid",
                      ["要不要我帮您登记一张律师咨询（法律援助）工单"]),
                     ("算了不办了 想想也是我自己不想干了", "cancel",
                      ["好的，已经取消了，刚才的内容不会提交。还有别的事需要帮忙吗？"])]
HUANGDAO = {"city": "青岛市", "district": "黄岛区"}


@on_module_loop
async def test_a_course_online_is_the_courses_answer(backend):
    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, talk(
        [*DISMISSAL_DROPPED, ("那工会有没有网上能学的课 我想考个叉车证", "skills_training", [])], HUANGDAO), DOMAIN)
    reply = said(dispatcher)
    assert "会e通" not in reply and not reply.startswith("能。"), reply
    assert "叉车证" in reply and "考证" in reply and "12351" in reply, reply


@on_module_loop
async def test_the_online_service_is_still_answered(backend):
    from actions.facts import asked_facts

    tracker = talk([("我闺女在灵珠山街道 手机上网上能不能办 不用跑过去", "inform", [])],
                   {"city": "青岛市", "district": "灵珠山街道"})
    found = await asked_facts(tracker)
    assert any("会e通" in str(f.get("answer")) for f in found), found


@on_module_loop
async def test_the_training_sign_up_leaves_the_cancelled_case_out(backend):
    from actions.services import ActionSkillsTraining

    dispatcher = CollectingDispatcher()
    events = await ActionSkillsTraining().run(dispatcher, talk(
        [*DISMISSAL_DROPPED,
         ("我问的是学技术的课 考叉车证 青岛这边有没有", "skills_training", ["工会的职工书院和职工服务中心有技能培训"]),
         ("那帮我登记一下 叉车证培训 电话18753216540", "skills_training", [])], {**HUANGDAO, "phone": "18753216540"}),
        DOMAIN)
    case = next((e["value"] for e in events if e.get("name") == "pending_case"), None)
    assert case and case["facts"]["service"] == "技能培训报名", events
    assert "辞" not in case["facts"]["question"] and "叉车证培训" in case["facts"]["question"], case


def test_sign_up_words_without_a_drop_are_the_case_words():
    from actions.facts import case_words
    from actions.services import sign_up_words

    tracker = talk([("孩子三年级 暑假没人看", "childcare_service", ["托管驿站"]), ("咋报名", "childcare_service", [])])
    assert sign_up_words(tracker) == case_words(tracker)


# --- XY-8: 年货点样攞 外卖仔有冇另外嘅嘢 (the records had no answer) ---------------------------------------

@on_module_loop
@pytest.mark.parametrize("parts,expect", [(["年货点样攞 外卖仔有冇另外嘅嘢"], ["快递到家", "御寒物品", "利是封"]),
                                          (["年货点样攞", "外卖仔有冇另外嘅嘢"], ["快递到家", "御寒物品", "利是封"]),
                                          (["年货怎么领"], ["快递到家", "12351"]),
                                          (["送外卖的有没有另外的东西"], ["御寒物品", "利是封"])])
async def test_how_the_goods_come_and_what_riders_get_are_on_record(backend, parts, expect):
    from bot.normalize.text import normalize_text

    answers = ""
    for part in parts:  # (each part of the message as the action server asks the backend: normalized)
        found = (await backend.facts(normalize_text(part), city="广东")).get("facts") or []
        answers += " ".join(str(f.get("answer")) for f in found)
    assert all(word in answers for word in expect), answers


@on_module_loop
async def test_the_riders_record_is_guangdongs_only(backend):
    found = (await backend.facts("送外卖的有没有另外的东西", city="上海")).get("facts") or []
    assert not any("御寒物品" in str(f.get("answer")) for f in found), found


# --- XZ-2: the childcare record answered, then the station and the sign-up (hook d-1 starts them) ------

CHILDCARE_ASKED = ("俺家嫚今年上三年级暑假俺俩口子都上班她爸爸还倒班孩子在家没人看着"
                   "俺在辛安街道这边住有没有地方能帮着看孩子的")


@on_module_loop
async def test_the_childcare_station_after_its_record_says_the_record_once(backend):
    from actions.services import ActionChildcare

    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text="青岛西海岸新区辛安街道沂河路社区工会网格工作站设有职工子女爱心托管驿站。…")
    events = await ActionChildcare().run(dispatcher, talk(
        [(CHILDCARE_ASKED, "childcare_service", [])],
        {"city": "青岛市", "district": "辛安街道", "child_grade": "小学三年级"},
        [{"entity": "district", "value": "辛安街道"}]), DOMAIN)
    reply = said(dispatcher)
    assert "职工子女爱心托管：" not in reply, reply
    assert "沂河路社区工会网格工作站" in reply and "地址：" in reply, reply
    case = next((e["value"] for e in events if e.get("name") == "pending_case"), None)
    assert case and case["facts"]["service"] == "职工子女爱心托管报名", events
