"""Writing a backup in the portable format (:mod:`backup_format`): the parts streamed
into the zip in slices of rows, hashed on the way, then the manifest."""

from __future__ import annotations

import binascii
import contextlib
import hashlib
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any

from expertenrat.domain.progress import Progress
from expertenrat.paths import keep_private
from expertenrat.store.backup_format import FORMAT_NAME, FORMAT_VERSION, MANIFEST, Backup, TablePart

_ENCODERS: dict[str, Callable[[Any], Any]] = {
    "date": lambda v: v.isoformat(),
    "datetime": lambda v: v.isoformat(),
    "time": lambda v: v.isoformat(),
}


def write_backup(target: IO[bytes], backup: Backup, progress: Progress | None = None) -> None:
    """Write ``backup`` as a zip to ``target`` (a file opened for binary writing);
    ``progress`` hears of each slice written (parts done, parts) and may stop the writing
    by raising (:class:`~expertenrat.domain.progress.Cancelled`): ``target`` is then
    half-written, for the caller to remove.

    Each part is streamed into the zip in slices of rows and hashed on the way, so no
    part is ever held as one big string; its size is not known beforehand, so each part
    has the zip64 sizes (a part over 2 GiB, years of stored PDFs, would otherwise fail).
    Parts with bytes (stored PDFs, logos) are stored without compression: base64 of
    compressed PDFs shrinks by less than a third, and deflating it took most of the time
    of a backup and a restore.
    """
    with contextlib.suppress(io.UnsupportedOperation):  # a file, not bytes in memory
        keep_private(target.fileno())  # all data: no other user of the PC reads it
    entries = []
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for done, part in enumerate(backup.tables):
            digest = hashlib.sha256()
            with zf.open(_member(part), "w", force_zip64=True) as handle:
                for chunk in _encoded_part(part):
                    if progress is not None:
                        progress(done, len(backup.tables))
                    digest.update(chunk)
                    handle.write(chunk)
            entries.append(
                {
                    "name": part.name,
                    "file": part.file,
                    "columns": [list(column) for column in part.columns],
                    "rows": len(part.rows),
                    "sha256": digest.hexdigest(),
                }
            )
        manifest = {
            "format": FORMAT_NAME,
            "format_version": FORMAT_VERSION,
            "app_version": backup.app_version,
            "schema_revision": backup.schema_revision,
            "created_utc": backup.created_utc.isoformat(),
            "tables": entries,
        }
        zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))


_ROWS_PER_SLICE = 100


def _member(part: TablePart) -> str | zipfile.ZipInfo:
    if not any(kind == "bytes" for _name, kind in part.columns):
        return part.file  # deflated, the zip's default
    member = zipfile.ZipInfo(part.file, date_time=datetime.now().timetuple()[:6])
    member.compress_type = zipfile.ZIP_STORED
    return member


def _encoded_part(part: TablePart) -> Iterator[bytes]:
    """The JSON of ``part`` in slices: ``{"table":…,"columns":[…],"rows":[…]}``."""
    head = {"table": part.name, "columns": [name for name, _ in part.columns]}
    yield _json(head)[:-1].encode("utf-8") + b',"rows":['
    kinds = [kind for _name, kind in part.columns]
    rows = part.rows
    if "bytes" in kinds:  # few rows with large values: one by one, the base64 as it is
        for number, row in enumerate(rows):
            yield (b",[" if number else b"[") + _row_with_bytes(row, kinds) + b"]"
    else:
        encoders = [
            (i, encoder) for i, kind in enumerate(kinds) if (encoder := _ENCODERS.get(kind))
        ]
        for start in range(0, len(rows), _ROWS_PER_SLICE):
            block = rows[start : start + _ROWS_PER_SLICE]
            if encoders:
                block = [_encoded_row(row, encoders) for row in block]
            text = _json(block)[1:-1]
            yield (f",{text}" if start else text).encode("utf-8")
    yield b"]}"


def _encoded_row(row: list[Any], encoders: list[tuple[int, Callable[[Any], Any]]]) -> list[Any]:
    row = list(row)
    for index, encoder in encoders:
        value = row[index]
        if value is not None:
            row[index] = encoder(value)
    return row


def _row_with_bytes(row: list[Any], kinds: list[str]) -> bytes:
    """The values of ``row`` as JSON, bytes as base64 strings (which need no escaping)."""
    values = []
    for value, kind in zip(row, kinds, strict=True):
        if value is not None and kind == "bytes":
            values.append(b'"' + binascii.b2a_base64(value, newline=False) + b'"')
        else:
            encoder = _ENCODERS.get(kind)
            plain = value if value is None or encoder is None else encoder(value)
            values.append(_json(plain).encode("utf-8"))
    return b",".join(values)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
