"""Round 39 (YM-, YN-): what a ticket holds and the facts read for it — the employer said as
where the worker works, a name called 海韵物业, the words of a question or a 老板 said twice taken
as the employer, 八千一直, and the follow-ups after filing (a new phone, the phone already given,
the co-workers)."""

from __future__ import annotations

from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN

from actions import validators as v

SCHOOL_OPENING = ("你好 我在澳柯玛干了四年了 住辛安街道这边 孩子在河南老家上三年级 这学期想转过来 "
                  "去沂河路那边那个小学问了说没有学位 因为俺们没有本地户口 房子也是租的 居住证办了大概一年多 "
                  "工会能不能帮着协调一下")


def _entity(text: str, entity: str, value: str) -> dict:
    start = text.index(value)
    return {"entity": entity, "value": value, "start": start, "end": start + len(value)}


def texts(dispatcher: CollectingDispatcher) -> str:
    return "\n".join(m.get("text") or "" for m in dispatcher.messages)


def test_the_employer_the_worker_says_they_work_at_is_read():
    """YN-01: 我在澳柯玛干了四年了 — the school ticket left the employer out (no 公司 or 厂 said)."""
    entities = [_entity(SCHOOL_OPENING, "employer", "澳柯玛"), _entity(SCHOOL_OPENING, "district", "辛安街道"),
                _entity(SCHOOL_OPENING, "district", "沂河路")]
    facts = v.read_facts(SCHOOL_OPENING, entities, v.Context(intent="school_placement"))
    assert facts.get("employer") == "澳柯玛", facts
    # a place said where the worker works is no employer
    assert "employer" not in v.read_facts("我在黄岛干了三年", [{"entity": "employer", "value": "黄岛", "start": 1,
                                                              "end": 3}], v.Context(intent="school_placement"))


async def test_the_schools_street_is_not_the_place_of_the_case(monkeypatch):
    """YN-01: 住辛安街道这边 … 去沂河路那边那个小学问了 — 地点 became 沂河路, the school's street."""
    from test_answers_first import SeedBackend

    from actions import forms, school

    stub = SeedBackend()
    monkeypatch.setattr(school, "client", lambda: stub)
    monkeypatch.setattr(forms, "client", lambda: stub, raising=False)
    message = parse(SCHOOL_OPENING, "school_placement", [_entity(SCHOOL_OPENING, "district", "辛安街道"),
                                                          _entity(SCHOOL_OPENING, "district", "沂河路")])
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": SCHOOL_OPENING, "parse_data": message},
              {"event": "slot", "name": "district", "value": "沂河路"},
              {"event": "slot", "name": "city", "value": "青岛市"},
              {"event": "action", "name": "action_start_service"},
              {"event": "active_loop", "name": "school_form"}]
    tracker = Tracker("worker-39", {"district": "沂河路", "city": "青岛市", "requested_slot": None}, message,
                      events, False, None, {"name": "school_form"}, "action_listen")
    found = await forms.ValidateSchoolForm().run(CollectingDispatcher(), tracker, DOMAIN)
    assert slot_values(found).get("district") == "辛安街道", found


async def test_the_school_summary_holds_the_employer_the_renting_and_the_permit():
    """YN-01: 在澳柯玛干了四年了 … 房子也是租的 居住证办了大概一年多 — none of it on the ticket."""
    from actions.tickets import ActionAskWantsTicket

    case = {"type": "school_placement", "facts": {"child_grade": "小学三年级", "hukou_status": "外地户口，有居住证"}}
    message = parse(SCHOOL_OPENING, "school_placement")
    tracker = Tracker("worker-39", {"pending_case": case, "employer": "澳柯玛", "district": "辛安街道",
                                    "city": "青岛市"}, message,
                      [{"event": "user", "text": SCHOOL_OPENING, "parse_data": message}], False, None, {},
                      "action_listen")
    dispatcher = CollectingDispatcher()
    await ActionAskWantsTicket().run(dispatcher, tracker, DOMAIN)
    summary = texts(dispatcher)
    for fact in ("单位：澳柯玛", "租房", "居住证办了大概一年多", "4年", "地点：辛安街道"):
        assert fact in summary, summary


def test_asked_whether_the_employer_is_on_the_ticket_the_answer_says_so():
    """YN-01: 工单上都写了啥 俺单位写上了没 got the lines again, no word of the employer."""
    from actions.tickets import filed_content

    def asked(summary: str) -> str:
        text = "工单上都写了啥 俺单位写上了没"
        message = parse(text, "ticket_status")
        events = [{"event": "bot", "text": "要不要我帮您登记一张子女入学协调工单？\n要登记的内容：\n" + summary},
                  {"event": "bot", "text": "已为您登记子女入学协调工单，工单号 GH202612070002，由辛安负责。"},
                  {"event": "user", "text": text, "parse_data": message}]
        tracker = Tracker("worker-39", {}, message, events, False, None, {}, "action_listen")
        return filed_content(tracker, "GH202612070002") or ""

    assert "单位还没写上" in asked("· 年级：小学三年级\n· 地点：沂河路")
    assert "单位写上了：澳柯玛" in asked("· 年级：小学三年级\n· 单位：澳柯玛\n· 地点：辛安街道")


def test_a_name_called_and_a_name_written_are_the_employer_whole():
    """YM-12: 物业公司 全名不知道 都叫它海韵物业 filed 物业公司; 单位写海韵物业 was stored as
    单位写海韵物业."""
    told = "物业公司 全名不知道 都叫它海韵物业"
    facts = v.read_facts(told, [_entity(told, "employer", "物业公司"), _entity(told, "employer", "海韵物业")],
                         v.Context(asked="employer", form="wage_arrears_form", intent="inform"))
    assert facts.get("employer") == "海韵物业"
    assert v.employer_answer(told).value == "海韵物业"
    fixed = "单位写海韵物业"
    facts = v.read_facts(fixed, [_entity(fixed, "employer", fixed)],
                         v.Context(asked="case_confirmed", form="wage_arrears_form", intent="inform",
                                   known=frozenset({"employer"})))
    assert facts.get("employer") == "海韵物业"
    assert v.employer_answer(fixed).value == "海韵物业"
    assert v.employer_answer("公司叫海纳建筑").value == "海纳建筑"


def test_a_question_or_a_boss_said_twice_is_no_employer():
    """YN-03: 那个小程序叫啥 在哪报名 filed 单位 在哪报名; YN-07: 俺问老板 老板说签啥合同 filed
    单位 老板 老板."""
    assert "employer" not in v.read_facts("那个小程序叫啥 在哪报名", [], v.Context(intent="nlu_fallback"))
    said = "俺在黄岛一个饭店后厨帮工 干了五个多月了 一直木有签合同 俺问老板 老板说签啥合同 信不过俺？ 这咋整啊"
    assert "employer" not in v.read_facts(said, [], v.Context(intent="legal_aid"))
    assert v.described_employer("包工头老张跑了") == "包工头老张"  # a boss by his surname still is one
    assert v.read_facts("一个做塑料件的小厂 叫啥鑫达", [], v.Context(intent="wage_arrears"))["employer"] == "鑫达"


def test_a_number_word_before_yizhi_is_not_its_digit():
    """YM-07: 最后两个月工资八千一直没给 filed 8,100 元."""
    said = "我从胶州那个厂出来一年多了 大概十四个月吧 最后两个月工资八千一直没给 现在还能要吗"
    assert v.read_facts(said, [], v.Context(intent="wage_arrears"))["amount"] == 8000
    assert v.amount("八千一直没给").value == 8000
    assert v.amount("三千一一共").value == 3100 and v.amount("八千一").value == 8100


async def test_a_new_phone_for_a_ticket_looked_up_goes_on_a_related_ticket(monkeypatch):
    """YN-13: 不用 俺换手机号了 新号是177… 给工单上加上, right after the status and 您刚才还提到了
    “孩子上学”, started a new school form."""
    from actions import tickets

    filed: list[dict] = []

    async def submit(client, outbox, payload, key):
        filed.append(payload)
        return {"id": "GH202612070019", "station_name": "辛安街道工会网格化工作总站", "station_phone": "0532-12351",
                "sla_due": "2026-12-09T00:00:00"}

    monkeypatch.setattr(tickets, "submit_ticket", submit)
    text = "不用 俺换手机号了 新号是17753218860 以后打这个 还有孩子学籍号老家学校给俺了 给工单上加上"
    message = parse(text, "school_placement")
    events = [{"event": "user", "text": "俺前两天给孩子上学的事登记了 单号是gh 2026 1207 0002 到哪一步了"},
              {"event": "user", "text": "13863920417"},
              {"event": "slot", "name": "phone", "value": "13863920417"},
              {"event": "bot", "text": "工单 GH202612070002 目前已分派到网格工作站。"},
              {"event": "bot", "text": "您刚才还提到了“孩子上学”，现在帮您看看吗？"},
              {"event": "user", "text": text, "parse_data": message},
              {"event": "slot", "name": "phone", "value": "17753218860"}]
    tracker = Tracker("worker-39", {"phone": "17753218860"}, message, events, False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, tracker) is not None
    assert filed and filed[0]["facts"]["related_ticket"] == "GH202612070002"
    assert filed[0]["contact_phone"] == "17753218860" and "学籍号" in filed[0]["facts"]["question"]
    assert "177****8860" in texts(dispatcher)


def _filed_wage_case(text: str, crisis: bool = False) -> Tracker:
    summary = ("请核对一下要登记的欠薪情况：\n· 单位：美家装饰\n· 金额：24,000 元\n· 人数：7 人\n"
               "· 手机号：17853216608\n没问题请点“确认”，要改就点“修改”或直接说。")
    message = parse(text, "ticket_status")
    crisis_reply = {"event": "bot", "text": "您的安全最重要。请马上拨打心理援助热线 400-161-9995 或 12356。"}
    filing = ("已为您登记欠薪工单，工单号 GH202612070016，由辛安街道工会网格化工作总站负责（电话 0532-12351）。"
              "工作人员会在 12月9日（周三）前给您打电话，请保持手机畅通。")
    events = [*([crisis_reply] if crisis else []),
              {"event": "bot", "text": summary}, {"event": "user", "text": "确认"},
              {"event": "bot", "text": filing},
              {"event": "user", "text": text, "parse_data": message}]
    return Tracker("worker-39", {"phone": "17853216608"}, message, events, False, None, {}, "action_listen")


async def test_the_phone_given_already_is_said_back_and_the_time_to_call_noted(monkeypatch):
    """YM-14: 手机号刚才给了啊 晚上打都行 after the ticket was filed with it got the crisis lines
    alone, no word that the callback goes to that number."""
    from actions import tickets

    notes: list[str] = []

    class Backend:
        async def add_ticket_note(self, ticket_id, conversation, note):
            notes.append(note)
            return {"sla_due": "2026-12-09T00:00:00"}

    monkeypatch.setattr(tickets, "client", lambda: Backend())
    dispatcher = CollectingDispatcher()
    assert await tickets.note_on_ticket(dispatcher, _filed_wage_case("手机号刚才给了啊 晚上打都行", crisis=True)) == []
    said = texts(dispatcher)
    assert "178****6608" in said and "GH202612070016" in said and "晚上打都行" in said, said
    assert "12356" in said and "留个手机号" not in said
    assert notes == ["方便接电话的时间：晚上打都行"]


async def test_whether_the_coworkers_must_register_too_is_answered(monkeypatch):
    """YM-01: 那我那六个工友还要一个个来登记吗 / 工友要不要自己也来登记 after the ticket got the
    timing answer, then a legal-aid ticket offered."""
    from actions import tickets

    class NoNotes:
        async def add_ticket_note(self, *args):
            raise AssertionError("a question is no note")

    monkeypatch.setattr(tickets, "client", lambda: NoNotes())
    for text in ("那我那六个工友还要一个个来登记吗", "我是问 工友要不要自己也来登记"):
        dispatcher = CollectingDispatcher()
        assert await tickets.note_on_ticket(dispatcher, _filed_wage_case(text)) == [], text
        said = texts(dispatcher)
        assert "不用" in said and "7 人" in said and "GH202612070016" in said and "12351" in said, said
        assert "辛安街道工会网格化工作总站" in said
    # 对了我还有两个工友也一样没签 一共三个人 (ZF-14) is still a note, and so is 帮他们也登记上
    assert not tickets._OTHERS_SIGN_UP.search("对了我还有两个工友也一样没签 一共三个人")
    notes: list[str] = []

    class Notes:
        async def add_ticket_note(self, ticket_id, conversation, note):
            notes.append(note)
            return {"sla_due": "2026-12-09T00:00:00"}

    class NoFacts:
        async def facts(self, *args, **kwargs):
            return {"facts": []}

    monkeypatch.setattr(tickets, "client", lambda: Notes())
    monkeypatch.setattr("actions.facts.client", lambda: NoFacts())
    await tickets.note_on_ticket(CollectingDispatcher(), _filed_wage_case("还有两个工友也被欠了 帮他们也登记上"))
    assert notes == ["还有两个工友也被欠了 帮他们也登记上"]
