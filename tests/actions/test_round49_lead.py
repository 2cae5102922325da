"""Round 49 (testers XI, XJ), mended by the lead: whether a fact is on the ticket (and added when it
is not), a ticket number a digit short, an hour asked after a station card, 算了没事了 after the
crisis reply, a sentence taken as the employer."""

from __future__ import annotations

import pytest
from form_trackers import conversation, parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN
from test_round41_summary import _user, texts
from test_round42_lookup import backend as fake_backend  # noqa: F401 — the fixture

from actions import tickets
from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")

FILED = ("已为您登记子女入学协调工单，工单号 GH202612070001，由青岛西海岸新区总工会职工服务中心负责"
         "（电话 0532-12351）。工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。")
SUMMARY = ("请核对一下要登记的子女入学情况：\n· 年级：小学一年级\n· 户口情况：外地户口，有居住证\n· 地点：长江路街道\n"
           "· 手机号：13953281234")


def _after_filing(text: str, intent: str = "inform") -> Tracker:
    events = [{"event": "bot", "text": SUMMARY}, _user("确认", "affirm"), {"event": "bot", "text": FILED},
              _user(text, intent)]
    return Tracker("worker-49", {}, parse(text, intent), events, False, None, {}, "action_listen")


@pytest.mark.parametrize("said,added", [("工单里有写我在海尔上班 交了两年社保吗", "我在海尔上班 交了两年社保"),
                                        ("单子上有鑫达机械不", "鑫达机械")])
async def test_a_fact_asked_about_and_not_on_the_ticket_is_added(fake_backend, said, added):  # noqa: F811
    """XJ-1, XJ-9: 工单里有写我在海尔上班 交了两年社保吗 got the legal-aid paragraph; 单子上有鑫达机械不
    the menu."""
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, _after_filing(said))
    assert fake_backend["notes"] == [("GH202612070001", added)], fake_backend
    assert "补上" in texts(dispatcher) and "工单 GH202612070001 上登记的是" in texts(dispatcher), texts(dispatcher)


@pytest.mark.parametrize("said", ["工单上有没有写地点", "单子上都有啥", "工单里写了长江路吗"])
async def test_a_fact_on_the_ticket_is_only_shown(fake_backend, said):  # noqa: F811
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, _after_filing(said))
    assert fake_backend["notes"] == [] and "上登记的是" in texts(dispatcher), (fake_backend, texts(dispatcher))


@on_module_loop
async def test_a_ticket_number_a_digit_short_is_said_so(backend):
    """XJ-14: 那GH20261207001咋样了 (read as inform) got 这个我查不了 and the menu."""
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, conversation([("那GH20261207001咋样了", "inform", [])]), DOMAIN)
    assert "11 位数字" in texts(dispatcher) and "查不了" not in texts(dispatcher), texts(dispatcher)


def test_the_hour_asked_after_work_is_the_evening():
    """XJ-12: 我下班六点了还能去吗 read as 06:00."""
    from actions.station_text import asked_time_verdict
    hours = {"mon": ["08:30-19:30"]}
    assert "18:00" in asked_time_verdict(hours, "我下班六点了还能去吗")
    assert "19:30" in asked_time_verdict(hours, "晚上七点半有人吗")
    assert "09:00" in asked_time_verdict(hours, "早上九点有人吗")


def test_the_verdict_is_a_line_before_the_card_not_its_name():
    """XJ-12: the verdict inside the card was read back as the station's name (…在岗。的服务时间)."""
    from actions.facts import fact_text
    from actions.station_followup import station_detail_reply
    station = {"name": "辛安街道工会网格化工作总站", "address": "辛安", "phone": "0532-12351",
               "hours": {"mon": ["08:30-19:30"], "sat": ["09:00-17:00"]}, "open_now": True}
    card = fact_text({"kind": "station", "station": station, "source": "名录", "recorded": "2026-11-01"},
                     "辛安那个工会站在哪 几点开门 我下班六点了还能去吗")
    assert card.startswith("工作日六点（18:00）有人在岗。\n"), card
    tracker = conversation([("辛安那个工会站在哪", "find_station", [card]), ("周日开不开", "inform", [])])
    reply = station_detail_reply(tracker) or ""
    assert reply.startswith("辛安街道工会网格化工作总站"), reply


@on_module_loop
async def test_an_hour_asked_after_the_card_is_no_person_wanted(backend):
    """XJ-12: 18点到那 有人吗 right after the 辛安 card was queued for a person."""
    card = ("离您最近的工会网格工作站是：\n辛安街道工会网格化工作总站\n地址：辛安\n电话：0532-12351\n"
            "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00（现在正在服务时间）")
    dispatcher = CollectingDispatcher()
    out = await ActionStartService().act(dispatcher, conversation(
        [("辛安那个工会站在哪", "find_station", [card]), ("18点到那 有人吗", "inform", [])],
        slots={"city": "青岛市", "district": "辛安街道"}), DOMAIN)
    assert "18:00" in texts(dispatcher) and "转接" not in texts(dispatcher), texts(dispatcher)
    assert not any(e.get("name") == "handoff_reason" for e in out or [])


CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


@on_module_loop
@pytest.mark.parametrize("said,intent", [("算了没事了", "cancel"), ("没事了", "deny")])
async def test_all_right_now_after_the_crisis_reply_is_checked_on(backend, said, intent):
    """XJ-16: 算了没事了 two messages after the crisis reply got 好的。还有什么需要帮忙的."""
    from actions.conversation import ActionCancelRequest
    from actions.fallback import ActionDenyNoContext
    tracker = conversation([("有时候站在楼顶想跳下去算了", "psych_support", [CRISIS]),
                            ("我不想打电话 在黄岛电子厂上夜班", "inform", ["可以，我在这儿听您说"]),
                            (said, intent, [])])
    dispatcher = CollectingDispatcher()
    action = ActionCancelRequest() if intent == "cancel" else ActionDenyNoContext()
    await action.run(dispatcher, tracker, DOMAIN)
    reply = texts(dispatcher)
    assert "12356" in reply and "还有什么需要帮忙" not in reply, reply


def test_a_sentence_is_no_employer_for_the_ticket():
    """XI-5: 那你给加上 老板说过年上班只给平时工资 after 单位还没写上 was filed as 单位."""
    asked = "工单 GH202612070011 上登记的是：\n· 金额：6,252 元\n单位还没写上。告诉我单位，我加到工单上。"
    filed = "已为您登记加班费工单，工单号 GH202612070011，由辛安街道工会网格化工作总站负责。"
    for said, kept in (("那你给加上 老板说过年上班只给平时工资", None), ("海达机械有限公司", "海达机械有限公司")):
        events = [{"event": "bot", "text": filed}, _user("单子上有写吗", "inform"), {"event": "bot", "text": asked},
                  _user(said, "inform")]
        tracker = Tracker("worker-49", {}, parse(said, "inform"), events, False, None, {}, "action_listen")
        told = tickets.missing_fact_told(tracker)
        assert (told[2] if told else None) == kept, told


def test_the_overtime_filed_after_a_payment_is_what_is_still_owed():
    """XI-2: 厂里就给了我一千块 那还差多少, then 能让工会帮我要吗 — filed with 3,972 and no word of the
    1,000 paid."""
    from actions.take_back import overtime_sum_to_file
    sums = ("按《劳动法》第四十四条计算：\n日工资 = 月工资 5,400 ÷ 21.75 ≈ 248.28 元\n"
            "合计：依法应付加班工资不少于 3,972.41 元")
    tracker = conversation([("过年我从除夕一直上到初五", "overtime_pay", [sums]),
                            ("厂里就给了我一千块 那还差多少", "overtime_pay",
                             ["单位给了 1,000 元，按法定标准还差 2,972.41 元。"]),
                            ("能让工会帮我要吗", "nlu_fallback", [])], slots={"monthly_wage": 5400})
    facts = overtime_sum_to_file(tracker, "能让工会帮我要吗")
    assert facts and facts["amount"] == 2972 and "已付 1,000 元" in facts["case_points"], facts


def test_the_pay_and_employer_told_after_the_offer_are_on_the_case():
    """XI-8: 一个月六千 and 饭店叫老渔村 told after the legal case was parked with them as None:
    on neither the summary nor the ticket."""
    from actions.tickets import context_facts
    tracker = conversation([("黄岛长江路街道 饭店叫老渔村", "inform", [])],
                           slots={"monthly_wage": 6000, "employer": "老渔村"})
    told = context_facts(tracker, {"case_points": "没签劳动合同、被辞退", "monthly_wage": None, "employer": None})
    assert told.get("monthly_wage") == 6000 and told.get("employer") == "老渔村", told
