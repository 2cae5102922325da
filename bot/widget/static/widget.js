/* 职工服务热线助手 — embeddable chat widget.
 * Embed: <script src="https://HOTLINE/widget/widget.js" data-server="https://RASA-HOST:5005"></script>
 * Needs nothing from a CDN: socket.io-client is vendored next to this file.
 * Message text is only ever inserted with textContent (never as HTML). */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/widget\.js(\?.*)?$/, "");
  var server = script.getAttribute("data-server") || (location.protocol + "//" + location.hostname + ":5005");
  var TOKEN_KEY = "hotline-widget-token";
  var HISTORY_KEY = "hotline-widget-history";

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function loadScript(src, done) {
    if (window.io) return done();
    var s = document.createElement("script");
    s.src = src; s.onload = done;
    document.head.appendChild(s);
  }

  var css = el("link"); css.rel = "stylesheet"; css.href = base + "widget.css";
  document.head.appendChild(css);

  var root = el("div", "hw-root");
  var toggle = el("button", "hw-toggle", "💬 职工服务热线");
  toggle.setAttribute("aria-expanded", "false");
  toggle.setAttribute("aria-controls", "hw-panel");
  var panel = el("section", "hw-panel");
  panel.id = "hw-panel"; panel.hidden = true;
  panel.setAttribute("aria-label", "职工服务热线助手");
  var header = el("header", "hw-header");
  var title = el("h2", "hw-title", "职工服务热线助手");
  var who = el("span", "hw-who", "智能助手为您服务");
  who.setAttribute("aria-live", "polite");
  var close = el("button", "hw-close", "×"); close.setAttribute("aria-label", "关闭聊天窗口");
  header.append(title, who, close);
  var log = el("div", "hw-log"); log.setAttribute("role", "log"); log.setAttribute("aria-live", "polite");
  var typing = el("div", "hw-typing", "对方正在输入…"); typing.hidden = true;
  var status = el("div", "hw-status", "正在连接…");
  var form = el("form", "hw-form");
  var input = el("input", "hw-input"); input.type = "text"; input.maxLength = 2000;
  input.placeholder = "请输入您的问题，例如：老板欠我三个月工资";
  input.setAttribute("aria-label", "输入消息");
  var send = el("button", "hw-send", "发送"); send.type = "submit";
  form.append(input, send);
  panel.append(header, status, log, typing, form);
  root.append(toggle, panel);
  document.body.appendChild(root);

  function setOpen(open) {
    panel.hidden = !open; toggle.setAttribute("aria-expanded", String(open));
    if (open) input.focus(); else toggle.focus();
  }
  toggle.addEventListener("click", function () { setOpen(panel.hidden); });
  close.addEventListener("click", function () { setOpen(false); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") setOpen(false); });

  var history = [];
  try { history = JSON.parse(sessionStorage.getItem(HISTORY_KEY) || "[]"); } catch (e) { history = []; }

  function remember(item) {
    history.push(item); history = history.slice(-200);
    try { sessionStorage.setItem(HISTORY_KEY, JSON.stringify(history)); } catch (e) { /* full */ }
  }

  function safeUrl(url) {
    try { var u = new URL(url, location.href); return /^https?:$/.test(u.protocol) ? u.href : null; }
    catch (e) { return null; }
  }

  function render(item) {
    var row = el("div", "hw-msg hw-" + item.from);
    var label = item.from === "user" ? "我" : (item.from === "staff" ? "工作人员 " + item.name : (item.from === "system" ? "系统" : "智能助手"));
    row.appendChild(el("div", "hw-label", label));
    if (item.text) row.appendChild(el("div", "hw-bubble", item.text));
    if (item.image && safeUrl(item.image)) {
      var img = el("img", "hw-image"); img.src = safeUrl(item.image); img.alt = "图片"; row.appendChild(img);
    }
    if (item.buttons && item.buttons.length) {
      var bar = el("div", "hw-buttons");
      item.buttons.forEach(function (b) {
        var btn = el("button", "hw-button", b.title); btn.type = "button";
        btn.addEventListener("click", function () { sendMessage(b.payload, b.title); });
        bar.appendChild(btn);
      });
      row.appendChild(bar);
    }
    log.appendChild(row);
    log.scrollTop = log.scrollHeight;
  }

  function add(item) { remember(item); render(item); }
  history.forEach(render);

  var socket = null;
  function sendMessage(message, shown) {
    if (!message || !message.trim() || !socket) return;
    if (shown !== null) add({ from: "user", text: shown || message });
    socket.emit("user_uttered", { message: message });
    typing.hidden = false;
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault(); sendMessage(input.value); input.value = "";
  });

  loadScript(base + "vendor/socket.io.min.js", function () {
    socket = window.io(server, {
      path: "/socket.io", transports: ["websocket", "polling"],
      auth: function (cb) { cb({ token: localStorage.getItem(TOKEN_KEY) || undefined }); },
      reconnection: true, reconnectionDelay: 1000
    });
    socket.on("connect", function () { status.textContent = ""; status.hidden = true; });
    socket.on("connect_error", function () {
      status.hidden = false; status.textContent = "连接中断，正在重新连接…";
      // a token the server refuses (e.g. the server's secret changed): start afresh
      if (localStorage.getItem(TOKEN_KEY)) { localStorage.removeItem(TOKEN_KEY); }
    });
    socket.on("disconnect", function () { status.hidden = false; status.textContent = "连接中断，正在重新连接…"; });
    socket.on("session_confirm", function (data) {
      if (data && data.token) localStorage.setItem(TOKEN_KEY, data.token);
      root.setAttribute("data-session", data.session_id || "");
      if (!history.length) sendMessage("/greet", null);  // the greeting, without echoing "/greet"
    });
    socket.on("bot_uttered", function (data) {
      typing.hidden = true;
      data = data || {};
      if (data.staff) { who.textContent = "工作人员 " + data.staff + " 为您服务"; add({ from: "staff", name: data.staff, text: data.text }); return; }
      if (data.system) {
        add({ from: "system", text: data.text });
        who.textContent = data.holder ? "工作人员 " + data.holder + " 为您服务" : "智能助手为您服务";
        return;
      }
      var image = data.attachment && data.attachment.payload && data.attachment.payload.src;
      add({ from: "bot", text: data.text, image: image, buttons: (data.quick_replies || []).map(function (q) { return { title: q.title, payload: q.payload }; }) });
    });
  });
})();
