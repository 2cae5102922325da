"""The token Rasa gets from ``bot.rasa_run`` reaches argparse whole, whatever its first character."""

from __future__ import annotations

import argparse

from bot import rasa_run


def test_a_token_starting_with_a_dash_is_one_argument(monkeypatch):
    monkeypatch.setenv("RASA_TOKEN", "-W-2abcdefghijklmnopqrstuvwxyz")
    rasa_run.get_settings.cache_clear()
    try:
        argv = rasa_run.rasa_argv(["run", "--enable-api"])
    finally:
        rasa_run.get_settings.cache_clear()
    parser = argparse.ArgumentParser()
    parser.add_argument("command")
    parser.add_argument("--enable-api", action="store_true")
    parser.add_argument("-t", "--auth-token")
    parser.add_argument("--cors", nargs="*")
    assert parser.parse_args(argv).auth_token == "-W-2abcdefghijklmnopqrstuvwxyz"
