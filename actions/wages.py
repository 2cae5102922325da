"""Wage flows: arrears (ticket), overtime/holiday pay calculator, minimum wage."""

from __future__ import annotations

from datetime import date

from rasa_sdk.events import SlotSet

from actions.common import SafeAction, client, location
from actions.overtime_calculator import calculate, days_from_text
from actions.tickets import file_case, offer_ticket

SLOTS_OF_A_CASE = ("employer", "amount", "duration", "workers_affected")


class ActionSubmitWageArrears(SafeAction):
    def name(self) -> str:
        return "action_submit_wage_arrears"

    async def act(self, dispatcher, tracker, domain):
        facts = {s: tracker.get_slot(s) for s in SLOTS_OF_A_CASE}
        city, district = location(tracker)
        try:
            guide = (await client().policies("wage_arrears", city, district))["policies"][0]
            details = guide["details"]
            dispatcher.utter_message(
                text="先请保留好这些证据：" + "；".join(details["evidence"]) + "。\n"
                     + details["arbitration_deadline"]
                     + f"\n也可以拨打 {details['hotlines']['人社']} 向劳动保障监察投诉。")
        except Exception:  # the advice is optional, the ticket is not
            dispatcher.utter_message(text="请保留劳动合同、考勤、工资条和聊天记录等证据，"
                                          "可拨打 12333 投诉，劳动仲裁一般在一年内申请。")
        await file_case(dispatcher, tracker, "wage_arrears", facts)
        return [SlotSet(s, None) for s in SLOTS_OF_A_CASE]


class ActionCalculateOvertime(SafeAction):
    def name(self) -> str:
        return "action_calculate_overtime"

    async def act(self, dispatcher, tracker, domain):
        monthly = int(tracker.get_slot("monthly_wage"))
        counts = days_from_text(tracker.get_slot("overtime_days") or "", date.today().year) or {}
        calc = calculate(monthly, counts.get("statutory", 0), counts.get("rest", 0),
                         counts.get("extended_hours", 0))
        dispatcher.utter_message(
            text="按《劳动法》第四十四条计算：\n" + calc.explain()
                 + "\n说明：法定节假日（含除夕、正月初一至初三）加班不能用补休代替，必须按300%支付；"
                   "休息日加班可以安排补休，不补休的按200%支付。")
        return [SlotSet("overtime_days", None)]


class ActionMinimumWage(SafeAction):
    def name(self) -> str:
        return "action_minimum_wage"

    async def act(self, dispatcher, tracker, domain):
        city, district = location(tracker)
        result = await client().minimum_wage(city, district)
        wage = result.get("minimum_wage")
        if not result.get("found") or not wage:
            dispatcher.utter_message(text=f"暂时没有{city}的最低工资数据，请以当地人社部门公布的标准为准，"
                                          "也可以拨打 12333 咨询。")
            return []
        details = wage["details"]
        note = "" if details.get("verified") else "（数据待核实，请以当地人社部门最新公布为准）"
        dispatcher.utter_message(
            text=f"{wage['title']}：月最低工资 {details['monthly']} 元，小时最低工资 "
                 f"{details['hourly']} 元，{wage['effective_from']} 起执行。来源：{wage['source']}{note}。"
                 "最低工资不含加班工资、夜班津贴和高温等特殊津贴，也不含个人缴纳的社保和公积金。")
        paid = tracker.get_slot("monthly_wage")
        if paid and int(paid) < int(details["monthly"]):
            dispatcher.utter_message(
                text=f"您说的 {paid} 元低于这个标准，如果是正常出勤，用人单位就违法了。")
            return offer_ticket("minimum_wage", {"monthly_wage": paid,
                                                 "minimum_wage": details["monthly"]})
        return []
