(function () {
  "use strict";
  var list = document.getElementById("inbox"), error = document.getElementById("inbox-error");
  function api(method, path, body) {
    var opts = { method: method, credentials: "same-origin", headers: { "Content-Type": "application/json" } };
    if (body) opts.body = JSON.stringify(body);
    return fetch("/api/v1" + path, opts).then(function (r) { return r.json().then(function (d) {
      if (!r.ok) throw new Error((d.error && d.error.message) || ("HTTP " + r.status)); return d; }); });
  }
  function load() {
    api("GET", "/trainer/inbox").then(function (d) {
      list.textContent = "";
      var choices = document.getElementById("inbox-intents");  // typed or picked from the list
      choices.textContent = "";
      (d.intents || []).forEach(function (name) {
        var o = document.createElement("option"); o.value = name; choices.appendChild(o); });
      if (!d.items.length) { var e = document.createElement("li"); e.textContent = "收件箱是空的"; list.appendChild(e); }
      var lastGroup = null;
      d.items.forEach(function (item) {
        var li = document.createElement("li"); li.className = "inbox-item"; li.dataset.id = item.id;
        if (lastGroup !== null && item.group !== lastGroup) li.style.borderTop = "3px solid #c8161d";
        lastGroup = item.group;
        var text = document.createElement("p"); text.className = "inbox-text"; text.textContent = item.text;
        var meta = document.createElement("small"); meta.textContent = "机器人猜测：" + item.predicted + "（把握 " + Math.round(item.confidence * 100) + "%）";
        var input = document.createElement("input"); input.className = "inbox-intent"; input.value = item.predicted === "nlu_fallback" ? "" : item.predicted;
        input.setAttribute("aria-label", "归入的意图"); input.setAttribute("list", "inbox-intents"); input.placeholder = "意图名，如 wage_arrears";
        var assign = document.createElement("button"); assign.className = "inbox-assign"; assign.textContent = "归入意图";
        var discard = document.createElement("button"); discard.className = "inbox-discard"; discard.textContent = "丢弃";
        assign.addEventListener("click", function () { decide(item.id, "assign", input.value.trim()); });
        discard.addEventListener("click", function () { decide(item.id, "discard"); });
        li.append(text, meta, input, assign, discard); list.appendChild(li);
      });
    }).catch(function (e) { error.textContent = e.message; });
  }
  function decide(id, action, intent) {
    api("POST", "/trainer/inbox/" + id, { action: action, intent: intent || undefined })
      .then(function (d) { error.textContent = d.file ? "已写入 " + d.file : "已丢弃"; load(); })
      .catch(function (e) { error.textContent = e.message; });
  }
  load();
})();
