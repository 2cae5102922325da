"""Round 52 (lead): XN-14 他打俺 俺能找谁 — a woman beaten at home got the menu. Someone hurting
the worker is a safety message like a crisis: the NLU guard forces psych_support, and the first
reply gives 110, evidence, 12338 and a protection order (at home), 工伤 and legal aid (at work),
and a person — in any state, inside any form."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff
from actions.crisis import crisis_points, is_crisis
from actions.services import ActionPsychSupport
from bot.nlu.crisis_guard import CrisisGuard
from bot.nlu.crisis_words import is_violence

ROOT = Path(__file__).resolve().parents[2]

HURT = ["他打俺 俺能找谁", "俺男人喝了酒就打俺", "老公家暴我 我该怎么办", "被打了 在厂里被主管打了",
        "工头把我打伤了 医药费谁出", "他说要杀了我", "我老公天天打我 孩子也吓坏了", "昨天又挨打了"]
NOT_HURT = ["你们打我电话吧 13645321234", "工资打我卡上了没", "他打了我三个电话", "申请被打回来了",
            "我在厂里打工", "衣服被打折卖了", "老板把钱打俺卡里了", "打俺手机就行", "您打我的手机",
            "我打算辞职"]


@pytest.mark.parametrize("said", HURT)
def test_someone_hurting_the_worker_is_a_safety_message(said):
    assert is_violence(said) and is_crisis(said)


@pytest.mark.parametrize("said", NOT_HURT)
def test_a_call_or_a_payment_is_no_violence(said):
    assert not is_violence(said)


def test_the_violence_list_fires_on_no_other_sentence_of_the_nlu_data():
    files = sorted((ROOT / "data" / "nlu").glob("*.yml")) + [ROOT / "tests/nlu/heldout.yml"]
    hits = []
    for file in files:
        for block in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for line in str(block.get("examples") or "").splitlines():
                text = re.sub(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})", r"\1", line.strip().removeprefix("- "))
                if text and is_violence(text):
                    hits.append(text)
    assert hits == ["被打了 在厂里被主管打了"]  # violence at work: the safety reply covers 工伤 and legal aid


def test_the_guard_outvotes_the_classifier():
    message = Message({TEXT: "他打俺 俺能找谁"})
    message.set(INTENT, {"name": "request_human", "confidence": 0.8})
    _process(message)
    assert message.get(INTENT)["name"] == "psych_support" and message.get("violence") is True


def _process(message: Message) -> None:
    guard = CrisisGuard.__new__(CrisisGuard)
    guard.process_message(message)


class _Station:
    """The backend's handoff answer: the station is open."""

    def __init__(self) -> None:
        self.reasons: list[str] = []

    async def open_handoff(self, sender, city, district, reason, channel):
        self.reasons.append(reason)
        return {"station_name": "辛安街道工会网格工作站", "station_open_now": True, "position": 1,
                "station_phone": "0532-86981234"}


def _tracker(text: str, active_loop: str | None = None) -> Tracker:
    top = {"name": "psych_support", "confidence": 1.0}
    message = {"text": text, "intent": top, "intent_ranking": [top], "entities": []}
    events = [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-1", {}, message, events, False, None,
                   {"name": active_loop} if active_loop else {}, "action_listen")


@pytest.mark.parametrize("active_loop", [None, "wage_arrears_form"])
async def test_the_first_reply_is_the_police_the_womens_line_and_a_person(monkeypatch, active_loop):
    station = _Station()
    monkeypatch.setattr(handoff, "client", lambda: station)
    dispatcher = CollectingDispatcher()
    await ActionPsychSupport().run(dispatcher, _tracker("他打俺 俺能找谁", active_loop), {"responses": {}})
    first = dispatcher.messages[0]["text"]
    for need in ("110", "12338", "人身安全保护令", "验", "工伤"):
        assert need in first, first
    assert station.reasons == ["crisis"]  # a person, as urgent as a crisis
    assert "已为您转接辛安街道工会网格工作站" in dispatcher.messages[-1]["text"]
    assert not any(m.get("response") == "utter_crisis" for m in dispatcher.messages)


def test_self_harm_beside_violence_still_gets_the_crisis_lines():
    from actions.crisis import safety_reply
    assert safety_reply("他天天打我 我不想活了") is None  # utter_crisis answers


def test_the_callback_tells_staff_someone_hurt_the_worker():
    points = crisis_points(["俺在辛安住", "他打俺 俺能找谁"])
    assert any("打" in p and "安全" in p for p in points), points
