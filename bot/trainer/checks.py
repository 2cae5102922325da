"""``python -m bot.trainer.checks``: catches trainers' data mistakes, in Chinese, with file:line.

Checks: the same example under two intents; too few examples; entities the
domain does not declare; slots or actions used in rules/stories that do not
exist; responses used but not defined; contract intents or entities removed;
training examples identical to held-out ones.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.normalize.text import normalize_text
from bot.settings import ROOT

MIN_SERVICE_EXAMPLES = 40
MIN_OTHER_EXAMPLES = 15
_ENTITY = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<plain>[^)]+)\)|\{(?P<json>[^}]+)\})")
_JSON_ENTITY = re.compile(r'"entity"\s*:\s*"([^"]+)"')


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Example:
    intent: str
    text: str
    entities: tuple[str, ...]
    path: str
    line: int


def plain_text(annotated: str) -> str:
    return _ENTITY.sub(lambda m: m.group("text"), annotated)


def _entities(annotated: str) -> tuple[str, ...]:
    names = []
    for m in _ENTITY.finditer(annotated):
        if m.group("plain"):
            names.append(m.group("plain").split(":")[0].split("@")[0])
        else:
            found = _JSON_ENTITY.search("{" + m.group("json") + "}")
            names.append(found.group(1) if found else "?")
    return tuple(names)


def read_examples(path: Path, root: Path = ROOT) -> list[Example]:
    """Examples of an NLU file with their line numbers (read as text: YAML loses lines)."""
    examples, intent, rel = [], None, _rel(path, root)
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        header = re.match(r"^- intent:\s*(\S+)", line)
        if header:
            intent = header.group(1)
            continue
        if re.match(r"^- (regex|lookup|synonym):", line):
            intent = None
            continue
        item = re.match(r"^\s+- (.+)$", line)
        if intent and item:
            text = item.group(1).strip()
            examples.append(Example(intent, plain_text(text), _entities(text), rel, number))
    return examples


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    return 1


def check_examples(examples: list[Example], service_intents: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, Example] = {}
    counts: dict[str, list[Example]] = defaultdict(list)
    for ex in examples:
        counts[ex.intent].append(ex)
        key = normalize_text(ex.text).strip()
        first = seen.get(key)
        if first and first.intent != ex.intent:
            problems.append(Problem(ex.path, ex.line, f"例句“{ex.text}”同时出现在意图 {first.intent}"
                                    f"（{first.path}:{first.line}）和 {ex.intent} 下，请只保留一个"))
        seen.setdefault(key, ex)
    for intent, items in counts.items():
        minimum = MIN_SERVICE_EXAMPLES if intent in service_intents else MIN_OTHER_EXAMPLES
        if len(items) < minimum:
            kind = "服务意图" if intent in service_intents else "对话意图"
            problems.append(Problem(items[0].path, items[0].line - 2 if items[0].line > 2 else 1,
                                    f"意图 {intent} 只有 {len(items)} 个例句，{kind}至少需要 {minimum} 个"))
    return problems


def check_against_domain(examples: list[Example], domain: dict, domain_path: str) -> list[Problem]:
    problems = []
    declared_entities = set(domain.get("entities") or [])
    declared_entities |= {e if isinstance(e, str) else next(iter(e)) for e in domain.get("entities") or []}
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents") or []}
    for ex in examples:
        for entity in ex.entities:
            if entity not in declared_entities:
                problems.append(Problem(ex.path, ex.line, f"实体 {entity} 没有在 {domain_path} 的 entities 中声明"))
        if ex.intent not in intents:
            problems.append(Problem(ex.path, ex.line, f"意图 {ex.intent} 没有在 {domain_path} 的 intents 中声明"))
    return problems


def check_dialogue(files: list[Path], domain: dict, domain_path: Path, root: Path) -> list[Problem]:
    """Rules/stories: unknown intents, actions, responses and slots."""
    problems = []
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents") or []}
    responses = set(domain.get("responses") or {})
    actions = set(domain.get("actions") or []) | set(domain.get("forms") or {})
    slots = set(domain.get("slots") or {}) | {"requested_slot"}
    builtin = {"action_listen", "action_restart", "action_deactivate_loop", "action_back",
               "action_default_fallback", "action_session_start", "action_two_stage_fallback",
               "action_default_ask_affirmation", "action_default_ask_rephrase", "action_unlikely_intent"}
    for path in files:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for block in (data.get("rules") or []) + (data.get("stories") or []):
            for step in (block.get("steps") or []) + (block.get("condition") or []):
                if "intent" in step and step["intent"] not in intents | {"nlu_fallback"}:
                    problems.append(Problem(_rel(path, root), _line_of(path, f"intent: {step['intent']}"),
                                            f"规则/故事用到了未声明的意图 {step['intent']}"))
                action = step.get("action")
                if action and action.startswith("utter_") and action not in responses:
                    problems.append(Problem(_rel(path, root), _line_of(path, action),
                                            f"回复 {action} 没有在 {domain_path.name} 的 responses 中定义"))
                elif action and not action.startswith("utter_") and action not in actions | builtin:
                    problems.append(Problem(_rel(path, root), _line_of(path, action),
                                            f"动作 {action} 没有在 {domain_path.name} 的 actions 中声明"))
                for slot_event in step.get("slot_was_set") or []:
                    name = slot_event if isinstance(slot_event, str) else next(iter(slot_event))
                    if name not in slots:
                        problems.append(Problem(_rel(path, root), _line_of(path, name),
                                                f"槽位 {name} 没有在 {domain_path.name} 的 slots 中声明"))
    return problems


def check_contract(domain: dict, examples: list[Example], contract: dict, domain_path: str) -> list[Problem]:
    problems = []
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain.get("intents") or []}
    entities = set(domain.get("entities") or [])
    trained = {ex.intent for ex in examples}
    for intent in contract["service_intents"] + contract["conversation_intents"]:
        if intent not in intents:
            problems.append(Problem(domain_path, 1, f"契约意图 {intent} 被从领域文件中删除了"
                                                    "（见 docs/nlu-contract.md，不能删除或改名）"))
        elif intent not in trained:
            problems.append(Problem(domain_path, 1, f"契约意图 {intent} 没有任何训练例句"))
    for entity in contract["entities"]:
        if entity not in entities:
            problems.append(Problem(domain_path, 1, f"契约实体 {entity} 被从领域文件中删除了（不能删除或改名）"))
    return problems


def check_heldout(examples: list[Example], heldout: list[Example]) -> list[Problem]:
    held = {normalize_text(ex.text).strip(): ex for ex in heldout}
    return [Problem(ex.path, ex.line, f"训练例句“{ex.text}”与留出测试集 {held[key].path}:{held[key].line} "
                    "的句子相同：留出集的句子不能用于训练，请换一个说法")
            for ex in examples if (key := normalize_text(ex.text).strip()) in held]


def run_checks(data_dir: Path, domain_path: Path, heldout_path: Path | None,
               contract_path: Path, root: Path = ROOT) -> list[Problem]:
    domain = yaml.safe_load(domain_path.read_text(encoding="utf-8")) or {}
    contract = yaml.safe_load(contract_path.read_text(encoding="utf-8"))
    nlu_files = sorted((data_dir / "nlu").rglob("*.yml"))
    examples = [ex for path in nlu_files for ex in read_examples(path, root)]
    dialogue = sorted(p for sub in ("rules", "stories") for p in (data_dir / sub).rglob("*.yml"))
    rel_domain = _rel(domain_path, root)
    problems = check_examples(examples, set(contract["service_intents"]))
    problems += check_against_domain(examples, domain, rel_domain)
    problems += check_dialogue(dialogue, domain, domain_path, root)
    problems += check_contract(domain, examples, contract, rel_domain)
    if heldout_path and heldout_path.exists():
        problems += check_heldout(examples, read_examples(heldout_path, root))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="检查训练数据中的常见错误。")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--domain", type=Path, default=ROOT / "domain.yml")
    parser.add_argument("--heldout", type=Path, default=ROOT / "tests" / "nlu" / "heldout.yml")
    parser.add_argument("--contract", type=Path, default=Path(__file__).with_name("contract.yml"))
    args = parser.parse_args(argv)
    problems = run_checks(args.data, args.domain, args.heldout, args.contract)
    for problem in problems:
        print(f"✘ {problem}")
    if problems:
        print(f"\n发现 {len(problems)} 个问题，请修改后再训练。")
        return 1
    print("✔ 训练数据检查通过")
    return 0


if __name__ == "__main__":
    sys.exit(main())
