"""Round 42 testers' defects in the law applied to the worker's case (YS-06 layoff and the
resignation letter asked for; YS-08 the time limit restarted by a promise, and the IOU)."""

from __future__ import annotations

from actions.legal import case_points, worked_out
from actions.time_limits import applied_limit, months_since_left, promise_point

# --- YS-06: 要裁人 裁俺的话给多少补偿 is a layoff; 让俺自己写个辞职信 is the trap ---

YS06 = "俺们机械厂说经营困难要裁人 俺在这干了三年多了 一个月七千左右 裁俺的话给多少补偿"


def test_a_layoff_said_as_cai_ren_gets_the_severance_sum_first():
    """YS-06: the legal-aid paragraph, then the arbitration fees, before the 28,000."""
    lines = worked_out(YS06, YS06, 7000, asked_wage=False)
    assert lines and "约 21,000 元" in lines[0], lines
    corrected = YS06 + " 不对，是三年七个月。你先说能给俺多少钱"
    lines = worked_out("不对，是三年七个月。你先说能给俺多少钱", corrected, 7000, asked_wage=False, redo=True)
    assert lines and "约 28,000 元" in lines[0], lines


def test_told_to_write_a_resignation_letter_is_warned_not_told_it_still_pays():
    """YS-06: 能要，就是上面算的这一项 — a resignation of one's own gives no severance."""
    text = "车间主任让俺自己写个辞职信 写了还有补偿吗"
    words = YS06 + " 不对，是三年七个月 俺问的是裁员的经济补偿金能拿几个月工资 " + text
    lines = worked_out(text, words, 7000, asked_wage=False)
    assert lines and lines[0].startswith("先别写"), lines
    assert "拿不到经济补偿" in lines[0] and "解除劳动合同通知书" in lines[0] and "约 28,000 元" in lines[0], lines
    assert "想辞职" not in case_points(words).get("case_points", ""), case_points(words)


def test_a_worker_who_quits_of_their_own_is_not_told_the_layoff_warning():
    words = "我干了三年 一个月五千 想辞职 没交社保 让我自己写辞职信 能要多少补偿"
    assert not any(line.startswith("先别写") for line in worked_out(words, words, 5000, asked_wage=False))


# --- YS-08: 去年十月份不干了 到现在一年多了 … 他上个月电话里还说年前给 ---

YS08 = ("我前年在青岛给一个老板干装修 去年十月份不干了 到现在一年多了 他还欠我六千 我手里有他写的欠条 "
        "这期间我打了好几回电话跟他要 他都说过几天给 现在还能告他吗 是不是过了时间了 "
        "没公司 就是个姓王的老板个人 那到底能不能告 他上个月电话里还说年前给")


def test_left_a_year_ago_said_with_dao_xian_zai_is_the_time_since_leaving():
    assert months_since_left(YS08) == 12


def test_a_promise_last_month_restarts_the_year_and_the_iou_can_go_to_court():
    """YS-08: 可能过了时效, no word of the interruption nor of suing on the IOU."""
    line = applied_limit(YS08)
    assert line and "还来得及" in line and "重新计算一年" in line, line
    assert "欠条到法院起诉" in line, line
    assert "欠条" not in (applied_limit("我走了一年多了 上个月还催过他 还能要吗") or "欠条")


def test_the_promise_is_a_point_for_the_ticket():
    assert promise_point("还有他上个月电话里答应年前给 这个也记上") == "老板上个月答应给钱（仲裁时效从那天起重新计算）"
    assert promise_point("上个月工资没给") is None
