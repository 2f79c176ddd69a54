"""name_sort_key: the one reading order of names (DIN 5007-1, particles behind)."""

from __future__ import annotations

import doctest
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from expertenrat.domain import name_order
from expertenrat.domain.name_order import name_sort_key, split_particles


def _ordered(names: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return sorted(names, key=lambda n: name_sort_key(*n))


# Each list is in the order DIN 5007-1 with particles behind the family name wants; the
# test shuffles it (reversed) and sorts it back.
@pytest.mark.parametrize(
    "expected",
    [
        pytest.param(
            [("Hoffmann", "Tom"), ("von Hohenzollern", "Anna"), ("Huber", "Eva")],
            id="von between Hoffmann and Huber",
        ),
        pytest.param(
            [("Otto", "Jan"), ("Öztürk", "Ece"), ("Paul", "Kim"), ("Zimmermann", "Jan")],
            id="umlaut as its base letter, not after Z",
        ),
        pytest.param(
            [("Bauer", "Lea"), ("van der Berg", "Jan"), ("Cruz", "Ana"), ("de la Cruz", "Ana")],
            id="chained particles, plain name first",
        ),
        pytest.param(
            [("von und zu Guttenberg", "Karl"), ("zu Guttenberg", "Karl"), ("Haas", "Ida")],
            id="von und zu",
        ),
        pytest.param(
            [("Kraus", "Ina"), ("La Rosa", "Marco"), ("Lange", "Ute"), ("Rose", "Eva")],
            id="capitalised La starts the name",
        ),
        pytest.param(
            [("Berg", "Anna"), ("Berg", "Zoe"), ("Berg-Meyer", "Anna"), ("Bergmann", "Anna")],
            id="shorter family name first, hyphen before letters",
        ),
        pytest.param(
            [("Strauß", "Eva"), ("Strauss", "Ida"), ("Strausse", "Eva")],
            id="ß as ss",  # Strauß = Strauss, then the given name decides
        ),
        pytest.param(
            [("abel", "eva"), ("Abel", "Jan"), ("ABEL", "Zoe")],
            id="case does not count",
        ),
        pytest.param(
            [
                ("Čapek", "Karel"),
                ("Dvořák", "Antonín"),
                ("Eder", "Max"),
                ("Édouard", "Luc"),
                ("Egger", "Ina"),
            ],
            id="accents stripped",
        ),
        pytest.param(
            [("Obermann", "A"), ("O'Brien", "Sean"), ("Ochs", "B")],
            id="apostrophe does not count",
        ),
        pytest.param(
            [("Meier", ""), ("Meier", "Anna"), ("Meyer", "")],
            id="empty given name first",
        ),
        pytest.param(
            [("Zander", "Uwe"), ("כהן", "דוד"), ("محمد", "علي")],
            id="other scripts after Latin, no error",
        ),
    ],
)
def test_names_sort_in_reading_order(expected: list[tuple[str, str]]) -> None:
    assert _ordered(list(reversed(expected))) == expected
    assert _ordered(expected) == expected


@pytest.mark.parametrize(
    ("family", "split"),
    [
        ("von Hohenzollern", ("von", "Hohenzollern")),
        ("van der Berg", ("van der", "Berg")),
        ("de la Cruz", ("de la", "Cruz")),
        ("zu Guttenberg", ("zu", "Guttenberg")),
        ("Von   Weizsäcker", ("Von", "Weizsäcker")),
        ("ten Brink", ("ten", "Brink")),
        ("von und zu Guttenberg", ("von und zu", "Guttenberg")),
        ("von und Meier", ("von", "und Meier")),  # "und" only joins particles
        ("von", ("", "von")),  # a particle alone is the name
        ("Vondermann", ("", "Vondermann")),
        ("de Maizière", ("de", "Maizière")),
        ("De Luca", ("", "De Luca")),  # capitalised Romance article: part of the name
        ("La Rosa", ("", "La Rosa")),
        ("Le Minh", ("", "Le Minh")),
        ("Du Bois", ("", "Du Bois")),
        ("Van Dyke", ("Van", "Dyke")),  # a German or Dutch particle moves in any case
        ("Müller von Berg", ("", "Müller von Berg")),  # only leading particles move
        ("", ("", "")),
    ],
)
def test_split_particles(family: str, split: tuple[str, str]) -> None:
    assert split_particles(family) == split


def test_forms_of_the_same_name_get_one_place() -> None:
    """Composed and decomposed "Öztürk", extra spaces: alike apart from the exact tie."""
    nfd = unicodedata.normalize("NFD", "Öztürk")
    assert name_sort_key(nfd, " Ece ") == name_sort_key("Öztürk", "Ece")
    assert name_sort_key("von  Hohenzollern", "Anna") == name_sort_key("von Hohenzollern", "Anna")


def test_equal_under_din_names_keep_a_fixed_order() -> None:
    """Müller and Muller are alike for DIN 5007-1; their spelling decides, every time."""
    keys = {name_sort_key("Müller", "Jan"), name_sort_key("Muller", "Jan")}
    assert len(keys) == 2
    assert name_sort_key("Muller", "Jan") < name_sort_key("Müller", "Jan")


@given(st.text(), st.text())
def test_any_name_has_a_key(family: str, given_name: str) -> None:
    key = name_sort_key(family, given_name)
    assert isinstance(key, str)
    assert key == name_sort_key(family, given_name)


def test_module_examples() -> None:
    assert doctest.testmod(name_order).failed == 0
