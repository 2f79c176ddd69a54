"""The Sitzungen list's column "Protokoll": the state of a meeting's minutes in a word or two."""

from __future__ import annotations

from datetime import date, datetime

from minutes_setup import held_minutes
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QTableView

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.minutes import ItemTexts
from expertenrat.store import models
from expertenrat.ui.meetings_table_model import MeetingsTableModel
from expertenrat.ui.recommendations_table_model import overdue_foreground


def test_a_finished_draft_says_so_in_the_minutes_column(qtmodeltester, services) -> None:
    # Before: "Entwurf" whether or not the draft was finished, while the Übersicht and the
    # Genehmigung tab said "Entwurf abgeschlossen am …".
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Smart City Expert*innenrat", city="Rostock")
    )
    field = services.settings.action_fields(council.id)[0].id
    minutes = held_minutes(services.database, council.id, field)  # the next one planned
    model = MeetingsTableModel()

    def column() -> list[tuple[str, str | None]]:
        model.set_rows(services.meetings.list(council.id))
        cells = [model.index(row, MeetingsTableModel.COLUMN_MINUTES) for row in range(2)]
        return [(cell.data(), cell.data(Qt.ItemDataRole.ToolTipRole)) for cell in cells]

    # No minutes yet: "–", as the CLI's list says it; the cell was blank (found by a tester)
    assert column() == [("Entwurf", None), ("–", None)]
    finished = services.minutes.finish_draft(minutes.meeting_id).finish.finished_on
    assert column() == [
        (
            "fertig",  # one word: the list keeps to its width at 1024 px
            f"Entwurf abgeschlossen am {finished:%d.%m.%Y}, noch nicht versandt",
        ),
        ("–", None),
    ]
    qtmodeltester.check(model)
    # Not invited yet: "–" in the Ladung column too, as in the Protokoll column beside it
    invitation = model.index(1, MeetingsTableModel.COLUMN_INVITATION)
    assert invitation.data() == "–"

    # Changed after the finishing: a draft in the works again, as the editor says.
    item = services.minutes.minutes(minutes.meeting_id).items[0]
    services.minutes.save_item(item.item_id, ItemTexts("Nachgetragen."), item.version, "s")
    assert column()[0] == ("Entwurf", None)

    services.minutes.finish_draft(minutes.meeting_id)
    services.minutes_approval.circulate(minutes.meeting_id, date(2026, 3, 20))
    assert column()[0] == ("versandt", None)


def test_a_planned_meetings_invitation_says_by_when_and_is_red_once_late(
    qtmodeltester, qtbot, services
) -> None:
    """(found by a tester) Opened from the Übersicht's "Einladung überfällig", the list
    showed the meeting like any other planned one, "–" under Ladung; nothing there said
    that the notice period had passed, nor by when the next invitation is due; one recorded
    as sent too late read like any other."""
    council = services.settings.create_council(
        CouncilSettings(id=None, name="Beirat", city="Rostock", notice_period_days=7)
    )
    with services.database.transaction() as session:
        for number, start, state, sent_on in (
            (1, datetime(2026, 12, 1, 16), "planned", None),  # passed, not recorded
            (2, datetime(2026, 12, 8, 16), "planned", None),  # the notice passed on 01.12.
            (3, datetime(2026, 12, 10, 16), "invited", date(2026, 12, 1)),
            (
                4,
                datetime(2026, 12, 10, 18),
                "invited",
                date(2026, 12, 4),
            ),  # the last day was 03.12.
            (5, datetime(2027, 2, 18, 16), "planned", None),
        ):
            session.add(
                models.Meeting(
                    council_id=council.id,
                    number=number,
                    starts_at=start,
                    state=state,
                    invitation_sent_on=sent_on,
                )
            )
    model = MeetingsTableModel()
    model.set_rows(services.meetings.list(council.id, today=date(2026, 12, 4)))
    qtmodeltester.check(model)

    cells = [model.index(row, MeetingsTableModel.COLUMN_INVITATION) for row in range(5)]
    assert [(c.data(), c.data(Qt.ItemDataRole.ToolTipRole)) for c in cells] == [
        ("–", None),
        ("überfällig", "Einladung überfällig (Ladungsfrist seit 01.12.2026 verstrichen)"),
        ("01.12.2026", None),
        ("04.12.2026", "Eingeladen am 04.12.2026 – Ladungsfrist nicht gewahrt"),
        ("–", "Einladung bis 11.02.2027 versenden"),
    ]
    red = [
        model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) == overdue_foreground()
        for row in range(5)
    ]
    assert red == [False, True, False, True, False]

    # (found by a tester) A screen reader said the bare date of the red row, "04.12.2026":
    # the tooltip is the mouse's alone. It says the note instead, as the table's cell.
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    table = QAccessible.queryAccessibleInterface(view)
    cells = [table.child(n) for n in range(table.childCount())]
    spoken = [c.text(QAccessible.Text.Name) for c in cells if c.role() == QAccessible.Role.Cell]
    assert spoken[MeetingsTableModel.COLUMN_INVITATION :: model.columnCount()] == [
        "–",
        "Einladung überfällig (Ladungsfrist seit 01.12.2026 verstrichen)",
        "01.12.2026",
        "Eingeladen am 04.12.2026 – Ladungsfrist nicht gewahrt",
        "Einladung bis 11.02.2027 versenden",
    ]


def test_the_status_says_what_it_means_and_what_comes_next(services) -> None:
    """(found by a tester) Covering the secretariat, a newcomer met "geplant",
    "eingeladen" and "durchgeführt" without a word on what they mean or what to do."""
    council = services.settings.create_council(CouncilSettings(id=None, name="B", city="R"))
    with services.database.transaction() as session:
        for number, state in enumerate(("planned", "invited", "held", "cancelled"), 1):
            session.add(
                models.Meeting(
                    council_id=council.id,
                    number=number,
                    starts_at=datetime(2026, 3, number, 16),
                    state=state,
                    cancellation_reason="Krankheit" if state == "cancelled" else "",
                )
            )
    model = MeetingsTableModel()
    model.set_rows(services.meetings.list(council.id))

    tips = [
        model.index(row, MeetingsTableModel.COLUMN_STATE).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(4)
    ]
    assert tips[0].startswith("Geplant: Die Einladung ist noch nicht versandt.")
    assert "„Einladung versandt“" in tips[0]
    assert tips[1].startswith("Eingeladen: ") and "„Durchgeführt“" in tips[1]
    assert tips[2].startswith("Durchgeführt: ") and "„Genehmigung“" in tips[2]
    assert tips[3] == "Abgesagt: Krankheit"
