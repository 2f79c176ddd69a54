"""The ``save`` a recommendation's step dialog calls (:mod:`ui.recommendation_steps`): the
step stored, then ``stored`` with the recommendation's id and the detail the step returned
(the page shows it rather than reading it again); a refusal raises, so that the
dialog keeps what was typed and shows why. A step on a recommendation another PC changed
meanwhile is taken again, when the user saves again, on the version stored now.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from expertenrat.domain.errors import ConcurrentEditError, ExpertenratError
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.services.context import Services
from expertenrat.ui.i18n import tr

T = TypeVar("T")
Stored = Callable[[int, RecommendationDetail | None], None]  # None: the detail to be read
_CONTEXT = "RecommendationSteps"


class StepSaving:
    def __init__(self, services: Services, stored: Stored) -> None:
        self._services = services
        self._stored = stored

    def plain(self, step: Callable[[T], RecommendationDetail]) -> Callable[[T], None]:
        """The dialog's ``save``: the step, then ``stored`` (a refusal raises)."""

        def save(value: T) -> None:
            detail = step(value)
            self._stored(detail.row.id, detail)

        return save

    def on_version(
        self,
        row: RecommendationRow,
        button: str,
        step: Callable[[int, T], RecommendationDetail],
    ) -> Callable[[T], None]:
        """The ``save`` of a step dialog on ``row`` (``button``: its accept button's label):
        the step on the version read. Refused because another PC changed the
        recommendation meanwhile, the page shows it as it is now, the dialog keeps what was
        typed and says so, and saving again takes the step on the version now stored (the
        service still refuses a step the new state does not allow)."""
        version = [row.version]

        def save(value: T) -> None:
            try:
                detail = step(version[0], value)
            except ConcurrentEditError as error:
                try:
                    now = self._services.recommendations.get(row.id).row
                except ExpertenratError:
                    raise error from None
                version[0] = now.version
                self._stored(row.id, None)  # as it is now: read
                text = tr(
                    _CONTEXT,
                    "Die Empfehlung {code} wurde inzwischen von jemand anderem geändert "
                    "(Stand jetzt: {status}). Ihre Eingaben sind erhalten; die Liste zeigt "
                    "den neuen Stand. Klicken Sie erneut auf „{button}“, wenn sie weiterhin "
                    "gelten sollen.",
                ).format(code=now.code, status=now.status.label, button=button)
                raise ConcurrentEditError("", text) from None
            self._stored(detail.row.id, detail)

        return save
