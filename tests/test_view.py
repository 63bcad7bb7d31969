"""`kg view`: the page works in a real (headless) browser, offline."""
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kg.cli import main
from kg.use.gephi import network

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DOCS = Path(__file__).resolve().parent.parent / "docs"


def chromium(tmp_path, *args) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                           "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
                           f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=0",
                           "--virtual-time-budget=15000", *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def page(seeds_ttl, tmp_path_factory):
    path = tmp_path_factory.mktemp("view") / "graph.html"
    assert main(["view", str(seeds_ttl), "-o", str(path)]) == 0
    return path


def test_page_is_self_contained(page):
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)  # no CDN, no remote anything
    assert "vis-network" in html and '"RAIN"' in html


@pytest.mark.skipif(not CHROMIUM, reason="chromium missing: run `make test-deps`")
def test_page_draws_every_node_without_errors(seeds_graph, page, tmp_path):
    run = chromium(tmp_path, "--dump-dom", f"{page.as_uri()}#RAIN")
    assert f'data-nodes="{network(seeds_graph).number_of_nodes()}"' in run.stdout
    assert "data-errors" not in run.stdout
    assert not [line for line in run.stderr.splitlines() if "CONSOLE" in line], run.stderr
    facts = run.stdout[run.stdout.index('id="facts"'):]  # RAIN's facts, with the sentence behind each
    assert "<h2>RAIN</h2>" in facts and "composer" in facts and "written by" in facts and "<blockquote>" in facts


@pytest.mark.skipif(not CHROMIUM, reason="chromium missing: run `make test-deps`")
def test_screenshot(page, tmp_path):
    shot = tmp_path / "graph.png"
    chromium(tmp_path, "--window-size=1400,900", f"--screenshot={shot}", f"{page.as_uri()}#RAIN")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_the_inlined_library_is_the_pinned_one_shipped_in_the_package():
    """kg view needs nothing outside the package: vis-network is in
    kg/use/static/ with its licences, and is the version and file recorded."""
    import hashlib
    from kg.use import view
    assert view.VIS_NETWORK.is_relative_to(Path(view.__file__).resolve().parent)
    data = view.VIS_NETWORK.read_bytes()
    assert hashlib.sha256(data).hexdigest() == view.VIS_NETWORK_SHA256
    assert f"@version {view.VIS_NETWORK_VERSION}".encode() in data[:400]
    assert {"LICENSE-MIT", "LICENSE-APACHE-2.0"} <= {p.name for p in view.VIS_NETWORK.parent.iterdir()}
