"""Round 62, helper x (/work/indep/results-VJ.md): the question asked is answered first, and the worker's own
sum is worked out — VJ-1 (报名一般几月份 right after the school ticket: 我还是没弄明白), VJ-8 (社保 not paid, 两年,
一个月4000, 要是走的话能要多少补偿 / 你就直接给俺算算: legal-aid text, no figure; 补缴能补几年 never answered; 两年 to
the bot's own question: the menu), VJ-10 (西安环卫工冬天给不给发棉衣: the holiday form, then the wage form)."""

from __future__ import annotations

import pytest
from form_trackers import conversation

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from actions import legal
from actions.facts import answer_fact, talk_topic
from actions.subsidies import winter_care_asked, winter_care_reply

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop

# --- VJ-1: 报名一般几月份 right after the school ticket ------------------------------------------------------

SCHOOL_FILED = ("已为您登记子女入学协调工单，工单号 GH202612080001，"
                "由辛安街道工会网格化工作总站负责（电话 0532-12351）。工作人员会在 12月10日（周四）前给您打电话，"
                "请保持手机畅通。以后查进度，告诉我工单号就行。")


def _after_school_ticket(text: str):
    return conversation([("儿子今年7岁 秋天上一年级 户口在河南 学校说没有本地户口不收", "school_placement",
                          ["要不要我帮您登记一张子女入学协调工单"]),
                         ("/affirm", "affirm", [SCHOOL_FILED]),
                         (text, "nlu_fallback", [])])


def test_the_topic_of_the_ticket_just_filed_is_the_talks():
    assert talk_topic(_after_school_ticket("报名一般几月份")) == "随迁子女入学"
    assert talk_topic(conversation([("报名一般几月份", "nlu_fallback", [])])) is None


@on_module_loop
@pytest.mark.parametrize("text", ["报名一般几月份", "一般啥时候报名", "报名是几月份？", "几月份开始报名啊"])
async def test_a_question_naming_no_topic_is_read_with_the_case_just_filed(backend, text):
    said = "\n".join(await answer_fact(_after_school_ticket(text)) or [])
    assert "报名时间每年由孩子要上学那个区（县）的教育局" in said, said
    assert "我这里没有今年的具体日期" in said  # (never a month made up)


# --- VJ-8: unpaid social insurance, the worker's own sum ---------------------------------------------------

@pytest.mark.parametrize("said", ["要是走的话能要多少补偿", "俺想走 能要多少", "打算走人 能赔多少",
                                  "我要是辞职能要多少"])
def test_leaving_over_unpaid_insurance_is_worked_out(said):
    words = f"厂里不交社保 俺干了两年 一个月4000 {said}"
    lines = legal.worked_out(said, words, 4000, asked_wage=False)
    assert lines and "2 个月工资" in lines[0] and "8,000 元" in lines[0], lines
    assert "第三十八条" in lines[0]


@pytest.mark.parametrize("said", ["不想走", "想不想走", "老板让我走", "我走路上班"])
def test_no_leaving_is_read_from_other_goings(said):
    assert not legal.resigning(said)


def test_the_sum_asked_right_after_is_on_the_words_before():
    tracker = conversation([("厂里不交社保 俺干了两年 一个月4000 要是走的话能要多少补偿", "legal_aid",
                             ["要不要我再帮您看看您自己的情况？"]),
                            ("你就直接给俺算算能要多少钱", "nlu_fallback", [])])
    said = "\n".join(legal.sums_for(tracker))
    assert "8,000 元" in said, said


def test_unpaid_insurance_not_yet_leaving_is_answered_both_ways():
    words = "厂里一直不给俺交社保 干了两年 一个月四千 不知道想不想走 能要多少"
    lines = legal.worked_out("能要多少", words, 4000, asked_wage=False)
    said = "\n".join(lines)
    assert "接着干的话" in said and "补缴" in said and "8,000 元" in said, said


@pytest.mark.parametrize("text", ["补缴能补几年", "社保能往回补多少年", "没交的社保能补多久",
                                  "社保补缴能补几年 走的话能要多少"])
def test_how_far_back_the_insurance_is_made_up_is_answered(text):
    words = f"俺在胶州一个厂子里干活 厂里一直不给俺交社保 干了两年 一个月四千 {text}"
    lines = legal.worked_out(text, words, 4000, asked_wage=False)
    assert lines and "没交多久就该补多久" in lines[0] and "这2年都要补" in lines[0], lines
    if "走" in text:
        assert any("8,000 元" in line for line in lines[1:]), lines


def test_a_severance_asked_is_no_make_up_question():
    assert legal.make_up_years_line("补偿能要多少", "厂里不交社保 补偿能要多少") is None


OWN_CASE = ("帮您看看自己的情况，请一次告诉我：在这个单位干了多久、月工资多少、想继续干还是想走？"
            "（比如：干了四年，一个月5000，想走）")


def test_the_time_worked_told_alone_is_kept_and_the_wage_asked():
    tracker = conversation([("俺在胶州一个厂子里干活 厂里一直不给俺交社保 咋整", "legal_aid",
                             ["要不要我再帮您看看您自己的情况？"]),
                            ("嗯", "affirm", [OWN_CASE]),
                            ("两年", "inform", [])])
    said = legal.sums_for(tracker)
    assert said and said[0].startswith("记下了：在这个单位干了2年。") and "月工资多少" in said[0], said


def test_the_wage_told_next_gets_the_sum():
    tracker = conversation([("俺在胶州一个厂子里干活 厂里一直不给俺交社保 咋整", "legal_aid",
                             ["要不要我再帮您看看您自己的情况？"]),
                            ("嗯", "affirm", [OWN_CASE]),
                            ("两年", "inform", ["记下了：在这个单位干了2年。" + legal.WAGE_AGAIN]),
                            ("一个月四千", "inform", [])], slots={"monthly_wage": 4000})
    said = "\n".join(legal.sums_for(tracker))
    assert "8,000 元" in said, said


# --- VJ-10: winter clothing for a sanitation worker in 西安 ------------------------------------------------

@pytest.mark.parametrize("text", ["那西安这边环卫工有啥慰问没 冬天给发衣服不", "西安环卫工冬天工会给不给发棉衣",
                                  "没人欠我钱 我问棉衣", "不是过年 就平时冬天 环卫工有没有啥关爱",
                                  "天冷了工会发不发御寒的东西"])
def test_winter_care_is_asked(text):
    assert winter_care_asked(text)


@pytest.mark.parametrize("text", ["留下过年有啥慰问", "冬天加班费怎么算", "过年发红包吗", "老板欠我工资"])
def test_other_questions_are_no_winter_care(text):
    assert not winter_care_asked(text)


@on_module_loop
@pytest.mark.parametrize("text", ["西安环卫工冬天工会给不给发棉衣", "那西安这边环卫工有啥慰问没 冬天给发衣服不"])
async def test_winter_care_elsewhere_is_said_not_on_record(backend, text):
    said = await winter_care_reply(conversation([(text, "holiday_subsidy", [])])) or ""
    assert said.startswith("西安市的工会冬天给环卫工人发不发棉衣"), said
    assert "没有收录" in said and "12351" in said and "西安市总工会" in said
    assert "过年" not in said and "欠" not in said


# --- through the router (the reply the worker gets) ---------------------------------------------------------

@on_module_loop
async def test_two_years_told_to_the_own_case_question_gets_no_menu(backend):
    import yaml
    from rasa_sdk.executor import CollectingDispatcher

    from actions.router import ActionStartService
    from bot.settings import ROOT

    tracker = conversation([("俺在胶州一个厂子里干活 厂里一直不给俺交社保 咋整", "legal_aid",
                             ["要不要我再帮您看看您自己的情况？"]),
                            ("嗯", "affirm", [OWN_CASE]),
                            ("两年", "inform", [])])
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, yaml.safe_load((ROOT / "domain.yml").read_text("utf-8")))
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "在这个单位干了2年" in said and "月工资多少" in said, said
    assert "请问您想办理什么事情" not in said


@on_module_loop
async def test_the_school_month_beside_a_note_is_answered_from_its_part(backend):
    from actions.facts import answer_of_part

    tracker = _after_school_ticket("好的。那我社保交了两年这个写上了吗？报名是几月份？")
    said = "\n".join(await answer_of_part(tracker, "报名是几月份"))
    assert "报名时间每年由孩子要上学那个区（县）的教育局" in said, said
