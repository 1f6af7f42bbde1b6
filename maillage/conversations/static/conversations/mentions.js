/* @mentions while typing, for every textarea[data-mentions] in a form with a
 * data-mentions-url.
 *
 * Suggestions: uses htmx (already on every page) to fetch the members matching
 * what follows "@", shows them as buttons under the textarea in a polite live
 * region, and inserts the chosen person's readable name ("@Amélie Animatrice";
 * the stored form only when two members share the name).
 *
 * Warnings: a moment after typing stops, and when the text box is left, asks
 * the server (data-mentions-check-url, else the suggestions URL + "verifier/")
 * which "@names" will stay text, nobody or several members carrying them, and
 * says so in a second polite live region, before posting.
 *
 * Without JavaScript, the server still recognises "@Name" and, after posting,
 * says which names stayed text. */
(function () {
  "use strict";
  var TOKEN = /(?:^|[^\w@])@([^\s@\[\]()]{2,30}(?: [^\s@\[\]()]{1,30})?)$/;
  var WORD_BEFORE = /[\p{L}\p{N}_@]/u;
  var MAX_CHECKED = 20;
  var SNIPPET = 120;

  function tokenAt(textarea, caret) {
    var match = TOKEN.exec(textarea.value.slice(0, caret));
    return match ? match[1] : null;
  }

  function options(box) {
    return Array.prototype.slice.call(box.querySelectorAll("button[data-mention]"));
  }

  /* Each "@" that starts a mention, with what follows it on its line; the one
   * being typed at the caret is left out (it is not finished). */
  function typedMentions(textarea, skipTyping) {
    var text = textarea.value;
    var caret = textarea.selectionStart;
    var typing = skipTyping ? tokenAt(textarea, caret) : null;
    var typingAt = typing === null ? -1 : caret - typing.length - 1;
    var found = [];
    for (var at = text.indexOf("@"); at >= 0 && found.length < MAX_CHECKED;
         at = text.indexOf("@", at + 1)) {
      if (at > 0 && WORD_BEFORE.test(text.charAt(at - 1))) continue;
      if (text.charAt(at + 1) === "[" || at === typingAt) continue;
      // Up to the next "@" (its own mention) or the end of the line.
      var next = text.indexOf("@", at + 1);
      var end = Math.min(at + SNIPPET, next < 0 ? text.length : next);
      var line = text.slice(at, end).split("\n")[0];
      if (line.length > 1) found.push(line);
    }
    return found;
  }

  function setup(textarea) {
    var form = textarea.form;
    var url = form && form.getAttribute("data-mentions-url");
    if (!url || textarea.getAttribute("data-mentions-ready")) return;
    var checkUrl = form.getAttribute("data-mentions-check-url") ||
      url.replace(/\/?$/, "/verifier/");
    textarea.setAttribute("data-mentions-ready", "1");
    var box = document.createElement("div");
    box.className = "mention-suggestions";
    box.id = (textarea.id || "texte") + "-mentions";
    box.setAttribute("aria-live", "polite");
    var warnings = document.createElement("div");
    warnings.className = "mention-warnings";
    warnings.id = (textarea.id || "texte") + "-mention-warnings";
    warnings.setAttribute("aria-live", "polite");
    textarea.insertAdjacentElement("afterend", box);
    box.insertAdjacentElement("afterend", warnings);
    var caret = 0;
    var timer = null;
    var checkTimer = null;
    var lastCheck = "";
    var shown = "";

    function clear() { box.innerHTML = ""; }

    function show(html) {
      // The same warnings again are not announced again.
      var text = html.trim();
      if (text === shown) return;
      shown = text;
      warnings.innerHTML = text;
    }

    function check(skipTyping) {
      var typed = typedMentions(textarea, skipTyping);
      if (!typed.length) { lastCheck = ""; show(""); return; }
      var params = new URLSearchParams();
      typed.forEach(function (value) { params.append("m", value); });
      var query = params.toString();
      if (query === lastCheck) return;
      lastCheck = query;
      window.fetch(checkUrl + "?" + query, {
        credentials: "same-origin",
        headers: { "HX-Request": "true" }
      }).then(function (response) {
        return response.ok ? response.text() : "";
      }).then(function (html) {
        if (query === lastCheck) show(html);
      }).catch(function () { /* A warning is a help, never a blocker. */ });
    }

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
      window.clearTimeout(checkTimer);
      checkTimer = window.setTimeout(function () { check(true); }, 800);
    });

    textarea.addEventListener("change", function () { check(false); });

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
      check(false);
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
