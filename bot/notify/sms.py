"""The SMS sender interface, and the development sender.

Every sender has one method, ``send(message) -> provider message id``, and raises
``SmsError`` when the provider did not take the message (``permanent`` when retrying cannot
help, e.g. an invalid number). The outbox worker (``bot/notify/outbox.py``) is the only caller.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from bot.normalize.identity import mask_phone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class SmsMessage:
    outbox_id: int
    recipient: str  # 11-digit mainland mobile number
    kind: str  # a key of bot.notify.templates.TEMPLATES
    params: dict
    body: str


class SmsError(Exception):
    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.permanent = permanent


class SmsSender(Protocol):
    name: str

    async def send(self, message: SmsMessage) -> str:
        """Hands the message to the provider; returns the provider's message id."""


class DevelopmentSender:
    """Development: nothing leaves the machine. The log says a message went out (masked), and
    the last messages are kept in memory as the developer's "phone" (``GET /dev/outbox``
    shows them after the outbox itself has erased a code's body)."""

    name = "log"

    def __init__(self, keep: int = 200) -> None:
        self.delivered: OrderedDict[int, str] = OrderedDict()
        self.keep = keep

    async def send(self, message: SmsMessage) -> str:
        self.delivered[message.outbox_id] = message.body
        while len(self.delivered) > self.keep:
            self.delivered.popitem(last=False)
        logger.info("development SMS #%s (%s) to %s", message.outbox_id, message.kind,
                    mask_phone(message.recipient))
        return f"dev-{message.outbox_id}"


class SmsConfigError(RuntimeError):
    """Production without a configured provider: the backend refuses to start."""
