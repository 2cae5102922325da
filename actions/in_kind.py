"""Food and a bed set against the pay (包吃包住算不算在最低工资里, XQ-6): answered in any flow — the router,
the wage and minimum-wage forms — from the record of what the minimum wage is compared with.
(Its own module: the forms read it, and the services module reads the forms.)"""

from __future__ import annotations

import re

from rasa_sdk import Tracker

from actions.common import client, location
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
