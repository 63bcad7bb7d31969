"""Write `make eval`'s figures into docs/quality.md, between its markers.

    python docs/fill_quality.py REPORT

The report is train/quality.py's output; the section gets today's date and
the commit (with "+changes" when the work tree differs from it).
"""
import subprocess
import sys
from datetime import date
from pathlib import Path

DOC = Path(__file__).resolve().parent / "quality.md"
BEGIN, END = "<!-- make eval: begin -->", "<!-- make eval: end -->"


def commit() -> str:
    def git(*args):
        return subprocess.run(["git", *args], capture_output=True, text=True, cwd=DOC.parent).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown commit"
    return head + ("+changes" if git("status", "--porcelain", "--untracked-files=no") else "")


def section(report: Path) -> str:
    return f"Measured {date.today().isoformat()} at {commit()}.\n\n```\n{report.read_text(encoding='utf-8').rstrip()}\n```"


def main(argv: list[str]) -> int:
    text = DOC.read_text(encoding="utf-8")
    start, end = text.index(BEGIN) + len(BEGIN), text.index(END)
    DOC.write_text(text[:start] + "\n" + section(Path(argv[0])) + "\n" + text[end:], encoding="utf-8")
    print(f"written: {DOC}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
