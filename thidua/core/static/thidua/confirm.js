// A form with data-confirm asks before it is sent (no inline handler: the
// Content-Security-Policy allows only scripts from this server).
document.addEventListener("submit", function (event) {
  var form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
}, true);
