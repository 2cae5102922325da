/* Chinese labels and value formats for what the bot collected and what tickets hold, and
 * Beijing time for every timestamp. Shared by the console's views (window.HotlineLabels). */
(function () {
  "use strict";
  var SLOTS = {
    city: "城市", district: "区县 / 街道", employer: "用人单位", amount: "金额", monthly_wage: "月工资",
    medical_cost: "医疗费用", duration: "持续时间", phone: "手机号", child_grade: "孩子年级", ticket_id: "工单号",
    holiday: "节日", workers_affected: "涉及人数", overtime_days: "加班天数", hukou_status: "户籍情况",
    school_problem: "入学问题", holiday_situation: "节日情况", occupation: "职业", wants_ticket: "是否要建工单",
    pending_case: "待建工单", type: "类型", reason: "原因", overtime_type: "加班类型", hours: "小时数",
    days: "天数", name: "姓名", contact_name: "联系人", contact_phone: "联系电话",
    daily_wage: "日工资", hourly_wage: "小时工资", wage_basis: "工资计法",
    question: "职工原话", case_points: "情况要点", time_worked: "在单位工作时长", service: "事项",
    call_time: "方便接电话的时间", related_ticket: "关联工单"
  };
  var MONEY = { amount: 1, monthly_wage: 1, medical_cost: 1, daily_wage: 1, hourly_wage: 1 };
  var TYPES = {
    school_placement: "子女入学", wage_arrears: "欠薪", overtime_pay: "加班费", minimum_wage: "最低工资",
    relief_application: "困难救助", subsidy_application: "补贴申请", legal_aid: "法律援助", callback: "回电",
    handoff: "人工会话", psych_support: "心理支持", mutual_insurance: "互助保障", other: "其他"
  };
  var STATUS = { new: "新建", assigned: "已分派", in_progress: "处理中", resolved: "已办结", closed: "已关闭" };
  var OCCUPATION = { factory: "工厂工人", sanitation: "环卫工人", construction: "建筑工人", delivery: "快递外卖员",
    driver: "司机", domestic: "家政服务", service: "服务业" };
  var UNITS = { Y: "年", M: "个月", W: "周", D: "天" };

  function duration(value) {
    var m = /^P(\d+(?:\.\d+)?)([YMWD])$/.exec(String(value));
    return m ? m[1] + " " + UNITS[m[2]] : String(value);
  }
  function value(key, v) {
    if (v === null || v === undefined || v === "") return "";
    if (typeof v === "boolean") return v ? "是" : "否";
    if (MONEY[key] && typeof v === "number") return v.toLocaleString("zh-CN") + " 元";
    if (key === "duration") return duration(v);
    if (key === "type") return TYPES[v] || String(v);
    if (key === "occupation") return OCCUPATION[v] || String(v);
    if (Array.isArray(v)) return v.map(function (x) { return value("", x); }).join("、");
    if (typeof v === "object") {
      return Object.keys(v).filter(function (k) { return v[k] !== null && v[k] !== ""; })
        .map(function (k) { return (SLOTS[k] || k) + "：" + value(k, v[k]); }).join("；");
    }
    return String(v);
  }
  /* Naive UTC strings from the backend ("2026-12-01 13:05:00.123"), ISO strings, or epoch seconds. */
  function toDate(t) {
    if (t === null || t === undefined || t === "") return null;
    if (typeof t === "number") return new Date(t * 1000);
    var s = String(t).replace(" ", "T").replace(/(\.\d{3})\d+/, "$1");
    if (!/(Z|[+-]\d\d:?\d\d)$/.test(s)) s += "Z";
    var d = new Date(s);
    return isNaN(d.getTime()) ? null : d;
  }
  var FULL = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit",
    day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
  var SHORT = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false });
  function beijing(t, short) { var d = toDate(t); return d ? (short ? SHORT : FULL).format(d) : ""; }
  function waited(since) {
    var d = toDate(since); if (!d) return "";
    var s = Math.max(0, Math.floor((Date.now() - d.getTime()) / 1000));
    return s < 60 ? s + " 秒" : (s < 3600 ? Math.floor(s / 60) + " 分钟" : Math.floor(s / 3600) + " 小时 " + Math.floor((s % 3600) / 60) + " 分");
  }
  window.HotlineLabels = { slot: function (k) { return SLOTS[k] || k; }, value: value, type: function (t) { return TYPES[t] || t; },
    status: function (s) { return STATUS[s] || s; }, beijing: beijing, waited: waited, STATUS: STATUS };
})();
