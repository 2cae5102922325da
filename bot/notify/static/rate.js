/* The public rating page a worker opens from the SMS link: /rate/<signed token>. */
(function () {
  "use strict";
  var token = decodeURIComponent(location.pathname.split("/").pop());
  var api = "/api/v1/ratings/" + encodeURIComponent(token);
  var $ = function (id) { return document.getElementById(id); };
  var score = 0;
  var LABELS = ["很不满意", "不满意", "一般", "满意", "很满意"];

  function done(text) { $("rate-form").hidden = true; $("result").textContent = text; }

  fetch(api).then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
    .then(function (res) {
      if (!res.ok) { $("subject").textContent = (res.d.error && res.d.error.message) || "评价链接无效"; return; }
      var d = res.d;
      $("subject").textContent = d.title + " · " + d.station_name;
      if (d.rated) { done("您已经评价过了（" + d.score + " 分），谢谢！"); return; }
      if (!d.rateable) { done("服务还没有结束，结束后才能评价。"); return; }
      var stars = $("stars");
      LABELS.forEach(function (label, i) {
        var b = document.createElement("button"); b.type = "button"; b.textContent = (i + 1) + " 分";
        b.title = label; b.setAttribute("aria-label", (i + 1) + " 分，" + label); b.setAttribute("aria-pressed", "false");
        b.dataset.score = String(i + 1);
        b.addEventListener("click", function () {
          score = i + 1; $("submit").disabled = false;
          Array.prototype.forEach.call(stars.children, function (s) { s.setAttribute("aria-pressed", String(s === b)); });
        });
        stars.appendChild(b);
      });
      $("rate-form").hidden = false;
    });

  $("rate-form").addEventListener("submit", function (e) {
    e.preventDefault(); if (!score) return;
    $("submit").disabled = true;
    fetch(api, { method: "POST", headers: { "Content-Type": "application/json" },
                 body: JSON.stringify({ score: score, comment: $("comment").value, channel: "sms" }) })
      .then(function (r) { return r.json().then(function (d) { return { ok: r.ok, d: d }; }); })
      .then(function (res) {
        if (res.ok) done("感谢您的评价！");
        else { $("result").textContent = (res.d.error && res.d.error.message) || "提交失败，请稍后再试"; $("submit").disabled = false; }
      })
      .catch(function () { $("result").textContent = "网络不太好，请稍后再试"; $("submit").disabled = false; });
  });
})();
