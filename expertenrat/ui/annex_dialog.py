""" "Anlage bearbeiten": the title the minutes list an annex under, and whether the public
minutes list it at all (a step dialog: a refusal stays in it as a message). Changed on
another PC meanwhile, the dialog keeps what was typed and saves against the changed annex
on the next click (:func:`annex_saving`)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QWidget

from expertenrat.domain.annexes import Annex
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.field_limits import ANNEX_TITLE
from expertenrat.ui.i18n import tr
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.text_fields import LineEdit, show_text

if TYPE_CHECKING:
    from expertenrat.services.annexes import AnnexesService

_CONTEXT = "AnnexDialog"


class AnnexDialog(StepDialog):
    """``value()`` is ``(title, public)``."""

    def __init__(
        self, parent: QWidget, annex: Annex, save: Callable[[tuple[str, bool]], None]
    ) -> None:
        super().__init__(parent, tr(_CONTEXT, "Anlage bearbeiten"), tr(_CONTEXT, "Speichern"), save)
        self.title_edit = LineEdit()
        show_text(self.title_edit, annex.title)
        self.title_edit.setMaxLength(ANNEX_TITLE.max_length)
        self.title_edit.setPlaceholderText(tr(_CONTEXT, "leer: aus dem Dateinamen"))
        self.title_edit.setMinimumWidth(420)
        self.internal_check = QCheckBox(
            tr(_CONTEXT, "nichtöffentlich (nicht in der öffentlichen Fassung des Protokolls)")
        )
        self.internal_check.setChecked(not annex.public)
        self.form.addRow(tr(_CONTEXT, "Datei:"), LineEdit(annex.name, readOnly=True))
        self.form.addRow(tr(_CONTEXT, "&Titel:"), self.title_edit)
        self.form.addRow("", self.internal_check)

    def value(self) -> tuple[str, bool]:
        return self.title_edit.text(), not self.internal_check.isChecked()


def annex_saving(
    annexes: AnnexesService,
    meeting_id: int,
    annex: Annex,
    refresh: Callable[[], None],
    changed: Callable[[], None],
) -> Callable[[tuple[str, bool]], None]:
    """The dialog's ``save``: the title and ``public`` stored, then ``changed``. Refused
    because another PC changed the annex meanwhile, ``refresh`` shows it as it is now, the
    dialog keeps what was typed and says so, and saving again saves against it."""
    read = [annex]  # the stored one after a change elsewhere

    def save(value: tuple[str, bool]) -> None:
        title, public = value
        try:
            annexes.update(meeting_id, read[0], title, public=public)
        except ConcurrentEditError as error:
            try:
                stored = annexes.annexes(meeting_id)
            except ExpertenratError:
                stored = ()
            now = next((a for a in stored if a.id == annex.id), None)
            refresh()
            if now is None:
                raise error from None
            read[0] = now
            raise ConcurrentEditError(
                "",
                tr(
                    _CONTEXT,
                    "Die Anlage wurde inzwischen von jemand anderem geändert (jetzt: "
                    "„{title}“{mark}). Ihre Eingaben sind erhalten; die Liste zeigt den "
                    "neuen Stand. Klicken Sie erneut auf „Speichern“, wenn sie gelten "
                    "sollen.",
                ).format(
                    title=now.title or now.name,
                    mark="" if now.public else tr(_CONTEXT, ", nichtöffentlich"),
                ),
            ) from None
        changed()

    return save
