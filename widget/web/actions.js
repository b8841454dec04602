// ITB Flex — keep or share the picture: print, save as a file, open a file, make a share link.
// Nothing is saved or sent unless the person presses one of these.

import { el, field, nextId } from "./dom.js";
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
    const openId = nextId("itbf");
    const openInput = el("input", {
        type: "file",
        id: openId,
        accept: "application/json,.json",
        class: "itb-flex__file",
        "data-itb-action": "open",
        onchange: async (e) => {
            const file = e.target.files[0];
            e.target.value = "";
            if (file) await w.loadText(await file.text(), "file");
        },
    });
    const button = (text, onclick, action) =>
        el("button", {
            type: "button",
            class: "itb-flex__button",
            text,
            onclick,
            "data-itb-action": action,
        });
    return el(
        "section",
        { class: "itb-flex__actions", "aria-label": L.actions_region },
        el("h3", { class: "itb-flex__h", text: L.actions_heading }),
        el("p", { class: "itb-flex__hint", text: L.nothing_saved }),
        el(
            "div",
            { class: "itb-flex__row" },
            button(L.print, () => w.print(), "print"),
            button(L.save_file, () => saveFile(w), "save"),
            el("label", { class: "itb-flex__button", for: openId, text: L.open_file }),
            openInput,
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
                "share",
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
