"""Every column header starts with a capital letter ("Beschlossen am", "Vorher"); some
started lower-case beside capitalised ones (found by a tester)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Iterator

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QTableView, QTreeView

import expertenrat.ui


def _headers(model: QAbstractItemModel) -> list[str]:
    return [
        model.headerData(column, Qt.Orientation.Horizontal) or ""
        for column in range(model.columnCount())
    ]


def _models_of_their_own() -> Iterator[QAbstractItemModel]:
    """A model of each of the ui's model classes that knows its columns itself."""
    for info in pkgutil.iter_modules(expertenrat.ui.__path__):
        module = importlib.import_module(f"expertenrat.ui.{info.name}")
        for _name, kind in inspect.getmembers(module, inspect.isclass):
            if not issubclass(kind, QAbstractItemModel) or kind.__module__ != module.__name__:
                continue
            try:
                yield kind()
            except TypeError:  # given its columns (the settings' lists: see below)
                continue


def test_the_models_headers_are_capitalised(qapp) -> None:
    headers = [header for model in _models_of_their_own() for header in _headers(model)]
    assert "Beschlossen am" in headers and "Vorher" in headers  # the models were found
    assert [header for header in headers if header[:1].islower()] == []


def test_the_window_s_tables_headers_are_capitalised(make_window) -> None:
    window = make_window()
    headers = [
        header
        for kind in (QTableView, QTreeView)  # the views with column headers
        for view in window.findChildren(kind)
        for header in _headers(view.model())
    ]
    assert "Öffentlich" in headers  # the agenda templates' list in Einstellungen
    assert [header for header in headers if header[:1].islower()] == []
