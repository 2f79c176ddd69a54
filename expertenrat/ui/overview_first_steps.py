"""The Übersicht's "Erste Schritte": what to do next in a council that has no members,
meetings or projects yet, or still its settings as created, each step a button that opens
its area (with a new record)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QPushButton, QVBoxLayout

from expertenrat.domain.overview import Area, CouncilOverview, Target, TargetFilter
from expertenrat.ui.i18n import tr

_CONTEXT = "OverviewPage"


class FirstSteps(QGroupBox):
    """What to do next in a council that has no members, meetings or projects yet, or has
    not looked at its settings (:attr:`CouncilOverview.settings_unchecked`)."""

    def __init__(self, opened) -> None:
        super().__init__(tr(_CONTEXT, "Erste Schritte"))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.members_button = QPushButton(tr(_CONTEXT, "Mitglieder anlegen …"))
        self.meeting_button = QPushButton(tr(_CONTEXT, "Erste Sitzung planen …"))
        self.projects_button = QPushButton(tr(_CONTEXT, "Projekte erfassen …"))
        self.settings_button = QPushButton(tr(_CONTEXT, "Einstellungen prüfen …"))
        steps = QGridLayout()
        self._hints: dict[QPushButton, QLabel] = {}
        for row, (button, target, hint) in enumerate(
            (
                (
                    self.members_button,
                    Target(Area.MEMBERS, filter=TargetFilter.NEW),
                    tr(
                        _CONTEXT,
                        "Die Mitglieder mit Handlungsfeldern und Amtszeit – einzeln oder als "
                        "Liste (Excel, CSV) auf der Seite „Mitglieder“ importiert.",
                    ),
                ),
                (
                    self.meeting_button,
                    Target(Area.MEETINGS, filter=TargetFilter.NEW),
                    tr(
                        _CONTEXT,
                        "Datum, Ort und Tagesordnung; die Übersicht erinnert dann an die "
                        "Einladung.",
                    ),
                ),
                (
                    self.projects_button,
                    Target(Area.PROJECTS, filter=TargetFilter.NEW),
                    tr(_CONTEXT, "Die Projekte, die das Gremium berät."),
                ),
                (
                    self.settings_button,
                    Target(Area.SETTINGS),
                    tr(
                        _CONTEXT,
                        "Mitgliederzahl, Ladungsfrist, Protokollart, Vorsitz, Logo, Unterschrift "
                        "und E-Mail-Absender – ein neues Gremium beginnt mit Vorgaben, eines "
                        "aus einer Vorlage mit den Angaben der Vorlage.",
                    ),
                ),
            )
        ):
            button.clicked.connect(lambda _checked=False, t=target: opened.emit(t))
            button.setAutoDefault(True)  # Enter takes the step, as it opens a card or line
            label = QLabel(hint)
            label.setWordWrap(True)
            label.setObjectName("figureCaption")
            self._hints[button] = label
            steps.addWidget(button, row, 0)
            steps.addWidget(label, row, 1)
        steps.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(steps)

    def focus_first(self) -> bool:
        """The keyboard focus on the first step still open; ``False``: none is."""
        for button in self._hints:
            if not self.isHidden() and not button.isHidden():
                button.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False

    def show_steps(self, figures: CouncilOverview) -> None:
        needed = {
            self.members_button: figures.members_total == 0,
            self.meeting_button: figures.meetings_total == 0,
            self.projects_button: figures.projects == 0,
            self.settings_button: figures.settings_unchecked,
        }
        for button, open_ in needed.items():
            button.setVisible(open_)
            self._hints[button].setVisible(open_)
        if figures.is_empty:
            text = tr(
                _CONTEXT,
                "Dieses Gremium ist noch leer. Legen Sie zuerst die Mitglieder an und planen "
                "Sie dann die erste Sitzung; die Projekte können Sie jederzeit erfassen.",
            )
        else:
            text = tr(_CONTEXT, "Noch offen:")
        self.intro.setText(text)
        self.setVisible(any(needed.values()))
