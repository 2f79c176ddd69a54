"""The audit trail in words: German field names, readable values, local days."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from expertenrat.domain.audit_fields import (
    FieldChange,
    field_changes,
    local_time,
    readable,
    utc_bounds,
)
from expertenrat.domain.audit_labels import entity_label
from expertenrat.domain.councils import RoleTitles
from expertenrat.domain.meeting_series import Frequency, SeriesSpec, rule_text

BERLIN = ZoneInfo("Europe/Berlin")


def test_a_changed_member_reads_as_german_fields_with_dates_and_labels():
    before = {"term_end": None, "role": "member", "voting_right": True, "version": 3}
    after = {"term_end": "2026-06-30", "role": "chair", "voting_right": False, "version": 4}

    assert field_changes("membership", before, after) == [
        FieldChange("Ende der Amtszeit", "", "30.06.2026"),
        FieldChange("Rolle", "Mitglied", "Vorsitz"),
        FieldChange("Stimmrecht", "ja", "nein"),
    ]


def test_a_role_reads_as_the_council_calls_it():
    """(found by a tester) a Beirat whose chair is its "Sprecher*in" read "Rolle: Vorsitz"."""
    titles = RoleTitles("Sprecher*in", "stellv. Sprecher*in")
    changes = field_changes("membership", {"role": "vice_chair"}, {"role": "chair"}, titles=titles)

    assert changes == [FieldChange("Rolle", "stellv. Sprecher*in", "Sprecher*in")]
    assert readable("membership", "role", "member", titles) == "Mitglied"
    assert readable("meeting", "state", "held", titles) == "durchgeführt"


def test_text_fields_are_named_as_in_the_forms_messages():
    changes = field_changes("membership", None, {"given_name": "Zoë", "email": "z@example.org"})
    assert [change.label for change in changes] == ["Vorname", "E-Mail-Adresse"]


def test_times_lists_and_votes_are_words_not_json():
    assert readable("meeting", "starts_at", "2025-01-16T16:00:00") == "16.01.2025 16:00"
    assert readable("meeting_minutes", "opened_at", "16:05:00") == "16:05"
    assert readable("project", "partners", ["Stadtwerke", "Uni"]) == "Stadtwerke; Uni"
    vote = {"subject": "Empfehlung", "yes": 7, "no": 0, "abstain": 1, "adopted": True}
    expected = "Empfehlung: Ja 7 · Nein 0 · Enthaltung 1 – angenommen"
    assert readable("votes", "votes", [vote]) == expected
    assert readable("meeting", "state", "held") == "durchgeführt"
    assert readable("meeting", "state", "unbekannt") == "unbekannt"


def test_votes_read_as_the_minutes_word_them():
    """(found by a tester) A vote noted without a vote is stored as not adopted: the
    detail said "Kenntnisnahme: 0 ja, 0 nein, 0 Enthaltungen – abgelehnt"; a unanimous one
    read as counts, recusals were missing, and one abstention was "1 Enthaltungen"."""
    noted = {"subject": "Bericht", "mode": "noted", "yes": 0, "no": 0, "abstain": 0,
             "recused": 0, "adopted": False}  # fmt: skip
    unanimous = {"subject": "Protokoll", "mode": "unanimous", "yes": 9, "no": 0, "abstain": 0,
                 "recused": 0, "adopted": True}  # fmt: skip
    counted = {"subject": "Empfehlung", "mode": "counted", "yes": 5, "no": 2, "abstain": 1,
               "recused": 1, "adopted": False}  # fmt: skip

    assert readable("votes", "votes", [noted]) == "Bericht: zur Kenntnis genommen"
    assert readable("votes", "votes", [unanimous]) == "Protokoll: einstimmig angenommen"
    assert readable("votes", "votes", [counted]) == (
        "Empfehlung: Ja 5 · Nein 2 · Enthaltung 1 · befangen 1 – abgelehnt"
    )


def test_changes_of_whole_lists_are_named_in_german():
    """(found by a tester) Taking over a settings file, reordering action fields, phrases
    or agenda templates and remaking a public minutes PDF wrote entries whose fields the
    page named "fields", "labels", "titles", "order" and "public_sha256", an action field
    as "Umwelt; #2ca02c" among the others' names and colours."""
    fields = {"fields": [["Umwelt", "#2ca02c"], ["Soziale Stadt", "#d62728"]]}
    assert field_changes("action_field", None, fields) == [
        FieldChange("Handlungsfelder", "", "Umwelt (#2ca02c); Soziale Stadt (#d62728)")
    ]
    assert field_changes("text_template", {"labels": ["Dank"]}, {"labels": []}) == [
        FieldChange("Textbausteine", "Dank", "")
    ]
    assert field_changes("agenda_template", None, {"titles": ["Eröffnung", "Verschiedenes"]}) == [
        FieldChange("Vorlagen", "", "Eröffnung; Verschiedenes")
    ]
    assert field_changes("action_field", {"order": ["A", "B"]}, {"order": ["B", "A"]}) == [
        FieldChange("Reihenfolge", "A; B", "B; A")
    ]
    [sha] = field_changes("minutes_version", {"public_sha256": "ab12"}, {"public_sha256": "cd34"})
    assert sha == FieldChange("SHA-256 der öffentlichen Fassung", "ab12", "cd34")


def test_references_show_the_name_beside_the_number_where_it_is_known():
    after = {"council_id": 1, "origin_agenda_item_id": 59, "project_ids": [6, 7]}
    names = {("agenda_item", 59): "TOP 6.1 „Empfehlung“", ("project", 6): "Digitaler Zwilling"}

    assert field_changes("recommendation", None, after, names) == [
        FieldChange("Gremium (Nr.)", "", "1"),  # removed outright: its number alone
        FieldChange("beschlossen in Punkt", "", "TOP 6.1 „Empfehlung“ (Nr. 59)"),
        FieldChange("Projekte", "", "Digitaler Zwilling (Nr. 6); 7"),
    ]
    assert field_changes("agenda_item", None, {"meeting_id": 8}) == [
        FieldChange("Sitzung (Nr.)", "", "8")
    ]


def test_without_numbers_a_reference_is_its_name_and_a_bare_number_is_left_out():
    """(found by a tester) the Auskunft said "Tagesordnungspunkt (Nr.): 43"."""
    after = {
        "id": 12,
        "council_id": 1,
        "origin_agenda_item_id": 59,
        "project_ids": [6, 7],
        "answered_project_ids": [6],
    }
    names = {("agenda_item", 59): "TOP 6.1 „Empfehlung“", ("project", 6): "Digitaler Zwilling"}

    assert field_changes("recommendation", None, after, names, numbers=False) == [
        FieldChange("beschlossen in Punkt", "", "TOP 6.1 „Empfehlung“"),
        FieldChange("Projekte", "", "Digitaler Zwilling"),
        FieldChange("geantwortet haben Projekte", "", "Digitaler Zwilling"),
    ]


def test_hostile_text_stays_as_it_is():
    text = '<b>&amp; "Zitat" 🎉 ' + "x" * 20_000
    assert readable("membership", "notes", text) == text


def test_unknown_kinds_and_fields_keep_their_names():
    assert entity_label("membership") == "Mitglied"
    assert entity_label("something_new") == "something_new"
    assert field_changes("something_new", {"colour": "rot"}, {"colour": "blau"}) == [
        FieldChange("colour", "rot", "blau")
    ]


def test_local_time_and_day_bounds_follow_summer_and_winter_time():
    assert local_time(datetime(2026, 7, 1, 10, 0), BERLIN).hour == 12
    assert local_time(datetime(2026, 1, 1, 10, 0), BERLIN).hour == 11
    first, end = utc_bounds(date(2026, 7, 1), date(2026, 7, 1), BERLIN)
    assert (first, end) == (datetime(2026, 6, 30, 22, 0), datetime(2026, 7, 1, 22, 0))
    assert utc_bounds(None, None, BERLIN) == (None, None)


def test_the_day_of_a_changed_invitation_is_named_in_german():
    changes = field_changes("meeting", {"invitation_changed_on": None},
                            {"invitation_changed_on": "2026-03-02"})  # fmt: skip
    assert changes == [FieldChange("Einladung geändert am", "", "02.03.2026")]


def test_the_rule_of_a_meeting_series_reads_as_words():
    """(found by a tester) A new series showed "Wiederholung | DTSTART:20250417T160000
    RRULE:FREQ=MONTHLY;INTERVAL=3;COUNT=5;BYDAY=+3TH", the stored calendar rule."""
    specs = {
        "vierteljährlich, am dritten Donnerstag, ab 17.04.2025 16:00 Uhr, 5 Termine": SeriesSpec(
            Frequency.QUARTERLY, date(2025, 4, 17), time(16), time(18), weekday=3, ordinal=3,
            count=5,
        ),
        "alle 2 Wochen, am Montag, ab 05.01.2026 16:00 Uhr, bis 30.06.2026": SeriesSpec(
            Frequency.WEEKLY, date(2026, 1, 5), time(16), time(18), interval=2, weekday=0,
            until=date(2026, 6, 30),
        ),
        "monatlich, am 31., ab 31.01.2026 09:00 Uhr, 1 Termin": SeriesSpec(
            Frequency.MONTHLY, date(2026, 1, 31), time(9), time(11), day_of_month=31, count=1
        ),
        "jährlich, am letzten Dienstag im März, ab 03.03.2026 09:00 Uhr, 3 Termine": SeriesSpec(
            Frequency.YEARLY, date(2026, 3, 3), time(9), time(11), weekday=1, ordinal=-1,
            count=3,
        ),
    }  # fmt: skip
    for words, spec in specs.items():
        [change] = field_changes("meeting_series", None, {"rrule": rule_text(spec)})
        assert change == FieldChange("Wiederholung", "", words)
    assert readable("meeting_series", "rrule", "RRULE:kaputt") == "RRULE:kaputt"


def test_a_bundesland_reads_as_its_name_not_its_code():
    """The Änderungsprotokoll (and its CSV) names the Bundesland as the settings' list
    does, "Mecklenburg-Vorpommern", not the stored ISO code "DE-MV" (found by a tester)."""
    assert field_changes("council", {"bundesland": "DE-MV"}, {"bundesland": "DE-SH"}) == [
        FieldChange("Bundesland", "Mecklenburg-Vorpommern", "Schleswig-Holstein")
    ]
    assert readable("council", "bundesland", "DE-XX") == "DE-XX"  # unknown: as stored


def test_an_agenda_items_presenter_is_named_as_the_agenda_calls_it():
    """(found by a tester) The audit trail said "Angabe der/des Vortragenden" beside the
    agenda's star form."""
    changes = field_changes("agenda_item", None, {"presenter": "Projektteam: Henrike Vogt"})
    assert [change.label for change in changes] == ["Vortragende*r"]


def test_an_agenda_items_outcome_reads_as_a_word():
    """(found by a tester) An Auskunft and the Änderungsprotokoll said "Behandlung:
    discussed" for an agenda item added with its outcome."""
    changes = field_changes("agenda_item", None, {"outcome": "postponed"})
    assert changes == [FieldChange("Behandlung", "", "vertagt")]


def test_a_members_sector_is_named_as_the_member_form_names_it():
    """(found by a tester) The audit trail, and so the Auskunft, said "Bereich: Verwaltung"
    beside the Auskunft's "Sektor", while "Bereich" is the trail's column for the area."""
    changes = field_changes("membership", None, {"sector": "administration"})
    assert changes == [FieldChange("Sektor", "", "Verwaltung")]


def test_the_role_titles_are_named_as_the_einstellungen_name_them():
    """(found by a tester) The trail said "Bezeichnung des Vorsitzes" where the setting
    reads "Bezeichnung Vorsitz"; the Einstellungen now take the name from the trail's."""
    changes = field_changes(
        "council",
        {"chair_title": "Vorsitz", "vice_chair_title": "Stellv. Vorsitz"},
        {"chair_title": "Sprecher*in", "vice_chair_title": "stellv. Sprecher*in"},
    )
    assert [change.label for change in changes] == [
        "Bezeichnung Vorsitz",
        "Bezeichnung Stellvertretung",
    ]
