"""The Auskunft nach Art. 15 DSGVO about a guest of meetings who is no member
(``export guest``): a guest has no person record and no number, only the lines of the
meetings' attendance that bear their name. The Auskunft lists those lines, the audit
trail's entries about them or naming them, and where the minutes, the projects, the
recommendations, the projects' responses and the recommendations' history name them, by
the rules of a member's Auskunft (:mod:`services.person_disclosure`)."""

from __future__ import annotations

from datetime import date
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.minutes_attendees import DIGITAL
from expertenrat.domain.person_disclosure import (
    GUEST_NOTES,
    DisclosureSection,
    PersonDisclosure,
    guest_namesakes,
    name_identity,
)
from expertenrat.domain.text_folding import fold
from expertenrat.services.council_rows import WITH_LOGO
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.person_disclosure_annexes import annexes_section
from expertenrat.services.person_disclosure_audit import audit_table
from expertenrat.services.person_disclosure_meetings import meeting_label, mentions_section
from expertenrat.services.person_disclosure_projects import projects_section
from expertenrat.services.person_disclosure_recommendations import (
    recommendation_notes_section,
    recommendation_texts_section,
)
from expertenrat.services.person_disclosure_records import (
    council_names,
    recorded_persons,
    role_titles,
)
from expertenrat.store import models
from expertenrat.store.models import AuditEntry


def guest_disclosure(session: Session, name: str, today: date) -> PersonDisclosure:
    """Everything about the guest ``name``: every guest line whose name holds all the words
    of ``name`` in any case ("Merle Steffens" finds "Dr. Merle Steffens"), headed by the
    council of the latest; without one, a project's contact of that name (who never came to
    a meeting), headed by the project's council; :class:`NotFoundError` if neither."""
    lines = _guest_lines(session, name)
    latest_name, council_id = _latest(session, name, lines)
    councils = council_names(session)
    council = session.get(models.Council, council_id, options=WITH_LOGO)
    zone = council_clock(session, council_id).zone
    family = _family_name(latest_name)
    sections = (
        _attendance_section(lines, councils),
        _audit_section(session, lines, latest_name, zone),
        mentions_section(session, family, [], councils, []),
        annexes_section(session, family, [], councils, []),
        projects_section(session, family, set(), councils, []),
        recommendation_texts_section(session, family, [], councils, []),
        recommendation_notes_section(session, family, [], councils, []),
    )
    return PersonDisclosure(
        person_id=None,
        name=latest_name,
        made_on=today,
        council_name=council.name if council else "",
        city=council.city if council else "",
        logo_png=council.logo_png if council else None,
        state="",
        sections=sections,
        notes=GUEST_NOTES,
        other_records=guest_namesakes(latest_name, recorded_persons(session, councils)),
    )


GuestLine = tuple[models.Guest, models.Meeting]


def guest_council(session: Session, name: str) -> int:
    """The council that heads the Auskunft about the guest ``name`` (see
    :func:`guest_disclosure`): that of the latest meeting they were a guest of."""
    return _latest(session, name, _guest_lines(session, name))[1]


def _latest(session: Session, name: str, lines: list[GuestLine]) -> tuple[str, int]:
    """The guest's name as the latest of ``lines`` has it and that meeting's council;
    without lines, a project's contact of that name and the project's council."""
    if lines:
        return lines[-1][0].name, lines[-1][1].council_id
    return _project_contact(session, name)  # who never came to a meeting


def _family_name(name: str) -> str:
    """The family name in a guest's name as typed: the part before a comma ("Steffens, Dr.
    Merle"), else the last word ("Dr. Merle Steffens")."""
    family, comma, _given = name.partition(",")
    words = (family if comma else name).split()
    return words[-1].strip(".;:()") if words else ""


def _guest_lines(session: Session, name: str) -> list[GuestLine]:
    """The guest lines of meetings not deleted that bear ``name``, oldest meeting first.
    Lines of two humans (names that differ in more than degrees and forms of address:
    "Merle" finds "Merle Steffens" and "Merle Anders") are refused with their names, as
    one's Auskunft handed to the other would disclose their data; a name typed whole
    ("Merle Steffens") takes its own lines, not those of "Merle Steffens-Müller"."""
    wanted = name_identity(name)
    if not wanted:
        return []
    query = (
        select(models.Guest, models.Meeting)
        .join(models.Meeting, models.Meeting.id == models.Guest.meeting_id)
        .where(models.Meeting.deleted_at.is_(None))
        .order_by(models.Meeting.starts_at, models.Meeting.id, models.Guest.id)
    )
    found = [
        (guest, meeting)
        for guest, meeting in session.execute(query)
        if wanted <= name_identity(guest.name)
    ]
    if not found:
        return []
    human = _one_human(name, [guest.name for guest, _ in found])
    return [(guest, meeting) for guest, meeting in found if name_identity(guest.name) == human]


def _project_contact(session: Session, name: str) -> tuple[str, int]:
    """The contact ``name`` of a project (as typed there) and the project's council."""
    wanted = name_identity(name)
    query = select(models.Project.contact_name, models.Project.council_id).order_by(
        models.Project.id
    )
    found = [(c, council) for c, council in session.execute(query) if wanted <= name_identity(c)]
    if not wanted or not found:
        raise NotFoundError(
            f"Einen Gast „{name.strip()}“ nennt keine Sitzung und kein Projekt als "
            "Ansprechperson. Gesucht wird der Name, wie er in der Anwesenheit unter den Gästen "
            "oder beim Projekt steht (etwa „Merle Steffens“); ein Mitglied hat eine "
            "Personennummer (siehe „expertenrat persons“)."
        )
    human = _one_human(name, [contact for contact, _ in found])
    return next((c, council) for c, council in reversed(found) if name_identity(c) == human)


def _one_human(name: str, found: list[str]) -> frozenset[str]:
    """The one human among the ``found`` names that ``name`` means: the only one, or the one
    typed whole. Names of two humans (that differ in more than degrees and forms of
    address) are refused with them, as one's Auskunft handed to the other would disclose
    their data."""
    wanted = name_identity(name)
    humans = {name_identity(typed): typed for typed in found}
    if len(humans) == 1:
        return next(iter(humans))
    if wanted in humans:
        return wanted
    in_order = sorted(humans.values(), key=lambda typed: (fold(typed), typed))
    names = ", ".join(f"„{typed}“" for typed in in_order)
    raise ExpertenratError(
        f"„{name.strip()}“ passt auf Gäste mit verschiedenen Namen: {names}. Bitte geben Sie "
        "den ganzen Namen an, damit die Auskunft nur einen Menschen betrifft."
    )


def _attendance_section(lines: list[GuestLine], councils: dict[int, str]) -> DisclosureSection:
    rows = []
    for guest, meeting in lines:
        part = (
            "nur nichtöffentlicher Teil (in öffentlichen Protokollen nicht genannt)"
            if guest.non_public_only
            else "in öffentlichen Protokollen genannt"
        )
        part = f"{part}; {DIGITAL}" if guest.digital else part
        recorded = ", ".join(filter(None, (guest.name, guest.affiliation, guest.note)))
        rows.append((meeting_label(meeting, councils), recorded, part))
    return DisclosureSection(
        "Teilnahme an Sitzungen als Gast",
        ("Sitzung", "Name, Institution, Anmerkung", "Teil der Sitzung"),
        (0.36, 0.38, 0.26),
        tuple(rows),
        "Keine Teilnahme als Gast erfasst.",
    )


def _audit_section(
    session: Session, lines: list[GuestLine], name: str, zone: ZoneInfo
) -> DisclosureSection:
    """The entries of the guest lines, and any entry that names the guest as a line bears
    the name or as ``name`` is (a guest line removed since, a project's contact)."""
    names = sorted({guest.name for guest, _ in lines} | {name})
    query = (
        select(AuditEntry)
        .where(
            or_(
                (AuditEntry.entity == "guest")
                & AuditEntry.entity_id.in_([guest.id for guest, _ in lines]),
                *(AuditEntry.summary.contains(name) for name in names),
                *(AuditEntry.before.contains(name) for name in names),
                *(AuditEntry.after.contains(name) for name in names),
            )
        )
        .order_by(AuditEntry.at, AuditEntry.id)
    )
    return audit_table(session, list(session.scalars(query)), zone, role_titles(session))
