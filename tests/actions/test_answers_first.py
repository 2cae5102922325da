"""Questions get answers first (tester B's transcripts B02–B38): the region's holiday measures
before any question, the 随迁子女 rule before the school form's questions, unknown hardship
status kept unknown, and a person offered where no programme applies. Real rasa_sdk trackers;
the backend is a stub answering from the seed records (bot/seed/*.yml) with the backend's own
eligibility and fact-selection code, so every figure checked is one on record."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import form_tracker, parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import facts as fact_module
from actions import validators as v
from actions.backend_client import BackendError
from actions.forms import (
    UNVERIFIED,
    ValidateHolidaySubsidyForm,
    ValidateSchoolForm,
    ValidateTicketOfferForm,
    unverified_text,
)
from actions.relief import ActionReliefEligibility
from actions.services import ActionChildcare, ActionMutualInsurance
from bot.backend.eligibility import evaluate_rule
from bot.backend.facts import facts_from_policies, select_facts
from bot.backend.regions import Region, RegionIndex
from bot.settings import ROOT

SEED = ROOT / "bot" / "seed"
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
HOLIDAY_SLOTS = ["city", "holiday_situation", "occupation"]


def _load(name: str) -> dict:
    return yaml.safe_load((SEED / name).read_text(encoding="utf-8"))


def _places() -> dict[str, list[str]]:
    """Every place name and alias → its path of names (province first)."""
    paths: dict[str, list[str]] = {}

    def walk(node: dict, path: list[str], children: tuple[str, ...]) -> None:
        here = [*path, node["name"]]
        for name in (node["name"], *(node.get("aliases") or ())):
            paths.setdefault(name, here)
        for key in children:
            for child in node.get(key) or []:
                child = child if isinstance(child, dict) else {"name": child}
                walk(child, here, ("cities", "districts", "streets", "communities"))

    for province in _load("places.yml")["provinces"]:
        walk(province, [], ("cities",))
    return paths


class SeedBackend:
    """The backend's answers, from the seed files (no server, no database)."""

    def __init__(self) -> None:
        self.places = _places()
        self.policies_ = _load("policies.yml")["policies"]
        self.rules = _load("rules.yml")["rules"]
        self.stations = _load("stations.yml")["stations"]

    def path(self, city: str | None, district: str | None) -> list[str] | None:
        for name in (district, city):
            if name and name in self.places:
                return self.places[name]
        return None

    @staticmethod
    def _applies(region: list[str] | None, path: list[str] | None) -> bool:
        return region is None or (path is not None and path[:len(region)] == region)

    async def policies(self, service, city=None, district=None):
        path = self.path(city, district)
        if (city or district) and path is None:
            raise BackendError(404, "unknown_region", "暂时没有这个地方的服务信息")
        rows = [{**p, "region_id": 1 if p.get("region") else None} for p in self.policies_
                if p["service"] == service and (self._applies(p.get("region"), path)
                                                if path else not p.get("region"))]
        rows.sort(key=lambda p: p["region_id"] is None)
        return {"region_known": path is not None, "policies": rows}

    async def eligibility(self, facts):
        path = self.path(facts.get("city"), facts.get("district"))
        if path is None:
            return {"region_known": False, "programmes": [], "reason": "暂时没有该地区的数据"}
        results = [evaluate_rule({"ticket_type": None, **r}, facts) for r in self.rules
                   if self._applies(r["region"], path)]
        return {"region_known": True, "programmes": results,
                "reason": None if results else "当地暂无登记的专项帮扶项目，可拨打 12351 咨询。"}

    async def resolve(self, city, district):
        path = self.path(city, district)
        if path is None:
            raise BackendError(404, "unknown_region", "暂时没有这个地方的服务信息")
        kinds = ("province", "city", "district", "street", "community")
        station = next((s for s in self.stations if s["region"] == path[:len(s["region"])]
                        and len(s["region"]) == len(path)), None)
        return {"path": dict(zip(kinds, path)), "kind": kinds[len(path) - 1], "station": station}

    async def request(self, method, url, params=None):
        path = self.path((params or {}).get("city"), (params or {}).get("district"))
        return {"stations": [s for s in self.stations if path and (
            s["region"][:len(path)] == path or path[:len(s["region"])] == s["region"])]}

    async def facts(self, question, city=None, district=None, employer=None):
        rows = [{"key": p["key"], "service": p["service"], "title": p["title"],
                 "summary": p["summary"], "details": p.get("details"), "source": p["source"],
                 "region_id": None, "effective_from": None, "effective_to": None}
                for p in self.policies_]
        found = select_facts(facts_from_policies(rows), question, None, None, employer)
        return {"facts": [f.as_dict() for f in found]}


@pytest.fixture
def backend(monkeypatch) -> SeedBackend:
    stub = SeedBackend()
    for module in ("actions.subsidies", "actions.school", "actions.relief", "actions.services",
                   "actions.facts", "actions.hotline_form", "actions.forms"):
        monkeypatch.setattr(f"{module}.client", lambda: stub, raising=False)
    return stub


def _texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


def _opening(form: str, text: str, slots: dict, intent: str = "inform") -> Tracker:
    """The form's first run, right after the entry action opened it for this message."""
    message = parse(text, intent)
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "action", "name": "action_start_service"},
              {"event": "active_loop", "name": form},
              {"event": "action", "name": form}]
    return Tracker("worker-1", {"requested_slot": None, **slots}, message, events, False, None,
                   {"name": form}, "action_listen")


def _action_tracker(text: str, slots: dict, intent: str = "inform") -> Tracker:
    message = parse(text, intent)
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-1", slots, message, events, False, None, {}, "action_listen")


# --- 1. holiday measures first -----------------------------------------------------------

async def _holiday_opening(text: str, slots: dict) -> tuple[str, list[str]]:
    """The holiday form's first run for a worker staying: what it said, what it will ask."""
    dispatcher = CollectingDispatcher()
    tracker = _opening("holiday_subsidy_form", text, {"holiday_situation": "stay", **slots})
    form = ValidateHolidaySubsidyForm()
    await form.run(dispatcher, tracker, DOMAIN)
    return _texts(dispatcher), await form.required_slots(HOLIDAY_SLOTS, dispatcher, tracker, DOMAIN)


async def test_guangdong_measures_come_first_without_asking_the_job(backend):
    """B17: 在广东过年不回去 工会有啥福利 → 2600万 / 18万份 in the first reply, no job asked."""
    said, asked = await _holiday_opening("在广东过年不回去 工会有啥福利", {"city": "广东"})
    assert "2600万" in said and "18万" in said
    assert "occupation" not in asked  # no 您做什么工作


async def test_longxiang_red_envelope_first_and_guangxi_measures_first(backend):
    """B18 / B19: the agreement's 500元 red envelope; 广西's four measures."""
    for city, slots, figure in (("福鼎", {"employer": "隆祥皮革有限公司"}, "500元红包"),
                                ("广西", {}, "四项措施")):
        said, asked = await _holiday_opening(f"留在{city}过年有什么补助吗", {"city": city, **slots})
        assert figure in said
        assert "occupation" not in asked


async def test_shanghai_measures_are_said_before_the_job_is_asked(backend):
    """B37: the job matters in 上海 (建设者), but the 2万 cover comes first."""
    said, asked = await _holiday_opening("过年留在上海有补贴吗", {"city": "上海"})
    assert "最高保障金2万元" in said
    assert "occupation" in asked


def test_a_case_named_by_its_province_goes_to_a_station_of_that_province():
    """B17: a 广东 ticket was routed to 青岛 (the fallback): the province's city station."""
    rows = [Region(1, "province", "广东省", None, ("广东",)),
            Region(2, "city", "深圳市", 1, ("深圳",)),
            Region(3, "province", "山东省", None, ()), Region(4, "city", "青岛市", 3, ())]
    index = RegionIndex(rows, {2: 20, 4: 40}, {2: 20, 4: 40})
    assert index.station_for(index.resolve("广东", None)) == 20


def test_a_grade_or_a_red_envelope_question_is_no_spring_festival_pay_question():
    """B02 (女儿上初二 … 上班 … 吗) and B18 (上班 过年不回家有红包吗) got the 300% paragraph."""
    rows = [{"key": p["key"], "service": p["service"], "title": p["title"],
             "summary": p["summary"], "details": p.get("details"), "source": p["source"],
             "region_id": None} for p in _load("policies.yml")["policies"]]
    facts = facts_from_policies(rows)
    for text in ("我在上海一家电子厂上班，女儿今年上初二，想转学过来，能帮帮忙吗？",
                 "我在福鼎隆祥皮革上班 过年不回家有红包吗"):
        assert "overtime_spring_festival" not in [f.topic for f in select_facts(
            facts, text, None, None)]
    asked = select_facts(facts, "大年初一上班给几倍工资", None, None)
    assert [f.topic for f in asked] == ["overtime_spring_festival"]


# --- 2. school --------------------------------------------------------------------------

async def test_a_school_question_gets_the_rule_before_the_place_is_asked(backend):
    """B04: 孩子没有本地户口能在这边上小学吗 → 居住证 … in the first reply."""
    dispatcher = CollectingDispatcher()
    tracker = _opening("school_form", "孩子没有本地户口能在这边上小学吗",
                       {"hukou_status": "外地户口", "child_grade": "小学一年级"})
    await ValidateSchoolForm().run(dispatcher, tracker, DOMAIN)
    assert "居住证" in _texts(dispatcher)


async def test_west_coast_is_huangdao_in_qingdao(backend):
    """B08: 俺在青岛西海岸… — the place is told, not asked again."""
    dispatcher = CollectingDispatcher()
    tracker = _opening("school_form", "俺在青岛西海岸澳柯玛厂里打工 俺家娃上学没地方收 咋整啊", {})
    events = slot_values(await ValidateSchoolForm().run(dispatcher, tracker, DOMAIN))
    assert events.get("district") == "黄岛区" and events.get("city") == "青岛市"
    assert events.get("requested_slot") != "district"


@pytest.mark.parametrize("text, label", [("俺家娃上学没地方收", "没有学位"),
                                         ("就是没学校收啊", "没有学位"),
                                         ("学校那边一直推", "被学校拒收")])
def test_problem_words_are_the_school_problem(text, label):
    """B07 / B08: the problem said in the opening, not 其他 and asked again."""
    facts = v.read_facts(f"孩子上学的问题 {text}", [], v.Context(form="school_form"))
    assert str(facts["school_problem"]).startswith(label)


def test_an_other_problem_is_not_wrapped_twice():
    """B04 / B08 summaries read 其他（其他(…)）."""
    for told in ("其他（还没去报名呢）", "其他(还没去报名呢)"):
        assert str(v.school_problem(told).value).count("其他") == 1


async def test_yes_with_a_phone_on_the_offer_registers():
    """B07: 行 登记吧 电话15963214785 on the summary files it, no summary again."""
    tracker = form_tracker("ticket_offer_form", "wants_ticket", "行 登记吧 电话15963214785",
                           slots={"pending_case": {"type": "school_placement", "facts": {}}})
    found = await ValidateTicketOfferForm().extract_wants_ticket(
        CollectingDispatcher(), tracker, DOMAIN)
    assert found == {"wants_ticket": True, "phone": "15963214785"}


# --- 3. relief status -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["大概三千多吧 建没建档我也不知道", "那我怎么建档啊", "不知道有没有建档"])
def test_not_knowing_or_asking_is_no_hardship_status(text):
    """B09 / B12: these were stored as 困难 and judged 您是在档困难职工."""
    status = v.read_facts(text, [], v.Context(form="relief_form")).get("hardship_status")
    assert status in (None, v.UNKNOWN)


async def test_how_to_register_is_answered_not_judged(backend):
    """B09: 那我怎么建档啊 → how to register (the station), and a person offered."""
    dispatcher = CollectingDispatcher()
    tracker = _action_tracker("那我怎么建档啊", {
        "city": "镇江", "medical_cost": 3000, "phone": "13905280011", "otp_code": "未核验",
        "hardship_status": v.UNKNOWN}, "relief_eligibility")
    events = await ActionReliefEligibility().run(dispatcher, tracker, DOMAIN)
    said = _texts(dispatcher)
    assert "建档" in said and "镇江市总工会职工服务中心" in said
    assert "您是在档困难职工" not in said
    assert {"event": "active_loop", "name": "ticket_offer_form"} in [
        {k: e.get(k) for k in ("event", "name")} for e in events]


async def test_an_unknown_status_is_judged_as_not_on_record(backend):
    """B12: the status is what the message says (read as the slot mappings read it)."""
    text = "大概三千多吧 建没建档我也不知道"
    told = v.read_facts(text, [], v.Context(form="relief_form")).get("hardship_status")
    dispatcher = CollectingDispatcher()
    tracker = _action_tracker(text, {"city": "镇江", "medical_cost": 3000,
                                     "hardship_status": told})
    await ActionReliefEligibility().run(dispatcher, tracker, DOMAIN)
    assert "您是在档困难职工" not in _texts(dispatcher)


def test_going_on_unverified_does_not_contradict_a_told_status():
    """B10 / B14: 我按还没有在工会建档 … then 您是在档困难职工 in the same turn."""
    told = _action_tracker("没收到", {"hardship_status": "困难"})
    assert "还没有在工会建档" not in unverified_text(told)
    assert unverified_text(_action_tracker("没收到", {})) == UNVERIFIED


# --- 4. relief without a local programme ------------------------------------------------

async def test_no_local_programme_still_offers_a_person_with_the_case(backend):
    """B13: 青岛黄岛区, 8,000 out of pocket → 暂无… and nothing else."""
    dispatcher = CollectingDispatcher()
    tracker = _action_tracker("青岛黄岛区", {"city": "青岛", "district": "黄岛区",
                                          "medical_cost": 8000, "otp_code": "未核验"})
    events = slot_values(await ActionReliefEligibility().run(dispatcher, tracker, DOMAIN))
    assert events["pending_case"]["facts"]["medical_out_of_pocket_yearly"] == 8000


# --- 5. mutual insurance ----------------------------------------------------------------

async def test_asking_to_be_registered_for_mutual_cover_offers_a_ticket(backend):
    """B22: 能帮我登记一下让他们联系我吗 想入这个互助保障 repeated the same text."""
    tracker = _action_tracker("能帮我登记一下让他们联系我吗 想入这个互助保障",
                              {"city": "青岛", "district": "辛安街道"}, "mutual_insurance")
    events = slot_values(await ActionMutualInsurance().run(CollectingDispatcher(), tracker,
                                                           DOMAIN))
    assert events["pending_case"]["type"] == "mutual_insurance"


async def test_a_sanitation_worker_hears_the_cover_names_them(backend):
    """B23: 尿毒症, 镇江, 环卫工 → the gifted cover for 环卫工 and a ticket."""
    dispatcher = CollectingDispatcher()
    tracker = _action_tracker("我得了尿毒症 想申请互助保障的钱 我在镇江 是环卫工",
                              {"city": "镇江"}, "mutual_insurance")
    events = slot_values(await ActionMutualInsurance().run(dispatcher, tracker, DOMAIN))
    assert "您是环卫工" in _texts(dispatcher) and "160,000" in _texts(dispatcher)
    assert events["pending_case"]["type"] == "mutual_insurance"


# --- 6. childcare and courses -----------------------------------------------------------

async def test_childcare_near_xinan_names_the_station_and_offers_sign_up(backend):
    """B28: 辛安 → 沂河路社区工会网格工作站 (its 爱心托管驿站), and a sign-up."""
    dispatcher = CollectingDispatcher()
    tracker = _action_tracker("暑假孩子没人带 有托管班吗 我在黄岛辛安这边上班",
                              {"city": "青岛", "district": "辛安街道"}, "childcare_service")
    events = slot_values(await ActionChildcare().run(dispatcher, tracker, DOMAIN))
    assert "沂河路社区工会网格工作站" in _texts(dispatcher)
    assert events["pending_case"]["facts"]["station"] == "辛安街道沂河路社区工会网格工作站"


async def test_the_academy_courses_are_listed_without_futian_named(backend):
    """B29: 职工书院有哪些课程 → 美术、主持、象棋… from the record."""
    tracker = _action_tracker("职工书院有哪些课程", {}, "skills_training")
    texts = await fact_module.answer_fact(tracker)
    assert texts and "象棋" in texts[0]


# --- 7. two questions in one message -----------------------------------------------------

async def test_both_questions_of_a_message_are_answered(backend):
    """B38: 看病自付了三千五能救助吗 另外重大疾病互助最高多少 → 2000/3000 and 160,000."""
    tracker = _action_tracker("看病自付了三千五能救助吗 另外重大疾病互助最高多少", {},
                              "relief_eligibility")
    said = "\n".join(await fact_module.answer_fact(tracker) or [])
    assert "2000" in said and "160,000" in said


async def test_going_home_after_the_measures_were_said_is_never_a_silent_end(backend):
    """D04: 节后错峰回家 in 南宁 after 广西's measures: no programme applies and the measures
    were said — the action said nothing and the worker got the never-silent apology."""
    from actions.subsidies import ActionHolidaySubsidy, local_measures, measures_text

    measures = await local_measures(_action_tracker("节后错峰回家", {"city": "南宁"}))
    tracker = _action_tracker("节后错峰回家", {"city": "南宁", "holiday_situation": "return"})
    tracker.events.insert(0, {"event": "bot", "text": measures_text(measures)})
    dispatcher = CollectingDispatcher()
    events = await ActionHolidaySubsidy().run(dispatcher, tracker, DOMAIN)
    assert "12351" in _texts(dispatcher) and "上面是当地登记的措施" in _texts(dispatcher)
    assert "没有" not in _texts(dispatcher)  # F02: no "nothing for you" after the measures
    assert any(e.get("event") == "active_loop" and e.get("name") == "ticket_offer_form" for e in events)


async def test_how_to_claim_after_the_figure_gets_the_claim_steps(backend, monkeypatch):
    """D06: 听说工会有个互助保险能赔 怎么申请 → the figure, then how to claim (not only
    要不要我再帮您看看)."""
    from actions.router import ActionStartService

    monkeypatch.setattr("actions.router.asked_facts", backend_facts := _stub_facts(backend))
    tracker = _action_tracker("我老公得了癌症 听说工会有个互助保险能赔 怎么申请", {}, "mutual_insurance")
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    said = _texts(dispatcher)
    assert "怎么理赔" in said and "要不要我再帮您看看" not in said
    assert backend_facts.found > 0  # the figure was answered first (the old path then stopped)


def _stub_facts(backend: SeedBackend):
    async def asked(tracker):
        found = (await backend.facts((tracker.latest_message or {}).get("text") or ""))["facts"]
        asked.found += len(found)
        return found
    asked.found = 0
    return asked


async def test_a_question_about_their_own_case_after_the_figure_takes_the_offer(backend):
    """E20: 仲裁时效是多久 → one year, 要不要我再帮您看看您自己的情况 → 那我离职一年半了还行吗
    got 没明白; it is the legal-aid case (the answer and a ticket for a lawyer to look at it)."""
    from actions.fallback import ActionFallbackStep

    tracker = _action_tracker("那我离职一年半了还行吗", {}, "nlu_fallback")
    tracker.events[:0] = [{"event": "user", "text": "仲裁时效是多久"},
                          {"event": "bot", "text": "要不要我再帮您看看您自己的情况？",
                           "data": {"buttons": [{"title": "看看我的情况", "payload": "/legal_aid"},
                                                {"title": "不用了", "payload": "/deny"}]}}]
    dispatcher = CollectingDispatcher()
    events = slot_values(await ActionFallbackStep().run(dispatcher, tracker, DOMAIN))
    assert "utter_ask_rephrase" not in _texts(dispatcher)
    assert events["pending_case"]["type"] == "legal_aid"


async def test_staying_for_the_holiday_gets_the_measures_not_the_overtime_rule(backend, monkeypatch):
    """G17: 我在上海工地干活今年过年不回老家了听说有保险是真的吗能赔多少 → the Spring Festival
    overtime rule came first, the 2万 cover only after a button."""
    from actions.router import ActionStartService

    async def overtime_rule(tracker):
        return [{"topic": "overtime_spring_festival", "answer": "春节加班300%", "source": "劳动法",
                 "kind": "fact"}]

    monkeypatch.setattr("actions.router.asked_facts", overtime_rule)
    tracker = _action_tracker("我在上海工地干活今年过年不回老家了听说有保险是真的吗能赔多少",
                              {"city": "上海", "holiday_situation": "stay", "occupation": "construction"},
                              "holiday_subsidy")
    dispatcher = CollectingDispatcher()
    await ActionStartService().run(dispatcher, tracker, DOMAIN)
    assert "300%" not in _texts(dispatcher)  # the overtime rule is not the answer


@pytest.mark.parametrize("text,parts", [
    ("上海最低工资多少 留沪过年有啥补贴", ["上海最低工资多少", "留沪过年有啥补贴"]),
    ("互助保障最高赔多少？困难职工自付多少能救助", ["互助保障最高赔多少", "困难职工自付多少能救助"]),
    ("我在上海干活 最低工资多少", []),  # one question: asked whole, once
])
def test_two_questions_split_at_a_space_are_each_asked(text, parts):
    """D18: two questions typed with only a space between them are each looked up (the
    backend answers the best-matching record of a text); the whole text is asked first."""
    assert fact_module.question_parts(text) == ([text, *parts] if parts else [text])
