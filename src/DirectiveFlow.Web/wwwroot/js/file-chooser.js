// Names the files chosen in a FileChooser (Components/Shared/FileChooser.razor) next to its button, in the page's language.
(function () {
    "use strict";
    document.addEventListener("change", function (event) {
        var input = event.target instanceof Element ? event.target.closest("[data-file-chooser]") : null;
        var name = input ? input.parentElement.querySelector("[data-file-chooser-name]") : null;
        if (!name || !input.files || input.files.length === 0) {
            return;
        }

        name.textContent = input.files.length === 1
            ? input.files[0].name
            : input.getAttribute("data-many").replace("{0}", String(input.files.length));
    });
})();
