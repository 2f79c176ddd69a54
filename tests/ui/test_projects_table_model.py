"""The projects table model, its filter proxy and the detail lists, without the page."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtCore import Qt

from expertenrat.domain.enums import MeetingKind, MeetingState, ProjectPhase, RecommendationStatus
from expertenrat.domain.projects import (
    Consultation,
    ConsultedItem,
    Project,
    ProjectEntry,
    ProjectRecommendation,
)
from expertenrat.ui.project_detail_panel import ConsultationsModel, RecommendationsModel
from expertenrat.ui.projects_filter_proxy import ProjectsFilterProxy
from expertenrat.ui.projects_table_model import ProjectsTableModel


def _entries() -> list[ProjectEntry]:
    return [
        ProjectEntry(
            Project(
                id=1,
                title="Intelligente Parkraumsteuerung Warnemünde",
                short_code="PW",
                action_field_id=2,
                contact_name="Ole Fründt",
                phase=ProjectPhase.PLANNING,
                partners=("Hanse Mobility GmbH",),
            ),
            "Umwelt",
            consultations=12,
            recommendations=1,
        ),
        ProjectEntry(
            Project(id=2, title="Digitaler Zwilling", action_field_id=1, phase=ProjectPhase.IDEA),
            "Stadtdaten",
            consultations=3,
            recommendations=0,
        ),
        ProjectEntry(
            Project(
                id=3,
                title="Öffentliches WLAN",
                action_field_id=1,
                phase=ProjectPhase.COMPLETED,
                partners=("Stadtwerke Rostock AG", 'Kim "K" & <Co> 🚀 مرحبا'),
            ),
            "Stadtdaten",
            consultations=0,
            recommendations=0,
        ),
    ]


def _model_and_proxy():
    model = ProjectsTableModel()
    model.set_projects(_entries())
    proxy = ProjectsFilterProxy()
    proxy.setSourceModel(model)
    return model, proxy


def _titles(proxy) -> list[str]:
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def test_the_model_passes_the_model_tester(qtmodeltester):
    model, _proxy = _model_and_proxy()
    qtmodeltester.check(model)


def test_rows_start_in_title_order_accents_aside():
    model, _proxy = _model_and_proxy()
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == ["Digitaler Zwilling", "Intelligente Parkraumsteuerung Warnemünde",
                      "Öffentliches WLAN"]  # fmt: skip


def test_cells_show_field_phase_partners_and_counts_literally():
    model, _proxy = _model_and_proxy()
    wlan = model.row_of(3)
    cell = lambda column: model.index(wlan, column).data()  # noqa: E731
    assert cell(ProjectsTableModel.COLUMN_FIELD) == "Stadtdaten"
    assert cell(ProjectsTableModel.COLUMN_PHASE) == "abgeschlossen"
    assert cell(ProjectsTableModel.COLUMN_PARTNERS) == (
        'Stadtwerke Rostock AG, Kim "K" & <Co> 🚀 مرحبا'
    )
    assert cell(ProjectsTableModel.COLUMN_CONSULTATIONS) == "0"
    assert model.index(wlan, 0).data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed


def test_phase_and_counts_sort_natively():
    _model, proxy = _model_and_proxy()
    proxy.sort(ProjectsTableModel.COLUMN_PHASE)
    assert _titles(proxy)[0] == "Digitaler Zwilling"  # Idee before Planung (not A–Z)
    proxy.sort(ProjectsTableModel.COLUMN_CONSULTATIONS, Qt.SortOrder.DescendingOrder)
    assert _titles(proxy)[0] == "Intelligente Parkraumsteuerung Warnemünde"  # 12 > 3 > 0


def test_filters_by_field_phase_and_folded_search_words():
    _model, proxy = _model_and_proxy()
    proxy.set_field(1)
    assert _titles(proxy) == ["Digitaler Zwilling", "Öffentliches WLAN"]
    proxy.set_phase(ProjectPhase.COMPLETED)
    assert _titles(proxy) == ["Öffentliches WLAN"]
    proxy.set_field(None)
    proxy.set_phase(None)
    proxy.set_search("frundt")  # the contact, accents aside
    assert _titles(proxy) == ["Intelligente Parkraumsteuerung Warnemünde"]
    proxy.set_search("FRUENDT hanse")  # spelt out, and a partner
    assert _titles(proxy) == ["Intelligente Parkraumsteuerung Warnemünde"]
    proxy.set_search("offentl")
    assert _titles(proxy) == ["Öffentliches WLAN"]
    proxy.set_search("")
    assert len(_titles(proxy)) == 3


def test_a_reread_of_the_same_projects_updates_one_row_and_keeps_the_rest():
    model, _proxy = _model_and_proxy()
    resets, changed = [], []
    model.modelReset.connect(lambda: resets.append(True))
    model.dataChanged.connect(lambda first, last: changed.append((first.row(), last.row())))
    entries = _entries()
    entries[1] = replace(entries[1], consultations=4)

    model.set_projects(entries)

    assert resets == []
    assert changed == [(model.row_of(2), model.row_of(2))]


def test_the_detail_models_pass_the_model_tester(qtmodeltester):
    consultations = ConsultationsModel()
    consultations.set_rows(
        [
            Consultation((ConsultedItem(7, 1, 3, 5, datetime(2026, 3, 12, 16), "",
                                        MeetingKind.REGULAR, MeetingState.HELD, "3",
                                        "Beratung <Zwilling>", True),)),
            Consultation(tuple(
                ConsultedItem(key, 2, 3, None, datetime(2026, 6, 9, 16), "Mobilität",
                              MeetingKind.WORKSHOP, MeetingState.PLANNED, number, title, public)
                for key, number, title, public in ((9, "2", "Vergabe", True),
                                                   (10, "2.1", "Angebote", False))
            )),
        ]
    )  # fmt: skip
    recommendations = RecommendationsModel()
    recommendations.set_rows(
        [ProjectRecommendation(1, "E-2026-07", "Daten öffnen", RecommendationStatus.SENT,
                               date(2026, 3, 12), None)]
    )  # fmt: skip
    qtmodeltester.check(consultations)
    qtmodeltester.check(recommendations)
    assert consultations.index(0, 0).data() == "5. Sitzung"
    assert [consultations.index(1, c).data() for c in range(4)] == [
        "Klausur (geplant)", "09.06.2026", "2, 2.1", "Vergabe; (nichtöffentlich) Angebote"
    ]  # fmt: skip
    assert consultations.index(1, 3).data(Qt.ItemDataRole.ToolTipRole) == (
        "2 Vergabe\n2.1 (nichtöffentlich) Angebote"
    )
    assert recommendations.index(0, 2).data() == "übermittelt"
