"""Round 52 (c), XN-4: a spouse's or family's mutual cover — 我老婆没工作 能不能也参加互助保障 got the claim
rules and a 镇江 example (the joining never answered), 我爱人能一起参加吗 没太明白, 互助保障 家里人能保吗 the
summary. The answer says what the policy records say (joined through the workplace union; family cover is
up to the scheme joined), that they say no more, and where to ask — nothing invented."""

from __future__ import annotations

import pytest

from actions.relief import family_cover_line


@pytest.mark.parametrize(("text", "words"), [("我老婆没工作 能不能也参加互助保障", ""),
                                             ("家属能不能保", "职工互助保障是啥"),
                                             ("我爱人能一起参加吗", "职工互助保障是啥"),
                                             ("互助保障 家里人能保吗", ""),
                                             ("孩子能不能保", "互助保障 家里人能保吗")])
def test_the_family_cover_is_said_as_the_records_say_it(text, words):
    line = family_cover_line(text, words) or ""
    assert "资料没有写明" in line and "单位的工会统一组织参加" in line and "以您参加的方案为准" in line, line
    assert "12351" in line and "来源" in line, line
    assert "2.3万" not in line and "16万" not in line, line  # no example made to read as an answer


@pytest.mark.parametrize(("text", "words"), [("我老婆住院了 我是特困 能申请救助吗", ""),
                                             ("孩子上学能不能报名", ""),
                                             ("我老婆能不能一起来", "老板欠我工资"),
                                             ("互助保障最高赔多少", ""),
                                             # a family member's claim: the records answer with their figures
                                             # (tests/e2e/test_fact_questions.py: 2.3万元, 16万元)
                                             ("配偶住院能报吗", "我在镇江扫大街 互助保障怎么参加"),
                                             ("我老公住院了 互助保障能报吗", ""),
                                             ("互助保障 生病的是俺老伴 不是俺 她能赔不", ""),
                                             ("俺是青岛黄岛的环卫工 老婆查出来癌症了 听说工会有个大病互助 能赔多少",
                                              "")])
def test_not_the_family_cover(text, words):
    assert family_cover_line(text, words) is None


def test_how_to_claim_is_the_claim_steps_not_this():
    assert family_cover_line("我老公得了癌症 听说工会有个互助保险能赔 怎么申请", "") is None
