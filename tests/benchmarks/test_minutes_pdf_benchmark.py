"""How long the minutes PDF of a 40-item, ~13-page meeting takes, next to a bare reportlab
platypus build of the same text.

Run with ``pytest tests/benchmarks --benchmark-only``; the aim is at most 1.5 times the
bare build. Nothing is asserted about time.
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
