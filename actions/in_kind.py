"""Food and a bed set against the pay (包吃包住算不算在最低工资里, XQ-6): answered in any flow — the router,
the wage and minimum-wage forms — from the record of what the minimum wage is compared with.
(Its own module: the forms read it, and the services module reads the forms.)"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.common import client, location
from bot.normalize.numbers import find_amounts
from bot.normalize.text import normalize_text

# 包吃包住算不算在最低工资里 / 老板说管吃管住 所以工资低于最低工资也合法 (XQ-6: 没有现成的准确答案, in the wage
# and the minimum-wage flows alike): food and a bed given set against the pay — answered with the record of
# what the minimum wage is compared with (minimum_wage_take_home), said for them
_IN_KIND = re.compile(r"包吃包住|管吃管住|包吃住|管吃住|吃住全包|供吃供住|包食宿|管食宿|提供食宿|食宿|"
                      r"包住|管住|包吃|管吃|管饭|包饭|供饭|包三餐|管三餐|宿舍|住宿|伙食")
_AGAINST_PAY = re.compile(r"最[低底](?:工资|工钱|薪资?|标准)|(?:抵|顶|算进|算在|算成|算作|折成|折算|当成?|充)(?:了)?"
                          r"(?:工资|工钱|薪水)|(?:工资|工钱)\S{0,3}(?:低|少)")
IN_KIND_LEAD = "管吃管住（包吃包住）不能拿来顶最低工资。"
IN_KIND_TAIL = ("管吃管住是单位给的食宿，不是发到您手里的工资，不算在里面；工资要用钱发，不能拿吃住顶替。"
                "所以“管吃管住，工资就可以低于最低工资”的说法不对：单位发的工资剔除上面这些以后，还是不能低于当地的"
                "最低工资标准，少的部分可以要求补发，也可以打 12333 投诉。")
IN_KIND_SOURCE = "原劳动部《工资支付暂行规定》第五条（工资应当以法定货币支付，不得以实物代替）"


# 老板说吃饭一个月算三百 加上就两千一了 不低 / 算上吃住得有两千五 / 宿舍抵五百 (K10, m2-11: 已更正：月工资改为2,100 元):
# a sum with the food or the bed counted into it — the employer's reckoning, no pay of the worker's
_IN_KIND_THING = r"吃(?!亏|药)|住(?!院)|饭|宿舍|食宿|伙食|食堂|房租|房费"
_NOT_PAY = r"(?:(?!工资|工钱|底薪|薪)\S)"  # (住宿舍 工资算下来两千一: the pay's own figure)
_IN_KIND_SUM = re.compile(
    rf"(?:加上|算上|加进|算进|连上|带上|顶|抵|折)\S{{0,4}}(?:{_IN_KIND_THING})"
    rf"|(?:{_IN_KIND_THING}){_NOT_PAY}{{0,6}}(?:算|抵|顶|折|当)\S{{0,3}}[\d一二两三四五六七八九十百千]"
    rf"|(?:{_IN_KIND_THING}){_NOT_PAY}{{0,4}}\s?(?:折算|折合|折成|加起来|合起来|算下来)")


def in_kind_sum_said(text: str) -> bool:
    """The message counts food or a bed into a sum (吃饭算三百 加上就两千一): not the worker's pay."""
    return bool(_IN_KIND_SUM.search(normalize_text(text or "")))


def asks_in_kind_pay(text: str) -> bool:
    """The message sets food or a bed the employer gives against the (minimum) wage."""
    text = normalize_text(text or "")
    return (bool(_IN_KIND.search(text)) and bool(_AGAINST_PAY.search(text))) or bool(_IN_KIND_SUM.search(text))


async def in_kind_pay_reply(tracker: Tracker) -> str | None:
    """包吃包住算不算在最低工资里 (XQ-6): not counted — the records' rule of what the minimum wage is
    compared with (its first sentence and source) for the food and the bed. None when not asked so,
    or the record cannot be read (the question then goes on as before)."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not asks_in_kind_pay(text):
        return None
    city, district = location(tracker)
    try:
        found = (await client().facts("最低工资 包不包括", city=city, district=district)).get("facts") or []
    except Exception:  # (BackendError, BackendUnavailable: the flow answers without it)
        return None
    record = next((f for f in found if f.get("topic") == "minimum_wage_take_home"), None)
    if record is None:
        return None
    compared = str(record.get("answer") or "").split("。")[0] + "。"
    return f"{IN_KIND_LEAD}{compared}{IN_KIND_TAIL}\n（来源：{record.get('source')}；{IN_KIND_SOURCE}）"


# 那一百块红包能顶吗 还差多少 俺找谁 (VK-13: 不能抵 said, the rest unanswered): how much is still owed
# once the red packet is not counted, and where to take it
_LEFT_ASKED = re.compile(r"还差多少|差多少|还欠(?:我|俺)?多少|还(?:该|得|要|能)(?:给|要|补)(?:我|俺)?多少|"
                         r"(?:一共|总共)(?:能|该|应该)?(?:要|拿|给)(?:多少|几个钱)|补(?:我|俺)?多少")
_WHO_ASKED = re.compile(r"找谁|找哪|去哪(?:里|儿)?(?:要|告|投诉|反映|说)|谁(?:管|来管|能管)|哪(?:里|儿)管|"
                        r"咋整|怎么整|咋办|怎么办|咋弄|怎么弄|向谁|跟谁")
_OVERTIME_TOTAL = re.compile(r"合计：依法应付加班工资不少于 ([\d,.]+) 元")
_PACKET = re.compile(r"(?:红包|过节费|慰问金|购物卡|超市卡)")
BONUS_WHO = ("找谁：先拿着排班表、考勤记录和发红包的记录找单位要加班工资；单位不给的，可以请所在的网格工作站（工会）"
             "出面协商，也可以打 12333 向劳动监察投诉，或者到当地劳动人事争议仲裁委员会申请仲裁"
             "（在职的随时可以申请，离职的要在一年内）；"
             "职工服务热线 12351 也能帮您。登记工单的话，工作站的工作人员会联系您跟进。")


def _overtime_total(tracker: Tracker) -> str | None:
    """The overtime sum the bot worked out lately (合计：依法应付加班工资不少于 1,800.00 元), as said."""
    for event in reversed(tracker.events[-60:]):
        if event.get("event") == "bot" and (found := _OVERTIME_TOTAL.search(event.get("text") or "")):
            return found.group(1)
    return None


def _packet_sum(text: str) -> str | None:
    """The red packet's sum said beside it (一百块钱红包 / 红包200): as the worker said it."""
    for span in find_amounts(text):
        near = text[max(0, span.start - 6):span.end + 8]
        if isinstance(span.value, (int, float)) and _PACKET.search(near) and 0 < span.value < 100000:
            return f"{span.value:,.0f}"
    return None


def bonus_left_lines(found: list[dict], tracker: Tracker) -> list[str]:
    """还差多少 / 俺找谁 asked with the red packet (VK-13): the packet does not count, so all of the
    overtime sum worked out is still owed; and who to take it to. [] when the record on red packets
    (bonus_not_overtime) is not the answer or neither is asked."""
    if not any(f.get("topic") == "bonus_not_overtime" for f in found):
        return []
    text = normalize_text(((tracker.latest_message or {}).get("text") or "").strip())
    lines: list[str] = []
    if _LEFT_ASKED.search(text):
        earlier = " ".join(str(e.get("text") or "") for e in tracker.events[-40:] if e.get("event") == "user")
        packet = _packet_sum(text) or _packet_sum(normalize_text(earlier))
        given = f"给的 {packet} 元红包" if packet else "给的红包"
        if total := _overtime_total(tracker):
            lines.append(f"还差多少：{given}不算加班工资，不能从里面扣，所以加班工资一分都还没给——还差的是全部加班工资，"
                         f"按上面算的不少于 {total} 元。")
        else:
            lines.append(f"还差多少：{given}不算加班工资，加班工资要全额另给。告诉我月工资和加班的是哪几天，我帮您算出来。")
    if _WHO_ASKED.search(text):
        lines.append(BONUS_WHO)
    return lines
