"""Round 52 (c), XM-7: 那我总共能要多少 after the double wage for no written contract (没签合同干了10个月
月薪6000) — three questions on arbitration later the offer said 没有现成的准确答案; with 老板还欠我工资
一共一万二没给 told, the total held the double wage alone. The total adds every claim the conversation
worked out (owed wages, double wage, compensation), each with its figure."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import claims_total, owed_sum_told, sums_for

DW = ("按您说的干了10个月没签合同：从第二个月算起，可以主张9个月的二倍工资差额（每月再多一份工资），"
      "按月工资 6,000 元算约 54,000 元。具体数额以仲裁认定为准；申请仲裁的时效是一年，别拖。")
SEV = ("按您说的在这个单位干了10个月：经济补偿是 1 个月工资，按月工资 6,000 元算约 6,000 元；单位违法辞退的，"
       "赔偿金是它的二倍（2 个月工资，约 12,000 元），您也可以不要赔偿金。")
OFFER = "要不要我帮您登记一张律师咨询（法律援助）工单，转给您所在的网格工作站跟进？"
FIRST = ("没签合同干了10个月 月薪6000", "legal_aid", [DW, OFFER])
DECLINED = ("/deny", "deny", ["好的，先不登记。需要的时候随时找我，或拨打 12351。"])
QUESTIONS = [("仲裁去哪申请", "legal_aid", ["有三条路，可以同时走：…"]),
             ("要带什么材料", "nlu_fallback", ["被辞退、合同、补偿这类劳动争议，去的时候带上：…"]),
             ("仲裁要多久", "legal_aid", ["劳动争议申请仲裁的时效期间为一年…"])]


@pytest.mark.parametrize("asked", ["那我总共能要多少", "一共能拿多少", "加起来一共多少钱", "全部算上能要多少"])
def test_the_total_after_other_questions_still_holds_the_double_wage(asked):
    said = "\n".join(sums_for(conversation([FIRST, DECLINED, *QUESTIONS, (asked, "nlu_fallback", [])],
                                           {"monthly_wage": 6000})))
    assert "二倍工资差额约 54,000 元" in said and "一共约 54,000 元" in said, said


@pytest.mark.parametrize("owed", ["老板还欠我工资 一共一万二没给", "还欠我12000工资没发", "工资还欠着我一万二没给"])
def test_the_pay_owed_told_as_a_sum_is_added(owed):
    said = "\n".join(sums_for(conversation([FIRST, DECLINED, (owed, "wage_arrears", ["是哪家单位欠的？"]),
                                            ("那我总共能要多少", "nlu_fallback", [])], {"monthly_wage": 6000})))
    assert "二倍工资差额约 54,000 元" in said and "12,000 元" in said and "约 66,000 元" in said, said


def test_every_claim_said_before_is_in_the_total_with_the_2n_alternative():
    tracker = conversation([FIRST, DECLINED, ("上周老板把我开了", "legal_aid", [SEV, DW, OFFER]), DECLINED,
                            *QUESTIONS, ("那我一共能要多少", "nlu_fallback", [])], {"monthly_wage": 6000})
    said = "\n".join(sums_for(tracker))
    assert "二倍工资差额约 54,000 元" in said and "经济补偿约 6,000 元" in said and "约 60,000 元" in said, said
    assert "赔偿金约 12,000 元" in said and "约 66,000 元" in said, said


def test_the_claims_are_read_from_the_lines_said():
    overtime = ("没给的加班费（《劳动法》第四十四条）：工作日延长工作时间 20 小时："
                "7,000 ÷ 21.75 ÷ 8 × 20 × 150% = 1,206.90 元。")
    owed = "欠发的工资：1 个月 × 7,000 元 = 7,000 元，单位要足额补发。"
    total = claims_total([DW, owed, overtime])
    assert "二倍工资差额约 54,000 元 + 欠发工资约 7,000 元 + 加班费约 1,206.90 元 = 约 62,206.90 元" in total, total
    assert claims_total(["有三条路，可以同时走"]) is None


def test_no_owed_sum_is_read_from_the_wage_or_the_months():
    assert owed_sum_told(["没签合同干了10个月 月薪6000"]) is None
    assert owed_sum_told(["两个月工资没发 一个月5000"]) is None  # (counted on the wage by owed_besides)
    assert owed_sum_told(["加班费也没给 一共3000"]) is None


def test_a_total_not_asked_changes_nothing():
    said = sums_for(conversation([FIRST, DECLINED, ("仲裁去哪申请", "legal_aid", [])], {"monthly_wage": 6000}))
    assert not any("加起来" in line for line in said), said


def test_a_sum_told_with_yigong_is_no_total_asked():
    """老板还欠我工资 一共一万二没给 tells the pay owed: the wage form goes on, no total said yet."""
    said = sums_for(conversation([FIRST, DECLINED, ("老板还欠我工资 一共一万二没给", "wage_arrears", [])],
                                 {"monthly_wage": 6000}))
    assert not any("各项加起来" in line for line in said), said
