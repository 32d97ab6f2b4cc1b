from __future__ import annotations

import os
from pathlib import Path

import pytest

from flows.ingest.discover import ManifestError, discover_sources, format_of, kind_of


def _write(root: Path, rel: str, text: str = "x") -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_files_without_manifest_are_found_with_kind_and_format(tmp_path: Path) -> None:
    _write(tmp_path, "documents/a.txt", "Hello.")
    _write(tmp_path, "documents/sub/b.html", "<p>x</p>")
    _write(tmp_path, "tables/trade.csv.gz", "x")
    _write(tmp_path, "tables/country-codes.csv", "x")
    _write(tmp_path, "tables/README.md", "about the tables")
    inventory, quarantine = discover_sources(tmp_path)
    got = {r["relpath"]: (r["kind"], r["format"], r["in_manifest"]) for r in inventory.iter_rows(named=True)}
    assert got == {
        "documents/a.txt": ("document", "txt", False),
        "documents/sub/b.html": ("document", "html", False),
        "tables/trade.csv.gz": ("table", "csv.gz", False),
        "tables/country-codes.csv": ("reference", "csv", False),
    }
    assert quarantine.is_empty()
    # sha256 of the bytes "Hello." (as `printf 'Hello.' | sha256sum` gives it)
    assert inventory.filter(inventory["relpath"] == "documents/a.txt")["sha256"][0] == (
        "2d8bd7d9bb5f85ba643f0110d50cb506a1fe439e769a22503193ea6046bb87f7")


def test_manifest_paths_that_escape_or_are_missing_are_quarantined(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("secret")
    root = tmp_path / "src"
    _write(root, "documents/ok.txt", "Fine.")
    (root / "documents" / "link.txt").symlink_to(outside)
    (root / "sources.toml").write_text(
        '[[source]]\npath = "../../etc/passwd"\n\n[[source]]\npath = "/etc/hostname"\n\n'
        '[[source]]\npath = "documents/missing.txt"\n\n[[source]]\npath = "documents/ok.txt"\npublished = 2020-01-02\n'
    )
    inventory, quarantine = discover_sources(root)
    assert inventory["relpath"].to_list() == ["documents/ok.txt"]
    assert inventory["published"].to_list() == ["2020-01-02"]
    reasons = dict(zip(quarantine["row_ref"], quarantine["reason"]))
    assert "leaves the sources folder" in reasons["../../etc/passwd"]
    assert "leaves the sources folder" in reasons["/etc/hostname"]
    assert "no such file" in reasons["documents/missing.txt"]
    assert reasons["file"] == "symlink leaves the sources folder"


def test_broken_manifest_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "sources.toml").write_text("[[source]\npath=")
    with pytest.raises(ManifestError, match="not valid TOML"):
        discover_sources(tmp_path)


def test_empty_folder_gives_empty_inventory(tmp_path: Path) -> None:
    inventory, quarantine = discover_sources(tmp_path)
    assert inventory.height == 0 and quarantine.height == 0


@pytest.mark.parametrize(
    ("rel", "kind"),
    [("documents/x.csv", "document"), ("tables/x.json", "table"), ("tables/hs-sections.csv", "reference"),
     ("other/x.md", "document"), ("other/x.csv", "table")],
)
def test_kind_of(rel: str, kind: str) -> None:
    assert kind_of(rel) == kind


@pytest.mark.parametrize(("name", "fmt"), [("a.TXT", "txt"), ("a.htm", "html"), ("a.json.gz", "json.gz"),
                                           ("a.markdown", "md"), ("noext", "unknown")])
def test_format_of(name: str, fmt: str) -> None:
    assert format_of(Path(name)) == fmt


def test_a_reference_table_in_the_manifest_is_a_table_and_no_quarantine_row(tmp_path: Path) -> None:
    # the bundled sources.toml calls the country and HS lists kind = "reference"; a typo still is a problem
    root = tmp_path / "src"
    _write(root, "tables/country-codes.csv", "iso3,name\nAZE,Azerbaijan\n")
    _write(root, "tables/other.csv", "a,b\n1,2\n")
    (root / "sources.toml").write_text(
        '[[source]]\npath = "tables/country-codes.csv"\nkind = "reference"\n\n'
        '[[source]]\npath = "tables/other.csv"\nkind = "refrence"\n')
    inventory, quarantine = discover_sources(root)
    assert dict(zip(inventory["relpath"], inventory["kind"])) == {"tables/country-codes.csv": "table",
                                                                 "tables/other.csv": "table"}
    assert quarantine["row_ref"].to_list() == ["tables/other.csv"]
    assert "kind 'refrence' is not one of document, table" in quarantine["reason"][0]


def test_a_link_inside_the_folder_is_fingerprinted_by_its_target_and_a_plain_file_by_its_own_stat(
        tmp_path: Path) -> None:
    # discover reuses the lstat of a path with no link on its way as its stat; a path through a link must
    # still be measured by what it points at (a link's own size is its target's name, not the article)
    real = _write(tmp_path, "documents/real.txt", "A longer article text than the link's target name.")
    (tmp_path / "documents" / "link.txt").symlink_to(real)
    (tmp_path / "documents" / "linked").symlink_to(tmp_path / "documents" / "sub", target_is_directory=True)
    _write(tmp_path, "documents/sub/c.txt", "In a folder reached by a link too.")
    inventory, quarantine = discover_sources(tmp_path)
    rows = {r["relpath"]: r for r in inventory.iter_rows(named=True)}
    for relpath in ("documents/real.txt", "documents/link.txt", "documents/sub/c.txt"):
        info = os.stat(tmp_path / relpath)
        assert (rows[relpath]["size_bytes"], rows[relpath]["mtime_ns"]) == (info.st_size, info.st_mtime_ns)
    assert rows["documents/link.txt"]["sha256"] == rows["documents/real.txt"]["sha256"]
    assert "documents/linked" not in rows and quarantine["source"].to_list() == ["documents/linked"]
