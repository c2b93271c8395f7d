// The target picker of the new-directive form: search by name or code (ignoring Vietnamese accents) and select all /
// none among the boxes shown. Delegated listeners, no inline handlers (strict Content-Security-Policy).
(function () {
    function plain(text) {
        return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
    }

    function options(picker, visibleOnly) {
        return Array.from(picker.querySelectorAll("[data-target-option]")).filter(function (o) { return !visibleOnly || !o.hidden; });
    }

    document.addEventListener("input", function (event) {
        var search = event.target instanceof Element ? event.target.closest("[data-target-search]") : null;
        var picker = search ? search.closest("[data-target-picker]") : null;
        if (!picker) {
            return;
        }

        var words = plain(search.value).split(/\s+/).filter(Boolean);
        options(picker, false).forEach(function (option) {
            var text = plain(option.getAttribute("data-search"));
            option.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
        });
    });

    document.addEventListener("click", function (event) {
        var button = event.target instanceof Element ? event.target.closest("[data-target-all], [data-target-none]") : null;
        var picker = button ? button.closest("[data-target-picker]") : null;
        if (!picker) {
            return;
        }

        var check = button.hasAttribute("data-target-all");
        options(picker, true).forEach(function (option) {
            option.querySelector("input[type=checkbox]").checked = check;
        });
    });
})();
