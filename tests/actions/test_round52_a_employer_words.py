"""Round 51 (tester XM), helper a: the words of the clause around an employer are no part of it.

XM-8: 青岛海纳建筑那边的工地 老板姓刘 to 是哪家单位欠的 → 单位 "青岛海纳建筑那边工地（老板姓刘）". XM-13:
在辛安那个宏达电子厂上班的时候 → 单位 "辛安那个宏达电子厂上班的时候". The time (去年 / 那会儿), the place said
before 那个 (the place is the place's slot), 那边, the work (上班 / 干活) and 的时候 are cut; a
described employer (一个姓刘的包工头, 长江路的工地) stays a description."""

from __future__ import annotations

import pytest

from actions import validators as v

ASKED = v.Context(form="wage_arrears_form", asked="employer", intent="inform")


def ent(kind: str, value: str, text: str) -> dict:
    at = text.find(value)
    return {"entity": kind, "value": value, "start": at, "end": at + len(value)}


@pytest.mark.parametrize("said,employer", [
    ("在辛安那个宏达电子厂上班的时候", "宏达电子厂"),
    ("去年在辛安那个宏达电子厂上班的时候", "宏达电子厂"),
    ("就是在辛安那个宏达电子厂", "宏达电子厂"),
    ("之前在辛安的宏达电子厂上班", "宏达电子厂"),
    ("在宏达电子厂上班的时候欠的", "宏达电子厂"),
    ("去年在宏达电子厂干的", "宏达电子厂"),
    ("那时候在鑫达电子厂上班", "鑫达电子厂"),
    ("去年在鑫达物流干的时候", "鑫达物流"),
    ("就是宏达电子厂那边", "宏达电子厂"),
    ("我们在那个宏达电子厂", "宏达电子厂"),
    ("海纳建筑 在辛安那边的工地", "海纳建筑"),
    ("海纳建筑的工地上", "海纳建筑"),
])
def test_the_name_without_the_clause_around_it(said, employer):
    assert v.employer_answer(said).value == employer, v.employer_answer(said)


@pytest.mark.parametrize("said,employer", [
    ("青岛海纳建筑那边的工地 老板姓刘", "青岛海纳建筑（老板姓刘）"),
    ("海纳建筑那边的工地上 包工头姓王", "海纳建筑（包工头姓王）"),
    ("在青岛海纳建筑那边的工地干活 老板姓刘", "青岛海纳建筑（老板姓刘）"),
    ("海纳那边的工地 老板姓刘", "海纳工地（老板姓刘）"),
])
def test_the_company_and_its_boss_without_the_site_words(said, employer):
    assert v.employer_answer(said).value == employer, v.employer_answer(said)
    assert v.read_facts(said, [], ASKED).get("employer") == employer, v.read_facts(said, [], ASKED)


@pytest.mark.parametrize("said,employer", [
    ("一个姓刘的包工头", "姓刘的包工头"),
    ("就是长江路那边的工地 一个姓刘的包工头", "长江路工地（姓刘的包工头）"),
    ("去年在长江路那边一个工地干活 老板姓刘", "长江路工地（老板姓刘）"),
    ("韵达的一个加盟站点 站长姓赵", "韵达加盟站点（站长姓赵）"),
    ("青岛海纳建筑", "青岛海纳建筑"),
    ("海纳建筑公司", "海纳建筑公司"),
    ("老家味道饺子馆 在辛安街道", "老家味道饺子馆"),
])
def test_descriptions_and_names_stay(said, employer):
    assert v.employer_answer(said).value == employer, v.employer_answer(said)


@pytest.mark.parametrize("said", ["辛安", "厂里", "好像厂里", "这个厂", "今年三月份公司"])
def test_no_name_is_still_no_name(said):
    assert not v.employer_answer(said).ok, v.employer_answer(said)


@pytest.mark.parametrize("text,read,employer", [
    ("去年在辛安那个宏达电子厂上班的时候 老板欠了我两个月工资", "辛安那个宏达电子厂上班的时候", "宏达电子厂"),
    ("那会儿在宏达电子厂上班的时候 老板欠了我两个月工资", "宏达电子厂上班的时候", "宏达电子厂"),
])
def test_an_employer_read_with_its_clause_is_cut_to_the_name(text, read, employer):
    facts = v.read_facts(text, [ent("employer", read, text)], v.Context(intent="wage_arrears"))
    assert facts.get("employer") == employer, facts
