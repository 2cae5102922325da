"""Round 50 (j): XL-16 我喺东莞厂度做咗两年 而家有咗BB三个月 公司话要炒我 — the pregnancy
and the dismissal read as Mandarin, so the law on a pregnant worker's dismissal answers."""

from __future__ import annotations

import pytest

from actions.legal import case_points, dismissed
from bot.normalize.text import normalize_text


@pytest.mark.parametrize("said,reads", [
    ("我喺东莞厂度做咗两年 而家有咗BB三个月 公司话要炒我 唔俾补偿 点算", "怀了孩子"),
    ("我喺东莞厂度做咗两年 而家有咗BB三个月 公司话要炒我 唔俾补偿 点算", "公司说要辞退"),
    ("我有身孕 佢哋可唔可以炒我㗎", "我怀了孕 他们可不可以辞退"),
    ("老细炒咗我 冇补偿", "老板辞退我"),
])
def test_cantonese_pregnancy_and_dismissal_read_as_mandarin(said, reads):
    out = normalize_text(said)
    assert reads in out and len(out) == len(said)


def test_the_case_points_have_the_pregnancy_and_the_dismissal():
    words = normalize_text("我喺东莞厂度做咗两年 而家有咗BB三个月 公司话要炒我 唔俾补偿 点算")
    points = case_points(words)
    assert dismissed(words) and any("怀孕" in p for p in points.values())


@pytest.mark.parametrize("mandarin", ["我会炒菜 老板说我炒我自己的鱿鱼", "公司话费报销吗", "炒我鱿鱼了",
                                      "他有身份证", "电话打不通"])
def test_mandarin_words_are_not_changed(mandarin):
    assert normalize_text(mandarin) == mandarin


on_module_loop = pytest.mark.asyncio(loop_scope="module")  # the backend (conftest) runs on that loop


@on_module_loop
@pytest.mark.parametrize("said", ["我喺东莞厂度做咗两年 而家有咗BB三个月 公司话要炒我 唔俾补偿 点算",
                                  "我有身孕 佢哋可唔可以炒我㗎", "有咗BB 老细话要炒咗我 点算"])
async def test_a_pregnant_worker_sacked_in_cantonese_gets_the_pregnancy_law(backend, said):
    """XL-16: the generic legal-aid text, then 没有现成的准确答案; only the Mandarin was answered."""
    from actions.facts import answer_fact
    from tests.facts.conftest import tracker as fact_tracker

    answers = await answer_fact(fact_tracker(normalize_text(said)))
    assert answers and "第四十二条" in answers[0], answers
