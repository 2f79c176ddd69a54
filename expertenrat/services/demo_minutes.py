"""The minutes of a held demo meeting, written and passed on through the minutes services.

Per held meeting: the previous minutes are approved in it (stored PDFs with SHA-256), the
header and every item's texts are saved, resolutions are voted on (counted or unanimous,
against who was present and not recused), recommendations are adopted in their items and a
presentation is added as annex. Then the draft is finished (the checklist must be green)
and circulated ten days later, which puts its approval on the next agenda.

Two meetings differ, as issue 8 asks: the minutes of the second-latest held meeting are
circulated and draw two objections, which the latest meeting decides (one accepted, making
a corrected version; one rejected with a reason) and postpones their approval; the latest
meeting's minutes stay a draft, with the urgent item it took up (voted on taking it up and
on its resolution) and the consultation it postponed (role "postponed"), which waits for a
later agenda.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time, timedelta

from expertenrat.domain.attendance_sheet import AttendanceSheet
from expertenrat.domain.enums import AgendaItemOutcome, RecommendationKind, VoteMode
from expertenrat.domain.minutes import MinutesHeader, RecommendationDraft
from expertenrat.domain.minutes_objections import ObjectionDraft, ObjectionRecord
from expertenrat.domain.projects import Project
from expertenrat.domain.votes import VoteDraft
from expertenrat.services import demo_urgent
from expertenrat.services.annexes import AnnexesService
from expertenrat.services.demo_minutes_texts import TOPICS_CORRECTED, TOPICS_DISCUSSED, item_texts
from expertenrat.services.minutes import MinutesService
from expertenrat.services.minutes_approval import MinutesApprovalService
from expertenrat.services.minutes_objections import MinutesObjectionsService
from expertenrat.services.minutes_pdfs import render_minutes
from expertenrat.store.database import Database

MINUTE_TAKER = "Geschäftsstelle Smart City"
CIRCULATED_AFTER = timedelta(days=10)
NOTICE_DAYS = 14  # the demo secretariat invites two weeks ahead


@dataclass(frozen=True, slots=True)
class HeldMeeting:
    """A demo meeting with its agenda items by role ("opening", "consult_a", …)."""

    id: int
    number: int
    day: date
    items: dict[str, int]
    projects: tuple[Project, ...]


class DemoMinutes:
    def __init__(self, unit: Database, actor: str, data: dict, today: date) -> None:
        """``today``: the demo's day; no step is dated after it, and none is refused as
        lying in the future by a PC's clock that is behind it."""
        self.data = data
        self.today = today
        self.minutes = MinutesService(unit, actor)
        self.approval = MinutesApprovalService(unit, actor, render_minutes)
        self.objections = MinutesObjectionsService(unit, actor)
        self.annexes = AnnexesService(unit, actor)
        self.annex = _presentation()
        self.adopted = 0  # recommendations so far, for their texts and kinds
        self._labels: dict[int, str] = {}
        self._raised: dict[int, list[ObjectionRecord]] = {}

    def write(
        self,
        chair_name: str,
        chair_id: int,
        meeting: HeldMeeting,
        previous: HeldMeeting | None,
        sheet: AttendanceSheet,
        role: str,
        *,
        last_approved: bool = False,
    ) -> list[int]:
        """Write the minutes of ``meeting`` (``role``: "", "objected" or "draft"); returns
        the ids of the recommendations adopted in it. The presentation of the first
        consultation is annexed to the last approved, the objected and the draft minutes."""
        decision = ""
        if previous is not None and role == "draft":
            decision = self._decide_objections(meeting, previous)
            self.minutes.set_outcome(  # the corrected version comes to the next meeting
                meeting.items["approval"], AgendaItemOutcome.POSTPONED, AgendaItemOutcome.DISCUSSED
            )
        elif previous is not None:
            self.approval.approve(previous.id, meeting.id, today=self.today)
        if "postponed" in meeting.items:  # waits for "Vertagte Punkte übernehmen …"
            self.minutes.set_outcome(
                meeting.items["postponed"], AgendaItemOutcome.POSTPONED, AgendaItemOutcome.DISCUSSED
            )
        minutes = self.minutes.minutes(meeting.id)
        self._labels[meeting.id] = minutes.meeting_label
        self.minutes.save_header(
            meeting.id,
            MinutesHeader(
                opened_at=time(16, 5), closed_at=time(18, 20), chair_membership_id=chair_id,
                minute_taker=MINUTE_TAKER, agenda_approved=True, quorum_noted=True,
                version=minutes.header.version,
            ),
        )  # fmt: skip
        if role or last_approved:
            project = meeting.projects[0]
            self.annexes.add(
                meeting.id,
                f"Praesentation-{project.short_code}.pdf",
                self.annex,
                title=f"Präsentation „{project.title}“",
            )
        texts = item_texts(
            chair_name,
            meeting.items,
            meeting.projects,
            meeting.day - timedelta(days=NOTICE_DAYS),
            None if previous is None else self._labels[previous.id],
            sheet,
            decision,
        )
        for item in minutes.items:
            role_of = next((r for r, key in meeting.items.items() if key == item.item_id), None)
            if role_of in texts:
                self.minutes.save_item(
                    item.item_id, texts[role_of], item.version, f"demo-{item.item_id}"
                )
        self._votes(meeting, previous, role)
        adopted = self._recommendations(meeting)
        if role != "draft":
            self.minutes.finish_draft(meeting.id)
            self.approval.circulate(meeting.id, meeting.day + CIRCULATED_AFTER, today=self.today)
        if role == "objected":
            self._raise_objections(meeting)
        return adopted

    # --- votes and recommendations ------------------------------------------------------

    def _votes(self, meeting: HeldMeeting, previous: HeldMeeting | None, role: str) -> None:
        if previous is not None and role != "draft":
            self.minutes.save_votes(
                meeting.items["approval"],
                [VoteDraft(VoteMode.UNANIMOUS, subject="Genehmigung des Protokolls")],
            )
        if "urgent" in meeting.items:
            self.minutes.save_votes(meeting.items["urgent"], list(demo_urgent.URGENT_VOTES))
        if "resolution_a" not in meeting.items:
            return
        voters = self.minutes.voters(meeting.items["resolution_a"])
        abstain = 1 if voters.count > 3 else 0
        self.minutes.save_votes(
            meeting.items["resolution_a"],
            [
                VoteDraft(
                    VoteMode.COUNTED,
                    yes=voters.count - abstain,
                    abstain=abstain,
                    subject="Empfehlung an das Projekt",
                )
            ],
        )

    def _recommendations(self, meeting: HeldMeeting) -> list[int]:
        """Two recommendations in the recommendation item, one in the second consultation."""
        if "resolution_a" not in meeting.items:
            return []
        ids = []
        for role in ("resolution_a", "resolution_a", "consult_b"):
            known = self.data["recommendations"]
            chosen = known[self.adopted % len(known)]
            kind = (
                RecommendationKind.IMPULSE
                if self.adopted % 4 == 3
                else RecommendationKind.RECOMMENDATION
            )
            adopted = self.minutes.adopt_recommendation(
                meeting.items[role], RecommendationDraft(chosen["title"], chosen["text"], kind)
            )
            ids.append(adopted.id)
            self.adopted += 1
        return ids

    # --- objections ---------------------------------------------------------------------

    def _raise_objections(self, meeting: HeldMeeting) -> None:
        """Two members object to the circulated minutes, a few days after they went out."""
        first, second = self.objections.attendees(meeting.id)[:2]
        sent = meeting.day + CIRCULATED_AFTER
        self._raised[meeting.id] = [
            self.objections.raise_objection(
                meeting.id,
                ObjectionDraft(
                    first.id,
                    sent + timedelta(days=3),
                    "Die Barrierefreiheit wurde in der Aussprache ausdrücklich angesprochen und "
                    "fehlt im Protokoll.",
                    agenda_item_id=meeting.items["consult_a"],
                    passage=TOPICS_DISCUSSED,
                    proposed_text=TOPICS_CORRECTED,
                ),
                today=self.today,
            ),
            self.objections.raise_objection(
                meeting.id,
                ObjectionDraft(
                    second.id,
                    sent + timedelta(days=5),
                    "Die Empfehlung wurde nach meiner Erinnerung ohne Enthaltung beschlossen.",
                    agenda_item_id=meeting.items["resolution_a"],
                ),
                today=self.today,
            ),
        ]

    def _decide_objections(self, meeting: HeldMeeting, previous: HeldMeeting) -> str:
        """The meeting decides the objections to the previous minutes; the text of its
        approval item says so."""
        accepted, rejected = self._raised.pop(previous.id)
        self.objections.accept(
            accepted.id, accepted.version, meeting.day, in_meeting_id=meeting.id, today=self.today
        )
        self.objections.reject(
            rejected.id,
            rejected.version,
            meeting.day,
            "Die Stimmzählung der Sitzungsleitung weist eine Enthaltung aus; das Protokoll "
            "gibt das Ergebnis richtig wieder.",
            in_meeting_id=meeting.id,
            today=self.today,
        )
        return (
            f"Der Rat entscheidet über zwei Einwände gegen das Protokoll der "
            f"{self._labels[previous.id]}: Der Einwand von {accepted.raised_by} wird "
            f"berücksichtigt, der Einwand von {rejected.raised_by} zurückgewiesen. Die "
            "berichtigte Fassung wird in der nächsten Sitzung zur Genehmigung vorgelegt."
        )


def _presentation() -> bytes:
    """The demo presentation (reportlab on demand), with its font embedded."""
    from expertenrat.reports.demo_annex_pdf import render_demo_annex

    return render_demo_annex()
