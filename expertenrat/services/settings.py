"""Councils and their settings (a council's row as its settings and back:
:mod:`expertenrat.services.council_rows`), and the action fields that are data, not code
(their rows and changes: :mod:`expertenrat.services.action_fields`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from sqlalchemy import select

from expertenrat.domain.action_fields import (
    DEFAULT_ACTION_FIELDS,
    action_field_problems,
    clean_action_field_name,
)
from expertenrat.domain.council_clock import CouncilClock
from expertenrat.domain.council_settings_checks import clean_settings, validate_settings
from expertenrat.domain.councils import ActionField, CouncilChoice, CouncilSettings
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import FieldProblem
from expertenrat.domain.recommendation_codes import shared_prefix_warnings
from expertenrat.domain.text_templates import phrase_words
from expertenrat.services import audit
from expertenrat.services.action_fields import (
    action_field,
    add_field,
    delete_field,
    field_rows,
    field_what,
    reorder_fields,
    update_field,
)
from expertenrat.services.agenda_templates import seed_standard_templates
from expertenrat.services.council_rows import (
    WITH_LOGO,
    apply_settings,
    council_choices,
    council_file_label,
    council_settings,
)
from expertenrat.services.logos import stored_logo
from expertenrat.services.meeting_rows import council_clock
from expertenrat.services.text_templates import follow_council_words, seed_defaults
from expertenrat.services.unit_of_work import (
    changing,
    check_version,
    fetch,
    raise_if_invalid,
    reading,
)
from expertenrat.store import models
from expertenrat.store.database import Database


class SettingsService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    # --- councils -------------------------------------------------------------------

    def councils(self) -> list[CouncilChoice]:
        with reading(self._db) as session:
            return council_choices(session)

    def settings(self, council_id: int) -> CouncilSettings:
        with reading(self._db) as session:
            return council_settings(
                fetch(session, models.Council, council_id, "Das Gremium", WITH_LOGO)
            )

    def code_prefixes(self) -> set[str]:
        """The prefixes of the recommendation codes the councils use ("E", "DB")."""
        with reading(self._db) as session:
            return set(session.scalars(select(models.Council.recommendation_prefix)))

    def shared_prefix_warnings(self, council_id: int | None, prefix: str) -> list[FieldProblem]:
        """The warning that councils other than ``council_id`` (``None``: one still to be
        made) use ``prefix`` (as typed: "e" is "E") for their recommendation codes too, else
        none."""
        prefix = prefix.strip().upper()
        council = models.Council
        sharing = select(council.name, council.city).where(
            council.recommendation_prefix == prefix, council.id != council_id
        )
        with reading(self._db) as session:
            rows = session.execute(sharing.order_by(council.id)).all()
        return shared_prefix_warnings(prefix, [(r.name, r.city) for r in rows])

    def file_label(self, council_id: int) -> str:
        """What a suggested file name of the council starts with where the database holds
        several councils ("DBR Görlitz"), so that two councils' invitations, minutes and
        reports of one day saved to one folder neither replace nor resemble each other;
        empty with one council (its names stay as short as they were)."""
        with reading(self._db) as session:
            return council_file_label(session, council_id)

    def clock(self, council_id: int) -> CouncilClock:
        """The council's clock: today and now in its time zone, as its deadlines count."""
        with reading(self._db) as session:
            return council_clock(session, council_id)

    def create_council(
        self,
        settings: CouncilSettings,
        *,
        default_fields: bool = True,
        action_fields: Sequence[tuple[str, str]] | None = None,
    ) -> CouncilSettings:
        """Store a new council with its standard phrases and agenda templates.

        It starts with ``action_fields`` (name, colour) where given (the welcome page's
        edited proposal, another council's), otherwise with the standard four unless
        ``default_fields`` is false."""
        fields = action_fields
        if fields is None:
            fields = DEFAULT_ACTION_FIELDS if default_fields else ()
        settings = clean_settings(settings)
        raise_if_invalid(
            validate_settings(settings) + action_field_problems([name for name, _ in fields])
        )
        settings = _with_stored_logo(settings)
        with changing(self._db, "Das Gremium") as session:
            row = models.Council()
            apply_settings(row, settings)
            row.action_fields = [
                models.ActionField(
                    name=clean_action_field_name(name), colour=colour, position=index
                )
                for index, (name, colour) in enumerate(fields)
            ]
            session.add(row)
            session.flush()
            seed_defaults(session, row.id, self._actor)
            seed_standard_templates(session, row.id)
            audit.record(
                session,
                self._actor,
                AuditAction.CREATE,
                "council",
                row.id,
                council_id=row.id,
                summary=f"Gremium „{row.name}“ angelegt",
                after=audit.snapshot(row),
            )
            return council_settings(row)

    def update_settings(self, settings: CouncilSettings) -> CouncilSettings:
        settings = clean_settings(settings)
        raise_if_invalid(validate_settings(settings))
        with changing(self._db, "Die Einstellungen des Gremiums") as session:
            row = fetch(session, models.Council, settings.id, "Das Gremium", WITH_LOGO)
            check_version(row, settings.version, "Die Einstellungen des Gremiums")
            if settings.logo_png != row.logo_png:  # a stored one was fitted when it came in
                settings = _with_stored_logo(settings)
            before = audit.snapshot(row)
            old_words = phrase_words(row)
            apply_settings(row, settings)
            session.flush()
            audit.record(
                session,
                self._actor,
                AuditAction.UPDATE,
                "council",
                row.id,
                council_id=row.id,
                summary=f"Einstellungen von „{row.name}“ geändert",
                before=before,
                after=audit.snapshot(row),
            )
            follow_council_words(session, row, old_words, self._actor)
            return council_settings(row)

    # --- action fields (:mod:`expertenrat.services.action_fields`) ---------------------

    def action_fields(self, council_id: int) -> list[ActionField]:
        with reading(self._db) as session:
            return [action_field(r) for r in field_rows(session, council_id)]

    def add_action_field(self, council_id: int, name: str, colour: str) -> ActionField:
        with changing(self._db, "Das Handlungsfeld") as session:
            return add_field(session, self._actor, council_id, name, colour)

    def update_action_field(self, field: ActionField) -> ActionField:
        """Rename or recolour a field."""
        with changing(self._db, field_what(field)) as session:
            return update_field(session, self._actor, field)

    def reorder_action_fields(
        self, council_id: int, ordered_ids: list[int], *, seen: Sequence[int] | None = None
    ) -> list[ActionField]:
        """Put the council's fields in the order of ``ordered_ids`` (all of them). ``seen``:
        the order the new one was made from; if another PC has reordered the fields since,
        the new order is refused rather than undoing that move."""
        with changing(self._db, "Die Reihenfolge der Handlungsfelder") as session:
            return reorder_fields(session, self._actor, council_id, ordered_ids, seen)

    def delete_action_field(self, field: ActionField) -> None:
        """Delete a field nothing refers to any more."""
        with changing(self._db, field_what(field)) as session:
            delete_field(session, self._actor, field)


def _with_stored_logo(settings: CouncilSettings) -> CouncilSettings:
    """``settings`` with their logo as every logo is stored, however it came in (the logo
    chooser, a settings file, a script): checked and scaled down
    (``services.logos.stored_logo``; ``ValidationError`` beside the logo field)."""
    if not settings.logo_png:
        return settings
    return replace(settings, logo_png=stored_logo(settings.logo_png))
