"""A database file on a network drive is marked as open on this PC while it is, and another
PC's mark is found (found by a tester: two colleagues opened the file on the shared drive
at once, and neither learnt of the other)."""

from __future__ import annotations

import json

import pytest
from network_share import fake_share, open_on_another_pc

from expertenrat.store.database_opening import Create, open_database
from expertenrat.store.engine import database_url
from expertenrat.store.in_use_marker import marker_path, this_pc


def _shared_file(monkeypatch, tmp_path):
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    open_database(database_url(str(path))).close()
    return path


def test_another_pc_that_has_the_file_open_is_named(monkeypatch, tmp_path):
    path = _shared_file(monkeypatch, tmp_path)
    with open_on_another_pc(path):
        mark = marker_path(path).read_text("utf-8")
        database = open_database(database_url(str(path)))
        try:
            assert database.held_elsewhere is not None
            assert database.held_elsewhere.pc == "PC-SCHULZ"
            assert database.in_use is None
        finally:
            database.close()
        assert marker_path(path).read_text("utf-8") == mark  # the other PC's, kept


def test_a_mark_left_by_a_pc_that_ended_is_taken_over_and_removed_at_close(monkeypatch, tmp_path):
    path = _shared_file(monkeypatch, tmp_path)
    marker_path(path).write_text(
        json.dumps({"pc": "PC-SCHULZ", "user": "schulz", "since": "2026-12-01T08:00:00"}),
        "utf-8",
    )
    database = open_database(database_url(str(path)))
    try:
        assert database.held_elsewhere is None
        assert json.loads(marker_path(path).read_text("utf-8"))["pc"] == this_pc()
    finally:
        database.close()
    assert not marker_path(path).exists()


def test_this_pcs_own_mark_is_no_other_pcs(monkeypatch, tmp_path):
    """The command line beside the window on the same PC."""
    path = _shared_file(monkeypatch, tmp_path)
    with open_on_another_pc(path, this_pc()):
        database = open_database(database_url(str(path)))
        database.close()
    assert database.held_elsewhere is None


def test_files_on_this_pc_and_files_opened_to_read_get_no_mark(monkeypatch, tmp_path):
    local = tmp_path / "lokal.db"
    open_database(database_url(str(local))).close()
    database = open_database(database_url(str(local)))
    assert database.in_use is None and not marker_path(local).exists()
    database.close()
    path = _shared_file(monkeypatch, tmp_path)
    reading = open_database(database_url(str(path)), read_only=True)
    assert reading.in_use is None and not marker_path(path).exists()
    reading.close()


def test_a_second_opening_in_the_same_program_keeps_the_first_ones_mark(monkeypatch, tmp_path):
    path = _shared_file(monkeypatch, tmp_path)
    first = open_database(database_url(str(path)))
    try:
        open_database(database_url(str(path))).close()
        assert marker_path(path).exists()
        with open_on_another_pc(path, expect_held=True):
            pass
    finally:
        first.close()
    assert not marker_path(path).exists()


def test_a_new_file_made_on_the_share_is_marked_as_open_from_its_making(monkeypatch, tmp_path):
    """The welcome page's first council on a file new on the shared drive: the colleague who
    opens it that same day is told (found by a tester: the file's first session had no
    mark, as only a file there already was marked at its opening)."""
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    database = open_database(database_url(str(path)), create=Create.ON_FIRST_WRITE)
    try:
        with database.created_or_nothing(), database.transaction():
            pass
        with open_on_another_pc(path, expect_held=True):
            pass
        # Read last: closing a file of the marker ends this process's lock on it (POSIX).
        assert json.loads(marker_path(path).read_text("utf-8"))["pc"] == this_pc()
    finally:
        database.close()
    assert not marker_path(path).exists()


def test_a_new_file_whose_first_work_fails_goes_with_its_mark_and_folder(monkeypatch, tmp_path):
    path = fake_share(monkeypatch, tmp_path) / "Gremium" / "expertenrat.db"
    database = open_database(database_url(str(path)), create=Create.ON_FIRST_WRITE)
    try:
        with pytest.raises(RuntimeError), database.created_or_nothing(), database.transaction():
            raise RuntimeError("abgebrochen")
        assert not path.parent.exists()
        assert database.in_use is None
    finally:
        database.close()


def test_a_pc_told_of_another_marks_the_file_once_that_one_closed_it(monkeypatch, tmp_path):
    """(found by a tester) The PC told that another had the file open went on unmarked once
    that one closed it, as asked: a third PC that opened the file then was told of none."""
    path = _shared_file(monkeypatch, tmp_path)
    with open_on_another_pc(path):
        database = open_database(database_url(str(path)))
    try:
        assert database.held_elsewhere is not None and database.in_use is None
        with database.transaction():
            pass  # the first save after the other PC closed the file
        assert database.in_use is not None and database.held_elsewhere is None
        with open_on_another_pc(path, expect_held=True):
            pass
    finally:
        database.close()
    assert not marker_path(path).exists()
