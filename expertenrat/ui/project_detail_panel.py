"""The selected project beside the table: its partners, consultations and recommendations."""

from __future__ import annotations

from collections.abc import Hashable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from expertenrat.domain.meeting_states import NOT_YET_HELD
from expertenrat.domain.overview import Area, Target
from expertenrat.domain.projects import (
    Consultation,
    ConsultedItem,
    Project,
    ProjectRecommendation,
)
from expertenrat.ui.column_fit import LAST_WIDTH, refit_on_width_change
from expertenrat.ui.i18n import tr
from expertenrat.ui.recommendations_table_model import overdue_background, overdue_foreground
from expertenrat.ui.table_model import Column, RowsTableModel
from expertenrat.ui.widgets import hint_label

_CONTEXT = "ProjectDetailPanel"


class ConsultationsModel(RowsTableModel):
    """The meetings that consulted a project, one row each with the agenda items there; one
    still ahead (planned or invited) is marked "(geplant)"."""

    MEETING = 0
    TITLE = 3

    def __init__(self, parent=None) -> None:
        super().__init__(
            (
                Column(
                    tr(_CONTEXT, "Sitzung"),
                    _meeting,
                    sort_value=lambda c: c.meeting_start,
                    # whole where the column cuts it (see ProjectDetailPanel._fit_meetings)
                    tooltip=_meeting_tooltip,
                ),
                Column(
                    tr(_CONTEXT, "Datum"),
                    lambda c: f"{c.meeting_start:%d.%m.%Y}",
                    sort_value=lambda c: c.meeting_start,
                ),
                Column(tr(_CONTEXT, "TOP"), lambda c: c.numbers),
                Column(
                    tr(_CONTEXT, "Titel"),
                    lambda c: "; ".join(_title(item) for item in c.items),
                    tooltip=lambda c: "\n".join(f"{i.number} {_title(i)}" for i in c.items),
                ),
            ),
            parent,
        )

    def key(self, row: Consultation) -> Hashable:
        return row.meeting_id


def _meeting(consultation: Consultation) -> str:
    if consultation.meeting_state in NOT_YET_HELD:
        return tr(_CONTEXT, "{} (geplant)").format(consultation.meeting)
    return consultation.meeting


def _meeting_tooltip(consultation: Consultation) -> str:
    """The label whole, and the meeting's title where the label leaves it out."""
    label, title = _meeting(consultation), consultation.meeting_title
    return label if not title or title in label else f"{label}\n{title}"


def _title(item: ConsultedItem) -> str:
    if item.public:
        return item.title
    return tr(_CONTEXT, "(nichtöffentlich) {}").format(item.title)  # seen when cut


class RecommendationsModel(RowsTableModel):
    """The recommendations addressed to a project: code, title, status; overdue ones in red
    as in the register, the status's tooltip saying since when."""

    TITLE = 1

    def __init__(self, parent=None) -> None:
        super().__init__(
            (
                Column(tr(_CONTEXT, "Kennung"), lambda r: r.code),
                Column(tr(_CONTEXT, "Titel"), lambda r: r.title, tooltip=lambda r: r.title),
                Column(
                    tr(_CONTEXT, "Status"),
                    lambda r: r.status.label,
                    tooltip=lambda r: r.overdue_text[:1].upper() + r.overdue_text[1:] or None,
                ),
            ),
            parent,
        )

    def foreground(self, row: ProjectRecommendation) -> QColor | None:
        return overdue_foreground() if row.overdue else None

    def background(self, row: ProjectRecommendation) -> QColor | None:
        return overdue_background() if row.overdue else None


class ProjectDetailPanel(QWidget):
    """``opened`` (a :class:`Target`): Enter or a double-click on a consultation opens its
    meeting, on a recommendation that recommendation in the register."""

    opened = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.partners_label = QLabel()
        self.partners_label.setWordWrap(True)
        self.partners_label.setTextFormat(Qt.TextFormat.PlainText)
        self._stacks: list[tuple[QStackedWidget, RowsTableModel]] = []
        self._boxes: list[QGroupBox] = []
        self.consultations = ConsultationsModel(self)
        self.recommendations = RecommendationsModel(self)
        self.consultations_view, consultations_box = self._table(
            tr(_CONTEXT, "Beratungen"),
            self.consultations,
            tr(_CONTEXT, "Noch in keiner Sitzung beraten."),
        )
        self.recommendations_view, recommendations_box = self._table(
            tr(_CONTEXT, "Empfehlungen"),
            self.recommendations,
            tr(_CONTEXT, "Noch keine Empfehlungen an dieses Projekt."),
        )
        self.consultations_view.activated.connect(
            lambda index: self.opened.emit(
                Target(Area.MEETINGS, self.consultations.row(index.row()).meeting_id)
            )
        )
        self.recommendations_view.activated.connect(
            lambda index: self.opened.emit(
                Target(Area.RECOMMENDATIONS, self.recommendations.row(index.row()).id)
            )
        )
        for view, what in (
            (self.consultations_view, tr(_CONTEXT, "die Sitzung")),
            (self.recommendations_view, tr(_CONTEXT, "die Empfehlung")),
        ):
            view.setToolTip(tr(_CONTEXT, "Doppelklick oder Eingabetaste öffnet {}").format(what))
        self.consultations_view.horizontalHeader().setSectionResizeMode(
            ConsultationsModel.MEETING, QHeaderView.ResizeMode.Interactive
        )
        refit_on_width_change(self.consultations_view, self._fit_meetings)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.partners_label)
        layout.addWidget(consultations_box, 1)
        layout.addWidget(recommendations_box, 1)
        # Takes the height only while the lists are hidden (they stretch): with no project
        # chosen, its title and the hint stay together at the top.
        layout.addStretch(0)
        self.show_project(None, [], [])

    def _table(
        self, title: str, model: ConsultationsModel | RecommendationsModel, empty: str
    ) -> tuple[QTableView, QGroupBox]:
        view = QTableView()
        view.setTabKeyNavigation(False)  # Tab leaves it; the arrows move in it
        view.setAccessibleName(title)  # a screen reader's name (the box is no buddy)
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the title takes the room left and ends in "…" where that is short (tooltip: whole)
        header.setSectionResizeMode(model.TITLE, QHeaderView.ResizeMode.Stretch)
        stack = QStackedWidget()
        stack.addWidget(view)
        stack.addWidget(hint_label(empty))
        self._stacks.append((stack, model))
        box = QGroupBox(title)
        QVBoxLayout(box).addWidget(stack)
        self._boxes.append(box)
        return view, box

    def show_project(
        self,
        project: Project | None,
        consultations: list[Consultation],
        recommendations: list[ProjectRecommendation],
    ) -> None:
        """Show ``project`` (``None``: nothing selected) with what refers to it."""
        if project is None:
            self.title_label.setText(tr(_CONTEXT, "Kein Projekt gewählt"))
            self.partners_label.setText(
                tr(
                    _CONTEXT,
                    "Wählen Sie ein Projekt, um seine Beratungen und Empfehlungen zu sehen.",
                )
            )
        else:
            self.title_label.setText(project.name)
            partners = "; ".join(project.partners) or tr(_CONTEXT, "keine")
            self.partners_label.setText(tr(_CONTEXT, "Partner: {}").format(partners))
        # The columns size themselves by their resize modes: resizing them to their contents
        # here also set the stretched title to its whole text until the next resize.
        self.consultations.set_rows(consultations)
        self.recommendations.set_rows(recommendations)
        self._fit_meetings()
        for stack, model in self._stacks:  # an empty list says so instead of a bare table
            stack.setCurrentIndex(0 if model.rowCount() else 1)
        for box in self._boxes:  # with no project chosen, "noch keine …" would say untruths
            box.setVisible(project is not None)

    def _fit_meetings(self) -> None:
        """The Sitzung column as wide as its labels where the Titel keeps ``LAST_WIDTH``
        beside it; else a long label (a Klausur with its title, a meeting "(geplant)") is
        cut with "…" (its tooltip says it whole) rather than the list scrolling sideways,
        down to the width of "10. Sitzung" (an ordinary label stays whole)."""
        view = self.consultations_view
        if not self.consultations.rowCount():
            return
        header = view.horizontalHeader()
        column = ConsultationsModel.MEETING
        fixed = sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in (column, ConsultationsModel.TITLE)
        )
        room = view.viewport().width() - fixed
        margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        usual = view.fontMetrics().horizontalAdvance(tr(_CONTEXT, "10. Sitzung")) + margin
        least = max(usual, header.sectionSizeHint(column))
        header.resizeSection(
            column, min(view.sizeHintForColumn(column), max(least, room - LAST_WIDTH))
        )

    def empty_hints(self) -> list[str]:
        """The hints shown in place of empty lists."""
        return [
            stack.currentWidget().text()
            for stack, _model in self._stacks
            if isinstance(stack.currentWidget(), QLabel) and stack.isVisibleTo(self)
        ]
