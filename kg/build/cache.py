"""The ``--update`` cache: each article's extraction, kept by content hash.

Only new or changed articles go through the NLP; a hit is keyed by a hash of
the article and of everything that shapes extraction (models, rules,
gazetteers, code), so a change to any of them misses.
"""
from __future__ import annotations

import hashlib
import pickle
import sqlite3
from pathlib import Path

import spacy

from ..nlp import Models
from ..records import Article, Extraction
from ..vocab import ONTOLOGY_PATH

KG_DIR = Path(__file__).resolve().parent.parent  # the package: its extraction code and data are hashed


def fingerprint(models: Models) -> str:
    """Everything besides the article that decides its extraction."""
    digest = hashlib.sha256(models.fingerprint())
    digest.update(spacy.__version__.encode())
    files = [KG_DIR / "records.py", KG_DIR / "vocab.py", ONTOLOGY_PATH, *sorted((KG_DIR / "nlp").glob("*.py")),
             *sorted((KG_DIR / "extract").glob("*.py")), *sorted((KG_DIR / "data").iterdir())]
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def article_key(article: Article) -> str:
    fields = (article.id, article.source, article.title, article.text,
              article.published.isoformat() if article.published else "", article.url or "")
    return hashlib.sha256("\x00".join(fields).encode("utf-8", "surrogatepass")).hexdigest()


class ExtractionCache:
    """Per-article extractions in ``FOLDER/extractions.sqlite``, pickled and
    keyed by fingerprint + article hash. The file is this builder's own
    (do not load a cache from an untrusted source: it holds pickles). After
    a build, entries no input used any more are dropped."""

    def __init__(self, folder: Path, model: Models):
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.folder / "extractions.sqlite")
        self.db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
        self.db.execute("CREATE TEMP TABLE used (key TEXT PRIMARY KEY)")
        self.prefix = fingerprint(model) + ":"
        self.hits = self.misses = self._pending = 0

    def get(self, key: str) -> Extraction | None:
        row = self.db.execute("SELECT value FROM extraction WHERE key = ?", (self.prefix + key,)).fetchone()
        self.db.execute("INSERT OR IGNORE INTO used VALUES (?)", (self.prefix + key,))
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return pickle.loads(row[0])

    def put(self, key: str, extraction: Extraction) -> None:
        self.db.execute("INSERT OR REPLACE INTO extraction VALUES (?, ?)",
                        (self.prefix + key, pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)))
        self._pending += 1
        if self._pending >= 500:
            self.db.commit()
            self._pending = 0

    def close(self, prune: bool = True) -> None:
        if prune:
            self.db.execute("DELETE FROM extraction WHERE key NOT IN (SELECT key FROM used)")
        self.db.commit()
        self.db.close()
