"""A phone number pasted from an e-mail's signature loses the label it was copied with:
the roster sets "Tel." before it itself ("Tel. Tel.: 0381 123", found by a tester)."""

from __future__ import annotations

import pytest

from expertenrat.domain.pasted_phone_numbers import pasted_phone


@pytest.mark.parametrize(
    ("copied", "number"),
    [
        ("Tel.: +49 381 381-1234", "+49 381 381-1234"),
        ("Telefon 0381 123", "0381 123"),
        ("tel.:0381 123", "0381 123"),
        ("T: 0381 123", "0381 123"),
        ("Phone: +49 381 123", "+49 381 123"),
        ("Fon: (0381) 123", "(0381) 123"),
        ("Tel.:\r\n0381 123", "0381 123"),  # the number on the next line of the signature
    ],
)
def test_the_label_a_phone_number_was_copied_with_is_left_out(copied: str, number: str) -> None:
    assert pasted_phone(copied) == number


@pytest.mark.parametrize(
    "copied",
    [
        "Mobil: 0171 123",  # says which number it is
        "Fax: 0381 123",
        "Tel. (dienstlich): 0381 123",
        "0381 123 (Tel.)",
        "Telefonzentrale 0381 0",
    ],
)
def test_a_number_with_other_words_before_it_keeps_them(copied: str) -> None:
    assert pasted_phone(copied) == copied
