/* Wide grids (stations x months) on a narrow screen (no inline script: the CSP).

   <div data-scroll-to=".lx-current">  a scrolling container: once loaded it scrolls
   sideways so that the first element matching the selector (the current month's column)
   stands right after the sticky first column (.lx-sticky), instead of off to the right. */
(function () {
  "use strict";

  document.querySelectorAll("[data-scroll-to]").forEach(function (box) {
    var target = box.querySelector(box.getAttribute("data-scroll-to"));
    if (!target || box.scrollWidth <= box.clientWidth) return;
    var sticky = box.querySelector(".lx-sticky");
    var offset = sticky ? sticky.getBoundingClientRect().width : 0;
    var left = target.getBoundingClientRect().left - box.getBoundingClientRect().left;
    box.scrollLeft = Math.max(0, box.scrollLeft + left - offset);
  });
})();
