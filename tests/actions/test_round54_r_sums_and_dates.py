"""Round 54, helper r: a date of joining read as the job, and a closer sum after a rough one.

2. 不对 是前年三月进厂的 on the legal offer → 已更正：工作改为工厂、在这个单位干了改为2年9个月, then 好的，
   记下了：工作 工厂: 进厂 / 进的厂 / 从厂里 say when or where from, not the job.
4. 欠了一万多 … 大概一万二三 was filed as 约1万多元: a rough figure followed by a closer one keeps the
   closer one (一万二三 = 12,000–13,000: 约1.2万–1.3万元)."""

from __future__ import annotations

import pytest

from actions import validators as v

OFFER = v.Context(form="ticket_offer_form", asked="wants_ticket", known=frozenset({"time_worked", "monthly_wage"}))
WAGES = v.Context(form="wage_arrears_form", intent="wage_arrears")


@pytest.mark.parametrize("text", ["不对 是前年三月进厂的", "我是去年十月份进的厂", "不对 我是前年进的电子厂",
                                  "我从厂里出来半年了", "俺是前年三月份进的这个厂", "我是去年离开工厂的"])
def test_joining_or_leaving_a_factory_is_no_job(text):
    for ctx in (OFFER, WAGES, v.Context(form="holiday_subsidy_form")):
        assert "occupation" not in v.read_facts(text, [], ctx), (text, ctx)


@pytest.mark.parametrize("text", ["我在厂里上班", "我是电子厂的", "俺在电子厂干活", "过年不回家 我在工厂上班"])
def test_working_in_a_factory_is_still_the_job(text):
    assert v.read_facts(text, [], v.Context(form="holiday_subsidy_form")).get("occupation") == "factory"


@pytest.mark.parametrize("text,said", [("老板欠了一万多 具体没算 大概一万二三", "约1.2万–1.3万元"),
                                       ("欠了一万多 大概一万二三吧", "约1.2万–1.3万元"),
                                       ("欠了两万多 差不多两万五六", "约2.5万–2.6万元"),
                                       ("欠了一万二三千", "约1.2万–1.3万元"),
                                       ("欠了两三万", "约2万–3万元")])
def test_the_closer_figure_is_the_sum_owed(text, said):
    for ctx in (WAGES, v.Context(form="wage_arrears_form", asked="amount")):
        assert v.read_facts(text, [], ctx).get("amount") == said, (text, ctx)


@pytest.mark.parametrize("text,said", [("大概一万二三", "约1.2万–1.3万元"), ("一万多 大概一万二三", "约1.2万–1.3万元"),
                                       ("四千五六百", "约4,500–4,600元")])
def test_the_range_answers_the_sum_asked(text, said):
    assert v.owed_amount(text).value == said


@pytest.mark.parametrize("text,amount", [("欠了一万二 三个月没发", 12000), ("欠了一万二三个月了", 12000),
                                         ("欠了12000 大概一万二三", 12000), ("一个月四五千 欠了两万", 20000)])
def test_no_range_is_read_from_a_time_a_count_or_beside_an_exact_sum(text, amount):
    assert v.read_facts(text, [], WAGES).get("amount") == amount
    assert v.owed_amount("一个月四五千 欠了两万").value == 20000
    assert v.owed_amount("一万多").value == "约1万多元"
