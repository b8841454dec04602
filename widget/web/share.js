// ITB Flex — share links: #s=<base64url of the document's JSON>. The fragment never reaches a
// server; the schedule travels only inside the link the person copies.

const SHARE = /^#s=([A-Za-z0-9_-]+)$/;

export function base64urlEncode(text) {
    const bytes = new TextEncoder().encode(text);
    let binary = "";
    for (const b of bytes) binary += String.fromCharCode(b);
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function base64urlDecode(code) {
    const b64 = code.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(b64 + "===".slice((b64.length + 3) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
}

/** Whether an address holds a shared schedule. */
export const hasSharedSchedule = (hash) => SHARE.test(hash);

/** The shared schedule's JSON text in a #s= fragment, "" when it cannot be decoded, else null. */
export function readSharedSchedule(hash) {
    const match = SHARE.exec(hash);
    if (!match) return null;
    try {
        return base64urlDecode(match[1]);
    } catch {
        return "";
    }
}

/** The page's address with the document in its fragment. */
export function shareUrl(href, documentText) {
    const url = new URL(href);
    url.hash = `s=${base64urlEncode(documentText)}`;
    return url.href;
}
