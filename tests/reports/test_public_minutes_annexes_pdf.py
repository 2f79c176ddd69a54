"""The annexes keep their numbers in the public minutes (found by a tester: leaving out a
non-public annex renumbered the others, so "siehe Anlage 3" in the text pointed to the
wrong file); the public minutes list the one left out by its number alone, the full
minutes mark it non-public."""

from __future__ import annotations

from minutes_sample import APPROVAL, minutes
from pdf_reading import pages, text

from expertenrat.domain.annexes import AnnexEntry
from expertenrat.domain.public_minutes import public_version
from expertenrat.reports.minutes_pdf import render_minutes

ANNEXES = (
    AnnexEntry(1, "Präsentation Datenplattform", "praesentation.pdf"),
    AnnexEntry(2, "Angebotsauswertung Los 3", "vergabe.pdf", public=False),
    AnnexEntry(3, "Lageplan", "lageplan.pdf"),
)


def test_the_public_minutes_keep_the_numbers_of_the_full_ones() -> None:
    for approval in (None, APPROVAL):
        full = minutes(annexes=ANNEXES, approval=approval)

        internal = pages(render_minutes(full).pdf)[-1]
        public = pages(render_minutes(public_version(full)).pdf)[-1]

        assert "Anlage 1: Präsentation Datenplattform" in internal
        assert "Anlage 2: Angebotsauswertung Los 3 (nichtöffentlich)" in internal
        assert "Anlage 3: Lageplan" in internal
        assert "Anlage 1: Präsentation Datenplattform" in public
        assert "Anlage 2: nichtöffentlich (nicht enthalten)" in public
        assert "Anlage 3: Lageplan" in public
        assert "Angebotsauswertung" not in public and "vergabe" not in public


def test_public_annexes_are_not_marked_nor_one_whose_title_says_it() -> None:
    said = AnnexEntry(2, "Angebotsauswertung (nichtöffentlich)", "vergabe.pdf", public=False)
    printed = text(render_minutes(minutes(annexes=(ANNEXES[0], said))).pdf)
    assert "Anlage 1: Präsentation Datenplattform Anlage 2" in printed
    assert printed.count("nichtöffentlich)") == 1
