"""How long the minutes PDF of a 40-item, ~13-page meeting takes, next to a bare reportlab
platypus build of the same text.

Run with ``pytest tests/benchmarks --benchmark-only``; the aim is at most 1.5 times the
bare build. Nothing is asserted about time.

Measured (CPU time, 15 rounds, a loaded 2-core machine; the bare build includes parsing
its two fonts, which the app does once per process): before, minutes 244 ms median
(198 min) against 87 ms bare, 2.8x; after the theme's Paragraph skips the markup parser
for plain text and breaks each paragraph's lines once per width (tables measured every
cell up to three times), minutes 193 ms (172 min) against 87 ms, 2.2x. Then (load 7-8 on
2 cores, old and new alternated in the same minutes, median of 15 per run, two runs):
before 2.15-2.22x (220-306 ms against 102-138 ms); after the theme parses each shape of
markup once per style and fills in the texts, one-line table cells ("TOP 3",
"öffentlich") are strings the table draws in the cell font, the page header and footer
are fitted once per document instead of on every page, and item headings and labelled
texts ("Antrag") are two plain paragraphs each instead of one of mixed markup (reportlab
lays out and draws mixed fragments word by word), 1.24-1.45x (123-148 ms against 99-102
ms; 1.34-1.40x between the fastest rounds). The pages are pixel for pixel the same as
before (compared at 100 dpi). The rest is what the bare build does not have: the agenda
and attendance tables, the boxed resolutions, the bookmarks, the page header, footer and
watermark.
"""

from __future__ import annotations

import io

from minutes_bench_doc import bare_build, document, texts
from pypdf import PdfReader
from pytest_benchmark.fixture import BenchmarkFixture

from expertenrat.reports.minutes_pdf import render_minutes


def test_minutes_pdf_40_items(benchmark: BenchmarkFixture) -> None:
    doc = document()
    benchmark.group = "minutes-40"
    pdf = benchmark(render_minutes, doc).pdf
    assert 11 <= len(PdfReader(io.BytesIO(pdf)).pages) <= 16


def test_bare_reportlab_build_of_the_same_text(benchmark: BenchmarkFixture) -> None:
    found = texts(document())
    benchmark.group = "minutes-40"
    pdf = benchmark(bare_build, found)
    assert pdf.startswith(b"%PDF-")
