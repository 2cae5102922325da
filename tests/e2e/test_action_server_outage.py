"""The action server stopped mid-conversation: Rasa alone would answer with silence (the
REST channel returns ``[]``); our channels answer with a polite Chinese apology, the
message stays in the conversation, and the bot carries on once the server is back.

It stops and restarts the shared e2e stack's action server; the ``outage`` fixture checks
afterwards that the stack is whole again, so the test may run in any order.
"""

from __future__ import annotations

import pytest

from bot.channels.never_silent import APOLOGY

pytestmark = [pytest.mark.integration, pytest.mark.action_errors_expected]


async def test_a_dead_action_server_gets_an_apology_not_silence(outage, chat):
    actions = outage.service("action-server")
    assert "单位" in await chat.say("老板欠我三个月工资")
    actions.stop()
    try:
        assert await chat.say("鑫达电子厂") == APOLOGY  # the form's validation cannot run
    finally:
        actions.start()
        actions.wait_ready(90)
    assert "多少" in await chat.say("鑫达电子厂")  # the form goes on: how much is owed
