"""Round 52, helper e: 要多久能有结果 right after a ticket was filed is about that ticket.

4. Right after the school ticket was filed, 要多久能有结果 was noted on the ticket and answered with
   the wage mediation's and arbitration's time limits. It asks when the staff call (the day the
   filing promised) and what comes next for that kind of case; nothing is noted.
On the real seeded backend (conftest)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import tickets

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

SCHOOL = ("已为您登记子女入学协调工单，工单号 GH202612070016，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
          "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
WAGES = ("已为您登记欠薪工单，工单号 GH202612070020，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
         "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
CHILDCARE = ("已为您登记工单，工单号 GH202612070014，由辛安街道沂河路社区工会网格工作站负责（电话 0532-12351）。"
             "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。以后查进度，告诉我工单号就行。")
CHILDCARE_OFFER = ("要不要我帮您登记一张工单，转给您所在的网格工作站跟进？\n要登记的内容：\n"
                   "· 您说的情况：孩子放暑假没人看\n· 事项：职工子女爱心托管报名")


def after_filing(filing: str, text: str, intent: str = "nlu_fallback", before: list[str] | None = None) -> Tracker:
    events = [{"event": "bot", "text": line} for line in before or []]
    events += [{"event": "user", "text": "13905321235", "parse_data": parse("13905321235", "inform")},
               {"event": "bot", "text": filing},
               {"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": parse(text, intent)}]
    return Tracker("worker-52e", {"phone": "13905321235", "city": "青岛市", "district": "辛安"}, parse(text, intent),
                   events, False, None, {}, "action_listen")


ASKED = ["要多久能有结果", "多久有结果", "啥时候有信儿", "得等多长时间", "大概几天能办好", "这事多久能解决",
         "要多久"]


async def noted(tracker: Tracker) -> tuple[str, list]:
    dispatcher = CollectingDispatcher()
    events = await tickets.note_on_ticket(dispatcher, tracker)
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), events


@on_module_loop
@pytest.mark.parametrize("text", ASKED)
async def test_how_long_after_the_school_ticket_is_the_call_and_the_school_steps(backend, text):
    said, events = await noted(after_filing(SCHOOL, text))
    assert events == [], events
    assert "12月9日（周三）" in said and "GH202612070016" in said, said
    assert "教育部门" in said and "学校" in said, said
    assert "仲裁" not in said and "监察" not in said and "留了话" not in said, said


@on_module_loop
@pytest.mark.parametrize("text", ["要多久能有结果", "啥时候有信儿"])
async def test_how_long_after_a_wage_ticket_is_the_mediation_and_its_time_limits(backend, text):
    said, _events = await noted(after_filing(WAGES, text))
    assert "12月9日（周三）" in said and "调解" in said and "仲裁" in said, said
    assert "教育部门" not in said and "留了话" not in said, said


@on_module_loop
async def test_how_long_after_a_childcare_sign_up_is_about_the_sign_up(backend):
    said, _events = await noted(after_filing(CHILDCARE, "要多久能有结果", before=[CHILDCARE_OFFER]))
    assert "12月9日（周三）" in said and "托管" in said and "仲裁" not in said, said


@pytest.mark.parametrize("text", ASKED)
def test_the_router_hears_the_same(text):
    """(action_start_service asks when_called_reply before anything else of a ticket)"""
    said = tickets.when_called_reply(after_filing(SCHOOL, text, "inform")) or ""
    assert "12月9日（周三）" in said and "教育部门" in said, said


def test_when_the_call_comes_is_still_just_the_call():
    said = tickets.when_called_reply(after_filing(SCHOOL, "啥时候联系我", "inform")) or ""
    assert "12月9日（周三）" in said and "教育部门" not in said, said
