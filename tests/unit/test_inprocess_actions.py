"""The actions in the Rasa process (bot/inprocess_actions.py) answer Rasa as the action server
would: the same registry and replies, and the same errors for Rasa to act on (a failed action is
a 500, which Rasa turns into the error the never-silent guard answers). No servers: Rasa's own
``RemoteAction`` and endpoint config call rasa_sdk's executor through our patched request."""

from __future__ import annotations

import copy

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.utils.endpoints import ClientResponseError, EndpointConfig
from rasa_sdk import Action

from bot import inprocess_actions, rasa_patches  # noqa: F401  (the patched request)
from bot.clients import backend
from bot.endpoints import INPROCESS_URL

ENDPOINT = EndpointConfig(url=INPROCESS_URL)


def _call(action: str, text: str = "你好") -> dict:
    """What Rasa posts for ``action`` after the worker said ``text``."""
    user = {"event": "user", "timestamp": 1.0, "text": text,
            "parse_data": {"intent": {"name": "greet", "confidence": 1.0}, "entities": [],
                           "text": text}}
    return {"next_action": action, "sender_id": "unit", "version": "3.6.21",
            "tracker": {"sender_id": "unit", "slots": {}, "latest_message": user["parse_data"],
                        "events": [user], "paused": False, "followup_action": None,
                        "active_loop": {}, "latest_action_name": "action_listen"},
            "domain": {}}


async def _post(body: dict) -> dict:
    return await ENDPOINT.request(json=body, method="post", timeout=10)


def test_only_the_inprocess_url_selects_it():
    assert inprocess_actions.selected("inprocess:")
    assert not inprocess_actions.selected("http://127.0.0.1:5055/webhook")
    assert not inprocess_actions.selected(None)


async def test_a_real_action_answers_as_over_http_and_leaves_the_call_alone():
    body = _call("action_fallback_step", "沒收到 阿巴阿巴")  # traditional: normalised for the action
    sent = copy.deepcopy(body)
    result = await _post(body)
    assert body == sent, "Rasa's tracker state must not be edited by the action side"
    assert isinstance(result["events"], list)
    said = [r.get("text") or r.get("response") for r in result["responses"]]
    assert said == ["utter_ask_rephrase"], "the fallback step asks the worker to say it again"


async def test_an_unknown_action_is_a_404_as_from_the_action_server():
    with pytest.raises(ClientResponseError) as refused:
        await _post(_call("action_that_does_not_exist"))
    assert refused.value.status == 404


class _Boom(Action):
    def name(self) -> str:
        return "action_unit_boom"

    async def run(self, dispatcher, tracker, domain):
        backend.answer_within(0.01)  # a deadline set inside the action …
        raise RuntimeError("secret worker words 13800000000")


@pytest.fixture
def boom_registered():
    """A failing action in the registry (a fault the real actions cannot be made to produce)."""
    registry = inprocess_actions.executor()
    registry.register_action(_Boom)
    yield
    registry.actions.pop("action_unit_boom", None)


async def test_an_action_that_raises_is_a_500_with_a_fixed_text(boom_registered, caplog):
    backend.answer_within(None)
    with pytest.raises(ClientResponseError) as failed:
        await _post(_call("action_unit_boom"))
    assert failed.value.status == 500
    assert "13800000000" not in failed.value.text and "动作服务器内部错误" in failed.value.text
    assert backend._time_left() is None, "… ends with the action, not in Rasa's turn"
    assert "action_unit_boom" in caplog.text  # the operator learns which action failed


async def test_rasa_turns_the_failure_into_its_own_error(boom_registered):
    """The error Rasa raises for an action server's 500: what the never-silent guard answers."""
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.trackers import DialogueStateTracker
    from rasa.shared.exceptions import RasaException

    action = RemoteAction("action_unit_boom", ENDPOINT)
    tracker = DialogueStateTracker("unit", [])
    with pytest.raises(RasaException):
        await action.run(None, None, tracker, Domain.empty())


class _Meddler(Action):
    def name(self) -> str:
        return "action_unit_meddler"

    async def run(self, dispatcher, tracker, domain):
        tracker.slots["pending_case"]["facts"]["amount"] = 1  # an action editing what it got
        tracker.latest_message["entities"].append({"entity": "x"})
        tracker.events[-1]["text"] = "edited"
        return []


async def test_an_action_that_edits_what_it_was_given_touches_nothing_of_rasas():
    registry = inprocess_actions.executor()
    registry.register_action(_Meddler)
    try:
        body = _call("action_unit_meddler")
        body["tracker"]["slots"]["pending_case"] = {"facts": {"amount": 9000}}
        body["tracker"]["latest_message"]["entities"] = []
        sent = copy.deepcopy(body)
        await _post(body)
        assert body == sent
    finally:
        registry.actions.pop("action_unit_meddler", None)
