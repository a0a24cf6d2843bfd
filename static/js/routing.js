/* Routing suggestions: a click on a suggested unit fills the dispatch form (and opens it);
   a click on a suggested category fills the fast-entry form. Loaded by the hint slots. */
(function () {
  "use strict";
  document.addEventListener("click", function (e) {
    var unitButton = e.target.closest("[data-route-unit]");
    if (unitButton) {
      var unit = document.getElementById("id_dispatch-unit");
      if (unit) {
        unit.value = unitButton.getAttribute("data-route-unit");
        unit.dispatchEvent(new Event("change"));
      }
      var step = document.getElementById("step-dispatch");
      if (step && window.bootstrap) {
        window.bootstrap.Collapse.getOrCreateInstance(step).show();
      }
      return;
    }
    var categoryButton = e.target.closest("[data-route-category]");
    if (categoryButton) {
      var category = document.getElementById("id_category");
      if (category) category.value = categoryButton.getAttribute("data-route-category");
    }
  });
})();
