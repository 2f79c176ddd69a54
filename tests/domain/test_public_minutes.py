"""The public minutes made from the full ones: who of the guests they name, and whom
they call "Mitglied ohne Namensnennung"."""

from __future__ import annotations

from dataclasses import replace

from minutes_sample import ITEMS, minutes
from pdf_reading import text

from expertenrat.domain.approved_minutes import (
    ApprovedMinutes,
    approved_minutes_json,
    parse_approved_minutes,
)
from expertenrat.domain.meeting_documents import DeclaredConflict
from expertenrat.domain.minutes_attendees import GuestLine
from expertenrat.domain.public_minutes import public_version
from expertenrat.reports.minutes_pdf import render_minutes


def _guests(presenters: dict[str, str], guests: tuple[GuestLine, ...]) -> list[str]:
    """The guests the public minutes name; ``presenters``: item number → presenter line."""
    items = tuple(replace(i, presenter=presenters.get(i.number, i.presenter)) for i in ITEMS)
    return [g.name for g in public_version(minutes(items=items, guests=guests)).guests]


def test_a_guest_who_presented_only_a_non_public_item_is_left_out_by_family_name_too():
    """(found by a tester) The guest "Dr. Merle Steffens" presented only the non-public TOP 4,
    typed as "Frau Steffens (Stadtwerke)": the public minutes named her, since only her
    whole name was looked for in the presenter lines."""
    guests = (GuestLine("Dr. Merle Steffens", "Stadtwerke"), GuestLine("Ina Wendt", "Hauptamt"))

    assert _guests({"4": "Frau Steffens (Stadtwerke)"}, guests) == ["Ina Wendt"]
    assert _guests({"4": "M. STEFFENS"}, guests) == ["Ina Wendt"]
    assert _guests({"4": "Dr. Merle Steffens"}, guests) == ["Ina Wendt"]


def test_a_guest_who_presented_a_public_item_too_is_named():
    guests = (GuestLine("Dr. Merle Steffens", "Stadtwerke"),)

    shown = _guests({"4": "Frau Steffens", "5": "Merle Steffens"}, guests)

    assert shown == ["Dr. Merle Steffens"]


def test_a_presenter_line_naming_the_guest_without_the_accents_leaves_the_guest_out():
    """Found by a tester: the guest "İlkay Gündoğan" presented only the non-public TOP 4,
    typed on a German keyboard as "Herr Gundogan": the public minutes named him."""
    guests = (GuestLine("İlkay Gündoğan", "Universität"), GuestLine("Seán O’Brien", "Amt"))

    assert _guests({"4": "Herr Gundogan; Herr O'Brien"}, guests) == []
    assert _guests({"4": "ILKAY GUNDOGAN"}, guests) == ["Seán O’Brien"]
    assert _guests({"4": "Gündoğan", "5": "Frau Gundogan"}, guests) == [g.name for g in guests]


def test_a_family_name_inside_another_word_is_no_mention():
    guests = (GuestLine("Ole Berg", "Amt für Mobilität"),)

    assert _guests({"4": "Frau Bergmann"}, guests) == ["Ole Berg"]


def test_an_unnamed_members_recusal_keeps_no_reason_that_tells_who_it_is():
    """A member who did not agree to the publication of name and institution, recused at
    a public item, stood in the public minutes as "Mitglied ohne Namensnennung (Institution
    „IHK zu Rostock“ ist Partner des Projekts)": the reason named the institution the
    consent withholds, and with it the member. The public minutes keep the recusal and drop
    its reason (found by a tester); a named member's reason stays."""
    reason = "Institution „IHK zu Rostock“ ist Partner des Projekts."
    items = tuple(
        replace(
            i,
            recused=(
                DeclaredConflict("Ödön Pál", reason),
                DeclaredConflict("Dr. Hanna Ost", "Mitarbeiterin im Projekt"),
            ),
        )
        if i.number == "2"
        else i
        for i in ITEMS
    )
    full = minutes(items=items, unnamed=frozenset({"Ödön Pál"}))

    public = public_version(full)

    item = next(i for i in public.items if i.number == "2")
    assert [(c.member_name, c.reason) for c in item.recused] == [
        ("Dr. Hanna Ost", "Mitarbeiterin im Projekt"),
        ("Mitglied ohne Namensnennung", ""),
    ]
    printed = " ".join(text(render_minutes(public).pdf).split())
    assert "IHK" not in printed and "Pál" not in printed
    assert "Mitglied ohne Namensnennung" in printed and "Mitarbeiterin im Projekt" in printed
    assert "IHK zu Rostock" in " ".join(text(render_minutes(full).pdf).split())


def test_a_guest_marked_as_present_only_in_the_non_public_part_is_left_out():
    """(found by a tester) The guest "Horst Geheimgast" of the Vergabestelle attended only
    the non-public item, which "Vergabestelle der Hanse- und Universitätsstadt" presented:
    no presenter line names him, and the public minutes did. Marked, he is left out, even
    where no presenter line names anyone and the full minutes name him as before."""
    guests = (
        GuestLine("Horst Geheimgast", "Vergabestelle", non_public_only=True),
        GuestLine("Ina Wendt", "Hauptamt"),
    )

    assert _guests({"4": "Vergabestelle der Hanse- und Universitätsstadt"}, guests) == ["Ina Wendt"]
    assert _guests({}, guests) == ["Ina Wendt"]
    assert [g.name for g in minutes(guests=guests).guests] == ["Horst Geheimgast", "Ina Wendt"]


def test_the_mark_survives_the_approved_record_and_an_older_record_reads_unmarked():
    """The public minutes rendered again from the approved record (a member withdrew the
    consent to be named) leave the marked guest out too; a record stored before the mark
    existed reads its guests as unmarked."""
    marked = GuestLine("Horst Geheimgast", "Vergabestelle", non_public_only=True)
    record = ApprovedMinutes(minutes(guests=(marked, GuestLine("Ina Wendt"))))

    text = approved_minutes_json(record)
    again = parse_approved_minutes(text)

    assert again == record
    assert [g.name for g in again.public().guests] == ["Ina Wendt"]
    older = text.replace(',"non_public_only":true', "").replace(',"non_public_only":false', "")
    assert "non_public_only" not in older
    assert not any(g.non_public_only for g in parse_approved_minutes(older).document.guests)
