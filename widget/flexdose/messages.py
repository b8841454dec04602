"""The finding catalogues of every language, and the lookups that fill their templates.

`message`, `title`, `word` and `refusal` read the current language (`i18n.current_language`), so
a public entry point sets it once (``with i18n.speaking(lang):``) and every message built inside
speaks it. The texts themselves are plain data in messages_en.py and messages_es.py; this module
imports only them and `i18n`, so it sits at the bottom with them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from . import messages_en, messages_es
from .i18n import LANGUAGE_NAMES, current_language

__all__ = [
    "MESSAGES",
    "REFUSALS",
    "TITLES",
    "WORDS",
    "message",
    "refusal",
    "title",
    "word",
]

TITLES: Final[Mapping[str, Mapping[str, str]]] = {
    "en": messages_en.TITLES,
    "es": messages_es.TITLES,
}
"""Language -> finding code -> title."""
MESSAGES: Final[Mapping[str, Mapping[str, str]]] = {
    "en": messages_en.MESSAGES,
    "es": messages_es.MESSAGES,
}
"""Language -> ``code`` or ``code.variant`` -> message template."""
WORDS: Final[Mapping[str, Mapping[str, str]]] = {
    "en": messages_en.WORDS,
    "es": messages_es.WORDS,
}
"""Language -> key -> a piece of a message (a field's name, a phrase)."""
REFUSALS: Final[Mapping[str, Mapping[str, str]]] = {
    "en": messages_en.REFUSALS,
    "es": messages_es.REFUSALS,
}
"""Language -> key -> a sentence of a file flexdose cannot read."""


def _fill(catalogue: Mapping[str, Mapping[str, str]], key: str, params: dict[str, object]) -> str:
    # Always through format (unlike i18n.text), so "{{ }}" reads "{ }" with or without params.
    lang = current_language()
    try:
        template = catalogue[lang][key]
    except KeyError:
        raise KeyError(f"no {LANGUAGE_NAMES.get(lang, lang)} text for {key!r}") from None
    return template.format(**params)


def message(key: str, /, **params: object) -> str:
    """The message `key` ("code" or "code.variant") in the current language, filled."""
    return _fill(MESSAGES, key, params)


def title(code: str, /, **params: object) -> str:
    """A finding code's short title in the current language, filled."""
    return _fill(TITLES, code, params)


def word(key: str, /, **params: object) -> str:
    """A piece of a message in the current language, filled."""
    return _fill(WORDS, key, params)


def refusal(key: str, /, **params: object) -> str:
    """A sentence of `flexdose.load`'s refusals in the current language, filled."""
    return _fill(REFUSALS, key, params)
