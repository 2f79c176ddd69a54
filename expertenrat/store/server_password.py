"""The password of a PostgreSQL server in the OS keyring (the ``keyring`` package).

Windows keeps it in the Credential Manager, macOS in the Keychain, a Linux desktop in the
Secret Service. Without any keyring (a headless Linux, a locked-down PC) nothing is
stored and nothing fails: :func:`load_password` finds nothing and the window asks for the
password at start. A password is never written to a file or a log.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

SERVICE = "Expertenrat"


_SECRET_OPTIONS = ("password", "sslpassword")
"""libpq's options in an address's query that hold a secret: the user's password (as
``?password=…`` instead of before the "@") and the client key's."""


def without_password(url: URL) -> URL:
    """``url`` without its password, also one given as an option (``?password=…``), and
    without the client key's: what is stored for this PC or names the keyring's entry
    held it in plain text (found by a tester)."""
    # URL.set() skips None, so the named tuple's own _replace clears the field.
    return url._replace(password=None).difference_update_query(_SECRET_OPTIONS)


def account(url: URL) -> str:
    """The keyring's name for the password of ``url``: the address without password."""
    return without_password(url).render_as_string(hide_password=False)


def _backend():
    """The usable keyring backend, or ``None`` (no package, no backend, or it fails)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken backend must never stop the program
        log.warning("No usable keyring", exc_info=True)
        return None
    return None if isinstance(backend, fail.Keyring) else backend


def keyring_available() -> bool:
    return _backend() is not None


def load_password(url: URL) -> str | None:
    backend = _backend()
    if backend is None:
        return None
    try:
        return backend.get_password(SERVICE, account(url))
    except Exception:
        log.warning("The keyring could not be read", exc_info=True)
        return None


def save_password(url: URL, password: str) -> bool:
    """Keep ``password`` for ``url``; ``False`` if there is no keyring to keep it in."""
    backend = _backend()
    if backend is None:
        return False
    try:
        backend.set_password(SERVICE, account(url), password)
    except Exception:
        log.warning("The keyring could not store the password", exc_info=True)
        return False
    return True


def with_saved_password(url: URL) -> URL:
    """``url`` with the keyring's password if it names a server user but no password."""
    if url.get_backend_name() != "postgresql" or url.password is not None or not url.username:
        return url
    password = load_password(url)
    return url if password is None else url.set(password=password)
