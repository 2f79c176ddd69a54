"""Field limits: lengths, characters, NFC and dates, checked in one place for every text field."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from expertenrat.domain.action_fields import validate_action_field_name
from expertenrat.domain.council_settings_checks import clean_settings, validate_settings
from expertenrat.domain.councils import CouncilSettings
from expertenrat.domain.field_limits import (
    COUNCIL,
    MINUTES_HEADER,
    MINUTES_ITEM,
    PERSON,
    RECOMMENDATION,
    clean_text,
)
from expertenrat.domain.member_council_checks import validate_member
from expertenrat.domain.members import (
    Member,
    clean_and_check,
    clean_member,
    member_problems,
)

TODAY = date(2026, 11, 27)


def member(**changes) -> Member:
    values = {
        "given_name": "Anna",
        "family_name": "Berg",
        "primary_field_id": 1,
        "term_start": date(2025, 1, 1),
        **changes,
    }
    return Member(id=None, **values)


def errors(problems) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in problems:
        if not problem.warning:
            found.setdefault(problem.field, []).append(problem.message)
    return found


@pytest.mark.parametrize(
    ("field", "limit", "message"),
    [
        ("phone", 100, "Die Telefonnummer darf höchstens 100 Zeichen haben."),
        ("title", 100, "Der Titel darf höchstens 100 Zeichen haben."),
        ("form_of_address", 50, "Die Anrede darf höchstens 50 Zeichen haben."),
        ("affiliation", 300, "Die Institution darf höchstens 300 Zeichen haben."),
        ("position", 300, "Die Funktion darf höchstens 300 Zeichen haben."),
        ("given_name", 200, "Der Vorname darf höchstens 200 Zeichen haben."),
        ("family_name", 200, "Der Nachname darf höchstens 200 Zeichen haben."),
        ("postal_address", 1000, "Die Postanschrift darf höchstens 1.000 Zeichen haben."),
        ("notes", 20_000, "Die Notizen dürfen höchstens 20.000 Zeichen haben."),
    ],
)
def test_one_character_over_the_limit_is_refused_naming_field_and_limit(field, limit, message):
    assert PERSON[field].max_length == limit
    assert field not in errors(validate_member(member(**{field: "x" * limit}), [], TODAY))

    found = errors(validate_member(member(**{field: "x" * (limit + 1)}), [], TODAY))

    assert found[field] == [message]


def test_an_overlong_email_address_is_refused_with_its_limit():
    address = "a" * 64 + "@" + "b" * 253 + ".de"  # 321 characters, well formed

    found = errors(validate_member(member(email=address), [], TODAY))

    assert found["email"] == ["Die E-Mail-Adresse darf höchstens 320 Zeichen haben."]


def test_length_counts_characters_not_bytes_and_after_nfc():
    # 100 umlauts typed as "u" + combining diaeresis are 200 code points, but 100 in NFC.
    decomposed = unicodedata.normalize("NFD", "ü" * 100)
    assert len(decomposed) == 200

    assert errors(validate_member(member(phone=decomposed), [], TODAY)) == {}
    assert errors(validate_member(member(phone="😀" * 100), [], TODAY)) == {}


@pytest.mark.parametrize(
    ("char", "name"),
    [
        ("\x1b", "U+001B"),
        ("\x00", "U+0000"),
        ("\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
        ("\u202a", "U+202A LEFT-TO-RIGHT EMBEDDING"),
        ("\u2066", "U+2066 LEFT-TO-RIGHT ISOLATE"),
        ("\u2069", "U+2069 POP DIRECTIONAL ISOLATE"),
        ("\u200b", "U+200B ZERO WIDTH SPACE"),
        ("\u00ad", "U+00AD SOFT HYPHEN"),
        ("\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE"),
        ("\x7f", "U+007F"),
        ("\t", "U+0009"),
    ],
)
def test_control_and_format_characters_are_refused_naming_field_and_character(char, name):
    found = errors(validate_member(member(family_name=f"Ber{char}g"), [], TODAY))

    assert len(found["family_name"]) == 1
    assert found["family_name"][0].startswith("Der Nachname enthält ein unsichtbares Steuerzeichen")
    assert name in found["family_name"][0]


@pytest.mark.parametrize("field", ["postal_address", "notes"])
def test_multiline_fields_refuse_controls_too(field):
    found = errors(validate_member(member(**{field: "Weg 1\n\x1b[31mrot"}), [], TODAY))

    assert "U+001B" in found[field][0]


@pytest.mark.parametrize("text", ["Anna\nBerg", "Anna\r\nBerg", "Anna\u2028Berg", "Anna\rBerg"])
def test_line_breaks_are_refused_in_single_line_fields(text):
    found = errors(validate_member(member(phone=text, given_name=text), [], TODAY))

    assert found["phone"] == ["Die Telefonnummer muss in einer Zeile stehen (ohne Zeilenumbruch)."]
    assert found["given_name"] == ["Der Vorname muss in einer Zeile stehen (ohne Zeilenumbruch)."]


def test_multiline_fields_keep_line_breaks_and_tabs_as_line_feeds():
    text = "Haus 2\r\nZimmer 3\rKüche\n\tHinterhof"  # Windows, old Mac and Unix line ends
    cleaned = clean_member(member(postal_address=text, notes=f"  {text}  "))

    assert errors(validate_member(cleaned, [], TODAY)) == {}
    assert cleaned.postal_address == "Haus 2\nZimmer 3\nKüche\n\tHinterhof"
    assert cleaned.notes == f"  {cleaned.postal_address}  "


def test_line_separators_of_qt_text_boxes_become_line_feeds_in_multiline_fields():
    cleaned = clean_member(member(notes="eins\u2028zwei\u2029drei"))

    assert cleaned.notes == "eins\nzwei\ndrei"


def test_joiners_and_bidi_marks_that_real_text_needs_are_allowed():
    persian = "می\u200cخواهم"  # ZWNJ
    sinhala = "ශ්\u200dරී"  # ZWJ
    family = "👩\u200d👩\u200d👧"

    mixed = "Universität Rostock – \u200fجامعة\u200e & Co."  # RLM, LRM

    for name in (persian, sinhala, family, mixed):
        assert errors(validate_member(member(family_name=name), [], TODAY)) == {}


@pytest.mark.parametrize("invisible", ["\u200f", " \u200e\u200d ", "\u200c \u061c"])
def test_a_one_line_text_of_only_joiners_and_marks_is_empty(invisible):
    """(found by a tester) A name made only of a right-to-left mark (what an empty cell of
    an Arabic web page copies) passed "Bitte geben Sie den Vornamen an": a member with an
    invisible name was imported and saved."""
    given = member(given_name=invisible, family_name=invisible, affiliation=invisible)
    required = {
        "given_name": ["Bitte geben Sie den Vornamen an."],
        "family_name": ["Bitte geben Sie den Nachnamen an."],
    }

    cleaned, problems = clean_and_check(given)  # the import's way
    assert cleaned.affiliation == "" and errors(problems) == required
    assert errors(validate_member(clean_member(given), [], TODAY)) == required  # the dialog's
    assert clean_member(member(notes=invisible)).notes == invisible  # notes keep what is typed


def test_cleaning_makes_nfc_and_strips_single_line_fields():
    nfd = unicodedata.normalize("NFD", "  Jörg Müller-Lüdenscheidt ")

    cleaned = clean_member(member(family_name=nfd, affiliation=nfd))

    assert cleaned.family_name == "Jörg Müller-Lüdenscheidt"
    assert unicodedata.is_normalized("NFC", cleaned.affiliation)
    assert cleaned.affiliation == "Jörg Müller-Lüdenscheidt"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007"])
def test_no_break_spaces_are_plain_spaces_in_one_line_person_fields(space):
    # found by a tester: invisible, they made two equal-looking names differ
    cleaned = clean_member(
        member(
            title=f"Prof.{space}Dr.",
            family_name=f"von{space}Berg",
            affiliation=f"Universität{space}Rostock{space}",
            phone=f"0381{space}123",
            postal_address=f"Weg{space}1",
            notes=f"Raum{space}2",
        )
    )

    assert (cleaned.title, cleaned.family_name) == ("Prof. Dr.", "von Berg")
    assert (cleaned.affiliation, cleaned.phone) == ("Universität Rostock", "0381 123")
    assert (cleaned.postal_address, cleaned.notes) == (f"Weg{space}1", f"Raum{space}2")


@pytest.mark.parametrize(
    "spec",
    [*MINUTES_ITEM.values(), *MINUTES_HEADER.values(), RECOMMENDATION["title"]],
    ids=lambda spec: spec.subject,
)
def test_texts_outside_a_persons_data_keep_their_no_break_spaces_as_typed(spec):
    # the minutes above all: what was approved must stay what is stored
    typed = "\u00a0\u00a0eingerückt §\u00a012 und 5\u202fkm"

    assert clean_text(typed, spec) == (typed.strip() if spec.strip else typed)


@pytest.mark.parametrize(
    "changes",
    [
        {},
        {"family_name": unicodedata.normalize("NFD", "  Müller "), "notes": "  frei  "},
        {"given_name": " ", "email": "kein@", "title": "x" * 101, "phone": "0381\x00"},
        {"affiliation": "Uni\u2028Rostock", "postal_address": "Weg 1\u2028Rostock\x1b"},
        {"notes": "n" * 20_001, "term_end": date(2024, 1, 1), "primary_field_id": None},
        {"position": "\u0958" * 300, "publish_name_on": date(2200, 1, 1)},
    ],
)
def test_cleaning_and_checking_in_one_pass_is_cleaning_then_checking(changes):
    given = member(**changes)

    cleaned, problems = clean_and_check(given)

    assert cleaned == clean_member(given)
    assert problems == member_problems(clean_member(given))


@pytest.mark.parametrize(
    ("field", "value", "subject"),
    [
        ("term_start", date(1899, 12, 31), "Der Beginn der Amtszeit (31.12.1899)"),
        ("term_end", date(2101, 1, 1), "Das Ende der Amtszeit (01.01.2101)"),
        ("publish_name_on", date(1, 1, 1), "Das Datum der Einwilligung (Name) (01.01.0001)"),
        (
            "publish_contact_on",
            date(9999, 12, 31),
            "Das Datum der Einwilligung (Kontakt) (31.12.9999)",
        ),
    ],
)
def test_dates_outside_1900_to_2100_are_refused(field, value, subject):
    found = errors(validate_member(member(**{field: value}), [], TODAY))

    assert f"{subject} muss zwischen 1900 und 2100 liegen." in found[field]


def test_the_edges_of_the_date_range_are_allowed():
    edges = member(term_start=date(1900, 1, 1), term_end=date(2100, 12, 31))

    assert errors(validate_member(edges, [], TODAY)) == {}


def test_council_settings_have_limits_and_characters_checked():
    settings = CouncilSettings(id=None, name="R" * 201, city="Ros\u202etock", short_name="K" * 51)

    found = errors(validate_settings(settings))

    assert found["name"] == ["Der Name des Gremiums darf höchstens 200 Zeichen haben."]
    assert found["short_name"] == ["Der Kurzname darf höchstens 50 Zeichen haben."]
    assert "U+202E" in found["city"][0]
    assert {COUNCIL[name].max_length for name in ("name", "short_name", "city")} == {200, 50}


def test_council_settings_are_cleaned_to_nfc():
    nfd = unicodedata.normalize("NFD", " Lübeck ")

    assert clean_settings(CouncilSettings(id=None, name="Rat", city=nfd)).city == "Lübeck"


def test_action_field_names_have_limit_and_characters_checked():
    assert errors(validate_action_field_name("x" * 101, [])) == {
        "name": ["Der Name des Handlungsfelds darf höchstens 100 Zeichen haben."]
    }
    assert "U+0000" in errors(validate_action_field_name("Um\x00welt", []))["name"][0]
    nfd = unicodedata.normalize("NFD", "Wärme")
    assert errors(validate_action_field_name(nfd, ["Wärme"]))["name"] == [
        "Ein Handlungsfeld „Wärme“ gibt es bereits."
    ]


@pytest.mark.parametrize(
    "name", ["Moderne\u00a0Verwaltung", "Moderne  Verwaltung", "MODERNE VERWALTUNG"]
)
def test_an_action_field_that_only_looks_different_is_a_duplicate(name):
    """(found by a tester) A no-break space or two spaces between the words made a second
    "Moderne Verwaltung" beside the first (from a pasted name or a settings file): two
    entries in every list that look the same, members and projects split between them."""
    assert errors(validate_action_field_name(name, ["Moderne Verwaltung"]))["name"] == [
        f"Ein Handlungsfeld „{name}“ gibt es bereits."
    ]
