"""Start a GUI process and quit: ``bare``, ``shown DATABASE`` or ``ready DATABASE``.

Used by ``test_startup_benchmark.py``. Each run is a fresh process, so imports and the
``QApplication`` are inside the measured time. ``shown`` quits as soon as the main
window is on screen (what the user sees first); ``ready`` quits once the database is
open and the window shows the council's figures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> None:
    from PySide6.QtCore import QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    if sys.argv[1] == "bare":
        app = QApplication(sys.argv[:1])
        window = QMainWindow()
        window.resize(1200, 780)
        window.show()
        QTimer.singleShot(0, app.quit)
        app.exec()
        return
    from expertenrat.app import Session, create_application
    from expertenrat.ui.main_window import MainWindow

    app = create_application(sys.argv[:1])
    folder = Path(tempfile.mkdtemp())
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    session = Session(MainWindow(settings, folder / "log.txt"))
    session.window.show()
    if sys.argv[1] == "ready":
        QTimer.singleShot(0, lambda: (session.open(sys.argv[2]), app.quit()))
    else:
        QTimer.singleShot(0, app.quit)
    app.exec()
    session.close()


if __name__ == "__main__":
    main()
