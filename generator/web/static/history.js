// vanban: the register page's "In sổ" button opens the browser's print dialog (the print stylesheet lays it out).
"use strict";
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print]")) window.print();
});
