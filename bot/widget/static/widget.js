/* 职工服务热线助手 — embeddable chat widget.
 * Embed: <script src="https://HOTLINE/widget/widget.js" data-server="https://RASA-HOST:5005"></script>
 * (data-backend: the union backend for photo uploads and ratings; default: where this file is served from.)
 * Needs nothing from a CDN: socket.io-client is vendored next to this file.
 * Message text is only ever inserted with textContent (never as HTML); links are built as elements. */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script.src.replace(/widget\.js(\?.*)?$/, "");
  var server = script.getAttribute("data-server") || (location.protocol + "//" + location.hostname + ":5005");
  var backend = (script.getAttribute("data-backend") || new URL(base).origin).replace(/\/$/, "");
  var TOKEN_KEY = "hotline-widget-token";
  var HISTORY_KEY = "hotline-widget-history";
  var PRIVACY_KEY = "hotline-widget-privacy-v1";
  var MAX_PHOTO = 5 * 1024 * 1024;
  var PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp", "image/heic", "image/heif"];
  var KINDS = [["pay_slip", "工资条"], ["contract", "劳动合同"], ["arrears_note", "欠条"], ["other", "其他材料"]];

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
  function store(kind, key, value) { try { if (value === null) window[kind].removeItem(key); else window[kind].setItem(key, value); } catch (e) { /* private mode */ } }
  function read(kind, key) { try { return window[kind].getItem(key); } catch (e) { return null; } }

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
  var restart = el("button", "hw-restart", "重新开始"); restart.type = "button";
  restart.setAttribute("aria-label", "重新开始一段新的对话");
  var close = el("button", "hw-close", "×"); close.setAttribute("aria-label", "关闭聊天窗口");
  var who = el("span", "hw-who", "智能助手为您服务");
  who.setAttribute("aria-live", "polite");
  header.append(title, restart, close, who);
  var log = el("div", "hw-log"); log.setAttribute("role", "log"); log.setAttribute("aria-live", "polite");
  var typing = el("div", "hw-typing", "对方正在输入…"); typing.hidden = true;
  var status = el("div", "hw-status", "正在连接…"); status.setAttribute("role", "status");
  var form = el("form", "hw-form");
  var photo = el("button", "hw-photo", "传图"); photo.type = "button";
  photo.setAttribute("aria-label", "上传照片（工资条、劳动合同、欠条）"); photo.title = "上传照片";
  var file = el("input", "hw-file"); file.type = "file"; file.accept = PHOTO_TYPES.join(","); file.hidden = true;
  file.setAttribute("aria-label", "选择照片");
  var input = el("input", "hw-input"); input.type = "text"; input.maxLength = 2000;
  input.placeholder = "请输入您的问题，例如：老板欠我三个月工资";
  input.setAttribute("aria-label", "输入消息");
  var send = el("button", "hw-send", "发送"); send.type = "submit";
  form.append(photo, file, input, send);
  var kinds = el("div", "hw-kinds"); kinds.hidden = true;

  // the privacy notice (PIPL): before anything is sent or stored
  var privacy = el("div", "hw-privacy"); privacy.setAttribute("role", "dialog"); privacy.setAttribute("aria-label", "隐私说明");
  privacy.appendChild(el("h3", "", "开始之前，请您了解"));
  [["记录什么", "您发的消息、您提供的手机号、身份证号、单位和案情，以及您上传的照片。身份证号加密保存，日志里的手机号、证件号都会遮挡。"],
   ["保存多久", "聊天记录保存 180 天后删除或匿名化；工单在办结关闭后保存 3 年，用于回访和统计。"],
   ["谁能看到", "只有为您服务的网格工作站、总工会的工作人员能看到您的完整信息；改进智能助手的培训员只看到遮挡后的文字。不会提供给您的单位或其他人。"],
   ["您的权利", "您可以随时点“重新开始”结束本次对话，也可以拨打 12351 要求查询、更正或删除您的信息。"]]
    .forEach(function (p) { var row = el("p"); row.appendChild(el("strong", "", p[0] + "：")); row.appendChild(document.createTextNode(p[1])); privacy.appendChild(row); });
  var agree = el("button", "hw-agree", "我已了解，开始咨询"); agree.type = "button";
  privacy.appendChild(agree);

  panel.append(header, status, privacy, log, typing, kinds, form);
  root.append(toggle, panel);
  document.body.appendChild(root);

  function setOpen(open) {
    panel.hidden = !open; toggle.setAttribute("aria-expanded", String(open));
    if (open) (privacy.hidden ? input : agree).focus(); else toggle.focus();
  }
  toggle.addEventListener("click", function () { setOpen(panel.hidden); });
  close.addEventListener("click", function () { setOpen(false); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") setOpen(false); });

  var history = [];
  try { history = JSON.parse(read("sessionStorage", HISTORY_KEY) || "[]"); } catch (e) { history = []; }
  function remember(item) {
    history.push(item); history = history.slice(-200);
    store("sessionStorage", HISTORY_KEY, JSON.stringify(history));
  }
  function saveHistory() { store("sessionStorage", HISTORY_KEY, JSON.stringify(history)); }

  function safeUrl(url) {
    try { var u = new URL(url, location.href); return /^https?:$/.test(u.protocol) ? u.href : null; }
    catch (e) { return null; }
  }
  var LINKS = /(https?:\/\/[^\s，。；、）)]+|\b12\d{3}\b)/g;
  /* Text with web addresses and hotline numbers as links, built as nodes (never innerHTML). */
  function richText(node, text) {
    var last = 0; text = String(text || "");
    text.replace(LINKS, function (match, _g, offset) {
      node.appendChild(document.createTextNode(text.slice(last, offset)));
      var href = /^12\d{3}$/.test(match) ? "tel:" + match : safeUrl(match);
      if (href) {
        var a = el("a", "hw-link", match); a.href = href;
        if (href.indexOf("tel:") !== 0) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
        node.appendChild(a);
      } else node.appendChild(document.createTextNode(match));
      last = offset + match.length; return match;
    });
    node.appendChild(document.createTextNode(text.slice(last)));
    return node;
  }
  var CLOCK = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false });

  function render(item) {
    var row = el("div", "hw-msg hw-" + item.from);
    var label = item.from === "user" ? "我" : (item.from === "staff" ? "工作人员 " + item.name : (item.from === "system" ? "系统" : "智能助手"));
    var meta = el("div", "hw-label", label);
    if (item.at) { var time = el("time", "hw-time", CLOCK.format(new Date(item.at))); time.dateTime = new Date(item.at).toISOString(); meta.appendChild(time); }
    row.appendChild(meta);
    if (item.text) row.appendChild(richText(el("div", "hw-bubble"), item.text));
    if (item.image && safeUrl(item.image)) {
      var img = el("img", "hw-image"); img.src = safeUrl(item.image); img.alt = "图片"; row.appendChild(img);
    }
    if (item.preview) { var p = el("img", "hw-image"); p.src = item.preview; p.alt = item.text; row.appendChild(p); }
    if (item.buttons && item.buttons.length) {
      var bar = el("div", "hw-buttons");
      item.buttons.forEach(function (b) {
        var btn = el("button", "hw-button", b.title); btn.type = "button";
        btn.addEventListener("click", function () { sendMessage(b.payload, b.title); });
        bar.appendChild(btn);
      });
      row.appendChild(bar);
    }
    if (item.rating) row.appendChild(ratingCard(item));
    log.appendChild(row);
    log.scrollTop = log.scrollHeight;
  }
  function add(item) { item.at = item.at || Date.now(); remember(item); render(item); }
  history.forEach(render);

  // --- rating (after a handoff ends) -----------------------------------------------------------
  function ratingCard(item) {
    var card = el("div", "hw-rating");
    if (item.rated) { card.appendChild(el("p", "hw-rated", "感谢您的评价（" + item.rated + " 分）！")); return card; }
    card.appendChild(el("p", "", "这次人工服务帮到您了吗？请打分（1 很不满意，5 很满意）："));
    var stars = el("div", "hw-stars"); var chosen = 0;
    var comment = el("textarea", "hw-comment"); comment.maxLength = 500; comment.rows = 2; comment.placeholder = "还想说点什么（可以不填）";
    comment.setAttribute("aria-label", "评价意见");
    var submit = el("button", "hw-rate-send", "提交评价"); submit.type = "button"; submit.disabled = true;
    var note = el("p", "hw-rate-note"); note.setAttribute("role", "status");
    [1, 2, 3, 4, 5].forEach(function (n) {
      var b = el("button", "hw-star", n + " 分"); b.type = "button"; b.dataset.score = String(n); b.setAttribute("aria-pressed", "false");
      b.addEventListener("click", function () {
        chosen = n; submit.disabled = false;
        Array.prototype.forEach.call(stars.children, function (s) { s.setAttribute("aria-pressed", String(s === b)); });
      });
      stars.appendChild(b);
    });
    submit.addEventListener("click", function () {
      submit.disabled = true;
      fetch(backend + "/api/v1/ratings/" + encodeURIComponent(item.rating), { method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ score: chosen, comment: comment.value, channel: "widget" }) })
        .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
        .then(function (res) {
          if (res.ok || (res.d.error && res.d.error.code === "already_rated")) {
            item.rated = res.ok ? chosen : (res.d.score || chosen); saveHistory();
            card.textContent = ""; card.appendChild(el("p", "hw-rated", "感谢您的评价（" + item.rated + " 分）！"));
          } else { note.textContent = (res.d.error && res.d.error.message) || "提交失败，请稍后再试"; submit.disabled = false; }
        })
        .catch(function () { note.textContent = "网络不太好，请稍后再试"; submit.disabled = false; });
    });
    card.append(stars, comment, submit, note);
    return card;
  }

  // --- photos ----------------------------------------------------------------------------------
  var chosenFile = null;
  photo.addEventListener("click", function () { file.click(); });
  file.addEventListener("change", function () {
    var f = file.files && file.files[0]; file.value = "";
    if (!f) return;
    if (PHOTO_TYPES.indexOf(f.type) < 0) { add({ from: "system", text: "只能上传照片（JPG、PNG、WebP 或 HEIC）。" }); return; }
    if (f.size > MAX_PHOTO) { add({ from: "system", text: "照片太大（最多 5 MB），请换一张或压缩后再传。" }); return; }
    chosenFile = f; kinds.textContent = ""; kinds.hidden = false;
    kinds.appendChild(el("span", "", "这张照片是："));
    KINDS.forEach(function (k) {
      var b = el("button", "hw-kind", k[1]); b.type = "button"; b.dataset.kind = k[0];
      b.addEventListener("click", function () { upload(chosenFile, k[0], k[1]); });
      kinds.appendChild(b);
    });
    var cancel = el("button", "hw-kind hw-cancel", "取消"); cancel.type = "button";
    cancel.addEventListener("click", function () { kinds.hidden = true; chosenFile = null; });
    kinds.appendChild(cancel);
  });
  function upload(f, kind, label) {
    kinds.hidden = true; chosenFile = null;
    var token = read("localStorage", TOKEN_KEY);
    if (!token) { add({ from: "system", text: "还没有连上服务，请稍后再传。" }); return; }
    var data = new FormData(); data.append("kind", kind); data.append("file", f, f.name || "photo");
    var preview = URL.createObjectURL(f);
    render({ from: "user", text: "上传照片：" + label, preview: preview, at: Date.now() });
    fetch(backend + "/api/v1/uploads", { method: "POST", headers: { "X-Widget-Session": token }, body: data })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
      .then(function (res) {
        remember({ from: "user", text: "上传照片：" + label, at: Date.now() });
        add({ from: "system", text: res.ok ? "已收到您的" + label + "照片，只有为您服务的工作站工作人员能看到。"
                                           : ((res.d.error && res.d.error.message) || "上传没有成功，请稍后再试。") });
      })
      .catch(function () { add({ from: "system", text: "网络不太好，照片没有传上去，请稍后再试。" }); });
  }

  // --- the conversation ----------------------------------------------------------------------
  var socket = null;
  function sendMessage(message, shown) {
    if (!message || !message.trim() || !socket) return;
    if (shown !== null) add({ from: "user", text: shown || message });
    socket.emit("user_uttered", { message: message });  // buffered by socket.io while reconnecting
    typing.hidden = false;
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault(); sendMessage(input.value); input.value = "";
  });
  function setStatus(text) { status.hidden = !text; status.textContent = text || ""; }

  var confirmTimer = null;
  restart.addEventListener("click", function () {
    if (!restart.classList.contains("hw-confirm")) {
      restart.classList.add("hw-confirm"); restart.textContent = "确定重新开始？";
      confirmTimer = setTimeout(function () { restart.classList.remove("hw-confirm"); restart.textContent = "重新开始"; }, 5000);
      return;
    }
    clearTimeout(confirmTimer); restart.classList.remove("hw-confirm"); restart.textContent = "重新开始";
    history = []; saveHistory(); log.textContent = ""; who.textContent = "智能助手为您服务";
    store("localStorage", TOKEN_KEY, null);
    if (socket) { socket.disconnect(); socket.connect(); }  // a new, empty conversation
  });

  function connect() {
    if (socket) return;
    loadScript(base + "vendor/socket.io.min.js", function () {
      socket = window.io(server, {
        path: "/socket.io", transports: ["websocket", "polling"],
        auth: function (cb) { cb({ token: read("localStorage", TOKEN_KEY) || undefined }); },
        reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 5000
      });
      socket.on("connect", function () { setStatus(""); root.setAttribute("data-connected", "1"); });
      socket.on("connect_error", function (err) {
        root.setAttribute("data-connected", "0");
        // only a token the server refuses (forged, or the server's secret changed) starts afresh;
        // a network blip or a restarting server keeps it, and with it the conversation
        if (err && err.message === "Connection rejected by server" && read("localStorage", TOKEN_KEY)) {
          store("localStorage", TOKEN_KEY, null); history = []; saveHistory(); log.textContent = "";
          setStatus("会话已失效，正在开始新的对话…"); socket.connect(); return;
        }
        setStatus("重新连接中…");
      });
      socket.on("disconnect", function () { root.setAttribute("data-connected", "0"); setStatus("重新连接中…"); });
      socket.on("session_confirm", function (data) {
        if (data && data.token) store("localStorage", TOKEN_KEY, data.token);
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
          if (data.rating_token) add({ from: "system", rating: data.rating_token });
          return;
        }
        var image = data.attachment && data.attachment.payload && data.attachment.payload.src;
        add({ from: "bot", text: data.text, image: image, buttons: (data.quick_replies || []).map(function (q) { return { title: q.title, payload: q.payload }; }) });
      });
    });
  }

  function accepted() { privacy.hidden = true; input.disabled = false; send.disabled = false; photo.disabled = false; connect(); }
  if (read("localStorage", PRIVACY_KEY)) accepted();
  else { input.disabled = true; send.disabled = true; photo.disabled = true; setStatus("请先阅读隐私说明"); }
  agree.addEventListener("click", function () { store("localStorage", PRIVACY_KEY, new Date().toISOString()); accepted(); input.focus(); });
})();
