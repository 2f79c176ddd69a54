"""The content snapshot of a meeting's minutes, its fingerprint, and a readable diff.

Every circulated or approved version of the minutes keeps a snapshot of what the minutes
said at that moment: the header (times, chair, minute-taker, the opening statements) and per
agenda item its number, title, publicity, texts, votes and the recommendations adopted in
it as the minutes print them (code, kind, title, projects addressed, action field, text: a
recommendation changed in the register after the minutes went out changes the minutes). The
snapshot is stored as JSON with a fixed key order and no insignificant
white space, so the same content always gives the same text and the same SHA-256: the
fingerprint printed on the approved PDF.

The diff compares two snapshots item by item (matched by the item's id, else its number)
and names only what changed, with German labels, the way a reader checks what an accepted
objection changed between the circulated and the approved minutes.

Versions stored before the snapshot kept the recommendations' content hold only their codes
(and versions stored before it kept the attendance hold none). What a version did not record
is not compared: such a version is "changed" by an added or dropped recommendation, not by
the wording of one it names only by its code, and the diff says nothing about that wording.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from expertenrat.domain.enums import VoteMode
from expertenrat.domain.votes import vote_outcome


@dataclass(frozen=True, slots=True)
class VoteSnapshot:
    subject: str = ""
    mode: str = VoteMode.COUNTED.value
    yes: int = 0
    no: int = 0
    abstain: int = 0
    recused: int = 0
    adopted: bool = False


@dataclass(frozen=True, slots=True)
class RecommendationSnapshot:
    """A recommendation adopted in an item, as the minutes print it. One of a version stored
    before the content was kept holds only its ``code`` (:attr:`content_kept` is false)."""

    code: str
    kind: str = ""  # "Empfehlung", "Impuls"
    title: str = ""
    text: str = ""
    projects: tuple[str, ...] = ()  # the titles of the projects addressed, as printed
    action_field: str = ""

    @property
    def content_kept(self) -> bool:
        return bool(self.kind)  # every kept recommendation has its kind's label

    def printed(self) -> str:
        """The recommendation as the minutes print it: "E-2026-03 – Empfehlung: Titel", the
        projects and the action field, the text."""
        if not self.content_kept:
            return self.code
        facts = [
            f"{'Projekte' if len(self.projects) > 1 else 'Projekt'}: {'; '.join(self.projects)}"
            if self.projects
            else "",
            f"Handlungsfeld: {self.action_field}" if self.action_field else "",
        ]
        lines = [f"{self.code} – {self.kind}: {self.title}", " · ".join(f for f in facts if f)]
        return "\n".join(line for line in [*lines, self.text.strip()] if line)


@dataclass(frozen=True, slots=True)
class ItemSnapshot:
    item_id: int | None
    number: str
    title: str
    public: bool = True
    discussion: str = ""
    motion: str = ""
    resolution: str = ""
    result: str = ""
    votes: tuple[VoteSnapshot, ...] = ()
    recommendations: tuple[RecommendationSnapshot, ...] = ()  # by code


@dataclass(frozen=True, slots=True)
class HeaderSnapshot:
    opened_at: str = ""  # "16:05", wall clock
    closed_at: str = ""
    chair: str = ""
    minute_taker: str = ""
    agenda_approved: bool = False
    agenda_changes: str = ""
    quorum_noted: bool = False
    # Who was there, one line each for present (with partial attendance), excused, absent
    # and guests. Versions stored before attendance was kept read as "" here.
    attendance: str = ""


@dataclass(frozen=True, slots=True)
class MinutesSnapshot:
    header: HeaderSnapshot = field(default_factory=HeaderSnapshot)
    items: tuple[ItemSnapshot, ...] = ()


# --- JSON and fingerprint -------------------------------------------------------------


def snapshot_json(snapshot: MinutesSnapshot) -> str:
    """The snapshot as canonical JSON: sorted keys, no spaces, text as typed (UTF-8)."""
    return json.dumps(asdict(snapshot), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def parse_snapshot(text: str) -> MinutesSnapshot:
    """The snapshot stored as ``text`` (``""``: empty minutes)."""
    if not text:
        return MinutesSnapshot()
    data: dict[str, Any] = json.loads(text)
    items = tuple(
        ItemSnapshot(
            **{
                **raw,
                "votes": tuple(VoteSnapshot(**vote) for vote in raw.get("votes", ())),
                "recommendations": tuple(
                    _parse_recommendation(r) for r in raw.get("recommendations", ())
                ),
            }
        )
        for raw in data.get("items", ())
    )
    return MinutesSnapshot(HeaderSnapshot(**data.get("header", {})), items)


def _parse_recommendation(raw: str | dict[str, Any]) -> RecommendationSnapshot:
    if isinstance(raw, str):  # stored before the content was kept: the code alone
        return RecommendationSnapshot(raw)
    return RecommendationSnapshot(**{**raw, "projects": tuple(raw.get("projects", ()))})


def same_content(stored: str, live: MinutesSnapshot) -> bool:
    """Whether the minutes ``live`` say what the version ``stored`` says. A version stored
    before the snapshot kept the attendance is compared without it, one stored before it
    kept the recommendations' content by their codes alone: it is not "changed" by what it
    never recorded."""
    if not stored:
        return live == MinutesSnapshot()
    kept = parse_snapshot(stored)
    if "attendance" not in json.loads(stored).get("header", {}):
        live = replace(live, header=replace(live.header, attendance=""))
    if any(not r.content_kept for item in kept.items for r in item.recommendations):
        live = replace(
            live,
            items=tuple(
                replace(
                    item,
                    recommendations=tuple(
                        RecommendationSnapshot(r.code) for r in item.recommendations
                    ),
                )
                for item in live.items
            ),
        )
    return kept == live


def fingerprint(content: str) -> str:
    """The SHA-256 (hex) of a stored snapshot: the same content, the same fingerprint."""
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def pdf_fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_pdf_intact(data: bytes | None, digest: str | None) -> bool | None:
    """Whether a stored approved PDF still is what was approved: the bytes there and
    matching their SHA-256. ``None``: none was stored (minutes approved before the app
    stored their PDFs: neither bytes nor SHA-256)."""
    if data is None and digest is None:
        return None
    return data is not None and pdf_fingerprint(data) == digest


# --- readable diff ----------------------------------------------------------------------

HEADER_LABELS = {
    "opened_at": "Beginn",
    "closed_at": "Ende",
    "chair": "Sitzungsleitung",
    "minute_taker": "Protokollführung",
    "agenda_approved": "Tagesordnung genehmigt",
    "agenda_changes": "Änderungen der Tagesordnung",
    "quorum_noted": "Beschlussfähigkeit festgestellt",
    "attendance": "Anwesenheit",
}
ITEM_LABELS = {
    "number": "Nummer",
    "title": "Titel",
    "public": "Öffentlich",
    "discussion": "Wesentlicher Inhalt",
    "motion": "Anträge",
    "resolution": "Beschluss",
    "result": "Ergebnis",
    "votes": "Abstimmungen",
    "recommendations": "Empfehlungen",
}


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One changed field: its German label and the lines removed ("-") and added ("+")."""

    label: str
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ItemChange:
    """A changed item: "geändert", "neu" or "entfallen", with its changed fields."""

    heading: str  # "TOP 3 Beratung: Offene Daten"
    kind: str
    fields: tuple[FieldChange, ...] = ()


@dataclass(frozen=True, slots=True)
class MinutesDiff:
    header: tuple[FieldChange, ...] = ()
    items: tuple[ItemChange, ...] = ()

    @property
    def empty(self) -> bool:
        return not self.header and not self.items

    def text(self) -> str:
        """The diff as plain German text, one block per changed part."""
        if self.empty:
            return "Keine inhaltlichen Unterschiede."
        blocks = []
        if self.header:
            blocks.append(_block("Kopf des Protokolls", self.header))
        for item in self.items:
            blocks.append(_block(f"{item.heading} ({item.kind})", item.fields))
        return "\n\n".join(blocks)


def diff_snapshots(old: MinutesSnapshot, new: MinutesSnapshot) -> MinutesDiff:
    """What changed from ``old`` to ``new``: only changed items and fields."""
    header = tuple(
        _field_change(label, getattr(old.header, name), getattr(new.header, name))
        for name, label in HEADER_LABELS.items()
        if getattr(old.header, name) != getattr(new.header, name)
        # A version stored before attendance was kept did not record it: not a change.
        and not (name == "attendance" and not old.header.attendance)
    )
    old_items = {_match_key(item): item for item in old.items}
    new_keys = {_match_key(item) for item in new.items}
    changes: list[ItemChange] = []
    for item in new.items:
        before = old_items.get(_match_key(item))
        if before is None:
            changes.append(
                ItemChange(_heading(item), "neu", _item_fields(ItemSnapshot(None, "", ""), item))
            )
        elif before != item:
            fields = _item_fields(before, item)
            if fields:
                changes.append(ItemChange(_heading(item), "geändert", fields))
    for item in old.items:
        if _match_key(item) not in new_keys:
            changes.append(ItemChange(_heading(item), "entfallen"))
    return MinutesDiff(header, tuple(changes))


def vote_line(vote: VoteSnapshot) -> str:
    """ "Antrag X: Ja 7 · Nein 1 · Enthaltung 1 · befangen 0 – angenommen"."""
    mode = VoteMode(vote.mode)
    outcome = vote_outcome(mode, vote.adopted)
    if mode is VoteMode.COUNTED:
        line = (
            f"Ja {vote.yes} · Nein {vote.no} · Enthaltung {vote.abstain} · befangen {vote.recused}"
            f" – {outcome}"
        )
    else:
        line = outcome if mode is VoteMode.UNANIMOUS else mode.label
    return f"{vote.subject}: {line}" if vote.subject else line


def _match_key(item: ItemSnapshot) -> tuple[str, object]:
    return ("id", item.item_id) if item.item_id is not None else ("number", item.number)


def _heading(item: ItemSnapshot) -> str:
    return f"TOP {item.number} {item.title}".strip()


def _item_fields(old: ItemSnapshot, new: ItemSnapshot) -> tuple[FieldChange, ...]:
    found: list[FieldChange] = []
    for name, label in ITEM_LABELS.items():
        before, after = getattr(old, name), getattr(new, name)
        if before == after:
            continue
        if name == "recommendations":
            found += _recommendation_changes(before, after)
        else:
            found.append(_field_change(label, _shown(name, before), _shown(name, after)))
    return tuple(found)


def _recommendation_changes(
    old: tuple[RecommendationSnapshot, ...], new: tuple[RecommendationSnapshot, ...]
) -> list[FieldChange]:
    """One change per recommendation added, dropped or changed ("Empfehlung E-2026-03"),
    matched by code. One of which a version kept only the code is changed only by its
    dropping: what that version did not record cannot be compared."""
    before, after = {r.code: r for r in old}, {r.code: r for r in new}
    changes = []
    for code in sorted(before.keys() | after.keys()):
        was, now = before.get(code), after.get(code)
        label = f"{(now or was).kind or 'Empfehlung'} {code}"  # type: ignore[union-attr]
        if now is None:
            lines = [f"- {line}" for line in was.printed().splitlines()]  # type: ignore[union-attr]
        elif was is None:
            lines = [f"+ {line}" for line in now.printed().splitlines()]
        elif was == now or not (was.content_kept and now.content_kept):
            continue
        else:
            lines = _changed_lines(was.printed(), now.printed())
        changes.append(FieldChange(label, tuple(lines)))
    return changes


def _shown(name: str, value: object) -> object:
    if name == "votes":
        return "\n".join(vote_line(v) for v in value)  # type: ignore[attr-defined]
    return value


def _field_change(label: str, old: object, new: object) -> FieldChange:
    return FieldChange(label, tuple(_changed_lines(_as_text(old), _as_text(new))))


def _as_text(value: object) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nein"
    return str(value)


# A changed line longer than this shows only the words changed, with a few around them.
LONG_LINE = 200
_CONTEXT_WORDS = 6


def _changed_lines(old: str, new: str) -> list[str]:
    """The removed and added lines (difflib), "(leer)" for an empty text. A long line (a
    paragraph of the discussion) changed in a few words shows only those, in their
    context: two copies of 20,000 characters would hide what differs between them."""
    if not old:
        return [f"+ {line}" for line in new.splitlines() or ["(leer)"]]
    if not new:
        return [f"- {line}" for line in old.splitlines()] + ["+ (leer)"]
    before, after = old.splitlines(), new.splitlines()
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        if tag == "replace" and i2 - i1 == j2 - j1:
            for removed, added in zip(before[i1:i2], after[j1:j2], strict=True):
                lines += _changed_words(removed, added)
            continue
        lines += [f"- {line}" for line in before[i1:i2]]
        lines += [f"+ {line}" for line in after[j1:j2]]
    return lines


def _changed_words(old: str, new: str) -> list[str]:
    """One changed line: whole where it is short, else each changed run of words with
    the words around it ("- … Datenschutz, Betrieb und …", "+ … Datenschutz,
    Barrierefreiheit, Betrieb und …")."""
    if len(old) <= LONG_LINE and len(new) <= LONG_LINE:
        return [f"- {old}", f"+ {new}"]
    before, after = old.split(" "), new.split(" ")
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            lines += [f"- {_excerpt(before, i1, i2)}", f"+ {_excerpt(after, j1, j2)}"]
    return lines


def _excerpt(words: list[str], start: int, end: int) -> str:
    """``words[start:end]`` with a few words either side, "…" where the line goes on."""
    first, last = max(0, start - _CONTEXT_WORDS), min(len(words), end + _CONTEXT_WORDS)
    lead = "… " if first > 0 else ""
    tail = " …" if last < len(words) else ""
    return f"{lead}{' '.join(words[first:last])}{tail}"


def _block(heading: str, fields: tuple[FieldChange, ...]) -> str:
    lines = [heading]
    for change in fields:
        lines.append(f"  {change.label}:")
        lines.extend(f"    {line}" for line in change.lines)
    return "\n".join(lines)
