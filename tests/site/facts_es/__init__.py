"""The Spanish edition's facts: one module per page (``<stem>.py`` for ``docs/<stem>.es.md``).

Each module has ``FACTS``: {the English fact's description in test_facts.FACTS: Spanish regular
expressions that must all match the Spanish page's text (lower-cased, whitespace collapsed)};
``absent.py`` has the Spanish patterns of every test_facts.ABSENT row, applied to the same pages.
test_facts.py requires a Spanish row for every English one.
"""
