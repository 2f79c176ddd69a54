"""Neues Mitglied / Mitglied bearbeiten: the dialog around the member form (its widgets:
:mod:`~expertenrat.ui.member_dialog_view`).

Open it with ``open()``; it emits ``saved`` with the stored member and closes. Errors and
warnings appear under the fields; warnings (e.g. a possible duplicate) only need a second
click on Speichern. When saving fails, the dialog stays open and keeps what was typed (a
member deleted on another PC meanwhile is saved as a new one on the next click). A new
person another PC saved meanwhile ("Gleichzeitig angelegt") is completed, not saved twice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import suppress
from datetime import date
from functools import partial

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QWidget

from expertenrat.domain.councils import DEFAULT_ROLE_TITLES, ActionField, RoleTitles
from expertenrat.domain.errors import (
    ConcurrentEditError,
    ExpertenratError,
    FieldProblem,
    NotFoundError,
    ValidationError,
)
from expertenrat.domain.member_twins import SamePersonAddedError
from expertenrat.domain.members import Member
from expertenrat.domain.merge import differences, merged
from expertenrat.services.members import MembersService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_dialog_view import MemberDialogView
from expertenrat.ui.member_merge import member_merge_rows, open_twin_merge
from expertenrat.ui.merge_dialog import FormLine, OpenMergeDialog, open_conflict_merge
from expertenrat.ui.save_retry import SaveRetry
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "MemberDialog"


class MemberDialog(MemberDialogView):
    """Creates a member (``member=None``) or edits one, keeping its ids and versions."""

    merge_dialog = OpenMergeDialog()  # open after a conflicting save

    saved = Signal(object)

    def __init__(
        self,
        members: MembersService,
        council_id: int,
        fields: list[ActionField],
        today: date,
        member: Member | None = None,
        parent: QWidget | None = None,
        *,
        dialogs: DialogService | None = None,
        titles: RoleTitles = DEFAULT_ROLE_TITLES,
    ) -> None:
        super().__init__(members, fields, today, member, titles, parent)
        self._dialogs = dialogs
        self._council_id = council_id
        self._fields = fields
        self._today = today
        self.job: Job | None = None  # a save that renders published minutes again
        self.retry = SaveRetry(self.save_button)
        self._acknowledged: frozenset[str] = frozenset()
        self._known: frozenset[int] | None = None  # see _known_persons
        if member is None:
            self.setWindowTitle(tr(_CONTEXT, "Neues Mitglied"))
            with suppress(ExpertenratError):  # else read at the first "Speichern"
                self._known = members.persons(council_id)
        else:
            self.setWindowTitle(tr(_CONTEXT, "Mitglied bearbeiten – {}").format(member.full_name))
        self._as_opened = self.form.member()

    def reject(self) -> None:
        """Abbrechen, Esc or closing the window: ask before typed changes are thrown away."""
        if self._dialogs is None or self.form.member() == self._as_opened:
            super().reject()
            return
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Änderungen verwerfen?"),
            tr(_CONTEXT, "Sie haben Angaben geändert, die noch nicht gespeichert sind. Verwerfen?"),
            lambda: QDialog.reject(self),
        )

    # --- saving ------------------------------------------------------------------------

    def save(self) -> None:
        """Check, then save; warnings need a second click, errors keep the dialog open. A
        new person someone else saved meanwhile is offered to complete that record."""
        member = self.form.member()
        self.retry.after(None)
        try:
            known = self._known_persons(member)
            if known is not None:
                self._members.check_not_added_meanwhile(self._council_id, member, known)
            problems = self._members.problems(self._council_id, member, self._today)
        except SamePersonAddedError as error:
            self._offer_twin(member, error)
            return
        except ExpertenratError as error:
            self._show_failure(error, member)
            return
        if self._stopped_by(
            problems, tr(_CONTEXT, "Trotzdem speichern? Klicken Sie erneut auf Speichern.")
        ):
            return
        save = partial(
            self._members.save, self._council_id, member, self._today, known_persons=known
        )
        if self._as_opened.publish_name and not member.publish_name and member.id is not None:
            self._save_in_background(member, save)
            return
        self._finish_save(member, save)

    def _known_persons(self, member: Member) -> frozenset[int] | None:
        """For a new person, the council's persons when the dialog opened (read now where
        that failed, or where the member became a new person since): a person with the same
        e-mail address or name saved since is no twin to save on purpose but most likely the
        same human entered on another PC. ``None`` for a stored person."""
        if member.id is not None or member.person_id is not None:
            return None
        if self._known is None:
            self._known = self._members.persons(self._council_id)
        return self._known

    def _stopped_by(self, problems: Sequence[FieldProblem], warned: str) -> bool:
        """Show errors, or warnings not yet shown (headed by ``warned``; the next click
        saves despite them): whether they stop this save."""
        warnings = frozenset(p.message for p in problems if p.warning)
        if any(not p.warning for p in problems):
            self._acknowledged = frozenset()
            self._show_problems(problems, tr(_CONTEXT, "Bitte prüfen Sie die markierten Angaben."))
            return True
        if not warnings <= self._acknowledged:
            self._acknowledged = warnings
            self._show_problems(problems, warned, warning=True)
            return True
        return False

    def _save_in_background(self, member: Member, save: Callable[[], Member]) -> None:
        """A withdrawn consent to publish the name renders the stored public minutes that
        name the member again (seconds for years of meetings): off the GUI thread, behind a
        progress dialog without "Abbrechen" (the save is one transaction)."""
        self.job = job = Job(lambda _progress: save(), self)
        job.finished.connect(lambda stored: self._finish_save(member, lambda: stored))
        job.failed.connect(lambda _message: self._finish_save(member, partial(_raise, job.error)))
        self.buttons.setEnabled(False)
        job.ended.connect(lambda: self.buttons.setEnabled(True))
        progress = start_with_progress(
            job,
            self,
            tr(_CONTEXT, "Mitglied speichern"),
            tr(_CONTEXT, "Veröffentlichte Protokolle werden ohne den Namen neu erstellt …"),
        )
        progress.setCancelButton(None)

    def _finish_save(self, member: Member, save: Callable[[], Member]) -> None:
        """Close with the saved member, or keep the dialog open and say what went wrong."""
        try:
            stored = save()
        except ValidationError as error:
            self._show_problems(
                error.problems, tr(_CONTEXT, "Bitte prüfen Sie die markierten Angaben.")
            )
            return
        except ConcurrentEditError as error:
            self._offer_merge(member, error)
            return
        except SamePersonAddedError as error:
            self._offer_twin(member, error)
            return
        except ExpertenratError as error:
            self._show_failure(error, member)
            return
        self.saved.emit(stored)
        self.accept()

    def _show_failure(self, error: ExpertenratError, member: Member) -> None:
        """The form keeps what was typed; after a lost server "Speichern" says what it does.
        A member deleted on another PC meanwhile is saved as a new one on the next click,
        of the same person where another term of theirs still keeps it; so is a new term
        (a further term, or a term saved again) whose person was deleted meanwhile."""
        if isinstance(error, NotFoundError) and (
            member.id is not None or member.person_id is not None
        ):
            try:
                again = self._members.detached(member)
            except ExpertenratError as failure:
                self._show_general(failure.message)
                self.retry.after(failure)
                return
            if member.id is None and again.person_id is not None:
                # The person is still stored: what is gone is something else.
                self._show_general(error.message)
                self.retry.after(error)
                return
            self.form.set_member(again)
            self._acknowledged = frozenset()
            what = (
                tr(_CONTEXT, "legt diese Amtszeit mit ihnen für dieselbe Person neu an")
                if again.person_id is not None
                else tr(_CONTEXT, "legt das Mitglied mit ihnen neu an")
            )
            self._show_general(
                error.message
                + tr(
                    _CONTEXT,
                    " Ihre Eingaben stehen noch im Formular: „Speichern“ {what}, „Abbrechen“ "
                    "verwirft sie.",
                ).format(what=what)
            )
            self.retry.after(None)
            return
        self._show_general(error.message)
        self.retry.after(error)

    def _offer_merge(self, mine: Member, conflict: ConcurrentEditError) -> None:
        """Someone saved the member first: show both versions and save the chosen values.
        For a new term of a stored person (a further term, or a term deleted on another PC
        saved again) that is someone who changed the person's details meanwhile. Where the
        member or person is gone by then, the next "Speichern" saves them anew."""
        try:
            theirs = self._members.stored(mine)
        except ExpertenratError as error:
            self._show_failure(error, mine)
            return
        base = self._as_opened
        found = differences(base, mine, theirs)
        if not found:  # the same values: only the versions differ
            self._take_merged(mine, theirs, set())
            return
        self.merge_dialog = open_conflict_merge(
            self,
            theirs.full_name,
            tr(
                _CONTEXT,
                "Jemand anderes hat dieses Mitglied gespeichert, während Sie es bearbeitet haben.",
            )
            if mine.id is not None
            else tr(
                _CONTEXT,
                "Jemand anderes hat die Angaben dieser Person gespeichert, während Sie die "
                "neue Amtszeit bearbeitet haben.",
            ),
            member_merge_rows(found, self._fields),
            lambda names: self._take_merged(mine, theirs, names),
            FormLine(
                conflict.changed,
                self._show_general,
                tr(_CONTEXT, "Speichern"),
                tr(_CONTEXT, "„Abbrechen“ verwirft sie"),
            ),
        )

    def _offer_twin(self, mine: Member, added: SamePersonAddedError) -> None:
        """Someone saved the person typed here as a new one meanwhile: offer to complete
        that record with what was typed (both versions side by side); closing that offer
        keeps the input, and "Speichern" then saves another person after the duplicate
        warning. Identical values: this dialog closes with the stored member."""
        twin = added.twin
        assert twin.person_id is not None  # a stored member
        self._known = (self._known or frozenset()) | {twin.person_id}
        found = differences(self._as_opened, mine, twin)
        if not found:
            self._take_twin(mine, twin, set())
            return
        self._show_general(
            added.added
            + tr(
                _CONTEXT,
                ". Wählen Sie im Fenster „Gleichzeitig angelegt“, welche Angaben gelten; ist "
                "es eine andere Person, schließen Sie es mit „Abbrechen“.",
            )
        )
        self.merge_dialog = open_twin_merge(
            self,
            twin.full_name,
            added.by_email,
            member_merge_rows(found, self._fields),
            lambda names: self._take_twin(mine, twin, names),
        )
        self.merge_dialog.rejected.connect(lambda: self._twin_declined(added))

    def _take_twin(self, mine: Member, twin: Member, take_theirs: set[str]) -> None:
        """Edit the record saved meanwhile instead: the chosen values, saved on it."""
        self.setWindowTitle(tr(_CONTEXT, "Mitglied bearbeiten – {}").format(twin.full_name))
        self._take_merged(mine, twin, take_theirs)

    def _twin_declined(self, added: SamePersonAddedError) -> None:
        """Another person after all: the duplicate warning, acknowledged by this answer,
        and the next "Speichern" saves the typed person beside the other one."""
        member = self.form.member()
        headline = added.added + tr(
            _CONTEXT,
            ". Ist es eine andere Person, legt „Speichern“ sie trotzdem an; „Abbrechen“ "
            "verwirft Ihre Eingaben.",
        )
        try:
            problems = self._members.problems(self._council_id, member, self._today)
        except ExpertenratError as error:
            self._show_failure(error, member)
            return
        if not self._stopped_by(problems, headline):
            self._show_general(headline)

    def _take_merged(self, mine: Member, theirs: Member, take_theirs: set[str]) -> None:
        """Show the merged values, now based on the stored version, and save them."""
        self.form.set_member(merged(mine, theirs, take_theirs))
        self._as_opened = theirs
        self.save()


def _raise(error: ExpertenratError | None) -> Member:
    """A failed background save's error, raised where the dialog answers it."""
    assert error is not None  # a failed job has its error
    raise error
