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
