"""The leak check flags a copied sentence of a real text (names swapped) and lets a fixture of our own wording pass."""
from __future__ import annotations

import subprocess
from pathlib import Path

from tests.support import leakcheck


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def test_copied_run_is_flagged_and_own_wording_passes(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "r900_real.md").write_text("The delegation then toured the new container terminal at the port of Alba.\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "start")
    _git(repo, "branch", "base")
    (repo / "fixture.txt").write_text(
        "The ministers opened a grain silo in Borea.\n"                                   # our own wording
        "The visitors then toured the new container terminal at the port of Caro.\n")     # copied, names swapped
    _git(repo, "add", "fixture.txt")
    _git(repo, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "fixtures of our own")

    found = leakcheck.leaks(repo, "base..main", texts)

    assert [(where, document) for where, _, document in found] == [("fixture.txt", "r900_real")]
    assert found[0][1].startswith("The visitors then toured")
    assert leakcheck.main(["base..main", "--repo", str(repo), "--texts", str(texts)]) == 1
    assert leakcheck.main(["base..main", "--repo", str(repo), "--texts", str(texts), "-n", "12"]) == 0
