"""The Sitzungsmappe's page stamp ("Sitzungsmappe, Seite 3 von 12") on paper: within what
an office printer prints, clear of the page's header (found by a tester)."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from expertenrat.reports.pack_pages import STAMP_SIZE, page_stamps

UNPRINTABLE = 4.2 * mm  # the edge many office lasers leave blank (1/6 inch)
ASCENT = 0.76  # of DejaVu Sans' tallest lower-case letters ("l", "f"), in em


def test_the_stamp_prints_whole_on_a_printer_that_leaves_the_edge_blank() -> None:
    """The app prints a page 1:1; the stamp's letters began 3.6 mm below the top edge, so
    a laser printer cut off their tops."""
    page = PdfReader(io.BytesIO(page_stamps([A4]))).pages[0]
    baselines: list[float] = []
    page.extract_text(visitor_text=lambda t, cm, tm, *_: t.strip() and baselines.append(tm[5]))
    (baseline,) = baselines
    ops = ContentStream(page.get_contents(), page.pdf).operations
    label = [float(y) for v, op in ops if op in (b"m", b"l", b"c") for y in v[1::2]]

    assert A4[1] - baseline - ASCENT * STAMP_SIZE >= UNPRINTABLE
    assert A4[1] - min(label) <= 7.5 * mm  # above the highest letters of a four-row header
