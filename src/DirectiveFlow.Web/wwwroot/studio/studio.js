// The studio's small browser helpers: the unsaved-changes guard and file download.
let dirty = false;
let leaveMessage = "";

function onBeforeUnload(event) {
    if (dirty) {
        event.preventDefault();
        event.returnValue = "";
    }
}

// Links in the static layout are followed by Blazor's enhanced navigation, which the interactive page's
// NavigationLock does not see; a capturing click handler asks first instead.
function onLinkClick(event) {
    const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!dirty || !link || link.target === "_blank" || event.defaultPrevented) {
        return;
    }
    if (!window.confirm(leaveMessage)) {
        event.preventDefault();
        event.stopImmediatePropagation();
    } else {
        dirty = false;
    }
}

export function setDirty(value, message) {
    dirty = !!value;
    leaveMessage = message || leaveMessage;
    window.removeEventListener("beforeunload", onBeforeUnload);
    document.removeEventListener("click", onLinkClick, true);
    if (dirty) {
        window.addEventListener("beforeunload", onBeforeUnload);
        document.addEventListener("click", onLinkClick, true);
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

// The import box's text in UTF-8, which Blazor hands to .NET as a stream (IJSStreamReference): sent as an event it
// was one SignalR message, which past the hub's 32 KB limit ended the circuit.
export function textStream(element) {
    return new TextEncoder().encode(element ? element.value : "");
}

export function clearText(element) {
    if (element) {
        element.value = "";
    }
}
