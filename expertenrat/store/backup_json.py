"""The JSON of a backup's parts (:mod:`backup_reading`), parsed quickly and strictly:
a part that is not valid JSON, or holds half of a surrogate pair, is refused."""

from __future__ import annotations

import json
import re
from typing import Any

from expertenrat.store.backup_format import BackupError


def load_json(data: bytes, *, mostly_base64: bool = False) -> Any:
    """The JSON in ``data`` (UTF-8).

    ``mostly_base64``: a part with bytes, whose text is nearly all base64 (the stored PDFs of
    a large backup: 150 MB). A single character beyond Latin-1 in it (a „ in the minutes)
    makes Python's decoded string two bytes a character, and decoding then took longer than
    parsing. Such a part is read as Latin-1 (one byte, one character; JSON's own characters
    are ASCII, and no byte of a character that UTF-8 writes in several is), and only its
    strings with other characters are decoded as UTF-8 afterwards. An escape of a character
    beyond ASCII (``\\u00e4``) would be mixed up with those: a part with one (or with a
    backslash before a ``u``) is read the plain way.
    """
    try:
        if not mostly_base64 or data.isascii() or _WIDE_ESCAPE.search(data):
            value = json.loads(data.decode("utf-8"))
        else:
            return _utf8_strings(json.loads(data.decode("latin-1")))
    except (ValueError, RecursionError):  # also a number too long, nesting too deep
        raise BackupError(_INVALID_JSON) from None
    if _SURROGATE_ESCAPE.search(data) and _has_lone_surrogate(value):
        raise BackupError(_INVALID_JSON)  # "\ud800" alone: no character, no database takes it
    return value


_INVALID_JSON = "Die Sicherung ist beschädigt (ungültiges JSON)."
_WIDE_ESCAPE = re.compile(rb"\\u(?!00[0-7])")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _has_lone_surrogate(value: Any) -> bool:
    """Whether a string in ``value`` holds half of a surrogate pair (a pair escaped whole
    is one character once parsed)."""
    pending = [value]
    while pending:
        item = pending.pop()
        if type(item) is str:
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return True
        elif type(item) is list:
            pending.extend(item)
        elif type(item) is dict:
            pending.extend(item.keys())
            pending.extend(item.values())
    return False


def _utf8_strings(value: Any) -> Any:
    """``value`` as parsed from UTF-8 read as Latin-1, with its strings decoded as UTF-8."""
    if type(value) is str:
        return value if value.isascii() else value.encode("latin-1").decode("utf-8")
    if type(value) is list:
        return [_utf8_strings(item) for item in value]
    if type(value) is dict:
        return {_utf8_strings(key): _utf8_strings(item) for key, item in value.items()}
    return value
