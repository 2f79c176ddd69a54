"""What the minutes autosave offers and tells beside saving: changes another PC made in other
fields of a record are merged without asking (:func:`merged_payload`; the same field
changed on both sides is a question, :mod:`ui.minutes_text_conflict`), and text the
recovery file has that the database lacks after a crash is offered, the texts side by side
(take it / discard it). Nothing is decided silently.

Text no save can store any more (its minutes approved, or its agenda item or the whole
meeting deleted, perhaps on another PC) is shown once with the reason and the text to copy,
and only then dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.minutes import Minutes
from expertenrat.ui.autosave import Autosave
from expertenrat.ui.autosave_recovery import RecoveryEntry
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_header_form import header_payload
from expertenrat.ui.minutes_item_form import texts_payload
from expertenrat.ui.minutes_item_list import header_key, item_key

_CONTEXT = "MinutesEditor"


def stored_payloads(minutes: Minutes) -> dict[str, dict]:
    """What the database holds of ``minutes``, as the autosave keys and payloads."""
    stored = {header_key(minutes.meeting_id): header_payload(minutes.header)}
    stored.update({item_key(i.item_id): texts_payload(i.texts) for i in minutes.items})
    return stored


def merged_payload(base: dict | None, mine: dict, theirs: dict) -> dict | None:
    """Both changes of a record saved elsewhere meanwhile, when they are in different
    fields (the discussion typed here, the resolution there): each field as the side that
    changed it has it. None where both changed one field differently (a question), or
    without the ``base`` the editor started from."""
    if base is None or mine.keys() != theirs.keys():
        return None
    merged = {}
    for name, my in mine.items():
        old, their = base.get(name), theirs[name]
        if my in (their, old):
            merged[name] = their
        elif their == old:
            merged[name] = my
        else:
            return None
    return merged


class MinutesOffers:
    def __init__(
        self,
        parent: QWidget,
        dialogs: DialogService,
        autosave: Autosave,
        minutes: Callable[[], Minutes | None],
        describer: Callable[[str], Callable[[dict], str]],
        label_of: Callable[[str], str],
        show_payload: Callable[[str, dict], None],
    ) -> None:
        """``minutes()`` are the minutes shown; ``describer(key)`` renders a payload readably;
        ``show_payload`` shows a chosen payload in the editor if its record is the one shown."""
        self._parent = parent
        self._dialogs = dialogs
        self._autosave = autosave
        self._minutes = minutes
        self._describer = describer
        self._label_of = label_of
        self._show_payload = show_payload
        self._offered: set[str] = set()  # recovered keys asked about and not answered yet
        self._telling: set[str] = set()  # keys whose unsaveable text is shown now
        self._held = False  # the start's question about kept text is open

    def hold(self) -> None:
        """The start's question about kept minutes text is open (:mod:`recovery_notice`):
        offer no recovered text meanwhile, which would ask about the same text twice."""
        self._held = True

    def release(self) -> None:
        """The start's question is answered: offer what was held back for the minutes shown."""
        self._held = False
        self.offer_recovered()

    def offer_recovered(self) -> None:
        """Offer recovered text of the minutes shown that differs from what the database
        holds; text the database has already is dropped quietly, text of approved (frozen)
        minutes after it was shown, and so is text of an agenda item of the meeting that is
        gone (deleted meanwhile). Nothing while the start's question is open (:meth:`hold`)."""
        minutes = self._minutes()
        if minutes is None or self._held:
            return
        stored, frozen, meeting_id = stored_payloads(minutes), minutes.frozen, minutes.meeting_id
        autosave = self._autosave
        for entry in autosave.recovery.entries():
            key = entry.key
            if (
                entry.meta.get("meeting_id") == meeting_id
                and key.startswith("item:")
                and key not in stored
                and key not in self._telling
                and autosave.unsaved_payload(key) is None
            ):
                self._recovered_of_deleted(entry)
                continue
            if key not in stored or key in self._offered:
                continue
            if autosave.unsaved_payload(key) is not None:
                continue  # typed in this run: the autosave is on it
            if frozen and entry.payload != stored[key]:
                if key not in self._telling:
                    self._show_unsaveable(entry)
                continue
            if entry.payload == stored[key]:
                autosave.discard(entry)
                continue
            self._offered.add(key)
            self._offer(entry, stored[key])

    def _show_unsaveable(self, entry: RecoveryEntry) -> None:
        """Text kept for minutes approved meanwhile (perhaps on another PC) can no longer be
        saved: it is shown once, to copy, and dropped once the message is closed (before, at
        once: a program ended with the message open lost it)."""
        label = entry.meta.get("label") or self._label_of(entry.key)
        self._tell_unsaveable(
            entry.key,
            tr(
                _CONTEXT,
                "Für „{label}“ gibt es Text vom {when}, der nicht in der Datenbank steht. "
                "Das Protokoll ist inzwischen genehmigt und kann nicht mehr geändert werden "
                "(eine Berichtigung ist nur als Nachtrag im Protokoll einer späteren Sitzung "
                "möglich), deshalb wird der Text nicht gespeichert.",
            ).format(label=label, when=german_time(entry.written_at)),
            entry.payload,
            lambda: self._autosave.discard(entry),
        )

    def deleted(
        self, key: str, payload: dict, label: str, then: Callable[[], None] = lambda: None
    ) -> None:
        """Text typed here could not be saved because its agenda item was deleted meanwhile
        (on another PC): shown with the text to copy; dropped once the message is closed,
        and ``then`` called."""
        self._tell_gone(
            key,
            tr(
                _CONTEXT,
                "„{label}“ wurde inzwischen an einem anderen Arbeitsplatz gelöscht, während "
                "Sie hier Text dazu geschrieben haben. Der Text kann deshalb nicht mehr "
                "gespeichert werden.",
            ).format(label=label),
            payload,
            then,
        )

    def meeting_deleted(
        self, key: str, payload: dict, then: Callable[[], None] = lambda: None
    ) -> None:
        """The Kopfdaten typed here could not be saved because the whole meeting was deleted
        meanwhile (on another PC): shown as :meth:`deleted` shows an item's text."""
        self._tell_gone(
            key,
            tr(
                _CONTEXT,
                "Die Sitzung wurde inzwischen an einem anderen Arbeitsplatz gelöscht, während "
                "Sie hier die Kopfdaten ihres Protokolls bearbeitet haben. Der Text kann "
                "deshalb nicht mehr gespeichert werden.",
            ),
            payload,
            then,
        )

    def _tell_gone(self, key: str, text: str, payload: dict, then: Callable[[], None]) -> None:
        """What was typed for ``key`` cannot be saved, its record gone: told once (not again
        while the message is open); the autosave drops it once the message is closed."""
        if key in self._telling:
            return
        self._tell_unsaveable(key, text, payload, lambda: (self._autosave.drop(key), then()))

    def _recovered_of_deleted(self, entry: RecoveryEntry) -> None:
        if not any(str(text).strip() for text in entry.payload.values()):
            self._autosave.discard(entry)  # nothing typed that could be lost
            return
        label = entry.meta.get("label") or entry.key
        self._tell_unsaveable(
            entry.key,
            tr(
                _CONTEXT,
                "Für „{label}“ gibt es Text vom {when}, der nicht in der Datenbank steht. "
                "Der Tagesordnungspunkt wurde inzwischen gelöscht, vielleicht an einem "
                "anderen Arbeitsplatz, deshalb kann der Text nicht mehr gespeichert werden.",
            ).format(label=label, when=german_time(entry.written_at)),
            entry.payload,
            lambda: self._autosave.discard(entry),
        )

    def _tell_unsaveable(
        self, key: str, reason: str, payload: dict, drop: Callable[[], None]
    ) -> None:
        """The text stays in the recovery file until the user has closed the message."""
        self._telling.add(key)

        def closed() -> None:
            self._telling.discard(key)
            drop()

        self._dialogs.warning(
            self._parent,
            tr(_CONTEXT, "Text kann nicht gespeichert werden"),
            reason
            + " "
            + tr(
                _CONTEXT,
                "Sie finden ihn unter „Details einblenden …“ zum Kopieren; er wird verworfen, "
                "sobald Sie diese Meldung schließen.",
            ),
            self._describer(key)(payload),
            on_closed=closed,
        )

    def _offer(self, entry: RecoveryEntry, stored: dict) -> None:
        describe = self._describer(entry.key)
        label = entry.meta.get("label") or self._label_of(entry.key)

        def adopt() -> None:
            self._offered.discard(entry.key)
            self._autosave.adopt(entry)
            self._show_payload(entry.key, entry.payload)

        def discard() -> None:
            self._offered.discard(entry.key)
            self._autosave.discard(entry)

        self._dialogs.choose_text(
            self._parent,
            tr(_CONTEXT, "Ungesicherten Text gefunden"),
            tr(
                _CONTEXT,
                "Für „{label}“ gibt es Text vom {when}, der nicht in der Datenbank steht – "
                "vermutlich wurde das Programm unerwartet beendet. Welche Fassung soll gelten?",
            ).format(label=label, when=german_time(entry.written_at)),
            (
                tr(_CONTEXT, "Wiederhergestellter Text"),
                describe(entry.payload),
                tr(_CONTEXT, "Wiederhergestellten Text übernehmen"),
            ),
            (tr(_CONTEXT, "In der Datenbank"), describe(stored), tr(_CONTEXT, "Verwerfen")),
            adopt,
            discard,
        )


def german_time(iso: str) -> str:
    """ "2026-11-30T16:42:05" → "30.11.2026, 16:42"."""
    day, _, clock = iso.partition("T")
    parts = day.split("-")
    return f"{parts[2]}.{parts[1]}.{parts[0]}, {clock[:5]}" if len(parts) == 3 else iso
