"""The Auskunft nach Art. 15 DSGVO lists the elections in which the person stood, on SQLite
and PostgreSQL: as a member chosen from the list or by the name typed for her, with the
votes received and whether elected; read back from the PDF. Anonymising a former member
keeps her candidacies as it keeps her attendance and recusals (the name stays for the
minutes), and her Auskunft says so."""

from __future__ import annotations

from datetime import date

from disclosure_lookup import section_titled
from held_meeting import held_meeting
from pdf_reading import text
from sqlalchemy import select

from expertenrat.domain.elections import Candidate, Election
from expertenrat.domain.enums import VoteMode
from expertenrat.domain.votes import VoteDraft
from expertenrat.services.minutes import MinutesService
from expertenrat.services.person_disclosure import PersonDisclosureService
from expertenrat.services.retention import RetentionService
from expertenrat.store import models


def person_of(database, membership_id: int) -> int:
    with database.reading() as session:
        membership = session.get(models.Membership, membership_id)
        assert membership is not None
        return membership.person_id


def elect_berg_over_dahl(database, actor, council, nine) -> None:
    """Anna Berg (chosen from the list) elected over Anna Dahl (her name typed)."""
    held = held_meeting(database, council.id, nine, present=7)
    election = Election(
        (
            Candidate("Anna Berg", 4, membership_id=nine[0]),
            Candidate("Anna Dahl", 2),  # typed, not chosen from the list
        ),
        elected="Anna Berg",
    )
    MinutesService(database, actor).save_votes(
        held.item_ids[1],
        [VoteDraft(VoteMode.ELECTION, abstain=1, subject="Wahl der/des Vorsitzenden",
                   election=election)],
    )  # fmt: skip


def test_the_auskunft_lists_the_elections_a_member_stood_in(
    database, actor, council, nine, today
) -> None:
    elect_berg_over_dahl(database, actor, council, nine)
    service = PersonDisclosureService(database, "tester")

    berg = service.disclosure(person_of(database, nine[0]), today)
    dahl = service.disclosure(person_of(database, nine[2]), today)
    celik = service.disclosure(person_of(database, nine[1]), today)

    (row,) = section_titled(berg, "Kandidaturen bei Wahlen").rows
    assert row[0] == "1. Sitzung am 10.03.2026\nTOP 2 Bericht"
    assert row[1:] == ("Wahl der/des Vorsitzenden\n(als Anna Berg)", "4 Stimmen", "gewählt")
    (row,) = section_titled(dahl, "Kandidaturen bei Wahlen").rows
    assert row[1:] == ("Wahl der/des Vorsitzenden\n(als Anna Dahl)", "2 Stimmen", "nicht gewählt")
    assert section_titled(celik, "Kandidaturen bei Wahlen").rows == ()
    pdf = " ".join(text(service.disclosure_pdf(person_of(database, nine[0]), today).pdf).split())
    assert "Kandidaturen bei Wahlen" in pdf
    assert "Wahl der/des Vorsitzenden (als Anna Berg) 4 Stimmen gewählt" in pdf


def test_anonymising_a_former_member_keeps_her_candidacy_and_her_auskunft_lists_it(
    database, actor, council, nine
) -> None:
    elect_berg_over_dahl(database, actor, council, nine)
    berg = person_of(database, nine[0])
    with database.transaction() as session:  # she left, her e-mail still stored
        session.get(models.Membership, nine[0]).term_end = date(2026, 3, 31)
        session.get(models.Person, berg).email = "anna.berg@example.org"
    later = date(2026, 6, 1)

    assert RetentionService(database, actor).anonymise([berg], later, on_request=True) == 1

    with database.reading() as session:
        rows = session.scalars(select(models.ElectionCandidate)).all()
        (row,) = [r for r in rows if r.membership_id == nine[0]]
        assert (row.name, row.votes, row.elected) == ("Anna Berg", 4, True)
    disclosure = PersonDisclosureService(database, "tester").disclosure(berg, later)
    assert "Befangenheiten, die Kandidaturen bei Wahlen, die Einträge" in disclosure.state
    (row,) = section_titled(disclosure, "Kandidaturen bei Wahlen").rows
    assert row[1:] == ("Wahl der/des Vorsitzenden\n(als Anna Berg)", "4 Stimmen", "gewählt")
