/* The dispatch form on the case page (no inline script: the Content-Security-Policy).

   <select data-filters="id_of_handler_select" data-co="name_of_co_unit_boxes">
     the lead unit: the handler list then shows only the people whose option's
     data-units="1 4" names the chosen unit (a handler chosen for another unit is cleared),
     and the chosen unit's own co-unit box is switched off (a lead unit is not its own
     co-unit). The server checks the handler again; this only keeps the list short. */
(function () {
  "use strict";

  function filter(select) {
    var unit = select.value;
    var handlers = document.getElementById(select.getAttribute("data-filters"));
    if (handlers) {
      Array.prototype.forEach.call(handlers.options, function (option) {
        if (!option.value) return;
        var units = (option.getAttribute("data-units") || "").split(" ");
        var fits = unit !== "" && units.indexOf(unit) >= 0;
        option.hidden = !fits;
        option.disabled = !fits;
      });
      var chosen = handlers.options[handlers.selectedIndex];
      if (chosen && chosen.disabled) handlers.value = "";
    }
    var co = select.getAttribute("data-co");
    if (co) {
      document.querySelectorAll("input[type=checkbox][name='" + co + "']").forEach(function (box) {
        var isLead = box.value === unit;
        if (isLead) box.checked = false;
        box.disabled = isLead;
      });
    }
  }

  // On the select itself: routing.js's suggestion sets the unit and sends a change event
  // that does not bubble.
  document.querySelectorAll("select[data-filters]").forEach(function (select) {
    select.addEventListener("change", function () { filter(select); });
    filter(select);
  });
})();
