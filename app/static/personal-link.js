/* The result page's personal link: a Copy button, and a Share button (the phone's share
   sheet, which offers LINE) where the browser has one; and the phone keeps the link, listed
   on the home page as "answers sent from this phone" until forgotten there (sent-here.js).
   Without this file the buttons stay hidden and the link and its QR code are still there. */
(function () {
  "use strict";
  var actions = document.getElementById("link-actions");
  var link = document.getElementById("personal-link");
  if (!actions || !link || !("hidden" in actions)) return;
  var copy = actions.querySelector(".copy-link");
  var share = actions.querySelector(".share-link");
  var status = actions.querySelector(".link-status");
  var url = link.href;

  function say(text) { status.textContent = text; }

  function keep() {
    try {
      var path = new URL(url).pathname;
      var kept = JSON.parse(localStorage.getItem("ft:sent") || "[]");
      kept = (Array.isArray(kept) ? kept : []).filter(function (k) { return k && k.path !== path; });
      kept.unshift({ path: path, round: actions.getAttribute("data-round"),
                     name: actions.getAttribute("data-name"),
                     person: actions.getAttribute("data-person") });
      localStorage.setItem("ft:sent", JSON.stringify(kept.slice(0, 20)));
    } catch (e) { /* storage blocked or full: the link is still on this page */ }
  }
  keep();

  // The older way, for browsers without the clipboard API (or outside HTTPS).
  function copyBySelecting() {
    var box = document.createElement("textarea");
    box.value = url;
    box.setAttribute("readonly", "");
    box.className = "offscreen";
    document.body.appendChild(box);
    box.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(box);
    return done;
  }

  copy.addEventListener("click", function () {
    var copied = function () { say(actions.getAttribute("data-copied")); };
    var failed = function () {
      say(copyBySelecting() ? actions.getAttribute("data-copied") : actions.getAttribute("data-not-copied"));
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(url).then(copied, failed);
    } else {
      failed();
    }
  });
  copy.hidden = false;

  if (typeof navigator.share === "function") {
    share.addEventListener("click", function () {
      navigator.share({ title: actions.getAttribute("data-title"), url: url })
        .catch(function () { /* closed by the person: nothing to say */ });
    });
    share.hidden = false;
  }
})();
