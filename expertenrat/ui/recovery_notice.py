"""At start: minutes text that was typed but never reached the database is not left
waiting until someone happens to open that meeting's Protokoll tab.

The autosave's recovery files (:mod:`autosave_recovery`), if this PC keeps any, are
compared with the minutes in the database in the worker (:mod:`worker`) once the window is
filled, so a slow server never holds up the start; if one holds text that the database
lacks, the user is asked whether to open the meeting's minutes now, where the editor
offers each text side by side with the stored one (:class:`minutes_offers.MinutesOffers`).
Files whose text the database has already are left to the editor, which drops them
quietly; so are files of minutes approved meanwhile, whose text the editor shows once (to
copy) before it drops them. Text of an agenda item deleted meanwhile is asked about, as the
editor shows it once (to copy) too.

One dialog per text: minutes the Protokoll tab shows already (opened before the look
ended) are left to the tab's own offer and not named in the question; while the question is
open, the tab offers nothing, and once it is answered the tab offers what it held back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import CouncilChoice
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.minutes import Minutes
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.services.context import Services
from expertenrat.ui.autosave_recovery import RecoveryEntry, RecoveryStore
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_offers import stored_payloads
from expertenrat.ui.worker import Job

_CONTEXT = "RecoveryNotice"
log = logging.getLogger(__name__)


def meetings_with_unsaved_text(services: Services, store: RecoveryStore) -> list[Minutes]:
    """The minutes, in meeting order, for which a recovery file differs from the database."""
    by_meeting: dict[int, list] = {}
    for entry in store.entries():
        meeting_id = entry.meta.get("meeting_id")
        if isinstance(meeting_id, int):
            by_meeting.setdefault(meeting_id, []).append(entry)
    found = []
    for meeting_id, entries in by_meeting.items():
        try:
            minutes = services.minutes.minutes(meeting_id)
        except ExpertenratError:
            continue  # the meeting is gone or not held any more: nothing to offer
        stored = stored_payloads(minutes)
        if not minutes.frozen and any(_unsaved(e, stored) for e in entries):
            found.append(minutes)
    return sorted(found, key=lambda m: (m.meeting_day, m.meeting_id))


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
            meetings_with_unsaved_text(services, store),
            services.settings.councils(),
        ),
        parent,
        daemon=True,
    )
    job.finished.connect(
        lambda result: _ask(*result, dialogs, parent, open_target, minutes_editor())
    )
    job.failed.connect(lambda message: log.warning("Unsaved minutes not checked: %s", message))
    job.start()
    return job


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
