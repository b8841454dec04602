"""The two editions of the site (English at the root, Spanish under /es/) and instant navigation.

mkdocs-static-i18n gives every page a language switcher whose links go to the same page in the
other edition. It warns that the switcher "is not compatible with navigation.instant": Material's
instant navigation swaps the page's content but keeps the header, so the switcher would still
point at the first page's translation, and a switch made through instant navigation would keep
the first edition's `lang`, Material's interface language and its search language. This site
answers both (so the warning is filtered out, `answered_warning`):

- the switcher's links carry ``target="_self"`` and ``data-itb-edition`` (`mark_switcher`):
  Material's instant navigation leaves links with a target alone, so changing edition is always
  a whole page load, with the new edition's `lang`, interface and search;
- ``assets/javascripts/editions.js`` points the switcher at the new page's translation after
  each instant navigation, from the ``<link rel="alternate" hreflang>`` tags Material does swap.
"""

from __future__ import annotations

import logging
import re

# The logger that warns (the plugin's mkdocs_static_i18n/reconfigure.py, via get_plugin_logger).
PLUGIN_LOGGER = "mkdocs.plugins.mkdocs_static_i18n.reconfigure"
# The plugin's warning, matched exactly: any other warning of the plugin still fails the build.
ANSWERED = (
    "language switcher contextual link is not compatible with theme.features = navigation.instant"
)

_SWITCHER_LINK = re.compile(
    r'<a href="(?P<href>[^"]*)" hreflang="(?P<lang>[a-z-]+)" class="md-select__link">'
)


def answered_warning(record: logging.LogRecord) -> bool:
    """A logging filter: False (drop) for the plugin's instant-navigation warning only."""
    return ANSWERED not in record.getMessage()


def mark_switcher(page_html: str, lang: str) -> str:
    """page_html with each switcher link marked (target, data-itb-edition, aria-current).

    The link to the edition being read gets ``aria-current="true"``, so a screen reader says
    which language is the page's.
    """

    def mark(match: re.Match[str]) -> str:
        current = ' aria-current="true"' if match["lang"] == lang else ""
        return (
            f'<a href="{match["href"]}" hreflang="{match["lang"]}" lang="{match["lang"]}" '
            f'class="md-select__link" target="_self" data-itb-edition="{match["lang"]}"{current}>'
        )

    return _SWITCHER_LINK.sub(mark, page_html)
