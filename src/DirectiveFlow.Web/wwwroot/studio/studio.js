// The studio's small browser helpers: the unsaved-changes guard and file download.
let dirty = false;

function onBeforeUnload(event) {
    if (dirty) {
        event.preventDefault();
        event.returnValue = "";
    }
}

export function setDirty(value) {
    dirty = !!value;
    window.removeEventListener("beforeunload", onBeforeUnload);
    if (dirty) {
        window.addEventListener("beforeunload", onBeforeUnload);
    }
}

export function download(fileName, text) {
    const blob = new Blob([text], { type: "application/json;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
}
