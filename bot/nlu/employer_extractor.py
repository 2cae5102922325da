"""Pipeline component: employer names recognised by their suffix (…厂, …有限公司, …物流).

Workers name employers nobody put in a gazetteer (金达制衣厂, 天成建设集团);
the suffix marks the name's end, and its start is where the sentence's own
words stop (在/叫/是 …). Generic phrases (这个厂, 我们公司, 超市) are not names.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlu.base import RuleExtractor
from bot.nlu.gazetteer import PLACES_FILE, load

_SUFFIX = re.compile(
    r"(?:股份有限公司|有限责任公司|有限公司|集团公司|公司|集团|工厂|厂|物流|速运|快递|超市|酒店"
    r"|餐厅|饭店|医院|商场|工程队|建筑队|装修队|劳务公司|面馆|饭馆|餐馆|菜馆|酒楼|饭庄|商行)"
)
# Characters that end the sentence's own words and so start a name.
# Verbs and time words before 公司/厂 (要告公司, 留厂, 怀孕后公司) end the name too.
_STOP = set("在叫是给去到于的和跟帮替被让我们你他她它俺咱家个这那哪啥了过就还也都说找进从做干上"
            "告留回离辞后前要想 ,.!?;:")
_GENERIC = {"这个", "那个", "这家", "那家", "一个", "一家", "我们", "他们", "什么", "哪个", "哪家",
            "别的", "其他", "老板", "外卖", "快递", "物流", "建筑", "装修", "电子", "服装", "工地",
            "附近", "本地", "当地", "小", "大", "淡季", "旺季", "年底", "年前", "年后",
            # 进厂的时候公司扣了我身份证 (ZH-15 filed 时候公司): when, not who
            "时候", "当时", "那时", "之前", "以前", "后来", "现在", "今年", "去年", "刚开始", "一开始",
            "月份", "年份", "号", "礼拜", "星期", "上礼拜", "上星期", "上周", "这周", "这礼拜"}
# (今年3月份公司把我辞退了, ZI-07 filed 月份公司; 上礼拜公司… ZK-08 filed 礼拜公司)
_MAX_NAME = 8
# A trade word ends a name that was said without 公司 (青岛海纳建筑, 宏达电子): weaker than a
# suffix, so the name before it must look like a brand — no verb of doing the trade (搞建筑,
# 跑运输) and no count of years (干了三年建筑).
_TRADE = re.compile(r"(?:建筑|建设|建工|装饰|劳务|电子|科技|实业|制衣|服饰|服装|机械|餐饮|食品"
                    r"|纺织|置业|地产|物业|运输|家政|保洁|五金|塑胶|塑料|汽配|化工|木业|家具|鞋业|印刷)"
                    r"(?!公司|有限|集团|厂|工厂|队)")  # (宏达五金 filed 宏达, ZA-13)
_TRADE_STOP = _STOP | set("搞跑学当种开弄修边里头面零一二三四五六七八九十百千两几俩半年月天")


def _name_start(text: str, end: int, stop: set[str]) -> int:
    """Walk back from a suffix to where the sentence's own words stop."""
    start = end
    while start > 0 and end - start < _MAX_NAME and text[start - 1] not in stop \
            and "\u4e00" <= text[start - 1] <= "\u9fff":
        start -= 1
    return start


# 隆和电子厂 (YU-01 filed 电子厂): 和 inside a brand, unless what comes before it is a person
# or a thing the worker lists (我和工友 / 工资和加班费)
_NOT_BRAND = {"工友", "同事", "老乡", "老婆", "老公", "媳妇", "朋友", "兄弟", "亲戚", "工资", "社保",
              "加班", "老板", "师傅", "爱人", "对象", "孩子", "姐妹"}
# A place said right before a name ends where the worker works: a street, a town, a community,
# a district with its 区/县 (辛安街道宏达五金厂 filed 单位：辛安街道宏达五金厂, the place asked
# again). A city stays in a name (青岛海纳建筑公司, 上海顺达物流).
_PLACE_END = re.compile(r"(?:街道|镇|乡|社区|村|区|县)$")


@lru_cache(maxsize=1)
def _local_places() -> tuple[str, ...]:
    """Names (and aliases) of the seed's districts, streets and communities that can end a place
    said before a name, longest first: every street and community, and districts with 区/县."""
    seed = yaml.safe_load(PLACES_FILE.read_text(encoding="utf-8")) if PLACES_FILE.exists() else {}
    found: set[str] = set()

    def names(record: dict | str) -> list[str]:
        return [record] if isinstance(record, str) else [record["name"], *(record.get("aliases") or [])]

    for province in (seed or {}).get("provinces") or []:
        for city in province.get("cities") or []:
            for district in city.get("districts") or []:
                found.update(n for n in names(district) if _PLACE_END.search(n))
                for street in district.get("streets") or []:
                    found.update(names(street))
                    for community in street.get("communities") or []:
                        found.update(names(community))
    return tuple(sorted((n for n in found if len(n) >= 2), key=lambda n: (-len(n), n)))


def _after_place(text: str, start: int, end: int, rest: int = 2) -> int:
    """Where the name begins once a place said before it (辛安街道, 黄岛区) is left out; a place
    the name's length limit cut in two (岛街道华宇五金厂 of 薛家岛街道华宇五金厂) is looked for
    from a little before the name."""
    window = max(0, start - 6)
    name, cut = text[window:end], start - window
    for place in _local_places():
        at = name.find(place)
        while at >= 0:
            if at + len(place) > cut and len(name) - (at + len(place)) >= rest:
                cut = at + len(place)
            at = name.find(place, at + 1)
    while cut < len(name) - rest and name[cut] in "的里上":
        cut += 1  # 辛安街道上的隆和电子厂
    return window + cut


def _through_he(text: str, start: int) -> int:
    """隆和电子厂: a name cut at 和 goes on through it when one or two characters of a brand
    stand before 和 right after the sentence's own words or a place (我在 / 的 / 黄岛)."""
    if start < 2 or text[start - 1] != "和":
        return start
    before = start - 1
    begin = _after_place(text, _name_start(text, before, _STOP), before, rest=1)
    brand = text[begin:before]
    place = next((p for p in _all_places() if brand.startswith(p) and len(brand) > len(p)), "")
    begin, brand = begin + len(place), brand[len(place):]
    if not 1 <= len(brand) <= 2 or brand in _NOT_BRAND or brand in _GENERIC:
        return start
    return begin


@lru_cache(maxsize=1)
def _all_places() -> tuple[str, ...]:
    """Every city and district name the gazetteer knows, longest first."""
    names = {n for kind in ("city", "district") for n in load().get(kind, [])}
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


# 缝了十几针公司说… (XD-11 filed 单位：十几针公司): a count of things (stitches, days, yuan) said
# right before 公司 is how much, not who — a name never begins with one
_COUNT = re.compile(r"[零一二三四五六七八九十百千万两几多\d]+[个针次天块元岁年月斤处刀下回遍趟顿]")


def _counted(name: str) -> bool:
    """The would-be name is a count and its measure word (十几针, 三天, 两百块), whole."""
    return bool(_COUNT.fullmatch(name))


def find_employers(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern, stop in ((_SUFFIX, _STOP), (_TRADE, _TRADE_STOP)):
        for m in pattern.finditer(text):
            start = _name_start(text, m.start(), stop)
            start = _after_place(text, start, m.start())
            if pattern is _SUFFIX:
                start = _through_he(text, start)
            while start < m.start() and text[start] in "边面头" and start > 0 and text[start - 1] in "这那旁外里对":
                start += 1  # 辛安街道这边电子厂 (ZZ-01 filed 边电子厂): 这边 is where, not the name
            name = text[start:m.start()]
            overlaps = any(s < m.end() and start < e for s, e in spans)
            if len(name) >= 2 and name not in _GENERIC and not overlaps and not _counted(name):
                spans.append((start, m.end()))
    return sorted(spans)


def places_before_employers(text: str) -> list[tuple[int, int]]:
    """The known places said right before an employer's name (辛安街道 of 辛安街道宏达五金厂): they
    are the worker's place, kept as a district entity the employer's span no longer covers."""
    found: list[tuple[int, int]] = []
    for start, _ in find_employers(text):
        for gap in ("", "的", "上的", "里的"):
            before = text[: start - len(gap)] if text[:start].endswith(gap) else ""
            place = next((p for p in _local_places() if before.endswith(p)), None)
            if place:
                found.append((len(before) - len(place), len(before)))
                break
    return found


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class EmployerExtractor(RuleExtractor):
    """Adds ``employer`` entities found by their suffix, and the place said right before one."""

    confidence = 0.9

    def find(self, text: str) -> list[tuple[str, int, int, str]]:
        employers = [("employer", start, end, text[start:end]) for start, end in find_employers(text)]
        places = [("district", start, end, text[start:end]) for start, end in places_before_employers(text)]
        return employers + places
