"""`kg view`: the page works in a real (headless) browser, offline: it
focuses `#Name` once the layout has settled, its labels are readable at the
first view of a large graph, and it filters by class and neighbourhood."""
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
                           "--virtual-time-budget=30000", *args], capture_output=True, text=True, timeout=120)


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
    run = chromium(tmp_path, "--window-size=1400,900", "--dump-dom", f"{page.as_uri()}#RAIN")
    assert f'data-nodes="{network(seeds_graph).number_of_nodes()}"' in run.stdout
    rain = next(n for n, d in network(seeds_graph).nodes(data=True) if d["label"] == "RAIN")
    body = dict(re.findall(r'data-([a-z-]+)="([^"]*)"', re.search(r"<body[^>]*>", run.stdout)[0]))
    assert body["settled"] == "1" and body["focus"] == rain and body["focus-in-view"] == "1"  # focused after the layout
    assert float(body["label-px"]) >= 11
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


def large_graph(path: Path, series: int = 60) -> Path:
    """A graph of 303 entities: series, each with four cast members, on one of three broadcasters."""
    lines = ["@prefix kg: <https://w3id.org/kdrama-kg/ontology#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."]
    for b in range(3):
        lines.append(f'<urn:b{b}> a kg:Broadcaster ; rdfs:label "Broadcaster {b}"@en .')
    for i in range(series):
        lines.append(f'<urn:s{i}> a kg:TVSeries ; rdfs:label "Series {i}"@en ; kg:broadcaster <urn:b{i % 3}> .')
        for j in range(4):
            lines.append(f'<urn:p{i}_{j}> a kg:Person ; rdfs:label "Actor {i}-{j}"@en . <urn:s{i}> kg:castMember <urn:p{i}_{j}> .')
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def body_of(run) -> dict:
    return dict(re.findall(r'data-([a-z-]+)="([^"]*)"', re.search(r"<body[^>]*>", run.stdout)[0]))


@pytest.fixture(scope="module")
def large_page(tmp_path_factory):
    folder = tmp_path_factory.mktemp("large")
    assert main(["view", str(large_graph(folder / "g.ttl")), "-o", str(folder / "g.html")]) == 0
    return folder / "g.html"


@pytest.mark.skipif(not CHROMIUM, reason="chromium missing: run `make test-deps`")
def test_labels_are_readable_at_the_first_view_of_a_large_graph(large_page, tmp_path):
    run = chromium(tmp_path, "--window-size=1400,900", "--dump-dom", large_page.as_uri())
    body = body_of(run)
    assert body["nodes"] == "303" and body["settled"] == "1"
    assert float(body["label-px"]) >= 11  # fitted, 303 nodes would give labels of a few pixels
    assert not [line for line in run.stderr.splitlines() if "CONSOLE" in line], run.stderr


@pytest.mark.skipif(not CHROMIUM, reason="chromium missing: run `make test-deps`")
def test_filters_by_class_and_neighbourhood(large_page, tmp_path):
    body = body_of(chromium(tmp_path, "--window-size=1400,900", "--dump-dom", f"{large_page.as_uri()}#classes=TVSeries,Broadcaster"))
    assert body["visible"] == str(60 + 3)
    body = body_of(chromium(tmp_path, "--window-size=1400,900", "--dump-dom", f"{large_page.as_uri()}#Series 7&hops=1"))
    assert body["visible"] == str(1 + 4 + 1) and body["focus"] == "urn:s7" and body["focus-in-view"] == "1"
    body = body_of(chromium(tmp_path, "--window-size=1400,900", "--dump-dom", f"{large_page.as_uri()}#Series 7&hops=2"))
    assert body["visible"] == str(1 + 4 + 1 + 19)  # and the other series of its broadcaster


@pytest.mark.skipif(not CHROMIUM, reason="chromium missing: run `make test-deps`")
def test_screenshot_of_a_large_graph(large_page, tmp_path):
    shot = tmp_path / "large.png"
    chromium(tmp_path, "--window-size=1400,900", f"--screenshot={shot}", f"{large_page.as_uri()}#Series 7")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
