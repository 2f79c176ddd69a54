"""The minutes PDF read back with pypdf: every element, public version, draft mark,
bookmarks, metadata, odd text, long texts and many items."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from minutes_sample import (
    APPROVAL,
    ITEMS,
    SECRET,
    SECRET_GUEST,
    SECRET_REASON,
    minutes,
)
from pdf_reading import flat, outline, pages, read, text, text_runs
from pypdf.generic import ContentStream

from expertenrat.domain.enums import MeetingKind, MinutesState, MinutesStyle, VoteMode
from expertenrat.domain.meeting_documents import PUBLIC_ONLINE_NOTE, DeclaredConflict
from expertenrat.domain.minutes_attendees import AbsentMember, GuestLine, PresentMember
from expertenrat.domain.minutes_document import DRAFT_MARK, WITHHELD_LINE
from expertenrat.domain.minutes_items import AdoptedRecommendation, MinutesItem, VoteRecord
from expertenrat.domain.public_minutes import UNNAMED_MEMBER, public_version
from expertenrat.domain.quorum import QuorumResult
from expertenrat.reports.minutes_pdf import PUBLIC_NOTE, render_minutes
from expertenrat.reports.page_geometry import content_width

LATIN_HOSTILE = """Kim "K" & <Co>; O'Neil, a\\b \ufffd"""
HEBREW = "שלום"


def test_full_minutes_print_every_element_of_german_practice() -> None:
    printed = text(render_minutes(minutes()).pdf)
    expected = [
        "Protokoll der 5. Sitzung",
        "Smart City Expert*innenrat",
        "Dienstag, 10. März 2026",
        "16:05–18:10 Uhr",
        "Rathaus Rostock, Raum 1.23",
        "Sitzungsleitung",
        "Prof. Dr. Maria Nord",
        "Frau Schulz",
        # attendance: role, action field, partial attendance, excused, absent, guests
        "Vorsitz",
        "Stadtdaten",
        "ab TOP 2",
        "bis TOP 4 (17:40 Uhr)",
        "ohne Stimmrecht",
        "Entschuldigt Erika Süd",
        "Abwesend Max Mustermann",
        "Gülşen Yılmaz (Amt für Digitalisierung, Projektleitung)",
        # invitation, quorum, agenda
        "Die Einladung wurde am 24.02.2026 versandt; sie erfolgte form- und fristgerecht",
        "7 von 9 stimmberechtigten Mitgliedern anwesend – beschlussfähig",
        "Die Beschlussfähigkeit wurde festgestellt",
        "TOP 3 wurde vorgezogen.",
        # items: number, title, public flag, presenter, project, discussion, motion, resolution
        "TOP 2 Beratung: Offene Daten für Rostock",
        "öffentlich · Beratung eines Projekts · Vortrag: Gülşen Yılmaz",
        "Projekt: Urbane Datenplattform",
        "Verlauf der Beratung",
        "Die Projektleitung berichtet über den Stand.",
        "Antrag Der Rat möge empfehlen",
        "Beschluss Der Expert*innenrat empfiehlt, die Daten unter CC BY 4.0",
        # votes
        "Ja 7 · Nein 1 · Enthaltung 1 · befangen: Dr. Hanna Ost (Mitarbeiterin im Projekt) – "
        "angenommen",
        "einstimmig angenommen",
        "ohne Abstimmung zur Kenntnis genommen",
        # recommendations with codes, closing, annexes, signatures
        "E-2026-07 – Empfehlung: Offene Lizenz",
        "Handlungsfeld: Stadtdaten",
        "Ende der Sitzung: 18:10 Uhr",
        "Anlage 1: Präsentation Datenplattform",
        "Anlage 2: Angebotsvergleich",
        "Protokoll Frau Schulz",
        "Keine Eintragungen.",
        SECRET,
        SECRET_REASON,
    ]
    for needle in expected:
        assert needle in printed, needle
    assert printed.index("TOP 1 Eröffnung") < printed.index("TOP 2 Beratung")


def test_every_guest_of_a_long_list_is_named_and_the_list_runs_on() -> None:
    # Found by a tester: twelve guests with their office were one cell cut at 40 % of a
    # page: "Gast 8 (Amt für …" ended in "…", the last guests were missing from the
    # minutes, and the cell went to the next page whole, leaving the first one half empty.
    office = "Amt für Digitalisierung, Informationstechnik und Organisation der Hanse- und"
    guests = tuple(
        GuestLine(
            f"Gast {n} mit einem recht langen Namen", f"{office} Universitätsstadt", "Leitung"
        )
        for n in range(20)
    )
    rendered = pages(render_minutes(minutes(guests=guests)).pdf)

    printed = flat(" ".join(rendered))
    assert all(f"Gast {n} mit einem recht langen Namen ({office}" in printed for n in range(20))
    assert "Gäste" in flat(rendered[0])  # the list starts where the attendance is


def test_a_member_without_an_action_field_shows_a_dash_in_the_attendance() -> None:
    """(found by a tester) The cell stood empty, where the roster, the annual report and
    the minutes' own "Abwesend –" print a dash."""
    present = (PresentMember("Prof. Dr. Maria Nord", "Vorsitz", "Stadtdaten"),
               PresentMember("Ödön Pál", "Mitglied", ""))  # fmt: skip
    printed = text(render_minutes(minutes(present=present)).pdf)

    assert "Ödön Pál Mitglied – ganze Sitzung" in printed


def test_a_kind_the_title_begins_with_is_not_repeated_as_in_the_invitation() -> None:
    """(found by a tester) The agenda table and the item's line of facts printed
    "Verschiedenes" under "Verschiedenes" and "Bericht" under "Bericht der
    Geschäftsstelle"; the invitation leaves such a kind out."""
    items = (
        MinutesItem("1", "Bericht der Geschäftsstelle", kind_label="Bericht"),
        MinutesItem("2", "Beratung: Offene Daten", kind_label="Beratung eines Projekts"),
        MinutesItem("3", "Verschiedenes", kind_label="Verschiedenes"),
    )
    printed = text(render_minutes(minutes(items=items)).pdf)

    assert "TOP 1 Bericht der Geschäftsstelle öffentlich TOP 2" in printed  # agenda table
    assert (
        "TOP 3 Verschiedenes öffentlich" in printed and "Verschiedenes Verschiedenes" not in printed
    )
    assert "TOP 2 Beratung: Offene Daten Beratung eines Projekts öffentlich" in printed
    assert "öffentlich · Bericht" not in printed and "öffentlich · Verschiedenes" not in printed
    assert "öffentlich · Beratung eines Projekts" in printed


def test_every_page_header_dates_the_meeting_without_a_colon_after_vom() -> None:
    """(found by a tester) Every page's header read "Sitzung vom: 10.03.2026": German puts
    no colon between a preposition and its date."""
    printed = pages(render_minutes(minutes(items=ITEMS * 6)).pdf)

    assert len(printed) > 1
    assert all("Sitzung vom 10.03.2026" in page and "vom:" not in page for page in printed)


def test_a_member_recused_at_an_item_only_taken_note_of_is_named() -> None:
    # A non-public award the council only takes note of: the member who left the room
    # must stand in the minutes, though no vote line could name them.
    noted = MinutesItem(
        "6",
        "Rufbus: Vergabe",
        public=False,
        votes=(VoteRecord(mode=VoteMode.NOTED),),
        recused=(DeclaredConflict("Lukas Fuchs", "Mitarbeiter des Bieters"),),
    )

    printed = text(render_minutes(minutes(items=(*ITEMS, noted))).pdf)

    after = printed[printed.index("TOP 6 Rufbus: Vergabe") :]
    assert "ohne Abstimmung zur Kenntnis genommen" in after
    assert "Befangen Lukas Fuchs (Mitarbeiter des Bieters)" in after


def test_a_recusal_reason_ending_in_a_full_stop_reads_as_in_the_vote_line() -> None:
    """(found by a tester) "Befangen: Ł. W. (… Partner des Projekts.)": the line of an
    item only taken note of kept the reason's full stop inside the bracket, which the vote
    line of a counted item leaves out."""
    reason = "Institution „Hanse Mobility GmbH“ ist Partner des Projekts."
    recused = (DeclaredConflict("Lukas Fuchs", reason), DeclaredConflict("Anna Berg", "Bieterin."))
    noted = MinutesItem("6", "Vergabe", votes=(VoteRecord(mode=VoteMode.NOTED),), recused=recused)
    counted = MinutesItem(
        "7", "Empfehlung", votes=(VoteRecord(yes=5, adopted=True),), recused=recused
    )

    printed = " ".join(text(render_minutes(minutes(items=(noted, counted))).pdf).split())

    named = (
        "Lukas Fuchs (Institution „Hanse Mobility GmbH“ ist Partner des Projekts); "
        "Anna Berg (Bieterin)"
    )
    assert f"Befangen {named}" in printed
    assert f"befangen: {named} – angenommen" in printed
    assert ".)" not in printed


def test_a_recommendation_s_head_is_never_left_at_a_page_s_foot_without_its_text() -> None:
    """(found by a tester) "E-2026-06 – Empfehlung: …" and its project line stood at the
    foot of page 3, "Vor dem Start ist …" overleaf. Pushed down line by line over a whole
    page, the label, the head and the text's first line always share a page."""
    adopted = AdoptedRecommendation(
        "E-2026-06",
        "Datenschutz-Folgenabschätzung vor dem Start",
        text="Vor dem Start ist eine Datenschutz-Folgenabschätzung durchzuführen.",
        project_title="Digitale Beteiligungsplattform",
        action_field="Moderne Verwaltung",
    )
    split = []
    for lines in range(20, 76):
        discussion = "\n".join(f"Zeile {n} des Verlaufs der Beratung." for n in range(lines))
        item = MinutesItem("1", "Beratung", discussion=discussion, recommendations=(adopted,))
        printed = pages(render_minutes(minutes(items=(item,))).pdf)
        where = {
            part: [n for n, page in enumerate(printed) if part in page]
            for part in ("Beschlossene Empfehlungen", "E-2026-06", "Projekt: Digitale", "Vor dem")
        }
        if len({tuple(found) for found in where.values()}) != 1:
            split.append((lines, where))
    assert split == []


def test_every_page_of_a_draft_says_entwurf_and_an_approved_one_never() -> None:
    draft = render_minutes(minutes(items=ITEMS * 6)).pdf
    assert len(pages(draft)) > 3
    assert all(DRAFT_MARK in page for page in pages(draft))
    circulated = minutes(
        state=MinutesState.CIRCULATED,
        circulated_on=APPROVAL.approved_on,
        objections_due_on=APPROVAL.approved_on,
    )
    assert all(DRAFT_MARK in page for page in pages(render_minutes(circulated).pdf))
    approved = render_minutes(minutes(items=ITEMS * 6, approval=APPROVAL)).pdf
    assert not any(DRAFT_MARK in page for page in pages(approved))
    printed = text(approved)
    assert "Genehmigt in der 6. Sitzung am 09.06.2026." in printed
    assert APPROVAL.fingerprint in printed.replace(" ", "")


def test_circulated_draft_names_the_date_sent_and_the_objection_deadline() -> None:
    doc = minutes(
        state=MinutesState.CIRCULATED,
        circulated_on=APPROVAL.approved_on,
        objections_due_on=APPROVAL.approved_on.replace(day=23),
    )
    assert "Entwurf, versandt am 09.06.2026, Einwände bis 23.06.2026." in text(
        render_minutes(doc).pdf
    )


def test_a_corrected_drafts_state_line_keeps_the_sending_with_its_deadline() -> None:
    """(found by a tester) "versandt am 25.01.2027, nach einem Einwand berichtigt am
    16.04.2027; Einwände bis 08.02.2027." went back in time at its end."""
    doc = minutes(
        state=MinutesState.CIRCULATED,
        circulated_on=date(2027, 1, 25),
        objections_due_on=date(2027, 2, 8),
        corrected_on=date(2027, 4, 16),
    )
    assert (
        "Entwurf, versandt am 25.01.2027, Einwände bis 08.02.2027; nach einem Einwand "
        "berichtigt am 16.04.2027."
    ) in text(render_minutes(doc).pdf)


def test_public_version_leaves_non_public_items_and_their_people_out() -> None:
    full = minutes()
    public = render_minutes(public_version(full)).pdf
    printed = text(public)
    for secret in (SECRET, SECRET_GUEST, SECRET_REASON, "Ödön Pál (", "Zuschlag an Bieter B",
                   "Angebotsvergleich", "Smarte Laternen"):  # fmt: skip
        assert secret not in printed, secret
    assert "TOP 4 Nichtöffentlicher Tagesordnungspunkt" in printed
    assert WITHHELD_LINE in printed
    assert "Dr. Hanna Ost (Mitarbeiterin im Projekt)" in printed  # a public item's recusal
    assert "Gülşen Yılmaz (Amt für Digitalisierung" in printed  # a guest of a public item
    assert PUBLIC_NOTE in printed
    assert read(public).metadata.keywords.endswith("öffentliche Fassung")


def test_public_version_names_no_member_without_consent_to_publish_the_name() -> None:
    hidden = frozenset({"Prof. Dr. Maria Nord", "Dr. Hanna Ost", "Erika Süd"})
    full = minutes(unnamed=hidden)

    public = text(render_minutes(public_version(full)).pdf)
    internal = text(render_minutes(full).pdf)

    for name in hidden:
        assert name not in public, name
        assert name in internal, name  # the full minutes name everyone
    assert public.count(UNNAMED_MEMBER) >= 4  # chair, present, excused, recusal
    # the recusal without its reason, which may name the member's institution or ties
    assert "Mitarbeiterin im Projekt" not in public and "Mitarbeiterin im Projekt" in internal
    assert "Jan West" in public and "Max Mustermann" in public  # they agreed


def test_results_style_prints_the_essential_content_under_its_name() -> None:
    # Found by a tester: an Ergebnisprotokoll left out what the editor's "Wesentlicher
    # Inhalt" held, so an item with only that text passed the checklist and printed
    # "Keine Eintragungen.".
    printed = text(render_minutes(minutes(style=MinutesStyle.RESULTS)).pdf)
    assert "Verlauf der Beratung" not in printed
    assert "Wesentlicher Inhalt" in printed
    assert "Die Projektleitung berichtet" in printed
    assert "Der Expert*innenrat empfiehlt" in printed


def test_bookmarks_name_each_item_and_the_parts() -> None:
    titles = outline(render_minutes(minutes()).pdf)
    assert titles[:3] == ["Anwesenheit", "Feststellungen", "Tagesordnung"]
    for item in ITEMS:
        assert any(t.startswith(f"TOP {item.number} ") for t in titles), item.number
    assert "Anlagen" in titles


def test_bookmarks_point_to_the_page_of_their_item() -> None:
    items = tuple(MinutesItem(str(n), f"Punkt {n}", discussion="Text. " * 400) for n in range(1, 6))
    reader = read(render_minutes(minutes(items=items)).pdf)
    found = {
        entry.title: reader.get_destination_page_number(entry)
        for entry in reader.outline
        if not isinstance(entry, list)
    }
    for n in range(1, 6):
        page = found[f"TOP {n} Punkt {n}"]
        assert f"TOP {n} Punkt {n}" in flat(reader.pages[page].extract_text())
    assert found["TOP 5 Punkt 5"] > found["TOP 1 Punkt 1"]


def test_metadata_names_title_author_subject_and_keywords() -> None:
    meta = read(render_minutes(minutes()).pdf).metadata
    assert meta.title == "Protokoll der 5. Sitzung"
    assert meta.author == "Smart City Expert*innenrat"
    assert "Dienstag, 10. März 2026" in meta.subject
    assert meta.keywords.startswith("Protokoll, Smart City Expert*innenrat, 10.03.2026, Entwurf")


def test_an_unnumbered_klausur_is_called_klausur_as_in_the_window() -> None:
    doc = minutes(number=None, kind=MeetingKind.WORKSHOP, title="Datenstrategie 2030")
    pdf = render_minutes(doc).pdf

    assert read(pdf).metadata.title == "Protokoll der Klausur – Datenstrategie 2030"
    assert pages(pdf)[0].count("Protokoll der Klausur – Datenstrategie 2030") == 2  # + header
    assert "Protokoll der Sitzung" not in text(pdf)
    assert text(render_minutes(public_version(doc)).pdf).count("Protokoll der Klausur") >= 2


def test_odd_text_prints_literally_and_missing_letters_are_warned() -> None:
    rendered = render_minutes(minutes())
    printed = text(rendered.pdf)
    assert LATIN_HOSTILE in printed
    assert HEBREW in printed
    assert any("TOP 2.1" in w for w in rendered.warnings)


def test_twenty_thousand_characters_flow_across_pages() -> None:
    sentences = [f"Satz {n} über offene Daten und Lizenzen für Rostock." for n in range(1, 500)]
    long = " ".join(sentences)[:20_000]
    count = long.count("Satz ")
    long = long.replace("Rostock. Satz 1", "Rostock.\nSatz 1")  # some line breaks too
    doc = minutes(items=(replace(ITEMS[1], discussion=long, resolution=long[:2500]),))
    found = pages(render_minutes(doc).pdf)
    assert len(found) >= 5
    joined = " ".join(found)
    assert all(f"Satz {n} über" in joined for n in range(1, count))  # page breaks cut some
    assert "Satz 1 über" in found[1] or "Satz 1 über" in found[0]
    assert f"Satz {count - 1} über" in " ".join(found[4:])


def test_forty_items_fit_with_numbered_pages() -> None:
    items = tuple(
        MinutesItem(
            str(n),
            f"Tagesordnungspunkt {n} mit einem längeren Titel über Smart-City-Projekte",
            resolution=f"Beschluss {n}: Der Rat empfiehlt die Umsetzung.",
            public=n % 7 != 0,
        )
        for n in range(1, 41)
    )
    found = pages(render_minutes(minutes(items=items)).pdf)
    total = len(found)
    assert total >= 4
    assert all(f"Seite {n} von {total}" in page for n, page in enumerate(found, start=1))
    assert all(f"Beschluss {n}:" in " ".join(found) for n in range(1, 41))


def test_empty_minutes_still_render() -> None:
    doc = minutes(items=(), present=(), guests=(), annexes=(), invitation=None, quorum=None)
    printed = text(render_minutes(doc).pdf)
    assert "Es ist keine Anwesenheit erfasst." in printed
    assert "Keine Anlagen." in printed
    assert "Ein Versand der Einladung" not in printed


def test_a_recommendation_to_two_projects_names_them_under_projekte() -> None:
    item = ITEMS[1]
    (adopted,) = item.recommendations
    both = replace(adopted, project_title="Urbane Datenplattform; Klimaportal", project_count=2)
    printed = text(render_minutes(minutes(items=(replace(item, recommendations=(both,)),))).pdf)

    assert "Projekte: Urbane Datenplattform; Klimaportal" in printed
    assert "Projekt: Urbane Datenplattform; Klimaportal" not in printed


def test_a_vote_subject_ending_in_a_full_stop_is_followed_by_the_counts_without_it() -> None:
    item = ITEMS[1]  # counted: Ja 7 · Nein 1 · Enthaltung 1
    vote = replace(item.votes[0], subject="Der Rat empfiehlt die Prüfung.")
    printed = text(render_minutes(minutes(items=(replace(item, votes=(vote,)),))).pdf)

    assert "Der Rat empfiehlt die Prüfung: Ja 7" in printed
    assert "Prüfung.:" not in printed


def test_public_version_lists_unnamed_members_after_the_named_ones_of_their_group() -> None:
    hidden = frozenset({"Dr. Hanna Ost", "Anna Adler", "Aaron Abel"})
    full = minutes(
        unnamed=hidden,
        excused=("Anna Adler", "Erika Süd"),
        absent=(AbsentMember("Aaron Abel", recorded=False), AbsentMember("Max Mustermann")),
    )

    public = text(render_minutes(public_version(full)).pdf)

    # the alphabetical place of a hidden name would hint at the surname
    attendance = public[public.index("Anwesenheit") : public.index("Feststellungen")]
    assert attendance.index("Jan West") < attendance.index(UNNAMED_MEMBER)
    assert f"Entschuldigt Erika Süd; {UNNAMED_MEMBER}" in public
    assert f"Abwesend Max Mustermann; {UNNAMED_MEMBER} (nicht erfasst)" in public


def test_public_version_hides_an_absent_member_by_the_whole_name_only() -> None:
    """Anna Berg unnamed, Anna Bergmann absent: the public minutes print "Anna Bergmann",
    not the placeholder with "mann" after it (the absent were matched as text, because of
    the " (nicht erfasst)" note that could follow the name)."""
    full = minutes(
        unnamed=frozenset({"Anna Berg"}),
        excused=("Anna Berg",),
        absent=(AbsentMember("Anna Bergmann"), AbsentMember("Max Mustermann", False)),
    )

    public = text(render_minutes(public_version(full)).pdf)

    assert "Abwesend Anna Bergmann; Max Mustermann (nicht erfasst)" in public
    assert f"{UNNAMED_MEMBER}mann" not in public


def test_an_item_heading_wraps_right_to_left_words_in_reading_order() -> None:
    # The Arabic words come before the Hebrew ones: the heading's last line holds the
    # Hebrew. Before, the heading was wrapped after being put in visual order, and the
    # Hebrew words (the last typed) stood on its first line, the Arabic ones below.
    title = "Beratung über die Quartiere und Stadtteile: " + "مرحبا بالعالم " * 4 + "שלום עולם"
    doc = minutes(items=(MinutesItem("7", title, discussion="Kurz."),))
    runs = [
        (run, y)
        for page in read(render_minutes(doc).pdf).pages
        for run, y, size in text_runs(page)
        if size == 11.5 and any(ord(c) >= 0x0590 for c in run)  # the heading's RTL words
    ]
    lines = sorted({y for _, y in runs}, reverse=True)

    assert len(lines) == 2
    assert all(not any(0x0590 <= ord(c) <= 0x05FF for c in run) for run, y in runs if y == lines[0])
    assert any(0x0590 <= ord(c) <= 0x05FF for run, y in runs if y == lines[1] for c in run)


def test_the_tint_behind_a_resolution_ends_at_the_right_margin() -> None:
    # Before, the tint's padding reached 4 pt (1.4 mm) past the right margin, beyond the
    # header's rule and every other line of the page.
    pdf = render_minutes(minutes()).pdf
    reader = read(pdf)
    ends = [
        float(x) + float(w)
        for page in reader.pages
        for operands, operator in ContentStream(page.get_contents(), reader).operations
        if operator == b"re"
        for x, _y, w, _h in [operands]
        if float(w) > 200  # the tints and table rows, drawn from the frame's left edge
    ]

    assert ends
    assert max(ends) <= content_width() + 0.01


def test_an_emoji_in_every_item_is_one_warning_naming_the_items() -> None:
    # Before, one warning per item: 40 lines under the document buttons, which pushed the
    # meeting's tabs out of the window.
    items = tuple(
        MinutesItem(str(n), f"Punkt {n}", discussion=f"Beratung 🚀 {n}") for n in range(1, 41)
    )
    items += (MinutesItem("41", "Gäste aus 上海"),)
    warnings = render_minutes(minutes(items=items)).warnings

    numbers = ", ".join(str(n) for n in range(1, 40))
    assert warnings == (
        f"TOP {numbers} und 40: Symbole oder Emoji – diese Zeichen hat keine Schrift des "
        "Programms, sie stehen im PDF als „\ufffd“.",
        "TOP 41: chinesische Schriftzeichen (CJK) – diese Zeichen hat keine Schrift des "
        "Programms, sie stehen im PDF als „\ufffd“.",
    )


def test_a_councils_long_title_of_a_role_keeps_its_words_whole() -> None:
    """(found by a tester) With the title 'Stellvertretende Vorsitzende*r' from
    Einstellungen the Funktion column broke the word: 'Stellvertretend' / 'e'."""
    doc = minutes()
    present = tuple(
        replace(m, role_label="Stellvertretende Vorsitzende*r") if m.role_label == "Stellv. Vorsitz"
        else m
        for m in doc.present
    )  # fmt: skip
    printed = text(render_minutes(replace(doc, present=present)).pdf)
    assert "Stellvertretende Vorsitzende*r" in printed


def test_a_draft_without_recorded_attendance_states_no_quorum() -> None:
    """Nobody recorded yet: the Feststellungen say the quorum is open, not "0 von 9 …
    anwesend – nicht beschlussfähig", in the full and the public version alike (found by a
    tester)."""
    doc = minutes(
        present=(),
        excused=(),
        absent=(AbsentMember("Anna Berg", False), AbsentMember("Erika Süd", False)),
        attendance_unrecorded=True,
        quorum=QuorumResult(0, 2, 0, False),
        quorum_noted=False,
    )

    for printed in (text(render_minutes(d).pdf) for d in (doc, public_version(doc))):
        assert (
            "Die Anwesenheit ist noch nicht erfasst; die Beschlussfähigkeit ist offen." in printed
        )
        assert "0 von 2" not in printed and "nicht beschlussfähig" not in printed


def test_the_approval_note_stays_whole_and_with_the_signatures() -> None:
    """Wherever the minutes end on the page, the approval note and its SHA-256 stand on one
    page with the signature lines (found by a tester: the demo's approved 4th minutes had
    the SHA-256 alone overleaf)."""
    moved = 0
    for lines in range(0, 60, 2):
        doc = minutes(approval=APPROVAL, agenda_changes="\n".join(["Änderung."] * lines))
        last = pages(render_minutes(doc).pdf)[-1]
        assert APPROVAL.fingerprint in last
        assert "Genehmigt in der" in last and "Sitzungsleitung" in last, lines
        assert "Ende der Sitzung" in last and "Anlage 1" in last, lines  # see below
        moved += "TOP 5" not in last
    assert moved  # some lengths put the closing on a page of its own


def test_the_signatures_never_stand_alone_on_the_last_page() -> None:
    """The signature lines close the text: the end of the meeting and the annexes stand on
    their page, draft or approved, wherever the minutes end (found by a tester: the demo's
    approved public 4th minutes had the signatures and the approval note alone on page 4,
    detached from what they sign)."""
    for approval in (None, APPROVAL):
        for lines in range(0, 60, 2):
            changes = "\n".join(["Änderung."] * lines)
            last = pages(render_minutes(minutes(approval=approval, agenda_changes=changes)).pdf)[-1]
            assert "Sitzungsleitung" in last and "Ende der Sitzung" in last, (approval, lines)


def test_an_item_title_of_2000_characters_is_printed_whole_in_heading_and_agenda() -> None:
    """The heading cut a title over 300 characters with "…", the agenda table one over
    half a page: the record never showed it whole (found by a tester). Only the bookmark
    is shortened."""
    words = "Straßenbeleuchtung für Groß Klein & <Lütten Klein> „Gehwege“ "
    title = (words * 40)[:1999] + "Ö"
    assert len(title) == 2000
    doc = minutes(items=(replace(ITEMS[1], title=title),))

    rendered = render_minutes(doc).pdf

    printed = text(rendered)
    heading = f"TOP {ITEMS[1].number} {flat(title)}"
    assert printed.count(heading) == 1
    # the agenda table before it (its row may run over a page: footer and header between)
    rest = iter(printed[: printed.index(heading)].split("Tagesordnung TOP", 1)[1].split())
    assert all(any(word == found for found in rest) for word in title.split())
    assert "…" not in printed
    entry = next(t for t in outline(rendered) if t.startswith(f"TOP {ITEMS[1].number} "))
    assert len(entry) <= 120
    assert entry.endswith("…")


def test_an_indented_line_keeps_its_indentation() -> None:
    """(found by a tester) reportlab drops the spaces a paragraph starts with: a line
    typed indented printed flush left. Rendering only: the stored text is as typed."""
    discussion = "  Erste Zeile eingerückt\nZweite Zeile\n\n    weiter eingerückt"
    doc = minutes(items=(replace(ITEMS[1], discussion=discussion),))
    printed = "\n".join(page.extract_text() for page in read(render_minutes(doc).pdf).pages)
    lines = {line.strip(): line for line in printed.split("\n")}

    def indent(line: str) -> int:
        return len(lines[line]) - len(lines[line].lstrip(" \u00a0"))

    assert indent("Zweite Zeile") == 0
    assert indent("Erste Zeile eingerückt") >= 2
    assert indent("weiter eingerückt") > indent("Erste Zeile eingerückt")


def test_public_version_names_the_video_conference_but_not_its_link() -> None:
    """The public invitation leaves the online link out (it may carry the passcode and is
    meant for the members); the public minutes, which OParl and the open data publish,
    printed it (found by a tester)."""
    link = "https://meet.rostock.de/j/1234567?pwd=Geheim1"
    full = replace(minutes(), online_link=link)

    public = flat(text(render_minutes(public_version(full)).pdf))

    assert "Geheim1" not in public and f"Online {PUBLIC_ONLINE_NOTE}" in public
    assert link in flat(text(render_minutes(full).pdf))
