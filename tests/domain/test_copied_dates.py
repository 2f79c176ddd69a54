"""A date copied from a mail, a table or a spreadsheet (the date fields' paste): one with
slashes, as an Excel set to English writes it, is taken only where it names one day."""

from __future__ import annotations

from datetime import date

import pytest

from expertenrat.domain.german_dates import ambiguous_date, copied_date, date_doubt


@pytest.mark.parametrize(
    ("copied", "day"),
    [
        ("15/01/2027", date(2027, 1, 15)),  # day first: no 15th month
        ("01/15/2027", date(2027, 1, 15)),  # month first (USA): no 15th month either
        ("5/5/26", date(2026, 5, 5)),  # the same day either way
        ("Fr., 15/01/2027", date(2027, 1, 15)),
        ("3-1-2025", date(2025, 1, 3)),  # a hyphen: day first, as in Germany and Holland
    ],
)
def test_a_date_that_names_one_day_is_taken(copied, day):
    assert copied_date(copied) == day
    assert ambiguous_date(copied) is None


@pytest.mark.parametrize(
    ("copied", "days"),
    [
        ("3/1/2025", (date(2025, 1, 3), date(2025, 3, 1))),
        ("05/12/2026", (date(2026, 12, 5), date(2026, 5, 12))),
        (" 05/12/26 ", (date(2026, 12, 5), date(2026, 5, 12))),
    ],
)
def test_a_date_with_slashes_that_reads_as_two_days_is_not_taken(copied, days):
    """(found by review) "3/1/2025" from a spreadsheet on a PC set to US English, the 1
    March, became the 3 January without a word; the member import refuses it as
    ambiguous."""
    assert copied_date(copied) is None
    assert ambiguous_date(copied) == days


@pytest.mark.parametrize("copied", ["31/31/2026", "2027-13-01", "Dezember 2026", "15.01.2027"])
def test_no_date_or_one_day_is_not_ambiguous(copied):
    assert ambiguous_date(copied) is None


@pytest.mark.parametrize(
    ("copied", "day"),
    [
        ("Do., 14.01.2027", date(2027, 1, 14)),
        ("Fr., 3/1/2025", date(2025, 1, 3)),  # the weekday tells which: 3 January
        ("Samstag, 3/1/2025", date(2025, 3, 1)),  # 1 March
    ],
)
def test_a_weekday_named_is_the_day_s(copied, day):
    assert copied_date(copied) == day
    assert date_doubt(copied) is None


@pytest.mark.parametrize("copied", ["Dienstag, 14.01.2027", "Di., 14. Januar 2027"])
def test_a_date_whose_weekday_it_is_not_is_not_taken(copied):
    """(found by review) An invitation copied from the year before and half corrected:
    "Dienstag, 14.01.2027" is a Thursday; the date fields took the Thursday unsaid."""
    assert copied_date(copied) is None
    assert date_doubt(copied) == (
        f"„{copied}“: Der 14.01.2027 ist ein Donnerstag. Bitte prüfen Sie Wochentag und Datum."
    )


def test_no_doubt_about_a_date_taken_or_a_text_that_is_none():
    assert date_doubt("14.01.2027") is None
    assert date_doubt("Dezember 2026") is None
    assert date_doubt("3/1/2025").startswith("„3/1/2025“ ist kein eindeutiges Datum")


@pytest.mark.parametrize(
    "copied",
    [
        "15.01.2027 16:30",
        "15.01.2027, 16.30 Uhr",
        "Freitag, 15. Januar 2027 um 16:30 Uhr",
        "2027-01-15T16:30:00",
        "1/15/2027 4:30 PM",
        "Freitag, 15. Januar 2027, 10 Uhr",  # the hour alone (found by a tester)
        "15.01.2027 um 10 Uhr",
        "January 15, 2027 4 PM",
    ],
)
def test_a_time_of_day_after_the_date_is_left_aside(copied):
    """(found by review) "15.01.2027 16:30", a date and time cell copied from a list of
    meetings, was no date: the field kept its old one without a word."""
    assert copied_date(copied) == date(2027, 1, 15)


@pytest.mark.parametrize("copied", ["15. Jan. 2027", "Fr., 15. Jan. 2027", "15. jan. 2027"])
def test_a_month_abbreviated_as_a_letter_writes_it_is_read(copied):
    """(found by review) "15. Jan. 2027" was no date: the field kept its old one unsaid."""
    assert copied_date(copied) == date(2027, 1, 15)
    assert copied_date("3. Sept. 2027") == copied_date("3. Sep. 2027") == date(2027, 9, 3)
    assert copied_date("3. Mrz. 2027") == copied_date("3. Mär. 2027") == date(2027, 3, 3)


@pytest.mark.parametrize(
    "copied",
    ["January 15, 2027", "Friday, January 15, 2027 4:30 PM", "Jan 15th, 2027", "15 Jan 2027"],
)
def test_a_date_in_english_words_is_read(copied):
    """(found by review) An invitation of an Outlook set to English, "Friday, January 15,
    2027 4:30 PM", was no date: the field kept its old one unsaid."""
    assert copied_date(copied) == date(2027, 1, 15)
    assert date_doubt("Tuesday, January 15, 2027") == (
        "„Tuesday, January 15, 2027“: Der 15.01.2027 ist ein Freitag. Bitte prüfen Sie "
        "Wochentag und Datum."
    )


@pytest.mark.parametrize(
    "copied",
    [
        "Freitag, den 15. Januar 2027",
        "am Freitag, dem 15. Januar 2027, um 16 Uhr",
        "am 15.01.2027",
        "15.01.2027, 16:00–18:00 Uhr",
        "Fr., 15.01.2027, 16-18 Uhr",
        "15.01.2027 von 16:00 bis 18:00 Uhr",
    ],
)
def test_a_date_as_a_german_letter_or_invitation_writes_it_is_read(copied):
    """(found by a tester) "Freitag, den 15. Januar 2027", the time a meeting lasts
    ("16:00–18:00 Uhr") and "Febr." were no date: the field said it could not read one."""
    assert copied_date(copied) == date(2027, 1, 15)
    assert copied_date("Mo., 15. Febr. 2027") == date(2027, 2, 15)


@pytest.mark.parametrize(
    "copied", ["Sonnabend, 16.01.2027", "Sonnabend, den 16. Januar 2027", "am Sonnabend 16.01.27"]
)
def test_sonnabend_as_the_north_and_east_name_saturday_is_read(copied):
    """Rostock's invitations name Saturday "Sonnabend": such a date was no date."""
    assert copied_date(copied) == date(2027, 1, 16)
    assert date_doubt(copied.replace("16", "17", 1)) == (
        f"„{copied.replace('16', '17', 1)}“: Der 17.01.2027 ist ein Sonntag. "
        "Bitte prüfen Sie Wochentag und Datum."
    )


@pytest.mark.parametrize(
    "copied", ["Freitag,15.01.2027", "Fr.,15.01.2027", "Sonnabend,16.01.2027", "Sa,16.01.2027"]
)
def test_a_weekday_with_its_comma_and_no_space_after_it_is_read(copied):
    """(found by review) A date typed by hand into a mail, "Freitag,15.01.2027", was no
    date: the weekday needed a space after its comma."""
    assert copied_date(copied) == date(2027, 1, int(copied[-10:-8]))
    assert copied_date("Sonnabend16.01.2027") is None  # a word run into the date is none
