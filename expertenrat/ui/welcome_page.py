"""Shown while the database holds no council: load the demo or start a new council."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.action_fields import DEFAULT_ACTION_FIELDS, default_colour
from expertenrat.domain.councils import CouncilSettings, classification_for
from expertenrat.domain.errors import ExpertenratError, ValidationError
from expertenrat.services.settings import SettingsService
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.page import NothingPending
from expertenrat.ui.settings_profile import bundesland_combo
from expertenrat.ui.text_boxes import plain_text_edit
from expertenrat.ui.text_fields import LineEdit
from expertenrat.ui.widgets import action_button, hint_label, page_title

if TYPE_CHECKING:
    from expertenrat.services.demo import DemoService

_CONTEXT = "WelcomePage"
COLUMN_WIDTH = 600  # wide enough for the intro in three lines, narrow enough to read


class WelcomePage(NothingPending, QWidget):
    """Emits ``ready`` once the database holds a council."""

    ready = Signal()

    def __init__(
        self,
        settings: SettingsService,
        demo: Callable[[], DemoService],
        today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._demo = demo  # the demo's service, made when the user loads the demo
        self._today = today
        intro = QLabel(
            tr(
                _CONTEXT,
                "Die Datenbank ist noch leer. Sie können die Demodaten eines erfundenen "
                "Expert*innenrats laden, um das Programm kennenzulernen, oder gleich Ihr "
                "eigenes Gremium anlegen.",
            )
        )
        intro.setWordWrap(True)
        self.demo_button = QPushButton(tr(_CONTEXT, "Demodaten laden"))
        # Empty: another city's council has a name of its own (the example is Rostock's).
        self.name_edit = LineEdit()
        self.name_edit.setPlaceholderText(tr(_CONTEXT, "z. B. Smart City Expert*innenrat"))
        self.city_edit = LineEdit()
        self.city_edit.setPlaceholderText(tr(_CONTEXT, "z. B. Rostock"))
        # The Länder's holidays differ (Reformationstag, Fronleichnam …): asked here, so
        # that a new council does not start with one Land's calendar unseen.
        self.bundesland_combo = bundesland_combo()
        # The action fields a council starts with, as a proposal the user sees and edits
        # (one a line), not created unseen: Rostock's four, which another city changes.
        self.fields_edit = plain_text_edit(len(DEFAULT_ACTION_FIELDS) + 1, grows=False)
        self.fields_edit.setPlainText("\n".join(name for name, _ in DEFAULT_ACTION_FIELDS))
        self.fields_hint = hint_label(
            tr(
                _CONTEXT,
                "Vorschlag: die vier Handlungsfelder der Rostocker Smart-City-Strategie. Eines "
                "je Zeile – ändern, ergänzen oder löschen Sie sie; später auch unter "
                "Einstellungen.",
            )
        )
        self.create_button = QPushButton(tr(_CONTEXT, "Gremium anlegen"))
        box = QGroupBox(tr(_CONTEXT, "Eigenes Gremium anlegen"))
        form = QFormLayout(box)
        self.errors = FormErrors(form)
        self.errors.add_row(tr(_CONTEXT, "Name"), "name", self.name_edit)
        self.errors.add_row(tr(_CONTEXT, "Stadt"), "city", self.city_edit)
        self.errors.add_row(
            tr(_CONTEXT, "Bundesland (Feiertage)"), "bundesland", self.bundesland_combo
        )
        # The hint under the box, the message line under both (as under every field).
        fields = QWidget()
        fields_layout = QVBoxLayout(fields)
        fields_layout.setContentsMargins(0, 0, 0, 0)
        fields_layout.addWidget(self.fields_edit)
        fields_layout.addWidget(self.fields_hint)
        self.errors.add_row(
            tr(_CONTEXT, "Handlungsfelder"), "action_fields", fields, self.fields_edit
        )
        # At its own width under the fields' right end, as a dialog's buttons stand; as a
        # row of its own it stretched across the whole box, unlike every other button.
        create_row = QHBoxLayout()
        create_row.addStretch(1)
        create_row.addWidget(self.create_button)
        form.addRow(create_row)
        self.demo_row = QHBoxLayout()
        self.demo_row.addWidget(self.demo_button)
        self.demo_row.addStretch(1)
        column = QVBoxLayout()
        column.addWidget(page_title(tr(_CONTEXT, "Willkommen bei Expertenrat")))
        column.addWidget(intro)
        column.addLayout(self.demo_row)
        column.addWidget(box)
        # Under the box, not between "Stadt" and the button: its empty line (kept so that
        # nothing moves when a message appears) made the gap above the button twice the
        # gap between the fields. A failed demo load is said here too.
        column.addWidget(self.errors.general)
        # A second PC of the office starts here too, its own file still empty: the way
        # to the server the data lives on, which Einstellungen (not shown yet) offers.
        self.server_row = QHBoxLayout()
        self.server_hint = hint_label(
            tr(_CONTEXT, "Liegen die Daten Ihrer Geschäftsstelle schon auf einem Server?")
        )
        self.server_row.addWidget(self.server_hint, 1)
        column.addSpacing(self.fontMetrics().height())
        column.addLayout(self.server_row)
        self.server_hint.hide()
        self.column = QWidget()
        self.column.setLayout(column)
        self.column.setMaximumWidth(COLUMN_WIDTH)
        # The column as wide as it may be, in the middle; above it a third of the height
        # left, below two thirds (it sits in the upper part, as a dialog would).
        across = QHBoxLayout()
        across.addStretch(1)
        across.addWidget(self.column, 100)
        across.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(across)
        layout.addStretch(2)
        self.demo_button.clicked.connect(self.load_demo)
        self.create_button.clicked.connect(self.create_council)
        for edit in (self.name_edit, self.city_edit):  # Enter creates, as in a dialog
            edit.returnPressed.connect(self.create_council)

    # The page shape (see expertenrat.ui.page): shown only while there is no council.

    def set_council(self, council_id: int) -> None:
        pass

    def refresh(self) -> None:
        pass

    def offer(self, action: QAction) -> None:
        """A button for ``action`` beside "Demodaten laden" ("Neues Gremium aus Vorlage …")."""
        button = action_button(action)
        self.demo_row.insertWidget(1, button)
        QWidget.setTabOrder(self.demo_button, button)  # added later, it came last for Tab

    def offer_server(self, action: QAction) -> None:
        """A button for ``action`` ("Mit Server verbinden …") in the last line."""
        self.server_hint.show()
        self.server_row.addWidget(action_button(action))

    def load_demo(self) -> None:
        try:
            self._demo().load(self._today())
        except ExpertenratError as error:
            self.errors.show_general(error.message)
            return
        self.ready.emit()

    def action_fields(self) -> list[tuple[str, str]]:
        """The action fields as typed (one a line, empty lines left out), with colours."""
        names = [line.strip() for line in self.fields_edit.toPlainText().splitlines()]
        return [(name, default_colour(i)) for i, name in enumerate(n for n in names if n)]

    def create_council(self) -> None:
        try:
            self._settings.create_council(
                CouncilSettings(
                    id=None,
                    name=self.name_edit.text(),
                    city=self.city_edit.text(),
                    bundesland=self.bundesland_combo.currentData(),
                    classification=classification_for(self.name_edit.text()),
                ),
                action_fields=self.action_fields(),
            )
        except ValidationError as error:
            self.errors.show(error.problems)
            self.errors.focus_first_error()
            return
        except ExpertenratError as error:
            self.errors.show_general(error.message)
            return
        self.ready.emit()
