"""Reading a backup in the portable format (:mod:`backup_format`), checked completely
before anything is used: no path tricks in the names, no zip bomb, every part present
with its hash and row count."""

from __future__ import annotations

import binascii
import hashlib
import json
import re
import zipfile
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import UTC, date, datetime, time
from typing import IO, Any, NamedTuple

from expertenrat import __version__
from expertenrat.store.backup_format import (
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    Backup,
    BackupError,
    TablePart,
)
from expertenrat.store.backup_json import load_json

MAX_TOTAL_BYTES = 2 * 1024**3  # all parts together, uncompressed
MAX_RATIO = 200  # uncompressed / compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024**2
_PARTS_FOLDER = "tables/"
_PART_NAME = re.compile(r"^tables/[a-z0-9_]{1,63}\.json$")

_DECODERS: dict[str, Callable[[Any], Any]] = {
    "bytes": lambda v: binascii.a2b_base64(v, strict_mode=True),
    "date": date.fromisoformat,
    "datetime": datetime.fromisoformat,
    "time": time.fromisoformat,
    "boolean": bool,
}


def read_backup(source: IO[bytes], is_known_revision: Callable[[str], bool]) -> Backup:
    """Read and check a backup completely; raise :class:`BackupError` on any doubt."""
    try:
        with zipfile.ZipFile(source) as zf:
            infos = {info.filename: info for info in zf.infolist()}
            _check_names_and_sizes(infos.values())
            if MANIFEST not in infos:
                raise BackupError(_NOT_A_BACKUP)
            manifest = load_json(_read_member(zf, infos[MANIFEST]))
            header = _check_manifest(manifest, is_known_revision)
            entries = [_part_entry(infos, entry) for entry in manifest["tables"]]
            parts = _read_parts(zf, infos, entries)
    except zipfile.BadZipFile as error:  # zipfile's (English) words: the detail
        raise BackupError(
            "Die Datei ist keine gültige Expertenrat-Sicherung oder unvollständig.", str(error)
        ) from None
    except (zipfile.LargeZipFile, NotImplementedError, EOFError) as error:
        raise BackupError(
            "Die Sicherung kann nicht gelesen werden.", str(error) or type(error).__name__
        ) from None
    return Backup(*header, tables=tuple(parts))


def read_made(source: IO[bytes]) -> datetime | None:
    """When the backup in ``source`` was made (its manifest's ``created_utc``, aware), read
    from the manifest alone, to name it before the whole file is read; ``None`` where the
    manifest does not say (:func:`read_backup` then refuses the file with its reason)."""
    try:
        with zipfile.ZipFile(source) as zf:
            _check_names_and_sizes(zf.infolist())  # no bomb in the manifest either
            manifest = load_json(_read_member(zf, zf.getinfo(MANIFEST)))
            made = datetime.fromisoformat(manifest["created_utc"])
    except (
        BackupError,
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        KeyError,
        TypeError,
        ValueError,
    ):
        return None
    return made if made.tzinfo is not None else made.replace(tzinfo=UTC)


_NOT_A_BACKUP = "Die Datei ist keine Expertenrat-Sicherung (es fehlt manifest.json)."
_ANOTHER_PROGRAMS = (
    "Die Datei ist keine Expertenrat-Sicherung (ihre manifest.json ist die eines anderen "
    "Programms)."
)


def _check_names_and_sizes(infos: Iterable[zipfile.ZipInfo]) -> None:
    total = 0
    for info in infos:
        name = info.filename
        if name == _PARTS_FOLDER and info.is_dir():
            continue  # a backup unpacked and zipped again holds its folder as an entry
        if name != MANIFEST and not _PART_NAME.match(name):
            raise BackupError(
                f"Die Sicherung enthält einen unzulässigen Dateinamen („{name}“) und wird "
                "nicht verwendet."
            )
        total += info.file_size
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise BackupError(_TOO_BIG)
    if total > MAX_TOTAL_BYTES:
        raise BackupError(_TOO_BIG)


_DAMAGED_MANIFEST = "Die Sicherung ist beschädigt (Inhaltsverzeichnis unvollständig)."
_TOO_BIG = (
    "Die Sicherung ist unplausibel groß (entpackt über der Grenze oder extrem stark "
    "komprimiert) und wird nicht verwendet."
)


def _read_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    """Read one member, never more than its header promised (a lying header is a bomb)."""
    with zf.open(info) as handle:
        data = handle.read(info.file_size + 1)
    if len(data) > info.file_size:
        raise BackupError(_TOO_BIG)
    return data


def _check_manifest(
    manifest: Any, is_known_revision: Callable[[str], bool]
) -> tuple[str, str, datetime]:
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise BackupError(_ANOTHER_PROGRAMS)  # it has one: "es fehlt manifest.json" was wrong
    version = manifest.get("format_version")
    if type(version) is not int or version < 1:  # bool is an int too: not one here
        raise BackupError(_invalid_entry("die Formatversion", version))
    if version > FORMAT_VERSION:
        raise BackupError(
            "Die Sicherung stammt aus einer neueren Version von Expertenrat (Format "
            f"{version}). Bitte installieren Sie die aktuelle Version des Programms."
        )
    revision = manifest.get("schema_revision")
    app_version = manifest.get("app_version", "?")
    if not isinstance(revision, str) or not revision.strip():
        raise BackupError(_invalid_entry("der Schemastand", revision))
    if not is_known_revision(revision):
        # The program's version number does not change with each schema revision: one
        # equal to this program's would read as if the backup came from this very version.
        made_by = "" if app_version == __version__ else f"{app_version}, "
        raise BackupError(
            f"Die Sicherung stammt aus einer neueren Version von Expertenrat ({made_by}"
            f"Schemastand {revision}). Bitte installieren Sie die aktuelle Version des "
            "Programms."
        )
    try:
        created = datetime.fromisoformat(manifest["created_utc"])
        if not isinstance(manifest["tables"], list):
            raise TypeError
    except (KeyError, TypeError, ValueError):
        raise BackupError(_DAMAGED_MANIFEST) from None
    return str(app_version), revision, created


def _invalid_entry(what: str, value: Any) -> str:
    """A manifest entry of the wrong kind: a damaged file or none of ours, never a newer
    version (every version writes the format version as a whole number from 1 and the
    schema revision as text)."""
    shown = json.dumps(value, ensure_ascii=False)
    shown = shown if len(shown) <= 40 else shown[:39] + "…"
    return (
        "Die Datei ist keine gültige Expertenrat-Sicherung (beschädigt oder verändert): "
        f"{what} in ihrem Inhaltsverzeichnis (manifest.json) ist ungültig ({shown})."
    )


class _PartEntry(NamedTuple):
    name: str
    file: str
    kinds: tuple[tuple[str, str], ...]
    rows: int
    sha256: str


def _part_entry(infos: dict[str, zipfile.ZipInfo], entry: Any) -> _PartEntry:
    """A part's entry in the manifest, checked."""
    try:
        name, file, columns = entry["name"], entry["file"], entry["columns"]
        part = _PartEntry(
            name, file, tuple((str(c), str(k)) for c, k in columns), entry["rows"], entry["sha256"]
        )
    except (KeyError, TypeError, ValueError):
        raise BackupError(_DAMAGED_MANIFEST) from None
    if file not in infos or file != f"tables/{name}.json":
        raise BackupError(f"In der Sicherung fehlt die Tabelle „{name}“.")
    return part


def _read_parts(
    zf: zipfile.ZipFile, infos: dict[str, zipfile.ZipInfo], entries: list[_PartEntry]
) -> list[TablePart]:
    """Every part, checked and decoded, in order.

    A second thread reads the parts ahead and a third hashes each while this one parses
    it: reading, inflating, the zip's checksum and SHA-256 let other threads run, and for
    the 150 MB of stored PDFs of a large backup they took a third of a second. A part's
    hash is compared before anything parsed from it is used.
    """
    hasher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-hash")
    reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="backup-read")

    def fetched(entry: _PartEntry) -> tuple[bytes, Future[str]]:
        data = _read_member(zf, infos[entry.file])
        return data, hasher.submit(_sha256, data)

    try:
        return [
            _read_part(entry, data, digest)
            for entry, (data, digest) in zip(entries, reader.map(fetched, entries), strict=True)
        ]
    finally:  # after a bad part, read and hash no further
        reader.shutdown(cancel_futures=True)
        hasher.shutdown(cancel_futures=True)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_part(entry: _PartEntry, data: bytes, digest: Future[str]) -> TablePart:
    name, kinds = entry.name, entry.kinds
    try:
        body = load_json(data, mostly_base64=any(kind == "bytes" for _c, kind in kinds))
    except BackupError:
        _check_digest(entry, digest.result())  # a changed part is called changed
        raise
    _check_digest(entry, digest.result())
    rows = body.get("rows") if isinstance(body, dict) else None
    if not isinstance(rows, list) or len(rows) != entry.rows:
        raise BackupError(f"Die Tabelle „{name}“ in der Sicherung ist unvollständig.")
    if body.get("columns") != [c for c, _ in kinds]:
        raise BackupError(f"Die Spalten der Tabelle „{name}“ passen nicht zum Inhaltsverzeichnis.")
    return TablePart(name=name, columns=kinds, rows=_decode_rows(name, kinds, rows))


def _check_digest(entry: _PartEntry, digest: str) -> None:
    if digest != entry.sha256:
        raise BackupError(
            f"Die Tabelle „{entry.name}“ in der Sicherung wurde verändert oder ist beschädigt "
            "(Prüfsumme stimmt nicht)."
        )


def _decode_rows(name: str, kinds: tuple[tuple[str, str], ...], rows: list[Any]) -> list[list[Any]]:
    """Turn the JSON values into Python values, column by column, in place."""
    width = len(kinds)
    decoders = [(i, d) for i, (_c, kind) in enumerate(kinds) if (d := _DECODERS.get(kind))]
    try:
        if not all(type(row) is list and len(row) == width for row in rows):
            raise ValueError
        for index, decoder in decoders:
            for row in rows:
                value = row[index]
                if value is not None:
                    row[index] = decoder(value)
    except (TypeError, ValueError):
        message = f"Die Tabelle „{name}“ in der Sicherung enthält ungültige Werte."
        raise BackupError(message) from None
    return rows
