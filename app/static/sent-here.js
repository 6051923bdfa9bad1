/* The home page's "answers sent from this phone": the personal links this phone kept when
   it showed their result pages (personal-link.js), and a button that forgets them all, for a
   phone that others use too. Without this file (or with nothing kept) the list stays hidden. */
(function () {
  "use strict";
  var section = document.getElementById("sent-here");
  var list = document.getElementById("sent-list");
  if (!section || !list || !window.localStorage || !window.JSON) return;

  function kept() {
    try {
      var kept = JSON.parse(localStorage.getItem("ft:sent") || "[]");
      return Array.isArray(kept) ? kept.slice(0, 20) : [];
    } catch (e) { return []; }
  }

  function show() {
    var links = kept().filter(function (k) { return k && /^\/r\/[\w-]+$/.test(k.path); });
    list.textContent = "";
    links.forEach(function (k) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = k.path;
      link.textContent = [k.round, k.name].filter(Boolean).join(" · ");
      item.appendChild(link);
      list.appendChild(item);
    });
    section.hidden = links.length === 0;
  }

  document.getElementById("forget-here").addEventListener("click", function () {
    try { localStorage.removeItem("ft:sent"); } catch (e) { /* blocked: nothing kept */ }
    show();
    document.getElementById("sent-status").textContent = section.getAttribute("data-forgotten");
  });
  show();
})();
