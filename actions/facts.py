"""Questions about a figure, answered first (issue 10, item 8).

``answer_fact`` is the one entry point the dialogue uses: when the worker's latest message
asks for a figure (a relief threshold, a subsidy or red-packet amount, an insurance maximum,
an overtime multiplier, the arbitration time limit, a hotline number, a station), it returns
the reply texts — each with the figure, its source and date, from the backend — and the
dialogue says them before anything else. ``None`` means the message asks no such question.
"""

from __future__ import annotations

from rasa_sdk import Tracker


async def answer_fact(tracker: Tracker) -> list[str] | None:
    """The answer to a fact question in the latest message, or None (placeholder: none yet)."""
    return None
