"""Storing the agenda item typed into the form ("Übernehmen").

The service's refusals show beside the form's fields; a lost server labels the button
"Erneut versuchen" (:class:`SaveRetry`). When someone else saved the item first, both
versions are offered field by field (:class:`MergeDialog`, nothing to choose when only one
side changed) and the merged item is saved. Before the page goes on, typed input that
cannot be stored is dropped only on the user's word (:meth:`AgendaItemSaving.save_or_ask`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from expertenrat.domain.agenda import Agenda, AgendaItem
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError, ValidationError
from expertenrat.services.context import Services
from expertenrat.ui.agenda_item_form import AgendaItemForm
from expertenrat.ui.agenda_merge import agenda_differences, agenda_merge_rows, merged_item
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import FormLine, OpenMergeDialog, open_conflict_merge
from expertenrat.ui.save_retry import SaveRetry

_CONTEXT = "AgendaEditor"


class AgendaItemSaving:
    merge_dialog = OpenMergeDialog()  # open after a conflicting save

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        dialogs: DialogService,
        form: AgendaItemForm,
        save_button: QPushButton,
        meeting_id: Callable[[], int | None],
        saved: Callable[[Agenda], None],
        merging: Callable[[Agenda, AgendaItem], None],
    ) -> None:
        """``saved(agenda)`` gets the agenda with the item stored. Before a merged item is
        saved, ``merging(stored, theirs)`` shows the agenda as stored now with the other
        version of the item in the form."""
        self._parent = parent
        self._services = services
        self._dialogs = dialogs
        self._form = form
        self._meeting_id = meeting_id
        self._saved = saved
        self._merging = merging
        self.retry = SaveRetry(save_button)

    def choosing(self) -> bool:
        """The merge dialog is open: the user chooses there first."""
        return self.merge_dialog is not None and self.merge_dialog.isVisible()

    def save(self) -> bool:
        """Store the typed item. False (messages beside the fields) if it was refused."""
        item = self._form.item()
        if item is None or not self._form.is_dirty():
            return True
        self.retry.after(None)
        try:
            agenda = self._services.agenda.update(item)
        except ValidationError as error:
            self._form.show_problems(error.problems)
            return False
        except ConcurrentEditError as error:
            self._offer_merge(item, error)
            return False
        except ExpertenratError as error:
            self._form.errors.show_general(error.message)
            self.retry.after(error)
            return False
        self._saved(agenda)
        return True

    def save_or_ask(self, discard: Callable[[], None], then: Callable[[], None]) -> bool:
        """Store the typed item (True); if it cannot be stored, ask whether to drop the
        changes ("Ja": ``discard()``, then ``then()``) and say False, as while the merge
        dialog is open (the user chooses there first; nothing is dropped)."""
        if self.save():
            return True
        if self.choosing():
            return False

        def drop() -> None:
            discard()
            then()

        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Tagesordnung"),
            tr(
                _CONTEXT,
                "Der Tagesordnungspunkt kann so nicht gespeichert werden (siehe die Hinweise "
                "im Formular). Die Änderungen verwerfen?",
            ),
            drop,
        )
        return False

    def _offer_merge(self, mine: AgendaItem, conflict: ConcurrentEditError) -> None:
        """Someone saved the item first: both versions field by field, then save the choice."""
        form = self._form
        base = form.stored()  # as the user saw it (the agenda may be reread since)
        try:
            stored = self._services.agenda.agenda(self._meeting_id())
        except ExpertenratError as error:
            form.errors.show_general(error.message)
            return
        theirs = next((i for i in stored.items if i.key == mine.key), None)
        if base is None or theirs is None:
            form.errors.show_general(conflict.message)
            return

        def take(names: set[str]) -> None:
            self._merging(stored, theirs)
            form.show_values(merged_item(mine, theirs, names))
            self.save()

        found = agenda_differences(base, mine, theirs)
        if not found:
            take(set())
            return
        self.merge_dialog = open_conflict_merge(
            self._parent,
            theirs.title,
            tr(
                _CONTEXT,
                "Jemand anderes hat diesen Tagesordnungspunkt gespeichert, während Sie "
                "ihn bearbeitet haben.",
            ),
            agenda_merge_rows(found, mine, theirs),
            take,
            FormLine(conflict.changed, form.errors.show_general, tr(_CONTEXT, "Übernehmen")),
        )
