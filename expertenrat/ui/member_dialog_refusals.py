"""What the member dialog offers when saving is refused: a member or person deleted on
another PC meanwhile is saved anew on the next "Speichern"; a member someone saved first
("Gleichzeitig geändert") or a new person someone added meanwhile ("Gleichzeitig angelegt")
is shown beside what was typed, and the chosen values are saved on the stored record.
:class:`~expertenrat.ui.member_dialog.MemberDialog` adds checking and saving."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from expertenrat.domain.councils import ActionField
from expertenrat.domain.errors import (
    ConcurrentEditError,
    ExpertenratError,
    FieldProblem,
    NotFoundError,
)
from expertenrat.domain.member_twins import SamePersonAddedError
from expertenrat.domain.members import Member
from expertenrat.domain.merge import differences, merged
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_dialog_view import MemberDialogView
from expertenrat.ui.member_merge import member_merge_rows, open_twin_merge
from expertenrat.ui.merge_dialog import FormLine, OpenMergeDialog, open_conflict_merge
from expertenrat.ui.save_retry import SaveRetry

_CONTEXT = "MemberDialog"


class MemberDialogRefusals(MemberDialogView):
    """The answers to a refused save; the dialog's state is set by ``MemberDialog``."""

    merge_dialog = OpenMergeDialog()  # open after a conflicting save

    _council_id: int
    _fields: list[ActionField]
    _today: date
    _as_opened: Member  # the values the dialog opened with, or the stored ones merged
    _known: frozenset[int] | None
    _acknowledged: frozenset[str]
    retry: SaveRetry

    def _stopped_by(self, problems: Sequence[FieldProblem], warned: str) -> bool:
        """Whether ``problems`` stop a save
        (:meth:`~expertenrat.ui.member_dialog.MemberDialog._stopped_by`)."""
        raise NotImplementedError

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
