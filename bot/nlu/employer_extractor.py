"""Pipeline component: employer names recognised by their suffix (…厂, …有限公司, …物流).

Workers name employers nobody put in a gazetteer (金达制衣厂, 天成建设集团);
the suffix marks the name's end, and its start is where the sentence's own
words stop (在/叫/是 …). Generic phrases (这个厂, 我们公司, 超市) are not names.
"""

from __future__ import annotations

import re

from rasa.engine.recipes.default_recipe import DefaultV1Recipe

from bot.nlu.base import RuleExtractor

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


def find_employers(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for pattern, stop in ((_SUFFIX, _STOP), (_TRADE, _TRADE_STOP)):
        for m in pattern.finditer(text):
            start = _name_start(text, m.start(), stop)
            while start < m.start() and text[start] in "边面头" and start > 0 and text[start - 1] in "这那旁外里对":
                start += 1  # 辛安街道这边电子厂 (ZZ-01 filed 边电子厂): 这边 is where, not the name
            name = text[start:m.start()]
            overlaps = any(s < m.end() and start < e for s, e in spans)
            if len(name) >= 2 and name not in _GENERIC and not overlaps:
                spans.append((start, m.end()))
    return sorted(spans)


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class EmployerExtractor(RuleExtractor):
    """Adds ``employer`` entities found by their suffix."""

    confidence = 0.9

    def find(self, text: str) -> list[tuple[str, int, int, str]]:
        return [("employer", start, end, text[start:end]) for start, end in find_employers(text)]
