"""Defects the independent testers' rounds 25+ found (WW-/XX- …), each read the way the worker
wrote it."""

from __future__ import annotations

from actions import validators as v
from bot.nlu.employer_extractor import find_employers


def _employers(text: str) -> list[dict]:
    """What the pipeline's employer extractor gives for ``text`` (with its offsets)."""
    return [{"entity": "employer", "value": text[a:b], "start": a, "end": b}
            for a, b in find_employers(text)]


def test_the_name_said_beside_a_kind_of_workplace_is_the_employer():
    """WW-14 filed 配套厂 for 海尔那边一个配套厂 华瑞电子; WW-08 filed 塑料件 for 叫啥鑫达."""
    text = "青岛黄岛区 海尔那边一个配套厂 华瑞电子 欠我两个月工资 一共九千"
    facts = v.read_facts(text, _employers(text), v.Context(form="wage_arrears_form", asked="employer"))
    assert facts["employer"] == "华瑞电子"
    text = "胶州一个做塑料件的小厂 叫啥鑫达 一个月四千五"
    facts = v.read_facts(text, [{"entity": "employer", "value": "塑料件", "start": 6, "end": 9}],
                         v.Context(form="wage_arrears_form", asked="employer"))
    assert facts["employer"] == "鑫达"
    for unknown in ("公司叫啥俺不知道", "厂子叫啥不知道", "叫什么名字我忘了"):
        assert v.read_facts(unknown, [], v.Context(form="wage_arrears_form")).get("employer") in (None, v.UNKNOWN)


def test_a_boss_described_keeps_the_site_without_the_workers_own_words():
    """WW-01 filed 姓刘的包工头，我在青岛黄岛辛安街道工地."""
    text = "我在青岛黄岛辛安街道工地上干活 一个姓刘的包工头跑了 欠了我们三个月工资"
    employer = v.read_facts(text, [], v.Context(form="wage_arrears_form"))["employer"]
    assert employer.startswith("姓刘的包工头") and "我" not in employer


def _told(*messages: str):
    from rasa_sdk import Tracker
    events = [{"event": "user", "text": m, "parse_data": {"text": m}} for m in messages]
    return Tracker("w", {}, {"text": messages[-1]}, events, False, None, {}, "action_listen")


def test_the_ticket_keeps_the_case_not_the_chat_around_it():
    """WW-07 filed 13952801234；没收到, XX-09 然后呢, WW-13 the 算了不办了 taken back."""
    from actions.facts import case_words

    words = case_words(_told("我是镇江的特困职工 今年自付两千八 能申请医疗救助吗",
                             "那我这两千八到底够不够啊", "13952801234", "没收到"), limit=5)
    assert words == "我是镇江的特困职工 今年自付两千八 能申请医疗救助吗；那我这两千八到底够不够啊"
    words = case_words(_told("老板欠了俺俩月工资 俺在黄岛", "算了不办了 怕老板知道了把俺开了",
                             "要是以后再去要 老板能因为这个开除俺不"), limit=5)
    assert "算了" not in words and "开除俺不" in words
    assert case_words(_told("在公司干了1年8个月 没交社保 想辞职 能要补偿不", "然后呢")) == \
        "在公司干了1年8个月 没交社保 想辞职 能要补偿不"


def test_a_sum_corrected_in_the_same_message_is_the_sum_meant():
    """XX-05: 工资一个月4500 不对是4800 filed 4800 as the sum owed and summed the double wage on
    4,500 (27,000 instead of 28,800); 我说了是4800 不是4500 again filed 4800 as owed."""
    from actions.legal import worked_out

    text = "在一个装修公司干了大概7个月了 一直没签合同 工资一个月4500 不对是4800 这种能要点啥"
    assert v.read_facts(text, [], v.Context()) == {"monthly_wage": 4800}
    (line,) = worked_out(text, text, None, asked_wage=False)
    assert "4,800" in line and "28,800" in line and "4,500" not in line
    again = v.read_facts("我说了是4800 不是4500", [], v.Context(
        known=frozenset({"monthly_wage"}), sums=(("monthly_wage", 4500.0),)))
    assert again == {"monthly_wage": 4800}
    assert v.read_facts("欠了我八千 不对 是九千五", [], v.Context(form="wage_arrears_form")) == {"amount": 9500}


async def test_a_bare_corrected_wage_after_the_overtime_sum_read_as_no_redoes_the_sum():
    """WW-03: 不对 是八千七 right after the National Day sum on 8000 got 好的，没问题."""
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher
    from test_case_facts import DOMAIN, _parse, _slots

    from actions.fallback import ActionDenyNoContext
    from actions.slot_mappings import ValidateSlotMappings

    message = _parse("不对 是八千七", "deny")
    history = [{"event": "active_loop", "name": "overtime_form"},
               {"event": "active_loop", "name": None},
               {"event": "action", "name": "action_calculate_overtime"},
               {"event": "action", "name": "action_listen"},
               {"event": "user", "text": "不对 是八千七", "parse_data": message}]
    slots = {"monthly_wage": 8000, "overtime_days": "国庆1号2号还有5号"}
    tracker = Tracker("worker-1", slots, message, history, False, None, {}, "action_listen")
    read = _slots(await ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))
    assert read["monthly_wage"] == 8700 and "amount" not in read
    after = Tracker("worker-1", {**slots, "monthly_wage": 8700}, message,
                    history + [{"event": "slot", "name": "monthly_wage", "value": 8700}],
                    False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    events = await ActionDenyNoContext().run(dispatcher, after, DOMAIN)
    assert "没问题" not in " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert {"event": "active_loop", "name": "overtime_form"} in [
        {k: e[k] for k in ("event", "name")} for e in events if e.get("event") == "active_loop"]


def test_a_probation_served_in_full_is_summed_and_an_80_percent_wage_is_said_lawful():
    """XX-08: 三个月我都干完了 got no sum (1 month × 5,000 = 5,000), and 试用期4000 转正5000
    (工资打八折行不行) no answer."""
    from actions.legal import probation_lines

    over, pay = probation_lines("签了一年合同 试用期给我定了三个月 试用期4000 转正5000 三个月我都干完了 "
                                "试用期三个月合法吗 工资打八折行不行")
    assert "1个月 × 5,000 元 = 5,000 元" in over
    assert "4,000 元没有低于" in pay and "不违法" in pay


def test_a_deduction_is_weighed_against_a_fifth_of_the_workers_own_wage():
    """WW-12: 迟到扣1500 on 4,350 a month got the 20 % rule but never 870."""
    from actions.facts import applied_deduction

    (line,) = applied_deduction([{"topic": "wage_deduction"}],
                                "月工资4350 迟到扣了1500 我就想知道迟到扣一千五合法不")
    assert "870 元" in line and "超过了这条线" in line and "罚款" in line
    assert applied_deduction([{"topic": "overtime_limit"}], "月工资4350 迟到扣了1500") == []


def test_a_question_about_the_school_problem_is_no_new_problem():
    """XX-15: 初二转学还要考试不 became 已更正：遇到的问题改为转学（初二转学还要考试不）."""
    known = v.Context(form="school_form", asked="hukou_status",
                      known=frozenset({"school_problem", "child_grade"}))
    assert "school_problem" not in v.read_facts("初二转学还要考试不", [], known)
    assert v.read_facts("孩子初二 要转学到黄岛这边上", [], v.Context(form="school_form"))[
        "school_problem"].startswith("转学")


def test_a_refusal_told_beside_a_transfer_is_on_the_ticket():
    """XX-01 filed 转学 for 孩子三年级想转到这边上学 学校说居住证不满一年不收."""
    text = "我在黄岛辛安这边住 孩子三年级想转到这边上学 学校说居住证不满一年不收 大概办了10个月"
    problem = v.read_facts(text, [], v.Context())["school_problem"]
    assert problem.startswith("被学校拒收（学校说居住证不满一年不收）") and "转学" in problem


def _after_answer(service_action: str, answer: str, text: str, intent: str = "inform"):
    from form_trackers import parse
    from rasa_sdk import Tracker

    events = [{"event": "action", "name": service_action}, {"event": "bot", "text": answer},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    return Tracker("w", {}, parse(text, intent), events, False, None, {}, "action_listen")


def test_the_child_and_place_told_after_the_childcare_answer_sign_up_for_it():
    """XX-02: 俺在辛安沂河路社区 孩子7岁 上一年级 right after the childcare answer got the school
    form's hukou question."""
    from actions.services import follow_up_service, service_just_answered

    answer = "暑假子女托管：工会的职工子女爱心托管驿站……"
    tracker = _after_answer("action_childcare_service", answer, "俺在辛安沂河路社区 孩子7岁 上一年级",
                            "school_placement")
    assert service_just_answered(tracker) == "childcare_service"
    assert follow_up_service(tracker) == "childcare_service"
    tracker = _after_answer("action_childcare_service", answer, "孩子7岁 学校不收 上不了学", "school_placement")
    assert follow_up_service(tracker) is None


def test_what_next_after_the_law_on_quitting_for_no_insurance_gives_the_steps():
    """XX-09: 然后呢 on the legal offer got 没有现成的准确答案 and was written into the ticket."""
    from actions.hotline_form import _WHAT_NEXT, next_steps

    assert _WHAT_NEXT.match("然后呢") and _WHAT_NEXT.match("那接下来咋办") and not _WHAT_NEXT.match("然后老板跑了")
    (steps,) = next_steps({"type": "legal_aid", "facts": {}}, "干了1年8个月 公司一直没给交社保 我想辞职 能要补偿不")
    assert "仲裁" in steps and "书面解除通知" in steps
    assert next_steps({"type": "school_placement"}, "然后呢") == []


def test_sums_in_the_workers_words_stay_and_a_sum_insisted_on_is_no_new_fact():
    """Round 25 replay: the ticket's words lost 4500 and 4800 (read as codes), and 我说了是4800
    不是4500 with 4800 held as the wage added 金额 4,800."""
    from actions.facts import case_words

    assert "4500 不对是4800" in case_words(_told("工资一个月4500 不对是4800 这种能要点啥", "123456"))
    again = v.read_facts("我说了是4800 不是4500", [], v.Context(
        known=frozenset({"monthly_wage"}), sums=(("monthly_wage", 4800.0),)))
    assert again == {"monthly_wage": 4800}


def test_a_wider_station_says_the_place_asked_has_none_of_its_own():
    """黄岛长江路街道的工会服务站在哪 got the district centre's card as if it were the street's."""
    from actions.station_text import wider_station_note

    district = {"name": "青岛西海岸新区总工会职工服务中心", "level": "district"}
    note = wider_station_note({"street": "长江路街道", "district": "黄岛区", "city": "青岛市"}, district)
    assert note.startswith("长江路街道我这里还没有收录单独的工会网格工作站")
    assert wider_station_note({"district": "黄岛区", "city": "青岛市"}, district) == ""
    assert "即墨区" in wider_station_note({"district": "即墨区", "city": "青岛市"},
                                          {"name": "青岛市总工会职工服务中心", "level": "city"})
    assert wider_station_note(None, district) == ""


# --- round 26 (YY money, ZZ others) ------------------------------------------------------------

def test_the_whole_line_unpaid_is_many_workers():
    """YY-12: 全线的人都没发 got 没听明白有几个人 and two sets of buttons."""
    assert v.head_count("全线的人都没发").value == "很多人（全线）"
    assert v.head_count("大家都没发").value == "很多人"
    assert v.head_count("就我一个").value == 1 and v.head_count("一共12个").value == 12


def test_a_wrong_sum_explained_after_the_correction_is_not_the_sum_meant():
    """ZZ-06: 不对 是6000 6500是上个月加了班的 on the offer filed 金额 6,500, then 6,000 as owed."""
    ctx = v.Context(form="ticket_offer_form", asked="wants_ticket",
                    sums=(("amount", 32500.0), ("monthly_wage", 6500.0)))
    assert v.read_facts("不对 是6000 6500是上个月加了班的", [], ctx) == {"monthly_wage": 6000}


def test_months_worked_without_a_contract_are_no_sum_owed():
    """ZZ-06: 干了5个月了 一直没签合同 … 月工资6500, read as arrears, filed 32,500 owed."""
    from form_trackers import parse
    from rasa_sdk import Tracker

    from actions.slot_mappings import owed_per_month

    text = "我在黄岛一个饭店干了5个月了 一直没签合同 老板说签不签都一样 月工资6500"
    tracker = Tracker("w", {}, parse(text, "wage_arrears"), [], False, None, {}, "action_listen")
    facts = {"monthly_wage": 6500, "duration": "P5M"}
    assert owed_per_month(tracker, facts) == facts
    owed = "老板欠了我5个月工资 每个月6500"
    tracker = Tracker("w", {}, parse(owed, "wage_arrears"), [], False, None, {}, "action_listen")
    assert owed_per_month(tracker, facts)["amount"] == 32500


def test_probation_sums_on_the_contract_wage_and_for_a_dismissal():
    """YY-06 (合同上写工资5000, 试用期3500) and ZZ-15 (试用期 干了两个月 辞退, 4500) got no figure."""
    from actions.legal import probation_lines

    over, pay = probation_lines("签了两年合同 合同上写工资5000 试用期三个月 试用期每个月只给3500 这合法吗")
    assert "5,000 元" in over and "每月少了 500 元" in pay
    (fired,) = probation_lines("我在试用期 干了两个月 主管说我不行让我走 试用期被辞退 公司要给钱吗 我一个月4500")
    assert "约 4,500 元" in fired


def test_a_festival_rule_with_the_wage_in_the_message_gives_the_days_pay():
    """YY-08: 过年那几天干活 工钱咋算 阿拉一个月六千五左右 got the percentages only."""
    from actions.facts import applied_day_pay

    (line,) = applied_day_pay([{"topic": "overtime_spring_festival"}],
                              "过年那几天要是工地上还干活 工钱咋算 阿拉一个月六千五左右")
    assert "896.55" in line and "597.70" in line
    assert applied_day_pay([{"topic": "overtime_multipliers"}], "一个月六千五") == []


def test_asking_whether_new_years_eve_is_statutory_tells_no_day_worked():
    """YY-14: 那除夕到底算不算法定假日 worked the overtime out again for 除夕 alone, in 2027."""
    from datetime import date

    from actions.overtime_days import read_worked_days

    assert "overtime_days" not in v.read_facts("那除夕到底算不算法定假日 老板非说不算", [],
                                               v.Context(intent="overtime_pay"))
    said = "过年除夕到初三4天我都在岗 月工资3480 老板按两倍给的 还说除夕不算法定假日 我少拿了多少"
    assert read_worked_days(said, date(2026, 12, 6)).dates[0] == date(2026, 2, 16)


def test_where_a_factory_is_is_no_part_of_its_name_and_a_trade_keeps_its_name_unknown():
    """ZZ-01 filed 边电子厂 for 辛安街道这边电子厂; YY-15 filed 做五金 for 不知道叫啥 做五金的."""
    assert find_employers("我在黄岛辛安街道这边电子厂上班") == []
    assert [("我在那边华美服装厂干活"[a:b]) for a, b in find_employers("我在那边华美服装厂干活")] == ["华美服装厂"]
    assert v.employer_answer("不知道叫啥 做五金的").value == "做五金的单位（名称不清楚）"


def test_a_fact_of_the_case_on_the_offer_is_no_no():
    """ZZ-16: 没签 right after 合同 on the offer got 好的，先不登记."""
    from actions.forms import _A_FACT_NOT_DONE

    assert all(_A_FACT_NOT_DONE.match(t) for t in ("没签", "没签合同", "社保也没交", "一直没发"))
    assert not any(_A_FACT_NOT_DONE.match(t) for t in ("不用", "不要", "没有", "算了"))


def test_hours_asked_of_another_place_after_a_card_are_not_the_cards():
    """ZZ-10: 沂河路社区那个有托管的站呢 周六有人不 after the 辛安 card got the 辛安 hours."""
    from form_trackers import parse
    from rasa_sdk import Tracker

    from actions.station_followup import station_detail_reply

    card = ("工会网格工作站：辛安街道工会网格化工作总站\n地址：青岛西海岸新区辛安街道\n电话：0532-12351\n"
            "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00")

    def asked(text, entities):
        message = parse(text, "find_station", entities)
        events = [{"event": "user", "text": "辛安这块 工会的站在哪"}, {"event": "bot", "text": card},
                  {"event": "user", "text": text, "parse_data": message}]
        return Tracker("w", {}, message, events, False, None, {}, "action_listen")

    assert station_detail_reply(asked("沂河路社区那个有托管的站呢 周六有人不",
                                      [{"entity": "district", "value": "沂河路社区"}])) is None
    assert "周六 09:00-17:00" in station_detail_reply(asked("周六有人不", []))


def test_two_school_problems_said_once_stay_as_said():
    """Round 26 replay: 没有学位；转学（…）, normalised, was wrapped again in 没有学位（…）."""
    assert v.school_problem("没有学位;转学(想转学过来)").value == "没有学位;转学(想转学过来)"


def test_a_rough_time_said_after_not_knowing_it_and_two_word_messages_give_the_double_wage():
    """ZZ-16: 合同 / 没签 / 干了多久我也不知道 大概半年吧 一个月4千 能要多少 got 您在哪个城市 (the
    minimum wage) and no sum (≈ 5 × 4,000 = 20,000)."""
    from actions.legal import worked_out

    words = "合同 没签 干了多久我也不知道 大概半年吧 一个月4千 能要多少"
    (line,) = worked_out("干了多久我也不知道 大概半年吧 一个月4千 能要多少", words, None, False)
    assert "5个月的二倍工资差额" in line and "20,000" in line


# --- round 27 (ZA money, ZB others) -----------------------------------------------------------

def test_the_others_beside_the_workers_own_share_are_counted():
    """ZB-16: 我一个人两万四 一起的还有六个工友 filed 人数：就您一个; 一共七个人 is seven."""
    assert v.head_count_in("我一个人两万四 一起的还有六个工友") == 7
    assert v.head_count("人数不对 我们一共七个人").value == 7
    assert v.head_count_in("就我一个人") == 1


def test_both_weekend_days_every_week_and_the_workers_own_count():
    """ZA-15: 周六周日都得上班 一个月得有八天吧 was read as 4 days."""
    from datetime import date

    from actions.overtime_days import read_worked_days

    assert read_worked_days("周六周日都得上班 一个月得有八天吧 也不给调休", date(2026, 12, 6)).rest_days == 8
    assert read_worked_days("每个周六都要加班", date(2026, 12, 6)).rest_days == 4
    assert read_worked_days("一个月干26天", date(2026, 12, 6)).rest_days == 4


def _overtime_turn(*said: str):
    from form_trackers import parse
    from rasa_sdk import Tracker

    events = [{"event": "active_loop", "name": "overtime_form"}]
    for text in said:
        events += [{"event": "user", "text": text, "parse_data": parse(text, "inform")},
                   {"event": "bot", "text": "……"}]
    events.pop()
    return Tracker("w", {}, parse(said[-1], "inform"), events, False, None, {"name": "overtime_form"},
                   "action_listen")


def test_days_told_over_two_messages_and_a_corrected_count_are_read_together():
    """ZA-02: 每天晚上都要加班 大概两个钟头, then 5220 上个月上了22天班 天天都加 (asked again and
    again); ZA-03: 哦不对 是4天 1号到4号 after 国庆节在仓库上了5天班 (ignored)."""
    from actions.slot_mappings import days_with_what_came_before

    told = days_with_what_came_before(
        _overtime_turn("每天晚上都要加班 大概两个钟头", "5220 上个月上了22天班 天天都加"), {})
    assert "两个钟头" in told["overtime_days"] and "22天" in told["overtime_days"]
    fixed = days_with_what_came_before(_overtime_turn(
        "国庆节在仓库上了5天班，公司都按双倍给的，底薪6525，这样对吗", "哦不对 我记错了 是4天 1号到4号 5号歇了"), {})
    assert fixed["overtime_days"].startswith("国庆") and "5天" not in fixed["overtime_days"]


def test_a_probation_served_sums_its_months_and_a_trade_word_ends_a_name():
    """ZA-07: 两个月一共能补多少 got 800 a month; ZA-13 filed 宏达五金 as 宏达."""
    from actions.legal import probation_lines

    lines = probation_lines("试用期两个月 合同上写的工资4000 试用期只给2400 合同签的一年 "
                            "那我两个月试用期一共能补多少 现在已经转正了")
    # (合同签的一年 is read since round 32: the probation's length is said lawful beside the sum)
    assert any("一共少了 1,600 元" in line for line in lines) and "没有超过法律规定" in lines[0]
    assert ["在宏达五金干了两年"[a:b] for a, b in find_employers("在宏达五金干了两年")] == ["宏达五金"]


def test_another_who_may_pay_asked_about_is_not_the_employer():
    """ZA-16: 总包公司要管吗 replaced the foreman 刘 as the employer."""
    asked = v.read_facts("总包公司要管吗", [{"entity": "employer", "value": "总包公司", "start": 0, "end": 4}],
                         v.Context(known=frozenset({"employer"})))
    assert "employer" not in asked


def test_a_bare_count_said_late_in_the_wage_case_is_the_head_count():
    """This stop's own check: 7个, said while the phone was asked after 不知道 to the head count,
    was read as a wrong phone number and the ticket filed 人数：不清楚."""
    late = v.Context(form="wage_arrears_form", asked="phone")
    assert v.read_facts("7个", [], late) == {"workers_affected": 7}
    known = v.Context(form="wage_arrears_form", asked="phone", known=frozenset({"workers_affected"}))
    assert v.read_facts("7个", [], known) == {}
