"""Logging to a rotating file in the user's log folder, without personal data of failed statements.

The text of a database error may quote the values of the statement that failed (SQLAlchemy
prints the statement and its parameters, PostgreSQL adds lines such as "Failing row contains
(…)"). ``format_error`` therefore writes a traceback in which such errors show only their
kind; the log file's formatter uses it for every logged exception, and the error dialog
shows and logs the same text.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TextIO

from expertenrat.paths import log_file

_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_DRIVER_MODULES = frozenset({"psycopg", "psycopg2", "sqlite3", "_sqlite3"})
_CAUSE = "\nThe above exception was the direct cause of the following exception:\n\n"
_CONTEXT = "\nDuring handling of the above exception, another exception occurred:\n\n"


def setup_logging(path: Path | None = None) -> Path:
    """Log INFO and above to a rotating file (5 × 1 MB); return the file's path."""
    path = path or log_file()
    root = logging.getLogger()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        try:
            handler: logging.Handler = _file_handler(path)
        except OSError:  # its folder cannot be made (paths._private_folder): none, unprinted
            handler = logging.NullHandler()
        root.addHandler(handler)
    root.setLevel(logging.INFO)
    return path


def setup_command_logging() -> None:
    """A command's warnings go to the log file, as the window's do, never to the terminal:
    without a handler Python printed them there, in English and with a traceback, before
    the command's German message (found by a tester). The file, and its folder, is made
    only when a warning comes, so a command that has nothing to log leaves none."""
    logging.getLogger().addHandler(_LogFileOnDemand())


def _file_handler(path: Path) -> RotatingFileHandler:
    handler = _LogFile(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(_SafeFormatter(_FORMAT))
    return handler


class _LogFile(RotatingFileHandler):
    """The log file. A record its disk refuses (full, a network drive gone) is dropped:
    Python printed "--- Logging error ---" with an English traceback and the record's
    text onto the terminal (found by a tester). The file is opened anew for the next
    record, which is written once there is space again, on a line of its own."""

    def _open(self) -> TextIO:
        stream = super()._open()
        if _ends_mid_line(Path(self.baseFilename)):
            # the line a full disk cut off: the next starts on a line of its own, not glued
            # to the cut one's rest (found by a tester)
            stream.write("\n")
        return stream

    def doRollover(self) -> None:
        """Rotate only a file that can be renamed. On Windows another run of the program
        that has it open (the same login twice on a terminal server, a command beside the
        window) holds it: each record's attempt moved the older files one up and dropped
        the oldest before the rename failed, and dropped the record too, so after five
        records all five older logs were gone and nothing more was logged while the other
        ran (found by a tester). Such a file is written on past its size; the next record
        tries again. The handler's own file is closed first, as Python's rotation does:
        Windows refuses to rename a file this process has open too, and the log grew
        without end (found by review)."""
        base = self.baseFilename
        probe = f"{base}.{os.getpid()}.rotating"
        if self.stream is not None:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        try:
            os.replace(base, probe)
        except FileNotFoundError:
            pass  # nothing to rotate (removed meanwhile): as Python does
        except OSError:
            self.stream = self._open()
            return
        else:
            os.replace(probe, base)
        super().doRollover()

    def handleError(self, record: logging.LogRecord) -> None:
        if not isinstance(sys.exc_info()[1], OSError):
            super().handleError(record)  # a bug of the logging call: said as Python says it
            return
        stream, self.stream = self.stream, None  # type: ignore[assignment]
        if stream is not None:
            with contextlib.suppress(OSError):  # its unwritten rest cannot be written either
                stream.close()


def _ends_mid_line(path: Path) -> bool:
    """Whether the file at ``path`` ends in a line cut off (no line break at its end)."""
    try:
        with path.open("rb") as file:
            if file.seek(0, os.SEEK_END) == 0:
                return False
            file.seek(-1, os.SEEK_END)
            return file.read(1) != b"\n"
    except OSError:
        return False


class _LogFileOnDemand(logging.Handler):
    """Hands each record to the log file, which it opens at the first record."""

    def __init__(self) -> None:
        super().__init__()
        self._target: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self._target is None:
            try:
                self._target = _file_handler(log_file())
            except OSError:  # no log file to be had: the record is dropped, not printed
                self._target = logging.NullHandler()
        self._target.handle(record)


def format_error(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> str:
    """A traceback like Python's, but database errors show only their kind, not their text."""
    chain = _chain(error)
    parts: list[str] = []
    for number, current in enumerate(chain):
        if number:
            parts.append(_CAUSE if chain[number - 1] is current.__cause__ else _CONTEXT)
        frames = current.__traceback__ if current is not error else trace
        if frames is not None:
            parts.append("Traceback (most recent call last):\n")
            parts.extend(traceback.format_tb(frames))
        current_kind = kind if current is error else type(current)
        if _is_database_error(current_kind):
            name = f"{current_kind.__module__}.{current_kind.__qualname__}"
            parts.append(f"{name}: (text hidden: it may quote personal data)\n")
        else:
            parts.extend(traceback.format_exception_only(current_kind, current))
    return "".join(parts)


def _chain(error: BaseException) -> list[BaseException]:
    """``error`` and the errors it came from, the first cause first."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    chain.reverse()
    return chain


def _is_database_error(kind: type[BaseException]) -> bool:
    """An error of a database driver, or SQLAlchemy's error about a statement."""
    return any(
        k.__module__.split(".")[0] in _DRIVER_MODULES
        or (k.__module__ == "sqlalchemy.exc" and k.__name__ == "StatementError")
        for k in kind.__mro__
    )


class _SafeFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached its own (full) traceback text in the record.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei) -> str:
        kind, error, trace = ei
        if kind is None or error is None:
            return super().formatException(ei)
        return format_error(kind, error, trace).rstrip("\n")
