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

    // one confirmation makes one batch: a second press while the first is being made does nothing.
    // A bulk release asks first (data-confirm): the form is a plain POST whose answer is a new page,
    // so the browser's question is asked here and the yes sent as the no-JavaScript page sends it.
    document.addEventListener("submit", function (event) {
        const form = event.target;
        if (form.id !== "bulk-confirm-form") { return; }
        const button = document.getElementById("bulk-confirm-button");
        if (button.dataset.sent) {
            event.preventDefault();
            return;
        }
        const question = form.dataset.confirm;
        if (question) {
            if (!window.confirm(question)) {
                event.preventDefault();
                return;
            }
            if (!form.querySelector("input[name='confirm']")) {
                const yes = document.createElement("input");
                yes.type = "hidden";
                yes.name = "confirm";
                yes.value = "yes";
                form.appendChild(yes);
            }
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

// The Numbers page's bulk selection survives paging (issue 17, item 5): the ticked ids of one
// search (its filters and sort; not its page) are kept for the tab in sessionStorage, ticked
// again on every page that shows them, and sent with the bulk form even when they are on other
// pages. Without JavaScript the selection is the page's own ticks, as before.
(function () {
    "use strict";

    const PAGING = ["after", "before", "from", "size"];

    function key() {
        const params = new URLSearchParams(window.location.search);
        PAGING.forEach(function (name) { params.delete(name); });
        params.sort();
        return "portal.bulk-selection?" + params.toString();
    }

    function stored() {
        try {
            const ids = JSON.parse(window.sessionStorage.getItem(key()) || "[]");
            return new Set(Array.isArray(ids) ? ids.map(String) : []);
        } catch (unreadable) {
            return new Set();
        }
    }

    function store(ids) {
        if (ids.size === 0) {
            window.sessionStorage.removeItem(key());
        } else {
            window.sessionStorage.setItem(key(), JSON.stringify(Array.from(ids)));
        }
        showCount(ids);
    }

    function showCount(ids) {
        const count = document.getElementById("bulk-selected-count");
        if (count) {
            count.textContent = ids.size === 0 ? "" : (count.dataset.text || "{0} selected").replace("{0}", ids.size);
        }
    }

    function restore() {
        if (!document.getElementById("bulk-form")) { return; }
        const ids = stored();
        document.querySelectorAll("input.bulk-check[form='bulk-form']").forEach(function (box) {
            box.checked = ids.has(box.value);
        });
        showCount(ids);
    }

    document.addEventListener("DOMContentLoaded", restore);
    document.addEventListener("htmx:afterSettle", restore);

    document.addEventListener("change", function (event) {
        const target = event.target;
        if (!target.matches("input.bulk-check[form='bulk-form'], #bulk-select-page")) { return; }
        const ids = stored();
        document.querySelectorAll("input.bulk-check[form='bulk-form']").forEach(function (box) {
            if (box.checked) { ids.add(box.value); } else { ids.delete(box.value); }
        });
        store(ids);
    });

    document.addEventListener("submit", function (event) {
        const form = event.target;
        if (form.id !== "bulk-form") { return; }
        const onThisPage = new Set(Array.from(document.querySelectorAll("input.bulk-check[form='bulk-form']"))
            .map(function (box) { return box.value; }));
        stored().forEach(function (id) {
            if (onThisPage.has(id)) { return; }
            const hidden = document.createElement("input");
            hidden.type = "hidden";
            hidden.name = "ids";
            hidden.value = id;
            form.appendChild(hidden);
        });
        window.sessionStorage.removeItem(key());
    });
})();

// Focus after htmx swaps (issue 17, item 11). htmx gives focus back to the element with the same id
// in the new content (the search box, a form's field, the Rename button); but when the focused
// element was swapped away without such a twin (Previous page on the first page, Disable that became
// Enable, a poll that redrew the section under the cursor) the browser drops focus to <body>, and a
// keyboard user starts again from the top of the page. Focus goes to the swapped region instead:
// the region itself or the element in it marked tabindex=-1 for this, else its first heading, else
// its first control, else the region. Out-of-band swaps (the toasts) never take the focus.
(function () {
    "use strict";

    const CONTROLS = "a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

    let pending = null;

    // the region the last swap gave the focus to, until it settles
    let settling = null;

    function lost() {
        const active = document.activeElement;
        return !active || active === document.body || !active.isConnected;
    }

    document.addEventListener("htmx:beforeSwap", function (event) {
        const active = document.activeElement;
        const target = event.detail.target;
        const used = event.detail.requestConfig && event.detail.requestConfig.elt;
        const focusedInside = active && active !== document.body && target && target.contains(active);
        // the control pressed (a page link) may have lost the focus already; a region polling itself has none
        const usedInside = lost() && used && used !== target && target && target.contains(used);
        pending = focusedInside || usedInside ? { id: target.id || null } : null;
    });

    function landingIn(region) {
        if (region.matches("[tabindex='-1']")) { return region; }
        return region.querySelector("[tabindex='-1'], h1, h2, h3, h4")
            || region.querySelector(CONTROLS)
            || region;
    }

    function land(region) {
        const landing = landingIn(region);
        if (!landing.hasAttribute("tabindex") && !landing.matches(CONTROLS)) { landing.setAttribute("tabindex", "-1"); }
        landing.focus({ preventScroll: true });
    }

    document.addEventListener("htmx:afterSwap", function (event) {
        if (!pending) { return; }
        const region = pending.id ? document.getElementById(pending.id) : event.target;
        if (!region || !region.isConnected || region === document.body || region.closest("#toasts")) { return; }
        pending = null;
        settling = region;
        if (!lost()) { return; }
        land(region);
    });

    // once settled, again if the focus was dropped meanwhile (the browser's own fix-up of the
    // removed element's focus can come after the swap when the machine is busy)
    document.addEventListener("htmx:afterSettle", function () {
        const region = settling;
        settling = null;
        if (region && region.isConnected && lost()) { land(region); }
    });
})();
