"""The public minutes' PDF subject says it is the public version, as the public
Sitzungsmappe's does (found by a tester: full and public minutes had the same title and
subject, told apart only by a keyword, in an archive's or a search engine's list)."""

from __future__ import annotations

from minutes_sample import minutes
from pdf_reading import read

from expertenrat.domain.public_minutes import public_version
from expertenrat.reports.minutes_pdf import render_minutes


def test_the_public_minutes_subject_names_the_public_version() -> None:
    full = read(render_minutes(minutes()).pdf).metadata
    public = read(render_minutes(public_version(minutes())).pdf).metadata
    assert public.subject == f"{full.subject} (öffentliche Fassung)"
    assert "öffentlich" not in full.subject
