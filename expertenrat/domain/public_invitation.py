"""The invitation as the public may see it (the OParl export and the public Sitzungsmappe):
:func:`public_invitation` of a meeting's :class:`~expertenrat.domain.meeting_documents.
MeetingDocument`."""

from __future__ import annotations

from dataclasses import replace

from expertenrat.domain.annexes import public_entry
from expertenrat.domain.meeting_documents import AgendaEntry, MeetingDocument


def public_invitation(document: MeetingDocument) -> MeetingDocument:
    """The invitation as the public may see it: public items only, without presenters,
    recusals and notes; no online link (it may be meant for the members only), but that
    the meeting has one (``online_withheld``: a meeting held online only would else name
    no place at all). Its agenda is still headed "Öffentlicher Teil" where the meeting has
    a non-public one. The OParl export publishes it, the public Sitzungsmappe holds it. A
    change of the non-public part alone does not make it a changed letter: it would tell
    the public of items it does not show, over an agenda that stood as it was. To the
    public an item moved to the public part since is new, one moved out of it dropped; a
    non-public item's title then is not told. It lists the annexes with their numbers in
    the full letter, a non-public one by its number alone, "Anlage 2: nichtöffentlich
    (nicht enthalten)", as the public minutes and the public Sitzungsmappe's cover do."""
    public_changed = document.agenda_changed and document.public_agenda_changed
    parts = document.moved_parts
    moved = None if parts is None else tuple(p for p in parts if p != "link")  # no link
    link_only = bool(parts) and not moved
    return replace(
        document,
        agenda=tuple(_public_entry(e) for e in document.agenda if e.public),
        online_link="",
        online_withheld=bool(document.online_link.strip()),
        agenda_changed_on=document.agenda_changed_on if public_changed else None,
        dropped=tuple(
            replace(d, gone=True) for d in document.dropped if d.public and public_changed
        ),
        non_public_agenda_changed=False,
        public_presenter_changed=False,
        changed_on=None if link_only else document.changed_on,
        moved_parts=moved,
        non_public_left_out=document.agenda_in_parts,
        annexes=tuple(public_entry(a) for a in document.annexes),
    )


def _public_entry(entry: AgendaEntry) -> AgendaEntry:
    """A public item as the public letter lists it: without presenter, recusals and notes;
    one non-public at the invitation is new to the public (its title then not told)."""
    entry = replace(entry, presenter="", conflicts=(), notes="")
    if entry.earlier_public is False:
        return replace(entry, new=True, earlier_title="", earlier_public=None)
    return entry
