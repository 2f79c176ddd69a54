"""Elections in the minutes through the minutes service, on SQLite and PostgreSQL: checked
against who could vote, stored with their candidates, printed in the full and the public
minutes PDF, audited, frozen with approved minutes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from held_meeting import held_meeting
from minutes_setup import approved_pdfs, fake_render, held_minutes, hold
from pdf_reading import text
from sqlalchemy import func, select

from expertenrat.domain.audit_fields import field_changes
from expertenrat.domain.elections import Candidate, Election
from expertenrat.domain.enums import VoteMode
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.votes import VoteDraft
from expertenrat.services.audit_reading import AuditService
from expertenrat.services.context import Services
from expertenrat.services.members import MembersService
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_freeze import MinutesFrozenError
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store import models


@pytest.fixture
def service(database, actor) -> MinutesService:
    return MinutesService(database, actor)


def chair_election(nine: list[int], berg: int = 4, extern: int = 2, **kwargs) -> VoteDraft:
    election = Election(
        (Candidate("Anna Berg", berg, membership_id=nine[0]), Candidate("Dr. Kim O'Neil", extern)),
        elected="Anna Berg",
        **kwargs,
    )
    return VoteDraft(VoteMode.ELECTION, abstain=1, subject="Wahl der/des Vorsitzenden",
                     election=election)  # fmt: skip


def candidate_rows(database) -> int:
    with database.engine.connect() as connection:
        return connection.scalar(select(func.count()).select_from(models.ElectionCandidate))


def test_an_election_is_stored_read_back_and_audited(service, database, council, nine) -> None:
    held = held_meeting(database, council.id, nine, present=7)
    item = held.item_ids[1]
    vote = chair_election(nine, secret=True, accepted=True)

    saved = service.save_votes(item, [vote])

    assert saved.warnings == ()
    (stored,) = service.minutes(held.meeting_id).item(item).votes
    assert stored == saved.votes[0]
    assert (stored.mode, stored.abstain, stored.adopted) == (VoteMode.ELECTION, 1, True)
    assert stored.election == vote.election
    entry = AuditService(database).entries("votes", item)[0]
    (change,) = field_changes(entry.entity, entry.before, entry.after)
    assert change.after == (
        "Wahl der/des Vorsitzenden: Anna Berg 4 Stimmen · Dr. Kim O'Neil 2 Stimmen · "
        "1 Enthaltung · 0 ungültig · geheime Wahl – gewählt: Anna Berg; Anna Berg nimmt die "
        "Wahl an."
    )

    # One candidate withdrawn, the other changed: the rows follow, none left behind.
    fewer = Election((Candidate("Dr. Kim O'Neil", 5),), invalid=1, elected="Dr. Kim O'Neil")
    again = service.save_votes(
        item, [VoteDraft(VoteMode.ELECTION, abstain=1, election=fewer, id=stored.id,
                         version=stored.version)], saved.votes,
    )  # fmt: skip
    assert again.votes[0].election == fewer and candidate_rows(database) == 1
    service.save_votes(item, [VoteDraft(yes=7)], again.votes)  # no election any more
    assert candidate_rows(database) == 0


def test_ballots_beyond_those_who_could_vote_are_refused_and_a_weak_win_warned(
    service, database, council, nine
) -> None:
    held = held_meeting(database, council.id, nine, present=7)
    with pytest.raises(ValidationError) as caught:
        service.save_votes(held.item_ids[1], [chair_election(nine, berg=5)])
    assert caught.value.message == (
        "Es sind 8 Stimmen erfasst, aber bei TOP 2 waren nur 7 stimmberechtigte Mitglieder "
        "anwesend."
    )
    assert candidate_rows(database) == 0
    saved = service.save_votes(held.item_ids[1], [chair_election(nine, berg=1, extern=5)])
    assert saved.warnings == (
        "Gewählt ist „Anna Berg“ mit 1 Stimme, „Dr. Kim O'Neil“ hat aber 5 Stimmen erhalten. "
        "Bitte prüfen Sie es nach der Geschäftsordnung; gespeichert ist die Wahl so.",
    )


def test_the_full_and_the_public_minutes_print_the_election(
    service, database, actor, council, nine
) -> None:
    held = held_meeting(database, council.id, nine, present=7)
    service.save_votes(held.item_ids[1], [chair_election(nine, secret=True, accepted=True)])
    documents = Services.create(database, actor).minutes_documents

    full = text(documents.minutes_pdf(held.meeting_id).pdf)
    public = text(documents.minutes_pdf(held.meeting_id, public=True).pdf)
    dossier = text(documents.dossier_pdf(held.meeting_id).pdf)  # the Sitzungsmappe

    line = (
        "Wahl der/des Vorsitzenden: Anna Berg 4 Stimmen · Dr. Kim O'Neil 2 Stimmen · "
        "1 Enthaltung · 0 ungültig · geheime Wahl – gewählt: Anna Berg; Anna Berg nimmt die "
        "Wahl an."
    )
    assert line in full and line in dossier
    assert f"Wahl {line}" in full  # under "Wahl", not "Abstimmung"
    # Anna Berg has not agreed to the publication of her name; the name typed stays.
    assert "Anna Berg" not in public
    assert (
        "Mitglied ohne Namensnennung 4 Stimmen · Dr. Kim O'Neil 2 Stimmen · 1 Enthaltung · "
        "0 ungültig · geheime Wahl – gewählt: Mitglied ohne Namensnennung; Mitglied ohne "
        "Namensnennung nimmt die Wahl an."
    ) in public


def test_an_election_counts_as_the_vote_of_a_resolution(service, database, council, nine) -> None:
    held = held_meeting(database, council.id, nine, present=7)
    item = service.minutes(held.meeting_id).items[2]
    service.save_votes(item.item_id, [chair_election(nine)])
    lines = [line.text for line in service.checklist(held.meeting_id).missing]
    assert not [line for line in lines if "Abstimmung" in line]


def test_approved_minutes_refuse_an_election(database, council, fields, actor) -> None:
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    approval = MinutesApprovalService(database, actor, fake_render)
    approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    approval.approve(minutes.meeting_id, minutes.next_id)
    members = list(minutes.members.values())
    election = Election((Candidate("Anna Berg", 1, membership_id=members[0]),), elected="Anna Berg")

    with pytest.raises(MinutesFrozenError):
        MinutesService(database, actor).save_votes(
            minutes.item_ids[2], [VoteDraft(VoteMode.ELECTION, election=election)]
        )
    assert candidate_rows(database) == 0


def test_a_member_typed_otherwise_is_left_out_of_the_public_minutes_too(
    service, database, actor, council, nine
) -> None:
    """(found by a helper) The public minutes hid a member who has not agreed to the
    publication of her name only where the candidate's name was typed as hers: a member
    chosen and typed "Frau Berg" stood named in the public minutes."""
    held = held_meeting(database, council.id, nine, present=7)
    election = Election(
        (Candidate("Frau Berg", 4, membership_id=nine[0]), Candidate("Dr. Kim O'Neil", 2)),
        elected="Frau Berg",
        accepted=True,
    )
    vote = VoteDraft(VoteMode.ELECTION, abstain=1, subject="Wahl", election=election)
    service.save_votes(held.item_ids[1], [vote])
    documents = Services.create(database, actor).minutes_documents

    full = text(documents.minutes_pdf(held.meeting_id).pdf)
    public = text(documents.minutes_pdf(held.meeting_id, public=True).pdf)

    assert "Wahl: Frau Berg 4 Stimmen · Dr. Kim O'Neil 2 Stimmen" in full
    assert "Berg" not in public
    assert (
        "Wahl: Mitglied ohne Namensnennung 4 Stimmen · Dr. Kim O'Neil 2 Stimmen · 1 Enthaltung · "
        "0 ungültig · offene Wahl – gewählt: Mitglied ohne Namensnennung; Mitglied ohne "
        "Namensnennung nimmt die Wahl an."
    ) in public


def test_a_member_typed_otherwise_leaves_the_approved_public_minutes_on_withdrawal(
    database, council, fields, actor
) -> None:
    """(found by a helper) The public minutes rendered again when a member withdraws consent
    leave her out of an election in which she stood typed otherwise ("Frau Berg"); what was
    approved (the full minutes) keeps her name."""
    minutes = held_minutes(database, council.id, fields["Stadtdaten"].id)
    members = MembersService(database, actor)
    berg = next(m for m in members.members(council.id) if m.family_name == "Berg")
    members.save(council.id, replace(berg, publish_name=True, publish_name_on=date(2026, 3, 1)),
                 date(2026, 3, 1))  # fmt: skip
    election = Election((Candidate("Frau Berg", 2, membership_id=berg.id),), elected="Frau Berg")
    MinutesService(database, actor).save_votes(
        minutes.item_ids[1], [VoteDraft(VoteMode.ELECTION, subject="Wahl", election=election)]
    )
    approval = MinutesApprovalService(database, actor, render_minutes)
    approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    hold(database, minutes.next_id, datetime(2026, 5, 12, 16, 0))
    approval.approve(minutes.meeting_id, minutes.next_id)
    line = "Wahl: Frau Berg 2 Stimmen · 0 Enthaltungen · 0 ungültig · offene Wahl"
    assert line in _stored(database, minutes.meeting_id)[1]

    berg = next(m for m in members.members(council.id) if m.family_name == "Berg")
    members.save(council.id, replace(berg, publish_name=False, publish_name_on=None),
                 date(2026, 6, 1))  # fmt: skip

    full, public = _stored(database, minutes.meeting_id)
    assert "Berg" not in public
    assert (
        "Wahl: Mitglied ohne Namensnennung 2 Stimmen · 0 Enthaltungen · 0 ungültig · offene "
        "Wahl – gewählt: Mitglied ohne Namensnennung"
    ) in public
    assert f"{line} – gewählt: Frau Berg" in full


def _stored(database, meeting_id: int) -> tuple[str, str]:
    """The text of the approved full and public minutes of the meeting, read back."""
    ((pdf, _sha, public_pdf, _public_sha),) = approved_pdfs(database, meeting_id)
    return text(pdf), text(public_pdf)
