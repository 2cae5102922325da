"""A button's title typed instead of pressed is read as the button (a dialogue fix to Rasa 3.6,
applied from our own code; the package stays untouched).

On a phone many workers type what a button says rather than tap it: 看看我的情况 under the
offer to look at their own case got 没太明白 (round 35), because the NLU was never trained on
a button's words, only its payload. When a message is exactly the title of a button in the
bot's last reply (spaces and end punctuation aside, simplified or traditional), Rasa parses the
button's payload instead; the worker's own words stay the message's text.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor

from bot.normalize.text import normalize_text

logger = logging.getLogger(__name__)
_original_parse_message = MessageProcessor.parse_message
TYPED_BUTTON = "typed_button"  # parse data key: the payload of the button the message typed
_TRIM = re.compile(r"[\s，,。.!！?？~～]+")


def _plain(text: str) -> str:
    return _TRIM.sub("", normalize_text(text or ""))


# 好，看看 / 要，帮我登记: the title's words after a yes said with them (看看 typed: ZT-08)
_LEADING_YES = re.compile(r"^(?:好的?|嗯|行|要|是的?|对)(?=\S)")


def _same(said: str, title: str) -> bool:
    plain = _plain(title)
    return said == plain or (len(said) >= 2 and said == _LEADING_YES.sub("", plain))


def _last_reply(events: Any) -> tuple[list[dict], str]:
    """The buttons of the bot's replies to the worker's previous message, in the order shown,
    and those replies' words."""
    shown: list[list[dict]] = []
    words: list[str] = []
    for event in reversed(list(events or [])):
        kind = getattr(event, "type_name", None)
        if kind == "user":
            break  # only the replies to the worker's previous message
        if kind == "bot":
            shown.append(list((getattr(event, "data", None) or {}).get("buttons") or []))
            words.append(getattr(event, "text", None) or "")
    return [button for buttons in reversed(shown) for button in buttons], " ".join(words)


# a question whose answer may be a number (有多少工友 / 几年级): a digit is the answer, not an option
_ASKS_A_NUMBER = re.compile(r"多少|几|多大|多久|多长")


# 1 / 2 typed for the first or second option (XB-2: 1 under [1] 看看我的情况 got the menu, and
# went into the ticket as words of the case): a single digit, as a chat that numbers the options
# shows them
_OPTION_NUMBER = re.compile(r"^[1-9]$")


def button_typed(text: str, events: Any) -> str | None:
    """The intent payload of the last bot reply's button whose title ``text`` is, or whose
    place in the list a single digit names (None: none)."""
    said = _plain(text)
    if not said or said.startswith("/"):
        return None
    shown, words = _last_reply(events)
    buttons = [b for b in shown if str(b.get("payload") or "").startswith("/")]
    if _OPTION_NUMBER.match(said) and len(buttons) == len(shown) >= int(said) \
            and not _ASKS_A_NUMBER.search(words):
        return str(buttons[int(said) - 1]["payload"])
    for button in reversed(buttons):
        if _same(said, str(button.get("title") or "")):
            return str(button["payload"])
    return None


async def parse_message(self: MessageProcessor, message: UserMessage, tracker: Any = None,
                        only_output_properties: bool = True) -> dict[str, Any]:
    """Rasa's, except that a typed button title is parsed as the button's payload."""
    payload = button_typed(message.text or "", getattr(tracker, "events", None)) if tracker else None
    if not payload:
        return await _original_parse_message(self, message, tracker, only_output_properties)
    pressed = UserMessage(payload, message.output_channel, message.sender_id,
                          input_channel=message.input_channel, message_id=message.message_id,
                          metadata=message.metadata)
    parse_data = await _original_parse_message(self, pressed, tracker, only_output_properties)
    parse_data["text"] = message.text  # the worker's words stay what they wrote
    parse_data[TYPED_BUTTON] = payload  # (no words of the case: left off a ticket's 您说的情况)
    return parse_data


def apply() -> None:
    """Installs the fix once per process (idempotent)."""
    if MessageProcessor.parse_message is not parse_message:
        MessageProcessor.parse_message = parse_message
        logger.debug("typed button titles read as their buttons")


apply()
