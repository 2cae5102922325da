"""Round 63, helper w (/work/indep/results-VK.md, results-VL.md): reading facts right in forms and
slot mappings.

VK-6  单位：片跑快递 (在辛安这片跑快递的); 单位写错了 俺是中通的 先不登记 过完年再说 filed whole as the employer,
      and the no ignored.
VK-10 克扣 1,000 for 800 (迟到 4 回 × 200) + 300 (杯子); 单位：客房保洁 (his job).
VK-14 his mother's hospital bill filed as his own 自付医疗费; the code's SMS announced again after 没收到.
VL-2  从河南周口转 left out of the 转学 detail."""

from __future__ import annotations

import pytest
import yaml
from form_trackers import conversation, form_tracker, slot_values
from rasa_sdk.executor import CollectingDispatcher

import actions.router  # noqa: F401  (every action module imported first, as the action server does)
from actions import forms
from actions import validators as v
from actions.forms import ValidateReliefForm, ValidateTicketOfferForm
from actions.relief import worker_part
from actions.slot_checks import named_fact_change
from bot.settings import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
VK6 = "俺在辛安这片跑快递的 今年过年不回老家了 青岛这边留岗过年有没有啥补贴啊 公司说给发200红包 这个200算不算加班费了"
VK10 = ("我在崂山沙子口一个酒店做客房保洁，工资3500。这个月迟到了4回，每回扣200，一共扣了800，"
        "还有打碎了一个杯子又扣了300。这样扣钱合法吗？扣的钱能要回来吗？")


def _employer(text: str, value: str) -> list[dict]:
    at = text.find(value)
    return [{"entity": "employer", "value": value, "start": at, "end": at + len(value)}]


# --- VK-6 / VK-10: the work done is no employer ----------------------------------------------------


@pytest.mark.parametrize("text, value", [(VK6, "片跑快递"), (VK6, "这片跑快递"), (VK10, "客房保洁"),
                                         ("我在小区做保洁 老板欠了两个月工资", "保洁"),
                                         ("我在商场送外卖 工资没发", "送外卖")])
def test_the_work_done_is_no_employer(text, value):
    assert "employer" not in v.read_facts(text, _employer(text, value), v.Context())


@pytest.mark.parametrize("text, value, employer", [("我在中通快递上班 欠了两个月工资", "中通快递", "中通快递"),
                                                   ("在中通跑快递 欠了两个月工资", "中通跑快递", "中通"),
                                                   ("海韵度假酒店欠了我两个月工资", "海韵度假酒店", "海韵度假酒店")])
def test_an_employer_named_beside_the_work_stays(text, value, employer):
    assert v.read_facts(text, _employer(text, value), v.Context()).get("employer") == employer


# --- VK-6: a correction's value is its own clause; the no after it taken ---------------------------


@pytest.mark.parametrize("text", ["单位写错了 俺是中通的 先不登记 过完年再说", "单位写错了 俺是中通的",
                                  "公司写错了，是中通，先不用登记了", "单位搞错了 是中通 先不用了"])
def test_the_employer_corrected_is_the_name_alone(text):
    assert named_fact_change(text) == ("employer", "中通")


OVERTIME = {"type": "overtime_pay", "facts": {"monthly_wage": 5000, "employer": "片跑快递", "district": "辛安街道",
                                              "amount": 2988}}


@pytest.mark.parametrize("text, declined", [("单位写错了 俺是中通的 先不登记 过完年再说", True),
                                            ("公司写错了，是中通，先不用登记了", True),
                                            ("单位不对 是中通 过完年再说", True),
                                            ("单位写错了 俺是中通的", False)])
async def test_a_correction_then_a_no_on_the_offer(text, declined):
    dispatcher = CollectingDispatcher()
    tracker = form_tracker("ticket_offer_form", "wants_ticket", text, "inform",
                           slots={"pending_case": OVERTIME, "employer": "片跑快递"})
    events = slot_values(await ValidateTicketOfferForm().run(dispatcher, tracker, DOMAIN))
    assert events["pending_case"]["facts"]["employer"] == "中通", events
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "单位改为中通。" in said and "登记" not in said.split("单位改为")[1], said
    if declined:  # the offer's no, as a plain 先不登记 gives it: the form done, nothing asked
        assert events.get("requested_slot", "x") is None and events.get("wants_ticket") is not True, events
    else:
        assert events.get("wants_ticket") is None and "requested_slot" not in events, events


def test_no_after_a_correction_needs_both():
    assert forms.no_after_a_correction("单位写错了 俺是中通的 先不登记 过完年再说")
    assert not forms.no_after_a_correction("单位写错了 俺是中通的")
    assert not forms.no_after_a_correction("先不登记 过完年再说")  # a plain no: the offer's own path


# --- VK-10: what was docked, each time and in all ------------------------------------------------


@pytest.mark.parametrize("text, total", [
    (VK10, "1,100"),
    ("迟到了4回，每回扣200，一共扣了800，还有打碎了一个杯子又扣了300。", "1,100"),
    ("迟到4次 每次扣200 打碎杯子又扣了300。", "1,100"),
    ("扣了500 又扣了300 一共扣了800", "800"),
    ("扣了500罚款 又扣了300", "800"),
    ("迟到扣了200，早退扣了100，一共扣了300", "300")])
def test_the_money_docked_in_all(text, total):
    assert v.docked_line([text]).startswith(f"克扣 {total} 元"), v.docked_line([text])


def test_a_figure_before_a_full_stop_is_read():
    assert v.read_facts(VK10, [], v.Context()).get("monthly_wage") == 3500  # (工资3500。 was lost too)


# --- VK-14: a relative's bill is theirs --------------------------------------------------------------

RELIEF = v.Context(asked="medical_cost", form="relief_form")


@pytest.mark.parametrize("text", ["不是我看病 是我妈住院 花了一万多 她在百色老家农村的", "我妈住院花了一万多",
                                  "俺爹做手术花了两万", "孩子生病住院花了五千", "是我老娘住院 自己掏了八千多"])
def test_a_relatives_bill_is_no_cost_of_the_workers(text):
    assert "medical_cost" not in v.read_facts(text, [], RELIEF)
    assert v.relatives_cost_said(text)


@pytest.mark.parametrize("text, cost", [("孩子生病住院花了五千 我自己也花了两千", 2000), ("我自己住院花了三千", 3000),
                                        ("今年住院自己掏了八千", 8000), ("孩子上学 我住院花了三千", 3000)])
def test_the_workers_own_cost_is_still_read(text, cost):
    assert v.read_facts(text, [], RELIEF).get("medical_cost") == cost


def test_the_worker_part_leaves_the_relative_out():
    assert worker_part("不是我看病 是我妈住院 花了一万多 她在百色老家农村的") == "不是我看病"


async def test_the_relief_form_takes_no_relatives_bill():
    dispatcher = CollectingDispatcher()
    text = "不是我看病 是我妈住院 花了一万多 她在百色老家农村的"
    tracker = form_tracker("relief_form", "medical_cost", text, "inform",
                           slots={"phone": "18977120345", "otp_code": "未核验", "city": "南宁市",
                                  "hardship_status": "none"})
    events = slot_values(await ValidateReliefForm().run(dispatcher, tracker, DOMAIN))
    assert not events.get("medical_cost"), events
    assert any("不算您本人的自付医疗费" in (m.get("text") or "") for m in dispatcher.messages)


# --- VK-14: the code's SMS announced once -----------------------------------------------------------


async def test_the_code_is_not_sent_again_after_no_sms_came(monkeypatch):
    sent = []

    class Client:
        async def send_code(self, phone, conversation_id=None):
            sent.append(phone)

    monkeypatch.setattr(forms, "client", lambda: Client())
    tracker = conversation([
        ("18977120345", "inform", ["如果这个手机号已在工会建档，会收到一条验证码短信；"
                                   "一直没收到的话，回复“没收到”就行。"]),
        ("没收到 我也没建过啥档", "inform", ["今年您自己实际掏的医疗费（医保报销后自付的部分）大概有多少钱？"]),
        ("怎么建档", "inform", [])])
    tracker.events.insert(0, {"event": "slot", "name": "phone", "value": "18977120345"})  # given in turn 1
    tracker.slots["phone"] = "18977120345"
    dispatcher = CollectingDispatcher()
    result = await ValidateReliefForm().validate_phone("18977120345", dispatcher, tracker, DOMAIN)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert not sent and "验证码短信" not in said, said
    assert result["otp_code"] == forms.UNVERIFIED_CODE and "先不核验身份" in said


# --- VL-2: where the child transfers from -----------------------------------------------------------


@pytest.mark.parametrize("text, origin", [("初二 从河南周口转", "河南周口"), ("孩子从河南周口那边转过来", "河南周口"),
                                          ("从老家周口转过来上初一", "周口"), ("从周口转学过来", "周口"),
                                          ("从老家转过来", None), ("孩子要转学过来", None)])
def test_where_the_child_transfers_from(text, origin):
    assert v.transfer_from(text) == origin


def test_the_origin_said_later_joins_the_transfer():
    merged = v.school_problems_merged("转学(孩子要转学过来)", "转学（从河南周口转）")
    assert merged == "转学（孩子要转学过来，从河南周口转来）"
    assert "河南周口" in v.read_facts("初二 从河南周口转", [], v.Context(asked="child_grade", form="school_form")
                                  ).get("school_problem", "")


async def test_the_school_offer_says_where_from(monkeypatch):
    from actions import school

    async def no_policies(*args, **kwargs):
        return []

    monkeypatch.setattr(school, "policies_for", no_policies)
    tracker = conversation([
        ("孩子要转学过来 在胶州 要啥材料？工会能帮忙不", "ask_school", ["孩子现在多大、要上几年级？"]),
        ("初二 从河南周口转", "inform", ["孩子的户口在哪里？您有当地的居住证吗？"]),
        ("不对 是初一 上学期刚上初一。户口在老家 居住证还没办", "inform", [])],
        slots={"child_grade": "初中一年级", "hukou_status": "外地户口，没有居住证",
               "school_problem": "转学(孩子要转学过来)", "city": "青岛市", "district": "胶州市"})
    action = next(a for a in school.__dict__.values()
                  if isinstance(a, type) and getattr(a, "name", None) and a.__module__ == school.__name__
                  and "offer_ticket" in (a.act.__code__.co_names if hasattr(a, "act") else ()))
    events = slot_values(await action().act(CollectingDispatcher(), tracker, DOMAIN))
    assert "河南周口" in events["pending_case"]["facts"]["school_problem"], events["pending_case"]
