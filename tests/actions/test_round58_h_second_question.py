"""Round 58, helper h: the SECOND question of a two-question message was dropped (/work/indep/results-VB.md).

VB-2 那托管收钱不 早上几点能送过去 (the fee ignored), VB-4 俺老婆不是环卫工 她生病能赔不 … 工会还能帮点不 (the wife's
claim ignored), VB-10 沂河路社区那个跟这个是一个吗 礼拜天开不 (是一个吗 unanswered twice, then a 托管 sign-up offered),
VB-16 …这样合法吗？附近有没有工会站可以帮我 (the station dropped). Every reply path answered the question it knew and
returned; ``answer_the_rest`` (services.py) answers what the reply left, ``same_station_reply`` (station_followup.py)
answers whether two stations are one. The router's two calls are hooks h-1 and h-2 in /work/indep/hooks-h.md;
the tests marked ``hooked`` wire them here the way the hooks say."""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)

on_module_loop = pytest.mark.asyncio(loop_scope="module")


def _tracker(turns: list[tuple[str, str, list[str]]], entities: list | None = None,
             slots: dict | None = None) -> Tracker:
    """A conversation: (words, intent, the bot's lines after them); the last turn is being answered,
    with ``entities`` read from it and ``slots`` held."""
    events: list[dict] = []
    for i, (text, intent, replies) in enumerate(turns):
        last = i == len(turns) - 1
        events += [{"event": "action", "name": "action_listen"},
                   {"event": "user", "text": text, "parse_data": parse(text, intent, entities if last else None)},
                   *({"event": "bot", "text": line} for line in replies)]
    events += [{"event": "slot", "name": k, "value": val} for k, val in (slots or {}).items()]
    text, intent, _ = turns[-1]
    return Tracker("worker-58h", dict(slots or {}), parse(text, intent, entities), events, False, None, {},
                   "action_listen")


def _said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.fixture
def hooked(monkeypatch):
    """Hooks h-1 to h-3 wired as hooks-h.md says, until the lead wires them in router.py and fallback.py:
    the same-station question answered before the station replies, and ``answer_the_rest`` after the
    replies of action_start_service and action_fallback_step."""
    from actions.fallback import ActionFallbackStep
    from actions.router import ActionStartService
    from actions.services import answer_the_rest
    from actions.station_followup import same_station_reply

    if hasattr(ActionStartService, "_answer"):
        return  # wired (router.py's act calls _answer, then answer_the_rest)
    start, fallback = ActionStartService.act, ActionFallbackStep.run

    def wired(original):
        async def run(self, dispatcher, tracker, domain):
            if (same := same_station_reply(tracker)) is not None:
                dispatcher.utter_message(text=same)
                return []
            events = await original(self, dispatcher, tracker, domain)
            return events + await answer_the_rest(dispatcher, tracker, events)
        return run

    monkeypatch.setattr(ActionStartService, "act", wired(start))
    monkeypatch.setattr(ActionFallbackStep, "run", wired(fallback))


async def _run(tracker: Tracker) -> tuple[list[dict], str, CollectingDispatcher]:
    from actions.router import ActionStartService

    dispatcher = CollectingDispatcher()
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    return events, _said(dispatcher), dispatcher


# --- VB-2: 那托管收钱不 早上几点能送过去 — the fee ignored -----------------------------------------------------

VB2_FIRST = ("喂你好我是在辛安这边厂里打包的放暑假了我家小孩八岁白天我上班没人看着"
             "你们工会那边有没有那种托管的地方在哪里怎么报名")
YHL_CARD = ("辛安街道沂河路社区工会网格工作站\n地址：青岛西海岸新区辛安街道沂河路社区（具体位置请先打电话问清楚）\n"
            "电话：0532-12351\n"
            "服务时间：周一至周五 08:30-19:30；周六 09:00-17:00（现在不在服务时间）\n"
            "站里的服务：服务窗口、职工子女爱心托管驿站、职工心理健康服务室")
VB2_REPLIES = ["职工子女爱心托管：青岛西海岸新区辛安街道沂河路社区工会网格工作站设置了“职工子女爱心托管驿站”。"
               "什么时候开"
               "（寒暑假、放学后、周末）、收哪些年龄的孩子、收不收费、怎么报名，报道里没有写，要向工作站问清楚。",
               "您那边有托管的工会网格工作站：\n" + YHL_CARD,
               "要不要我帮您登记一张工单，转给您所在的网格工作站跟进？"]


@on_module_loop
@pytest.mark.parametrize("text", ["那托管收钱不 早上几点能送过去", "托管要钱吗 几点开门"])
async def test_the_fee_of_the_childcare_is_answered_beside_its_hours(backend, text):
    tracker = _tracker([(VB2_FIRST, "childcare_service", VB2_REPLIES), (text, "childcare_service", [])],
                       slots={"city": "青岛市", "district": "辛安街道"})
    _, said, _ = await _run(tracker)
    assert "收不收费" in said and "没有收录" in said, said
    assert "08:30" in said, said  # the hours still answered


def test_the_fee_line_is_not_added_when_only_the_place_is_asked():
    from actions.station_followup import service_at_station_reply

    tracker = _tracker([(VB2_FIRST, "childcare_service", VB2_REPLIES),
                        ("驿站在哪 几点能去接", "childcare_service", [])])
    said = service_at_station_reply(tracker) or ""
    assert "驿站" in said and "收不收费" not in said, said


# --- VB-10: 沂河路社区那个跟这个是一个吗 礼拜天开不 — unanswered twice, then a 托管 offer ------------------------

XA_CARD = ("离您最近的工会网格工作站是：\n辛安街道工会网格化工作总站\n"
           "地址：青岛西海岸新区辛安街道（具体位置请先打电话问清楚）\n"
           "电话：0532-12351\n服务时间：周一至周五 08:30-19:30；周六 09:00-17:00（现在不在服务时间）\n"
           "站里的服务：服务窗口、法律援助、心理健康")
VB10_FIRST = "那个我想问一下辛安街道那个工会的工作站在什么地方啊我在辛安这边干物流的想过去问点事"
VB10_TURNS = [(VB10_FIRST, "find_station", [XA_CARD]),
              ("几点", "inform", ["辛安街道工会网格化工作总站的服务时间：周一至周五 08:30-19:30；周六 09:00-17:00。"])]
VB10_SAME = "沂河路社区那个跟这个是一个吗 礼拜天开不"


def test_two_stations_are_told_apart_by_the_register():
    from actions.station_followup import same_station_reply

    tracker = _tracker([*VB10_TURNS, (VB10_SAME, "nlu_fallback", [])], entities=[{"entity": "district",
                                                                                  "value": "沂河路社区"}])
    said = same_station_reply(tracker) or ""
    assert said.startswith("不是一个站"), said
    assert "辛安街道沂河路社区工会网格工作站是辛安街道工会网格化工作总站下面沂河路社区的站" in said, said
    assert "职工子女爱心托管驿站" in said and "法律援助" in said, said  # which to go to, by what each has
    assert "周日不上班" in said, said  # 礼拜天开不, answered too


def test_which_one_to_go_to_after_both_cards():
    from actions.station_followup import same_station_reply

    tracker = _tracker([*VB10_TURNS, (VB10_SAME, "nlu_fallback", ["周日不上班，没有工作人员在岗。\n工会网格工作站："
                                                                  + YHL_CARD]),
                        ("到底是不是一个地方啊 我该去哪个", "childcare_service", [])])
    said = same_station_reply(tracker) or ""
    assert "不是一个站" in said and "辛安街道工会网格化工作总站" in said and "沂河路社区" in said, said


@pytest.mark.parametrize("text", ["我是一个环卫工 生病能赔不", "沂河路社区那个站周日开不", "几点开门"])
def test_no_same_station_question_is_read_where_none_is_asked(text):
    from actions.station_followup import same_station_reply

    tracker = _tracker([*VB10_TURNS, (text, "find_station", [])])
    assert same_station_reply(tracker) is None


@on_module_loop
async def test_the_same_station_question_is_answered_in_the_action(backend, hooked):
    tracker = _tracker([*VB10_TURNS, (VB10_SAME, "nlu_fallback", [])],
                       entities=[{"entity": "district", "value": "沂河路社区"}],
                       slots={"city": "青岛市", "district": "沂河路社区"})
    _, said, _ = await _run(tracker)
    assert "不是一个站" in said and "周日不上班" in said, said


@on_module_loop
async def test_the_same_station_question_read_as_fallback_is_answered(backend, hooked):
    from actions.fallback import ActionFallbackStep

    tracker = _tracker([*VB10_TURNS, (VB10_SAME, "nlu_fallback", [])],
                       entities=[{"entity": "district", "value": "沂河路社区"}],
                       slots={"city": "青岛市", "district": "沂河路社区"})
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    said = _said(dispatcher)
    assert "不是一个站" in said and "周日不上班" in said, said


@on_module_loop
async def test_which_station_is_no_childcare_sign_up(backend, hooked):
    tracker = _tracker([*VB10_TURNS, (VB10_SAME, "nlu_fallback", ["周日不上班，没有工作人员在岗。\n工会网格工作站："
                                                                  + YHL_CARD]),
                        ("到底是不是一个地方啊 我该去哪个", "childcare_service", [])],
                       slots={"city": "青岛市", "district": "沂河路社区"})
    events, said, _ = await _run(tracker)
    assert "不是一个站" in said, said
    assert "托管报名" not in said and not any(e.get("name") == "pending_case" for e in events), said


# --- VB-4: 俺老婆不是环卫工 她生病能赔不 … 工会还能帮点不 — the wife's claim ignored ----------------------------

VB4_FIRST = "俺在镇江扫马路的 工会给环卫工送的那个保险 生大病能赔多少钱 俺老婆查出来肿瘤了"
VB4_REPLIES = ["镇江市总工会为困难职工家庭、环卫工等赠送重大疾病互助保障等四类险种，"
               "职工最高可得给付金16万元（160,000元）。"
               "各地工会的互助保障方案不一样，别的地方以当地工会的方案为准。\n（来源：《工人日报》2021年1月报道（镇江市总工会）；"
               "资料截至2021年1月）", "要不要我再帮您看看您自己的情况？"]
VB4_SECOND = "俺老婆不是环卫工 她生病能赔不 看病自己掏了四万多 俺是建了档的困难职工 工会还能帮点不"


@on_module_loop
async def test_the_wifes_claim_is_answered_beside_the_relief(backend, hooked):
    tracker = _tracker([(VB4_FIRST, "mutual_insurance", VB4_REPLIES), (VB4_SECOND, "relief_eligibility", [])],
                       entities=[{"entity": "amount", "value": 40000}],
                       slots={"city": "镇江市", "medical_cost": 40000, "hardship_status": "困难"})
    _, said, _ = await _run(tracker)
    assert "2000" in said or "2,000" in said, said  # the relief line still said
    assert "家属生病能不能领" in said and "2.3万元" in said, said  # the records' family answer, its figures


@on_module_loop
async def test_the_family_answer_comes_from_the_records(backend):
    from actions.services import family_claim_reply

    tracker = _tracker([(VB4_FIRST, "mutual_insurance", VB4_REPLIES), (VB4_SECOND, "relief_eligibility", [])],
                       slots={"city": "镇江市"})
    said = await family_claim_reply(tracker, VB4_SECOND) or ""
    assert "施某和爱人" in said and "来源" in said, said


@on_module_loop
async def test_no_family_answer_without_the_mutual_cover_in_talk(backend):
    from actions.services import family_claim_reply

    text = "俺老婆生病了 能报不"
    tracker = _tracker([("俺在辛安上班", "inform", ["好的"]), (text, "relief_eligibility", [])])
    assert await family_claim_reply(tracker, text) is None


# --- VB-16: …这样合法吗？附近有没有工会站可以帮我 — the station dropped ----------------------------------------

VB16 = "我在东莞长安一个电子厂 怀孕四个月了 主管叫我自己写辞职 我不想走 这样合法吗？附近有没有工会站可以帮我"
VB16_ENTITIES = [{"entity": "city", "value": "东莞"}, {"entity": "city", "value": "长安"},
                 {"entity": "employer", "value": "电子厂"}, {"entity": "duration", "value": "P4M"}]


async def _first_turn(text: str, intent: str, entities: list) -> Tracker:
    """The first message as make run reads it: the facts reader sets the slots, then the router runs."""
    from actions.slot_mappings import ValidateSlotMappings

    slots = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), _tracker([(text, intent, [])],
                                                                                              entities), DOMAIN))
    return _tracker([(text, intent, [])], entities, slots)


@on_module_loop
async def test_the_nearest_union_is_answered_beside_the_law(backend, hooked):
    _, said, dispatcher = await _run(await _first_turn(VB16, "legal_aid", VB16_ENTITIES))
    assert "辞职" in said, said  # the law still answered
    assert "东莞市总工会职工服务中心" in said and "没有本热线的工会网格工作站" in said, said
    assert "辛安" not in said and "青岛市总工会" not in said and "黄岛" not in said, said  # no 青岛 station as hers
    if dispatcher.messages[-1].get("buttons"):  # the offer still ends the reply
        assert "东莞市总工会" not in (dispatcher.messages[-1].get("text") or "")


@on_module_loop
async def test_the_nearest_station_asks_the_place_when_none_is_known(backend):
    from actions.services import answer_the_rest

    text = "这样合法吗？附近有没有工会站"
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text="单位不得因为怀孕辞退。")
    await answer_the_rest(dispatcher, _tracker([(text, "legal_aid", [])]))
    assert "告诉我您在哪个城市" in _said(dispatcher)


@on_module_loop
async def test_a_station_already_given_is_not_given_again(backend):
    from actions.services import answer_the_rest

    text = "附近有没有工会站"
    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=XA_CARD)
    await answer_the_rest(dispatcher, _tracker([(text, "find_station", [])], slots={"district": "辛安街道"}))
    assert len(dispatcher.messages) == 1


@on_module_loop
async def test_nothing_is_added_for_a_button_or_when_nothing_was_said(backend):
    from actions.services import answer_the_rest

    dispatcher = CollectingDispatcher()
    await answer_the_rest(dispatcher, _tracker([("附近有没有工会站", "find_station", [])]))
    assert dispatcher.messages == []
    dispatcher.utter_message(text="好的")
    await answer_the_rest(dispatcher, _tracker([("/affirm", "affirm", [])]))
    assert len(dispatcher.messages) == 1
