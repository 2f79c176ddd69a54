"""The lines of the minutes' completeness check (:mod:`expertenrat.domain.minutes_checklist`)
about its agenda items: one per item that lacks content, lacks a vote for its resolution
(or an urgent item, the vote on taking it up), has stored votes that no longer fit who
could vote, or recusals that are not named or not decided; where all items are fine, one
green line says so. A resolution recorded without quorum is a warning at its item, and so
is a resolution whose only votes are "ohne Abstimmung zur Kenntnis genommen" (right for
"Der Rat nimmt den Bericht zur Kenntnis.", a slip where the council decided something) and
a public text that names a member who may not be named (:func:`unnamed_lines`).
"""

from __future__ import annotations

from expertenrat.domain.enums import VoteMode
from expertenrat.domain.minutes import ItemMinutes
from expertenrat.domain.minutes_checklist_facts import ChecklistFacts, UndecidedConflict
from expertenrat.domain.minutes_checklist_lines import ChecklistLine, ChecklistTarget, checked
from expertenrat.domain.public_minutes import unnamed_in
from expertenrat.domain.unnamed_mentions import mention_warning, named_in

URGENT_VOTE_MISSING = "Es fehlt die Abstimmung über die Aufnahme des Dringlichkeitsantrags."
# An election's votes per candidate ("Dr. A 6 Stimmen, Dr. B 3 Stimmen") typed in as a
# counted vote printed the other candidate's votes as "Nein": an election is a vote of the
# kind "Wahl" (domain.elections).
VOTE_MISSING = (
    "Zum Beschluss fehlt die Abstimmung. Eine Wahl (Stimmen je Person) tragen Sie als "
    "Abstimmung der Art „Wahl“ ein."
)


def item_lines(items: tuple[ItemMinutes, ...]) -> list[ChecklistLine]:
    empty = [
        checked("item_content", False, f"{i.label}: Es fehlt der Protokolltext.", "discussion",
              i.item_id)
        for i in items if i.lacks_content
    ]  # fmt: skip
    unvoted = [
        checked(
            "item_vote",
            False,
            f"{i.label}: {VOTE_MISSING}",
            "votes",
            i.item_id,
        )
        for i in items
        if i.resolution_text.strip() and not i.votes
    ]
    unvoted += [  # the council votes on taking it up; its line records that vote
        checked("item_vote", False, f"{i.label}: {URGENT_VOTE_MISSING}", "votes", i.item_id)
        for i in items
        if i.urgent and not i.votes
    ]
    unvoted += [
        checked("item_vote", False, f"{i.label}: {problem}", "votes", i.item_id)
        for i in items
        for problem in i.vote_count_problems
    ]
    unvoted += _noted_only_lines(items)
    lines = empty or [checked("item_content", True, "Alle Punkte haben einen Protokolltext", "")]
    return lines + (unvoted or [checked("item_vote", True, "Alle Beschlüsse haben eine Abstimmung",
                                      "")]) + _quorum_lines(items)  # fmt: skip


def _noted_only_lines(items: tuple[ItemMinutes, ...]) -> list[ChecklistLine]:
    """A warning per item with a resolution whose votes are all "ohne Abstimmung zur
    Kenntnis genommen" (found by a tester: it passed as "Alle Beschlüsse haben eine
    Abstimmung"): no vote decided it, which is right only for taking note of a report."""
    return [
        ChecklistLine(
            "item_vote_noted",
            True,
            f"{i.label}: Beschluss ohne Abstimmung (nur zur Kenntnis genommen).",
            ChecklistTarget("votes", i.item_id),
            warning=True,
        )
        for i in items
        if i.resolution_text.strip() and i.votes and all(v.mode is VoteMode.NOTED for v in i.votes)
    ]


def _quorum_lines(items: tuple[ItemMinutes, ...]) -> list[ChecklistLine]:
    """A warning per item whose resolution was recorded without quorum: allowed (the
    minutes say what happened, and note it at the item), but worth a look."""
    return [
        ChecklistLine(
            "item_quorum",
            True,
            f"{i.label}: {i.without_quorum}; das Protokoll vermerkt es.",
            ChecklistTarget("votes", i.item_id),
            warning=True,
        )
        for i in items
        if i.without_quorum
    ]


def recusal_lines(
    items: tuple[ItemMinutes, ...], undecided: tuple[UndecidedConflict, ...]
) -> list[ChecklistLine]:
    lines = [
        checked(
            "recusals",
            False,
            f"{item.label}: Für die Befangenheit von {member.name} fehlt der Grund.",
            "conflicts",
            item.item_id,
        )
        for item in items
        for member in item.recused
        if not member.reason.strip()
    ]
    lines += [
        checked(
            "recusals",
            False,
            f"TOP {u.item_number}: Über den Hinweis auf Befangenheit von {u.member_name} "
            "ist nicht entschieden.",
            "conflicts",
            u.item_id,
        )
        for u in undecided
    ]
    return lines or [checked("recusals", True, "Befangenheiten benannt", "conflicts")]


def unnamed_lines(facts: ChecklistFacts) -> list[ChecklistLine]:
    """A warning where a text of the public minutes names a member who may not be named
    or a guest the public version leaves out: it calls such a member "Mitglied ohne
    Namensnennung" only where it lists members, leaves such a guest out of the guests, a
    typed text stays as typed ("Herr Pál erläutert …")."""
    if not facts.unnamed:
        return []
    header = facts.header
    parts = [
        ("der Kopfdaten", (header.minute_taker,), ChecklistTarget("minute_taker")),
        ("der Änderungen der Tagesordnung", (header.agenda_changes,),
         ChecklistTarget("agenda_changes")),
    ]  # fmt: skip
    names = [m.name for m in facts.unnamed if not m.guest]  # guests: printed as typed
    parts += [
        (f"von TOP {i.number}", _item_texts(i, names), ChecklistTarget("discussion", i.item_id))
        for i in facts.items
        if i.item_id not in facts.non_public_items
    ]
    return [
        ChecklistLine("unnamed_named", True, mention_warning(where, person), target, warning=True)
        for where, texts, target in parts
        for person in named_in(texts, facts.unnamed)
    ]


def _item_texts(item: ItemMinutes, unnamed: list[str]) -> tuple[str, ...]:
    """The texts of ``item`` as the public minutes print them (the presenter line without
    the names ``unnamed``, which they replace)."""
    return (
        item.title,
        unnamed_in(item.presenter, unnamed),
        item.discussion,
        item.motion_text,
        item.resolution_text,
        item.result,
        *(v.subject for v in item.votes),
        *(text for r in item.recommendations for text in (r.title, r.text)),
    )
