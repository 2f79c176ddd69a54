"""The main window: a sidebar of areas beside the shown one, the council switcher (the frame
and where things sit: :mod:`expertenrat.ui.main_window_view`; which area is shown:
:mod:`expertenrat.ui.area_showing`; which council: :mod:`expertenrat.ui.council_switching`),
the menus (:mod:`expertenrat.ui.window_menus`), and the layout it remembers
(:mod:`expertenrat.ui.window_layout`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from expertenrat.domain.councils import new_council_today
from expertenrat.ui.area_showing import AreaShowing
from expertenrat.ui.council_switching import CouncilSwitching
from expertenrat.ui.last_council import LastCouncil
from expertenrat.ui.main_window_view import MainWindowView
from expertenrat.ui.page import Page
from expertenrat.ui.page_reread import busy_on, reread_in_place
from expertenrat.ui.window_layout import restore_layout, save_layout
from expertenrat.ui.window_menus import WindowMenus

if TYPE_CHECKING:
    from expertenrat.domain.councils import CouncilChoice
    from expertenrat.domain.overview import Target
    from expertenrat.services.context import Services
    from expertenrat.services.database_choice import DatabaseAddress
    from expertenrat.ui.areas import Areas
    from expertenrat.ui.dialog_service import DialogService

_AREA_SETTING = "window/area"  # the open area, by name (see Areas.key_of)


class MainWindow(MainWindowView):
    """Built in two steps so that the window shows at once: the frame (sidebar, toolbar,
    menus, remembered geometry) in the constructor, the areas in :meth:`attach` once the
    database is open."""

    # Einstellungen → Datenbank (or the move to a server) chose another database to use
    # now: a file's path or a server's URL. The session stores its address and opens it in
    # a new window, once the shown page has saved or asked.
    # With it whether to keep a server's password in the keyring, once switched.
    database_chosen = Signal(object, bool)

    def __init__(
        self,
        settings: QSettings,
        log_file: Path,
        today: Callable[[], date] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)  # the frame
        self._settings = settings
        self.log_file = log_file
        self._fixed_today = today  # tests give a day
        self.councils: CouncilSwitching | None = None  # once the database is open
        self._services: Services | None = None
        self._dialogs: DialogService | None = None
        self._close_confirmed = False
        self.area_showing = AreaShowing(self, self.leave_page)
        self.menus = WindowMenus(self, settings, log_file)
        restore_layout(self, self.splitter, settings)

    def attach(self, services: Services, dialogs: DialogService, database_preset: str = "") -> None:
        """Build the areas on the open database and show the remembered one.
        ``database_preset``: what named the database at start (Einstellungen → Datenbank
        says it), "" where nothing did."""
        # Imported here: the pages pull in the data stack, which must not delay the
        # first appearance of the window.
        from expertenrat.ui.areas import build_areas

        self._services = services
        self._dialogs = dialogs
        self.councils = CouncilSwitching(
            self, services, dialogs, LastCouncil(self._settings, services.database.digest)
        )
        self.pages: Areas = build_areas(
            services, dialogs, self.today, self._settings, database_preset
        )
        self.overview_page = self.pages.overview
        self.members_page = self.pages.members
        self.settings_page = self.pages.settings
        self.add_areas(self.pages.in_sidebar(), self.pages.welcome)
        self.sidebar.currentRowChanged.connect(self.area_showing.chosen)
        self.overview_page.opened.connect(self.open_target)
        self.overview_page.backupSettingsOpened.connect(self.open_backup_settings)
        self.pages.projects.detail.opened.connect(self.open_target)
        self.pages.search.opened.connect(self.open_target)
        minutes_stored = self.pages.meetings.tabs.minutes_editor().stored
        minutes_stored.connect(lambda _key: self._minutes_stored_away())
        self.settings_page.councilChanged.connect(self.reload_councils)
        self.settings_page.councilCreated.connect(self.reload_councils)
        self.welcome_page.ready.connect(self._council_started)
        self.menus.attach(services, dialogs, self.pages, self)
        remembered = self.pages.remembered(self._settings.value(_AREA_SETTING))
        self.sidebar.setCurrentRow(self.row_of(remembered))
        self.reload_councils()

    def refresh_shown(self) -> None:
        """Reread the shown area (after "Erneut versuchen")."""
        if self._services is not None:
            self.area_showing.show(max(0, self.sidebar.currentRow()))

    def refresh_when_safe(self, councils: Sequence[CouncilChoice]) -> bool:
        """Reread the council switcher and the shown page for another PC's change, unless
        the user is busy there. ``councils``: every council as just read (the change
        watch's marker holds them, read off the GUI thread).

        Not while a dialog or menu is open, the page has unsaved input, or the cursor is
        in a text field of the page. The user's place stays (:func:`reread_in_place`):
        the selection, the record at the top of each table of records, other scroll
        positions. A council created, renamed or deleted elsewhere shows in the switcher;
        when the shown one is gone, another is shown (or the welcome page) and a message
        says so. ``False``: not now; the caller tries again later.
        """
        return self.reread_when_safe(
            lambda: self.councils is not None and self.councils.follow(councils)
        )

    def reread_when_safe(self, followed: Callable[[], bool] = lambda: False) -> bool:
        """Reread the shown page unless the user is busy there (see :meth:`refresh_when_safe`;
        ``followed()``: the switcher showed another council instead). Also when a new day
        has begun: what the page said of "today" (the Übersicht's due and overdue lists,
        "Durchgeführt" from the meeting's day) is yesterday's (found by a tester)."""
        page = self.stack.currentWidget()
        if self._services is None or not isinstance(page, Page):
            return True
        if busy_on(page):
            return False
        if not followed():
            reread_in_place(page)
        return True

    def _minutes_stored_away(self) -> None:
        """The minutes' text or votes stored while another area is shown (as the Sitzungen
        were left, or after its pause): that area, perhaps read before, is read again unless
        the user is busy there; the Übersicht said "Entwurf abgeschlossen" of a draft
        changed since, as the change watch rereads for other PCs' saves only (found by
        review; of votes, too)."""
        page = self.stack.currentWidget()
        if isinstance(page, Page) and page is not self.pages.meetings and not busy_on(page):
            reread_in_place(page)

    # --- councils (:mod:`expertenrat.ui.council_switching`) --------------------------------

    def shown_council(self) -> str | None:
        """The council shown as the switcher names it ("Rat (Rostock)"); None: none yet."""
        if self.current_council_id() is None or self.welcome_shown():
            return None
        return self.council_combo.currentText()

    def reload_councils(self, select_id: int | None = None) -> None:
        self.councils.reload(select_id)

    def _council_started(self) -> None:
        """After "Gremium anlegen" (or the demo) on the welcome page: the council shown on
        the Übersicht, whatever area the window remembered (another database's), the focus
        on its first step. The pressed button left with the welcome page, and Qt passed the
        focus on to "Tätigkeitsbericht …" (found by a tester)."""
        self.select_row(self.row_of(self.overview_page))
        self.reload_councils()
        self.overview_page.first_steps.focus_first()

    def today(self) -> date:
        """Today as the shown council counts it (in its time zone, as the services do), so
        that every page and document agrees on the day also on a PC set to another zone."""
        if self._fixed_today is not None:
            return self._fixed_today()
        clock = self.councils.clock if self.councils is not None else None
        return clock.today() if clock is not None else new_council_today()

    def show_council(self, council_id: int, *, new: bool) -> None:
        """Show ``council_id`` in the shown area (``new``: not the one shown before)."""
        if new:
            for _label, page in self.areas:
                page.set_council(council_id)
        self.area_showing.show(max(0, self.sidebar.currentRow()))

    def leave_page(self, then: Callable[[], None]) -> bool:
        """Let the shown page save or ask (see :mod:`expertenrat.ui.page`).

        True: go on now. False: stay; the page calls ``then`` if the user agrees to leave.
        """
        page = self.stack.currentWidget()
        return not isinstance(page, Page) or page.flush(then)

    # --- areas and layout ---------------------------------------------------------------

    def show_area(self, page: QWidget, *, reread: bool = True) -> None:
        """Show an area and reread its data, also when it is already the current one.
        ``reread=False``: show it as last read, the shown page having been asked already
        (its caller rereads it at once)."""
        row = self.row_of(page)
        if row < 0:
            return
        if not reread:
            self.select_row(row)
            self.area_showing.show(row, reread=False)
            return
        if self.sidebar.currentRow() == row:
            self.area_showing.show(row)
        self.sidebar.setCurrentRow(row)

    def open_target(self, target: Target) -> None:
        """Show what a click on the Übersicht talks about: its council, area and record.
        The page is read once: the Sitzungen reread themselves for the target's meetings
        (:meth:`MeetingsPage.open_target`), every other page is reread on showing it."""
        page = self.pages.page_for(target.area)

        def reveal() -> None:
            self.councils.show(target.council_id)
            self.show_area(page, reread=page is not self.pages.meetings)
            page.open_target(target)  # type: ignore[attr-defined]

        if self.leave_page(reveal):
            reveal()

    def open_backup_settings(self) -> None:
        """Show Einstellungen at "Auf diesem PC", where the backup folder is chosen."""

        def reveal() -> None:
            self.show_area(self.settings_page)
            self.settings_page.show_pc_settings()

        if self.leave_page(reveal):
            reveal()

    def closeEvent(self, event: QCloseEvent) -> None:
        # The page may ask; "Ja" (even answered at once) confirms and closes us.
        leave = self._close_confirmed or self.leave_page(self.close_anyway)
        if not (leave or self._close_confirmed):
            event.ignore()
            return
        self.save_state()
        super().closeEvent(event)

    @property
    def qsettings(self) -> QSettings:
        """This PC's settings the window keeps its layout in (tests give their own)."""
        return self._settings

    def save_state(self) -> None:
        """Remember the layout and the shown area for the next window (at the next start,
        or at once for another database)."""
        save_layout(self, self.splitter, self._settings)
        if self.areas:
            shown = self.areas[max(0, self.sidebar.currentRow())][1]
            self._settings.setValue(_AREA_SETTING, self.pages.key_of(shown))
        self._settings.sync()

    def close_for_another(self) -> None:
        """Close now, the shown page having been asked already (see :meth:`leave_page`):
        another window on another database takes this one's place. The window is deleted
        once the event loop turns: hidden only, it stayed with its pages and models, which
        its signal connections to its own methods kept from the garbage collector."""
        self._close_confirmed = True
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.close()

    def open_database(self, database: str | DatabaseAddress, keep_password: bool = False) -> None:
        """Use ``database`` from now on, opened at once (see ``database_chosen``)."""
        self.database_chosen.emit(database, keep_password)

    def close_anyway(self) -> None:
        self._close_confirmed = True
        # Later, not from inside a close event; bound to self so it dies with the window.
        QTimer.singleShot(0, self, self._close_if_open)

    def _close_if_open(self) -> None:
        if self.isVisible():
            self.close()
