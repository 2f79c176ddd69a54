"""The Sitzungen list's column "Protokoll": the state of a meeting's minutes in a word or two."""

from __future__ import annotations

from datetime import date

from minutes_setup import held_minutes
from PySide6.QtCore import Qt

from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.minutes import ItemTexts
from expertenrat.ui.meetings_table_model import MeetingsTableModel


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
