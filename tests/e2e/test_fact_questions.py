"""Fact questions asked in chat (issue 10, item 8 and its acceptance line): each question of
tests/facts/fact_questions.yml, in a new conversation over the REST channel, gets the right
figure — with its source — in the FIRST reply, before any question back to the worker."""

from __future__ import annotations

import pytest

from tests.facts.conftest import fact_table

pytestmark = pytest.mark.integration
TABLE = fact_table()
ROWS = [pytest.param(row, id=row["q"]) for row in TABLE]


@pytest.mark.parametrize("row", ROWS)
async def test_the_first_reply_has_the_figure(chat, row):
    reply = await chat.say(row["q"])
    missing = [figure for figure in row["expect"] if figure not in reply]
    assert not missing, f"{row['q']!r} → {reply!r}"
    assert "来源" in reply
    # the answer comes first: whatever else the bot says (an offer to look at the worker's
    # own case) follows it
    first = reply.split("（来源")[0]
    assert any(figure in first for figure in row["expect"]), reply


async def test_a_place_named_in_the_question_is_not_asked_again(chat):
    reply = await chat.say("上海留沪建设者意外伤害保障最高多少")
    assert "2万" in reply and "哪个城市" not in reply and "在哪" not in reply
