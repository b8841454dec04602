// The header's language switcher follows the page being read. Material's instant navigation
// swaps the article but keeps the header, so after a move from one page to another the switcher
// would still point at the first page's translation. Each article starts with its own link to
// its translation (hooks/sitebuild/editions.py: <a data-itb-edition="es">); on every page view
// (Material's document$) the switcher's link for that language takes the article link's address.
// Both kinds of link carry target="_self", which instant navigation leaves alone: a change of
// edition is a whole page load, with the other edition's lang, interface and search.

// A function scope: a classic script's top-level names would be page globals.
(() => {
    function followArticle() {
        const article = document.querySelector(".md-content");
        if (!article) return;
        for (const link of article.querySelectorAll("a[data-itb-edition]")) {
            const lang = link.getAttribute("data-itb-edition");
            for (const option of document.querySelectorAll(
                `.md-select__link[data-itb-edition="${lang}"]`,
            )) {
                option.href = link.href;
            }
        }
        // The option for the page's own edition points at the page itself.
        const own = document.documentElement.lang;
        for (const option of document.querySelectorAll(
            `.md-select__link[data-itb-edition="${own}"]`,
        )) {
            option.href = location.href.split("#")[0];
        }
    }

    if (window.document$) window.document$.subscribe(followArticle);
    else document.addEventListener("DOMContentLoaded", followArticle);
})();
