"""A label of the minutes ("Antrag", "Beschluss", "Beschlossene Empfehlungen") or an item's
heading never stands alone at the foot of a page with its text overleaf, wherever the page
ends (found by a tester: the label was kept with one line of room below it, but reportlab
splits a paragraph only with two of its lines on the page, so the text went overleaf
without it; the label of a resolution and of the recommendations was not kept with
anything; a heading asked for 35 mm, too few for a long title and facts)."""

from __future__ import annotations

from minutes_sample import minutes
from pdf_reading import read

from expertenrat.domain.minutes_items import AdoptedRecommendation, MinutesItem, VoteRecord
from expertenrat.reports.minutes_pdf import render_minutes

LABELS = {
    "Verlauf der Beratung",
    "Antrag",
    "Beschluss",
    "Abstimmung",
    "Ergebnis",
    "Beschlossene Empfehlungen",
}
LONG = " ".join(["Der Rat bittet das Projekt, die offenen Fragen schriftlich zu beantworten."] * 4)


def _last_lines(pdf: bytes) -> list[str]:
    """The last line of text above the footer of each page but the last."""
    found = []
    for page in read(pdf).pages[:-1]:
        lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        while lines and (lines[-1].startswith("Seite ") or "Fassung" in lines[-1]):
            lines.pop()  # the footer: page number and the note on the version
        found.append(lines[-1])
    return found


def test_no_label_stands_alone_at_the_foot_of_a_page() -> None:
    item = MinutesItem(
        "2",
        "Beratung der Datenplattform",
        motion=LONG,
        resolution=LONG,
        votes=(VoteRecord(yes=5, no=1, abstain=0, adopted=True),),
        result=LONG,
        recommendations=(AdoptedRecommendation("E-2026-07", "Offene Lizenz", text=LONG),) * 3,
    )
    ends = set()
    for lines in range(0, 40):  # item 1's text pushes item 2 across the page foot
        opening = MinutesItem("1", "Eröffnung", discussion="\n".join(["Eine Zeile."] * lines))
        ends.update(_last_lines(render_minutes(minutes(items=(opening, item))).pdf))
    assert not ends & LABELS


def test_a_long_heading_never_stands_alone_at_the_foot_of_a_page() -> None:
    title = " ".join(["Übertragbarkeit der Urbanen Datenplattform auf andere Kommunen"] * 3)
    item = MinutesItem(
        "2",
        title,
        presenter=f"Prof. Dr. Anna Berg ({title})",
        project_title=title,
        discussion=LONG,
    )
    for lines in range(15, 50):
        opening = MinutesItem("1", "Eröffnung", discussion="\n".join(["Eine Zeile."] * lines))
        pdf = render_minutes(minutes(items=(opening, item))).pdf
        for page in read(pdf).pages:
            text = " ".join(page.extract_text().split())
            assert ("Vortrag: Prof. Dr. Anna Berg" in text) == (
                "Verlauf der Beratung Der Rat" in text
            )
