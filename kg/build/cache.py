"""The ``--update`` cache: each article's extraction, kept by content hash.

Only new or changed articles go through the NLP; a hit is keyed by a hash of
the article and of everything that shapes extraction (models, rules,
gazetteers, code), so a change to any of them misses.
"""
from __future__ import annotations

import fcntl
import hashlib
import os
import pickle
import shutil
import sqlite3
from pathlib import Path

import spacy

from ..errors import BuildError, CacheInUse
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


# SQLite's result codes for a file that is not (or no longer) a sound database, and for a full disk.
_CORRUPT = {"SQLITE_CORRUPT", "SQLITE_NOTADB"}
_FULL = {"SQLITE_FULL", "SQLITE_IOERR", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM"}


def _reason(error: sqlite3.Error) -> str:
    return str(error) or getattr(error, "sqlite_errorname", type(error).__name__)


class ExtractionCache:
    """Per-article extractions in ``FOLDER/extractions.sqlite``, pickled and
    keyed by fingerprint + article hash. The file is this builder's own
    (do not load a cache from an untrusted source: it holds pickles). After
    a build, entries no input used any more are dropped.

    One build at a time uses a cache: a second gets CacheInUse at once
    (not SQLite's "database is locked" in the middle of its build). A cache
    that cannot be used as it is never ends a build: a file where the
    folder should be is moved aside to ``FOLDER.broken``, a corrupt or
    truncated database to ``extractions.sqlite.broken``, and a new cache is
    made; an entry that no longer unpickles is a miss. Each is said through
    ``warn``. A cache that cannot be written (a full disk) is a BuildError:
    SQLite keeps its last committed state."""

    def __init__(self, folder: Path, model: Models, warn=lambda message: None):
        self.folder, self.warn = Path(folder), warn
        self.path = self.folder / "extractions.sqlite"
        if (self.folder.exists() or self.folder.is_symlink()) and not self.folder.is_dir():  # a file, a broken link
            self._move_aside(self.folder, "is not a folder")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._lock = (self.folder / "lock").open("a")
        except OSError as error:
            raise BuildError(f"cannot make the cache {self.folder}: {error.strerror or error}") from None
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self._lock.close()
            raise CacheInUse(f"the cache {self.folder} is in use by another build (--update builds of one output "
                             f"run one at a time)") from None
        self.prefix = fingerprint(model) + ":"
        self.hits = self.misses = self._pending = 0
        self.db, self.closed = None, False
        try:
            self._open()
        except BaseException:
            self._unlock()
            raise

    def _move_aside(self, path: Path, why: str) -> None:
        broken = path.with_name(path.name + ".broken")
        try:
            if broken.is_dir() and not broken.is_symlink():
                shutil.rmtree(broken)
            os.replace(path, broken)
        except OSError as error:
            raise BuildError(f"the cache {path} {why}, and cannot be moved aside: {error.strerror or error}") from None
        what = why if path == self.folder else f"{path.name} {why}"
        self.warn(f"{what}: moved to {broken.name}; a new cache is made")

    def _open(self) -> None:
        """Connect, and make the tables; a corrupt database is moved aside and made anew."""
        for attempt in (1, 2):
            try:
                self.db = sqlite3.connect(self.path)
                self.db.execute("CREATE TABLE IF NOT EXISTS extraction (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
                self.db.execute("CREATE TEMP TABLE IF NOT EXISTS used (key TEXT PRIMARY KEY)")
                return
            except sqlite3.Error as error:
                self.db.close()
                if getattr(error, "sqlite_errorname", "") in _CORRUPT and attempt == 1:
                    self._move_aside(self.path, f"is corrupt ({_reason(error)})")
                    continue
                raise self._failure(error) from None

    def _failure(self, error: sqlite3.Error) -> BuildError:
        return BuildError(f"cannot write the cache {self.folder}: {_reason(error)}")

    def _rebuild(self, error: sqlite3.Error) -> None:
        """The database turned out corrupt in the middle of a build: start a new one."""
        self.db.close()
        self._move_aside(self.path, f"is corrupt ({_reason(error)})")
        self._open()
        self._pending = 0

    def _run(self, statement: str, values: tuple):
        try:
            return self.db.execute(statement, values)
        except sqlite3.Error as error:
            if getattr(error, "sqlite_errorname", "") not in _CORRUPT:
                raise self._failure(error) from None
            self._rebuild(error)
            return self.db.execute(statement, values)

    def get(self, key: str) -> Extraction | None:
        row = self._run("SELECT value FROM extraction WHERE key = ?", (self.prefix + key,)).fetchone()
        self._run("INSERT OR IGNORE INTO used VALUES (?)", (self.prefix + key,))
        extraction = None
        if row is not None:
            try:
                extraction = pickle.loads(row[0])
            except Exception:  # noqa: BLE001 - a damaged entry: extracted again, and replaced
                extraction = None
        if extraction is None:
            self.misses += 1
            return None
        self.hits += 1
        return extraction

    def put(self, key: str, extraction: Extraction) -> None:
        self._run("INSERT OR REPLACE INTO extraction VALUES (?, ?)",
                  (self.prefix + key, pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL)))
        self._pending += 1
        if self._pending >= 500:
            self._commit()
            self._pending = 0

    def _commit(self) -> None:
        try:
            self.db.commit()
        except sqlite3.Error as error:
            raise self._failure(error) from None

    def close(self, prune: bool = True) -> None:
        """Commit (after dropping the entries no input used, with ``prune``) and let the cache go."""
        if self.closed:
            return
        self.closed = True
        try:
            if prune:
                self._run("DELETE FROM extraction WHERE key NOT IN (SELECT key FROM used)", ())
            self._commit()
        finally:
            self.db.close()
            self._unlock()

    def _unlock(self) -> None:
        self._lock.close()  # closing the file releases the lock
