"""Every response an action or validator names exists in the domain.

A missing response is silent in Rasa (it only logs), so the worker would get no answer:
a below-minimum-wage warning or a re-ask would simply not be said.
"""

from __future__ import annotations

import re

import yaml

from bot.settings import ROOT

NAMED = re.compile(r"""["'](utter_[a-z0-9_]+)["']""")


def test_every_response_the_actions_use_is_in_the_domain():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    used = {name for path in (ROOT / "actions").glob("*.py")
            for name in NAMED.findall(path.read_text(encoding="utf-8"))}
    assert len(used) > 20, "the scan found the responses"
    missing = sorted(used - set(domain["responses"]))
    assert not missing, f"responses used by actions but missing from domain.yml: {missing}"
