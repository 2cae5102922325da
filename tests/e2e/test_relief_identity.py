"""The relief flow tells a member and a stranger the same thing about codes (issue 11,
item 1): only after the code step is a stranger treated as not on record, and the flow goes on."""

from __future__ import annotations


async def test_member_and_stranger_hear_the_same_then_the_stranger_goes_on_unverified(
        chat, backend_api):
    stranger = type(chat)(chat.stack)
    await chat.say("我是困难职工 能申请医疗救助吗")
    await stranger.say("我是困难职工 能申请医疗救助吗")
    to_member = await chat.say("13952800002")
    to_stranger = await stranger.say("13700009876")
    assert to_member == to_stranger and "验证码" in to_stranger
    assert "会员档案" not in to_stranger and "没有查到" not in to_stranger
    reply = await stranger.say("没收到")
    # told only now, and the form goes on: the place first (the worker never named one; the
    # rules are local, and the records that answer are not the worker's place)
    assert "建档" in reply and "哪个城市" in reply
    assert "医疗费" in await stranger.say("镇江")
    assert await stranger.say("自己掏了两千五")
    code = await backend_api.last_code("13952800002")
    assert "核验成功" in await chat.say(code)
