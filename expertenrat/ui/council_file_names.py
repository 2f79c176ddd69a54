"""Suggested file names that name the council where the database holds several."""

from __future__ import annotations

from contextlib import suppress

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.file_formats import cut_file_name, file_system_words
from expertenrat.services.settings import SettingsService


def council_file_name(settings: SettingsService, council_id: int | None, name: str) -> str:
    """ "DBR Görlitz – Einladung 2. Sitzung 2026-12-10.pdf" beside the Jugendbeirat's
    "Jugendbeirat Görlitz – Einladung …" (see ``SettingsService.file_label``); ``name`` as
    it is with one council, or where the council cannot be read just now (the file dialog
    still opens: the name is only a proposal). What a file system refuses, as a member's or
    meeting's title may hold it ("Klausur: …", "A/B"), is left out; a name too long for a
    path on Windows (a guest's name of 200 characters in an Auskunft's) is cut before its
    ending (found by a tester)."""
    label = ""
    if council_id is not None:
        with suppress(ExpertenratError):  # the name alone
            label = settings.file_label(council_id)
    return cut_file_name(file_system_words(f"{label} – {name}" if label else name))
