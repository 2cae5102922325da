"""Round 63, helper s: a ticket and its summary hold the facts the worker gave, as facts, whole.

VL-1: 您说的情况 a paste of every message (给我看看 … 我是…); 给我看一下 the ticket's content not shown.
VL-8: the employer said with the phone dropped; 厂名给我 noted; 单位 刚才说了 青岛宏利达塑胶 filed.
VL-15: 哦 是0014 after a number a digit short got the menu.
VL-16: 没社保证明 filed as 没交社保; the grade and the school's refusal cut off with "…"."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.tickets import (
    _denied_points,
    case_account,
    employer_said,
    filed_content_asked,
    fixed_number_lookup,
    missing_fact_told,
    note_parts,
    summary_lines,
    ticket_number_fixed,
    when_called_reply,
)

VL1 = ("你好 我是澳柯玛厂里的工人 住在黄岛辛安街道 儿子三年级 从临沂老家转过来 没有青岛户口 附近小学说没名额不收 "
       "我有居住证 社保也交了两年了 这个咋办 工会能帮忙协调不；我叫王建国；"
       "好 那工单上都写了啥 给我看看 还有大概多久能有结果；"
       "我是问工单上登记的内容 给我看一下")
VL16 = ("我在黄岛辛安一个电子厂干了两年 上个月被辞了一分钱补偿没给 孩子上学的事也黄了 房租也交不上 老婆要跟我离 "
        "真的活着没意思 不想活了；没事 我就是说说 你先告诉我被辞了能要多少钱 一个月五千五；"
        "还有孩子上学的事 二年级 学校说没社保证明不让上了 这个工会也能管不")
VL8 = ("在城阳一个厂子干了8个月了 一直没签合同 工资一个月5000 厂里现在不想要我了 我能要啥；"
       "他们要辞我 这个有补偿吗 那一共能要多少")


# --- 您说的情况: the case's clauses, whole (VL-1, VL-16, VL-8) ----------------------------------------

@pytest.mark.parametrize("words,kept,left_out", [
    (VL1, ["儿子三年级", "从临沂老家转过来", "附近小学说没名额不收", "社保也交了两年了"],
     ["工单", "给我看", "咋办", "协调不", "王建国", "我是问", "多久"]),
    (VL16, ["上个月被辞了一分钱补偿没给", "一个月五千五", "二年级", "学校说没社保证明不让上了"],
     ["不想活", "活着", "说说", "能要多少钱", "能管不"]),
    (VL8, ["一直没签合同", "工资一个月5000", "他们要辞我"], ["我能要啥", "有补偿吗", "一共能要多少"]),
])
def test_the_account_holds_the_told_clauses_and_no_question_or_chat(words, kept, left_out):
    line = next(line for line in summary_lines({"question": words, "employer": "澳柯玛厂"})
                if line.startswith("· 您说的情况："))
    assert "…" not in line, line
    for clause in kept:
        assert clause in line, (clause, line)
    for said in left_out:
        assert said not in line, (said, line)


def test_a_long_account_is_never_cut():
    words = "；".join(["欠了我三个月工资一共两万四", "老板说年底一起结", "包工头姓刘在黄岛长江路那个工地",
                      "工友一共十二个人都没拿到钱", "去找过劳动监察还没回音", "合同也没签过"] * 2)
    line = summary_lines({"question": words})[0]
    assert "…" not in line and line.endswith("合同也没签过"), line


@pytest.mark.parametrize("words", ["节后保底工资多少", "电工证怎么报名"])
def test_words_that_only_ask_stay_as_said(words):
    assert case_account(words) == words


def test_a_correction_stays_after_its_mark():
    assert case_account("欠了三个月工资 这个咋办；更正：是四个月") == "欠了三个月工资；更正：是四个月"


# --- 没社保证明 is no insurance unpaid (VL-16) ------------------------------------------------------

@pytest.mark.parametrize("words", ["学校说没社保证明不让上了", "没有社保缴费证明 孩子入不了学",
                                   "学校要社保记录 我没社保记录"])
def test_a_missing_insurance_proof_is_no_unpaid_insurance(words):
    assert "没交社保" not in _denied_points(words, ["被辞退"])


@pytest.mark.parametrize("words", ["厂里没给交社保", "社保也没交", "一直没有社保"])
def test_unpaid_insurance_is_still_read(words):
    assert "没交社保" in _denied_points(words, [])


# --- the employer (VL-8) ------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name", [("18663912207 厂子叫青岛宏利达塑胶", "青岛宏利达塑胶"),
                                       ("13953218867 公司是海纳电器", "海纳电器"),
                                       ("厂名叫啥来着", None), ("厂子叫鸿什么电子", None)])
def test_the_employer_said_with_the_phone_is_read(text, name):
    assert employer_said(text) == name


FILED = "GH202612080009"
FILING = (f"已为您登记律师咨询（法律援助）工单，工单号 {FILED}，由青岛市总工会职工服务中心负责（电话 12351）。"
          "工作人员会在 12月10日（周四）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
SUMMARY = ("要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
           "· 情况要点：没签劳动合同、被辞退\n· 在这个单位干了：8个月\n· 月工资：5,000 元\n· 地点：城阳区")


def _tracker(turns: list[tuple[str, str]], text: str, intent: str = "inform") -> Tracker:
    events = []
    for who, said in turns:
        if who == "user":
            events += [{"event": "action", "name": "action_listen"},
                       {"event": "user", "text": said, "parse_data": {"text": said, "intent": {"name": "inform"}}}]
        else:
            events.append({"event": "bot", "text": said})
    events += [{"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": {"text": text, "intent": {"name": intent}}}]
    return Tracker("s63", {}, {"text": text, "intent": {"name": intent}, "entities": []}, events, False,
                   None, {}, "action_listen")


@pytest.mark.parametrize("text", ["刚才说了 青岛宏利达塑胶", "不是说了吗 就是青岛宏利达塑胶",
                                  "我刚才说过了，叫青岛宏利达塑胶", "青岛宏利达塑胶"])
def test_a_name_said_as_told_before_is_the_name(text):
    asked = (f"工单 {FILED} 上登记的是：\n· 情况要点：没签劳动合同\n· 手机号：186****2207\n"
             "单位还没写上。告诉我单位，我加到工单上。\n工作人员能看到这些。")
    tracker = _tracker([("bot", SUMMARY), ("user", "/affirm"), ("bot", FILING), ("user", "厂名给我记上了没"),
                        ("bot", asked)], text)
    assert missing_fact_told(tracker) == (FILED, "单位", "青岛宏利达塑胶")


def test_asking_whether_the_name_is_on_it_notes_nothing():
    assert note_parts("厂名给我记上了没")[0] == []


# --- 哦 是0014 (VL-15) --------------------------------------------------------------------------------

WRONG = ("您给的 GH20261208001 是 11 位数字，工单号是 GH 加 12 位数字（8 位日期 + 4 位序号，例如 GH202611180023），"
         "请再核对一下。")


@pytest.mark.parametrize("text,number", [("哦 是0014", "GH202612080014"), ("后四位是0014", "GH202612080014"),
                                         ("不好意思 14", "GH202612080014"), ("0014", "GH202612080014"),
                                         ("哦 GH202612080014", "GH202612080014"),
                                         ("应该是 20261208 0014", "GH202612080014")])
def test_the_serial_fixed_makes_the_number(text, number):
    tracker = _tracker([("user", "那查这个 GH20261208001"), ("bot", WRONG)], text)
    assert ticket_number_fixed(tracker) == number
    dispatcher = CollectingDispatcher()
    events = fixed_number_lookup(dispatcher, tracker)
    assert {"event": "slot", "name": "ticket_id", "value": number, "timestamp": None} in events \
        or any(e.get("name") == "ticket_id" and e.get("value") == number for e in events)
    assert number in dispatcher.messages[0]["text"]


def test_digits_without_a_misread_number_before_are_no_fix():
    assert ticket_number_fixed(_tracker([("bot", "请问您想办理什么事情？")], "哦 是0014")) is None


# --- the ticket's content shown (VL-1) ----------------------------------------------------------------

SCHOOL_SUMMARY = ("要不要我帮您登记一张子女入学协调工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
                  "· 年级：小学三年级\n· 户口情况：外地户口，有居住证\n· 单位：澳柯玛厂\n· 地点：黄岛辛安街道")
SCHOOL_FILING = ("已为您登记子女入学协调工单，工单号 GH202612080002，"
                 "由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
                 "工作人员会在 12月10日（周四）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")


@pytest.mark.parametrize("text", ["我是问工单上登记的内容 给我看一下", "工单给我看看", "单子上写的东西让我看一眼"])
def test_the_content_asked_is_shown(text):
    tracker = _tracker([("bot", SCHOOL_SUMMARY), ("user", "/affirm"), ("bot", SCHOOL_FILING)], text)
    content = filed_content_asked(tracker)
    assert content and "小学三年级" in content and "澳柯玛厂" in content, content


def test_the_content_and_the_time_asked_together_are_both_answered():
    text = "好 那工单上都写了啥 给我看看 还有大概多久能有结果"
    tracker = _tracker([("bot", SCHOOL_SUMMARY), ("user", "/affirm"), ("bot", SCHOOL_FILING)], text)
    reply = when_called_reply(tracker)
    assert "小学三年级" in reply and "12月10日" in reply, reply
