"""Holiday measures: what applies where the worker is, with amounts, and an application."""

from __future__ import annotations

from actions.common import SafeAction, client, location
from actions.relief import verdict_lines
from actions.tickets import offer_ticket
from actions.validators import UNKNOWN


def worker_facts(tracker) -> dict:
    city, district = location(tracker)
    situation = tracker.get_slot("holiday_situation")
    facts = {"city": city, "district": district, "occupation": tracker.get_slot("occupation"),
             "stayed_over_holiday": situation == "stay",
             "returning_after_peak": situation == "return",
             "employer": tracker.get_slot("employer")}
    return {k: v for k, v in facts.items() if v is not None and v != UNKNOWN}


class ActionHolidaySubsidy(SafeAction):
    def name(self) -> str:
        return "action_holiday_subsidy"

    async def act(self, dispatcher, tracker, domain):
        facts = worker_facts(tracker)
        measures = (await client().policies("holiday_subsidy", facts.get("city"),
                                            facts.get("district")))["policies"]
        local = [p for p in measures if p.get("region_id") is not None]
        if local:
            dispatcher.utter_message(text="当地工会的过年措施：\n" + "\n".join(
                f"· {p['title']}：{p['summary']}（来源：{p['source']}）" for p in local[:2]))
        else:
            dispatcher.utter_message(response="utter_no_holiday_measures")
        result = await client().eligibility(facts)
        yes, _ = verdict_lines(result.get("programmes", []))
        if yes:
            dispatcher.utter_message(text="按您的情况，可以享受：\n" + "\n".join(yes))
        applicable = [p for p in result.get("programmes", [])
                      if p["eligible"] and p.get("ticket_type")]
        if not applicable:
            return []
        return offer_ticket("subsidy_application", {
            "programmes": [p["programme"] for p in applicable],
            "situation": tracker.get_slot("holiday_situation"),
            "occupation": facts.get("occupation"), "employer": facts.get("employer")})
