"""What importing a council settings file changes, field by field, and the council's setup
with the parts chosen from the file; :mod:`expertenrat.domain.council_transfer_preview`
says it in words."""

from __future__ import annotations

from dataclasses import replace

from expertenrat.domain.council_transfer_format import (
    ACTION_FIELDS,
    AGENDA_TEMPLATES,
    OWN_SETTINGS,
    SETTING_KEYS,
    TEXT_TEMPLATES,
    CouncilTemplate,
)
from expertenrat.domain.enums import AgendaItemKind
from expertenrat.domain.merge import FieldDifference
from expertenrat.domain.text_templates import TextTemplate, phrase_words, reworded


def template_differences(
    current: CouncilTemplate, incoming: CouncilTemplate
) -> list[FieldDifference]:
    """What applying ``incoming`` to a council set up as ``current`` changes, field by field.

    ``mine`` is the council's value, ``theirs`` the file's (suggested); the action fields
    the phrases and the agenda templates are one entry each (a tuple of their names and
    colours / texts / fields); agenda templates only if ``incoming`` has them, settings only
    those it holds (``given``). Every difference is suggested but, from another city's
    file, the council's own name, logo, website, signature, mailbox and action fields
    (``OWN_SETTINGS``).
    """
    found = []
    elsewhere = from_another_city(current, incoming)
    for name in SETTING_KEYS:
        if incoming.given is not None and name not in incoming.given:
            continue
        old, new = getattr(current.settings, name), getattr(incoming.settings, name)
        if old != new:
            take = not (elsewhere and name in OWN_SETTINGS)
            found.append(FieldDifference(name, old, new, take_theirs=take, both_changed=False))
    taken = {d.name for d in found if d.take_theirs}
    for name, old, new in (
        (ACTION_FIELDS, _field_list(current), _field_list(incoming)),
        (TEXT_TEMPLATES, *compared_phrases(current, incoming, taken)),
        (AGENDA_TEMPLATES, _agenda_list(current), _agenda_list(incoming)),
    ):
        if new is None:
            continue
        if old != new:
            take = not (elsewhere and name in OWN_SETTINGS)
            found.append(FieldDifference(name, old, new, take_theirs=take, both_changed=False))
    return found


def from_another_city(current: CouncilTemplate, incoming: CouncilTemplate) -> bool:
    """Whether ``incoming`` is the file of a council of another city than ``current``'s."""
    return current.settings.city.casefold() != incoming.settings.city.casefold()


def chosen_template(
    current: CouncilTemplate, incoming: CouncilTemplate, take: set[str] | frozenset[str]
) -> CouncilTemplate:
    """``current`` with the parts named in ``take`` (``template_differences`` names) taken
    from ``incoming``; the council's id and version stay."""
    settings = replace(
        current.settings, **{n: getattr(incoming.settings, n) for n in take if n in SETTING_KEYS}
    )
    return CouncilTemplate(
        settings,
        incoming.action_fields if ACTION_FIELDS in take else current.action_fields,
        incoming.text_templates if TEXT_TEMPLATES in take else current.text_templates,
        incoming.agenda_templates
        if AGENDA_TEMPLATES in take and incoming.agenda_templates is not None
        else current.agenda_templates,
    )


def compared_phrases(
    current: CouncilTemplate, incoming: CouncilTemplate, take: set[str] | frozenset[str]
) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """The council's phrases and the file's as (label, text), to compare: a file's phrase
    that differs from the council's of its label only in naming the file's council and
    chair where the council's names its own ("Der Expert*innenrat nimmt …" beside "Der
    Digitalbeirat nimmt …") counts as the council's. The import names them as the
    council's settings say (once those named in ``take`` are applied), so taking it
    changes nothing (found by a tester)."""
    words = phrase_words(chosen_template(current, incoming, take).settings)
    ours = {t.label: t.text for t in current.text_templates}
    worded = {
        label: reworded(text, phrase_words(current.settings), words)[0]
        for label, text in ours.items()
    }
    theirs_words = phrase_words(incoming.settings)

    def compared(phrase: TextTemplate) -> str:
        same = phrase.label in worded and (
            reworded(phrase.text, theirs_words, words)[0] == worded[phrase.label]
        )
        return ours[phrase.label] if same else phrase.text

    return tuple(ours.items()), tuple((t.label, compared(t)) for t in incoming.text_templates)


def _field_list(template: CouncilTemplate) -> tuple[tuple[str, str], ...]:
    return tuple((f.name, f.colour.lower()) for f in template.action_fields)


def _agenda_list(
    template: CouncilTemplate,
) -> tuple[tuple[str, AgendaItemKind, bool, int], ...] | None:
    if template.agenda_templates is None:
        return None
    return tuple((t.title, t.kind, t.public, t.planned_minutes) for t in template.agenda_templates)
