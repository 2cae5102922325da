#!/usr/bin/env bash
# `make test`: lint, data checks, train if needed, then every pytest suite and
# the Rasa test stories. Services (PostgreSQL, Redis, RabbitMQ) are used when
# their URLs are set in the environment (.ci/run sets them), skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
mkdir -p var models
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"
export RASA_TELEMETRY_ENABLED=false TF_CPP_MIN_LOG_LEVEL=2 SQLALCHEMY_SILENCE_UBER_WARNING=1

step() { printf '\n\033[1m▶ %s\033[0m\n' "$*"; }

step "代码检查 ruff"
.venv/bin/ruff check bot actions tests bench

step "类型检查 mypy"
.venv/bin/mypy bot actions

step "训练数据检查（rasa data validate + 训练员检查）"
if [ -f bot/trainer/checks.py ]; then $PY -m bot.trainer.checks; fi
.venv/bin/rasa data validate --fail-on-warnings >var/validate.log 2>&1 || { cat var/validate.log; exit 1; }
echo "rasa data validate: 通过"

step "训练模型（数据或配置变化时）"
$PY -m bot.train

step "pytest: 单元、后台、动作、端到端、浏览器测试"
# --durations=25: the run ends with its slowest set-ups, tests and teardowns (stack starts among them)
$PY -m pytest -q -p no:cacheprovider --durations=25 "$@"

if ls tests/stories/*.yml >/dev/null 2>&1; then
  step "Rasa 测试故事 tests/stories"
  .venv/bin/rasa test core --stories tests/stories --model models --out var/story-results \
    --fail-on-prediction-errors --no-plot >var/story-test.log 2>&1 \
    || { tail -60 var/story-test.log; cat var/story-results/failed_test_stories.yml 2>/dev/null | head -80; exit 1; }
  echo "Rasa 测试故事: 全部通过"
fi
