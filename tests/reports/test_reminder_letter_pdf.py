"""The reminder letter, read back with pypdf: the invitation's address block with place
and date beside it, and a long list whose last rows go with the greeting."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, timedelta
from email import message_from_bytes
from email.header import decode_header, make_header
from email.policy import compat32, default

from meeting_sample import LETTERHEAD
from pypdf import PdfReader

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.overview_register import response_line
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationRow
from expertenrat.domain.recommendations import days_overdue
from expertenrat.domain.reminders import (
    ProjectReminder,
    ReminderLetter,
    reminder_subject,
    response_lines,
)
from expertenrat.exchange.reminder_mail import reminder_eml
from expertenrat.reports.reminder_letter_pdf import render_reminder_letter

TODAY = date(2026, 6, 1)
KLIMA = AddressedProject(1, "Klimaportal", "Umweltamt", "Dr. Kühn", "kuehn@example.org")
GREETING = "Mit freundlichen Grüßen"


def _row(n: int) -> RecommendationRow:
    due = date(2026, 5, 1) + timedelta(days=n)
    status = RecommendationStatus.SENT
    return RecommendationRow(
        id=n, code=f"E-2026-{n:02d}", kind=RecommendationKind.RECOMMENDATION,
        title=f"Empfehlung Nr. {n} zur offenen Datenplattform", action_field_id=None,
        action_field="", projects=(KLIMA,), origin=Origin(), adopted_on=date(2026, 1, 1),
        sent_on=date(2026, 1, 2), due_on=due, status=status,
        days_overdue=days_overdue(status, due, TODAY), version=1,
    )  # fmt: skip


def _letter(count: int, head=LETTERHEAD) -> ReminderLetter:
    items = tuple(_row(n) for n in range(1, count + 1))
    return ReminderLetter(head, ProjectReminder(KLIMA, items), TODAY)


def _pages(letter: ReminderLetter) -> list[PdfReader]:
    return PdfReader(io.BytesIO(render_reminder_letter(letter).pdf)).pages


def _flat(text: str) -> str:
    return " ".join(text.split())


def _lines(page) -> list[tuple[str, float, float]]:
    """Each line of text on ``page`` below the header, with where its baseline starts."""
    found = []

    def visit(text, cm, tm, _font, _size) -> None:
        x, y = (tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
        if text.strip() and y < 780:  # the header's lines are above
            found.append((text.strip(), round(x, 1), round(y, 1)))

    page.extract_text(visitor_text=visit)
    return found


def _beside_address(page) -> tuple[list[str], float]:
    """The lines right of the middle above the table's header (place and date), and the
    baseline of the first."""
    middle = page.mediabox.width / 2
    top = next(y for text, _x, y in _lines(page) if text == "Kennung")
    right = [(text, y) for text, x, y in _lines(page) if x > middle and y > top]
    return [text for text, _y in right], right[0][1]


def test_the_reminders_keywords_name_its_codes_project_and_council():
    """(found by a tester) The letter's keywords were empty, unlike every other document's:
    an archive finds a reminder by the codes it reminds of."""
    metadata = PdfReader(io.BytesIO(render_reminder_letter(_letter(2)).pdf)).metadata

    assert metadata.keywords == (
        "Erinnerung, E-2026-01, E-2026-02, Klimaportal, Smart City Expert*innenrat"
    )


def test_the_reminder_has_the_invitations_address_block_with_place_and_date_beside_it():
    (page,) = _pages(_letter(3))

    text = _flat(page.extract_text())
    left: dict[str, float] = {}
    for line, x, y in _lines(page):
        if x < page.mediabox.width / 2:
            left.setdefault(line, y)
    dated, first_baseline = _beside_address(page)
    assert " ".join(dated) == "Hanse- und Universitätsstadt Rostock, 01.06.2026"
    assert first_baseline == left["Umweltamt"]  # beside the address's first line
    assert left["Umweltamt"] > left["Dr. Kühn"] > left["Klimaportal"]  # lead unit first
    assert "Erinnerung: ausstehende Stellungnahmen zu Empfehlungen – Klimaportal" in text
    assert text.index("Guten Tag Dr. Kühn,") < text.index("E-2026-01")
    assert f"{GREETING} Ihre Geschäftsstelle Smart City Expert*innenrat" in text
    (undated,) = _pages(_letter(1, replace(LETTERHEAD, city=" ")))
    assert _beside_address(undated)[0] == ["01.06.2026"]  # no place: the date alone


def test_a_long_list_runs_on_and_its_last_rows_go_with_the_greeting():
    pages = [_flat(p.extract_text()) for p in _pages(_letter(25))]

    assert len(pages) >= 2
    codes = [f"E-2026-{n:02d}" for n in range(1, 26)]
    whole = " ".join(pages)
    assert [whole.index(c) for c in codes] == sorted(whole.index(c) for c in codes)
    assert GREETING not in " ".join(pages[:-1])
    assert "E-2026-25" in pages[-1] and GREETING in pages[-1]
    assert "E-2026-24" in pages[-1]  # not the last row alone with the greeting


def test_the_greeting_never_stands_alone_on_the_last_page():
    ran_over = 0
    for count in range(8, 40, 4):
        pages = [_flat(p.extract_text()) for p in _pages(_letter(count))]
        if len(pages) == 1:
            continue
        ran_over += 1
        assert GREETING in pages[-1], count
        assert pages[-1].count("E-2026-") >= 2, count
    assert ran_over >= 4


def test_one_day_late_is_one_tag_in_the_letter_and_the_mail():
    items = (_row(30), _row(1))  # due on 31.05. and on 02.05.
    letter = ReminderLetter(LETTERHEAD, ProjectReminder(KLIMA, items), TODAY)

    (page,) = PdfReader(io.BytesIO(render_reminder_letter(letter).pdf)).pages
    lines = [text for text, _x, _y in _lines(page)]
    assert "1 Tag" in lines and "30 Tage" in lines
    mail = response_lines(letter)
    assert mail[0].endswith("seit 1 Tag überfällig")
    assert mail[1].endswith("seit 30 Tagen überfällig")


def test_a_response_due_today_is_heute_faellig_in_the_letter_and_the_mail_as_in_the_overview():
    """Found by a tester: the letter's "Überfällig" said "noch nicht" on the day the
    response was due, where the Übersicht says "heute fällig"."""
    items = (_row(31), _row(32))  # due on 01.06. (today) and on 02.06.
    letter = ReminderLetter(LETTERHEAD, ProjectReminder(KLIMA, items), TODAY)

    (page,) = PdfReader(io.BytesIO(render_reminder_letter(letter).pdf)).pages
    lines = [text for text, _x, _y in _lines(page)]
    assert lines.count("heute fällig") == 1 and lines.count("noch nicht") == 1
    assert lines.index("heute fällig") < lines.index("noch nicht")
    mail = response_lines(letter)
    assert mail[0].endswith("Frist 01.06.2026, heute fällig")
    assert mail[1].endswith("Frist 02.06.2026")
    assert response_line(items[0], TODAY).endswith(": heute fällig")  # the Übersicht's


def test_six_long_recommendations_with_long_names_fit_on_one_page():
    """Code, dates and days take only the width they need; the titles get the rest."""
    head = replace(
        LETTERHEAD,
        council_name="Smart City Expert*innenrat der Hanse- und Universitätsstadt Rostock",
        secretariat="Geschäftsstelle Smart City, Amt für Digitalisierung und Innovation",
    )
    project = AddressedProject(
        2,
        "Digitale Beteiligungsplattform für Bürgerhaushalte und Stadtteilentwicklung",
        "Amt für Stadtentwicklung, Stadtplanung und Wirtschaft der Hansestadt Rostock",
        "Frau Prof. Dr. Annegret Müller-Lüdenscheidt",
        "mueller@example.org",
    )
    title = (
        "Die Plattform soll offene Schnittstellen und eine barrierefreie Bedienung nach "
        "BITV 2.0 für alle Beteiligungsverfahren bieten"
    )
    items = tuple(
        replace(_row(n), projects=(project,), title=f"Empfehlung Nr. {n}: {title}")
        for n in range(1, 7)
    )
    (page,) = _pages(ReminderLetter(head, ProjectReminder(project, items), TODAY))

    text = _flat(page.extract_text())
    assert "E-2026-06" in text and GREETING in text


def test_a_council_whose_name_is_not_masculine_is_named_with_its_own_article():
    # "der Digitalkommission … hat" and "der Smarte Köpfe bittet" were the letter and mail
    # of a council whose name is not a masculine noun.
    for name, subject in (
        ("Digitalkommission des Landkreises Fürstenfeldbruck", "die Digitalkommission des"),
        ("Smarte Köpfe", "das Gremium „Smarte Köpfe“ hat"),
    ):
        letter = _letter(1, replace(LETTERHEAD, council_name=name))
        (page,) = _pages(letter)
        text = _flat(page.extract_text())
        assert f"{subject}" in text
        assert f"der {name}" not in text
        mail = message_from_bytes(reminder_eml(letter, b"%PDF", "x.pdf"), policy=default)
        body = mail.get_body(("plain",)).get_content()
        assert subject.replace(" hat", " bittet") in _flat(body)
        assert f"der {name}" not in body


def test_a_letter_about_one_recommendation_speaks_of_it_in_the_singular():
    one, two = _letter(1), _letter(2)

    single = _flat(" ".join(p.extract_text() for p in _pages(one)))
    assert "Erinnerung: ausstehende Stellungnahme zu einer Empfehlung – Klimaportal" in single
    assert "die folgende Empfehlung übermittelt" in single
    # (found by a tester) the request stands above the table that names the date: it
    # said "Die genannte Frist" of a date not yet named; the mail lists them first
    assert "Die unten genannte Frist ist verstrichen." in single
    assert "ob und wie Sie der Empfehlung entsprechen" in single
    assert "Empfehlungen" not in single
    several = _flat(" ".join(p.extract_text() for p in _pages(two)))
    assert "ausstehende Stellungnahmen zu Empfehlungen – Klimaportal" in several
    assert "die folgenden Empfehlungen übermittelt" in several
    assert "Die unten genannten Fristen sind verstrichen." in several
    assert "ob und wie Sie den Empfehlungen entsprechen" in several
    mail = message_from_bytes(reminder_eml(one, b"%PDF", "x.pdf"), policy=default)
    body = mail.get_body(("plain",)).get_content()
    assert "zu dieser Empfehlung:" in body and "Empfehlungen" not in body
    assert "Die genannte Frist ist verstrichen." in body and "unten" not in body


def test_a_letter_about_one_passed_plan_asks_about_it_in_the_singular():
    plan = replace(
        _row(1), status=RecommendationStatus.ANSWERED, planned_by=date(2026, 5, 20),
        days_overdue=days_overdue(RecommendationStatus.ANSWERED, None, TODAY, date(2026, 5, 20)),
    )  # fmt: skip
    letter = ReminderLetter(LETTERHEAD, ProjectReminder(KLIMA, (plan,)), TODAY)

    printed = _flat(" ".join(p.extract_text() for p in _pages(letter)))
    assert "Stand der geplanten Umsetzung einer Empfehlung – Klimaportal" in printed
    assert "Zu der unten genannten Empfehlung haben Sie uns mitgeteilt" in printed
    assert "Empfehlungen" not in printed
    mail = message_from_bytes(reminder_eml(letter, b"%PDF", "x.pdf"), policy=default)
    body = mail.get_body(("plain",)).get_content()
    assert "geplanten Umsetzung dieser Empfehlung:" in body and "Empfehlungen" not in body
    assert "Zu dieser Empfehlung haben Sie uns mitgeteilt" in body


def test_the_mails_subject_keeps_its_spaces_in_every_mail_program():
    """(found by a tester) "…zu einer Empfehlung  –Bürgerservice-Chatbot": folded by
    Python's mail package, the dash and a title beginning with an umlaut became two
    encoded words, between which the space is dropped when the subject is read."""
    for title in (
        "Bürgerservice-Chatbot",
        "Öffentliche WLAN-Hotspots & <Sensorik> „am Hafen“ 😀 " * 4,
        "Klimaportal\r\nBcc: fremd@example.org",
    ):
        project = replace(KLIMA, title=title)
        letter = _letter(1)
        letter = replace(letter, reminder=replace(letter.reminder, project=project))
        raw = reminder_eml(letter, b"%PDF", "x.pdf")
        mail = message_from_bytes(raw, policy=default)
        expected = " ".join(reminder_subject(letter).split())
        assert mail["Subject"] == expected
        # as RFC 2047 reads it (white space between encoded words is dropped)
        folded = message_from_bytes(raw, policy=compat32)["Subject"]
        assert str(make_header(decode_header(folded))) == expected
        assert mail["Bcc"] is None
        assert max(len(line) for line in raw.split(b"\r\n")) <= 78
    assert expected.endswith("Empfehlung – Klimaportal Bcc: fremd@example.org")


def test_the_mails_text_carries_right_to_left_titles_as_typed():
    """A mail's plain text has no FSI … PDI around Arabic or Hebrew (older programs show
    them as boxes); the PDF sets such titles apart, where a line joins them with dates."""
    project = replace(KLIMA, title="בוסתן פתוח")
    rows = tuple(replace(_row(n), title="منصة البيانات", projects=(project,)) for n in (1, 2))
    letter = ReminderLetter(LETTERHEAD, ProjectReminder(project, rows), TODAY)

    mail = message_from_bytes(reminder_eml(letter, b"%PDF", "x.pdf"), policy=default)
    body = mail.get_body(("plain",)).get_content()

    assert "„בוסתן פתוח“" in body and "منصة البيانات" in body
    assert "\u2068" not in body + mail["Subject"] and "\u2069" not in body + mail["Subject"]


def test_the_mail_is_from_the_secretariats_address_where_set_and_to_the_contact():
    plain = message_from_bytes(reminder_eml(_letter(1), b"%PDF", "x.pdf"), policy=default)
    head = replace(LETTERHEAD, secretariat_email="gs@rostock.de")

    mail = message_from_bytes(reminder_eml(_letter(1, head), b"%PDF", "x.pdf"), policy=default)

    assert plain["From"] is None
    assert [(a.display_name, a.addr_spec) for a in mail["From"].addresses] == [
        ("Smart City Expert*innenrat", "gs@rostock.de")
    ]
    assert [a.addr_spec for a in mail["To"].addresses] == ["kuehn@example.org"]
    assert mail["Bcc"] is None
