"""The annual report's figures from a small known data set: who served, joined and left
(named only with consent), the composition on the key date, consultations per field (one
per project and meeting), the recommendations per field and kind with the Übersicht's
figures and "answered in time"."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from annual_report_sample import (
    COUNCIL,
    FIELDS,
    FIGURES,
    MEETINGS,
    MEMBERS,
    ON,
    ROWS,
    YEAR,
    member,
    report,
)

from expertenrat.domain.annual_report import check_year, default_year
from expertenrat.domain.annual_report_council import council_part
from expertenrat.domain.enums import MemberRole, RecommendationStatus, Sector
from expertenrat.domain.errors import DataEntryError
from expertenrat.domain.recommendation_links import Origin

S = RecommendationStatus


def names(members) -> list[str]:
    return [entry.name for entry in members.named]


def test_members_of_the_year_are_named_with_consent_and_counted_without():
    part = council_part(MEMBERS, FIELDS, COUNCIL, YEAR, ON)

    assert names(part.members) == ["Anna Zander", "Dieter Alt", "Carla Neu"]  # chair, vice first
    assert part.members.unnamed == 2 and part.members.count == 5
    assert part.members.others == "sowie 2 weitere Mitglieder"
    assert (names(part.joined), part.joined.unnamed) == (["Carla Neu"], 1)
    assert (names(part.left), part.left.unnamed) == (["Dieter Alt"], 0)
    assert part.key_date == date(2025, 12, 31)


def test_members_none_of_whom_is_named_are_not_called_further_ones():
    # A new council whose members have not yet consented: "7 weitere Mitglieder" stood
    # where no member was named before them.
    unnamed = [m for m in MEMBERS if not m.publish_name]
    part = council_part(unnamed, FIELDS, COUNCIL, YEAR, ON)

    assert names(part.members) == [] and part.members.unnamed == 2
    assert part.members.others == "2 Mitglieder"
    assert council_part(unnamed[:1], FIELDS, COUNCIL, YEAR, ON).members.others == "1 Mitglied"


def test_a_term_ending_on_the_last_day_of_the_year_has_left_a_continued_one_has_not():
    ends = member(1, "Ende", "Silvester", date(2024, 1, 1), date(2025, 12, 31))
    again = [  # person 2: a new term as chair the day after, then a term into next year
        member(2, "Paula", "Weiter", date(2023, 1, 1), date(2025, 6, 30)),
        member(12, "Paula", "Weiter", date(2025, 7, 1), date(2025, 12, 31), person_id=2,
               role=MemberRole.CHAIR),
        member(22, "Paula", "Weiter", date(2026, 1, 1), date(2027, 12, 31), person_id=2),
    ]  # fmt: skip
    back = [  # person 3: left in March, back in October
        member(3, "Bert", "Zurück", date(2024, 1, 1), date(2025, 3, 31)),
        member(13, "Bert", "Zurück", date(2025, 10, 1), person_id=3),
    ]
    part = council_part([ends, *again, *back], FIELDS, COUNCIL, YEAR, ON)

    assert names(part.left) == ["Ende Silvester", "Bert Zurück"]
    assert part.composition.active == 3 and part.leaving == 1  # Silvester is in both
    assert names(part.joined) == ["Bert Zurück"]
    assert names(part.members) == ["Paula Weiter", "Ende Silvester", "Bert Zurück"]
    weiter = part.members.named[0]
    assert (weiter.role, weiter.term_start, weiter.term_end) == (
        "Vorsitz",
        date(2023, 1, 1),
        date(2027, 12, 31),
    )
    assert part.members.named[2].term_start == date(2025, 10, 1)  # the latest stretch


def test_in_the_running_year_a_term_ending_later_has_not_left_one_begun_later_not_joined():
    members = [
        member(1, "Anna", "Später", date(2024, 1, 1), date(2026, 6, 30)),
        member(2, "Ben", "Heute", date(2024, 1, 1), date(2026, 3, 1)),
        member(3, "Cem", "Juni", date(2026, 6, 1)),
    ]
    part = council_part(members, FIELDS, COUNCIL, 2026, date(2026, 3, 1))

    assert names(part.left) == ["Ben Heute"]
    assert part.joined.count == 0
    assert "Cem Juni" not in names(part.members)


def test_composition_is_counted_on_the_key_date():
    composition = council_part(MEMBERS, FIELDS, COUNCIL, YEAR, ON).composition

    assert composition.active == 4  # Zander, Pál, Neu, Geheim
    assert [(c.field.name, c.primary) for c in composition.coverage] == [
        ("Stadtdaten", 2),
        ("Umwelt", 2),
    ]
    assert dict(composition.sectors)[Sector.RESEARCH] == 1


def test_the_running_year_counts_up_to_the_reports_day():
    part = council_part(MEMBERS, FIELDS, COUNCIL, 2026, date(2026, 3, 1))

    assert part.key_date == date(2026, 3, 1)
    assert "Gustav Später" in names(part.joined)


def test_meetings_totals():
    assert len(MEETINGS.held) == 3 and MEETINGS.cancelled == 1 and MEETINGS.quorate == 1
    assert MEETINGS.partly_quorate == 0
    assert MEETINGS.attendance_percent == 67  # 8 of 12 where attendance was recorded


def test_a_project_is_one_consultation_per_meeting_non_public_ones_only_counted():
    done = report()

    assert [
        (p.name, [(c.meeting, c.numbers, c.project) for c in p.public], p.non_public)
        for p in done.consultations
    ] == [
        ("Stadtdaten", [("1. Sitzung", "5", "Datenplattform"),
                        ("2. Sitzung", "2", "Datenplattform")], 0),
        ("Umwelt", [("1. Sitzung", "3, 3.1", "Klimaportal")], 1),  # 3.2 not public, not named
        ("Ohne Handlungsfeld", [], 1),
    ]  # fmt: skip
    assert done.consultation_count == 5 == sum(p.count for p in done.consultations)
    by_name = {f.field.name: f.consultations for f in FIGURES}
    assert all(by_name[p.name] == p.count for p in done.consultations if p.name in by_name)


def test_recommendations_per_field_by_kind_with_the_figures():
    done = report()
    umwelt = next(p for p in done.recommendations if p.name == "Umwelt")

    assert [p.name for p in done.recommendations] == ["Stadtdaten", "Umwelt"]
    assert [line.row.code for line in umwelt.lines] == ["E-2025-01", "E-2025-03", "E-2025-02"]
    assert umwelt.kinds == "2 Empfehlungen, 1 Impuls"
    assert (umwelt.figures.answered, umwelt.figures.accepted) == (2, 1)
    # 3 sent, deadline passed for all: answered by 25.05. only no. 1
    assert (umwelt.in_time.counted, umwelt.in_time.in_time) == (3, 1)
    assert done.status_chart.fields == ("Stadtdaten", "Umwelt")
    assert S.IMPLEMENTED in done.status_chart.statuses


def test_the_non_public_ones_are_counted_as_a_german_enumeration():
    # "sowie 1 Empfehlung, 1 Impuls in nichtöffentlicher Beratung beschlossen" read as a
    # list cut short (found by a tester); the heading's figures stay a list in brackets.
    secret = Origin(meeting_id=1, meeting_label="1. Sitzung", item_id=9, item_number="4")
    rows = [replace(r, origin=secret) if r.code != "E-2025-01" else r for r in ROWS]
    done = report(rows=rows, non_public=[9])
    parts = {p.name: p for p in done.recommendations}
    umwelt = parts["Umwelt"]

    assert umwelt.non_public_kinds == "1 Empfehlung und 1 Impuls"
    assert umwelt.kinds == "2 Empfehlungen, 1 Impuls"
    assert parts["Stadtdaten"].non_public_kinds == "1 Empfehlung"


@pytest.mark.parametrize("year", [1899, 2101, 2027])
def test_a_year_outside_the_range_or_ahead_is_refused(year):
    with pytest.raises(DataEntryError):
        check_year(year, date(2026, 11, 27))


def test_default_year_is_the_last_one_until_march():
    assert default_year(date(2027, 3, 31)) == 2026
    assert default_year(date(2027, 4, 1)) == 2027
