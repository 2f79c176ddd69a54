"""The dialog that edits a recommendation's content (:mod:`ui.recommendation_steps`): the
content as stored now (the text from the detail), saved on the version of the row shown,
so that a change made meanwhile is refused, not overwritten: the merge dialog then offers
both versions field by field (:mod:`ui.recommendation_merge`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.services.context import Services
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import FormLine, MergeDialog
from expertenrat.ui.recommendation_choices import content_choices
from expertenrat.ui.recommendation_content_dialogs import ContentChange, EditRecommendationDialog
from expertenrat.ui.recommendation_merge import offer_recommendation_merge
from expertenrat.ui.recommendation_step_saving import Stored

_CONTEXT = "RecommendationSteps"


def edit_dialog(
    parent: QWidget,
    services: Services,
    council_id: int,
    row: RecommendationRow,
    today: date,
    stored: Stored,
    *,
    merging: Callable[[MergeDialog], None],
) -> EditRecommendationDialog:
    """The edit dialog of ``row``; a save calls ``stored`` with the recommendation's id and
    its detail, a conflicting one hands the merge dialog it opened to ``merging``. Raises
    :class:`ExpertenratError` where the recommendation cannot be read."""
    text = services.recommendations.get(row.id).text
    projects, fields, project_fields = content_choices(services, council_id)
    listed = {project_id for project_id, _title in projects}
    projects += [(p.id, p.title) for p in row.projects if p.id not in listed]
    content = RecommendationContent(
        row.title, text, row.kind, row.action_field_id, tuple(p.id for p in row.projects)
    )
    version = [row.version]  # the stored one after a merge

    def save(change: ContentChange) -> None:
        try:
            detail = services.recommendations.update(row.id, version[0], change.content, change.on)
        except ConcurrentEditError as error:
            line = FormLine(
                error.changed,
                dialog.error_label.setText,
                tr(_CONTEXT, "Speichern"),
                tr(_CONTEXT, "„Abbrechen“ verwirft sie"),
            )
            merge = offer_recommendation_merge(
                dialog,
                lambda: services.recommendations.get(row.id),
                content,
                change.content,
                (projects, fields),
                version,
                line,
            )
            if merge is None:
                raise  # its message stays in the dialog
            merging(merge)
            raise ExpertenratError(line.choosing()) from error  # the merge is the way on
        stored(detail.row.id, detail)

    dialog = EditRecommendationDialog(
        parent,
        row.code,
        row.origin.label,
        content,
        projects,
        fields,
        today,
        save,
        project_fields,
    )
    return dialog
