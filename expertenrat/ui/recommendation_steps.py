"""The register's steps with a form, as the page's buttons take them: a new recommendation
between the meetings, editing its content (a conflicting edit offers the merge dialog,
:mod:`expertenrat.ui.recommendation_edit_step`), adopting a draft, sending it with the due
date it gives, a project's response (or removing one recorded by mistake), closing, and
opening a closed one again (with a reason, :mod:`expertenrat.ui.reason_dialog`). Each
opens its step dialog (kept in ``dialog`` while open), whose refusals stay in the dialog
with what was typed (:mod:`expertenrat.ui.recommendation_step_saving`). A stored step calls
``stored`` with the recommendation's id and its detail. A new due date and withdrawing ask
one question instead (:mod:`expertenrat.ui.recommendation_questions`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.services.context import Services
from expertenrat.ui.adopt_recommendation_dialog import AdoptRecommendationDialog
from expertenrat.ui.close_recommendation_dialog import CloseRecommendationDialog
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import OpenMergeDialog
from expertenrat.ui.reason_dialog import reopen_dialog
from expertenrat.ui.recommendation_choices import content_choices
from expertenrat.ui.recommendation_content_dialogs import NewRecommendationDialog
from expertenrat.ui.recommendation_edit_step import edit_dialog
from expertenrat.ui.recommendation_response_dialog import RecommendationResponseDialog
from expertenrat.ui.recommendation_step_saving import StepSaving, Stored
from expertenrat.ui.remove_response_dialog import RemoveResponseDialog
from expertenrat.ui.send_recommendation_dialog import Sending, SendRecommendationDialog
from expertenrat.ui.step_dialog import StepDialog
from expertenrat.ui.transmittal_drafts import ask_draft_folder

_CONTEXT = "RecommendationSteps"


class RecommendationSteps:
    merge_dialog = OpenMergeDialog()  # open after a conflicting edit

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        stored: Stored,
    ) -> None:
        self._parent = parent
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._stored = stored
        self._save = StepSaving(services, stored)
        self.dialog: StepDialog | None = None

    def new(self, council_id: int) -> None:
        projects, fields, project_fields = content_choices(self._services, council_id)
        self._open(
            NewRecommendationDialog(
                self._parent,
                projects,
                fields,
                self._today(),
                self._save.plain(
                    lambda new: self._services.recommendations.create(
                        council_id, new.content, new.on, adopted=new.adopted
                    )
                ),
                project_fields,
            )
        )

    def edit(self, council_id: int, row: RecommendationRow) -> None:
        """The content as stored now; a change made meanwhile offers the merge dialog
        (:mod:`ui.recommendation_edit_step`)."""
        try:
            dialog = edit_dialog(
                self._parent,
                self._services,
                council_id,
                row,
                self._today(),
                self._stored,
                merging=lambda merge: setattr(self, "merge_dialog", merge),
            )
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Empfehlungen"), error.message)
            return
        self._open(dialog)

    def adopt(self, council_id: int, row: RecommendationRow) -> None:
        """Beschließen, in a meeting's stead or in writing (the members asked in an
        Umlaufverfahren default to the council's active members)."""
        try:
            members = self._services.members.composition(council_id, self._today()).active
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Empfehlungen"), error.message)
            return
        self._open(
            AdoptRecommendationDialog(
                self._parent,
                row.code,
                self._today(),
                self._save.on_version(
                    row,
                    tr(_CONTEXT, "Beschließen"),
                    lambda version, adoption: self._services.recommendations.adopt(
                        row.id, version, adoption.on, adoption.note, adoption.in_writing
                    ),
                ),
                members,
            )
        )

    def respond(self, row: RecommendationRow) -> None:
        self._open(
            RecommendationResponseDialog(
                self._parent,
                row.code,
                self._today(),
                self._save.on_version(
                    row,
                    tr(_CONTEXT, "Erfassen"),
                    lambda version, response: self._services.recommendations.record_response(
                        row.id, version, response
                    ),
                ),
                row.projects,
                row.answered,
            )
        )

    def remove_response(self, row: RecommendationRow) -> None:
        """A response recorded by mistake, chosen among those stored now, removed."""
        try:
            responses = self._services.recommendations.get(row.id).responses
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Empfehlungen"), error.message)
            return
        remove = self._services.recommendations.remove_response
        self._open(
            RemoveResponseDialog(
                self._parent, row.code, responses, len(row.projects) > 1,
                self._save.on_version(
                    row, tr(_CONTEXT, "Entfernen"),
                    lambda version, it: remove(row.id, version, it.response_id, it.reason),
                ),
            )
        )  # fmt: skip

    def reopen(self, row: RecommendationRow) -> None:
        """A closed recommendation (on a wrong answer, say) back to what its answers make
        it, with the reason."""
        reopen = self._services.recommendations.reopen
        self._open(
            reopen_dialog(
                self._parent, row.code, row.status.label,
                self._save.on_version(
                    row, tr(_CONTEXT, "Wieder öffnen"),
                    lambda version, reason: reopen(row.id, version, reason),
                ),
            )
        )  # fmt: skip

    def close(self, row: RecommendationRow) -> None:
        self._open(
            CloseRecommendationDialog(
                self._parent,
                row.code,
                self._today(),
                self._save.on_version(
                    row,
                    tr(_CONTEXT, "Abschließen"),
                    lambda version, closing: self._services.recommendations.close(
                        row.id, version, closing.outcome, closing.on, closing.note
                    ),
                ),
            )
        )

    def send(self, council_id: int, row: RecommendationRow) -> None:
        """The send date, and the due date it gives (the council's response period) shown
        before the user confirms; then the e-mail drafts, where asked for."""
        try:
            settings = self._services.settings.settings(council_id)
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Empfehlungen"), error.message)
            return
        record = self._save.on_version(
            row,
            tr(_CONTEXT, "Versenden"),
            lambda version, sending: self._services.recommendations.send(
                row.id, version, sending.sent_on, sending.due_on, sending.note
            ),
        )

        def save(sending: Sending) -> None:
            record(sending)  # the drafts only once the sending is recorded
            if sending.draft:
                ask_draft_folder(self._parent, self._dialogs, self._services, row)

        self._open(
            SendRecommendationDialog(
                self._parent,
                row,
                settings.response_period_months,
                self._today(),
                save,
                bundesland=settings.bundesland,
            )
        )

    def _open(self, dialog: StepDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.ask_before_discarding(self._dialogs)
        self.dialog = dialog
        dialog.open()
