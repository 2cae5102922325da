"""The menu's own buttons, pressed on the real product (VK-5, round 63: 算加班费 — payload
/overtime_pay — answered with the same menu again, for as long as it was pressed). A button sends
its payload, not words; every service of the menu must start its own flow."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.integration
MENU = "请问您想办理什么事情"


@pytest.mark.parametrize(("payload", "expected"), [("/overtime_pay", "月工资"), ("/wage_arrears", "单位"),
                                                   ("/school_placement", "哪个城市"), ("/find_station", "哪个城市")])
async def test_a_menu_button_starts_its_service(chat, payload, expected):
    reply = await chat.say(payload)
    assert MENU not in reply and expected in reply, reply
