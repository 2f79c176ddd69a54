"""The server dialog's Server field read as IT notes write a server: "db.rostock.de:5432"
was taken whole as a host name, unknown to the network (found by review)."""

from __future__ import annotations

import pytest

from expertenrat.domain.server_host import host_and_port


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("db.rostock.de:5433", ("db.rostock.de", 5433)),
        (" 10.0.0.5:6432 ", ("10.0.0.5", 6432)),
        ("[::1]:5433", ("::1", 5433)),
        ("[fe80::1]", ("fe80::1", 5432)),
        ("::1", ("::1", 5432)),
        ("db.rostock.de", ("db.rostock.de", 5432)),
    ],
)
def test_a_port_after_the_host_is_the_one_taken(typed, expected) -> None:
    assert host_and_port(typed, 5432, port_field_changed=False) == expected


def test_the_same_port_in_both_fields_is_taken() -> None:
    assert host_and_port("db.rostock.de:6432", 6432, port_field_changed=True) == (
        "db.rostock.de",
        6432,
    )


def test_two_different_ports_are_refused_in_german() -> None:
    with pytest.raises(ValueError, match="Der Port steht zweimal da") as caught:
        host_and_port("db.rostock.de:5433", 6432, port_field_changed=True)

    assert "5433 im Feld „Server“ und 6432 im Feld „Port“" in str(caught.value)


@pytest.mark.parametrize("typed", ["db.rostock.de:", "db.rostock.de:abc", "db:70000", "[::1]:"])
def test_no_port_after_the_colon_is_refused_in_german(typed) -> None:
    with pytest.raises(ValueError, match="nach dem Doppelpunkt kein Port") as caught:
        host_and_port(typed, 5432, port_field_changed=False)

    assert "Bitte tragen Sie den Port in das Feld „Port“ ein" in str(caught.value)


@pytest.mark.parametrize("typed", [":5432", " :6432", "[]", "[]:5432", "[ ]"])
def test_a_port_without_a_server_name_is_refused_in_german(typed) -> None:
    """Found by review: ":5432" or "[]" passed the dialog's check that the Server field is
    filled, and with no host left the address went to this PC's own server unsaid."""
    with pytest.raises(ValueError, match="kein Servername") as caught:
        host_and_port(typed, 5432, port_field_changed=False)

    assert "Bitte tragen Sie im Feld „Server“ den Namen" in str(caught.value)
