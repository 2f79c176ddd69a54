"""The theme's shortcuts around reportlab give what reportlab itself would: paragraphs
parsed once per shape of markup, and font files read when first needed."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph as ReportlabParagraph

from expertenrat.paths import resource_path
from expertenrat.reports import fonts, theme
from expertenrat.reports.line_breaks import keep_together

MARKUPS = [
    "Hallo Welt",
    "a &amp; b &lt;c&gt; d &quot;e&quot; &#39;f&#x27;",
    "<b>fett</b> normal",
    "  viele   Leer\n  zeichen  ",
    "a<br/>b<br/><br/>c",
    "x &nbsp; y",  # an entity escape() never writes: parsed the usual way
    "a < b",  # a stray "<": parsed the usual way
    theme.SMALL.format("klein"),
    '<font face="DejaVuSans-Bold" size="8.5" color="#1f4e79">Antrag</font><br/>Text &amp; so',
    theme.esc("Dr. med. A & B <x> \"q\" 'y' 10 Mitglieder – „z“ 😀"),
    theme.esc("محمد عبد الله & שלום Ж", theme.FONT_BOLD),
    "<b>" + theme.esc("Ödön ʕ Ж \ue000", theme.FONT_BOLD) + "</b>",
]


def _styled_characters(paragraph: ReportlabParagraph) -> list[tuple[str, tuple]]:
    """Each character (and line break) with everything its fragment says about it."""
    found = []
    for frag in paragraph.frags:
        style = tuple(
            sorted((k, repr(v)) for k, v in vars(frag).items() if k not in ("text", "__tag__"))
        )
        if getattr(frag, "lineBreak", False):
            found.append(("<br/>", style))
        found += [(char, style) for char in frag.text]
    return found


@pytest.mark.parametrize("markup", MARKUPS)
def test_paragraph_fragments_are_those_of_reportlabs_parser(markup: str) -> None:
    s = theme.styles()
    for style in (s.body, s.heading, s.note, s.cell, s.small):
        for _ in range(2):  # the second time from the kept shape
            ours = theme.Paragraph(markup, style)
            theirs = ReportlabParagraph(markup, style)
            assert ours.text == theirs.text
            assert _styled_characters(ours) == _styled_characters(theirs)


def test_fonts_read_on_demand_are_set_up_like_reportlabs() -> None:
    fonts.register_fonts()
    for family in fonts.FAMILIES:
        for name, file in family.faces:
            read = TTFont(name, str(resource_path("fonts", file)))
            ours = pdfmetrics.getFont(name)
            assert set(vars(ours)) == set(vars(read))
            assert ours.face.name == read.face.name  # the registered name is the file's
            assert ours.stringWidth("Größe", 10) == read.stringWidth("Größe", 10)


def test_letters_taken_as_drawn_by_every_house_face_are() -> None:
    every = fonts._family_coverage(fonts.HOUSE)
    claimed = [chr(c) for c in range(0x3000) if fonts._EVERY_HOUSE_FACE.fullmatch(chr(c))]
    assert len(claimed) > 300
    assert [c for c in claimed if c != "\n" and ord(c) not in every] == []


def test_a_long_word_breaks_after_its_own_hyphens_not_anywhere() -> None:
    text = "Prof. Dr. Maximiliane Mecklenburg-Vorpommern-Schwerin-Güstrow"
    cell = theme.cell([(text, theme.PLAIN)], theme.styles().cell, 110, 500)
    cell.wrap(110, 500)

    lines = [" ".join(words) for _width, words in cell.blPara.lines]

    assert lines == ["Prof. Dr. Maximiliane", "Mecklenburg-", "Vorpommern-Schwerin-", "Güstrow"]


def test_a_joining_dash_and_a_word_cut_short_keep_the_word_before_them() -> None:
    assert keep_together("Rat Rostock – Beirat - Daten — mehr") == (
        "Rat Rostock\xa0– Beirat\xa0- Daten\xa0— mehr"
    )
    assert keep_together("Hanse- und Universitätsstadt, Daten- oder Wissensrat") == (
        "Hanse-\xa0und Universitätsstadt, Daten-\xa0oder Wissensrat"
    )
    assert (
        keep_together("Dipl.-Ing. Berg, E-Mail an -5 Grad") == "Dipl.-Ing. Berg, E-Mail an -5 Grad"
    )


def test_an_ordinal_keeps_its_noun_a_year_ending_a_sentence_does_not() -> None:
    assert (
        keep_together("zur 5. Sitzung am 10. März 2026") == "zur 5.\xa0Sitzung am 10.\xa0März 2026"
    )
    assert keep_together("im Jahr 2025. Danach") == "im Jahr 2025. Danach"
