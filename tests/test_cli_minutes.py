"""The command line for minutes: `export minutes` (draft or the stored approved bytes) and
`export dossier` (the Sitzungsmappe), on both databases."""

from __future__ import annotations

import hashlib
import io
from datetime import date
from pathlib import Path

import pytest
from cli_runs import run_main as run
from minutes_rows import SECRET, SECRET_GUEST, approve, held_meeting
from pypdf import PdfReader

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.minutes_document import DRAFT_MARK
from expertenrat.services.settings import SettingsService
from expertenrat.store import models


@pytest.fixture
def held(database, today):
    settings = SettingsService(database, "tester")
    council = settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = settings.action_fields(council.id)[0]
    return held_meeting(database, council.id, field.id, today)


@pytest.fixture
def url(database) -> str:
    return database.url.render_as_string(hide_password=False)


def pages(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_export_minutes_writes_a_fresh_draft(capsys, url, held, tmp_path) -> None:
    out_file = tmp_path / "Protokoll.pdf"
    code, out, err = run(capsys, "--database", url, "export", "minutes", "--meeting",
                         str(held.number), "--out", str(out_file))  # fmt: skip
    assert code == 0
    assert "Warnung: TOP 2: Symbole oder Emoji" in err  # the rocket: no font has it
    assert out.strip() == (
        f"Protokoll der {held.number}. Sitzung (Entwurf – noch nicht versandt): {out_file}"
    )
    found = pages(out_file)
    assert all(DRAFT_MARK in page for page in found)
    assert SECRET in " ".join(found)


def test_export_public_minutes_leaves_the_non_public_item_out(capsys, url, held, tmp_path):
    out_file = tmp_path / "öffentlich.pdf"
    code, _, _ = run(capsys, "--database", url, "export", "minutes", "--meeting",
                     str(held.number), "--out", str(out_file), "--public")  # fmt: skip
    assert code == 0
    assert SECRET not in " ".join(" ".join(pages(out_file)).split())


def test_export_public_minutes_warns_of_a_guest_of_the_non_public_part_named_in_a_text(
    capsys, url, held, database, tmp_path
) -> None:
    """The guest stays out of "Gäste", the typed "begrüßt" not (found by a tester)."""
    with database.transaction() as session:
        session.add(
            models.Guest(
                meeting_id=held.meeting_id,
                name="Horst Geheimgast",
                affiliation="Vergabestelle",
                non_public_only=True,
            )
        )
        session.get(models.AgendaItem, held.item_ids[0]).result = "Begrüßt Horst Geheimgast."
    out_file = tmp_path / "öffentlich.pdf"
    code, _, err = run(capsys, "--database", url, "export", "minutes", "--meeting",
                       str(held.number), "--out", str(out_file), "--public")  # fmt: skip
    assert code == 0, err
    assert (
        "Warnung: Im öffentlichen Text von TOP 1 steht der Name des Gastes Horst Geheimgast, "
        "der nur am nichtöffentlichen Teil teilgenommen hat." in " ".join(err.split())
    )


def test_export_public_minutes_warns_of_a_guest_who_presented_only_a_non_public_item(
    capsys, url, held, database, tmp_path
) -> None:
    """The guest presented only the non-public TOP 3 and is not marked: the public minutes
    leave her out of "Gäste" all the same, so a public text naming her is warned of (found
    by review)."""
    with database.transaction() as session:
        session.get(models.AgendaItem, held.item_ids[0]).result = f"Begrüßt {SECRET_GUEST}."
    out_file = tmp_path / "öffentlich.pdf"
    code, _, err = run(capsys, "--database", url, "export", "minutes", "--meeting",
                       str(held.number), "--out", str(out_file), "--public")  # fmt: skip
    assert code == 0, err
    assert (
        f"Warnung: Im öffentlichen Text von TOP 1 steht der Name des Gastes {SECRET_GUEST}, "
        "der nur zu nichtöffentlichen Tagesordnungspunkten vorgetragen hat."
        in " ".join(err.split())
    )


def test_export_minutes_of_approved_minutes_are_the_stored_bytes(
    capsys, url, held, database, tmp_path
) -> None:
    digest = approve(database, held.meeting_id)
    with database.transaction() as session:  # changes after the approval do not show
        session.get(models.Meeting, held.meeting_id).minute_taker = "Nachträglich"
    for flag, column in (((), "sha256"), (("--public",), "public_sha256")):
        out_file = tmp_path / f"genehmigt{column}.pdf"
        code, out, err = run(capsys, "--database", url, "export", "minutes", "--meeting",
                             str(held.number), "--out", str(out_file), *flag)  # fmt: skip
        assert (code, err) == (0, "")
        with database.reading() as session:
            stored = session.query(models.MinutesVersion).one()
            expected = getattr(stored, column)
            assert out_file.read_bytes() == (stored.public_pdf if flag else stored.pdf)
        assert hashlib.sha256(out_file.read_bytes()).hexdigest() == expected
        assert f"(genehmigt am 09.06.2026, SHA-256 {expected}): {out_file}" in out
    assert digest == stored.sha256


def test_export_minutes_names_circulated_minutes_with_date_sent_and_deadline(
    capsys, url, held, database, tmp_path
) -> None:
    with database.transaction() as session:
        session.add(
            models.MinutesVersion(
                meeting_id=held.meeting_id,
                number=1,
                state="circulated",
                circulated_on=date(2026, 6, 1),
                objections_due_on=date(2026, 6, 15),
                content='{"items": []}',
            )
        )
    out_file = tmp_path / "versandt.pdf"
    code, out, _ = run(capsys, "--database", url, "export", "minutes", "--meeting",
                       str(held.number), "--out", str(out_file))  # fmt: skip
    assert code == 0
    assert out.strip() == (
        f"Protokoll der {held.number}. Sitzung (versandt am 01.06.2026, Einwände bis "
        f"15.06.2026 – Fassung 1): {out_file}"
    )
    assert all(DRAFT_MARK in page for page in pages(out_file))  # still not approved


def test_export_dossier_holds_invitation_minutes_and_annexes(capsys, url, held, tmp_path):
    out_file = tmp_path / "Mappe.pdf"
    code, out, err = run(capsys, "--database", url, "export", "dossier", "--meeting",
                         str(held.number), "--out", str(out_file))  # fmt: skip
    assert code == 0 and "Symbole oder Emoji" in err
    # "keine Anlagen" as the cover says it, not "0 Anlagen" (found by a tester)
    assert "Sitzungsmappe der 1. Sitzung (Deckblatt, Einladung, Protokoll, keine Anlagen)" in out
    reader = PdfReader(io.BytesIO(out_file.read_bytes()))
    # Dated as its parts are (an archive files it by that; found by a tester)
    assert reader.metadata.creation_date is not None and reader.metadata.modification_date
    assert [e.title for e in reader.outline if not isinstance(e, list)][:3] == [
        "Deckblatt",
        "Einladung",
        "Protokoll der 1. Sitzung",
    ]


def test_export_dossier_public_holds_the_public_minutes_and_public_annexes(
    capsys, url, held, database, tmp_path
) -> None:
    from expertenrat.services.annexes import AnnexesService

    annexes = AnnexesService(database, "tester")
    annexes.add(held.meeting_id, "Intern.pdf", _pdf(), public=False)
    out_file = tmp_path / "Mappe öffentlich.pdf"
    code, out, err = run(capsys, "--database", url, "export", "dossier", "--meeting",
                         str(held.number), "--public", "--out", str(out_file))  # fmt: skip
    assert code == 0, err
    assert out.strip().endswith("öffentliches Protokoll, keine öffentlichen Anlagen): "
                                f"{out_file}")  # fmt: skip
    annexes.add(held.meeting_id, "Plan.pdf", _pdf())
    code, out, err = run(capsys, "--database", url, "export", "dossier", "--meeting",
                         str(held.number), "--public", "--out", str(out_file))  # fmt: skip
    assert code == 0, err
    assert out.strip() == (
        "Öffentliche Sitzungsmappe der 1. Sitzung (Deckblatt, Einladung, öffentliches Protokoll, "
        f"1 öffentliche Anlage): {out_file}"
    )
    reader = PdfReader(io.BytesIO(out_file.read_bytes()))
    assert [e.title for e in reader.outline if not isinstance(e, list)] == [
        "Deckblatt",
        "Einladung",
        "Protokoll der 1. Sitzung (öffentliche Fassung)",
        "Anlage 2: Plan",  # as the full Mappe numbers it
    ]
    assert "Straßenbeleuchtung" not in " ".join(pages(out_file))


def _pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    canvas.drawString(72, 720, "Anlage")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_unknown_or_not_held_meeting_is_exit_1_with_a_german_message(
    capsys, url, held, database, tmp_path
) -> None:
    out_file = tmp_path / "x.pdf"
    code, out, err = run(capsys, "--database", url, "export", "minutes", "--meeting", "99",
                         "--out", str(out_file))  # fmt: skip
    assert code == 1 and out == ""
    assert "Eine 99. Sitzung gibt es in diesem Gremium nicht. Vorhanden: 1." in err
    with database.transaction() as session:
        session.get(models.Meeting, held.meeting_id).state = "invited"
    code, out, err = run(capsys, "--database", url, "export", "minutes", "--meeting", "1",
                         "--out", str(out_file))  # fmt: skip
    assert code == 1
    assert (
        "Ein Protokoll gibt es nur für durchgeführte Sitzungen. Die 1. Sitzung ist eingeladen"
        in err
    )
    assert not out_file.exists()
    # The Sitzungsmappe of a meeting still to come: cover, invitation with the agenda, annexes.
    code, out, err = run(capsys, "--database", url, "export", "dossier", "--meeting", "1",
                         "--out", str(out_file))  # fmt: skip
    assert code == 0
    assert out.startswith(
        "Sitzungsmappe der 1. Sitzung vor der Sitzung (Deckblatt, Einladung mit Tagesordnung, "
        "keine Anlagen): "
    )
    reader = PdfReader(io.BytesIO(out_file.read_bytes()))
    assert [e.title for e in reader.outline] == ["Deckblatt", "Einladung mit Tagesordnung"]


def test_damaged_approved_minutes_are_exit_1_and_nothing_is_written(
    capsys, url, held, database, tmp_path
) -> None:
    approve(database, held.meeting_id)
    with database.transaction() as session:
        version = session.query(models.MinutesVersion).one()
        version.pdf, version.public_pdf = version.pdf[:1000], version.public_pdf[:1000]
    out_file = tmp_path / "x.pdf"
    for what, flag, says in (
        ("minutes", (), "Das genehmigte Protokoll der 1. Sitzung"),
        ("minutes", ("--public",), "Die öffentliche Fassung des genehmigten Protokolls"),
        ("dossier", (), "Das genehmigte Protokoll der 1. Sitzung"),
    ):
        code, out, err = run(capsys, "--database", url, "export", what, "--meeting", "1",
                             "--out", str(out_file), *flag)  # fmt: skip
        assert (code, out) == (1, "")
        assert says in err and "Sicherung wieder her" in err
        assert "erneut hinzu" not in err and "SHA-256 " not in out
        assert not out_file.exists()


def test_export_dossier_with_a_damaged_annex_writes_it_whole_and_warns(
    capsys, url, held, database, tmp_path
) -> None:
    """(found by review) One damaged annex was exit 1 and no Mappe at all; now the Mappe
    is written with a page in its place, exit 0, and stderr says which annex is missing."""
    from expertenrat.services.annexes import AnnexesService

    annexes = AnnexesService(database, "tester")
    good = _pdf()
    broken = annexes.add(held.meeting_id, "Haushalt.pdf", good)
    with database.transaction() as session:
        session.get(models.StoredFile, broken.id).content = good[:200]
    out_file = tmp_path / "Mappe.pdf"

    code, out, err = run(capsys, "--database", url, "export", "dossier", "--meeting",
                         str(held.number), "--out", str(out_file))  # fmt: skip

    assert code == 0, err
    assert out.strip().endswith(f"(Deckblatt, Einladung, Protokoll, 1 Anlage): {out_file}")
    assert (
        "expertenrat: Warnung: Anlage 1 „Haushalt“ konnte nicht eingefügt werden: die Datei "
        "ist beschädigt. Die Sitzungsmappe enthält an ihrer Stelle eine Hinweisseite "
        "(Datei „Haushalt.pdf“)."
    ) in err
    assert "die Datei ist beschädigt" in " ".join(pages(out_file)[-1].split())
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".pdf")] == ["Mappe.pdf"]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]  # written whole
