"""Project rules: cleaning, required fields, limits, characters, partners, short codes."""

from __future__ import annotations

import pytest

from expertenrat.domain.enums import ProjectPhase
from expertenrat.domain.field_limits import PARTNER_NAME, PROJECT
from expertenrat.domain.projects import Project, clean_project, validate_project


def project(**changes) -> Project:
    return Project(**{"id": None, "title": "Digitaler Zwilling", "action_field_id": 1, **changes})


def errors(problems) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for problem in problems:
        found.setdefault(problem.field, []).append(problem.message)
    return found


def test_a_complete_project_has_no_problems():
    assert validate_project(project(contact_email="vogt@rostock.de", partners=("A", "B")), []) == []


def test_the_phases_read_as_the_council_names_them():
    assert [p.label for p in ProjectPhase] == [
        "Idee", "Planung", "Umsetzung", "Verstetigung", "abgeschlossen"
    ]  # fmt: skip


@pytest.mark.parametrize("name", sorted(PROJECT))
def test_every_text_field_has_its_limit_and_refuses_control_characters(name):
    spec = PROJECT[name]
    value = "a@b.de" if name == "contact_email" else "x"
    at_limit = value.rjust(spec.max_length, "x")
    assert name not in errors(validate_project(project(**{name: at_limit}), []))

    too_long = errors(validate_project(project(**{name: at_limit + "x"}), []))
    assert spec.too_long_message() in too_long[name]

    hidden = errors(validate_project(project(**{name: "a\u202eb"}), []))
    assert any("unsichtbares Steuerzeichen (U+202E" in m for m in hidden[name])


def test_only_the_description_may_have_several_lines():
    assert validate_project(project(description="eins\nzwei\r\ndrei"), []) == []
    found = errors(validate_project(project(lead_unit="Amt\nfür Umwelt"), []))
    assert found["lead_unit"] == [
        "Die federführende Stelle muss in einer Zeile stehen (ohne Zeilenumbruch)."
    ]


def test_cleaning_normalises_texts_and_drops_empty_partner_lines():
    cleaned = clean_project(
        project(title=" Jo\u0308rg ", partners=(" Uni Rostock ", "", "\u00a0", "Hochschule")),
    )
    assert cleaned.title == "Jörg"
    assert cleaned.partners == ("Uni Rostock", "Hochschule")


@pytest.mark.parametrize("typed", ["mailto:jan@example.org", "<jan@example.org>"])
def test_the_contact_address_loses_a_links_mailto_and_brackets_as_a_members(typed):
    # found by a tester: both passed the check and went into the reminder's draft as they were
    cleaned = clean_project(project(contact_email=typed))

    assert cleaned.contact_email == "jan@example.org"
    assert validate_project(cleaned, []) == []


def test_a_partner_name_over_its_limit_is_named_in_the_message():
    name = "P" * (PARTNER_NAME.max_length + 1)
    (message,) = errors(validate_project(project(partners=(name,)), []))["partners"]
    assert message == f"„{'P' * 59}…“: Der Name eines Partners darf höchstens 300 Zeichen haben."


def test_a_partner_listed_twice_is_refused_case_and_accents_aside():
    found = errors(
        validate_project(project(partners=("Universität Rostock", "UNIVERSITAT rostock")), [])
    )
    assert found["partners"] == ["Der Partner „UNIVERSITAT rostock“ steht doppelt in der Liste."]


def test_a_short_code_may_repeat_only_in_the_project_itself():
    stored = Project(id=4, title="Open-Data-Portal", short_code="ODP")
    assert validate_project(project(id=4, short_code="ODP"), [stored]) == []
    found = errors(validate_project(project(short_code="odp"), [stored]))
    assert found["short_code"] == [
        "Das Kürzel „odp“ hat bereits das Projekt „Open-Data-Portal“. Bitte wählen Sie ein anderes."
    ]


@pytest.mark.parametrize("code", ["KP\u00a01", "kp  1", "ＫＰ 1"])
def test_a_short_code_that_only_looks_different_is_taken(code):
    """(found by a tester) A no-break space, two spaces or full-width letters made a
    second "KP 1" beside the first."""
    stored = Project(id=4, title="Klimaportal", short_code="KP 1")
    found = errors(validate_project(project(short_code=code), [stored]))
    assert found["short_code"] == [
        f"Das Kürzel „{code}“ hat bereits das Projekt „Klimaportal“. Bitte wählen Sie ein anderes."
    ]


def test_the_name_in_messages_carries_the_short_code():
    assert project(short_code="DZ").name == "Digitaler Zwilling (DZ)"
    assert project().name == "Digitaler Zwilling"
