/* 网格员工作台: queue, take over, reply, hand back, tickets. All text goes in via textContent. */
(function () {
  "use strict";
  var API = "/api/v1";
  var state = { me: null, handoff: null, ticket: null, lastCount: -1 };
  var $ = function (id) { return document.getElementById(id); };

  function api(method, path, body) {
    var opts = { method: method, credentials: "same-origin", headers: {} };
    if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(API + path, opts).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) { var e = new Error((data.error && data.error.message) || ("HTTP " + r.status)); e.status = r.status; throw e; }
        return data;
      });
    });
  }
  function li(text) { var n = document.createElement("li"); n.textContent = text; return n; }
  function item(label, onClick, testId) {
    var n = document.createElement("li"); var b = document.createElement("button");
    b.textContent = label; b.addEventListener("click", onClick); if (testId) b.dataset.id = testId;
    n.appendChild(b); return n;
  }
  function minutes(s) { return s < 60 ? s + " 秒" : Math.floor(s / 60) + " 分钟"; }
  var STATUS = { new: "新建", assigned: "已分派", in_progress: "处理中", resolved: "已办结", closed: "已关闭" };

  function showLogin() { $("login-view").hidden = false; $("work-view").hidden = true; $("logout").hidden = true; $("me").textContent = ""; }
  function showWork() { $("login-view").hidden = true; $("work-view").hidden = false; $("logout").hidden = false;
    $("me").textContent = state.me.display_name + "（" + ({ station_staff: "网格员", station_admin: "站长", trainer: "培训员", union_admin: "总工会管理员" }[state.me.role] || state.me.role) + "）"; }

  $("login-form").addEventListener("submit", function (e) {
    e.preventDefault(); $("login-error").textContent = "";
    api("POST", "/auth/login", { username: $("username").value, password: $("password").value })
      .then(function (d) { state.me = d.staff; showWork(); refresh(); })
      .catch(function (err) { $("login-error").textContent = err.message; });
  });
  $("logout").addEventListener("click", function () { api("POST", "/auth/logout", {}).finally(function () { state.me = null; showLogin(); }); });

  function refresh() {
    if (!state.me) return;
    api("GET", "/handoffs").then(function (d) {
      var queue = $("queue"), mine = $("mine"); queue.textContent = ""; mine.textContent = "";
      d.handoffs.forEach(function (h) {
        var label = "会话 " + h.conversation_id.slice(0, 12) + " · " + h.station_name + " · 已等 " + minutes(h.waiting_seconds) + (h.reason === "crisis" ? " · ⚠ 危机" : "");
        if (h.state === "waiting") queue.appendChild(item("（第 " + h.position + " 位）" + label, function () { openHandoff(h.id); }, "h" + h.id));
        else if (h.holder_staff_id !== null && h.holder_name === state.me.display_name) mine.appendChild(item(label, function () { openHandoff(h.id); }, "h" + h.id));
      });
      if (!queue.children.length) queue.appendChild(li("暂无排队"));
      if (!mine.children.length) mine.appendChild(li("暂无"));
    }).catch(onAuthError);
    api("GET", "/tickets?limit=30").then(function (d) {
      var list = $("tickets"); list.textContent = "";
      d.tickets.forEach(function (t) { list.appendChild(item(t.id + " · " + t.type + " · " + (STATUS[t.status] || t.status), function () { openTicket(t.id); })); });
      if (!list.children.length) list.appendChild(li("暂无工单"));
    }).catch(onAuthError);
    if (state.handoff) loadTranscript();
  }
  function onAuthError(err) { if (err.status === 401) { state.me = null; showLogin(); } }

  function openHandoff(id) { state.handoff = id; state.lastCount = -1; $("ticket").hidden = true; $("conversation").hidden = false; loadTranscript(); }

  function loadTranscript() {
    api("GET", "/handoffs/" + state.handoff + "/transcript").then(function (d) {
      var h = d.handoff;
      $("conv-title").textContent = "会话 " + h.conversation_id + " · " + ({ waiting: "排队中", active: "人工处理中（" + (h.holder_name || "") + "）", released: "已交还机器人", closed: "已结束" }[h.state] || h.state);
      var mineNow = h.state === "active" && h.holder_name === state.me.display_name;
      $("claim").disabled = h.state !== "waiting"; $("release").disabled = !mineNow; $("close").disabled = !(h.state === "waiting" || mineNow);
      $("reply").disabled = !mineNow; state.current = d;
      if (d.messages.length !== state.lastCount) {
        var t = $("transcript"); t.textContent = "";
        d.messages.forEach(function (m) {
          var n = document.createElement("li"); n.className = m.who;
          var who = document.createElement("span"); who.className = "who"; who.textContent = m.who === "worker" ? "职工" : (m.who === "staff" ? "工作人员 " + m.name : "机器人");
          var text = document.createElement("span"); text.className = "text"; text.textContent = m.text;
          n.appendChild(who); n.appendChild(text); t.appendChild(n);
        });
        t.scrollTop = t.scrollHeight; state.lastCount = d.messages.length;
      }
      var slots = $("slots"); slots.textContent = "";
      Object.keys(d.slots).forEach(function (k) { var dt = document.createElement("dt"); dt.textContent = k; var dd = document.createElement("dd"); dd.textContent = typeof d.slots[k] === "object" ? JSON.stringify(d.slots[k]) : String(d.slots[k]); slots.appendChild(dt); slots.appendChild(dd); });
      $("conv-error").textContent = "";
    }).catch(function (err) { $("conv-error").textContent = err.message; });
  }

  function act(action) {
    return api("POST", "/handoffs/" + state.handoff + "/" + action, {}).then(function () { refresh(); })
      .catch(function (err) { $("conv-error").textContent = err.message; });
  }
  $("claim").addEventListener("click", function () { act("claim"); });
  $("release").addEventListener("click", function () { act("release"); });
  $("close").addEventListener("click", function () { act("close"); });
  $("reply-form").addEventListener("submit", function (e) {
    e.preventDefault(); var text = $("reply").value.trim(); if (!text) return;
    api("POST", "/handoffs/" + state.handoff + "/messages", { text: text })
      .then(function () { $("reply").value = ""; loadTranscript(); })
      .catch(function (err) { $("conv-error").textContent = err.message; });
  });
  $("make-ticket").addEventListener("click", function () {
    var d = state.current; if (!d) return;
    var s = d.slots;
    api("POST", "/tickets", { type: "handoff", facts: s, conversation_id: d.handoff.conversation_id, station_id: d.handoff.station_id,
      contact_phone: s.phone || undefined, city: s.city || undefined, district: s.district || undefined })
      .then(function (t) { refresh(); openTicket(t.id); })
      .catch(function (err) { $("conv-error").textContent = err.message; });
  });

  function openTicket(id) {
    state.ticket = id; $("ticket").hidden = false;
    api("GET", "/tickets/" + id).then(function (t) {
      $("ticket-title").textContent = "工单 " + t.id + " · " + (STATUS[t.status] || t.status);
      var facts = $("ticket-facts"); facts.textContent = "";
      [["类型", t.type], ["工作站", t.station_name], ["联系电话", t.contact_phone || ""], ["时限", String(t.sla_due).slice(0, 16)], ["情况", JSON.stringify(t.facts)]]
        .forEach(function (p) { var dt = document.createElement("dt"); dt.textContent = p[0]; var dd = document.createElement("dd"); dd.textContent = p[1]; facts.appendChild(dt); facts.appendChild(dd); });
      var h = $("ticket-history"); h.textContent = "";
      t.history.forEach(function (e) { h.appendChild(li(String(e.at).slice(0, 16) + " " + e.actor + " " + (e.status ? (STATUS[e.status] || e.status) : "") + " " + (e.note || ""))); });
    });
  }
  $("ticket-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var body = {}; if ($("ticket-status").value) body.status = $("ticket-status").value; if ($("ticket-note").value) body.note = $("ticket-note").value;
    api("POST", "/tickets/" + state.ticket + "/transitions", body).then(function () { $("ticket-note").value = ""; openTicket(state.ticket); refresh(); })
      .catch(function (err) { alert(err.message); });
  });

  api("GET", "/auth/me").then(function (me) { state.me = me; showWork(); refresh(); }).catch(function () { showLogin(); });
  setInterval(refresh, 1000);
})();
