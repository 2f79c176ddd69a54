"""The points of a list in a minutes text (pasted from Word: "•<Tab>Punkt", "1.<Tab>Punkt",
or typed "- Punkt") hang: a point's further lines begin under its text, not under its
bullet; any other line's further lines begin where it begins."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from minutes_sample import ITEMS, minutes
from pdf_reading import placed_text_runs, read

from expertenrat.reports.minutes_pdf import render_minutes

_LONG = " ".join(f"Wort{n}" for n in range(40))  # two lines and more


def _line_starts(discussion: str, first: str) -> list[float]:
    """Where the first three lines of the paragraph whose first line holds ``first`` begin,
    from the page's left edge."""
    doc = minutes(items=(replace(ITEMS[1], discussion=discussion),))
    runs = [run for page in read(render_minutes(doc).pdf).pages for run in placed_text_runs(page)]
    start = next(i for i, (text, *_) in enumerate(runs) if first in text)
    return [x for _text, x, _y, _size in runs[start : start + 3]]


@pytest.mark.parametrize("point", ["•\tErster", "1.\tErster", "\to\tErster", "- Erster"])
def test_the_further_lines_of_a_point_begin_under_its_text(point: str) -> None:
    """(found by a tester) they began under the bullet, as one paragraph of the text."""
    first, second, third = _line_starts(f"Punkte:\n{point} {_LONG}\nDanach", "Erster")

    assert second > first + 3  # under "Erster", a bullet and a space further in
    assert third == pytest.approx(second)


def test_a_line_that_is_no_point_does_not_hang() -> None:
    first, second, _ = _line_starts(f"Kosten:\t5.000 € {_LONG}\nDanach", "Kosten")

    assert second == pytest.approx(first)


def test_a_tab_between_words_is_printed_as_a_wide_gap() -> None:
    """(found by a tester) a table row pasted from Word ran together: its tabs printed as
    one space each."""
    doc = minutes(items=(replace(ITEMS[1], discussion="Anna Müller\tVorsitz\tRostock"),))
    runs = [run for page in read(render_minutes(doc).pdf).pages for run in placed_text_runs(page)]
    row = next(text for text, *_ in runs if "Anna Müller" in text)

    assert re.search("Anna Müller[\u00a0 ]{4}Vorsitz[\u00a0 ]{4}Rostock", row)
