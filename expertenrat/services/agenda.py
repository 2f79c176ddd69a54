"""The agenda of a meeting: reading, adding, changing, moving and deleting its items.

Every change is one transaction: the new order comes from the domain rules
(``domain.agenda``), is stored with its numbers (``agenda_rows.store_layout``) and lands
with its audit entry, or nothing lands. A cancelled meeting's agenda is final; a held
meeting's items keep order and content, only titles may be corrected.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from expertenrat.domain.agenda import (
    Agenda,
    AgendaItem,
    agenda_problem,
    clean_item,
    numbers,
    validate_item,
)
from expertenrat.domain.agenda_moves import (
    TARGET_GONE,
    indent,
    move,
    move_to,
    outdent,
    remove,
    subtree,
)
from expertenrat.domain.agenda_templates import AgendaTemplate
from expertenrat.domain.enums import AgendaItemKind, AuditAction, MeetingState
from expertenrat.domain.errors import FieldProblem, InUseError, ValidationError
from expertenrat.domain.wording import shortened
from expertenrat.services import agenda_rows, audit
from expertenrat.services.agenda_rows import MeetingItems, load, meeting_name
from expertenrat.services.agenda_templates import offered_templates
from expertenrat.services.minutes_freeze import ensure_not_frozen, is_frozen
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database

_ITEM = "Der Tagesordnungspunkt"
_AGENDA = "Die Tagesordnung"
_CONTENT_FIELDS = ("kind", "public", "planned_minutes", "presenter", "project_id")


@dataclass(frozen=True, slots=True)
class ProjectChoice:
    """A project an agenda item may link (a consultation of that project)."""

    id: int
    title: str


class AgendaService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    # --- reading ------------------------------------------------------------------------

    def agenda(self, meeting_id: int) -> Agenda:
        with reading(self._db) as session:
            return _agenda_of(load(session, meeting_id))

    def templates(self, council_id: int, meeting_id: int | None = None) -> list[AgendaTemplate]:
        """Templates for recurring items: the council's list, then (for the agenda of
        ``meeting_id``) "Berichtigung / Nachtrag zum Protokoll der N. Sitzung" for the
        nearest earlier meetings whose minutes are approved, then titles it used before."""
        with reading(self._db) as session:
            return offered_templates(session, council_id, meeting_id)

    def projects(self, council_id: int) -> list[ProjectChoice]:
        """The council's projects that an item may link (not deleted), by title."""
        with reading(self._db) as session:
            rows = session.execute(
                select(models.Project.id, models.Project.title)
                .where(models.Project.council_id == council_id, models.Project.deleted_at.is_(None))
                .order_by(models.Project.title, models.Project.id)
            )
            return [ProjectChoice(r.id, r.title) for r in rows]

    # --- changing -----------------------------------------------------------------------

    def add_opening_items(self, meeting_id: int) -> Agenda:
        """The standard opening items for a meeting without items (else nothing changes)."""
        with changing(self._db, _AGENDA) as session:
            ensure_not_frozen(session, meeting_id)
            before = agenda_rows.listed_agenda(load(session, meeting_id))
            agenda_rows.add_opening_items(session, meeting_id, self._actor)
            found = load(session, meeting_id)
            agenda_rows.follow_listed_agenda(session, found, before)
            return _agenda_of(found)

    def add(
        self,
        meeting_id: int,
        item: AgendaItem,
        parent: int | None = None,
        index: int | None = None,
    ) -> Agenda:
        """Add ``item`` under ``parent`` (``None``: top level) as its ``index``-th sub-item
        (``None``: the last). ``item.key`` is ignored."""
        item = clean_item(item)
        raise_if_invalid(validate_item(item))
        with changing(self._db, _AGENDA) as session:
            found = load(session, meeting_id, lock=True)
            ensure_not_frozen(session, found.meeting.id)
            found.refuse_unless_allowed()
            if parent is not None and parent not in found.rows:
                raise ValidationError(
                    [
                        FieldProblem(
                            "agenda", "Der übergeordnete Punkt gehört nicht zu dieser Sitzung."
                        )
                    ]
                )
            _check_project(session, found, item.project_id, None)
            before = agenda_rows.listed_agenda(found)
            siblings = [r.position for r in found.rows.values() if r.parent_id == parent]
            row = models.AgendaItem(
                meeting_id=meeting_id,
                parent_id=parent,
                position=max(siblings, default=-1) + 1,
                number="",
            )
            _apply(row, item)
            session.add(row)
            session.flush()
            found.rows[row.id] = row
            items = found.items()
            layout = move_to(items, row.id, parent, len(items) if index is None else index)
            agenda_rows.store_layout(session, found.rows, layout)
            self._audit(session, found, AuditAction.CREATE, row, None, "hinzugefügt")
            agenda_rows.follow_listed_agenda(session, found, before)
            return _agenda_of(found)

    def update(self, item: AgendaItem) -> Agenda:
        """Save the texts and settings of ``item`` (its ``version`` must be current)."""
        item = clean_item(item)
        raise_if_invalid(validate_item(item))
        with changing(self._db, _ITEM) as session:
            row = fetch(session, models.AgendaItem, item.key, _ITEM)
            found = load(session, row.meeting_id)
            check_version(row, item.version, _ITEM)
            unchanged = all(getattr(row, name) == _value(item, name) for name in _CONTENT_FIELDS)
            ensure_not_frozen(session, found.meeting.id)
            found.refuse_unless_allowed(title_only=unchanged)
            _check_project(session, found, item.project_id, row.project_id)
            before = audit.snapshot(row)
            lines = agenda_rows.listed_agenda(found)
            _apply(row, item)
            session.flush()
            self._audit(session, found, AuditAction.UPDATE, row, before, "geändert")
            agenda_rows.follow_listed_agenda(session, found, lines)
            return _agenda_of(load(session, row.meeting_id))

    def delete(self, item_id: int, version: int) -> Agenda:
        """Delete the item with its sub-items, unless the minutes, the attendance,
        recommendations or declared conflicts refer to one of them (InUseError says where)."""
        with changing(self._db, _ITEM) as session:
            row = fetch(session, models.AgendaItem, item_id, _ITEM)
            found = load(session, row.meeting_id, lock=True)
            check_version(row, version, _ITEM)
            ensure_not_frozen(session, found.meeting.id)
            found.refuse_unless_allowed()
            items = found.items()
            ids = subtree(items, item_id)
            by_number = numbers(items)
            used = agenda_rows.references(session, ids, {i: by_number[i] for i in ids})
            if used:
                raise InUseError(
                    f"TOP {by_number[item_id]} kann nicht gelöscht werden, weil er (oder ein "
                    f"Unterpunkt) schon verwendet wird – {'; '.join(used)}."
                )
            before = audit.snapshot(row)
            lines = agenda_rows.listed_agenda(found)
            self._audit(
                session,
                found,
                AuditAction.DELETE,
                row,
                before,
                "gelöscht" + (f" (mit {len(ids) - 1} Unterpunkten)" if len(ids) > 1 else ""),
            )
            for key in reversed(ids):
                session.delete(found.rows.pop(key))
            session.flush()
            agenda_rows.store_layout(session, found.rows, remove(items, item_id))
            agenda_rows.follow_listed_agenda(session, found, lines)
            return _agenda_of(found)

    def move(self, item_id: int, version: int, step: int) -> Agenda:
        """Move the item ``step`` places among its siblings (Alt+Up: -1, Alt+Down: +1)."""
        return self._rearrange(item_id, version, lambda items: move(items, item_id, step))

    def indent(self, item_id: int, version: int) -> Agenda:
        """Make the item a sub-item of the one before it (Alt+Right)."""
        return self._rearrange(item_id, version, lambda items: indent(items, item_id))

    def outdent(self, item_id: int, version: int) -> Agenda:
        """Move the item one level up, after its parent (Alt+Left)."""
        return self._rearrange(item_id, version, lambda items: outdent(items, item_id))

    def move_to(self, item_id: int, version: int, parent: int | None, index: int) -> Agenda:
        """Put the item under ``parent`` at ``index`` (drag and drop)."""
        return self._rearrange(
            item_id, version, lambda items: move_to(items, item_id, parent, index), parent
        )

    # --- helpers ------------------------------------------------------------------------

    def _rearrange(
        self,
        item_id: int,
        version: int,
        rule: Callable[[list[AgendaItem]], list[AgendaItem]],
        target: int | None = None,
    ) -> Agenda:
        """Store the layout ``rule`` makes of the meeting's items. A ``target`` item (the
        new parent) deleted meanwhile is said before the version: its deletion renumbered
        the item moved, and "geändert" would hide why the move cannot be made."""
        with changing(self._db, _ITEM) as session:
            row = fetch(session, models.AgendaItem, item_id, _ITEM)
            found = load(session, row.meeting_id, lock=True)
            if target is not None and all(i.key != target for i in found.items()):
                raise agenda_problem(TARGET_GONE)
            check_version(row, version, _ITEM)
            ensure_not_frozen(session, found.meeting.id)
            found.refuse_unless_allowed()
            before = {"number": row.number, "parent_id": row.parent_id, "position": row.position}
            lines = agenda_rows.listed_agenda(found)
            layout = rule(found.items())
            agenda_rows.store_layout(session, found.rows, layout)
            if (row.parent_id, row.position) != (before["parent_id"], before["position"]):
                self._audit(
                    session,
                    found,
                    AuditAction.UPDATE,
                    row,
                    before,
                    f"verschoben (vorher TOP {before['number']})",
                )
            agenda_rows.follow_listed_agenda(session, found, lines)
            return _agenda_of(found)

    def _audit(
        self,
        session: Session,
        found: MeetingItems,
        action: AuditAction,
        row: models.AgendaItem,
        before: dict | None,
        what: str,
    ) -> None:
        after = None if action is AuditAction.DELETE else audit.snapshot(row)
        if before is not None and after is not None and action is AuditAction.UPDATE:
            after = {key: after[key] for key in before}
        audit.record(
            session,
            self._actor,
            action,
            "agenda_item",
            row.id,
            council_id=found.meeting.council_id,
            summary=(
                f"TOP {row.number} „{_short(row.title)}“ {meeting_name(found.meeting)} {what}"
            ),
            before=before,
            after=after,
        )


def _agenda_of(found: MeetingItems) -> Agenda:
    meeting = found.meeting
    return Agenda(
        meeting_id=meeting.id,
        council_id=meeting.council_id,
        starts_at=meeting.starts_at,
        state=MeetingState(meeting.state),
        items=tuple(found.items()),
        frozen=is_frozen(object_session(meeting), meeting.id),
        ends_at=meeting.ends_at,
    )


def _value(item: AgendaItem, name: str) -> object:
    value = getattr(item, name)
    return value.value if isinstance(value, AgendaItemKind) else value


def _apply(row: models.AgendaItem, item: AgendaItem) -> None:
    row.title = item.title
    for name in _CONTENT_FIELDS:
        setattr(row, name, _value(item, name))


def _check_project(
    session: Session, found: MeetingItems, project_id: int | None, linked: int | None
) -> None:
    """A newly linked project must be one of the council's projects and not deleted."""
    if project_id is None or project_id == linked:
        return
    # Kept (a key-share lock) until the link is committed: a deletion on another PC waits.
    project = session.get(
        models.Project, project_id, with_for_update={"read": True, "key_share": True}
    )
    if project is None:  # deleted meanwhile (perhaps on another PC)
        message = "Das gewählte Projekt gibt es nicht mehr. Vielleicht wurde es gelöscht."
    elif project.council_id != found.meeting.council_id:
        message = "Das gewählte Projekt gibt es in diesem Gremium nicht."
    elif project.deleted_at is not None:
        message = (
            f"Das Projekt „{_short(project.title)}“ wurde gelöscht und kann nicht mehr "
            "verknüpft werden."
        )
    else:
        return
    raise ValidationError([FieldProblem("project_id", message)])


def _short(text: str, limit: int = 80) -> str:
    return shortened(text, limit)
