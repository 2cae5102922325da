"""Who runs the hotline (你们是哪个工会的, XV-3): one answer, from the backend's stations and the
settings, for the router, the fallback, the bot challenge and a question inside a form. Its own
module so that the forms and the services read it without importing each other."""

from __future__ import annotations

import re

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.backend_client import BackendError, BackendUnavailable
from actions.common import client, location
from actions.service_catalog import asks_who_we_are
from actions.station_text import is_own_station
from bot.normalize.text import normalize_text
from bot.settings import get_settings

WHO_WE_ARE_PLAIN = ("这里是工会的职工服务热线助手（我是智能助手，不是真人），帮职工问政策、算加班费、登记欠薪等事情，"
                    "登记的事转给工会网格工作站的工作人员办。全国职工服务热线是 12351。需要真人的话，说“转人工”就行。")


async def who_we_are_reply() -> str:
    """你们是哪个工会的 / 你们是谁 (XV-3: 没太明白): who runs the hotline, from the backend's stations and
    the settings — the union whose grid stations take the cases (the district centre the home
    stations are coded under), its area, the city's centre for the rest of the city, and 12351."""
    home_code = get_settings().fallback_station_code
    try:
        listed = (await client().request("GET", "/stations")).get("stations") or []
    except (BackendError, BackendUnavailable):
        return WHO_WE_ARE_PLAIN
    own = [st for st in listed if is_own_station(st) and st.get("code")]
    home = next((st for st in own if st["code"] == home_code), None)
    grid = [st for st in own if st.get("level") in ("street", "community")]
    centre = next((st for st in own if st.get("level") == "district"
                   and any(str(g["code"]).startswith(st["code"] + "-") for g in grid)), None)
    if home is None or centre is None:
        return WHO_WE_ARE_PLAIN
    try:
        path = (await client().resolve(None, centre["name"])).get("path") or {}
    except (BackendError, BackendUnavailable):
        path = {}
    area = f"（{path.get('city', '')}{path.get('district', '')}）" if path.get("district") else ""
    union = re.sub(r"职工服务中心$", "", centre["name"])
    stations = "、".join(g["name"] for g in grid)
    rest = f"{path['city']}其他区" if path.get("city") else "其他地方"
    return (f"这里是{union}{area}的职工服务热线助手（我是智能助手，不是真人）。您登记的事由{centre['name']}"
            f"（电话 {centre['phone']}）和它下面的工会网格工作站办，我这里收录的有：{stations}；"
            f"{rest}的事转{home['name']}（电话 {home['phone']}）。全国职工服务热线是 12351。"
            "不在这一片的职工也可以在这里问政策、算加班费，要登记办理的事转给您当地的工会。需要真人的话，说“转人工”就行。")


# 那我在成都出了事你们能帮我登记不 / 能不能帮我登记 said with 本地是哪儿 (XZ-10: neither answered — the card
# again, then 帮不上忙): whether a case of the worker's own place is taken here
_REGISTER_ASKED = re.compile(r"登记|(?:帮|给)(?:我|俺)?(?:办|弄|管|报)|管不管|管吗|能不能管|受理|能办|办不办")


async def registration_line(tracker: Tracker) -> str:
    """Yes, a case is registered here: for a worker outside the hotline's own area, the ticket goes
    to that place's union centre (the register's station for the place), named with its phone."""
    city, district = location(tracker)
    found: dict = {}
    if city or district:
        try:
            found = await client().resolve(city, district) or {}
        except (BackendError, BackendUnavailable):
            found = {}
    station = found.get("station") if isinstance(found.get("station"), dict) else None
    ask = "有要登记的事，直接跟我说是什么事就行。"
    if station and not is_own_station(station) and station.get("name"):
        path = found.get("path") or {}
        place = f"{path.get('city') or ''}{path.get('district') or ''}" or district or city
        return (f"能登记：您在{place}出了事（比如欠薪、工伤、被辞退），可以在这里把事情说清楚、留个手机号，"
                f"我登记成工单，转给{station['name']}（电话 {station.get('phone') or '12351'}）跟进，"
                f"着急的也可以直接打职工服务热线 12351，会转给当地工会。{ask}")
    return f"能登记：您把遇到的事说清楚、留个手机号，我登记成工单，转给您所在地的工会网格工作站跟进。{ask}"


async def say_who_we_are(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """你们是哪个工会的 asked (any intent, any form open): who runs the hotline said, and whether a
    case is registered here when that is asked too; True when said."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not asks_who_we_are(text):
        return False
    dispatcher.utter_message(text=await who_we_are_reply())
    if _REGISTER_ASKED.search(normalize_text(text)):
        dispatcher.utter_message(text=await registration_line(tracker))
    return True
