"""The token Rasa gets from ``bot.rasa_run`` reaches argparse whole, whatever its first character."""

from __future__ import annotations

import argparse
import os

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



def test_the_server_runs_tensorflow_on_one_thread_per_pool():
    """In a fresh process (TensorFlow's pools are fixed once it has run an op)."""
    import subprocess
    import sys

    code = ("from bot import rasa_run; rasa_run.one_tensorflow_thread(1); import tensorflow as tf; "
            "print(tf.config.threading.get_inter_op_parallelism_threads(), "
            "tf.config.threading.get_intra_op_parallelism_threads())")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "TF_CPP_MIN_LOG_LEVEL": "3"})
    assert out.stdout.split() == ["1", "1"]
