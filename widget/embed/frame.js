// ITB Flex embed page: read-only mode, and tell the framing page how tall the widget is.
//
// Sends {type: "itb-flex:resize", height} (CSS pixels, an integer) to the parent window each time
// the content's height changes (ResizeObserver), so the portal's loader (embed.js) sizes the
// iframe to the content instead of showing a scroll bar. The message carries only a number. It
// goes to the framing page's origin when the browser reports it (location.ancestorOrigins:
// Chromium, Safari), else to the parent window, whatever its origin.
// The widget's own messages (load, report, ready, change) are its contract module's business.
// A file, not inline: the embed's CSP allows no inline script.
(() => {
    "use strict";
    // ?mode=readonly (embed.js sets it for data-readonly): the widget shows the schedule and its
    // report, and no editor. This script comes after the widget's markup and before its module,
    // which runs once the page is parsed and reads the mark at start.
    if (new URLSearchParams(location.search).get("mode") === "readonly") {
        for (const root of document.querySelectorAll("[data-itb-flex]")) {
            root.setAttribute("data-itb-readonly", "");
        }
    }
    if (window.parent === window || typeof ResizeObserver !== "function") return;
    // The protocol's message types, written in when the site is built from their one list,
    // MESSAGE in widget/web/contract.js (hooks/embed.py).
    const TYPES = __ITB_FLEX_MESSAGES__;
    const ancestors = location.ancestorOrigins;
    const known = ancestors && ancestors.length > 0 ? ancestors[0] : "null";
    // "null" (a file:// or sandboxed parent) cannot be a postMessage target origin.
    const parentOrigin = known === "null" ? "*" : known;

    const watch = () => {
        const content = document.querySelector("[data-itb-embed]");
        if (!content) return;
        let sent = -1;
        const report = () => {
            // The content's own box (it has no margins): the iframe's height never feeds back.
            const height = Math.ceil(content.getBoundingClientRect().height);
            if (height === sent) return;
            sent = height;
            window.parent.postMessage({ type: TYPES.resize, height }, parentOrigin);
        };
        new ResizeObserver(report).observe(content);
        report();
    };
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", watch, { once: true });
    } else {
        watch();
    }
})();
