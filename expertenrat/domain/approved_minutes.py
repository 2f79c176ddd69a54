"""The minutes document as approved, kept with the approved version, and its JSON codec.

At the approval the full minutes (:class:`~expertenrat.domain.minutes_document.MinutesDocument`)
are kept as they were rendered, with ``unnamed`` holding the members who had not agreed to
the publication of their name that day (so ``public_version(document)`` is the approved
public minutes), and the names the council's members had then, by person. When a member
later withdraws that consent, the public minutes are rendered again from this record, not
from today's database: a council renamed, a name corrected or an action field renamed
since then changes nothing but the withdrawn names.

The codec follows the dataclasses' type hints and knows exactly these kinds: nested frozen
dataclasses, ``str``, ``int``, ``bool``, ``None`` in an optional field, dates and times
(ISO 8601), enums (by value), tuples and frozensets (JSON lists, a frozenset sorted) and
``bytes`` (base64, the council's logo). Anything else is refused when writing. A field
missing when reading takes its default (a record written before the field existed); a key
the dataclass does not know is refused. An absent member stored as a plain name (before
:class:`~expertenrat.domain.minutes_attendees.AbsentMember`) reads as one recorded absent:
approved minutes had no member without recorded attendance. Reading raises ``ValueError``
for every malformed record, with a message for the log that says what is wrong but repeats
no stored value.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import functools
import json
import types
import typing
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from expertenrat.domain.minutes_attendees import AbsentMember
from expertenrat.domain.minutes_document import MinutesDocument
from expertenrat.domain.public_minutes import public_version

FORMAT = 1
"""The version of the stored JSON; a reader refuses other versions."""


@dataclass(frozen=True, slots=True)
class PrintedName:
    """The name a member of the council had at the approval (as the minutes print it)."""

    person_id: int
    name: str


@dataclass(frozen=True, slots=True)
class ApprovedMinutes:
    """The full minutes as approved (``document.unnamed``: unnamed that day) and the names
    of the council's members then."""

    document: MinutesDocument
    names: tuple[PrintedName, ...] = ()

    def full(self) -> MinutesDocument:
        """The full minutes as approved (they name everyone)."""
        return replace(self.document, unnamed=frozenset())

    def public(self) -> MinutesDocument:
        """The public minutes as approved (without the members unnamed that day)."""
        return public_version(self.document)

    def names_of(self, person_ids: Collection[int]) -> frozenset[str]:
        """The names the persons ``person_ids`` had at the approval (empty ones left out)."""
        return frozenset(n.name for n in self.names if n.person_id in person_ids and n.name)


def approved_minutes_json(record: ApprovedMinutes) -> str:
    """``record`` as canonical JSON (sorted keys, text as typed)."""
    data = {"format": FORMAT, "minutes": _encode(record)}
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def parse_approved_minutes(text: str) -> ApprovedMinutes:
    """The record stored as ``text``; ``ValueError`` if it is not one (not JSON, nested too
    deeply, another format, a key missing or unknown, a wrong type, bad base64, date, time
    or enum value)."""
    try:
        data = json.loads(text)
    except RecursionError:
        raise ValueError("approved minutes nested too deeply") from None
    except json.JSONDecodeError as error:
        raise ValueError(f"approved minutes are not JSON: {error.msg}") from None
    if not isinstance(data, dict):
        raise ValueError(f"approved minutes are not a JSON object: {_kind_of(data)}")
    if data.get("format") != FORMAT:
        raise ValueError(f"unknown format of approved minutes: {_kind_of(data.get('format'))}")
    if "minutes" not in data:
        raise ValueError("approved minutes without minutes")
    return _decode(ApprovedMinutes, data["minutes"])


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, str | bool | int):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date | time) and not isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, tuple):
        return [_encode(v) for v in value]
    if isinstance(value, frozenset):
        return sorted(_encode(v) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    raise TypeError(f"cannot store {type(value).__name__} in approved minutes")


def _decode(kind: Any, value: Any) -> Any:
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _decode(inner, value)
    if origin is tuple:
        return tuple(_decode(args[0], v) for v in _list(value))
    if origin is frozenset:
        return frozenset(_decode(args[0], v) for v in _list(value))
    if kind is AbsentMember and isinstance(value, str):  # stored before the flag
        return AbsentMember(value)
    if dataclasses.is_dataclass(kind):
        return _decode_dataclass(kind, value)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return _converted(kind, kind, value)
    if kind in (date, time):
        return _converted(kind, kind.fromisoformat, _typed(str, value))
    if kind is bytes:
        try:
            return base64.b64decode(_typed(str, value), validate=True)
        except binascii.Error as error:
            raise ValueError(f"bad base64 in approved minutes: {error}") from None
    if kind in (str, int, bool):
        return _typed(kind, value)
    raise TypeError(f"cannot read {kind!r} from approved minutes")


def _decode_dataclass(kind: type, value: Any) -> Any:
    data = _typed(dict, value)
    fields = {f.name: f for f in dataclasses.fields(kind)}
    unknown = set(data) - set(fields)
    if unknown:
        raise ValueError(f"{kind.__name__} has no field {', '.join(sorted(unknown))}")
    hints = _type_hints(kind)
    try:
        return kind(**{name: _decode(hints[name], data[name]) for name in fields if name in data})
    except TypeError as error:  # a field without default is missing
        raise ValueError(f"{kind.__name__}: {error}") from None


@functools.cache
def _type_hints(kind: type) -> dict[str, Any]:
    """The field types of a dataclass of the document, worked out once per class: doing it
    anew for every record took seven tenths of the reading."""
    return typing.get_type_hints(kind)


def _list(value: Any) -> list[Any]:
    return _typed(list, value)


def _converted(kind: type, convert: Any, value: Any) -> Any:
    """``convert(value)``, a ``kind``; a refused value named by its kind, not by its text."""
    try:
        return convert(value)
    except ValueError:
        raise ValueError(f"not a valid {kind.__name__}: {_kind_of(value)}") from None


def _typed(kind: type, value: Any) -> Any:
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"expected {kind.__name__}, got {_kind_of(value)}")
    return value


def _kind_of(value: Any) -> str:
    """What ``value`` is, for a message that must not repeat stored text (names)."""
    if value is None or isinstance(value, bool | int | float):
        return repr(value)
    return f"{type(value).__name__} of length {len(value)}"
