/* 网格员工作台: live queue (socket.io push), take over, reply with canned replies, transfer,
 * hand back, tickets. All text goes in via textContent; every time is shown in Beijing time. */
(function () {
  "use strict";
  var API = "/api/v1";
  var L = window.HotlineLabels;
  var state = { me: null, handoff: null, ticket: null, lastCount: -1, queue: [], seen: null, socket: null,
                stations: [], audio: null, beeps: 0 };
  var $ = function (id) { return document.getElementById(id); };
  var ROLES = { station_staff: "网格员", station_admin: "站长", trainer: "培训员", union_admin: "总工会管理员" };

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
  function el(tag, cls, text) { var n = document.createElement(tag); if (cls) n.className = cls; if (text !== undefined) n.textContent = text; return n; }
  function li(text) { return el("li", "", text); }
  function item(label, onClick, testId) {
    var n = el("li"); var b = el("button", "", label);
    b.addEventListener("click", onClick); if (testId) b.dataset.id = testId;
    n.appendChild(b); return n;
  }
  function fields(dl, pairs) {
    dl.textContent = "";
    pairs.forEach(function (p) { if (p[1] === "" || p[1] === null || p[1] === undefined) return; dl.appendChild(el("dt", "", p[0])); dl.appendChild(el("dd", "", p[1])); });
  }

  // --- sound and notices: a new conversation in the queue --------------------------------
  function beep(times) {
    state.beeps += 1; document.body.dataset.beeps = String(state.beeps);
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext; if (!Ctx) return;
      state.audio = state.audio || new Ctx();
      if (state.audio.state === "suspended") state.audio.resume();
      for (var i = 0; i < times; i++) {
        var o = state.audio.createOscillator(), g = state.audio.createGain(), t = state.audio.currentTime + i * 0.35;
        o.frequency.value = times > 1 ? 988 : 660; o.connect(g); g.connect(state.audio.destination);
        g.gain.setValueAtTime(0.2, t); g.gain.exponentialRampToValueAtTime(0.001, t + 0.3); o.start(t); o.stop(t + 0.3);
      }
    } catch (e) { /* no audio on this device: the notice still shows */ }
  }
  function notice(text, crisis) {
    var n = $("notice"); n.textContent = text; n.hidden = false; n.className = "notice" + (crisis ? " crisis" : "");
    clearTimeout(state.noticeTimer); state.noticeTimer = setTimeout(function () { n.hidden = true; }, 15000);
  }
  document.addEventListener("click", function () { if (state.audio && state.audio.state === "suspended") state.audio.resume(); });

  function showLogin() { $("login-view").hidden = false; $("work-view").hidden = true; $("logout").hidden = true; $("me").textContent = ""; disconnect(); }
  function showWork() {
    $("login-view").hidden = true; $("work-view").hidden = false; $("logout").hidden = false;
    $("me").textContent = state.me.display_name + "（" + (ROLES[state.me.role] || state.me.role) + "）";
  }
  function start(me) { state.me = me; showWork(); connect(); loadTickets(); loadCanned(); loadStations(); }

  $("login-form").addEventListener("submit", function (e) {
    e.preventDefault(); $("login-error").textContent = "";
    try { var Ctx = window.AudioContext || window.webkitAudioContext; if (Ctx && !state.audio) state.audio = new Ctx(); } catch (err) { /* none */ }
    api("POST", "/auth/login", { username: $("username").value, password: $("password").value })
      .then(function (d) { start(d.staff); })
      .catch(function (err) { $("login-error").textContent = err.message; });
  });
  $("logout").addEventListener("click", function () { api("POST", "/auth/logout", {}).finally(function () { state.me = null; showLogin(); }); });
  function onAuthError(err) { if (err.status === 401) { state.me = null; showLogin(); } }

  // --- live updates ----------------------------------------------------------------------
  function setLive(ok) { $("live").textContent = ok ? "● 实时" : "○ 实时连接中断，正在重连…"; $("live").className = "live" + (ok ? " on" : ""); }
  function connect() {
    if (state.socket || !window.io) return;
    state.seen = null;
    var socket = window.io({ path: "/console/live/", transports: ["websocket", "polling"], reconnectionDelay: 1000 });
    state.socket = socket;
    socket.on("connect", function () { setLive(true); loadTickets(); if (state.handoff) loadTranscript(); });
    socket.on("disconnect", function () { setLive(false); });
    socket.on("connect_error", function (err) {
      setLive(false);
      if (err && (err.message === "unauthorized" || err.message === "forbidden")) {
        socket.disconnect(); state.socket = null;
        if (err.message === "forbidden") $("live").textContent = "培训员请使用审核收件箱";
        else api("GET", "/auth/me").catch(onAuthError);
      }
    });
    socket.on("queue", function (d) { renderQueue(d.handoffs || []); });
    socket.on("conversation", function (d) { if (d && d.handoff_id === state.handoff) loadTranscript(); });
    socket.on("tickets", function () { loadTickets(); if (state.ticket) openTicket(state.ticket, true); });
  }
  function disconnect() { if (state.socket) { state.socket.disconnect(); state.socket = null; } }

  function entryLabel(h) {
    var lines = [];
    var parts = [h.crisis ? "⚠ 危机" : "", h.topic || (h.crisis ? "" : h.reason_label || "咨询"), h.place || ""];
    lines.push(parts.filter(Boolean).join(" · "));
    lines.push(h.latest_message ? "“" + h.latest_message + "”" : "（还没有留言）");
    lines.push(h.station_name + " · " + (h.state === "waiting" ? "已等 " : "已处理 ") + L.waited(h.since));
    return lines;
  }
  // An entry keeps its element while it stays in the list: a push (a new message, another
  // station's take-over) updates the text in place, so a click that lands mid-update still opens
  // the conversation instead of hitting a button that was just replaced.
  function queueItem(h) {
    var n = el("li"); var b = el("button");
    n.dataset.key = "h" + h.id; b.dataset.id = "h" + h.id;
    b.addEventListener("click", function () { openHandoff(h.id); });
    n.appendChild(b); fillQueueItem(n, h); return n;
  }
  function fillQueueItem(n, h) {
    var b = n.firstChild;
    n.className = h.crisis ? "crisis" : "";
    if (h.crisis) b.dataset.crisis = "1"; else delete b.dataset.crisis;
    var lines = entryLabel(h), classes = ["head", "said", "when"];
    if (h.state === "waiting") { lines.unshift("第 " + h.position + " 位"); classes.unshift("pos"); }
    while (b.children.length > lines.length) b.removeChild(b.lastChild);
    lines.forEach(function (line, i) {
      var span = b.children[i] || b.appendChild(el("span"));
      if (span.className !== classes[i]) span.className = classes[i];
      if (span.textContent !== line) span.textContent = line;
    });
  }
  function syncList(container, entries, emptyText) {
    var old = {};
    Array.prototype.forEach.call(container.children, function (n) { if (n.dataset.key) old[n.dataset.key] = n; });
    var placeholder = Array.prototype.filter.call(container.children, function (n) { return !n.dataset.key; });
    placeholder.forEach(function (n) { if (entries.length) container.removeChild(n); });
    entries.forEach(function (h, i) {
      var key = "h" + h.id, n = old[key];
      if (n) { fillQueueItem(n, h); delete old[key]; } else n = queueItem(h);
      if (container.children[i] !== n) container.insertBefore(n, container.children[i] || null);
    });
    Object.keys(old).forEach(function (key) { container.removeChild(old[key]); });
    if (!entries.length && !container.children.length) container.appendChild(li(emptyText));
  }
  function renderQueue(list) {
    state.queue = list;
    var waiting = list.filter(function (h) { return h.state === "waiting"; });
    var fresh = waiting.filter(function (h) { return state.seen && !state.seen[h.id]; });
    syncList($("queue"), waiting, "暂无排队");
    syncList($("mine"), list.filter(function (h) { return h.state !== "waiting" && h.holder_username === state.me.username; }), "暂无");
    var seen = {}; list.forEach(function (h) { if (h.state === "waiting") seen[h.id] = true; });
    state.seen = seen;
    if (fresh.length) {
      var crisis = fresh.some(function (h) { return h.crisis; });
      notice((crisis ? "⚠ 危机会话进入队列：" : "新的会话进入队列：") + fresh.map(function (h) { return (h.topic || h.reason_label || "咨询") + (h.place ? "（" + h.place + "）" : ""); }).join("、"), crisis);
      beep(crisis ? 3 : 1);
    }
  }
  setInterval(function () { if (state.me && state.queue.length) renderQueueTimes(); }, 15000);
  function renderQueueTimes() {
    Array.prototype.forEach.call(document.querySelectorAll(".queue button"), function (b) {
      var h = state.queue.filter(function (x) { return "h" + x.id === b.dataset.id; })[0];
      var when = b.querySelector(".when"); if (h && when) when.textContent = entryLabel(h)[2];
    });
  }

  function loadTickets() {
    if (!state.me) return;
    api("GET", "/tickets?limit=30").then(function (d) {
      var list = $("tickets"); list.textContent = "";
      d.tickets.forEach(function (t) {
        list.appendChild(item(t.id + " · " + L.type(t.type) + " · " + L.status(t.status) + " · " + L.beijing(t.created_at), function () { openTicket(t.id); }));
      });
      if (!list.children.length) list.appendChild(li("暂无工单"));
    }).catch(onAuthError);
  }
  function loadCanned() {
    api("GET", "/canned-replies").then(function (d) {
      var s = $("canned"); s.length = 1; state.canned = d.replies;
      d.replies.forEach(function (r, i) { var o = el("option", "", r.title); o.value = String(i); s.appendChild(o); });
    }).catch(function () { $("canned").hidden = true; });
  }
  $("canned").addEventListener("change", function () {
    var r = state.canned && state.canned[Number(this.value)]; if (r) { $("reply").value = r.text; $("reply").focus(); } this.value = "";
  });
  function loadStations() {
    api("GET", "/stations").then(function (d) {
      state.stations = d.stations; var s = $("transfer-station"); s.textContent = "";
      d.stations.forEach(function (st) { var o = el("option", "", st.name); o.value = String(st.id); s.appendChild(o); });
    });
  }

  // --- a conversation ----------------------------------------------------------------------
  function openHandoff(id) { state.handoff = id; state.lastCount = -1; $("ticket").hidden = true; $("conversation").hidden = false; loadTranscript(); }

  var HIDDEN = { interrupted_form: 1 };
  function loadTranscript() {
    var id = state.handoff;
    api("GET", "/handoffs/" + id + "/transcript").then(function (d) {
      if (id !== state.handoff) return;
      var h = d.handoff;
      $("conv-title").textContent = (h.reason === "crisis" ? "⚠ 危机 · " : "") + "会话 " + h.conversation_id.slice(0, 14) + " · " +
        ({ waiting: "排队中", active: "人工处理中（" + (h.holder_name || "") + "）", released: "已交还机器人", closed: "已结束" }[h.state] || h.state);
      $("conv-meta").textContent = h.station_name + " · 转入时间 " + L.beijing(h.since);
      var mineNow = h.state === "active" && h.holder_username === state.me.username;
      $("claim").disabled = h.state !== "waiting"; $("release").disabled = !mineNow; $("close").disabled = !(h.state === "waiting" || mineNow);
      $("transfer").disabled = !(h.state === "waiting" || mineNow);
      $("reply").disabled = !mineNow; state.current = d;
      if (d.messages.length !== state.lastCount) {
        var t = $("transcript"); t.textContent = "";
        d.messages.forEach(function (m) {
          var n = el("li", m.who);
          n.appendChild(el("span", "who", (m.who === "worker" ? "职工" : (m.who === "staff" ? "工作人员 " + m.name : "机器人")) + " · " + L.beijing(m.at, true)));
          n.appendChild(el("span", "text", m.text)); t.appendChild(n);
        });
        t.scrollTop = t.scrollHeight; state.lastCount = d.messages.length;
      }
      fields($("slots"), Object.keys(d.slots).filter(function (k) { return !HIDDEN[k]; })
        .map(function (k) { return [L.slot(k), L.value(k, d.slots[k])]; }));
      loadFiles($("conv-files"), "conversation_id=" + encodeURIComponent(h.conversation_id));
      $("conv-error").textContent = "";
    }).catch(function (err) { $("conv-error").textContent = err.message; onAuthError(err); });
  }
  function loadFiles(list, query) {
    api("GET", "/attachments?" + query).then(function (d) {
      list.textContent = "";
      d.attachments.forEach(function (a) {
        var n = el("li"); var link = el("a"); link.href = a.url; link.target = "_blank"; link.rel = "noopener";
        var img = el("img"); img.src = a.url; img.alt = a.kind_label; link.appendChild(img);
        n.appendChild(link); n.appendChild(el("span", "", a.kind_label + " · " + L.beijing(a.created_at)));
        list.appendChild(n);
      });
      if (!list.children.length) list.appendChild(li("暂无"));
    }).catch(function () { list.textContent = ""; list.appendChild(li("暂无")); });
  }

  function act(action) {
    return api("POST", "/handoffs/" + state.handoff + "/" + action, {}).then(function () { loadTranscript(); })
      .catch(function (err) { $("conv-error").textContent = err.message; });
  }
  $("claim").addEventListener("click", function () { act("claim"); });
  $("release").addEventListener("click", function () { act("release"); });
  $("close").addEventListener("click", function () { act("close"); });
  $("transfer-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var reason = $("transfer-reason").value.trim();
    if (!reason) { $("conv-error").textContent = "请填写转派原因"; return; }
    api("POST", "/handoffs/" + state.handoff + "/transfer", { station_id: Number($("transfer-station").value), reason: reason })
      .then(function (h) { $("transfer-reason").value = ""; $("conv-error").textContent = ""; notice("已转派到 " + h.station_name); loadTranscript(); })
      .catch(function (err) { $("conv-error").textContent = err.message; });
  });
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
      .then(function (t) { loadTickets(); openTicket(t.id); })
      .catch(function (err) { $("conv-error").textContent = err.message; });
  });

  // --- a ticket ------------------------------------------------------------------------------
  function openTicket(id, quiet) {
    state.ticket = id; $("ticket").hidden = false; if (!quiet) $("conversation").hidden = true;
    api("GET", "/tickets/" + id).then(function (t) {
      $("ticket-title").textContent = "工单 " + t.id + " · " + L.status(t.status);
      var pairs = [["类型", L.type(t.type)], ["工作站", t.station_name], ["联系人", t.contact_name || ""], ["联系电话", t.contact_phone || ""],
                   ["地点", [t.city, t.district].filter(Boolean).join(" ")], ["创建时间", L.beijing(t.created_at)], ["办理时限", L.beijing(t.sla_due)]];
      Object.keys(t.facts || {}).forEach(function (k) { pairs.push([L.slot(k), L.value(k, t.facts[k])]); });
      fields($("ticket-facts"), pairs);
      var h = $("ticket-history"); h.textContent = "";
      t.history.forEach(function (e) { h.appendChild(li(L.beijing(e.at) + " " + e.actor + " " + (e.status ? L.status(e.status) : "") + " " + (e.note || ""))); });
      loadFiles($("ticket-files"), "ticket_id=" + encodeURIComponent(t.id) + (t.conversation_id ? "&conversation_id=" + encodeURIComponent(t.conversation_id) : ""));
    });
  }
  $("ticket-form").addEventListener("submit", function (e) {
    e.preventDefault();
    var body = {}; if ($("ticket-status").value) body.status = $("ticket-status").value; if ($("ticket-note").value) body.note = $("ticket-note").value;
    api("POST", "/tickets/" + state.ticket + "/transitions", body).then(function () { $("ticket-note").value = ""; openTicket(state.ticket); loadTickets(); })
      .catch(function (err) { alert(err.message); });
  });

  // a slow safety net while the live connection is down (the push does the work otherwise)
  setInterval(function () { if (state.me && !(state.socket && state.socket.connected)) { loadTickets(); if (state.handoff) loadTranscript(); } }, 20000);
  api("GET", "/auth/me").then(start).catch(function () { showLogin(); });
})();
