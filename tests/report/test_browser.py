"""The HTML report in a real browser: headless Chromium driven by selenium.

Runs where ``chromium`` (or ``chromium-browser`` / ``google-chrome``) and
``chromedriver`` are on the PATH (``.ci/run`` installs them) and skips with
the reason otherwise.  selenium is given the driver's path and the browser
binary, and ``SE_OFFLINE`` is set, so selenium-manager never downloads
anything.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimtrack.report.html import html_comparison

from ..conftest import FIXTURES
from .test_html import bridge_comparison, injection_comparison

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")

# installed before any page script: records dialogs instead of opening them
HOOK = """
window.__ct_dialogs = [];
for (const name of ["alert", "confirm", "prompt", "print"]) {
  window[name] = function (...args) { window.__ct_dialogs.push([name, String(args[0])]); };
}
"""


def _browser() -> str | None:
    return next((p for p in map(shutil.which, BROWSERS) if p), None)


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One headless Chromium for the module, with the dialog hook installed on every page."""
    binary, chromedriver = _browser(), shutil.which("chromedriver")
    if binary is None or chromedriver is None:
        pytest.skip("headless browser test needs chromium and chromedriver on the PATH "
                    "(Debian: apt-get install chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install selenium)")
    from selenium.webdriver.chrome.service import Service

    mp = pytest.MonkeyPatch()
    mp.setenv("SE_OFFLINE", "true")  # selenium-manager must not reach the network
    opts = webdriver.ChromeOptions()
    opts.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-extensions", "--no-first-run", "--window-size=1280,1600",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(arg)
    try:
        drv = webdriver.Chrome(service=Service(executable_path=chromedriver), options=opts)
    except Exception as exc:  # a broken local install is not a report bug
        mp.undo()
        pytest.skip(f"could not start headless chromium: {type(exc).__name__}: {exc}".splitlines()[0])
    drv.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
    try:
        yield drv
    finally:
        drv.quit()
        mp.undo()


def _open(driver: Any, page: str, path: Path) -> None:
    path.write_text(page, encoding="utf-8")
    driver.get(path.resolve().as_uri())


def _visible_rows(driver: Any) -> list[tuple[str, set[str]]]:
    from selenium.webdriver.common.by import By

    return [
        (el.get_attribute("id"), set((el.get_attribute("class") or "").split()))
        for el in driver.find_elements(By.CSS_SELECTOR, ".row")
        if el.is_displayed()
    ]


def _no_dialog(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - raises when no dialog is open


def test_report_renders_and_filters(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    comparison = bridge_comparison()
    _open(driver, html_comparison(comparison), tmp_path / "bridge.html")
    assert driver.title == "claimtrack comparison"

    shot = tmp_path / "bridge.png"
    assert driver.save_screenshot(str(shot))
    assert shot.stat().st_size > 0 and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    # the inline style sheet was allowed by the CSP hash: the filter bar is laid out as flex
    nav = driver.find_element(By.CSS_SELECTOR, "nav.filters")
    assert nav.is_displayed() and nav.value_of_css_property("display") == "flex"
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.drift[data-f]")
    assert marks and all(m.get_attribute("title") for m in marks)

    everything = _visible_rows(driver)
    n_rows = (sum(len(p.alignments) for p in comparison.alignments) + len(comparison.quote_links)
              + len(comparison.unmatched))
    assert len(everything) == n_rows

    # language filter: French only
    driver.find_element(By.ID, "fl-fr").click()
    french = _visible_rows(driver)
    assert 0 < len(french) < len(everything)
    assert all("l-fr" in classes for _, classes in french)
    assert {rid for rid, c in everything if "l-fr" in c} == {rid for rid, _ in french}
    en_only = driver.find_element(By.ID, "pair-0")  # en-herald <-> en-wire: no French row left
    assert not en_only.is_displayed()

    # and a drift type on top of it
    types = {d.type for p in comparison.alignments for al in p.alignments for d in al.drift
             if "fr" in {comparison.claim(al.source).lang, comparison.claim(al.target).lang}}
    if types:
        kind = sorted(types)[0]
        driver.find_element(By.ID, f"ft-{kind}").click()
        both = _visible_rows(driver)
        assert 0 < len(both) <= len(french)
        assert all({"l-fr", f"t-{kind}"} <= classes for _, classes in both)

    driver.find_element(By.ID, "ft-none").click()
    driver.find_element(By.ID, "fl-all").click()
    assert all("t-none" in classes for _, classes in _visible_rows(driver))
    driver.find_element(By.ID, "ft-all").click()
    assert _visible_rows(driver) == everything

    # printed, the filter bar goes away and the rows stay
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert not nav.is_displayed()
        assert len(_visible_rows(driver)) == n_rows
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert driver.execute_script("return window.__ct_dialogs") == []


def test_injection_fixture_is_inert(driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By

    comparison = injection_comparison()
    _open(driver, html_comparison(comparison), tmp_path / "injection.html")
    shot = tmp_path / "injection.png"
    assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 0

    # the hook ran (an empty list, not undefined) and nothing called a dialog
    assert driver.execute_script("return window.__ct_dialogs") == []
    _no_dialog(driver)
    # no injected script ran: no global, the title is the report's
    assert driver.execute_script("return typeof window.__ct_pwned") == "undefined"
    assert driver.title == "claimtrack comparison"
    # the markup became text, not elements
    assert driver.find_elements(By.CSS_SELECTOR, "script, img, svg, iframe, object, embed") == []
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "<script>window.__ct_pwned=1;document.title='pwned';alert(1)</script>" in body
    assert '<img src=x onerror="window.__ct_pwned=2;alert(1)">' in body
    # hovering and clicking the highlighted payloads does nothing either
    for el in driver.find_elements(By.CSS_SELECTOR, "p.text"):
        el.click()
    assert driver.execute_script("return [typeof window.__ct_pwned, window.__ct_dialogs.length]") == ["undefined", 0]
    assert driver.title == "claimtrack comparison"
    _no_dialog(driver)


def test_store_report_from_cli_renders_filters_and_is_inert(driver: Any, tmp_path: Path) -> None:
    """``claimtrack track report --format html`` on a store holding the bridge
    and injection fixtures: screenshot, a language and a drift filter, inert."""
    import contextlib
    import io

    from selenium.webdriver.common.by import By

    from claimtrack.cli import main

    root = FIXTURES
    db = tmp_path / "claims.db"
    files = sorted(str(p) for p in (root / "harbour-bridge").glob("*.txt"))
    files += sorted(str(p) for p in (root / "injection").glob("*.txt"))
    only_en = tmp_path / "en-notice.txt"  # a cluster with no French variant, so the filter has work to do
    only_en.write_text("The council will publish the toll schedule for the crossing in October.\n", encoding="utf-8")
    files.append(str(only_en))
    quiet = io.StringIO()
    with contextlib.redirect_stdout(quiet):
        assert main(["track", "add", *files, "--db", str(db), "--published", "2024-09-14"]) == 0
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["track", "report", "--db", str(db), "--format", "html", "--title", "store report"]) == 0
    _open(driver, out.getvalue(), tmp_path / "store.html")
    assert driver.title == "store report"
    shot = tmp_path / "store.png"
    assert driver.save_screenshot(str(shot)) and shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    everything = _visible_rows(driver)
    assert everything and all(rid.startswith("cluster-") for rid, _ in everything)
    assert any({"l-en", "l-fr"} <= classes for _, classes in everything)  # a cluster across languages

    driver.find_element(By.ID, "fl-fr").click()
    french = _visible_rows(driver)
    assert 0 < len(french) < len(everything) and all("l-fr" in c for _, c in french)
    driver.find_element(By.ID, "fl-all").click()
    driver.find_element(By.ID, "ft-number").click()
    number = _visible_rows(driver)
    assert 0 < len(number) < len(everything) and all("t-number" in c for _, c in number)
    marks = driver.find_elements(By.CSS_SELECTOR, "mark.drift[data-f]")
    assert marks and all(m.get_attribute("title") for m in marks)

    # the injection fixture's markup is text: nothing ran, nothing became an element
    assert driver.execute_script("return [typeof window.__ct_pwned, window.__ct_dialogs.length]") == ["undefined", 0]
    assert driver.find_elements(By.CSS_SELECTOR, "script, img, svg, iframe, object, embed") == []
    driver.find_element(By.ID, "ft-all").click()
    assert "<script>" in driver.find_element(By.TAG_NAME, "body").text
    for el in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        assert el.get_attribute("href").split(":", 1)[0] in ("http", "https", "file")
    assert driver.title == "store report"
    _no_dialog(driver)
