"""Reading the cells of a members file that name the council's own things: a role by the
council's role titles (:class:`RoleCells`) and action fields by their names
(:class:`ActionFieldCells`). Each raises ``ValueError`` with the German message of a cell
it cannot read, as the readers of :mod:`expertenrat.exchange.member_cells` do.
"""

from __future__ import annotations

import re
import unicodedata

from expertenrat.domain.councils import RoleTitles
from expertenrat.domain.enums import MemberRole
from expertenrat.exchange.member_cells import cell_text, read_choice, shown
from expertenrat.exchange.member_columns import HEADERS, Cell, german_list

_FIELD_SPLIT = re.compile(r"([|;,\n])")
# an office held before: "Vorsitzender a. D.", "ehem. Vorsitzende", "ehemaliges Mitglied"
_FORMER_OFFICE = re.compile(r"\ba\.\s?d\b|\behem|\bfrüher|\balt-", re.IGNORECASE)
_GENDER_MARKS = re.compile(r"[*:_·/()]|-(?=in)")


def _name_key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def _title_key(text: str) -> str:
    """A role title without its gender forms: "Sprecher*in", "Sprecher:in", "Sprecherin"
    and "Sprecher" alike, "Stellvertretende*r" and "Stellvertretende" alike."""
    words = _GENDER_MARKS.sub("", _name_key(text)).split()
    return " ".join(re.sub(r"r$", "", re.sub(r"(?:innen|in)$", "", w)) for w in words)


class RoleCells:
    """Reads the role column by the council's own role titles."""

    def __init__(self, titles: RoleTitles) -> None:
        # the council's own titles of chair and vice chair, as its export writes them
        self._titles = {
            titles.chair.strip().casefold(): MemberRole.CHAIR,
            titles.vice_chair.strip().casefold(): MemberRole.VICE_CHAIR,
        }
        # and in another gender form, as a list writes it for the person ("Sprecherin",
        # "Sprecher" for "Sprecher*in"), where that still tells the two apart
        by_key = {_title_key(titles.of(role)): role for role in MemberRole}
        self._title_keys = {k: r for k, r in by_key.items() if r is not MemberRole.MEMBER}
        if len(by_key) < len(MemberRole):  # two alike
            self._title_keys = {}
        self._role_list = ", ".join(titles.of(role) for role in MemberRole)

    def read(self, cell: Cell) -> object:
        """A role by the council's title ("Sprecher*in", also "Sprecherin" or "Sprecher"),
        else as :func:`read_choice`."""
        text = cell_text(cell)
        found = self._titles.get(text.strip().casefold()) or self._title_keys.get(_title_key(text))
        if found is not None:
            return found
        if _FORMER_OFFICE.search(text):  # was read as the office held now (found by a tester)
            raise ValueError(
                f"{HEADERS['role']} „{shown(text)}“ nennt ein früheres Amt. Bitte tragen Sie "
                f"die damalige Rolle ein ({self._role_list}) und ihr Ende unter „Amtszeit Ende“."
            )
        try:
            return read_choice(HEADERS["role"], MemberRole, cell)
        except ValueError:
            raise ValueError(
                f"{HEADERS['role']} „{shown(text)}“ ist unbekannt (möglich: {self._role_list})."
            ) from None


class ActionFieldCells:
    """Reads the columns of the primary and the further action fields by the names of the
    council's action fields (``field_ids``: name to id)."""

    def __init__(self, field_ids: dict[str, int]) -> None:
        self._fields = {_name_key(name): fid for name, fid in field_ids.items()}
        self._field_list = ", ".join(field_ids) or "(keine)"
        self._max_parts = 1 + max((len(_FIELD_SPLIT.findall(n)) for n in field_ids), default=0)

    def read_primary(self, cell: Cell) -> int | None:
        text = cell_text(cell)
        if not text.strip():
            return None
        found_id = self._fields.get(_name_key(text))
        if found_id is None:
            raise ValueError(self._unknown_field(HEADERS["primary_field_id"], [text.strip()]))
        return found_id

    def read_further(self, cell: Cell) -> tuple[int, ...]:
        ids, unknown = self._match_fields(cell_text(cell))
        if unknown:
            raise ValueError(self._unknown_field(HEADERS["further_field_ids"], unknown))
        return tuple(dict.fromkeys(ids))

    def _unknown_field(self, header: str, names: list[str]) -> str:
        which = german_list([shown(n) for n in names])
        kind = "Das Handlungsfeld" if len(names) == 1 else "Die Handlungsfelder"
        return f"{header}: {kind} {which} gibt es nicht (vorhanden: {self._field_list})."

    def _match_fields(self, text: str) -> tuple[list[int], list[str]]:
        """Split at separators, preferring the longest run of pieces that is a known name."""
        parts = _FIELD_SPLIT.split(text)
        count = (len(parts) + 1) // 2
        ids: list[int] = []
        unknown: list[str] = []
        i = 0
        while i < count:
            for j in range(min(count, i + self._max_parts), i, -1):
                found = self._fields.get(_name_key("".join(parts[2 * i : 2 * j - 1])))
                if found is not None:
                    ids.append(found)
                    i = j
                    break
            else:
                if parts[2 * i].strip():
                    unknown.append(parts[2 * i].strip())
                i += 1
        return ids, unknown
