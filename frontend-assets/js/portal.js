// Behaviour shared by every page. Loaded as a file: the Content-Security-Policy allows no inline script.
(function () {
    "use strict";

    const TOAST_LIFETIME_MS = 6000;

    function dismiss(toast) {
        toast.classList.add("fading");
        setTimeout(function () { toast.remove(); }, 400);
    }

    function arm(root) {
        root.querySelectorAll(".portal-toast:not([data-armed])").forEach(function (toast) {
            toast.dataset.armed = "true";
            toast.addEventListener("click", function () { dismiss(toast); });
            // errors stay until read
            if (!toast.classList.contains("portal-toast-error")) {
                setTimeout(function () { dismiss(toast); }, TOAST_LIFETIME_MS);
            }
        });
    }

    function showToast(level, message) {
        const area = document.getElementById("toasts");
        if (!area) { return; }
        const toast = document.createElement("div");
        toast.className = "portal-toast portal-toast-" + level;
        toast.setAttribute("role", "status");
        toast.textContent = message;
        area.appendChild(toast);
        arm(area);
    }

    document.addEventListener("DOMContentLoaded", function () { arm(document); });
    document.addEventListener("htmx:afterSettle", function () { arm(document); });

    // htmx does not swap error answers; say something instead of failing silently.
    document.addEventListener("htmx:responseError", function (event) {
        const status = event.detail.xhr.status;
        if (status === 403) {
            showToast("error", "You may not do that.");
        } else if (status === 409) {
            showToast("error", "Someone else changed this in the meantime. Reload to see the new value.");
        } else {
            showToast("error", "The server could not do that (HTTP " + status + "). Nothing was changed.");
        }
    });
    document.addEventListener("htmx:sendError", function () {
        showToast("error", "The portal cannot be reached. Check the connection and try again.");
    });
})();

// Bulk edits: "select the whole page" on the Numbers page, and only the fields of the chosen edit
// on the bulk edit form (without JavaScript every field shows, and the server reads the right ones).
(function () {
    "use strict";

    document.addEventListener("change", function (event) {
        const target = event.target;
        if (target.id === "bulk-select-page") {
            document.querySelectorAll("input.bulk-check[form='bulk-form']").forEach(function (box) {
                box.checked = target.checked;
            });
        } else if (target.id === "bulk-kind") {
            showBulkFields(target);
        }
    });

    function showBulkFields(select) {
        document.querySelectorAll(".bulk-fields").forEach(function (fields) {
            const kinds = (fields.getAttribute("data-kind") || "").split(" ");
            fields.hidden = select.value !== "" && kinds.indexOf(select.value) < 0;
        });
    }

    // one confirmation makes one batch: a second press while the first is being made does nothing
    document.addEventListener("submit", function (event) {
        if (event.target.id !== "bulk-confirm-form") { return; }
        const button = document.getElementById("bulk-confirm-button");
        if (button.dataset.sent) {
            event.preventDefault();
            return;
        }
        button.dataset.sent = "true";
        button.classList.add("disabled");
        button.textContent = "Making the batch…";
    });

    document.addEventListener("DOMContentLoaded", function () {
        const select = document.getElementById("bulk-kind");
        if (select) { showBulkFields(select); }
    });
})();

// A new API token's Copy button: the token is in a read-only field; without JavaScript (or where the
// browser refuses clipboard access) it is selected, to copy by hand.
(function () {
    "use strict";

    document.addEventListener("click", function (event) {
        const button = event.target.closest("[data-copy]");
        if (!button) { return; }
        const field = document.getElementById(button.dataset.copy);
        if (!field) { return; }
        field.select();
        if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(field.value).then(function () {
                button.textContent = button.dataset.copied || button.textContent;
            });
        }
    });
})();

// "/" jumps to the page's search box, as in the consoles the team knows (issue 17, item 5): any
// field marked data-slash-focus; not while typing in a field, nor with a modifier key.
(function () {
    "use strict";

    document.addEventListener("keydown", function (event) {
        if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
        const typing = event.target.closest("input, textarea, select, [contenteditable]");
        if (typing) { return; }
        const search = document.querySelector("[data-slash-focus]");
        if (!search) { return; }
        event.preventDefault();
        search.focus();
        search.select();
    });
})();
