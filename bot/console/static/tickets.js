/* 工单处理: search and filter the station's tickets, then 签收 / 转派 / 退回 / 处理中 / 办结 / 回访 / 关闭. */
(function () {
  "use strict";
  var O = window.Ops, $ = function (id) { return document.getElementById(id); };
  var state = { page: 1, pages: 1, vocab: null, ticket: null, step: null, stations: [], me: null };
  var FACT_NAMES = { employer: "用人单位", amount: "金额（元）", duration: "时长", months: "月数", city: "城市",
    district: "区县/街道", phone: "电话", name: "姓名", wage: "工资", hours: "时数", description: "情况说明" };

  function filters() {
    return { status: $("f-status").value, type: $("f-type").value, date_from: $("f-from").value, date_to: $("f-to").value,
      overdue: $("f-overdue").value, escalated: $("f-escalated").value, assignee: $("f-assignee").value, q: $("f-q").value.trim() };
  }
  /* 督办: the overdue tickets escalated to the station, shown to everyone on it */
  function escalations() {
    O.api("GET", "/ticket-search" + O.params({ overdue: "true", escalated: "true", page_size: 1 })).then(function (d) {
      $("escalations").hidden = !d.total;
      $("escalations").textContent = "督办：有 " + d.total + " 张超期未办结的工单，请尽快处理。";
    });
  }
  function load() {
    escalations();
    var f = filters(); f.page = state.page; f.page_size = 20;
    var exp = filters(); exp.format = "csv"; $("export-csv").href = "/api/v1/ticket-export" + O.params(exp);
    exp.format = "xlsx"; $("export-xlsx").href = "/api/v1/ticket-export" + O.params(exp);
    O.api("GET", "/ticket-search" + O.params(f)).then(function (d) {
      var rows = O.clear($("rows"));
      d.tickets.forEach(function (t) {
        var status = O.el("td", {}, [state.vocab.statuses[t.status] || t.status, t.overdue ? " " : null,
          t.overdue ? O.el("span", { class: "tag late", text: t.escalated_at ? "超期·已督办" : "超期" }) : null]);
        rows.appendChild(O.el("tr", { class: t.overdue ? "overdue" : "", "data-id": t.id }, [
          O.el("td", {}, [O.el("button", { type: "button", class: "open", text: t.id, onclick: function () { openTicket(t.id); } })]),
          O.el("td", { text: state.vocab.types[t.type] || t.type }), status,
          O.el("td", { text: t.station_name }), O.el("td", { text: t.assignee_name || "" }),
          O.el("td", { text: O.time(t.created_at) }), O.el("td", { text: O.time(t.sla_due) })]));
      });
      state.pages = d.pages;
      $("list-info").textContent = "共 " + d.total + " 张工单";
      $("page-info").textContent = "第 " + d.page + " / " + d.pages + " 页";
      $("prev").disabled = d.page <= 1; $("next").disabled = d.page >= d.pages;
    }).catch(function (e) { $("list-info").textContent = e.message; });
  }

  function field(dl, name, value) {
    dl.appendChild(O.el("dt", { text: name })); dl.appendChild(O.el("dd", { text: value === undefined || value === null ? "" : String(value) }));
  }
  function openTicket(id) {
    return O.api("GET", "/tickets/" + encodeURIComponent(id)).then(show).catch(function (e) { O.say("d-msg", e.message); });
  }
  function show(t) {
    state.ticket = t; $("detail").hidden = false; $("step-form").hidden = true;
    $("d-title").textContent = "工单 " + t.id + " · " + (state.vocab.statuses[t.status] || t.status);
    var dl = O.clear($("d-facts"));
    field(dl, "类型", state.vocab.types[t.type] || t.type); field(dl, "工作站", t.station_name);
    field(dl, "联系人", t.contact_name); field(dl, "联系电话", t.contact_phone);
    field(dl, "地区", [t.city, t.district].filter(Boolean).join(" "));
    field(dl, "创建时间", O.time(t.created_at)); field(dl, "办理时限", O.time(t.sla_due));
    if (t.outcome) field(dl, "办理结果", t.outcome);
    Object.keys(t.facts || {}).forEach(function (k) {
      var v = t.facts[k]; field(dl, FACT_NAMES[k] || k, typeof v === "object" ? JSON.stringify(v) : v);
    });
    var steps = O.clear($("d-steps"));
    if (state.me.role !== "union_admin" && t.station_id !== state.me.station_id) {
      steps.appendChild(O.el("p", { text: "已转派到" + t.station_name + "，由该站处理。" }));
    } else Object.keys(state.vocab.actions).forEach(function (name) {
      var a = state.vocab.actions[name];
      if (a.from.indexOf(t.status) < 0) return;
      steps.appendChild(O.el("button", { type: "button", "data-action": name, text: a.label, onclick: function () { startStep(name); } }));
    });
    var h = O.clear($("d-history"));
    t.history.forEach(function (e) {
      var label = e.action && state.vocab.actions[e.action] ? state.vocab.actions[e.action].label : (e.action === "escalate" ? "督办" : (state.vocab.statuses[e.status] || ""));
      h.appendChild(O.el("li", { text: O.time(e.at) + " · " + e.actor + " · " + label + (e.note ? "：" + e.note : "") }));
    });
  }
  function startStep(name) {
    var a = state.vocab.actions[name]; state.step = name;
    $("step-label").textContent = a.label;
    ["station", "reason", "outcome", "result"].forEach(function (k) { $("w-" + k).hidden = a.needs.indexOf(k) < 0; });
    $("w-note").firstChild.textContent = name === "follow_up" ? "回访记录 " : "备注 ";
    ["s-reason", "s-outcome", "s-note"].forEach(function (k) { $(k).value = ""; });
    var sel = O.clear($("s-station"));
    state.stations.forEach(function (s) { if (s.id !== state.ticket.station_id) sel.appendChild(O.el("option", { value: s.id, text: s.name })); });
    $("step-form").hidden = false; O.say("d-msg", "");
  }
  $("step-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var a = state.vocab.actions[state.step], body = {};
    if (a.needs.indexOf("station") >= 0) body.station_id = parseInt($("s-station").value, 10);
    if (a.needs.indexOf("reason") >= 0) body.reason = $("s-reason").value.trim();
    if (a.needs.indexOf("outcome") >= 0) body.outcome = $("s-outcome").value.trim();
    if (a.needs.indexOf("result") >= 0) body.result = $("s-result").value;
    if ($("s-note").value.trim()) body.note = $("s-note").value.trim();
    O.api("POST", "/tickets/" + encodeURIComponent(state.ticket.id) + "/actions/" + state.step, body)
      .then(function (t) { show(t); O.say("d-msg", a.label + "成功", true); load(); })
      .catch(function (err) { O.say("d-msg", err.message); });
  });
  $("step-cancel").addEventListener("click", function () { $("step-form").hidden = true; });
  $("filters").addEventListener("submit", function (e) { e.preventDefault(); state.page = 1; load(); });
  $("prev").addEventListener("click", function () { if (state.page > 1) { state.page -= 1; load(); } });
  $("next").addEventListener("click", function () { if (state.page < state.pages) { state.page += 1; load(); } });

  O.signedIn(function (me) {
    state.me = me;
    Promise.all([O.api("GET", "/ticket-workflow"), O.api("GET", "/stations")]).then(function (r) {
      state.vocab = r[0]; state.stations = r[1].stations;
      Object.keys(state.vocab.statuses).forEach(function (k) { $("f-status").appendChild(O.el("option", { value: k, text: state.vocab.statuses[k] })); });
      Object.keys(state.vocab.types).forEach(function (k) { $("f-type").appendChild(O.el("option", { value: k, text: state.vocab.types[k] })); });
      Object.keys(state.vocab.follow_up_results).forEach(function (k) { $("s-result").appendChild(O.el("option", { value: k, text: state.vocab.follow_up_results[k] })); });
      load();
      var wanted = new URLSearchParams(location.search).get("id"); if (wanted) openTicket(wanted);
    });
  });
})();
