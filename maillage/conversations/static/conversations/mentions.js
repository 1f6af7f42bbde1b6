/* @mention suggestions while typing, for every textarea[data-mentions] in a form
 * with a data-mentions-url. Uses htmx (already on every page) to fetch the
 * members matching what follows "@", shows them as buttons under the textarea in
 * a polite live region, and inserts "@[Name](id)" on choice. Without JavaScript,
 * a plain "@Name" is still recognised by the server. */
(function () {
  "use strict";
  var TOKEN = /(?:^|[^\w@])@([^\s@\[\]()]{2,30}(?: [^\s@\[\]()]{1,30})?)$/;

  function tokenAt(textarea, caret) {
    var match = TOKEN.exec(textarea.value.slice(0, caret));
    return match ? match[1] : null;
  }

  function options(box) {
    return Array.prototype.slice.call(box.querySelectorAll("button[data-mention]"));
  }

  function setup(textarea) {
    var form = textarea.form;
    var url = form && form.getAttribute("data-mentions-url");
    if (!url || textarea.getAttribute("data-mentions-ready")) return;
    textarea.setAttribute("data-mentions-ready", "1");
    var box = document.createElement("div");
    box.className = "mention-suggestions";
    box.id = (textarea.id || "texte") + "-mentions";
    box.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", box);
    var caret = 0;
    var timer = null;

    function clear() { box.innerHTML = ""; }

    textarea.addEventListener("input", function () {
      caret = textarea.selectionStart;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var token = tokenAt(textarea, caret);
        if (!token) { clear(); return; }
        window.htmx.ajax("GET", url + "?q=" + encodeURIComponent(token), {
          target: box, swap: "innerHTML"
        });
      }, 250);
    });

    textarea.addEventListener("keydown", function (event) {
      var buttons = options(box);
      if (event.key === "ArrowDown" && buttons.length) {
        event.preventDefault();
        caret = textarea.selectionStart;
        buttons[0].focus();
      } else if (event.key === "Escape" && buttons.length) {
        event.preventDefault();
        clear();
      }
    });

    box.addEventListener("keydown", function (event) {
      var buttons = options(box);
      var index = buttons.indexOf(document.activeElement);
      if (index < 0) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        var step = event.key === "ArrowDown" ? 1 : -1;
        buttons[(index + step + buttons.length) % buttons.length].focus();
      } else if (event.key === "Escape") {
        event.preventDefault();
        clear();
        textarea.focus();
      }
    });

    box.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-mention]");
      if (!button) return;
      var token = tokenAt(textarea, caret);
      var start = token === null ? caret : caret - token.length - 1;
      var text = button.getAttribute("data-mention") + " ";
      textarea.value = textarea.value.slice(0, start) + text + textarea.value.slice(caret);
      caret = start + text.length;
      clear();
      textarea.focus();
      textarea.setSelectionRange(caret, caret);
    });
  }

  function setupAll(root) {
    var areas = (root || document).querySelectorAll("textarea[data-mentions]");
    Array.prototype.forEach.call(areas, setup);
  }

  document.addEventListener("DOMContentLoaded", function () { setupAll(document); });
  // A reply form swapped in by htmx (after posting) needs the same help.
  document.addEventListener("htmx:load", function (event) { setupAll(event.target); });
})();
