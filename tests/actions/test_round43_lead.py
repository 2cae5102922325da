"""Round 43 leftovers the lead mended in the dialogue layer (router, handoff): a question about
when someone is there is answered with the station's hours, not a handoff."""

from __future__ import annotations

import pytest
from form_trackers import conversation, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.fallback import ActionDenyNoContext
from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def in_form(first: tuple[str, str, str], form: str, asked: str, ask: str, said: str, slots: dict) -> Tracker:
    """A form asking ``asked`` (its question ``ask``) after the worker's first message and the
    bot's answer to it (``first``: words, intent, reply); the worker then says ``said``."""
    message = parse(said, "inform")
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first[0], "parse_data": parse(first[0], first[1])},
              {"event": "bot", "text": first[2]},
              {"event": "active_loop", "name": form},
              {"event": "slot", "name": "requested_slot", "value": asked},
              {"event": "bot", "text": ask},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": message},
              {"event": "action", "name": form}]
    return Tracker("worker-1", {**slots, "requested_slot": asked}, message, events, False, None,
                   {"name": form}, "action_listen")


@on_module_loop
@pytest.mark.parametrize("said", ["我住在辛安街道 你们那边周末有人不", "辛安街道的 晚上下班以后还有人吗",
                                  "我在辛安街道 礼拜天有没有人"])
async def test_when_someone_is_there_is_the_stations_hours_not_a_handoff(backend, said):
    """YU-16: 我住在辛安街道 你们那边周末有人不 queued the worker (已为您转接) instead of saying
    辛安's weekend hours."""
    dispatcher = CollectingDispatcher()
    tracker = conversation([(said, "inform", [])], slots={"city": "青岛市", "district": "辛安街道"})
    events = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    reply = texts(dispatcher)
    assert "已为您转接" not in reply and "辛安" in reply and "服务时间" in reply, reply
    assert not any(e.get("name") == "handoff_reason" for e in events)


@on_module_loop
async def test_a_person_asked_for_outright_is_still_a_handoff(backend):
    dispatcher = CollectingDispatcher()
    tracker = conversation([("我在辛安街道 有人吗 我要找工作人员", "inform", [])],
                           slots={"city": "青岛市", "district": "辛安街道"})
    await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert "转接" in texts(dispatcher) or "工作人员" in texts(dispatcher)


@on_module_loop
@pytest.mark.parametrize("said", ["总包不知道咋查", "总包是哪家 去哪查", "不知道项目部是谁 怎么查"])
async def test_how_to_find_the_general_contractor_is_answered(backend, said):
    """YT-07: 总包不知道咋查, said while the wage form asked how much was owed, was read as
    不知道 and the next question asked: where the contractor's name is posted (the site's
    notice board), from the policy data."""
    found = (await backend.facts(said, "青岛市", "黄岛区"))["facts"]
    assert found and "维权信息告示牌" in found[0]["answer"], found
    assert "第三十四条" in found[0]["source"]


@on_module_loop
async def test_who_pays_when_the_foreman_ran_is_still_the_liability_answer(backend):
    found = (await backend.facts("包工头跑了 找总包有用吗", "青岛市", "黄岛区"))["facts"]
    assert "先行清偿" in found[0]["answer"]


CARD = ("离您最近的工会网格工作站是：\n辛安街道工会网格化工作总站\n"
        "地址：青岛西海岸新区辛安街道（具体位置请先打电话问清楚）\n电话：0532-12351\n"
        "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00（现在正在服务时间）")


def _after_card(text: str, places: list[str], district_now: str) -> Tracker:
    entities = [{"entity": "district", "value": p, "start": text.find(p), "end": text.find(p) + len(p)}
                for p in places]
    message = parse(text, "deny", entities)
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "附近的工会工作站在哪",
               "parse_data": parse("附近的工会工作站在哪", "find_station")},
              {"event": "bot", "text": "您在哪个城市、哪个区或街道？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "辛安街道", "parse_data": parse("辛安街道", "inform")},
              {"event": "slot", "name": "district", "value": "辛安街道"},
              {"event": "slot", "name": "city", "value": "青岛市"},
              {"event": "bot", "text": CARD},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "district", "value": district_now}]
    slots = {"district": district_now, "city": "青岛市"}
    return Tracker("worker-1", slots, message, events, False, None, {}, "action_listen")


@on_module_loop
async def test_not_this_place_but_another_is_that_places_station(backend):
    """YT-10: 不是辛安 是薛家岛 right after 辛安's card got 好的，没问题。有需要随时找我。"""
    dispatcher = CollectingDispatcher()
    events = await ActionDenyNoContext().run(dispatcher, _after_card("不是辛安 是薛家岛", ["辛安", "薛家岛"], "薛家岛"),
                                             DOMAIN)
    assert "有需要随时找我" not in texts(dispatcher)
    # the station question again, for the place said now (the form shows its card next)
    assert {"event": "active_loop", "name": "find_station_form", "timestamp": None} in events
    assert all(e.get("value") == "薛家岛" for e in events if e.get("name") == "district")


@on_module_loop
@pytest.mark.parametrize("said", ["不是辛安", "不是辛安街道", "我不在辛安"])
async def test_not_this_place_alone_asks_which_place(backend, said):
    """YT-10: 不是辛安 after 辛安's card is no goodbye: the place is asked again, and the denied
    one is not kept."""
    dispatcher = CollectingDispatcher()
    place = "辛安街道" if "街道" in said else "辛安"
    events = await ActionDenyNoContext().run(dispatcher, _after_card(said, [place], place), DOMAIN)
    reply = texts(dispatcher)
    assert "有需要随时找我" not in reply and "哪个区" in reply, reply
    assert slot_values(events).get("district", "kept") is None


@on_module_loop
async def test_a_plain_no_is_still_said_back(backend):
    dispatcher = CollectingDispatcher()
    await ActionDenyNoContext().run(dispatcher, _after_card("不用了", [], "辛安街道"), DOMAIN)
    assert dispatcher.messages[-1].get("response") == "utter_deny_no_context"


CRISIS = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
          "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")


@on_module_loop
@pytest.mark.parametrize("said", ["就是钱的事 老板说年后再给", "主要是工资的事 老板一直拖着"])
async def test_money_after_the_crisis_reply_goes_on_with_the_case_not_the_lines_twice(backend, said):
    """The lead's own round: 就是钱的事 老板说年后再给 after the crisis reply and 嗯 got the money
    line (钱的事我接着帮您办…12356) and then the still-here block with the same lines, and nothing
    of the case."""
    from actions.crisis import CRISIS_MONEY, CRISIS_STILL_HERE
    dispatcher = CollectingDispatcher()
    tracker = conversation([("厂里三个月没发工资了 房租都交不起 活着真没意思", "psych_support", [CRISIS]),
                            ("嗯", "affirm", ["嗯，我在这儿陪着您。想说什么都可以慢慢跟我说；撑不住的时候，12356、"
                                              "400-161-9995 24 小时有人接，有危险马上打 110 或 120。"]),
                            (said, "holiday_subsidy", [])], slots={"duration": "P3M"})
    events = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    reply = texts(dispatcher)
    assert CRISIS_MONEY in reply and CRISIS_STILL_HERE not in reply, reply
    assert reply.count("12356") == 1, reply
    # the wage case goes on (its form asks the next fact)
    assert {"event": "active_loop", "name": "wage_arrears_form", "timestamp": None} in events, reply


SUM = ("平时延长工作时间：2 小时/天 × 22 天 × 25.86 元 × 150% = 1,706.90 元\n"
       "合计：依法应付加班工资不少于 1,706.90 元")


@on_module_loop
@pytest.mark.parametrize("said,intent", [("为啥除21.75", "inform"), ("21.75是啥意思", "nlu_fallback"),
                                         ("为什么是21.75天", "inform")])
async def test_why_the_month_is_21_75_days_is_answered_after_the_sum(backend, said, intent):
    """YU-14: 为啥除21.75 right after the overtime sum got the generic menu."""
    from actions.fallback import understood_anyway
    tracker = conversation([("月薪4500 每天加班2小时 22天", "overtime_pay", [SUM]), (said, intent, [])])
    dispatcher = CollectingDispatcher()
    if intent == "inform":
        await ActionStartService().act(dispatcher, tracker, DOMAIN)
    else:
        await understood_anyway(dispatcher, tracker, DOMAIN)
    assert "365" in texts(dispatcher) and "劳社部发〔2008〕3号" in texts(dispatcher), texts(dispatcher)


def _overtime_asked_wage(said: str, intent: str, slots: dict) -> Tracker:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "每天加班3小时 一个月干26天 加班费多少",
               "parse_data": parse("每天加班3小时 一个月干26天 加班费多少", "overtime_pay")},
              {"event": "active_loop", "name": "overtime_form"},
              {"event": "slot", "name": "requested_slot", "value": "monthly_wage"},
              {"event": "bot", "text": "您的月工资是多少？（按劳动合同约定的工资，比如 4500）"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": parse(said, intent)},
              {"event": "active_loop", "name": None},
              {"event": "slot", "name": "interrupted_form", "value": "overtime_form"}]
    slots = {"interrupted_form": "overtime_form", **slots}
    return Tracker("worker-1", slots, parse(said, intent), events, False, None, {}, "action_listen")


@on_module_loop
@pytest.mark.parametrize("said,intent,slots,expected", [
    ("我工资就是最低工资 平时每天加班两小时 一个月22天 加班费该给多少", "overtime_pay", {"city": "青岛市"}, None),
    ("按最低工资算的", "minimum_wage", {"city": "青岛市"}, "asked"),
    ("底薪就是最低工资", "minimum_wage", {}, "asked"),
])
async def test_the_minimum_wage_as_the_wage_is_the_overtime_base(backend, said, intent, slots, expected):
    """YS-04: 按最低工资算的 to the overtime form's wage question started the minimum-wage
    flow (您在哪个城市？) and the sum was never done; said with the overtime, the minimum wage's
    answer came instead of the sum."""
    from actions.legal import _minimum_wage_records
    qingdao = int(_minimum_wage_records()["青岛市"]["monthly"])
    dispatcher = CollectingDispatcher()
    tracker = _overtime_asked_wage(said, intent, slots) if expected else \
        conversation([(said, intent, [])], slots=slots)
    events = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert slot_values(events).get("monthly_wage") == qingdao
    assert {"event": "active_loop", "name": "overtime_form", "timestamp": None} in events
    reply = texts(dispatcher)
    assert f"{qingdao:,}" in reply and "先帮您办" not in reply, reply
    assert ("告诉我您在哪个城市" in reply) == (not slots), reply


@on_module_loop
async def test_asking_the_minimum_wage_is_still_the_minimum_wage(backend):
    dispatcher = CollectingDispatcher()
    events = await ActionStartService().act(dispatcher, conversation([("青岛最低工资是多少", "minimum_wage", [])],
                                                                     slots={"city": "青岛市"}), DOMAIN)
    assert "monthly_wage" not in slot_values(events)


@pytest.mark.parametrize("said", ["黄岛区辛安街道", "青岛黄岛区辛安街道", "在黄岛区", "黄岛区那边"])
def test_places_said_to_who_owes_are_no_employer(said):
    """The lead's own round: 黄岛区辛安街道 said to 是哪家单位欠的 was filed as 单位：黄岛区辛安街道."""
    from actions import validators as v
    assert v.employer_answer(said).value is None and v.employer_answer(said).reask


@pytest.mark.parametrize("said", ["黄岛区辛安街道隆和电子厂", "青岛啤酒厂", "黄岛区的一个工地"])
def test_a_name_or_a_site_with_a_place_is_still_the_employer(said):
    from actions import validators as v
    assert v.employer_answer(said).value


NO_CONTRACT_ANSWER = "单位自用工之日起一个月内应当和职工订立书面劳动合同。……要二倍工资可以申请劳动仲裁。"


@on_module_loop
@pytest.mark.parametrize("said", ["8个月了", "八个月", "都一年半了"])
async def test_the_time_worked_said_alone_after_the_no_contract_answer_is_summed(backend, said):
    """YU-05 (helper C's finding): 8个月了 right after the no-contract answer and 要不要我再帮您看看
    您自己的情况 got the menu (请问您想办理什么事情)."""
    dispatcher = CollectingDispatcher()
    tracker = conversation([("老板一直不跟我签合同 这合法吗", "legal_aid",
                             [NO_CONTRACT_ANSWER, "要不要我再帮您看看您自己的情况？"]), (said, "inform", [])])
    await ActionStartService().act(dispatcher, tracker, DOMAIN)
    reply = texts(dispatcher)
    assert "二倍工资" in reply and "请问您想办理什么事情" not in reply, reply


@on_module_loop
async def test_the_time_worked_said_on_the_legal_offer_is_summed_and_kept(backend):
    """YU-05: 8个月了 on the legal-aid offer got the same offer again, the time left off."""
    from actions.forms import ValidateTicketOfferForm
    case = {"type": "legal_aid", "facts": {"case_points": "没签劳动合同", "question": "老板一直没跟我签合同"}}
    tracker = in_form(("老板一直没跟我签合同", "legal_aid", NO_CONTRACT_ANSWER), "ticket_offer_form", "wants_ticket",
                      "要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？", "8个月了",
                      {"pending_case": case})
    dispatcher = CollectingDispatcher()
    slots = slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    assert "8个月" in slots["pending_case"]["facts"]["question"]
    assert "7个月的二倍工资" in texts(dispatcher), texts(dispatcher)


@pytest.mark.parametrize("said", ["8个月了", "三年多了", "干了八个月"])
def test_the_time_worked_alone_is_told(said):
    from actions.legal import tells_time_worked
    assert tells_time_worked(said)


@pytest.mark.parametrize("said", ["3个月前", "8个月的工资没发", "欠了8个月了吗"])
def test_other_times_are_not_the_time_worked(said):
    from actions.legal import tells_time_worked
    assert not tells_time_worked(said)


@on_module_loop
async def test_where_to_apply_asked_inside_the_relief_form_is_answered(backend):
    """YV-04 (helper D's hook): 那我去哪申请 while the relief form asked for the phone got 我这里
    没有现成的准确答案."""
    from actions.forms import ValidateReliefForm
    relief = ("困难职工可以申请工会的医疗救助、生活补助等帮扶。能不能申请，要看您是否已建档（困难或特困）、"
              "所在地区，以及一年自付的医疗费用。")
    tracker = in_form(("家里困难 孩子生病花了好多钱 工会有救助吗", "relief_eligibility", relief),
                      "relief_form", "phone", "请留一个您本人的手机号，用来核对身份、查您在工会的建档情况。",
                      "那我去哪申请", {})
    dispatcher = CollectingDispatcher()
    await ValidateReliefForm().run(dispatcher, tracker, DOMAIN)
    reply = texts(dispatcher)
    assert "工作站" in reply and "没有现成的准确答案" not in reply, reply


@on_module_loop
@pytest.mark.parametrize("said", ["我问的是广东 不是上海", "不是上海 是广东"])
async def test_the_place_meant_beside_the_one_denied_is_the_answers_place(backend, said):
    """YS-11: 我问的是广东 不是上海 after 上海's minimum wage got 上海's again (the city slot took
    上海, the last place said)."""
    entities = [{"entity": "city", "value": p, "start": said.find(p), "end": said.find(p) + 2}
                for p in ("广东", "上海")]
    message = parse(said, "deny", entities)
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "最低工资是多少", "parse_data": parse("最低工资是多少", "minimum_wage")},
              {"event": "bot", "text": "您在哪个城市？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": "上海", "parse_data": parse("上海", "inform")},
              {"event": "slot", "name": "city", "value": "上海"},
              {"event": "bot", "text": "上海市最低工资标准：月最低工资 2740 元"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": message},
              {"event": "slot", "name": "city", "value": "上海"}]
    tracker = Tracker("worker-1", {"city": "上海"}, message, events, False, None, {}, "action_listen")
    out = await ActionDenyNoContext().run(CollectingDispatcher(), tracker, DOMAIN)
    assert slot_values(out).get("city") == "广东"
    assert {"event": "active_loop", "name": "minimum_wage_form", "timestamp": None} in out


# --- round 44 (the lead's part) ---

@on_module_loop
@pytest.mark.parametrize("said", ["明天青岛下雨不", "青岛啥时候下雪啊"])
async def test_a_question_out_of_the_hotlines_reach_is_not_said_to_be_kept(backend, said):
    """YX-14: 明天青岛下雨不 (read as inform, 青岛) got 收到，您说的我记下了 and the menu."""
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, conversation([(said, "inform", [])], slots={"city": "青岛市"}), DOMAIN)
    reply = texts(dispatcher)
    assert "记下了" not in reply and "查不了" in reply, reply


@on_module_loop
async def test_facts_without_a_service_are_still_kept_and_the_service_asked(backend):
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, conversation([("一个月4500", "inform", [])],
                                                            slots={"monthly_wage": 4500}), DOMAIN)
    assert "记下了" in texts(dispatcher)


def test_the_time_after_work_asked_while_queued_is_a_question_about_the_hours():
    """YX-8: 我晚上下了班十点多才有空 那时候有人吗 while queued got 您已经在排队了 (the question ignored)."""
    from actions.handoff import staff_hours_reply
    for said in ["我晚上下了班十点多才有空 那时候有人吗", "俺下班都九点了 那会儿还有人不"]:
        assert staff_hours_reply(said), said


@on_module_loop
async def test_a_callback_time_at_night_is_not_promised(backend, monkeypatch):
    """YX-8: 13705321122 晚上九点以后打 got 工作人员会照这个时间打, though no station is open then."""
    from actions import handoff
    filed = []

    async def file_case(dispatcher, tracker, kind, facts, urgent=False):
        filed.append(facts)
        dispatcher.utter_message(text="已为您登记回电工单，工单号 GH202612070008")

    monkeypatch.setattr(handoff, "file_case", file_case)
    for said, promised in [("那我留个电话吧 13705321122 晚上九点以后打", False), ("13705321122 下午两点以后打", True)]:
        dispatcher = CollectingDispatcher()
        tracker = conversation([(said, "inform", [])], slots={"phone": "13705321122"})
        await handoff.file_callback(dispatcher, tracker, "worker_request")
        reply = texts(dispatcher)
        assert ("会照这个时间打" in reply) == promised, reply


@on_module_loop
@pytest.mark.parametrize("said", ["不对 我记错了 是两个月前 十月份的事", "啥工单 我没有 我是说手受伤是两个月前"])
async def test_a_correction_read_as_a_ticket_lookup_is_the_workers_case(backend, said):
    """YX-11: 不对 我记错了 是两个月前 (read as ticket_status 0.51) right after the injury answer
    got 请告诉我工单号 three times."""
    first = "我在黄岛一个注塑厂 三个月前手指头让机器压了 厂里不给报工伤 也没给交社保 现在手指头弯不了 咋办"
    message = parse(said, "ticket_status")
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "legal_aid")},
              {"event": "bot", "text": "没交社保（工伤保险）也能认定工伤……"},
              {"event": "bot", "text": "要不要我再帮您看看您自己的情况？",
               "data": {"buttons": [{"title": "看看我的情况", "payload": "/legal_aid"},
                                    {"title": "不用了", "payload": "/deny"}]}},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": message},
              {"event": "slot", "name": "duration", "value": "P2M"}]
    tracker = Tracker("worker-1", {"duration": "P2M", "district": "黄岛区", "city": "青岛市"}, message, events,
                      False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    out = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert "工单号" not in texts(dispatcher)
    case = slot_values(out).get("pending_case") or {}
    assert case.get("type") == "legal_aid" and "两个月前" in case["facts"]["question"], out


@on_module_loop
async def test_a_lookup_in_words_is_still_a_lookup(backend):
    dispatcher = CollectingDispatcher()
    tracker = conversation([("查一下我的工单进度", "ticket_status", [])])
    out = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert {"event": "active_loop", "name": "ticket_status_form", "timestamp": None} in out


@on_module_loop
async def test_the_place_told_after_the_hours_line_asked_for_it_gets_that_stations_hours(backend):
    """YW-14: 黄岛区辛安街道 right after 告诉我您在哪个区、街道，我把那边工作站的时间和电话告诉您 got
    收到，您说的我记下了 and the menu."""
    from actions.handoff import STAFF_HOURS
    dispatcher = CollectingDispatcher()
    tracker = conversation([("半夜有人不", "request_human", [STAFF_HOURS]), ("黄岛区辛安街道", "inform", [])],
                           slots={"city": "青岛市", "district": "辛安街道"})
    await ActionStartService().act(dispatcher, tracker, DOMAIN)
    reply = texts(dispatcher)
    assert "辛安" in reply and "服务时间" in reply and "记下了" not in reply, reply


@on_module_loop
async def test_a_phone_told_to_the_place_question_is_kept_without_the_place_hint(backend):
    """YW-15: 15092345678 to 您在哪个城市、哪个区或街道 got 说区县名就行，不用带“区”字…"""
    from form_trackers import form_tracker

    from actions.forms import ValidateWageArrearsForm
    tracker = form_tracker("wage_arrears_form", "district", "15092345678",
                           slots={"employer": "海信达电子", "amount": 2500, "duration": "P2M",
                                  "workers_affected": "好几个"},
                           extracted={"phone": "15092345678"})
    dispatcher = CollectingDispatcher()
    out = slot_values(await ValidateWageArrearsForm().run(dispatcher, tracker, DOMAIN))
    reply = texts(dispatcher)
    assert "150****5678" in reply and "不用带" not in reply, reply
    assert out.get("requested_slot") == "district" and out.get("phone", "15092345678") == "15092345678"


@on_module_loop
async def test_a_question_asked_both_ways_after_a_trailing_no_is_still_asked(backend):
    """YX-5: 那这个老板要管不 算不算工伤啊 包工头说让俺自己看 got 没有现成的准确答案 — with the spaces
    folded, the 不 ending 要管不 read as 不算不算 (a negation)."""
    found = (await backend.facts("那这个老板要管不 算不算工伤啊 包工头说让俺自己看", "青岛市", "黄岛区"))["facts"]
    assert found and any("工伤" in f["answer"] for f in found), found


@on_module_loop
async def test_the_holiday_disowned_on_its_form_is_dropped(backend):
    """YW-13: 我没问过年的事 to 您是留下来过年… got the same question again."""
    from form_trackers import form_tracker

    from actions.forms import ValidateHolidaySubsidyForm
    tracker = form_tracker("holiday_subsidy_form", "holiday_situation", "我没问过年的事")
    dispatcher = CollectingDispatcher()
    out = await ValidateHolidaySubsidyForm().run(dispatcher, tracker, DOMAIN)
    assert "不办了" in texts(dispatcher)
    assert {"event": "active_loop", "name": None, "timestamp": None} in out, out


@on_module_loop
async def test_pay_owed_read_as_the_holiday_is_the_wage_case_when_the_holiday_was_never_named(backend):
    """YW-13: 钱能要回来吗 一年四万八 (read as holiday_subsidy) opened the holiday form unasked."""
    from actions.router import holiday_read_for_pay
    tracker = conversation([("老板欠我一年工资 钱能要回来吗", "holiday_subsidy", [])])
    assert holiday_read_for_pay(tracker, "holiday_subsidy", "老板欠我一年工资 钱能要回来吗") == "wage_arrears"
    asked = conversation([("过年不回家 厂里欠的钱能要回来吗", "holiday_subsidy", [])])
    assert holiday_read_for_pay(asked, "holiday_subsidy", "过年不回家 厂里欠的钱能要回来吗") == "holiday_subsidy"


@on_module_loop
@pytest.mark.parametrize("said", ["不查了", "啥工单 我没有 我是说手受伤是两个月前", "不用查了"])
async def test_no_lookup_wanted_leaves_the_ticket_number_question(backend, said):
    """YX-11: 不查了 to 请告诉我工单号 got the same question a third time."""
    from form_trackers import form_tracker

    from actions.forms import ValidateTicketStatusForm
    dispatcher = CollectingDispatcher()
    out = await ValidateTicketStatusForm().run(dispatcher, form_tracker("ticket_status_form", "ticket_id", said,
                                                                          intent="nlu_fallback"), DOMAIN)
    assert "不查了" in texts(dispatcher) and {"event": "active_loop", "name": None, "timestamp": None} in out


def test_a_question_stepping_aside_from_the_code_question_is_no_code():
    """YW-12: 还有那个大病互助保障最多能赔多少 to 请把 6 位验证码告诉我 was kept as the code (from_text),
    so after the answer the relief form went on as if verified and never asked it again."""
    from form_trackers import form_tracker

    from actions.forms import ValidateReliefForm
    said = "还有那个大病互助保障最多能赔多少"
    tracker = form_tracker("relief_form", "otp_code", said, intent="mutual_insurance", extracted={"otp_code": said})
    events = ValidateReliefForm()._step_aside(tracker)
    assert {"event": "slot", "name": "otp_code", "value": None, "timestamp": None} in events, events


@on_module_loop
async def test_the_law_cards_just_said_are_not_repeated_before_the_new_sum(backend):
    """YW-6: 还有这个月干的十来天工资也没给结 能一起要吗 got the two dismissal cards of the message
    before again, ahead of the days' sum."""
    first = "在仓库干了三年零四个月 上礼拜主管说明天不用来了 啥理由也没说 平均一个月六千 能赔多少"
    before = CollectingDispatcher()
    await ActionStartService().act(before, conversation([(first, "legal_aid", [])], slots={"monthly_wage": 6000}),
                                   DOMAIN)
    said_first = [m["text"] for m in before.messages if m.get("text")]
    second = "还有这个月干的十来天工资也没给结 能一起要吗"
    dispatcher = CollectingDispatcher()
    tracker = conversation([(first, "legal_aid", said_first), (second, "wage_arrears", [])],
                           slots={"monthly_wage": 6000})
    await ActionStartService().act(dispatcher, tracker, DOMAIN)
    reply = [m.get("text") or "" for m in dispatcher.messages]
    assert any("10天" in line or "10 天" in line for line in reply), reply
    assert not any(line in said_first for line in reply if line), reply


# --- round 45 (the lead's part) ---

@on_module_loop
async def test_a_demand_made_at_new_year_is_no_holiday_question(backend):
    """XA-12: 我今年过年的时候微信催过他 (read as holiday_subsidy) got 您是留下来过年，还是节后错峰回家."""
    said = "我今年过年的时候微信催过他，他回我说有钱了就给"
    dispatcher = CollectingDispatcher()
    first = "前年在一个厂干过 走的时候还差我3000块没结 我走了有一年两个月了 现在还能告他吗"
    tracker = conversation([(first, "legal_aid", ["劳动争议申请仲裁的时效期间为一年……"]),
                            (said, "holiday_subsidy", [])])
    out = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert not any(e.get("name") == "holiday_subsidy_form" for e in out), out
    assert "留下来过年" not in texts(dispatcher)


@on_module_loop
async def test_a_question_about_the_money_owed_is_never_told_this_hotline_cannot_check_it(backend):
    """XA-12: 啥啊 我问的是欠我那3000块的事 got 不好意思，这个我查不了 (the round-44 reply meant for the weather)."""
    dispatcher = CollectingDispatcher()
    tracker = conversation([("啥啊 我问的是欠我那3000块的事", "inform", [])])
    await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert "查不了" not in texts(dispatcher)


@on_module_loop
@pytest.mark.parametrize("said", ["看看", "好 看看", "帮我看看吧"])
async def test_look_said_to_the_own_case_offer_takes_it(backend, said):
    """XA-10: 看看 to 要不要我再帮您看看您自己的情况 got 没太明白, twice."""
    from actions.fallback import understood_anyway
    first = "我上个礼拜在厂里手被机器压了 老板说不算公伤 也没给我交社宝 医药费都是我自己垫的 现在咋办"
    message = parse(said, "nlu_fallback")
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": first, "parse_data": parse(first, "legal_aid")},
              {"event": "bot", "text": "没交社保（工伤保险）也能认定工伤……"},
              {"event": "bot", "text": "要不要我再帮您看看您自己的情况？",
               "data": {"buttons": [{"title": "看看我的情况", "payload": "/legal_aid"},
                                    {"title": "不用了", "payload": "/deny"}]}},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": message}]
    tracker = Tracker("worker-1", {}, message, events, False, None, {}, "action_listen")
    out = await understood_anyway(CollectingDispatcher(), tracker, DOMAIN)
    assert out and (slot_values(out).get("pending_case") or {}).get("type") == "legal_aid", out


@on_module_loop
async def test_a_work_injurys_costs_are_no_hardship_relief(backend):
    """XA-10: 手压了 医药费花了八千多 厂里不给报 … 能帮我登记吗 became a hardship-relief ticket with an SMS code."""
    said = "手压了 医药费花了八千多 厂里不给报 我在黄岛区辛安街道 能帮我登记吗"
    dispatcher = CollectingDispatcher()
    tracker = conversation([(said, "relief_eligibility", [])], slots={"city": "青岛市", "district": "辛安街道"})
    out = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert not any(e.get("name") == "relief_form" for e in out), out
    assert "验证码" not in texts(dispatcher)


@on_module_loop
@pytest.mark.parametrize("said,verdict", [("那周日呢 周日有人没", "周日不上班"),
                                          ("黄岛辛安的 晚上八点到底有没有人", "已经下班了"),
                                          ("下午三点有人吗", "有人在岗")])
async def test_a_day_or_hour_asked_gets_a_yes_or_no_from_the_stations_hours(backend, said, verdict):
    """XB-8: 晚上八点还有人吗 got no yes or no, and 那周日呢 周日有人没 the overtime form."""
    dispatcher = CollectingDispatcher()
    tracker = conversation([(said, "overtime_pay", [])], slots={"city": "青岛市", "district": "辛安街道"})
    out = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert verdict in texts(dispatcher) and not any(e.get("name") == "overtime_form" for e in out), texts(dispatcher)


def test_the_verdict_reads_the_hours_it_is_given():
    from actions.station_text import asked_time_verdict
    hours = {"mon": ["08:30-12:00", "13:30-17:30"]}
    assert "已经下班" in asked_time_verdict(hours, "晚上六点有人吗")
    assert "已经下班" in asked_time_verdict(hours, "中午12点半有人吗")
    assert asked_time_verdict(hours, "你们几点下班") is None


@on_module_loop
@pytest.mark.parametrize("said,intent", [("你们工会都能干啥", "find_station"), ("你们能帮啥忙", "inform")])
async def test_what_the_hotline_does_is_its_menu(backend, said, intent):
    """XB-16: 你们工会都能干啥 (read as find_station) got 您在哪个城市、哪个区或街道？"""
    dispatcher = CollectingDispatcher()
    out = await ActionStartService().act(dispatcher, conversation([(said, intent, [])]), DOMAIN)
    assert dispatcher.messages[0].get("response") == "utter_greet" and not out


@on_module_loop
async def test_no_person_wanted_with_a_where_question_gets_the_card(backend):
    """XB-16: 我不用转人工 就问在哪 几点关门 (out of scope) got only 已取消转人工."""
    from actions.fallback import understood_anyway
    await backend.open_handoff("worker-1", "青岛", "辛安街道", "worker_request", "rest")
    queued = "已为您转接辛安街道工会网格化工作总站的工作人员，您是下一位，请稍候。"
    tracker = conversation([("我在黄岛辛安住 哪有心理咨询的地方", "psych_support", [queued]),
                            ("我不用转人工 就问在哪 几点关门", "out_of_scope", [])],
                           slots={"city": "青岛市", "district": "辛安街道"})
    dispatcher = CollectingDispatcher()
    out = await understood_anyway(dispatcher, tracker, DOMAIN)
    assert "取消转人工" in texts(dispatcher)
    assert {"event": "active_loop", "name": "find_station_form", "timestamp": None} in (out or []), out


def test_a_cost_said_as_more_than_the_line_is_above_it():
    """XB-4: 自己掏了大概兩千多塊 我是建檔的困難職工 got 您的 2,000 元还差 0 元，现在还不够."""
    from actions.forms import ValidateReliefForm
    said = "我是鎮江的環衛工 去年得了大病住院 自己掏了大概兩千多塊 我是建檔的困難職工 能申請救助嗎"
    tracker = conversation([(said, "relief_eligibility", [])],
                           slots={"hardship_status": "困难", "medical_cost": 2000, "city": "镇江市"})
    verdict = ValidateReliefForm()._relief_verdict(tracker)
    assert verdict and "还差 0" not in verdict and "超过" in verdict, verdict


@on_module_loop
async def test_safe_again_with_a_question_is_checked_on_then_answered(backend):
    """XA-11: 我没事了 就是一时想不开 那扣的两千块能要回来吗 right after the crisis reply got the crisis
    reply again, and the money question went unanswered until asked a third time."""
    from actions.crisis import is_crisis
    from actions.services import ActionPsychSupport
    first = "这个月厂里无缘无故扣了我两千块钱，房租都交不上了，家里还等着钱，真的活着没意思，不想活了"
    said = "我没事了 就是一时想不开 那扣的两千块能要回来吗"
    assert is_crisis(said)  # the words are still there: the check-in keeps the lines
    queued = "已为您转接青岛市总工会职工服务中心的工作人员，前面还有 1 位在等待，请稍候。"
    turns = [(first, "psych_support", [CRISIS, queued]),
             (said, "psych_support", [])]
    check = CollectingDispatcher()
    out = await ActionPsychSupport().act(check, conversation(turns), DOMAIN)
    assert "12356" in texts(check) and "您的安全最重要" not in texts(check)
    assert {"event": "followup", "name": "action_start_service", "timestamp": None} in out, out
    turns[-1] = (said, "psych_support", [texts(check)])
    dispatcher = CollectingDispatcher()
    out = await ActionStartService().act(dispatcher, conversation(turns), DOMAIN)
    reply = texts(dispatcher)
    assert "action_psych_support" not in str(out) and "您的安全最重要" not in reply, (out, reply)
    assert "扣" in reply or "克扣" in reply or any(e.get("name") == "wage_arrears_form" for e in out), (out, reply)


def test_the_crisis_said_again_is_still_the_crisis():
    from actions.crisis import safe_again
    tracker = conversation([("不想活了", "psych_support", [CRISIS]), ("我还是想死 钱也要不回来", "psych_support", [])])
    assert not safe_again(tracker, "我还是想死 钱也要不回来")


def test_a_permit_said_before_an_unknown_about_the_documents_is_a_permit():
    """XB-1: 户口在安徽老家 俺有居住证 不知道要准备啥材料 was filed as 居住证不确定."""
    from actions import validators as v
    assert v.hukou_status("户口在安徽老家 俺有居住证 不知道要准备啥材料").value.startswith("外地户口，有居住证")
    assert "不确定" in v.hukou_status("户口在老家 居住证不知道办没办").value


@pytest.mark.parametrize("said", ["阿拉是外地来上海搭脚手架的", "我是干钢筋的", "在工地当小工"])
def test_a_site_trade_is_construction(said):
    """XB-5: 搭脚手架的 was no occupation the rules know, and 您做什么工作？ was asked again."""
    from actions import validators as v
    assert v.occupation(said).value == "construction"


# --- round 46 (the lead's part) ---

def test_whether_someone_can_be_found_after_work_is_a_question_about_the_hours():
    """XD-7: 等了好久了 咋还没人 我是黄岛区的 晚上九点下了班还能找到人不 got 没太明白."""
    from actions.handoff import staff_hours_reply
    assert staff_hours_reply("等了好久了 咋还没人 我是黄岛区的 晚上九点下了班还能找到人不")
    assert staff_hours_reply("周末能找得到人不")


@on_module_loop
async def test_when_the_call_comes_after_a_lookup_is_the_day_promised(backend):
    """XD-8: 啥时候给我打电话啊 right after a lookup's status handed the worker to a person."""
    from actions.handoff import ActionHandoffRequest
    status = ("工单 GH202612070001 目前已分派到网格工作站。为了保护个人信息，这里只告诉您办理状态；"
              "具体进展由负责的工作人员按您登记的手机号告知您。工作人员承诺在 12月9日（周三）前联系您。")
    tracker = conversation([("工单GH202612070001到哪一步了", "ticket_status", [status]),
                            ("啥时候给我打电话啊", "request_human", [])])
    dispatcher = CollectingDispatcher()
    out = await ActionHandoffRequest().act(dispatcher, tracker, DOMAIN)
    assert "12月9日" in texts(dispatcher) and "转接" not in texts(dispatcher), texts(dispatcher)
    assert not any(e.get("name") == "handoff_reason" and e.get("value") for e in out)


def test_a_ticket_and_phone_said_while_queued_are_a_lookup_not_a_callback():
    """XD-8: 不用转人工 我就问问 再查一下 GH202611180023 手机13800001111 filed a new callback ticket."""
    from actions.handoff import queued_phone_left
    queued = "已为您转接青岛市总工会职工服务中心的工作人员，您是下一位，请稍候。"
    said = "不用转人工 我就问问 再查一下 GH202611180023 手机13800001111"
    tracker = conversation([("转人工", "request_human", [queued]), (said, "nlu_fallback", [])],
                           slots={"phone": "13800001111"})
    assert not queued_phone_left(tracker)
    plain = conversation([("转人工", "request_human", [queued]), ("13800001111 下午打给我", "inform", [])],
                         slots={"phone": "13800001111"})
    assert queued_phone_left(plain)


@on_module_loop
async def test_the_place_after_the_hours_line_is_answered_whatever_the_model_made_of_it(backend):
    """XC-13: 黄岛区辛安街道 那到底现在有没有人 我等着还是明天再说 (out of scope) after 告诉我您在哪个区
    got 这个我帮不上忙."""
    from actions.fallback import understood_anyway
    from actions.handoff import STAFF_HOURS
    tracker = conversation([("现在都晚上十一点多了还有人吗", "request_human", [STAFF_HOURS]),
                            ("黄岛区辛安街道 那到底现在有没有人 我等着还是明天再说", "out_of_scope", [])],
                           slots={"city": "青岛市", "district": "辛安街道"})
    dispatcher = CollectingDispatcher()
    await understood_anyway(dispatcher, tracker, DOMAIN)
    assert "辛安" in texts(dispatcher) and "服务时间" in texts(dispatcher)


@on_module_loop
async def test_a_station_asked_with_a_sum_is_shown_with_it(backend):
    """XD-13: 那俺要是因为这个辞职 能要补偿不？城阳这边找谁帮忙 / 城阳有工会的站吗 got the sum alone, twice."""
    from actions.router import station_asked_too
    tracker = conversation([("城阳有工会的站吗", "inform", [])], slots={"city": "青岛市", "district": "城阳区"})
    card = await station_asked_too(tracker, "工资四千二。城阳有工会的站吗")
    assert card and "电话" in card
    assert await station_asked_too(tracker, "工资四千二 能要多少") is None


@on_module_loop
async def test_a_queued_worker_after_a_crisis_gets_the_lines_with_the_queue(backend):
    """XD-16: 我在广州 这么晚了也有人吗 after 真想从宿舍楼上跳下去 and the crisis reply got only 您已经在排队了."""
    from actions.handoff import still_queued
    tracker = conversation([("有时候真想从宿舍楼上跳下去", "psych_support",
                             [CRISIS, "已为您转接青岛市总工会职工服务中心的工作人员，您是下一位，请稍候。"]),
                            ("我在广州 这么晚了也有人吗", "nlu_fallback", [])])
    dispatcher = CollectingDispatcher()
    await still_queued(dispatcher, tracker, {"station_phone": "12351"}, "您是下一位", "crisis", None)
    assert "12356" in texts(dispatcher) and "排队" in texts(dispatcher)


# --- round 47 (measured on the final code; the one safety-related defect mended) ---

@on_module_loop
@pytest.mark.parametrize("said,intent", [("打电话也没用 说了也白说", "wage_arrears"),
                                         ("说了也白说 没人管", "nlu_fallback")])
async def test_hopelessness_right_after_the_crisis_reply_is_met_with_the_person_not_a_form(backend, said, intent):
    """XF-15: 打电话也没用 说了也白说 (read as wage_arrears; 电话 read as a question) right after the crisis
    reply got a cold 是哪家单位欠的？"""
    from actions.crisis import CRISIS_STILL_HERE
    first = "工资拖了半年一分没给 孩子也上不了学 活着真没意思 不想活了"
    tracker = conversation([(first, "psych_support", [CRISIS]), (said, intent, [])], slots={"duration": "P6M"})
    dispatcher = CollectingDispatcher()
    out = await ActionStartService().act(dispatcher, tracker, DOMAIN)
    assert CRISIS_STILL_HERE in texts(dispatcher) and not any(e.get("name") == "wage_arrears_form" for e in out)


@pytest.mark.asyncio
@pytest.mark.parametrize("said", ["那大概多久能有信", "一般几天有消息"])
async def test_when_news_comes_after_filing_is_the_day_promised(said):
    """XF-1: 那大概多久能有信 right after the school ticket got 这个我帮不上忙."""
    from actions.tickets import note_on_ticket
    filed = ("已为您登记入学协调工单，工单号 GH202612070003，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
             "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。")
    dispatcher = CollectingDispatcher()
    out = await note_on_ticket(dispatcher, conversation([("孩子上学的事", "school_placement", [filed]),
                                                         (said, "out_of_scope", [])]))
    assert out is not None and "12月9日" in texts(dispatcher), texts(dispatcher)
