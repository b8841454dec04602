"""The embed protocol's message types have one home: MESSAGE in widget/web/contract.js.

The classic scripts that cannot import it (the portal's loader embed/embed.js, the embed page's
frame.js) get the table written in by hooks/sitebuild/embed.py when the site is built. No build here: the
hook's functions are run directly, and Node reads contract.js as the browser does.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from sitebuild import embed

ROOT = Path(__file__).resolve().parents[2]
CLASSIC_SCRIPTS = ("embed.js", "frame.js")
# A message type written as a string in code: "itb-flex:load".
TYPE_LITERAL = re.compile(r"""["'`]itb-flex:[a-z]+""")
COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing: run `make setup`")
    return node


def test_the_hook_reads_the_table_the_widget_uses() -> None:
    """protocol_messages() is contract.js's MESSAGE exactly as JavaScript reads it."""
    contract = (ROOT / "widget" / "web" / "contract.js").as_uri()
    script = f'import {{ MESSAGE }} from "{contract}"; console.log(JSON.stringify(MESSAGE));'
    proc = subprocess.run(
        [_node(), "--input-type=module", "-e", script],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    messages = embed.protocol_messages()
    assert messages == json.loads(proc.stdout)
    assert {"hello", "load", "report", "error", "ready", "change", "resize"} <= set(messages)


@pytest.mark.parametrize("name", CLASSIC_SCRIPTS)
def test_the_classic_scripts_get_the_table_and_name_no_type_of_their_own(
    name: str, tmp_path: Path
) -> None:
    """The published script holds the table and runs; its source spells no message type."""
    hook = embed
    source = (ROOT / "widget" / "embed" / name).read_bytes()
    assert hook.MESSAGES_PLACEHOLDER in source
    assert TYPE_LITERAL.findall(COMMENT.sub("", source.decode("utf-8"))) == []
    published = hook.with_protocol_messages(source)
    assert hook.MESSAGES_PLACEHOLDER not in published
    assert json.dumps(hook.protocol_messages()).encode() in published
    out = tmp_path / name
    out.write_bytes(published)
    subprocess.run([_node(), "--check", str(out)], check=True, timeout=60)


def test_a_table_the_hook_cannot_read_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A line inside MESSAGE that is not `name: "itb-flex:type",` stops the build, loudly."""
    hook = embed
    broken = tmp_path / "contract.js"
    broken.write_text(
        'export const MESSAGE = Object.freeze({\n    load: "itb-flex:load",\n    ...more,\n});\n',
        "utf-8",
    )
    monkeypatch.setattr(hook, "CONTRACT_JS", broken)
    with pytest.raises(embed.BuildError, match="more"):
        hook.protocol_messages()


def test_the_loader_gets_each_languages_frame_title_from_the_embed_pages() -> None:
    """embed.js names no language or title of its own: the build writes in the embed pages'."""
    from sitebuild import chrome

    source = (ROOT / "widget" / "embed" / "embed.js").read_bytes()
    assert embed.FRAME_TITLES_PLACEHOLDER in source
    published = embed.with_frame_titles(source, ["en", "es"]).decode("utf-8")
    assert embed.FRAME_TITLES_PLACEHOLDER.decode() not in published
    titles = {lang: chrome.words(lang)["embed_title"] for lang in ("en", "es")}
    assert f"const FRAME_TITLES = {json.dumps(titles)};" in published
    assert "vista previa" not in source.decode("utf-8")
