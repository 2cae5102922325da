"""Round 38 testers' defects in the legal sums and the legal ticket's points (ZW-10, ZW-11,
ZW-12, ZX-07, ZX-08), each read the way the worker wrote it."""

from __future__ import annotations

from form_trackers import conversation as _talk


def _months_asked() -> list[tuple[str, str, list[str]]]:
    from actions.legal import MONTHS_ASK

    double = ("按您说的干了7个月没签合同：从第二个月算起，可以主张6个月的二倍工资差额（每月再多一份工资）"
              "（每月按您的月工资算）。具体数额以仲裁认定为准；申请仲裁的时效是一年，别拖。")
    return [("没签合同能要双倍工资吗", "legal_aid", ["单位自用工之日起一个月内应当和职工订立书面劳动合同。"]),
            ("看看我的情况", "legal_aid", [MONTHS_ASK, "要不要我帮您登记一张律师咨询（法律援助）工单"]),
            ("七个月", "inform", [double]),
            ("5000", "inform", ["好的，记下了：金额 5,000 元。"])]


def test_the_months_told_when_asked_count_for_the_sums_after():
    """ZW-10: 七个月 told to 您在这个单位一共干了多久, then 一个月5000 那一共能多要多少 got 没有现成的
    准确答案, and 那他现在要把我辞了呢 能给多少补偿 asked the months again. The double wage is
    6 × 5,000 = 30,000; the dismissal counts 7 months as a year: 5,000, unlawful 10,000."""
    from actions.legal import MONTHS_ASK, sums_for

    turns = _months_asked()
    reply = sums_for(_talk([*turns, ("一个月5000 那一共能多要多少", "inform", [])], {"amount": 5000}))
    assert any("6个月" in line and "30,000 元" in line for line in reply), reply
    double = reply
    reply = sums_for(_talk([*turns, ("一个月5000 那一共能多要多少", "inform", double),
                            ("那他现在要把我辞了呢 能给多少补偿", "legal_aid", [])], {"amount": 5000}))
    answer = "\n".join(reply)
    assert MONTHS_ASK not in answer, reply
    assert "经济补偿是 1 个月工资" in answer and "约 5,000 元" in answer and "约 10,000 元" in answer, reply


def test_the_twelve_months_averaged_are_the_pay_not_the_time_worked():
    """ZW-11: 不对，是九千五 我看了下工资条 前十二个月平均九千五 after 干了三年八个月 … 工资大概八千
    was read as 1 year worked at 8,000: it is the wage, averaged over the last twelve months."""
    from actions.legal import case_points, months_worked, sums_for

    first = "我在黄岛一家物流公司干了三年八个月 这个月公司说经营不善要裁员 把我裁了 工资大概八千 能给多少补偿"
    fixed = "不对，是九千五 我看了下工资条 前十二个月平均九千五"
    assert months_worked(f"{first} {fixed}") == 44
    assert case_points(f"{first} {fixed}").get("time_worked") == "3年8个月"
    said = ("按您说的在这个单位干了3年8个月：经济补偿是 4 个月工资，按月工资 8,000 元算约 32,000 元；单位违法辞退的，"
            "赔偿金是它的二倍（8 个月工资，约 64,000 元）。")
    reply = sums_for(_talk([(first, "legal_aid", [said]), (fixed, "wage_arrears", [])], {"amount": 9500}))
    answer = "\n".join(reply)
    assert "3年8个月" in answer and "38,000 元" in answer and "76,000 元" in answer, reply


def test_the_time_worked_stays_when_asked_again_far_after_the_sum():
    """ZW-11: 那现在能拿多少 公司也没提前一个月通知我, five messages after 干了三年八个月 … 裁员:
    no sum at all. The case a sum was just worked out on is still the case."""
    from actions.legal import sums_for

    first = "我在黄岛一家物流公司干了三年八个月 这个月公司说经营不善要裁员 把我裁了 工资大概八千 能给多少补偿"
    said = ("按您说的在这个单位干了3年8个月：经济补偿是 4 个月工资，按月工资 9,500 元算约 38,000 元；单位违法辞退的，"
            "赔偿金是它的二倍（8 个月工资，约 76,000 元）。")
    reply = sums_for(_talk([(first, "legal_aid", ["…"]),
                            ("不对，是九千五 前十二个月平均九千五", "wage_arrears", [said]),
                            ("咋成干了一年了 我干了三年八个月 月工资是九千五不是八千", "wage_arrears", [said]),
                            ("月工资9500", "wage_arrears", ["好的，记下了：月工资 9,500 元。"]),
                            ("那现在能拿多少 公司也没提前一个月通知我", "nlu_fallback", [])], {"monthly_wage": 9500}))
    answer = "\n".join(reply)
    assert "38,000 元" in answer and "76,000 元" in answer and "9,500 元就是 9,500 元" in answer, reply


def test_a_day_wage_is_counted_on_the_days_the_worker_works_a_month():
    """ZX-07: 一天三百 一个月干个二十五六天 — the double wage was worked out on 300 × 21.75 = 6,525 a
    month; the worker's own month is 300 × 25.5 = 7,650, 7 months ≈ 53,550, the days said."""
    from actions.legal import WAGE_ASK, sums_for

    first = "跟着一个姓刘的包工头在市北区一个小区搞装修 干了八个月了 啥合同也没签过 这能要点啥不"
    asked = f"按您说的干了8个月没签合同：从第二个月算起，可以主张7个月的二倍工资差额（每月再多一份工资）。{WAGE_ASK}。"
    day = {"monthly_wage": 6525, "wage_basis": "day"}
    turns = [(first, "nlu_fallback", [asked]), ("按天算的 一天三百 一个月干个二十五六天", "overtime_pay", [])]
    reply = sums_for(_talk(turns, day))
    answer = "\n".join(reply)
    assert "7个月" in answer and "7,650 元" in answer and "53,550 元" in answer and "25.5 天" in answer, reply
    assert "6,525" not in answer and "一个月内签了" not in answer, reply
    # 我一个月干二十五六天 不是二十一天 after a sum on 21.75 days: worked out again
    wrong = ("按您说的干了8个月没签合同：从第二个月算起，可以主张7个月的二倍工资差额（每月再多一份工资），"
             "按月工资 6,525 元算约 45,675 元。")
    reply = sums_for(_talk([(first, "nlu_fallback", [asked]),
                            ("按天算的 一天三百", "overtime_pay", ["…"]),
                            ("那到底能要多少钱 你给算算", "nlu_fallback", [wrong]),
                            ("我一个月干二十五六天 不是二十一天", "wage_arrears", [])], day))
    assert any("53,550 元" in line for line in reply), reply


def test_the_probation_sums_are_added_up_when_asked():
    """ZW-12: 那加起来我一共能找他要多少钱 / 你就给我算个总数 got the items again, no total. The
    total of the sums worked out, with what it assumes."""
    from actions.legal import probation_lines, sums_for

    first = "合同签的一年 试用期写的六个月 试用期一个月给3000 转正说是5000 我已经干了五个月了还在试用期 这合法吗"
    lines = probation_lines(first)
    assert len(lines) == 2
    slots = {"monthly_wage": 3000, "amount": 5000}
    reply = sums_for(_talk([(first, "wage_arrears", lines), ("那加起来我一共能找他要多少钱", "nlu_fallback", [])],
                           slots))
    assert len(reply) == 1 and "23,000 元" in reply[0] and "20,000 元" in reply[0], reply
    assert "15,000" in reply[0] and "干了5个月" in reply[0], reply
    again = sums_for(_talk([(first, "wage_arrears", lines), ("那加起来我一共能找他要多少钱", "nlu_fallback", reply),
                            ("你就给我算个总数 我好跟老板说", "wage_arrears", [])], slots))
    assert again == reply, again


def test_no_dismissal_said_is_no_dismissal_on_the_ticket():
    """ZX-08: forced to sign a 放弃社保 waiver, not dismissed — the ticket said 情况要点：被辞退, also
    after 我还没得被开 是社保的事 and 情况要点不是被辞退 是逼我们签放弃社保."""
    from actions.legal import case_points, worked_out

    told = ("老板喊我们签个啥子自愿放弃社保的单子 说不签就莫来上班了 咋个搞嘛；那我不签 他真把我开了咋办嘛；"
            "我在黄岛一个食品厂 干了两年多了 一个月四千五 你们工会能不能来个人帮我们说一哈")
    for later in ("我还没得被开 是社保的事 厂里几十个人都喊签那个放弃社保的单子",
                  "情况要点不是被辞退 是逼我们签放弃社保"):
        points = case_points(f"{told}；{later}")["case_points"]
        assert "被辞退" not in points.replace("未被辞退", "") and "被逼签放弃社保" in points, (later, points)
        assert not worked_out(later, f"{told} {later}", 4500, asked_wage=False), later
    # 他真把我开了咋办嘛, before any of it: a dismissal feared
    assert case_points(told)["case_points"] == "怕被辞退、被逼签放弃社保"
    assert case_points("上个月被辞退了 干了三年")["case_points"] == "被辞退"
