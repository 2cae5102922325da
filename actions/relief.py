"""Relief eligibility: the backend's rules decide, from the worker's record and costs."""

from __future__ import annotations

from actions.common import SafeAction, client, location
from actions.tickets import offer_ticket


def worker_region(tracker) -> tuple[str | None, str | None]:
    """The region on the worker's record, else the place they told us."""
    region = (tracker.get_slot("verified_worker") or {}).get("region") or {}
    city, district = location(tracker)
    return region.get("city") or city, region.get("district") or district


def amount_text(amount: dict | None) -> str:
    if not amount:
        return ""
    if amount.get("max"):
        return f"，最高 {amount['max']:,} 元"
    if amount.get("value"):
        return f"，{amount['value']:,} 元"
    return f"（{amount['text']}）" if amount.get("text") else ""


def verdict_lines(programmes: list[dict]) -> tuple[list[str], list[str]]:
    """'✔ …' lines for the programmes that apply, '✘ …: why not' for the others."""
    yes = [f"✔ {p['title']}{amount_text(p.get('amount'))}。{p['reason']}"
           + (f" {p['next_steps']}" if p.get("next_steps") else "")
           for p in programmes if p["eligible"]]
    no = [f"✘ {p['title']}：{p['reason']}" for p in programmes
          if not p["eligible"] and not p.get("undetermined")]
    return yes, no


class ActionReliefEligibility(SafeAction):
    def name(self) -> str:
        return "action_relief_eligibility"

    async def act(self, dispatcher, tracker, domain):
        worker = tracker.get_slot("verified_worker") or {}
        city, district = worker_region(tracker)
        facts = {"city": city, "district": district,
                 # the record decides; a worker without one may say 我是困难职工 / 特困
                 "hardship_status": worker.get("hardship_status")
                 or tracker.get_slot("hardship_status") or "none",
                 "medical_out_of_pocket_yearly": tracker.get_slot("medical_cost")}
        result = await client().eligibility({k: v for k, v in facts.items() if v is not None})
        # the phone, the code's outcome and the cost stay: 建档了 / 我是特困 after the verdict
        # runs the assessment again with what was told, without asking any of it again
        done = []
        if not result["region_known"]:
            dispatcher.utter_message(text=result.get("reason") or "暂时没有您所在地区的帮扶数据。")
            return done
        yes, no = verdict_lines(result["programmes"])
        if yes:
            dispatcher.utter_message(text="根据您的情况，可以申请：\n" + "\n".join(yes))
        if no:
            dispatcher.utter_message(text="暂不符合：\n" + "\n".join(no[:3]))
        if not result["programmes"]:
            dispatcher.utter_message(text=result.get("reason") or "当地暂无登记的帮扶项目。")
        ticketable = [p for p in result["programmes"] if p["eligible"] and p.get("ticket_type")]
        if not ticketable:
            return done
        return done + offer_ticket(ticketable[0]["ticket_type"], {
            "programmes": [p["programme"] for p in ticketable],
            "medical_out_of_pocket_yearly": tracker.get_slot("medical_cost"),
            "hardship_status": facts["hardship_status"]})
