"""``make new-intent NAME=…``: adds an intent end to end, with no Python to write.

It writes the examples to ``data/nlu/<name>.yml`` (a template when none are
given), the intent and an ``utter_<name>`` response to ``domain.yml`` (comments
and layout kept), and a rule intent → response to ``data/rules/trainer_intents.yml``.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from bot.settings import ROOT

NAME = re.compile(r"^[a-z][a-z0-9_]{2,40}$")
TEMPLATE = ["（把这一行换成职工会怎么问，至少写 20 句，说法要多样）"]


class ScaffoldError(Exception):
    pass


def _yaml() -> YAML:
    yaml = YAML()
    # ruamel.yaml leaves these unannotated (= None) in YAML.__init__, so mypy types them as None
    yaml.preserve_quotes = True  # type: ignore[assignment]
    yaml.width = 4096  # type: ignore[assignment]
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def add_to_domain(domain_path: Path, name: str, response: str) -> None:
    yaml = _yaml()
    domain = yaml.load(domain_path.read_text(encoding="utf-8"))
    if name in [str(i) for i in domain["intents"]]:
        raise ScaffoldError(f"意图 {name} 已经存在，请换一个名字")
    domain["intents"].append(name)
    domain["responses"][f"utter_{name}"] = [{"text": DoubleQuotedScalarString(response)}]
    with domain_path.open("w", encoding="utf-8") as f:
        yaml.dump(domain, f)


def write_examples(data_dir: Path, name: str, examples: list[str]) -> Path:
    path = data_dir / "nlu" / f"{name}.yml"
    if path.exists():
        raise ScaffoldError(f"{path} 已经存在")
    lines = ['version: "3.1"', "nlu:", f"- intent: {name}", "  examples: |"]
    lines += [f"    - {e.strip()}" for e in examples if e.strip()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def add_rule(data_dir: Path, name: str) -> Path:
    path = data_dir / "rules" / "trainer_intents.yml"
    if not path.exists():
        path.write_text('version: "3.1"\n# Rules added by `make new-intent`.\nrules:\n',
                        encoding="utf-8")
    with path.open("a", encoding="utf-8") as f:
        f.write(f"  - rule: {name}\n    steps:\n      - intent: {name}\n"
                f"      - action: utter_{name}\n")
    return path


def scaffold(name: str, examples: list[str], response: str, data_dir: Path,
             domain_path: Path) -> list[Path]:
    if not NAME.match(name):
        raise ScaffoldError("意图名只能用小写英文字母、数字和下划线，以字母开头，3–40 个字符，例如 housing_help")
    add_to_domain(domain_path, name, response)
    return [write_examples(data_dir, name, examples or TEMPLATE), domain_path,
            add_rule(data_dir, name)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="新增一个意图（例句、回复、规则）。")
    parser.add_argument("name", help="意图名，例如 housing_help")
    parser.add_argument("--examples", type=Path, help="例句文件，每行一句")
    parser.add_argument("--response", default="（请在 domain.yml 里把这句换成给职工的回答）")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--domain", type=Path, default=ROOT / "domain.yml")
    args = parser.parse_args(argv)
    examples = args.examples.read_text(encoding="utf-8").splitlines() if args.examples else []
    try:
        changed = scaffold(args.name, examples, args.response, args.data, args.domain)
    except ScaffoldError as exc:
        print(f"✘ {exc}")
        return 1
    print(f"✔ 已新增意图 {args.name}，修改了：")
    for path in changed:
        print(f"  - {path}")
    print("下一步：补充例句（至少 20 句）和回复，然后 make validate、make train、make evaluate。")
    return 0


if __name__ == "__main__":
    sys.exit(main())
