"""The parse API returns normalised entity values (issue 2 acceptance)."""

from __future__ import annotations

import aiohttp
import pytest

pytestmark = pytest.mark.integration


async def parse(stack, text: str) -> dict:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            f"{stack.rasa_url}/model/parse", params={"token": stack.rasa_token},
            json={"text": text},
        ) as response,
    ):
        assert response.status == 200, await response.text()
        return await response.json()


def values(parsed: dict, entity: str) -> list:
    return [e["value"] for e in parsed["entities"] if e["entity"] == entity]


async def test_chinese_amount_becomes_yuan(stack):
    parsed = await parse(stack, "老板欠了我一万二千块工资")
    assert values(parsed, "amount") == [12000]


@pytest.mark.parametrize("text, expected", [
    ("工资拖了大半年了", "P6M"), ("老板欠我三个月工资", "P3M"), ("干了两周没给钱", "P2W")])
async def test_durations_become_iso8601(stack, text, expected):
    assert values(await parse(stack, text), "duration") == [expected]


async def test_wrong_checksum_id_is_dropped(stack):
    parsed = await parse(stack, "我的身份证号是440304199003072114")
    assert values(parsed, "id_number") == []


async def test_valid_id_is_upper_cased(stack):
    parsed = await parse(stack, "身份证44030419900307211x")
    assert values(parsed, "id_number") == ["44030419900307211X"]


async def test_spaced_phone_becomes_digits(stack):
    parsed = await parse(stack, "我电话是139 0532 8876")
    assert values(parsed, "phone") == ["13905328876"]


async def test_entity_offsets_point_into_the_original_text(stack):
    text = "薪資拖欠兩個月了"  # traditional characters
    parsed = await parse(stack, text)
    (duration,) = [e for e in parsed["entities"] if e["entity"] == "duration"]
    assert text[duration["start"]:duration["end"]] == "兩個月"
    assert parsed["intent"]["name"] == "wage_arrears"
