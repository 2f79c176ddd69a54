"""The public minutes' PDF title and subject say it is the public version, as the public
Sitzungsmappe's do (found by a tester: full and public minutes had the same title and
subject, told apart only by a keyword, in an archive's or a search engine's list; later
the same title, found by a tester too). Its footer says that non-public items are left
out only where there are any (found by a tester)."""

from __future__ import annotations

from minutes_sample import ITEMS, minutes
from pdf_reading import pages, read

from expertenrat.domain.public_minutes import public_version
from expertenrat.reports.minutes_pdf import PUBLIC_NOTE, render_minutes


def test_the_public_minutes_subject_names_the_public_version() -> None:
    full = read(render_minutes(minutes()).pdf).metadata
    public = read(render_minutes(public_version(minutes())).pdf).metadata
    assert public.subject == f"{full.subject} (öffentliche Fassung)"
    assert "öffentlich" not in full.subject


def test_the_public_minutes_title_names_the_public_version() -> None:
    full = read(render_minutes(minutes()).pdf)
    public = read(render_minutes(public_version(minutes())).pdf)
    assert full.metadata.title == "Protokoll der 5. Sitzung"
    assert public.metadata.title == "Protokoll der 5. Sitzung (öffentliche Fassung)"
    # the page header keeps the heading, as the full minutes have it
    assert pages(render_minutes(public_version(minutes())).pdf)[1].count("(öffentliche") == 0


def test_the_footer_says_items_are_left_out_only_where_some_are() -> None:
    open_items = tuple(item for item in ITEMS if item.public)

    with_secret = pages(render_minutes(public_version(minutes())).pdf)
    all_public = pages(render_minutes(public_version(minutes(items=open_items))).pdf)

    assert all(PUBLIC_NOTE in page for page in with_secret)
    assert not any("nichtöffentliche Tagesordnungspunkte" in page for page in all_public)
    assert all("Öffentliche Fassung." in page for page in all_public)
    full = pages(render_minutes(minutes(items=open_items)).pdf)
    assert not any("Fassung" in page for page in full)  # nothing to tell apart
