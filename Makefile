# 职工服务热线助手 — the two set-up commands are `make run` and `make test`.
SHELL := /bin/bash
PY310 ?= $(shell ls -d $(HOME)/.pyenv/versions/3.10.*/bin/python3.10 2>/dev/null | tail -1)
ifeq ($(PY310),)
PY310 := $(shell command -v python3.10)
endif
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 2
export SQLALCHEMY_SILENCE_UBER_WARNING := 1

.PHONY: run test test-fast train evaluate simulate bench shell validate lint typecheck lock clean help new-intent deploy
help:
	@echo "make run       安装（如需要）、训练（如需要）并启动全部服务，打印访问地址"
	@echo "make run TRAIN=1  先训练再启动（默认只在没有模型时训练）；RUN_ARGS=\"--host 0.0.0.0\" 传给启动器"
	@echo "make run SCALE=2  多实例：N 个 Rasa + 动作服务器，HAProxy、PostgreSQL、Redis、RabbitMQ"
	@echo "make test      运行全部测试（单元、数据检查、后台、端到端、浏览器）"
	@echo "make test-fast 只跑单元测试（不训练、不启动服务、不开浏览器，一分钟内）"
	@echo "make train     数据或配置变了才训练（make train FORCE=1 强制重训）"
	@echo "make evaluate  在留出测试集上评估 NLU，报告写到 reports/；并显示最近一次模拟职工的成绩"
	@echo "make simulate  模拟职工：全部生成的场景和助手对话，成功率表写到 reports/sim/"
	@echo "make bench     性能基准：训练时间、加载时间、解析延迟、内存、后台和对话延迟"
	@echo "make shell     在终端里和助手聊天"
	@echo "make validate  检查训练数据（rasa data validate + 训练员检查）"
	@echo "make new-intent NAME=xxx  新增意图（例句模板、回复、规则）"
	@echo "make deploy    把最新模型加载到正在运行的服务器（不停机）"

$(STAMP): requirements.lock requirements-dev.lock
	@test -n "$(PY310)" || { echo "✘ 需要 Python 3.10（pyenv 或 PATH 上的 python3.10）"; exit 1; }
	@echo "▶ 创建虚拟环境并安装依赖（首次约需几分钟）…"
	@test -x $(PY) || $(PY310) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip==24.0
	$(PY) -m pip install --progress-bar on -r requirements.lock -r requirements-dev.lock
	@touch $(STAMP)

install: $(STAMP)

train: $(STAMP)
	$(PY) -m bot.train $(if $(FORCE),--force,)

run: $(STAMP)
	$(if $(SCALE),$(PY) -m bot.scale --instances $(SCALE),$(PY) -m bot.launcher) $(if $(TRAIN),--train,) $(RUN_ARGS)

shell: $(STAMP) train
	ACTION_SERVER_TOKEN=$$($(PY) -c 'from bot.settings import get_settings; print(get_settings().action_server_token)') \
	  $(VENV)/bin/rasa shell --endpoints endpoints.yml

validate: $(STAMP)
	PYTHONPATH=. $(PY) -m bot.trainer.checks
	$(VENV)/bin/rasa data validate --fail-on-warnings

new-intent: $(STAMP)
	@test -n "$(NAME)" || { echo "用法: make new-intent NAME=意图名"; exit 1; }
	PYTHONPATH=. $(PY) -m bot.trainer.new_intent $(NAME)

deploy: $(STAMP)
	PYTHONPATH=. $(PY) -m bot.trainer.deploy

lint: $(STAMP)
	$(VENV)/bin/ruff check bot actions tests bench
	$(MAKE) --no-print-directory typecheck

# mypy on bot/ and actions/ (settings in pyproject.toml [tool.mypy])
typecheck: $(STAMP)
	$(VENV)/bin/mypy bot actions

test: $(STAMP)
	bash tests/run_all.sh

# The fast tier: unit tests only — no training, no servers, no browser. The selection is these
# directories minus the markers below (integration/browser need a model or chromium; slow marks
# a real backend per test or a performance measurement). make test still runs everything.
FAST_TESTS := tests/unit tests/actions tests/trainer tests/sim/test_sim_scenarios.py
FAST_MARKERS := not integration and not browser and not slow
test-fast: $(STAMP)
	PYTHONPATH=. $(PY) -m pytest -q -p no:cacheprovider -m "$(FAST_MARKERS)" $(FAST_TESTS)

evaluate: $(STAMP)
	$(PY) -m bot.evaluate
	$(PY) -m bot.sim.report

simulate: $(STAMP)
	$(PY) -m bot.sim $(SIM_ARGS)

bench: $(STAMP)
	$(PY) -m bench

# Lock files from the .in files with pip-tools: requirements.in -> requirements.lock (runtime),
# requirements-dev.in -> requirements-dev.lock (tests and tools, constrained by the runtime
# lock). pip-compile re-resolves and keeps the existing pins; UPGRADE=1 moves them to the newest.
# pip-compile drops the platform markers of the machine it resolves on; bot/lock_markers.py puts
# Rasa's own markers back (tests/unit/test_lock_markers.py fails on a pin without its marker).
PIP_COMPILE = CUSTOM_COMPILE_COMMAND="make lock" $(VENV)/bin/pip-compile --quiet --no-strip-extras \
	--no-emit-index-url --no-emit-find-links $(if $(UPGRADE),--upgrade,)
lock: $(STAMP)
	$(PIP_COMPILE) --output-file=requirements.lock requirements.in
	$(PIP_COMPILE) --output-file=requirements-dev.lock requirements-dev.in
	PYTHONPATH=. $(PY) -m bot.lock_markers requirements.lock requirements-dev.lock

clean:
	rm -rf models/*.tar.gz reports/ .rasa/
