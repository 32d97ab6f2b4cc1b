"""Third-party text must not enter the repository: list added lines (and commit messages) of a git range that share
a run of N words with the git-ignored real texts (tests/realnews/texts/, or --texts DIR).

A fixture that only shows the same phenomenon shares a few words ('exports to'), not a run of seven: such a run is
almost always a sentence copied with its names swapped. Gold (a second annotator's too) and scores are exempt (the
gold's evidence is the quotation the issue allows us to keep). Run before merging real-news work:

    python -m tests.support.leakcheck main..BRANCH
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

EXEMPT = (":!tests/realnews/gold", ":!tests/realnews/gold-second", ":!tests/realnews/scores")
# a web address: its slug often repeats the headline's words, and the addresses are what the standard says to commit
# (tests/realnews/sources.csv), so a run inside one is no copy (left in, every run exited 1 and hid the real hits)
ADDRESS = re.compile(r"https?://\S+")


def words(text: str) -> list[str]:
    """Lower-case word tokens, so quotes, dashes and wrapping do not hide a copied run."""
    return re.findall(r"[a-z0-9]+", text.lower())


def runs(text: str, n: int) -> set[str]:
    """Every run of n consecutive words."""
    tokens = words(text)
    return {" ".join(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def index_texts(folder: Path, n: int) -> dict[str, str]:
    """Each n-word run of the real texts -> the first document it was seen in."""
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*")):
        if path.is_file():
            for run in runs(path.read_text(encoding="utf-8", errors="replace"), n):
                seen.setdefault(run, path.stem)
    return seen


def added_lines(repo: Path, rev_range: str) -> list[tuple[str, str]]:
    """(file, line) for every line the range adds outside the exempt folders."""
    diff = subprocess.run(["git", "-C", str(repo), "diff", rev_range, "--", ".", *EXEMPT],
                          capture_output=True, text=True, check=True).stdout
    found: list[tuple[str, str]] = []
    current = ""
    for line in diff.splitlines():
        if line.startswith("+++ "):
            current = line[6:]
        elif line.startswith("+"):
            found.append((current, line[1:]))
    return found


def commit_messages(repo: Path, rev_range: str) -> list[tuple[str, str]]:
    """(commit, message) for every commit in the range."""
    log = subprocess.run(["git", "-C", str(repo), "log", "--format=%h%x00%B%x01", rev_range],
                         capture_output=True, text=True, check=True).stdout
    return [tuple(entry.strip().split("\x00", 1)) for entry in log.split("\x01") if "\x00" in entry]  # type: ignore[misc]


def leaks(repo: Path, rev_range: str, texts: Path, n: int = 7) -> list[tuple[str, str, str]]:
    """(where, text, real document) for each added line or message that repeats n words of a real text."""
    seen = index_texts(texts, n)
    found = []
    for where, text in [*added_lines(repo, rev_range), *((f"commit {c}", m) for c, m in commit_messages(repo, rev_range))]:
        hits = sorted({seen[run] for run in runs(ADDRESS.sub(" ", text), n) if run in seen})
        if hits:
            found.append((where, text.strip(), hits[0]))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("range", help="git revision range, e.g. main..my-branch")
    parser.add_argument("--repo", type=Path, default=Path("."))
    parser.add_argument("--texts", type=Path, default=Path("tests/realnews/texts"))
    parser.add_argument("-n", type=int, default=7, help="words in a run (default 7)")
    args = parser.parse_args(argv)
    if not args.texts.is_dir():
        print(f"no real texts at {args.texts}: nothing to compare against", file=sys.stderr)
        return 2
    found = leaks(args.repo, args.range, args.texts, args.n)
    for where, text, document in found:
        print(f"{where}: {text[:160]}  [{document}]")
    print(f"{len(found)} line(s) repeat {args.n} words of a real text", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
