"""Empfehlungen: the council's recommendations register (its widgets and where they sit:
:mod:`expertenrat.ui.recommendations_page_view`).

Status (or "überfällig" / "Abschluss möglich"), action field, project, year and the
search field (as you type, accents aside) filter the table; overdue rows are red. Beside
it the selected recommendation with its text, the project's responses and the history.
The steps here: a new recommendation between the meetings, edit its content (draft or
adopted), adopt a draft, send, change the due date, record a response (or remove one
recorded by mistake), close (or open a closed one again), withdraw (beside the detail,
enabled where the domain's table allows the step, else their tooltip says why:
RecommendationStepActions; see RecommendationSteps and RecommendationQuestions). Below
the table "E-Mail-Entwurf …" (a sent one's covering e-mail drafts written again, a step
too), "Erinnerungen …" (the reminders to the projects, RemindersDialog) and
"Exportieren …".
Enter or a double-click on a row opens it as Bearbeiten does, or, where it can no longer
be edited, moves the cursor into its detail.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import ActionField
from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.overview import Target, TargetFilter
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.domain.recommendations import Step
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.page import NothingPending
from expertenrat.ui.recommendation_detail_text import detail_text, still_current
from expertenrat.ui.recommendation_export_action import RecommendationExportButton
from expertenrat.ui.recommendation_questions import RecommendationQuestions
from expertenrat.ui.recommendation_step_actions import RecommendationStepActions
from expertenrat.ui.recommendation_steps import RecommendationSteps
from expertenrat.ui.recommendations_page_view import RecommendationsPageView
from expertenrat.ui.record_selection import (
    select_record,
    selected_record,
    selection_kept,
    start_afresh,
)
from expertenrat.ui.reminders_dialog import RemindersDialog
from expertenrat.ui.transmittal_drafts import ask_draft_folder

_CONTEXT = "RecommendationsPage"


class RecommendationsPage(NothingPending, RecommendationsPageView):
    def __init__(
        self,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        parent: QWidget | None = None,
        settings: QSettings | None = None,
    ) -> None:
        super().__init__(parent, settings)  # the widgets
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._council_id: int | None = None
        self._handed: RecommendationDetail | None = None  # by the step just taken
        self._fields: list[ActionField] = []  # the council's, as the register was read
        self.steps = RecommendationSteps(self, services, dialogs, today, self._stored)
        self.questions = RecommendationQuestions(
            self, services, dialogs, today, self._stored, self._bundesland
        )
        self.new_button.clicked.connect(self.ask_new)
        # Each button takes its step for the selected recommendation, where the table allows.
        self.step_actions = RecommendationStepActions(
            self,
            (
                (self.edit_button, Step.EDIT, lambda row: self.steps.edit(self._council_id, row)),
                (
                    self.adopt_button,
                    Step.ADOPT,
                    lambda row: self.steps.adopt(self._council_id, row),
                ),
                (self.send_button, Step.SEND, self._send_or_correct),
                (self.draft_button, Step.TRANSMITTAL_DRAFT, self._write_drafts),
                (self.due_button, Step.DUE_DATE, self.questions.change_due_date),
                (self.response_button, Step.RESPOND, self.steps.respond),
                (self.remove_response_button, Step.REMOVE_RESPONSE, self.steps.remove_response),
                (self.close_button, Step.CLOSE, self.steps.close),
                (self.reopen_button, Step.REOPEN, self.steps.reopen),
                (self.withdraw_button, Step.WITHDRAW, self.questions.withdraw),
            ),
        )
        for button, _step, take in self.step_actions.buttons:
            button.clicked.connect(lambda _checked=False, take=take: self._take(take))
        self.export_button = RecommendationExportButton(
            services, dialogs, today, self.filters.chosen_filter, self
        )
        self.reminders_button.clicked.connect(self.show_reminders)
        self.reminders_dialog: RemindersDialog | None = None
        # "E-Mail-Entwurf …" sits below the table beside "Erinnerungen …" (the other mail
        # drafts): a tenth button beside the detail made the least window scroll.
        self._layout(
            self.export_button,
            [b for b, _step, _take in self.step_actions.buttons if b is not self.draft_button],
        )

        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        self.view.activated.connect(lambda _index: self.open_selected())
        for signal in (self.model.modelReset, self.model.layoutChanged):
            signal.connect(self.update_count)
        self._selection_changed()

    # --- the page protocol --------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        if council_id != self._council_id:
            self.search_edit.clear()  # a term typed for the last council
            # nor does a status chosen there ("überfällig") hide this council's records
            self.filters.status_combo.setCurrentIndex(0)
            start_afresh(self.view)
        self._council_id = council_id
        self.export_button.set_council(council_id)
        self.reminders_button.setEnabled(True)

    def refresh(self) -> None:
        """Reread the register; the selected recommendation stays selected."""
        if self._council_id is None:
            return
        rows = self._services.recommendations.list(
            self._council_id, today=self._today(), searchable=True
        )
        self._fields = self._services.settings.action_fields(self._council_id)
        self.filters.fill(rows, self._fields)
        with selection_kept(self.view):
            self.model.set_recommendations(rows)
        self._selection_changed()
        self.update_count()
        self.fit_columns()

    def _bundesland(self) -> str:
        """The council's Land, whose holidays a due date is checked on ("": unreadable, the
        nationwide holidays; the check is a hint only)."""
        if self._council_id is None:
            return ""
        try:
            return self._services.settings.settings(self._council_id).bundesland
        except ExpertenratError:
            return ""

    def open_target(self, target: Target) -> None:
        """Show what the Übersicht points at: one recommendation, those without a response
        or overdue (with "Erinnerungen …" opened over them: ``TargetFilter.REMIND``), or
        those of an action field (the other filters cleared)."""
        self.filters.show_target(target)
        if target.record_id is not None:
            self.select(target.record_id)
        self.view.setFocus()  # the keyboard goes on in the rows shown, not in the search
        if target.filter is TargetFilter.REMIND:
            self.show_reminders()

    # --- selection ----------------------------------------------------------------------

    def selected(self) -> RecommendationRow | None:
        return selected_record(self.view)

    def select(self, recommendation_id: int) -> None:
        select_record(self.view, recommendation_id)

    def _selection_changed(self) -> None:
        row = self.selected()
        detail: RecommendationDetail | None = None
        if row is not None:
            try:
                detail = (
                    self._handed
                    if still_current(self._handed, row)
                    else self._services.recommendations.get(row.id, today=self._today())
                )
            except ExpertenratError as error:
                self._dialogs.warning(self, tr(_CONTEXT, "Empfehlungen"), error.message)
        self.detail.setPlainText(detail_text(detail) if detail else "")
        self.show_detail_side(row is not None)
        self.step_actions.enable_for(row, detail)
        self.new_button.setEnabled(self._council_id is not None)

    def _send_or_correct(self, row: RecommendationRow) -> None:
        if row.status is RecommendationStatus.SENT:
            self.questions.correct_sending(row)
        else:
            self.steps.send(self._council_id, row)

    # --- steps --------------------------------------------------------------------------

    def show_reminders(self) -> None:
        """ "Erinnerungen …": what is due per project, and the letters to it."""
        if self._council_id is None:
            return
        dialog = RemindersDialog(self._services, self._dialogs, self._council_id, self._today, self)
        dialog.saved.connect(self.refresh)
        dialog.finished.connect(self._reminders_closed)
        self.reminders_dialog = dialog
        dialog.open()

    def _reminders_closed(self) -> None:
        if self.reminders_dialog is not None:
            self.reminders_dialog.deleteLater()
            self.reminders_dialog = None

    def ask_new(self) -> None:
        if self._council_id is not None:
            self.steps.new(self._council_id)

    def open_selected(self) -> None:
        """Enter or a double-click: "Bearbeiten …" where the recommendation may still be
        edited (a draft, an adopted one), as on Mitglieder and Projekte; else the detail
        beside the table takes the cursor (text, responses, history)."""
        if self.selected() is None:
            return
        if self.edit_button.isEnabled():
            self.edit_button.click()
        else:
            self.detail.setFocus()

    def _write_drafts(self, row: RecommendationRow) -> None:
        """ "E-Mail-Entwurf …": the covering e-mails of one sent again, as "Versenden …"
        writes them (after a cancelled folder choice or a failed write, say)."""
        ask_draft_folder(self, self._dialogs, self._services, row)

    def _take(self, step: Callable[[RecommendationRow], None]) -> None:
        row = self.selected()
        if row is not None:
            step(row)

    def _stored(self, recommendation_id: int, detail: RecommendationDetail | None = None) -> None:
        """After a step: the row of the step's ``detail`` (found by a tester: the detail was
        read again right after the step had returned it) takes its place in the register
        (DESIGN.md: one changed record updates one row), with the same day's words; a new
        one, one of another day, or a step that returned none, reads the register again."""
        self._handed = detail
        row = detail.row if detail is not None else None
        if row is None or row.on != self._today() or not self._replaced(row):
            self.refresh()
        self.select(recommendation_id)
        self._handed = None

    def _replaced(self, row: RecommendationRow) -> bool:
        with selection_kept(self.view):
            if not self.model.replace_recommendation(row):
                return False
        self.filters.fill(self.model.recommendations(), self._fields)
        self._selection_changed()
        self.update_count()
        self.fit_columns()
        return True
