"""No message goes unanswered: when Rasa produces nothing (the action server is down or
raised, a prediction failed), the worker still gets a polite Chinese reply.

Rasa only logs such failures and answers with silence (REST returns ``[]``). Wrapping the
channel's ``on_new_message`` catches both the exception and the empty answer; the worker's
message is already in the tracker, so nothing they said is lost.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, OutputChannel, UserMessage

from bot.metrics import rasa_metrics

logger = logging.getLogger(__name__)
APOLOGY = ("抱歉，系统刚才出了点问题，没能处理您的消息，您说的内容已经记下了。"
           "请稍后再发一次，或直接拨打职工服务热线 12351。")
Handler = Callable[[UserMessage], Awaitable[Any]]


class CountingOutput:
    """Counts what an output channel sends (the socket.io output keeps no list of messages)."""

    sent = 0

    def note_sent(self) -> None:
        self.sent += 1


def answered(output: OutputChannel | None) -> bool:
    if isinstance(output, CollectingOutputChannel):
        return bool(output.messages)
    return bool(getattr(output, "sent", 0))


def never_silent(on_new_message: Handler) -> Handler:
    """``on_new_message`` that apologises instead of staying silent."""

    async def handle(message: UserMessage) -> Any:
        metrics = rasa_metrics()
        started = time.perf_counter()
        channel = message.input_channel or "unknown"
        try:
            result = await on_new_message(message)
        except Exception:  # Rasa's own handler logs and swallows most errors; not all
            logger.exception("handling a message from %s failed", message.sender_id)
            result = None
        output = message.output_channel
        if output is not None and not answered(output):
            logger.error("no reply for a message from %s: sending the apology", message.sender_id)
            await output.send_text_message(message.sender_id, APOLOGY)
            metrics.apologies.labels(channel).inc()
        metrics.turns.labels(channel).observe(time.perf_counter() - started)
        return result

    return handle
