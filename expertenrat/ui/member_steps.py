"""The steps the Mitglieder page's buttons take on a member. A new member, editing one and
a further term of one open the member dialog (kept in ``dialog``; its refusals stay in it
with what was typed, a saved member goes to ``stored``). Ending a term asks for its last
day (and, where the end removes apologies for meetings ahead or takes the member out as
their chair, whether to go on, naming them; again where another PC changed them between
the question and the end), deleting asks first, both through the dialog service; a
refusal is a warning, and either way the page rereads (``reread``); after a deletion the
row that took the deleted one's place is selected.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import replace
from datetime import date
from functools import partial

from PySide6.QtWidgets import QTableView, QWidget

from expertenrat.domain.appointment_periods import (
    AppointmentPeriod,
    end_of_period_on,
    role_of_further_term,
    start_of_further_term,
)
from expertenrat.domain.councils import ActionField
from expertenrat.domain.errors import ExpertenratError, QuestionChangedError
from expertenrat.domain.members import Member
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.member_dialog import MemberDialog
from expertenrat.ui.record_selection import remove_selected
from expertenrat.ui.refusals import attempt

_CONTEXT = "MembersPage"


class MemberSteps:
    def __init__(
        self,
        parent: QWidget,
        view: QTableView,
        services: Services,
        dialogs: DialogService,
        today: Callable[[], date],
        reread: Callable[[], None],
        stored: Callable[[Member], None],
    ) -> None:
        """``view`` is the members table (its selection after a deletion)."""
        self._parent = parent
        self._view = view
        self._services = services
        self._dialogs = dialogs
        self._today = today
        self._reread = reread
        self._stored = stored
        self.dialog: MemberDialog | None = None

    def open(self, council_id: int, fields: list[ActionField], member: Member | None) -> None:
        """The member dialog for ``member``, or for a new member (None). A new term (a new
        member, a further term) ends by default with the council's appointment period
        holding its start (:meth:`period_ends`)."""
        dialog = MemberDialog(
            self._services.members,
            council_id,
            fields,
            self._today(),
            member,
            self._parent,
            dialogs=self._dialogs,
            titles=self._services.settings.settings(council_id).role_titles,
            term_end_for=self.period_ends(council_id)
            if member is None or member.id is None
            else None,
        )
        dialog.saved.connect(self._stored)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()

    def period_ends(self, council_id: int) -> Callable[[date], date | None]:
        """The default end of a term starting on a day: the end of the council's appointment
        period holding that day (None: open-ended, also where no period holds it). The
        periods are read once, now."""
        return partial(end_of_period_on, self._periods(council_id))

    def _periods(self, council_id: int) -> list[AppointmentPeriod]:
        """The council's appointment periods; none where they cannot be read (the dialog
        works without)."""
        with suppress(ExpertenratError):
            return self._services.appointment_periods.periods(council_id)
        return []

    def open_next_term(
        self, council_id: int, fields: list[ActionField], member: Member, today: date
    ) -> None:
        """The member dialog for a further term of ``member``'s person (a re-appointment):
        the person's data as stored, from the first day of the council's next appointment
        period where one is set up, else the day after the term ends (today, if later)
        (:func:`~expertenrat.domain.appointment_periods.start_of_further_term`), by default
        to the end of the council's appointment period covering that day, else
        open-ended (the dialog's default, as for a new member); in the role of the ended
        term, as member where the further term begins a new period
        (:func:`~expertenrat.domain.appointment_periods.role_of_further_term`). Saving adds
        a membership; the ended one stays in the history."""
        periods = self._periods(council_id)
        start = start_of_further_term(periods, member, today)
        role = role_of_further_term(periods, member, start)
        draft = replace(member, id=None, version=0, term_start=start, term_end=None, role=role)
        self.open(council_id, fields, draft)
        assert self.dialog is not None
        self.dialog.setWindowTitle(tr(_CONTEXT, "Weitere Amtszeit – {}").format(member.full_name))
        self.dialog.form.term_start_edit.setFocus()

    def ask_end(self, member: Member) -> None:
        self._dialogs.ask_date(
            self._parent,
            tr(_CONTEXT, "Amtszeit beenden"),
            tr(_CONTEXT, "Letzter Tag der Amtszeit von {}:").format(member.full_name),
            self._today(),
            lambda end: self._confirm_end(member, end),
        )

    def _confirm_end(self, member: Member, end: date) -> None:
        """End the term; where that removes apologies for meetings ahead or takes the
        member out as their chair, after a question that names the meetings."""
        question = ""

        def ask() -> None:
            nonlocal question
            question = self._services.members.end_question(member, end, self._today())

        if attempt(self._dialogs, self._parent, tr(_CONTEXT, "Mitglieder"), ask):
            self._ask_end(member, end, question)

    def _ask_end(self, member: Member, end: date, question: str, lead: str = "") -> None:
        """Ask ``question`` ("Nein": nothing changes) and end the term on "Ja"; none: end it
        at once. ``lead`` says why it asks again."""
        if not question:
            self.end_membership(member, end, asked="")
            return
        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Amtszeit beenden"),
            f"{lead} {question}" if lead else question,
            lambda: self.end_membership(member, end, asked=question),
        )

    def end_membership(self, member: Member, end: date, *, asked: str) -> None:
        """End the term after ``asked`` was answered "Ja" ("" where nothing was asked);
        where the meetings it names changed on another PC meanwhile, ask again."""
        changed: list[QuestionChangedError] = []

        def end_term() -> None:
            try:
                members = self._services.members
                members.end_membership(member, end, today=self._today(), asked=asked)
            except QuestionChangedError as error:
                changed.append(error)

        self._run(end_term)
        for error in changed:
            self._ask_end(member, end, error.question, error.changed)

    def ask_delete(self, member: Member) -> None:
        self._dialogs.question(
            self._parent,
            tr(_CONTEXT, "Mitglied löschen"),
            tr(
                _CONTEXT,
                "{} endgültig löschen? Das geht nur, wenn die Person nirgends sonst "
                "vorkommt. Ausgeschiedene Mitglieder bitte nicht löschen, sondern ihre "
                "Amtszeit beenden.",
            ).format(member.full_name),
            lambda: self._delete(member),
        )

    def _delete(self, member: Member) -> None:
        remove_selected(
            self._view,
            lambda: self._run(lambda: self._services.members.delete(member, today=self._today())),
        )

    def _run(self, action: Callable[[], object]) -> None:
        attempt(self._dialogs, self._parent, tr(_CONTEXT, "Mitglieder"), action)
        self._reread()
