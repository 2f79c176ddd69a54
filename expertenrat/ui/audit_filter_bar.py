"""Above the Änderungsprotokoll: the search in the descriptions and the filters Bereich,
Person, Art der Änderung and Zeitraum. The database applies them: the bar says what is
chosen as the service reads it (:meth:`AuditFilterBar.chosen`) and signals ``changed``
when a filter changes (the page waits for a pause in the typed search itself).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from expertenrat.domain.audit_labels import entity_label
from expertenrat.domain.enums import AuditAction
from expertenrat.services.audit_reading import AuditFilter
from expertenrat.ui.date_fields import date_edit
from expertenrat.ui.filter_bar import FilterBar, refill_combo
from expertenrat.ui.i18n import tr

_CONTEXT = "AuditPage"


class AuditFilterBar(FilterBar):
    changed = Signal()  # a filter other than the search

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        """``today``: the end of the period first offered (the 30 days before it)."""
        entity_combo, actor_combo, action_combo = QComboBox(), QComboBox(), QComboBox()
        action_combo.addItem(tr(_CONTEXT, "Alle Änderungen"), None)
        for action in AuditAction:
            action_combo.addItem(action.label, action.value)
        period_check = QCheckBox(tr(_CONTEXT, "Zeitraum"))
        first_edit, last_edit = _date_edit(), _date_edit()
        first_edit.setAccessibleName(tr(_CONTEXT, "Zeitraum von"))  # for screen readers
        last_edit.setAccessibleName(tr(_CONTEXT, "Zeitraum bis"))
        # "Zeitraum [von] bis [bis]" stays on one row where the filters wrap: "bis" once
        # ended the row and its date began the next (found by a tester).
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        for widget in (period_check, first_edit, QLabel(tr(_CONTEXT, "bis")), last_edit):
            period_row.addWidget(widget)
        super().__init__(
            tr(_CONTEXT, "Suchen in der Beschreibung …"),
            tr(_CONTEXT, "Sucht nach einer kurzen Pause beim Tippen (Strg+F)"),
            (
                entity_combo,
                actor_combo,
                action_combo,
                period,
            ),
            parent,
            names=(
                tr(_CONTEXT, "Bereich"),
                tr(_CONTEXT, "Person"),
                tr(_CONTEXT, "Art der Änderung"),
            ),
        )
        self.entity_combo, self.actor_combo, self.action_combo = combos = (
            entity_combo,
            actor_combo,
            action_combo,
        )
        self.period_check, self.first_edit, self.last_edit = period_check, first_edit, last_edit
        self._today = today
        self._offered_until: date | None = None  # the period's end offered, while it stays
        for combo in combos:
            combo.currentIndexChanged.connect(self.changed)
        self.period_check.toggled.connect(self._period_toggled)
        self.first_edit.dateChanged.connect(self.changed)
        self.last_edit.dateChanged.connect(self.changed)
        self._period_toggled(False)

    def fill(self, entities: list[str], actors: list[str]) -> None:
        """Offer the kinds of records and the people found; the chosen ones stay chosen."""
        choices = sorted((entity_label(e), e) for e in entities)
        refill_combo(self.entity_combo, tr(_CONTEXT, "Alle Bereiche"), choices)
        refill_combo(self.actor_combo, tr(_CONTEXT, "Alle Personen"), [(a, a) for a in actors])

    def show_everything(self) -> None:
        """Every kind, person, change and day, as for a council shown anew, without
        ``changed`` (the caller reads): what was chosen for the last council ("gelöscht",
        a period) hid this one's entries (found by a tester)."""
        choices = (self.entity_combo, self.actor_combo, self.action_combo, self.period_check)
        for widget in choices:
            widget.blockSignals(True)
        for combo in choices[:3]:
            combo.setCurrentIndex(0)
        self.period_check.setChecked(False)
        for widget in choices:
            widget.blockSignals(False)
        self.first_edit.setEnabled(False)
        self.last_edit.setEnabled(False)

    def chosen(self, council_id: int) -> AuditFilter:
        action = self.action_combo.currentData()
        first = last = None
        if self.period_check.isChecked():
            first, last = self.first_edit.date().toPython(), self.last_edit.date().toPython()
        return AuditFilter(
            council_id=council_id,
            entity=self.entity_combo.currentData() or "",
            text=self.search_edit.text(),
            actor=self.actor_combo.currentData() or "",
            action=AuditAction(action) if action else None,
            first=first,
            last=last,
        )

    def inverted_period(self) -> tuple[QDate, QDate] | None:
        """The chosen period's first and last day where it ends before it begins."""
        first, last = self.first_edit.date(), self.last_edit.date()
        return (first, last) if self.period_check.isChecked() and first > last else None

    def follow_today(self) -> None:
        """A period offered as ending today ends on the new day once one has begun (the
        window open over night), unless the user chose another end: it ended yesterday,
        and the day's changes were missing from the Änderungsprotokoll as if none were
        recorded (found by a tester). No ``changed``: the caller reads."""
        today, offered = self._today(), self._offered_until
        if offered is None or today == offered:
            return
        if self.last_edit.date().toPython() != offered:
            self._offered_until = None  # the user chose its end: it stays
            return
        _set_quietly(self.last_edit, today)
        self._offered_until = today

    def _period_toggled(self, on: bool) -> None:
        if on and self.first_edit.date() == self.first_edit.minimumDate():
            today = self._today()
            _set_quietly(self.first_edit, today - timedelta(days=30))
            _set_quietly(self.last_edit, today)
            self._offered_until = today
        self.first_edit.setEnabled(on)
        self.last_edit.setEnabled(on)
        self.changed.emit()


def _set_quietly(edit: QDateEdit, day: date) -> None:
    edit.blockSignals(True)
    edit.setDate(QDate(day.year, day.month, day.day))
    edit.blockSignals(False)


def _date_edit() -> QDateEdit:
    edit = date_edit()
    edit.setMinimumDate(QDate(2000, 1, 1))
    edit.setSpecialValueText("–")  # no day chosen yet
    edit.setDate(edit.minimumDate())
    return edit
