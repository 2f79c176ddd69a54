"""A meeting's online link pasted with what an e-mail or an invitation copies around it
goes in as the address alone (found by a tester: "<https://…>" from a mail in plain text
was refused as "Der Link muss mit https:// oder http:// beginnen")."""

from __future__ import annotations

import pytest

from expertenrat.domain.pasted_links import pasted_link

TEAMS = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%7d"


@pytest.mark.parametrize(
    "copied",
    [
        f"<{TEAMS}>",  # a mail in plain text
        f"Jetzt an der Besprechung teilnehmen <{TEAMS}>",  # a line of the invitation
        f"Link: {TEAMS}.",  # a sentence's full stop
        f"({TEAMS})",
        f"„{TEAMS}“",
        f"\u200b{TEAMS}\r\n",
    ],
)
def test_the_one_address_of_a_pasted_line_is_the_link(copied: str) -> None:
    assert pasted_link(copied) == TEAMS


def test_a_link_with_brackets_of_its_own_keeps_them() -> None:
    link = "https://de.wikipedia.org/wiki/Rostock_(Begriffsklärung)"

    assert pasted_link(link) == link


@pytest.mark.parametrize(
    "copied",
    [
        "https://a.example/x https://b.example/y",  # which is the meeting's? the check says
        "meet.example/x",
        "Besprechungs-ID: 123 456 789",
    ],
)
def test_text_without_one_address_is_pasted_as_it_is(copied: str) -> None:
    assert pasted_link(copied) == copied
