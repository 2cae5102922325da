"""Eligibility of a worker's facts for every programme of their region."""

from __future__ import annotations

from sqlalchemy import select

from bot.backend.api.common import index
from bot.backend.appkeys import ENGINE
from bot.backend.eligibility import evaluate_rule
from bot.backend.routing import RouteTable
from bot.backend.tables import eligibility_rules
from bot.backend.validation import Field
from bot.contract import OCCUPATIONS

routes = RouteTable()  # mounted by bot.backend.app (API_ROUTES)

FACTS = {
    "city": Field(description="所在城市"), "district": Field(description="区县/街道"),
    "hardship_status": Field(choices=("none", "困难", "特困")),
    "medical_out_of_pocket_yearly": Field("number", minimum=0, maximum=10_000_000,
                                          description="全年个人自付医疗费（元）"),
    "stayed_over_holiday": Field("boolean"), "returning_after_peak": Field("boolean"),
    "occupation": Field(choices=OCCUPATIONS),
    "employer": Field(max_length=128),
}


@routes.api("POST", "/eligibility", "按职工情况判断各项帮扶/补贴/救助是否符合（规则即数据）", body=FACTS,
     tag="eligibility")
async def eligibility(request, principal, body, query):
    regions = index(request)
    region = regions.resolve(body["city"], body["district"])
    if region is None:
        return {"region_known": False, "programmes": [],
                "reason": f"暂时没有“{body['district'] or body['city'] or '未说明地区'}”的帮扶政策数据，"
                          "建议拨打 12351 职工服务热线咨询当地工会。"}
    async with request.app[ENGINE].connect() as conn:
        rules = (await conn.execute(select(eligibility_rules))).mappings().all()
    facts = {k: v for k, v in body.items() if k not in ("city", "district")}
    results = [evaluate_rule(dict(r), facts) for r in rules if regions.contains(r["region_id"],
                                                                              region)]
    return {"region_known": True, "region": regions.path(region), "programmes": results,
            "reason": None if results else "当地暂无登记的专项帮扶项目，可拨打 12351 咨询。"}
