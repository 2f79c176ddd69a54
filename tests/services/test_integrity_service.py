"""The integrity check: clean demo data, a planted wrong SHA-256, an orphan, bad minutes."""

from __future__ import annotations

import hashlib
from datetime import datetime, timedelta

from sqlalchemy import delete, select, text, update

from expertenrat.domain.integrity import FindingKind
from expertenrat.services.demo import DemoService
from expertenrat.services.integrity import IntegrityService
from expertenrat.store.engine import make_engine
from expertenrat.store.models import (
    ActionField,
    AgendaItem,
    Attendance,
    Council,
    Meeting,
    Membership,
    MinutesVersion,
    Project,
    Recommendation,
    RecommendationProject,
    RecommendationResponse,
    StoredFile,
    Vote,
)

ACTOR = "Frau Schulz"


def test_the_demo_data_is_in_order(demo_database):
    assert IntegrityService(demo_database).check() == []


def test_a_planted_wrong_sha256_is_found(demo_database):
    pdf = b"%PDF-1.4 Protokoll"
    with demo_database.transaction() as session:
        minutes = session.scalars(
            select(MinutesVersion).where(MinutesVersion.state == "approved")
        ).first()
        minutes.pdf = pdf
        minutes.sha256 = hashlib.sha256(pdf).hexdigest()
    assert IntegrityService(demo_database).check() == []
    with demo_database.transaction() as session:
        session.execute(
            update(MinutesVersion)
            .where(MinutesVersion.id == minutes.id)
            .values(pdf=pdf + b" changed afterwards")
        )
    findings = IntegrityService(demo_database).check()
    assert [f.kind for f in findings] == [FindingKind.MINUTES]
    assert "stimmt nicht mit seiner gespeicherten Prüfsumme überein" in findings[0].text


def test_a_damaged_public_minutes_pdf_is_found(demo_database):
    with demo_database.transaction() as session:
        minutes = session.scalars(
            select(MinutesVersion).where(MinutesVersion.state == "approved")
        ).first()
        minutes.public_pdf = minutes.public_pdf[:1000]
        meeting = session.get(Meeting, minutes.meeting_id)
        name = f"{meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}"
    findings = IntegrityService(demo_database).check()
    assert [f.text for f in findings] == [
        f"Die öffentliche Fassung des genehmigten Protokolls (Fassung {minutes.number}) der "
        f"{name} stimmt nicht mit ihrer gespeicherten Prüfsumme überein."
    ]


def test_a_damaged_annex_is_found(demo_database):
    # Found by a tester: an annex damaged in the database (its bytes cut short) made the
    # Sitzungsmappe fail, while "Prüfen" said the database was in order.
    with demo_database.transaction() as session:
        annex = session.scalars(
            select(StoredFile).where(StoredFile.meeting_id.is_not(None)).order_by(StoredFile.id)
        ).first()
        annex.content = annex.content[:1000]
        meeting = session.get(Meeting, annex.meeting_id)
        name = f"{meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}"
        title = annex.title
    findings = IntegrityService(demo_database).check()
    assert [(f.kind, f.text) for f in findings] == [
        (
            FindingKind.ANNEX,
            f"Die Anlage „{title}“ der {name} stimmt nicht mit ihrer gespeicherten Prüfsumme "
            "überein; bitte fügen Sie die Datei erneut hinzu.",
        )
    ]


def test_every_damaged_annex_is_found_in_the_order_of_the_meetings(demo_database):
    # The bytes are checked one annex at a time now (memory stays bounded with many large
    # annexes): the first and the last annex damaged, the good ones between them pass.
    with demo_database.transaction() as session:
        annexes = session.scalars(
            select(StoredFile).where(StoredFile.meeting_id.is_not(None)).order_by(StoredFile.id)
        ).all()
        assert len(annexes) > 2
        for annex in (annexes[-1], annexes[0]):
            annex.content = annex.content + b" damaged"
        days = [
            f"{session.get(Meeting, a.meeting_id).starts_at:%d.%m.%Y}"
            for a in (annexes[0], annexes[-1])
        ]
    findings = IntegrityService(demo_database).check()
    assert [f.kind for f in findings] == [FindingKind.ANNEX] * 2
    assert [day in f.text for f, day in zip(findings, days, strict=True)] == [True, True]


def test_an_orphan_is_found(demo_database):
    database = demo_database
    engine = make_engine(database.url, foreign_keys=False)  # SQLite: the pragma at connect
    with engine.connect() as connection:
        if not database.is_sqlite:
            connection.execute(text("SET session_replication_role = replica"))
        connection.execute(
            text(
                "INSERT INTO consent_entries (person_id, kind, granted, source, actor, "
                "recorded_at) VALUES (99999, 'name', true, 'form', 'x', '2026-01-01 10:00:00')"
            )
        )
        connection.commit()
    engine.dispose()
    findings = IntegrityService(database).check()
    assert [f.kind for f in findings] == [FindingKind.REFERENCE]
    assert "consent_entries" in findings[0].text and "persons" in findings[0].text
    if not database.is_sqlite:  # SQLite's own check names the row
        assert findings[0].text == (  # "1 Zeile(n) verweisen" before (found by review)
            "Tabelle consent_entries: 1 Zeile verweist über person_id auf fehlende Einträge "
            "in persons."
        )


def test_attendance_of_a_non_member_and_too_many_votes_are_found(demo_database, today):
    with demo_database.transaction() as session:
        attendance = session.scalars(select(Attendance).order_by(Attendance.id)).first()
        membership = session.get(Membership, attendance.membership_id)
        membership.term_start = today  # joined long after that meeting
        vote = session.scalars(select(Vote).order_by(Vote.id)).first()
        vote.yes += 20
        item = session.get(AgendaItem, vote.agenda_item_id)
    kinds = {f.kind for f in IntegrityService(demo_database).check()}
    assert kinds == {FindingKind.ATTENDANCE, FindingKind.VOTE}
    texts = " ".join(f.text for f in IntegrityService(demo_database).check())
    assert "kein Mitglied des Gremiums" in texts
    assert f"TOP {item.number}" in texts

    with demo_database.transaction() as session:  # the vote's meeting deleted in the app
        meeting = session.get(Meeting, item.meeting_id)
        meeting.deleted_at = datetime(2026, 3, 1, 9, 0)
        named = f"{meeting.number}. Sitzung am "
    left = IntegrityService(demo_database).check()
    assert FindingKind.VOTE not in {f.kind for f in left}
    assert left and not any(f.text.startswith(named) for f in left)


def test_a_vote_over_one_member_present_is_named_in_the_singular(sqlite_demo_database):
    """(found by review) "2 Stimmen, aber nur 1 Mitglieder anwesend"."""
    with sqlite_demo_database.transaction() as session:
        vote = session.scalars(select(Vote).order_by(Vote.id)).first()
        vote.yes, vote.no, vote.abstain, vote.recused = 2, 0, 0, 0
        item = session.get(AgendaItem, vote.agenda_item_id)
        rows = session.scalars(select(Attendance).where(Attendance.meeting_id == item.meeting_id))
        for number, attendance in enumerate(rows):
            attendance.status = "present" if number == 0 else "absent"

    texts = [f.text for f in IntegrityService(sqlite_demo_database).check()]

    assert any(
        t.endswith(f"TOP {item.number}: 2 Stimmen, aber nur 1 Mitglied anwesend.") for t in texts
    )


def test_an_agenda_item_about_another_councils_project_is_found(sqlite_demo_database):
    """The agenda refuses such a link, so the row is added directly, as an import would."""
    with sqlite_demo_database.transaction() as session:
        meeting = session.scalars(
            select(Meeting).where(Meeting.number.is_not(None)).order_by(Meeting.starts_at)
        ).first()
        other = Council(name="Beirat Nachbarstadt", city="Nachbarstadt")
        session.add(other)
        session.flush()
        field = session.scalars(select(ActionField.id)).first()
        foreign = Project(council_id=other.id, title="Fremdes & <Anderes>", action_field_id=field)
        session.add(foreign)
        session.flush()
        session.add(
            AgendaItem(
                meeting_id=meeting.id,
                number="99",
                position=99,
                title="Fremd",
                project_id=foreign.id,
            )
        )
        where = f"{meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}, TOP 99"

    findings = IntegrityService(sqlite_demo_database).check()

    assert [f.kind for f in findings] == [FindingKind.AGENDA]
    assert findings[0].text == (
        f"{where}: behandelt das Projekt „Fremdes & <Anderes>“ eines anderen Gremiums; "
        "Übersicht, Tätigkeitsbericht und Projekte zählen diesen TOP nicht als Beratung."
    )
    with sqlite_demo_database.transaction() as session:
        item = session.scalars(select(AgendaItem).where(AgendaItem.number == "99")).one()
        item.deleted_at = meeting.starts_at  # deleted in the app: nothing shows it any more
    assert IntegrityService(sqlite_demo_database).check() == []


def test_a_recommendation_for_another_councils_project_and_an_early_due_date_are_found(
    database, today
):
    DemoService(database, ACTOR).load(today, councils=2, years=1)
    with database.transaction() as session:
        sent = session.scalars(
            select(Recommendation)
            .where(Recommendation.sent_on.is_not(None))
            .order_by(Recommendation.id)
        ).first()
        sent.due_on = sent.sent_on - timedelta(days=1)
        link = session.scalars(select(RecommendationProject)).first()
        owner = session.get(Recommendation, link.recommendation_id)
        foreign = session.scalars(
            select(Project).where(Project.council_id != owner.council_id)
        ).first()
        session.delete(link)
        session.flush()
        session.add(RecommendationProject(recommendation_id=owner.id, project_id=foreign.id))
        codes = (sent.code, owner.code, foreign.title)
        # the councils' codes are alike: each is named with its council (found by a tester)
        councils = [session.get(Council, r.council_id).name for r in (sent, owner)]

    findings = IntegrityService(database).check()

    assert {f.kind for f in findings} == {FindingKind.RECOMMENDATION}
    texts = " ".join(f.text for f in findings)
    assert f"Empfehlung {codes[0]} ({councils[0]}): die Frist" in texts
    assert f"Empfehlung {codes[1]} ({councils[1]}): ist an das Projekt „{codes[2]}“" in texts

    with database.transaction() as session:  # deleted in the app: nothing shows them any more
        for recommendation in session.scalars(
            select(Recommendation).where(Recommendation.code.in_(codes[:2]))
        ):
            recommendation.deleted_at = datetime(2026, 3, 1, 9, 0)
    assert IntegrityService(database).check() == []


def test_an_answer_from_a_project_no_longer_addressed_is_found(database, today):
    """The answer stays (the detail shows it "nicht mehr adressiert"); the check names it."""
    DemoService(database, ACTOR).load(today, councils=1, years=1)
    with database.transaction() as session:
        response = session.scalars(
            select(RecommendationResponse).where(RecommendationResponse.project_id.is_not(None))
        ).first()
        owner = session.get(Recommendation, response.recommendation_id)
        project = session.get(Project, response.project_id)
        session.execute(
            delete(RecommendationProject).where(
                RecommendationProject.recommendation_id == owner.id,
                RecommendationProject.project_id == project.id,
            )
        )
        code, title = owner.code, project.title

    (finding,) = IntegrityService(database).check()

    assert finding.text == (  # the demo holds two councils: named with its own
        f"Empfehlung {code} (Smart City Expert*innenrat): eine Stellungnahme stammt vom "
        f"Projekt „{title}“, an das sie nicht gerichtet ist; sie zählt für kein adressiertes "
        "Projekt."
    )


def test_text_in_place_of_a_stored_pdf_is_found_not_a_traceback(sqlite_demo_database):
    """(found by a tester) A SQLite file edited by hand can hold text in the PDF's column."""
    with sqlite_demo_database.transaction() as session:
        minutes = session.scalars(
            select(MinutesVersion).where(MinutesVersion.state == "approved")
        ).first()
        session.execute(
            text("UPDATE minutes_versions SET public_pdf = 'kein PDF' WHERE id = :id"),
            {"id": minutes.id},
        )

    findings = IntegrityService(sqlite_demo_database).check()

    assert [f.kind for f in findings] == [FindingKind.MINUTES]
    assert "öffentliche Fassung" in findings[0].text
