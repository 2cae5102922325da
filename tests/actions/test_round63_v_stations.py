"""Round 63, helper v (/work/indep/results-VL.md): stations, the queue and the crisis follow-ups —
VL-12 (具体地址 right after the station's card and an answer about doing it online: 这个我查不了 and the menu),
VL-13 (辛安's station called 离您最近 for a 市北区 worker; whether he is served there never answered),
VL-14 (你是不是机器人 等半天了没人 while queued: told to say 转人工; 您是下一位 then 前面还有 1 位 with no word why;
the hours of the station waited at asked twice and never given), VL-16 (after the crisis reply, the money line
said twice in one reply and again before the school answer)."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)
from actions import handoff
from actions.crisis import CRISIS_MONEY, crisis_money_line
from actions.fallback import ActionOutOfScope
from actions.station_followup import another_district_note, station_detail_reply

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop

CRISIS_REPLY = ("您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356，也可以拨打工会职工服务热线 12351；"
                "紧急情况请拨打 120 或 110。我这就帮您联系工会的工作人员。")
CRISIS_WORDS = "我在黄岛辛安一个电子厂干了两年 上个月被辞了一分钱补偿没给 孩子上学的事也黄了 真的活着没意思 不想活了"


# --- VL-16: the crisis money line once ------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["没事 我就是说说 你先告诉我被辞了能要多少钱 一个月五千五",
                                  "打电话有啥用 钱又要不回来", "那你先告诉我 活干完了让走人 到底有没有补偿"])
def test_the_money_line_is_said_with_the_first_answer_after_the_crisis_reply(text):
    tracker = conversation([(CRISIS_WORDS, "psych_support", [CRISIS_REPLY]), (text, "nlu_fallback", [])])
    assert crisis_money_line(tracker) == CRISIS_MONEY


@pytest.mark.parametrize("text", ["没事 我就是说说 你先告诉我被辞了能要多少钱 一个月五千五",
                                  "打电话有啥用 钱又要不回来"])
def test_the_money_line_is_not_said_twice_in_one_reply(text):
    # the fallback said it and started the wage form, which handed on to the legal answer (the same turn)
    tracker = conversation([(CRISIS_WORDS, "psych_support", [CRISIS_REPLY]),
                            (text, "nlu_fallback", [CRISIS_MONEY])])
    assert crisis_money_line(tracker) is None
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=CRISIS_MONEY)
    fresh = conversation([(CRISIS_WORDS, "psych_support", [CRISIS_REPLY]), (text, "nlu_fallback", [])])
    assert crisis_money_line(fresh, dispatcher) is None


@pytest.mark.parametrize("text", ["还有孩子上学的事 二年级 学校说没社保证明不让上了 这个工会也能管不",
                                  "那社保的事呢 能补吗", "工资的事你们到底管不管"])
def test_the_money_line_is_not_said_again_on_the_next_question(text):
    tracker = conversation([(CRISIS_WORDS, "psych_support", [CRISIS_REPLY]),
                            ("没事 我就是说说 你先告诉我被辞了能要多少钱 一个月五千五", "nlu_fallback",
                             [CRISIS_MONEY, "按您说的在这个单位干了2年：经济补偿是 2 个月工资"]),
                            (text, "nlu_fallback", [])])
    assert crisis_money_line(tracker) is None


# --- VL-14: the queue, the wait and the hours ---------------------------------------------------------------

QUEUED_NEXT = "已为您转接青岛市总工会职工服务中心的工作人员，您是下一位，请稍候。着急的话也可以直接打 12351。"


def test_a_place_lost_in_the_queue_is_explained():
    tracker = conversation([("转人工", "request_human", ["好的，帮您找网格工作站的工作人员。", QUEUED_NEXT]),
                            ("我已经说转人工了 还得等多久", "request_human", [])])
    said = handoff.queue_words(tracker, "青岛市总工会职工服务中心", 1)
    assert "刚才说您是下一位" in said and "紧急" in said and "前面还有 1 位" in said, said
    assert handoff.queue_words(tracker, "青岛市总工会职工服务中心", 0) == "您是下一位"


def test_a_place_kept_in_the_queue_is_said_plainly():
    told = "已为您转接青岛市总工会职工服务中心的工作人员，前面还有 3 位在等待，请稍候。着急的话也可以直接打 12351。"
    tracker = conversation([("转人工", "request_human", [told]), ("还要等多久", "request_human", [])])
    assert handoff.queue_words(tracker, "青岛市总工会职工服务中心", 2) == "前面还有 2 位在等待"
    assert handoff.queue_words(tracker, "辛安街道工会网格化工作总站", 4) == "前面还有 4 位在等待"


@pytest.mark.parametrize("text", ["你是不是机器人 等半天了没人", "怎么还没人理我", "等了好久了 还得等多久"])
def test_a_complaint_about_the_wait_is_heard(text):
    tracker = conversation([("转人工", "request_human", [QUEUED_NEXT]), (text, "bot_challenge", [])])
    said = handoff.waited_words(tracker, {"waiting_seconds": 400})
    assert "让您久等了" in said and "6 分钟" in said, said
    quiet = conversation([("转人工", "request_human", [QUEUED_NEXT]), ("好的", "affirm", [])])
    assert handoff.waited_words(quiet, {"waiting_seconds": 400}) == ""


@pytest.mark.parametrize("text", ["晚上几点以后就没人了", "你们人工几点下班",
                                  "我已经说转人工了 还得等多久？晚上几点以后就没人了"])
def test_the_hours_are_asked(text):
    assert handoff.staff_hours_reply(text) is not None


@on_module_loop
@pytest.mark.parametrize("text", ["你们人工几点下班", "晚上几点以后就没人了", "人工几点下班啊"])
async def test_the_hours_of_the_station_waited_at_are_given(backend, text):
    tracker = conversation([("转人工", "request_human", [QUEUED_NEXT]), (text, "request_human", [])])
    said = await handoff.staff_hours_for_place(tracker, text)
    assert said and "青岛市总工会职工服务中心的服务时间" in said and "08:30" in said, said
    assert "告诉我您在哪个区" not in said


class _Queue:
    """The backend's queue, open now (the test does not hang on the hour it runs at)."""

    async def open_handoff(self, conversation_id, city, district, reason, channel):
        return {"station_name": "青岛市总工会职工服务中心", "station_phone": "12351", "station_open_now": True,
                "position": 2, "waiting_seconds": 300}


async def test_the_bot_challenge_while_queued_says_where_the_worker_stands(monkeypatch):
    monkeypatch.setattr(handoff, "client", lambda: _Queue())
    tracker = conversation([("转人工", "request_human", [QUEUED_NEXT]),
                            ("你是不是机器人 等半天了没人", "bot_challenge", [])])
    dispatcher = CollectingDispatcher()
    events = await handoff.queued_challenge(dispatcher, tracker)
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert events is not None
    assert "不是真人" in said and "不用再说“转人工”" in said and "让您久等了" in said, said
    assert "刚才说您是下一位" in said and "前面还有 1 位" in said
    assert "说“转人工”就行" not in said
    alone = conversation([("你是不是机器人", "bot_challenge", [])])
    assert await handoff.queued_challenge(CollectingDispatcher(), alone) is None


# --- VL-12: 具体地址 after the card and another answer -------------------------------------------------------

XINAN_CARD = ("离您最近的工会网格工作站是：\n辛安街道工会网格化工作总站\n"
              "地址：青岛西海岸新区辛安街道（具体位置请先打电话问清楚）\n电话：0532-12351\n"
              "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00（现在正在服务时间）\n"
              "站里的服务：服务窗口、法律援助、心理健康")
ONLINE_ANSWER = ("能。青岛西海岸新区总工会整合了“会e通”服务平台、智慧工会、微信公众号等，可以网上办。"
                 "（来源：《工人日报》2021年1月报道；资料截至2021年1月）")


@pytest.mark.parametrize("text", ["具体地址", "具体在哪", "详细地址呢", "地址是啥"])
def test_the_address_is_given_after_an_answer_in_between(text):
    tracker = conversation([("辛安", "inform", [XINAN_CARD]),
                            ("晚上八点下班 还能办不 网上能办吗", "nlu_fallback", [ONLINE_ANSWER]),
                            (text, "out_of_scope", [])])
    said = station_detail_reply(tracker)
    assert said and "辛安街道工会网格化工作总站登记的地址是：青岛西海岸新区辛安街道" in said, said
    assert "0532-12351" in said and "没有更细的门牌" in said


def test_the_hours_asked_after_another_answer_are_not_read_as_the_cards():
    tracker = conversation([("辛安", "inform", [XINAN_CARD]),
                            ("晚上八点下班 还能办不 网上能办吗", "nlu_fallback", [ONLINE_ANSWER]),
                            ("几点", "nlu_fallback", [])])
    assert station_detail_reply(tracker) is None


# --- VL-13: a station of another district ------------------------------------------------------------------

XINAN = {"name": "辛安街道工会网格化工作总站", "phone": "0532-12351"}
XINAN_PATH = {"province": "山东省", "city": "青岛市", "district": "黄岛区", "street": "辛安街道"}
SHIBEI_CARD = "市北区我这里还没有收录单独的工会网格工作站，先给您上一级（市）的"


@pytest.mark.parametrize("text", ["听说黄岛辛安那边的站周六开 我从市北过去能给我办不",
                                  "辛安那个站 我从市北区过去给办吗", "那我去辛安的站行不行"])
def test_a_station_outside_the_workers_district_is_not_called_the_nearest(text):
    tracker = conversation([("我在青岛市北区上班 离我最近的工会服务站在哪 几点开门", "find_station",
                             [SHIBEI_CARD]),
                            ("周六开不开？我只有周六有空", "nlu_fallback", ["周六不上班"]),
                            (text, "find_station", [])])
    said = another_district_note(tracker, XINAN_PATH, XINAN)
    assert said and "不在您说的市北" in said and "不是离您最近的站" in said, said
    assert "0532-12351" in said and "没有收录" in said


@pytest.mark.parametrize("turns", [
    [("我在黄岛辛安上班 工会服务站在哪", "find_station", [])],
    [("我在黄岛区上班 辛安的站在哪", "find_station", [])],
    [("工会服务站在哪", "find_station", ["您在哪个城市"]), ("辛安", "inform", [])],
    [("我从厂里过去 辛安的站几点开门", "find_station", [])],
])
def test_the_workers_own_district_gets_no_note(turns):
    assert another_district_note(conversation(turns), XINAN_PATH, XINAN) is None


@on_module_loop
async def test_the_out_of_scope_reply_to_the_address_is_the_cards(backend):
    tracker = conversation([("辛安", "inform", [XINAN_CARD]),
                            ("晚上八点下班 还能办不 网上能办吗", "nlu_fallback", [ONLINE_ANSWER]),
                            ("具体地址", "out_of_scope", [])])
    dispatcher = CollectingDispatcher()
    await ActionOutOfScope().run(dispatcher, tracker, {})
    said = "\n".join(m.get("text") or "" for m in dispatcher.messages)
    assert "登记的地址是：青岛西海岸新区辛安街道" in said and "查不了" not in said, said
