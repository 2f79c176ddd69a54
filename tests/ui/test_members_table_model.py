"""The members table model and its filter proxy, without widgets."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QPersistentModelIndex, Qt
from PySide6.QtWidgets import QTableView

from expertenrat.domain.enums import MemberRole, Sector
from expertenrat.domain.members import Member
from expertenrat.domain.name_order import name_sort_key
from expertenrat.ui.members_filter_proxy import MembersFilterProxy, StatusFilter
from expertenrat.ui.members_table_model import MembersTableModel

TODAY = date(2026, 11, 27)
FIELDS = {1: "Stadtdaten", 2: "Umwelt", 3: "Soziale Stadt"}


def _members() -> list[Member]:
    return [
        Member(
            id=1,
            given_name="Łukasz",
            family_name="Wiśniewski",
            affiliation="Hanse Mobility GmbH",
            sector=Sector.BUSINESS,
            email="lukasz@example.org",
            primary_field_id=1,
            further_field_ids=(2,),
            term_start=date(2025, 1, 1),
            term_end=date(2027, 3, 1),
        ),
        Member(
            id=2,
            title="Prof. Dr.",
            given_name="Anna",
            family_name="Ahrens",
            affiliation="Universität Rostock",
            sector=Sector.RESEARCH,
            role=MemberRole.CHAIR,
            primary_field_id=3,
            term_start=date(2025, 1, 1),
        ),
        Member(
            id=3,
            given_name="Ödön",
            family_name="Pál",
            affiliation="IHK zu Rostock",
            primary_field_id=2,
            term_start=date(2023, 1, 1),
            term_end=date(2025, 12, 31),
        ),
    ]


@pytest.fixture
def model(qapp) -> MembersTableModel:
    model = MembersTableModel()
    model.set_members(_members(), FIELDS, TODAY)
    return model


@pytest.fixture
def proxy(model) -> MembersFilterProxy:
    proxy = MembersFilterProxy()
    proxy.setSourceModel(model)
    return proxy


def _names(proxy: MembersFilterProxy) -> list[str]:
    column = MembersTableModel.COLUMN_NAME
    return [proxy.index(row, column).data() for row in range(proxy.rowCount())]


def test_model_passes_the_model_tester(model, qtmodeltester):
    qtmodeltester.check(model)


def test_proxy_passes_the_model_tester(proxy, qtmodeltester):
    proxy.set_status(StatusFilter.ALL)
    qtmodeltester.check(proxy)


def _row_of(model, family_name: str) -> int:
    return next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(MembersTableModel.ObjectRole).family_name == family_name
    )


def test_rows_start_sorted_by_family_name(model):
    assert [model.index(r, 0).data() for r in range(3)] == [
        "Ahrens, Anna",
        "Pál, Ödön",
        "Wiśniewski, Łukasz",
    ]


def test_display_columns(model):
    row = [model.index(_row_of(model, "Wiśniewski"), c).data() for c in range(model.columnCount())]
    assert row[:5] == [
        "Wiśniewski, Łukasz",
        "Hanse Mobility GmbH",
        "Mitglied",
        "Stadtdaten",
        row[4],
    ]
    assert row[4].endswith("– 01.03.2027")
    assert row[5:8] == ["", "Wirtschaft", "Stadtdaten, Umwelt"]
    assert row[9] == "aktiv"
    ahrens, pal = _row_of(model, "Ahrens"), _row_of(model, "Pál")
    assert model.index(ahrens, MembersTableModel.COLUMN_TERM).data().endswith("– offen")
    assert model.index(pal, MembersTableModel.COLUMN_STATUS).data() == "ehemalig"


def test_object_role_gives_the_member(model):
    assert model.index(0, 0).data(MembersTableModel.ObjectRole).id == 2


def test_sorting_descending_in_the_proxy_keeps_persistent_indexes(proxy):
    proxy.set_status(StatusFilter.ALL)
    proxy.sort(MembersTableModel.COLUMN_NAME)
    kept = QPersistentModelIndex(proxy.index(0, 0))
    proxy.sort(MembersTableModel.COLUMN_NAME, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "Wiśniewski, Łukasz"
    assert kept.row() == 2 and kept.data() == "Ahrens, Anna"


def test_the_sort_role_gives_native_values(model):
    pal = _row_of(model, "Pál")
    assert model.index(pal, MembersTableModel.COLUMN_TERM).data(MembersTableModel.SortRole) == date(
        2025, 12, 31
    )
    ahrens = _row_of(model, "Ahrens")
    assert (
        model.index(ahrens, MembersTableModel.COLUMN_TERM).data(MembersTableModel.SortRole)
        == date.max
    )  # open terms sort last
    name = model.index(pal, MembersTableModel.COLUMN_NAME).data(MembersTableModel.SortRole)
    assert name == name_sort_key("Pál", "Ödön")


def test_sorting_by_a_date_column_is_by_date_not_by_its_text(model, proxy):
    # As text "01.03.2027" < "15.06.2026" < "31.12.2025"; as dates it is the other way round.
    ends = {1: date(2027, 3, 1), 2: date(2026, 6, 15), 3: date(2025, 12, 31)}
    start = date(2023, 1, 1)
    members = [replace(m, term_start=start, term_end=ends[m.id]) for m in _members()]
    model.set_members(members, FIELDS, TODAY)
    proxy.set_status(StatusFilter.ALL)
    proxy.sort(MembersTableModel.COLUMN_TERM)
    column = MembersTableModel.COLUMN_TERM
    shown = [proxy.index(r, column).data() for r in range(proxy.rowCount())]
    assert [text.removeprefix("01.01.2023 – ") for text in shown] == [
        "31.12.2025",
        "15.06.2026",
        "01.03.2027",
    ]
    proxy.sort(column, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, column).data() for r in range(3)] == list(reversed(shown))


def _selected_view(qtbot, proxy):
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(proxy)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    proxy.set_status(StatusFilter.ALL)
    proxy.sort(MembersTableModel.COLUMN_NAME)
    view.selectRow(1)  # Pál
    return view


def _selected_names(view) -> list[str]:
    return [index.data() for index in view.selectionModel().selectedRows()]


def test_rereading_the_same_members_updates_only_the_changed_row(qtbot, model, proxy):
    view = _selected_view(qtbot, proxy)
    view.scrollTo(proxy.index(2, 0))
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda first, last, _roles: changed.append(
            (first.row(), first.column(), last.row(), last.column())
        )
    )
    resets: list[bool] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    pal = next(m for m in _members() if m.family_name == "Pál")
    members = [replace(m, affiliation="IHK Rostock <neu>") if m == pal else m for m in _members()]

    model.set_members(members, FIELDS, TODAY)

    row = model.row_of(pal.id)
    assert changed == [(row, 0, row, model.columnCount() - 1)]
    assert not resets
    assert _selected_names(view) == ["Pál, Ödön"]
    affiliation = view.selectionModel().selectedRows(MembersTableModel.COLUMN_AFFILIATION)[0]
    assert affiliation.data() == "IHK Rostock <neu>"


def test_a_new_member_resets_the_model(model):
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    extra = replace(_members()[0], id=7, family_name="Zander")
    model.set_members([*_members(), extra], FIELDS, TODAY)
    assert resets == [True]
    assert model.rowCount() == 4


def test_active_is_the_default_filter(proxy):
    assert sorted(_names(proxy)) == ["Ahrens, Anna", "Wiśniewski, Łukasz"]


def test_former_and_all(proxy):
    proxy.set_status(StatusFilter.FORMER)
    assert _names(proxy) == ["Pál, Ödön"]
    proxy.set_status(StatusFilter.ALL)
    assert proxy.rowCount() == 3


def test_search_matches_every_word_case_insensitively(proxy):
    proxy.set_status(StatusFilter.ALL)
    proxy.set_search("rostock UNIVERSITÄT")
    assert _names(proxy) == ["Ahrens, Anna"]
    proxy.set_search("lukasz@")
    assert _names(proxy) == ["Wiśniewski, Łukasz"]
    proxy.set_search("umwelt")  # a further field
    assert sorted(_names(proxy)) == ["Pál, Ödön", "Wiśniewski, Łukasz"]
    proxy.set_search("")
    assert proxy.rowCount() == 3


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("wisniewski", ["Wiśniewski, Łukasz"]),
        ("LUKASZ WIŚNIEWSKI", ["Wiśniewski, Łukasz"]),
        ("odon", ["Pál, Ödön"]),
        ("oedoen pal", ["Pál, Ödön"]),
        ("universitat", ["Ahrens, Anna"]),
        ("universitaet", ["Ahrens, Anna"]),
        ("mueller", ["Müller, Jörg"]),
        ("muller", ["Müller, Jörg"]),
        ("MÜLLER joerg", ["Müller, Jörg"]),
        ("brueggemann", ["Müller, Jörg"]),  # through the e-mail address, as before
    ],
)
def test_search_ignores_case_and_accents(model, proxy, query, names):
    nfd = unicodedata.normalize("NFD", "Jörg Müller")
    joerg = Member(
        id=4,
        given_name=nfd.split()[0],
        family_name=nfd.split()[1],
        email="j.brueggemann@example.org",
        primary_field_id=1,
        term_start=date(2025, 1, 1),
    )
    model.set_members([*_members(), joerg], FIELDS, TODAY)
    proxy.set_status(StatusFilter.ALL)

    proxy.set_search(query)

    assert [unicodedata.normalize("NFC", name) for name in _names(proxy)] == names


def test_field_filter_includes_further_fields(proxy):
    proxy.set_field(2)
    assert _names(proxy) == ["Wiśniewski, Łukasz"]
    proxy.set_status(StatusFilter.ALL)
    assert sorted(_names(proxy)) == ["Pál, Ödön", "Wiśniewski, Łukasz"]


def test_sorting_by_name_and_term(proxy):
    proxy.set_status(StatusFilter.ALL)
    proxy.sort(MembersTableModel.COLUMN_NAME)
    assert _names(proxy) == ["Ahrens, Anna", "Pál, Ödön", "Wiśniewski, Łukasz"]
    proxy.sort(MembersTableModel.COLUMN_TERM)
    assert _names(proxy) == ["Pál, Ödön", "Wiśniewski, Łukasz", "Ahrens, Anna"]


def test_sorting_by_name_puts_particles_behind_and_umlauts_with_their_letter(model, proxy):
    """The Name column sorts by name_sort_key: "von Hohenzollern" under H, between Hoffmann
    and Huber; "Öztürk" under O, before Zimmermann (a plain text order put both last)."""
    extra = [
        Member(id=10 + i, given_name="Kim", family_name=name, term_start=date(2025, 1, 1))
        for i, name in enumerate(("Zimmermann", "von Hohenzollern", "Huber", "Öztürk", "Hoffmann"))
    ]
    model.set_members(_members() + extra, FIELDS, TODAY)
    proxy.set_status(StatusFilter.ALL)
    proxy.sort(MembersTableModel.COLUMN_NAME)
    assert _names(proxy) == [
        "Ahrens, Anna",
        "Hoffmann, Kim",
        "von Hohenzollern, Kim",
        "Huber, Kim",
        "Öztürk, Kim",
        "Pál, Ödön",
        "Wiśniewski, Łukasz",
        "Zimmermann, Kim",
    ]
    proxy.sort(MembersTableModel.COLUMN_NAME, Qt.SortOrder.DescendingOrder)
    assert _names(proxy)[:3] == ["Zimmermann, Kim", "Wiśniewski, Łukasz", "Pál, Ödön"]
    unsorted = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert unsorted.index("von Hohenzollern, Kim") == 2  # the model's own start order too


def test_every_column_sorts(proxy):
    proxy.set_status(StatusFilter.ALL)
    for column in range(proxy.columnCount()):
        proxy.sort(column)
        values = [
            proxy.index(r, column).data(MembersTableModel.SortRole) for r in range(proxy.rowCount())
        ]
        assert values == sorted(values)
