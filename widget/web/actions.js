// ITB Flex — keep or share the picture: print, save as a file, open a file, make a share link.
// Nothing is saved or sent unless the person presses one of these.

import { button, el, field, fileChooser } from "./dom.js";
import { shareUrl } from "./share.js";

const SAVED_FILE_NAME = "itb-flex-schedule.json";

export function actionsSection(w) {
    const L = w.spec.labels;
    const shareOut = el("input", {
        type: "text",
        readonly: true,
        class: "itb-flex__share-url",
        "aria-label": L.share_field,
        "data-itb-share-url": true,
    });
    const shareBox = el(
        "div",
        { class: "itb-flex__share", hidden: true },
        field(L.share_field, shareOut),
    );
    return el(
        "section",
        { class: "itb-flex__actions", "aria-label": L.actions_region },
        el("h3", { class: "itb-flex__h", text: L.actions_heading }),
        el("p", { class: "itb-flex__hint", text: L.nothing_saved }),
        el(
            "div",
            { class: "itb-flex__row" },
            button(L.print, () => w.print(), { "data-itb-action": "print" }),
            button(L.print_card, () => w.printCard(), { "data-itb-action": "print-card" }),
            button(L.save_file, () => saveFile(w), { "data-itb-action": "save" }),
            ...fileChooser(L.open_file, "open", (text) => w.loadText(text, "file")),
            button(
                L.make_share_link,
                async () => {
                    const action = w.beginAction();
                    const url = shareUrl(location.href, JSON.stringify(w.doc));
                    shareOut.value = url;
                    shareBox.hidden = false;
                    shareOut.focus();
                    shareOut.select();
                    let copied = false;
                    try {
                        await navigator.clipboard.writeText(url);
                        copied = true;
                    } catch {
                        copied = false;
                    }
                    if (w.isLatest(action)) w.message(copied ? L.link_copied : L.link_ready);
                },
                { "data-itb-action": "share" },
            ),
        ),
        shareBox,
    );
}

function saveFile(w) {
    w.beginAction();
    const blob = new Blob([`${JSON.stringify(w.doc, null, 2)}\n`], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: SAVED_FILE_NAME, hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
    w.message(w.spec.labels.saved_file);
}
