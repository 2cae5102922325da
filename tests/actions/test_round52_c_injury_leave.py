"""Round 52 (c), XN-5: pay while off work injured — 工伤了在家养伤 厂里不发工资了 was answered 不对。 (nothing
was asked), 工伤在家休息 工资怎么算 got the wage asked, 受工伤了 在家歇了俩月 厂里一分钱不给 / 我工伤住院
公司停了我的工资 / 工伤休息期间 老板只给发基本工资 这样对吗 the 工伤认定 paragraph. During 停工留薪期 the
original pay and benefits stay unchanged, paid monthly by the employer, normally up to 12 months
(工伤保险条例第三十三条)."""

from __future__ import annotations

import pytest
from form_trackers import conversation

from actions.legal import injury_leave_pay_line, sums_for


@pytest.mark.parametrize("said", ["受工伤了 在家歇了俩月 厂里一分钱不给", "工伤在家休息 工资怎么算",
                                  "我工伤住院 公司停了我的工资", "工伤休息期间 老板只给发基本工资 这样对吗",
                                  "我上个月在车间把手压伤了 现在在家养伤 厂里说养伤期间没有工资",
                                  "工伤了在家养伤 厂里不发工资了"])
def test_the_pay_of_the_time_off_is_answered(said):
    line = "\n".join(sums_for(conversation([(said, "legal_aid", [])])))
    assert "停工留薪期" in line and "原来的工资福利待遇不变" in line and "按月" in line, line
    assert "12个月" in line and "第三十三条" in line, line


@pytest.mark.parametrize("said", ["工伤了在家养伤 厂里不发工资了", "受工伤了 在家歇了俩月 厂里一分钱不给",
                                  "工伤在家休息 工资怎么算"])
def test_no_not_right_where_nothing_was_asked_right_or_wrong(said):
    line = injury_leave_pay_line(said, said, None) or ""
    assert line and not line.startswith("不对"), line


def test_right_or_wrong_asked_is_still_answered_not_right():
    said = "工伤休息期间 老板只给发基本工资 这样对吗"
    assert (injury_leave_pay_line(said, said, 6000) or "").startswith("不对")


@pytest.mark.parametrize("said", ["我工伤住院 医药费一分没给", "周末休息日加班 工资怎么算", "工伤住院了 能报多少"])
def test_not_the_pay_of_the_time_off(said):
    assert injury_leave_pay_line(said, said, None) is None
