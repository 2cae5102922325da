"""Round 48 (tester XH), helper f: what is a correction.

XH-4: 是俺老婆得病 不是俺 这也能赔? was said back as 更正：… — it says whose illness it is, no fact
said before is changed. XH-7: 不对 俺记差了 是半年木交 前面是交了的 got 没太明白 (木 is 没 in 青岛
dialect; 记差了 is 记错了).
"""

from __future__ import annotations

import pytest
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v
from actions.forms import ValidateTicketOfferForm
from actions.slot_mappings import ValidateSlotMappings
from bot.normalize.text import normalize_text

# --- XH-4: whose illness it is is no correction ------------------------------------------------

WHOSE = ["是俺老婆得病 不是俺 这也能赔?", "是俺老婆得病 不是俺 这也能赔？", "不是俺 是俺老婆", "不是我 是我老婆住院",
         "不是给我 是给我妈看病", "是我媳妇住院了 不是我", "得病的不是我 是我老公", "不是我本人 是我爱人",
         "是俺娘住院 不是俺自己", "住院的是我闺女 不是我", "不是我是我老婆", "不是俺的病 是俺老婆的"]


@pytest.mark.parametrize("text", WHOSE)
def test_whose_illness_is_no_correction(text):
    assert not v.is_correction(text)
    assert not v.is_correction(normalize_text(text))


REAL = ["不对 是九千五", "不是三个月 是两个月", "说错了", "说错了 是外卖", "是三年零四个月 不是三年半",
        "不是 是4500", "不对 不是我 是我老婆", "不对 俺记差了 是半年木交 前面是交了的", "俺记差了 是两年",
        "我说差了 是八千", "不是八千是八千五", "不是我说的四千 是四千五", "公司名说错了 是鑫盛建材",
        "欠的不是我一个 是我们十几个人"]


@pytest.mark.parametrize("text", REAL)
def test_real_corrections_still_are(text):
    assert v.is_correction(normalize_text(text))


MUTUAL_FIRST = "俺是环卫工 镇江的 听说工会有大病互助 能报多少"
MUTUAL_CASE = {"type": "relief_application", "facts": {"question": MUTUAL_FIRST}}
FORM = "ticket_offer_form"


def _offer(case: dict, text: str, intent: str = "inform", set_now: dict | None = None) -> Tracker:
    events = [{"event": "user", "text": MUTUAL_FIRST, "parse_data": parse(MUTUAL_FIRST, "relief_application")},
              {"event": "action", "name": FORM}, {"event": "active_loop", "name": FORM},
              {"event": "slot", "name": "requested_slot", "value": "wants_ticket"},
              {"event": "bot", "text": "要不要我帮您登记一张帮扶申请工单，转给您所在的网格工作站跟进？"},
              {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": parse(text, intent)},
              {"event": "action", "name": FORM},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    values = {"pending_case": case, "requested_slot": "wants_ticket", **(set_now or {})}
    return Tracker("worker-48f", values, parse(text, intent), events, False, None, {"name": FORM},
                   "action_listen")


async def _offer_turn(case: dict, text: str, intent: str = "inform") -> tuple[dict, str]:
    read = slot_values(await ValidateSlotMappings().run(CollectingDispatcher(), _offer(case, text, intent), DOMAIN))
    dispatcher = CollectingDispatcher()
    tracker = _offer(case, text, intent, read)
    tracker.slots.update(slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN)))
    return tracker.slots, "\n".join(m.get("text") or "" for m in dispatcher.messages)


@pytest.mark.parametrize("text", ["是俺老婆得病 不是俺 这也能赔?", "不是我 是我老婆住院 这个能报吗"])
async def test_whose_illness_on_the_offer_is_said_back_as_no_correction(text):
    """XH-4: the summary said 更正：是俺老婆得病 不是俺 这也能赔?"""
    slots, said = await _offer_turn(MUTUAL_CASE, text, "inform")
    facts = (slots.get("pending_case") or {}).get("facts") or {}
    assert "更正" not in said and "更正" not in str(facts.get("question")), (said, facts)


# --- XH-7: 木 is 没 in 青岛 dialect --------------------------------------------------------------

@pytest.mark.parametrize("said,meant", [
    ("是半年木交 前面是交了的", "是半年没交 前面是交了的"), ("公司半年木交社保 想不干了", "公司半年没交社保 想不干了"),
    ("老板木给钱", "老板没给钱"), ("俺木有合同", "俺没有合同"), ("这个月工资还木发", "这个月工资还没发"),
    ("补偿到底咋算 你还木说", "补偿到底咋算 你还没说"), ("木签合同", "没签合同"), ("木有", "没有"),
    ("社保交了木", "社保交了没"), ("俺也木办法", "俺也没办法")])
def test_dialect_mu_reads_as_mei(said, meant):
    assert normalize_text(said) == meant


@pytest.mark.parametrize("said", ["俺是干木工的", "木头厂欠俺工资", "在木材厂上班", "木板厂", "俺是木匠",
                                  "木器厂拖了三个月", "做木门的厂", "木箱厂", "红木家具厂", "木地板安装",
                                  "俺木工 干了三年", "林木公司", "木耳加工厂", "木有限公司"])
def test_wood_stays_wood(said):
    assert normalize_text(said) == said


def test_the_correction_of_the_months_unpaid_is_read():
    """XH-7: 半年 after 不对 俺记差了 is the correction, in the words the readers see."""
    text = normalize_text("不对 俺记差了 是半年木交 前面是交了的")
    assert v.is_correction(text) and "没交" in text
