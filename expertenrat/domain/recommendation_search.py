"""The recommendations register's search as you type: what a row's search text holds
(:func:`register_search_text`), the words typed, a complete code ("E-2026-8") as the
token only that code's search text holds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from expertenrat.domain.recommendation_codes import code_prefix, parse_code, recommendation_code
from expertenrat.domain.text_folding import search_words, searchable, searchable_prose

if TYPE_CHECKING:
    from expertenrat.domain.recommendation_views import RecommendationRow

_CODE_MARK = "\x1f"  # around the code's token: nothing typed holds it


def code_token(year: int, number: int, prefix: str) -> str:
    return f"{_CODE_MARK}{recommendation_code(year, number, prefix).lower()}{_CODE_MARK}"


def register_search_words(search: str) -> list[str]:
    """The words of the register's search (:func:`search_words`); a complete code
    ("E-2026-8", "e-2026-08") becomes the token only that code's search text holds, so it
    finds that recommendation and not E-2026-80 to -89. Anything less than a code
    ("E-2026-", "2026-8", "E-2026-0") is looked for as it is, part of a word."""
    words = search_words(search)
    for i, word in enumerate(words):
        parsed = parse_code(word.upper())
        if parsed is not None and parsed[1] > 0:
            words[i] = code_token(*parsed, code_prefix(word.upper()))
    return words


def found_by_search(rows: list[RecommendationRow], search: str) -> list[RecommendationRow]:
    """The rows whose search text holds every word of ``search`` (all if it is empty;
    :func:`register_search_words`)."""
    words = register_search_words(search)
    if not words:
        return rows
    texts = ((row, register_search_text(row)) for row in rows)
    return [row for row, text in texts if all(word in text for word in words)]


def recommendation_words(text: str, answers: Iterable[tuple[str, str, str]]) -> str:
    """A register row's words (``RecommendationRow.words``): its text, then a line per
    response of its responder, reasons and measures (``answers``), as the register reads
    them and as a step's detail knows them, so that the row a step hands back is found by
    the search as the one read with the register."""
    lines = (" ".join(word for word in answer if word) for answer in answers)
    return "\n".join((text, *lines))


def register_search_text(row: RecommendationRow) -> str:
    """What the register's search looks in (folded, see :func:`searchable`); the code
    also as typed without its leading zero ("2026-8" finds E-2026-08), and as the token
    that a complete code typed finds (:func:`register_search_words`); then the words of
    the text and the answers (:func:`searchable_prose`)."""
    parsed, prefix = parse_code(row.code), code_prefix(row.code)
    unpadded = f"{prefix}-{parsed[0]}-{parsed[1]}" if parsed else ""
    return (
        searchable(
            code_token(*parsed, prefix) if parsed else "",
            row.code,
            unpadded if unpadded != row.code else "",
            row.title,
            row.kind.label,
            row.action_field,
            row.project_names,
            row.lead_units,
            row.origin.label,
            row.status.label,
        )
        + f"\n{searchable_prose(row.words)}"
    )
