// vanban: rows and columns added or removed in the browser, and the error summary's links to their fields.
"use strict";

// A new row from the box's <template>: each level has its own placeholder (__N0__, __N1__…), so rows nested
// in this row keep theirs. Table rows are parsed inside a <tbody>, list rows inside an <ol>.
function addRow(box) {
  var template = box.querySelector(":scope > template");
  var next = Number(box.dataset.next || 0);
  box.dataset.next = String(next + 1);
  var table = box.querySelector(":scope > .table-scroll > table > tbody");
  var holder = document.createElement(table ? "tbody" : "ol");
  holder.innerHTML = template.innerHTML.split(box.dataset.token).join(String(next));
  var row = holder.firstElementChild;
  (table || box.querySelector(":scope > ol.rows")).appendChild(row);
  var first = row.querySelector("input, select, textarea");
  if (first) first.focus();
}

// The last [n] of an input's name and the matching -n- of its id, renumbered to `to`.
function renumberCell(cell, to) {
  cell.querySelectorAll("[name], [id]").forEach(function (el) {
    if (el.name) el.name = el.name.replace(/\[\d+\]$/, "[" + to + "]");
    if (el.id) el.id = el.id.replace(/-\d+-$/, "-" + to + "-");
    if (el.value !== undefined && el.tagName === "INPUT") el.value = "";
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  });
  cell.querySelectorAll("ul.errors").forEach(function (ul) { ul.remove(); });
  return cell;
}

// Each row of a table holds: the row number, the cells, the remove button; a new column goes before the last.
function eachLine(box, fn) {
  box.querySelectorAll(":scope > .table-scroll > table tr").forEach(fn);
  var template = box.querySelector(":scope > template");
  var holder = document.createElement("tbody");
  holder.innerHTML = template.innerHTML;
  holder.querySelectorAll("tr").forEach(fn);
  template.innerHTML = holder.innerHTML;
}

function addColumn(box) {
  var head = box.querySelector("tr.head");
  var count = head.children.length - 2;
  var next = Number(box.dataset.nextCol || count);
  box.dataset.nextCol = String(next + 1);
  eachLine(box, function (tr) {
    var last = tr.children[tr.children.length - 2];
    var cell = renumberCell(last.cloneNode(true), next);
    cell.querySelectorAll("[aria-label]").forEach(function (el) {
      el.setAttribute("aria-label", el.getAttribute("aria-label").replace(/\d+$/, String(count + 1)));
    });
    tr.insertBefore(cell, tr.lastElementChild);
  });
  var input = head.children[head.children.length - 2].querySelector("input");
  if (input) input.focus();
}

function removeColumn(button) {
  var box = button.closest(".table-edit");
  var th = button.closest("th");
  var position = Array.prototype.indexOf.call(th.parentElement.children, th);
  if (th.parentElement.children.length <= 3) return; // the last column stays
  eachLine(box, function (tr) {
    if (tr.children[position]) tr.children[position].remove();
  });
  var head = box.querySelector("tr.head");
  var next = head.children[Math.min(position, head.children.length - 2)].querySelector("input");
  if (next) next.focus();
}

// The summary's link moves focus to its field and brings it to the middle of the screen, clear of the
// sticky button bar; a link to a group focuses the group's first input.
function focusField(id) {
  var target = document.getElementById(id);
  if (!target) return false;
  var input = target.matches("input, select, textarea, button")
    ? target
    : target.querySelector("input:not([type=hidden]), select, textarea");
  (input || target).scrollIntoView({ block: "center" });
  if (input) input.focus({ preventScroll: true });
  return true;
}

document.addEventListener("click", function (event) {
  var target = event.target;
  var add = target.closest("button.add");
  if (add) return addRow(add.closest(".repeat, .table-edit"));
  var addCol = target.closest("button.add-col");
  if (addCol) return addColumn(addCol.closest(".table-edit"));
  var removeCol = target.closest("button.remove-col");
  if (removeCol) return removeColumn(removeCol);
  var remove = target.closest("button.remove");
  if (remove) {
    // Focus stays in the list for keyboard users: on the next row's first input, else on "+ Thêm".
    var row = remove.closest(".row");
    var box = row.closest(".repeat, .table-edit");
    var next = row.nextElementSibling;
    row.remove();
    var add = box && box.querySelector(":scope > button.add, :scope > .table-tools > button.add");
    var land = (next && next.querySelector("input, select, textarea")) || add;
    if (land) land.focus();
    return;
  }
  var link = target.closest(".summary a[href^='#']");
  if (link && focusField(link.getAttribute("href").slice(1))) {
    event.preventDefault();
    return;
  }
  var back = target.closest("[data-back]");
  if (back && history.length > 1) {
    event.preventDefault();
    history.back();
  }
});
document.addEventListener("change", function (event) {
  if (event.target.matches("[data-autosubmit]")) event.target.form.submit();
});
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-focus-self]");
  if (summary) {
    summary.focus();
    return;
  }
  var holder = document.querySelector("[data-focus]");
  var target = holder && document.getElementById(holder.dataset.focus);
  if (target) target.focus();
});
