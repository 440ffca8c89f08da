/* ThiĐua — keyboard access to wide tables (WCAG 2.1.1): a table wider than its box scrolls inside
   its .table-wrap; that box then becomes a named, focusable region so the arrow keys scroll it.
   A static file (no inline script), run on load, on resize and after every htmx swap. */
(function () {
  "use strict";
  var TITLES = "h1, h2, h3, h4, h5, h6, caption, .caption";
  function label(wrap) {
    var caption = wrap.querySelector("caption");
    if (caption && caption.textContent.trim()) return caption.textContent.trim();
    var titles = document.querySelectorAll(TITLES), title = null;
    for (var i = 0; i < titles.length; i++) {
      if (titles[i].compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING && !wrap.contains(titles[i])) {
        title = titles[i];
      }
    }
    return (title && title.textContent.trim()) || "Bảng";
  }
  function unique(name) {
    var taken = {}, regions = document.querySelectorAll(".table-wrap[aria-label]");
    for (var i = 0; i < regions.length; i++) taken[regions[i].getAttribute("aria-label")] = true;
    var candidate = name + " (cuộn ngang)", n = 2;
    while (taken[candidate]) candidate = name + " (" + n++ + ", cuộn ngang)";
    return candidate;
  }
  function mark() {
    var wraps = document.querySelectorAll(".table-wrap");
    for (var i = 0; i < wraps.length; i++) {
      var wrap = wraps[i];
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        if (!wrap.hasAttribute("tabindex")) {
          wrap.setAttribute("tabindex", "0");
          wrap.setAttribute("role", "region");
          wrap.setAttribute("aria-label", unique(label(wrap)));
        }
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    }
  }
  var timer;
  function later() { clearTimeout(timer); timer = setTimeout(mark, 100); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
  window.addEventListener("resize", later);
  document.addEventListener("htmx:afterSettle", mark);
})();
