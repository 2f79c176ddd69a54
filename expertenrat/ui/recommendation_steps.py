"""Every step of the register, as the page's buttons take them. Those with a form (a new
recommendation between the meetings, editing its content, adopting a draft, sending it
with the due date it gives, a project's response, closing) open their step dialog (kept
in ``dialog`` while open), whose refusals stay in the dialog with what was typed; a new
due date and withdrawing ask one question through the dialog service and show a refusal
as a warning (asked again, with what was given, where another PC changed the
recommendation meanwhile). A stored step (or a
refused short one) calls ``stored`` with the recommendation's id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.merge import differences, merged
from expertenrat.domain.recommendation_content import RecommendationContent
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.services.context import Services
from expertenrat.ui.adopt_recommendation_dialog import AdoptRecommendationDialog
from expertenrat.ui.close_recommendation_dialog import CloseRecommendationDialog
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import MergeDialog, open_conflict_merge
from expertenrat.ui.recommendation_content_dialogs import (
    ContentChange,
    EditRecommendationDialog,
    NewRecommendationDialog,
)
from expertenrat.ui.recommendation_merge import recommendation_merge_rows
from expertenrat.ui.recommendation_response_dialog import RecommendationResponseDialog
from expertenrat.ui.send_recommendation_dialog import SendRecommendationDialog
from expertenrat.ui.step_dialog import StepDialog

T = TypeVar("T")
_CONTEXT = "RecommendationSteps"


class RecommendationSteps:
    def __init__(
        self,
        parent: QWidget,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        stored: Callable[[int], None],
    ) -> None:
        self._parent = parent
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._stored = stored
        self.dialog: StepDialog | None = None
        self.merge_dialog: MergeDialog | None = None  # open after a conflicting edit

    def new(self, council_id: int) -> None:
        projects, fields = self._choices(council_id)
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
                self._project_fields(council_id),
            )
        )

    def edit(self, council_id: int, row: RecommendationRow) -> None:
        """The content as stored now (the text from the detail); the step uses the version
        of ``row``, so that a change made meanwhile is refused, not overwritten."""
        try:
            text = self._services.recommendations.get(row.id).text
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Empfehlungen"), error.message)
            return
        projects, fields = self._choices(council_id)
        listed = {project_id for project_id, _title in projects}
        projects += [(p.id, p.title) for p in row.projects if p.id not in listed]
        content = RecommendationContent(
            row.title, text, row.kind, row.action_field_id, tuple(p.id for p in row.projects)
        )
        version = [row.version]  # the stored one after a merge

        def save(change: ContentChange) -> None:
            try:
                detail = self._services.recommendations.update(
                    row.id, version[0], change.content, change.on
                )
            except ConcurrentEditError:
                self._offer_merge(
                    dialog, row.id, content, change.content, projects, fields, version
                )
                raise  # its message stays in the dialog
            self._stored(detail.row.id)

        dialog = EditRecommendationDialog(
            self._parent,
            row.code,
            row.origin.label,
            content,
            projects,
            fields,
            self._today(),
            save,
            self._project_fields(council_id),
        )
        self._open(dialog)

    def _offer_merge(
        self,
        dialog: EditRecommendationDialog,
        recommendation_id: int,
        base: RecommendationContent,
        mine: RecommendationContent,
        projects: list[tuple[int, str]],
        fields: list[tuple[int, str]],
        version: list[int],
    ) -> None:
        """Someone saved first: both versions field by field; the choice is saved on theirs."""
        try:
            stored = self._services.recommendations.get(recommendation_id)
        except ExpertenratError as error:
            dialog.error_label.setText(error.message)
            return
        row = stored.row
        theirs = RecommendationContent(
            row.title, stored.text, row.kind, row.action_field_id, tuple(p.id for p in row.projects)
        )
        names = dict(projects) | {p.id: p.title for p in row.projects}

        def take(chosen: set[str]) -> None:
            version[0] = row.version
            dialog.set_content(merged(mine, theirs, chosen))
            dialog.submit()

        found = differences(base, mine, theirs)
        if not found:
            take(set())
            return
        self.merge_dialog = open_conflict_merge(
            dialog,
            row.code,
            tr(
                _CONTEXT,
                "Jemand anderes hat diese Empfehlung gespeichert, während Sie sie "
                "bearbeitet haben.",
            ),
            recommendation_merge_rows(found, dict(fields), names),
            take,
        )

    def adopt(self, row: RecommendationRow) -> None:
        self._open(
            AdoptRecommendationDialog(
                self._parent,
                row.code,
                self._today(),
                self._saving_step(
                    row,
                    tr(_CONTEXT, "Beschließen"),
                    lambda version, adoption: self._services.recommendations.adopt(
                        row.id, version, adoption.on, adoption.note
                    ),
                ),
            )
        )

    def respond(self, row: RecommendationRow) -> None:
        self._open(
            RecommendationResponseDialog(
                self._parent,
                row.code,
                self._today(),
                self._saving_step(
                    row,
                    tr(_CONTEXT, "Erfassen"),
                    lambda version, response: self._services.recommendations.record_response(
                        row.id, version, response
                    ),
                ),
            )
        )

    def close(self, row: RecommendationRow) -> None:
        self._open(
            CloseRecommendationDialog(
                self._parent,
                row.code,
                self._today(),
                self._saving_step(
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
        before the user confirms."""
        try:
            period = self._services.settings.settings(council_id).response_period_months
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Empfehlungen"), error.message)
            return
        self._open(
            SendRecommendationDialog(
                self._parent,
                row,
                period,
                self._today(),
                self._saving_step(
                    row,
                    tr(_CONTEXT, "Versenden"),
                    lambda version, sending: self._services.recommendations.send(
                        row.id, version, sending.sent_on, sending.due_on, sending.note
                    ),
                ),
            )
        )

    def change_due_date(
        self, row: RecommendationRow, typed: date | None = None, changed: str = ""
    ) -> None:
        """Ask for the new due date and set it; ``typed``: the date chosen before,
        ``changed``: a sentence saying that another PC changed the recommendation since
        (asked again)."""
        self._dialogs.ask_date(
            self._parent,
            tr(_CONTEXT, "Frist ändern"),
            changed + tr(_CONTEXT, "Neue Frist für die Stellungnahme zu {}:").format(row.code),
            typed or row.due_on or self._today(),
            lambda due_on: self._set_due_date(row, due_on),
        )

    def _set_due_date(self, row: RecommendationRow, due_on: date) -> None:
        """Set ``due_on`` on ``row``; refused because another PC changed it meanwhile, the
        question comes again with the date chosen."""

        def ask_again(now: RecommendationRow) -> None:
            due = (
                now.due_on.strftime("%d.%m.%Y") if now.due_on is not None else tr(_CONTEXT, "keine")
            )
            changed = tr(
                _CONTEXT,
                "Die Empfehlung {code} wurde inzwischen von jemand anderem geändert (Stand "
                "jetzt: {status}, Frist {due}); Ihr Datum ist erhalten.\n",
            ).format(code=now.code, status=now.status.label, due=due)
            self.change_due_date(now, due_on, changed)

        self._asked_step(
            row,
            lambda: self._services.recommendations.set_due_date(
                row.id, row.version, due_on, self._today()
            ),
            ask_again,
        )

    def withdraw(self, row: RecommendationRow, note: str = "", changed: str = "") -> None:
        """Ask why and withdraw; ``note``: the reason typed before, ``changed``: a sentence
        saying that another PC changed the recommendation since (asked again)."""
        self._dialogs.ask_text(
            self._parent,
            tr(_CONTEXT, "Empfehlung zurückziehen"),
            changed + tr(_CONTEXT, "Warum wird {} zurückgezogen?").format(row.code),
            note,
            lambda note: self._withdraw(row, note),
        )

    def _withdraw(self, row: RecommendationRow, note: str) -> None:
        """Withdraw ``row``; refused because another PC changed it meanwhile, the question
        comes again with the reason typed."""

        def ask_again(now: RecommendationRow) -> None:
            changed = tr(
                _CONTEXT,
                "Die Empfehlung {code} wurde inzwischen von jemand anderem geändert (Stand "
                "jetzt: {status}); Ihre Begründung ist erhalten.\n",
            ).format(code=now.code, status=now.status.label)
            self.withdraw(now, note, changed)

        self._asked_step(
            row,
            lambda: self._services.recommendations.withdraw(
                row.id, row.version, self._today(), note
            ),
            ask_again,
        )

    def _asked_step(
        self,
        row: RecommendationRow,
        step: Callable[[], object],
        ask_again: Callable[[RecommendationRow], None],
    ) -> None:
        """Run a step answered in a question; refused because another PC changed ``row``
        meanwhile, the page shows it as it is now and ``ask_again`` gets it as it is now."""
        try:
            step()
        except ConcurrentEditError as error:
            try:
                now = self._services.recommendations.get(row.id).row
            except ExpertenratError:
                self._dialogs.warning(self._parent, tr(_CONTEXT, "Empfehlungen"), error.message)
                self._stored(row.id)
                return
            self._stored(row.id)
            ask_again(now)
            return
        except ExpertenratError as error:
            self._dialogs.warning(self._parent, tr(_CONTEXT, "Empfehlungen"), error.message)
        self._stored(row.id)

    def _choices(self, council_id: int) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
        """The council's projects and action fields, (id, name) each."""
        projects = [(p.id, p.title) for p in self._services.agenda.projects(council_id)]
        fields = [(f.id, f.name) for f in self._services.settings.action_fields(council_id)]
        return projects, fields

    def _project_fields(self, council_id: int) -> dict[int, int | None]:
        """Each project's action field, which the register takes where none is chosen."""
        return {
            entry.project.id: entry.project.action_field_id
            for entry in self._services.projects.projects(council_id)
            if entry.project.id is not None
        }

    def _open(self, dialog: StepDialog) -> None:
        dialog.finished.connect(dialog.deleteLater)
        dialog.ask_before_discarding(self._dialogs)
        self.dialog = dialog
        dialog.open()

    def _saving(self, step: Callable[[T], RecommendationDetail]) -> Callable[[T], None]:
        """The dialog's ``save``: the step, then ``stored`` (a refusal raises)."""

        def save(value: T) -> None:
            self._stored(step(value).row.id)

        return save

    def _saving_step(
        self,
        row: RecommendationRow,
        button: str,
        step: Callable[[int, T], RecommendationDetail],
    ) -> Callable[[T], None]:
        """The ``save`` of a step dialog on ``row`` (``button``: its accept button's label):
        the step on the version read. Refused because another PC changed the
        recommendation meanwhile, the page shows it as it is now, the dialog keeps what was
        typed and says so, and saving again takes the step on the version now stored (the
        service still refuses a step the new state does not allow)."""
        version = [row.version]

        def save(value: T) -> None:
            try:
                detail = step(version[0], value)
            except ConcurrentEditError as error:
                try:
                    now = self._services.recommendations.get(row.id).row
                except ExpertenratError:
                    raise error from None
                version[0] = now.version
                self._stored(row.id)
                text = tr(
                    _CONTEXT,
                    "Die Empfehlung {code} wurde inzwischen von jemand anderem geändert "
                    "(Stand jetzt: {status}). Ihre Eingaben sind erhalten; die Liste zeigt den "
                    "neuen Stand. Klicken Sie erneut auf „{button}“, wenn sie weiterhin gelten "
                    "sollen.",
                ).format(code=now.code, status=now.status.label, button=button)
                raise ConcurrentEditError("", text) from None
            self._stored(detail.row.id)

        return save
