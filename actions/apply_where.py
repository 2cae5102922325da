"""Where to apply for a service just answered (那我去哪申请, YV-04): the worker's station from
the backend and the documents from the policy data. Its own module so that the forms (which
answer it mid-form) and the services (which answer it outside a form) share one reader without
importing each other."""

from __future__ import annotations

from actions.common import client, location, policies_for
from actions.service_catalog import asks_where_to_apply, service_of_reply, services_named, where_to_apply


async def place_station(city: str | None, district: str | None) -> tuple[str | None, dict | None]:
    """The place's name as the backend has it and its station (None, None: unknown or no backend)."""
    if not (city or district):
        return None, None
    try:
        found = await client().resolve(city, district)
    except Exception:  # the answer stands without the station's name
        return None, None
    path, kind = found.get("path") or {}, str(found.get("kind") or "")
    return path.get(kind) or path.get("city") or city or district, found.get("station")


def station_where(station: dict | None) -> str:
    """The station named with its phone, or the usual places when none is known."""
    if station and station.get("name"):
        phone = f"（电话 {station['phone']}）" if station.get("phone") else ""
        return f"“{station['name']}”{phone}"
    return "所在社区的工会网格工作站或市总工会职工服务中心"


POLICY_SERVICE_OF = {"relief_eligibility": "relief", "childcare_service": "childcare"}


def service_answered_last(tracker) -> str | None:
    """The service the bot's replies to the previous two messages were about, newest reply
    first (relief, the subsidy, a school place as well as the policy services)."""
    users = 0
    for event in reversed(tracker.events):
        users += event.get("event") == "user"
        if users > 2:
            return None
        if event.get("event") == "bot" and (service := service_of_reply(event.get("text") or "")):
            return service
    return None


async def where_to_apply_reply(tracker) -> str | None:
    """那我去哪申请 right after a service's answer: where and how to apply for that service, at
    the worker's station (from the backend); None for another question or no service before."""
    text = ((tracker.latest_message or {}).get("text") or "").strip()
    if text.startswith("/") or not asks_where_to_apply(text) or services_named(text):
        return None
    if not (service := service_answered_last(tracker)):
        return None
    city, district = location(tracker)
    try:
        policies = await policies_for(POLICY_SERVICE_OF.get(service, service), city, district, client())
    except Exception:  # the places to apply stand without the record's lists
        policies = []
    _, station = await place_station(city, district)
    return where_to_apply(service, station_where(station), policies[0] if policies else None)
