"""Round 47's leftovers and round 48 (testers XE/XF, XG/XH), mended by the lead: the station
card that answers the day asked, who pays for 镇江's mutual cover. On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


async def _reply(said: str, intent: str, slots: dict | None = None) -> str:
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, conversation([(said, intent, [])], slots=slots), DOMAIN)
    return texts(dispatcher)


@on_module_loop
@pytest.mark.parametrize("said,verdict", [("沂河路那个工作站 礼拜天开不开", "周日不上班"),
                                          ("沂河路的工作站 礼拜六有人不", "周六有人在岗")])
async def test_the_station_card_answers_the_day_or_hour_asked(backend, said, verdict):
    """XF-9: 沂河路那个工作站 礼拜天开不开 got the card with its hours and no yes or no."""
    reply = await _reply(said, "find_station", {"district": "沂河路"})
    assert verdict in reply and "沂河路社区工会网格工作站" in reply, reply
    assert reply.index(verdict) < reply.index("服务时间"), reply  # the answer first


@on_module_loop
async def test_a_card_not_asked_a_time_has_no_verdict(backend):
    reply = await _reply("沂河路的工作站在哪", "find_station", {"district": "沂河路"})
    assert "沂河路社区工会网格工作站" in reply and "在岗" not in reply, reply


@on_module_loop
@pytest.mark.parametrize("said,slots,answer", [
    ("镇江的职工互助保障 要交钱不", {"city": "镇江"}, "不用您自己交钱"),
    ("互助保障要自己掏钱吗", {}, "各地不一样")])
async def test_who_pays_for_the_mutual_cover_is_answered(backend, said, slots, answer):
    """XF-5: 镇江的职工互助保障 要交钱不 got the cover's summary, and no word on the cost."""
    reply = await _reply(said, "mutual_insurance", slots)
    assert answer in reply, reply


@on_module_loop
async def test_anyone_there_while_queued_is_no_new_hello(backend):
    """XF-11: 有人吗 while queued for a person got the greeting and the menu."""
    from actions.conversation import ActionGreet
    queued = "已为您转接辛安街道工会网格化工作总站的工作人员，前面还有 1 位在等待，请稍候。"
    dispatcher = CollectingDispatcher()
    await ActionGreet().run(dispatcher, conversation(
        [("我在黄岛辛安 转人工", "request_human", [queued]), ("有人吗", "greet", [])]), DOMAIN)
    reply = texts(dispatcher)
    assert reply.startswith("在的") and "排队" in reply and "utter_greet" not in reply, reply


@on_module_loop
async def test_a_hello_is_still_a_hello(backend):
    from actions.conversation import ActionGreet
    dispatcher = CollectingDispatcher()
    await ActionGreet().run(dispatcher, conversation([("有人吗", "greet", [])]), DOMAIN)
    assert dispatcher.messages[0].get("response") == "utter_greet"


@on_module_loop
@pytest.mark.parametrize("said", ["俺在黄岛辛安的工地干活 周六周天都干 没调休呢 月工资五千 上个月干了四个周六",
                                  "俺在黄岛辛安的工地干活 周六周天都干 月工资五千 上个月干了四个周六"])
async def test_days_and_wage_told_start_the_overtime_sum(backend, said):
    """XE-2: … 没调休呢 月工资五千 上个月干了四个周六 got the rest-day rule and the arrears offer;
    without 没调休呢 (read as wage arrears) 是哪家单位欠的？ — no sum either way."""
    dispatcher = CollectingDispatcher()
    out = await ActionStartService().act(dispatcher, conversation(
        [(said, "wage_arrears", [])], slots={"monthly_wage": 5000, "city": "青岛市", "district": "辛安街道"}), DOMAIN)
    assert {"event": "active_loop", "name": "overtime_form", "timestamp": None} in out, out
    assert "不能安排补休的" not in texts(dispatcher) and "登记" not in texts(dispatcher), texts(dispatcher)


@on_module_loop
@pytest.mark.parametrize("said,slots,sum_line", [
    ("老板欠了俺两个月工资 一个月五千 一共该给多少", {"monthly_wage": 5000, "duration": "P2M", "amount": 10000},
     "5,000 元 × 2 个月 = 10,000 元"),
    ("在饭店当服务员 干了一个半月 老板一分没给 说好一个月三千五 能要回多少",
     {"monthly_wage": 3500, "duration": "P1M15D", "amount": 5250}, "3,500 元 × 1.5 个月 = 5,250 元")])
async def test_the_pay_owed_asked_is_worked_out_before_the_case(backend, said, slots, sum_line):
    """XE-7: 干了一个半月 … 能要回多少 got 是哪家单位欠的？ and no figure."""
    dispatcher = CollectingDispatcher()
    out = await ActionStartService().act(dispatcher, conversation([(said, "wage_arrears", [])], slots=slots), DOMAIN)
    assert sum_line in texts(dispatcher), texts(dispatcher)
    assert {"event": "active_loop", "name": "wage_arrears_form", "timestamp": None} in out, out


def test_half_a_month_counts_in_the_sum_owed():
    from actions.wages import months_in
    assert months_in("P1M15D") == 1.5 and months_in("P3M") == 3 and months_in("P2M10D") is None


@on_module_loop
async def test_a_sum_not_asked_is_not_said(backend):
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, conversation(
        [("老板欠了俺两个月工资 一个月五千", "wage_arrears", [])],
        slots={"monthly_wage": 5000, "duration": "P2M", "amount": 10000}), DOMAIN)
    assert "× 2 个月" not in texts(dispatcher)


@on_module_loop
async def test_a_bare_look_takes_the_own_case_offer(backend):
    """XG-10: 看 to 要不要我再帮您看看您自己的情况 (read as a yes with nothing open) got the menu."""
    from actions.fallback import ActionAffirmNoContext
    from actions.router import OWN_CASE_BUTTON
    offer = {"event": "bot", "text": "要不要我再帮您看看您自己的情况？",
             "data": {"buttons": [{"title": OWN_CASE_BUTTON, "payload": "/legal_aid"},
                                  {"title": "不用了", "payload": "/deny"}]}}
    tracker = conversation([("试用期工资给这么低合法吗", "legal_aid", []), ("看", "affirm", [])])
    tracker.events.insert(-1, offer)
    dispatcher = CollectingDispatcher()
    await ActionAffirmNoContext().run(dispatcher, tracker, DOMAIN)
    # (the button's answer asks the facts the probation sum needs — round 48's second wave)
    assert "请问您想办理什么事情" not in texts(dispatcher) and "试用期多长" in texts(dispatcher), texts(dispatcher)


def test_a_crisis_message_is_no_taking_back():
    """XH-13: …还不如死了算了 read as 算了 (taken back): the injury told with it left the ticket."""
    from actions.facts import _of_the_case
    said = "我在黄岛一个厂 手被机器压了 公司不给报工伤 房租也交不上了 我真的不想活了 还不如死了算了"
    assert "手被机器压了" in _of_the_case(said)
    assert _of_the_case("算了 不办了") == ""


def test_an_urgent_callback_while_the_station_is_open_is_no_wait_for_opening():
    """XH-13: 服务站一上班（12月7日（周一）18:48） said at 18:48 of a station open until 19:30."""
    from datetime import datetime, timedelta, timezone

    from actions.tickets import what_happens_next
    now = datetime.now(timezone.utc).replace(microsecond=0)
    open_now = what_happens_next({"sla_due": now.isoformat()}, True, True)
    later = what_happens_next({"sla_due": (now + timedelta(hours=14)).isoformat()}, True, True)
    assert "现在有人" in open_now and "一上班" not in open_now and "12356" in open_now
    assert "一上班" in later


@on_module_loop
@pytest.mark.parametrize("said", ["那个包工头叫刘什么我也不知道 这样能办吗", "老板叫啥我不清楚 能办不",
                                  "工头全名不知道 只知道姓刘 行吗"])
async def test_a_boss_whose_name_is_not_known_can_still_be_helped(backend, said):
    """XG-1: 那个包工头叫刘什么我也不知道 这样能办吗 after filing got 这个我查不了 and the menu."""
    found = (await backend.facts(said)).get("facts") or []
    assert found and found[0]["topic"] == "boss_name_unknown", [f.get("topic") for f in found]
    assert "第三十六条" in found[0]["answer"]


@on_module_loop
async def test_an_injury_told_without_the_word_gets_the_injury_law(backend):
    """XH-6: 初三从架子上摔下来 手腕断了 包工头说俺自己不小心 不管 咋整 got the union's legal-aid
    paragraph, nothing on the injury."""
    from actions.services import ActionLegalAid
    said = "俺在上海工地 过年没回去 初三从架子上摔下来 手腕断了 包工头说俺自己不小心 不管 咋整"
    dispatcher = CollectingDispatcher()
    await ActionLegalAid().act(dispatcher, conversation([(said, "legal_aid", [])], slots={"city": "上海"}), DOMAIN)
    reply = texts(dispatcher)
    assert "工伤认定" in reply and "《工伤保险条例》" in reply, reply
    assert "不看是谁的过错" in reply or "自己不小心" in reply, reply
