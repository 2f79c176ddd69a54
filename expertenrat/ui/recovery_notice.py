"""At start: minutes text that was typed but never reached the database is not left
waiting until someone happens to open that meeting's Protokoll tab.

The autosave's recovery files (:mod:`autosave_recovery`), if this PC keeps any, are
compared with the minutes in the database in the worker (:mod:`worker`) once the window is
filled, so a slow server never holds up the start; if one holds text that the database
lacks, the user is asked whether to open the meeting's minutes now, where the editor
offers each text side by side with the stored one (:class:`minutes_offers.MinutesOffers`).
Files whose text the database has already are dropped then (before, they stayed until
that meeting's Protokoll tab was opened: found by a tester), except those of the minutes
the tab shows, which its editor drops; files of minutes approved meanwhile are left to the
editor, which shows their text once (to copy) before it drops them. Text of an agenda item
deleted meanwhile is asked about, as the editor shows it once (to copy) too.

Text kept for a meeting that is gone (deleted, perhaps on another PC, after this PC was
ended with the text unsaved) has no Protokoll tab that could ever offer it: it is shown
once here, to copy, and dropped once the message is closed; kept "text" with nothing typed
is dropped quietly (found by a tester). Before, such files stayed on the PC for good. A
meeting that is only not held any more (its state changed) keeps its files: it may be
held again.

One dialog per text: minutes the Protokoll tab shows already (opened before the look
ended) are left to the tab's own offer and not named in the question; while the question is
open, the tab offers nothing, and once it is answered the tab offers what it held back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import CouncilChoice
from expertenrat.domain.errors import ExpertenratError, NotFoundError
from expertenrat.domain.minutes import Minutes
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.services.context import Services
from expertenrat.ui.autosave_recovery import RecoveryEntry, RecoveryStore
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_header_form import header_text
from expertenrat.ui.minutes_item_form import texts_text
from expertenrat.ui.minutes_offers import german_time, stored_payloads
from expertenrat.ui.worker import Job

_CONTEXT = "RecoveryNotice"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KeptText:
    """What the recovery files of this PC hold that the database lacks."""

    unsaved: list[Minutes]  # minutes, in meeting order, whose kept text differs
    of_deleted: list[RecoveryEntry]  # text kept for meetings that are gone
    saved: list[RecoveryEntry]  # text the database holds already


def kept_text(services: Services, store: RecoveryStore) -> KeptText:
    """The minutes for which a recovery file differs from the database, and the files of
    meetings that are gone."""
    by_meeting: dict[int, list] = {}
    for entry in store.entries():
        meeting_id = entry.meta.get("meeting_id")
        if isinstance(meeting_id, int):
            by_meeting.setdefault(meeting_id, []).append(entry)
    found, of_deleted, saved = [], [], []
    for meeting_id, entries in by_meeting.items():
        try:
            minutes = services.minutes.minutes(meeting_id)
        except NotFoundError:
            of_deleted.extend(entries)  # deleted: no tab can offer its text any more
            continue
        except ExpertenratError:
            continue  # not held any more (or the server is lost): nothing to offer now
        stored = stored_payloads(minutes)
        saved += [e for e in entries if stored.get(e.key) == e.payload]
        if not minutes.frozen and any(_unsaved(e, stored) for e in entries):
            found.append(minutes)
    found.sort(key=lambda m: (m.meeting_day, m.meeting_id))
    return KeptText(found, of_deleted, saved)


def _unsaved(entry: RecoveryEntry, stored: dict[str, dict]) -> bool:
    """Text the database lacks: other than stored, or typed for an agenda item of these
    minutes that is gone (the editor shows it once to copy)."""
    if entry.key in stored:
        return entry.payload != stored[entry.key]
    return entry.key.startswith("item:") and any(
        str(text).strip() for text in entry.payload.values()
    )


def offer_unsaved_minutes(
    services: Services,
    dialogs: DialogService,
    parent: QWidget,
    open_target: Callable[[Target], None],
    minutes_editor: Callable[[], MinutesEditor | None] = lambda: None,
) -> Job | None:
    """Look for meetings with unsaved minutes text in the worker, then ask whether to open
    the first (if there is one). Returns the running job, or None when no text is kept.
    ``minutes_editor``: the Protokoll tab as it is when the look has ended."""
    store = RecoveryStore.for_database(services.database.digest)
    if not store.has_files():
        return None
    # Only reads: a hung server must not keep the ending program alive (see worker).
    job = Job(
        lambda _progress: (
            kept_text(services, store),
            services.settings.councils(),
        ),
        parent,
        daemon=True,
    )

    def looked(kept: KeptText, councils: list[CouncilChoice]) -> None:
        _drop_saved(store, kept.saved, minutes_editor())
        _tell_deleted(
            store,
            kept.of_deleted,
            dialogs,
            parent,
            lambda: _ask(kept.unsaved, councils, dialogs, parent, open_target, minutes_editor()),
        )

    job.finished.connect(lambda result: looked(*result))
    job.failed.connect(lambda message: log.warning("Unsaved minutes not checked: %s", message))
    job.start()
    return job


def _drop_saved(
    store: RecoveryStore, entries: list[RecoveryEntry], editor: MinutesEditor | None
) -> None:
    """Remove the files whose text the database holds already, unless one changed since it
    was read (typed in this run) or is of the minutes the tab shows (its autosave's)."""
    shown = editor.shown_meeting_id() if editor is not None else None
    now = {e.key: e.payload for e in store.entries()} if entries else {}
    for entry in entries:
        if entry.meta.get("meeting_id") != shown and now.get(entry.key) == entry.payload:
            store.remove(entry.key, 0)


def _tell_deleted(
    store: RecoveryStore,
    entries: list[RecoveryEntry],
    dialogs: DialogService,
    parent: QWidget,
    then: Callable[[], None],
) -> None:
    """Show the text kept for deleted meetings once, to copy; drop it once the message is
    closed (a program ended with the message open shows it again at its next start); then
    go on with ``then``. Files with nothing typed are dropped at once."""
    typed = [e for e in entries if _typed(e)]
    for entry in entries:
        if entry not in typed:
            store.remove(entry.key, 0)
    if not typed:
        then()
        return

    def closed() -> None:
        for entry in typed:
            store.remove(entry.key, 0)
        then()

    dialogs.warning(
        parent,
        tr(_CONTEXT, "Text kann nicht gespeichert werden"),
        tr(
            _CONTEXT,
            "Auf diesem PC ist Protokolltext vom {when} aufbewahrt, der nicht in der "
            "Datenbank steht. Seine Sitzung wurde inzwischen gelöscht, vielleicht an einem "
            "anderen Arbeitsplatz, deshalb kann der Text nicht mehr gespeichert werden. Sie "
            "finden ihn unter „Details einblenden …“ zum Kopieren; er wird verworfen, sobald "
            "Sie diese Meldung schließen.",
        ).format(when=german_time(max(e.written_at for e in typed))),
        "\n\n".join(f"{e.meta.get('label') or e.key}:\n{_described(e)}" for e in typed),
        on_closed=closed,
    )


def _typed(entry: RecoveryEntry) -> bool:
    return any(isinstance(value, str) and value.strip() for value in entry.payload.values())


def _described(entry: RecoveryEntry) -> str:
    if entry.key.startswith("header:"):
        return header_text(entry.payload, {})
    return texts_text(entry.payload)


def _ask(
    found: list[Minutes],
    councils: list[CouncilChoice],
    dialogs: DialogService,
    parent: QWidget,
    open_target: Callable[[Target], None],
    editor: MinutesEditor | None,
) -> None:
    if editor is not None:  # the tab offers the minutes it shows itself
        found = [m for m in found if m.meeting_id != editor.shown_meeting_id()]
    if not found:
        return
    # Where the database holds several councils, each meeting with its council's name (the
    # window may show another council; "Ja" shows the meeting's).
    council_names = {c.id: f" ({c.name})" for c in councils} if len(councils) > 1 else {}
    names = ", ".join(
        f"{m.meeting_label} am {m.meeting_day:%d.%m.%Y}{council_names.get(m.council_id, '')}"
        for m in found
    )
    first = found[0]
    first_name = first.meeting_label + council_names.get(first.council_id, "")

    def answered() -> None:
        if editor is not None:
            editor.offers.release()

    def open_first() -> None:
        answered()
        open_target(
            Target(
                Area.MEETINGS,
                record_id=first.meeting_id,
                tab=MeetingTab.MINUTES,
                council_id=first.council_id,
            )
        )

    if editor is not None:
        editor.offers.hold()
    dialogs.question(
        parent,
        tr(_CONTEXT, "Ungesicherter Protokolltext"),
        tr(
            _CONTEXT,
            "Beim letzten Mal wurde Protokolltext nicht mehr gespeichert ({names}) – "
            "vermutlich wurde das Programm unerwartet beendet. Er ist auf diesem PC "
            "aufbewahrt. Jetzt das Protokoll der {first} öffnen, um ihn zu übernehmen "
            "oder zu verwerfen?",
        ).format(names=names, first=first_name),
        open_first,
        answered,
    )
