/* Shared by the back-office pages (工单, 管理, 统计): API calls, the signed-in staff member,
   building elements (text always through textContent), Beijing time. */
(function () {
  "use strict";
  var API = "/api/v1";
  var ROLE_NAMES = { station_staff: "网格员", station_admin: "站长", trainer: "培训员", union_admin: "总工会管理员" };

  function api(method, path, body) {
    var opts = { method: method, credentials: "same-origin", headers: {} };
    if (body !== undefined) { opts.headers["Content-Type"] = "application/json"; opts.body = JSON.stringify(body); }
    return fetch(API + path, opts).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) {
          var e = new Error((data.error && data.error.message) || ("HTTP " + r.status));
          e.status = r.status; e.field = data.error && data.error.field; throw e;
        }
        return data;
      });
    });
  }
  function el(tag, attrs, children) {
    var n = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") n.textContent = attrs[k];
      else if (k === "class") n.className = attrs[k];
      else if (k.slice(0, 2) === "on") n.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== undefined && attrs[k] !== null && attrs[k] !== false) n.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    });
    (children || []).forEach(function (c) { if (c !== null && c !== undefined) n.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return n;
  }
  function clear(n) { n.textContent = ""; return n; }
  /* "2026-10-09T10:00:00+08:00" → "2026-10-09 10:00" (the API sends Beijing time) */
  function time(s) { return s ? String(s).replace("T", " ").slice(0, 16) : ""; }
  function params(obj) {
    var q = Object.keys(obj).filter(function (k) { return obj[k] !== "" && obj[k] !== null && obj[k] !== undefined && obj[k] !== false; })
      .map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(obj[k]); }).join("&");
    return q ? "?" + q : "";
  }
  function signedIn(onReady) {
    api("GET", "/auth/me").then(function (me) {
      var who = document.getElementById("me");
      if (who) who.textContent = me.display_name + "（" + (ROLE_NAMES[me.role] || me.role) + "）";
      document.querySelectorAll("[data-role]").forEach(function (n) {
        n.hidden = n.getAttribute("data-role").split(" ").indexOf(me.role) < 0;
      });
      onReady(me);
    }).catch(function () {
      var main = document.querySelector("main");
      clear(main).appendChild(el("p", { class: "notice" }, ["请先在", el("a", { href: "/console/", text: "工作台" }), "登录。"]));
    });
  }
  function say(id, text, ok) { var n = document.getElementById(id); if (n) { n.textContent = text; n.className = ok ? "ok" : "error"; } }
  window.Ops = { api: api, el: el, clear: clear, time: time, params: params, signedIn: signedIn, say: say, ROLE_NAMES: ROLE_NAMES };
})();
