"""Rereading a page while the user works in it: where the user reads stays put, and whether
the user is typing in one of its fields (then the reread waits)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from expertenrat.ui.record_selection import places_kept, record_tables


def reread_in_place(page: QWidget, refresh: Callable[[], None] | None = None) -> None:
    """Refresh ``page`` (by ``refresh``, else its own) where the user reads: the selection
    stays (the pages keep it); in each table of records the record at the top stays at the
    top (records added or removed above it do not move the rows the user reads; a table at
    the very top stays there); other scroll positions stay."""
    tables = record_tables(page)
    bars = [
        bar
        for area in page.findChildren(QAbstractScrollArea)
        for bar in (area.verticalScrollBar(), area.horizontalScrollBar())
        if not (area in tables and bar is area.verticalScrollBar())
    ]
    positions = [bar.value() for bar in bars]
    with places_kept(tables):
        (refresh or page.refresh)()  # type: ignore[attr-defined]
    for bar, position in zip(bars, positions, strict=True):
        bar.setValue(position)


def is_text_input(widget: QWidget) -> bool:
    """A field the user may be typing in (a refresh could replace its text)."""
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        return not widget.isReadOnly()
    return False


def busy_on(page: QWidget) -> bool:
    """Whether a reread of ``page`` would disturb the user: a dialog or menu is open, the
    page holds unsaved input (``has_unsaved_changes``) or the cursor is in one of its text
    fields."""
    if QApplication.activeModalWidget() or QApplication.activePopupWidget():
        return True
    if page.has_unsaved_changes():  # type: ignore[attr-defined]
        return True
    focus = QApplication.focusWidget()
    return focus is not None and page.isAncestorOf(focus) and is_text_input(focus)
