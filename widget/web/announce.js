// ITB Flex — what the widget says to screen-reader users, politely and not on every keystroke.

// How long the announcer waits for typing to pause (configurable assumption: a pause between
// words, so each keystroke is not read out).
const ANNOUNCE_DELAY_MS = 900;

export class Announcer {
    constructor(node) {
        this.node = node;
        this.timer = 0;
        this.last = "";
    }

    /** Say text once typing pauses (the newest text wins; a repeat is not said again). */
    later(text) {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => {
            if (text === this.last) return;
            this.last = text;
            this.node.textContent = text;
        }, ANNOUNCE_DELAY_MS);
    }

    /** Say text now (a confirmation the person asked for). */
    now(text) {
        clearTimeout(this.timer);
        this.last = "";
        this.node.textContent = text;
    }
}
