"""Adopting recommendations in the agenda item the minutes editor shows, and taking them out.

"Empfehlung hinzufügen …" opens the :class:`RecommendationDialog` (projects and action
fields of the council to choose from); the dialog saves, and stays open with its German
message if the service refuses. "Entfernen" asks first. Each change hands the item with its
new recommendations to ``changed``, so the editor updates its marks, checklist and form.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes import (
    AdoptedRecommendation,
    ItemMinutes,
    Minutes,
    RecommendationDraft,
)
from expertenrat.domain.projects import marked_title
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.recommendation_dialog import RecommendationDialog

_CONTEXT = "MinutesEditor"


class RecommendationActions:
    def __init__(
        self,
        parent: QWidget,
        services: Services,
        dialogs: DialogService,
        minutes: Callable[[], Minutes | None],
        current_item: Callable[[], ItemMinutes | None],
        changed: Callable[[ItemMinutes], None],
    ) -> None:
        """``minutes()`` are the minutes shown, ``current_item()`` the item shown."""
        self._parent = parent
        self._services = services
        self._dialogs = dialogs
        self._minutes = minutes
        self._current_item = current_item
        self._changed = changed
        self.dialog: RecommendationDialog | None = None

    def add(self) -> None:
        item = self._current_item()
        minutes = self._minutes()
        if item is None or minutes is None:
            return
        council_id = minutes.council_id
        offered = self._services.agenda.projects(council_id)
        projects = [(p.id, marked_title(p.title, p.ended)) for p in offered]
        fields = [(f.id, f.name) for f in self._services.settings.action_fields(council_id)]
        project_fields = {
            entry.project.id: entry.project.action_field_id
            for entry in self._services.projects.projects(council_id)
        }

        def save(draft: RecommendationDraft) -> None:
            adopted = self._services.minutes.adopt_recommendation(item.item_id, draft)
            shown = self._minutes()
            current = shown.item(item.item_id) if shown else item
            adopting = replace(current, recommendations=(*current.recommendations, adopted))
            self._changed(self._warned(adopting))

        dialog = RecommendationDialog(
            self._parent,
            projects,
            fields,
            save,
            item.project_id,
            dialogs=self._dialogs,
            project_fields=project_fields,
        )
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def ask_remove(self, recommendation: AdoptedRecommendation) -> None:
        item = self._current_item()
        if item is None:
            return

        def remove() -> None:
            try:
                self._services.minutes.remove_recommendation(
                    recommendation.id, recommendation.version
                )
            except ExpertenratError as error:
                self._dialogs.warning(
                    self._parent, tr(_CONTEXT, "Empfehlung entfernen"), error.message
                )
                return
            kept = tuple(r for r in item.recommendations if r.id != recommendation.id)
            self._changed(self._warned(replace(item, recommendations=kept)))

        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Empfehlung entfernen"),
            tr(_CONTEXT, "„{code} {title}“ aus dem Protokoll entfernen?").format(
                code=recommendation.code, title=recommendation.title
            ),
            remove,
        )

    def _warned(self, item: ItemMinutes) -> ItemMinutes:
        """``item`` with the warnings of the stored item: a recommendation adopted where the
        council had no quorum is named beside the item at once (found by a tester)."""
        minutes = self._minutes()
        if minutes is None:
            return item
        try:
            stored = self._services.minutes.minutes(minutes.meeting_id).item(item.item_id)
        except ExpertenratError:
            return item  # shown as read; the next reread brings the warnings
        return replace(item, warnings=stored.warnings)
