"""The standard phrases of a council's minutes (Textbausteine): list, add, edit, delete, reorder.

A new council gets :data:`~expertenrat.domain.text_templates.DEFAULT_PHRASES`, in its own
words ("Der Digitalbeirat nimmt …", "Die/Der Sprecher*in eröffnet …", ``default_phrases``),
when it is created, and its phrases follow a new name, short name or Art des Gremiums and a
new title of its chair (:func:`follow_council_words`); a council from before the phrases
existed gets them the first time its phrases are read. Seeding is recorded in the audit
trail, and a council whose trail has it is never seeded again: a user who deleted every
phrase keeps an empty list.

Adding, editing, deleting and reordering go through
:class:`~expertenrat.services.list_order.OrderedCouncilList`, like the agenda templates.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from expertenrat.domain.enums import AuditAction, TextTemplatePurpose
from expertenrat.domain.field_limits import TEXT_TEMPLATE
from expertenrat.domain.text_templates import (
    PhraseWords,
    TextTemplate,
    clean_template,
    default_phrases,
    phrase_words,
    reworded,
    template_problems,
)
from expertenrat.domain.wording import listed
from expertenrat.services import audit
from expertenrat.services.list_order import ListKind, OrderedCouncilList
from expertenrat.services.unit_of_work import changing, of_council, reading
from expertenrat.store import models
from expertenrat.store.database import Database

ENTITY = "text_template"
PURPOSE = TextTemplatePurpose.MINUTES.value


class TextTemplatesService(OrderedCouncilList[models.TextTemplate, TextTemplate]):
    def __init__(self, database: Database, actor: str) -> None:
        super().__init__(database, actor, KIND)

    def templates(self, council_id: int) -> list[TextTemplate]:
        """The council's phrases in their order (the defaults, the first time)."""
        with reading(self._db) as session:
            found = of_council(
                session, council_id, [phrase(r) for r in phrase_rows(session, council_id)]
            )
            if found or _seeded(session, council_id):
                return found
        with changing(self._db, "Die Textbausteine") as session:
            if not phrase_rows(session, council_id) and not _seeded(session, council_id):
                seed_defaults(session, council_id, self._actor)
            return [phrase(r) for r in phrase_rows(session, council_id)]


def seed_defaults(session: Session, council_id: int, actor: str) -> None:
    """Give a council the default phrases in its own words (inside the caller's
    transaction)."""
    council = session.get(models.Council, council_id)
    session.add_all(
        models.TextTemplate(
            council_id=council_id, purpose=PURPOSE, position=i, label=label, text=text
        )
        for i, (label, text) in enumerate(default_phrases(phrase_words(council)))
    )
    session.flush()
    audit.record(
        session, actor, AuditAction.CREATE, ENTITY, None, council_id=council_id,
        summary="Standard-Textbausteine angelegt",
    )  # fmt: skip


def follow_council_words(
    session: Session, council: models.Council, old: PhraseWords, actor: str
) -> None:
    """After the settings of ``council`` changed: the phrases that name it or its chair as
    ``old`` did (:func:`~expertenrat.domain.text_templates.phrase_words` before the change:
    "Der Expert*innenrat nimmt …", "Die/Der Vorsitzende eröffnet …") name them as its
    settings now say ("Der Digitalbeirat nimmt …", "Die/Der Sprecher*in eröffnet …"), each
    with its entry in the audit trail; the rest of their text, and phrases worded
    otherwise, stay as the user wrote them (inside the caller's transaction)."""
    new = phrase_words(council)
    if new == old:
        return
    words = {"council": new.council.partition(" ")[2], "chair": council.chair_title}
    for row in phrase_rows(session, council.id):
        text, renamed = reworded(row.text, old, new)
        if not renamed or len(text) > TEXT_TEMPLATE["text"].max_length:
            continue
        before = audit.snapshot(row)
        row.text = text
        session.flush()
        named = listed([f"„{words[name]}“" for name in renamed])
        noun = "die Bezeichnungen" if len(renamed) > 1 else "die Bezeichnung"
        audit.record(
            session, actor, AuditAction.UPDATE, ENTITY, row.id, council_id=council.id,
            summary=f"Textbaustein „{row.label}“ an {noun} {named} angepasst",
            before=before, after=audit.snapshot(row),
        )  # fmt: skip


def _seeded(session: Session, council_id: int) -> bool:
    return (
        session.scalar(
            select(models.AuditEntry.id)
            .where(models.AuditEntry.council_id == council_id, models.AuditEntry.entity == ENTITY)
            .limit(1)
        )
        is not None
    )


def phrase_rows(session: Session, council_id: int) -> list[models.TextTemplate]:
    return list(
        session.scalars(
            select(models.TextTemplate)
            .where(
                models.TextTemplate.council_id == council_id, models.TextTemplate.purpose == PURPOSE
            )
            .order_by(models.TextTemplate.position, models.TextTemplate.id)
        )
    )


def phrase(row: models.TextTemplate) -> TextTemplate:
    return TextTemplate(row.id, row.label, row.text, row.position, row.version)


def _apply(row: models.TextTemplate, template: TextTemplate) -> None:
    row.label, row.text = template.label, template.text


KIND = ListKind(
    model=models.TextTemplate,
    one="Der Textbaustein",
    many="Die Textbausteine",
    order="Die Reihenfolge der Textbausteine",
    entity=ENTITY,
    noun="Textbaustein",
    order_summary="Reihenfolge der Textbausteine geändert",
    rows=phrase_rows,
    label=lambda row: row.label,
    clean=clean_template,
    problems=template_problems,
    apply=_apply,
    item=phrase,
    columns={"purpose": PURPOSE},
)
