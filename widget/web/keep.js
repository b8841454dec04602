// ITB Flex — what the person typed survives navigation inside the site.
//
// Material's instant navigation replaces the page's content (and with it the widget) on every
// menu click, search result, back and forward. This module lives as long as the window, so it
// keeps each widget's document in memory, by page and widget, and gives it back when that
// widget is mounted again. Memory only: nothing is written to any storage, nothing outlives the
// tab, and a reload starts from the page's own example, as the person would expect.

const kept = new Map();

const keyOf = (root) => `${location.pathname}#${root.dataset.idPrefix || ""}`;

/** Remember a widget's state ({doc, program, baseline}) after an edit. */
export function keep(root, state) {
    kept.set(keyOf(root), JSON.stringify(state));
}

/** The state kept for this widget, or null. */
export function keptState(root) {
    const text = kept.get(keyOf(root));
    return text ? JSON.parse(text) : null;
}

/** Forget it (the person chose another example, or opened a share link). */
export function forget(root) {
    kept.delete(keyOf(root));
}
