/* 管理: staff accounts, stations and areas, opening hours, minimum wages, policies, rules, audit log. */
(function () {
  "use strict";
  var O = window.Ops, $ = function (id) { return document.getElementById(id); };
  var S = { me: null, stations: [], regions: [], station: null, auditPage: 1, auditPages: 1 };
  var DAYS = [["mon", "周一"], ["tue", "周二"], ["wed", "周三"], ["thu", "周四"], ["fri", "周五"], ["sat", "周六"], ["sun", "周日"],
    ["holiday", "法定节假日"], ["makeup", "调休上班日"]];
  var SERVICE_NAMES = { school_placement: "子女入学", wage_arrears: "欠薪", overtime: "加班", minimum_wage: "最低工资", holiday_subsidy: "节日补贴",
    relief: "困难帮扶", mutual_insurance: "互助保障", legal_aid: "法律援助", psych_support: "心理支持", childcare: "托育", skills_training: "技能培训", find_station: "找工作站" };

  function fail(e) { O.say("msg", e.message); }
  function done(text) { O.say("msg", text, true); }
  function stationName(id) { var s = S.stations.filter(function (x) { return x.id === id; })[0]; return s ? s.name : ""; }
  function regionPath(id) { var r = S.regions.filter(function (x) { return x.id === id; })[0]; return r ? r.path : ""; }

  function tab(name) {
    document.querySelectorAll("main > section").forEach(function (s) { s.hidden = s.id !== "tab-" + name; });
    O.say("msg", "");
    ({ staff: loadStaff, stations: loadStations, policies: loadPolicies, rules: loadRules, audit: loadAudit })[name]();
  }
  document.querySelectorAll("#tabs button").forEach(function (b) { b.addEventListener("click", function () { tab(b.getAttribute("data-tab")); }); });

  function fillSelects() {
    document.querySelectorAll(".station-select").forEach(function (sel) {
      O.clear(sel); if (S.me.role === "union_admin") sel.appendChild(O.el("option", { value: "", text: "（无）" }));
      S.stations.forEach(function (s) { sel.appendChild(O.el("option", { value: s.id, text: s.name })); });
    });
    document.querySelectorAll(".region-select").forEach(function (sel) {
      O.clear(sel); S.regions.forEach(function (r) { sel.appendChild(O.el("option", { value: r.id, text: r.path })); });
    });
    document.querySelectorAll(".city-select").forEach(function (sel) {
      O.clear(sel); S.regions.filter(function (r) { return r.kind === "city"; }).forEach(function (r) { sel.appendChild(O.el("option", { value: r.id, text: r.path })); });
    });
  }
  function loadBasics() {
    return Promise.all([O.api("GET", "/stations"), O.api("GET", "/admin/regions")]).then(function (r) {
      S.stations = r[0].stations.filter(function (s) { return S.me.role === "union_admin" || s.id === S.me.station_id; });
      S.regions = r[1].regions; fillSelects();
    });
  }

  /* --- staff --- */
  function loadStaff() {
    O.api("GET", "/admin/staff").then(function (d) {
      var role = O.clear($("n-role"));
      d.roles.filter(function (r) { return S.me.role === "union_admin" || r === "station_staff" || r === "station_admin"; })
        .forEach(function (r) { role.appendChild(O.el("option", { value: r, text: O.ROLE_NAMES[r] || r })); });
      var rows = O.clear($("staff-rows"));
      d.staff.forEach(function (p) {
        var roleSel = O.el("select", { "aria-label": "角色" });
        Array.prototype.forEach.call(role.options, function (o) { roleSel.appendChild(O.el("option", { value: o.value, text: o.textContent, selected: o.value === p.role })); });
        rows.appendChild(O.el("tr", { "data-username": p.username }, [
          O.el("td", { text: p.username }), O.el("td", { text: p.display_name }), O.el("td", {}, [roleSel]),
          O.el("td", { text: stationName(p.station_id) }), O.el("td", { text: p.disabled ? "已停用" : "正常" }),
          O.el("td", {}, [
            O.el("button", { type: "button", text: "改角色", onclick: function () { patchStaff(p.id, { role: roleSel.value }, "角色已修改"); } }), " ",
            O.el("button", { type: "button", class: "toggle", text: p.disabled ? "启用" : "停用", onclick: function () { patchStaff(p.id, { disabled: !p.disabled }, p.disabled ? "已启用" : "已停用"); } }), " ",
            O.el("button", { type: "button", class: "reset", text: "重置密码", onclick: function () {
              O.api("POST", "/admin/staff/" + p.id + "/password", {}).then(function (r) { done("新密码（只显示这一次）：" + r.password); }).catch(fail);
            } })])]));
      });
    }).catch(fail);
  }
  function patchStaff(id, body, text) { O.api("PATCH", "/admin/staff/" + id, body).then(function () { done(text); loadStaff(); }).catch(fail); }
  $("staff-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var body = { username: $("n-username").value.trim(), display_name: $("n-display").value.trim(), password: $("n-password").value,
      role: $("n-role").value, station_id: $("n-station").value ? parseInt($("n-station").value, 10) : undefined };
    O.api("POST", "/admin/staff", body).then(function (p) { done("已新建账号 " + p.username); $("staff-form").reset(); loadStaff(); }).catch(fail);
  });

  /* --- stations, areas, hours --- */
  function loadStations() {
    loadBasics().then(function () {
      var rows = O.clear($("station-rows"));
      S.stations.forEach(function (s) {
        rows.appendChild(O.el("tr", { "data-code": s.code }, [O.el("td", { text: s.code }), O.el("td", { text: s.name }),
          O.el("td", { text: regionPath(s.region_id) }), O.el("td", { text: s.phone }),
          O.el("td", {}, [O.el("button", { type: "button", class: "hours", text: "开放时间", onclick: function () { editHours(s); } })])]));
      });
    }).catch(fail);
  }
  function editHours(s) {
    S.station = s; $("hours-form").hidden = false; $("hours-title").textContent = "开放时间 · " + s.name;
    var grid = O.clear($("hours-grid"));
    DAYS.forEach(function (d) {
      grid.appendChild(O.el("label", { for: "h-" + d[0], text: d[1] }));
      grid.appendChild(O.el("input", { id: "h-" + d[0], value: (s.hours[d[0]] || []).join(","), placeholder: d[0] === "holiday" ? "不开放" : "" }));
    });
    O.api("GET", "/admin/versions/station/" + s.id).then(function (d) {
      var list = O.clear($("hours-versions"));
      d.versions.forEach(function (v) { list.appendChild(O.el("li", { text: "第 " + v.version + " 版 · " + O.time(v.changed_at) + " · " + v.changed_by + (v.note ? " · " + v.note : "") })); });
    });
  }
  $("hours-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var hours = {};
    DAYS.forEach(function (d) {
      var v = $("h-" + d[0]).value.trim();
      if (v) hours[d[0]] = v.split(/[,，、\s]+/).filter(Boolean);
    });
    O.api("PATCH", "/admin/stations/" + S.station.id, { hours: hours, note: $("hours-note").value.trim() || undefined })
      .then(function (s) { done("开放时间已保存（第 " + s.version + " 版）"); loadStations(); editHours(s); }).catch(fail);
  });
  $("station-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var weekday = ["08:30-12:00", "13:30-17:30"];
    O.api("POST", "/admin/stations", { code: $("s-code").value.trim(), name: $("s-name").value.trim(), level: $("s-level").value,
      region_id: parseInt($("s-region").value, 10), address: $("s-address").value.trim(), phone: $("s-phone").value.trim(),
      hours: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday } })
      .then(function (s) { done("已新建工作站 " + s.name); $("station-form").reset(); loadStations(); }).catch(fail);
  });
  $("region-form").addEventListener("submit", function (e) {
    e.preventDefault();
    O.api("POST", "/admin/regions", { name: $("r-name").value.trim(), kind: $("r-kind").value, parent_id: parseInt($("r-parent").value, 10) })
      .then(function (r) { done("已新建辖区 " + r.name); $("region-form").reset(); loadStations(); }).catch(fail);
  });

  /* --- minimum wages and policies --- */
  function loadPolicies() {
    loadBasics().then(function () { return O.api("GET", "/admin/policies"); }).then(function (d) {
      var rows = O.clear($("policy-rows"));
      d.policies.forEach(function (p) {
        var verified = p.details && p.details.verified === false ? "（待核实）" : "";
        rows.appendChild(O.el("tr", {}, [O.el("td", { text: SERVICE_NAMES[p.service] || p.service }), O.el("td", { text: p.title + verified }),
          O.el("td", { text: p.source }), O.el("td", { text: p.effective_from || "" }),
          O.el("td", {}, [O.el("button", { type: "button", text: "修改", onclick: function () { editPolicy(p); } })])]));
      });
    }).catch(fail);
  }
  function editPolicy(p) {
    S.policy = p; $("policy-form").hidden = false; $("p-title-label").textContent = "修改政策 · " + p.key;
    $("p-title").value = p.title; $("p-summary").value = p.summary; $("p-source").value = p.source;
    $("p-from").value = p.effective_from || ""; $("p-to").value = p.effective_to || "";
  }
  $("policy-form").addEventListener("submit", function (e) {
    e.preventDefault();
    O.api("PATCH", "/admin/policies/" + S.policy.id, { title: $("p-title").value, summary: $("p-summary").value, source: $("p-source").value,
      effective_from: $("p-from").value || undefined, effective_to: $("p-to").value || undefined })
      .then(function (p) { done("政策已保存（第 " + p.version + " 版）"); loadPolicies(); }).catch(fail);
  });
  $("wage-form").addEventListener("submit", function (e) {
    e.preventDefault();
    O.api("PUT", "/admin/minimum-wages/" + $("w-region").value, { monthly: parseFloat($("w-monthly").value), hourly: parseFloat($("w-hourly").value),
      source: $("w-source").value.trim(), effective_from: $("w-effective").value, verified: $("w-verified").checked })
      .then(function (p) { done(p.title + "已保存（第 " + p.version + " 版）"); loadPolicies(); }).catch(fail);
  });

  /* --- eligibility rules --- */
  function loadRules() {
    O.api("GET", "/admin/rules").then(function (d) {
      var rows = O.clear($("rule-rows"));
      d.rules.forEach(function (r) {
        rows.appendChild(O.el("tr", {}, [O.el("td", { text: r.programme }), O.el("td", { text: r.title }), O.el("td", { text: r.source }),
          O.el("td", {}, [O.el("button", { type: "button", text: "修改", onclick: function () { editRule(r); } })])]));
      });
    }).catch(fail);
  }
  function editRule(r) {
    S.rule = r; $("rule-form").hidden = false; $("rule-label").textContent = "修改规则 · " + r.title;
    $("rule-conditions").value = JSON.stringify(r.conditions, null, 2); $("rule-reason").value = r.eligible_reason;
    $("rule-next").value = r.next_steps; $("rule-source").value = r.source;
  }
  $("rule-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var conditions;
    try { conditions = JSON.parse($("rule-conditions").value); } catch (err) { O.say("msg", "条件不是有效的 JSON"); return; }
    O.api("PATCH", "/admin/rules/" + S.rule.id, { conditions: conditions, eligible_reason: $("rule-reason").value,
      next_steps: $("rule-next").value, source: $("rule-source").value })
      .then(function (r) { done("规则已保存（第 " + r.version + " 版）"); loadRules(); }).catch(fail);
  });

  /* --- audit log --- */
  function loadAudit() {
    O.api("GET", "/admin/audit" + O.params({ actor: $("a-actor").value.trim(), action: $("a-action").value, target_id: $("a-target").value.trim(),
      date_from: $("a-from").value, date_to: $("a-to").value, page: S.auditPage, page_size: 50 })).then(function (d) {
      var sel = $("a-action");
      if (sel.options.length === 1) Object.keys(d.actions).forEach(function (k) { sel.appendChild(O.el("option", { value: k, text: d.actions[k] })); });
      var rows = O.clear($("audit-rows"));
      d.entries.forEach(function (e) {
        rows.appendChild(O.el("tr", {}, [O.el("td", { text: O.time(e.at) }), O.el("td", { text: e.actor }), O.el("td", { text: e.action_name }),
          O.el("td", { text: (e.target_type || "") + " " + (e.target_id || "") }), O.el("td", { text: e.details ? JSON.stringify(e.details) : "" })]));
      });
      S.auditPages = Math.max(1, Math.ceil(d.total / d.page_size));
      $("a-page").textContent = "第 " + d.page + " / " + S.auditPages + " 页，共 " + d.total + " 条";
    }).catch(fail);
  }
  $("audit-form").addEventListener("submit", function (e) { e.preventDefault(); S.auditPage = 1; loadAudit(); });
  $("a-prev").addEventListener("click", function () { if (S.auditPage > 1) { S.auditPage -= 1; loadAudit(); } });
  $("a-next").addEventListener("click", function () { if (S.auditPage < S.auditPages) { S.auditPage += 1; loadAudit(); } });

  O.signedIn(function (me) {
    S.me = me;
    if (me.role !== "union_admin" && me.role !== "station_admin") { O.clear(document.querySelector("main")).appendChild(O.el("p", { class: "notice", text: "只有总工会管理员和站长可以使用管理页面。" })); return; }
    loadBasics().then(function () { tab("staff"); }).catch(fail);
  });
})();
