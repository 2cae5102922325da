"""Holiday measures: what applies where the worker is, with amounts, and an application."""

from __future__ import annotations

from actions.common import SafeAction, client, location
from actions.relief import _amount_text
from actions.tickets import offer_ticket


class ActionHolidaySubsidy(SafeAction):
    def name(self) -> str:
        return "action_holiday_subsidy"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        situation = tracker.get_slot("holiday_situation")
        facts = {"city": city, "district": district, "occupation": tracker.get_slot("occupation"),
                 "stayed_over_holiday": situation == "stay",
                 "returning_after_peak": situation == "return",
                 "employer": tracker.get_slot("employer")}
        measures = (await client().policies("holiday_subsidy", city, district))["policies"]
        local = [p for p in measures if p["region_id"] is not None]
        if local:
            dispatcher.utter_message(text="当地工会的过年措施：\n" + "\n".join(
                f"· {p['title']}：{p['summary']}（来源：{p['source']}）" for p in local[:2]))
        else:
            dispatcher.utter_message(text=f"暂时没有{city or '当地'}工会过年补贴的资料，"
                                          "可以拨打 12351 问问当地工会。")
        result = await client().eligibility({k: v for k, v in facts.items() if v is not None})
        eligible = [p for p in result.get("programmes", []) if p["eligible"]]
        if eligible:
            dispatcher.utter_message(text="按您的情况，可以享受：\n" + "\n".join(
                f"✔ {p['title']}{_amount_text(p['amount'])}。{p['next_steps']}" for p in eligible))
            applicable = [p for p in eligible if p["ticket_type"]]
            if applicable:
                return offer_ticket("subsidy_application",
                                    {"programmes": [p["programme"] for p in applicable],
                                     "situation": situation, "occupation": facts["occupation"]})
        return []
