"""The vocabulary the action server and the backend share across the process boundary.

Ticket types, ticket statuses, occupations and weekday names used to be copied on both sides
(``actions/tickets.py`` and ``bot/backend/tickets.py``, ``actions/validators.py`` and the
eligibility route, ``actions/services.py`` and ``bot/backend/handoffs.py``); a value added on one
side only was refused by the other. They are defined here once and imported by both.

Standard library only: the action server imports this without pulling the backend (SQLAlchemy,
aiohttp) in, and the backend without pulling rasa_sdk in. ``tests/unit/test_contract.py`` fails
when a vocabulary is written out again anywhere else in ``bot/`` or ``actions/``.
"""

from __future__ import annotations

# --- tickets ---------------------------------------------------------------------------------

TICKET_TYPES: tuple[str, ...] = (
    "school_placement", "wage_arrears", "overtime_pay", "minimum_wage", "relief_application",
    "subsidy_application", "legal_aid", "callback", "handoff", "psych_support",
    "mutual_insurance", "other")

# The names staff read in the console and exports.
TICKET_TYPE_NAMES: dict[str, str] = {
    "school_placement": "子女入学", "wage_arrears": "欠薪", "overtime_pay": "加班费",
    "minimum_wage": "最低工资", "relief_application": "困难帮扶",
    "subsidy_application": "补贴申请", "legal_aid": "法律援助", "callback": "回电",
    "handoff": "人工会话", "psych_support": "心理支持", "mutual_insurance": "互助保障",
    "other": "其他"}

# The words a worker hears in the chat ("已为您登记「欠薪」工单"); "" means no name is said.
TICKET_TYPE_WORKER_NAMES: dict[str, str] = {
    "wage_arrears": "欠薪", "school_placement": "子女入学协调",
    "relief_application": "困难救助申请", "subsidy_application": "补贴申请",
    "legal_aid": "律师咨询（法律援助）", "minimum_wage": "工资低于最低标准",
    "overtime_pay": "加班费", "callback": "回电", "handoff": "转人工", "other": ""}

# Handoff / callback reasons (``facts.reason``) that cannot wait the usual working days: the
# callback is due when the station next opens and the console queue puts them first.
URGENT_CALLBACK_REASONS: frozenset[str] = frozenset({"crisis", "psych_support"})

# The workflow's steps in order (transitions: bot/backend/tickets.py, bot/backend/workflow.py).
TICKET_STATUSES: tuple[str, ...] = (
    "new", "assigned", "acknowledged", "in_progress", "returned", "resolved", "followed_up",
    "closed")

TICKET_STATUS_NAMES: dict[str, str] = {
    "new": "新建", "assigned": "待签收", "acknowledged": "已签收", "in_progress": "处理中",
    "returned": "已退回", "resolved": "已办结", "followed_up": "已回访", "closed": "已关闭"}

TICKET_STATUS_WORKER_NAMES: dict[str, str] = {
    "new": "已登记", "assigned": "已分派到网格工作站", "acknowledged": "工作人员已签收",
    "in_progress": "正在办理", "returned": "正在重新分派", "resolved": "已办结",
    "followed_up": "已办结并回访", "closed": "已关闭"}

# --- workers ---------------------------------------------------------------------------------

# Occupation codes the eligibility rules know (holiday measures for couriers, riders, …).
OCCUPATIONS: tuple[str, ...] = (
    "courier", "rider", "sanitation", "construction", "driver", "factory", "other")
OCCUPATION_NAMES: dict[str, str] = {
    "courier": "快递", "rider": "外卖骑手", "sanitation": "环卫/保洁", "construction": "建筑",
    "driver": "司机", "factory": "工厂", "other": "其他"}

# --- opening hours ---------------------------------------------------------------------------

# Keys of a station's ``hours`` object, Monday first (``date.weekday()`` indexes it).
WEEKDAYS: tuple[str, ...] = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Statutory holidays and breaks; make-up working weekends (调休上班).
HOLIDAY, MAKEUP = "holiday", "makeup"
HOURS_KEYS: tuple[str, ...] = (*WEEKDAYS, HOLIDAY, MAKEUP)

WEEKDAY_NAMES: dict[str, str] = {
    "mon": "周一", "tue": "周二", "wed": "周三", "thu": "周四", "fri": "周五", "sat": "周六",
    "sun": "周日"}
HOURS_KEY_NAMES: dict[str, str] = {**WEEKDAY_NAMES, HOLIDAY: "法定节假日", MAKEUP: "调休上班日"}


def weekday_name(weekday: int) -> str:
    """``date.weekday()`` (0 = Monday) as the worker reads it: 周一 … 周日."""
    return WEEKDAY_NAMES[WEEKDAYS[weekday]]

# The provinces, autonomous regions and municipalities by their short names: where a worker's
# hukou may be (四川, 河南), said bare when the school form asks about the hukou.
PROVINCE_NAMES: tuple[str, ...] = (
    "北京", "天津", "河北", "山西", "内蒙古", "辽宁", "吉林", "黑龙江", "上海", "江苏", "浙江", "安徽",
    "福建", "江西", "山东", "河南", "湖北", "湖南", "广东", "广西", "海南", "重庆", "四川", "贵州",
    "云南", "西藏", "陕西", "甘肃", "青海", "宁夏", "新疆", "香港", "澳门", "台湾")
