"""(found by a tester) The Genehmigung tab says of what each SHA-256 is: the stored PDF
files' rows name the PDF file and explain that the checksum printed in the minutes is
another; the versions' column is named as the approved PDF prints it."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from expertenrat.domain.enums import MinutesState
from expertenrat.domain.minutes_approval import VersionRecord
from expertenrat.ui.minutes_approval_models import VersionsTableModel
from expertenrat.ui.minutes_fingerprints import MinutesFingerprints

CONTENT = "570fea47bab39a186034fe09317dd4ab2456e7960bd98a0ad4fb5e44731baf2f"


def test_the_pdf_checksums_name_the_file_and_tell_the_printed_one_apart(qtbot):
    fingerprints = MinutesFingerprints()
    qtbot.addWidget(fingerprints)
    captions = [label.text() for label in fingerprints.findChildren(QLabel)]
    assert "SHA-256 der PDF (vollständig):" in captions
    assert "SHA-256 der PDF (öffentlich):" in captions
    assert "„Prüfsumme des genehmigten Inhalts“ ist eine andere" in fingerprints.full.toolTip()


def test_the_versions_column_is_named_as_the_approved_pdf_prints_it(qtbot):
    model = VersionsTableModel()
    record = VersionRecord(
        id=1, number=1, state=MinutesState.APPROVED, circulated_on=date(2025, 10, 20),
        objections_due_on=None, approved_on=date(2026, 1, 15), approved_in="5. Sitzung",
        fingerprint=CONTENT, sha256="a" * 64, public_sha256="b" * 64,
    )  # fmt: skip
    model.set_rows([record])
    last = model.columnCount() - 1
    assert model.headerData(last, Qt.Orientation.Horizontal) == "Prüfsumme des Inhalts"
    tip = model.index(0, last).data(Qt.ItemDataRole.ToolTipRole)
    assert CONTENT in tip and "„Prüfsumme des genehmigten Inhalts“" in tip
