"""The OParl export of the demo, walked like a client, and its public-data rules."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from oparl_client import SCHEMA, OParlClient, Walk
from pypdf import PdfReader
from sqlalchemy import select

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.elections import Candidate, Election
from expertenrat.domain.enums import (
    AttendanceStatus,
    MeetingState,
    RecommendationStatus,
    VoteMode,
)
from expertenrat.domain.file_formats import RegisterFileFormat
from expertenrat.domain.members import Member
from expertenrat.domain.votes import VoteDraft
from expertenrat.domain.written_procedures import WrittenVote
from expertenrat.services.context import Services
from expertenrat.store import models
from expertenrat.store.database import Database
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url

BASE = "https://daten.example.de/oparl/v1"
TODAY = date(2026, 11, 27)
HOSTILE = "Zoë <b>&</b> „Ünß“ 😀"


@pytest.fixture
def services(demo_file) -> Iterator[Services]:
    db = open_database(database_url(str(demo_file)))
    yield Services.create(db, "Frau Schulz")
    db.close()


def exported(services: Services, folder: Path, *, again: bool = False) -> Walk:
    """The export into ``folder`` walked like a client; ``again``: replacing an export."""
    services.oparl_export.export(folder, BASE, force=again)
    client = OParlClient(folder, BASE)
    walk = client.run()
    assert walk.problems == []
    assert client.unread_files() == []
    return walk


def all_text(folder: Path) -> str:
    return "\n".join(p.read_text("utf-8") for p in folder.rglob("*.json"))


def public_ids(database: Database, model, *conditions) -> set[str]:
    with database.reading() as session:
        return set(session.scalars(select(model.public_id).where(*conditions)))


def test_a_client_walks_the_demo_export_and_finds_every_object_valid(services, tmp_path):
    walk = exported(services, tmp_path / "oparl")

    counts = {kind: len(ids) for kind, ids in walk.by_type.items()}
    assert counts["Body"] == 2  # Rostock, and the Lübeck Beirat started from a settings file
    bodies = walk.of_type("Body")
    assert {b["classification"] for b in bodies} == {"Expert*innenrat", "Beirat"}
    assert all(b["shortName"] for b in bodies)
    for kind in ("Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper"):
        assert counts[kind] > 0, kind
    assert counts["Consultation"] > 0 and counts["File"] > 0 and counts["LegislativeTerm"] > 0
    consented = public_ids(services.database, models.Person, models.Person.publish_name)
    persons = {p["id"] for p in walk.of_type("Person") if not p.get("deleted")}
    assert persons == {f"{BASE}/person/{key}.json" for key in consented}
    minutes = [m["resultsProtocol"] for m in walk.of_type("Meeting") if "resultsProtocol" in m]
    assert minutes and all(f["mimeType"] == "application/pdf" for f in minutes)
    retired = [f for f in walk.of_type("File") if f.get("deleted")]  # held: invitation retired
    held = [m for m in walk.of_type("Meeting") if m.get("meetingState") == "durchgeführt"]
    assert len(retired) >= len(held) and not any("invitation" in m for m in held)


def test_ids_and_contents_are_the_same_in_two_exports(services, tmp_path):
    first = exported(services, tmp_path / "eins")
    second = exported(services, tmp_path / "zwei")

    assert set(first.objects) == set(second.objects)
    assert first.objects == second.objects  # the invitation PDFs too: reproducible bytes


def test_a_re_export_takes_unchanged_invitations_from_the_folder(services, tmp_path):
    folder = tmp_path / "oparl"
    meeting = next(m for m in exported(services, folder).of_type("Meeting") if "invitation" in m)
    pdf = folder / meeting["invitation"]["accessUrl"].removeprefix(BASE + "/")
    pdf.write_bytes(pdf.read_bytes() + b"%unchanged\n")  # what a fresh rendering lacks

    exported(services, folder, again=True)
    assert pdf.read_bytes().endswith(b"%unchanged\n")  # taken from the previous export

    with services.database.transaction() as session:
        key = meeting["id"].removeprefix(f"{BASE}/meeting/").removesuffix(".json")
        row = session.scalars(select(models.Meeting).where(models.Meeting.public_id == key)).one()
        row.place = f"{HOSTILE} Rathaus"
    walk = exported(services, folder, again=True)

    again = pdf.read_bytes()
    assert not again.endswith(b"%unchanged\n")  # rendered anew: the place changed
    assert "Rathaus" in " ".join(page.extract_text() for page in PdfReader(io.BytesIO(again)).pages)
    assert walk.objects[meeting["id"]]["invitation"]["size"] == len(again)


def test_a_re_export_draws_an_invitation_the_folder_holds_cut_off_anew(services, tmp_path):
    """The digest sits in the PDF's keywords, near its end: a file cut off after it (a sync
    broken off) carried the mark but was no whole PDF, and was published again as it was."""
    folder = tmp_path / "oparl"
    meeting = next(m for m in exported(services, folder).of_type("Meeting") if "invitation" in m)
    pdf = folder / meeting["invitation"]["accessUrl"].removeprefix(BASE + "/")
    whole = pdf.read_bytes()
    cut = whole[: whole.index(b"oparl-") + 200]
    pdf.write_bytes(cut)

    walk = exported(services, folder, again=True)

    assert pdf.read_bytes() == whole
    assert walk.objects[meeting["id"]]["invitation"]["size"] == len(whole)


def test_a_deleted_meeting_stays_as_a_tombstone_with_its_public_items(services, tmp_path):
    before = exported(services, tmp_path / "vorher")
    with services.database.reading() as session:
        row = session.scalars(
            select(models.Meeting)
            .where(models.Meeting.state == "planned")
            .order_by(models.Meeting.starts_at)
        ).first()
        key, version = row.public_id, row.version
        items = {i.public_id for i in session.scalars(
            select(models.AgendaItem).where(
                models.AgendaItem.meeting_id == row.id, models.AgendaItem.public
            )
        )}  # fmt: skip
    url = f"{BASE}/meeting/{key}.json"

    services.meetings.delete(row.id, version)
    after = exported(services, tmp_path / "nachher")

    tombstone = after.objects[url]
    assert tombstone["deleted"] is True and "name" not in tombstone
    assert tombstone["modified"] >= before.objects[url]["modified"]
    for item in items:
        assert after.objects[f"{BASE}/agenda-item/{item}.json"]["deleted"] is True


def test_what_an_earlier_export_published_and_is_gone_now_stays_as_a_tombstone(services, tmp_path):
    folder = tmp_path / "oparl"
    council_id = services.settings.councils()[0].id
    field = services.settings.action_fields(council_id)[0].id
    new = Member(
        None, HOSTILE, "Kurzzeit", email="kurz@example.org", term_start=date(2026, 1, 1),
        primary_field_id=field,
        publish_name=True, publish_name_on=date(2026, 1, 1), publish_contact=True,
        publish_contact_on=date(2026, 1, 1),
    )  # fmt: skip
    services.members.save(council_id, new, TODAY)
    member = next(m for m in services.members.members(council_id) if m.family_name == "Kurzzeit")
    person_url = f"{BASE}/person/{public_id_of(services, member)}.json"
    before = exported(services, folder)
    item = next(i for i in before.of_type("AgendaItem") if i.get("expertenrat:votesYes"))
    assert before.objects[person_url]["familyName"] == "Kurzzeit"
    memberships = {m["id"] for m in before.objects[person_url]["membership"]}

    services.members.delete(member)  # outright: the person appears nowhere else
    with services.database.transaction() as session:
        key = item["id"].removeprefix(f"{BASE}/agenda-item/").removesuffix(".json")
        row = session.scalars(select(models.AgendaItem).where(models.AgendaItem.public_id == key))
        row.one().public = False
    after = exported(services, folder, again=True)

    head = {"id", "type", "created", "modified", "deleted"}
    for url, kind in [(person_url, "Person"), (item["id"], "AgendaItem")] + [
        (m, "Membership") for m in memberships
    ]:
        stone = after.objects[url]
        assert set(stone) == head and stone["deleted"] is True, url
        assert (
            stone["type"] == f"{SCHEMA}{kind}"
            and stone["created"] == before.objects[url]["created"]
        )
        assert stone["modified"] >= before.objects[url]["modified"]
    text = all_text(folder)
    assert "Kurzzeit" not in text and "kurz@example.org" not in text
    assert all(
        item["id"] not in [i["id"] for i in m["agendaItem"]]
        for m in after.of_type("Meeting")
        if "agendaItem" in m
    )

    again = exported(services, folder, again=True)
    assert again.objects == after.objects  # a tombstone stays as it was


def test_a_damaged_file_of_the_earlier_export_does_not_stop_the_next(services, tmp_path):
    """Files of the folder's export are read for tombstones; one that is no JSON or
    nested too deep for the parser is not believed (before: a traceback)."""
    folder = tmp_path / "oparl"
    exported(services, folder)
    damaged = folder / "person" / "00000000-0000-4000-8000-000000000000.json"
    damaged.write_text("[" * 100_000 + "]" * 100_000, encoding="ascii")
    (folder / "person" / "00000000-0000-4000-8000-000000000001.json").write_text("{", "ascii")

    exported(services, folder, again=True)

    assert not damaged.exists()


def test_personal_data_goes_out_only_with_consent(services, tmp_path):
    council_id = services.settings.councils()[0].id
    field = services.settings.action_fields(council_id)[0].id
    combinations = {"keine": (False, False), "kontakt": (False, True), "name": (True, False),
                    "beides": (True, True)}  # fmt: skip
    for tag, (name, contact) in combinations.items():
        services.members.save(
            council_id,
            Member(
                None, f"{HOSTILE} {tag}", f"Prüfling-{tag}", email=f"{tag}@example.org",
                phone=f"0381-{tag}", term_start=date(2026, 1, 1), primary_field_id=field,
                publish_name=name, publish_name_on=date(2026, 1, 1) if name else None,
                publish_contact=contact, publish_contact_on=date(2026, 1, 1) if contact else None,
            ),
            TODAY,
        )  # fmt: skip
    withdrawn = next(m for m in services.members.members(council_id) if m.publish_name)
    services.members.save(
        council_id, replace(withdrawn, publish_name=False, publish_name_on=TODAY), TODAY
    )

    walk = exported(services, tmp_path / "oparl")
    text = all_text(tmp_path / "oparl")

    for tag in ("keine", "kontakt"):
        assert f"Prüfling-{tag}" not in text and f"{tag}@example.org" not in text
        assert f"0381-{tag}" not in text
    assert "name@example.org" not in text and "0381-name" not in text
    named = {p["familyName"]: p for p in walk.of_type("Person") if not p.get("deleted")}
    assert named["Prüfling-name"]["givenName"] == f"{HOSTILE} name"
    assert "email" not in named["Prüfling-name"] and "phone" not in named["Prüfling-name"]
    assert named["Prüfling-beides"]["email"] == ["beides@example.org"]
    assert named["Prüfling-beides"]["phone"] == ["0381-beides"]
    assert withdrawn.family_name not in text and withdrawn.email not in text
    gone = walk.objects[f"{BASE}/person/{public_id_of(services, withdrawn)}.json"]
    assert gone["deleted"] is True and set(gone) == {"id", "type", "created", "modified", "deleted"}
    ended = [m for m in walk.of_type("Membership") if m.get("deleted")]
    assert ended and all(m["modified"] == gone["modified"] for m in ended)


def public_id_of(services: Services, member: Member) -> str:
    with services.database.reading() as session:
        return session.get(models.Person, member.person_id).public_id


def test_non_public_items_and_drafts_stay_out(services, tmp_path):
    folder = tmp_path / "oparl"
    walk = exported(services, folder)
    text = all_text(folder)
    database = services.database
    hidden_items = public_ids(database, models.AgendaItem, models.AgendaItem.public.is_(False))
    drafts = public_ids(database, models.Recommendation, models.Recommendation.status == "draft")
    with database.reading() as session:
        titles = set(
            session.scalars(
                select(models.AgendaItem.title).where(models.AgendaItem.public.is_(False))
            )
        )
    assert hidden_items and all(key not in text for key in hidden_items)
    assert all(key not in text for key in drafts)
    assert all(item["public"] is True for item in walk.of_type("AgendaItem") if "public" in item)
    invitations = [m["invitation"] for m in walk.of_type("Meeting") if "invitation" in m]
    assert invitations
    for invitation in invitations:
        pdf = (folder / invitation["accessUrl"].removeprefix(BASE + "/")).read_bytes()
        printed = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        assert not any(title in printed for title in titles if title not in public_titles(walk))


def test_an_item_under_a_non_public_item_stays_out_whatever_its_own_mark(services, tmp_path):
    """The agenda, invitation and minutes treat a sub-item of a non-public item as
    non-public; the export published it (number 7.1, name and all) where its own mark
    said public, and with it what was adopted in it (found by a tester)."""
    council = services.settings.councils()[0].id
    planned = [m for m in services.meetings.list(council) if m.state is MeetingState.PLANNED]
    meeting = planned[-1].id
    agenda = services.agenda.add(meeting, AgendaItem(0, "Vergabe Rechenzentrum", public=False))
    parent = next(i for i in agenda.items if i.title == "Vergabe Rechenzentrum")
    agenda = services.agenda.add(meeting, AgendaItem(0, "Angebot Firma X", public=True), parent.key)
    child = next(i for i in agenda.items if i.title == "Angebot Firma X")
    assert child.public  # its own mark
    key = public_ids(services.database, models.AgendaItem, models.AgendaItem.id == child.key)

    folder = tmp_path / "oparl"
    walk = exported(services, folder)

    text = all_text(folder)
    assert key and not any(k in text for k in key)
    assert "Angebot Firma X" not in text and "Vergabe Rechenzentrum" not in text
    assert "Angebot Firma X" not in public_titles(walk)


def public_titles(walk: Walk) -> set[str]:
    return {item["name"] for item in walk.of_type("AgendaItem") if "name" in item}


def test_vendor_fields_carry_votes_and_response_status(services, tmp_path):
    walk = exported(services, tmp_path / "oparl")

    voted = [i for i in walk.of_type("AgendaItem") if "expertenrat:votesYes" in i]
    assert voted and all(isinstance(i["expertenrat:votesYes"], int) for i in voted)
    assert all("expertenrat:votesRecused" in i for i in voted)
    results = stored_results(services.database)
    for item in walk.of_type("AgendaItem"):
        if item.get("deleted"):
            continue
        written = results.get(item["id"].rsplit("/", 1)[-1].removesuffix(".json"), "")
        if written or "expertenrat:voteMode" not in item:
            assert item.get("result", "") == written
        else:  # an empty "Ergebnis": the outcome of the last vote
            vote = item["expertenrat:voteMode"], item["expertenrat:adopted"]
            assert item["result"] == OUTCOMES[vote]
    derived = [i["result"] for i in voted if i["result"] in OUTCOMES.values()]
    assert {"einstimmig angenommen", "angenommen"} <= set(derived)
    papers = [p for p in walk.of_type("Paper") if p.get("paperType") in {"Empfehlung", "Impuls"}]
    assert papers and all(p["expertenrat:responseStatus"] for p in papers)
    assert all(p["reference"].startswith("E-") for p in papers)


OUTCOMES = {
    ("unanimous", True): "einstimmig angenommen",
    ("counted", True): "angenommen",
    ("counted", False): "abgelehnt",
    ("noted", False): "zur Kenntnis genommen",
}


def stored_results(database: Database) -> dict[str, str]:
    """The minutes' "Ergebnis" of every agenda item by public id."""
    with database.reading() as session:
        rows = session.execute(select(models.AgendaItem.public_id, models.AgendaItem.result))
        return {key: result for key, result in rows}


def test_list_pages_follow_links_next(services, tmp_path, monkeypatch):
    monkeypatch.setattr("expertenrat.domain.oparl_base.PAGE_SIZE", 7)
    folder = tmp_path / "oparl"
    walk = exported(services, folder)

    body = walk.of_type("Body")[0]
    first = json.loads((folder / body["meeting"].removeprefix(BASE + "/")).read_text("utf-8"))
    assert first["pagination"]["totalPages"] > 1 and "next" in first["links"]
    assert walk.objects[body["id"]]["type"] == f"{SCHEMA}Body"


@pytest.mark.parametrize("demo_database", ["postgresql"], indirect=True)
def test_the_export_reads_postgresql_alike(demo_database, tmp_path):
    walk = exported(Services.create(demo_database, "Frau Schulz"), tmp_path / "oparl")

    assert walk.of_type("Body") and walk.of_type("AgendaItem") and walk.of_type("File")


def test_a_damaged_approved_public_minutes_pdf_is_refused_and_nothing_written(
    demo_database, tmp_path
):
    from expertenrat.services.approved_minutes_pdfs import DamagedMinutesError

    with demo_database.transaction() as session:
        version = session.scalars(
            select(models.MinutesVersion)
            .where(models.MinutesVersion.state == "approved")
            .order_by(models.MinutesVersion.id)
        ).first()
        version.public_pdf = version.public_pdf[:1000]
    services = Services.create(demo_database, "Frau Schulz")
    with pytest.raises(DamagedMinutesError, match=r"^Die öffentliche Fassung des genehmigten"):
        services.oparl_export.export(tmp_path / "oparl", BASE)
    assert not (tmp_path / "oparl").exists()


def test_an_object_that_shows_something_else_is_published_as_modified(services, tmp_path):
    """(found by a tester) What a meeting, an item or a membership shows can change without
    its record changing: a member who withdraws consent leaves the participants and the
    recusals, one who consents again brings the memberships back. Their ``modified`` stayed
    as it was (a membership came back older than its own tombstone), so a client that keeps
    what it harvested by ``modified`` kept the old participants or the tombstone."""
    folder = tmp_path / "oparl"
    before = exported(services, folder)
    recused = next(
        r["person"] for i in before.of_type("AgendaItem") for r in i.get("expertenrat:recused", ())
    )
    key = recused.removeprefix(f"{BASE}/person/").removesuffix(".json")
    council_id = services.settings.councils()[0].id
    member = next(
        m for m in services.members.members(council_id) if public_id_of(services, m) == key
    )
    meetings = [m for m in before.of_type("Meeting") if recused in m.get("participant", ())]
    items = [
        i for i in before.of_type("AgendaItem")
        if recused in [r["person"] for r in i.get("expertenrat:recused", ())]
    ]  # fmt: skip
    memberships = [m["id"] for m in before.objects[recused]["membership"]]
    assert meetings and items and memberships

    services.members.save(
        council_id, replace(member, publish_name=False, publish_name_on=TODAY), TODAY
    )
    withdrawn = exported(services, folder, again=True)

    for old in meetings + items:
        new = withdrawn.objects[old["id"]]
        assert recused not in json.dumps(new)
        assert new["modified"] > old["modified"], old["id"]
    for url in memberships:
        assert withdrawn.objects[url]["deleted"] is True

    member = next(m for m in services.members.members(council_id) if m.id == member.id)
    services.members.save(
        council_id, replace(member, publish_name=True, publish_name_on=TODAY), TODAY
    )
    again = exported(services, folder, again=True)

    for url in memberships:
        assert "deleted" not in again.objects[url]
        assert again.objects[url]["modified"] > withdrawn.objects[url]["modified"]
    for old in meetings:
        assert recused in again.objects[old["id"]]["participant"]
        assert again.objects[old["id"]]["modified"] > withdrawn.objects[old["id"]]["modified"]

    unchanged = exported(services, folder, again=True)
    assert unchanged.objects == again.objects  # nothing changed: nothing moves


def test_what_the_minutes_say_of_an_item_goes_out_only_once_they_are_approved(services, tmp_path):
    """(found by a tester) The items of a held meeting whose minutes were still a draft
    (sent out for objections, or not yet) carried their votes, results, resolution texts
    and recusal reasons: what the council has not approved and an objection may still
    change (the demo's objection disputes an abstention of the 5. Sitzung)."""
    walk = exported(services, tmp_path / "oparl")
    minutes_fields = {"result", "resolutionText", "expertenrat:voteMode", "expertenrat:recused"}
    with services.database.reading() as session:
        voted = set(
            session.scalars(
                select(models.Meeting.public_id)
                .join(models.AgendaItem)
                .join(models.Vote)
                .where(models.AgendaItem.public)
            )
        )
    drafts = [
        m for m in walk.of_type("Meeting")
        if m.get("meetingState") == "durchgeführt" and "resultsProtocol" not in m
    ]  # fmt: skip
    approved = [m for m in walk.of_type("Meeting") if "resultsProtocol" in m]
    assert any(m["id"].rsplit("/", 1)[-1].removesuffix(".json") in voted for m in drafts)

    for meeting in drafts:
        for item in meeting["agendaItem"]:
            assert not minutes_fields & set(item), item["id"]
            assert not minutes_fields & set(walk.objects[item["id"]])
    assert any(minutes_fields & set(i) for m in approved for i in m["agendaItem"])


def test_an_item_postponed_or_taken_off_carries_it_as_its_result(services, tmp_path):
    """What the approved minutes record of an item not dealt with ("vertagt",
    "abgesetzt") is its result, whatever its free text or its last vote said; a sub-item
    without an outcome of its own was postponed with it (found by a tester)."""
    with services.database.transaction() as session:
        items = session.scalars(
            select(models.AgendaItem)
            .join(
                models.MinutesVersion,
                models.MinutesVersion.meeting_id == models.AgendaItem.meeting_id,
            )
            .where(models.MinutesVersion.state == "approved", models.AgendaItem.public)
            .where(models.AgendaItem.deleted_at.is_(None), models.AgendaItem.parent_id.is_(None))
            .order_by(models.AgendaItem.id)
            .limit(2)
        ).all()
        for item, outcome in zip(items, ("postponed", "withdrawn"), strict=True):
            item.outcome, item.result = outcome, "zur Kenntnis genommen"
        sub = models.AgendaItem(
            meeting_id=items[0].meeting_id,
            parent_id=items[0].id,
            number=f"{items[0].number}.9",
            position=9,
            title="Unterpunkt",
        )
        session.add(sub)
        session.flush()
        keys = [item.public_id for item in (*items, sub)]
    walk = exported(services, tmp_path / "oparl")

    results = {
        key: item.get("result")
        for item in walk.of_type("AgendaItem")
        for key in keys
        if item["id"].endswith(f"/{key}.json")
    }
    assert results == dict(zip(keys, ("vertagt", "abgesetzt", "vertagt"), strict=True))


def test_each_file_is_named_with_its_meeting(services, tmp_path):
    """(found by a tester) Every minutes File was called "Protokoll (öffentlicher Teil)" and
    every invitation "Einladung" (the files themselves all "protokoll.pdf"): a portal that
    lists the files by name showed a column of equal names."""
    walk = exported(services, tmp_path / "oparl")

    files = [
        (m, f) for m in walk.of_type("Meeting") if not m.get("deleted")
        for f in (m.get("invitation"), m.get("resultsProtocol")) if f
    ]  # fmt: skip
    assert len(files) > 2
    names = [f["name"] for _m, f in files]
    assert len(set(names)) == len(names)
    for meeting, file in files:
        day = date.fromisoformat(meeting["start"][:10])
        assert file["name"].endswith(f" – {meeting['name']}, {day:%d.%m.%Y}")
        assert walk.objects[file["id"]]["name"] == file["name"]
    assert any(n.startswith("Protokoll (öffentlicher Teil) – 1. Sitzung, ") for n in names)


def test_a_person_of_two_councils_is_dated_alike_in_both_lists(services, tmp_path):
    """(found by a tester) A person sitting in two councils stands in both bodies' person
    lists; when a change in one council moved the person's ``modified``, the other list
    kept the old one, so the list no longer held the object its id serves."""
    folder = tmp_path / "oparl"
    rostock, luebeck = (c.id for c in services.settings.councils()[:2])
    member = next(m for m in services.members.members(rostock) if m.publish_name)
    field = services.settings.action_fields(luebeck)[0].id
    with services.database.transaction() as session:
        session.add(
            models.Membership(
                council_id=luebeck, person_id=member.person_id, term_start=date(2026, 1, 1),
                primary_field_id=field,
            )
        )  # fmt: skip
    exported(services, folder)
    with services.database.transaction() as session:
        row = session.scalars(
            select(models.Membership).where(models.Membership.council_id == luebeck)
            .where(models.Membership.person_id == member.person_id)
        ).one()  # fmt: skip
        row.role = "vice_chair"  # the person's record stays as it was

    walk = exported(services, folder, again=True)  # every list holds the object served

    url = f"{BASE}/person/{public_id_of(services, member)}.json"
    pages = [p for p in folder.glob("body/*/persons*.json")]
    listed = [o for p in pages for o in json.loads(p.read_text("utf-8"))["data"] if o["id"] == url]
    assert len(listed) == 2 and all(o == walk.objects[url] for o in listed)


def test_a_member_recused_at_an_item_without_being_there_is_not_published_as_recused(
    services, tmp_path
):
    """(found by review) The minutes name as befangen only members present at the item
    (a12aa01), and the export is to say what the minutes say (98b6cf1); it published every
    recusal recorded, also of a member excused from the meeting."""
    before = exported(services, tmp_path / "vorher")
    recused = {
        (i["id"], r["person"])
        for i in before.of_type("AgendaItem")
        for r in i.get("expertenrat:recused", ())
    }
    assert recused
    item_url, person_url = sorted(recused)[0]
    item_key = item_url.rsplit("/", 1)[-1].removesuffix(".json")
    person_key = person_url.rsplit("/", 1)[-1].removesuffix(".json")
    with services.database.transaction() as session:
        item = session.scalars(
            select(models.AgendaItem).where(models.AgendaItem.public_id == item_key)
        ).one()
        attendance = session.scalars(
            select(models.Attendance)
            .join(models.Membership)
            .join(models.Person)
            .where(
                models.Attendance.meeting_id == item.meeting_id,
                models.Person.public_id == person_key,
            )
        ).one()
        attendance.status = "excused"  # recorded recused, but not in the meeting

    after = exported(services, tmp_path / "nachher", again=True)

    published = [r["person"] for r in after.objects[item_url].get("expertenrat:recused", ())]
    assert person_url not in published
    assert {(i, p) for i, p in recused if i != item_url} <= {
        (i["id"], r["person"])
        for i in after.of_type("AgendaItem")
        for r in i.get("expertenrat:recused", ())
    }


def test_persons_and_participants_are_listed_in_reading_order(services, tmp_path):
    """The persons list and a meeting's participants follow name_sort_key: "von
    Hohenzollern" between Hoffmann and Huber, "Öztürk" before Zimmermann (SQL's ORDER BY
    family_name put the particle under V and, on PostgreSQL, "Ö" after "Z")."""
    council_id = services.settings.councils()[0].id
    field = services.settings.action_fields(council_id)[0].id
    families = ["Hoffmann", "von Hohenzollern", "Huber", "Öztürk", "Zimmermann"]
    saved = [
        services.members.save(
            council_id,
            Member(
                None, "Kim", family, term_start=date(2020, 1, 1), primary_field_id=field,
                publish_name=True, publish_name_on=date(2020, 1, 1),
            ),
            TODAY,
        )
        for family in reversed(families)
    ]  # fmt: skip
    with services.database.transaction() as session:
        meeting = session.scalars(
            select(models.Meeting)
            .where(
                models.Meeting.council_id == council_id,
                models.Meeting.state == MeetingState.HELD.value,
                models.Meeting.deleted_at.is_(None),
            )
            .order_by(models.Meeting.starts_at)
        ).first()
        session.add_all(
            models.Attendance(meeting_id=meeting.id, membership_id=m.id, status="present")
            for m in saved
        )
        meeting_url = f"{BASE}/meeting/{meeting.public_id}.json"

    walk = exported(services, tmp_path / "oparl")

    persons = [p["familyName"] for p in walk.of_type("Person") if p.get("familyName") in families]
    assert persons == families
    names = {p["id"]: p.get("familyName") for p in walk.of_type("Person")}
    participants = [names[url] for url in walk.objects[meeting_url]["participant"]]
    assert [n for n in participants if n in families] == families


def test_a_departure_recorded_after_a_vote_takes_the_recusal_out_of_the_votes(services, tmp_path):
    """A vote saved while a recused member was recorded present, the member then recorded
    as gone before the item: the export said votesRecused 1 beside no recusal, as the
    minutes' PDF printed "befangen: 1" (found by a tester)."""
    council = services.settings.councils()[0].id
    held = [m for m in services.meetings.list(council) if m.state is MeetingState.HELD]
    meeting, approving = held[-2].id, held[-1].id  # sent, not approved yet
    sheet = services.attendance.sheet(meeting)
    member = next(
        e
        for e in sheet.entries
        if e.status is AttendanceStatus.PRESENT and e.arrived_item_id is e.left_item_id is None
    )
    items = services.minutes.minutes(meeting).items
    first, item = items[0], next(i for i in items[1:] if i.public and not i.votes)
    services.conflicts.declare(item.item_id, member.membership_id, "Partner im Projekt")
    services.minutes.save_votes(item.item_id, [VoteDraft(yes=2)])
    services.attendance.save_entry(meeting, replace(member, left_item_id=first.item_id))
    services.minutes_approval.approve(meeting, approving)  # the export shows approved votes
    (key,) = public_ids(services.database, models.AgendaItem, models.AgendaItem.id == item.item_id)

    walk = exported(services, tmp_path / "oparl")

    (published,) = [i for i in walk.of_type("AgendaItem") if i["id"].endswith(f"{key}.json")]
    assert published["expertenrat:votesYes"] == 2
    assert published["expertenrat:votesRecused"] == 0


def test_a_unanimous_vote_counts_who_could_vote_at_its_item_now(services, tmp_path):
    """A unanimous vote saved, a member then recorded as gone before the item: the export
    said votesYes as stored when saved, one more than could vote (found by review)."""
    council = services.settings.councils()[0].id
    held = [m for m in services.meetings.list(council) if m.state is MeetingState.HELD]
    meeting, approving = held[-2].id, held[-1].id  # sent, not approved yet
    sheet = services.attendance.sheet(meeting)
    member = next(
        e
        for e in sheet.entries
        if e.status is AttendanceStatus.PRESENT
        and e.voting_right
        and e.arrived_item_id is e.left_item_id is None
    )
    items = services.minutes.minutes(meeting).items
    first, item = items[0], next(i for i in items[1:] if i.public and not i.votes)
    (saved,) = services.minutes.save_votes(item.item_id, [VoteDraft(VoteMode.UNANIMOUS)]).votes
    services.attendance.save_entry(meeting, replace(member, left_item_id=first.item_id))
    services.minutes_approval.approve(meeting, approving)
    (key,) = public_ids(services.database, models.AgendaItem, models.AgendaItem.id == item.item_id)

    walk = exported(services, tmp_path / "oparl")

    (published,) = [i for i in walk.of_type("AgendaItem") if i["id"].endswith(f"{key}.json")]
    assert published["expertenrat:votesYes"] == saved.yes - 1


def test_an_election_carries_its_counts_and_only_published_members(services, tmp_path):
    """An election in approved minutes: per candidate the votes and whether elected, the
    member as a person where the name is published, a name typed never."""
    council = services.settings.councils()[0].id
    held = [m for m in services.meetings.list(council) if m.state is MeetingState.HELD]
    meeting, approving = held[-2].id, held[-1].id  # sent, not approved yet
    members = {m.id: m for m in services.members.members(council)}
    item = next(i for i in services.minutes.minutes(meeting).items[1:] if i.public and not i.votes)
    present = next(
        e
        for e in services.attendance.sheet(meeting).entries
        if e.status is AttendanceStatus.PRESENT and members[e.membership_id].publish_name
    )
    name = members[present.membership_id].full_name
    election = Election(
        (Candidate(name, 2, present.membership_id), Candidate("Dr. Kim Auswärts", 1)),
        secret=True,
        elected=name,
        accepted=True,
    )
    services.minutes.save_votes(
        item.item_id, [VoteDraft(VoteMode.ELECTION, abstain=1, election=election)]
    )
    services.minutes_approval.approve(meeting, approving)
    (key,) = public_ids(services.database, models.AgendaItem, models.AgendaItem.id == item.item_id)

    walk = exported(services, tmp_path / "oparl")

    (published,) = [i for i in walk.of_type("AgendaItem") if i["id"].endswith(f"{key}.json")]
    assert published["expertenrat:voteMode"] == "election"
    assert published["result"] == "Wahl erfolgt"
    assert (published["expertenrat:votesAbstain"], published["expertenrat:votesInvalid"]) == (1, 0)
    assert published["expertenrat:secretBallot"] is published["expertenrat:electionAccepted"]
    first, second = published["expertenrat:candidates"]
    assert walk.objects[first["person"]]["familyName"] == members[present.membership_id].family_name
    assert (first["expertenrat:votes"], first["expertenrat:elected"]) == (2, True)
    assert second == {"expertenrat:votes": 1, "expertenrat:elected": False}
    assert "Auswärts" not in all_text(tmp_path / "oparl")


def test_an_urgent_item_is_exported_like_any_item(services, tmp_path):
    council = services.settings.councils()[0].id
    meeting = next(
        m.id
        for m in services.meetings.list(council)
        if services.agenda.agenda(m.id).urgent_refusal is None
    )  # a held meeting whose minutes are an open draft
    services.agenda.add_urgent(meeting, AgendaItem(0, f"Eilantrag {HOSTILE}"))

    folder = tmp_path / "oparl"
    walk = exported(services, folder)

    assert f"Eilantrag {HOSTILE}" in public_titles(walk)


def test_a_recommendation_adopted_in_writing_is_public_in_the_open_data_and_the_register(
    services, tmp_path
):
    """(found by a helper) The Paper of a recommendation adopted in writing had only a
    date, and the register file left its "Beratung" empty though the open data publish it:
    the Paper says it was adopted in writing and names the public item that reported it
    (a Consultation, not authoritative), the register says "öffentlich"."""
    council = services.settings.councils()[0].id
    register = services.recommendations
    draft = next(r for r in register.list(council) if r.status is RecommendationStatus.DRAFT)
    planned = [m for m in services.meetings.list(council) if m.state is MeetingState.PLANNED]
    meeting = planned[-1]
    day = date.today() - timedelta(days=1)  # the demo lies around today; never ahead
    vote = WrittenVote(day - timedelta(days=7), day, 9, 8)
    register.adopt(draft.id, register.get(draft.id).row.version, day, "", in_writing=vote)
    written = services.written_procedures
    (offered,) = [d for d in written.offered(meeting.id) if d.code == draft.code]
    report = written.report(meeting.id, [offered.key]).items[-1]
    report_id = public_ids(services.database, models.AgendaItem, models.AgendaItem.id == report.key)

    walk = exported(services, tmp_path / "oparl")

    (paper,) = [p for p in walk.of_type("Paper") if p.get("reference") == draft.code]
    assert (paper["date"], paper["expertenrat:adoptedInWriting"]) == (day.isoformat(), True)
    (reported,) = paper["consultation"]
    assert (reported["authoritative"], reported["role"]) == (False, "Bericht")
    assert reported["agendaItem"] == f"{BASE}/agenda-item/{report_id.pop()}.json"
    (item,) = [i for i in walk.of_type("AgendaItem") if i["id"] == reported["agendaItem"]]
    assert item["meeting"] == reported["meeting"]
    assert register_columns(services, council, draft.code, "Beratung", "Herkunft") == [
        "öffentlich",
        f"im Umlaufverfahren am {day:%d.%m.%Y}",
    ]


def test_a_recommendation_adopted_between_meetings_is_public_in_both_files(services, tmp_path):
    """(found by a helper) One adopted "zwischen den Sitzungen" without a written
    procedure went out in the open data, yet the register file left its "Beratung" empty;
    a draft goes out in neither and keeps it empty."""
    council = services.settings.councils()[0].id
    register = services.recommendations
    draft, kept = [r for r in register.list(council) if r.status is RecommendationStatus.DRAFT][:2]
    day = date.today() - timedelta(days=1)
    register.adopt(draft.id, register.get(draft.id).row.version, day, "")

    walk = exported(services, tmp_path / "oparl")

    references = {p.get("reference") for p in walk.of_type("Paper")}
    assert draft.code in references and kept.code not in references
    assert register_columns(services, council, draft.code, "Beratung", "Herkunft") == [
        "öffentlich",
        "zwischen den Sitzungen",
    ]
    assert register_columns(services, council, kept.code, "Beratung") == [""]


def register_columns(services: Services, council: int, code: str, *headers: str) -> list[str]:
    """The ``headers`` columns of the register CSV's line of ``code``."""
    exported_csv = services.recommendations_report.export(council, RegisterFileFormat.CSV)
    rows = list(csv.reader(io.StringIO(exported_csv.data.decode("utf-8-sig")), delimiter=";"))
    (row,) = [r for r in rows if r[0] == code]
    return [row[rows[0].index(header)] for header in headers]
