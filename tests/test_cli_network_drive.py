"""The command line on a database file on a network drive: a warning that only one PC at a
time may work with it, and the way to a server (found by a tester: a secretariat keeps its
files on the city's shared drive)."""

from __future__ import annotations

from cli_runs import run_main as run
from network_share import fake_share, open_on_another_pc


def test_a_command_on_a_shared_file_warns_that_one_pc_at_a_time_may_use_it(
    capsys, monkeypatch, tmp_path
):
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    code, _out, err = run(capsys, "--database", str(path), "demo", "--councils", "1")
    assert code == 0, err
    assert "Traceback" not in err
    [warning] = [line for line in err.splitlines() if "Netzlaufwerk" in line]
    assert warning.startswith("expertenrat: Warnung: Die Datenbank „")
    assert "immer nur ein PC zur selben Zeit" in warning
    assert "expertenrat move-to-server postgresql://" in warning
    assert not path.with_name("expertenrat.db-wal").exists()


def test_a_command_on_a_file_of_this_pc_gives_no_such_warning(capsys, tmp_path):
    code, _out, err = run(capsys, "--database", str(tmp_path / "expertenrat.db"), "demo")
    assert code == 0, err
    assert "Netzlaufwerk" not in err


def test_the_move_to_a_server_does_not_advise_itself(capsys, monkeypatch, tmp_path):
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    assert run(capsys, "--database", str(path), "demo", "--councils", "1")[0] == 0
    closed = "postgresql://expertenrat@127.0.0.1:1/expertenrat"  # nothing listens there
    code, _out, err = run(capsys, "--database", str(path), "move-to-server", closed, "--yes")
    assert code == 1
    assert "nicht erreichbar" in err
    assert "Netzlaufwerk" not in err


def test_a_command_on_a_file_another_pc_has_open_says_so(capsys, monkeypatch, tmp_path):
    path = fake_share(monkeypatch, tmp_path) / "expertenrat.db"
    assert run(capsys, "--database", str(path), "demo", "--councils", "1")[0] == 0
    with open_on_another_pc(path):
        code, out, err = run(
            capsys, "--database", str(path), "export", "reminders", "--out", str(tmp_path / "e"),
            "--council", "1",
        )  # fmt: skip
    assert code == 0, err
    assert out
    [warning] = [line for line in err.splitlines() if "PC-SCHULZ" in line]
    assert "ist gerade auch auf dem PC „PC-SCHULZ“ geöffnet" in warning
