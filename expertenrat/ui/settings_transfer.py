"""Einstellungen → the transfer kit: "Einstellungen exportieren …", "Einstellungen
übernehmen …" (every difference shown, old beside new, chosen per setting, applied in one
transaction) and "Neues Gremium aus Vorlage …" (also in the Datei menu). A prefix of the
recommendation codes taken from the file that another council uses too is warned of
afterwards, as the Einstellungen warn of it when saving and ``import settings`` does.

The files are small (a logo and some text, at most 8 MB), so they are read and written at
once, without the worker.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from expertenrat.domain.council_transfer import suggested_file_name
from expertenrat.domain.council_transfer_format import (
    WHAT_IT_CARRIES,
    CouncilTemplate,
    SettingsFileError,
)
from expertenrat.domain.council_transfer_preview import (
    TransferPreview,
    difference_label,
    difference_texts,
)
from expertenrat.domain.errors import ExpertenratError, os_error_detail, os_error_text
from expertenrat.services.council_transfer import CouncilTransferService
from expertenrat.services.files import write_file
from expertenrat.services.settings import SettingsService
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import MergeDialog, MergeWording, OpenMergeDialog
from expertenrat.ui.merge_rows import MergeRow
from expertenrat.ui.save_location import FileKind
from expertenrat.ui.settings_transfer_notes import difference_note

_CONTEXT = "SettingsTransfer"
_FILTER = "Einstellungsdatei (*.json)"


class SettingsTransfer(QObject):
    """The three actions; ``council_id`` names the open council, ``flush`` is the page's;
    ``settings`` tells of a prefix another council uses."""

    applied = Signal()  # the open council's settings were taken from a file
    created = Signal(int)  # a council was started from a file
    dialog = OpenMergeDialog()  # the differences to the file, while shown

    def __init__(
        self,
        transfer: CouncilTransferService,
        settings: SettingsService,
        dialogs: DialogService,
        parent: QWidget,
        council_id: Callable[[], int | None],
        flush: Callable[[Callable[[], None]], bool],
    ) -> None:
        super().__init__(parent)
        self._transfer = transfer
        self._settings = settings
        self._dialogs = dialogs
        self._parent = parent
        self._council_id = council_id
        self._flush = flush
        self.export_action = QAction(tr(_CONTEXT, "Einstellungen e&xportieren …"), parent)
        self.import_action = QAction(tr(_CONTEXT, "Einstellungen &übernehmen …"), parent)
        self.new_action = QAction(tr(_CONTEXT, "Neues Gremium aus &Vorlage …"), parent)
        self.export_action.triggered.connect(self.ask_export)
        self.import_action.triggered.connect(self.ask_import)
        self.new_action.triggered.connect(self.ask_new_council)

    # --- export -------------------------------------------------------------------------

    def ask_export(self) -> None:
        council_id = self._council_id()
        if council_id is None:
            return
        try:
            suggested = suggested_file_name(self._transfer.template(council_id).settings)
        except ExpertenratError as error:
            self._warn(tr(_CONTEXT, "Einstellungen exportieren"), error)
            return
        self._dialogs.ask_save_file(
            self._parent,
            tr(_CONTEXT, "Einstellungen exportieren"),
            tr(_CONTEXT, _FILTER),
            suggested,
            self.export,
            FileKind.SETTINGS,
        )

    def export(self, path: str) -> None:
        title = tr(_CONTEXT, "Einstellungen exportieren")
        council_id = self._council_id()
        if council_id is None:
            return
        try:
            write_file(Path(path), self._transfer.export(council_id))
            logo = self._transfer.unusable_logo(council_id)
        except ExpertenratError as error:
            self._warn(title, error)
            return
        text = tr(
            _CONTEXT,
            f"Die Einstellungen wurden gespeichert: {WHAT_IT_CARRIES}. Eine andere Stadt kann "
            "damit ihr Gremium beginnen: „Neues Gremium aus Vorlage …“.",
        )
        self._dialogs.file_saved(self._parent, title, f"{text}\n\n{logo}" if logo else text, path)

    # --- import into the open council -----------------------------------------------------

    def ask_import(self) -> None:
        """Typed but unsaved settings are asked about first (the page's ``flush``)."""
        if self._council_id() is not None and self._flush(self._choose_import_file):
            self._choose_import_file()

    def _choose_import_file(self) -> None:
        self._dialogs.ask_open_file(
            self._parent,
            tr(_CONTEXT, "Einstellungen übernehmen"),
            tr(_CONTEXT, _FILTER),
            self.import_file,
            FileKind.SETTINGS,
        )

    def import_file(self, path: str) -> None:
        """Read ``path`` and show what it would change; nothing is saved until chosen."""
        title = tr(_CONTEXT, "Einstellungen übernehmen")
        council_id = self._council_id()
        if council_id is None:
            return
        try:
            preview = self._transfer.preview(council_id, self._read(path))
        except ExpertenratError as error:
            self._warn(title, error)
            return
        if not preview.differences:
            self._dialogs.information(
                self._parent,
                title,
                tr(_CONTEXT, "Die Einstellungen entsprechen bereits der Datei „{}“.").format(
                    Path(path).name
                ),
            )
            return
        self._show_differences(title, path, preview)

    def _show_differences(self, title: str, path: str, preview: TransferPreview) -> None:
        # Two or three lines: what changes in a list is the tooltip of its row (ℹ); the
        # intro said it all, nine dense lines above the choices (found by a tester).
        intro = tr(
            _CONTEXT,
            "Die Datei „{}“ ändert diese Einstellungen. Wählen Sie je Zeile, welche Angabe "
            "gelten soll; vorgeschlagen ist die aus der Datei.",
        ).format(Path(path).name)
        if any(not d.take_theirs for d in preview.differences):
            intro += " " + tr(
                _CONTEXT,
                "Sie stammt aus {}: Name, Kurzname, Art, Stadt, Bundesland, Logo, Website, "
                "Geschäftsstelle mit E-Mail-Adresse und Handlungsfelder Ihres Gremiums "
                "bleiben vorgeschlagen, wie sie sind.",
            ).format(preview.incoming.settings.city)
        self.dialog = MergeDialog(
            title,
            intro,
            [
                MergeRow(
                    d.name,
                    difference_label(d.name),
                    *difference_texts(d),
                    d.take_theirs,
                    both_changed=False,
                    note=difference_note(preview, d.name),
                )
                for d in preview.differences
            ],
            self._parent,
            MergeWording(
                tr(_CONTEXT, "bisher"),
                tr(_CONTEXT, "aus der Datei"),
                "",
                tr(_CONTEXT, "Alles übernehmen"),
                tr(_CONTEXT, "Auswahl übernehmen"),
            ),
        )
        self.dialog.chosen.connect(lambda names: self._apply(title, preview, names))
        self.dialog.finished.connect(self.dialog.deleteLater)
        self.dialog.open()

    def _apply(self, title: str, preview: TransferPreview, names: set[str]) -> None:
        if not names:
            return
        try:
            self._transfer.apply(preview, names)
        except ExpertenratError as error:
            self._warn(title, error)
            return
        self.applied.emit()
        if "recommendation_prefix" in names:
            self._warn_of_shared_prefix(title, preview.current.settings.id, preview.incoming)

    # --- a new council ------------------------------------------------------------------

    def ask_new_council(self) -> None:
        self._dialogs.ask_open_file(
            self._parent,
            tr(_CONTEXT, "Neues Gremium aus Vorlage"),
            tr(_CONTEXT, _FILTER),
            self.new_council_from,
            FileKind.SETTINGS,
        )

    def new_council_from(self, path: str) -> None:
        """A council from the file ``path``; asked first where one of its name and city is
        there already (a file taken twice: found by a tester)."""
        title = tr(_CONTEXT, "Neues Gremium aus Vorlage")
        try:
            incoming = self._read(path)
            alike = self._transfer.same_councils(incoming)
        except ExpertenratError as error:
            self._warn(title, error)
            return
        if not alike:
            self._create(title, incoming)
            return
        text = tr(
            _CONTEXT,
            "Ein Gremium „{name}“ ({city}) gibt es bereits. Trotzdem ein weiteres Gremium "
            "aus der Vorlage anlegen?",
        ).format(name=alike[0].name, city=alike[0].city)
        self._dialogs.question(self._parent, title, text, lambda: self._create(title, incoming))

    def _create(self, title: str, incoming: CouncilTemplate) -> None:
        try:
            council_id = self._transfer.create_council(incoming)
        except ExpertenratError as error:
            self._warn(title, error)
            return
        self.created.emit(council_id)
        self._warn_of_shared_prefix(title, council_id, incoming)

    def _warn_of_shared_prefix(
        self, title: str, council_id: int | None, incoming: CouncilTemplate
    ) -> None:
        """The file's prefix of the recommendation codes, now the council's, is another
        council's too: both would issue "E-2026-01" (found by a helper: only the
        Einstellungen and ``import settings`` said so)."""
        prefix = incoming.settings.recommendation_prefix
        try:
            warnings = self._settings.shared_prefix_warnings(council_id, prefix)
        except ExpertenratError as error:
            self._warn(title, error)
            return
        if warnings:
            self._dialogs.warning(self._parent, title, "\n\n".join(w.message for w in warnings))

    def _read(self, path: str):
        """The template in the file ``path``; a refusal names the file, with its folder
        (several files of one name may lie in Downloads, Desktop and a share)."""
        try:
            return self._transfer.read_file(Path(path))
        except SettingsFileError as error:
            raise _of_file(path, error) from None
        except OSError as error:
            raise ExpertenratError(
                tr(_CONTEXT, "„{path}“ kann nicht gelesen werden: {reason}").format(
                    path=path, reason=os_error_text(error)
                ),
                os_error_detail(error),
            ) from None

    def _warn(self, title: str, error: ExpertenratError) -> None:
        self._dialogs.warning(self._parent, title, error.message, error.detail)


def _of_file(path: str, error: ExpertenratError) -> ExpertenratError:
    """``error`` about the content of the settings file ``path``, naming the file."""
    return ExpertenratError(
        tr(
            _CONTEXT, "Die Einstellungsdatei „{path}“ kann nicht verwendet werden.\n\n{reason}"
        ).format(path=path, reason=error.message),
        error.detail,
    )
