"""The shared vocabularies (bot/contract.py) are written out once: a copy elsewhere in bot/ or
actions/ drifts the day someone adds a value on one side only."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from bot import contract

ROOT = Path(__file__).resolve().parents[2]
VOCABULARIES = {
    "ticket types": set(contract.TICKET_TYPES),
    "ticket statuses": set(contract.TICKET_STATUSES),
    "occupations": set(contract.OCCUPATIONS) - {"other"},
    "weekday keys": set(contract.WEEKDAYS),
    "weekday names": set(contract.WEEKDAY_NAMES.values()),
}


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _literals(tree: ast.AST):
    """Every tuple, list and set of string constants in a module, and every dict's values and
    the keys of a name table (all values text: a mapping keyed by the vocabulary, such as the
    ticket transitions or the words for an occupation, is no copy of it)."""
    for node in ast.walk(tree):
        groups = []
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            groups.append(node.elts)
        elif isinstance(node, ast.Dict):
            if all(_is_text(v) for v in node.values):
                groups.append([k for k in node.keys if k is not None])
            groups.append(node.values)
        for group in groups:
            strings = {e.value for e in group if _is_text(e)}
            if strings:
                yield node.lineno, strings
        if isinstance(node, ast.Constant) and node.value == "一二三四五六日":
            yield node.lineno, set(contract.WEEKDAY_NAMES.values())


def test_no_vocabulary_is_written_out_twice():
    copies = []
    for folder in ("bot", "actions"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            if path.name == "contract.py" and path.parent.name == "bot":
                continue
            for line, strings in _literals(ast.parse(path.read_text(encoding="utf-8"))):
                copies += [f"{path.relative_to(ROOT)}:{line}: {name}"
                           for name, words in VOCABULARIES.items() if words <= strings]
    assert not copies, "import these from bot/contract.py instead:\n" + "\n".join(copies)


def test_the_detector_finds_a_copy():
    copy = 'X = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")\nY = "一二三四五六日"'
    assert [s for _, s in _literals(ast.parse(copy)) if VOCABULARIES["weekday keys"] <= s]
    assert [s for _, s in _literals(ast.parse(copy)) if VOCABULARIES["weekday names"] <= s]


def test_every_name_table_covers_its_vocabulary():
    assert set(contract.TICKET_TYPE_NAMES) == set(contract.TICKET_TYPES)
    assert set(contract.TICKET_TYPE_WORKER_NAMES) <= set(contract.TICKET_TYPES)
    assert set(contract.TICKET_STATUS_NAMES) == set(contract.TICKET_STATUSES)
    assert set(contract.TICKET_STATUS_WORKER_NAMES) == set(contract.TICKET_STATUSES)
    assert set(contract.OCCUPATION_NAMES) == set(contract.OCCUPATIONS)
    assert set(contract.HOURS_KEY_NAMES) == set(contract.HOURS_KEYS)
    assert [contract.weekday_name(i) for i in range(7)] == [
        "周一", "周二", "周三", "周四", "周五", "周六", "周日"]


def test_both_sides_use_the_contract():
    from actions import validators
    from actions.tickets import call_back_by
    from bot.backend import tickets, workflow

    assert tickets.TYPES is contract.TICKET_TYPES and tickets.STATUSES is contract.TICKET_STATUSES
    assert workflow.STATUS_NAMES is contract.TICKET_STATUS_NAMES
    assert set(validators.OCCUPATION_WORDS) | {"other"} == set(contract.OCCUPATIONS)
    assert call_back_by("2026-10-09T17:30:00+08:00") == "10月9日（周五）"


def test_contract_imports_nothing_heavy():
    """The action server and the backend both import it: it must not pull either side in."""
    code = ("import sys, bot.contract; heavy = {'sqlalchemy', 'aiohttp', 'rasa_sdk', 'rasa'} "
            "& set(sys.modules); print(sorted(heavy))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True, env={"PYTHONPATH": str(ROOT)})
    assert out.stdout.strip() == "[]"
