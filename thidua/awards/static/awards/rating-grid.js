// The ratings grid, typed like a sheet: a letter chooses the rating (the labels start with
// distinct letters), Enter moves to the next row's rating instead of sending the form.
document.addEventListener("keydown", function (event) {
  var select = event.target;
  if (event.key !== "Enter" || !select.matches || !select.matches("#bang-xep-loai select")) return;
  event.preventDefault();
  var selects = Array.prototype.slice.call(document.querySelectorAll("#bang-xep-loai select"));
  var next = selects[selects.indexOf(select) + (event.shiftKey ? -1 : 1)];
  if (next) next.focus();
});
