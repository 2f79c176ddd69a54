"""Storing the council's settings typed into Einstellungen ("Speichern").

The service's refusals show beside the form's fields, and after saving the warning that
another council uses the prefix of the recommendation codes too; a lost server labels the
button "Erneut versuchen" (:class:`SaveRetry`). When someone else saved the settings first, both
versions are offered field by field (:class:`MergeDialog`) and the chosen ones are saved.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from expertenrat.domain.audit_labels import field_label
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError, ValidationError
from expertenrat.domain.merge import differences, merged
from expertenrat.services.settings import SettingsService
from expertenrat.ui.form_errors import FormErrors
from expertenrat.ui.i18n import tr
from expertenrat.ui.merge_dialog import FormLine, OpenMergeDialog, open_conflict_merge
from expertenrat.ui.merge_rows import merge_rows
from expertenrat.ui.save_retry import SaveRetry

_CONTEXT = "SettingsPage"


class SettingsSaving:
    merge_dialog = OpenMergeDialog()  # open after a conflicting save

    def __init__(
        self,
        parent: QWidget,
        service: SettingsService,
        errors: FormErrors,
        save_button: QPushButton,
        stored: Callable[[], CouncilSettings | None],
        edited: Callable[[], CouncilSettings],
        saved: Callable[[CouncilSettings], None],
        merging: Callable[[CouncilSettings, CouncilSettings], None],
    ) -> None:
        """``stored()`` is the council's settings as the form was filled with them,
        ``edited()`` the form's. ``saved(settings)`` gets the settings stored; before the
        chosen values are saved, ``merging(theirs, chosen)`` shows ``chosen`` on top of the
        other version, which becomes the one stored."""
        self._parent = parent
        self._service = service
        self._errors = errors
        self._stored = stored
        self._edited = edited
        self._saved = saved
        self._merging = merging
        self.retry = SaveRetry(save_button)

    def save(self) -> None:
        if self._stored() is None:
            return
        self.retry.after(None)
        try:
            council = self._service.update_settings(self._edited())
        except ValidationError as error:
            self._errors.show(error.problems)
            self._errors.focus_first_error()
            return
        except ConcurrentEditError as error:
            self._offer_merge(error)
            return
        except ExpertenratError as error:
            self._errors.show_general(error.message)
            self.retry.after(error)
            return
        self._saved(council)
        self._warn_of_shared_prefix(council)

    def _warn_of_shared_prefix(self, council: CouncilSettings) -> None:
        """Beside the prefix, saved: another council issues codes of it too."""
        try:
            warnings = self._service.shared_prefix_warnings(
                council.id, council.recommendation_prefix
            )
        except ExpertenratError as error:
            self._errors.show_general(error.message)
            return
        self._errors.show(warnings)

    def _offer_merge(self, conflict: ConcurrentEditError) -> None:
        """Someone saved the settings first: both versions per field, then save the choice."""
        base = self._stored()
        assert base is not None and base.id is not None
        mine = self._edited()
        try:
            theirs = self._service.settings(base.id)
        except ExpertenratError as error:
            self._errors.show_general(error.message)
            return
        self.merge_dialog = open_conflict_merge(
            self._parent,
            tr(_CONTEXT, "Einstellungen"),
            tr(
                _CONTEXT,
                "Jemand anderes hat die Einstellungen gespeichert, während Sie sie "
                "bearbeitet haben.",
            ),
            merge_rows(differences(base, mine, theirs), _council_label),
            lambda names: self._save_merged(mine, theirs, names),
            FormLine(
                conflict.changed,
                self._errors.show_general,
                tr(_CONTEXT, "Speichern"),
                tr(_CONTEXT, "„Verwerfen“ lässt sie fallen"),
            ),
        )

    def _save_merged(self, mine: CouncilSettings, theirs: CouncilSettings, names: set[str]) -> None:
        """Show the chosen values on top of the stored version, and save them."""
        self._merging(theirs, merged(mine, theirs, names))
        self.save()


def _council_label(name: str) -> str:
    if name == "logo_png":
        return tr(_CONTEXT, "Logo")
    return field_label("council", name)
