"""The minutes (Protokoll) of a held meeting: reading them, the completeness check, votes,
recommendations adopted in an item and finishing the draft.

The editor's autosave of the header and the item texts, and the guard every change goes
through (the meeting held, its minutes not approved), are :mod:`services.minutes_autosave`,
which this service is built on. The work on votes is :mod:`services.minutes_votes`, on
recommendations adopted in an item :mod:`services.minutes_recommendations`; this service
loads and guards the rows for them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy.orm import Session

from expertenrat.domain.enums import AgendaItemOutcome, MinutesState
from expertenrat.domain.errors import NotFoundError
from expertenrat.domain.minutes import AdoptedRecommendation, Minutes, RecommendationDraft
from expertenrat.domain.minutes_checklist_lines import Checklist
from expertenrat.domain.votes import Vote, VoteDraft, Voters
from expertenrat.services import minutes_outcomes, minutes_votes, recommendation_records
from expertenrat.services import minutes_recommendations as recommendations
from expertenrat.services.minutes_autosave import MinutesAutosave
from expertenrat.services.minutes_checks import checked_minutes
from expertenrat.services.minutes_finishing import (
    draft_finish,
    finish_draft,
    refuse_unless_a_draft,
    reopen_draft,
)
from expertenrat.services.minutes_rows import held_meeting, minutes_of
from expertenrat.services.minutes_votes import SavedVotes
from expertenrat.services.unit_of_work import changing, reading
from expertenrat.store import models


class MinutesService(MinutesAutosave):
    """The minutes of held meetings: reading them, the autosave of the texts
    (:class:`MinutesAutosave`), votes, recommendations adopted in an item, finishing."""

    # --- reading ------------------------------------------------------------------------

    def minutes(self, meeting_id: int) -> Minutes:
        """The minutes of a held meeting (any other: a German refusal)."""
        with reading(self._db) as session:
            return minutes_of(session, held_meeting(session, meeting_id))

    def voters(self, item_id: int) -> Voters:
        """Who may vote at an item: present with a voting right and not recused."""
        with reading(self._db) as session:
            row = self._item(session, item_id)
            meeting = held_meeting(session, row.meeting_id)
            return minutes_votes.item_voters(session, meeting, row)

    def checklist(self, meeting_id: int) -> Checklist:
        """The completeness check of the minutes as they are stored now, with whether the
        draft is finished (while it is not sent)."""
        with reading(self._db) as session:
            meeting = held_meeting(session, meeting_id)
            checklist, state = checked_minutes(session, meeting)
            if state is not MinutesState.DRAFT:
                return checklist
            return replace(checklist, finish=draft_finish(session, meeting))

    # --- votes ----------------------------------------------------------------------------

    def save_votes(
        self, item_id: int, votes: Sequence[VoteDraft], replacing: Sequence[Vote] = ()
    ) -> SavedVotes:
        """Store ``votes`` as the item's votes, in this order, replacing those stored.

        ``replacing`` are the votes the caller read: if the stored ones differ (another PC
        added, changed or removed one), nothing is saved (:class:`ConcurrentEditError`).
        Counts are checked against the members present and entitled to vote at the item;
        a missing quorum comes back as a warning. Recusals are taken from the conflicts.
        """
        with changing(self._db, minutes_votes.WHAT) as session:
            row = self._item(session, item_id)
            meeting = self._load_for_change(session, row.meeting_id)
            return minutes_votes.replace_votes(session, self._actor, meeting, row, votes, replacing)

    # --- what became of an item ------------------------------------------------------------

    def set_outcome(
        self, item_id: int, outcome: AgendaItemOutcome, replacing: AgendaItemOutcome
    ) -> str:
        """Record that the item was dealt with, postponed or taken off the agenda
        (:mod:`services.minutes_outcomes`); ``replacing``: the outcome the caller read.
        Returns a German note where it put the approval of minutes on a later agenda
        ("" for none)."""
        with changing(self._db, minutes_outcomes.WHAT) as session:
            row = self._item(session, item_id)
            meeting = self._load_for_change(session, row.meeting_id)
            return minutes_outcomes.set_outcome(
                session, self._actor, meeting, row, outcome, replacing
            )

    # --- recommendations adopted in an item -----------------------------------------------

    def adopt_recommendation(
        self, item_id: int, draft: RecommendationDraft
    ) -> AdoptedRecommendation:
        """Create a recommendation adopted in the item, with the next code "E-YYYY-NN"."""
        with changing(self._db, recommendations.WHAT) as session:
            item = self._item(session, item_id)
            meeting = self._load_for_change(session, item.meeting_id)
            return recommendations.adopt(session, self._actor, meeting, item, draft)

    def remove_recommendation(self, recommendation_id: int, version: int) -> None:
        """Take a recommendation out of the item again (only while it is not sent)."""
        with changing(self._db, recommendations.WHAT) as session:
            row, _item, meeting = self._recommendation(session, recommendation_id, version)
            recommendations.remove(session, self._actor, row, meeting)

    def _recommendation(
        self, session: Session, recommendation_id: int, version: int
    ) -> tuple[models.Recommendation, models.AgendaItem, models.Meeting]:
        row = recommendation_records.stored(session, recommendation_id, version)
        if row.origin_agenda_item_id is None:
            raise NotFoundError(f"{recommendations.WHAT} gehört zu keinem Protokoll mehr.")
        item = self._item(session, row.origin_agenda_item_id)
        meeting = self._load_for_change(session, item.meeting_id)
        recommendations.refuse_unless_only_adopted(row)
        return row, item, meeting

    # --- finishing ------------------------------------------------------------------------

    def finish_draft(self, meeting_id: int) -> Checklist:
        """ "Entwurf abschließen": refused with every missing line (field = the line's
        target) while the completeness check is not green; once green, the draft is marked
        finished today with its content (``services.minutes_finishing``), recorded in the
        audit trail. Versions are made by circulating (``services.minutes_approval``);
        minutes already circulated are no draft any more, and a draft finished and not
        changed since is not finished twice."""
        with changing(self._db, "Der Protokollentwurf") as session:
            meeting = self._load_for_draft(session, meeting_id, "abgeschlossen")
            return finish_draft(session, self._actor, meeting)

    def reopen_draft(self, meeting_id: int) -> Checklist:
        """ "Abschluss aufheben": the finished draft is in the works again (audit entry)."""
        with changing(self._db, "Der Protokollentwurf") as session:
            meeting = self._load_for_draft(session, meeting_id, "wieder geöffnet")
            return reopen_draft(session, self._actor, meeting)

    def _load_for_draft(self, session: Session, meeting_id: int, what: str) -> models.Meeting:
        meeting = self._load_for_change(session, meeting_id)
        refuse_unless_a_draft(session, meeting, what)
        return meeting
