"""Every question to the user goes through one small service that tests replace.

Dialogs open with ``open()`` and report through callbacks, so nothing blocks a test.
Their message boxes wrap long unbroken text such as a path (:mod:`message_box`); the file
and folder dialogs are :mod:`file_dialogs`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QMessageBox, QWidget

from expertenrat.ui.checks_question_dialog import ChecksQuestionDialog
from expertenrat.ui.date_question_dialog import DateQuestionDialog
from expertenrat.ui.file_dialogs import FileDialogs
from expertenrat.ui.message_box import MessageBox
from expertenrat.ui.text_choice_dialog import TextChoiceDialog
from expertenrat.ui.text_question_dialog import TextQuestionDialog


class DialogService(FileDialogs):
    """The questions and messages; the file dialogs (and the question that they ask, too)
    are :class:`FileDialogs`'."""

    def information(self, parent: QWidget, title: str, text: str) -> None:
        self._message(parent, QMessageBox.Icon.Information, title, text)

    def warning(
        self,
        parent: QWidget,
        title: str,
        text: str,
        detail: str = "",
        on_closed: Callable[[], None] | None = None,
    ) -> None:
        """``detail``: shown on asking ("Details einblenden …"), e.g. a server's own text;
        ``on_closed``: called once the user has closed the message."""
        self._message(parent, QMessageBox.Icon.Warning, title, text, detail, on_closed)

    def choose_text(
        self,
        parent: QWidget,
        title: str,
        intro: str,
        left: tuple[str, str, str],
        right: tuple[str, str, str],
        on_left: Callable[[], None],
        on_right: Callable[[], None],
    ) -> None:
        """Two texts side by side; ``left``/``right`` = (caption, text, button label)."""
        dialog = TextChoiceDialog(parent, title, intro, left, right)
        dialog.left_chosen.connect(on_left)
        dialog.right_chosen.connect(on_right)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_text(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: str,
        on_text: Callable[[str], None],
    ) -> None:
        dialog = TextQuestionDialog(parent, title, label, initial)
        dialog.accepted.connect(lambda: on_text(dialog.editor.text()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_text_and_choice(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: str,
        choice: tuple[str, Sequence[str], int],
        on_answer: Callable[[str, int], None],
    ) -> None:
        """:meth:`ask_text` with a choice under the field: ``choice`` = (its label, the
        texts to choose from, the index chosen first); ``on_answer`` gets the text and the
        index chosen."""
        choice_label, choices, chosen = choice
        dialog = TextQuestionDialog(parent, title, label, initial, choice_label, choices, chosen)
        dialog.accepted.connect(lambda: on_answer(dialog.editor.text(), dialog.chosen()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_colour(
        self, parent: QWidget, title: str, initial: str, on_colour: Callable[[str], None]
    ) -> None:
        dialog = QColorDialog(QColor(initial), parent)
        dialog.setWindowTitle(title)
        dialog.colorSelected.connect(lambda colour: on_colour(colour.name()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_date(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: date,
        on_date: Callable[[date], None],
        hint: Callable[[date], str] | None = None,
    ) -> None:
        """``hint``: a line under the date for the date chosen ("" for none), e.g. that it
        is a holiday; the date is taken all the same."""
        dialog = DateQuestionDialog(parent, title, label, initial, hint)
        dialog.accepted.connect(lambda: on_date(dialog.day()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_date_and_checks(
        self,
        parent: QWidget,
        title: str,
        label: str,
        initial: date,
        checks: tuple[Sequence[str], str],
        on_answer: Callable[[date, tuple[int, ...]], None],
    ) -> None:
        """:meth:`ask_date` with check boxes, all checked first: ``checks`` = (their texts,
        the message for none checked); ``on_answer`` gets the date and the indexes checked."""
        dialog = DateQuestionDialog(parent, title, label, initial, None, *checks)
        dialog.accepted.connect(lambda: on_answer(dialog.day(), dialog.checked()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def ask_checks(
        self,
        parent: QWidget,
        title: str,
        label: str,
        checks: tuple[Sequence[str], str],
        on_checked: Callable[[tuple[int, ...]], None],
    ) -> None:
        """Check boxes under ``label``, all checked first: ``checks`` = (their texts, the
        message for none checked); ``on_checked`` gets the indexes checked."""
        dialog = ChecksQuestionDialog(parent, title, label, *checks)
        dialog.accepted.connect(lambda: on_checked(dialog.checked()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _message(
        self,
        parent: QWidget,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        detail: str = "",
        on_closed: Callable[[], None] | None = None,
    ) -> None:
        box = MessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        if detail:
            box.setDetailedText(detail)
        if on_closed is not None:
            box.finished.connect(lambda _result: on_closed())
        box.finished.connect(box.deleteLater)
        box.open()
