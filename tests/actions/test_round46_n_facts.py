"""Independent testers XC/XD, round 46 — engineer n: a count of stitches before 公司 is no
employer and a corrected name ends with its sentence (XD-11: 单位：十几针公司, then
汇丰机械厂.能要什么钱); a residence permit applied for is not held (XD-12: 外地户口，有居住证);
长江路 (那一片) is the street 长江路街道 and a street told routes the ticket, whatever station's
card came before (XD-2: said 黄岛区's centre, filed with 沂河路社区's station)."""

from __future__ import annotations

import pytest
from rasa_sdk import Tracker

from actions import validators as v
from actions.forms import _named_change
from actions.tickets import case_payload, street_unknown_line
from bot.nlu.employer_extractor import find_employers
from bot.nlu.gazetteer import load

INJURY = "你好我在黄岛区一个机械厂上班上个月手被冲床压了缝了十几针公司说是我自己不小心不给认定工伤"


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e in find_employers(text)]


@pytest.mark.parametrize("text", [INJURY, "干了三天公司就不要我了", "扣了两百块公司说是罚款"])
def test_a_count_before_company_is_no_employer(text: str) -> None:
    assert not any(n.endswith("公司") for n in _names(text))


def test_a_brand_with_a_numeral_stays_an_employer() -> None:
    assert _names("我在三星电子厂上班") == ["三星电子厂"]
    assert v.employer_answer("十几针公司").reask and v.employer_answer("三星电子厂").value == "三星电子厂"


@pytest.mark.parametrize("text", ["單位不是十幾針公司 是匯豐機械廠。能要什麼錢",
                                  "单位不是十几针公司 是汇丰机械厂.能要什么钱",
                                  "单位是汇丰机械厂！工伤能赔啥"])
def test_a_corrected_name_ends_with_its_sentence(text: str) -> None:
    assert _named_change(text) == ("employer", "汇丰机械厂")


def test_a_decimal_sum_is_no_sentence_end() -> None:
    assert _named_change("金额是4.5万") == ("amount", 45000)


@pytest.mark.parametrize("text", ["户口在安徽 居住证正在办 还没下来", "居住证还没拿到呢 不算有吧", "外地的 居住证在办"])
def test_a_permit_applied_for_is_not_held(text: str) -> None:
    assert v.hukou_status(text).value.startswith("外地户口，没有居住证（正在办理）")


@pytest.mark.parametrize("text,held", [("有居住证", "外地户口，有居住证"),
                                       ("居住证办了一年多", "外地户口，有居住证"),
                                       ("居住证办下来了", "外地户口，有居住证"),
                                       ("没有居住证", "外地户口，没有居住证")])
def test_a_permit_held_or_not_stays_as_it_was(text: str, held: str) -> None:
    assert v.hukou_status(text).value == held


def test_a_road_named_street_is_known_by_its_road() -> None:
    assert "长江路" in load()["district"]
    assert v.place("就在长江路那一片吧").value == "长江路" and v.place("长江路一带").value == "长江路"


STATION = "辛安街道沂河路社区工会网格工作站"
ASKED = ("您在黄岛区哪个街道或镇？说一下街道，工单就交给离您最近的工会网格站（街道有站的交给街道站）；"
         "不清楚的话说“不知道”或直接确认，由辛安街道沂河路社区工会网格工作站受理。")


def _offer(text: str, district: str) -> Tracker:
    case = {"type": "other", "facts": {"service": "职工子女爱心托管报名", "station": STATION}}
    events = [{"event": "bot", "text": ASKED}, {"event": "user", "text": text}]
    return Tracker("hn-1", {"pending_case": case, "city": "青岛市", "district": district},
                   {"text": text, "intent": {"name": "inform"}, "entities": []}, events, False, None,
                   {"name": "ticket_offer_form"}, "action_listen")


def test_a_street_told_routes_the_ticket_not_the_station_shown_before() -> None:
    tracker = _offer("街道不知道 就在长江路那一片吧", "长江路")
    assert street_unknown_line(tracker, "长江路") is None
    assert case_payload(tracker, "other", tracker.get_slot("pending_case")["facts"])["district"] == "长江路"


def test_no_street_goes_where_it_is_said_to_go() -> None:
    tracker = _offer("不知道", "黄岛区")
    assert STATION in street_unknown_line(tracker, "黄岛区")
    assert case_payload(tracker, "other", tracker.get_slot("pending_case")["facts"])["district"] == "辛安街道沂河路社区"
