"""How long the minutes PDF of a 40-item, ~13-page meeting takes, next to a bare reportlab
platypus build of the same text.

Run with ``pytest tests/benchmarks --benchmark-only``; the aim is at most 1.5 times the
bare build. Nothing is asserted about time.

Measured (CPU time, 15 rounds, a loaded 2-core machine; the bare build includes parsing
its two fonts, which the app does once per process): before, minutes 244 ms median
(198 min) against 87 ms bare, 2.8x; after the theme's Paragraph skips the markup parser
for plain text and breaks each paragraph's lines once per width (tables measured every
cell up to three times), minutes 193 ms (172 min) against 87 ms, 2.2x. The rest is
reportlab laying out more than the bare build has: the agenda and attendance tables
(~160 cell paragraphs), item headings with their facts, the boxed resolutions, the page
header, footer and watermark.
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
