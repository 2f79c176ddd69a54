"""Suggested file names stay short enough for a path on Windows (found by a tester)."""

from __future__ import annotations

from expertenrat.domain.file_formats import SUGGESTED_NAME_LIMIT, cut_file_name
from expertenrat.ui.council_file_names import council_file_name


def test_a_long_name_is_cut_before_its_ending() -> None:
    name = f"Auskunft Art. 15 {'Bürgerinitiative Lebenswertes Rostock ' * 6}2026-12-05.pdf"

    cut = cut_file_name(name)

    assert len(cut) == SUGGESTED_NAME_LIMIT
    assert cut.startswith("Auskunft Art. 15 Bürgerinitiative")
    assert cut.endswith("….pdf")
    assert cut_file_name("Mitglieder 2026-12-05.xlsx") == "Mitglieder 2026-12-05.xlsx"


def test_the_suggested_name_of_an_auskunft_for_a_guest_of_200_characters_fits(
    services,
) -> None:
    guest = "Prof. Dr. Merle Steffens, Fraunhofer-Institut " + "x" * 154

    name = council_file_name(services.settings, None, f"Auskunft Art. 15 {guest} 2026.pdf")

    assert len(name) <= SUGGESTED_NAME_LIMIT
    assert name.endswith("….pdf")
    assert "Auskunft Art. 15 Prof. Dr. Merle Steffens" in name
