"""Circulating and approving the minutes of a meeting (objections: ``minutes_objections``).

The rules are in :mod:`expertenrat.domain.minutes_approval`, what each step refuses in
:mod:`expertenrat.services.minutes_approval_checks`. Each step is one transaction
with its audit entry. A version's content snapshot is written once, when the version is
made, and never changed. Approval reads the minutes document once in its transaction
(``services.minutes_assembly.approved_minutes``), renders the full and the public PDF with
the approval stamp from it, hashes them and stores them with the approved state and that
document (it is what a later redaction of a withdrawn name renders again): if rendering
fails, nothing is stored.
From then on :mod:`expertenrat.services.minutes_freeze` refuses every change.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Protocol

from expertenrat.domain.approved_minutes import approved_minutes_json
from expertenrat.domain.enums import (
    MinutesApproval,
    MinutesState,
    MinutesStyle,
)
from expertenrat.domain.errors import check_asked
from expertenrat.domain.field_limits import date_problems
from expertenrat.domain.minutes_approval import (
    Choice,
    Circulation,
    MinutesStatus,
    VersionOrigin,
    VersionRecord,
    objections_due,
)
from expertenrat.domain.minutes_diff import MinutesDiff, diff_snapshots
from expertenrat.domain.minutes_document import ApprovalStamp, MinutesDocument
from expertenrat.domain.minutes_versions import (
    fingerprint,
    parse_snapshot,
    pdf_fingerprint,
    same_content,
    snapshot_json,
)
from expertenrat.services import minutes_approval_rows as rows
from expertenrat.services.approval_question import approval_question
from expertenrat.services.minutes_approval_agenda import add_approval_item, settle_approval_items
from expertenrat.services.minutes_approval_checks import (
    approval_day,
    approving_meeting,
    refuse_undecided_objections,
    refuse_unless_circulable,
)
from expertenrat.services.minutes_approval_reads import approving_choices, minutes_status
from expertenrat.services.minutes_assembly import approved_minutes, meeting_label
from expertenrat.services.minutes_freeze import ensure_not_frozen
from expertenrat.services.minutes_snapshot import minutes_snapshot
from expertenrat.services.unit_of_work import (
    changing,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

WHAT = "Das Protokoll"
_CHANGED = "wurde inzwischen von jemand anderem geändert."


class MinutesRenderer(Protocol):
    """Renders a minutes document as PDF bytes."""

    def __call__(self, doc: MinutesDocument) -> bytes: ...


class MinutesApprovalService:
    def __init__(self, database: Database, actor: str, render: MinutesRenderer) -> None:
        self._db = database
        self._actor = actor
        self._render = render

    # --- reading ------------------------------------------------------------------------

    def status(self, meeting_id: int) -> MinutesStatus:
        with reading(self._db) as session:
            meeting = rows.live(session, meeting_id)
            return minutes_status(session, meeting, rows.versions(session, meeting.id))

    def approving_meetings(self, meeting_id: int) -> list[Choice]:
        """Later held meetings of the council, on or after the day the minutes were sent,
        which may approve them (nearest first); one whose attendance says it could not
        decide carries a note saying so."""
        with reading(self._db) as session:
            meeting = rows.live(session, meeting_id)
            return approving_choices(session, meeting, rows.versions(session, meeting.id))

    def status_and_approving(self, meeting_id: int) -> tuple[MinutesStatus, list[Choice]]:
        """:meth:`status` and :meth:`approving_meetings` in one read of the versions, as
        the Genehmigung tab shows both (found by a tester: each read them again)."""
        with reading(self._db) as session:
            meeting = rows.live(session, meeting_id)
            stored = rows.versions(session, meeting.id)
            return minutes_status(session, meeting, stored), approving_choices(
                session, meeting, stored
            )

    def approval_question(self, meeting_id: int, in_meeting_id: int) -> str:
        """The question to ask before the minutes are approved in ``in_meeting_id``: where
        its agenda has no item approving them (:func:`approval_question`); "" else."""
        with reading(self._db) as session:
            meeting = rows.live(session, meeting_id)
            return approval_question(session, meeting, rows.live(session, in_meeting_id))

    def diff(self, meeting_id: int, old_number: int, new_number: int) -> MinutesDiff:
        """What changed from version ``old_number`` to ``new_number``."""
        with reading(self._db) as session:
            stored = {v.number: v.content for v in rows.versions(session, meeting_id)}
            if old_number not in stored or new_number not in stored:
                raise rows.refuse("version", "Diese Fassung des Protokolls gibt es nicht.")
            council = session.get(models.Council, rows.live(session, meeting_id).council_id)
            return diff_snapshots(
                parse_snapshot(stored[old_number]),
                parse_snapshot(stored[new_number]),
                MinutesStyle(council.minutes_style),
            )

    # --- circulating --------------------------------------------------------------------

    def circulate(
        self, meeting_id: int, sent_on: date, *, today: date | None = None
    ) -> Circulation:
        """Record that the minutes went out on ``sent_on``: a new version with their
        snapshot and the deadline for objections, and their approval on the next meeting's
        agenda. Minutes unchanged since their last version, sent on its day, were sent
        already (perhaps from another PC at the same moment: the meeting's row lock orders
        the two): that version is returned with a note saying so, no second one is made.
        Unchanged minutes sent again on a later day are a new version (a new deadline)."""
        raise_if_invalid(date_problems("sent_on", sent_on, "Das Versanddatum"))
        with changing(self._db, WHAT) as session:
            meeting = rows.live(session, meeting_id, lock=True)
            ensure_not_frozen(session, meeting.id)
            refuse_unless_circulable(session, meeting, sent_on, today)
            snapshot = minutes_snapshot(session, meeting)
            content = snapshot_json(snapshot)
            stored = rows.versions(session, meeting.id)
            latest = stored[-1] if stored else None
            if (
                latest
                and same_content(latest.content, snapshot)
                and latest.circulated_on == sent_on
            ):
                return Circulation(  # sent already, perhaps from another PC
                    rows.version_record(session, latest),
                    f"Das Protokoll wurde in dieser Fassung bereits am {sent_on:%d.%m.%Y} "
                    f"versandt (Fassung {latest.number}), vielleicht an einem anderen "
                    "Arbeitsplatz; es wurde keine weitere Fassung angelegt.",
                )
            council = session.get(models.Council, meeting.council_id)
            practice = MinutesApproval(council.minutes_approval)
            row = models.MinutesVersion(
                meeting_id=meeting.id,
                number=rows.next_number(session, meeting.id),
                state=MinutesState.CIRCULATED.value,
                circulated_on=sent_on,
                objections_due_on=objections_due(
                    sent_on, council.objection_period_days, council.bundesland
                ),
                content=content,
            )
            session.add(row)
            session.flush()
            rows.audit_version(
                session,
                self._actor,
                meeting,
                row,
                f"Fassung {row.number} versandt am {sent_on:%d.%m.%Y}",
            )
            note = add_approval_item(session, meeting, practice, self._actor)
            return Circulation(rows.version_record(session, row), note)

    # --- approving ----------------------------------------------------------------------

    def approve(
        self,
        meeting_id: int,
        in_meeting_id: int,
        approved_on: date | None = None,
        *,
        today: date | None = None,
        asked: str | None = None,
    ) -> VersionRecord:
        """Approve the minutes in the later held meeting ``in_meeting_id`` (on its day unless
        ``approved_on`` says otherwise): the full and public PDF are rendered with the
        approval stamp, hashed and stored with the approved state, all or nothing. An item
        approving them left on a later agenda is removed or, where it stays, named in the
        record's ``agenda_note`` (``settle_approval_items``). With ``asked``, the
        :meth:`approval_question` answered "Ja" ("" where none was asked): where it would
        now ask otherwise (the agenda changed on another PC meanwhile),
        ``QuestionChangedError`` asks again and nothing is approved."""
        with changing(self._db, WHAT) as session:
            meeting = rows.live(session, meeting_id, lock=True)
            ensure_not_frozen(session, meeting.id)
            stored = rows.versions(session, meeting.id)
            if not stored:
                raise rows.refuse("state", "Das Protokoll wurde noch nicht versandt.")
            approving = approving_meeting(session, meeting, in_meeting_id, stored[-1])
            if asked is not None:  # its agenda changed at the same moment: before or after
                rows.live(session, approving.id, lock=True)
                now = approval_question(session, meeting, approving)
                check_asked(f"Die Tagesordnung der {rows.label(approving)} {_CHANGED}", asked, now)
            approved_on = approval_day(session, meeting, approving, approved_on, today)
            refuse_undecided_objections(session, meeting, stored[-1], approved_on)
            snapshot = minutes_snapshot(session, meeting)
            row = stored[-1]
            if not same_content(row.content, snapshot):  # changed since: approve what is now
                row = models.MinutesVersion(
                    meeting_id=meeting.id,
                    number=row.number + 1,
                    circulated_on=row.circulated_on,
                    objections_due_on=row.objections_due_on,
                    origin=VersionOrigin.APPROVAL.value,
                    made_on=approved_on,
                    content=snapshot_json(snapshot),
                )
                session.add(row)
            content = row.content
            row.state = MinutesState.APPROVED.value
            row.approved_on, row.approved_in_meeting_id = approved_on, approving.id
            session.flush()
            stamp = ApprovalStamp(approved_on, meeting_label(approving), fingerprint(content))
            approved = approved_minutes(session, meeting, stamp)
            row.pdf = self._render(approved.full())
            row.public_pdf = self._render(approved.public())
            row.sha256, row.public_sha256 = (
                pdf_fingerprint(row.pdf),
                pdf_fingerprint(row.public_pdf),
            )
            row.document = approved_minutes_json(approved)
            session.flush()
            rows.audit_version(
                session,
                self._actor,
                meeting,
                row,
                f"Fassung {row.number} genehmigt am {approved_on:%d.%m.%Y} in der "
                f"{rows.label(approving)} (SHA-256 {row.sha256})",
            )
            note = settle_approval_items(session, meeting, approving, self._actor)
            return replace(rows.version_record(session, row), agenda_note=note)
