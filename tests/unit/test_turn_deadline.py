"""The action server's backend deadline is the worker's turn, not one action (issue 11).

A turn with two actions that call the backend (the entry action resolves the place, the answer
looks up the figure) took 2 × 2.2 s with a per-action budget: 4.5 s of silence. The time left
is counted from the worker's message as Rasa stamped it.
"""

from __future__ import annotations

from bot.action_ops import ACTION_MIN_BACKEND_S, backend_time_left


def _call(*stamps: float) -> dict:
    events = [{"event": "action", "name": "action_listen", "timestamp": 1.0}]
    events += [{"event": "user", "text": "上海最低工资是多少", "timestamp": t} for t in stamps]
    return {"next_action": "action_minimum_wage", "tracker": {"events": events}}


def test_the_first_action_of_a_turn_has_the_whole_budget():
    assert backend_time_left(_call(100.0), 2.2, now=100.0) == 2.2


def test_a_later_action_has_what_the_turn_has_left():
    assert abs(backend_time_left(_call(50.0, 100.0), 2.2, now=101.5) - 0.7) < 1e-9


def test_a_late_action_still_gets_one_quick_call():
    assert backend_time_left(_call(100.0), 2.2, now=110.0) == ACTION_MIN_BACKEND_S


def test_a_clock_ahead_of_rasa_s_never_gives_more_than_the_budget():
    assert backend_time_left(_call(100.0), 2.2, now=90.0) == 2.2


def test_a_call_without_a_stamped_message_has_the_budget():
    assert backend_time_left({"tracker": {"events": []}}, 2.2) == 2.2
    assert backend_time_left(None, 2.2) == 2.2
    assert backend_time_left({"tracker": {"events": [{"event": "user"}]}}, 2.2) == 2.2
