"""What saving one item's minutes answers (:meth:`~expertenrat.services.minutes_autosave.
MinutesAutosave.save_item`): the item's new version (:class:`SavedItem`), or the conflict
with what another PC saved meanwhile (:class:`ItemConflictError`), which the editor shows.
"""

from __future__ import annotations

from dataclasses import dataclass

from expertenrat.domain.enums import AgendaItemOutcome
from expertenrat.domain.errors import ConcurrentEditError
from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.minutes_objections import Correction


@dataclass(frozen=True, slots=True)
class SavedItem:
    """The answer to an autosave: the item's new version, and its outcome as stored (set on
    another PC meanwhile, the editor shows it)."""

    item_id: int
    version: int
    outcome: AgendaItemOutcome = AgendaItemOutcome.DISCUSSED


class ItemConflictError(ConcurrentEditError):
    """Another PC saved the item since the editor read it; carries what is stored now so the
    editor can show both texts and let the user choose (save again with ``version``);
    ``corrections``: those of accepted objections in the stored texts that the texts saved
    would undo (the editor says where the other text comes from)."""

    def __init__(
        self,
        what: str,
        stored: ItemTexts,
        version: int,
        corrections: tuple[Correction, ...] = (),
    ) -> None:
        super().__init__(what)
        self.stored = stored
        self.version = version
        self.corrections = corrections
