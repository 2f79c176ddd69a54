"""The e-mail check: the same answers as the old pattern, in linear time."""

from __future__ import annotations

import re
from datetime import date

import pytest

from expertenrat.domain.mail_addresses import looks_like_email
from expertenrat.domain.member_council_checks import validate_member
from expertenrat.domain.members import Member, clean_and_check, clean_member
from expertenrat.domain.projects import Project, clean_project, validate_project

OLD_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]{2,}$")
HOSTILE = "a@" + "b." * 60_000 + "@x"
CASES = [
    "anna@example.org",
    "anna.berg@uni-rostock.de",
    "a+b@x.io",
    "zoë@müller.de",
    "o'brien@example.co.uk",
    "a@b.cd",
    "a@b.c",
    "a@.cd",
    "a@b.",
    "a@bcd",
    "@example.org",
    "anna@",
    "anna",
    "",
    "anna@@example.org",
    "anna@exa@mple.org",
    "anna berg@example.org",
    "anna@example.org ",
    "anna@exam\tple.org",
    "anna@example.\u00a0org",
    "anna@example.o\u2028rg",
    "a@b..cd",
    "a@..cd",
    "a@b.c.d",
    "a.@b.cd",
    "a@" + "b." * 50 + "@x",
    "a@" + "b." * 50 + "cd",
    "mailto:anna@example.org",  # accepted: a link's "mailto:" is cleaned off before (below)
]


@pytest.mark.parametrize("text", CASES, ids=range(len(CASES)))
def test_the_check_accepts_exactly_what_the_old_pattern_accepted(text):
    # Only short values here: the old pattern needs seconds for long ones.
    assert looks_like_email(text) is bool(OLD_PATTERN.match(text))


def test_a_120_kb_value_with_many_dots_and_a_second_at_sign_is_refused():
    member = Member(None, "Anna", "Berg", email=HOSTILE, primary_field_id=1)

    problems = validate_member(member, [], date(2026, 1, 1))

    assert {p.field for p in problems} == {"email"}  # too long, and not an address
    assert looks_like_email("a@" + "b." * 60_000 + "cd")


@pytest.mark.parametrize(
    "typed",
    [
        "mailto:anna@example.org",
        "MailTo: anna@example.org ",
        "mailto:anna@example.org?subject=Einladung",
        "<anna@example.org>",  # as a mail program copies it (found by a tester)
        " < anna@example.org > ",
        "mailto:<anna@example.org>",
        "anna@example.org;",  # as a list of recipients copies it (found by a tester)
        "<anna@example.org>, ",
    ],
)
def test_a_link_copied_into_the_address_is_cleaned_to_the_address(typed):
    # found by a tester: the import dropped "mailto:", the form kept it, and the check (the
    # old pattern's answers, kept so that no stored address turns invalid) let it through
    member = Member(None, "Anna", "Berg", email=typed, primary_field_id=1)

    assert clean_member(member).email == "anna@example.org"
    cleaned, problems = clean_and_check(member)
    assert (cleaned.email, problems) == ("anna@example.org", [])


def test_an_address_in_a_name_and_brackets_is_left_for_the_check_to_refuse():
    member = Member(None, "Anna", "Berg", email="Anna Berg <anna@example.org>", primary_field_id=1)

    cleaned, problems = clean_and_check(member)

    assert cleaned.email == "Anna Berg <anna@example.org>"  # nothing dropped unseen
    # the address meant is named, not only "sieht nicht gültig aus" (found by a tester)
    assert [(p.field, p.message) for p in problems] == [
        (
            "email",
            "Bitte tragen Sie nur die E-Mail-Adresse ein, ohne Namen und spitze Klammern: "
            "„anna@example.org“.",
        )
    ]


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        (
            "Berg, Anna <anna@example.org>",  # as Outlook copies a recipient
            "Bitte tragen Sie nur die E-Mail-Adresse ein, ohne Namen und spitze Klammern: "
            "„anna@example.org“.",
        ),
        ("anna@example.org; kim@example.org", "Bitte tragen Sie nur eine E-Mail-Adresse ein."),
        ("anna@", "Die E-Mail-Adresse sieht nicht gültig aus (name@beispiel.de)."),
    ],
)
def test_a_project_s_contact_address_is_refused_with_the_same_words(typed, message):
    project = Project(None, "Parkraum", "P1", 1, contact_email=typed)

    problems = validate_project(clean_project(project), [])

    assert [(p.field, p.message) for p in problems] == [("contact_email", message)]


def test_an_address_that_only_holds_mailto_is_left_as_it_is():
    member = Member(None, "Anna", "Berg", email="mailto.anna@example.org", primary_field_id=1)

    assert clean_member(member) is member
