"""Crisis words win, always (issue 10, item 7), end to end over the REST channel.

Every form is opened for real, then the worker writes a crisis sentence mixed with that
form's own topic (the words a classifier would take for an answer or for the same service):
the FIRST reply carries the crisis hotlines and the station handoff, the form is dropped
and the handoff is queued with reason ``crisis``. The same outside any form.
"""

from __future__ import annotations

import os

import aiohttp
import pytest

pytestmark = pytest.mark.integration
HOTLINES = ("400-161-9995", "12356")

# form → (what opens it, a crisis sentence about that form's own topic)
FORMS = {
    "wage_arrears_form": (["老板欠我工资"], "工资要不回来 家里也指望不上 真的不想活了"),
    "overtime_form": (["我想算加班费"], "加班费一分没有 天天干到半夜 撑不下去了 想跳楼"),
    "minimum_wage_form": (["我想了解最低工资"], "一个月才一千五 活着没什么意思"),
    "school_form": (["孩子上学的事想咨询一下"], "孩子在崂山区上不了学 我也不想活了"),
    "relief_form": (["我想申请困难职工救助"], "看病把钱都花光了 自付三千多 不如死了算了"),
    "holiday_subsidy_form": (["过年留在这边有补贴吗"], "过年回不了家 一个人在上海 想一了百了"),
    "find_station_form": (["帮我找一下工作站"], "辛安街道 我想自杀"),
    "ticket_status_form": (["我想查工单进度"], "工单一直没人管 我真的活不下去了"),
    "ticket_offer_form": (["我在辛安街道 工伤了公司不管 想找律师咨询"],
                          "找律师也没用 我想结束这一切"),
}


async def _tracker(e2e_stack, chat) -> dict:
    async with (
        aiohttp.ClientSession() as http,
        http.get(f"{e2e_stack.rasa_url}/conversations/{chat.sender}/tracker",
                 params={"token": os.environ["RASA_TOKEN"]}) as response,
    ):
        return await response.json()


def _assert_crisis_reply(reply: str) -> None:
    assert all(number in reply for number in HOTLINES), reply
    # the station handoff — or, in a city whose union is no station of this hotline (上海), the callback
    # through that union (round 59, VD-10: no hours of ours said for it)
    assert "已为您转接" in reply or "不在服务时间" in reply or ("请留下手机号" in reply and "当地工会" in reply), reply


async def _assert_handed_over(backend_api, chat) -> None:
    status, record = await backend_api.call("GET", f"/handoffs/by-conversation/{chat.sender}")
    assert status == 200 and record["reason"] == "crisis", record


@pytest.mark.parametrize("form", list(FORMS))
async def test_crisis_words_inside_every_form(e2e_stack, chat, backend_api, form):
    openers, crisis = FORMS[form]
    for text in openers:
        await chat.say(text)
    before = await _tracker(e2e_stack, chat)
    assert (before.get("active_loop") or {}).get("name") == form, chat.transcript
    reply = await chat.say(crisis)
    _assert_crisis_reply(reply)
    after = await _tracker(e2e_stack, chat)
    assert not (after.get("active_loop") or {}).get("name"), "the form must be dropped"
    await _assert_handed_over(backend_api, chat)


@pytest.mark.parametrize("opening", [
    [],                       # the first message
    ["你好"],                 # after a greeting
    ["那个那个嗯就是那个"],    # after the bot said it did not understand
    ["工会热线是多少"],        # after a fact answer
])
async def test_crisis_words_outside_forms(chat, backend_api, opening):
    for text in opening:
        await chat.say(text)
    _assert_crisis_reply(await chat.say("工资要不回来 家里也指望不上 真的不想活了"))
    await _assert_handed_over(backend_api, chat)


@pytest.mark.parametrize("said", [
    ["老板欠我三个月工资", "鑫达电子厂", "要不回来我就从塔吊上跳下来"],  # as the amount's answer
    ["老板欠我三个月工资", "我真的想不开了"],  # the NLU read it as cancel: the form was dropped
    ["包工头欠了我一年工钱 活着太累了"],  # the wage form asked the employer
    ["老板欠钱不给 我要跟他同归于尽"],
])
async def test_crisis_said_the_way_workers_put_it(chat, backend_api, said):
    """Missed until tried by hand: the words are in the list now (bot/nlu/crisis_words.yml)."""
    for text in said[:-1]:
        await chat.say(text)
    _assert_crisis_reply(await chat.say(said[-1]))
    await _assert_handed_over(backend_api, chat)
