"""The integrity check names stored texts that break the text rule: written around the
services (an old or hand-edited backup, another tool), on both database systems."""

from __future__ import annotations

import sqlite3

from sqlalchemy import select, update

from expertenrat.domain.integrity import FindingKind
from expertenrat.services.integrity import IntegrityService
from expertenrat.store.models import (
    ActionField,
    AgendaItem,
    Guest,
    Meeting,
    MinutesVersion,
    Person,
    Recommendation,
    TextTemplate,
)

OVERRIDE = "\u202e"


def _meeting_label(meeting: Meeting) -> str:
    return f"{meeting.number}. Sitzung am {meeting.starts_at:%d.%m.%Y}"


def test_a_bidi_override_is_named_with_its_record_and_field(demo_database):
    # Found by a tester: a backup edited by hand was restored with a bidi override in a
    # name and in approved minutes, and "Prüfen" said the database was in order.
    with demo_database.transaction() as session:
        person = session.scalars(select(Person).order_by(Person.id)).first()
        name = f"{person.given_name} {person.family_name}"
        approved = session.scalars(
            select(MinutesVersion).where(MinutesVersion.state == "approved")
        ).first()
        item = session.scalars(
            select(AgendaItem)
            .where(AgendaItem.meeting_id == approved.meeting_id)
            .order_by(AgendaItem.id)
        ).first()
        meeting = session.get(Meeting, approved.meeting_id)
        code = session.scalars(select(Recommendation.code).order_by(Recommendation.id)).first()
        session.execute(
            update(Person)
            .where(Person.id == person.id)
            .values(family_name=Person.family_name + OVERRIDE)
        )
        session.execute(
            update(AgendaItem)
            .where(AgendaItem.id == item.id)
            .values(discussion=AgendaItem.discussion + "\n" + OVERRIDE)
        )
        session.execute(
            update(Recommendation)
            .where(Recommendation.code == code)
            .values(text=Recommendation.text + "\x1b")
        )
    findings = IntegrityService(demo_database).check()
    bidi = "enthält ein unsichtbares Steuerzeichen (U+202E RIGHT-TO-LEFT OVERRIDE)."
    assert {f.kind for f in findings} == {FindingKind.TEXT}
    assert [f.text for f in findings] == [
        f"Mitglied „{name}“, Feld Nachname: {bidi}",
        f"{_meeting_label(meeting)}, TOP {item.number}, Feld Verlauf der Beratung: {bidi}",
        f"Empfehlung {code}, Feld Text der Empfehlung: "
        "enthält ein unsichtbares Steuerzeichen (U+001B).",
    ]


def test_nul_too_long_texts_and_a_line_break_are_named_on_sqlite(sqlite_demo_database):
    # PostgreSQL refuses NUL, so such a SQLite database could not move to the server, and
    # nothing told the user which record holds it.
    with sqlite_demo_database.transaction() as session:
        guest = session.scalars(select(Guest).order_by(Guest.id)).first()
        meeting = session.get(Meeting, guest.meeting_id)
        template = session.scalars(select(TextTemplate).order_by(TextTemplate.id)).first()
        field = session.scalars(select(ActionField).order_by(ActionField.id)).first()
        session.execute(  # longer than its column (7), which PostgreSQL refuses
            update(ActionField).where(ActionField.id == field.id).values(colour="#1f77b4\n")
        )
        session.execute(
            update(Guest).where(Guest.id == guest.id).values(note="Gast\x00")
        )  # not a field of field_limits: only NUL is checked there
        session.execute(
            update(Meeting).where(Meeting.id == meeting.id).values(minute_taker="Frau\nSchulz")
        )
        session.execute(
            update(TextTemplate).where(TextTemplate.id == template.id).values(text="x" * 5_001)
        )
    findings = IntegrityService(sqlite_demo_database).check()
    assert [f.text for f in findings] == [
        f"Handlungsfeld „{field.name}“, Feld Farbe: "
        "ist länger als erlaubt (8 statt höchstens 7 Zeichen).",
        f"Textbaustein „{template.label}“, Feld Textbaustein: "
        "ist länger als erlaubt (5.001 statt höchstens 5.000 Zeichen).",
        f"{_meeting_label(meeting)}, Feld Protokollführung: enthält einen Zeilenumbruch.",
        f"{_meeting_label(meeting)}, Gast „{guest.name}“, Feld Notiz: "
        "enthält ein unsichtbares Steuerzeichen (U+0000).",
    ]


def test_a_lone_surrogate_another_tool_wrote_is_named_and_the_check_runs(sqlite_demo_database):
    # Found by a tester: a text that is not valid UTF-8 (a lone surrogate, CESU-8) made the
    # whole check fail with "Die Datenbank hat die Anfrage abgelehnt."
    with sqlite_demo_database.reading() as session:
        person = session.scalars(select(Person).order_by(Person.id)).first()
        name = f"{person.given_name} {person.family_name}"
    with sqlite3.connect(sqlite_demo_database.url.database) as connection:
        connection.execute(  # "A", U+D800 as CESU-8, "B"; and a byte that is no UTF-8 at all
            "UPDATE persons SET notes = CAST(X'41EDA08042' AS TEXT), "
            "phone = CAST(X'3031FF' AS TEXT) WHERE id = ?",
            (person.id,),
        )
    findings = IntegrityService(sqlite_demo_database).check()
    assert [f.text for f in findings] == [
        f"Mitglied „{name}“, Feld Telefonnummer: enthält ein unsichtbares Steuerzeichen (U+DCFF).",
        f"Mitglied „{name}“, Feld Notizen: enthält ein unsichtbares Steuerzeichen (U+D800).",
    ]
