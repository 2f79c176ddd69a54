"""The transfer kit: a council's settings as a file, read back into another council or
used to start a new one (see ``domain.council_transfer_format``). Nothing personal is read or
written: only the council row, its action fields, its standard phrases and its agenda
templates.

Applying a file happens in one transaction: the settings, then the action fields (matched
by name: recoloured, reordered, added; a field the file lacks is removed if nothing uses
it, else kept at the end), then the phrases and the agenda templates (each replaced by the
file's; a format-1 file has no agenda templates and leaves them as they are).
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from expertenrat import __version__
from expertenrat.domain.council_settings_checks import clean_settings
from expertenrat.domain.council_transfer import (
    MAX_FILE_BYTES,
    file_too_large,
    read_settings_file,
    settings_document,
    template_problems_of,
)
from expertenrat.domain.council_transfer_differences import chosen_template, template_differences
from expertenrat.domain.council_transfer_format import (
    ACTION_FIELDS,
    AGENDA_TEMPLATES,
    FORMAT_VERSION,
    TEXT_TEMPLATES,
    CouncilTemplate,
    SettingsFileError,
    schema_file,
)
from expertenrat.domain.council_transfer_preview import TransferPreview
from expertenrat.domain.councils import CouncilChoice
from expertenrat.domain.enums import AuditAction
from expertenrat.domain.errors import ValidationError
from expertenrat.domain.text_templates import phrase_words
from expertenrat.paths import resource_path
from expertenrat.reports.logo_image import UnusableLogoError, fitted_logo, logo_problem
from expertenrat.services import audit
from expertenrat.services.action_fields import action_field, field_rows, field_uses
from expertenrat.services.agenda_templates import (
    seed_standard_templates,
    stored_rows,
    stored_template,
)
from expertenrat.services.council_rows import (
    WITH_LOGO,
    apply_settings,
    council_choices,
    council_settings,
)
from expertenrat.services.council_transfer_lists import (
    replace_agenda_templates,
    replace_fields,
    replace_phrases,
)
from expertenrat.services.file_reading import read_at_most
from expertenrat.services.logos import logo_problems
from expertenrat.services.text_templates import (
    follow_council_words,
    phrase,
    phrase_rows,
)
from expertenrat.services.unit_of_work import changing, check_version, fetch, reading
from expertenrat.store import models
from expertenrat.store.database import Database

WHAT = "Die Einstellungen des Gremiums"


@cache
def settings_schema(version: int = FORMAT_VERSION) -> dict[str, Any]:
    """The JSON Schema of the settings file (format ``version``), as shipped in
    ``resources/schemas``."""
    return json.loads(resource_path(*schema_file(version)).read_text("utf-8"))


class CouncilTransferService:
    def __init__(self, database: Database, actor: str) -> None:
        self._db = database
        self._actor = actor

    def template(self, council_id: int) -> CouncilTemplate:
        """The council's transferable setup as stored now (with its id and version)."""
        with reading(self._db) as session:
            return _template(session, council_id)

    def export(self, council_id: int, now: datetime | None = None) -> bytes:
        """The council's settings file. A logo that cannot be drawn (stored before logos
        were checked) is left out: with it, no Expertenrat would read the file
        (:meth:`unusable_logo` says why)."""
        exported_at = (now or datetime.now(UTC)).astimezone(UTC)
        template = self.template(council_id)
        logo = template.settings.logo_png
        if logo and logo_problem(logo):
            template = replace(template, settings=replace(template.settings, logo_png=None))
        return settings_document(template, exported_at, f"Expertenrat {__version__}")

    def unusable_logo(self, council_id: int) -> str | None:
        """The warning for a council whose logo :meth:`export` leaves out, else ``None``."""
        logo = self.template(council_id).settings.logo_png
        problem = logo_problem(logo) if logo else None
        if problem is None:
            return None
        return (
            f"Das Logo in den Einstellungen ist {problem} und fehlt in der Datei; bitte unter "
            "Einstellungen ein neues Logo wählen."
        )

    @staticmethod
    def read(data: bytes) -> CouncilTemplate:
        """The template in a settings file, checked (``SettingsFileError`` if unusable),
        its logo decoded too and scaled down as a logo chosen in Einstellungen is
        (``reports.logo_image.fitted_logo``: at most 600 pixels a side)."""
        template = read_settings_file(data, settings_schema)
        logo = template.settings.logo_png
        if not logo:
            return template
        try:
            fitted = fitted_logo(logo)
        except UnusableLogoError as problem:
            raise SettingsFileError(f"Das Logo in der Einstellungsdatei ist {problem}.") from None
        return replace(template, settings=replace(template.settings, logo_png=fitted))

    @staticmethod
    def read_file(path: Path) -> CouncilTemplate:
        """:meth:`read` of the file ``path`` (``OSError`` if it cannot be read). No more
        is read than a settings file can have: a file of gigabytes chosen by mistake was
        read whole first (seconds, and its size in memory), and only then refused."""
        return CouncilTransferService.read(read_at_most(path, MAX_FILE_BYTES, file_too_large))

    def preview(self, council_id: int, incoming: CouncilTemplate) -> TransferPreview:
        """What importing ``incoming`` into the council would change."""
        with reading(self._db) as session:
            current = _template(session, council_id)
            wanted = {f.name.casefold() for f in incoming.action_fields}
            kept = tuple(
                action_field(row)
                for row in field_rows(session, council_id)
                if row.name.casefold() not in wanted and field_uses(session, row.id)
            )
        # The council ends up with the file's fields and, after them, the kept ones.
        incoming = replace(incoming, action_fields=incoming.action_fields + kept)
        differences = tuple(template_differences(current, incoming))
        if not any(d.name == ACTION_FIELDS for d in differences):
            kept = ()
        return TransferPreview(current, incoming, differences, tuple(f.name for f in kept))

    def apply(self, preview: TransferPreview, take: set[str] | frozenset[str] | None = None):
        """Apply the differences named in ``take`` (default: all) in one transaction.

        The council must not have changed since the preview (else ``ConcurrentEditError``).
        """
        names = {d.name for d in preview.differences} if take is None else set(take)
        chosen = chosen_template(preview.current, preview.incoming, names)
        _raise_if_invalid(chosen)
        council_id = preview.current.settings.id
        with changing(self._db, WHAT) as session:
            row = fetch(session, models.Council, council_id, "Das Gremium", WITH_LOGO)
            check_version(row, preview.current.settings.version, WHAT)
            before = audit.snapshot(row)
            old_words = phrase_words(row)
            apply_settings(row, clean_settings(chosen.settings))
            session.flush()
            self._audit(session, AuditAction.UPDATE, "council", row.id, row.id,
                        f"Einstellungen von „{row.name}“ aus einer Einstellungsdatei übernommen",
                        before=before, after=audit.snapshot(row))  # fmt: skip
            if ACTION_FIELDS in names:
                replace_fields(session, self._actor, row.id, chosen)
            if TEXT_TEMPLATES in names:  # the file's, worded for the file's council
                replace_phrases(session, self._actor, row.id, chosen)
                old_words = phrase_words(preview.incoming.settings)
            # the phrases follow the council's name and its chair's title
            follow_council_words(session, row, old_words, self._actor)
            if AGENDA_TEMPLATES in names and chosen.agenda_templates is not None:
                replace_agenda_templates(session, self._actor, row.id, chosen.agenda_templates)
            return council_settings(row)

    def same_councils(self, incoming: CouncilTemplate) -> list[CouncilChoice]:
        """The councils of the name and city ``incoming`` would create (case aside): a
        file taken twice as a new council makes two alike, so the command line warns of
        them and the window asks first (found by a tester)."""
        settings = clean_settings(incoming.settings)
        wanted = (settings.name.casefold(), settings.city.casefold())
        with reading(self._db) as session:
            return [
                c
                for c in council_choices(session)
                if (c.name.casefold(), c.city.casefold()) == wanted
            ]

    def create_council(self, incoming: CouncilTemplate) -> int:
        """A new council set up as ``incoming`` says, but for the mailbox its mail is sent
        from (the file's, often another city's: the new council's invitations would go out
        from and to it unnoticed, while the signature shows in every letter); returns its
        id."""
        _raise_if_invalid(incoming)
        settings = replace(clean_settings(incoming.settings), secretariat_email="")
        with changing(self._db, "Das Gremium") as session:
            row = models.Council()
            apply_settings(row, settings)
            session.add(row)
            session.flush()
            self._audit(session, AuditAction.CREATE, "council", row.id, row.id,
                        f"Gremium „{row.name}“ aus einer Einstellungsdatei angelegt",
                        after=audit.snapshot(row))  # fmt: skip
            replace_fields(session, self._actor, row.id, incoming)
            replace_phrases(session, self._actor, row.id, incoming)
            if incoming.agenda_templates is None:  # a format-1 file: the standard ones
                seed_standard_templates(session, row.id)
            else:
                replace_agenda_templates(session, self._actor, row.id, incoming.agenda_templates)
            return row.id

    def _audit(self, session, action, entity, entity_id, council_id, summary, **states) -> None:
        audit.record(
            session, self._actor, action, entity, entity_id, council_id=council_id,
            summary=summary, **states,
        )  # fmt: skip


def _template(session: Session, council_id: int) -> CouncilTemplate:
    row = fetch(session, models.Council, council_id, "Das Gremium", WITH_LOGO)
    return CouncilTemplate(
        council_settings(row),
        tuple(action_field(r) for r in field_rows(session, council_id)),
        tuple(phrase(r) for r in phrase_rows(session, council_id)),
        tuple(stored_template(r) for r in stored_rows(session, council_id)),
    )


def _raise_if_invalid(template: CouncilTemplate) -> None:
    problems = template_problems_of(replace(template, settings=clean_settings(template.settings)))
    problems += logo_problems(template.settings.logo_png)
    if problems:
        raise ValidationError(problems)
