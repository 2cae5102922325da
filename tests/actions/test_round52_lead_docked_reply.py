"""Round 52 (lead, with helper a): XM-15 — 还扣了我500 to 您的月工资是多少 was taken as a 500 元
month, then 没听明白金额. Docked money is said to be kept for the case, and the wage asked again."""

from __future__ import annotations

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.forms import ValidateOvertimeForm


def _tracker(text: str) -> Tracker:
    top = {"name": "inform", "confidence": 0.9}
    message = {"text": text, "intent": top, "intent_ranking": [top],
               "entities": [{"entity": "amount", "value": 500, "start": 3, "end": 6}]}
    events = [{"event": "bot", "text": "您的月工资是多少？（按劳动合同约定的工资，比如 4500）"},
              {"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "monthly_wage", "value": 500}]
    return Tracker("worker-1", {"monthly_wage": 500, "requested_slot": "monthly_wage"}, message, events, False,
                   None, {"name": "overtime_form"}, "action_listen")


def test_docked_money_is_no_monthly_wage():
    dispatcher = CollectingDispatcher()
    slots = ValidateOvertimeForm().validate_monthly_wage(500, dispatcher, _tracker("还扣了我500"), {})
    assert slots == {"monthly_wage": None}
    assert "被扣的钱我记下了" in dispatcher.messages[0]["text"]
