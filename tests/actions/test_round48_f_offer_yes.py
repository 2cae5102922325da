"""Round 47 (tester XF), helper f of round 48: XF-8 — 嗯 right after 要不要我再帮您看看您自己的情况
(the case was told) got 好的。请说说您遇到的具体情况, and 要登记 after it was dropped the same way.

``validators.yes_to_an_offer`` reads the bare yes; ``fallback.ActionAffirmNoContext`` takes the offer's
button with it once the lead wires the hook (see the report of helper f)."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v

YES = ["嗯", "嗯嗯", "嗯呢", "嗯那", "中", "行吧", "要登记", "要登记的", "嗯嗯 要登记", "好的", "可以", "要",
       "帮我登记一下", "看看", "帮我看看", "恩恩", "好 登记吧", "中 办吧", "嗯。"]
NOT_YES = ["不用了", "嗯 不用", "嗯 我还想问问加班费", "中不中", "行不行", "是吗", "要钱不", "中吗",
           "看看加班费咋算", "不要登记", "登记个啥", "要不要钱", "我要问问", "嗯 俺老婆住院了", "/affirm"]


@pytest.mark.parametrize("said", YES)
def test_a_bare_yes_takes_the_offer(said):
    assert v.yes_to_an_offer(said)


@pytest.mark.parametrize("said", NOT_YES)
def test_anything_more_is_no_bare_yes(said):
    assert not v.yes_to_an_offer(said)


on_module_loop = pytest.mark.asyncio(loop_scope="module")


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@on_module_loop
@pytest.mark.parametrize("said", ["嗯", "嗯嗯", "嗯呢", "中", "行吧", "要登记的"])
async def test_a_bare_yes_to_the_own_case_offer_is_the_button(backend, said):
    from actions.fallback import ActionAffirmNoContext
    from actions.router import OWN_CASE_BUTTON
    offer = {"event": "bot", "text": "要不要我再帮您看看您自己的情况？",
             "data": {"buttons": [{"title": OWN_CASE_BUTTON, "payload": "/legal_aid"},
                                  {"title": "不用了", "payload": "/deny"}]}}
    tracker = conversation([("试用期工资给这么低合法吗", "legal_aid", []), (said, "affirm", [])])
    tracker.events.insert(-1, offer)
    dispatcher = CollectingDispatcher()
    await ActionAffirmNoContext().run(dispatcher, tracker, DOMAIN)
    said_back = _texts(dispatcher)
    assert "请说说您遇到的具体情况" not in said_back and "utter_affirm_no_context" not in said_back, said_back
