"""The leak check flags a copied sentence of a real text (names swapped) and lets a fixture of our own wording pass."""
from __future__ import annotations

import subprocess
from pathlib import Path

from tests.support import leakcheck


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def _repo_adding(tmp_path: Path, files: dict[str, str]) -> Path:
    """A repository whose branch main adds `files` in one commit after the branch `base`."""
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "start")
    _git(repo, "branch", "base")
    for name, text in files.items():
        (repo / name).write_text(text)
    _git(repo, "add", *files)
    _git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "files of our own")
    return repo


def test_copied_run_is_flagged_and_own_wording_passes(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "r900_real.md").write_text("The delegation then toured the new container terminal at the port of Alba.\n")
    repo = _repo_adding(tmp_path, {"fixture.txt":
                                   "The ministers opened a grain silo in Borea.\n"  # our own wording
                                   "The visitors then toured the new container terminal at the port of Caro.\n"})
    # (the second line: copied, names swapped)

    found = leakcheck.leaks(repo, "base..main", texts)

    assert [(where, document) for where, _, document in found] == [("fixture.txt", "r900_real")]
    assert found[0][1].startswith("The visitors then toured")
    assert leakcheck.main(["base..main", "--repo", str(repo), "--texts", str(texts)]) == 1
    assert leakcheck.main(["base..main", "--repo", str(repo), "--texts", str(texts), "-n", "12"]) == 0


def test_a_run_inside_a_web_address_is_no_hit(tmp_path: Path) -> None:
    """A source's address (what tests/realnews/sources.csv commits) often repeats its headline in the slug: no hit.
    The same words outside an address are one."""
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "r901_real.md").write_text("Borea and Caro sign a new grain deal at the port of Alba.\n")
    repo = _repo_adding(tmp_path, {
        "sources.csv": "r901,https://news.example/borea-and-caro-sign-a-new-grain-deal-at-the-port\n",
        "notes.txt": "borea and caro sign a new grain deal at the port\n"})

    found = leakcheck.leaks(repo, "base..main", texts)

    assert [(where, document) for where, _, document in found] == [("notes.txt", "r901_real")]
