"""The custom pipeline components, run directly on messages."""

from __future__ import annotations

from rasa.shared.nlu.training_data.message import Message

from bot.nlu.entity_normalizer import EntityNormalizer
from bot.nlu.normalizer import ChineseTextNormalizer
from bot.nlu.quantity_extractor import QuantityExtractor
from bot.nlu.tokenizer import ChineseTokenizer


def tokens(text: str) -> list[str]:
    tokenizer = ChineseTokenizer(ChineseTokenizer.get_default_config(), None, None, [])
    return [t.text for t in tokenizer.tokenize(Message(data={"text": text}), "text")]


def run(text: str) -> Message:
    message = Message(data={"text": text})
    for component in (ChineseTextNormalizer(), QuantityExtractor(), EntityNormalizer()):
        component.process([message])
    return message


def test_quantities_and_numbers_stay_whole_tokens():
    words = tokens("老板欠我三个月工资一万二 电话139 0532 8876")
    assert "三个月" in words and "一万二" in words and "139 0532 8876" in words
    assert all(w.strip() for w in words), "no blank tokens"


def test_ticket_and_id_are_single_tokens():
    words = tokens("工单GH202611180023到哪了 身份证44030419900307211X")
    assert "GH202611180023" in words and "44030419900307211X" in words


def test_token_offsets_match_the_text():
    text = "俺在黄岛区干了大半年 工资八千五"
    tokenizer = ChineseTokenizer(ChineseTokenizer.get_default_config(), None, None, [])
    for token in tokenizer.tokenize(Message(data={"text": text}), "text"):
        assert text[token.start:token.end] == token.text


def test_pipeline_normalises_and_values_entities():
    message = run("薪資拖欠兩個月，一共１２０００元")
    assert message.get("text") == "薪资拖欠两个月,一共12000元"
    found = {(e["entity"], e["value"]) for e in message.get("entities")}
    assert found == {("duration", "P2M"), ("amount", 12000)}


def test_rule_entity_wins_overlap_and_invalid_id_is_dropped():
    message = Message(data={"text": "身份证440304199003072114", "entities": [
        {"entity": "id_number", "start": 3, "end": 21, "value": "x",
         "extractor": "RegexEntityExtractor"},
        {"entity": "phone", "start": 3, "end": 14, "value": "x", "extractor": "DIETClassifier"},
    ]})
    EntityNormalizer().process([message])
    assert message.get("entities") == []


def test_numbers_of_a_date_are_not_money():
    text = "2026年10月1号到7号都上班 工资4500"
    spans = [(0, 4), (5, 7), (8, 9), (11, 12), (19, 23)]
    message = Message(data={"text": text, "entities": [
        {"entity": "amount", "start": s, "end": e, "value": text[s:e], "extractor": "DIETClassifier"}
        for s, e in spans]})
    EntityNormalizer().process([message])
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("amount", 4500)]


def test_a_time_is_no_place():
    """ZX-14: 上周二冲床把我左手食指压掉一截 — DIET read 上周二 as the city, filed as 地点."""
    text = "上周二冲床把我左手食指压掉一截 我在辛安"
    message = Message(data={"text": text, "entities": [
        {"entity": "city", "start": 0, "end": 3, "value": "上周二", "extractor": "DIETClassifier"},
        {"entity": "district", "start": 18, "end": 20, "value": "辛安", "extractor": "DIETClassifier"}]})
    EntityNormalizer().process([message])
    assert [(e["entity"], e["value"]) for e in message.get("entities")] == [("district", "辛安")]


def test_written_cantonese_reads_as_mandarin_and_mandarin_is_left_alone():
    """ZW-06: 礼包点样攞啊 我冇单位工会嘅 (not answered); 一点样子 / 然而家里 are Mandarin."""
    from bot.normalize.text import normalize_text

    assert normalize_text("礼包点样攞啊 我冇单位工会嘅") == "礼包怎样拿啊 我没单位工会的"
    assert normalize_text("一点样子都没有 然而家里没钱") == "一点样子都没有 然而家里没钱"
