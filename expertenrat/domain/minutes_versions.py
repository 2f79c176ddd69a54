"""The content snapshot of a meeting's minutes and its fingerprint.

Every circulated or approved version of the minutes keeps a snapshot of what the minutes
said at that moment: the header (times, chair, minute-taker, the opening statements) and per
agenda item its number, title, publicity, texts, votes and the recommendations adopted in
it as the minutes print them (code, kind, title, projects addressed, action field, text: a
recommendation changed in the register after the minutes went out changes the minutes). The
snapshot is stored as JSON with a fixed key order and no insignificant
white space, so the same content always gives the same text and the same SHA-256: the
fingerprint printed on the approved PDF.

The readable diff of two snapshots is ``domain.minutes_diff``.

Versions stored before the snapshot kept the recommendations' content hold only their codes
(and versions stored before it kept the attendance hold none). What a version did not record
is not compared: such a version is "changed" by an added or dropped recommendation, not by
the wording of one it names only by its code, and the diff says nothing about that wording.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from expertenrat.domain.enums import AgendaItemOutcome, VoteMode


@dataclass(frozen=True, slots=True)
class VoteSnapshot:
    subject: str = ""
    mode: str = VoteMode.COUNTED.value
    yes: int = 0
    no: int = 0
    abstain: int = 0
    recused: int = 0
    adopted: bool = False
    # An election's counts and outcome as printed (elections.election_line); left out of
    # the JSON for other votes, so content stored before elections keeps its fingerprint.
    election: str = ""


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
    # Who was recused, as the minutes name them ("A (Grund); B"): a conflict declared after
    # the sending changes what they print. None: a version stored before they were kept.
    recused: str | None = ""
    # "vertagt", "abgesetzt"; left out of the JSON for an item dealt with, so content stored
    # before the outcome was kept keeps its fingerprint (a finished draft stays finished).
    outcome: str = AgendaItemOutcome.DISCUSSED.label


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
    """The snapshot as canonical JSON: sorted keys, no spaces, text as typed (UTF-8); an
    item's outcome only where it was not dealt with (see :class:`ItemSnapshot`)."""
    data = asdict(snapshot)
    for item in data["items"]:
        if item["outcome"] == AgendaItemOutcome.DISCUSSED.label:
            del item["outcome"]
        for vote in item["votes"]:
            if not vote["election"]:
                del vote["election"]
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


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
                "recused": raw.get("recused"),  # None: not kept yet
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
    kept the recused members without them, one stored before it kept the recommendations'
    content by their codes alone: it is not "changed" by what it never recorded."""
    if not stored:
        return live == MinutesSnapshot()
    kept = parse_snapshot(stored)
    if "attendance" not in json.loads(stored).get("header", {}):
        live = replace(live, header=replace(live.header, attendance=""))
    elif same_attendance(kept.header.attendance, live.header.attendance):
        live = replace(live, header=replace(live.header, attendance=kept.header.attendance))
    if any(item.recused is None for item in kept.items):
        live = replace(live, items=tuple(replace(item, recused=None) for item in live.items))
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


def same_attendance(old: str, new: str) -> bool:
    """Whether two attendance texts ("Anwesend: A; B\nEntschuldigt: C") name the same
    persons in the same groups, in whatever order: the order of names follows the name
    sort (``name_order``), and a version stored under an earlier sort is not changed by a
    newer one ("von Hohenzollern" once under V, now under H)."""
    return old == new or _attendance_groups(old) == _attendance_groups(new)


def _attendance_groups(text: str) -> list[tuple[str, list[str]]]:
    groups = []
    for line in text.split("\n"):
        label, colon, names = line.partition(": ")
        groups.append((label, sorted(names.split("; "))) if colon else (line, []))
    return groups


def fingerprint(content: str) -> str:
    """The SHA-256 (hex) of a stored snapshot: the same content, the same fingerprint."""
    return hashlib.sha256(content.encode("utf-8")).hexdigest()


def pdf_fingerprint(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def stored_pdf_intact(data: bytes | None, digest: str | None) -> bool | None:
    """Whether a stored approved PDF still is what was approved: the bytes there and
    matching their SHA-256. ``None``: none was stored (minutes approved before the app
    stored their PDFs: neither bytes nor SHA-256). Text where the bytes belong (a SQLite
    file edited by hand: its columns take any kind of value) is no intact PDF either; the
    check ended in a traceback over it (found by a tester)."""
    if data is None and digest is None:
        return None
    return isinstance(data, bytes) and pdf_fingerprint(data) == digest
