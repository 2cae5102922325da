"""Round 53 (j), XP-2: 没得居住证还能读不嘛 on the school ticket's offer (户口情况：外地户口，没有居住证（正在办理）)
got 好的，已更正：户口情况改为外地户口，有居住证 and the ticket was filed with it. A question about a fact
— without it, or if so, can the child still go — supposes the fact and is never a correction of it; and
没得 / 莫得 (西南官话) is 没有: 没得居住证 told as a fact is no permit held."""

from __future__ import annotations

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import validators as v
from actions.slot_mappings import ValidateSlotMappings
from bot.settings import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
PENDING = "外地户口，没有居住证（正在办理）"


def _turn(text: str, slots: dict) -> Tracker:
    message = {"text": text, "intent": {"name": "nlu_fallback", "confidence": 0.45}, "entities": []}
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-1", {**slots, "requested_slot": "wants_ticket"}, message, events, False, None,
                   {"name": "ticket_offer_form"}, "action_listen")


async def _read(text: str, slots: dict) -> dict:
    events = await ValidateSlotMappings().run(CollectingDispatcher(), _turn(text, slots), DOMAIN)
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


@pytest.mark.parametrize("asked", [
    "没得居住证还能读不嘛",             # XP-2
    "没有居住证能上学吗",
    "要是居住证办不下来咋办",
    "居住证没下来的话孩子能先入学不",
    "莫得居住证是不是就读不成了",
    "那没居住证还能转过来不",
])
@pytest.mark.parametrize("held", [PENDING, "外地户口，有居住证"])
async def test_a_question_that_supposes_the_permit_changes_no_fact_held(asked, held):
    read = await _read(asked, {"hukou_status": held, "child_grade": "初中二年级"})
    assert "hukou_status" not in read, read
    assert not read.get("last_correction"), read


@pytest.mark.parametrize("told,now", [
    ("不对 我们没有居住证", "外地户口，没有居住证"),
    ("居住证办下来了 有了", "外地户口，有居住证"),
])
async def test_a_fact_told_still_changes_it(told, now):
    read = await _read(told, {"hukou_status": "外地户口，居住证不确定"})
    assert read.get("hukou_status") == now, read


async def test_a_question_still_tells_a_fact_nothing_held():
    read = await _read("没得居住证还能读不嘛", {"child_grade": "初中二年级"})
    assert read.get("hukou_status") == "外地户口，没有居住证", read


async def test_the_less_said_does_not_replace_the_more_held():
    """没有居住证 after 没有居住证（正在办理）: the same fact, the held one says more."""
    read = await _read("我们没有居住证", {"hukou_status": PENDING})
    assert "hukou_status" not in read and not read.get("last_correction"), read


@pytest.mark.parametrize("said", ["没得居住证", "莫得居住证", "居住证没得", "我们家没得居住证 户口在四川"])
def test_mei_de_is_no_permit(said):
    assert v.hukou_status(said).value.startswith("外地户口，没有居住证"), v.hukou_status(said)


def test_a_permit_held_is_still_read():
    assert v.hukou_status("有居住证").value == "外地户口，有居住证"
    assert v.hukou_status("没得本地户口 居住证有").value == "外地户口，有居住证"
