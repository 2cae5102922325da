"""The fixed sample of simulated workers (``bot/sim``) against the real product.

About 40 generated scenarios, every flow: each worker opens in its own way, answers what the
bot asks in its own style and must reach its goal (a ticket with the right facts in the
backend, the answer text, or a handoff). ``make simulate`` runs the whole set.
"""

from __future__ import annotations

import pytest

from bot.sim import report
from bot.sim.runner import limit_reset, run_scenarios
from bot.sim.scenarios import generate, sample
from bot.sim.worker import Product

pytestmark = pytest.mark.integration

# Task success on the sample that today's dialogue reaches (85.7 %, 36 of 42, measured
# 2026-12-01 on main 4b1332c with the baseline model), minus a margin for a loaded machine
# (the action server then drops connections). The lead raises it as the flows improve.
SIM_MIN_SUCCESS = 0.80
CONCURRENCY = 6


async def test_simulated_workers_reach_their_goals(stack, tmp_path):
    product = Product(stack.rasa_url, stack.backend_url, stack.backend_token)
    results = await run_scenarios(sample(generate()), product, CONCURRENCY,
                                  reset_limits=limit_reset(stack.database_url))
    summary = report.summarise(results)
    out = report.write(results, "make test sample", CONCURRENCY, 0, tmp_path)
    print("\n" + report.table(summary, "flow") + f"\n{out}/report.md")

    crashed = [f"{r.scenario}: {r.reason}" for r in results if r.reason.startswith("crashed")]
    assert not crashed, f"the simulator itself failed: {crashed}"
    assert {r.flow for r in results} == {s.flow for s in generate()}
    failures = "\n".join(f"{r.scenario}: {r.reason}" for r in results if not r.success)
    assert summary["total"]["success_rate"] >= SIM_MIN_SUCCESS, (
        f"task success {summary['total']['success_rate']:.1%} < {SIM_MIN_SUCCESS:.0%}:\n{failures}")
