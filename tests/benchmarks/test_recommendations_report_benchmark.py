"""How long the recommendations report of 2,000 recommendations takes, next to a bare
reportlab platypus build of the same headings and tables.

Run with ``pytest tests/benchmarks/test_recommendations_report_benchmark.py
--benchmark-only``; the aim is at most 1.5 times the bare build. Nothing is asserted about
time.
"""

from __future__ import annotations

import io

from pypdf import PdfReader
from pytest_benchmark.fixture import BenchmarkFixture
from recommendations_bench_report import COUNT, bare_build, font_files, report

from expertenrat.reports.recommendations_report_pdf import render_recommendations_report


def test_recommendations_report_2000(benchmark: BenchmarkFixture) -> None:
    doc = report()
    benchmark.group = "recommendations-report-2000"
    rendered = benchmark.pedantic(render_recommendations_report, (doc,), rounds=3)
    assert rendered.records == COUNT
    assert len(PdfReader(io.BytesIO(rendered.pdf)).pages) > 100


def test_bare_reportlab_build_of_the_same_tables(benchmark: BenchmarkFixture) -> None:
    doc = report()
    benchmark.group = "recommendations-report-2000"
    pdf = benchmark.pedantic(bare_build, (doc, *font_files()), rounds=3)
    assert pdf.startswith(b"%PDF-")
