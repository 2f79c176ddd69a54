"""How letters greet: the member's own form of address, only the highest academic title,
and no gender made up where there is no form of address (found by a tester: the
salutations printed the whole title chain, "Sehr geehrte Frau Prof. Dr. Lindqvist,")."""

from __future__ import annotations

import pytest

from expertenrat.domain.invitation_letters import Recipient
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.reminders import salutation
from expertenrat.domain.salutations import greeting_name, salutation_title


@pytest.mark.parametrize(
    ("title", "shown"),
    [
        ("Prof. Dr.", "Prof."),
        ("Univ.-Prof. Dr.-Ing. habil.", "Prof."),
        ("apl. Prof.", "Prof."),
        ("Dr.", "Dr."),
        ("Dr. Dr. h. c.", "Dr."),
        ("Dr. rer. nat.", "Dr."),
        ("Dr.-Ing.", "Dr."),
        ("Dipl.-Ing.", ""),
        ("M.A.", ""),
        ("", ""),
        ("Pastorin", "Pastorin"),  # no academic degree: as it stands
    ],
)
def test_a_salutation_names_only_the_highest_title(title, shown):
    assert salutation_title(title) == shown


@pytest.mark.parametrize(
    ("form", "title", "greeting"),
    [
        ("Frau", "Prof. Dr.", "Sehr geehrte Frau Prof. Lindqvist,"),
        ("Herr", "Dr. Dr. h. c.", "Sehr geehrter Herr Dr. Lindqvist,"),
        ("Frau", "Dipl.-Ing.", "Sehr geehrte Frau Lindqvist,"),
        ("", "Prof. Dr.", "Guten Tag Prof. Kari Lindqvist,"),
        ("Divers", "Dr.", "Guten Tag Dr. Kari Lindqvist,"),  # not declined: neutral
    ],
)
def test_a_member_is_greeted_by_their_form_of_address_and_highest_title(form, title, greeting):
    recipient = Recipient("Kari", "Lindqvist", form_of_address=form, title=title)
    assert recipient.salutation == greeting
    assert recipient.address_lines[-1] == f"{title} Kari Lindqvist".strip()  # all titles


@pytest.mark.parametrize("form", ["Divers", "divers", "keine Angabe", "Mx.", "  "])
def test_a_form_of_address_other_than_frau_or_herr_is_no_line_of_the_address(form):
    """(found by a tester) "Divers" from a member import stood as a line of its own above
    the name in the letters' address block; German letters address a diverse person by
    name alone and greet them "Guten Tag Vorname Nachname"."""
    recipient = Recipient(
        "Sam", "Weiß", form_of_address=form, postal_address="Markt 1\n23552 Lübeck"
    )
    assert recipient.address_lines == ("Sam Weiß", "Markt 1", "23552 Lübeck")
    assert recipient.salutation == "Guten Tag Sam Weiß,"


@pytest.mark.parametrize("form", ["Frau", " herr "])
def test_frau_or_herr_is_the_first_line_of_the_address(form):
    recipient = Recipient("Sam", "Weiß", form_of_address=form, postal_address="Markt 1")
    assert recipient.address_lines == (form.strip(), "Sam Weiß", "Markt 1")


@pytest.mark.parametrize(
    ("contact", "greeting"),
    [
        ("Dr. Merle Steffens", "Guten Tag Dr. Merle Steffens,"),
        ("Prof. Dr. Merle Steffens", "Guten Tag Prof. Merle Steffens,"),
        ("Dipl.-Ing. Ole Fründt", "Guten Tag Ole Fründt,"),
        ("Dragan Petrović", "Guten Tag Dragan Petrović,"),  # no title, though "Dr…"
        ("C. Berg", "Guten Tag C. Berg,"),  # an initial, not "h. c."
        ("", "Sehr geehrte Damen und Herren,"),
    ],
)
def test_a_projects_contact_is_greeted_neutrally_as_a_member_without_a_form(contact, greeting):
    """A project's contact has no form of address: no "Frau" or "Herr" is guessed from a
    name; the greeting is the neutral one, with the highest title as for a member."""
    assert salutation(AddressedProject(1, "Projekt", contact_name=contact)) == greeting


def test_a_name_of_nothing_but_titles_stays_as_typed():
    assert greeting_name("  Prof.  Dr. ") == "Prof. Dr."
