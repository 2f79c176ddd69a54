"""A step the user takes that a service may refuse: a rule of the domain, or a record
another PC changed or holds (an ``ExpertenratError``). The refusal is a warning with the
service's German message over the page that took the step; the page rereads either way,
so that it shows what is stored rather than what the step meant to store.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from expertenrat.domain.errors import ExpertenratError
from expertenrat.ui.dialog_service import DialogService


def attempt(
    dialogs: DialogService, parent: QWidget, title: str, step: Callable[[], object]
) -> bool:
    """Take ``step``; if a service refuses it, warn over ``parent`` under ``title``. True if
    the step went through."""
    try:
        step()
    except ExpertenratError as error:
        dialogs.warning(parent, title, error.message)
        return False
    return True
