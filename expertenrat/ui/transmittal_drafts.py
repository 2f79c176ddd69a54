"""The covering e-mail drafts of a recommendation just sent ("E-Mail-Entwurf erstellen" in
the Versenden dialog), or of one sent before ("E-Mail-Entwurf …" beside the register, where
the folder choice was cancelled or a write failed): asks for a folder (the reminders' one,
``FileKind.REMINDERS``), then lets ``RecommendationTransmittalsService.save`` write one
draft per project with a contact e-mail. The sending is recorded before and stays recorded
whatever happens here: a draft that cannot be written says so, none of them is left behind
(all or none).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.services.context import Services
from expertenrat.services.files import FileWriteError
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.save_location import FileKind

if TYPE_CHECKING:
    from expertenrat.services.recommendation_transmittals import RecommendationTransmittalsService

_CONTEXT = "TransmittalDrafts"


def ask_draft_folder(
    parent: QWidget,
    dialogs: DialogService,
    services: Services,
    row: RecommendationRow,
) -> None:
    """Ask where the drafts of ``row`` (sent and recorded) go, then save them there."""
    service = services.recommendation_transmittals
    dialogs.ask_folder(
        parent,
        tr(_CONTEXT, "Ordner für den E-Mail-Entwurf zu {}").format(row.code),
        "",
        lambda folder: save_drafts(parent, dialogs, service, row, Path(folder)),
        FileKind.REMINDERS,
    )


def save_drafts(
    parent: QWidget,
    dialogs: DialogService,
    service: RecommendationTransmittalsService,
    row: RecommendationRow,
    folder: Path,
) -> None:
    title = tr(_CONTEXT, "E-Mail-Entwurf")
    try:
        drafts = service.save(row.id, folder)
    except FileWriteError as error:
        dialogs.warning(
            parent,
            title,
            tr(
                _CONTEXT,
                "Die Empfehlung {} ist als übermittelt vermerkt. Der E-Mail-Entwurf wurde nicht "
                "gespeichert: {}\n\nSie können ihn unter der Liste der Empfehlungen mit "
                "„E-Mail-Entwurf …“ noch einmal erstellen.",
            ).format(row.code, error.message),
        )
        return
    except ExpertenratError as error:  # withdrawn or deleted meanwhile, on another PC
        dialogs.warning(parent, title, error.message)
        return
    missing = ", ".join(f"„{p.title}“" for p in drafts.without_email)
    if not drafts.files and not missing:
        dialogs.information(
            parent,
            title,
            tr(_CONTEXT, "Die Empfehlung {} ist an kein Projekt gerichtet: kein E-Mail-Entwurf.")
            .format(row.code),
        )  # fmt: skip
        return
    if not drafts.files:
        dialogs.information(
            parent,
            title,
            tr(_CONTEXT, "Kein E-Mail-Entwurf: Für {} ist keine Kontakt-E-Mail eingetragen.")
            .format(missing),
        )  # fmt: skip
        return
    names = ", ".join(path.name for path in drafts.files)
    if len(drafts.files) == 1:
        text = tr(
            _CONTEXT,
            "Gespeichert: {}. Öffnen Sie die Datei in Ihrem E-Mail-Programm, um sie zu senden.",
        ).format(names)
    else:  # one draft per project (found by a tester: "die Datei" stood beside two)
        text = tr(
            _CONTEXT,
            "Gespeichert: {}. Öffnen Sie die Dateien in Ihrem E-Mail-Programm, um sie zu senden.",
        ).format(names)
    if missing:
        text += tr(_CONTEXT, "\n\nOhne Entwurf (keine Kontakt-E-Mail): {}.").format(missing)
    dialogs.file_saved(parent, title, text, str(drafts.files[0]))
