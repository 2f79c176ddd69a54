"""The open-data exports on the command line: what they write and what they refuse."""

from __future__ import annotations

import pytest

from expertenrat.__main__ import main

BASE = "https://daten.example.de/oparl/v1"


def oparl(database, folder, *extra: str, base: str = BASE) -> int:
    return main(["--database", str(database), "export", "oparl", "--out", str(folder),
                 "--base-url", base, *extra])  # fmt: skip


def test_export_oparl_writes_the_tree_and_says_how_much(capsys, demo_file, tmp_path):
    folder = tmp_path / "oparl"

    assert oparl(demo_file, folder) == 0

    out = capsys.readouterr().out
    assert out.startswith("OParl-Export: ") and "Dateien" in out and str(folder) in out
    assert (folder / "system.json").is_file() and (folder / "README-Webserver.txt").is_file()
    assert not [p for p in tmp_path.iterdir() if p.name != "oparl" and p.name.startswith(".")]


@pytest.mark.parametrize(
    ("base", "says"),
    [
        ("http://daten.example.de/oparl/v1", "muss mit https:// beginnen"),
        ("https://daten.example.de/oparl/v1?format=json", "keine Abfrage"),
        ("https://daten.example.de/oparl/v1#oben", "keinen Anker"),
        ("daten.example.de/oparl", "muss mit https:// beginnen"),
        ('https://x.de/o"<>', 'nicht stehen dürfen: „"“, „<“, „>“'),
        ("https://user:pw@x.de/o", "darf keinen Benutzernamen und kein Passwort enthalten"),
        ("https://x.de:99999/o", "nennt den Port 99999"),
    ],
)
def test_a_base_url_oparl_cannot_use_is_refused(capsys, demo_file, tmp_path, base, says):
    folder = tmp_path / "oparl"

    with pytest.raises(SystemExit) as stopped:
        oparl(demo_file, folder, base=base)

    assert stopped.value.code != 0
    assert says in capsys.readouterr().err
    assert not folder.exists()


def test_a_folder_that_is_not_empty_is_kept_unless_forced(capsys, demo_file, tmp_path):
    folder = tmp_path / "oparl"
    assert oparl(demo_file, folder) == 0  # an earlier export
    (folder / "alt.txt").write_text("bleibt", "utf-8")
    capsys.readouterr()

    assert oparl(demo_file, folder) == 1
    err = capsys.readouterr().err
    assert "ist nicht leer" in err and "--force" in err
    assert (folder / "alt.txt").is_file()

    assert oparl(demo_file, folder, "--force") == 0
    assert not (folder / "alt.txt").exists() and (folder / "system.json").is_file()


def test_a_folder_of_other_files_is_not_replaced_even_with_force(capsys, demo_file, tmp_path):
    (tmp_path / "Brief.odt").write_text("Liebe Oma", "utf-8")

    assert oparl(demo_file, tmp_path, "--force") == 1

    err = capsys.readouterr().err
    assert "keinen früheren Export" in err and "--force" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Brief.odt", "expertenrat.db"]


def test_export_opendata_writes_csv_and_data_package(capsys, demo_file, tmp_path):
    folder = tmp_path / "offen"

    code = main(["--database", str(demo_file), "export", "opendata", "--out", str(folder)])

    assert code == 0 and capsys.readouterr().out.startswith("Offene Daten: 3 Dateien")
    assert sorted(p.name for p in folder.iterdir()) == [
        "datapackage.json",
        "empfehlungen.csv",
        "sitzungen.csv",
    ]
    assert main(["--database", str(demo_file), "export", "opendata", "--out", str(folder)]) == 1
    assert "--force" in capsys.readouterr().err


def test_export_oparl_refuses_damaged_approved_minutes(capsys, demo_file, tmp_path):
    import sqlite3

    with sqlite3.connect(demo_file) as connection:
        connection.execute(
            "update minutes_versions set public_pdf = substr(public_pdf, 1, 1000) "
            "where id = (select min(id) from minutes_versions where state = 'approved')"
        )
    folder = tmp_path / "oparl"

    assert oparl(demo_file, folder) == 1

    captured = capsys.readouterr()
    assert captured.out == "" and "Traceback" not in captured.err
    assert "Die öffentliche Fassung des genehmigten Protokolls der 1. Sitzung" in captured.err
    assert "ist in der Datenbank beschädigt" in captured.err
    assert not folder.exists()


def test_export_oparl_warns_of_published_minutes_that_name_a_member_who_withdrew(
    capsys, demo_file, tmp_path, today
):
    """(found by a tester) The chair, named in the demo's typed TOP 1 texts, withdraws the
    consent to the publication of the name after the minutes were approved."""
    from dataclasses import replace

    from expertenrat.domain.enums import MemberRole
    from expertenrat.services.context import Services
    from expertenrat.store.database_opening import open_database
    from expertenrat.store.engine import database_url

    database = open_database(database_url(str(demo_file)))
    try:
        services = Services.create(database, "Test")
        council_id = services.settings.councils()[0].id
        chair = next(m for m in services.members.members(council_id) if m.role is MemberRole.CHAIR)
        services.members.save(
            council_id, replace(chair, publish_name=False, publish_name_on=None), today
        )
    finally:
        database.close()

    assert oparl(demo_file, tmp_path / "oparl") == 0

    captured = capsys.readouterr()
    assert captured.out.startswith("OParl-Export: ")
    first = captured.err.splitlines()[0]
    assert first.startswith("expertenrat: Warnung: Protokoll der 1. Sitzung am ")
    assert first.endswith(
        "(Smart City Expert*innenrat): Im öffentlichen Text von TOP 1 steht der Name von "
        f"{chair.full_name}, der nicht genannt werden darf."
    )


def test_both_exports_warn_of_a_published_recommendation_naming_a_member_without_consent(
    capsys, demo_file, tmp_path
):
    """(found by a tester) The demo's Ödön Pál has not agreed to the publication of the
    name; a recommendation's text naming him went out in both exports without a word."""
    import sqlite3

    with sqlite3.connect(demo_file) as connection:
        connection.execute(
            "update recommendations set text = text || ' Herr Pál übernimmt die Prüfung.' "
            "where code = 'E-2025-01'"
        )
    connection.close()
    warning = (
        "expertenrat: Warnung: Empfehlung E-2025-01 (Smart City Expert*innenrat): Im "
        "veröffentlichten Titel oder Wortlaut steht der Name von Ödön Pál, der nicht genannt "
        "werden darf."
    )

    assert oparl(demo_file, tmp_path / "oparl") == 0
    assert warning in capsys.readouterr().err.splitlines()
    code = main(["--database", str(demo_file), "export", "opendata", "--out", str(tmp_path / "o")])
    captured = capsys.readouterr()
    assert code == 0 and captured.out.startswith("Offene Daten: 3 Dateien")
    assert captured.err.splitlines() == [warning]


def test_export_oparl_warns_of_a_public_agenda_title_naming_a_member_without_consent(
    capsys, demo_file, tmp_path
):
    """(found by a tester) The invited 7. Sitzung's public agenda goes out before its
    minutes exist; a title naming Ödön Pál (no consent to the name) went without a word."""
    import sqlite3

    with sqlite3.connect(demo_file) as connection:
        connection.execute(
            "update agenda_items set title = 'Bericht von Herrn Pál' where id = (select min(a.id)"
            " from agenda_items a join meetings m on m.id = a.meeting_id where m.number = 7"
            " and a.public and a.deleted_at is null and m.council_id = (select min(id) from"
            " councils))"
        )
    connection.close()

    assert oparl(demo_file, tmp_path / "oparl") == 0

    (warning,) = [
        line
        for line in capsys.readouterr().err.splitlines()
        if line.startswith("expertenrat: Warnung: Tagesordnung der 7. Sitzung am ")
    ]
    assert warning.endswith(
        "(Smart City Expert*innenrat): Im öffentlichen Text von TOP 1 steht der Name von "
        "Ödön Pál, der nicht genannt werden darf."
    )
