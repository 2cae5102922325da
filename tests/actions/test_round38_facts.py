"""Round 38 (ZW money, ZX others): questions whose answer is on record — in the 2021 union
report or the law — and got 没有现成的准确答案, a paragraph said again, or another record.
Each is asked the way the worker asked it, in the dialogue step that got it, against the real
backend (tests/facts: its app on a temporary SQLite database seeded from bot/seed)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.facts import applied_day_pay
from actions.fallback import ActionDenyNoContext
from actions.forms import ValidateTicketOfferForm
from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


def talk(earlier: list[tuple[str, str]], text: str, intent: str, slots: dict,
         form: str | None = None, entities: list | None = None) -> Tracker:
    """The tracker after the worker's ``earlier`` messages (text, what the bot said) and ``text``;
    ``form``: the form open, its question (requested_slot) in ``slots``."""
    events: list[dict] = []
    for said, bot in earlier:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": said, "parse_data": parse(said, "inform")},
                   {"event": "bot", "text": bot}]
    message = parse(text, intent, entities)
    events += [{"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": message},
               *([{"event": "action", "name": form}] if form else [])]
    return Tracker("worker-38-facts", dict(slots), message, events, False, None,
                   {"name": form} if form else {}, "action_listen")


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


async def offer_reply(tracker: Tracker) -> str:
    dispatcher = CollectingDispatcher()
    await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN)
    return texts(dispatcher)


async def entry_reply(tracker: Tracker) -> str:
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    return texts(dispatcher)


FIRST = "我在福田送快递的 听说福田职工数院可以学东西 能考电工正吗"
FUTIAN = {"city": "深圳市", "district": "福田区", "occupation": "courier", "requested_slot": "wants_ticket",
          "pending_case": {"type": "other", "facts": {"question": FIRST, "service": "技能培训报名"}}}


@on_module_loop
async def test_calligraphy_for_a_wife_at_a_supermarket_is_the_academys_course(backend):
    """ZX-03: 我老婆想学毛笔字 她在超市上班 也能去不 on the training offer got 没有现成的准确答案,
    though 书法 is one of the first 12 tutors' fields; then 不是有书法老师吗 got the mini-program only."""
    earlier = [(FIRST, "福田职工书院：“1+1+10+N”教学体系")]
    reply = await offer_reply(talk(earlier, "我老婆想学毛笔字 她在超市上班 也能去不", "nlu_fallback", FUTIAN,
                                   "ticket_offer_form"))
    assert "书法" in reply and "福田工会通" in reply and "各类职工" in reply, reply
    assert "没有现成的准确答案" not in reply
    again = await offer_reply(talk(earlier, "不是有书法老师吗？那个小程序叫啥 我自己在手机上报行不",
                                   "nlu_fallback", FUTIAN, "ticket_offer_form"))
    assert "学毛笔字就是书法" in again and "不用下载安装" in again, again


SHANGHAI = {"city": "上海市", "holiday_situation": "stay", "occupation": "construction", "holiday": "初三",
            "requested_slot": "wants_ticket", "pending_case": {"type": "subsidy_application", "facts": {
                "programmes": ["sh_builder_accident_cover"], "situation": "stay", "occupation": "construction"}}}
FELL = "过年没回家留在上海工地 初三那天从脚手架上摔下来 脚脖子骨折了 包工头说我是临时工不算工伤 这咋整"


@on_module_loop
async def test_a_temporary_worker_without_a_contract_is_told_yes(backend):
    """ZX-05: 我啥合同都没签 临时工也能算工伤？ got the 工伤认定 paragraph word for word again,
    with no yes or no: a de-facto labour relationship counts, and the 包工头's principal bears it."""
    reply = await entry_reply(talk([(FELL, "受了工伤，单位应当自事故伤害发生之日起30日内")],
                                   "我啥合同都没签 临时工也能算工伤？", "legal_aid", SHANGHAI, "ticket_offer_form"))
    assert "临时工也一样" in reply and "事实劳动关系" in reply and "用工主体责任" in reply, reply
    assert "劳社部发〔2005〕12号" in reply


@on_module_loop
async def test_the_unions_accident_cover_and_the_work_injury_both(backend):
    """ZX-05: 那工会那个两万的意外保障和工伤能一块拿不 got the no-contract double-wage rule."""
    reply = await entry_reply(talk(
        [(FELL, "受了工伤"), ("我啥合同都没签 临时工也能算工伤？", "没签劳动合同也能认定工伤")],
        "那工会那个两万的意外保障和工伤能一块拿不", "mutual_insurance", SHANGHAI, "ticket_offer_form",
        [{"entity": "amount", "value": 20000}]))
    assert "两样都可以申请" in reply and "2万元" in reply and "工伤认定" in reply, reply
    assert "二倍工资" not in reply


LONGXIANG = {"employer": "隆祥皮革", "city": "福鼎市", "holiday_situation": "stay", "holiday": "过年",
             "requested_slot": "wants_ticket", "pending_case": {"type": "subsidy_application", "facts": {
                 "programmes": [], "situation": "stay", "employer": "隆祥皮革"}}}


@on_module_loop
async def test_the_festivals_multiplier_asked_after_staying_gets_the_days_figures(backend):
    """ZW-15: 按法律规定是几倍 我一个月大概四千出头 right after 过年留在厂里有啥好处 got
    没有现成的准确答案: 300 % / 200 %, and at 4,000 a month 551.72 and 367.82 a day."""
    earlier = [("那过年留在厂里有啥好处", "隆祥皮革有限公司春节集体协议：…春节加班按法律规定支付加班工资")]
    reply = await offer_reply(talk(earlier, "按法律规定是几倍 我一个月大概四千出头", "nlu_fallback",
                                   LONGXIANG, "ticket_offer_form", [{"entity": "amount", "value": 4000}]))
    assert "300%" in reply and "200%" in reply, reply
    assert "183.91" in reply and "551.72" in reply and "367.82" in reply, reply
    assert "没有现成的准确答案" not in reply


def test_a_monthly_pay_said_as_about_so_much_is_the_pay():
    """ZW-15: 我一个月大概四千出头 — 大概 between 一个月 and the sum."""
    lines = applied_day_pay([{"topic": "overtime_spring_festival"}], "我一个月大概四千出头")
    assert lines and "551.72" in lines[0] and "月工资 4,000 元" in lines[0], lines


@on_module_loop
async def test_the_mutual_cover_maximum_said_by_voice_gets_the_figure(backend):
    """ZW-08: 胡主保障重大急病最高陪多少 (互助保障 重大疾病 最高赔多少) got the general paragraph;
    the 160,000 came only when asked again."""
    reply = await entry_reply(talk([], "胡主保障重大急病最高陪多少", "mutual_insurance", {}))
    assert "16万" in reply and "160,000" in reply, reply
    assert "别的地方以当地工会的方案为准" in reply


@on_module_loop
async def test_the_occupational_disease_contract_of_longan_is_told(backend):
    """ZX-15: 听说去年签了个啥职业病的合同 这个能管我这个不 (隆祥皮革, 龙安开发区) got the general
    legal-aid paragraph; the 2020 sector contract was never mentioned."""
    text = "我在福鼎龙安开发区隆祥皮革做贴合工 车间味道大 这半年老是咳嗽 听说去年签了个啥职业病的合同 这个能管我这个不"
    reply = await entry_reply(talk([], text, "legal_aid", {}, entities=[
        {"entity": "city", "value": "福鼎"}, {"entity": "district", "value": "龙安开发区"},
        {"entity": "employer", "value": "隆祥皮革"}]))
    assert "职业病防治专项集体合同" in reply and "2020年" in reply and "第三十五条" in reply, reply
    assert "福鼎市总工会" in reply


@on_module_loop
async def test_which_union_in_fuding_on_the_school_offer_gets_its_card(backend):
    """ZX-15: 我问你福鼎这边找哪个工会 on the school ticket offer got the offer again."""
    slots = {"employer": "隆祥皮革", "city": "福鼎", "district": "龙安开发区", "requested_slot": "wants_ticket",
             "pending_case": {"type": "school_placement", "facts": {"child_grade": "小学一年级"}}}
    reply = await offer_reply(talk([("还没报名 就先问问 福鼎这边我找哪个工会", "工会帮过类似的忙")],
                                   "我问你福鼎这边找哪个工会", "nlu_fallback", slots, "ticket_offer_form",
                                   [{"entity": "city", "value": "福鼎"}]))
    assert "福鼎市总工会职工服务中心" in reply and "电话" in reply, reply


@on_module_loop
async def test_the_west_coast_union_online_is_the_reports(backend):
    """ZX-09: 我是问手机上网上能不能办 不用跑过去 (read as no) got 好的，没问题: the report's
    会e通 platform and union app, off-hours service, and the ticket here."""
    dispatcher = CollectingDispatcher()
    await ActionDenyNoContext().run(dispatcher, talk(
        [("我闺女在灵珠山街道住 她那边有没有", "青岛西海岸新区总工会职工服务中心"),
         ("她下班都晚上八九点了 网上能办不", "服务时间：周一至周五 08:30-19:30")],
        "我是问手机上网上能不能办 不用跑过去", "deny", {"city": "青岛市", "district": "灵珠山街道"}), DOMAIN)
    reply = texts(dispatcher)
    assert "会e通" in reply and "错时服务" in reply and "没问题" not in reply, reply
