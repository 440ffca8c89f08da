/* Draws one chart per target (planned line, actual bars) with the app-served Chart.js. */
(function () {
  "use strict";
  function fmt(value, data) {
    if (value === null || value === undefined) return "—";
    if (data.levels && data.levels.length) return data.levels[Math.round(value)] || String(value);
    return value.toLocaleString("vi-VN") + (data.unit ? " " + data.unit : "");
  }
  function draw(canvas) {
    var holder = document.getElementById(canvas.dataset.chart);
    if (!holder || typeof window.Chart === "undefined") return;
    var data = JSON.parse(holder.textContent);
    var levels = data.levels && data.levels.length;
    new window.Chart(canvas, {
      data: {
        labels: data.years,
        datasets: [
          { type: "bar", label: data.labels.actual, data: data.actual, backgroundColor: "rgba(11,92,171,.75)", order: 2 },
          { type: "line", label: data.labels.planned, data: data.planned, borderColor: "#a3141b",
            backgroundColor: "#a3141b", borderDash: [6, 4], spanGaps: true, pointRadius: 3, order: 1 }
        ]
      },
      options: {
        responsive: true, maintainAspectRatio: false, animation: false,
        plugins: {
          legend: { position: "bottom", labels: { boxWidth: 12 } },
          tooltip: { callbacks: { label: function (ctx) { return ctx.dataset.label + ": " + fmt(ctx.parsed.y, data); } } }
        },
        scales: {
          y: levels ? { min: 0, max: data.levels.length - 1, ticks: { stepSize: 1, callback: function (v) { return data.levels[v]; } } }
                    : { beginAtZero: true, ticks: { callback: function (v) { return v.toLocaleString("vi-VN"); } } }
        }
      }
    });
    canvas.dataset.drawn = "1";
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("canvas[data-chart]").forEach(draw);
  });
})();
