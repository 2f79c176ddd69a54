"""The council the main window shows: the switcher's list, the choice of another council
(after the shown page lets go), the one remembered per database, the council's clock, and
following councils created, renamed or deleted on another PC (:mod:`ui.main_window`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from expertenrat.domain.council_clock import clock_of
from expertenrat.ui.i18n import tr
from expertenrat.ui.last_council import LastCouncil

if TYPE_CHECKING:
    from expertenrat.domain.council_clock import CouncilClock
    from expertenrat.domain.councils import CouncilChoice
    from expertenrat.services.context import Services
    from expertenrat.ui.dialog_service import DialogService
    from expertenrat.ui.main_window import MainWindow

_CONTEXT = "MainWindow"


class CouncilSwitching:
    def __init__(
        self,
        window: MainWindow,
        services: Services,
        dialogs: DialogService,
        last_council: LastCouncil,
    ) -> None:
        self._window = window
        self._toolbar = window.toolbar
        self._combo = window.toolbar.combo
        self._services = services
        self._dialogs = dialogs
        self._last_council = last_council
        self.shown_id: int | None = None
        self.clock: CouncilClock | None = None  # the shown council's (its time zone)
        self._choices: dict[int, CouncilChoice] = {}  # as last read, by id
        self._combo.currentIndexChanged.connect(self.chosen)

    def current_id(self) -> int | None:
        return self._combo.currentData()

    def reload(self, select_id: int | None = None) -> None:
        councils = self._services.settings.councils()
        wanted = select_id or self.current_id() or self._last_council.recall()
        self._fill(councils, wanted)
        if not councils:
            self._window.show_welcome()
            return
        self.chosen()

    def follow(self, councils: Sequence[CouncilChoice]) -> bool:
        """Reread the switcher for councils created, renamed or deleted elsewhere.

        ``True``: the shown council is gone (or there was none), so the window has shown
        another one, or the welcome page when none is left: the page was read just now.
        """
        shown, shown_name = self.shown_id, self._combo.currentText()
        self._fill(councils, shown)
        council_id = self.current_id()
        if council_id is not None and council_id == shown:
            self.clock = self._clock(council_id)  # its zone may have changed elsewhere
            return False
        if council_id is None and self._window.welcome_shown():
            return False  # still no council
        if shown is not None:
            self._tell_gone(shown_name, self._combo.currentText())
        if council_id is None:
            self.shown_id = None
            self._window.show_welcome()
        else:
            self._switch(council_id)
        return True

    def chosen(self) -> None:
        council_id = self.current_id()
        if council_id is None:
            return
        if council_id != self.shown_id and not self._window.leave_page(
            lambda: self._switch(council_id)
        ):
            self._toolbar.select(self.shown_id)  # stay until the page lets go
            return
        self._switch(council_id)

    def show(self, council_id: int | None) -> None:
        """Show ``council_id`` (None: the shown one), the shown page having let go already."""
        if council_id not in (None, self.shown_id):
            self._switch(council_id)

    def _fill(self, councils: Sequence[CouncilChoice], wanted: int | None) -> None:
        """List ``councils`` in the switcher (see :meth:`CouncilToolbar.fill`); without
        any, no areas either."""
        self._toolbar.fill(councils, wanted)
        self._choices = {council.id: council for council in councils}
        self._window.sidebar.setVisible(bool(councils))

    def _tell_gone(self, name: str, now_shown: str) -> None:
        text = tr(
            _CONTEXT,
            "Das Gremium „{}“ gibt es nicht mehr: Es wurde an einem anderen PC oder von "
            "einem anderen Programm gelöscht.",
        ).format(name)
        if now_shown:
            text += " " + tr(_CONTEXT, "Angezeigt wird jetzt „{}“.").format(now_shown)
        self._dialogs.information(self._window, tr(_CONTEXT, "Gremium gelöscht"), text)

    def _clock(self, council_id: int) -> CouncilClock:
        """The council's clock, of its time zone as last read with the councils (the change
        watch rereads them every few seconds): no read of its own, a round trip at every
        start and council switch on a server."""
        choice = self._choices.get(council_id)
        if choice is None:  # not among them (created meanwhile): read
            return self._services.settings.clock(council_id)
        return clock_of(choice.time_zone, choice.bundesland)

    def _switch(self, council_id: int) -> None:
        self.clock = self._clock(council_id)
        self._toolbar.select(council_id)
        new = council_id != self.shown_id
        if new:
            self.shown_id = council_id
            self._last_council.remember(council_id)
        self._window.show_council(council_id, new=new)
