"""Round 50 (testers XK, XL), helper l: questions the seed records answer, asked the way workers ask.

XK-6 有红包没 (广州, after the 广东 measures): yes — the 留粤定制利是封, no cash figure.
XK-7 还有回来的路费给不给 (隆祥): 1000 yuan return fare (2020) and 100 % fare (2021).
XK-9 除了工会 还有别的救助渠道没有 (镇江): social relief, 慈善暖流行动, the mutual cover.
XK-8 那我现在是十二月了 今年的还来得及不: second half of each year, no closing date on record.
XK-5 要是在工地上摔了 能赔好多 (上海): up to 2万.
XL-3 我送快递的 晚上九点才下班 能上吗 / 那考个叉车证呢 有补贴不 (福田).
XL-2 / XL-15 托管: the station's own hours, the 驿站's to be confirmed — never 没有收录 beside them.
XL-4 在档困难职工, 自己掏了三千多 还有别的救助没: the verdict on the facts told.
On the real seeded backend."""

from __future__ import annotations

import pytest
from form_trackers import conversation
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions.facts import is_question
from actions.router import ActionStartService

on_module_loop = pytest.mark.asyncio(loop_scope="module")


async def _reply(turns, text, intent, slots=None):
    tracker = conversation([*turns, (text, intent, [])], slots or {})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


GD = [("兄弟 我广州跑外卖的 过年不回了 工会有啥福利不", "holiday_subsidy",
       ["当地工会的过年措施：\n· 广东：“三心套餐”情暖留粤农民工：…"])]


@on_module_loop
@pytest.mark.parametrize("text", ["有红包没", "有没有红包", "发红包不", "过年给不给利是", "有利是吗"])
async def test_gd_red_envelope_yes_no(backend, text):
    reply = await _reply(GD, text, "holiday_subsidy", {"city": "广州市"})
    assert "利是封" in reply and "没有发现金红包" in reply, reply
    assert not any(f"{n}元" in reply for n in (100, 200, 500, 888)), reply


@on_module_loop
async def test_gd_red_envelope_not_for_shanghai(backend):
    reply = await _reply([("在上海工地 过年不回了", "holiday_subsidy", ["…"])], "有红包没", "holiday_subsidy",
                         {"city": "上海市"})
    assert "利是封" not in reply, reply


LX = [("我在福鼎隆祥皮革上班 贵州人 今年过年留厂里 听说有红包 是多少啊", "holiday_subsidy",
       ["隆祥皮革有限公司2021年春节集体协议：春节留厂过年的职工发500元过年红包。"]),
      ("那去年我休了三个月假回老家 厂里说补保底 应该补多少", "holiday_subsidy", ["…4710元…"])]


@on_module_loop
@pytest.mark.parametrize("text", ["还有回来的路费给不给", "路费给报吗", "车费有没有", "回来的路费有吗"])
async def test_longxiang_fare(backend, text):
    reply = await _reply(LX, text, "holiday_subsidy", {"employer": "隆祥皮革有限公司", "city": "福鼎市"})
    assert "1000元返程路费" in reply and "100%" in reply, reply


ZJ = [("你好 我替我老公问 他在镇江港务上班 查出来肺癌 听说工会有个大病互助 最多能赔多少", "mutual_insurance",
       ["…最高可得给付金16万元…"]),
      ("那怎么建档 家里就他一个人挣钱", "relief_eligibility", ["…"])]


@on_module_loop
@pytest.mark.parametrize("text", ["除了工会 还有别的救助渠道没有", "还有其他救助的路子吗", "别的救助有没有",
                                  "除了工会还有啥帮扶"])
async def test_other_relief_channels(backend, text):
    reply = await _reply(ZJ, text, "relief_eligibility", {"city": "镇江市"})
    assert "慈善暖流行动" in reply and "社会救助" in reply and "16万" in reply, reply
    assert "要看您是否已建档" not in reply, reply


@on_module_loop
async def test_other_channels_with_the_verdict(backend):
    turns = [("俺是镇江扫马路的 听说工会有个互注保障 大病陪多少", "mutual_insurance", ["…16万…"]),
             ("俺是在档的困难职工 老婆刚做了手术 俺能领不", "relief_eligibility", ["…"])]
    reply = await _reply(turns, "自己掏了三千多 还有别的救助没", "relief_eligibility", {"city": "镇江市"})
    assert "超过了 2,000 元的线" in reply and "下半年可以申请" in reply, reply
    assert "慈善暖流行动" in reply and "要看您是否已建档" not in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["那我现在是十二月了 今年的还来得及不", "今年的还赶得上吗", "现在年底了 还能申请不",
                                  "今年的是不是过期了"])
async def test_relief_round_deadline(backend, text):
    turns = [("我是镇江扫马路的 建了档的困难职工 今年看病自己掏了两千五 能不能申请工会救助", "relief_eligibility",
              ["…2000…"])]
    reply = await _reply(turns, text, "nlu_fallback", {"city": "镇江市"})
    assert "每年下半年" in reply and "12351" in reply and "没太明白" not in reply, reply
    assert "截止" in reply and not any(f"{m}月{d}日截止" in reply for m in range(1, 13) for d in range(1, 32)), reply


@on_module_loop
@pytest.mark.parametrize("text", ["要是在工地上摔了 能赔好多", "万一摔伤了 赔多少", "干活受了伤 工会给钱不"])
async def test_shanghai_fall_cover(backend, text):
    turns = [("我四川的 在上海工地上干活 今年不回去了 留在上海过年工会有啥子补贴没得", "holiday_subsidy", ["…"])]
    reply = await _reply(turns, text, "legal_aid", {"city": "上海市"})
    assert "2万元" in reply, reply


FT = [("福田这边有啥课可以上的 想学点东西", "skills_training",
       ["福田职工书院首批12位名师入驻…线上可用“福田工会通”小程序和直播课堂…"]),
      ("摄影有吗", "skills_training", ["能学。福田职工书院首批12位名师里就有摄影老师…“福田工会通”…"]),
      ("要钱不", "skills_training", ["工会的职工书院和职工服务中心有技能培训和考证辅导，深圳福田职工书院的课程也覆盖"
                                   "职业技术领域（首批12位名师，报名、上课在“福田工会通”小程序里）。…"])]


@on_module_loop
@pytest.mark.parametrize("text", ["我送快递的 晚上九点才下班 能上吗", "我白天上班 晚上八点下班 来得及吗",
                                  "下班都晚上十点了 能上吗"])
async def test_futian_evening(backend, text):
    reply = await _reply(FT, text, "nlu_fallback")
    assert "福田工会通" in reply and "晚上" in reply and "课表" in reply and "没太明白" not in reply, reply


@on_module_loop
async def test_evening_without_courses_is_no_course_answer(backend):
    turns = [("老板天天让我加班", "overtime_pay", ["…"])]
    reply = await _reply(turns, "我晚上九点才下班 能行吗", "nlu_fallback")
    assert "福田工会通" not in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["那考个叉车证呢 有补贴不", "考电工证有补贴吗", "叉车证能报销不"])
async def test_certificate_subsidy_honest(backend, text):
    reply = await _reply(FT, text, "skills_training")
    assert "没有收录任何地方的考证补贴" in reply and "12351" in reply, reply
    assert "青岛" not in reply and "0532" not in reply, reply


@on_module_loop
@pytest.mark.parametrize("text", ["請問暑假有沒有託管班 孩子沒人帶", "托管几点开门", "托管周末开不开"])
async def test_childcare_hours_consistent(backend, text):
    reply = await _reply([], text, "childcare_service", {"city": "青岛市", "district": "黄岛区"})
    assert "08:30-19:30" in reply and "确认" in reply, reply
    assert "每天几点到几点，报道里没有写，我这里也没有收录" not in reply, reply


@pytest.mark.parametrize("text", ["除了工会 还有别的救助渠道没有", "还有别的补贴没"])
def test_ends_with_mei_you_is_a_question(text):
    assert is_question(text)


@pytest.mark.parametrize("text", ["还有一个事没说完", "工资发了"])
def test_not_questions(text):
    assert not is_question(text)
