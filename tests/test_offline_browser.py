"""The guidance offline, in Chromium (issue 23, ADR 20): one visit online, then the site really gone
(its server stopped, the browser told it is offline), at the site's root and under a sub-path.

Each test has its own browser context, so its own service worker and caches. Every request any
part of the page makes, the service worker's included, is recorded by the context and must stay
on the test server's origin.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from levelofneed import Guidance
from levelofneed.labels import level_label

from .browser_support import SiteServer, axe_violations, require_axe, require_browser, serve_stoppable
from .search_support import site_results
from .test_helper_browser import RECORD_CSP, answer_safety_by_keyboard, open_helper, pick_by_keyboard, plain_indicator

pytestmark = pytest.mark.browser

PREFIXES = ["/", "/guidance/"]
NOT_SAVED = "This page is not saved on this device"
CONTROLLED = """() => navigator.serviceWorker.controller ? true : new Promise(resolve =>
  navigator.serviceWorker.addEventListener('controllerchange', () => resolve(true)))"""
IN_CACHE = "url => caches.match(url).then(found => Boolean(found))"
# As Playwright's wait_for_function polls (once a frame), for a page under the site's policy, where
# wait_for_function cannot run: true once the worker has kept ``url``, false after 600 frames.
SAVED_SOON = """async url => { for (let frame = 0; frame < 600; frame++) {
  if (await caches.match(url)) { return true; }
  await new Promise(next => requestAnimationFrame(next)); } return false; }"""
STORAGE = """async () => ({
  caches: (await Promise.all((await caches.keys()).map(async name =>
    (await (await caches.open(name)).keys()).map(request => request.url)))).flat(),
  local: Object.keys(localStorage).map(key => key + '=' + localStorage.getItem(key)),
  session: Object.keys(sessionStorage).map(key => key + '=' + sessionStorage.getItem(key)),
  databases: (await indexedDB.databases()).map(database => database.name),
  cookies: document.cookie})"""


@pytest.fixture(scope="module")
def guidance(sefton: Guidance) -> Guidance:
    return sefton


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's site, built once per run and shared (tests/test_site_build.py)."""
    from .test_site_build import repo_site

    require_browser()
    return repo_site(tmp_path_factory)


@dataclass
class Visit:
    """A browser context on a stoppable server, and every address anything in it asked for."""

    context: Any
    page: Any
    server: SiteServer
    requested: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def go_offline(self) -> None:
        self.context.set_offline(True)
        self.server.stop()

    def elsewhere(self) -> list[str]:
        origin = urlsplit(self.server.url).netloc
        return [url for url in self.requested if urlsplit(url).netloc != origin and not url.startswith("data:")]


@contextmanager
def visiting(chromium: Any, site: Path, prefix: str, **options: Any) -> Iterator[Visit]:
    """A fresh context (no worker, no caches) on ``site`` served at ``prefix``. Playwright's waiting
    functions run in the page, which the site's policy forbids, so the policy is set aside unless
    the caller says otherwise (``bypass_csp=False``: the policy's own test)."""
    with serve_stoppable(site, prefix) as server:
        context = chromium.new_context(**{"bypass_csp": True, **options})
        visit = Visit(context, context.new_page(), server)
        context.on("request", lambda request: visit.requested.append(request.url))
        visit.page.on("pageerror", lambda error: visit.errors.append(str(error)))
        try:
            yield visit
        finally:
            context.close()


def first_visit(visit: Visit) -> None:
    """Open the home page and wait until the worker has saved the core and controls the page."""
    visit.page.goto(visit.server.url, wait_until="load")
    visit.page.evaluate(CONTROLLED)


def heading(page: Any) -> str:
    return str(page.locator("article h1").first.inner_text()).rstrip("¶").strip()


@pytest.fixture(scope="module")
def saved_indicator(guidance: Guidance) -> str:
    return plain_indicator(guidance, 2)


@pytest.fixture(scope="module")
def unsaved_indicator(guidance: Guidance, saved_indicator: str) -> str:
    return next(i.id for i in guidance.indicators if i.id != saved_indicator)


@pytest.mark.parametrize("prefix", PREFIXES)
def test_after_one_visit_the_guidance_works_offline(chromium: Any, site: Path, guidance: Guidance, prefix: str,
                                                    saved_indicator: str, unsaved_indicator: str) -> None:
    require_axe()
    with visiting(chromium, site, prefix) as visit:
        page, base = visit.page, visit.server.url
        first_visit(visit)
        page.goto(f"{base}indicators/{saved_indicator}/", wait_until="load")
        page.wait_for_function(IN_CACHE, arg=f"{base}indicators/{saved_indicator}/")
        visit.go_offline()

        page.goto(base, wait_until="load")
        notice = page.locator("[data-lon-offline-notice]")
        notice.wait_for(state="visible")
        assert f"version {guidance.partnership.guidance_version} of the guidance, saved on this device on" in (
            notice.inner_text())
        assert axe_violations(page) == [], "the offline notice"
        level, procedure = guidance.levels[2], guidance.procedures[0]
        for path, title in [(f"levels/{level.id}/", level_label(level)), (f"procedures/{procedure.id}/", ""),
                            (f"indicators/{saved_indicator}/", "")]:
            page.goto(base + path, wait_until="load")
            assert heading(page) != NOT_SAVED and title in heading(page), path
            assert notice.is_visible(), f"{path}: every page says it is offline"
        page.goto(f"{base}levels/?from=a-link", wait_until="load")
        assert heading(page) != NOT_SAVED, "a saved page with a query in its address"

        page.goto(base, wait_until="load")
        page.locator("input.md-search__input").click()
        assert site_results(page, "bruise baby"), "search works offline"

        chosen = plain_indicator(guidance, 1)
        open_helper(page, base, "#step=safety")
        answer_safety_by_keyboard(page, guidance)
        pick_by_keyboard(page, guidance, chosen)
        page.get_by_role("button", name="See what this suggests").click()
        label = level_label(guidance.level_by_id[guidance.indicator_by_id[chosen].level])
        assert label in page.locator(".lon-result-level").inner_text(), "the helper reaches a result offline"
        stored = page.evaluate(STORAGE)

        page.goto(f"{base}indicators/{unsaved_indicator}/", wait_until="load")
        assert heading(page) == NOT_SAVED, "a page never saved: our page, not the browser's error"
        assert page.locator("a[href^='tel:']").count() > 0, "phone numbers still work"
        saved_list = page.locator("[data-lon-saved-list]")
        saved_list.get_by_text(guidance.indicator_by_id[saved_indicator].text[:30]).first.wait_for()
        assert axe_violations(page) == [], "the offline page"

    assert all("#" not in url for url in stored["caches"]), "no cache holds a fragment"
    assert not [url for url in stored["caches"] if "step=" in url or "?" in url]
    kept = " ".join(stored["local"] + stored["session"])
    assert "step=" not in kept and chosen not in kept, "no answer of the helper's is stored"
    assert stored["databases"] == [] and stored["cookies"] == ""
    assert visit.elsewhere() == [] and visit.errors == []


def test_the_worker_registers_and_serves_under_the_sites_policy(chromium: Any, site: Path,
                                                               saved_indicator: str) -> None:
    """The Content-Security-Policy stays as it is (``worker-src 'self'``): registering, saving and
    answering offline raise no violation."""
    with visiting(chromium, site, "/guidance/", bypass_csp=False) as visit:
        page, base = visit.page, visit.server.url
        page.add_init_script(RECORD_CSP)
        first_visit(visit)
        page.goto(f"{base}indicators/{saved_indicator}/", wait_until="load")
        assert page.evaluate(SAVED_SOON, f"{base}indicators/{saved_indicator}/")
        visit.go_offline()
        page.goto(f"{base}indicators/{saved_indicator}/", wait_until="load")
        page.locator("[data-lon-offline-notice]").wait_for(state="visible")
        assert page.locator("meta[http-equiv='Content-Security-Policy']").count() == 1
        assert "worker-src 'self'" in page.locator("meta[http-equiv='Content-Security-Policy']").get_attribute(
            "content")
        assert page.evaluate("window.__csp") == []
    assert visit.elsewhere() == [] and visit.errors == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_save_everything_shows_its_size_and_progress_then_every_indicator_opens_offline(
        chromium: Any, site: Path, guidance: Guidance, prefix: str) -> None:
    require_axe()
    with visiting(chromium, site, prefix) as visit:
        page, base = visit.page, visit.server.url
        first_visit(visit)
        page.goto(f"{base}offline/", wait_until="load")
        control = page.locator("[data-lon-save-all]")
        control.wait_for(state="visible")
        size = control.locator("[data-lon-save-size]").inner_text()
        assert size.startswith("Everything: ") and size.endswith(" MB."), size
        assert axe_violations(page) == [], "the save control"
        control.get_by_role("button", name="Save everything on this device").click()
        status = control.locator("[data-lon-save-status]")
        page.wait_for_function("() => document.querySelector('[data-lon-save-progress]').value > 0")
        page.wait_for_function("() => /^Everything is saved/.test("
                               "document.querySelector('[data-lon-save-status]').textContent)", timeout=120_000)
        assert page.evaluate("document.querySelector('[data-lon-save-progress]').value") == page.evaluate(
            "document.querySelector('[data-lon-save-progress]').max")
        assert axe_violations(page) == [], "the save control, finished"
        assert status.is_visible()
        visit.go_offline()

        titles = page.evaluate("""async urls => Promise.all(urls.map(async url => {
            const text = await (await fetch(url)).text();
            return new DOMParser().parseFromString(text, 'text/html').querySelector('article h1').textContent;
          }))""", [f"{base}indicators/{item.id}/" for item in guidance.indicators])
        assert len(titles) == len(guidance.indicators) and NOT_SAVED not in [t.replace("¶", "").strip() for t in titles]
        page.goto(f"{base}indicators/{guidance.indicators[-1].id}/", wait_until="load")
        assert heading(page) != NOT_SAVED
        whole = [output for output in page.evaluate(STORAGE)["caches"] if output.endswith("-guidance.pdf")]
        assert whole == [], "the whole-guidance PDF is saved only when asked for"
    assert visit.elsewhere() == [] and visit.errors == []


# Two builds of the small example: version 0.1, past its review date, then version 0.2.

def _version(root: Path, version: str, review_due: str) -> None:
    partnership = root / "guidance" / "partnership.yaml"
    text = partnership.read_text(encoding="utf-8").replace('guidance_version: "0.1"', f'guidance_version: "{version}"'
                                                            f"\n  review_due: {review_due}")
    partnership.write_text(text, encoding="utf-8")
    if version != "0.1":
        changes = root / "guidance" / "changes.yaml"
        changes.write_text(changes.read_text(encoding="utf-8").replace(
            "changes:\n", f'changes:\n  - version: "{version}"\n    date: 2026-12-04\n'
                          "    summary: A later version.\n    changes:\n      - Nothing but the number.\n", 1),
            encoding="utf-8")


@pytest.fixture(scope="module")
def two_versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from .conftest import BASE
    from .test_site_build import SMALL_CONFIG, mkdocs_build

    require_browser()
    built = []
    for version, review_due in [("0.1", "2026-01-31"), ("0.2", "2099-01-31")]:
        root = tmp_path_factory.mktemp(f"version-{version}") / "root"
        shutil.copytree(BASE, root)
        (root / "docs").mkdir()
        (root / "mkdocs.yml").write_text(SMALL_CONFIG, encoding="utf-8")
        _version(root, version, review_due)
        result = mkdocs_build(root / "mkdocs.yml", root / "site")
        assert result.returncode == 0, result.stderr
        built.append(root / "site")
    return built[0], built[1]


BUILD = "document.querySelector('meta[name=levelofneed-build]').content"


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_new_version_is_offered_then_taken_whole_and_the_old_copy_deleted(
        chromium: Any, two_versions: tuple[Path, Path], prefix: str, tmp_path: Path) -> None:
    require_axe()
    old, new = two_versions
    live = tmp_path / "live"
    live.symlink_to(old)
    with visiting(chromium, live, prefix) as visit:
        page, base = visit.page, visit.server.url
        first_visit(visit)
        visited = f"{base}indicators/health-milestones/"
        page.goto(visited, wait_until="load")
        page.wait_for_function(IN_CACHE, arg=visited)
        old_build = page.evaluate(BUILD)

        visit.context.set_offline(True)
        notice = page.locator("[data-lon-offline-notice]")
        notice.wait_for(state="visible")
        assert "This saved copy may be out of date" in notice.inner_text(), "past its review date"
        visit.context.set_offline(False)
        notice.wait_for(state="hidden")

        live.unlink()
        live.symlink_to(new)  # version 0.2 is published
        page.goto(base, wait_until="load")
        assert page.evaluate(BUILD) == old_build, "the saved copy is shown until the reader reloads"
        update = page.locator("[data-lon-update-notice]")
        update.wait_for(state="visible")
        assert "This guidance has been updated: reload to use version 0.2." in update.inner_text()
        assert axe_violations(page) == [], "the update notice"

        page.goto(f"{base}indicators/basic-care-hygiene/", wait_until="load")
        assert page.evaluate(BUILD) != old_build, "a page never saved comes from the new build"
        update.wait_for(state="visible")  # so the reader is told, never shown a silent mix

        with page.expect_navigation():
            update.get_by_role("button", name="Reload").click()
        page.wait_for_load_state("load")
        new_build = page.evaluate(BUILD)
        assert new_build != old_build
        page.goto(f"{base}about/", wait_until="load")
        assert page.evaluate(BUILD) == new_build and "0.2" in page.locator("#version ~ dl").inner_text()
        assert not update.is_visible()
        names = page.evaluate("caches.keys()")
        assert len(names) == 1 and names[0].endswith(new_build), f"the old copy is gone: {names}"
        assert page.evaluate(IN_CACHE, visited), "a page saved before the update is saved again"
    assert visit.elsewhere() == [] and visit.errors == []
