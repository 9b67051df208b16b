// The job page: poll the job's JSON once a second and update the progress bar, message, problems and files.
"use strict";
(function () {
  const box = document.getElementById("job");
  if (!box) return;
  const statusUrl = box.dataset.statusUrl;
  const filesUrl = box.dataset.filesUrl;
  const bar = document.getElementById("job-progress");

  function location(p) {
    const parts = [p.tep, p.trang, p.dong !== null && p.dong !== undefined ? "dòng " + p.dong : null, p.truong];
    return parts.filter(Boolean).join(", ");
  }

  function list(id, items, makeItem) {
    const holder = document.getElementById(id);
    const ul = holder.querySelector("ul");
    ul.replaceChildren(...items.map(makeItem));
    holder.hidden = items.length === 0;
  }

  function show(job) {
    box.dataset.state = job.trang_thai;
    const state = document.getElementById("job-state");
    state.textContent = job.trang_thai_ten;
    state.className = "job-" + job.trang_thai;
    bar.max = job.tong || 1;
    bar.value = job.tong ? job.da_xong : 0;
    bar.textContent = job.da_xong + "/" + job.tong;
    document.getElementById("job-count").textContent = job.da_xong + "/" + job.tong;
    document.getElementById("job-message").textContent = job.thong_bao;
    list("job-problems", job.chi_tiet, function (p) {
      const li = document.createElement("li");
      const where = location(p);
      li.textContent = where ? where + ": " + p.noi_dung : p.noi_dung;
      return li;
    });
    list("job-files", job.tep, function (name) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = filesUrl + name.split("/").map(encodeURIComponent).join("/");
      a.textContent = name;
      a.setAttribute("download", "");
      li.appendChild(a);
      return li;
    });
  }

  function finished(state) {
    return state === "xong" || state === "loi";
  }

  async function poll() {
    try {
      const answer = await fetch(statusUrl, { headers: { Accept: "application/json" }, cache: "no-store" });
      if (answer.ok) {
        const job = await answer.json();
        show(job);
        if (finished(job.trang_thai)) return;
      }
    } catch (err) {
      document.getElementById("job-message").textContent = "Mất kết nối với máy chủ; đang thử lại…";
    }
    setTimeout(poll, 1000);
  }

  if (!finished(box.dataset.state)) setTimeout(poll, 1000);
})();
