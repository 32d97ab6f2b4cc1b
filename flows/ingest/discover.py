"""Find the source files under a sources folder, read the optional manifest, hash every file."""
from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path
from typing import Any

import polars as pl

from schemas.quarantine import quarantine_frame
from schemas.raw import SourceInventory
from schemas.staging import polars_schema

MANIFEST_NAME = "sources.toml"
DOCUMENT_EXTENSIONS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
REFERENCE_NAMES = {"harmonized-system.csv", "hs-sections.csv", "country-codes.csv"}
# Files that describe a folder rather than hold data: never ingested.
IGNORED_NAMES = {MANIFEST_NAME, "README.md", "README.txt", "LICENSE", "LICENSE.txt", "NOTICE", ".gitkeep"}


class ManifestError(ValueError):
    """The manifest cannot be read at all (a bad entry only quarantines that entry)."""


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in blocks so a large file costs no memory."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_manifest(root: Path) -> dict[str, dict[str, Any]]:
    """Manifest entries by posix path relative to root; {} when there is no manifest."""
    path = root / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ManifestError(f"{path}: not valid TOML: {exc}") from exc
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise ManifestError(f"{path}: 'source' must be an array of tables ([[source]])")
    out: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            out[f"<entry {i + 1}>"] = {"_error": "manifest entry has no 'path'", **(entry if isinstance(entry, dict) else {})}
            continue
        if entry["path"] in out:
            # Two entries for one file would make its metadata depend on their order: the first one holds.
            out[f"<entry {i + 1}>"] = {"_error": f"manifest lists '{entry['path']}' again: the first entry is used",
                                       **entry}
            continue
        out[entry["path"]] = entry
    return out


def kind_of(relpath: str) -> str:
    """document, table or reference, from the folder and the name."""
    parts = relpath.split("/")
    if parts[0] == "documents":
        return "document"
    if parts[-1] in REFERENCE_NAMES:
        return "reference"
    if parts[0] == "tables":
        return "table"
    return "document" if Path(relpath).suffix.lower() in DOCUMENT_EXTENSIONS else "table"


def format_of(path: Path) -> str:
    """The format as the file name says it (gzip keeps its inner extension: 'csv.gz')."""
    suffixes = [s.lower().lstrip(".") for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == "gz" and len(suffixes) == 2:
        return f"{suffixes[0]}.gz"
    ext = f".{suffixes[-1]}" if suffixes else ""
    return DOCUMENT_EXTENSIONS.get(ext, ext.lstrip(".") or "unknown")


def _escape(path: Path, root: Path) -> str | None:
    """Why a path may not be read (it resolves outside root, or loops), or None when it is safe.

    `root` is already resolved; a path with no symlink on the way below root cannot leave it, so only
    paths that pass through a link pay for resolve() (a system call per component).
    """
    if not _has_link(path, root):
        return None
    try:
        inside = path.resolve().is_relative_to(root)
    except RuntimeError:  # Python 3.11 reports a symlink loop so
        return "symlink loop: the link points back at itself"
    except OSError as exc:
        return f"cannot resolve the path: {exc.strerror or exc}"
    return None if inside else "symlink leaves the sources folder"


def _has_link(path: Path, root: Path) -> bool:
    """Whether the path or a folder between root and it is a symlink (or the path has '..')."""
    if ".." in path.parts:
        return True
    current = path
    while current != root and current != current.parent:
        if current.is_symlink():
            return True
        current = current.parent
    return current != root


def _inside(path: Path, root: Path) -> bool:
    return _escape(path, root) is None


def _walk(root: Path) -> list[Path]:
    files = []
    for folder in ("documents", "tables"):
        base = root / folder
        if base.is_dir():
            files.extend(p for p in base.rglob("*") if (p.is_file() or p.is_symlink()) and not p.name.startswith("."))
    return sorted(files)


def discover_sources(root: Path, known: dict[str, tuple[int, int, str]] | None = None
                     ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(inventory of readable source files, quarantine of entries that cannot be read safely).

    `known` maps relpath -> (size, mtime_ns, sha256) from the last run: a file whose size and modification
    time are unchanged keeps its hash without being read again (as git's index does); `dyad run --full`
    passes none, so every file is hashed.
    """
    root = root.resolve()
    manifest = read_manifest(root)
    rows: list[dict[str, Any]] = []
    rejected: list[dict[str, Any]] = []
    seen: set[str] = set()
    candidates = [(p, p.relative_to(root).as_posix()) for p in _walk(root)]
    for relpath, entry in manifest.items():
        if "_error" in entry:
            rejected.append({"stage": "ingest", "source": MANIFEST_NAME, "row_ref": relpath, "reason": entry["_error"], "raw": entry})
            continue
        target = root / relpath
        if Path(relpath).is_absolute() or ".." in Path(relpath).parts or not _inside(target, root):
            rejected.append({"stage": "ingest", "source": MANIFEST_NAME, "row_ref": relpath,
                             "reason": f"manifest path '{relpath}' leaves the sources folder", "raw": entry})
        elif not target.is_file():
            rejected.append({"stage": "ingest", "source": MANIFEST_NAME, "row_ref": relpath,
                             "reason": f"manifest lists '{relpath}' but no such file exists", "raw": entry})
        elif relpath not in {r for _, r in candidates}:
            candidates.append((target, relpath))
    for path, relpath in candidates:
        if relpath in seen or path.name in IGNORED_NAMES:
            continue
        seen.add(relpath)
        escape = _escape(path, root)
        if escape is not None:
            rejected.append({"stage": "ingest", "source": relpath, "row_ref": "file", "reason": escape, "raw": None})
            continue
        entry = manifest.get(relpath, {})
        try:
            stat = path.stat()
            previous = (known or {}).get(relpath)
            if previous is not None and previous[:2] == (stat.st_size, stat.st_mtime_ns):
                sha = previous[2]
            else:
                sha = sha256_of(path)
            size, mtime_ns = stat.st_size, stat.st_mtime_ns
        except OSError as exc:
            rejected.append({"stage": "ingest", "source": relpath, "row_ref": "file",
                             "reason": f"cannot read file: {exc.strerror or exc}", "raw": None})
            continue
        rows.append({
            "path": str(path), "relpath": relpath, "kind": entry.get("kind") or kind_of(relpath),
            "format": entry.get("format") or format_of(path), "sha256": sha, "size_bytes": size, "mtime_ns": mtime_ns,
            "origin": entry.get("origin"), "licence": entry.get("licence"),
            "published": str(entry["published"]) if entry.get("published") else None,
            "in_manifest": bool(entry),
        })
    inventory = pl.DataFrame(rows, schema=polars_schema(SourceInventory))
    return SourceInventory.validate(inventory), quarantine_frame(rejected)
