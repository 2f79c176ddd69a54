"""A web address longer than its line breaks after one of its slashes in every paragraph
(found by a tester: from the 10th paragraph on – one digit more before it – the address of
the minutes broke inside a part, "…/beschluesse/2" / "026/anlage-…789.p" / "df", because
reportlab breaks a whole address once at a slash and then cuts what is left anywhere)."""

from __future__ import annotations

import itertools
from dataclasses import replace
from datetime import date

import pytest
from minutes_sample import ITEMS, minutes
from pdf_reading import read, text
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Spacer

from expertenrat.reports import theme
from expertenrat.reports.minutes_pdf import render_minutes
from expertenrat.reports.paragraph import Paragraph

LINK = (
    "https://www.rostock.de/smartcity/datenplattform/beschluesse/2026/"
    "anlage-zur-sitzung-mit-langer-adresse/protokoll-anhang-0123456789.pdf"
)
PARTS = LINK.split("/")
# The tester's: a part too long for reportlab's own breaking (digits and hyphens)
TESTED = (
    "https://www.rostock.de/smartcity/datenplattform/beschluesse/2026/"
    "anlage-ueberlange-adresse-ohne-trennstellen-abcdefghijklmnopqrstuvwxyz0123456789.pdf"
)


def _breaks_in_link(pdf: bytes) -> list[tuple[str, str]]:
    """The printed lines that end inside ``LINK`` (its start on them), each with its next."""
    lines = [line.strip() for page in read(pdf).pages for line in page.extract_text().split("\n")]
    found = []
    for line, after in itertools.pairwise(lines):
        head = line.split(" ")[-1]
        start = LINK.find(head)
        if len(head) >= 5 and start >= 0 and start + len(head) < len(LINK):
            found.append((head, after))
    return found


def test_a_long_address_breaks_after_a_slash_in_every_paragraph():
    discussion = "\n".join(
        f"Absatz {number}: Frau Dr. Hartmann-Okafor verweist auf die Anlage unter {LINK} "
        "und bittet um Kenntnisnahme."
        for number in range(1, 16)
    )
    item = replace(ITEMS[0], discussion=discussion)

    pdf = render_minutes(minutes(items=(item,))).pdf

    breaks = _breaks_in_link(pdf)
    assert len(breaks) >= 15  # the address breaks in each paragraph
    for head, after in breaks:
        assert head.endswith("/"), (head, after)
    assert text(pdf).count(PARTS[-1]) == 15  # the last part of each address whole
    assert "/-" not in text(pdf)  # no hyphen where it broke


@pytest.mark.parametrize("bold", [False, True])  # one font, or several
@pytest.mark.parametrize("filler", range(0, 48, 4))
def test_a_long_address_broken_over_two_pages_loses_nothing(bold, filler):
    """Where the page ends inside a paragraph of long addresses, the part on the next
    page keeps every letter and prints no hyphen where an address breaks (reportlab lost
    letters of a paragraph in several fonts broken at soft hyphens over two pages:
    "…trennstellena-")."""
    said = [f"Anlage Satz {n} unter {TESTED} und mehr." for n in range(40)]
    markup = " ".join(s.replace("Anlage", "<b>Anlage</b>") if bold else s for s in said)
    style = ParagraphStyle("narrow", theme.styles().body, rightIndent=60)  # a column's width
    info = theme.DocumentInfo(title="Prüfung", council_name="Rat", city="Stadt", date=date.today())
    room = Spacer(0, theme.content_height() - 200 + filler)

    pdf = theme.build_pdf([room, Paragraph(markup, style)], info).pdf

    lines = [line for page in read(pdf).pages for line in page.extract_text().split("\n")]
    body = [line for line in lines if line not in _FRAME and not line.startswith(_FRAMES)]
    assert "".join(body).replace(" ", "") == "".join(said).replace(" ", "")
    assert not [line for line in body if line.endswith("/-")]


_FRAME = {"Rat", "Prüfung", "Stadt"}  # the lines of each page's head and foot
_FRAMES = ("Stand: ", "Seite ")
