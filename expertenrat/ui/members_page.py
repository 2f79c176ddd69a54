"""Mitglieder: the members table with search and filters, composition, roster, CSV; the
widgets and where they sit are :mod:`ui.members_page_view`.

A line under the table counts the persons shown ("8 von 10 Mitgliedern"; a re-appointed
member's terms are one person) and an empty table says
why and what to do. Enter or a double-click opens a member, Entf deletes one after asking,
as on Projekte; "E-Mail-Adressen kopieren" puts the shown members' addresses on the
clipboard.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import ActionField
from expertenrat.domain.mail_addresses import recipients
from expertenrat.domain.members import Member
from expertenrat.domain.overview import Target, TargetFilter
from expertenrat.services.context import Services
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.filter_bar import hit_count
from expertenrat.ui.i18n import tr
from expertenrat.ui.key_actions import KeyActions
from expertenrat.ui.member_steps import MemberSteps
from expertenrat.ui.members_page_view import MembersPageView
from expertenrat.ui.members_table_model import MembersTableModel
from expertenrat.ui.page import NothingPending
from expertenrat.ui.person_disclosure_action import PersonDisclosureAction
from expertenrat.ui.record_selection import (
    select_record,
    selected_record,
    selection_kept,
    start_afresh,
)
from expertenrat.ui.record_table import when_rows_change
from expertenrat.ui.roster_panel import RosterPanel
from expertenrat.ui.row_moves import focus_to_rows

_CONTEXT = "MembersPage"


class MembersPage(NothingPending, MembersPageView):
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
        self._fields: list[ActionField] = []

        no_modifier = Qt.KeyboardModifier.NoModifier
        KeyActions(self.view, {(Qt.Key.Key_Delete, no_modifier): self._ask_delete})
        self.roster = RosterPanel(services, dialogs, today, self)
        self.roster.membersImported.connect(self.refresh)
        self.steps = MemberSteps(
            self, self.view, services, dialogs, today, self.refresh, self._saved
        )
        self.disclosure = PersonDisclosureAction(services, dialogs, today, self)
        self._layout(self.roster)

        self.view.activated.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_member)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self._ask_end)
        self.next_term_button.clicked.connect(self.next_term_of_selected)
        self.delete_button.clicked.connect(self._ask_delete)
        self.copy_emails_button.clicked.connect(self.copy_emails)
        self.disclosure_button.clicked.connect(self.export_disclosure)
        when_rows_change(self.proxy, self._update_count)
        self._update_buttons()
        self._update_count()

    # --- data -------------------------------------------------------------------------

    def set_council(self, council_id: int) -> None:
        """Remember the council; the members are read when the page is shown."""
        if council_id != self._council_id:
            self.search_edit.clear()  # a term typed for the last council
            # nor does a status chosen there ("Ehemalige") hide this council's members
            self.filters.status_combo.setCurrentIndex(0)
            start_afresh(self.view)
            self.status_label.clear()
        self._council_id = council_id
        self.roster.set_council(council_id)

    def refresh(self) -> None:
        """Reread the members; the selected member stays selected."""
        if self._council_id is None:
            return
        today = self._today()
        council = self._services.members.members_and_composition(self._council_id, today)
        self._fields = list(council.fields)
        self.filters.fill(self._fields)
        with selection_kept(self.view):
            fields = {f.id: f.name for f in self._fields}
            self.model.set_members(list(council.members), fields, today, council.titles)
        self.composition.show_composition(council.composition)
        self.roster.show_days()  # a period added in the settings meanwhile, or a new day
        self.fit_columns()
        self._update_buttons()
        self._update_count()

    def _update_count(self) -> None:
        """Persons are counted, not rows: a re-appointed member has a row per term, and
        where the rows shown are more than the persons, the line says so ("10 Mitglieder,
        11 Amtszeiten")."""
        shown_members = self.shown_members()
        shown = len(_persons(shown_members))
        total = len(_persons(row.member for row in self.model.rows()))
        text = hit_count(
            shown,
            total,
            tr(_CONTEXT, "{} von {} Mitgliedern"),
            tr(_CONTEXT, "1 Mitglied"),
            tr(_CONTEXT, "{} Mitglieder"),
        )
        if len(shown_members) > shown:
            text += tr(_CONTEXT, ", {} Amtszeiten").format(len(shown_members))
        self.count_label.setText(text)
        self.copy_emails_button.setEnabled(shown > 0)
        self.table_stack.show_rows(
            shown,
            total,
            tr(
                _CONTEXT,
                "Noch keine Mitglieder. Legen Sie mit „Neues Mitglied …“ (Strg+N) das "
                "erste an oder lesen Sie eine Liste mit „Importieren …“ ein (Excel oder CSV).",
            ),
            tr(
                _CONTEXT,
                "Keine Treffer. Prüfen Sie den Suchbegriff oder wählen Sie „Alle“ und "
                "„Alle Handlungsfelder“, um das eine Mitglied zu sehen.",
            )
            if total == 1
            else tr(
                _CONTEXT,
                "Keine Treffer. Prüfen Sie den Suchbegriff oder wählen Sie „Alle“ und "
                "„Alle Handlungsfelder“, um alle {} Mitglieder zu sehen.",
            ),
        )

    def selected(self) -> Member | None:
        return selected_record(self.view)

    def select(self, membership_id: int | None) -> None:
        select_record(self.view, membership_id)

    def open_target(self, target: Target) -> None:
        """Show what the Übersicht points at: a new member, or one member (all filters
        cleared, so that the member is listed whatever the term)."""
        if target.filter is TargetFilter.NEW:
            self.new_member()
            return
        if target.record_id is not None:
            self._show_unfiltered(target.record_id)
        self.view.setFocus()  # the keyboard goes on at the member, not in the search

    def _show_unfiltered(self, membership_id: int) -> None:
        """Select the member with all filters cleared, listed whatever the term."""
        self.filters.show_everything()
        self.select(membership_id)

    def _update_buttons(self) -> None:
        member = self.selected()
        # "Amtszeit beenden …" done from the keyboard: the focus stays at the member, not
        # on to the next button ("Weitere Amtszeit …", "Löschen …").
        buttons = (self.edit_button, self.delete_button, self.end_button, self.next_term_button)
        with focus_to_rows(self.view, *buttons):
            self._enable_buttons(member)

    def _enable_buttons(self, member: Member | None) -> None:
        for button in (self.edit_button, self.delete_button, self.disclosure_button):
            button.setEnabled(member is not None)
        # A term that has ended is not ended again (a later day would lengthen it).
        end = member.term_end if member is not None else None
        ended = end is not None and end < self._today()
        self.end_button.setEnabled(member is not None and not ended)
        self.end_button.setToolTip(
            tr(
                _CONTEXT,
                "Die Amtszeit ist schon beendet; ein anderes Ende unter „Bearbeiten …“, eine "
                "erneute Berufung mit „Weitere Amtszeit …“",
            )
            if ended
            else ""
        )
        self.next_term_button.setEnabled(self._next_term_possible(member))

    def _next_term_possible(self, member: Member | None) -> bool:
        """A further term follows a term with an end, the person's latest."""
        if member is None or member.term_end is None:
            return False
        return not any(
            row.member.person_id == member.person_id and row.member.term_start > member.term_start
            for row in self.model.rows()
        )

    # --- actions ------------------------------------------------------------------------

    def shown_members(self) -> list[Member]:
        """The members the table shows, in its order."""
        return [
            self.proxy.index(row, 0).data(MembersTableModel.ObjectRole)
            for row in range(self.proxy.rowCount())
        ]

    def copy_emails(self) -> None:
        """Put "Name <mail>; …" of the shown members on the clipboard."""
        result = recipients(self.shown_members())
        if result.count:
            QGuiApplication.clipboard().setText(result.text)
        if result.count == 1:
            text = tr(_CONTEXT, "1 E-Mail-Adresse kopiert.")
        elif result.count:
            text = tr(_CONTEXT, "{} E-Mail-Adressen kopiert.").format(result.count)
        else:
            text = tr(_CONTEXT, "Keine E-Mail-Adresse kopiert.")
        if result.without_email == 1:
            text += tr(_CONTEXT, " 1 Mitglied ohne E-Mail-Adresse übersprungen.")
        elif result.without_email:
            text += tr(_CONTEXT, " {} Mitglieder ohne E-Mail-Adresse übersprungen.").format(
                result.without_email
            )
        self.status_label.setText(text)

    def new_member(self) -> None:
        if self._council_id is not None:
            self.steps.open(self._council_id, self._fields, None)

    def edit_selected(self) -> None:
        member = self.selected()
        if member is not None and self._council_id is not None:
            self.steps.open(self._council_id, self._fields, member)

    def next_term_of_selected(self) -> None:
        member = self.selected()
        if self._council_id is not None and self._next_term_possible(member):
            assert member is not None
            self.steps.open_next_term(self._council_id, self._fields, member, self._today())

    def _saved(self, member: Member) -> None:
        """Select the saved member; one the filters hide (a term that begins later, while
        "Aktive" are shown) is shown with the filters cleared, not lost from sight."""
        self.refresh()
        if member.id is not None and not select_record(self.view, member.id):
            self._show_unfiltered(member.id)

    def export_disclosure(self) -> None:
        """ "Auskunft (Art. 15) …": everything about the selected member's person."""
        member = self.selected()
        if member is not None:
            self.disclosure.start(member, self._council_id)

    def _ask_end(self) -> None:
        member = self.selected()
        if member is not None:
            self.steps.ask_end(member)

    def _ask_delete(self) -> None:
        member = self.selected()
        if member is not None:
            self.steps.ask_delete(member)


def _persons(members: Iterable[Member]) -> set[int | tuple[str, int | None]]:
    """The persons among the members (a membership not yet saved counts alone)."""
    return {m.person_id if m.person_id is not None else ("membership", m.id) for m in members}
