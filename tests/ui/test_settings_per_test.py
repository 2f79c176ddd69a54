"""Each test has a ``QSettings()`` of its own: Qt takes the folder of the default settings
once per process, so a key one test set (the daily backup's folder, found set to a
"Netzlaufwerk" of an earlier test) was read by every later test of the same worker."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QSettings

KEY = "test/left_by_an_earlier_test"


def test_a_key_set_here(qapp):
    QSettings().setValue(KEY, "gesetzt")
    QSettings().sync()
    assert Path(QSettings().fileName()).is_relative_to(os.environ["HOME"])


def test_is_not_seen_by_the_next_test(qapp):
    assert QSettings().value(KEY) is None
    assert Path(QSettings().fileName()).is_relative_to(os.environ["HOME"])
