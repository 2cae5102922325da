"""Fact questions: the recorded figure a question asks for, with its source and date."""

from __future__ import annotations

from bot.backend.api.common import index, station_record
from bot.backend.appkeys import ENGINE
from bot.backend.facts import facts_on_record, select_facts
from bot.backend.regions import Region
from bot.backend.routing import RouteTable
from bot.backend.validation import Field

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)


def _place(request, question: str, city: str | None, district: str | None) -> Region | None:
    """The place the question names, else the caller's (the conversation's place). Never a
    404: a question about a place we do not know still gets the national figures."""
    regions = index(request)
    return regions.resolve(None, question) or (
        regions.resolve(city, district) if city or district else None)


@routes.api("GET", "/facts", "回答关于具体数字的问题（救助门槛、补贴和红包金额、保障上限、加班倍数、"
     "仲裁时效、热线号码、工作站地址电话），每条附来源和日期", query={
         "q": Field(required=True, max_length=500, description="职工的问题原文"),
         "city": Field(description="问题或对话里的城市"),
         "district": Field(description="问题或对话里的区县、街道或社区"),
         "employer": Field(description="问题里的单位（如 隆祥）")}, tag="policies")
async def answer_facts(request, principal, body, query):
    facts = await facts_on_record(request.app[ENGINE])
    question = query["q"]
    place = _place(request, question, query["city"], query["district"])
    regions = index(request)
    found = []
    for fact in select_facts(facts, question, place, regions,
                             query["employer"]):
        record = fact.as_dict()
        # where the record holds (隆祥's agreement: 福鼎市), so the dialogue need not ask it
        inner = regions.by_id.get(fact.region_id) if fact.region_id is not None else None
        record["place"] = regions.path(inner) if inner else None
        if fact.kind == "station":
            station_id = regions.station_for(place) if place else None
            if not station_id:
                continue
            record["station"] = await station_record(request, station_id)
        found.append(record)
    return {"question": question, "region": regions.path(place) if place else None,
            "facts": found}
