"""The register's filter on its own: search words (accents aside, typing on narrows what was
found), and the other settings, over rows of the table model."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.overview import Area, Target, TargetFilter
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_search import found_by_search
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.ui.recommendations_filter import RegisterFilter
from expertenrat.ui.recommendations_filter_bar import RecommendationsFilterBar
from expertenrat.ui.recommendations_table_model import register_row

S = RecommendationStatus


def _row(n: int, title: str, status: S = S.SENT, overdue: int = 0) -> RecommendationRow:
    return RecommendationRow(
        id=n,
        code=f"E-2026-{n:02d}",
        kind=RecommendationKind.RECOMMENDATION,
        title=title,
        action_field_id=n % 2 + 1,
        action_field="Umwelt" if n % 2 else "Stadtdaten",
        projects=(AddressedProject(n % 3, f"Vorhaben {n % 3}", "Amt"),),
        origin=Origin(None, "", None, None),
        adopted_on=date(2026, 3, 1),
        sent_on=date(2026, 3, 2),
        due_on=date(2026, 5, 2),
        status=status,
        days_overdue=overdue,
        version=1,
    )


ROWS = [
    register_row(r)
    for r in (
        _row(1, "Klimadaten für Ältere"),
        _row(2, "Klimaschutz & <Mobilität>", S.ANSWERED),
        _row(3, "Müllabfuhr digital", overdue=4),
        _row(4, "Kleine Schritte", S.DRAFT),
    )
]


def found(register_filter: RegisterFilter) -> list[int]:
    return [
        r.recommendation.id for r, ok in zip(ROWS, register_filter.accepts(ROWS), strict=True) if ok
    ]


def test_typing_on_and_back_gives_the_same_as_a_fresh_search():
    changes = []
    typing = RegisterFilter(lambda: changes.append(1))
    for text, expected in (
        ("k", [1, 2, 4]),
        ("kl", [1, 2, 4]),
        ("klima", [1, 2]),
        ("klima ALTERE", [1]),
        ("klima", [1, 2]),
        ("mueller", []),
        ("muell", [3]),
        ("mull", [3]),
        ("", [1, 2, 3, 4]),
    ):
        typing.set_search(text)
        fresh = RegisterFilter()
        fresh.set_search(text)
        assert found(typing) == found(fresh) == expected, text
    assert len(changes) == 9


def test_the_other_settings_combine_with_the_search():
    register_filter = RegisterFilter()
    register_filter.set_search("kl")
    register_filter.set_statuses(frozenset({S.SENT, S.DRAFT}))
    assert found(register_filter) == [1, 4]
    register_filter.set_field(1)
    assert found(register_filter) == [4]
    register_filter.set_search("")
    register_filter.set_field(None)
    register_filter.set_statuses(frozenset())
    register_filter.set_overdue(True)
    assert found(register_filter) == [3]
    register_filter.set_overdue(False)
    register_filter.set_project(1)
    assert found(register_filter) == [1, 4]
    register_filter.set_year(2025)
    assert found(register_filter) == []


def test_abschluss_moeglich_keeps_the_settled_rows_only():
    """The Übersicht's "Abschluss möglich" as a filter: answered, every standing answer
    final (``RecommendationRow.settled``), not every "beantwortet" one."""
    rows = [
        register_row(replace(_row(5, "Abgeschlossen beantwortet", S.ANSWERED), settled=True)),
        *ROWS,  # E-2026-02 "beantwortet" too, awaiting more
    ]
    register_filter = RegisterFilter()
    register_filter.set_settled(True)
    kept = register_filter.accepts(rows)
    assert [r.recommendation.id for r, ok in zip(rows, kept, strict=True) if ok] == [5]


def test_the_status_filter_offers_abschluss_moeglich_and_no_twin_of_uebermittelt(qtbot):
    """ "Stellungnahme ausstehend" chose exactly what "übermittelt" does: gone. The
    Übersicht's targets choose "übermittelt" and "Abschluss möglich"."""
    bar = RecommendationsFilterBar(RegisterFilter(lambda: None))
    qtbot.addWidget(bar)
    texts = [bar.status_combo.itemText(i) for i in range(bar.status_combo.count())]
    assert "Stellungnahme ausstehend" not in texts
    assert texts[:3] == ["Alle Status", "überfällig", "Abschluss möglich"]
    bar.show_target(Target(Area.RECOMMENDATIONS, filter=TargetFilter.OPEN))
    assert bar.status_combo.currentText() == "übermittelt"
    assert bar.chosen_filter().statuses == frozenset({S.SENT})
    bar.show_target(Target(Area.RECOMMENDATIONS, filter=TargetFilter.CLOSABLE))
    assert bar.chosen_filter().settled


def test_the_project_filter_marks_a_finished_project(qtbot):
    """(found by a tester) The register's project filter named a finished project as any
    other; it is marked as in the other project choosers."""
    bar = RecommendationsFilterBar(RegisterFilter(lambda: None))
    qtbot.addWidget(bar)
    ended = AddressedProject(7, "Altes Portal", ended=True)
    rows = [_row(1, "Eins"), replace(_row(2, "Zwei"), projects=(ended,))]
    bar.fill(rows, [])
    texts = [bar.project_combo.itemText(i) for i in range(bar.project_combo.count())]
    assert texts == ["Alle Projekte", "Altes Portal (abgeschlossen)", "Vorhaben 1"]
    bar.project_combo.setCurrentIndex(1)
    assert bar.chosen_filter().project_id == 7


def test_the_project_filter_lists_the_projects_by_title_umlauts_and_case_aside(qtbot):
    """(found by a tester) "Öffentliches WLAN" and "eAkte" stood after "Zukunftsstadt":
    sorted by their characters, as on a PC without the German order."""
    bar = RecommendationsFilterBar(RegisterFilter(lambda: None))
    qtbot.addWidget(bar)
    titles = ("Zukunftsstadt", "Öffentliches WLAN", "eAkte", "Bürgerportal")
    rows = [
        replace(_row(n, "Eins"), projects=(AddressedProject(n, title),))
        for n, title in enumerate(titles, start=1)
    ]
    bar.fill(rows, [])
    texts = [bar.project_combo.itemText(i) for i in range(1, bar.project_combo.count())]
    assert texts == ["Bürgerportal", "eAkte", "Öffentliches WLAN", "Zukunftsstadt"]


def test_the_filter_combos_have_names_for_a_screen_reader(qtbot):
    """(found by a tester) a screen reader heard only "Alle Jahre", not what it filters."""
    bar = RecommendationsFilterBar(RegisterFilter(lambda: None))
    qtbot.addWidget(bar)
    combos = (bar.status_combo, bar.field_combo, bar.project_combo, bar.year_combo)
    assert [c.accessibleName() for c in combos] == ["Status", "Handlungsfeld", "Projekt", "Jahr"]


def test_a_code_typed_without_its_leading_zero_is_found():
    """(found by a tester) "E-2026-8" did not find E-2026-08."""
    register_filter = RegisterFilter()
    register_filter.set_search("E-2026-3")
    assert found(register_filter) == [3]
    register_filter.set_search("e-2026-03")
    assert found(register_filter) == [3]


def test_a_complete_code_finds_that_code_only_and_a_part_finds_all_it_begins():
    """ "E-2026-8" found E-2026-80 to -89 too: a complete code is looked for whole; "E-2026-"
    and "E-2026-0" are parts of codes and find every code holding them."""
    rows = [register_row(_row(n, f"Empfehlung {n}")) for n in (8, 18, 80, 81, 108)]
    register_filter = RegisterFilter()

    def codes(text: str) -> list[str]:
        register_filter.set_search(text)
        accepted = register_filter.accepts(rows)
        return [r.recommendation.code for r, ok in zip(rows, accepted, strict=True) if ok]

    assert codes("E-2026-8") == ["E-2026-08"]
    assert codes("e-2026-08") == ["E-2026-08"]
    assert codes("E-2026-80") == ["E-2026-80"]
    assert codes("E-2026-8 Empfehlung") == ["E-2026-08"]
    assert codes("E-2026-") == ["E-2026-08", "E-2026-18", "E-2026-80", "E-2026-81", "E-2026-108"]
    assert codes("E-2026-0") == ["E-2026-08"]
    assert codes("E-2026-1") == []  # no E-2026-01
    assert codes("2026-8") == ["E-2026-08", "E-2026-80", "E-2026-81"]
    plain = [r.recommendation for r in rows]
    assert [r.code for r in found_by_search(plain, "E-2026-8")] == ["E-2026-08"]
    assert [r.code for r in found_by_search(plain, "E-2026-8")] == codes("E-2026-8")
