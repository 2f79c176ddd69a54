"""The public annexes of a meeting in the OParl export: Files of the Meeting
(``auxiliaryFile``) with their bytes beside them; non-public annexes never."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from dossier_pdfs import small_pdf
from sqlalchemy import select
from test_oparl_export import exported

from expertenrat.services.context import Services
from expertenrat.store import models
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

BASE = "https://daten.example.de/oparl/v1"


@pytest.fixture
def services(demo_file) -> Iterator[Services]:
    db = open_database(database_url(str(demo_file)))
    yield Services.create(db, "Frau Schulz")
    db.close()


def meeting_ids(services: Services) -> dict[str, int]:
    """The first council's meetings by state ("held": the last held one), as ids."""
    council_id = services.settings.councils()[0].id
    found = {}
    for meeting in services.meetings.list(council_id):
        found[meeting.state.value] = found.get(meeting.state.value) or meeting.id
        if meeting.state.value == "held":
            found["held"] = meeting.id
    return found


def public_id(services: Services, annex_id: int) -> str:
    with services.database.reading() as session:
        return session.scalar(
            select(models.StoredFile.public_id).where(models.StoredFile.id == annex_id)
        )


def test_public_annexes_are_files_of_their_meeting_and_others_never(services, tmp_path):
    """(found by review) The annexes marked "öffentlich" did not go out with their meeting."""
    meetings = meeting_ids(services)
    annexes = services.annexes
    held = meetings["held"]
    secret = annexes.add(held, "Kalkulation.pdf", small_pdf("Kalkulation"), public=False)
    content = small_pdf("Lageplan")
    plan = annexes.add(held, "Lageplan Süd.pdf", content)
    invited = annexes.add(meetings["invited"], "Vorlage.pdf", small_pdf("Vorlage"))
    planned = annexes.add(meetings["planned"], "Entwurf.pdf", small_pdf("Entwurf"))
    removed = annexes.add(held, "Alt.pdf", small_pdf("Alt"))
    annexes.remove(held, removed)
    folder = tmp_path / "oparl"

    walk = exported(services, folder)

    with services.database.reading() as session:
        held_key = session.get(models.Meeting, held).public_id
    meeting = walk.objects[f"{BASE}/meeting/{held_key}.json"]
    files = meeting["auxiliaryFile"]
    # numbered as the full minutes list it (found by a tester: the public annexes were
    # numbered anew, so "Anlage 3" of the minutes went out as "Anlage 2")
    numbered = next(a.number for a in annexes.annexes(held) if a.id == plan.id)
    assert numbered == len(files) + 1  # the non-public one before it keeps its number
    plan_key = public_id(services, plan.id)
    mine = [f for f in files if f["id"] == f"{BASE}/file/{plan_key}.json"]
    assert [f["name"] for f in mine] == [
        f"Anlage {numbered}: Lageplan Süd – {meeting['name']}, {meeting['start'][8:10]}."
        f"{meeting['start'][5:7]}.{meeting['start'][:4]}"
    ]
    file = mine[0]
    assert file["fileName"] == "Lageplan Süd.pdf"
    assert file["accessUrl"] == f"{BASE}/file/{plan_key}/Lageplan%20S%C3%BCd.pdf"
    assert file["downloadUrl"] == f"{BASE}/download/{plan_key}/Lageplan%20S%C3%BCd.pdf"
    assert file["meeting"] == [meeting["id"]]
    stored = (folder / "file" / plan_key / "Lageplan Süd.pdf").read_bytes()
    assert stored == (folder / "download" / plan_key / "Lageplan Süd.pdf").read_bytes()
    assert stored == content
    assert walk.objects[file["id"]] == file  # in the body's list of files too
    assert public_id(services, invited.id) in {
        f["id"].rsplit("/", 1)[-1].removesuffix(".json") for f in walk.of_type("File")
    }
    for kept in (secret, planned, removed):
        key = public_id(services, kept.id)
        assert not list(folder.rglob(f"*{key}*")), kept.name
        assert key not in "".join(p.read_text("utf-8") for p in folder.rglob("*.json"))


def test_an_annex_made_non_public_stays_as_a_tombstone(services, tmp_path):
    held = meeting_ids(services)["held"]
    plan = services.annexes.add(held, "Lageplan.pdf", small_pdf("Lageplan"))
    folder = tmp_path / "oparl"
    exported(services, folder)
    key = public_id(services, plan.id)
    assert (folder / "file" / key / "Lageplan.pdf").is_file()

    services.annexes.update(held, services.annexes.annexes(held)[-1], "Lageplan", public=False)
    walk = exported(services, folder, again=True)

    assert walk.objects[f"{BASE}/file/{key}.json"]["deleted"] is True
    assert not (folder / "file" / key).exists()


def test_an_annex_damaged_in_the_database_is_not_published(services, tmp_path):
    """The public gets an annex's file as it was added or not at all; the next annex keeps
    its number, as the public minutes list it."""
    held = meeting_ids(services)["held"]
    good = small_pdf("Haushalt")
    broken = services.annexes.add(held, "Haushalt.pdf", good)
    services.annexes.add(held, "Karte.pdf", small_pdf("Karte"))
    with services.database.transaction() as session:
        session.get(models.StoredFile, broken.id).content = good[:300]
        held_key = session.get(models.Meeting, held).public_id

    walk = exported(services, tmp_path / "oparl")

    key = public_id(services, broken.id)
    assert not list((tmp_path / "oparl").rglob(f"*{key}*"))
    names = [f["name"] for f in walk.objects[f"{BASE}/meeting/{held_key}.json"]["auxiliaryFile"]]
    assert names[-1].startswith(f"Anlage {len(names) + 1}: Karte – ")
