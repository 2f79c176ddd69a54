"""A meeting's sign-in sheet (Anwesenheitsliste): laid out at the door, signed by everyone
who comes and filed with the minutes. What its PDF prints, already in order: the members of
the council on the meeting's day (by name, as the roster and the minutes list them; one
who sent apologies marked "entschuldigt" where she would sign), the guests known
beforehand and a few empty rows for those who come unannounced. No contact data: the
sheet lies open for everyone to sign.

(The attendance the secretariat records is :mod:`domain.attendance_sheet`.)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from expertenrat.domain.agenda import split_presenter
from expertenrat.domain.attendance_sheet import GuestEntry
from expertenrat.domain.enums import PresenterKind
from expertenrat.domain.meeting_documents import AgendaEntry, MeetingDocument
from expertenrat.domain.text_folding import alike_key

BLANK_ROWS = 8  # "Weitere Teilnehmende": rows for guests who come unannounced, at most


@dataclass(frozen=True, slots=True)
class ListedMember:
    """A member on the sheet: the name with title ("Prof. Dr. Anna Berg"), the role as the
    council titles it ("Vorsitz"), the primary action field ("" for none) and whether the
    attendance recorded says "entschuldigt" (her apologies came before the sheet was
    printed: the sheet says so where she would sign, and no one signs there by mistake)."""

    name: str
    role: str
    action_field: str = ""
    excused: bool = False


@dataclass(frozen=True, slots=True)
class ListedGuest:
    """A guest known for the meeting: ``function`` holds what the data says of their
    function or organisation (lines; empty where it says nothing), ``items`` the numbers
    of the agenda items they present ("3", "4.1")."""

    name: str
    function: tuple[str, ...] = ()
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AttendanceListDocument:
    meeting: MeetingDocument
    members: tuple[ListedMember, ...]
    guests: tuple[ListedGuest, ...] = ()
    blank_rows: int = BLANK_ROWS


def known_guests(
    recorded: Iterable[GuestEntry], agenda: Iterable[AgendaEntry]
) -> tuple[ListedGuest, ...]:
    """The guests of a meeting known before it: the ``recorded`` ones in their order, then
    the presenters of ``agenda`` items named as project staff or guests
    (:func:`~expertenrat.domain.agenda.split_presenter`; a member presents as a member and
    signs in that row) who are not recorded, each once, in agenda order. A guest who
    presents an item is listed with its number."""
    talks: dict[str, list[str]] = {}
    presenters: dict[str, ListedGuest] = {}
    for entry in agenda:
        kind, name = split_presenter(entry.presenter.strip())
        if kind is PresenterKind.MEMBER or not name.strip():
            continue
        key = alike_key(name)
        talks.setdefault(key, []).append(entry.number)
        if key not in presenters:
            project = entry.project_title.strip()
            lines = (kind.label, f"Projekt: {project}" if project else "")
            if kind is not PresenterKind.PROJECT_STAFF:
                lines = ()  # "Gast" says nothing the section's heading does not
            presenters[key] = ListedGuest(" ".join(name.split()), tuple(p for p in lines if p))
    guests: list[ListedGuest] = []
    for guest in recorded:
        if not guest.name.strip():
            continue
        presenters.pop(alike_key(guest.name), None)
        function = tuple(p.strip() for p in (guest.organisation, guest.role) if p.strip())
        guests.append(ListedGuest(guest.name.strip(), function))
    guests += presenters.values()
    return tuple(
        ListedGuest(g.name, g.function, tuple(talks.get(alike_key(g.name), ()))) for g in guests
    )
