"""A web address longer than its line breaks after one of its slashes in every paragraph
(found by a tester: from the 10th paragraph on – one digit more before it – the address of
the minutes broke inside a part, "…/beschluesse/2" / "026/anlage-…789.p" / "df", because
reportlab breaks a whole address once at a slash and then cuts what is left anywhere)."""

from __future__ import annotations

import itertools
from dataclasses import replace

from minutes_sample import ITEMS, minutes
from pdf_reading import read, text

from expertenrat.reports.minutes_pdf import render_minutes

LINK = (
    "https://www.rostock.de/smartcity/datenplattform/beschluesse/2026/"
    "anlage-zur-sitzung-mit-langer-adresse/protokoll-anhang-0123456789.pdf"
)
PARTS = LINK.split("/")


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
