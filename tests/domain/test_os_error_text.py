"""File system errors are given a German reason; an unknown one is named by its errno, and
the system's (English) text is only a detail."""

from __future__ import annotations

import errno
import os
import socket
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


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs a Unix socket file")
def test_a_backup_that_cannot_be_opened_keeps_the_system_s_text_only_as_detail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A socket file cannot be opened like a file (ENXIO, no German reason). It is bound by
    its name in the test's folder: a socket's path may have at most 107 characters, which a
    deep temporary folder can exceed."""
    from expertenrat.services.backup import read_backup_file
    from expertenrat.store.backup_format import BackupError

    path = tmp_path / "Sicherung.zip"
    with socket.socket(socket.AF_UNIX) as server:
        monkeypatch.chdir(tmp_path)
        server.bind(path.name)
        with pytest.raises(BackupError) as caught:
            read_backup_file(path)

    assert caught.value.message == (
        f"„{path}“ kann nicht gelesen werden: Systemfehler ENXIO (Nr. {errno.ENXIO})."
    )
    assert caught.value.detail == os.strerror(errno.ENXIO)
