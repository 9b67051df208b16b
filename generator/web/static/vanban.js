// vanban: add/remove rows of repeatable groups (Kính gửi, Nơi nhận, danh sách đề nghị…), nothing else.
"use strict";
document.addEventListener("click", function (event) {
  var add = event.target.closest("button.add");
  if (add) {
    var box = add.closest(".repeat");
    var template = box.querySelector(":scope > template");
    var next = Number(box.dataset.next || 0);
    box.dataset.next = String(next + 1);
    // Each level has its own placeholder (__N0__, __N1__…), so rows nested in this row keep theirs.
    var holder = document.createElement("ol");
    holder.innerHTML = template.innerHTML.split(box.dataset.token).join(String(next));
    var row = holder.firstElementChild;
    box.querySelector(":scope > ol.rows").appendChild(row);
    var first = row.querySelector("input, select, textarea");
    if (first) first.focus();
    return;
  }
  var remove = event.target.closest("button.remove");
  if (remove) {
    remove.closest("li.row").remove();
    return;
  }
  var back = event.target.closest("[data-back]");
  if (back && history.length > 1) {
    event.preventDefault();
    history.back();
  }
});
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
});
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-focus]");
  var target = summary && document.getElementById(summary.dataset.focus);
  if (target) target.focus();
});
