"""The step buttons beside the Empfehlungen page's detail, and whether each may be pressed
for the recommendation selected: where its status does not allow the step
(``domain.recommendations.refusal``), the button is off and its tooltip says why instead
of what it does (found by a tester: "Abschließen …" was off without a word); so are
"Bearbeiten …" of one adopted in minutes approved since and "Antwort entfernen …" of one
without a response. "Versenden …" reads "Versand ändern …" for one sent and not yet
answered.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtWidgets import QPushButton

from expertenrat.domain.enums import RecommendationStatus
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.domain.recommendations import Step, refusal
from expertenrat.ui.i18n import tr
from expertenrat.ui.recommendations_page_view import RecommendationsPageView
from expertenrat.ui.row_moves import focus_to_rows

_CONTEXT = "RecommendationsPage"

StepButton = tuple[QPushButton, Step, Callable[[RecommendationRow], None]]
"""A button, the step it takes and what takes it for the selected recommendation."""


class RecommendationStepActions:
    """The step ``buttons`` of ``page``."""

    def __init__(self, page: RecommendationsPageView, buttons: Sequence[StepButton]) -> None:
        self._page = page
        self.buttons = tuple(buttons)
        self._tips = {button: button.toolTip() for button, _step, _take in self.buttons}

    def enable_for(
        self, row: RecommendationRow | None, detail: RecommendationDetail | None
    ) -> None:
        """Enable the buttons whose steps ``row`` (its ``detail`` as read) allows. A step
        done from the keyboard ("Beschließen …") disables its button: the focus goes back
        to the register, whose row says the new status, rather than on to the next button
        ("Zurückziehen …")."""
        page = self._page
        frozen = detail is not None and detail.origin_approved
        correctable = self._label_send_button(row, detail)
        with focus_to_rows(page.view, *(button for button, _step, _take in self.buttons)):
            for button, step, _take in self.buttons:
                refused = refusal(row.code, row.status, step) if row is not None else None
                if button is page.send_button and correctable:
                    refused = None  # "Versand ändern …"
                button.setEnabled(row is not None and refused is None)
                button.setToolTip(refused.message if refused else self._tips[button])
            if frozen:  # Enter then moves into the detail, as for one that was sent
                page.edit_button.setEnabled(False)
                page.edit_button.setToolTip(
                    tr(
                        _CONTEXT,
                        "Das Protokoll der Sitzung, in der die Empfehlung beschlossen wurde, "
                        "ist genehmigt: Ihr Inhalt kann nicht mehr geändert werden.",
                    )
                )
            if detail is None or not detail.responses:
                page.remove_response_button.setEnabled(False)

    def _label_send_button(
        self, row: RecommendationRow | None, detail: RecommendationDetail | None
    ) -> bool:
        """ "Versenden …" reads "Versand ändern …" for one sent and not yet answered
        (whether it does); the new step from the keyboard hands the focus to the register,
        as a step that disables its button does (:func:`focus_to_rows`)."""
        send_button = self._page.send_button
        sent = row is not None and row.status is RecommendationStatus.SENT
        correctable = sent and detail is not None and not detail.responses
        text = tr(_CONTEXT, "Versand ändern …") if correctable else tr(_CONTEXT, "Versenden …")
        if text != send_button.text() and send_button.hasFocus():
            self._page.view.setFocus()
        send_button.setText(text)
        self._tips[send_button] = (
            tr(
                _CONTEXT,
                "Den erfassten Versand berichtigen: ein anderer Versandtag, oder nicht "
                "versandt (zurück auf „beschlossen“), solange keine Stellungnahme vorliegt",
            )
            if correctable
            else ""
        )
        return correctable
