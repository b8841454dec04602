// ITB Flex offline bundle: the widget's entry, as a classic script (hooks/offline.py puts it in
// place of the web build's <script type="module">).
//
// From file:// browsers refuse module scripts (and log it as an error); widget/offline/filemode.js
// runs the widget there instead. When the same bundle is served over http(s), this loads the
// widget's ES module as the web build does.
(() => {
    "use strict";
    if (location.protocol === "file:") return;
    const entry = new URL("../itb-flex/itb-flex.js", document.currentScript.src).href;
    import(entry).catch((error) => console.error("ITB Flex: the widget could not load:", error));
})();
