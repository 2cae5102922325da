"""``make evaluate``: the NLU measured on the held-out set ``tests/nlu/heldout.yml``.

Prints intent accuracy, macro-F1, per-intent F1 and per-entity precision /
recall / F1 (an entity counts as found when type and normalised value match
an annotated one that overlaps it), the most confused intent pairs and the
change since the previous run; writes ``reports/nlu/<time>/`` with
``report.json``, ``report.md`` and ``confusion_matrix.png``.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import logging
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bot.models import model_digest
from bot.settings import ROOT

HELDOUT = ROOT / "tests" / "nlu" / "heldout.yml"
REPORTS = ROOT / "reports" / "nlu"
HISTORY = REPORTS / "history.jsonl"
DROP_WARNING = 0.01  # warn when macro-F1 falls by more than one point


@dataclass
class Example:
    text: str
    intent: str
    entities: list[dict]


def load_examples(path: Path = HELDOUT) -> list[Example]:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(path))
    return [
        Example(m.get("text"), m.get("intent"), [
            {"entity": e["entity"], "value": str(e.get("value", m.get("text")[e["start"]:e["end"]])),
             "start": e["start"], "end": e["end"]} for e in m.get("entities") or []
        ])
        for m in data.intent_examples
    ]


async def predict(model: Path, examples: list[Example]) -> list[dict]:
    from rasa.core.agent import Agent
    from rasa.utils.log_utils import configure_structlog

    configure_structlog(logging.WARNING)  # else every parse is logged at debug level

    agent = Agent.load(str(model))
    return [await agent.parse_message(ex.text) for ex in examples]


def _match(gold: dict, predicted: list[dict]) -> bool:
    return any(
        p["entity"] == gold["entity"] and str(p["value"]) == gold["value"]
        and p["start"] < gold["end"] and gold["start"] < p["end"]
        for p in predicted
    )


def entity_scores(examples: list[Example], parses: list[dict]) -> dict[str, dict]:
    counts: dict[str, Counter] = {}
    for ex, parse in zip(examples, parses):
        predicted = parse.get("entities") or []
        for gold in ex.entities:
            c = counts.setdefault(gold["entity"], Counter())
            c["support"] += 1
            c["tp_recall"] += _match(gold, predicted)
        golds = [{**g, "value": g["value"]} for g in ex.entities]
        for p in predicted:
            c = counts.setdefault(p["entity"], Counter())
            c["predicted"] += 1
            c["tp_precision"] += _match(
                {"entity": p["entity"], "value": str(p["value"]), "start": p["start"],
                 "end": p["end"]}, golds)
    scores = {}
    for name, c in sorted(counts.items()):
        precision = c["tp_precision"] / c["predicted"] if c["predicted"] else 0.0
        recall = c["tp_recall"] / c["support"] if c["support"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[name] = {"precision": precision, "recall": recall, "f1": f1,
                        "support": c["support"], "predicted": c["predicted"]}
    return scores


def micro_entity_f1(scores: dict[str, dict]) -> float:
    support = sum(s["support"] for s in scores.values())
    predicted = sum(s["predicted"] for s in scores.values())
    tp_r = sum(s["recall"] * s["support"] for s in scores.values())
    tp_p = sum(s["precision"] * s["predicted"] for s in scores.values())
    p = tp_p / predicted if predicted else 0.0
    r = tp_r / support if support else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def intent_scores(examples: list[Example], parses: list[dict]) -> dict:
    from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

    gold = [ex.intent for ex in examples]
    pred = [p["intent"]["name"] for p in parses]
    labels = sorted(set(gold))
    _, _, f1s, support = precision_recall_fscore_support(
        gold, pred, labels=labels, zero_division=0)
    confused = Counter((g, p) for g, p in zip(gold, pred) if g != p)
    return {
        "accuracy": accuracy_score(gold, pred),
        "macro_f1": f1_score(gold, pred, labels=labels, average="macro", zero_division=0),
        "per_intent": {lab: {"f1": float(f), "support": int(s)}
                       for lab, f, s in zip(labels, f1s, support)},
        "most_confused": [{"gold": g, "predicted": p, "count": n}
                          for (g, p), n in confused.most_common(10)],
        "labels": labels, "gold": gold, "pred": pred,
    }


def plot_confusion(gold: list[str], pred: list[str], labels: list[str], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from sklearn.metrics import ConfusionMatrixDisplay

    all_labels = labels + sorted(set(pred) - set(labels))
    fig, ax = plt.subplots(figsize=(13, 11))
    ConfusionMatrixDisplay.from_predictions(
        gold, pred, labels=all_labels, ax=ax, xticks_rotation=75, colorbar=False)
    ax.set_title("Held-out intent confusion matrix")
    fig.tight_layout()
    fig.savefig(path, dpi=90)
    plt.close(fig)


def previous_run() -> dict | None:
    if not HISTORY.exists():
        return None
    lines = [ln for ln in HISTORY.read_text().splitlines() if ln.strip()]
    return json.loads(lines[-1]) if lines else None


def markdown(summary: dict, intents: dict, entities: dict, previous: dict | None) -> str:
    lines = [f"# NLU 评估报告 {summary['time']}", "", f"模型: `{summary['model']}`",
             f"留出集: {summary['examples']} 句", "",
             f"- 意图准确率 intent accuracy: **{summary['intent_accuracy']:.3f}**",
             f"- 意图宏平均 F1 intent macro-F1: **{summary['intent_macro_f1']:.3f}**",
             f"- 实体 F1（微平均）entity F1: **{summary['entity_f1']:.3f}**"]
    if previous:
        delta = summary["intent_macro_f1"] - previous["intent_macro_f1"]
        lines.append(f"- 与上次比较 macro-F1 变化: {delta:+.3f}（上次 {previous['time']}）")
        if delta < -DROP_WARNING:
            lines.append(f"- ⚠ 警告：macro-F1 比上次下降了 {-delta * 100:.1f} 个百分点")
    lines += ["", "| 意图 intent | F1 | 样本数 |", "|---|---|---|"]
    lines += [f"| {k} | {v['f1']:.3f} | {v['support']} |" for k, v in intents["per_intent"].items()]
    lines += ["", "| 实体 entity | precision | recall | F1 | 样本数 |", "|---|---|---|---|---|"]
    lines += [f"| {k} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |"
              for k, v in entities.items()]
    lines += ["", "## 最易混淆的意图 most confused pairs", ""]
    lines += [f"- {c['gold']} → {c['predicted']}: {c['count']}" for c in intents["most_confused"]]
    lines += ["", "![confusion matrix](confusion_matrix.png)", ""]
    return "\n".join(lines)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def report_for(model: Path, heldout: Path = HELDOUT, reports: Path = REPORTS) -> dict | None:
    """The newest report of this very model file on this held-out file (``make train`` writes
    one), so ``make test`` does not evaluate the same model twice. A report counts only when
    both digests match: a model retrained under the same name, or a report left over from an
    earlier run (older reports carry no model digest), is evaluated afresh."""
    heldout_digest, model_sha = _digest(heldout), model_digest(model)
    for path in sorted(reports.glob("*/report.json"), reverse=True):
        report = json.loads(path.read_text(encoding="utf-8"))
        if report.get("model_sha256") == model_sha and report.get("heldout") == heldout_digest:
            return {**report, "directory": str(path.parent)}
    return None


def evaluate(model: Path, heldout: Path = HELDOUT, out_root: Path = REPORTS) -> dict:
    examples = load_examples(heldout)
    parses = asyncio.run(predict(model, examples))
    intents = intent_scores(examples, parses)
    entities = entity_scores(examples, parses)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    out = out_root / stamp
    out.mkdir(parents=True, exist_ok=True)
    plot_confusion(intents["gold"], intents["pred"], intents["labels"], out / "confusion_matrix.png")
    summary = {"time": stamp, "model": model.name, "model_sha256": model_digest(model),
               "heldout": _digest(heldout),
               "examples": len(examples),
               "intent_accuracy": intents["accuracy"], "intent_macro_f1": intents["macro_f1"],
               "entity_f1": micro_entity_f1(entities)}
    previous = previous_run() if out_root == REPORTS else None
    errors = [{"text": ex.text, "gold": ex.intent, "predicted": p["intent"]["name"]}
              for ex, p in zip(examples, parses) if ex.intent != p["intent"]["name"]]
    entity_errors = [
        {"text": ex.text, "gold": [(g["entity"], g["value"]) for g in ex.entities],
         "predicted": [(e["entity"], str(e["value"])) for e in p.get("entities") or []]}
        for ex, p in zip(examples, parses)
        if sorted((g["entity"], g["value"]) for g in ex.entities)
        != sorted((e["entity"], str(e["value"])) for e in p.get("entities") or [])
    ]
    report = {**summary, "per_intent": intents["per_intent"], "entities": entities,
              "most_confused": intents["most_confused"], "errors": errors,
              "entity_errors": entity_errors,
              "previous": previous}
    (out / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2))
    (out / "report.md").write_text(markdown(summary, intents, entities, previous))
    with HISTORY.open("a") if out_root == REPORTS else open(out / "history.jsonl", "a") as h:
        h.write(json.dumps(summary, ensure_ascii=False) + "\n")
    report["directory"] = str(out)
    return report


def print_report(report: dict) -> None:
    print(f"\n意图准确率 intent accuracy  {report['intent_accuracy']:.3f}")
    print(f"意图宏平均 F1 macro-F1       {report['intent_macro_f1']:.3f}")
    print(f"实体 F1 entity F1 (micro)    {report['entity_f1']:.3f}\n")
    print(f"{'intent':22} {'F1':>6} {'n':>4}")
    for name, s in report["per_intent"].items():
        print(f"{name:22} {s['f1']:6.3f} {s['support']:4d}")
    print(f"\n{'entity':14} {'prec':>6} {'recall':>6} {'F1':>6} {'n':>4}")
    for name, s in report["entities"].items():
        print(f"{name:14} {s['precision']:6.3f} {s['recall']:6.3f} {s['f1']:6.3f} {s['support']:4d}")
    if report["most_confused"]:
        print("\n最易混淆 most confused: " + ", ".join(
            f"{c['gold']}→{c['predicted']}×{c['count']}" for c in report["most_confused"][:5]))
    previous = report.get("previous")
    if previous:
        delta = report["intent_macro_f1"] - previous["intent_macro_f1"]
        print(f"与上次相比 macro-F1 {delta:+.3f}")
        if delta < -DROP_WARNING:
            print(f"⚠ 警告：macro-F1 下降了 {-delta * 100:.1f} 个百分点，请检查最近的数据改动。")
    print(f"\n报告: {report['directory']}/report.md")


def main() -> None:
    parser = argparse.ArgumentParser(description="在留出测试集上评估 NLU。")
    parser.add_argument("--model", type=Path, help="模型文件（默认：需要时训练，然后用最新模型）")
    parser.add_argument("--min-macro-f1", type=float, default=0.0)
    parser.add_argument("--min-entity-f1", type=float, default=0.0)
    args = parser.parse_args()
    if args.model is None:
        from bot.models import up_to_date_model

        args.model = up_to_date_model()
    report = evaluate(args.model)
    print_report(report)
    if report["intent_macro_f1"] < args.min_macro_f1 or report["entity_f1"] < args.min_entity_f1:
        sys.exit(f"✘ 未达标：macro-F1 {report['intent_macro_f1']:.3f}（要求 ≥ {args.min_macro_f1}），"
                 f"实体 F1 {report['entity_f1']:.3f}（要求 ≥ {args.min_entity_f1}）")


if __name__ == "__main__":
    main()
