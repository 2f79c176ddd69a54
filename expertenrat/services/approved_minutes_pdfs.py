"""The PDFs stored with approved minutes, handed out only as the bytes hashed at the approval.

An approved minutes version keeps its full PDF (``pdf``, ``sha256``) and its public PDF
(``public_pdf``, ``public_sha256``; made anew with its own SHA-256 when a member withdraws
consent to the publication of the name). Every export that hands out a stored PDF (the
minutes, the Sitzungsmappe, the OParl export; in the window too) reads it here: bytes that
no longer match their stored SHA-256 (a damaged database, a hand-edited row) are refused
with a German message, never handed out as the approved minutes.
"""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import MeetingKind, MinutesState
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.meetings import dated_meeting_label
from expertenrat.domain.minutes_versions import stored_pdf_intact
from expertenrat.store import models

_CHUNK = 500  # ids per IN (…): far below every backend's parameter limit


class DamagedMinutesError(ExpertenratError):
    """A stored approved minutes PDF no longer matches the SHA-256 stored with it."""


def approved_pdfs(
    session: Session, version_ids: Collection[int], *, public: bool
) -> dict[int, bytes]:
    """The stored full (or ``public``) PDF of each approved minutes version in
    ``version_ids``, by version id, each checked against its stored SHA-256. A version
    approved before PDFs were stored (no PDF, no SHA-256) is left out; one whose bytes do
    not match (or are missing beside a SHA-256) raises :class:`DamagedMinutesError`."""
    version = models.MinutesVersion
    data, digest = (
        (version.public_pdf, version.public_sha256) if public else (version.pdf, version.sha256)
    )
    ids = sorted(set(version_ids))
    found: dict[int, bytes] = {}
    for start in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(
                version.id,
                data,
                digest,
                models.Meeting.number,
                models.Meeting.kind,
                models.Meeting.starts_at,
                models.Meeting.title,
            )
            .join(models.Meeting, models.Meeting.id == version.meeting_id)
            .where(
                version.id.in_(ids[start : start + _CHUNK]),
                version.state == MinutesState.APPROVED.value,
            )
        )
        for version_id, content, sha256, number, kind, starts_at, title in rows:
            intact = stored_pdf_intact(content, sha256)
            if intact is None:
                continue  # approved before the app stored minutes PDFs
            if not intact:
                raise damaged_minutes_error(
                    dated_meeting_label(number, MeetingKind(kind), starts_at.date(), title),
                    public,
                )
            found[version_id] = content
    return found


def damaged_minutes_error(meeting: str, public: bool) -> DamagedMinutesError:
    """The refusal for the stored approved minutes of ``meeting`` ("2. Sitzung am …")."""
    what = (
        "Die öffentliche Fassung des genehmigten Protokolls"
        if public
        else ("Das genehmigte Protokoll")
    )
    return DamagedMinutesError(
        f"{what} der {meeting} ist in der Datenbank beschädigt: die gespeicherte PDF-Datei "
        "stimmt nicht mehr mit der bei der Genehmigung gespeicherten Prüfsumme (SHA-256) "
        "überein und wird deshalb nicht ausgegeben. Bitte stellen Sie eine Sicherung wieder "
        "her und lassen Sie die Datenbank prüfen (Datei → Datenbank prüfen, auf der "
        "Kommandozeile „expertenrat check“)."
    )
