"""What workers say right after a service was answered or a ticket filed (independent testers'
round 4: F05, F06, F10, F11, H06, H07, B06, F16, H09, A30): a sign-up asked for after the answer
is a sign-up, a phone corrected after filing changes the ticket, a lookup retried with the right
phone finds the ticket, a ticket is not sent to 青岛 for want of a place."""

from __future__ import annotations

from datetime import date

import pytest
from form_trackers import form_tracker, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import handoff, services, tickets, wages
from actions.backend_client import BackendError
from actions.fallback import ActionFallbackStep
from actions.forms import ValidateReliefForm, ValidateTicketOfferForm, asks_to_be_signed_up
from actions.overtime_days import read_worked_days
from actions.router import ActionStartService
from actions.service_catalog import services_named
from bot.normalize.text import normalize_text

DOMAIN = {"forms": {"ticket_offer_form": {"required_slots": ["wants_ticket", "phone"]}},
          "responses": {}}
MUTUAL = {"title": "职工互助保障", "summary": "职工互助保障是工会组织的互助互济保障，一般包括重大疾病、"
          "住院医疗、意外伤害等", "details": {}, "source": "各地工会"}
SKILLS = {"title": "职工书院与技能培训", "summary": "工会职工书院提供技能培训、考证辅导、学历提升和文化"
          "课程，线上线下结合；开哪些课、收不收费，以当地工会公布的为准。", "details": {}, "source": "各地工会"}


def _tracker(text: str, intent: str, slots: dict | None = None, before: list | None = None,
             set_now: dict | None = None) -> Tracker:
    message = parse(text, intent)
    events = [*(before or []), {"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              *({"event": "slot", "name": k, "value": val} for k, val in (set_now or {}).items())]
    return Tracker("worker-1", {**(slots or {}), **(set_now or {})}, message, events, False,
                   None, {}, "action_listen")


def _bot(text: str) -> list[dict]:
    """An earlier exchange: the worker's message and the bot's reply."""
    return [{"event": "user", "text": "…", "parse_data": parse("…", "inform")},
            {"event": "bot", "text": text}]


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


class Policies:
    """The backend's policy answers, and the phone changes and lookups the actions send."""

    def __init__(self, policies: list[dict]) -> None:
        self.answer = policies
        self.phone_changes: list[tuple] = []
        self.lookups: list[tuple] = []

    async def policies(self, service, city=None, district=None) -> dict:
        return {"policies": self.answer}

    async def change_ticket_phone(self, ticket_id, conversation_id, phone) -> dict:
        self.phone_changes.append((ticket_id, conversation_id, phone))
        return {"id": ticket_id, "contact_phone": phone, "station_name": "广州市总工会职工服务中心"}

    async def ticket_status(self, ticket_id, phone, conversation_id=None) -> dict:
        self.lookups.append((ticket_id, phone))
        return {"id": ticket_id, "status": "assigned", "verified": False, "sla_due": None}

    async def request(self, *args, **kwargs) -> dict:
        return {"stations": []}


@pytest.fixture
def backend(monkeypatch):
    def install(policies: list[dict]) -> Policies:
        fake = Policies(policies)
        for module in (services, tickets):
            monkeypatch.setattr(module, "client", lambda: fake)
        return fake
    return install


async def test_a_sign_up_asked_after_the_mutual_cover_is_offered_a_ticket(backend):
    """扫马路的 能帮我登记一下不 after the mutual-insurance answer (F06): the registration is
    offered, with the job, not 没明白."""
    backend([MUTUAL])
    tracker = _tracker("扫马路的 能帮我登记一下不", "nlu_fallback",
                       before=_bot("职工互助保障：职工互助保障是工会组织的互助互济保障"))
    dispatcher = CollectingDispatcher()
    events = slot_values(await ActionFallbackStep().run(dispatcher, tracker, DOMAIN))
    assert events["pending_case"]["type"] == "mutual_insurance"
    assert events["pending_case"]["facts"]["occupation"] == "sanitation"
    assert "没太明白" not in _texts(dispatcher)


async def test_how_to_sign_up_for_training_gets_the_way_and_a_sign_up_not_the_text_again(backend):
    """怎么报名 after the course answer (F11, H07): how to sign up and the offer to sign up."""
    backend([SKILLS])
    tracker = _tracker("怎么报名", "skills_training", before=_bot(
        "职工书院与技能培训：工会职工书院提供技能培训、考证辅导、学历提升和文化课程，线上线下结合"))
    dispatcher = CollectingDispatcher()
    events = slot_values(await ActionStartService().run(dispatcher, tracker, DOMAIN))
    said = _texts(dispatcher)
    assert "报名方法" in said and "12351" in said
    assert "职工书院与技能培训：" not in said  # not the same paragraph again
    assert events["pending_case"]["facts"]["service"] == "技能培训报名"


async def test_sign_me_up_read_on_the_open_offer_is_a_yes() -> None:
    assert asks_to_be_signed_up("扫马路的 能帮我登记一下不")
    assert asks_to_be_signed_up("那你帮我报个名")
    assert not asks_to_be_signed_up("先不用帮我登记")
    tracker = form_tracker("ticket_offer_form", "wants_ticket", "能帮我登记一下不",
                           intent="nlu_fallback", slots={"pending_case": {"type": "other"}})
    extracted = await ValidateTicketOfferForm().extract_wants_ticket(
        CollectingDispatcher(), tracker, DOMAIN)
    assert extracted == {"wants_ticket": True}


@pytest.mark.parametrize("text,named", [
    ("我在辛安街道上班 孩子上幼儿园 放学后没人看 你们那个托管能报名吗", ["childcare_service"]),
    ("孩子上不了学 放学后也没人看 托管有吗", ["school_placement", "childcare_service"]),
    ("互助保险能赔多少 另外想学个技术", ["mutual_insurance", "skills_training"]),
])
def test_childcare_with_a_school_word_is_childcare_unless_the_school_is_the_problem(text, named):
    """H06: a child at kindergarten who needs looking after is a childcare sign-up, not the
    school-place form; a school problem said as well stays a second topic."""
    assert services_named(text) == named


async def test_a_phone_corrected_after_filing_changes_the_ticket(backend):
    """不对 电话说错了 是139… right after filing (B06, F16): the ticket's phone is changed for
    this conversation and said back masked, not the service menu."""
    fake = backend([])
    filed = _bot("已为您登记律师咨询（法律援助）工单，工单号 GH202612060003，由广州市总工会职工服务中心负责")
    tracker = _tracker("不对 电话说错了 是13912345679", "inform", slots={"phone": "13812345678"},
                       before=[{"event": "slot", "name": "phone", "value": "13812345678"}, *filed],
                       set_now={"phone": "13912345679"})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert fake.phone_changes == [("GH202612060003", "worker-1", "13912345679")]
    assert "已更正" in _texts(dispatcher) and "139****5679" in _texts(dispatcher)
    assert "请问您想办理什么事情" not in _texts(dispatcher)


async def test_the_same_phone_again_after_filing_changes_nothing(backend):
    fake = backend([])
    filed = _bot("已为您登记回电工单，工单号 GH202612060004，由青岛市总工会职工服务中心负责")
    tracker = _tracker("我电话是13812345678", "inform", slots={"phone": "13812345678"},
                       before=[{"event": "slot", "name": "phone", "value": "13812345678"}, *filed],
                       set_now={"phone": "13812345678"})
    await ActionStartService().run(CollectingDispatcher(), tracker, DOMAIN)
    assert fake.phone_changes == []


async def test_a_lookup_retried_with_the_corrected_phone_finds_the_ticket(backend):
    """手机号说错了 是138… right after 没有找到 (H09): looked up again with the ticket id
    given before and the new phone."""
    fake = backend([])
    before = [{"event": "slot", "name": "ticket_id", "value": "GH202612060001"},
              {"event": "slot", "name": "phone", "value": "13812345670"},
              *_bot("没有找到和这个工单号、手机号都对得上的工单。请核对工单号"),
              {"event": "slot", "name": "ticket_id", "value": None}]
    tracker = _tracker("手机号说错了 是13812345678", "inform", slots={"phone": "13812345670"},
                       before=before, set_now={"phone": "13812345678"})
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert fake.lookups == [("GH202612060001", "13812345678")]
    assert "工单 GH202612060001 目前" in _texts(dispatcher)


async def test_a_ticket_with_no_place_known_asks_the_place_before_the_phone() -> None:
    """A30: a worker in 广州 who never named a place got a ticket at the 青岛 station; the
    place is asked after the yes. A place known, or 不想说, asks nothing more."""
    form = ValidateTicketOfferForm()
    asked = await form.required_slots(["wants_ticket", "phone"], CollectingDispatcher(),
                                      _tracker("要", "affirm", {"wants_ticket": True}), DOMAIN)
    assert asked == ["wants_ticket", "district", "phone"]
    known = await form.required_slots(["wants_ticket", "phone"], CollectingDispatcher(),
                                      _tracker("要", "affirm", {"wants_ticket": True,
                                                               "city": "广州市"}), DOMAIN)
    assert known == ["wants_ticket", "phone"]
    wont = form_tracker("ticket_offer_form", "district", "不想说", intent="cancel",
                        slots={"wants_ticket": True})
    assert not form._leaving(wont)  # not read as cancelling the ticket
    assert await form.extract_district(CollectingDispatcher(), wont, DOMAIN) == {"district": "不清楚"}
    assert tickets.case_place(Tracker("w", {"district": "不清楚"}, {}, [], False, None, {},
                                      "action_listen")) == (None, None)


def test_cantonese_is_read_as_mandarin_of_the_same_length() -> None:
    """G03: 老細冇出糧 / 我嘅人工係五千 reach the model as 老板欠工资 / 我的工资是五千;
    转人工 stays a request for a person; Mandarin is untouched."""
    said = "老細冇出糧三個月 我嘅人工係五千 點算"
    assert normalize_text(said) == "老板欠工资三个月 我的工资是五千 咋办"
    assert len(normalize_text(said)) == len(said)
    assert normalize_text("唔該幫我轉人工") == "不该帮我转人工"
    assert normalize_text("我想申请仲裁 关系很好") == "我想申请仲裁 关系很好"


def test_this_years_spring_festival_said_in_december_is_the_one_past() -> None:
    """今年春节初一到初三我都在上班 on 2026-12-05: 17–19 Feb 2026 (was 2027's festival); said
    about the future (要加班) it is the coming one."""
    today = date(2026, 12, 5)
    assert read_worked_days("今年春节初一到初三我都在上班", today).dates == [
        date(2026, 2, 17), date(2026, 2, 18), date(2026, 2, 19)]
    assert read_worked_days("今年春节初一要加班", today).dates == [date(2027, 2, 6)]
    assert read_worked_days("去年过年初二上班", today).dates == [date(2025, 1, 30)]


async def test_a_place_told_on_the_offer_is_where_the_ticket_goes_and_not_asked_again() -> None:
    """即墨 on the legal-aid offer: Rasa keeps only the form's own slots, so the place lives in
    the parked case; the place question is not asked and the ticket goes there."""
    case = {"type": "legal_aid", "facts": {"question": "公司不给交社保", "district": "即墨区",
                                           "city": "青岛市"}}
    tracker = _tracker("要", "affirm", {"wants_ticket": True, "pending_case": case})
    asked = await ValidateTicketOfferForm().required_slots(
        ["wants_ticket", "phone"], CollectingDispatcher(), tracker, DOMAIN)
    assert asked == ["wants_ticket", "phone"]
    assert tickets.case_payload(tracker, "legal_aid", case["facts"])["district"] == "即墨区"


async def test_a_sign_up_asked_after_an_answer_beats_the_intent_and_the_facts(backend):
    """J-08: 那你帮我登记一下理赔 让他们联系我 after the mutual cover was read as a ticket
    lookup (请告诉我工单号); J-03: 孩子7岁 二年级 能报吗 咋报 after the childcare answer went
    to the school form. Both are the sign-up for the service just answered."""
    backend([MUTUAL])
    tracker = _tracker("那你帮我登记一下理赔 让他们联系我", "ticket_status",
                       before=_bot("职工互助保障：职工互助保障是工会组织的互助互济保障"))
    events = slot_values(await ActionStartService().run(CollectingDispatcher(), tracker, DOMAIN))
    assert events["pending_case"]["type"] == "mutual_insurance"
    backend([{"title": "职工子女爱心托管", "summary": "工会在社区网格工作站设“职工子女爱心托管驿站”",
              "details": {}, "source": "《工人日报》"}])
    tracker = _tracker("我们住辛安沂河路社区边上 孩子7岁 二年级 能报吗 咋报", "school_placement",
                       before=_bot("职工子女爱心托管：工会在社区网格工作站设“职工子女爱心托管驿站”"),
                       set_now={"child_grade": "小学二年级"})
    events = await ActionStartService().run(CollectingDispatcher(), tracker, DOMAIN)
    assert not any(e.get("event") == "active_loop" and e.get("name") == "school_form" for e in events)


async def test_urgent_business_after_a_closed_station_gets_who_answers_now():
    """P-14: 那我现在有急事找谁 after 崂又泊's card (现在不在服务时间) got 没明白."""
    tracker = _tracker("那我现在有急事找谁", "nlu_fallback",
                       before=_bot("服务时间：周一 08:30-19:30（现在不在服务时间）"))
    dispatcher = CollectingDispatcher()
    await ActionFallbackStep().run(dispatcher, tracker, DOMAIN)
    said = _texts(dispatcher)
    assert "12351" in said and "110" in said and "没太明白" not in said


async def test_someone_to_talk_to_is_not_the_relief_form(monkeypatch):
    """P-18: 家里老人又病了 能找个人聊聊吗 went to the relief form, twice."""
    class Closed:
        async def open_handoff(self, *args) -> dict:
            return {"station_name": "辛安街道工会网格化工作总站", "station_open_now": False,
                    "station_phone": "0532-12351", "position": 1}
    monkeypatch.setattr(handoff, "client", Closed)
    dispatcher = CollectingDispatcher()
    tracker = _tracker("最近压力大 家里老人又病了 能找个人聊聊吗", "relief_eligibility")
    events = await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert "12356" in _texts(dispatcher)
    assert not any(e.get("event") == "active_loop" and e.get("name") == "relief_form" for e in events)


async def test_a_place_the_backend_does_not_know_never_stops_the_case_being_filed(monkeypatch):
    """Q-20: 胶南 (404 unknown_region) for the wage advice before filing: the confirmed case was
    not filed (系统暂时没能受理). The advice falls back to the national one; the case is filed."""
    class UnknownPlace:
        async def policies(self, service, city=None, district=None) -> dict:
            if city or district:
                raise BackendError(404, "unknown_region", "暂时没有“胶南”的服务信息")
            return {"policies": [{"title": "欠薪", "summary": "先保留证据", "details": {},
                                  "source": "劳动法"}]}
    filed: list[str] = []

    async def file_case(dispatcher, tracker, ticket_type, facts, urgent=False):
        filed.append(ticket_type)
        dispatcher.utter_message(text="已为您登记欠薪工单，工单号 GH202612060099")
    monkeypatch.setattr(wages, "client", UnknownPlace)
    monkeypatch.setattr(wages, "file_case", file_case)
    tracker = _tracker("/affirm", "affirm", {"district": "胶南", "amount": 9000})
    dispatcher = CollectingDispatcher()
    await wages.ActionSubmitWageArrears().run(dispatcher, tracker, DOMAIN)
    assert filed == ["wage_arrears"] and "没能受理" not in _texts(dispatcher)


async def test_wanting_someone_to_talk_to_inside_the_relief_form_leaves_it(monkeypatch):
    """R-15: 我不是要救助 我是想找心理老师聊聊 in the relief form got the form's opening again."""
    tracker = form_tracker("relief_form", "phone", "我不是要救助 我是想找心理老师聊聊")
    events = await ValidateReliefForm().run(CollectingDispatcher(), tracker, DOMAIN)
    assert {"event": "followup", "name": "action_psych_support"} in [
        {k: e[k] for k in ("event", "name") if k in e} for e in events]
