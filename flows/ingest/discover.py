"""Find the source files under a sources folder, read the optional manifest, hash every file."""
from __future__ import annotations

import errno
import hashlib
import os
import stat
import tomllib
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import polars as pl

from flows.ingest.encodings import is_utf8
from schemas.quarantine import quarantine_frame
from schemas.raw import SourceInventory
from schemas.staging import polars_schema

MANIFEST_NAME = "sources.toml"
DOCUMENT_EXTENSIONS = {".txt": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
REFERENCE_NAMES = {"harmonized-system.csv", "hs-sections.csv", "country-codes.csv"}
# Files that describe a folder rather than hold data: never ingested.
IGNORED_NAMES = {MANIFEST_NAME, "README.md", "README.txt", "LICENSE", "LICENSE.txt", "NOTICE", ".gitkeep"}


MANIFEST_KINDS = ("document", "table")  # reference tables come from the bundled copy, never from a manifest
# A manifest may call a reference table (countries, HS codes) `kind = "reference"`, as the bundled one does: it
# is a table (its format is found from its content, and reference formats load from the bundled copy).
KIND_ALIASES = {"reference": "table"}


class ManifestError(ValueError):
    """The manifest cannot be read at all (a bad entry only quarantines that entry)."""


class NotRegularFile(OSError):
    """A FIFO, socket, device or folder where a file was expected: never opened for reading (it may block)."""


FILE_TYPES = {stat.S_IFIFO: "a FIFO (named pipe)", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a character device",
              stat.S_IFBLK: "a block device", stat.S_IFDIR: "a folder"}


def not_regular(mode: int) -> str | None:
    """What a non-regular file is ('a FIFO (named pipe)'), or None for a regular file."""
    return None if stat.S_ISREG(mode) else FILE_TYPES.get(stat.S_IFMT(mode), "not a regular file")


def open_regular(path: Path) -> BinaryIO:
    """The file opened for reading, refused when it is not a regular file.

    Opened non-blocking and checked on the open descriptor: a FIFO put in place of a file (or a symlink to
    one) would otherwise block the run, holding its lock, until something writes to it.
    """
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    try:
        what = not_regular(os.fstat(fd).st_mode)
        if what is not None:
            raise NotRegularFile(f"{what}, not a file: not read")
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def sha256_of(path: Path) -> str:
    """Hex sha256 of a file's bytes, read in blocks so a large file costs no memory."""
    digest = hashlib.sha256()
    with open_regular(path) as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _clean_path(path: str) -> str:
    """'./documents//a.txt' -> 'documents/a.txt': the spelling of a manifest path is not part of its identity."""
    if path.startswith("/"):
        return path
    return "/".join(part for part in path.replace("\\", "/").split("/") if part not in ("", "."))


def _entry_problems(entry: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The entry without fields dyad cannot use, and why each was dropped (the file is still read)."""
    clean, problems = dict(entry), []
    if isinstance(entry.get("kind"), str) and entry["kind"] in KIND_ALIASES:
        clean["kind"] = KIND_ALIASES[entry["kind"]]
    kind = clean.get("kind")
    if kind is not None and kind not in MANIFEST_KINDS:
        clean.pop("kind")
        problems.append(f"kind {kind!r} is not one of {', '.join(MANIFEST_KINDS)}: the file is read as its "
                        "folder and name say")
    for key in ("format", "origin", "licence", "title", "outlet", "url"):
        if key in entry and not isinstance(entry[key], str):
            clean.pop(key)
            problems.append(f"{key} {entry[key]!r} is not text: ignored")
    published = entry.get("published")
    if published is not None and not isinstance(published, (str, date)):
        clean.pop("published")
        problems.append(f"published {published!r} is not a date: ignored")
    return clean, problems


def read_manifest(root: Path) -> dict[str, dict[str, Any]]:
    """Manifest entries by posix path relative to root; {} when there is no manifest.

    A bad entry never stops the run: one without a path, or listing a file again, is kept under
    `<entry N>` with `_error`; fields of the wrong type or value are dropped and named in `_problems`.
    """
    path = root / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        with open_regular(path) as handle:
            data = tomllib.loads(handle.read().decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:
        raise ManifestError(f"{path}: not valid TOML: {exc}") from exc
    entries = data.get("source", [])
    if not isinstance(entries, list):
        raise ManifestError(f"{path}: 'source' must be an array of tables ([[source]])")
    out: dict[str, dict[str, Any]] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str) or not _clean_path(entry["path"]):
            out[f"<entry {i + 1}>"] = {"_error": "manifest entry has no 'path'", **(entry if isinstance(entry, dict) else {})}
            continue
        relpath = _clean_path(entry["path"])
        if relpath in out:
            # Two entries for one file would make its metadata depend on their order: the first one holds.
            out[f"<entry {i + 1}>"] = {"_error": f"manifest lists '{relpath}' again: the first entry is used",
                                       **entry}
            continue
        clean, problems = _entry_problems(entry)
        out[relpath] = {**clean, "path": relpath, **({"_problems": problems} if problems else {})}
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
    return _format_of_name(path.name)


def _format_of_name(name: str) -> str:
    """format_of from the name as text (a Path per file cost more than the rest of its work at 10,000 files);
    the suffixes are Path.suffixes' (none for a name ending in '.', leading dots are no suffix)."""
    suffixes = [] if name.endswith(".") else [s.lower() for s in name.lstrip(".").split(".")[1:][-2:]]
    if suffixes and suffixes[-1] == "gz" and len(suffixes) == 2:
        return f"{suffixes[0]}.gz"
    ext = f".{suffixes[-1]}" if suffixes else ""
    return DOCUMENT_EXTENSIONS.get(ext, ext.lstrip(".") or "unknown")


def _escape(path: Path | str, root: Path, clean: set[str] | None = None,
            link_free: list[os.stat_result] | None = None) -> str | None:
    """Why a path may not be read (it resolves outside root, or loops), or None when it is safe.

    `root` is already resolved; a path with no symlink on the way below root cannot leave it, so only
    paths that pass through a link pay for resolve() (a system call per component). `link_free` receives the
    path's own lstat when no link is on its way (it is then the path's stat too).
    """
    if not _has_link(path, root, clean, link_free):
        return None
    try:
        inside = Path(path).resolve().is_relative_to(root)
    except RuntimeError:  # Python 3.11 reports a symlink loop so
        return "symlink loop: the link points back at itself"
    except OSError as exc:
        return f"cannot resolve the path: {exc.strerror or exc}"
    return None if inside else "symlink leaves the sources folder"


_LSTAT_IGNORED = (errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP)  # the errors Path.is_symlink reads as False


def _lstat(path: str) -> os.stat_result | None:
    """os.lstat, or None for the errors Path.is_symlink reads as 'not a link' (the others raise, as there)."""
    try:
        return os.lstat(path)
    except OSError as exc:
        if exc.errno not in _LSTAT_IGNORED:
            raise
        return None


def _has_link(path: Path | str, root: Path, clean: set[str] | None = None,
              link_free: list[os.stat_result] | None = None) -> bool:
    """Whether the path or a folder between root and it is a symlink (or the path has '..').

    `clean` holds the folders already found link-free up to root: a run's thousands of files share a few
    folders, and asking each file's folders again was a system call per folder per file. The walk up is on
    the path's text (os.path): pathlib's objects cost more than the system calls at 10,000 files.
    """
    top, current, passed, own = str(root), str(path), [], None
    if ".." in current.split("/"):
        return True
    while current != top:
        parent = os.path.dirname(current)
        if parent == current:  # the file system's root, and `root` was not on the way
            return True
        if clean is not None and current in clean:
            break
        info = _lstat(current)
        if info is not None and stat.S_ISLNK(info.st_mode):
            return True
        own = info if not passed else own
        passed.append(current)
        current = parent
    if clean is not None:
        clean.update(passed[1:])  # folders only: a file is asked once anyway
    if link_free is not None and own is not None and passed and passed[0] == str(path):
        link_free.append(own)  # no link on the way: the fingerprint needs no second stat
    return False


def _inside(path: Path, root: Path) -> bool:
    return _escape(path, root) is None


def _readable_name(text: str) -> str:
    """A path as text whatever bytes its name has (names that are not UTF-8 show their bytes as \\xNN)."""
    return os.fsencode(text).decode("utf-8", errors="backslashreplace")


def _walk(root: Path) -> tuple[list[tuple[str, str]], list[dict[str, Any]]]:
    """(files and symlinks under documents/ and tables/ as (path, path relative to root), quarantine rows of
    folders that could not be listed). Paths are text: a Path per file (joined, then made relative) cost more
    than the system calls at 10,000 files."""
    files: list[tuple[str, str]] = []
    problems: list[dict[str, Any]] = []

    def unlistable(error: OSError) -> None:
        rel = _readable_name(Path(error.filename).relative_to(root).as_posix())
        problems.append({"stage": "ingest", "source": rel + "/", "row_ref": "folder",
                         "reason": f"cannot read the folder: {error.strerror or error}: nothing under it was read",
                         "raw": None})

    # a stack, not os.walk: Python 3.11's os.walk recurses, so a folder nested 1,100 deep failed the whole run
    # with RecursionError; here any depth costs a list entry (a path past the system's limit is then that
    # file's own quarantine row: 'File name too long')
    pending = [(str(root / folder), folder) for folder in ("documents", "tables") if (root / folder).is_dir()]
    while pending:
        here, relative = pending.pop()
        try:
            with os.scandir(here) as entries:
                listed = list(entries)
        except OSError as error:
            unlistable(error if error.filename else OSError(error.errno, error.strerror, str(here)))
            continue
        for entry in listed:
            path, relpath = entry.path, f"{relative}/{entry.name}"
            try:
                is_link, is_dir = entry.is_symlink(), entry.is_dir(follow_symlinks=False)
            except OSError:
                is_link, is_dir = False, False
            if is_dir and not is_link:
                pending.append((path, relpath))
            elif is_link and os.path.isdir(path):
                # a symlinked folder is not walked into: it is a candidate of its own, judged like a symlinked file
                files.append((path, relpath))
            elif not entry.name.startswith("."):
                files.append((path, relpath))
    # by parts below root (the order Path gives, root being every path's start), without Path.__lt__
    return sorted(files, key=lambda found: found[1].split("/")), problems


def _manifest_problem(relpath: str, reason: str, entry: Any) -> dict[str, Any]:
    """One quarantine row for a manifest entry (its row_ref is the path the entry names)."""
    return {"stage": "ingest", "source": MANIFEST_NAME, "row_ref": relpath, "reason": reason, "raw": entry}


def _add_manifest_files(manifest: dict[str, dict[str, Any]], root: Path, candidates: list[tuple[str, str]],
                        rejected: list[dict[str, Any]]) -> None:
    """Judge every manifest entry: quarantine the bad ones and add listed files the walk did not find.

    Kept apart from the per-file checks because a manifest entry fails for reasons of the manifest (a path
    'documents/../../etc/passwd' that leaves the folder, a listed 'documents/gone.txt' that does not exist),
    while a walked file fails for reasons of the file itself.
    """
    for relpath, entry in manifest.items():
        if "_error" in entry:
            rejected.append(_manifest_problem(relpath, entry["_error"], entry))
            continue
        for problem in entry.get("_problems", []):
            rejected.append(_manifest_problem(relpath, f"manifest entry for '{relpath}': {problem}", entry))
        target = root / relpath
        if Path(relpath).is_absolute() or ".." in Path(relpath).parts or not _inside(target, root):
            rejected.append(_manifest_problem(relpath, f"manifest path '{relpath}' leaves the sources folder", entry))
        elif not target.is_file():
            rejected.append(_manifest_problem(relpath, f"manifest lists '{relpath}' but no such file exists", entry))
        elif relpath not in {listed for _, listed in candidates}:
            candidates.append((str(target), relpath))


def _fingerprint(path: str, previous: tuple[int, int, str] | None,
                 info: os.stat_result | None = None) -> tuple[str, int, int]:
    """(sha256, size, mtime_ns) of a regular file; the last run's hash is reused when size and mtime match.
    `info` is the file's stat when the caller has it (the lstat of a path with no link on its way).

    Raises NotRegularFile for a FIFO or device (opening one may block the run) and OSError for a file that
    cannot be read; the caller turns either into that file's quarantine row.
    """
    info = info if info is not None else os.stat(path)
    what = not_regular(info.st_mode)
    if what is not None:
        raise NotRegularFile(f"{what}, not a file: not read")
    if previous is not None and previous[:2] == (info.st_size, info.st_mtime_ns):
        sha = previous[2]
    else:
        sha = sha256_of(Path(path))
    return sha, info.st_size, info.st_mtime_ns


def _file_problem(relpath: str, path: str, root: Path, clean: set[str] | None = None,
                  link_free: list[os.stat_result] | None = None) -> str | None:
    """Why a candidate file is not read before it is even opened (a name that is not UTF-8, a link out of the
    folder), or None; the name check comes first, as a bad name cannot be shown as it is."""
    if not is_utf8(relpath):
        return "the file name is not valid UTF-8: rename the file (it was not read)"
    return _escape(path, root, clean, link_free)


def discover_sources(root: Path, known: dict[str, tuple[int, int, str]] | None = None
                     ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(inventory of readable source files, quarantine of entries that cannot be read safely).

    `known` maps relpath -> (size, mtime_ns, sha256) from the last run: a file whose size and modification
    time are unchanged keeps its hash without being read again (as git's index does; the caller leaves out
    files modified while that run went, which git calls racy); `dyad run --full` passes none.
    """
    root = root.resolve()
    manifest = read_manifest(root)
    rows: list[dict[str, Any]] = []
    walked, rejected = _walk(root)
    seen: set[str] = set()
    clean_folders: set[str] = set()  # folders found link-free (flows.ingest.discover._has_link)
    candidates = walked
    _add_manifest_files(manifest, root, candidates, rejected)
    for path, relpath in candidates:
        name = os.path.basename(path)
        if relpath in seen or name in IGNORED_NAMES:
            continue
        seen.add(relpath)
        link_free: list[os.stat_result] = []  # the file's lstat, when it is also its stat
        problem = _file_problem(relpath, path, root, clean_folders, link_free)
        if problem is not None:
            source = relpath if is_utf8(relpath) else _readable_name(relpath)
            rejected.append({"stage": "ingest", "source": source, "row_ref": "file", "reason": problem, "raw": None})
            continue
        entry = manifest.get(relpath, {})
        try:
            sha, size, mtime_ns = _fingerprint(path, (known or {}).get(relpath), link_free[0] if link_free else None)
        except NotRegularFile as exc:
            rejected.append({"stage": "ingest", "source": relpath, "row_ref": "file", "reason": str(exc), "raw": None})
            continue
        except OSError as exc:
            rejected.append({"stage": "ingest", "source": relpath, "row_ref": "file",
                             "reason": f"cannot read file: {exc.strerror or exc}", "raw": None})
            continue
        rows.append({
            "path": path, "relpath": relpath, "kind": entry.get("kind") or kind_of(relpath),
            "format": entry.get("format") or _format_of_name(name), "sha256": sha, "size_bytes": size, "mtime_ns": mtime_ns,
            "origin": entry.get("origin"), "licence": entry.get("licence"),
            "published": str(entry["published"]) if entry.get("published") else None,
            "url": entry.get("url") or None,
            "in_manifest": bool(entry),
        })
    inventory = pl.DataFrame(rows, schema=polars_schema(SourceInventory))
    return SourceInventory.validate(inventory), quarantine_frame(rejected)
