"""The run sheet's notes per agenda item: excused members, the public leaving and coming
back, items without a duration, the time plan running past the meeting's end."""

from __future__ import annotations

from datetime import datetime, time

from meeting_sample import BERLIN, item

from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.run_sheet_notes import (
    EXCLUDE_PUBLIC,
    NO_DURATION,
    RESTORE_PUBLIC,
    ExpectedMove,
    with_notes,
)


def test_notes_follow_the_agenda_and_the_time_plan() -> None:
    entries = (
        item("1", "Eröffnung", 0, notes="Begrüßung & <Dank>"),
        item("2", "Vergabe", 10, public=False, planned_minutes=40),
        item("3", "Verschiedenes", 50, planned_minutes=None),
    )

    noted = with_notes(
        entries, excused=["Zoë Brontë"], planned_end=datetime(2026, 3, 10, 16, 30, tzinfo=BERLIN)
    )

    assert [e.notes.splitlines() for e in noted] == [
        ["Begrüßung & <Dank>", "Entschuldigt: Zoë Brontë."],
        [EXCLUDE_PUBLIC, "Der Zeitplan geht über das Sitzungsende (16:30 Uhr)."],
        [RESTORE_PUBLIC, NO_DURATION, "Geplantes Ende: 16:50 Uhr."],
    ]


def test_a_member_recused_from_an_item_is_called_back_at_the_next() -> None:
    """(found by a tester) Recused at TOP 6 (a project), "verlässt den Raum", and at TOP 6.1
    (the recommendation to the same project) not a word: the chair could not tell whether
    the member comes back to vote."""
    pal = DeclaredConflict("Ödön Pál", "Geschäftsführer des Projektpartners")
    berg = DeclaredConflict("Kim Berg", "Beraterin des Projekts")
    entries = (
        item("6", "Beratung", 0, conflicts=(pal, berg)),
        item("6.1", "Empfehlung", 10, conflicts=(berg,)),
        item("7", "Verschiedenes", 20),
    )

    noted = [e.notes.splitlines() for e in with_notes(entries)]

    assert noted[0] == [
        "Ödön Pál ist befangen und verlässt den Raum.",
        "Kim Berg ist befangen und verlässt den Raum.",
    ]
    assert noted[1] == [
        "Nach der Befangenheit wieder im Raum: Ödön Pál.",
        "Kim Berg ist befangen und verlässt den Raum.",
    ]
    assert noted[2][0] == "Nach der Befangenheit wieder im Raum: Kim Berg."


def test_a_member_not_in_the_room_neither_leaves_for_a_recusal_nor_comes_back() -> None:
    """(found by a tester) Expected only at TOP 3 and recused at TOP 1, a member "ist
    befangen und verlässt den Raum" at TOP 1 and was "wieder im Raum" at TOP 2; one leaving
    after TOP 2 and recused at TOP 4 was called back at TOP 5, long gone; so was one
    excused."""
    late = DeclaredConflict("Zoë Hartmann", "Beraterin")
    gone = DeclaredConflict("Malte Jürgensen", "Gesellschafter")
    excused = DeclaredConflict("Jörg Brüggemann", "Partner")
    entries = (
        item("1", "Eröffnung", 0, conflicts=(late, excused)),
        item("2", "Bericht", 10),
        item("3", "Beratung", 20, conflicts=(late,)),
        item("4", "Vergabe", 30, conflicts=(gone,)),
        item("5", "Verschiedenes", 40),
    )

    noted = with_notes(
        entries,
        arrivals={"3": [ExpectedMove("Zoë Hartmann")]},
        departures={"2": [ExpectedMove("Malte Jürgensen")]},
        excused=["Jörg Brüggemann"],
    )

    assert [e.notes.splitlines() for e in noted] == [
        ["Entschuldigt: Jörg Brüggemann."],
        ["Geht nach diesem Punkt: Malte Jürgensen."],
        ["Kommt hinzu: Zoë Hartmann.", "Zoë Hartmann ist befangen und verlässt den Raum."],
        ["Nach der Befangenheit wieder im Raum: Zoë Hartmann."],
        ["Geplantes Ende: 16:50 Uhr."],
    ]
    assert [c.member_name for c in noted[3].conflicts] == ["Malte Jürgensen"]  # as declared


def test_a_member_stepping_out_is_noted_and_not_sent_out_for_a_recusal_while_away() -> None:
    """Ödön Pál leaves during TOP 2 (a phone call) and takes part again from TOP 4: the
    chair reads both; his recusal at TOP 3 asks nothing of him, he is not in the room."""
    pal = DeclaredConflict("Ödön Pál", "Geschäftsführer des Projektpartners")
    entries = (
        item("1", "Eröffnung", 0),
        item("2", "Bericht", 10),
        item("3", "Beratung", 20, conflicts=(pal,)),
        item("4", "Verschiedenes", 30),
    )

    noted = with_notes(
        entries,
        stepping_out={"2": [ExpectedMove("Ödön Pál", time(16, 40))]},
        returning={"4": [ExpectedMove("Ödön Pál")]},
    )

    assert [e.notes.splitlines() for e in noted] == [
        [],
        ["Verlässt die Sitzung: Ödön Pál (gegen 16:40 Uhr)."],
        [],
        ["Nimmt wieder teil: Ödön Pál.", "Geplantes Ende: 16:40 Uhr."],
    ]
