"""Round 54, helper r: the job said in words and the street not known, on a ticket offer.

1. 孩子今年要上初一 我们在黄岛 没有本地户口 有居住证 学校说没学位 咋办 → the school offer asks the
   street; 俺是外地的 在港口开叉车 was kept as 工作 其他 on the summary (and the ticket): a job the codes
   lack is kept in the worker's words (港口叉车). Then 不知道 — to the street asked one message earlier,
   the offer shown again in between without asking twice — was said back as 记下了：“不知道” and put
   on the summary as 您说的情况：不知道: it is the street not known (who takes the ticket is said).
3. 上海留下过年的建筑工 要是摔伤了工会最多给多少 (the NLU: employer 建筑) → 您做什么工作？: a job word
   the NLU tagged as the employer is the job, and no employer's name."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import tickets
from actions import validators as v
from actions.tickets import STREET_ASKED, ActionAskWantsTicket, ActionOpenTicket

FIRST = "孩子今年要上初一 我们在黄岛 没有本地户口 有居住证 学校说没学位 咋办"
CASE = {"type": "school_placement", "facts": {"child_grade": "初中一年级", "hukou_status": "外地户口，有居住证",
                                              "school_problem": "没有学位"}}
OFFER = ("要不要我帮您登记一张子女入学协调工单，转给您所在的网格工作站跟进？\n要登记的内容：\n· 年级：初中一年级\n"
         "· 地点：黄岛区")
ASKED = (f"{OFFER}\n您在黄岛区{STREET_ASKED}？说一下街道，工单就交给离您最近的工会网格站（街道有站的交给街道站）；"
         "不清楚的话说“不知道”或直接确认，由黄岛区的工会服务中心受理。")


def on_the_offer(said: list[tuple[str, list[str]]], text: str, occupation: str | None = "other",
                 case: dict | None = None) -> Tracker:
    """The school offer that asked the street, the worker's ``said`` (each with the bot's lines after
    it), then ``text``."""
    case = case or CASE
    slots = {"pending_case": case, "requested_slot": "wants_ticket", "wants_ticket": None,
             "district": "黄岛区", "city": "青岛市", "occupation": occupation}
    events: list[dict] = [{"event": "action", "name": "action_listen"},
                          {"event": "user", "text": FIRST, "parse_data": parse(FIRST, "school_placement")},
                          {"event": "slot", "name": "district", "value": "黄岛区"},
                          {"event": "slot", "name": "city", "value": "青岛市"},
                          {"event": "slot", "name": "pending_case", "value": case},
                          {"event": "active_loop", "name": "ticket_offer_form"},
                          {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
                          {"event": "bot", "text": ASKED}]
    for words, replies in said:
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": words, "parse_data": parse(words, "inform")},
                   {"event": "slot", "name": "occupation", "value": occupation},
                   *({"event": "bot", "text": line} for line in replies)]
    events += [{"event": "action", "name": "action_listen"},
               {"event": "user", "text": text, "parse_data": parse(text, "inform")},
               {"event": "action", "name": "ticket_offer_form"}]
    return Tracker("worker-54r", slots, parse(text, "inform"), events, False, "ticket_offer_form",
                   {"name": "ticket_offer_form"}, "ticket_offer_form")


async def ask(tracker: Tracker) -> tuple[str, list[dict]]:
    dispatcher = CollectingDispatcher()
    events = await ActionAskWantsTicket().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or "" for m in dispatcher.messages), events


@pytest.mark.parametrize("job,shown", [("俺是外地的 在港口开叉车", "港口叉车"), ("我在码头开叉车", "码头叉车"),
                                       ("我是饭店服务员", "饭店服务员"), ("俺在超市当收银员", "超市收银员"),
                                       ("我是保安", "保安")])
async def test_a_job_the_codes_lack_is_on_the_summary_in_the_workers_words(job, shown):
    said, _events = await ask(on_the_offer([], job))
    assert f"· 工作：{shown}" in said, said
    assert "工作：其他" not in said, said


async def test_a_job_held_as_other_on_the_case_itself_is_shown_and_filed_in_words(monkeypatch):
    case = {**CASE, "facts": {**CASE["facts"], "occupation": "other"}}  # (the offer's form put the code there)
    tracker = on_the_offer([], "俺是外地的 在港口开叉车", case=case)
    said, _events = await ask(tracker)
    assert "· 工作：港口叉车" in said and "其他" not in said, said
    made: list = []

    async def file_case(dispatcher, tracker, kind, facts, urgent=False):
        made.append(tickets.case_payload(tracker, kind, facts))
        return {"id": "GH1"}

    monkeypatch.setattr(tickets, "file_case", file_case)
    tracker.slots["wants_ticket"] = True
    await ActionOpenTicket().run(CollectingDispatcher(), tracker, DOMAIN)
    assert made and made[0]["facts"]["occupation"] == "港口叉车", made


@pytest.mark.parametrize("answer", ["不知道", "不清楚", "街道不知道", "这个我也说不清楚"])
async def test_dont_know_after_the_offer_shown_again_answers_the_street_asked(answer):
    job = "俺是外地的 在港口开叉车"
    tracker = on_the_offer([(job, ["好的，记下了：工作 港口叉车。", OFFER])], answer)
    said, events = await ask(tracker)
    assert "记下了" not in said and "您说的情况" not in said, said
    assert "黄岛区的工会服务中心" in said, said  # who takes it, the street not known
    assert not any(e.get("name") == "pending_case" for e in events), events
    assert tickets.unknown_to_the_street(tracker, answer)


def test_dont_know_long_after_the_street_or_once_answered_is_not_the_street():
    three = [("俺是外地的 在港口开叉车", [OFFER]), ("孩子是男孩", [OFFER]), ("学校叫七中", [OFFER])]
    assert not tickets.unknown_to_the_street(on_the_offer(three, "不知道"), "不知道")
    told = [("不清楚", ["好的，街道不清楚也没关系，工单交给黄岛区的工会服务中心跟进。", OFFER])]
    assert not tickets.unknown_to_the_street(on_the_offer(told, "不知道"), "不知道")


@pytest.mark.parametrize("text,employer", [("上海留下过年的建筑工 要是摔伤了工会最多给多少", "建筑"),
                                           ("我是建筑工人 过年不回家 工会有啥补贴", "建筑工人"),
                                           ("送快递的 过年不回家有啥补助", "快递"),
                                           ("我是环卫工 过年留守 有慰问吗", "环卫工")])
def test_a_job_word_tagged_as_the_employer_is_the_job(text, employer):
    entity = {"entity": "employer", "value": employer, "start": text.index(employer),
              "end": text.index(employer) + len(employer)}
    for ctx in (v.Context(intent="holiday_subsidy"), v.Context(form="holiday_subsidy_form")):
        facts = v.read_facts(text, [entity], ctx)
        assert facts.get("occupation") in ("construction", "courier", "sanitation"), facts
        assert "employer" not in facts, facts


@pytest.mark.parametrize("text,employer,occupation", [("在海纳建筑公司干活 过年不回家", "海纳建筑公司", None),
                                                      ("在京东送快递 过年不回", "京东", "courier")])
def test_an_employers_name_stays_the_employer(text, employer, occupation):
    entity = {"entity": "employer", "value": employer, "start": text.index(employer),
              "end": text.index(employer) + len(employer)}
    facts = v.read_facts(text, [entity], v.Context(intent="holiday_subsidy"))
    assert facts.get("employer") == employer and facts.get("occupation") == occupation, facts
