"""Eligibility: the rules are rows of data; this module only knows how to read them."""

from __future__ import annotations

import operator
from typing import Any

_OPS = {"eq": operator.eq, "ne": operator.ne, "gt": operator.gt, "gte": operator.ge,
        "lt": operator.lt, "lte": operator.le,
        "in": lambda a, b: a in b, "is_true": lambda a, _b: a is True}


def condition_holds(condition: dict, facts: dict[str, Any]) -> bool | None:
    """True / False, or None when the fact needed is unknown."""
    value = facts.get(condition["field"])
    if value is None:
        return None
    try:
        return bool(_OPS[condition["op"]](value, condition.get("value")))
    except TypeError:
        return False


def evaluate_rule(rule: dict, facts: dict[str, Any]) -> dict:
    """The verdict of one rule for these facts, with its reason in Chinese."""
    failed, unknown = [], []
    for condition in rule["conditions"]:
        holds = condition_holds(condition, facts)
        if holds is None:
            unknown.append(condition["field"])
        elif not holds:
            failed.append(condition["explain"])
    eligible = not failed and not unknown
    if failed:
        reason = "；".join(failed) + "。"
    elif unknown:
        reason = "还需要了解：" + "、".join(unknown) + "。"
    else:
        reason = rule["eligible_reason"]
    return {
        "programme": rule["programme"], "title": rule["title"], "eligible": eligible,
        "undetermined": bool(unknown) and not failed, "missing_facts": unknown,
        "amount": rule["amount"], "reason": reason,
        "next_steps": rule["next_steps"] if eligible else None,
        "ticket_type": rule["ticket_type"], "source": rule["source"],
    }
