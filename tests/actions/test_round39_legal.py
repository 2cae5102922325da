"""Round 39 testers' defects in the legal answers (YN-07, YN-08, YM-07, YM-09, YM-10), each
read the way the worker wrote it. (YN-06, YN-10, YM-11 are fact records: tests/facts.)"""

from __future__ import annotations

from form_trackers import conversation as _talk

_RESIGNING = "公司一直不给我交社保,我想辞职,能要补偿吗"


def test_a_resignation_for_cause_is_not_told_the_dismissal_double():
    """YN-08: 一年半 工资五千 for a worker quitting over unpaid social insurance got 单位违法辞退的，
    赔偿金是它的二倍…约 20,000 元 — she resigns, nobody dismisses her: N only (第三十八条、第四十六条)."""
    from actions.legal import MONTHS_ASK, sums_for

    reply = sums_for(_talk([(_RESIGNING, "legal_aid", ["单位应当自用工之日起30日内…", MONTHS_ASK]),
                            ("一年半,工资五千", "inform", [])], {"monthly_wage": 5000}))
    answer = "\n".join(reply)
    assert "2 个月工资" in answer and "10,000 元" in answer, reply
    assert "违法辞退" not in answer and "20,000" not in answer, reply
    assert "第三十八条" in answer, reply


def test_asking_about_notice_in_ones_own_resignation_gets_the_resignation_rules():
    """YN-08: 要提前30天说吗 (she wants to quit) got the employer's notice rule (代通知金, N+1): for
    her own resignation over the unpaid insurance no notice is due (第三十八条), with N (第四十六条);
    for a resignation of one's own accord 30 days, 3 in probation (第三十七条)."""
    from actions.legal import MONTHS_ASK, sums_for

    severance = ("按您说的在这个单位干了1年6个月：经济补偿是 2 个月工资，按月工资 5,000 元算约 10,000 元；"
                 "单位违法辞退的，赔偿金是它的二倍（4 个月工资，约 20,000 元）。")
    reply = sums_for(_talk([(_RESIGNING, "legal_aid", ["单位应当自用工之日起30日内…", MONTHS_ASK]),
                            ("一年半,工资五千", "inform", [severance]),
                            ("要提前30天说吗", "inform", [])], {"monthly_wage": 5000}))
    answer = "\n".join(reply)
    assert "不用提前30天" in answer and "第三十八条" in answer, reply
    assert "10,000 元" in answer and "代通知金" not in answer and "N+1" not in answer, reply
    own = sums_for(_talk([("我在这干了两年了 想辞职 换个活干", "legal_aid", ["…"]),
                          ("要提前30天说吗", "inform", [])]))
    answer = "\n".join(own)
    assert "提前30天书面通知" in answer and "3天" in answer and "第三十七条" in answer, own
    # a dismissal's notice is still the employer's (他没提前30天说: the N+1 record answers it)
    fired = sums_for(_talk([("厂里把我辞退了 干了三年", "legal_aid", ["…"]),
                            ("他没提前30天说 要多给一个月吗", "inform", [])]))
    assert all("第三十七条" not in line and "不用提前30天" not in line for line in fired), fired


def test_no_contract_said_in_dialect_is_no_contract():
    """YN-07: 干了五个多月了 一直木有签合同 … 这咋整啊 got only the legal-aid blurb (木有 = 没有)."""
    from actions.legal import case_points, worked_out

    words = "俺在黄岛一个饭店后厨帮工 干了五个多月了 一直木有签合同 俺问老板 老板说签啥合同 信不过俺? 这咋整啊"
    assert case_points(words)["case_points"] == "没签劳动合同"
    (line,) = worked_out(words, words, None, False)
    assert "4个月的二倍工资差额" in line, line


def test_when_the_severance_is_paid_is_no_sum_asked():
    """YM-09: 厂里说补偿金下个月才给 这中不中 (after the ticket) got the severance sum again: the
    question is when it is paid (第五十条, the record answers), not how much."""
    from actions.legal import worked_out

    words = ("俺在黄岛机加工厂干了三年零四个月 今儿个厂里突然说经济性裁员 让俺明天就别来了 一个月平均六千来块 "
             "厂里说补偿金下个月才给 这中不中")
    assert worked_out("厂里说补偿金下个月才给 这中不中", words, 6000, False) == []
    assert worked_out("补偿金能给多少", words, 6000, False)  # (how much: still worked out)


def test_what_can_be_claimed_now_in_an_over_long_probation_is_the_total():
    """YM-10: 我现在才干了三个月 还在试用期里 那现在能要多少 got 5,000 only; the items worked out
    come to 9,000 (5,000 compensation + 2 × 1,000 under 80 % + 2,000 for month 3 at 5,000)."""
    from actions.legal import sums_for

    first = ("您好,我在市北区一家公司做行政,合同签了两年,试用期定了4个月,试用期工资3000,转正5000."
             "这样合法吗?我能要回什么?")
    said = ["您签的是2年合同，试用期最长只能2个月，写4个月超过了法律规定。超过的那段试用期已经干了的，"
            "单位要按试用期满后的月工资给您赔偿金：超出的2个月干完的话，赔偿金是 2 × 5,000 元 = 10,000 元"
            "（那段时间的工资也该按 5,000 元发）。",
            "试用期工资不能低于转正工资的80%：5,000 × 80% = 4,000 元，您的 3,000 元每月少了 1,000 元"
            "（也不能低于当地最低工资）。"]
    reply = sums_for(_talk([(first, "legal_aid", said),
                            ("我现在才干了三个月 还在试用期里 那现在能要多少", "inform", [])]))
    answer = "\n".join(reply)
    assert "一共约 9,000 元" in answer, reply
    assert "5,000 元" in answer, reply


def test_fourteen_months_since_leaving_is_past_the_year_unless_demanded():
    """YM-07: 我从胶州那个厂出来一年多了 大概十四个月吧 … 现在还能要吗, then 你先说能不能要 都过了一年了,
    got a flat 能: 14 months since leaving is past the one-year limit, unless a demand or a promise
    restarted it (《劳动争议调解仲裁法》第二十七条)."""
    from actions.time_limits import months_since_left, time_limit_line

    first = "我从胶州那个厂出来一年多了 大概十四个月吧 最后两个月工资八千一直没给 现在还能要吗"
    assert months_since_left(first) == 14
    line = time_limit_line(first, first)
    assert line and "1年2个月" in line and "超过一年" in line and "重新计算一年" in line, line
    line = time_limit_line("你先说能不能要 都过了一年了", f"{first} 你先说能不能要 都过了一年了")
    assert line and "1年2个月" in line, line
    assert months_since_left("我走了快两年了") == 24  # (ZW-09 unchanged)
