"""The files published beside the pages: open data, Open Referral UK, manifest, icons; and the export."""

from __future__ import annotations

import json
import struct
import uuid
from pathlib import Path

import pytest
import yaml

from levelofneed import Guidance, load_guidance
from levelofneed.cli import main
from levelofneed.exports.open_data import export_json
from levelofneed.exports.openreferral import export_openreferral
from levelofneed.publish import handwritten_outputs, publish
from levelofneed.render import iter_pages, paths
from levelofneed.render.icons import SIZES, icon_path

from .conftest import BASE

ORUK_FIELDS = {"id", "name", "description", "url", "status", "minimum_age", "maximum_age", "organization"}


@pytest.fixture(scope="module")
def guidance(base_guidance: Guidance) -> Guidance:
    return base_guidance


def render_files(guidance: Guidance) -> dict[str, bytes]:
    return {output.path: output.data() for output in publish(guidance) if output.kind == "file"}


def test_open_data_is_the_json_export(guidance: Guidance) -> None:
    files = render_files(guidance)
    assert json.loads(files["data/guidance.json"]) == json.loads(json.dumps(export_json(guidance)))


def test_openreferral_services_have_the_uk_profile_fields(guidance: Guidance) -> None:
    document = export_openreferral(guidance)
    assert document["total_items"] == len(guidance.services) == len(document["contents"])
    for service, record in zip(document["contents"], guidance.services, strict=True):
        assert set(service) >= ORUK_FIELDS
        assert uuid.UUID(service["id"]).version == 5
        assert service["name"] == record.name
        assert service["status"] in {"active", "inactive", "defunct", "temporarily closed"}
        assert service["organization"]["name"] == record.organization
        assert service["organization"]["id"] == service["organization_id"]


def test_openreferral_ids_are_stable_between_builds(guidance: Guidance) -> None:
    assert export_openreferral(guidance) == export_openreferral(load_guidance(BASE))


def test_icons_are_pngs_of_the_sizes_the_manifest_names(guidance: Guidance) -> None:
    files = render_files(guidance)
    manifest = json.loads(files["manifest.webmanifest"])
    assert manifest["start_url"] == "./" and manifest["display"] == "standalone"
    for size in SIZES:
        png = files[icon_path(size)]
        assert png.startswith(b"\x89PNG\r\n\x1a\n")
        assert struct.unpack(">II", png[16:24]) == (size, size)
    for icon in manifest["icons"]:
        assert icon["src"] in files
        assert icon["src"].endswith(f"-{icon['sizes'].split('x')[0]}.png")


def test_the_installed_guidance_opens_on_its_first_screen_with_two_shortcuts(guidance: Guidance) -> None:
    """Issue 23: it opens where the home page asks "What are you worried about?", within its own scope,
    with shortcuts to the helper and to who to call; every address is relative, for any sub-path."""
    files = render_files(guidance)
    manifest = json.loads(files["manifest.webmanifest"])
    home = next(page for page in iter_pages(guidance) if page.path == paths.HOME)
    assert manifest["start_url"] == "./" and manifest["scope"] == "./"
    first_heading = next(line for line in home.markdown.splitlines() if line.startswith("## "))
    assert first_heading.startswith("## What are you worried about?"), "the first screen asks the question"
    assert {(s["short_name"], s["url"]) for s in manifest["shortcuts"]} == {
        ("Which level?", "which-level/"), ("Who to call", "./#contacts")}
    assert "## Who to call {#contacts}" in home.markdown
    for shortcut in manifest["shortcuts"]:
        assert not shortcut["url"].startswith(("/", "http")) and shortcut["icons"][0]["src"] in files
    assert manifest["theme_color"] == "#1d3557"


def test_export_markdown_writes_the_same_pages(guidance: Guidance, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "project"
    assert main(["export", "markdown", str(out), "--root", str(BASE)]) == 0
    assert "wrote" in capsys.readouterr().out
    bundle = publish(guidance)
    for output in bundle:
        written = (out / "docs" / output.path).read_bytes()
        if output.kind == "page":
            # Each page is the published page with the emergency banner on top, inside the class our
            # stylesheet scopes its rules to (so another theme shows the levels' colours).
            front, _, body = output.data().decode().partition("\n---\n\n")
            assert written.decode() == (f"{front}\n---\n\n{bundle.banner}\n\n"
                                        f"<div class=\"md-typeset\" markdown=\"block\">\n\n{body}\n\n</div>\n")
        else:
            assert written == output.data()
    assert (out / "docs" / "data" / "services-openreferral.json").is_file()
    config = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    # No search plugin to overwrite our index; no highlight.js from a CDN (the mkdocs theme's default).
    assert config["plugins"] == [] and config["theme"] == {"name": "mkdocs", "highlightjs": False}


def test_export_markdown_refuses_invalid_content(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "guidance").mkdir()
    (tmp_path / "guidance" / "levels.yaml").write_text("levels: nonsense\n", encoding="utf-8")
    assert main(["export", "markdown", str(tmp_path / "out"), "--root", str(tmp_path)]) == 1
    assert "guidance/levels.yaml:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_export_takes_the_hand_written_pages_with_the_banner_and_leaves_hidden_files(tmp_path: Path) -> None:
    (tmp_path / ".drafts").mkdir()
    (tmp_path / ".drafts" / "secret.md").write_text("# Not published\n", encoding="utf-8")
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "page.md").write_text("---\ntitle: Guide\n---\n\n# Guide\n", encoding="utf-8")
    (tmp_path / "guide" / "picture.png").write_bytes(b"\x89PNG")
    outputs = {output.path: output for output in handwritten_outputs(tmp_path, "<div>BANNER</div>")}
    assert sorted(outputs) == ["guide/page.md", "guide/picture.png"]
    assert outputs["guide/page.md"].data().decode().startswith("---\ntitle: Guide\n---\n\n<div>BANNER</div>\n\n")
    assert outputs["guide/picture.png"].data() == b"\x89PNG"
    assert list(handwritten_outputs(tmp_path / "missing", "x")) == []
