"""Someone else saved first: both versions field by field, and the user picks per field.

One dialog for every kind of record. The caller passes the differing fields as
:class:`~expertenrat.ui.merge_rows.MergeRow` (German label, both values as text, the
suggestion); per field the user chooses "meine" or "die andere", or all at once with
"Meine behalten" / "Andere übernehmen". ``chosen`` hands over the names of the fields to
take from the other version; the caller merges (``domain.merge.merged``) and saves against
the stored version.
Closing without a choice keeps the form as it was typed: nothing is lost. While the dialog
is open, the line under the form points to it (:class:`FormLine`); the form holds it in an
:class:`OpenMergeDialog` attribute, which forgets it once closed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from expertenrat.ui.dialog_parts import tab_as_shown
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_rows import MergeRow
from expertenrat.ui.merge_value_button import ValueButton
from expertenrat.ui.scroll_areas import plain_scroll_area
from expertenrat.ui.tooltips import literal_tip

_CONTEXT = "MergeDialog"
WIDTH = 1060  # the dialog's width where the screen has room
LABEL_CHARACTERS = 28  # a field's name longer than this wraps where the values need room


@dataclass(frozen=True, slots=True)
class MergeWording:
    """The dialog's column heads and buttons; an empty ``keep_all`` hides that button."""

    mine: str
    theirs: str
    keep_all: str
    take_all: str
    apply: str


def conflict_wording() -> MergeWording:
    """Someone else saved first: "meine" against "die andere"."""
    return MergeWording(
        tr(_CONTEXT, "meine"),
        tr(_CONTEXT, "die andere"),
        tr(_CONTEXT, "Meine behalten"),
        tr(_CONTEXT, "Andere übernehmen"),
        tr(_CONTEXT, "Auswahl speichern"),
    )


class MergeDialog(QDialog):
    chosen = Signal(object)  # set[str]: the fields to take from the other version

    def __init__(
        self,
        title: str,
        intro: str,
        rows: list[MergeRow],
        parent: QWidget,
        wording: MergeWording | None = None,
    ) -> None:
        super().__init__(parent)
        wording = wording or conflict_wording()
        self.setWindowTitle(title)
        self.choices: dict[str, tuple[QRadioButton, QRadioButton]] = {}
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        intro_label.setTextFormat(Qt.TextFormat.PlainText)
        grid_widget = QWidget()
        grid = QGridLayout(grid_widget)
        bold = QFont()
        bold.setBold(True)
        for column, text in enumerate((tr(_CONTEXT, "Feld"), wording.mine, wording.theirs)):
            header = QLabel(text)
            header.setFont(bold)
            grid.addWidget(header, 0, column)
        for line, row in enumerate(rows, start=1):
            self._add_row(grid, line, row, (wording.mine, wording.theirs))
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(rows) + 1, 1)
        scroll = plain_scroll_area(grid_widget, sideways=False)
        self.mine_button = QPushButton(wording.keep_all)
        self.theirs_button = QPushButton(wording.take_all)
        self.apply_button = QPushButton(wording.apply)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.mine_button, self.theirs_button, self.apply_button):
            buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
            button.setVisible(bool(button.text()))
        buttons.rejected.connect(self.reject)
        self.mine_button.clicked.connect(lambda: self._choose_all(theirs=False))
        self.theirs_button.clicked.connect(lambda: self._choose_all(theirs=True))
        self.apply_button.clicked.connect(self._apply)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        tab_as_shown(buttons)  # once in the dialog: reparenting keeps the made order
        self.apply_button.setDefault(True)  # in the dialog: else Enter took the first button
        room = parent.screen().availableGeometry().width() - 40 if parent is not None else WIDTH
        self.resize(min(WIDTH, room), min(640, 160 + 48 * len(rows)))

    def _add_row(self, grid: QGridLayout, line: int, row: MergeRow, sides: tuple[str, str]) -> None:
        label = QLabel(row.label + (" *" if row.both_changed else "") + (" ℹ" if row.note else ""))
        # a long name wraps and leaves the values the room (they are cut, the names not)
        label.setWordWrap(True)
        room = label.fontMetrics().averageCharWidth() * LABEL_CHARACTERS
        label.setMinimumWidth(min(label.fontMetrics().horizontalAdvance(label.text()), room))
        if row.both_changed:
            label.setToolTip(tr(_CONTEXT, "Beide haben dieses Feld geändert."))
        if row.note:
            label.setToolTip(literal_tip(row.note))
        grid.addWidget(label, line, 0, Qt.AlignmentFlag.AlignVCenter)  # values: one line
        group = QButtonGroup(self)
        pair = []
        for column, text in ((1, row.mine), (2, row.theirs)):
            button = ValueButton(text)
            # A screen reader says the field and the side with the value, and the value
            # whole: the button alone said only its shown text ("Rathaus, Auswahlschalter"
            # or a cut "Lorem …"), not which field and whose version it was.
            button.setAccessibleName(
                tr(_CONTEXT, "{field}, {side}: {value}").format(
                    field=row.label, side=sides[column - 1], value=button.line
                )
            )
            group.addButton(button)
            grid.addWidget(button, line, column)
            pair.append(button)
        mine, theirs = pair
        (theirs if row.take_theirs else mine).setChecked(True)
        self.choices[row.name] = (mine, theirs)

    def taken_from_theirs(self) -> set[str]:
        return {name for name, (_mine, theirs) in self.choices.items() if theirs.isChecked()}

    def _choose_all(self, *, theirs: bool) -> None:
        for mine_button, theirs_button in self.choices.values():
            (theirs_button if theirs else mine_button).setChecked(True)
        self._apply()

    def _apply(self) -> None:
        self.chosen.emit(self.taken_from_theirs())
        self.accept()


def open_conflict_merge(
    parent: QWidget,
    name: str,
    saved_first: str,
    rows: list[MergeRow],
    chosen: Callable[[set[str]], None],
    line: FormLine,
) -> MergeDialog:
    """Open "Gleichzeitig geändert – ``name``" for a record someone else saved first
    (``saved_first`` says so in one sentence); ``chosen`` gets the fields to take from the
    other version. The dialog deletes itself once finished. ``line``, under the form, says
    what to do meanwhile (see :class:`FormLine`)."""
    dialog = MergeDialog(
        tr(_CONTEXT, "Gleichzeitig geändert – {}").format(name),
        saved_first
        + " "
        + tr(
            _CONTEXT,
            "Wählen Sie je Feld, welche Angabe gelten soll; vorgeschlagen ist jeweils die "
            "geänderte. Mit * markiert: beide haben das Feld geändert.",
        ),
        rows,
        parent,
    )
    dialog.chosen.connect(chosen)
    dialog.finished.connect(dialog.deleteLater)
    line.show(line.choosing())
    dialog.rejected.connect(lambda: line.show(line.kept()))
    dialog.open()
    return dialog


@dataclass(frozen=True, slots=True)
class FormLine:
    """The line under a form whose save was refused because someone else saved first, while
    the merge is offered: where to choose (not the error's "Bitte laden Sie die Daten neu
    …": the merge is the way on, and reloading would lose the typed input), and after the
    merge's "Abbrechen" that the input is kept and the form's button ``save`` offers the
    merge again; ``drop`` says how to drop the input ("" where the form asks itself).
    ``changed`` is the error's first sentence (:attr:`ConcurrentEditError.changed`);
    ``show`` puts a text on the line."""

    changed: str
    show: Callable[[str], None]
    save: str
    drop: str = ""

    def choosing(self) -> str:
        return self.changed + tr(
            _CONTEXT, " Wählen Sie im Fenster „Gleichzeitig geändert“, welche Angaben gelten."
        )

    def kept(self) -> str:
        again = tr(
            _CONTEXT,
            " Ihre Eingaben stehen noch im Formular: „{}“ zeigt beide Fassungen noch einmal",
        ).format(self.save)
        return self.changed + again + (", " + self.drop if self.drop else "") + "."


class OpenMergeDialog:
    """A form's attribute for the merge window it opened (``form.merge_dialog = …``): None
    before, and None again once that window has closed (it deletes itself then), so that
    the form never points to a deleted window. A window opened while another closes (the
    chosen values met a further change) stays."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._attribute = "_" + name

    def __get__(self, form: object, owner: type | None = None) -> MergeDialog | None:
        return getattr(form, self._attribute, None)

    def __set__(self, form: object, dialog: MergeDialog | None) -> None:
        setattr(form, self._attribute, dialog)
        if dialog is not None:
            dialog.finished.connect(lambda: self._closed(form, dialog))

    def _closed(self, form: object, dialog: MergeDialog) -> None:
        if getattr(form, self._attribute, None) is dialog:
            setattr(form, self._attribute, None)
