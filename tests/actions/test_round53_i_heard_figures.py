"""Round 53 (testers XP-6, XO-8, XP-5): a figure the worker heard from others is a question about
the records, never a fact of the case — 我听工友说能赔二十万 was stored as 已更正：金额 200,000 元, and
十六万还是二十万 set 自付医疗费 to 160,000 (the worker had said 两千五); 那500红包是哪的说法啊 never got
whose the 500 is (福鼎 隆祥皮革's agreement); 大病互助最多赔多少 from 上海 never got 镇江's 160,000."""

from __future__ import annotations

import pytest
from form_trackers import parse
from rasa_sdk import Tracker

from actions.facts import answer_fact, answer_in_topic, asked_facts, figures_asked_about, heard_figures

on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop

ZJ_MAX = "我是镇江的环卫工 建档的困难职工 重大疾病互助最高赔多少"


def asking(text: str, slots: dict, before: list[str] = (), intent: str = "nlu_fallback", form: str | None = None,
           told: str = "") -> Tracker:
    message = parse(text, intent)
    events = [{"event": "action", "name": "action_listen"}]
    for said in before:
        events += [{"event": "user", "text": said, "parse_data": parse(said, "inform")},
                   {"event": "bot", "text": told}, {"event": "action", "name": "action_listen"}]
    events.append({"event": "user", "text": text, "parse_data": message})
    return Tracker("worker-53i-heard", dict(slots), message, events, False, None,
                   {"name": form} if form else {}, "action_listen")


@pytest.mark.parametrize("text, heard", [
    ("不对吧 我听工友说能赔二十万", [200000]), ("听说大病互助能给付二十万 真的假的", [200000]),
    ("先别问电话 你就说大病互助最高到底是十六万还是二十万", [160000, 200000]),
    ("那500红包是哪的说法啊", [500]), ("我是问 有人说留厂过年给500块红包 是哪个地方哪个厂的政策", [500]),
    ("听说留下的给500红包 真的假的", [500])])
def test_figures_heard_or_asked_about(text, heard):
    assert heard_figures(text) == heard


@pytest.mark.parametrize("text", [
    "今年看病自己掏了大概两千五百块钱，听说工会有医疗救助，他能申请吗？", "工友说老板欠了我们三万 能要回来吗",
    "老板说一个月给六千", "那我去年自己掏了两千五的药费 能申请救助不"])
def test_the_workers_own_sums_are_no_hearsay(text):
    """Near miss: the worker's own cost, a case told through coworkers, a wage promised."""
    assert heard_figures(text) == []


def test_a_heard_figure_is_no_fact_of_the_case():
    tracker = asking("先别问电话 你就说大病互助最高到底是十六万还是二十万", {"medical_cost": 2500})
    assert figures_asked_about(tracker, {"medical_cost": 160000}) == ["medical_cost"]
    assert figures_asked_about(asking("不对吧 我听工友说能赔二十万", {}), {"amount": 200000}) == ["amount"]
    assert figures_asked_about(asking("不对 是两千八", {}), {"medical_cost": 2800}) == []


@on_module_loop
async def test_a_heard_figure_is_answered_against_the_record(backend):
    lines = await answer_fact(asking("不对吧 我听工友说能赔二十万", {"city": "镇江"}, before=[ZJ_MAX])) or []
    said = "\n".join(lines)
    assert "20万（200,000 元）" in said and "160,000" in said and "镇江" in said, said
    assert lines[0].startswith("您听说的20万（200,000 元），和我这里的记录对不上"), lines[0]


@on_module_loop
async def test_which_of_two_figures_inside_the_relief_case(backend):
    tracker = asking("先别问电话 你就说大病互助最高到底是十六万还是二十万", {"city": "镇江市"},
                     before=[ZJ_MAX, "那我去年自己掏了两千五的药费 能申请救助不"], form="relief_form")
    lines = await answer_in_topic(tracker, "困难职工医疗救助")
    assert lines and lines[0].startswith(
        "按我这里的记录（镇江市的），是16万（160,000 元），不是20万（200,000 元）"), lines


@on_module_loop
@pytest.mark.parametrize("text", ["先不用登记 那500红包是哪的说法啊",
                                  "我是问 有人说留厂过年给500块红包 是哪个地方哪个厂的政策",
                                  "送外卖的 今年过年留广州不回了 工会有啥福利没 听说留下的给500红包 真的假的"])
async def test_whose_the_red_envelope_is(backend, text):
    found = await asked_facts(asking(text, {"city": "广州", "occupation": "delivery"}, intent="holiday_subsidy"))
    said = "\n".join(str(f.get("answer")) for f in found)
    assert found and "隆祥皮革有限公司" in found[0]["answer"] and "只管这家单位的职工" in found[0]["answer"], said
    assert "福鼎" in found[0]["answer"]


@on_module_loop
@pytest.mark.parametrize("text", ["我第二个问题你还没说呢 大病互助最多赔多少", "大病互助最多能赔多少",
                                  "重大疾病互助最高给付多少钱"])
async def test_another_places_record_said_as_theirs(backend, text):
    found = await asked_facts(asking(text, {"city": "上海市"}, intent="mutual_insurance"))
    said = "\n".join(str(f.get("answer")) for f in found)
    assert "160,000" in said and said.startswith("上海市的这一项我这里还没有收录；我这里有的是镇江市的"), said


@on_module_loop
async def test_both_questions_of_one_message(backend):
    text = ("我安徽的在上海工地干活 今年过年不回去了 想问两个事 一个是过年期间在工地受伤有没有保障 "
            "还有一个工会那个大病互助最多能赔多少")
    found = await asked_facts(asking(text, {"city": "上海市"}, intent="mutual_insurance"))
    said = "\n".join(str(f.get("answer")) for f in found)
    assert "20,000" in said and "160,000" in said, said


@on_module_loop
async def test_the_question_after_it_inside_the_offer(backend):
    tracker = asking("到底最多能赔多少钱 给个数", {"city": "上海市"},
                     before=["我第二个问题你还没说呢 大病互助最多赔多少"], form="ticket_offer_form")
    lines = await answer_in_topic(tracker, "过年补贴")
    assert any("160,000" in line for line in lines), lines


@on_module_loop
async def test_a_record_of_the_place_is_still_its_own(backend):
    """Near miss: 镇江's own worker gets the record with no note of another place."""
    found = await asked_facts(asking("大病互助最多能赔多少", {"city": "镇江市"}, intent="mutual_insurance"))
    assert found and found[0].get("kind") != "note" and "160,000" in found[0]["answer"]
