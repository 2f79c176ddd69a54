"""The member form's rows by field and the messages under them: each row added with
``_row`` (in a group from ``_group``) shows its field's errors and warnings under its
input; the topmost field with a problem takes the cursor. The widgets and their layout:
:class:`~expertenrat.ui.member_form_view.MemberFormView`."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QFormLayout, QGroupBox, QWidget

from expertenrat.domain.errors import FieldProblem
from expertenrat.ui.form_errors import FormErrors


class MemberFormMessages(QWidget):
    """Rows registered by field, messages under the fields (``show_problems``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._errors: dict[str, FormErrors] = {}
        self._widgets: dict[str, QWidget] = {}

    # --- rows ----------------------------------------------------------------------------

    def _group(self, title: str) -> tuple[QGroupBox, FormErrors]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        return box, FormErrors(form)

    def _row(
        self,
        errors: FormErrors,
        label: str,
        field: str,
        widget: QWidget,
        focus: QWidget | None = None,
    ) -> None:
        """Add a row whose messages appear under ``widget``; ``focus`` takes the cursor."""
        errors.add_row(label, field, widget, focus)
        self._errors[field] = errors
        self._widgets[field] = focus or widget

    # --- messages ----------------------------------------------------------------------

    def show_problems(self, problems: Iterable[FieldProblem]) -> list[FieldProblem]:
        """Show each problem under its field; return those that belong to no field."""
        self.clear_problems()
        by_form: dict[FormErrors, list[FieldProblem]] = {}
        elsewhere: list[FieldProblem] = []
        for problem in problems:
            errors = self._errors.get(problem.field)
            if errors is None:
                elsewhere.append(problem)
            else:
                by_form.setdefault(errors, []).append(problem)
        for errors, shown in by_form.items():
            errors.show(shown)
        return elsewhere

    def clear_problems(self) -> None:
        for errors in set(self._errors.values()):
            errors.clear()

    def message(self, field: str) -> str:
        """The message shown under ``field`` ("" if none)."""
        errors = self._errors.get(field)
        return errors.message(field) if errors is not None else ""

    def has_error(self, field: str) -> bool:
        """Whether ``field``'s input is framed as an error."""
        errors = self._errors.get(field)
        return errors is not None and errors.has_error(field)

    def widget_of(self, problems: Iterable[FieldProblem]) -> QWidget | None:
        """The input of the topmost field with a problem, errors before warnings."""
        ranked = sorted(
            (p for p in problems if p.field in self._widgets),
            key=lambda p: (p.warning, list(self._widgets).index(p.field)),
        )
        return self._widgets[ranked[0].field] if ranked else None
