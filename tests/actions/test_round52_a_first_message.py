"""Round 51 (tester XM), helper a: the facts of a wage case's first message, kept.

XM-1: 老板拖了我两个月工资没发 一个月4500 我现在还在厂里干 没签过劳动合同 — the wage summary and the ticket
filed held neither 仍在职 nor 没签劳动合同 (nor 干了半年). XM-11: the employer named in the first message
(我在青岛海信干了半年 老板欠我两个月工资) was asked again by the wage form: the NLU reads no name without
公司 / 厂, and the name said after the place the worker works in was not read."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import legal, tickets
from actions import validators as v
from actions.wages import ActionSubmitWageArrears

WAGE = v.Context(intent="wage_arrears")
CASE = {"employer": "鑫达电子厂", "amount": 9000, "duration": "P2M", "workers_affected": 1,
        "district": "辛安街道", "city": "青岛市", "phone": "13800001111", "monthly_wage": 4500}


# XM-1: 仍在职 and 没签劳动合同 on the ticket ---------------------------------------------------------

@pytest.mark.parametrize("first,points", [
    ("老板拖了我两个月工资没发 一个月4500 我现在还在厂里干 没签过劳动合同 咋办", ("仍在职", "没签劳动合同")),
    ("我在鑫达电子厂干了半年 老板欠我两个月工资 我还在厂里干 没签合同", ("仍在职", "没签劳动合同")),
    ("我仍在职 没签合同 工资拖了两个月了 一个月4500", ("仍在职", "没签劳动合同")),
    ("老板欠了我两个月工资 我没走 也没签劳动合同", ("仍在职", "没签劳动合同")),
    ("工资欠了俩月 人还在厂里上班 合同没签", ("仍在职", "没签劳动合同")),
])
def test_the_points_of_the_first_message_are_read(first, points):
    told = legal.arrears_points(first).get("case_points", "")
    assert all(p in told for p in points), told


@pytest.mark.parametrize("said", ["老板欠我两个月工资 一个月五千", "欠了俩月工资 加班说给双倍工资 也没给",
                                  "欠了两个月工资 我已经不干了"])
def test_no_point_that_was_not_told(said):
    told = legal.arrears_points(said).get("case_points", "")
    assert "仍在职" not in told and "没签劳动合同" not in told, told


def test_the_time_worked_is_read():
    told = legal.arrears_points("我在鑫达电子厂干了半年 老板欠我两个月工资 我还在厂里干 没签合同")
    assert told.get("time_worked") == "6个月", told


def _case_tracker(first: str) -> Tracker:
    """The wage case told in ``first`` and answered question by question, the summary shown, 确认."""
    said = [(first, "wage_arrears"), ("鑫达电子厂", "inform"), ("就我一个", "inform"),
            ("青岛黄岛区辛安街道", "inform"), ("13800001111", "inform"), ("确认", "affirm")]
    events: list[dict] = []
    for text, intent in said:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": parse(text, intent)},
                   {"event": "bot", "text": "好的"}]
    return Tracker("worker-52a", {**CASE, "case_confirmed": True}, parse("确认", "affirm"), events, False, None,
                   {"name": "wage_arrears_form"}, "action_listen")


@pytest.fixture
def filed(monkeypatch) -> list[dict]:
    sent: list[dict] = []

    async def submit(client, outbox, payload, key):
        sent.append(payload)
        return {"id": "GH202612070031", "station_name": "辛安街道工会网格化工作总站", "station_phone": "12351",
                "sla_due": "2026-12-09T00:00:00Z"}

    class NoPolicies:
        async def policies(self, *args, **kwargs):
            return {"policies": []}

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    monkeypatch.setattr(tickets, "client", lambda: None)
    monkeypatch.setattr(tickets, "outbox", lambda: None)
    monkeypatch.setattr("actions.wages.client", lambda: NoPolicies())
    return sent


@pytest.mark.parametrize("first", [
    "老板拖了我两个月工资没发 一个月4500 我现在还在厂里干 没签过劳动合同 咋办",
    "我仍在职 没签合同 工资拖了两个月了 一个月4500",
    "老板欠了我两个月工资 我没走 也没签劳动合同",
])
async def test_still_employed_and_no_contract_are_on_the_wage_ticket(filed, first):
    await ActionSubmitWageArrears().run(CollectingDispatcher(), _case_tracker(first), DOMAIN)
    points = str(filed[0]["facts"].get("case_points") or "")
    assert "仍在职" in points and "没签劳动合同" in points, filed[0]["facts"]
    assert filed[0]["facts"]["employer"] == "鑫达电子厂" and filed[0]["facts"]["amount"] == 9000


async def test_a_wage_ticket_with_nothing_told_has_no_such_points(filed):
    await ActionSubmitWageArrears().run(CollectingDispatcher(), _case_tracker("老板欠我两个月工资 一个月4500"), DOMAIN)
    points = str(filed[0]["facts"].get("case_points") or "")
    assert "仍在职" not in points and "没签劳动合同" not in points, filed[0]["facts"]


# XM-11: the employer said after the place the worker works in ---------------------------------------

@pytest.mark.parametrize("said,employer,place", [
    ("我在青岛海信干了半年 老板欠我两个月工资", "海信", ("city", "青岛")),
    ("我在青岛海信干了半年 老板姓刘 欠我两个月工资", "海信（老板姓刘）", ("city", "青岛")),
    ("俺之前在黄岛万达广场上班 欠了俩月工资", "万达广场", ("district", "黄岛")),
    ("我在城阳澳柯玛上班 工资俩月没发了", "澳柯玛", ("district", "城阳")),
    ("我们在李沧利群超市打工 老板欠了俩月工资", "利群超市", ("district", "李沧")),
])
def test_the_name_after_the_place_worked_in_is_the_employer(said, employer, place):
    facts = v.read_facts(said, [], WAGE)
    assert facts.get("employer") == employer, facts
    assert place[1] in str(facts.get(place[0]) or ""), facts


@pytest.mark.parametrize("said", ["我在青岛干了半年 老板欠我两个月工资", "我在青岛工地上干了半年 老板欠我两个月工资",
                                  "我在黄岛那边上班 老板欠我两个月工资", "我在城阳送快递干了三年 老板欠我工资",
                                  "我在青岛一个电子厂干了半年 欠我两个月工资", "我在青岛市区干了半年 欠我工资",
                                  "我在青岛建筑工地干了半年 老板欠我两个月工资", "我在黄岛辛安干了半年 老板欠我工资",
                                  "我在青岛饭店上班 老板欠我工资", "我在城阳仓库干了半年 欠我两个月工资",
                                  "我在青岛老家干了半年 老板欠我工资", "我在黄岛医院上班 工资俩月没发"])
def test_no_employer_where_the_words_after_the_place_name_none(said):
    assert "employer" not in v.read_facts(said, [], WAGE), v.read_facts(said, [], WAGE)


def test_the_places_before_the_name_are_the_places():
    text = "我在上海松江宏远物流上班 老板欠我两个月工资"
    facts = v.read_facts(text, [], WAGE)
    assert facts.get("employer") == "宏远物流" and facts.get("district") == "松江区", facts
