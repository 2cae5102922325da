/* 统计看板: figures from /api/v1/dashboard, charts drawn as inline SVG (no library, no CDN). */
(function () {
  "use strict";
  var O = window.Ops, $ = function (id) { return document.getElementById(id); };
  var NS = "http://www.w3.org/2000/svg", vocab = null;

  function svg(tag, attrs, text) {
    var n = document.createElementNS(NS, tag);
    Object.keys(attrs).forEach(function (k) { n.setAttribute(k, attrs[k]); });
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function pct(x) { return x === null || x === undefined ? "—" : (Math.round(x * 1000) / 10) + "%"; }
  function secs(x) { return x === null || x === undefined ? "—" : (x < 60 ? x + " 秒" : Math.round(x / 6) / 10 + " 分钟"); }

  /* horizontal bars: one row per item, the value at the end */
  function bars(title, items, id) {
    var box = O.el("div", { class: "panel chart", id: id }, [O.el("h3", { text: title })]);
    if (!items.length) { box.appendChild(O.el("p", { text: "暂无数据" })); return box; }
    var max = Math.max.apply(null, items.map(function (i) { return i.value; })) || 1;
    var row = 30, left = 190, width = 300, h = items.length * row + 10;
    var s = svg("svg", { viewBox: "0 0 " + (left + width + 50) + " " + h, role: "img", "aria-label": title });
    items.forEach(function (item, i) {
      var y = i * row + 5, w = Math.max(1, Math.round(width * item.value / max));
      s.appendChild(svg("text", { x: left - 6, y: y + 19, "text-anchor": "end" }, item.label.length > 13 ? item.label.slice(0, 12) + "…" : item.label));
      var bar = svg("rect", { x: left, y: y + 4, width: w, height: row - 10, class: "bar" });
      bar.appendChild(svg("title", {}, item.label + "：" + item.value));
      s.appendChild(bar);
      s.appendChild(svg("text", { x: left + w + 4, y: y + 19, class: "value" }, String(item.value)));
    });
    box.appendChild(s); return box;
  }
  /* vertical bars per day */
  function columns(title, items, id) {
    var box = O.el("div", { class: "panel chart", id: id }, [O.el("h3", { text: title })]);
    var max = Math.max.apply(null, items.map(function (i) { return i.value; }).concat([1]));
    var h = 180, bottom = 30, step = Math.max(6, Math.floor(460 / Math.max(items.length, 1)));
    var s = svg("svg", { viewBox: "0 0 " + (items.length * step + 75) + " " + (h + bottom), role: "img", "aria-label": title });
    s.appendChild(svg("line", { x1: 30, y1: h, x2: items.length * step + 30, y2: h, class: "axis" }));
    s.appendChild(svg("text", { x: 2, y: 12 }, String(max)));
    items.forEach(function (item, i) {
      var bh = Math.round((h - 10) * item.value / max), x = 30 + i * step;
      var bar = svg("rect", { x: x + 1, y: h - bh, width: step - 2, height: bh, class: "bar" });
      bar.appendChild(svg("title", {}, item.label + "：" + item.value));
      s.appendChild(bar);
      if (items.length <= 8 || i % Math.ceil(items.length / 6) === 0 || i === items.length - 1) s.appendChild(svg("text", { x: x, y: h + 18 }, item.label.slice(5)));
    });
    box.appendChild(s); return box;
  }
  function card(label, value, id) { return O.el("div", { class: "card", id: id }, [O.el("div", { class: "value", text: value }), O.el("div", { class: "label", text: label })]); }

  function query() { return { date_from: $("r-from").value, date_to: $("r-to").value, station_id: $("r-station").value }; }
  function load() {
    var q = query();
    ["csv", "xlsx"].forEach(function (f) {
      $("x-" + f).href = "/api/v1/dashboard/export" + O.params({ date_from: q.date_from, date_to: q.date_to, station_id: q.station_id, format: f });
      $("t-" + f).href = "/api/v1/ticket-export" + O.params({ date_from: q.date_from, date_to: q.date_to, station_id: q.station_id, format: f });
    });
    O.api("GET", "/dashboard" + O.params(q)).then(function (d) {
      if (!$("r-from").value) { $("r-from").value = d.range.from; $("r-to").value = d.range.to; }
      var t = d.tickets, sat = d.satisfaction;
      var cards = O.clear($("cards"));
      cards.appendChild(card("工单数", String(t.total), "c-tickets"));
      cards.appendChild(card("时限内办结率", pct(d.sla.compliance), "c-sla"));
      cards.appendChild(card("超期未办结", String(d.sla.open_overdue), "c-overdue"));
      cards.appendChild(card("转人工平均等待", secs(d.handoff_waiting.average_seconds), "c-wait"));
      cards.appendChild(card("机器人独立解决率", pct(d.containment_rate), "c-containment"));
      cards.appendChild(card("未听懂比例", pct(d.fallback_rate), "c-fallback"));
      cards.appendChild(card("满意度", sat && sat.average ? sat.average + " 分（" + sat.count + " 条）" : "暂无评价", "c-satisfaction"));
      var charts = O.clear($("charts"));
      charts.appendChild(columns("每日工单", t.by_day.map(function (x) { return { label: x.day, value: x.count }; }), "ch-day"));
      charts.appendChild(bars("工单类型", t.by_type.map(function (x) { return { label: vocab.types[x.type] || x.type, value: x.count }; }), "ch-type"));
      charts.appendChild(bars("各工作站工单", t.by_station.map(function (x) { return { label: x.station, value: x.count }; }), "ch-station"));
      charts.appendChild(bars("工单状态", t.by_status.map(function (x) { return { label: vocab.statuses[x.status] || x.status, value: x.count }; }), "ch-status"));
      if (d.top_intents) charts.appendChild(bars("最常见的问题（意图）", d.top_intents.map(function (x) { return { label: x.intent, value: x.count }; }), "ch-intents"));
      if (sat) {
        charts.appendChild(bars("满意度评分分布", sat.by_score.map(function (x) { return { label: x.score + " 分", value: x.count }; }), "ch-score"));
        charts.appendChild(bars("各工作站平均满意度", sat.by_station.map(function (x) { return { label: x.station, value: x.average }; }), "ch-sat-station"));
        if (sat.by_staff.length) charts.appendChild(bars("工作人员平均满意度", sat.by_staff.map(function (x) { return { label: x.staff, value: x.average }; }), "ch-sat-staff"));
      }
      O.say("msg", d.tracker_available ? "" : "会话统计（独立解决率、未听懂比例、常见意图）只在全部工作站视图中、且对话记录库可读时显示。", true);
    }).catch(function (e) { O.say("msg", e.message); });
  }
  $("range").addEventListener("submit", function (e) { e.preventDefault(); load(); });
  O.signedIn(function (me) {
    Promise.all([O.api("GET", "/ticket-workflow"), O.api("GET", "/stations")]).then(function (r) {
      vocab = r[0];
      if (me.role === "union_admin") r[1].stations.forEach(function (s) { $("r-station").appendChild(O.el("option", { value: s.id, text: s.name })); });
      load();
    });
  });
})();
