"""Round 56, helper u: a filed ticket corrected, and a case beside a crisis kept as its own.

XV-13: 孩子是四年级 不是三年级 / 说错了 是四年级 after the school ticket was filed with 年级：小学三年级 —
nothing was said and the ticket kept 三年级 (a school form opened silently). Now the correction is
written on the ticket (a worker's note, the backend's way) and said back with the ticket's number.
XT-15: 补充一下 电话改成139… a while after filing (the ticket looked up since) was taken for another
conversation's ticket: a related ticket was opened instead of the phone changed on the one filed.
XV-16: 孩子放学没人管 想找个托管 … 不想活了 — the 托管 request went on the crisis callback as words and
was never offered as a case of its own. Each step runs the real actions on the real seeded backend."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import parse
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.settings import ROOT
from tests.actions.conftest import on_module_loop

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
pytestmark = on_module_loop
SCHOOL = {"child_grade": "小学三年级", "school_problem": "没有学位", "district": "辛安街道", "city": "青岛"}


class Talk:
    """A conversation as the action server sees it: the slot mappings, then the action."""

    def __init__(self, sender: str) -> None:
        self.sender, self.events, self.slots = sender, [], {}

    def tracker(self, text: str, intent: str, entities: list | None = None) -> Tracker:
        return Tracker(self.sender, dict(self.slots), parse(text, intent, entities), list(self.events), False,
                       None, {}, "action_listen")

    def set(self, **slots) -> None:
        for k, val in slots.items():
            self.slots[k] = val
            self.events.append({"event": "slot", "name": k, "value": val})

    def bot(self, text: str) -> None:
        self.events.append({"event": "bot", "text": text})

    async def say(self, text: str, intent: str = "inform", phone: str | None = None, action=None) -> str:
        from actions.router import ActionStartService
        from actions.slot_mappings import ValidateSlotMappings

        entities = [{"entity": "phone", "value": phone}] if phone else None
        self.events += [{"event": "action", "name": "action_listen"},
                        {"event": "user", "text": text, "parse_data": parse(text, intent, entities)}]
        if phone:
            self.set(phone=phone)
        said = []
        for step in (ValidateSlotMappings(), action or ActionStartService()):
            dispatcher = CollectingDispatcher()
            for event in await step.run(dispatcher, self.tracker(text, intent, entities), DOMAIN):
                if event.get("event") == "slot":
                    self.slots[event["name"]] = event["value"]
                self.events.append(event)
            for message in dispatcher.messages:
                said.append(message.get("text") or message.get("response") or "")
                self.bot(said[-1])
        return "\n".join(said)


async def filed_school_case(sender: str) -> tuple[Talk, str]:
    from actions.tickets import ActionOpenTicket, summary_lines

    talk = Talk(sender)
    await talk.say("孩子三年级 想转学到黄岛辛安这边 没有学位 电话13912345678", "school_placement", "13912345678")
    talk.bot("请核对一下要登记的内容：\n" + "\n".join(summary_lines({**SCHOOL, "phone": "13912345678"})))
    talk.set(pending_case={"type": "school_placement", "facts": SCHOOL}, wants_ticket=True,
             district="辛安街道", city="青岛")
    filed = await talk.say("对", "affirm", action=ActionOpenTicket())
    return talk, filed.split("工单号 ")[1][:14]


async def history(backend, ticket: str) -> str:
    ticket_row = await backend.request("GET", f"/tickets/{ticket}")
    return str(ticket_row)


# --- XV-13 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text,intent", [("孩子是四年级 不是三年级", "inform"), ("说错了 是四年级", "school_placement"),
                                         ("错了！四年级！", "deny"), ("孩子四年级", "inform")])
async def test_a_fact_of_the_filed_ticket_corrected_is_written_on_it_and_said(backend, text, intent):
    talk, ticket = await filed_school_case(f"u56-grade-{text[:3]}")
    reply = await talk.say(text, intent)
    assert f"已更正：工单 {ticket} 上的年级改为 小学四年级（原来登记的是 小学三年级）" in reply, reply
    assert "职工更正：年级应为 小学四年级（原登记 小学三年级）" in await history(backend, ticket)
    shown = await talk.say("工单上都写了啥", "ticket_status")
    assert "· 年级：小学四年级" in shown and "三年级" not in shown, shown


async def test_a_correction_to_what_the_ticket_holds_changes_nothing(backend):
    talk, ticket = await filed_school_case("u56-same")
    reply = await talk.say("说错了 是三年级")
    assert f"工单 {ticket} 上登记的就是这样，不用改" in reply and "· 年级：小学三年级" in reply, reply
    assert "职工更正" not in await history(backend, ticket)


async def test_a_grade_asked_about_is_no_correction(backend):
    talk, ticket = await filed_school_case("u56-asked")
    reply = await talk.say("要是四年级还能转吗")
    assert "已更正" not in reply, reply


# --- XT-15 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["补充一下 电话改成13912345679", "电话打错了 是13912345679",
                                  "刚才留的电话不对 13912345679才是我的"])
@pytest.mark.parametrize("since", [0, 130, 250])
async def test_the_phone_of_a_ticket_filed_here_is_changed_however_long_ago(backend, text, since):
    talk, ticket = await filed_school_case(f"u56-phone-{since}-{text[:3]}")
    talk.events += [{"event": "action", "name": "action_listen"}] * since  # a long talk since
    talk.events += [{"event": "action", "name": "action_listen"},
                    {"event": "user", "text": f"查一下 {ticket}", "parse_data": parse("查一下", "ticket_status")}]
    talk.bot(f"工单 {ticket} 目前由辛安街道工会网格化工作总站处理，状态：已分派。")
    reply = await talk.say(text, phone="13912345679")
    assert f"已更正：工单 {ticket} 的联系电话改为 139****5679" in reply, reply
    assert "关联工单" not in reply and reply.count("已为您登记") == 0, reply
    assert "才是我的" not in reply, reply  # (no words of the change noted as a fact)


# --- XV-16 --------------------------------------------------------------------------------------

@pytest.mark.parametrize("first", ["俺在黄岛辛安 孩子放学没人管 想找个托管 活着真没意思 不想活了",
                                   "想问问托管的事 最近压力太大了 真想死了算了"])
async def test_a_case_told_with_crisis_words_is_offered_on_its_own_after_the_callback(backend, first, monkeypatch):
    from actions import handoff
    from actions.services import ActionPsychSupport

    async def closed(*args, **kwargs):  # the station closed: the crisis callback waits for the phone
        return {"station_name": "辛安街道工会网格化工作总站", "station_open_now": False,
                "station_phone": "0532-12351", "station_opens_at": "2026-12-08T00:30:00Z"}

    monkeypatch.setattr(backend, "open_handoff", closed)
    monkeypatch.setattr(handoff, "client", lambda: backend)
    talk = Talk(f"u56-crisis-{first[:3]}")
    reply = await talk.say(first, "psych_support", action=ActionPsychSupport())
    assert "utter_crisis" in reply.splitlines()[0], reply
    reply = await talk.say("13912345678", "inform", "13912345678")
    assert "已为您登记回电工单" in reply and "400-161-9995" in reply, reply
    assert "您刚才还提到了“子女托管”" in reply and "单独帮您办" in reply, reply
    assert reply.index("已为您登记回电工单") < reply.index("子女托管")


async def test_no_case_named_beside_the_crisis_offers_nothing(backend, monkeypatch):
    from actions import handoff
    from actions.services import ActionPsychSupport

    async def closed(*args, **kwargs):
        return {"station_name": "辛安街道工会网格化工作总站", "station_open_now": False,
                "station_phone": "0532-12351", "station_opens_at": "2026-12-08T00:30:00Z"}

    monkeypatch.setattr(backend, "open_handoff", closed)
    monkeypatch.setattr(handoff, "client", lambda: backend)
    talk = Talk("u56-crisis-alone")
    await talk.say("活着真没意思 不想活了", "psych_support", action=ActionPsychSupport())
    reply = await talk.say("13912345678", "inform", "13912345678")
    assert "已为您登记回电工单" in reply and "您刚才还提到了" not in reply, reply
