"""Round 62, helper q: a ticket and its summary hold the facts the worker gave, as facts.

VI-4 / VI-16: 大半年了吧 / 五个月了 to the minimum-wage offer shown as 您说的情况, the shortfall on no ticket.
VJ-12: GH2026 got the menu, no word that the number is misread.
VI-6 / VI-9 / VJ-1 / VJ-6: questions and chat pasted onto the ticket as the note.
VI-15: 让工会找厂里要 filed as 情况要点：催要过.
VI-10 / VJ-14: 南区一家饭店服务员 / 南区一家酒店 (the tail of 市南区) on the summary."""

from __future__ import annotations

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from bot.settings import ROOT
from tests.actions.conftest import on_module_loop
from tests.actions.test_round56_u_filed_tickets import Talk, history

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
pytestmark = on_module_loop

MINIMUM = "每月差 400 元（最低工资不含加班费）；说一下这样发了几个月，我帮您算一共差多少。"


def _offer_tracker(said: str, facts: dict, bot: str = MINIMUM) -> Tracker:
    events = [{"event": "user", "text": "一千八 全天干的 在黄岛长江路那边物业打扫卫生"},
              {"event": "bot", "text": bot},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": said, "parse_data": {"text": said, "intent": {"name": "inform"}}}]
    slots = {"pending_case": {"type": "minimum_wage", "facts": facts}, "requested_slot": "wants_ticket",
             "city": "青岛", "district": "长江路街道"}
    return Tracker("q62", slots, {"text": said, "intent": {"name": "inform"}, "entities": []}, events, False,
                   None, {"name": "ticket_offer_form"}, "action_listen")


# --- VI-4, VI-16 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("said,months,total", [("大半年了吧", 6, "2,400"), ("五个月了", 5, "2,000"),
                                               ("干了三个月了", 3, "1,200"), ("快一年了", 12, "4,800")])
async def test_how_long_told_to_the_offer_is_a_fact_not_free_words(said, months, total):
    from actions.tickets import ActionAskWantsTicket

    dispatcher = CollectingDispatcher()
    facts = {"monthly_wage": 1800, "city": "青岛市"}
    await ActionAskWantsTicket().run(dispatcher, _offer_tracker(said, facts), DOMAIN)
    shown = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "您说的情况" not in shown and "记下了：“" not in shown, shown
    assert "每月比最低工资少400元" in shown, shown
    assert f"按干了{months}个月算共少{total}元" in shown, shown


async def test_a_statement_that_tells_nothing_read_is_still_kept():
    from actions.tickets import ActionAskWantsTicket

    dispatcher = CollectingDispatcher()
    await ActionAskWantsTicket().run(dispatcher, _offer_tracker("老板说年底一起结", {"monthly_wage": 1800}), DOMAIN)
    shown = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "老板说年底一起结" in shown, shown


async def test_the_shortfall_is_read_only_from_the_minimum_wage_sum():
    from actions.tickets import below_minimum_points

    events = [{"event": "bot", "text": "每月差 240 元（2740 − 2500）。按您说的干了 5 个月，差额一共 1,200 元"}]
    tracker = Tracker("q62", {}, {}, events, False, None, {}, "")
    assert below_minimum_points(tracker, "5个月") == ["每月比最低工资少240元", "按干了5个月算共少1,200元"]
    assert below_minimum_points(tracker, "半年多") == ["每月比最低工资少240元"]
    other = [{"event": "bot", "text": "（至少也要补到不低于最低工资，每月差 300 元），"}]
    assert below_minimum_points(Tracker("q62", {}, {}, other, False, None, {}, ""), "5个月") == []
    filed = events + [{"event": "bot", "text": "已为您登记工资低于最低标准工单，工单号 GH202612080007，由"}]
    assert below_minimum_points(Tracker("q62", {}, {}, filed, False, None, {}, ""), "5个月") == []


# --- VJ-12 ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["GH2026", "gh 20261", "GH202612", "我的是GH2026110"])
async def test_a_short_ticket_number_is_misread(text):
    from actions.tickets import misread_ticket_digits, short_ticket_number_reply

    assert misread_ticket_digits(text), text
    assert "工单号是 GH 加 12 位数字" in (short_ticket_number_reply(text) or ""), text
    assert misread_ticket_digits("GH202612080001") is None


# --- VI-6, VI-9, VJ-1, VJ-6: the facts of a message written on the ticket, never its questions --------

async def _filed_with(sender: str, case_type: str, facts: dict, first: str) -> tuple[Talk, str]:
    import re

    from actions.tickets import ActionOpenTicket, summary_lines

    talk = Talk(sender)
    talk.events += [{"event": "action", "name": "action_listen"}, {"event": "user", "text": first, "parse_data": {}}]
    talk.bot("要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
             + "\n".join(summary_lines(facts)))
    talk.set(pending_case={"type": case_type, "facts": facts}, wants_ticket=True, city="青岛")
    phone = "13805321234"
    filed = await talk.say(f"要 {phone}", "affirm", phone=phone, action=ActionOpenTicket())
    assert "工单号 " in filed, filed
    return talk, re.search(r"GH\d{12}", filed).group(0)


SCHOOL = {"child_grade": "小学一年级", "hukou_status": "外地户口，有居住证", "school_problem": "被学校拒收",
          "employer": "澳柯玛", "district": "辛安街道", "city": "青岛"}
INJURY = {"case_points": "没签劳动合同、受了伤", "question": "是一个姓刘嘞包工头叫我来嘞,没签合同,他不给报工伤",
          "employer": "即墨一个工地", "district": "即墨区", "city": "青岛"}


@pytest.mark.parametrize("said,fact,question", [
    ("好的。那我社保交了两年这个写上了吗？报名是几月份？", "社保交了两年", "报名是几月份"),
    ("工单上有没有写我社保交了两年 还有报名啥时候", "社保交了两年", "报名啥时候"),
])
async def test_a_fact_asked_about_is_added_as_the_fact_not_the_question(backend, said, fact, question):
    talk, ticket = await _filed_with(f"q62-school-{len(said)}", "school_placement", SCHOOL,
                                     "孩子要上一年级 学校不收")
    reply = await talk.say(said, "inform")
    assert fact in reply and question not in reply, reply
    held = await history(backend, ticket)
    assert fact in held and question not in held and "写上了吗" not in held, held


async def test_a_fact_in_the_description_is_said_to_be_on_it_and_only_the_new_one_added(backend):
    talk, ticket = await _filed_with("q62-liu", "legal_aid", INJURY, "包工头姓刘 没签合同 不给报工伤")
    reply = await talk.say("工单上写了包工头姓刘没 还有俺现在住院", "inform")
    assert "“包工头姓刘”工单上原来就写着" in reply, reply
    assert "补上：“俺现在住院”" in reply and "姓刘没" not in reply, reply
    held = await history(backend, ticket)
    assert "俺现在住院" in held and "姓刘没" not in held, held


@pytest.mark.parametrize("said,kept,left", [
    ("加上 说好红包五百只给了三百 少给两百。节后保底工资多少", "说好红包五百只给了三百", "保底"),
    ("再加一句 老板说年底给 这个能要回来吗", "老板说年底给", "能要回来"),
])
async def test_a_note_holds_the_facts_and_not_the_question(backend, said, kept, left):
    talk, ticket = await _filed_with(f"q62-note-{len(said)}", "wage_arrears",
                                     {"employer": "隆祥皮革", "amount": 200, "district": "辛安街道", "city": "青岛"},
                                     "留厂红包少给了")
    reply = await talk.say(said, "inform")
    assert f"留了话：“{kept}" in reply or f"补上：“{kept}" in reply, reply
    held = await history(backend, ticket)
    assert kept in held and left not in held, held


@pytest.mark.parametrize("said", ["谢谢 我好点了 刚才是气话.那工资的事咋办 四个月一共多少钱 能帮我登记上吗",
                                  "好的 谢谢你 那能帮我再登记一个欠薪吗"])
async def test_talk_and_questions_alone_are_no_note(backend, said):
    talk, ticket = await _filed_with(f"q62-chat-{len(said)}", "wage_arrears",
                                     {"employer": "海鑫机械厂", "amount": 26000, "district": "薛家岛街道",
                                      "city": "青岛"},
                                     "欠了四个月工资")
    reply = await talk.say(said, "inform")
    assert "留了话" not in reply and "补上" not in reply, reply
    assert "气话" not in await history(backend, ticket)
    assert "登记上吗" not in await history(backend, ticket)


# --- VI-15: a demand wished of the union is no 催要过 -----------------------------------------------

@pytest.mark.parametrize("said", ["那帮我登记一下 让工会找厂里要 手机15192837465 厂子叫恒锐电子",
                                  "你们替我去跟厂里要", "帮我找老板要回来吧"])
async def test_a_demand_wished_of_the_union_is_no_demand_on_the_summary(said):
    from actions.tickets import context_facts

    events = [{"event": "user", "text": "厂里过年从除夕一直干到初六 一个月四千七百八十五 厂里就多给了一千块 这样对吗"},
              {"event": "bot", "text": "单位给了 1,000 元，按法定标准还差 2,960.00 元。"},
              {"event": "user", "text": said}]
    tracker = Tracker("q62", {}, {"text": said}, events, False, None, {}, "")
    facts = {"amount": 2960, "monthly_wage": 4785,
             "case_points": "单位已付 1,000 元，按法定标准还差 2,960.00 元、催要过"}
    shown = str(context_facts(tracker, facts).get("case_points", facts["case_points"]))
    assert "催要过" not in shown and "还差 2,960.00 元" in shown, shown
    made = [*events[:-1], {"event": "user", "text": "我找厂里要过两次了"}]
    tracker = Tracker("q62", {}, {"text": "我找厂里要过两次了"}, made, False, None, {}, "")
    assert "催要过" in str(context_facts(tracker, facts).get("case_points", facts["case_points"]))


# --- VI-10, VJ-14: the tail of 市南区 is no part of the employer or the job -------------------------

@pytest.mark.parametrize("facts,lines", [
    ({"employer": "南区一家酒店"}, ["· 单位：一家酒店"]),
    ({"occupation": "南区一家饭店服务员"}, ["· 工作：饭店服务员"]),
    ({"employer": "城阳区那边的一家电子厂"}, ["· 单位：一家电子厂"]),
    ({"employer": "青岛海纳建筑"}, ["· 单位：青岛海纳建筑"]),
])
async def test_a_place_before_a_described_employer_is_left_to_the_place_line(facts, lines):
    from actions.tickets import summary_lines

    assert summary_lines(facts) == lines


@pytest.mark.parametrize("said", ["谢谢 我好点了 刚才是气话.那工资的事咋办 四个月一共多少钱 能帮我登记上吗",
                                  "好的 谢谢你 那再加一句 欠薪的事咋办 能帮我登记吗"])
async def test_talk_and_questions_after_a_callback_are_no_note(said, monkeypatch):
    """VI-9: the whole message pasted on the crisis callback ticket, none of its questions answered."""
    from actions import tickets

    written: list[tuple] = []

    class Notes:
        async def add_ticket_note(self, ticket_id, conversation_id, note) -> dict:
            written.append((ticket_id, note))
            return {"id": ticket_id, "status": "assigned", "sla_due": "2026-12-08T09:00:00Z"}

    monkeypatch.setattr(tickets, "client", lambda: Notes())
    filed = "已为您登记回电工单，工单号 GH202612080013，由青岛西海岸新区总工会职工服务中心负责（电话 0532-12351）。"
    message = {"text": said, "intent": {"name": "wage_arrears"}, "entities": []}
    events = [{"event": "bot", "text": filed}, {"event": "user", "text": said, "parse_data": message}]
    tracker = Tracker("q62-cb", {}, message, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, tracker) is None
    assert written == [] and not dispatcher.messages, dispatcher.messages


# --- VI-10: the deduction corrected is the deduction on the summary ---------------------------------

async def test_a_corrected_deduction_is_the_one_on_the_summary():
    from actions.tickets import context_facts

    said = ["我在市南区一家饭店当服务员 一个月3800 上礼拜打碎了一摞盘子 老板说从工资里扣800 这合法吗",
            "不对，刚问了 扣的是一千二"]
    events = [{"event": "user", "text": said[0]}, {"event": "bot", "text": "每月最多扣工资的 20%"},
              {"event": "user", "text": said[1]}, {"event": "bot", "text": "好的，已更正：金额改为1,200 元。"}]
    tracker = Tracker("q62", {}, {"text": said[1]}, events, False, None, {}, "")
    points = str(context_facts(tracker, {"amount": 1200, "monthly_wage": 3800}).get("case_points"))
    assert "克扣 1,200 元" in points and "800" not in points, points
    unchanged = Tracker("q62", {}, {"text": said[0]}, events[:2], False, None, {}, "")
    assert "克扣 800 元" in str(context_facts(unchanged, {"amount": 800, "monthly_wage": 3800}).get("case_points"))


# --- VJ-1: the insured years told with a school case are on its summary ------------------------------

@pytest.mark.parametrize("said,point", [("我有居住证，社保交了两年了。想问问孩子能不能在这边上学", "社保交了两年"),
                                        ("社保缴了三年多 孩子想在黄岛上初中", "社保交了三年多")])
async def test_the_insured_years_are_a_point_of_the_school_case(said, point):
    from actions.tickets import context_facts

    tracker = Tracker("q62", {"employer": "澳柯玛"}, {"text": said}, [{"event": "user", "text": said}], False,
                      None, {}, "")
    facts = {"child_grade": "小学一年级", "school_problem": "被学校拒收"}
    assert point in str(context_facts(tracker, facts).get("case_points")), context_facts(tracker, facts)
