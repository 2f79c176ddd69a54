"""The "Sitzung" form's date check names the chair chosen in the form, who would be no
member on the new day, beside the members the meeting records (found by a tester: only
those were named beside the date; the chair was refused later, beside its own field)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QDate

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_draft import MeetingDraft
from expertenrat.domain.members import Member
from expertenrat.store import models
from expertenrat.ui.meeting_form import MeetingForm


def test_the_date_check_names_the_chair_chosen_in_the_form(
    qtbot, services, council_id, today, dialogs
):
    field = services.settings.action_fields(council_id)[0].id
    paul, olga = (
        services.members.save(
            council_id,
            Member(
                None,
                given,
                family,
                primary_field_id=field,
                term_start=date(2025, 1, 1),
                term_end=date(2026, 12, 31),
            ),
            today,
        )
        for given, family in (("Paul", "Zorn"), ("Olga", "Roth"))
    )
    start = datetime.combine(date(2026, 12, 8), time(16))
    meeting_id = services.meetings.create(
        council_id,
        MeetingDraft(MeetingKind.REGULAR, start, start + timedelta(hours=2), place="Rathaus"),
    )
    with services.database.transaction() as session:
        session.add(models.Attendance(meeting_id=meeting_id, membership_id=paul.id))
    form = MeetingForm(services.meetings, services.members, lambda: today, dialogs=dialogs)
    qtbot.addWidget(form)
    form.set_meeting(services.meetings.get(meeting_id), council_id=council_id)

    form.select_chair(olga.id)  # no chair stored
    form.date_edit.setDate(QDate(2027, 1, 12))

    assert not form.save()
    assert form.errors.general.text() == (  # as the date check shows it, above the buttons
        "Die Sitzung kann nicht auf den 12.01.2027 gelegt werden: an diesem Tag sind Olga Roth "
        "(als Sitzungsleitung eingetragen) und Paul Zorn (in der Anwesenheit erfasst) keine "
        "Mitglieder des Gremiums. Bitte prüfen Sie das Datum, die Amtszeit, die Anwesenheit "
        "oder die Sitzungsleitung."
    )
    assert form.errors.message("chair") == ""
    assert services.meetings.get(meeting_id).chair_membership_id is None
