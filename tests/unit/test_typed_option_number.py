"""A single digit typed for an option (XB-2: 1 under [1] 看看我的情况 [2] 不用了 got the menu, and the
1 went into the ticket as words of the case)."""

from __future__ import annotations

from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered

from bot.typed_buttons import button_typed

OFFER = BotUttered("要不要我再帮您看看您自己的情况？", {"buttons": [
    {"title": "看看我的情况", "payload": "/childcare_service"}, {"title": "不用了", "payload": "/deny"}]})


def _after(*bot: BotUttered) -> list:
    return [UserUttered("寒假有托管吗"), ActionExecuted("action_start_service"), *bot, ActionExecuted("action_listen")]


def test_a_digit_is_that_option():
    assert button_typed("1", _after(OFFER)) == "/childcare_service"
    assert button_typed("2。", _after(OFFER)) == "/deny"


def test_options_are_numbered_across_the_replies_of_one_turn():
    confirm = BotUttered("没问题请点“确认”", {"buttons": [{"title": "确认", "payload": "/affirm"},
                                                          {"title": "修改", "payload": "/deny"}]})
    assert button_typed("3", _after(OFFER, confirm)) == "/affirm"


def test_a_digit_past_the_options_or_to_a_count_question_is_the_number():
    assert button_typed("3", _after(OFFER)) is None
    count = BotUttered("有多少工友被欠薪？只有您一个人的话就说“就我一个”。", {"buttons": [
        {"title": "就我一个", "payload": "/inform"}, {"title": "还有别的工友", "payload": "/inform"},
        {"title": "不清楚", "payload": "/inform"}]})
    assert button_typed("3", _after(count)) is None
    assert button_typed("1", [*_after(OFFER), UserUttered("嗯")]) is None  # an older reply's
