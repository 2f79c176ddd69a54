"""The search across a council's records on SQLite and PostgreSQL (the demo)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest
from client_statements import recorded_statements
from sqlalchemy import select, update

from expertenrat.domain.council_search import HitKind
from expertenrat.domain.enums import MinutesState
from expertenrat.domain.overview import Area, MeetingTab, Target
from expertenrat.services.council_search import CouncilSearchService
from expertenrat.store import models

COUNCIL = 1  # the demo's


def _whats(hits) -> list[str]:
    return [hit.what for hit in hits]


def test_case_accents_and_spelt_out_umlauts_find_alike(demo_database):
    index = CouncilSearchService(demo_database).index(COUNCIL)
    for typed in ("Warnemünde", "WARNEMÜNDE", "warnemunde", "Warnemuende"):
        hits = index.find(f"parkraum {typed}")
        assert "Intelligente Parkraumsteuerung Warnemünde" in _whats(hits), typed
        assert any(hit.kind is HitKind.AGENDA_ITEM for hit in hits), typed


def test_the_texts_of_approved_minutes_are_found_and_open_the_minutes(demo_database):
    hits = CouncilSearchService(demo_database).find(COUNCIL, "Erfahrungen anderer MODELLPROJEKTE")
    item = next(hit for hit in hits if hit.where.startswith("2. Sitzung"))
    assert item.kind is HitKind.AGENDA_ITEM
    assert "Modellprojekte" in item.excerpt
    assert (item.target.area, item.target.tab) == (Area.MEETINGS, MeetingTab.MINUTES)
    with demo_database.reading() as session:
        states = session.scalars(
            select(models.MinutesVersion.state).where(
                models.MinutesVersion.meeting_id == item.target.record_id
            )
        ).all()
    assert MinutesState.APPROVED.value in states  # frozen minutes


def test_a_recommendation_is_found_by_its_answer_and_its_projects_lead_unit(demo_database):
    search = CouncilSearchService(demo_database)
    answered = search.find(COUNCIL, "ausbauschritt")
    assert answered and all(hit.kind is HitKind.RECOMMENDATION for hit in answered)
    assert "Ausbauschritt" in answered[0].excerpt
    to_unit = search.find(COUNCIL, "Abteilung Digitalisierung")
    addressed = [hit for hit in to_unit if hit.kind is HitKind.RECOMMENDATION]
    assert addressed and all("Open-Data-Portal 2.0" in hit.where for hit in addressed)


def test_newest_first_after_the_projects(demo_database):
    hits = CouncilSearchService(demo_database).find(COUNCIL, "parkraum")
    kinds = [hit.kind for hit in hits]
    assert kinds[0] is HitKind.PROJECT
    days = [hit.day or date.min for hit in hits[1:]]  # a draft recommendation last
    assert days == sorted(days, reverse=True)


def test_the_projects_found_stand_by_title_umlauts_and_case_aside(demo_database):
    """(found by a tester) The database ordered them by bytes (or a server's own locale):
    "Ökologische Quokkastadt" and "eAkte-Quokka" came after "Zukunftsquokka"."""
    with demo_database.transaction() as session:
        for title in ("Zukunftsquokka", "Ökologische Quokkastadt", "eAkte-Quokka", "Bürgerquokka"):
            session.add(models.Project(council_id=COUNCIL, title=title, phase="idea"))

    hits = CouncilSearchService(demo_database).find(COUNCIL, "quokka")

    assert [hit.what for hit in hits if hit.kind is HitKind.PROJECT] == [
        "Bürgerquokka",
        "eAkte-Quokka",
        "Ökologische Quokkastadt",
        "Zukunftsquokka",
    ]


def test_the_record_whose_code_or_title_was_typed_comes_first(demo_database):
    """Found by a tester: minutes that named a recommendation's code, held later, came
    before the recommendation; so did items that named a meeting."""
    search = CouncilSearchService(demo_database)
    item, meeting = models.AgendaItem, models.Meeting
    with demo_database.transaction() as session:
        newest = session.scalars(
            select(item.id).join(meeting).order_by(meeting.starts_at.desc()).limit(1)
        ).one()
        session.execute(
            update(item).where(item.id == newest).values(discussion="Wie in E-2026-03 empfohlen.")
        )
    for typed in ("E-2026-03", "e 2026 3", "Herstellerneutral ausschreiben"):
        hits = search.find(COUNCIL, typed)
        assert _whats(hits)[0] == "E-2026-03 Herstellerneutral ausschreiben", typed
    naming = search.find(COUNCIL, "E-2026-03")[1:]
    assert [(hit.kind, hit.record_id) for hit in naming] == [(HitKind.AGENDA_ITEM, newest)]
    named = search.find(COUNCIL, "4. Sitzung")
    assert (named[0].kind, named[0].what) == (HitKind.MEETING, "4. Sitzung")
    rest = [hit.day for hit in named[1:]]
    assert rest == sorted(rest, reverse=True)  # the others still the newest first


@pytest.mark.parametrize(
    ("model", "kind", "word"),
    [
        (models.Project, HitKind.PROJECT, "Warnemünde"),
        (models.Meeting, HitKind.MEETING, "Sitzung"),
        (models.AgendaItem, HitKind.AGENDA_ITEM, "Warnemünde"),
        (models.Recommendation, HitKind.RECOMMENDATION, "Warnemünde"),
    ],
)
def test_a_deleted_record_is_left_out(demo_database, model, kind, word):
    """(found by review) Each kind's own deletion, not all at once: a meeting takes its
    agenda items along, a project the records found by its name only (not quoting the
    word, see the next tests), nothing else goes."""
    search = CouncilSearchService(demo_database)
    before = search.find(COUNCIL, word)
    record_id = min(hit.record_id for hit in before if hit.kind is kind)
    with demo_database.transaction() as session:
        session.execute(
            update(model).where(model.id == record_id).values(deleted_at=datetime.now(UTC))
        )

    after = {hit.id for hit in search.find(COUNCIL, word)}
    gone = {hit.id for hit in before} - after
    items = {
        hit.id
        for hit in before
        if kind is HitKind.MEETING
        and hit.kind is HitKind.AGENDA_ITEM
        and hit.target.record_id == record_id
    }
    naming = {
        hit.id
        for hit in before
        if kind is HitKind.PROJECT
        and hit.kind is not kind
        and not hit.excerpt
        and word not in hit.what
    }
    assert gone == {(kind, record_id), *items, *naming}


def test_an_empty_search_finds_nothing(demo_database):
    assert CouncilSearchService(demo_database).find(COUNCIL, "  ") == []


def test_the_index_takes_a_fixed_number_of_queries(demo_database):
    with recorded_statements(demo_database.engine) as sent:
        index = CouncilSearchService(demo_database).index(COUNCIL)
    assert len(index) > 100  # projects, meetings, items and recommendations
    assert len([s for s in sent if s.lstrip().upper().startswith("SELECT")]) == 11


def test_a_code_is_found_also_without_its_leading_zero(demo_database):
    search = CouncilSearchService(demo_database)
    (padded,) = [hit for hit in search.find(COUNCIL, "E-2025-02") if hit.what.startswith("E-")]
    unpadded = [hit for hit in search.find(COUNCIL, "e-2025-2") if hit.what.startswith("E-")]
    assert padded in unpadded


def test_another_councils_records_are_left_out(demo_database):
    """(found by review) A meeting moved to another council is found there, with its
    agenda items, and no longer in the first."""
    search = CouncilSearchService(demo_database)
    meeting_id = min(
        h.record_id for h in search.find(COUNCIL, "Sitzung") if h.kind is HitKind.MEETING
    )
    with demo_database.transaction() as session:
        other = models.Council(name="Digitalbeirat", city="Rostock")
        session.add(other)
        session.flush()
        other_id = other.id
        session.execute(
            update(models.Meeting)
            .where(models.Meeting.id == meeting_id)
            .values(council_id=other_id)
        )

    def meetings(council_id: int) -> set[int]:
        hits = search.find(council_id, "Sitzung")
        return {hit.target.record_id for hit in hits if hit.target.area is Area.MEETINGS}

    assert meetings(other_id) == {meeting_id}
    assert meeting_id not in meetings(COUNCIL)


def test_the_state_words_shown_where_a_record_is_do_not_find_it(demo_database):
    """(found by a tester) "öffentlich" found every non-public agenda item through the
    "nichtöffentlich" shown after its meeting, "durchgeführt" every held meeting."""
    search = CouncilSearchService(demo_database)
    item = models.AgendaItem
    with demo_database.reading() as session:
        non_public = session.execute(
            select(item.id, item.title).where(item.public.is_(False), item.deleted_at.is_(None))
        ).all()
    assert non_public
    found = {hit.id for hit in search.find(COUNCIL, "nichtöffentlich")}
    for item_id, title in non_public:
        assert (HitKind.AGENDA_ITEM, item_id) not in found, title
        [shown] = [hit for hit in search.find(COUNCIL, title) if hit.record_id == item_id]
        assert shown.where.endswith(", nichtöffentlich")
    held = [hit for hit in search.find(COUNCIL, "Sitzung") if "durchgeführt" in hit.where]
    assert held and not any(
        hit.kind is HitKind.MEETING for hit in search.find(COUNCIL, "durchgeführt")
    )
    # An item is still found by its meeting's name and day, its place in the council's year.
    day = f"{held[0].day:%d.%m.%Y}"
    by_meeting = search.find(COUNCIL, f"{held[0].what} {day}")
    assert any(hit.kind is HitKind.AGENDA_ITEM for hit in by_meeting)


def test_a_deleted_project_is_no_longer_found_through_the_records_naming_it(demo_database):
    """(found by a tester) Its title and Kürzel found the agenda items and recommendations
    that named it, which also showed its title."""
    search = CouncilSearchService(demo_database)
    named = search.find(COUNCIL, "IPW")  # the Kürzel of the Parkraumsteuerung Warnemünde
    # A meeting by its own annex only ("Praesentation-IPW.pdf"), which stays.
    by_annex = [hit for hit in named if hit.excerpt.endswith("(Praesentation-IPW.pdf)")]
    assert {hit.kind for hit in by_annex} == {HitKind.MEETING}
    assert {hit.kind for hit in named} == set(HitKind)
    project = models.Project
    with demo_database.transaction() as session:
        session.execute(
            update(project).where(project.short_code == "IPW").values(deleted_at=datetime.now(UTC))
        )

    assert search.find(COUNCIL, "IPW") == by_annex
    hits = search.find(COUNCIL, "Parkraumsteuerung Warnemünde")
    assert hits and not any(hit.kind is HitKind.PROJECT for hit in hits)
    assert not any("Warnemünde" in hit.where for hit in hits)


def test_a_day_is_found_as_people_type_it(demo_database):
    """(found by a tester) "12.3.2026", "12.03.26" and "März 2026" found nothing: only
    "12.03.2026" found the meeting of that day, its agenda items and the recommendations
    adopted then. Its dates shown in "Datum" are found so, too."""
    search = CouncilSearchService(demo_database)
    index = search.index(COUNCIL)
    meetings = [hit for hit in index.find("Sitzung") if hit.kind is HitKind.MEETING]
    # A day of two digits (not the 10th, 20th or 30th) in a month of one.
    meeting = next(
        hit for hit in meetings if hit.day.month < 10 and hit.day.day > 10 and hit.day.day % 10
    )
    day = meeting.day
    month = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September")
    typed_forms = (
        f"{day.day}.{day.month}.{day.year}",
        f"{day:%d.%m.%y}",
        f"{day.day}.{day.month}.{day:%y}",
        f"{month[day.month - 1]} {day.year}",
        f"{day:%Y-%m-%d}",  # (found by a tester) as the ISO form, too
        f"{month[day.month - 1][:3]}. {day.year}",  # and the month abbreviated
    )
    for typed in typed_forms:
        found = index.find(typed)
        assert meeting in found, typed
        assert any(hit.kind is HitKind.AGENDA_ITEM and hit.day == day for hit in found), typed
        assert all(hit.day and hit.day.month == day.month for hit in found), typed
    adopted = next(
        hit for hit in index.find("E-") if hit.kind is HitKind.RECOMMENDATION and hit.day
    )
    typed = f"{adopted.day.day}.{adopted.day.month}.{adopted.day:%y}"
    assert adopted.id in {hit.id for hit in index.find(typed)}
    # "6.4.2026" is not the 16th or the 26th.
    assert meeting not in index.find(f"{day.day % 10}.{day.month}.{day.year}")
    # Nor is its month a number of its own: "TOP 4" found every item of an April meeting.
    assert str(day.month) not in re.findall(r"\d+", f"{meeting.what} {meeting.where}")
    assert meeting not in index.find(str(day.month))


def test_guests_and_annexes_find_their_meeting_or_agenda_item(demo_database):
    """(found by a tester) "Wann war Frau Okonkwo als Gast da?" and the title or file name of
    an annex ("Verkehrsgutachten") found nothing: guests and annexes were not searched. The
    Fundstelle says what was found; a deleted annex is left out."""
    search = CouncilSearchService(demo_database)
    item_hit = next(hit for hit in search.find(COUNCIL, "TOP") if hit.kind is HitKind.AGENDA_ITEM)
    meeting_id, item_id = item_hit.target.record_id, item_hit.record_id
    content = b"%PDF-1.4"

    def annex(name: str, title: str, **where) -> models.StoredFile:
        return models.StoredFile(
            council_id=COUNCIL,
            meeting_id=meeting_id,
            name=name,
            title=title,
            content=content,
            size=len(content),
            sha256="0" * 64,
            **where,
        )

    with demo_database.transaction() as session:
        session.add(models.Guest(meeting_id=meeting_id, name="Ngozi Okonkwo", affiliation="IHK"))
        session.add(
            annex("gutachten-2026.pdf", "Verkehrsgutachten Lütten Klein", agenda_item_id=item_id)
        )
        session.add(annex("Einladung-Bürgerforum.pdf", ""))
        session.add(annex("alt.pdf", "Zurückgezogene Fassung", deleted_at=datetime(2026, 1, 2)))
    index = search.index(COUNCIL)

    (guest,) = index.find("okonkwo")
    assert (guest.kind, guest.record_id) == (HitKind.MEETING, meeting_id)
    assert guest.excerpt == "Gast: Ngozi Okonkwo, IHK"
    assert guest.target == Target(Area.MEETINGS, meeting_id, MeetingTab.ATTENDANCE)
    assert index.find("IHK Okonkwo") == [guest]
    (report,) = index.find("Verkehrsgutachten Lutten")
    assert (report.kind, report.record_id) == (HitKind.AGENDA_ITEM, item_id)
    assert report.excerpt == "Anlage: Verkehrsgutachten Lütten Klein (gutachten-2026.pdf)"
    assert report.target == Target(Area.MEETINGS, meeting_id, MeetingTab.ANNEXES)
    (invitation,) = index.find("einladung-buergerforum")
    assert (invitation.kind, invitation.record_id) == (HitKind.MEETING, meeting_id)
    assert invitation.target.tab is MeetingTab.ANNEXES
    # Found by its day, the meeting opens at its Sitzung tab.
    (by_day,) = [hit for hit in index.find(guest.where[:10]) if hit.id == guest.id]
    assert by_day.target.tab is MeetingTab.MEETING
    assert index.find("Zurückgezogene Fassung") == []
