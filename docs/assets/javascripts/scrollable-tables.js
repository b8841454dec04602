// Wide tables scroll sideways on a narrow screen or at 400 % zoom (Material makes each table its
// own scroll box). A keyboard user can scroll a box only once it can take focus, so a table that
// overflows gets tabindex="0" (WCAG 2.1.1; axe rule scrollable-region-focusable), as Material
// already does for code blocks that scroll. Runs on every page view (Material's document$, which
// instant navigation also emits) and again when the window is resized.

// A function scope: a classic script's top-level names would be page globals.
(() => {
    const MARK = "data-itb-scroll-focus"; // only tabindex values this script set are ever removed

    function markScrollableTables() {
        for (const table of document.querySelectorAll(".md-typeset table")) {
            const scrolls = table.scrollWidth > table.clientWidth;
            if (scrolls && !table.hasAttribute("tabindex")) {
                table.setAttribute("tabindex", "0");
                table.setAttribute(MARK, "");
            } else if (!scrolls && table.hasAttribute(MARK)) {
                table.removeAttribute("tabindex");
                table.removeAttribute(MARK);
            }
        }
    }

    let pending = 0;
    const soon = () => {
        cancelAnimationFrame(pending);
        pending = requestAnimationFrame(markScrollableTables);
    };

    if (window.document$) window.document$.subscribe(soon);
    else document.addEventListener("DOMContentLoaded", soon);
    window.addEventListener("resize", soon);
})();
