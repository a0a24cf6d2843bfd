/* Behaviour of lianxin's pages. The Content-Security-Policy (core/middleware.py) allows no
   inline script and no on*= attribute, so pages only mark elements with data attributes and
   this file acts on them; data for a script comes from a json_script element.

   data-print               a button that prints the page
   data-print-on-load       the page prints itself once loaded (one-time notice)
   data-confirm="question"  a form asks before it is sent
   data-disable-on-submit   a form disables its submit button once sent (no double posts)
   data-insert-into="id"    a select appends the chosen text to the textarea with that id
   data-use-answer="text"   a button puts a knowledge-base answer into the answer field
   data-width="42"          an element (a progress bar) gets that width in percent
*/
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var printButton = event.target.closest("[data-print]");
    if (printButton) {
      event.preventDefault();
      window.print();
      return;
    }
    var use = event.target.closest("[data-use-answer]");
    if (use) {
      var answer = document.getElementById("id_answer");
      if (!answer) return;
      answer.value = use.getAttribute("data-use-answer");
      var kind = document.getElementById("id_kind");
      if (kind) kind.value = "consult";
      answer.focus();
    }
  });

  document.addEventListener("change", function (event) {
    var select = event.target.closest("select[data-insert-into]");
    if (!select || !select.value) return;
    var target = document.getElementById(select.getAttribute("data-insert-into"));
    if (!target) return;
    target.value = (target.value ? target.value + "\n" : "") + select.value;
    select.value = "";
  });

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.getAttribute) return;
    var question = form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    if (form.hasAttribute("data-disable-on-submit")) {
      var button = form.querySelector("button[type=submit]");
      if (button) setTimeout(function () { button.disabled = true; }, 0);
    }
  });

  function widths(root) {
    if (!root.querySelectorAll) return;
    var all = Array.prototype.slice.call(root.querySelectorAll("[data-width]"));
    if (root.hasAttribute && root.hasAttribute("data-width")) all.push(root);
    all.forEach(function (el) {
      var n = Math.max(0, Math.min(100, parseFloat(el.getAttribute("data-width")) || 0));
      el.style.width = n + "%";
    });
  }

  widths(document);
  document.addEventListener("htmx:load", function (event) { widths(event.target); });
  if (document.querySelector("[data-print-on-load]")) {
    window.addEventListener("load", function () { window.print(); });
  }
})();
