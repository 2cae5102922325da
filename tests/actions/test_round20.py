"""Defects the independent testers' rounds 20–22 found (MM-/NN-, OO-/PP-, QQ-/RR-), each read
the way the worker wrote it."""

from __future__ import annotations

import pytest
from form_trackers import form_tracker, parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff
from actions.fallback import ActionFallbackStep, ActionOutOfScope
from bot.nlu.crisis_words import is_crisis

WAGE_DOMAIN = {"forms": {"wage_arrears_form": {"required_slots": [
    "employer", "amount", "duration", "workers_affected", "district", "phone",
    "case_confirmed"]}}, "responses": {}, "slots": {}}
CRISIS_REPLY = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
                "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


def _after_crisis(*later: str, intent: str = "out_of_scope") -> Tracker:
    """A crisis message and its reply, then the worker's later messages."""
    first = "老板把我开了一分钱不给 活着真没意思 不如从楼上跳下去算了"
    events = [{"event": "user", "text": first, "parse_data": parse(first, "psych_support")},
              {"event": "bot", "text": CRISIS_REPLY}]
    for text in later:
        events += [{"event": "user", "text": text, "parse_data": parse(text, intent)},
                   {"event": "bot", "text": "已为您登记回电工单"}]
    events.pop()
    latest = parse(later[-1], intent)
    return Tracker("w", {}, latest, events, False, None, {}, "action_listen")


@pytest.mark.parametrize("action", [ActionOutOfScope, ActionFallbackStep])
async def test_after_a_crisis_an_unclear_message_keeps_the_person_and_the_lines(action):
    """NN-15: 等到周一我都不在了 after the crisis reply got 没明白 and a wage example."""
    dispatcher = CollectingDispatcher()
    await action().run(dispatcher, _after_crisis("18954327761 黄岛", "那我等着吧"), {})
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "12356" in said and "110" in said and "没太明白" not in said and "欠" not in said
    dispatcher = CollectingDispatcher()
    await action().run(dispatcher, _after_crisis("我现在在工地楼顶上"), {})
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert said.startswith("您现在的位置很危险") and "110" in said


def test_not_being_here_any_more_is_a_crisis():
    assert is_crisis("等到周一我都不在了")
    assert not is_crisis("老板说等他回来 我都不在这干了") and not is_crisis("我现在在工地楼顶上")


async def test_a_place_of_danger_told_with_the_callback_phone_comes_first(monkeypatch):
    """NN-15: 18954327761 黄岛 我现在在工地楼顶上 got a routine callback for Monday 08:30."""
    filed = []

    async def fake_file_case(dispatcher, tracker, kind, facts, urgent=False):
        filed.append(urgent)
        dispatcher.utter_message(text="已为您登记回电工单")

    monkeypatch.setattr(handoff, "file_case", fake_file_case)
    dispatcher = CollectingDispatcher()
    tracker = _after_crisis("18954327761 黄岛 我现在在工地楼顶上", intent="inform")
    await handoff.file_callback(dispatcher, tracker, "crisis")
    assert dispatcher.messages[0]["text"].startswith("您现在的位置很危险") and filed == [True]
    dispatcher = CollectingDispatcher()
    await handoff.file_callback(dispatcher, _after_crisis("18954327761 黄岛", intent="inform"), "crisis")
    assert dispatcher.messages[0]["text"] == "已为您登记回电工单"  # no danger told: none said


@pytest.mark.parametrize("text,leaves", [
    ("还没扣呢 我就问问", True),               # CODE-16: the employer was asked again
    ("沒欠 錢都到了 我就問問", True),          # CODE-04
    ("没欠 钱都给了", True),
    ("不用登记", True),
    ("没欠加班费 欠的是工资", False),           # a case, told more exactly
    ("一个姓刘的包工头", False),
])
async def test_a_worker_just_asking_leaves_the_wage_form(text, leaves, monkeypatch):
    from actions import hotline_form
    from actions.forms import ValidateWageArrearsForm

    async def no_answer(tracker):
        return None

    monkeypatch.setattr(hotline_form, "answer_fact", no_answer)
    dispatcher = CollectingDispatcher()
    tracker = form_tracker("wage_arrears_form", "employer", text)
    events = await ValidateWageArrearsForm().run(dispatcher, tracker, WAGE_DOMAIN)
    left = any(e.get("event") == "active_loop" and e.get("name") is None for e in events)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert left is leaves, (events, said)
    assert ("不登记" in said) is leaves


async def _routed_with_a_record(monkeypatch, record: dict, text: str, intent: str,
                                slots: dict | None = None) -> tuple[CollectingDispatcher, list]:
    """The entry action on one message, the backend answering it with ``record``."""
    from actions import router

    async def found(tracker, statements=False):
        return [record]

    monkeypatch.setattr(router, "asked_facts", found)
    message = parse(text, intent)
    tracker = Tracker("w", slots or {}, message, [{"event": "user", "text": text, "parse_data": message}],
                      False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    return dispatcher, await router.ActionStartService().run(dispatcher, tracker, WAGE_DOMAIN)


async def test_a_wage_question_is_answered_and_a_case_offered_not_asked(monkeypatch):
    """CODE-16: 那我要是被扣工资了找谁 got 是哪家单位…欠的？"""
    record = {"topic": "where_to_complain", "title": "去哪投诉", "kind": "law",
              "answer": "有三条路：打 12333 投诉，或申请劳动仲裁。", "source": "劳动争议调解仲裁法"}
    dispatcher, events = await _routed_with_a_record(monkeypatch, record, "那我要是被扣工资了找谁",
                                                     "wage_arrears")
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "12333" in said and "哪家单位" not in said
    assert not [e for e in events if e.get("event") == "active_loop" and e.get("name")]
    assert [b["title"] for b in dispatcher.messages[-1]["buttons"]] == ["帮我登记", "不用，就问问"]


def test_holiday_days_named_one_by_one_are_each_counted():
    """MM-15: 国庆1号2号3号我都在上班 was one day (540 instead of 1,620)."""
    from datetime import date

    from actions.overtime_days import read_worked_days

    for text in ("国庆1号2号3号我都在上班 底薪3915 老板说给双倍工资 对不对", "国庆1号、2号、3号",
                 "国庆一号二号三号都上班"):
        assert read_worked_days(text, date(2026, 12, 6)).dates == [
            date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 3)], text


def test_the_worker_s_days_of_a_month_are_the_days_counted():
    """MM-03: 一个月上二十二天班 … 一个月该给我多少 was counted as the average 21 days (1,890)."""
    from actions.overtime_days import read_worked_days

    worked = read_worked_days("我一个月工资五千二百二 平时每天都要加班两个小时 一个月上二十二天班 "
                              "老板一分钱加班费都不给 一个月该给我多少加班费")
    assert (worked.workdays, worked.extended_hours) == (22, 44)


async def test_a_double_pay_offered_for_holidays_is_said_to_fall_short():
    """MM-15: 老板说给双倍工资 对不对 — the boss's 2× was never compared with the law's 3×."""
    from actions.wages import ActionCalculateOvertime

    text = "国庆1号2号3号我都在上班 底薪3915 老板说给双倍工资 对不对"
    message = parse(text, "overtime_pay")
    tracker = Tracker("w", {"monthly_wage": 3915, "overtime_days": text}, message,
                      [{"event": "user", "text": text, "parse_data": message}], False, None, {},
                      "action_listen")
    dispatcher = CollectingDispatcher()
    await ActionCalculateOvertime().run(dispatcher, tracker, {})
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "1,620.00" in said and "1,080.00" in said and "少给了 540.00 元" in said, said


def test_a_month_left_last_year_is_read_whatever_is_said_between():
    """MM-09: 我去年12月底从厂里辞职的 … 是不是过期了 got 已经超过一年 (12月 read as 12 months)."""
    from datetime import date

    from actions.facts import applied_time_limit

    said = applied_time_limit([{"topic": "arbitration_time_limit"}],
                              "我去年12月底从厂里辞职的 最后两个月工资9000块一直没给 现在还能告吗 是不是过期了",
                              date(2026, 12, 6))
    assert "2025年12月" in said[0] and "这个月就满一年" in said[0] and "超过一年" not in said[0]


@pytest.mark.parametrize("text", ["叫老街坊烩面馆 在金水区 对了要是去劳动仲裁得花钱不", "饭馆叫老街坊烩面馆"])
def test_a_restaurant_named_is_the_employer(text):
    """MM-12: 叫老街坊烩面馆 在金水区 … was lost and the employer asked twice more."""
    from actions import validators as v

    facts = v.read_facts(text, [], v.Context(form="wage_arrears_form", asked="employer"))
    assert facts.get("employer") == "老街坊烩面馆"


def test_being_told_to_go_somewhere_names_no_employer():
    from actions import validators as v

    facts = v.read_facts("老板叫我明天去工地", [], v.Context(form="wage_arrears_form", asked="employer"))
    assert facts.get("employer") in (None, "老板")


@pytest.mark.parametrize("text,expected", [
    # MM-13: 一天两百五 filed 欠薪时间 1天 (and a month's wage of 5,437.5 never said)
    ("一天两百五 干了一年 大概五六万吧", {"duration": "P1Y", "wage_basis": "day"}),
    ("欠了我五天的工资 一天300", {"duration": "P5D", "amount": 1500}),
    ("一天180 干了22天 一分没给", {"duration": "P22D", "amount": 3960}),
])
def test_a_day_s_pay_is_no_day_owed_and_days_owed_are_paid_by_it(text, expected):
    from actions import validators as v

    facts = v.read_facts(text, [], v.Context(form="wage_arrears_form", asked="amount"))
    assert {k: facts.get(k) for k in expected} == expected, facts


async def test_asking_when_someone_is_there_after_the_closed_text_gets_the_opening(monkeypatch):
    """NN-14: 晚上也有人吗 right after 现在不在服务时间 got the same text again word for word."""
    class Closed:
        async def open_handoff(self, *args) -> dict:
            return {"station_name": "辛安街道工会网格化工作总站", "station_open_now": False,
                    "station_phone": "0532-12351", "position": 1,
                    "station_opens_at": "2026-12-07T00:30:00+00:00"}

    monkeypatch.setattr(handoff, "client", Closed)
    closed = handoff.closed_text("辛安街道工会网格化工作总站", False, "2026-12-07T00:30:00+00:00")
    events = [{"event": "user", "text": "我要找真人 别跟我绕", "parse_data": parse("我要找真人", "request_human")},
              {"event": "bot", "text": closed}]
    for text, asks_when in (("晚上也有人吗", True), ("现在晚上了 一个人都没有吗 那我明天几点找谁", True),
                            ("转人工", False)):
        message = parse(text, "request_human")
        tracker = Tracker("w", {}, message, [*events, {"event": "user", "text": text, "parse_data": message}],
                          False, None, {}, "action_listen")
        dispatcher = CollectingDispatcher()
        await handoff.request_handoff(dispatcher, tracker, "worker_request")
        said = " ".join(m.get("text") or "" for m in dispatcher.messages)
        assert ("现在没有工作人员在岗" in said and "12月7日（周一）08:30" in said) is asks_when, said
        assert (said == closed) is not asks_when


def test_tonight_asked_after_a_station_card_gets_its_hours():
    """CODE-06: 晚上能去吗 right after the 辛安 card got 没太明白."""
    from actions.station_followup import station_detail_reply
    from actions.station_text import station_text

    card = "工会网格工作站：" + station_text({
        "name": "辛安街道工会网格化工作总站", "address": "青岛西海岸新区辛安街道", "phone": "0532-12351",
        "hours": {d: ["08:30-19:30"] for d in ("mon", "tue", "wed", "thu", "fri")} | {"sat": ["09:00-17:00"]},
        "open_now": False})
    events = [{"event": "user", "text": "辛安的工会站在哪", "parse_data": parse("辛安的工会站在哪", "find_station")},
              {"event": "bot", "text": card},
              {"event": "user", "text": "晚上能去吗", "parse_data": parse("晚上能去吗", "out_of_scope")}]
    tracker = Tracker("w", {}, parse("晚上能去吗", "out_of_scope"), events, False, None, {}, "action_listen")
    assert "周一至周五 08:30-19:30" in (station_detail_reply(tracker) or "")


@pytest.mark.parametrize("text,named", [
    # NN-01: a whole school case was read as legal aid (社保交了两年 is the school's condition)
    ("我在黄岛辛安街道上班 孩子今年三年级 户口在河南 学校说没本地户口不收 我有居住证 社保交了两年 "
     "工会能不能帮忙协调一下 电话13953287721", ["school_placement"]),
    ("公司没给我交社保", ["legal_aid"]),
    ("交了两年社保 现在公司不交了", ["legal_aid"]),
    ("社保交了 但是被辞退了", ["legal_aid"]),
])
def test_insurance_said_to_be_paid_is_no_legal_matter(text, named):
    from actions.service_catalog import services_named

    assert services_named(text) == named


def test_the_service_a_worker_says_is_not_meant_does_not_come_first():
    """NN-01: 我不是要找律师 是孩子上学的事 got 好的，先帮您办“法律援助”."""
    from actions.router import ActionStartService

    assert ActionStartService._topics("school_placement", "我不是要找律师 是孩子上学的事 学校不收")[0] \
        == "school_placement"


@pytest.mark.parametrize("text,status", [
    ("户口在河南 学校说没本地户口不收 我有居住证", "外地户口，有居住证（户口在河南）"),  # NN-01
    ("四川", "外地户口（户口在四川）"),                                           # NN-02
    ("老家是安徽的 没办居住证", "外地户口，没有居住证（户口在安徽）"),
    ("有居住证但是没有青岛户口", "外地户口，有居住证"),
])
def test_where_the_hukou_is_stays_on_the_case(text, status):
    from actions.validators import hukou_status

    assert hukou_status(text).value == status


async def test_a_province_said_to_the_hukou_question_is_not_the_workers_city():
    """NN-02: 四川 to 孩子的户口在哪里 gave 记下了：城市 四川 and the question again."""
    from actions import slot_mappings

    message = parse("四川", "inform", [{"entity": "city", "value": "四川"}])
    events = [{"event": "slot", "name": "city", "value": "青岛市"},
              {"event": "slot", "name": "requested_slot", "value": "hukou_status"},
              {"event": "user", "text": "四川", "parse_data": message},
              {"event": "slot", "name": "city", "value": "四川"}]
    tracker = Tracker("w", {"city": "四川", "requested_slot": "hukou_status"}, message, events, False,
                      None, {"name": "school_form"}, "action_listen")
    undone = await slot_mappings.ValidateSlotMappings().run(CollectingDispatcher(), tracker, {})
    assert {"event": "slot", "name": "city", "value": "青岛市", "timestamp": None} in undone


async def test_a_crisis_said_again_after_its_callback_was_filed_files_no_second_one(monkeypatch):
    """Round 20 replay: 等到周一我都不在了 after the crisis callback GH…0001 filed GH…0002."""
    class NoSecondHandoff:
        async def open_handoff(self, *args) -> dict:
            raise AssertionError("a second handoff was opened")

    monkeypatch.setattr(handoff, "client", NoSecondHandoff)
    filed = ("已为您登记回电工单，工单号 GH202612060001，由青岛西海岸新区总工会职工服务中心负责（电话 0532-12351）。"
             "服务站一上班（12月7日（周一）08:30），工作人员会第一时间给您回电。")
    text = "等到周一我都不在了"
    events = [{"event": "user", "text": "活着真没意思", "parse_data": parse("活着真没意思", "psych_support")},
              {"event": "bot", "text": CRISIS_REPLY},
              {"event": "user", "text": "18954327761 黄岛", "parse_data": parse("18954327761 黄岛", "inform")},
              {"event": "bot", "text": filed},
              {"event": "user", "text": text, "parse_data": parse(text, "psych_support")},
              {"event": "bot", "text": CRISIS_REPLY}]
    tracker = Tracker("w", {"phone": "18954327761"}, parse(text, "psych_support"), events, False, None, {},
                      "action_listen")
    dispatcher = CollectingDispatcher()
    await handoff.request_handoff(dispatcher, tracker, "crisis")
    assert "GH202612060001" in dispatcher.messages[-1]["text"]

    dispatcher = CollectingDispatcher()  # 晚上也有人吗 later: the same callback, no third one
    asked = parse("晚上也有人吗", "request_human")
    later = Tracker("w", {"phone": "18954327761"}, asked,
                    [*events, {"event": "user", "text": "晚上也有人吗", "parse_data": asked}],
                    False, None, {}, "action_listen")
    await handoff.request_handoff(dispatcher, later, "worker_request")
    reply = dispatcher.messages[-1]["text"]
    # (the line no longer says 现在没有工作人员在岗: it is said in opening hours too — YP-13)
    assert "回电已经登记了" in reply and "GH202612060001" in reply


async def test_a_months_correction_after_the_double_wage_sum_redoes_it():
    """NN-08: 不对 是十个月 right after the 8-month sum got 好的，没问题。有需要随时找我."""
    from actions.fallback import ActionDenyNoContext
    from actions.legal import worked_out

    first = "干了八个月老板一直没跟我签合同 这个能要钱吗"
    sum_said = worked_out(first, first, None, asked_wage=False)[0]
    text = "不对 是十个月"
    events = [{"event": "user", "text": first, "parse_data": parse(first, "legal_aid")},
              {"event": "bot", "text": sum_said},
              {"event": "user", "text": text, "parse_data": parse(text, "deny")}]
    tracker = Tracker("w", {}, parse(text, "deny"), events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    await ActionDenyNoContext().run(dispatcher, tracker, {})
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "干了10个月" in said and "9个月的二倍工资差额" in said and "没问题" not in said


async def test_the_wage_told_after_a_redone_sum_gives_the_figure():
    """NN-08: 一个月四千五 after the corrected sum got the menu (the sum's first words were the
    same as the reply before, so it was taken as said already)."""
    from actions.legal import sums_for, worked_out

    first, fixed = "干了八个月老板一直没跟我签合同 这个能要钱吗", "不对 是十个月"
    redone = worked_out(fixed, f"{first} {fixed}", None, asked_wage=False)[0]
    text = "一个月四千五"
    events = [{"event": "user", "text": first, "parse_data": parse(first, "legal_aid")},
              {"event": "bot", "text": worked_out(first, first, None, asked_wage=False)[0]},
              {"event": "user", "text": fixed, "parse_data": parse(fixed, "deny")},
              {"event": "bot", "text": redone},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    tracker = Tracker("w", {"monthly_wage": 4500}, parse(text, "inform"), events, False, None, {},
                      "action_listen")
    assert "约 40,500 元" in " ".join(sums_for(tracker))


async def test_a_follow_up_question_is_read_with_the_question_before_it(monkeypatch):
    """NN-04: 有沒有網上的 right after 福田职工书院有什么课 got 没有现成的准确答案."""
    from actions import facts

    online = {"topic": "futian_online", "answer": "福田职工书院的线上平台是“福田工会通”小程序", "source": "工人日报"}

    class Records:
        async def facts(self, question, **where):
            return {"facts": [online] if "福田" in question and "网上" in question else []}

    monkeypatch.setattr(facts, "client", Records)
    first, text = "请问福田职工书院有什么课 怎么报名", "有没有网上的 我白天送快递没时间"
    events = [{"event": "user", "text": first, "parse_data": parse(first, "skills_training")},
              {"event": "bot", "text": "福田职工书院首批12位名师入驻"},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    tracker = Tracker("w", {"pending_case": {"type": "skills_training", "facts": {}}}, parse(text, "inform"),
                      events, False, None, {"name": "ticket_offer_form"}, "action_listen")
    assert any("福田工会通" in line for line in await facts.answer_in_topic(tracker))


async def test_the_union_asked_to_act_after_a_legal_answer_offers_the_ticket(monkeypatch):
    """NN-09: 你们工会能帮我盯着点不 got 要不要我再帮您看看您自己的情况 (the ticket a button later)."""
    record = {"topic": "social_insurance_unpaid", "title": "社保", "kind": "law",
              "answer": "单位应当为职工缴纳社会保险。", "source": "社会保险法"}
    dispatcher, events = await _routed_with_a_record(
        monkeypatch, record, "社保大概没交吧 我也不清楚 厂子好像叫澳柯玛 你们工会能帮我盯着点不", "legal_aid",
        {"employer": "澳柯玛"})
    assert any(e.get("name") == "ticket_offer_form" for e in events if e.get("event") == "active_loop")
    assert not any("看看您自己的情况" in (m.get("text") or "") for m in dispatcher.messages)


def test_another_station_named_after_a_card_is_not_answered_with_the_card():
    """NN-11: 沂河路社区那个站呢 周日开不开 after the 辛安 card got the 辛安 总站's hours."""
    from actions.station_followup import station_detail_reply
    from actions.station_text import station_text

    card = "工会网格工作站：" + station_text({
        "name": "辛安街道工会网格化工作总站", "address": "青岛西海岸新区辛安街道", "phone": "0532-12351",
        "hours": {d: ["08:30-19:30"] for d in ("mon", "tue", "wed", "thu", "fri")}, "open_now": False})
    for text, answered in (("沂河路社区那个站呢 离我家近 周日开不开", False), ("这个站周日开不开", True),
                           ("辛安的站几点开门", True)):
        asked = "辛安的工会站在哪"
        events = [{"event": "user", "text": asked, "parse_data": parse(asked, "find_station")},
                  {"event": "bot", "text": card},
                  {"event": "user", "text": text, "parse_data": parse(text, "find_station")}]
        tracker = Tracker("w", {}, parse(text, "find_station"), events, False, None, {}, "action_listen")
        assert (station_detail_reply(tracker) is not None) is answered, text


@pytest.mark.parametrize("text,value", [("就这个月", "这个月的工资"), ("上个月的", "上个月的工资")])
def test_one_month_said_to_how_long_is_that_month_s_pay(text, value):
    """MM-10: 就这个月 to 欠了多长时间了 got 没听明白时间, then 不清楚."""
    from actions import validators as v

    assert v.approximate_duration(text).value == value


async def test_distress_after_the_crisis_reply_is_no_new_case():
    """PP-14: 打了也没用 我在胶州工地上摔的 老板说是我自己不小心 right after the crisis reply got
    是哪家单位…欠的？"""
    from actions.router import ActionStartService

    text = "打了也没用 我在胶州工地上摔的 老板说是我自己不小心"
    tracker = _after_crisis(text, intent="wage_arrears")
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, WAGE_DOMAIN)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "12356" in said and "单位" not in said
    assert not [e for e in events if e.get("event") == "active_loop" and e.get("name")]


def test_a_dated_dismissal_gets_its_last_day_and_the_days_left():
    """OO-08: 我去年12月20号被厂里辞了 … 现在还能去仲裁吗 got only the general one-year rule
    (and 还剩几天 got 没有现成的准确答案); 两个月工资八千没给 was filed as 月工资 8,000."""
    from datetime import date

    from actions.facts import applied_time_limit
    from actions.legal import monthly_wage_in

    text = "我去年12月20号被厂里辞了 还有两个月工资八千没给 现在还能去仲裁吗"
    said = applied_time_limit([{"topic": "arbitration_time_limit"}], text, date(2026, 12, 6))
    assert "最晚到2026年12月20日" in said[0] and "还剩 14 天" in said[0]
    assert monthly_wage_in(text) is None and monthly_wage_in("月薪五千 欠了两个月") == 5000


@pytest.mark.parametrize("text,name", [
    ("老家味道饺子馆 在辛安街道", "老家味道饺子馆"),   # OO-12: 单位：老家味道饺子馆在辛安街道
    ("鑫达电子厂在黄岛区", "鑫达电子厂"),
    ("一个姓刘的包工头 在长江路那个工地", "姓刘的包工头，在长江路那个工地"),  # a description keeps it
])
def test_the_place_said_after_a_name_is_no_part_of_it(text, name):
    from actions import validators as v

    assert v.employer_answer(text).value == name


def test_a_name_said_with_just_is_the_name():
    """OO-12: 饭店名字就叫老家味道饺子馆 后面那个是地方 on the summary was ignored."""
    from actions import validators as v

    facts = v.read_facts("饭店名字就叫老家味道饺子馆 后面那个是地方", [], v.Context(form="ticket_offer_form"))
    assert facts.get("employer") == "老家味道饺子馆"


def test_months_worked_up_to_now_answer_how_long():
    """OO-10: 从九月份干到现在 got 没听明白时间."""
    from actions import validators as v

    assert v.approximate_duration("从九月份干到现在 一直说年底结 结果人跑了").ok


def test_a_festival_worked_through_is_the_one_behind():
    """OO-03: 过年那几天我一直上班 除夕到初五都没歇 was dated to the 2027 festival."""
    from datetime import date

    from actions.overtime_days import read_worked_days

    days = read_worked_days("过年那几天我一直上班 除夕到初五都没歇 老板说就给平时工资 这对吗", date(2026, 12, 6))
    assert (days.dates[0], days.dates[-1]) == (date(2026, 2, 16), date(2026, 2, 21))
    ahead = read_worked_days("过年要加班 除夕到初五 加班费怎么算", date(2026, 12, 6))
    assert ahead.dates[0] == date(2027, 2, 5)


def test_a_wage_corrected_after_the_overtime_sum_read_as_legal_aid_redoes_the_sum():
    """OO-03: 不对 是五千二百二 合同上写的 after the sum opened a legal-aid offer."""
    from actions.router import OVERTIME_SUM, wage_after_overtime_sum

    text = "不对 是五千二百二 合同上写的"
    message = parse(text, "legal_aid")
    events = [{"event": "bot", "text": f"日工资 = 月工资 5,200 ÷ 21.75\n{OVERTIME_SUM}不少于 3,825.29 元"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "monthly_wage", "value": 5220}]
    tracker = Tracker("w", {"monthly_wage": 5220}, message, events, False, None, {}, "action_listen")
    assert wage_after_overtime_sum(tracker, "legal_aid")


@pytest.mark.parametrize("text,line", [
    # PP-06: the generic legal-aid text, no sum (干了大概半年了 was not read as time worked)
    ("在黄岛电子厂干活 老板一直没跟我签合同 干了大概半年了 这个能要点啥不", "干了6个月没签合同"),
    # PP-06: 不对 是八个月 去年四月份进的厂 counted 1年8个月 from the date, not the 8 months said
    ("不对 是八个月 去年四月份进的厂 一个月五千左右 没签合同能要双倍工资吗", "约 35,000 元"),
])
def test_the_months_said_give_the_double_wage(text, line):
    from actions.legal import worked_out

    assert line in " ".join(worked_out(text, text, None, asked_wage=False))


@pytest.mark.parametrize("added", ["那个包工头姓什么要不要告诉你们 他姓孙", "工单上有没有写我们厂叫海纳电器"])
async def test_a_fact_added_after_filing_is_written_on_the_ticket(added, monkeypatch):
    """OO-01: 他姓孙 after the ticket got 没明白; OO-02: 工单上有没有写我们厂叫海纳电器 got the
    ticket's status."""
    from actions import tickets

    written = []

    class Notes:
        async def add_ticket_note(self, ticket_id, conversation_id, note) -> dict:
            written.append((ticket_id, note))
            return {"id": ticket_id, "status": "assigned", "sla_due": "2026-12-08T09:00:00Z"}

    monkeypatch.setattr(tickets, "client", Notes)
    filed = "已为您登记欠薪工单，工单号 GH202612060002，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
    events = [{"event": "bot", "text": filed},
              {"event": "user", "text": added, "parse_data": parse(added, "nlu_fallback")}]
    tracker = Tracker("w", {}, parse(added, "nlu_fallback"), events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, tracker) == []
    # (round 62: the fact of the message is the note, not its question — VI-6, VI-9, VJ-1, VJ-6)
    expected = {"那个包工头姓什么要不要告诉你们 他姓孙": "他姓孙", "工单上有没有写我们厂叫海纳电器": "我们厂叫海纳电器"}
    assert written == [("GH202612060002", expected.get(added, added))] and "留了话" in dispatcher.messages[0]["text"]


def test_a_hardship_status_corrected_after_the_relief_answer_redoes_it():
    """OO-07, MM-08: 不对 是特困 去年改的 after the relief answer changed the status, and the
    answer stood on 困难 (特困's lower threshold never said)."""
    from actions.router import flow_to_redo

    text = "不对 是特困 去年改的"
    message = parse(text, "inform")
    events = [{"event": "active_loop", "name": "relief_form"}, {"event": "active_loop", "name": None},
              {"event": "bot", "text": "按困难职工的标准…"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "hardship_status", "value": "特困"}]
    tracker = Tracker("w", {"hardship_status": "特困"}, message, events, False, None, {}, "action_listen")
    assert flow_to_redo(tracker) == "relief_eligibility"


async def test_what_was_paid_for_each_overtime_day_is_taken_off():
    """OO-15: 一天给两百 周六周天也干 也是给两百 … 八个周末 got 6,400 owed, never that 3,200 of
    it was paid."""
    from actions.wages import ActionCalculateOvertime, paid_so_far

    text = "我不知道月工资多少 一天给两百 周六周天也干 也是给两百 这样算对不对 大概干了八个周末"
    message = parse(text, "overtime_pay")
    tracker = Tracker("w", {"monthly_wage": 4350, "wage_basis": "day", "overtime_days": text}, message,
                      [{"event": "user", "text": text, "parse_data": message}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    await ActionCalculateOvertime().run(dispatcher, tracker, {})
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "6,400.00" in said and "共 3,200 元" in said and "还差 3,200.00 元" in said, said
    assert paid_so_far("那周末那几天他已经给了我两百一天了 还差我多少") is None  # per day, not 210 in all


async def test_a_place_someone_else_is_in_is_not_the_workers():
    """OO-05: 那广东那边呢 我老乡在东莞 gave 好的，记下了：城市 东莞市 (the worker is in 上海)."""
    from actions import slot_mappings

    text = "那广东那边呢 我老乡在东莞"
    message = parse(text, "holiday_subsidy", [{"entity": "city", "value": "东莞"}])
    events = [{"event": "slot", "name": "city", "value": "上海"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "city", "value": "东莞"}]
    tracker = Tracker("w", {"city": "东莞"}, message, events, False, None, {}, "action_listen")
    undone = await slot_mappings.ValidateSlotMappings().run(CollectingDispatcher(), tracker, {})
    assert {"event": "slot", "name": "city", "value": "上海", "timestamp": None} in undone


async def test_a_legal_case_told_with_its_place_gets_the_law_not_the_station_card(monkeypatch):
    """PP-07: 我在黄岛辛安…手被压了…说没给我交社保不算工伤…想让工会帮帮忙 got the 辛安 card."""
    from actions import facts, services

    card = {"topic": "station", "kind": "station", "answer": "工会网格工作站：辛安街道工会网格化工作总站"}
    law = {"topic": "injury_without_insurance", "kind": "law", "answer": "没交社保（工伤保险）也能认定工伤",
           "source": "《工伤保险条例》第六十二条"}

    class Records:
        async def facts(self, question, city=None, district=None, employer=None):
            return {"facts": [card] if district or "工会" in question else [law]}

    monkeypatch.setattr(facts, "client", Records)
    text = "我在黄岛辛安一个五金厂开冲床 手被压了 两个手指头骨折 老板说没给我交社保不算工伤 想让工会帮帮忙"
    message = parse(text, "legal_aid")
    tracker = Tracker("w", {"district": "辛安街道"}, message,
                      [{"event": "user", "text": text, "parse_data": message}], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    await services.ActionLegalAid().run(dispatcher, tracker, {})
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "也能认定工伤" in said and "工会网格工作站：" not in said


# --- round 22 (QQ money, RR others) ---------------------------------------------------------

def test_months_of_pay_owed_are_no_time_worked():
    """RR-14: 工地上干了一年多 说不要我就不要了 最后两个月工资一万二也没给 got severance on 2 months."""
    from actions.legal import worked_out

    text = "工地上干了一年多 说不要我就不要了 最后两个月工资一万二也没给"
    assert "干了1年多" in worked_out(text, text, None, asked_wage=False)[0]


def test_together_is_no_yuan():
    """RR-16: 托管那个也一块帮我登上 put 金额：1 元 on the childcare ticket."""
    from bot.normalize.numbers import find_amounts

    assert find_amounts("托管那个也一块帮我登上 我上班到晚上七点") == []
    assert [s.value for s in find_amounts("给了一块钱")] == [1]


def test_a_name_everyone_calls_it_is_the_employer():
    """QQ-13: 全名不知道 大家都叫它海明电子厂 was filed as 它海明电子厂."""
    from actions import validators as v

    assert v.employer_answer("全名不知道 大家都叫它海明电子厂").value == "海明电子厂"


async def test_hours_asked_after_a_card_are_answered_not_handed_over():
    """RR-10: 礼拜天呢 俺下班都快八点了 去了还有人吗 after the 辛安 card started a handoff."""
    from actions.station_text import station_text

    card = "工会网格工作站：" + station_text({
        "name": "辛安街道工会网格化工作总站", "address": "青岛西海岸新区辛安街道", "phone": "0532-12351",
        "hours": {d: ["08:30-19:30"] for d in ("mon", "tue", "wed", "thu", "fri")}, "open_now": False})
    text = "礼拜天呢 俺下班都快八点了 去了还有人吗"
    events = [{"event": "user", "text": "辛安的工会站在哪", "parse_data": parse("辛安的工会站在哪", "find_station")},
              {"event": "bot", "text": card},
              {"event": "user", "text": text, "parse_data": parse(text, "request_human")}]
    tracker = Tracker("w", {}, parse(text, "request_human"), events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    await handoff.ActionHandoffRequest().run(dispatcher, tracker, {})
    assert "周日不开门" in dispatcher.messages[0]["text"]


def test_a_correction_on_the_offer_read_as_no_keeps_the_offer():
    """RR-07: 不对 是八个月 on the legal-aid offer got 好的，先不登记."""
    from actions.forms import ValidateTicketOfferForm

    for text, reopened in (("不对 是八个月", True), ("不用", False)):
        tracker = Tracker("w", {"wants_ticket": False}, parse(text, "deny"), [], False, None,
                          {"name": "ticket_offer_form"}, "action_listen")
        assert ValidateTicketOfferForm._correction_read_as_no(tracker) is reopened


async def test_a_figure_the_bot_said_asked_about_is_not_the_case_s():
    """QQ-08: 你说的十六万是我得病才给 还是家里人得病也行 stored 金额 160,000."""
    from actions import slot_mappings

    text = "你说的十六万是我得病才给 还是家里人得病也行 我老婆病了"
    message = parse(text, "mutual_insurance")
    events = [{"event": "bot", "text": "职工大病互助保障最高给付 160,000 元。"},
              {"event": "user", "text": text, "parse_data": message}]
    tracker = Tracker("w", {}, message, events, False, None, {}, "action_listen")
    set_now = await slot_mappings.ValidateSlotMappings().run(CollectingDispatcher(), tracker, {})
    assert not [e for e in set_now if e.get("name") in ("amount", "medical_cost")]


def test_a_time_reckoned_and_a_phone_case_are_no_refusal_of_the_phone():
    """RR-06: 我算了下是三年零四个月 厂子是做手机壳那个 叫青岛华翔电子 got 好的，不留电话也可以,
    and the employer 做手机壳那个."""
    from actions import validators as v

    text = "我算了下是三年零四个月 厂子是做手机壳那个 叫青岛华翔电子 在黄岛区"
    assert not v.declines_phone(text) and v.declines_phone("算了 不留了")
    assert v.read_facts(text, [], v.Context(form="ticket_offer_form")).get("employer") == "青岛华翔电子"


# --- round 23 (SS money, TT others) ---------------------------------------------------------

@pytest.mark.parametrize("later,stays", [
    ("打了也没用 我在胶州工地上摔的 老板说是我自己不小心", True),
    ("打了也没用 15863451234 黄岛的", False),                    # TT-15: the callback's phone
    ("你们的人真会打给我吗 啥时候", False),                        # a question, answered as usual
    ("我不会做傻事了 你就告诉我回电登记上没有", False),
    ("我要登记啊 帮我登记", False),                               # TT-16
    ("我现在在楼顶上", True),
])
def test_after_a_crisis_the_person_stays_only_for_words_that_ask_nothing(later, stays):
    """TT-15: the callback's phone and four questions after the crisis reply all got the same
    crisis text; the person stays for distress, not in place of every answer."""
    from actions.crisis import stays_with_person
    from actions.facts import is_question
    from actions.services import wants_registration

    tracker = _after_crisis(later)
    assert stays_with_person(tracker, later, is_question(later) or wants_registration(later)) is stays


def test_the_person_s_line_is_not_said_twice_in_a_row():
    from actions.crisis import CRISIS_STILL_HERE, stays_with_person

    text = "唉"
    events = [{"event": "user", "text": "活着真没意思", "parse_data": parse("活着真没意思", "psych_support")},
              {"event": "bot", "text": CRISIS_REPLY},
              {"event": "user", "text": "嗯", "parse_data": parse("嗯", "inform")},
              {"event": "bot", "text": CRISIS_STILL_HERE},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    tracker = Tracker("w", {}, parse(text, "inform"), events, False, None, {}, "action_listen")
    assert not stays_with_person(tracker, text, False)


def test_a_festival_range_with_words_between_is_every_day_of_it():
    """SS-03: 不对 是从除夕就开始上的 一直上到初六 counted 除夕 and 初六 only (1,200 for 4,320)."""
    from datetime import date

    from actions.overtime_days import read_worked_days

    days = read_worked_days("不对 是从除夕就开始上的 一直上到初六", date(2026, 12, 6)).dates
    assert len(days) == 7 and days[0] == date(2026, 2, 16)  # worked (开始上的): the one behind


def test_no_record_said_needs_no_code_to_look_it_up():
    """SS-12: 俺也没建过什么困难档, and a code was still sent to look the record up; SS-11: 没有
    (no code came) got 验证码不对."""
    from actions import validators as v
    from actions.forms import NO_CODE

    assert v.hardship_status_in("俺也没建过什么困难档") == "none"
    assert NO_CODE.search("没有") and not NO_CODE.search("没有问题 是123456")


async def test_the_relief_form_asks_no_phone_or_code_of_a_worker_with_no_record():
    from actions.forms import ValidateReliefForm

    domain = {"forms": {"relief_form": {"required_slots": ["phone", "otp_code", "medical_cost"]}}}
    tracker = Tracker("w", {"hardship_status": "none", "city": "镇江"}, parse("没建档", "inform"), [],
                      False, None, {"name": "relief_form"}, "action_listen")
    slots = await ValidateReliefForm().required_slots(["phone", "otp_code", "medical_cost"],
                                                      CollectingDispatcher(), tracker, domain)
    assert "phone" not in slots and "otp_code" not in slots and "medical_cost" in slots


def test_a_name_told_in_dialect_is_the_contact():
    """UU-01: 俺叫张建军 电话138 5320 7716 was missing from the summary (我叫 was read)."""
    from actions.tickets import name_told

    text = "俺叫张建军 电话138 5320 7716"
    tracker = Tracker("w", {}, parse(text, "inform"), [{"event": "user", "text": text}], False, None, {},
                      "action_listen")
    assert name_told(tracker) == "张建军"


def test_how_much_right_after_the_sum_is_that_sum():
    """VV-08: 我能拿多少 right after the dismissal's sum went to the relief form and an SMS code."""
    from actions.legal import sums_for, worked_out

    first = "干了两年零四个月 厂里把我开了 一个月六千"
    said = worked_out(first, first, 6000, asked_wage=False)[0]
    text = "我能拿多少"
    events = [{"event": "user", "text": first, "parse_data": parse(first, "legal_aid")},
              {"event": "bot", "text": said},
              {"event": "user", "text": text, "parse_data": parse(text, "inform")}]
    tracker = Tracker("w", {"monthly_wage": 6000}, parse(text, "inform"), events, False, None, {},
                      "action_listen")
    assert sums_for(tracker) == [f"能要，就是上面算的这一项：{said}"]
