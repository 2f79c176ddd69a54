"""The names of a project's reminder files: the letter (.pdf) and the e-mail draft (.eml)
share a stem made of the project's title and the day ("Erinnerung-Klima-Portal-2026-06-01"),
told apart by a number where two titles make the same name; and which of them a folder
holds already. The reminders themselves: :mod:`expertenrat.services.recommendation_reminders`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.text_folding import transliterate


def file_stems(
    projects: Iterable[AddressedProject], on: date, council_label: str = ""
) -> dict[int, str]:
    """Per project id, the name (without suffix) of its letter and e-mail draft dated
    ``on``: "Erinnerung-Klima-Portal-2026-06-01". Titles that make the same name ("Klima
    Portal" and "Klima-Portal", two Arabic titles that are both "Projekt") are told apart
    by a number in the order of the projects' ids ("Klima-Portal-2"): one project's files
    never replace another's. ``projects`` are all whose reminders are due that day, so that
    a project's name does not depend on which of them are chosen. ``council_label``: the
    council's where the database holds several (``SettingsService.file_label``), first
    ("Digitalbeirat-Erinnerung-Klima-Portal-2026-06-01"), as two councils of a city may
    advise a project of the same title, whose reminders of one day took each other's
    place (found by a tester)."""
    council = f"{file_part(council_label)}-" if council_label else ""
    stems: dict[int, str] = {}
    taken: set[str] = set()
    for project in sorted({p.id: p for p in projects}.values(), key=lambda p: p.id):
        part = file_part(project.title)
        candidate, number = part, 1
        while candidate.casefold() in taken:  # Windows and macOS ignore case in names
            number += 1
            candidate = f"{part}-{number}"
        taken.add(candidate.casefold())
        stems[project.id] = f"{council}Erinnerung-{candidate}-{on:%Y-%m-%d}"
    return stems


def existing_files(
    folder: Path,
    projects: Iterable[AddressedProject],
    on: date,
    *,
    among: Iterable[AddressedProject] = (),
    council_label: str = "",
) -> list[str]:
    """The names of the projects' reminder files dated ``on`` that ``folder`` holds;
    ``among``: every project whose reminder is due that day (see :func:`file_stems`)."""
    chosen = list(projects)
    stems = file_stems([*among, *chosen], on, council_label)
    return [
        name
        for p in chosen
        for name in (f"{stems[p.id]}.pdf", f"{stems[p.id]}.eml")
        if (folder / name).exists()
    ]


def file_part(title: str) -> str:
    """A project title as part of a file name every system accepts ("Klima-Portal")."""
    plain = re.sub(r"[^A-Za-z0-9]+", "-", transliterate(title)).strip("-")
    return plain[:60].rstrip("-") or "Projekt"
