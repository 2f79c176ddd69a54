"""The one file writer: all or nothing, never through a link or over a protected file."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from expertenrat.services.files import FileWriteError, write_file
from expertenrat.services.folder_writing import FolderNotEmptyError, write_folder


def _leftovers(folder: Path) -> list[str]:
    return sorted(path.name for path in folder.iterdir() if path.name.endswith(".tmp"))


def test_writes_and_replaces_the_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "Einladung Ü & <1>.pdf"
    write_file(target, b"first version, long")
    write_file(target, b"second")
    assert target.read_bytes() == b"second"
    assert _leftovers(tmp_path) == []


def test_a_link_is_not_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"keep")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    with pytest.raises(FileWriteError, match="Verknüpfung"):
        write_file(link, b"new")
    assert real.read_bytes() == b"keep"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileWriteError, match="ist ein Ordner"):
        write_file(tmp_path, b"x")


def test_a_write_protected_file_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "protected.pdf"
    target.write_bytes(b"keep")
    target.chmod(0o444)
    with pytest.raises(FileWriteError, match="schreibgeschützt"):
        write_file(target, b"new")
    assert target.read_bytes() == b"keep"
    assert _leftovers(tmp_path) == []


def test_a_database_file_is_never_replaced(tmp_path: Path) -> None:
    """``backup --out expertenrat.db`` replaced the database it backed up with the zip."""
    database = tmp_path / "expertenrat.db"
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA journal_mode=WAL")
        connection.execute("CREATE TABLE t (x)")
        connection.execute("INSERT INTO t VALUES (1)")
        for target in (database, tmp_path / "expertenrat.db-wal"):
            before = target.read_bytes()
            with pytest.raises(FileWriteError, match="ist eine Datenbank und wird nicht ersetzt"):
                write_file(target, b"PK\x03\x04")
            assert target.read_bytes() == before
        assert connection.execute("SELECT x FROM t").fetchall() == [(1,)]
    connection.close()
    assert _leftovers(tmp_path) == []


def test_a_missing_folder_is_said_in_german(tmp_path: Path) -> None:
    """It is named: "Der Ordner oder die Datei existiert nicht." left the user to guess
    which (found by a tester)."""
    with pytest.raises(FileWriteError) as refused:
        write_file(tmp_path / "fehlt" / "x.pdf", b"x")
    assert refused.value.message == (
        f"„{tmp_path / 'fehlt' / 'x.pdf'}“ kann nicht geschrieben werden: Den Ordner "
        f"„{tmp_path / 'fehlt'}“ gibt es nicht. Bitte wählen Sie einen vorhandenen Ordner."
    )


def test_a_folder_is_written_whole_or_not_at_all(tmp_path: Path) -> None:
    target = tmp_path / "Offene Daten & <Ü>"
    write_folder(target, {"a.json": b"1", "b/c.pdf": b"2"}, mark="a.json")
    assert (target / "b" / "c.pdf").read_bytes() == b"2"

    with pytest.raises(FolderNotEmptyError, match="nicht leer"):
        write_folder(target, {"a.json": b"3"}, mark="a.json")
    with pytest.raises(FileWriteError, match="außerhalb"):
        write_folder(target, {"a.json": b"3", "../flucht.json": b"4"}, force=True, mark="a.json")

    assert sorted(p.name for p in target.rglob("*")) == ["a.json", "b", "c.pdf"]
    assert [p.name for p in tmp_path.iterdir()] == [target.name]
    write_folder(target, {"a.json": b"3"}, force=True, mark="a.json")
    assert [p.name for p in target.iterdir()] == ["a.json"]


def test_the_current_folder_stays_the_folder_the_export_is_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--out .``: the folder itself was replaced, so the shell in it was left in a deleted
    folder (no files to see, the next command's "." gone); Windows renames no folder a
    program is in at all."""
    target = tmp_path / "oparl"
    target.mkdir()
    monkeypatch.chdir(target)
    write_folder(Path(os.path.abspath(".")), {"a.json": b"1", "b/c.pdf": b"2"}, mark="a.json")
    write_folder(target, {"a.json": b"3", "d.json": b"4"}, force=True, mark="a.json")

    assert sorted(os.listdir(".")) == ["a.json", "d.json"]
    assert Path.cwd() == target and Path("a.json").read_bytes() == b"3"
    assert [p.name for p in tmp_path.iterdir()] == ["oparl"]


def test_a_failed_swap_of_the_current_folder_puts_its_content_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "oparl"
    target.mkdir()
    monkeypatch.chdir(target)
    write_folder(target, {"a.json": b"1", "b/c.pdf": b"2"}, mark="a.json")
    replace = os.replace

    def failing(source, destination) -> None:
        if Path(source).name == "d.json":
            raise OSError(28, "No space left on device")
        replace(source, destination)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(FileWriteError, match="Der Datenträger ist voll"):
        write_folder(target, {"a.json": b"3", "d.json": b"4"}, force=True, mark="a.json")

    assert sorted(p.name for p in target.rglob("*")) == ["a.json", "b", "c.pdf"]
    assert (target / "a.json").read_bytes() == b"1"
    assert [p.name for p in tmp_path.iterdir()] == ["oparl"]


def test_a_folder_of_other_files_is_never_replaced_even_when_forced(tmp_path: Path) -> None:
    documents = tmp_path / "Dokumente"
    documents.mkdir()
    (documents / "Brief an Oma.odt").write_bytes(b"Liebe Oma")

    with pytest.raises(FileWriteError, match="keinen früheren Export") as refused:
        write_folder(documents, {"system.json": b"{}"}, force=True, mark="system.json")

    assert not isinstance(refused.value, FolderNotEmptyError)  # no "--force" offered
    assert [p.name for p in documents.iterdir()] == ["Brief an Oma.odt"]
    assert [p.name for p in tmp_path.iterdir()] == ["Dokumente"]


def test_the_same_bytes_for_two_paths_are_written_once(tmp_path: Path) -> None:
    pdf = b"%PDF-1.7 Protokoll"
    written = write_folder(
        tmp_path / "baum", {"file/a.pdf": pdf, "download/a.pdf": pdf}, mark="file/a.pdf"
    )

    assert written.files == 2 and written.size == len(pdf)
    assert (tmp_path / "baum" / "download" / "a.pdf").read_bytes() == pdf
    assert (tmp_path / "baum" / "file" / "a.pdf").stat().st_nlink == 2


def test_a_file_being_written_beside_by_another_writer_is_left_alone(tmp_path: Path) -> None:
    """Another program (a PC whose process has the same number, on a shared folder) or
    another job of this one is writing its temporary file into the same folder: this write
    goes through and leaves the other's file alone (before, both used one name: this write
    failed with "existiert bereits" and removed the other's half-written file)."""
    others = tmp_path / f".expertenrat-{os.getpid()}.tmp"
    others.write_bytes(b"halb geschrieben")

    write_file(tmp_path / "Mitglieder.csv", b"Name\r\n")

    assert (tmp_path / "Mitglieder.csv").read_bytes() == b"Name\r\n"
    assert others.read_bytes() == b"halb geschrieben"


def test_a_folder_export_being_written_beside_by_another_writer_is_left_alone(
    tmp_path: Path,
) -> None:
    """The same for a folder export (OParl, open data): the other's temporary folder stays."""
    others = tmp_path / f".Export.expertenrat-{os.getpid()}.tmp"
    others.mkdir()
    (others / "a.json").write_bytes(b"halb")

    write_folder(tmp_path / "Export", {"a.json": b"1"}, mark="a.json")

    assert (tmp_path / "Export" / "a.json").read_bytes() == b"1"
    assert (others / "a.json").read_bytes() == b"halb"


def _refusing_replace(monkeypatch: pytest.MonkeyPatch, error: OSError) -> None:
    def refused(source, destination) -> None:
        raise error

    monkeypatch.setattr(os, "replace", refused)


@pytest.mark.parametrize(
    ("error", "advice"),
    [
        # Windows, the PDF still open in Acrobat: "access denied" (found by a tester)
        (PermissionError(13, "Zugriff verweigert"), "noch in einem anderen Programm geöffnet"),
        (OSError(28, "No space left on device"), "Bitte schaffen Sie Platz auf dem Laufwerk"),
        # Windows, a path over 260 characters: "existiert nicht" for the folder just chosen
        (FileNotFoundError(2, "Das System kann den Pfad nicht finden"), "bis zu 2.. Zeichen"),
    ],
)
def test_a_file_that_cannot_be_replaced_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, advice: str
) -> None:
    target = tmp_path / f"Protokoll 3. Sitzung {'x' * (240 - len(str(tmp_path)))}.pdf"
    target.write_bytes(b"open in Acrobat")
    _refusing_replace(monkeypatch, error)

    with pytest.raises(FileWriteError, match=advice) as refused:
        write_file(target, b"new")

    assert refused.value.message.startswith(f"„{target}“ kann nicht geschrieben werden: ")
    assert target.read_bytes() == b"open in Acrobat"
    assert _leftovers(tmp_path) == []


def test_a_folder_holding_a_file_open_elsewhere_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Archiv 2025"
    write_folder(target, {"a.json": b"1"}, mark="a.json")
    _refusing_replace(monkeypatch, PermissionError(13, "Zugriff verweigert"))

    with pytest.raises(FileWriteError, match="eine Datei dieses Ordners noch in einem anderen"):
        write_folder(target, {"a.json": b"2"}, force=True, mark="a.json")

    assert (target / "a.json").read_bytes() == b"1"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_folder_named_near_the_longest_name_allowed_is_written(tmp_path: Path) -> None:
    """Its temporary folder, named after it, was longer than a name may be: "Der Dateiname
    ist zu lang" for a name the folder itself may have (found by a tester)."""
    target = tmp_path / ("Ä" * 120 + "-Archiv")  # 247 bytes of 255

    write_folder(target, {"a.json": b"1"}, mark="a.json")

    assert (target / "a.json").read_bytes() == b"1"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_the_new_content_is_on_the_disk_before_it_takes_the_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PC that dies right after the rename must not leave an empty file under the name
    (found by a tester: only the autosave's own twin of this writer flushed)."""
    done: list[str] = []
    fsync, replace = os.fsync, os.replace
    monkeypatch.setattr(os, "fsync", lambda handle: (done.append("fsync"), fsync(handle))[1])
    monkeypatch.setattr(os, "replace", lambda *paths: (done.append("rename"), replace(*paths))[1])

    write_file(tmp_path / "Sicherung.zip", b"PK")

    assert done == ["fsync", "rename"]


def test_a_folder_export_too_deep_for_windows_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chosen folder's path is short enough; a file inside it is not ("existiert nicht"
    on Windows, found by a tester)."""
    deep = "Sitzung 1 vom 16.01.2025/" + "a" * 200 + ".pdf"
    _refusing_replace(monkeypatch, FileNotFoundError(2, "Das System kann den Pfad nicht finden"))

    with pytest.raises(FileWriteError, match="Ist der Pfad zu lang"):
        write_folder(tmp_path / "Archiv", {"a.json": b"1", deep: b"2"}, mark="a.json")


def test_a_register_open_in_excel_is_named_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Empfehlungsregister.xlsx"
    target.write_bytes(b"PK")
    _refusing_replace(monkeypatch, PermissionError(13, "Zugriff verweigert"))

    with pytest.raises(FileWriteError, match=r"geöffnet \(etwa in Excel\)\?"):
        write_file(target, b"PK new")


def test_an_earlier_export_that_cannot_be_put_back_is_kept_and_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "Archiv 2025"
    write_folder(target, {"a.json": b"earlier"}, mark="a.json")
    replace = os.replace

    def taken(source, destination) -> None:  # the name is held by another program meanwhile
        if Path(destination) == target:
            raise PermissionError(13, "Zugriff verweigert")
        replace(source, destination)

    monkeypatch.setattr(os, "replace", taken)
    with pytest.raises(FileWriteError, match="konnte nicht zurückgelegt werden") as refused:
        write_folder(target, {"a.json": b"new"}, force=True, mark="a.json")

    [kept] = [p for p in tmp_path.iterdir() if p.name.endswith(".old")]
    assert (kept / "a.json").read_bytes() == b"earlier"
    assert refused.value.message.endswith(f"er liegt nun in „{kept}“.")
