"""What every channel checks before a message reaches NLU (REST and the widget alike)."""

from __future__ import annotations

import re

from bot import logmask

# the cap is bot.settings' max_message_chars (2,000 by default)
TOO_LONG = ("您的消息太长了，系统一次最多处理 2000 个字。请把问题分成几段短一点的话发过来，"
            "或直接拨打职工服务热线 12351。")
# C0/C1 controls (but tab/newline), line and paragraph separators, BOM, lone surrogates:
# they mean nothing in a worker's message and break JSON, YAML and logs downstream
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]")


def clean(text: str) -> str:
    """``text`` with unsafe control and surrogate characters replaced by a space."""
    return _UNSAFE.sub(" ", text)


def is_clean(text: str) -> bool:
    return _UNSAFE.search(text) is None


def is_widget_session(sender: str) -> bool:
    """Widget conversations continue only over socket.io, with their signed token."""
    return sender.strip().lower().startswith("w-")


def install_process_guards() -> None:
    """Masked logs in the Rasa process: called when Rasa builds our channels (after Rasa
    configured its logging), not on import; the same call sets the log format and rotation
    (bot/logsetup.py)."""
    logmask.install()
    from bot import logsetup

    logsetup.configure("rasa")
