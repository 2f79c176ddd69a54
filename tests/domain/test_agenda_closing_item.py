"""Where an urgent item goes by default: before the agenda's closing item, its last
top-level item where that is of the kind "Verschiedenes" (by kind, never by a title that
merely reads so); the items the meeting was invited to, numbered without urgent ones; and
where a new item goes when the user chose no row."""

from __future__ import annotations

import pytest

from expertenrat.domain.agenda import AgendaItem, invited_items, numbers
from expertenrat.domain.agenda_placement import closing_item, new_item_index, urgent_index
from expertenrat.domain.enums import AgendaItemKind as K
from expertenrat.domain.errors import ValidationError


def _agenda(*last: AgendaItem) -> list[AgendaItem]:
    return [AgendaItem(1, "Eröffnung"), AgendaItem(2, "Bericht", position=1, kind=K.REPORT), *last]


def test_the_last_top_level_item_of_the_kind_verschiedenes_closes_the_agenda() -> None:
    closing = AgendaItem(3, "Sonstiges", position=2, kind=K.MISCELLANEOUS)

    assert closing_item(_agenda(closing)) == closing
    assert urgent_index(_agenda(closing), closing.key) == 2


@pytest.mark.parametrize(
    "last",
    [
        # a title that reads so is not the standard item: the kind says it
        (AgendaItem(3, "Verschiedenes", position=2, kind=K.CONSULTATION),),
        # "Verschiedenes" not last: an item follows it
        (
            AgendaItem(3, "Verschiedenes", position=2, kind=K.MISCELLANEOUS),
            AgendaItem(4, "Beratung", position=3, kind=K.CONSULTATION),
        ),
        # last in order, but a sub-item
        (
            AgendaItem(3, "Beratung", position=2, kind=K.CONSULTATION),
            AgendaItem(4, "Verschiedenes", parent=3, kind=K.MISCELLANEOUS),
        ),
        (),
    ],
)
def test_without_a_closing_item_an_urgent_item_goes_last(last) -> None:
    assert closing_item(_agenda(*last)) is None
    assert urgent_index(_agenda(*last), None) is None


def test_a_place_before_an_item_no_longer_at_the_top_level_is_refused() -> None:
    items = _agenda(AgendaItem(3, "Unterpunkt", parent=2))

    with pytest.raises(ValidationError, match="nicht mehr in der Tagesordnung"):
        urgent_index(items, 3)


def test_the_invited_items_keep_their_numbers_beside_an_urgent_one() -> None:
    urgent = AgendaItem(4, "Eilantrag", position=2, kind=K.CONSULTATION, urgent=True)
    closing = AgendaItem(3, "Verschiedenes", position=3, kind=K.MISCELLANEOUS)
    items = _agenda(urgent, closing)

    assert numbers(items)[3] == "4"
    assert numbers(invited_items(items)) == {1: "1", 2: "2", 3: "3"}


def _top(*kinds: K) -> list[AgendaItem]:
    return [AgendaItem(n + 1, k.label, position=n, kind=k) for n, k in enumerate(kinds)]


@pytest.mark.parametrize(
    ("kinds", "index"),
    [
        # a new meeting's opening items: the new item after them, not after TOP 1
        ((K.FORMAL, K.FORMAL, K.FORMAL, K.MINUTES_APPROVAL), None),
        # after the subjects, before "Termine und nächste Sitzung" and "Verschiedenes"
        ((K.FORMAL, K.MINUTES_APPROVAL, K.REPORT, K.MISCELLANEOUS, K.MISCELLANEOUS), 3),
        # a closing formality ("Schließung der Sitzung") after "Verschiedenes"
        ((K.FORMAL, K.CONSULTATION, K.MISCELLANEOUS, K.FORMAL), 2),
        # a formality among the subjects is none of the closing items
        ((K.FORMAL, K.REPORT, K.FORMAL, K.RESOLUTION), None),
        # no opening items: before the closing one all the same
        ((K.MISCELLANEOUS,), 0),
        ((), None),
    ],
)
def test_a_new_item_goes_after_the_opening_and_before_the_closing_items(kinds, index) -> None:
    assert new_item_index(_top(*kinds)) == index


def test_sub_items_do_not_count_for_where_a_new_item_goes() -> None:
    items = [*_top(K.FORMAL, K.REPORT), AgendaItem(9, "Schluss", parent=2, kind=K.FORMAL)]

    assert new_item_index(items) is None
