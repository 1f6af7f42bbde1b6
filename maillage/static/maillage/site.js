// Small comforts on top of pages that work without JavaScript (docs/design.md).
// A static file: the Content-Security-Policy refuses inline scripts.
(function () {
  "use strict";

  // The header's menu (<details>): Escape or a click elsewhere closes it.
  function closeMenus(except) {
    document.querySelectorAll("details.site-menu[open]").forEach(function (menu) {
      if (menu !== except) menu.removeAttribute("open");
    });
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector("details.site-menu[open]");
    if (!open) return;
    open.removeAttribute("open");
    open.querySelector("summary").focus();
  });
  document.addEventListener("click", function (event) {
    closeMenus(event.target.closest ? event.target.closest("details.site-menu") : null);
  });

  // A community's tabs scroll sideways on a phone: bring the current one into view.
  function showCurrentTab() {
    var current = document.querySelector(".subnav .tabs [aria-current=page]");
    if (!current) return;
    var row = current.closest(".tabs");
    if (row.scrollWidth <= row.clientWidth) return;
    row.scrollLeft = current.offsetLeft - (row.clientWidth - current.offsetWidth) / 2;
  }
  // A form sent back with errors: its summary takes the focus, so that screen
  // readers and keyboards start from the list of what to correct (GOV.UK).
  function focusErrorSummary() {
    var summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
  }

  function ready() {
    showCurrentTab();
    focusErrorSummary();
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
