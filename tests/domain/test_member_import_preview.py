"""The member import's report of the columns read under another name."""

from __future__ import annotations

from expertenrat.domain.member_import_preview import ImportPreview


def test_address_columns_read_together_are_named_once_with_what_they_make() -> None:
    """Found by a tester: a mail merge list's address columns were reported as „Straße“ als
    „Postanschrift“, „Hausnummer“ als „Postanschrift“, … as if each were the address."""
    preview = ImportPreview(
        council_id=1,
        rows=(),
        read_as=(
            ("Akad. Titel", "Titel"),
            ("Straße", "Postanschrift"),
            ("Hausnummer", "Postanschrift"),
            ("PLZ", "Postanschrift"),
            ("Ort", "Postanschrift"),
            ("Firma", "Institution"),
        ),
    )
    assert preview.read_as_text == (
        "Spalten unter anderem Namen gelesen: „Akad. Titel“ als „Titel“; „Straße“, "
        "„Hausnummer“, „PLZ“ und „Ort“ als „Postanschrift“; „Firma“ als „Institution“"
    )
    assert ImportPreview(council_id=1, rows=()).read_as_text == ""
