"""Sorted runs on disk: N-Triples lines in any order in, sorted and duplicate-free out.

A build emits each article's triples as soon as it is resolved; they are
kept in sorted runs on disk and merged at the end, so memory stays bounded
at any corpus size and the output is sorted (which makes it deterministic).
"""
from __future__ import annotations

from bisect import bisect_right
from itertools import chain
from pathlib import Path
from typing import Iterable, Iterator

RUN_LINES = 50_000          # N-Triples lines per sorted run on disk
MERGE_FAN_IN = 64           # runs merged at once (open files); more are first merged into bigger runs
READ_BYTES = 1 << 16        # read from each run at a time while merging


class SortedLines:
    """Lines kept in sorted runs on disk; ``merged()`` yields them sorted
    and without duplicates, a sorted list of lines at a time, holding a
    small buffer per run in memory. Runs come in levels: MERGE_FAN_IN runs
    of one level are merged into one of the next as soon as they exist, so
    the open files and buffers of the final merge stay few at any corpus
    size. It yields UTF-8 bytes, which sort as the text does, so nothing is
    decoded and encoded again on the way to the output file."""

    def __init__(self, folder: Path, name: str):
        self.folder, self.name = folder, name
        self.buffer: list[str] = []
        self.runs: list[tuple[int, Path]] = []  # (level, file), levels never increasing
        self._written = 0

    def add(self, line: str) -> None:
        self.buffer.append(line)
        if len(self.buffer) >= RUN_LINES:
            self._spill()

    def extend(self, lines: Iterable[str]) -> None:
        self.buffer.extend(lines)
        if len(self.buffer) >= RUN_LINES:
            self._spill()

    def _new_run(self) -> Path:
        self._written += 1
        return self.folder / f"{self.name}.{self._written}.run"

    def _spill(self) -> None:
        if self.buffer:
            path = self._new_run()
            self.buffer.sort()
            with path.open("w", encoding="utf-8", errors="surrogatepass") as handle:
                handle.writelines(self.buffer)
            self.runs.append((0, path))
            self.buffer = []
        while len(self.runs) >= MERGE_FAN_IN and len({level for level, _ in self.runs[-MERGE_FAN_IN:]}) == 1:
            level, group = self.runs[-1][0], [path for _, path in self.runs[-MERGE_FAN_IN:]]
            path = self._new_run()
            with path.open("wb") as handle:
                for lines in merge_runs(group):
                    handle.write(b"".join(lines))
            for done in group:
                done.unlink()
            self.runs[-MERGE_FAN_IN:] = [(level + 1, path)]

    def merged(self) -> Iterator[list[bytes]]:
        self._spill()
        return merge_runs([path for _, path in self.runs])


def merge_runs(paths: list[Path]) -> Iterator[list[bytes]]:
    """The lines of sorted files, merged and without duplicates, a sorted
    list at a time. Each step takes from every file's buffer the lines up
    to the least of the buffers' last lines (all the lines up to it that
    the files hold), and lets ``sorted`` merge those sorted parts in C."""
    handles = [path.open("rb") for path in paths]
    try:
        buffers = [handle.readlines(READ_BYTES) for handle in handles]
        taken = [0] * len(handles)  # lines of each buffer already yielded
        live = [i for i, buffer in enumerate(buffers) if buffer]
        last = None
        while live:
            frontier = min(buffers[i][-1] for i in live)
            parts = []
            for i in live:
                buffer = buffers[i]
                cut = bisect_right(buffer, frontier, taken[i])
                parts.append(buffer[taken[i]:cut])
                if cut == len(buffer):
                    buffers[i], taken[i] = handles[i].readlines(READ_BYTES), 0
                else:
                    taken[i] = cut
            live = [i for i in live if buffers[i]]
            lines = list(dict.fromkeys(sorted(chain.from_iterable(parts)) if len(parts) > 1 else parts[0]))
            if lines[0] == last:
                del lines[0]
            if lines:
                last = lines[-1]
                yield lines
    finally:
        for handle in handles:
            handle.close()
