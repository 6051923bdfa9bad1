/* The facilitator's form on a phone. Without this file the form is a plain HTML form.
   With it: every answer is kept in localStorage as it is chosen and restored after a reload;
   a status line says whether the phone is online; a submission made without a connection is
   kept (with its submission id) and sent when the connection returns; a service worker keeps
   the form page so that it opens offline too.
   On a browser that lacks any feature this file uses, it does nothing at all: the plain form
   posts, as without JavaScript (taking over, then failing half-way, would leave Send dead). */
(function () {
  "use strict";
  var form = document.getElementById("rating");
  if (!form || !supported()) return;
  var msg = form.dataset;
  var draftKey = "ft:draft:" + msg.key;
  var queueKey = "ft:queue:" + msg.key;
  var status = document.getElementById("status");
  var progress = document.getElementById("progress");
  var items = form.querySelectorAll("fieldset.item");
  var sending = false;
  var offlineReady = false;
  var CACHE = "ft-form-v2";  // the same name as in sw.js
  // The page as it came, before this script changes anything: the offline copy is made from
  // it rather than downloaded a second time.
  var asReceived = "<!DOCTYPE html>\n" + document.documentElement.outerHTML;

  function read(key) {
    try { return JSON.parse(localStorage.getItem(key)); } catch (e) { return null; }
  }
  function write(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or blocked */ }
  }
  function drop(key) {
    try { localStorage.removeItem(key); } catch (e) { /* blocked */ }
  }
  function say(text, kind) {
    status.textContent = text;
    status.className = "status " + (kind || "");
  }
  function showConnection() {
    if (read(queueKey)) return say(msg.kept, "warn");
    if (!navigator.onLine) return say(msg.offline, "warn");
    say(offlineReady ? msg.online + " " + msg.ready : msg.online);
  }

  // A fresh submission id for each visit: a page kept by the service worker must not send
  // again an id that was already stored (the server would take it for a retry).
  function newSubmissionId() {
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return [h.slice(0, 8), h.slice(8, 12), h.slice(12, 16), h.slice(16, 20), h.slice(20)].join("-");
  }

  function answers() {
    var out = {};
    form.querySelectorAll("input[type=radio]:checked, textarea").forEach(function (el) {
      out[el.name] = el.value;
    });
    return out;
  }
  function restore(saved) {
    Object.keys(saved || {}).forEach(function (name) {
      var field = form.elements[name];
      if (field) field.value = saved[name];  // a RadioNodeList checks the radio of that value
    });
  }
  function countDone() {
    var done = 0;
    items.forEach(function (item) {
      if (item.querySelectorAll("input[type=radio]:checked").length === 2) done += 1;
    });
    progress.textContent = msg.progress.replace("{done}", done).replace("{total}", items.length);
    return done;
  }
  function countNote(area) {
    area.nextElementSibling.textContent = area.value.length + " / " + area.maxLength;
  }

  function withField(body, name, value) {
    var params = new URLSearchParams(body);
    params.set(name, value);
    return params.toString();
  }
  function post(sub) {
    return fetch(sub.url, {
      method: "POST",
      body: sub.body,
      credentials: "same-origin",
      headers: { "Accept": "application/json", "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (res) {
      return res.json().then(function (data) { return { code: res.status, data: data }; });
    });
  }
  function retryWithFreshToken(sub) {
    return function (reply) {
      if (!reply.data.csrf_token) return reply;
      // The page had expired (session lost): the same submission again with a fresh token.
      sub.body = withField(sub.body, "csrf_token", reply.data.csrf_token);
      write(queueKey, sub);
      if (form.elements.csrf_token) form.elements.csrf_token.value = reply.data.csrf_token;
      return post(sub);
    };
  }
  function settle(reply) {
    var data = reply.data;
    if (data.saved) {
      drop(queueKey);
      drop(draftKey);
      say(data.url ? msg.sent : data.message, "good");
      forgetOfflineCopy().then(function () {
        if (data.url) setTimeout(function () { location.assign(data.url); }, 1200);
      });
    } else if (reply.code === 422) {
      drop(queueKey);
      form.submit();  // the server shows its messages next to each item
    } else if (reply.code >= 400 && reply.code < 500) {
      drop(queueKey);
      say(data.message, "bad");
    } else {
      say(data.message || msg.kept, "warn");  // kept in the queue: sent again later
    }
  }
  function send(sub) {
    if (sending) return;
    if (!navigator.onLine) return say(msg.kept, "warn");
    sending = true;
    say(msg.sending);
    post(sub)
      .then(retryWithFreshToken(sub))
      .then(settle, function () { say(msg.kept, "warn"); })
      .then(function () { sending = false; });
  }
  function sendQueued() {
    var sub = read(queueKey);
    if (sub) send(sub); else showConnection();
  }

  // The rows of the freedom table: a target below the chosen current level cannot be
  // chosen (the server checks it too); once both levels are chosen the item folds to one
  // line, "current 3 · target 4 · Change", and the next item comes into view. A tap folds
  // it at once; with the keyboard (where each arrow key is a choice) and after "Change" it
  // folds when the focus leaves the item.
  function picked(item) {
    return { now: item.querySelector(".now input:checked"), goal: item.querySelector(".goal input:checked") };
  }
  // Whether a target that was chosen had to be cleared (it is now below the current level).
  function limitTargets(item) {
    var now = picked(item).now;
    var floor = now ? parseFloat(now.value) : -Infinity;
    var cleared = false;
    item.querySelectorAll(".goal input").forEach(function (input) {
      input.disabled = parseFloat(input.value) < floor;
      if (input.disabled && input.checked) {
        input.checked = false;
        cleared = true;
      }
    });
    return cleared;
  }
  function complete(item) {
    var levels = picked(item);
    return !!(levels.now && levels.goal);
  }
  function unfold(item) {
    item.classList.remove("folded");
    item.querySelector(".chosen").hidden = true;
  }
  function fold(item) {
    var levels = picked(item);
    var line = item.querySelector(".chosen");
    if (!complete(item)) return unfold(item);
    var hadFocus = item.contains(document.activeElement);
    item.classList.add("folded");
    line.hidden = false;
    line.textContent = msg.chosen.replace("{current}", levels.now.value).replace("{target}", levels.goal.value) + " ";
    var change = document.createElement("button");
    change.type = "button";
    change.className = "link";
    change.textContent = msg.change;
    change.addEventListener("click", function () {
      item.setAttribute("data-open", "");
      unfold(item);
      picked(item).now.focus();
    });
    line.appendChild(change);
    clearProblem(item);
    if (hadFocus) change.focus({ preventScroll: true });  // not lost with the hidden choice
  }
  function showProblem(item, text) {
    var note = item.querySelector(".js-error");
    if (!note) {
      note = document.createElement("p");
      note.className = "error js-error";
      note.id = item.id + "-js-error";
      item.querySelector(".chosen").insertAdjacentElement("afterend", note);
    }
    note.textContent = text;
    item.classList.add("invalid");
  }
  function clearProblem(item) {
    var note = item.querySelector(".js-error");
    if (note) note.parentNode.removeChild(note);
    if (!item.querySelector(".error")) item.classList.remove("invalid");
  }
  // The first group that still needs a choice: the current level, else the target.
  function needsAnswer(item) {
    var levels = picked(item);
    if (!levels.now) return { input: item.querySelector(".now input"), text: msg.missingCurrent };
    if (!levels.goal) return { input: item.querySelector(".goal input:not(:disabled)"), text: msg.missingTarget };
    return null;
  }
  function firstUnfinished() {
    return Array.prototype.find.call(items, function (item) { return needsAnswer(item); });
  }
  var byPointer = false;
  ["pointerdown", "touchstart", "mousedown"].forEach(function (kind) {
    form.addEventListener(kind, function () { byPointer = true; }, { passive: true });
  });
  form.addEventListener("keydown", function () { byPointer = false; });
  form.addEventListener("change", function (event) {
    var item = event.target.closest("fieldset.item");
    if (!item || event.target.type !== "radio") return;
    if (limitTargets(item)) return showProblem(item, msg.targetCleared);
    if (complete(item) && byPointer && !item.hasAttribute("data-open")) {
      fold(item);
      item.scrollIntoView({ block: "start" });
    }
  });
  form.addEventListener("focusout", function (event) {
    var item = event.target.closest("fieldset.item");
    if (!item || item.contains(event.relatedTarget) || !complete(item)) return;
    item.removeAttribute("data-open");
    if (!item.classList.contains("folded")) fold(item);
  });
  // The language switch posts this form to come back in the other language: let it go.
  var switching = false;
  document.querySelectorAll("button[name=switch_lang]").forEach(function (button) {
    button.addEventListener("click", function () { switching = true; });
  });
  form.addEventListener("submit", function (event) {
    if (switching) return;
    event.preventDefault();
    if (countDone() < items.length) {
      say(msg.incomplete, "bad");
      var item = firstUnfinished();
      var need = needsAnswer(item);
      item.classList.remove("folded");
      showProblem(item, need.text);
      item.scrollIntoView();
      need.input.focus();
      return;
    }
    var sub = { url: form.action, body: new URLSearchParams(new FormData(form)).toString() };
    write(queueKey, sub);
    send(sub);
  });
  form.addEventListener("change", function () {
    write(draftKey, answers());
    countDone();
  });
  form.addEventListener("input", function (event) {
    if (event.target.tagName !== "TEXTAREA") return;
    write(draftKey, answers());
    countNote(event.target);
  });

  // The offline copy: this page's own HTML as received, and its files from the browser's
  // HTTP cache (force-cache: no second download). Never a personal page (/r/…).
  function keepForOffline() {
    if (!msg.keep || !("serviceWorker" in navigator) || !window.caches) return;
    navigator.serviceWorker.register(msg.sw, { scope: "/" })
      .then(function () { return navigator.serviceWorker.ready; })
      .then(function () { return caches.open(CACHE); })
      .then(function (cache) {
        var page = new Response(asReceived, { headers: { "Content-Type": "text/html; charset=utf-8" } });
        var kept = [cache.put(location.pathname, page)];
        document.querySelectorAll("link[rel=stylesheet], script[src]").forEach(function (el) {
          var url = new URL(el.href || el.src).pathname;
          kept.push(fetch(url, { cache: "force-cache" }).then(function (res) {
            if (res.ok && !/no-store/i.test(res.headers.get("Cache-Control") || "")) {
              return cache.put(url, res);
            }
          }));
        });
        return Promise.all(kept);
      })
      .then(function () {
        offlineReady = true;
        document.documentElement.setAttribute("data-offline-ready", "");
        if (!sending) showConnection();
      }, function () { /* no offline copy: the form still works online */ });
  }
  // Once the answers are confirmed, the copy goes: a shared phone keeps nobody's form.
  function forgetOfflineCopy() {
    if (!window.caches) return Promise.resolve();
    return caches.open(CACHE)
      .then(function (cache) { return cache.delete(location.pathname); })
      .catch(function () { /* nothing kept */ });
  }

  // Every feature used below, tried rather than assumed (a browser may have a name but not
  // the behaviour: URLSearchParams that cannot read a FormData, storage that throws).
  function supported() {
    try {
      var data = new FormData();
      data.append("a", "1");
      return typeof window.fetch === "function" && typeof Promise === "function" &&
        typeof NodeList.prototype.forEach === "function" &&
        typeof Array.prototype.find === "function" && typeof Object.keys === "function" &&
        new URLSearchParams(data).toString() === "a=1" &&
        typeof window.localStorage.getItem === "function" && !!window.JSON &&
        typeof crypto.getRandomValues === "function" && typeof Uint8Array === "function" &&
        typeof window.RadioNodeList === "function" && !!document.documentElement.dataset &&
        typeof document.documentElement.insertAdjacentHTML === "function" &&
        typeof document.documentElement.scrollIntoView === "function" &&
        typeof document.documentElement.closest === "function" &&
        typeof document.documentElement.insertAdjacentElement === "function" &&
        !!document.documentElement.classList;
    } catch (e) {
      return false;
    }
  }

  // Where I stood last round, on a phone that kept that round's personal link (the result
  // page keeps it): asked with the link itself, as the public form shows nobody's answers.
  function markLastRound() {
    if (!msg.person || form.querySelector(".was")) return;
    var kept = read("ft:sent");
    var mine = (Array.isArray(kept) ? kept : []).filter(function (k) {
      return k && String(k.person) === msg.person && /^\/r\/[\w-]+$/.test(k.path);
    }).slice(0, 3);
    Promise.all(mine.map(function (k) {
      return fetch(k.path + "/levels.json", { credentials: "same-origin" })
        .then(function (res) { return res.ok ? res.json() : null; }, function () { return null; });
    })).then(function (found) {
      var earlier = found.filter(function (f) {
        return f && String(f.person) === msg.person && f.instrument === msg.instrument &&
          f.held_on < msg.heldOn;
      }).sort(function (a, b) { return a.held_on < b.held_on ? 1 : -1; });
      if (earlier.length) showLastRound(earlier[0]);
    });
  }
  function showLastRound(last) {
    Object.keys(last.levels).forEach(function (code) {
      mark(code, last.levels[code][0], msg.wasCurrent);
      mark(code, last.levels[code][1], msg.wasTarget);
    });
    var note = document.createElement("p");
    note.className = "was-note";
    note.textContent = msg.wasNote.replace("{round}", last.round).replace("{day}", last.day);
    form.parentNode.insertBefore(note, form);
  }
  function mark(code, level, text) {
    var row = document.getElementById(code + "-" + String(level));  // 3 -> "3", 2.5 -> "2.5"
    if (!row) return;
    var tag = document.createElement("span");
    tag.className = "was";
    tag.textContent = text;
    row.appendChild(document.createTextNode(" "));
    row.appendChild(tag);
  }

  restore(read(draftKey));
  markLastRound();
  items.forEach(function (item) { limitTargets(item); fold(item); });
  form.querySelectorAll("details.note").forEach(function (note) {
    if (note.querySelector("textarea").value) note.open = true;  // a kept note stays in view
  });
  // Sent back by the server with problems: to the first of them, not the top of the page.
  var invalid = form.querySelector("fieldset.item.invalid");
  if (invalid) {
    var need = needsAnswer(invalid);
    invalid.scrollIntoView();
    (need ? need.input : invalid.querySelector("input:checked, input")).focus();
  }
  form.elements.submission_id.value = newSubmissionId();
  form.querySelectorAll("textarea").forEach(function (area) {
    area.insertAdjacentHTML("afterend", '<span class="count" aria-hidden="true"></span>');
    countNote(area);
  });
  countDone();
  window.addEventListener("online", sendQueued);
  window.addEventListener("offline", showConnection);
  setInterval(function () { if (read(queueKey) && navigator.onLine) sendQueued(); }, 30000);
  // A submission left waiting by an earlier visit goes alone: the offline copy would load this
  // page again meanwhile and take the "saved" message meant for the result page.
  if (!read(queueKey)) keepForOffline();
  sendQueued();
})();
