"""The annual report's first section, "1. Das Gremium": the members named with consent and
the others counted, who joined and who left, and the composition on the key date (see
:mod:`expertenrat.domain.annual_report_council`)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from expertenrat.domain.annual_report_council import CouncilPart, NamedMembers
from expertenrat.domain.composition import Composition
from expertenrat.domain.roster import RosterEntry
from expertenrat.domain.wording import counted, isolated
from expertenrat.reports import theme
from expertenrat.reports.bookmarks import bookmarked_heading
from expertenrat.reports.meeting_parts import paragraph
from expertenrat.reports.theme import BOLD, PLAIN, SMALL, Column, Lines

# The header over the members who have the field as one of their further action fields
# (the roster's "Weitere Handlungsfelder"), beside those who have it as their primary one.
FURTHER_FIELD = "Weiteres Handlungsfeld"


def _term(entry: RosterEntry) -> str:
    """ "01.01.2023 – 30.06.2025" as the roster prints it; an open term "seit …", one
    without a start "bis …" (never "seit … bis …")."""
    start, end = entry.term_start, entry.term_end
    if start and end:
        return f"{theme.german_date(start)}\u00a0– {theme.german_date(end)}"
    if start:
        return f"seit {theme.german_date(start)}"
    return f"bis {theme.german_date(end)}" if end else ""


_NAME_ROLE_FIELD = 0.63  # of the content width; sector and term have the rest


def _member_columns(entries: Sequence[RosterEntry]) -> tuple[Column[RosterEntry], ...]:
    """The role and field columns as wide as the longest word in them needs (a role title
    from the settings, "Stellvertretende*r Sprecher*in", and a field "Wirtschaftsförderung,
    Tourismus …" broke inside a word), at least 0.17 and 0.19; the name column, whose
    names break between words, gives the room."""
    role = theme.word_share(entries, lambda e: [(e.role, PLAIN)], "Rolle", 0.17)
    field = theme.word_share(entries, _field, "Handlungsfeld", 0.19)
    return (
        Column("Name", _NAME_ROLE_FIELD - role - field, lambda e: [(e.name, BOLD)]),
        Column("Rolle", role, lambda e: [(e.role, PLAIN)]),
        Column("Handlungsfeld", field, _field),
        Column("Sektor", 0.19, lambda e: [(e.sector, PLAIN)]),
        Column("Amtszeit", 0.18, lambda e: [(_term(e), SMALL)]),
    )


def _field(entry: RosterEntry) -> Lines:
    return [(entry.primary_field or "–", PLAIN)]


def council_section(part: CouncilPart, year: int) -> list[Flowable]:
    story = [*bookmarked_heading("1. Das Gremium")]
    members = part.members
    if not members.count:
        return [*story, paragraph(f"Keine Mitglieder im Jahr {year}.", "note")]
    story.append(
        paragraph(
            f"Im Jahr {year} gehörten dem Gremium "
            f"{counted(members.count, 'Mitglied', 'Mitglieder')} an. Genannt sind Mitglieder, "
            "die der Veröffentlichung ihres Namens zugestimmt haben."
        )
    )
    if members.named:
        table = theme.column_table(members.named, _member_columns(members.named))
        story += [Spacer(0, 2 * mm), table]
    if members.unnamed:
        story.append(paragraph(f"{members.others} (ohne Namensnennung).", "small"))
    story += [Spacer(0, 3 * mm), _changes("Neu im Gremium", part.joined, "ab", year)]
    story.append(_changes("Ausgeschieden", part.left, "bis", year))
    story += _composition(part.composition, part)
    return story


def _changes(caption: str, members: NamedMembers, word: str, year: int) -> Flowable:
    if not members.count:
        return paragraph(f"{caption}: niemand im Jahr {year}.")
    names = [
        f"{isolated(e.name)} "
        f"({word} {theme.german_date(e.term_end if word == 'bis' else e.term_start)})"
        for e in members.named
        if (e.term_end if word == "bis" else e.term_start) is not None
    ]
    # "A (ab …), B (ab …) sowie 1 weiteres Mitglied": no comma before "sowie"
    listed_names = " ".join(filter(None, (", ".join(names), members.others)))
    return paragraph(f"{caption}: {listed_names}.")


def _composition(composition: Composition, part: CouncilPart) -> list[Flowable]:
    """The heading with the action fields' table, and the sectors' table: each kept whole
    on one page (a short table of figures), so the heading never stays behind alone."""
    day = theme.german_date(part.key_date)
    block: list[Flowable] = [
        Spacer(0, 3 * mm),
        paragraph(
            f"Zusammensetzung am {day}: "
            f"{counted(composition.active, 'aktives Mitglied', 'aktive Mitglieder')}",
            "table_head",
        ),
    ]
    if part.leaving:
        block.append(paragraph(_leaving(part.leaving), "small"))
    coverage = [
        (item.field.name, str(item.primary), str(item.further)) for item in composition.coverage
    ]
    block += [
        Spacer(0, 1.5 * mm),
        _figures(("Handlungsfeld", "Schwerpunkt", FURTHER_FIELD), coverage),
    ]
    story: list[Flowable] = [KeepTogether(block)]
    sectors = [(sector.label, str(count), "") for sector, count in composition.sectors]
    if sectors:
        story.append(
            KeepTogether([Spacer(0, 3 * mm), _figures(("Sektor", "Mitglieder", ""), sectors)])
        )
    return story


def _leaving(count: int) -> str:
    """Why a member listed as "Ausgeschieden" is in the composition of the key date."""
    who = "ist 1 Mitglied, dessen" if count == 1 else f"sind {count} Mitglieder, deren"
    return f"Mitgezählt {who} Amtszeit an diesem Tag endet (oben unter „Ausgeschieden“)."


def _figures(headers: tuple[str, str, str], rows: Sequence[tuple[str, str, str]]) -> Flowable:
    columns: list[Column[tuple[str, str, str]]] = [
        Column(headers[0], 0.5, lambda r: [(r[0], PLAIN)]),
        Column(headers[1], 0.25, lambda r: [(r[1], PLAIN)]),
    ]
    if headers[2]:
        columns.append(Column(headers[2], 0.25, lambda r: [(r[2], PLAIN)]))
    return theme.column_table(rows, columns)
