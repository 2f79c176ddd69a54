"""The "ENTWURF" of draft minutes, as readers meet it: seen on every page (also over a
table), out of the text they copy, and said in words on every page (found by a tester)."""

from __future__ import annotations

import math

from minutes_sample import ITEMS, minutes
from pdf_reading import read
from pypdf.generic import ContentStream

from expertenrat.domain.minutes_document import DRAFT_MARK
from expertenrat.reports.glyph_outlines import outline_path
from expertenrat.reports.house_style import FONT_BOLD
from expertenrat.reports.minutes_pdf import FULL_NOTE, render_minutes

DRAFT = minutes(items=ITEMS * 6)  # pages of agenda rows and of items


def test_copied_text_holds_no_letter_of_the_watermark_and_the_footer_says_entwurf() -> None:
    """Extracted, the watermark's letters crept into the lines they cross ("wirdW der
    Antrag", "Der EEnergiebedarf"); and a page said "Entwurf" only in a light grey that a
    cheap printer leaves out and a screen reader reads as stray letters, if at all."""
    pages = read(render_minutes(DRAFT).pdf).pages
    assert len(pages) > 3

    for page in pages:
        marked = [line for line in page.extract_text().split("\n") if DRAFT_MARK in line]
        assert marked == [f"{DRAFT_MARK} · {FULL_NOTE}"], marked


def test_the_watermark_lies_over_the_content_so_no_table_hides_it() -> None:
    """Drawn first, it lay under the agenda's and the attendance's opaque white and tinted
    rows: a page of them showed no "ENTWURF" at all."""
    for page in read(render_minutes(DRAFT).pdf).pages:
        ops = ContentStream(page.get_contents(), page.pdf).operations
        names = [op for _, op in ops]
        turned = [
            n
            for n, (values, op) in enumerate(ops)
            if op == b"cm" and round(math.degrees(math.atan2(values[1], values[0]))) == 54
        ]
        assert len(turned) == 1  # the watermark's
        after = names[turned[0] :]
        assert after.count(b"BT") <= 1  # nothing but "Seite x von y" drawn over it
        assert b"gs" in names[turned[0] - 5 : turned[0]]  # translucent: text shows through


def test_the_outlines_are_the_letters_contours_composites_put_together() -> None:
    contours = [step for step, _ in outline_path(DRAFT_MARK, FONT_BOLD)].count
    assert contours("Z") == 8  # E N T W U F one each, R two
    umlaut = outline_path("Ü", FONT_BOLD)
    assert [step for step, _ in umlaut].count("Z") == 3  # the U and the two dots
    xs = [x for step, values in outline_path("ENTWURF", FONT_BOLD) for x in values[::2]]
    ys = [y for step, values in outline_path("ENTWURF", FONT_BOLD) for y in values[1::2]]
    assert 0 <= min(xs) < 0.1 and 4.5 < max(xs) < 5.5  # about as wide as the text
    assert min(ys) > -0.02 and 0.7 < max(ys) < 0.75  # capitals on the baseline
