// vanban dossier page: add/remove rows of the danh sách, clear an achievements text read from a file,
// and the progress of a dossier job. Rows are <tbody class="nominee"> in #bang-de-nghi; the row
// template's inputs are named with __N__, replaced by the next free number (the server keeps the order).
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

  // A dossier job: poll its state once a second, fill the progress bar, list its files when done.
  document.addEventListener("DOMContentLoaded", function () {
    var job = document.querySelector("[data-job-status]");
    if (!job) return;
    var bar = job.querySelector("progress");
    var message = job.querySelector(".message");
    var files = job.querySelector(".files");
    function poll() {
      fetch(job.dataset.jobStatus, { headers: { Accept: "application/json" } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (s.tong) { bar.max = s.tong; bar.value = s.xong; }
          message.textContent = s.thong_bao + (s.tong ? " (" + s.xong + "/" + s.tong + ")" : "");
          if (!s.ket_thuc) { setTimeout(poll, 1000); return; }
          bar.max = 1; bar.value = 1;
          files.innerHTML = "";
          s.tep.forEach(function (name) {
            var li = document.createElement("li");
            var a = document.createElement("a");
            a.href = job.dataset.jobFiles + encodeURI(name);
            a.textContent = name;
            li.appendChild(a);
            files.appendChild(li);
          });
          s.loi.forEach(function (text) {
            var li = document.createElement("li");
            li.className = "bad";
            li.textContent = text;
            files.appendChild(li);
          });
        })
        .catch(function () { setTimeout(poll, 2000); });
    }
    poll();
  });
})();
