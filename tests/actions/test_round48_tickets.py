"""Round 48 (testers XG, XH): what a worker tells about a ticket after it is filed or looked up —
a restaurant's name to add (XG-9), 写到单子上了没 read as 你是机器人吗 (XG-9), 包工头叫刘什么 (XG-1),
俺换号了 新号是… 改一下 after a lookup (XH-11), 再加一句 … three messages after it (XH-11)."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN
from test_round41_summary import _user, texts
from test_round42_lookup import after_lookup, backend  # noqa: F401 — the fixture

from actions import tickets
from actions.tickets import employer_to_add

FILED = "已为您登记欠薪工单，工单号 GH202612070025，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"


def after_filing(text: str, intent: str = "inform") -> Tracker:
    events = [{"event": "bot", "text": FILED}, _user(text, intent)]
    return Tracker("worker-48", {}, parse(text, intent), events, False, None, {}, "action_listen")


@pytest.mark.parametrize("said,name", [("饭店叫鲁味轩 要不要写上", "鲁味轩（饭店）"),
                                       ("饭店名字叫鲁味轩 帮我写上", "鲁味轩（饭店）"),
                                       ("厂子叫海纳电器 加上", "海纳电器")])
def test_a_name_with_no_trade_word_is_added(said, name):
    assert employer_to_add(said) == name


def test_no_name_no_add():
    assert employer_to_add("我们在一个饭店 要写上吗") is None


async def test_the_restaurant_named_after_filing_goes_on_the_ticket(backend):  # noqa: F811
    """XG-9: 饭店叫鲁味轩 要不要写上 right after filing got 好的，没问题 — nothing added."""
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after_filing("饭店叫鲁味轩 要不要写上", "deny"))
    assert backend["notes"] == [("GH202612070025", "单位：鲁味轩（饭店）")], backend
    assert "鲁味轩" in texts(dispatcher)


async def test_the_boss_called_something_is_noted(backend):  # noqa: F811
    """XG-1: 那个包工头叫刘什么我也不知道 这样能办吗 after filing got 这个我查不了 and the menu."""
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after_filing("那个包工头叫刘什么我也不知道 这样能办吗"))
    assert backend["notes"] and "包工头叫刘" in backend["notes"][0][1], backend


async def test_a_new_number_said_as_换号_changes_the_looked_up_ticket(backend):  # noqa: F811
    """XH-11: 俺换号了 新号是18661739902 改一下 after a verified lookup got the menu."""
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after_lookup("俺换号了 新号是18661739902 改一下"))
    assert backend["phones"] == [("GH202612070002", "18661739902")], backend
    assert "已更正" in texts(dispatcher) and "186****9902" in texts(dispatcher)


async def test_the_change_is_said_even_when_the_rest_cannot_be_noted(backend, related, monkeypatch):  # noqa: F811
    """The change made, a note refused: the change is still told (it was silently dropped)."""
    async def refuse(*_args, **_kw):
        raise tickets.BackendError(404, "not_found", "工单不存在")
    monkeypatch.setattr(type(tickets.client()), "add_ticket_note", refuse)
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after_lookup("电话改成18661739902 还有总包是中建八局的项目"))
    assert backend["phones"] == [("GH202612070002", "18661739902")]
    assert "已更正" in texts(dispatcher) and "中建八局" in texts(dispatcher), texts(dispatcher)


@pytest.fixture
def related(monkeypatch) -> list[dict]:
    """The related tickets filed (a note on a ticket another conversation filed)."""
    filed: list[dict] = []

    async def file_case(_dispatcher, _tracker, kind, facts):
        filed.append({"type": kind, **facts})
        return []
    monkeypatch.setattr(tickets, "file_case", file_case)
    return filed


@pytest.mark.parametrize("said,between", [("再加一句 学校是薛家岛中心小学 他们说等通知", 2),
                                          ("给GH202612070002加个备注 学校是薛家岛中心小学 说等通知", 5)])
async def test_more_added_after_the_lookup_is_kept_for_that_ticket(backend, related, said, between):  # noqa: F811
    """XH-11: 再加一句 学校是薛家岛中心小学 他们说等通知 three messages after the lookup started a
    new school form; 给GH…加个备注 … got its status again."""
    dispatcher = CollectingDispatcher()
    await tickets.note_on_ticket(dispatcher, after_lookup(said, between))
    assert related and related[0]["related_ticket"] == "GH202612070002", (related, texts(dispatcher))
    assert "薛家岛中心小学" in related[0]["question"]


async def test_asked_whether_it_is_on_the_ticket_is_no_bot_challenge(backend):  # noqa: F811
    """XG-9: 那饭店名字写到单子上了没 (read as bot_challenge) got 我是工会的智能助手（机器人）."""
    from actions.fallback import ActionBotChallenge
    dispatcher = CollectingDispatcher()
    await ActionBotChallenge().run(dispatcher, after_filing("那饭店名字写到单子上了没", "bot_challenge"), DOMAIN)
    assert "机器人" not in texts(dispatcher), texts(dispatcher)


async def test_a_real_challenge_is_answered():
    from actions.fallback import ActionBotChallenge
    dispatcher = CollectingDispatcher()
    await ActionBotChallenge().run(dispatcher, after_filing("你是机器人吧", "bot_challenge"), DOMAIN)
    assert dispatcher.messages[0].get("response") == "utter_bot_challenge"


STATUS_8 = ("工单 GH202612070008 目前已分派到网格工作站。为了保护个人信息，这里只告诉您办理状态；具体进展由负责的"
            "工作人员按您登记的手机号告知您。工作人员承诺在 12月9日（周三）前联系您。")


async def test_when_the_call_comes_after_a_lookup_is_the_promised_day():
    """XH-12: 工作人员啥时候联系我 都两天了 (read as a person wanted) after the lookup filed a
    second, callback ticket at the city's centre and said the stations were closed."""
    from actions.handoff import ActionHandoffRequest
    text = "工作人员啥时候联系我 都两天了"
    events = [_user("gh 2026 1207 0008 咋样了", "ticket_status"), {"event": "bot", "text": STATUS_8},
              _user("还有个单子GH202611300517 帮我也查查", "ticket_status"),
              {"event": "bot", "text": "没有找到和这个工单号、手机号都对得上的工单。"},
              _user(text, "request_human")]
    tracker = Tracker("worker-48", {}, parse(text, "request_human"), events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    await ActionHandoffRequest().run(dispatcher, tracker, DOMAIN)
    said = texts(dispatcher)
    assert "GH202612070008" in said and "12月9日" in said and "催办" in said, said
    assert "回电工单" not in said and "utter_request_human" not in said, said


async def test_a_lookup_by_phone_alone_is_said_to_be_impossible(backend):  # noqa: F811
    """XH-12: 能用手机号查我所有的单子不 got 请告诉我工单号 — the question unanswered."""
    from form_trackers import conversation

    from actions.router import ActionStartService
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, conversation(
        [("那个号我可能记错了 能用手机号查我所有的单子不", "ticket_status", [])]), DOMAIN)
    assert "查不了一个手机号名下的所有工单" in texts(dispatcher) and "转人工" in str(dispatcher.messages)


async def test_the_place_told_for_a_person_hands_over(monkeypatch):
    """XH-10: 现在没人吗？我在黄岛辛安 right after 告诉我您在哪…我马上查，有人就直接帮您转 got
    没太明白; 黄岛辛安街道 the menu."""
    from form_trackers import conversation

    from actions import fallback, router
    from actions.handoff import OWN_STATION_MAY_BE_OPEN
    asked: list[str] = []

    async def request_handoff(_dispatcher, _tracker, reason):
        asked.append(reason)
        return []
    monkeypatch.setattr(fallback, "request_handoff", request_handoff)
    monkeypatch.setattr(router, "request_handoff", request_handoff)
    closed = "您还没说在哪儿，我先按青岛市总工会职工服务中心的时间查的：它现在不在服务时间。" + OWN_STATION_MAY_BE_OPEN
    for said, intent in (("现在没人吗？我在黄岛辛安", "nlu_fallback"), ("黄岛辛安街道", "inform")):
        tracker = conversation([("转人工", "request_human", [closed]), (said, intent, [])],
                               slots={"city": "青岛市", "district": "辛安街道"})
        if intent == "inform":
            await router.ActionStartService().act(CollectingDispatcher(), tracker, DOMAIN)
        else:
            await fallback.understood_anyway(CollectingDispatcher(), tracker, DOMAIN)
    assert asked == ["worker_request", "worker_request"], asked


@pytest.mark.parametrize("said", ["那学校那边啥时候能给信儿", "俺问的是孩子上学的事啥时候有结果"])
async def test_when_the_case_gets_an_answer_after_a_card_is_the_promised_call(backend, said):  # noqa: F811
    """XH-1: after the school ticket and a station card, 那学校那边啥时候能给信儿 got the card's
    hours, twice."""
    from form_trackers import conversation

    from actions.router import ActionStartService
    filed = ("已为您登记子女入学协调工单，工单号 GH202612070002，由青岛西海岸新区总工会职工服务中心负责"
             "（电话 0532-12351）。工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。")
    card = ("离您最近的工会网格工作站是：\n青岛西海岸新区总工会职工服务中心\n地址：青岛西海岸新区\n电话：0532-12351\n"
            "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00（现在正在服务时间）")
    dispatcher = CollectingDispatcher()
    await ActionStartService().act(dispatcher, conversation(
        [("要，帮我登记", "affirm", [filed]), ("薛家岛这边没有工会站吗 俺想就近去问问", "find_station", [card]),
         (said, "school_placement", [])]), DOMAIN)
    reply = texts(dispatcher)
    assert "12月9日" in reply and "GH202612070002" in reply and "服务时间" not in reply, reply


@pytest.mark.parametrize("said,old", [("修改工单GH202612070002的联系电话为13912345678", None),
                                      ("修改工单GH202612070002的联系电话 13912345678", None),
                                      ("GH202612070002 原来13900001111 更改为13912345678", "13900001111")])
def test_a_phone_change_said_as_修改_is_one(said, old):
    """XF-13: 修改工单…的联系电话 (no 改成) was no phone change."""
    from actions.tickets import phone_change_named
    assert phone_change_named(said) == ("GH202612070002", "13912345678", old)
