"""Einstellungen, "Weiteres Gremium anlegen …": asks the new council's name and creates it
in the same place as the council shown (:class:`~expertenrat.ui.settings_page.SettingsPage`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import CouncilSettings, classification_for
from expertenrat.domain.errors import ExpertenratError
from expertenrat.domain.recommendation_codes import free_code_prefix
from expertenrat.services.settings import SettingsService
from expertenrat.ui.ask_again import ask_text_again, retry_note
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr


class NewCouncil:
    """Asks for a further council's name and creates it; ``shown()`` is the council the
    page shows (None: none), ``created(id)`` gets the new council's id."""

    def __init__(
        self,
        settings: SettingsService,
        dialogs: DialogService,
        parent: QWidget,
        shown: Callable[[], CouncilSettings | None],
        created: Callable[[int], None],
    ) -> None:
        self._service = settings
        self._dialogs = dialogs
        self._parent = parent
        self._shown = shown
        self._created = created

    def ask(self) -> None:
        ask_text_again(
            self._dialogs,
            self._parent,
            tr("SettingsPage", "Weiteres Gremium"),
            tr("SettingsPage", "Name des neuen Gremiums:"),
            "",
            self.create,
        )

    def create(self, name: str) -> str | None:
        """A council in the same place as the shown one: its city, Bundesland (public
        holidays), time zone and action fields (the city's strategy; they show and can be
        changed in its Einstellungen at once); a prefix of its recommendation codes no
        other council uses; the rest as any new council starts. Refused in a way that
        asking again helps (a name too long, the server lost), why: the name is asked
        again."""
        new = CouncilSettings(id=None, name=name, city="–", classification=classification_for(name))
        fields = None
        try:
            new = replace(
                new, recommendation_prefix=free_code_prefix(name, self._service.code_prefixes())
            )
            shown = self._shown()
            if shown is not None:
                new = replace(
                    new,
                    city=shown.city or "–",
                    bundesland=shown.bundesland,
                    time_zone=shown.time_zone,
                )
                assert shown.id is not None
                fields = [(f.name, f.colour) for f in self._service.action_fields(shown.id)]
            created = self._service.create_council(new, action_fields=fields)
        except ExpertenratError as error:
            note = retry_note(error)
            if note is None:
                self._dialogs.warning(
                    self._parent, tr("SettingsPage", "Weiteres Gremium"), error.message
                )
            return note
        assert created.id is not None
        self._created(created.id)
        return None
