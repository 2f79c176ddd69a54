"""The question the minutes autosave asks when another PC changed the same field of an
item (or of the header): keep my text, or take theirs, the texts side by side.

Where the other text holds the correction of an accepted objection that the text typed here
would undo, the question says whose objection it was; "my text" is then offered with the
correction put in, so keeping it keeps the correction. Where the text typed here changed
the corrected passage itself, the correction cannot be put in: the question warns that
keeping it drops the correction while the objection stays marked accepted (found by a
tester: keeping one's text dropped the correction unawares).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial, reduce

from PySide6.QtWidgets import QWidget

from expertenrat.domain.minutes_objections import Correction
from expertenrat.ui.dialog_service import DialogService
from expertenrat.ui.i18n import tr

_CONTEXT = "MinutesEditor"


def ask_which_text(
    parent: QWidget,
    dialogs: DialogService,
    label: str,
    describe: Callable[[dict], str],
    texts: tuple[dict, dict],
    corrections: Sequence[Correction],
    answers: tuple[Callable[[], None], Callable[[], None], Callable[[dict], None]],
) -> None:
    """``texts``: (mine, theirs); ``answers``: (keep mine, take theirs, keep this text of
    mine with the corrections put in, saved over theirs)."""
    mine, theirs = texts
    keep_mine, take_theirs, keep_corrected = answers
    changed = tr(
        _CONTEXT, "„{label}“ wurde inzwischen an einem anderen Arbeitsplatz geändert."
    ).format(label=label)
    which = tr(_CONTEXT, "Welche Fassung soll gelten? Die andere wird verworfen.")
    left = (tr(_CONTEXT, "Ihr Text"), describe(mine), tr(_CONTEXT, "Meinen Text behalten"))
    on_left = keep_mine
    corrected = _with_corrections(mine, corrections)
    if not corrections:
        intro = f"{changed} {which}"
    elif corrected is not None:
        intro = " ".join([changed, _origins(corrections), _corrected_note(len(corrections)), which])
        left = (
            tr(_CONTEXT, "Ihr Text mit der Korrektur"),
            describe(corrected),
            tr(_CONTEXT, "Meinen Text mit der Korrektur behalten"),
        )
        on_left = partial(keep_corrected, corrected)
    else:
        intro = " ".join([changed, _origins(corrections), _dropped_note(), which])
        left = (
            tr(_CONTEXT, "Ihr Text (ohne die Korrektur)"),
            describe(mine),
            tr(_CONTEXT, "Meinen Text behalten, Korrektur verwerfen"),
        )
    dialogs.choose_text(
        parent,
        tr(_CONTEXT, "Gleichzeitig geändert"),
        intro,
        left,
        (
            tr(_CONTEXT, "Text des anderen Arbeitsplatzes"),
            describe(theirs),
            tr(_CONTEXT, "Anderen Text übernehmen"),
        ),
        on_left,
        take_theirs,
    )


def _with_corrections(mine: dict, corrections: Sequence[Correction]) -> dict | None:
    """``mine`` with every correction put in, or None where one's passage is changed."""
    return reduce(
        lambda texts, c: c.applied_to(texts) if texts is not None else None, corrections, mine
    )


def _origins(corrections: Sequence[Correction]) -> str:
    return " ".join(
        tr(
            _CONTEXT,
            "Der andere Text enthält die Korrektur aus dem angenommenen Einwand von {name} "
            "({item}).",
        ).format(name=c.raised_by, item=c.item)
        for c in corrections
    )


def _corrected_note(count: int) -> str:
    if count == 1:
        return tr(
            _CONTEXT,
            "Ihr Text ist links mit dieser Korrektur gezeigt: behalten Sie ihn, bleibt sie "
            "erhalten.",
        )
    return tr(
        _CONTEXT,
        "Ihr Text ist links mit diesen Korrekturen gezeigt: behalten Sie ihn, bleiben sie "
        "erhalten.",
    )


def _dropped_note() -> str:
    return tr(
        _CONTEXT,
        "Ihr Text ändert die berichtigte Stelle selbst: behalten Sie ihn, fehlt die Korrektur "
        "im Protokoll, obwohl der Einwand als angenommen vermerkt bleibt. Übernehmen Sie "
        "besser den anderen Text und tragen Sie Ihre Änderung dort erneut ein.",
    )
