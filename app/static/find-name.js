/* The roster: names are filtered as one types (the form also works without this file: it
   asks the server with ?q=). A name matches when it holds what was typed, case and spaces
   ignored; a tambon with no match is hidden. */
(function () {
  "use strict";
  var form = document.getElementById("find-name");
  var box = document.getElementById("find-name-q");
  var status = document.getElementById("find-name-status");
  if (!form || !box || !status || !document.querySelectorAll || !("hidden" in form)) return;
  var sections = document.querySelectorAll(".tambon-names");

  function key(text) {
    return String(text || "").toLowerCase().replace(/\s+/g, " ").replace(/^ | $/g, "");
  }

  function show(section, typed) {
    var names = section.querySelectorAll(".names li");
    var shown = 0;
    for (var i = 0; i < names.length; i++) {
      var li = names[i];
      var hit = !typed || key(li.getAttribute("data-key")).indexOf(typed) >= 0 ||
        key(li.textContent).indexOf(typed) >= 0;
      li.hidden = !hit;
      if (hit) shown++;
    }
    section.hidden = typed !== "" && shown === 0;
    return shown;
  }

  function filter() {
    var typed = key(box.value);
    var shown = 0;
    for (var i = 0; i < sections.length; i++) shown += show(sections[i], typed);
    status.textContent = typed && shown === 0 ? form.getAttribute("data-none") : "";
  }

  box.addEventListener("input", filter);
  filter();
})();
