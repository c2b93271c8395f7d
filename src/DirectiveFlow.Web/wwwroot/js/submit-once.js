// A form marked data-submit-once is sent once: a second click while the page is still sending (a double click on
// "Ban hành" during a slow upload issued the directive twice) is ignored, and its buttons show as busy. The buttons are
// disabled only after the browser has taken the form's fields, so the button that was clicked is still sent.
(function () {
    "use strict";
    document.addEventListener("submit", function (event) {
        var form = event.target instanceof HTMLFormElement && event.target.hasAttribute("data-submit-once") ? event.target : null;
        if (!form) {
            return;
        }

        if (form.getAttribute("data-submitting") === "true") {
            event.preventDefault();
            return;
        }

        form.setAttribute("data-submitting", "true");
        window.setTimeout(function () {
            form.querySelectorAll("button[type=submit], input[type=submit]").forEach(function (button) {
                button.disabled = true;
                button.setAttribute("aria-busy", "true");
            });
        }, 0);
        // A send stopped by the reader (Esc, the Stop button) leaves the page as it was: after a while the form may be
        // sent again on purpose, instead of staying locked with what was typed and chosen.
        window.setTimeout(function () { release(form); }, 20000);
    });

    function release(form) {
        form.removeAttribute("data-submitting");
        form.querySelectorAll("button[aria-busy], input[aria-busy]").forEach(function (button) {
            button.disabled = false;
            button.removeAttribute("aria-busy");
        });
    }

    // Back to a page kept by the browser: its forms may be sent again.
    window.addEventListener("pageshow", function (event) {
        if (event.persisted) {
            document.querySelectorAll("form[data-submitting]").forEach(release);
        }
    });
})();
