"""Invitation and run sheet, read back with pypdf: order, parts, letters, pages, metadata."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta
from email import message_from_bytes
from email.policy import default as email_default

from meeting_sample import AGENDA, BERLIN, HOSTILE, LETTERHEAD, item, meeting
from PIL import Image
from pypdf import PdfReader

from expertenrat.domain.enums import MeetingKind
from expertenrat.domain.meeting_documents import (
    PUBLIC_ONLINE_NOTE,
    DeclaredConflict,
    MeetingDocument,
)
from expertenrat.domain.public_invitation import public_invitation
from expertenrat.exchange.invitation_mail import invitation_eml
from expertenrat.reports.invitation_letters_pdf import render_invitation_letters
from expertenrat.reports.invitation_pdf import (
    NON_PUBLIC_PART,
    PUBLIC_PART,
    render_invitation,
)
from expertenrat.reports.meeting_pack_cover_pdf import render_pack_cover
from expertenrat.reports.run_sheet_pdf import INTERNAL, render_run_sheet
from expertenrat.reports.user_text import ELLIPSIS

LATIN_HOSTILE = """Kim "K" & <Co>; O'Neil, a\\b \ufffd"""  # no bundled font has the rocket
HEBREW = "שלום"


def printed_hostile(text: str) -> bool:
    return LATIN_HOSTILE in text and HEBREW in text


def flat(text: str) -> str:
    return " ".join(text.split())


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def text_of(reader: PdfReader) -> str:
    return flat("\n".join(page.extract_text() for page in reader.pages))


def invitation_text(doc: MeetingDocument) -> str:
    return text_of(read(render_invitation(doc).pdf))


def positions(text: str, needles: list[str]) -> list[int]:
    found = [text.find(n) for n in needles]
    assert -1 not in found, [n for n, p in zip(needles, found, strict=True) if p < 0]
    return found


def test_invitation_is_a_letter_with_time_place_excuse_line_and_kept_notice() -> None:
    text = invitation_text(meeting())

    assert "An die Mitglieder Smart City Expert*innenrat" in text
    assert "Hanse- und Universitätsstadt Rostock, 24.02.2026" in text
    assert "Einladung zur 5. Sitzung" in text
    assert "Dienstag, 10. März 2026, 16:00–18:00 Uhr" in text
    assert "Rathaus Rostock, Raum 1.23 (Bürgerschaftssaal)" in text
    assert "Bitte teilen Sie eine Verhinderung bis Montag, 9. März 2026" in text
    assert "Die Einladung ergeht fristgerecht unter Wahrung der Ladungsfrist von 7 Tagen." in text
    assert "Mit freundlichen Grüßen" in text


def test_the_letters_of_a_council_of_one_say_1_brief_in_their_subject() -> None:
    """(found by review) The PDF's subject read "…, 1 Briefe"."""
    doc = meeting()
    one = read(render_invitation_letters([("Kim Lee", doc)]).pdf).metadata.subject
    two = read(render_invitation_letters([("Kim Lee", doc), ("Eva Dahl", doc)]).pdf)

    assert one.endswith(", 1 Brief") and two.metadata.subject.endswith(", 2 Briefe")


def test_the_letters_are_german_with_keywords_as_one_invitation_is() -> None:
    """(found by a tester) The mail merge, put together with pypdf, had no document
    language (/Lang) and no keywords, unlike each invitation in it."""
    doc = meeting()
    one = read(render_invitation(doc).pdf)
    letters = read(render_invitation_letters([("Kim Lee", doc), ("Eva Dahl", doc)]).pdf)

    assert letters.trailer["/Root"]["/Lang"] == one.trailer["/Root"]["/Lang"] == "de-DE"
    assert letters.metadata.keywords == one.metadata.keywords
    assert "5. Sitzung" in letters.metadata.keywords
    assert letters.metadata.creator == "Expertenrat"


def test_the_run_sheet_leaves_out_a_kind_the_title_begins_with_as_the_invitation() -> None:
    """(found by a tester) The run sheet printed "Verschiedenes" under "Verschiedenes"."""
    agenda = (item("1", "Verschiedenes", 0, kind_label="Verschiedenes"),
              item("2", "Eröffnung", 10, kind_label="Eröffnung und Formalien"))  # fmt: skip
    printed = text_of(read(render_run_sheet(meeting(agenda=agenda)).pdf))

    assert "Verschiedenes Verschiedenes" not in printed
    assert "Eröffnung Eröffnung und Formalien" in printed


def test_invitation_splits_the_agenda_into_public_and_non_public_part_in_order() -> None:
    text = invitation_text(meeting())

    public_at, non_public_at = positions(text, [PUBLIC_PART, NON_PUBLIC_PART])
    titles = positions(text, [f"TOP {e.number}" for e in AGENDA])
    assert titles == sorted(titles)
    assert public_at < titles[0] and titles[3] < non_public_at < titles[4]
    assert "Dr. Łukasz Wiśniewski" in text and "Gülşen Yılmaz" in text
    assert "Projekt: Urbane Datenplattform" in text
    assert "16:40–16:50" in text  # the planned span of TOP 5
    # The run sheet's internals stay out of the invitation.
    assert "Ödön Pál" not in text and "verlässt den Raum" not in text


def test_invitation_without_non_public_items_heads_the_agenda_just_tagesordnung() -> None:
    """(found by a tester) It read "Tagesordnung – Öffentlicher Teil" with no other part;
    the mail merge and the public invitation (OParl, public Sitzungsmappe) render alike."""
    all_public = meeting(agenda=AGENDA[:2])
    letters = render_invitation_letters([("Kim Lee", replace(all_public, addressee=("Kim",)))])
    changed = replace(
        all_public, agenda_changed_on=date(2026, 3, 2), invitation_date=date(2026, 2, 24)
    )

    for text in (
        invitation_text(all_public),
        text_of(read(letters.pdf)),
        invitation_text(public_invitation(all_public)),
    ):
        assert "Tagesordnung TOP Gegenstand" in text
        assert PUBLIC_PART not in text and NON_PUBLIC_PART not in text
    assert "Geänderte Tagesordnung TOP Gegenstand" in invitation_text(changed)
    # a meeting with a non-public part: its public invitation still names the public part
    assert f"Tagesordnung – {PUBLIC_PART} TOP Gegenstand" in invitation_text(
        public_invitation(meeting())
    )
    assert NON_PUBLIC_PART not in invitation_text(public_invitation(meeting()))


def test_the_address_names_the_city_only_where_the_councils_name_does_not() -> None:
    """(found by a tester) "An die Mitglieder / Digitalbeirat der Stadt Leipzig / Leipzig"."""
    leipzig = replace(LETTERHEAD, council_name="Digitalbeirat der Stadt Leipzig", city="Leipzig")
    text = invitation_text(meeting(letterhead=leipzig))

    assert "An die Mitglieder Digitalbeirat der Stadt Leipzig Leipzig, 24.02.2026" in text
    assert meeting(letterhead=leipzig).addressee_lines == (
        "An die Mitglieder",
        "Digitalbeirat der Stadt Leipzig",
    )
    assert meeting().addressee_lines[-1] == LETTERHEAD.city


def test_the_invitations_subject_names_the_council() -> None:
    """(found by a tester) "Einladung zur 5. Sitzung, …" in the mail and the PDF's subject:
    a member who sits on several bodies could not tell their invitations apart."""
    leipzig = replace(LETTERHEAD, council_name="Digitalbeirat der  Stadt Leipzig", city="Leipzig")
    doc = meeting(letterhead=leipzig)
    mail = message_from_bytes(
        invitation_eml(doc, ["a@example.org"], b"%PDF-", b"", "Einladung").eml, policy=email_default
    )
    pdf = read(render_invitation(doc).pdf).metadata.subject
    letters = read(render_invitation_letters([("Kim Lee", doc)]).pdf).metadata.subject

    head = "Digitalbeirat der Stadt Leipzig: Einladung zur 5. Sitzung, Dienstag, 10. März 2026"
    assert mail["Subject"] == head
    assert pdf == f"{head}, 16:00–18:00 Uhr"
    assert letters == "Digitalbeirat der Stadt Leipzig: Einladungen zur 5. Sitzung, 1 Brief"


def test_hostile_text_prints_literally_and_missing_letters_are_warned() -> None:
    rendered = render_invitation(meeting(addressee=("Frau Kim O'Neil", HOSTILE, "18055 Rostock")))
    text = text_of(read(rendered.pdf))

    assert printed_hostile(text)
    assert "&amp;" not in text and "&lt;" not in text
    assert any("TOP 3.1" in w and "\ufffd" in w for w in rendered.warnings)
    assert "An die Mitglieder" not in text  # the mail-merge address replaces it


def test_letters_only_the_run_sheet_prints_are_warned_for_the_run_sheet_alone() -> None:
    # Found by a tester: a conflict declared by a member with an emoji in the name (and a
    # note with one) made the invitation warn "TOP 4: … stehen im PDF als „�“" although
    # the invitation prints neither; only the run sheet does.
    fourth = replace(
        AGENDA[4],
        conflicts=(DeclaredConflict("Zoë 🚀 Pál", "Partnerin"),),
        notes="Abstimmung geheim 🗳",
    )
    doc = meeting(agenda=(*AGENDA[:4], fourth, AGENDA[5]))

    missing = ": Symbole oder Emoji – diese Zeichen hat keine Schrift des Programms"
    assert [w.split(missing)[0] for w in render_invitation(doc).warnings] == ["TOP 3.1"]
    assert [w.split(missing)[0] for w in render_run_sheet(doc).warnings] == ["TOP 3.1 und 4"]


def test_late_invitation_does_not_claim_the_notice_period_and_warns() -> None:
    rendered = render_invitation(meeting(invitation_date=meeting().start.date().replace(day=7)))
    text = text_of(read(rendered.pdf))

    assert "fristgerecht" not in text
    assert "Die Ladungsfrist von 7 Tagen kann bei dieser Einladung nicht gewahrt werden" in text
    assert rendered.warnings[0] == (
        "Die Einladung zur 5. Sitzung ergeht 3 Tage vor der Sitzung – "
        "die Ladungsfrist von 7 Tagen ist nicht gewahrt."
    )
    assert not any("Ladungsfrist" in w for w in render_invitation(meeting()).warnings)


def test_no_line_of_the_agenda_begins_with_the_dot_between_title_kind_and_project() -> None:
    """Titles of many lengths: wherever kind and project wrap, each "·" ends a line."""
    subject = "Offene Daten für Rostock und die Region mit allen Ämtern"
    words = subject.split()
    agenda = tuple(
        item(str(n + 1), f"Beratung: {' '.join(words[: n % 10 + 1])}{'x' * (n // 10)}", 0,
             kind_label="Beratung eines Projekts", project_title="Urbane Datenplattform")
        for n in range(16)
    )  # fmt: skip
    reader = read(render_invitation(meeting(agenda=agenda)).pdf)

    lines = [line.strip() for page in reader.pages for line in page.extract_text().split("\n")]
    assert [line for line in lines if line.startswith("·")] == []
    small = "· Beratung eines Projekts · Projekt: Urbane Datenplattform"
    assert text_of(reader).count(small) == len(agenda)


def test_cancelled_meeting_gives_a_cancellation_letter_with_the_reason() -> None:
    cancelled = meeting(cancelled=True, cancellation_reason="Beschlussunfähig & <krank>")
    text = invitation_text(cancelled)

    # (found by a tester) "Absage: 5. Sitzung" made the subject after the council's name
    # read "…: Absage: 5. Sitzung, …"
    assert "Absage der 5. Sitzung" in text
    assert read(render_invitation(cancelled).pdf).metadata.subject.startswith(
        "Smart City Expert*innenrat: Absage der 5. Sitzung, "
    )
    assert "findet nicht statt" in text
    assert "Grund: Beschlussunfähig & <krank>" in text
    assert PUBLIC_PART not in text and "Ladungsfrist" not in text
    # (found by a tester) its keywords said "Tagesordnung", which a cancellation has not
    for pdf in (render_invitation(cancelled), render_invitation_letters([("Kim", cancelled)])):
        assert read(pdf.pdf).metadata.keywords == "Absage, 5. Sitzung, Smart City Expert*innenrat"


def test_an_unnumbered_klausur_is_called_klausur_in_every_document() -> None:
    workshop = meeting(number=None, kind=MeetingKind.WORKSHOP, title="Datenstrategie 2030")
    cancelled = replace(workshop, cancelled=True, cancellation_reason="Zu wenige Zusagen")

    letter = invitation_text(cancelled)
    assert "Absage der Klausur – Datenstrategie 2030" in letter
    assert "die Klausur – Datenstrategie 2030 am" in letter and "findet nicht statt" in letter
    assert "Sitzung – Datenstrategie" not in letter
    assert "Einladung zur Klausur – Datenstrategie 2030" in invitation_text(workshop)
    run_sheet = read(render_run_sheet(workshop).pdf)
    assert f"Ablaufplan: Klausur – Datenstrategie 2030 {INTERNAL}" in text_of(run_sheet)
    assert run_sheet.metadata is not None
    assert run_sheet.metadata.title == "Ablaufplan: Klausur – Datenstrategie 2030"


def test_forty_items_with_long_titles_flow_across_numbered_pages() -> None:
    agenda = tuple(item(str(i + 1), f"Punkt{i:02d} " + "Wort " * 400, 0) for i in range(40))
    for render in (render_invitation, render_run_sheet):
        reader = read(render(meeting(agenda=agenda)).pdf)
        pages = len(reader.pages)
        assert pages > 5
        texts = [flat(p.extract_text()) for p in reader.pages]
        for number, page_text in enumerate(texts, start=1):
            assert f"Seite {number} von {pages}" in page_text
        joined = " ".join(texts)
        assert positions(joined, [f"Punkt{i:02d}" for i in range(40)]) == sorted(
            positions(joined, [f"Punkt{i:02d}" for i in range(40)])
        )


DEMO_LIKE_AGENDA = (
    item("1", "Eröffnung", 0, kind_label="Eröffnung und Formalien", planned_minutes=5),
    item("2", "Feststellung der ordnungsgemäßen Ladung und Beschlussfähigkeit", 5,
         kind_label="Eröffnung und Formalien", planned_minutes=5),
    item("3", "Genehmigung der Tagesordnung", 10, kind_label="Eröffnung und Formalien"),
    item("4", "Genehmigung des Protokolls der 5. Sitzung", 15,
         kind_label="Genehmigung des Protokolls"),
    item("5", "Bericht der Geschäftsstelle", 20, kind_label="Bericht",
         presenter="Geschäftsstelle Smart City"),
    item("6", "Intelligente Parkraumsteuerung Warnemünde: Datenschutzkonzept und "
         "Betreibermodell", 35, kind_label="Beratung eines Projekts",
         presenter="Ole Fründt (Projektteam)",
         project_title="Intelligente Parkraumsteuerung Warnemünde"),
    item("6.1", "Empfehlung an das Projekt", 50, kind_label="Beschlussfassung",
         project_title="Intelligente Parkraumsteuerung Warnemünde"),
    item("7", "Digitale Beteiligungsplattform: Übertragbarkeit auf andere Kommunen", 55,
         public=False, kind_label="Beratung eines Projekts", presenter="Ina Wendt (Projektteam)",
         project_title="Digitale Beteiligungsplattform"),
    item("8", "Verschiedenes", 59, kind_label="Verschiedenes"),
)  # fmt: skip
"""Nine items in two parts as the demo's meetings have them."""

MEMBER_ADDRESS = ("Frau Dr. Zoë Hartmann-Okafor", "Universität Rostock", "Institut für Informatik",
                  "Albert-Einstein-Straße 22", "18059 Rostock")  # fmt: skip


def page_texts(doc: MeetingDocument) -> list[str]:
    return [flat(p.extract_text()) for p in read(render_invitation(doc).pdf).pages]


def logo() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (300, 100), (31, 78, 121)).save(buffer, "PNG")
    return buffer.getvalue()


def test_a_nine_or_ten_item_invitation_fits_on_one_page_with_its_closing() -> None:
    """Two parts, a long council name, logo, place and room, and an online link; ten items
    to a member's address of five lines come a little closer together to stay on one page."""
    head = replace(
        LETTERHEAD,
        council_name="Smart City Expert*innenrat der Hanse- und Universitätsstadt Rostock",
        logo_png=logo(),
        secretariat="Geschäftsstelle Smart City, Amt für Digitalisierung",
    )
    full = meeting(
        letterhead=head,
        agenda=DEMO_LIKE_AGENDA,
        title="Frühjahrssitzung mit Schwerpunkt Mobilität",
        place="Rathaus der Hanse- und Universitätsstadt Rostock, Neuer Markt 1, 18055 Rostock",
        room="Raum 1.23 (Bürgerschaftssaal, 1. Obergeschoss)",
        online_link="https://rostock.webex.com/rostock/j.php?MTID=m3f2b6c1e0d554a519a1e5b1f7c0e2a10",
    )
    tenth = item("6.2", "Aussprache zum Betreibermodell", 52, kind_label="Beratung eines Projekts",
                 presenter="Geschäftsstelle Smart City")  # fmt: skip
    ten = (*DEMO_LIKE_AGENDA[:7], tenth, *DEMO_LIKE_AGENDA[7:])
    for agenda in (DEMO_LIKE_AGENDA, ten):
        for addressee in (None, MEMBER_ADDRESS):  # the council as a whole, one member's letter
            pages = page_texts(replace(full, agenda=agenda, addressee=addressee))

            assert len(pages) == 1, (len(agenda), addressee)
            assert "TOP 8 Verschiedenes" in pages[0]
            assert "Bitte teilen Sie eine Verhinderung" in pages[0]
            assert "Mit freundlichen Grüßen" in pages[0]


def test_a_long_agenda_flows_on_and_its_last_rows_go_with_the_greeting() -> None:
    """35 items: too many for one page even a little closer together."""
    numbers = range(1, 36)
    agenda = tuple(
        item(str(n), f"Bericht Nr. {n} aus dem Projekt", 0, kind_label="Bericht aus dem Projekt")
        for n in numbers
    )
    pages = page_texts(meeting(agenda=agenda))

    assert len(pages) >= 2
    tops = positions(" ".join(pages), [f"TOP {n} " for n in numbers])
    assert tops == sorted(tops)
    assert "Mit freundlichen Grüßen" not in " ".join(pages[:-1])
    last = pages[-1]
    assert "Bitte teilen Sie eine Verhinderung" in last and "Mit freundlichen Grüßen" in last
    assert last.count("Bericht Nr.") >= 2  # not the greeting alone


def test_a_letter_that_runs_over_never_leaves_the_greeting_alone_on_its_last_page() -> None:
    """Also where the last part is a non-public item alone: it goes over with its heading."""
    ran_over = 0
    secret = item("99", "Vertrauliches", 0, public=False)
    for count in range(10, 40, 2):
        agenda = tuple(item(str(n), f"Bericht Nr. {n} aus dem Projekt", 0) for n in range(count))
        for doc, last_rows in ((meeting(agenda=agenda), 2), (meeting(agenda=(*agenda, secret)), 1)):
            pages = page_texts(doc)
            if len(pages) == 1:
                continue
            ran_over += 1
            assert "Mit freundlichen Grüßen" in pages[-1]
            assert "Bitte teilen Sie eine Verhinderung" in pages[-1], count
            assert pages[-1].count("TOP ") - pages[-1].count("TOP Gegenstand") >= last_rows, count
            if last_rows == 1:
                assert in_order([*NON_PUBLIC_PART.split(), "TOP", "99", "Vertrauliches"], pages[-1])
    assert ran_over > 10


def in_order(words: list[str], text: str) -> bool:
    """Whether ``words`` occur in ``text`` in this order (a row split across pages has the
    page footer and header between its parts)."""
    rest = iter(text.split())
    return all(any(w == t for t in rest) for w in words)


def test_a_title_of_2000_characters_is_printed_whole_in_both_documents() -> None:
    words = "Straßenbeleuchtung für Groß Klein & <Lütten Klein> „Gehwege“ "
    title = (words * 40)[:1999] + "Ö"
    assert len(title) == 2000
    agenda = (item("1", "Eröffnung", 0), item("2", title, 10), item("3", "Verschiedenes", 20))
    for render in (render_invitation, render_run_sheet):
        text = text_of(read(render(meeting(agenda=agenda)).pdf))
        assert in_order(["Eröffnung", *title.split(), "Verschiedenes"], text)
        assert ELLIPSIS not in text


def test_run_sheet_lists_every_item_in_order_with_conflicts_and_notes() -> None:
    rendered = render_run_sheet(meeting())
    text = text_of(read(rendered.pdf))

    assert f"Ablaufplan: 5. Sitzung {INTERNAL}" in text
    titles = positions(text, [f"TOP {e.number}" for e in AGENDA])
    assert titles == sorted(titles)
    assert "Ödön Pál Geschäftsführer der Stadtwerke Rostock AG" in text
    assert "Ödön Pál verlässt den Raum. Abstimmung geheim." in text
    assert "Projekt: Smarte Laternen" in text
    assert text.count("nichtöffentlich") == 2
    assert "16:40" in text
    assert printed_hostile(text)


def test_pdf_metadata_names_the_document_and_the_council() -> None:
    for pdf, title in (
        (render_invitation(meeting()).pdf, "Einladung zur 5. Sitzung"),
        (render_run_sheet(meeting()).pdf, "Ablaufplan: 5. Sitzung"),
    ):
        info = read(pdf).metadata
        assert info is not None
        assert info.title == title
        assert info.author == "Smart City Expert*innenrat"


def test_the_run_sheets_subject_names_the_council_as_the_invitations_does() -> None:
    """(found by a tester) Its metadata subject, "Ablaufplan: 5. Sitzung, …", alone of the
    meeting's documents did not name the council."""
    leipzig = replace(LETTERHEAD, council_name="Digitalbeirat der  Stadt Leipzig", city="Leipzig")

    assert read(render_run_sheet(meeting(letterhead=leipzig)).pdf).metadata.subject == (
        "Digitalbeirat der Stadt Leipzig: Ablaufplan der 5. Sitzung, "
        "Dienstag, 10. März 2026, 16:00–18:00 Uhr"
    )


def test_the_pack_covers_subject_names_the_council_as_the_invitations_does() -> None:
    """(found by review) "Sitzungsmappe vor der Sitzung: 5. Sitzung, …" did not name the
    council, nor did the pack's own ("Einladung, Tagesordnung und Anlagen der …")."""
    leipzig = replace(LETTERHEAD, council_name="Digitalbeirat der Stadt Leipzig", city="Leipzig")
    doc = meeting(letterhead=leipzig)

    before = render_pack_cover(doc, date(2026, 3, 1), None, ())
    after = render_pack_cover(doc, date(2026, 3, 11), None, (), minutes="Protokoll (Entwurf)")

    when = "Dienstag, 10. März 2026, 16:00–18:00 Uhr"
    assert read(before.pdf).metadata.subject == (
        f"Digitalbeirat der Stadt Leipzig: Sitzungsmappe der 5. Sitzung (vor der Sitzung), {when}"
    )
    assert read(after.pdf).metadata.subject.endswith(f"5. Sitzung (nach der Sitzung), {when}")


def test_a_table_that_runs_over_never_leaves_its_last_row_alone_on_the_next_page() -> None:
    ran_over = False
    for count in range(8, 26):
        agenda = [
            item(str(n), f"Punkt {n}", n, kind_label="Beratung", notes="Eine Notiz.")
            for n in range(1, count - 1)
        ]
        tall = "\n".join(["Eine Notiz."] * 4)  # as high as the header and the last row
        agenda += [item(str(count - 1), "Bericht", 50, notes=tall), item(str(count), "Ende", 59)]
        pages = read(render_run_sheet(meeting(agenda=tuple(agenda))).pdf).pages
        if len(pages) < 2:
            continue
        texts = [flat(page.extract_text()) for page in pages]
        carried = [n for n in range(1, count + 1) if f"TOP {n} " in f"{texts[-1]} "]
        assert len(carried) >= 2, (count, carried)
        assert all(t.count("Gegenstand") == 1 for t in texts), count  # one part a page
        ran_over = True
    assert ran_over  # the loop reached tables that run over


def test_an_invitation_after_a_change_of_time_or_place_says_it_replaces_the_first() -> None:
    """(found by a tester) A moved invited meeting's letter looked like the first one."""
    text = invitation_text(replace(meeting(), sequence=1, changed_on=date(2026, 3, 2)))

    assert "Geänderte Einladung zur 5. Sitzung" in text
    assert "Bitte beachten Sie: Zeit oder Ort haben sich geändert." in text
    assert "Diese Einladung ersetzt unsere bisherige." in text
    assert "Geändert" not in invitation_text(meeting())
    cancelled = invitation_text(
        replace(meeting(), sequence=1, changed_on=date(2026, 3, 2), cancelled=True)
    )
    assert "Geändert" not in cancelled and "Absage" in cancelled


def test_a_changed_invitation_is_dated_the_day_of_the_change_and_keeps_the_notice_period():
    """A room-only change of an invited meeting printed the first invitation's date."""
    text = invitation_text(replace(meeting(), sequence=1, changed_on=date(2026, 3, 6)))

    assert "06.03.2026" in text and "24.02.2026" in text
    assert "Die Einladung vom 24.02.2026 erging fristgerecht" in text
    assert "nicht gewahrt" not in text
    assert "06.03.2026" not in invitation_text(meeting())  # the first: its own day


def test_excuses_are_asked_for_by_the_last_working_day_before_the_meeting() -> None:
    """(found by a tester) A Monday meeting asked for excuses "bis Sonntag"."""

    def excuse_by(day: int, month: int = 12, year: int = 2026) -> str:
        start = datetime(year, month, day, 16, tzinfo=BERLIN)
        doc = meeting(start=start, end=start + timedelta(hours=2), invitation_date=date(2026, 1, 5))
        text = invitation_text(doc)
        return text.split("Verhinderung bis ")[1].split(" der Geschäftsstelle")[0]

    assert excuse_by(14) == "Freitag, 11. Dezember 2026"  # a Monday
    assert excuse_by(13) == "Freitag, 11. Dezember 2026"  # a Sunday
    assert excuse_by(15) == "Montag, 14. Dezember 2026"
    assert excuse_by(7, 4) == "Donnerstag, 2. April 2026"  # after Easter Monday, Good Friday


def test_a_letter_dated_after_the_last_day_for_excuses_asks_for_them_at_once() -> None:
    """(found by a tester) The invitation of Saturday, 02.01.2027, to the meeting on
    Monday, 04.01., asked for excuses "bis Donnerstag, 31. Dezember 2026", before its own
    date; the e-mail said the same."""
    start = datetime(2027, 1, 4, 16, tzinfo=BERLIN)

    def letter(invited: date) -> MeetingDocument:
        return meeting(start=start, end=start + timedelta(hours=2), invitation_date=invited)

    late = letter(date(2027, 1, 2))
    text = invitation_text(late)
    assert "Bitte teilen Sie eine Verhinderung umgehend der Geschäftsstelle mit." in text
    assert "Dezember 2026" not in text
    mail = message_from_bytes(
        invitation_eml(late, ["a@example.org"], b"%PDF-", b"", "Einladung").eml,
        policy=email_default,
    )
    body = flat(mail.get_body(("plain",)).get_content())
    assert "Bitte teilen Sie eine Verhinderung umgehend der Geschäftsstelle mit." in body
    on_time = invitation_text(letter(date(2026, 12, 30)))
    assert "Verhinderung bis Donnerstag, 31. Dezember 2026 der Geschäftsstelle" in on_time


def test_excuses_are_asked_for_by_a_working_day_in_the_councils_bundesland() -> None:
    """(found by a tester) A council in Thüringen meeting on Tuesday, 21 September 2027
    asked for excuses by Monday, Weltkindertag, a public holiday there only."""

    def excuse_by(bundesland: str) -> str:
        start = datetime(2027, 9, 21, 17, tzinfo=BERLIN)
        head = replace(LETTERHEAD, bundesland=bundesland)
        doc = meeting(
            letterhead=head, start=start, end=start + timedelta(hours=2),
            invitation_date=date(2027, 9, 1),
        )  # fmt: skip
        text = invitation_text(doc)
        return text.split("Verhinderung bis ")[1].split(" der Geschäftsstelle")[0]

    assert excuse_by("DE-TH") == "Freitag, 17. September 2027"
    assert excuse_by("DE-MV") == "Montag, 20. September 2027"
    assert excuse_by("") == "Montag, 20. September 2027"


def test_a_notice_period_of_0_or_1_day_is_worded_right() -> None:
    """(found by a tester) "unter Wahrung der Ladungsfrist von 0 Tagen", and the warning
    "die Ladungsfrist von 1 Tagen"."""
    none = invitation_text(meeting(notice_period_days=0))
    assert "Ladungsfrist" not in none and "Mit freundlichen Grüßen" in none

    late = meeting(notice_period_days=1, invitation_date=meeting().start.date())
    assert "Die Ladungsfrist von 1 Tag kann" in invitation_text(late)
    assert (
        "Die Einladung zur 5. Sitzung ergeht am Tag der Sitzung – die Ladungsfrist von 1 Tag "
        "ist nicht gewahrt."
    ) in render_invitation(late).warnings


def test_the_run_sheet_header_dates_the_meeting_as_the_minutes_do() -> None:
    """(found by a tester) the header read "Sitzung: 12.03.2026"; the minutes' header says
    "Sitzung vom 12.03.2026" (found by a tester: "vom:", a colon after the preposition)."""
    doc = meeting()
    header = read(render_run_sheet(doc).pdf).pages[0].extract_text()
    assert f"Sitzung vom {doc.start:%d.%m.%Y}" in header
    assert f"Sitzung: {doc.start:%d.%m.%Y}" not in header and "vom:" not in header


def test_the_public_invitation_of_a_meeting_held_online_says_so_without_the_link() -> None:
    """A meeting held online only: the public invitation (OParl, the website) named no
    place at all, as it leaves the link out (found by a tester)."""
    link = "https://meet.rostock.de/j/5520917?pwd=Rb3Tz9"
    online = meeting(place="", room="", online_link=link)

    public = " ".join(invitation_text(public_invitation(online)).split())

    assert f"Online {PUBLIC_ONLINE_NOTE}" in public and "Rb3Tz9" not in public
    assert "Ort" not in public.split("Tagesordnung")[0]
    assert link in " ".join(invitation_text(online).split())  # the members' letter
