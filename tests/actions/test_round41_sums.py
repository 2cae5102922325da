"""Round 41 testers' defects in the worker's own sums (YQ-02, YQ-16, YQ-07, YQ-08, YQ-05, YR-07,
YR-13): every item the worker names is summed, each with its working, and a total."""

from __future__ import annotations

import asyncio
from datetime import date

from form_trackers import conversation as _talk
from form_trackers import parse, slot_values
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from test_answers_first import DOMAIN
from test_round39_overtime import _calculated

from actions.legal import case_points, months_worked, sums_for
from actions.overtime_days import added_days, read_worked_days

TODAY = date(2026, 12, 7)

# --- YQ-02: weekday hours and Saturdays said together (voice typing: 家班, 小事) ---

YQ02 = "我想问下家班费咋算 我月心5220 这个月平时家班了36个小事 还有两个星期六也上了 每天8小事 没给倒休"


def test_the_weekday_hours_said_with_voice_slips_are_read_beside_the_saturdays():
    worked = read_worked_days(YQ02, TODAY)
    assert (worked.rest_days, worked.extended_hours, worked.comp_days) == (2, 36, 0), worked
    assert not read_worked_days("我有一个小事想问", TODAY)  # (小事 after no figure is no hour)


def test_both_kinds_of_overtime_are_summed_in_the_first_answer():
    """YQ-02: 960 (the Saturdays alone); 36 × 30 × 1.5 = 1,620 + 16 × 30 × 2 = 960 → 2,580."""
    reply, _ = _calculated(YQ02, {"overtime_days": YQ02, "monthly_wage": 5220})
    assert "1,620.00" in reply and "960.00" in reply and "不少于 2,580.00 元" in reply, reply


def test_asking_about_a_part_again_keeps_the_other_part():
    """那平时加的那36个小时咋没算 / 还有两个星期六呢 16个小时 (YQ-02: each replaced the days before,
    then 16 hours summed as weekday hours): the days said before stand."""
    assert added_days(YQ02, "那平时加的那36个小时咋没算") == YQ02
    assert added_days(YQ02, "还有两个星期六呢 16个小时 你又忘了 一共多少钱") == YQ02
    sixteen = read_worked_days("还有两个星期六呢 16个小时 你又忘了 一共多少钱", TODAY)
    assert (sixteen.rest_days, sixteen.extended_hours) == (2, 0), sixteen


def test_the_conversation_sums_both_after_the_wage_is_corrected():
    """YQ-02 as the slots carry it: after 不对，我工资是六千五百二十五 the sum is 2,025 + 1,200 = 3,225."""
    from actions.slot_mappings import ValidateSlotMappings

    days = YQ02
    for said in ("那平时加的那36个小时咋没算", "还有两个星期六呢 16个小时 你又忘了 一共多少钱"):
        message = parse(said, "overtime_pay")
        events = [{"event": "user", "text": YQ02, "parse_data": parse(YQ02, "overtime_pay")},
                  {"event": "action", "name": "action_calculate_overtime"},
                  {"event": "action", "name": "action_listen"},
                  {"event": "user", "text": said, "parse_data": message}]
        tracker = Tracker("worker-41", {"monthly_wage": 6525, "overtime_days": days}, message, events,
                          False, None, {}, "action_listen")
        read = asyncio.run(ValidateSlotMappings().run(CollectingDispatcher(), tracker, DOMAIN))
        days = slot_values(read).get("overtime_days", days)
        reply, _ = _calculated(said, {"overtime_days": days, "monthly_wage": 6525})
        assert "2,025.00" in reply and "1,200.00" in reply and "不少于 3,225.00 元" in reply, (said, reply)


# --- YQ-16: dismissed with pay and overtime unpaid — every item and a total ---

YQ16 = ("我在黄岛辛安街道一个电子厂干了两年三个月 月工资七千 上礼拜主管突然说明天不用来了 啥理由也没说也没提前通知 "
        "上个月工资还没发 上个月平时加班20个小时也没给钱 社保也一直没给交 我能要多少钱")
YQ16_SEVERANCE = ("按您说的在这个单位干了2年3个月：经济补偿是 2.5 个月工资，按月工资 7,000 元算约 17,500 元；"
                  "单位违法辞退的，赔偿金是它的二倍（5 个月工资，约 35,000 元）。")
YQ16_TOTAL = "= 约 43,206.90 元"


def test_the_unpaid_wage_and_overtime_are_summed_beside_the_severance():
    """YQ-16: 我能要多少钱 got the severance alone: 7,000 + 1,206.90 + 2N 35,000 = 43,206.90."""
    lines = sums_for(_talk([(YQ16, "legal_aid", [])], {"monthly_wage": 7000}))
    said = "\n".join(lines)
    assert "1 个月 × 7,000 元 = 7,000 元" in said and "7,000 ÷ 21.75 ÷ 8 × 20 × 150% = 1,206.90 元" in said, said
    assert "违法辞退赔偿金（2N）约 35,000 元" in said and YQ16_TOTAL in lines[-1] and "补缴" in lines[-1], said


def test_the_total_is_given_when_asked_after_the_severance_alone():
    """YQ-16: 那上个月工资和20个小时加班费呢 全部加起来一共能要多少 after the severance alone got
    能要，就是上面算的这一项 — the items not yet said, and the total."""
    asked = "那上个月工资和20个小时加班费呢 全部加起来一共能要多少"
    lines = sums_for(_talk([(YQ16, "legal_aid", [YQ16_SEVERANCE]), (asked, "legal_aid", [])],
                           {"monthly_wage": 7000}))
    said = "\n".join(lines)
    assert "7,000 元" in said and "1,206.90 元" in said and YQ16_TOTAL in said, said
    assert "上面算的这一项" not in said, said


def test_with_no_reason_said_both_the_severance_and_the_2n_total_are_given():
    """A dismissal with no word of its reason: N in the total, and the 2N total if unlawful."""
    words = "干了三年 月薪6000 被辞退了 上个月工资没发 能要多少"
    (*_, total) = sums_for(_talk([(words, "legal_aid", [])], {"monthly_wage": 6000}))
    assert "经济补偿约 18,000 元 + 欠发工资约 6,000 元 = 约 24,000 元" in total, total
    assert "赔偿金约 36,000 元，合计约 42,000 元" in total, total


# --- YQ-07: probation pay 3,000 against 5,000, probation a month over the legal limit ---

YQ07 = ("您好，我在城阳区一家公司做文员，合同签了两年，试用期三个月，合同上写工资5000，可是试用期只给我3000，"
        "这样合法吗？我能要回多少？")
YQ07_OVER = ("您签的是2年合同，试用期最长只能2个月，写3个月超过了法律规定。超过的那段试用期已经干了的，"
             "单位要按试用期满后的月工资给您赔偿金：超出的1个月干完的话，赔偿金是 1 × 5,000 元 = 5,000 元"
             "（那段时间的工资也该按 5,000 元发）。")
CHENGYANG = {"district": "城阳区"}


def test_the_probation_pay_said_as_given_to_me_is_weighed_against_its_floor():
    """YQ-07: 试用期只给我3000 was not read — the 80 % floor (4,000) and the 1,000 a month short never said."""
    said = "\n".join(sums_for(_talk([(YQ07, "legal_aid", [])], CHENGYANG)))
    assert "5,000 × 80% = 4,000 元" in said and "每月少了 1,000 元" in said, said


def test_the_three_months_are_added_up_when_asked():
    """YQ-07: 三个月加起来我一共能要回多少钱 got the 5,000 alone: 5,000 + 2 × 1,000 + 2,000 = 9,000."""
    asked = "那前两个月给3000也不对吧？三个月加起来我一共能要回多少钱"
    said = "\n".join(sums_for(_talk([(YQ07, "legal_aid", [YQ07_OVER]), (asked, "legal_aid", [])], CHENGYANG)))
    assert "2 × 1,000 = 2,000 元" in said and "一共约 9,000 元" in said, said


def test_the_floor_of_the_probation_pay_is_given_when_asked_for():
    """YQ-07: 试用期工资最低该给我多少 got 能要，就是上面算的这一项 (the 5,000 again)."""
    asked = "那前两个月给3000也不对吧？三个月加起来我一共能要回多少钱"
    again = "我问的是前两个月 试用期工资最低该给我多少"
    said = "\n".join(sums_for(_talk([(YQ07, "legal_aid", [YQ07_OVER]), (asked, "legal_aid", [YQ07_OVER]),
                                     (again, "legal_aid", [])], CHENGYANG)))
    assert "至少该拿 4,000 元" in said and "上面算的这一项" not in said, said


# --- YQ-08: a whole month's pay docked for a broken machine ---

YQ08 = ("我在黄岛一个厂子流水线上干 上个月不小心把机器弄坏了 老板把我一个月工资4800全扣了 一分没给 房租也交不上 "
        "家里还等着钱 活着真没意思 不想活了")


def test_the_most_that_may_be_docked_and_the_least_paid_are_figured():
    """YQ-08: 那他最多能扣我多少 我能要回来多少 got the rule again: 20 % × 4,800 = 960 at most,
    what is left not under 青岛's 2,200 — at least 3,840 paid."""
    asked = "那他最多能扣我多少 我能要回来多少"
    (line,) = sums_for(_talk([(YQ08, "crisis", []), (asked, "ask_fact", [])],
                             {"district": "黄岛区", "monthly_wage": 4800}))
    assert "4,800 × 20% = 960 元" in line and "2,200 元" in line and "至少要发给您 3,840 元" in line, line


def test_a_low_wage_docked_whole_keeps_the_minimum_wage():
    """2,500 docked whole in 青岛: 20 % would leave 2,000, under the 2,200 minimum — 2,200 is due."""
    words = "工资2500一个月 老板说我弄坏了东西 工资全扣了 我能要回来多少"
    (line,) = sums_for(_talk([(words, "ask_fact", [])], {"city": "青岛"}))
    assert "至少要发给您 2,200 元" in line, line
    assert sums_for(_talk([("工资全扣了", "ask_fact", [])], {"city": "青岛"})) == []  # (no sum asked, no wage)


# --- YQ-05, YR-07: quitting over no social insurance — wanting to, or already gone ---

YR07 = "俺在青岛这厂子干两年了 老板压根没给俺交过社保 嘎哈呢这是 俺寻思不干了 能跟他要点钱不 咋整啊"


def test_the_severance_of_quitting_over_no_insurance_is_summed_at_once():
    """YR-07: 一个月五千 能要多少 got the legal-aid text, then the cost of arbitration: 2 × 5,000."""
    offer = "要不要我再帮您看看您自己的情况？"
    (line,) = sums_for(_talk([(YR07, "legal_aid", [offer]), ("一个月五千 能要多少", "inform", [])],
                             {"city": "青岛", "monthly_wage": 5000}))
    assert "2 个月工资，按月工资 5,000 元算约 10,000 元" in line and "第三十八条" in line, line


YQ05 = ("俺在黄岛一个饭店当厨子 干了老长时间了 老板一直没跟俺签合同 上个月俺不干了 一个月四千 听说没签合同能要双倍工资 "
        "俺这能整多少钱啊 咋整")
YQ05_TIME = "俺也记不太清了 大概是去年三月份来的 上个月走的"
YQ05_DOUBLE = ("按您说的干了1年9个月没签合同：从第二个月算起，可以主张11个月的二倍工资差额（每月再多一份工资），"
               "按月工资 4,000 元算约 44,000 元。")


def test_one_who_already_left_is_told_the_severance_hangs_on_why_they_left():
    """YQ-05: 上个月俺不干了 … 那俺自己不干的 还能要补偿金不 老板社保也没给俺交 was told how to
    resign, and 8,000 added to a 52,000 total as sure: the severance only if they left over the
    fault and said so; 44,000 either way."""
    asked = "那俺自己不干的 还能要补偿金不 老板社保也没给俺交"
    lines = sums_for(_talk([(YQ05, "legal_aid", []), (YQ05_TIME, "inform", [YQ05_DOUBLE]), (asked, "legal_aid", [])],
                           {"monthly_wage": 4000}))
    said = "\n".join(lines)
    assert "您已经不干了" in said and "走的时候跟单位说了是因为这个吗" in said, said
    assert "辞职时写一份书面解除通知" not in said, said
    assert "个人原因走的，只有二倍工资差额约 44,000 元" in lines[-1], lines[-1]
    assert "已离职" in case_points(" ".join([YQ05, YQ05_TIME, asked]))["case_points"]
    assert "想辞职" in case_points("老板没给交社保 我想辞职 能要补偿吗")["case_points"]


# --- YR-13: the time worked said as 从三月份干到现在快八个月 ---

YR13 = ("就是从三月份干到现在快八个月了吧合同一直没签老板说签不签一样工资大概五千左右有时候多点有时候少点"
        "在黄岛长江路街道一个电子厂现在我想走人能要啥")


def test_the_time_worked_up_to_now_is_read():
    """YR-13: 那具体能要多少钱 asked 您在这个单位一共干了多久 again: 8 months, 7 × 5,000 = 35,000."""
    (line,) = sums_for(_talk([(YR13, "legal_aid", ["…"]), ("那具体能要多少钱", "legal_aid", [])],
                             {"monthly_wage": 5000}))
    assert "干了8个月没签合同" in line and "约 35,000 元" in line, line
    assert months_worked("从三月份干到现在", TODAY) == 9  # (no count said: from the start month)
