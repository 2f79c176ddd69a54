"""What a paste puts right of the text a PDF gives when copied: a symbol font's bullets and
the ligatures of its typesetting."""

from __future__ import annotations

import pytest

from expertenrat.domain.field_limits import PERSON, text_problems
from expertenrat.domain.text_characters import copied_value, pasted_line, pasted_text


def test_the_bullets_of_a_word_list_copied_from_a_pdf_become_unicode_bullets() -> None:
    """Word sets its bullets in the Symbol and Wingdings fonts; a PDF made from it copies
    them as private-use characters that no font draws (the minutes PDF printed "\ufffd"
    before every point: found by a tester)."""
    copied = "Ergebnisse:\r\n\uf0b7\tLadesäulen\r\n\t\uf0a7\tStandorte\n\uf0d8 Betrieb\n\uf0fc"

    assert pasted_text(copied) == "Ergebnisse:\r\n•\tLadesäulen\r\n\t▪\tStandorte\n➢ Betrieb\n✓"


def test_a_word_bullet_indented_by_no_break_spaces_becomes_a_unicode_bullet() -> None:
    """An e-mail (Outlook) indents a list copied from Word by no-break spaces; the bullet
    after them stayed a private-use character and printed as "\ufffd" in the PDF (found by
    a tester)."""
    copied = "Ergebnisse:\n\u00a0\u00a0\uf0b7\u00a0Ladesäulen\n\u202f\uf0a7\tStandorte"

    assert pasted_text(copied) == "Ergebnisse:\n\u00a0\u00a0•\u00a0Ladesäulen\n\u202f▪\tStandorte"
    assert pasted_line("\u00a0\u00a0\uf0b7\u00a0Ladesäulen") == "\u00a0\u00a0•\u00a0Ladesäulen"


@pytest.mark.parametrize(
    "copied",
    [
        "\u03bb = \uf06c",  # the Symbol font's lambda inside a line
        "\uf06cambda",  # a letter at a line's start that no space follows
    ],
)
def test_a_symbol_font_letter_that_is_no_bullet_is_left_as_it_is(copied: str) -> None:
    assert pasted_text(copied) == copied


def test_a_pdf_s_ligatures_become_their_letters() -> None:
    """ "Einﬂuss" copied from a PDF looks like "Einfluss" but is not that word for a search
    in an exported file or a screen reader."""
    assert pasted_text("Einﬂuss auf die Öﬀentlichkeit, ﬁnanziell") == (
        "Einfluss auf die Öffentlichkeit, finanziell"
    )
    assert pasted_text("ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ") == "ff fi fl ffi ffl st st"


def test_a_one_line_field_gets_the_bullet_and_the_letters_too() -> None:
    assert pasted_line("\uf0b7\tEinﬂuss der Verwaltung") == "• Einfluss der Verwaltung"


def test_a_title_copied_from_a_pdf_over_two_lines_is_pasted_whole() -> None:
    """(found by a tester) a one-line field joined the lines by a space: "Parkraum-
    steuerung" was pasted as "Parkraum- steuerung", "Müller- Lüdenscheidt"."""
    assert pasted_line("Intelligente Parkraum-\r\nsteuerung Warnemünde") == (
        "Intelligente Parkraumsteuerung Warnemünde"
    )
    assert pasted_line("Ina Müller-\nLüdenscheidt") == "Ina Müller-Lüdenscheidt"
    assert pasted_line("Hanse-\nund Universitätsstadt") == "Hanse- und Universitätsstadt"


@pytest.mark.parametrize("noncharacter", ["\uffff", "\ufffe", "\ufdd0", "\U0001fffe"])
def test_a_noncharacter_is_refused_and_a_paste_drops_it(noncharacter: str) -> None:
    """No text holds one; stored, it made an .xlsx export that neither Excel nor the import
    could open (XML does not allow U+FFFE and U+FFFF)."""
    assert text_problems("notes", f"Notiz{noncharacter}", PERSON["notes"])
    assert pasted_text(f"Notiz{noncharacter}") == "Notiz"


def test_a_character_unicode_has_not_assigned_yet_is_no_noncharacter() -> None:
    """A newer emoji than the Python's Unicode tables know is text."""
    assert not text_problems("notes", "Notiz \U0001faff", PERSON["notes"])


def test_a_soft_hyphen_a_pdf_divided_a_word_with_is_a_hyphen_at_the_line_s_end() -> None:
    """(found by a tester) A PDF that copies the hyphen of a divided word as a soft hyphen
    lost it with the paste's invisible characters: "Bürger" "beteiligung" was joined by a
    space, as two words, and the search did not find "Bürgerbeteiligung"."""
    copied = "die Bürger\u00ad\r\nbeteiligung und Open\u00ad\nData, unsicht\u00adbar"

    assert pasted_text(copied) == "die Bürger-\r\nbeteiligung und Open-\nData, unsichtbar"
    assert pasted_line(copied) == "die Bürgerbeteiligung und Open-Data, unsichtbar"


@pytest.mark.parametrize(
    "copied",
    [
        "\u200e15.\u200e01.\u200e2027",
        " \u201e15.01.2027\u201c\r\n",
        "\ufeff15.01.2027\u200b",
        "'15.01.2027'",
        "15.\u00ad01.2027",
    ],
)
def test_a_copied_value_is_read_without_invisible_marks_and_quotation_marks(copied: str) -> None:
    assert copied_value(copied) == "15.01.2027"


def test_a_copied_value_keeps_what_stands_between_its_parts() -> None:
    assert copied_value("\u201e15.01.2027\u201c bis \u201e20.01.2027\u201c") == (
        "15.01.2027\u201c bis \u201e20.01.2027"
    )
