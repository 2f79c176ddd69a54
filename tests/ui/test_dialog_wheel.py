"""The mouse wheel over a dialog's combo box or spin box that has no focus changes nothing,
as over its date fields: the recommendation dialogs, the response, closing, conflict and
text question dialogs and the server dialog's port took the wheel while the pointer passed
over them (a plain QComboBox, QSpinBox) and the date fields beside them did not."""

from __future__ import annotations

from datetime import date

import pytest

from expertenrat.domain.conflict_sheet import MemberRef
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.ui.close_recommendation_dialog import CloseRecommendationDialog
from expertenrat.ui.conflict_declare_dialog import ConflictDeclareDialog
from expertenrat.ui.recommendation_content_dialogs import (
    EditRecommendationDialog,
    NewRecommendationDialog,
)
from expertenrat.ui.recommendation_dialog import RecommendationDialog
from expertenrat.ui.recommendation_response_dialog import RecommendationResponseDialog
from expertenrat.ui.server_dialog import ServerDialog
from expertenrat.ui.text_question_dialog import TextQuestionDialog
from tests.ui.settling import exposed
from tests.ui.wheeling import fields_the_wheel_changed

DAY = date(2026, 12, 2)
PROJECTS = [(1, "Klimasensoren"), (2, "Bürgerportal")]
FIELDS = [(1, "Moderne Verwaltung"), (2, "Stadtdaten")]
ADDRESSED = [AddressedProject(n, title) for n, title in PROJECTS]
MEMBERS = [MemberRef(1, "Anna Berg"), MemberRef(2, "Ben Çelik")]

DIALOGS = {
    "Neue Empfehlung": lambda: NewRecommendationDialog(None, PROJECTS, FIELDS, DAY, print),
    "Bearbeiten": lambda: EditRecommendationDialog(
        None, "E-2026-01", "Sitzung", RecommendationContent("T", "X"), PROJECTS, FIELDS, DAY, print
    ),
    "Beschließen (Protokoll)": lambda: RecommendationDialog(None, PROJECTS, FIELDS, print),
    "Stellungnahme": lambda: RecommendationResponseDialog(None, "E-2026-01", DAY, print, ADDRESSED),
    "Abschließen": lambda: CloseRecommendationDialog(None, "E-2026-01", DAY, print),
    "Befangenheit": lambda: ConflictDeclareDialog("TOP 1", MEMBERS, lambda m, r: True),
    "Textfrage": lambda: TextQuestionDialog(None, "T", "Text", "", "Wahl", ("a", "b")),
    "Server": lambda: ServerDialog("Mit Server verbinden", "Wo liegt die Datenbank?"),
}


@pytest.mark.parametrize("name", DIALOGS)
def test_the_wheel_changes_no_field_without_focus(qtbot, name) -> None:
    dialog = DIALOGS[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    exposed(dialog)  # shown first: its first field takes the focus then, not while wheeled

    assert fields_the_wheel_changed(dialog) == []
