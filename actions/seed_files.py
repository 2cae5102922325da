"""The backend's seed files (bot/seed/*.yml), parsed once per process.

policies.yml alone takes ~0.3 s to parse; the actions that read a record of it (the minimum
wages, a dismissal for claiming, pay while injured, employer figures, the mutual cover, the
streets of places.yml) share this one cached reader instead of each parsing the file again.
Callers treat what it returns as read-only.
"""

from __future__ import annotations

from functools import cache

import yaml

from bot.settings import ROOT

SEED_DIR = ROOT / "bot" / "seed"


@cache
def seed(name: str) -> dict:
    """A seed file of the backend's (bot/seed), {} when absent."""
    path = SEED_DIR / name
    return (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}
