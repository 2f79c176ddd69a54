"""A minutes editor in a process of its own, for the crash test: it types and then waits.

    python minutes_typing_process.py DATABASE_FILE MEETING_ID ITEM_ID TEXT

Builds the real Protokoll tab on the database, shows the item, types ``TEXT`` into its
discussion with QTest (key by key), prints "typed" and then runs the event loop until it
is killed. The parent test sends SIGKILL: no flush, no clean shutdown.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from expertenrat.services.context import Services
from expertenrat.store.database_opening import open_database
from expertenrat.store.engine import database_url
from expertenrat.ui.minutes_editor import MinutesEditor
from expertenrat.ui.minutes_item_list import item_key


class _NoDialogs:
    """Nothing may ask the user anything in this process."""

    def __getattr__(self, name: str):
        raise AssertionError(f"the typing process was asked for a dialog: {name}")


def main(path: str, meeting_id: int, item_id: int, text: str) -> None:
    app = QApplication([])
    services = Services.create(open_database(database_url(path)), "Tippender Prozess")
    editor = MinutesEditor(services, _NoDialogs())  # type: ignore[arg-type]
    editor.resize(1000, 700)
    editor.show()
    editor.set_meeting(meeting_id)
    editor.items.select_key(item_key(item_id))
    field = editor.item_form.discussion_edit
    field.setFocus()
    QTest.keyClicks(field, text)
    print("typed", flush=True)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
