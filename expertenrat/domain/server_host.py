"""The server's name and port from the server dialog's two fields, read as IT notes write
a server: "db.rostock.de:5432" or "[::1]:5432" in the Server field. Taken as it stood, the
whole text went to the network as a host name, and the server was "unknown" (found by
review)."""

from __future__ import annotations

_PORT_ALONE = "Bitte tragen Sie den Port in das Feld „Port“ ein und im Feld „Server“ nur den Namen."


def host_and_port(typed: str, port_field: int, port_field_changed: bool) -> tuple[str, int]:
    """The host and the port to connect to from the Server field's text ``typed`` and the
    Port field's ``port_field``: a port after the host ("db.rostock.de:5432", an IPv6
    address in brackets "[::1]:5432") is the one to use, unless the Port field was changed
    (``port_field_changed``) to another: then it is given twice and refused. A bare IPv6
    address ("::1", "fe80::1") is a host alone. Raises :class:`ValueError` with the German
    reason for a port that is no port, and for a port or brackets with no server name
    (":5432", "[]"): the address had no host, which the driver takes as this PC's own
    server, and the dialog's check that the field is filled had passed (found by review)."""
    host, port_text = _split(typed.strip())
    if not host.strip():
        raise ValueError(
            f"Im Feld „Server“ steht kein Servername: „{typed.strip()}“. Bitte tragen Sie im "
            "Feld „Server“ den Namen oder die Adresse des Servers ein, etwa db.rostock.de."
        )
    if port_text is None:
        return host, port_field
    if not port_text.isdecimal() or not 1 <= int(port_text) <= 65535:
        raise ValueError(
            f"Im Feld „Server“ steht nach dem Doppelpunkt kein Port (eine Zahl von 1 bis "
            f"65535): „{typed.strip()}“. {_PORT_ALONE}"
        )
    port = int(port_text)
    if port_field_changed and port != port_field:
        raise ValueError(
            f"Der Port steht zweimal da, verschieden: {port} im Feld „Server“ und "
            f"{port_field} im Feld „Port“. {_PORT_ALONE}"
        )
    return host, port


def _split(typed: str) -> tuple[str, str | None]:
    """``typed`` as host and the text after its port colon (``None``: no port written)."""
    if typed.startswith("["):  # [IPv6] or [IPv6]:port
        inside, bracket, rest = typed[1:].partition("]")
        if bracket and (not rest or rest.startswith(":")):
            return inside, rest[1:] if rest else None
        return typed, None  # no address libpq knows either; its own message says so
    if typed.count(":") != 1:  # a name, or an IPv6 address without a port
        return typed, None
    host, _colon, port = typed.partition(":")
    return host, port
