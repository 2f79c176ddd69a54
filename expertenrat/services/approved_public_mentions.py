"""The warning that approved public minutes name someone they may not name.

Approved minutes are frozen: what the secretariat typed into them stays. When a member
withdraws consent to the publication of the name afterwards, the public PDF is made anew
with the member unnamed where the program prints the name
(:mod:`expertenrat.services.public_minutes_redaction`), but a typed text that names the
member ("Prof. Dr. … eröffnet die Sitzung") still does. Exporting such a PDF, alone, in
the public Sitzungsmappe or in the OParl export, warns of it as exporting the public
minutes does before the approval (found by a tester): the secretariat decides whether they
may go out so. The texts are those of the document kept at the approval, which the public
PDF shows.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, load_only

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.unnamed_mentions import UnnamedMember, unnamed_mentions
from expertenrat.services.minutes_assembly import (
    meeting_label,
    unnamed_in_public,
    unnamed_persons,
)
from expertenrat.services.public_minutes_redaction import approved_as_kept
from expertenrat.store import models


def approved_mentions(
    session: Session,
    meeting: models.Meeting,
    version: models.MinutesVersion,
    members: tuple[UnnamedMember, ...] | None = None,
) -> tuple[str, ...]:
    """ "Im öffentlichen Text von TOP 1 steht der Name von …, der nicht genannt werden
    darf.": where the approved public minutes ``version`` of ``meeting`` name a member
    who has not agreed (today) or a guest they leave out (``members``: the council's
    members who have not agreed, where read already). The guests and presenters are those
    of the kept document (frozen with the approval, as the database's are): where there
    are members to look for, it is read anyway and answers alone; where there are none,
    the database tells whether the minutes leave out a guest, and the document (which
    costs more to read) is read only then."""
    if members is None:
        members = unnamed_persons(session, meeting.council_id)
    if not members and not unnamed_in_public(session, meeting, members):
        return ()  # nobody the public minutes may not name
    kept = approved_as_kept(session, meeting, version).document
    return unnamed_mentions(kept, unnamed_in_public(session, meeting, members, kept))


def published_mentions(session: Session) -> tuple[str, ...]:
    """The warnings of :func:`approved_mentions` for every meeting (not deleted) whose
    approved public minutes the OParl export publishes, each led by the minutes it is
    about: "Protokoll der 1. Sitzung am 16.01.2025 (Smart City Expert*innenrat): …"."""
    version = models.MinutesVersion
    rows = session.execute(
        select(models.Meeting, version, models.Council.name)
        .join(version, version.meeting_id == models.Meeting.id)
        .join(models.Council, models.Council.id == models.Meeting.council_id)
        .options(load_only(version.id, version.state, version.approved_on, version.document))
        .where(
            models.Meeting.deleted_at.is_(None),
            version.state == MinutesState.APPROVED.value,
            version.public_pdf.is_not(None),
        )
        .order_by(models.Meeting.council_id, models.Meeting.starts_at, models.Meeting.id)
    ).all()
    warnings = []
    members: dict[int, tuple[UnnamedMember, ...]] = {}  # by council: read once each
    for meeting, approved, council in rows:
        if meeting.council_id not in members:
            members[meeting.council_id] = unnamed_persons(session, meeting.council_id)
        found = approved_mentions(session, meeting, approved, members[meeting.council_id])
        about = f"Protokoll der {meeting_label(meeting)} ({council})"
        warnings += [f"{about}: {w}" for w in found]
    return tuple(dict.fromkeys(warnings))
