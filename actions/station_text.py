"""A grid station as the worker reads it: name, address, phone and opening hours, and whether it
is open now.

Said by the station search (``actions/services.py``) and by a fact answer about a station
(``actions/facts.py``); kept apart so the two need not import each other.
"""

from __future__ import annotations

import re

from actions.seed_files import seed
from bot.contract import HOURS_KEY_NAMES, WEEKDAYS
from bot.settings import get_settings

# 青岛西海岸新区辛安街道（示例地址，上线前请核实）: an address the register marks as not yet
# verified is shown as its area, and the worker is asked to call before going
_UNVERIFIED = re.compile(r"[（(]示例地址[^）)]*[）)]")


def hours_text(hours: dict) -> str:
    """Opening hours by day key, spans joined in Chinese; consecutive days with the same hours
    read as one run (周一至周五 08:30-19:30；周六 09:00-17:00) — five identical lines on a phone
    hid the one that differed."""
    runs: list[tuple[list[str], list[str]]] = []
    for day, spans in hours.items():
        if runs and runs[-1][1] == list(spans) and _next_day(runs[-1][0][-1]) == day:
            runs[-1][0].append(day)
        else:
            runs.append(([day], list(spans)))
    return "；".join(f"{_days_name(days)} {'、'.join(spans)}" for days, spans in runs)


def _next_day(day: str) -> str | None:
    return WEEKDAYS[WEEKDAYS.index(day) + 1] if day in WEEKDAYS[:-1] else None


def _days_name(days: list[str]) -> str:
    first, last = (HOURS_KEY_NAMES.get(d, d) for d in (days[0], days[-1]))
    return first if len(days) == 1 else f"{first}{'、' if len(days) == 2 else '至'}{last}"


# what a card adds after its hours: the backend's ``open_now`` for those hours, said only when
# the record carries it — a record without it (GET /stations once) read as 不在 at 09:15 on
# a Monday (ZX-02)
OPEN_NOW_NOTE = re.compile(r"（现在(?:正在|不在|在)服务时间）")


def bare_address(address: object) -> str:
    """A station's address without the register's notes (示例地址…, 具体位置请先打电话问清楚), for a
    sentence that says where to ask for the door itself."""
    return _UNVERIFIED.sub("", str(address or "")).replace("（具体位置请先打电话问清楚）", "")


def is_own_station(station: dict | None) -> bool:
    """The station is one of this hotline's own (青岛: the home station of the settings and the
    stations coded under it — QD, QD-HD, QD-HD-XA…). Another city's union centre is in the
    register only to route a case there: its hours are not this union's to tell (XV-9: 福田's
    hours said as if on record). A record without a code is taken as the hotline's own."""
    code = str((station or {}).get("code") or "")
    home = get_settings().fallback_station_code
    return not code or code == home or code.startswith(home + "-")


def home_city() -> str:
    """The city of the hotline's own stations (the home station's region in the register,
    bot/seed/stations.yml: 青岛市); 本地 when the register does not say."""
    home = get_settings().fallback_station_code
    station = next((st for st in seed("stations.yml").get("stations") or []
                    if isinstance(st, dict) and st.get("code") == home), None)
    region = (station or {}).get("region") or []
    return str(region[-1]) if region else "本地"


def known_hours(station: dict | None) -> dict:
    """The opening hours the hotline can tell of a station: its own stations' record, none of
    another city's union ({}: not on record)."""
    return dict((station or {}).get("hours") or {}) if is_own_station(station) else {}


HOURS_NOT_ON_RECORD = "我这里没有收录"
ELSEWHERE_NOTE = "（这是当地总工会的服务中心，不是本热线的工会网格工作站；服务时间以当地工会说的为准。）"


def station_text(station: dict) -> str:
    """The station's card, with whether it serves right now (when the record says); another
    city's union centre without hours (none are on record) and said to be that city's union."""
    hours = known_hours(station)
    open_now = station.get("open_now") if hours else None
    now = "" if open_now is None else "（现在正在服务时间）" if open_now else "（现在不在服务时间）"
    address = str(station.get("address") or "")
    if _UNVERIFIED.search(address):
        address = _UNVERIFIED.sub("", address) + "（具体位置请先打电话问清楚）"
    services = "、".join(str(s) for s in station.get("services") or [])
    said_hours = hours_text(hours) if hours else f"{HOURS_NOT_ON_RECORD}，去之前先打 {station['phone']} 问清楚"
    return (f"{station['name']}\n地址：{address}\n电话：{station['phone']}\n"
            f"服务时间：{said_hours}{now}"
            + (f"\n{SERVICES_LABEL}{services}" if services else "")
            + ("" if is_own_station(station) else f"\n{ELSEWHERE_NOTE}"))


def asked_time_line(station: dict | None, asked: str) -> str:
    """The yes or no to a day or an hour the worker's message asks about, as a line put before the
    station's card (沂河路那个工作站 礼拜天开不开, XF-9: the card alone); '' when none is asked.
    Before the card, not inside it: the card's first line is read back as the station's name."""
    verdict = asked_time_verdict(known_hours(station), asked) if asked else None
    return f"{verdict}。\n" if verdict else ""


SERVICES_LABEL = "站里的服务："


# From the most specific place to the widest: a station of a wider level than the place named
# serves it because the place has none of its own on record
_LEVELS = ("community", "street", "district", "city", "province")
_LEVEL_NAMES = {"street": "街道", "district": "区（县）", "city": "市"}


def wider_station_note(path: dict | None, station: dict | None) -> str:
    """黄岛长江路街道的工会服务站在哪 (the district centre was given as if it were the street's,
    round 25): '长江路街道还没有收录单独的工作站，先给您上一级的：' — '' when the station is the
    place's own (or the place is unknown)."""
    if not isinstance(path, dict) or not isinstance(station, dict):
        return ""
    named = next((level for level in _LEVELS if path.get(level)), None)
    if named is not None and not is_own_station(station):
        # 福田的工会站几点开门 (XV-9): no grid station of this hotline there — that city's union
        # (只在本地 read as 本地是哪儿 — XZ-10: the hotline's own city, from the register)
        return (f"{path[named]}没有本热线的工会网格工作站（本热线的网格工作站只在{home_city()}）；"
                "那边的事请找当地工会，或打职工服务热线 12351 转当地工会。\n")
    level = station.get("level")
    if named is None or level not in _LEVELS or _LEVELS.index(level) <= _LEVELS.index(named):
        return ""
    return (f"{path[named]}我这里还没有收录单独的工会网格工作站，先给您上一级"
            f"（{_LEVEL_NAMES.get(level, '')}）的，他们会帮您转到就近的站点：\n")


# 晚上八点还有人吗 / 周日有人没: the time asked, against the station's own hours (XB-8: no yes or no)
_DAY_ASKED = (("sun", re.compile(r"周日|星期天|星期日|礼拜天|礼拜日")), ("sat", re.compile(r"周六|星期六|礼拜六")))
_HOUR_ASKED = re.compile(r"(早上|上午|中午|下午|傍晚|晚上|夜里)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*点(半)?")
_AFTER_WORK = re.compile(r"下班|下了班|收工|放工|干完活|才下")
_CN_HOURS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
             "十一": 11, "十二": 12}


def _minutes(span_end: str) -> int:
    hours, minutes = span_end.split(":")
    return int(hours) * 60 + int(minutes)


def _open_at(spans: list[str], minute: int) -> bool:
    return any(_minutes(span.split("-")[0]) <= minute < _minutes(span.split("-")[1]) for span in spans)


def asked_time_verdict(hours: dict, text: str) -> str | None:
    """Whether someone is at the station at the day or the hour the worker asked about, in
    plain words (None: no day or hour asked). No hours on record ({}: another city's union)
    gives no yes or no — never 不上班 made of nothing (XV-9)."""
    if not hours:
        asked = next((HOURS_KEY_NAMES.get(day, day) for day, words in _DAY_ASKED if words.search(text or "")), None)
        if asked is None and (found := _HOUR_ASKED.search(text or "")):
            asked = found.group(0).strip()
        return (f"这个服务中心的服务时间{HOURS_NOT_ON_RECORD}，{asked}有没有人在岗没法给您准话，去之前先打电话问清楚"
                if asked else None)
    for day, words in _DAY_ASKED:
        if words.search(text or ""):
            spans = hours.get(day) or []
            name = HOURS_KEY_NAMES.get(day, day)
            return f"{name}有人在岗（{'、'.join(spans)}）" if spans else f"{name}不上班，没有工作人员在岗"
    found = _HOUR_ASKED.search(text or "")
    if not found:
        return None
    raw = found.group(2)
    hour = int(raw) if raw.isdigit() else _CN_HOURS.get(raw)
    if hour is None or hour > 24:
        return None
    if found.group(1) in ("下午", "傍晚", "晚上", "夜里") and hour < 12:
        hour += 12
    elif not found.group(1) and 1 <= hour <= 7:
        hour += 12  # 我下班六点了还能去吗 (XJ-12: read as 06:00): no one asks about the small hours
    elif not found.group(1) and 8 <= hour <= 11 and _AFTER_WORK.search(text[found.end():found.end() + 6]):
        hour += 12  # 那我八点下班过去就关门了呗 (XX-10: 八点（08:00）已经下班了): a worker's day ends at night
    minute = hour * 60 + (30 if found.group(3) else 0)
    weekday = hours.get("mon") or []
    said = f"{found.group(0).strip()}（{minute // 60:02d}:{minute % 60:02d}）"
    return f"工作日{said}{'有人在岗' if _open_at(weekday, minute) else '已经下班了，没有工作人员在岗'}"
