// vanban dossier page: add/remove rows of the danh sách, clear an achievements text read from a file.
// Rows are <tbody class="nominee"> in #bang-de-nghi; the row template's inputs are named with __N__,
// replaced by the next free number (the server keeps the order).
"use strict";
(function () {
  function renumber(table) {
    table.querySelectorAll("tbody.nominee").forEach(function (body, i) {
      var cell = body.querySelector("th.stt");
      if (cell) cell.textContent = String(i + 1);
      var remove = body.querySelector("button.remove-row");
      if (remove) remove.setAttribute("aria-label", "Xóa dòng " + (i + 1));
    });
  }
  document.addEventListener("click", function (event) {
    var table = document.getElementById("bang-de-nghi");
    if (!table) return;
    if (event.target.closest("#them-dong")) {
      var next = Number(table.dataset.next || 0);
      table.dataset.next = String(next + 1);
      var template = document.getElementById("dong-mau");
      var holder = document.createElement("table");
      holder.innerHTML = template.innerHTML.split("__N__").join(String(next));
      var body = holder.querySelector("tbody");
      table.appendChild(body);
      renumber(table);
      var first = body.querySelector("input, select");
      if (first) first.focus();
      return;
    }
    var remove = event.target.closest("button.remove-row");
    if (remove) {
      var row = remove.closest("tbody.nominee");
      var after = row.nextElementSibling;
      row.remove();
      renumber(table);
      var focus = after && after.matches("tbody.nominee") ? after.querySelector("input, select") : document.getElementById("them-dong");
      if (focus) focus.focus();
      return;
    }
    var clear = event.target.closest("button.clear-source");
    if (clear) {
      var box = clear.closest(".field");
      box.querySelector("textarea").value = "";
      box.querySelector("input[type=hidden]").value = "";
      var source = clear.closest(".source");
      var text = box.querySelector("textarea");
      source.remove();
      text.focus();
    }
  });

  // Empty table cells are not sent (the server reads a missing cell as empty): a long danh sách stays
  // under the server's limit on form fields. The form's data is taken at submit, so they are re-enabled
  // right after (a download leaves the page open).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.id !== "dossier-form") return;
    var skipped = [];
    form.querySelectorAll("#bang-de-nghi input[name^='ds['], #bang-de-nghi select[name^='ds['], #bang-de-nghi textarea").forEach(function (el) {
      if (!el.disabled && el.value === "") {
        el.disabled = true;
        skipped.push(el);
      }
    });
    setTimeout(function () {
      skipped.forEach(function (el) { el.disabled = false; });
    }, 0);
  });
})();
