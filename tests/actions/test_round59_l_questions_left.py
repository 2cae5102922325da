"""Round 59, helper l (/work/indep/results-VD.md): a question of the worker's left unanswered while the reply
went on with something else, and another city's union centre given this hotline's opening hours.

VD-4 我有没有啊 beside the mutual cover (unanswered twice, the phone asked instead); VD-15 我要不要辭職 (never
answered); VD-10 可唔可以喺度登记 (a pay sum instead) and 东莞's centre said to open at 08:30 right after its hours
were said to be not on record. ``answer_the_rest`` (services.py) answers the first three after the reply;
``request_handoff`` (handoff.py) no longer tells another city's hours."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported before the backend fixture patches them)

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the seeded backend runs on the module's loop

VD4_T1 = "我是镇江扫马路的 工会给的那个就是生大病能赔钱的那个 最多能赔多少 我有没有啊"
VD4_MAX = ("镇江市总工会为困难职工家庭、环卫工等赠送重大疾病互助保障等四类险种，职工最高可得给付金16万元（160,000元）。"
           "各地工会的互助保障方案不一样，别的地方以当地工会的方案为准。")
PRIVACY = "您留的手机号只用来让负责您这件事的工会工作人员给您打电话，不会告诉您的单位或老板。"


def _said(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


# --- VD-4: 我有没有 beside the mutual cover ------------------------------------------------------------

@on_module_loop
async def test_whether_he_has_the_cover_is_answered_beside_the_maximum(backend):
    from actions.services import answer_the_rest

    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=VD4_MAX)
    tracker = conversation([(VD4_T1, "nlu_fallback", [])], slots={"city": "镇江", "occupation": "sanitation"})
    await answer_the_rest(dispatcher, tracker, [])
    said = _said(dispatcher)
    assert "赠送的人群里" in said and "来源" in said, said


@on_module_loop
async def test_whether_he_has_the_cover_is_answered_when_asked_again_with_the_phone_asked(backend):
    from actions.services import answer_the_rest

    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=PRIVACY)
    tracker = conversation([(VD4_T1, "nlu_fallback", [VD4_MAX]),
                            ("要电话干啥 我就想知道我有没有 我在档的 困难职工证有", "relief_eligibility", [])],
                           slots={"city": "镇江", "occupation": "sanitation"})
    await answer_the_rest(dispatcher, tracker, [])
    assert "赠送的人群里" in _said(dispatcher), _said(dispatcher)


@on_module_loop
async def test_i_have_it_asked_of_no_mutual_cover_adds_nothing(backend):
    from actions.services import mutual_cover_mine_reply

    tracker = conversation([("我有没有啊", "nlu_fallback", [])], slots={"city": "镇江"})
    assert await mutual_cover_mine_reply(tracker, "我有没有啊", "最低工资是每月2,200元。") is None


# --- VD-15: 我要不要辭職 --------------------------------------------------------------------------------

VD15_T1 = "我在廠裡手被機器夾傷了 公司說是我自己操作不當不給報工傷 還叫我自己辭職"
INJURY = "自己不小心受的伤也算工伤。工伤认定不看是谁的过错。（来源：《工伤保险条例》第十四条、第十六条）"


@on_module_loop
@pytest.mark.parametrize("text", ["我在青島黃島 辛安 操作不當就不算工傷嗎 我要不要辭職", "你還沒回答我要不要辭職"])
async def test_whether_to_resign_is_answered(backend, text):
    from actions.services import answer_the_rest

    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text=INJURY)
    tracker = conversation([(VD15_T1, "work_injury", ["我这就帮您联系工会的工作人员。"]), (text, "legal_aid", [])])
    await answer_the_rest(dispatcher, tracker, [])
    said = _said(dispatcher)
    assert "先别辞" in said and "第四十二条" in said and "经济补偿" in said, said


# --- VD-10: 可唔可以喺度登记, and 东莞's hours --------------------------------------------------------------

@on_module_loop
async def test_whether_he_can_register_here_is_answered_beside_the_pay_question(backend):
    from actions.services import answer_the_rest

    dispatcher = CollectingDispatcher()
    dispatcher.utter_message(text="加班费：工作日加班按工资的150%，休息日200%，法定节假日300%。")
    dispatcher.utter_message(text="您的月工资是多少？")
    text = "咁我可唔可以喺度登记 老板成日要我哋加班又唔俾加班费 厂叫东莞恒昌五金厂"
    tracker = conversation([(text, "overtime_pay", [])], slots={"city": "东莞市"})
    await answer_the_rest(dispatcher, tracker, [{"event": "active_loop", "name": "overtime_form"}])
    said = [m.get("text") for m in dispatcher.messages]
    assert any(line and line.startswith("可以，就在这里登记") for line in said), said
    assert said[-1] == "您的月工资是多少？", said  # the form's question stays last


@on_module_loop
async def test_another_citys_centre_is_no_station_of_ours(backend):
    from actions.handoff import union_elsewhere

    assert await union_elsewhere("东莞市", None)
    assert not await union_elsewhere("青岛市", "黄岛区")
    assert not await union_elsewhere(None, None)


class _Closed:
    """The backend with the station closed: open_handoff says when it opens."""

    def __init__(self, real):
        self.real = real

    def __getattr__(self, name):
        return getattr(self.real, name)

    async def open_handoff(self, *args, **kwargs):
        return {"station_name": "东莞市总工会职工服务中心", "station_open_now": False,
                "station_opens_at": "2026-12-08T00:30:00Z", "station_phone": "12351", "position": 1}


@on_module_loop
async def test_another_citys_centre_gets_no_opening_hour(backend, monkeypatch):
    import actions.handoff as handoff

    monkeypatch.setattr(handoff, "client", lambda: _Closed(backend))
    dispatcher = CollectingDispatcher()
    tracker = conversation([("唔使计住 我想登记 搵人帮我", "human_handoff", [])],
                           slots={"city": "东莞市", "district": "长安镇"})
    await handoff.request_handoff(dispatcher, tracker, "requested")
    said = _said(dispatcher)
    assert "没有收录" in said and "08:30" not in said and "上班" not in said, said
