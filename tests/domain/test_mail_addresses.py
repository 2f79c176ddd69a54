"""Mail recipients from members: quoting per RFC 5322, members without e-mail skipped."""

from __future__ import annotations

from email.policy import default

from expertenrat.domain.mail_addresses import display_name, mailbox, recipients
from expertenrat.domain.members import Member


def member(given: str, family: str, email: str) -> Member:
    return Member(id=None, given_name=given, family_name=family, email=email)


def test_plain_names_stay_unquoted():
    assert display_name("Anna Berg") == "Anna Berg"
    assert display_name("Gülşen Yılmaz") == "Gülşen Yılmaz"


def test_names_with_specials_are_quoted_and_escaped():
    assert display_name("Berg, Anna") == '"Berg, Anna"'
    assert display_name('Kim "K" Lee') == '"Kim \\"K\\" Lee"'
    assert display_name("O'Neil (Büro)") == '"O\'Neil (Büro)"'
    assert display_name("Back\\slash") == '"Back\\\\slash"'


def test_recipients_skip_members_without_email_and_parse_as_addresses():
    result = recipients(
        [
            member("Anna", "Berg, Dr.", "anna@uni.de"),
            member("Kim", 'Lee "K" <Co>; x', "kim@x.de"),
            member("Ohne", "Adresse", " "),
            member("Zoë", "Brontë", "zoe@verein.de"),
        ]
    )
    assert (result.count, result.without_email) == (3, 1)
    assert result.text.startswith('"Anna Berg, Dr." <anna@uni.de>; ')
    assert result.text == (
        '"Anna Berg, Dr." <anna@uni.de>; '
        '"Kim Lee \\"K\\" <Co>; x" <kim@x.de>; '
        "Zoë Brontë <zoe@verein.de>"
    )


def test_a_mail_parser_reads_each_mailbox_back():
    for name in ("Anna Berg, Dr.", 'Kim Lee "K" <Co>; x', "Zoë Brontë", "a\\b (c)"):
        (address,) = default.header_factory("To", mailbox(name, "x@y.de")).addresses
        assert (address.display_name, address.addr_spec) == (name, "x@y.de")


def test_a_person_with_two_terms_is_listed_once():
    """(found by a tester) A re-appointed member, shown with "Alle", was copied twice."""
    first = member("Anna", "Berg", "anna@uni.de")
    again = member("Anna", "Berg", "Anna@Uni.de ")

    result = recipients([first, member("Kim", "Lee", "kim@x.de"), again])

    assert (result.text, result.count) == ("Anna Berg <anna@uni.de>; Kim Lee <kim@x.de>", 2)
