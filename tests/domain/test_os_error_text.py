"""File system errors are given a German reason; an unknown one is named by its errno, and
the system's (English) text is only a detail."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from expertenrat.domain.errors import os_error_detail, os_error_text


def raised(action) -> OSError:
    with pytest.raises(OSError) as caught:
        action()
    return caught.value


def test_real_file_system_errors_are_said_in_german(tmp_path: Path) -> None:
    file = tmp_path / "Protokoll.pdf"
    file.write_bytes(b"%PDF-")
    folder = tmp_path / "Sicherungen"
    (folder / "alt").mkdir(parents=True)

    assert os_error_text(raised(lambda: (file / "x.pdf").write_bytes(b""))) == (
        "Ein Teil des Pfades ist kein Ordner."
    )
    assert os_error_text(raised(lambda: folder.mkdir())) == (
        "Die Datei oder der Ordner existiert bereits."
    )
    assert os_error_text(raised(lambda: os.rmdir(folder))) == "Der Ordner ist nicht leer."
    assert os_error_text(raised(lambda: (tmp_path / "fehlt" / "a.pdf").read_bytes())) == (
        "Der Ordner oder die Datei existiert nicht."
    )


def test_an_error_without_a_german_reason_is_named_by_errno_and_keeps_english_as_detail() -> None:
    error = OSError(errno.EPIPE, os.strerror(errno.EPIPE))

    assert os_error_text(error) == f"Systemfehler EPIPE (Nr. {errno.EPIPE})."
    assert os_error_detail(error) == os.strerror(errno.EPIPE)
    assert os_error_text(OSError(99999, "Odd")) == "Systemfehler Nr. 99999."
    assert os_error_text(OSError("no errno")) == "Das Betriebssystem meldet einen Fehler."
    assert os_error_detail(OSError("no errno")) == "no errno"
    assert os_error_detail(OSError(errno.EACCES, "Permission denied")) == ""
