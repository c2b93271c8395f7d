// The weekly report's print button (no inline handlers: the pages run under a strict Content-Security-Policy).
document.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("[data-print]")) {
        window.print();
    }
});
