"""Neues Mitglied / Mitglied bearbeiten: the dialog around the member form (its widgets:
:mod:`~expertenrat.ui.member_dialog_view`; what a refused save offers:
:mod:`~expertenrat.ui.member_dialog_refusals`).

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
    QuestionChangedError,
    ValidationError,
)
from expertenrat.domain.member_twins import SamePersonAddedError
from expertenrat.domain.members import Member
from expertenrat.services.members import MembersService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_dialog_refusals import MemberDialogRefusals
from expertenrat.ui.save_retry import SaveRetry
from expertenrat.ui.worker import Job, start_with_progress

_CONTEXT = "MemberDialog"


class MemberDialog(MemberDialogRefusals):
    """Creates a member (``member=None``) or edits one, keeping its ids and versions."""

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
        term_end_for: Callable[[date], date | None] | None = None,
    ) -> None:
        """``term_end_for``: the default end of a new term (a new member, or ``member``
        without an id) starting on a day (None: open-ended), shown as long as the end was
        not changed (the end of the council's appointment period holding the start)."""
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
        if term_end_for is not None and (member is None or member.id is None):
            self.form.default_end(term_end_for)  # only a default: the form as opened
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
        new person someone else saved meanwhile is offered to complete that record. A term
        that leaves out meetings ahead the member chairs asks first, naming them."""
        member = self.form.member()
        self.retry.after(None)
        try:
            known = self._known_persons(member)
            problems, question = self._members.save_checks(
                self._council_id, member, self._today, known
            )
        except SamePersonAddedError as error:
            self._offer_twin(member, error)
            return
        except ExpertenratError as error:
            self._show_failure(error, member)
            return
        if self._stopped_by(
            problems, tr(_CONTEXT, "Trotzdem speichern? Klicken Sie erneut auf „Speichern“.")
        ):
            return
        if question and self._dialogs is not None:
            self._ask_chairs(member, question)
            return
        self._save(member, known)

    def _ask_chairs(self, member: Member, question: str, lead: str = "") -> None:
        """Ask before the term takes the stored member out as the chair of the meetings
        ``question`` names ("Nein": nothing saved, the form stays); ``lead`` says why it
        asks again. A stored membership's person is known: no twin to look for."""
        assert self._dialogs is not None
        self._dialogs.question(
            self,
            tr(_CONTEXT, "Sitzungsleitung austragen?"),
            f"{lead} {question}" if lead else question,
            lambda: self._save(member, None, asked=question),
        )

    def _save(self, member: Member, known: frozenset[int] | None, *, asked: str = "") -> None:
        """Save, taking the member out as the chair of meetings ahead the term leaves out
        where the question ``asked`` was answered "Ja", else refused."""
        save = partial(
            self._members.save,
            self._council_id,
            member,
            self._today,
            known_persons=known,
            asked=asked,
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
        except QuestionChangedError as error:  # set on another PC since the question
            self._ask_chairs(member, error.question, error.changed)
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


def _raise(error: ExpertenratError | None) -> Member:
    """A failed background save's error, raised where the dialog answers it."""
    assert error is not None  # a failed job has its error
    raise error
