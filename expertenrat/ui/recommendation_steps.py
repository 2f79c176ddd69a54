"""The register's steps that need a form: a new recommendation between the meetings, a
project's response, closing. Each opens its dialog (kept in ``dialog`` while open); a
stored step calls ``stored`` with the recommendation's id, a refusal stays in the dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.services.context import Services
from expertenrat.ui.close_recommendation_dialog import CloseRecommendationDialog
from expertenrat.ui.new_recommendation_dialog import NewRecommendationDialog
from expertenrat.ui.recommendation_response_dialog import RecommendationResponseDialog
from expertenrat.ui.step_dialog import StepDialog

T = TypeVar("T")


class RecommendationSteps:
    def __init__(
        self,
        parent: QWidget,
        services: Services,
        today: Callable[[], date],
        stored: Callable[[int], None],
    ) -> None:
        self._parent = parent
        self._services = services
        self._today = today
        self._stored = stored
        self.dialog: StepDialog | None = None

    def new(self, council_id: int) -> None:
        projects = [(p.id, p.title) for p in self._services.agenda.projects(council_id)]
        fields = [(f.id, f.name) for f in self._services.settings.action_fields(council_id)]
        self._open(
            NewRecommendationDialog(
                self._parent,
                projects,
                fields,
                self._today(),
                self._saving(
                    lambda new: self._services.recommendations.create(
                        council_id, new.content, new.on, adopted=new.adopted
                    )
                ),
            )
        )

    def respond(self, row: RecommendationRow) -> None:
        self._open(
            RecommendationResponseDialog(
                self._parent,
                row.code,
                self._today(),
                self._saving(
                    lambda response: self._services.recommendations.record_response(
                        row.id, row.version, response
                    )
                ),
            )
        )

    def close(self, row: RecommendationRow) -> None:
        self._open(
            CloseRecommendationDialog(
                self._parent,
                row.code,
                self._today(),
                self._saving(
                    lambda closing: self._services.recommendations.close(
                        row.id, row.version, closing.outcome, closing.on, closing.note
                    )
                ),
            )
        )

    def _open(self, dialog: StepDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def _saving(self, step: Callable[[T], RecommendationDetail]) -> Callable[[T], str]:
        """The dialog's ``save``: "" once stored, else the German refusal."""

        def save(value: T) -> str:
            try:
                detail = step(value)
            except ExpertenratError as error:
                return error.message
            self._stored(detail.row.id)
            return ""

        return save
