/* Scorecard charts (Apache ECharts, vendored). The data comes from json_script tags named by
   each chart's data-source; no inline script. */
(function () {
  "use strict";
  if (typeof echarts === "undefined") { return; }
  function pct(v) { return v === null || v === undefined ? null : Math.round(v * 1000) / 10; }
  function bar(el, d) {
    return {
      grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      xAxis: { type: "value", min: 0, max: 100 },
      yAxis: { type: "category", inverse: true, data: d.names, axisLabel: { width: 90, overflow: "truncate" } },
      series: [{ type: "bar", name: d.label, data: d.values, label: { show: true, position: "right" } }]
    };
  }
  function trend(el, d) {
    return {
      grid: { left: 8, right: 16, top: 48, bottom: 8, containLabel: true },
      tooltip: { trigger: "axis" },
      legend: { top: 0, type: "scroll" },
      xAxis: { type: "category", data: d.months },
      yAxis: { type: "value", min: 0, max: 100 },
      series: d.series.map(function (s, i) {
        return { type: "line", name: s.name, connectNulls: true,
                 data: i === 0 ? s.values : s.values.map(pct) };
      })
    };
  }
  function barCount(el, d) {
    var option = bar(el, d);
    option.xAxis = { type: "value", minInterval: 1 };
    return option;
  }
  var builders = { bar: bar, "bar-count": barCount, trend: trend };
  document.querySelectorAll(".lx-chart[data-chart]").forEach(function (el) {
    var source = document.getElementById(el.dataset.source);
    var build = builders[el.dataset.chart];
    if (!source || !build) { return; }
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(build(el, JSON.parse(source.textContent)));
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();
