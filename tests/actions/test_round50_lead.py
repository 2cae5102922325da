"""Round 50 (testers XK, XL), mended by the lead: a corrected pay never scales a sum that was not
worked out on the old pay (XK-16: 19,575 filed); 12351 is not said to be an emergency line."""

from __future__ import annotations

from actions.forms import _overtime_on_new_pay
from actions.overtime_calculator import case_overtime


def test_a_sum_not_made_on_the_old_pay_is_not_scaled():
    """XK-16: 900 (the shortfall) taken as the pay, 2,700 the sum on 6,525; 月薪係6525 唔係900 then
    gave 加班费约 19,575 元 and the ticket was filed with it."""
    before = {"monthly_wage": 900, "overtime_days": "国庆1号到3号", "amount": 2700}
    after = {**before, "monthly_wage": 6525}
    assert _overtime_on_new_pay(before, after, {"monthly_wage": 6525}) != 19575


def test_a_sum_made_on_the_old_pay_follows_the_new_pay():
    before = {"monthly_wage": 5000, "overtime_days": "国庆1号到3号"}
    owed = case_overtime(before)
    assert owed is not None
    before["amount"] = int(owed.total)
    after = {**before, "monthly_wage": 6000}
    new = case_overtime(after)
    assert _overtime_on_new_pay(before, after, {"monthly_wage": 6000}) == int(new.total)


def test_the_out_of_hours_text_sends_emergencies_to_110_and_120():
    """XL: 紧急情况请拨打 12351 — the union's hotline is no emergency line."""
    from actions.handoff import OWN_STATION_MAY_BE_OPEN, closed_text
    for said in (closed_text("辛安街道工会网格化工作总站", True), closed_text("", False), OWN_STATION_MAY_BE_OPEN):
        assert "紧急情况请拨打 12351" not in said and "110 或 120" in said, said


async def test_a_new_number_told_while_the_lookup_asks_the_old_one_is_a_change(monkeypatch):
    """XL-11: 我换手机号了 新号185… 麻烦改一下 while the lookup asked the phone filed with: looked up
    with the new number (没有找到, twice); then 原来的是150… 现在换成185…: 没有找到 again."""
    from form_trackers import parse
    from rasa_sdk import Tracker
    from rasa_sdk.executor import CollectingDispatcher
    from test_answers_first import DOMAIN
    from test_round41_summary import _user

    from actions import tickets
    from actions.forms import ValidateTicketStatusForm
    asked = "为了核对是您本人，请告诉我登记这张工单时留的手机号。"
    first = "我换手机号了 新号18561234567 麻烦改一下"
    events = [_user("工单号GH202612070006 现在怎么样了", "ticket_status"),
              {"event": "action", "name": "ticket_status_form"},
              {"event": "slot", "name": "requested_slot", "value": "phone"}, {"event": "bot", "text": asked},
              {"event": "action", "name": "action_listen"}, _user(first, "inform")]
    slots = {"ticket_id": "GH202612070006", "requested_slot": "phone"}
    tracker = Tracker("worker-50", slots, parse(first, "inform"), events, False, None,
                      {"name": "ticket_status_form"}, "action_listen")
    dispatcher = CollectingDispatcher()
    await ValidateTicketStatusForm().run(dispatcher, tracker, DOMAIN)
    said = dispatcher.messages[0]["text"]
    assert "先核对一下是您本人" in said and "185****4567" in said, said
    changed: list = []

    class Backend:
        async def change_ticket_phone(self, ticket, conversation, phone, old_phone=None):
            changed.append((ticket, phone, old_phone))
            return {"id": ticket, "station_name": "辛安街道工会网格化工作总站"}
    monkeypatch.setattr(tickets, "client", lambda: Backend())
    second = "原来的是15066778899 现在换成18561234567了"
    after = [*events, {"event": "bot", "text": said}, _user(second, "inform")]
    later = Tracker("worker-50", {}, parse(second, "inform"), after, False, None, {}, "action_listen")
    await tickets.change_phone_elsewhere(CollectingDispatcher(), later)
    assert changed == [("GH202612070006", "18561234567", "15066778899")], changed


def test_someone_to_talk_to_asked_as_有没有人能跟我说说话():
    """XL-12: 不是说了吗 工资没了 有没有人能跟我说说话 after the crisis reply got the wage form."""
    from actions.crisis import wants_to_talk
    assert wants_to_talk("不是说了吗 工资没了 有没有人能跟我说说话") and wants_to_talk("有人能陪我聊聊吗")
    assert not wants_to_talk("有没有人跟我说一下工资咋算")


def test_hurry_while_a_person_is_looked_for_asks_the_place_again():
    """XL-10: 快点 right after 告诉我您在哪…我马上查 got 没太明白."""
    from form_trackers import conversation

    from actions.handoff import OWN_STATION_MAY_BE_OPEN, hurry_reply
    asked = "您还没说在哪儿，我先按青岛市总工会职工服务中心的时间查的：它现在不在服务时间。" + OWN_STATION_MAY_BE_OPEN
    assert "哪个城市、区、街道" in (hurry_reply(conversation([("转人工", "request_human", [asked]),
                                                         ("快点", "nlu_fallback", [])]), "快点") or "")
    assert hurry_reply(conversation([("快点", "nlu_fallback", [])]), "快点") is None


def test_months_told_in_a_crisis_message_multiply_the_pay_told_later():
    """XK-15: 半年工资一分没拿到 … 不想活了, then 厂叫华泰模具 一个月4500 → 一共欠了多少钱 asked (刚说了
    半年): 没拿到 was not read as unpaid."""
    from form_trackers import parse
    from rasa_sdk import Tracker

    from actions.slot_mappings import owed_per_month
    first = "半年工资一分没拿到 房租交不起 孩子学费也没了 活着没意思 不想活了"
    later = "13806398765 厂叫华泰模具 一个月4500"
    events = [{"event": "user", "text": first, "parse_data": parse(first, "psych_support")},
              {"event": "slot", "name": "duration", "value": "P6M"},
              {"event": "bot", "text": "您的安全最重要。"},
              {"event": "user", "text": later, "parse_data": parse(later, "inform")}]
    tracker = Tracker("worker-50", {"duration": "P6M"}, parse(later, "inform"), events, False, None, {},
                      "action_listen")
    assert owed_per_month(tracker, {"monthly_wage": 4500}).get("amount") == 27000
