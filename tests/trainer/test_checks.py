"""The trainer checks fail with the right Chinese message and file:line on broken data."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.settings import ROOT
from bot.trainer.checks import main, run_checks

CONTRACT = ROOT / "bot" / "trainer" / "contract.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the real data, domain and held-out set to break one rule at a time."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copy(ROOT / "domain.yml", tmp_path / "domain.yml")
    (tmp_path / "heldout.yml").write_text((ROOT / "tests/nlu/heldout.yml").read_text())
    return tmp_path


def problems(project: Path) -> list[str]:
    return [str(p) for p in run_checks(project / "data", project / "domain.yml",
                                       project / "heldout.yml", CONTRACT, project)]


def append_to_intent(path: Path, intent: str, line: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    index = lines.index(f"- intent: {intent}") + 2
    lines.insert(index, f"    - {line}")
    path.write_text("\n".join(lines), encoding="utf-8")
    return index + 1


def test_the_real_data_passes(project):
    assert problems(project) == []


def test_same_example_under_two_intents(project):
    line = append_to_intent(project / "data/nlu/legal.yml", "legal_aid", "老板欠我三个月工资")
    found = problems(project)
    assert any(f"data/nlu/legal.yml:{line}" in p and "同时出现在意图" in p
               and "wage_arrears" in p and "legal_aid" in p for p in found), found


def test_too_few_examples(project):
    path = project / "data/nlu/support.yml"
    text = path.read_text(encoding="utf-8")
    start = text.index("- intent: skills_training")
    kept = "\n".join(text[start:].split("\n")[:12])
    path.write_text(text[:start] + kept + "\n", encoding="utf-8")
    assert any("skills_training 只有 10 个例句" in p and "至少需要 40" in p for p in problems(project))


def test_unknown_entity(project):
    line = append_to_intent(project / "data/nlu/wages.yml", "wage_arrears", "欠我[三个月](months)工资了")
    assert any(p.startswith(f"data/nlu/wages.yml:{line}:") and "实体 months 没有" in p
               for p in problems(project))


def test_missing_response(project):
    path = project / "data/rules/conversation.yml"
    path.write_text(path.read_text().replace("action: utter_goodbye", "action: utter_bye_bye"))
    assert any("conversation.yml" in p and "回复 utter_bye_bye 没有" in p for p in problems(project))


def test_unknown_slot_in_a_story(project):
    (project / "data/stories").mkdir(exist_ok=True)
    (project / "data/stories/broken.yml").write_text(
        'version: "3.1"\nstories:\n  - story: s\n    steps:\n      - intent: greet\n'
        "      - slot_was_set:\n          - no_such_slot: 1\n      - action: utter_greet\n")
    assert any("broken.yml:7:" in p and "槽位 no_such_slot" in p for p in problems(project))


def test_contract_intent_removed(project):
    path = project / "domain.yml"
    path.write_text(path.read_text().replace("  - childcare_service\n", ""))
    assert any("契约意图 childcare_service 被从领域文件中删除" in p for p in problems(project))


def test_example_copied_from_the_heldout_set(project):
    heldout_sentence = "工单进度查询呀"
    with open(project / "heldout.yml", "a", encoding="utf-8") as f:
        f.write(f"\n- intent: ticket_status\n  examples: |\n    - {heldout_sentence}\n")
    line = append_to_intent(project / "data/nlu/services.yml", "ticket_status", heldout_sentence)
    assert any(p.startswith(f"data/nlu/services.yml:{line}:") and "留出测试集" in p
               for p in problems(project))


def test_command_exits_non_zero_on_problems(project, capsys):
    append_to_intent(project / "data/nlu/legal.yml", "legal_aid", "你好")
    code = main(["--data", str(project / "data"), "--domain", str(project / "domain.yml"),
                 "--heldout", str(project / "heldout.yml")])
    assert code == 1 and "发现" in capsys.readouterr().out
