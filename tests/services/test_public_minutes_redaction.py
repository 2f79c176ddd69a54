"""A member who withdraws consent to the publication of the name disappears from the stored
public minutes (what the open data export publishes); what was approved stays."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.minutes_versions import pdf_fingerprint
from expertenrat.domain.public_minutes import UNNAMED_MEMBER
from expertenrat.services.audit_reading import AuditFilter, AuditService
from expertenrat.services.members import MembersService
from expertenrat.services.public_minutes_redaction import redact_public_minutes
from expertenrat.services.retention import RetentionService
from expertenrat.services.settings import SettingsService
from expertenrat.store import models


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def _stamp(text: str) -> list[str]:
    """The approval the text states, and the fingerprint of the approved content."""
    return re.findall(r"Genehmigt [^\n]*? am \d\d\.\d\d\.\d{4}\.|\(SHA-256\): [0-9a-f]{64}", text)


def _approved(database) -> dict[int, tuple[bytes, str, bytes, str, str]]:
    """Per approved version: public PDF, its SHA-256, full PDF, its SHA-256, content."""
    with database.reading() as session:
        rows = session.scalars(
            select(models.MinutesVersion).where(
                models.MinutesVersion.state == MinutesState.APPROVED.value
            )
        )
        return {r.id: (r.public_pdf, r.public_sha256, r.pdf, r.sha256, r.content) for r in rows}


def _first_council(database, actor) -> int:
    return SettingsService(database, actor).councils()[0].id


@pytest.fixture
def council_id(demo_database, actor) -> int:
    return _first_council(demo_database, actor)


@pytest.fixture
def members(demo_database, actor) -> MembersService:
    return MembersService(demo_database, actor)


def _publicly_named(members: MembersService, council_id: int, approved) -> tuple:
    """A member named in the public text of every approved minutes."""
    texts = [_text(public) for public, *_ in approved.values()]
    return next(
        m
        for m in members.members(council_id)
        if m.publish_name and all(m.full_name in text for text in texts)
    )


def test_withdrawing_name_consent_renders_the_public_minutes_again(
    demo_database, actor, members, council_id, today
) -> None:
    before = _approved(demo_database)
    assert len(before) >= 2
    member = _publicly_named(members, council_id, before)

    members.save(council_id, replace(member, publish_name=False, publish_name_on=None), today)

    after = _approved(demo_database)
    assert after.keys() == before.keys()
    for version_id, (public, public_sha, pdf, sha, content) in after.items():
        old_public, old_public_sha, old_pdf, old_sha, old_content = before[version_id]
        assert (pdf, sha, content) == (old_pdf, old_sha, old_content)  # approved: untouched
        assert member.full_name in _text(pdf)
        assert member.full_name not in _text(public) and UNNAMED_MEMBER in _text(public)
        assert public_sha == pdf_fingerprint(public) != old_public_sha
        assert _stamp(_text(public)) == _stamp(_text(old_public)) != []
    entries = (
        AuditService(demo_database)
        .search(AuditFilter(council_id, text="Einwilligung widerrufen"))
        .lines
    )
    assert len(entries) == len(before)
    assert all(member.full_name in e.summary for e in entries)


def test_withdrawing_again_after_consenting_again_leaves_the_unnamed_minutes_alone(
    demo_database, actor, members, council_id, today
) -> None:
    """(found by a tester) Consenting again changes nothing approved; a second withdrawal
    made every public PDF anew although it already called the member "Mitglied ohne
    Namensnennung": new SHA-256s, a second set of audit entries saying the name was taken
    out, and changed files in the next open data export."""
    member = _publicly_named(members, council_id, _approved(demo_database))
    members.save(council_id, replace(member, publish_name=False, publish_name_on=None), today)
    unnamed = _approved(demo_database)
    member = next(m for m in members.members(council_id) if m.id == member.id)
    members.save(council_id, replace(member, publish_name=True, publish_name_on=today), today)
    assert _approved(demo_database) == unnamed  # a consent given later changes nothing

    member = next(m for m in members.members(council_id) if m.id == member.id)
    members.save(council_id, replace(member, publish_name=False, publish_name_on=None), today)

    assert _approved(demo_database) == unnamed
    entries = (
        AuditService(demo_database)
        .search(AuditFilter(council_id, text="Einwilligung widerrufen"))
        .lines
    )
    assert len(entries) == len(unnamed)  # those of the first withdrawal only


def test_other_changes_leave_the_stored_public_minutes_alone(
    demo_database, actor, members, council_id, today
) -> None:
    before = _approved(demo_database)
    member = _publicly_named(members, council_id, before)

    members.save(council_id, replace(member, affiliation="Neue Institution & Co."), today)
    contact = next(m for m in members.members(council_id) if m.publish_contact)
    members.save(council_id, replace(contact, publish_contact=False), today)

    assert _approved(demo_database) == before


def test_anonymising_a_former_member_unnames_the_member_too(
    demo_database, actor, members, council_id, today
) -> None:
    before = _approved(demo_database)
    texts = [_text(public) for public, *_ in before.values()]
    former = next(
        m
        for m in members.members(council_id)
        if m.term_end is not None and m.publish_name and any(m.full_name in t for t in texts)
    )

    assert RetentionService(demo_database, actor).anonymise([former.person_id], today, 0) == 1

    after = _approved(demo_database)
    assert all(former.full_name not in _text(public) for public, *_ in after.values())
    assert all(after[v][2:] == before[v][2:] for v in before)  # the approved PDF and content


def test_the_redaction_renders_the_minutes_as_approved_not_as_today(
    demo_database, actor, members, council_id, today
) -> None:
    before = _approved(demo_database)
    texts = [_text(public) for public, *_ in before.values()]
    settings = SettingsService(demo_database, actor)
    old_council = settings.settings(council_id).name
    stays, leaves = [
        m
        for m in members.members(council_id)
        if m.publish_name and all(m.full_name in text for text in texts)
    ][:2]
    settings.update_settings(replace(settings.settings(council_id), name="Rat & <Neu> 🚲"))
    members.save(council_id, replace(stays, family_name="Umbenannt-خالد"), today)

    members.save(council_id, replace(leaves, publish_name=False, publish_name_on=None), today)

    for public, *_ in _approved(demo_database).values():
        text = _text(public)
        assert old_council in text and "Neu>" not in text
        assert stays.full_name in text and "Umbenannt" not in text
        assert leaves.full_name not in text and UNNAMED_MEMBER in text


def test_a_renamed_member_who_withdraws_is_unnamed_by_the_name_approved(
    sqlite_demo_database, actor, today
) -> None:
    council_id = _first_council(sqlite_demo_database, actor)
    members = MembersService(sqlite_demo_database, actor)
    before = _approved(sqlite_demo_database)
    member = _publicly_named(members, council_id, before)
    renamed = members.save(council_id, replace(member, given_name="Neuer Vorname"), today)

    members.save(council_id, replace(renamed, publish_name=False, publish_name_on=None), today)

    for public, *_ in _approved(sqlite_demo_database).values():
        text = _text(public)
        assert member.full_name not in text and "Neuer Vorname" not in text
        assert UNNAMED_MEMBER in text


def test_versions_approved_before_the_document_was_kept_are_rendered_from_today(
    sqlite_demo_database, actor, today
) -> None:
    council_id = _first_council(sqlite_demo_database, actor)
    with sqlite_demo_database.transaction() as session:
        for version in session.scalars(select(models.MinutesVersion)):
            version.document = None
    members = MembersService(sqlite_demo_database, actor)
    before = _approved(sqlite_demo_database)
    member = _publicly_named(members, council_id, before)

    members.save(council_id, replace(member, publish_name=False, publish_name_on=None), today)

    after = _approved(sqlite_demo_database)
    for version_id, (public, _sha, pdf, sha, content) in after.items():
        assert (pdf, sha, content) == before[version_id][2:]
        assert member.full_name not in _text(public) and UNNAMED_MEMBER in _text(public)


def test_an_unreadable_approved_document_never_blocks_the_withdrawal(
    sqlite_demo_database, actor, today, caplog
) -> None:
    council_id = _first_council(sqlite_demo_database, actor)
    damaged = ['{"format":2,"minutes":{}}', '{"format":1}', '{"format":1,"minutes":{"docu']
    with sqlite_demo_database.transaction() as session:
        versions = session.scalars(
            select(models.MinutesVersion).where(
                models.MinutesVersion.state == MinutesState.APPROVED.value
            )
        ).all()
        for index, version in enumerate(versions):
            version.document = damaged[index % len(damaged)]
    members = MembersService(sqlite_demo_database, actor)
    before = _approved(sqlite_demo_database)
    assert len(before) >= 2
    member = _publicly_named(members, council_id, before)

    members.save(council_id, replace(member, publish_name=False, publish_name_on=None), today)

    for version_id, (public, _sha, pdf, sha, content) in _approved(sqlite_demo_database).items():
        assert (pdf, sha, content) == before[version_id][2:]
        assert sha == pdf_fingerprint(pdf)
        assert member.full_name not in _text(public) and UNNAMED_MEMBER in _text(public)
    warnings = [r.getMessage() for r in caplog.records if "unreadable" in r.getMessage()]
    assert len(warnings) == len(before)
    assert all(member.family_name not in w for w in warnings)


def _named_in_every_minutes(database, actor, council_id: int) -> list:
    """The members who agreed to be named and are named in every approved public minutes."""
    texts = [_text(public) for public, *_ in _approved(database).values()]
    return [
        m
        for m in MembersService(database, actor).members(council_id)
        if m.publish_name and all(m.full_name in text for text in texts)
    ]


def test_the_audit_entry_names_the_unnamed_members_in_name_order(
    sqlite_demo_database, actor
) -> None:
    """(found by a tester) The entry listed the names as strings sort ("Anna …" before
    "Bernd …", by the given name and the title); they are listed as every list of names
    is, by family name (``name_sort_key``)."""
    council_id = _first_council(sqlite_demo_database, actor)
    named = _named_in_every_minutes(sqlite_demo_database, actor, council_id)
    pair = next(
        (a, b)
        for a in named
        for b in named
        if a.sort_name < b.sort_name and a.full_name > b.full_name
    )  # by family name a first, as strings b first

    with sqlite_demo_database.transaction() as session:
        for member in pair:
            session.get(models.Person, member.person_id).publish_name = False
        assert redact_public_minutes(session, actor, [m.person_id for m in pair]) > 0

    entries = (
        AuditService(sqlite_demo_database)
        .search(AuditFilter(council_id, text="Einwilligung widerrufen"))
        .lines
    )
    assert entries
    listed = f"ohne den Namen von {pair[0].full_name}, {pair[1].full_name} neu erstellt"
    assert all(listed in e.summary for e in entries), entries[0].summary


def test_anonymising_lists_the_unnamed_members_as_their_names_stood(
    sqlite_demo_database, actor, today
) -> None:
    """Anonymising former members (their consents are erased) lists the names in the
    entry of each public minutes made anew by family name too."""
    council_id = _first_council(sqlite_demo_database, actor)
    members = MembersService(sqlite_demo_database, actor).members(council_id)
    pair = [m for m in members if m.family_name in ("Behrens", "Brüggemann")]
    assert [m.full_name for m in pair] == ["Sascha Behrens", "Dr. Jörg Brüggemann"]
    with sqlite_demo_database.transaction() as session:
        for member in pair:
            session.get(models.Membership, member.id).term_end = date(2020, 1, 1)

    anonymised = RetentionService(sqlite_demo_database, actor).anonymise(
        [m.person_id for m in pair], today, 0
    )

    assert anonymised == 2
    entries = (
        AuditService(sqlite_demo_database)
        .search(AuditFilter(council_id, text="Einwilligung widerrufen"))
        .lines
    )
    assert entries
    listed = "ohne den Namen von Sascha Behrens, Dr. Jörg Brüggemann neu erstellt"
    assert all(listed in e.summary for e in entries), entries[0].summary


def test_right_to_left_names_in_the_entry_keep_their_order(sqlite_demo_database, actor, today):
    """(found by a tester) Two Hebrew or Arabic names listed one after the other ("שרה כהן,
    ليلى حداد") ran together into one right-to-left run, which the page showed in reverse
    order, the first name last ("ليلى حداد ,שרה כהן"). Each name is set apart (FSI … PDI)."""
    council_id = _first_council(sqlite_demo_database, actor)
    members = MembersService(sqlite_demo_database, actor)
    pair = _named_in_every_minutes(sqlite_demo_database, actor, council_id)[:2]
    renamed = [
        members.save(council_id, replace(m, title="", given_name=given, family_name=family), today)
        for m, (given, family) in zip(pair, [("שרה", "כהן"), ("ليلى", "حداد")], strict=True)
    ]

    with sqlite_demo_database.transaction() as session:
        for member in renamed:
            session.get(models.Person, member.person_id).publish_name = False
        assert redact_public_minutes(session, actor, [m.person_id for m in renamed]) > 0

    (entry, *_) = (
        AuditService(sqlite_demo_database)
        .search(AuditFilter(council_id, text="Einwilligung widerrufen"))
        .lines
    )
    listed = entry.summary.split("ohne den Namen von ")[1].split(" neu erstellt")[0]
    assert "\u2068שרה כהן\u2069" in listed.split(", ")
    assert "\u2068ليلى حداد\u2069" in listed.split(", ")
    assert entry.summary.startswith("Protokoll der ")


def test_withdrawing_name_consent_is_in_the_audit_trail_and_the_next_save_goes_through(
    demo_database, actor, members, council_id, today
):
    """(found by a tester) the save that withdrew the consent left no audit entry, also of
    what else it changed (the e-mail address), as the redaction reread the person written
    already; and it handed back a person version one too high, so the next save of the
    member was refused as changed by someone else."""
    member = _publicly_named(members, council_id, _approved(demo_database))

    saved = members.save(
        council_id,
        replace(member, publish_name=False, publish_name_on=None, email="neu@example.org"),
        today,
    )

    assert saved.person_version == members.member(member.id).person_version
    (entry,) = AuditService(demo_database).entries("membership", member.id)[-1:]
    assert entry.summary == f"Mitglied {member.full_name} geändert"
    assert entry.before["publish_name"] is True and entry.after["publish_name"] is False
    assert entry.after["email"] == "neu@example.org"
    members.save(council_id, replace(saved, phone="+49 381 1"), today)  # no conflict
