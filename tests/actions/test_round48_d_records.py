"""Round 48 (testers XG, XH), helper d: questions whose answer is on record, asked in the
worker's words.

XG-6: 那去年放假三个月那个保底钱是好多 一共好多嘛 (贵州: 好多 = 多少) got the year disclaimer; 隆祥's
record has 1,570 × 3 = 4,710 and the 1,000 return fare. XH-3: 有网上上的吗 想学拍照 and 福田公会通在哪下
got no answer (the 福田工会通 mini-program, the 摄影 tutor); the academy's first answer had no source.
XH-4: 俺是建了档的困难职工 上哪申请 on the 镇江 mutual-cover offer got the offer again. On the real
seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation, parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.facts import WHICH_YEAR, answer_in_topic
from actions.router import ActionStartService
from actions.services import ActionSkillsTraining

on_module_loop = pytest.mark.asyncio(loop_scope="module")


def _in_form(form: str, text: str, slots: dict, intent: str = "inform", before: str = "") -> Tracker:
    events = [*([{"event": "action", "name": "action_listen"},
                 {"event": "user", "text": before, "parse_data": parse(before, intent)}] if before else []),
              {"event": "active_loop", "name": form}, {"event": "bot", "text": "…"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    return Tracker("worker-48d", slots, parse(text, intent), events, False, None, {"name": form}, "action_listen")


LONGXIANG = {"employer": "隆祥皮革有限公司", "requested_slot": "city"}


@on_module_loop
@pytest.mark.parametrize("text", ["要得 那去年放假三个月那个保底钱是好多 一共好多嘛",
                                  "去年停工那三个月保底一共多少钱", "去年放假那三个月 总共能拿多少"])
async def test_last_years_guarantee_is_summed_not_disclaimed(backend, text):
    """XG-6: the sum of 隆祥's 2020 record, not 上面写的是哪一年就是哪一年的."""
    reply = "\n".join(await answer_in_topic(_in_form("holiday_subsidy_form", text, LONGXIANG)))
    assert "4710" in reply and "1000" in reply, reply
    assert WHICH_YEAR not in reply, reply


@on_module_loop
async def test_which_year_alone_still_gets_the_disclaimer(backend):
    """A near miss: 这个是今年的政策吗 还是以前的 asks the year, no sum."""
    reply = await answer_in_topic(_in_form("holiday_subsidy_form", "这个是今年的政策吗 还是以前的", LONGXIANG))
    assert reply == [WHICH_YEAR], reply


# --- XH-3: 福田 ------------------------------------------------------------------------------

FUTIAN = {"city": "深圳", "district": "福田"}
COURSES = ("福田职工书院首批12位名师入驻，课程覆盖美术、主持、象棋、摄影、健康、舞蹈、声乐、书法及职业技术；线上可用"
           "“福田工会通”小程序和直播课堂，线下有10个街道职工服务中心和园区楼宇流动课堂。")


async def _router(turns, slots) -> str:
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, conversation(turns, slots), DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("text", ["我白天跑单 晚上才有空 有网上上的吗 想学拍照", "想学拍照 有老师吗",
                                  "有没有教照相的课"])
async def test_photography_and_online_are_answered(backend, text):
    reply = await _router([("我在深圳福田送快递 福田职工书苑有啥课", "skills_training", [COURSES]),
                           (text, "skills_training", [])], FUTIAN)
    assert "就有摄影老师" in reply and "在微信里搜“福田工会通”" in reply, reply
    assert "没有现成的准确答案" not in reply and "报名方法" not in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["福田公会通在哪下", "福田工会通去哪下载", "那个工会通咋装"])
async def test_the_mini_program_needs_no_download(backend, text):
    reply = await _router([("我在深圳福田送快递 福田职工书苑有啥课", "skills_training", [COURSES]),
                           (text, "skills_training", [])], FUTIAN)
    assert "微信里搜“福田工会通”" in reply and "不用下载" in reply, reply
    assert "报名方法" not in reply, reply


@on_module_loop
async def test_the_academy_answer_says_its_source(backend):
    """XH-3 T1: the 1+1+10+N answer with no source line."""
    dispatcher = CollectingDispatcher()
    await ActionSkillsTraining().run(dispatcher, conversation([("福田职工书院是干啥的", "skills_training", [])],
                                                              FUTIAN), DOMAIN)
    reply = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "1+1+10+N" in reply and "来源：《工人日报》2021年1月报道" in reply, reply


# --- XH-4: 镇江, where to apply --------------------------------------------------------------

MUTUAL_CASE = {"type": "mutual_insurance", "facts": {"question": "镇江的大病互助保障最多能赔多少"}}


@on_module_loop
@pytest.mark.parametrize("text", ["俺是建了档的困难职工 上哪申请", "我是在档的困难职工 去哪申请",
                                  "建档的困难职工找谁申请"])
async def test_a_registered_worker_is_told_where_to_apply(backend, text):
    tracker = _in_form("ticket_offer_form", text, {"city": "镇江", "pending_case": MUTUAL_CASE,
                                                    "requested_slot": "wants_ticket"}, "relief_eligibility")
    reply = "\n".join(await answer_in_topic(tracker))
    assert "单位工会" in reply and "镇江市总工会职工服务中心" in reply, reply
    assert "2000" in reply and "医疗救助" in reply, reply


@on_module_loop
async def test_a_worker_elsewhere_gets_no_zhenjiang_lines(backend):
    """A near miss: 上海 has no relief record — no 镇江 relief lines (the general claim steps may come)."""
    tracker = _in_form("ticket_offer_form", "俺是建了档的困难职工 上哪申请",
                       {"city": "上海", "pending_case": MUTUAL_CASE, "requested_slot": "wants_ticket"})
    reply = "\n".join(await answer_in_topic(tracker))
    assert "2000" not in reply and "医疗救助" not in reply, reply


@on_module_loop
async def test_where_to_apply_after_the_mutual_offer_through_the_router(backend):
    """XH-4 T4 as make run reads it: the offer steps aside for relief_eligibility, and the
    entry action answers (it got the offer again, no answer)."""
    offer = "要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 地点：镇江"
    reply = await _router([("镇江的大病互助保障最多能赔多少", "mutual_insurance", ["…16万元…", offer]),
                           ("俺是建了档的困难职工 上哪申请", "relief_eligibility", [])],
                          {"city": "镇江", "pending_case": MUTUAL_CASE, "interrupted_form": "ticket_offer_form",
                           "hardship_status": "困难"})
    assert "镇江市总工会职工服务中心" in reply and "医疗救助" in reply, reply
