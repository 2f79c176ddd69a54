"""The covering e-mail of a recommendation sent to a project, read back with the email
package: subject, sender, recipient, the greeting, the text as typed, where it was adopted
and the due date."""

from __future__ import annotations

from datetime import date
from email.parser import BytesParser
from email.policy import default

from expertenrat.domain.enums import RecommendationKind, RecommendationStatus
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.recommendation_links import AddressedProject, Origin
from expertenrat.domain.recommendation_views import RecommendationDetail, RecommendationRow
from expertenrat.domain.wording import council_genitive
from expertenrat.exchange.transmittal_mail import transmittal_eml

HEAD = Letterhead(
    "Smart City Expert*innenrat",
    "Hansestadt Rostock",
    secretariat="Jörg Böhm, Geschäftsstelle",
    secretariat_email="gs@example.org",
)
ODD = "Daten & Dienste <offen> \"frei\" für 'alle' 🚲 – Größe"
PORTAL = AddressedProject(
    4, "Klima-Portal", contact_name="Prof. Dr. Merle Steffens", contact_email="ms@example.org"
)


def detail(
    *projects: AddressedProject, origin: Origin | None = None, text: str = f"Wir empfehlen: {ODD}"
) -> RecommendationDetail:
    row = RecommendationRow(
        id=1, code="E-2026-08", kind=RecommendationKind.RECOMMENDATION, title=ODD,
        action_field_id=None, action_field="", projects=projects,
        origin=origin or Origin(3, "5. Sitzung am 12.03.2026", 9, "4.2"),
        adopted_on=date(2026, 3, 12), sent_on=date(2026, 3, 20), due_on=date(2026, 5, 20),
        status=RecommendationStatus.SENT, days_overdue=0, version=2,
    )  # fmt: skip
    return RecommendationDetail(row, f"{text}\nZweite Zeile." if text else "", (), ())


def parsed(eml: bytes):
    return BytesParser(policy=default).parsebytes(eml)


def test_the_draft_reads_back_with_subject_recipient_greeting_text_and_due_date():
    """(found by a tester) Sending a recommendation had no covering e-mail: the secretariat
    wrote it by hand each time."""
    message = parsed(transmittal_eml(HEAD, detail(PORTAL), PORTAL))

    assert message["Subject"] == f"Empfehlung E-2026-08 des Smart City Expert*innenrats: {ODD}"
    assert [(a.display_name, a.addr_spec) for a in message["From"].addresses] == [
        ("Smart City Expert*innenrat", "gs@example.org")
    ]
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ("Prof. Dr. Merle Steffens", "ms@example.org")
    ]
    assert message["X-Unsent"] == "1"
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert body.startswith("Guten Tag Prof. Merle Steffens,\n\n")
    assert (
        "der Smart City Expert*innenrat hat in der 5. Sitzung am 12.03.2026 (TOP 4.2) die "
        "folgende Empfehlung an das Projekt „Klima-Portal“ beschlossen:" in body
    )
    assert f"Wir empfehlen: {ODD}\nZweite Zeile." in body
    assert "Wir bitten um Ihre Stellungnahme bis Mittwoch, 20. Mai 2026." in body
    assert body.endswith("Mit freundlichen Grüßen\nJörg Böhm, Geschäftsstelle\n"
                         "Smart City Expert*innenrat\n")  # fmt: skip


def test_a_recommendation_to_two_projects_names_both_and_greets_each_contact():
    lab = AddressedProject(5, "Stadtlabor", contact_name="", contact_email="lab@example.org")

    message = parsed(transmittal_eml(HEAD, detail(PORTAL, lab, origin=Origin()), lab))

    assert [a.addr_spec for a in message["To"].addresses] == ["lab@example.org"]
    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert body.startswith("Sehr geehrte Damen und Herren,\n\n")
    assert "hat am 12.03.2026 zwischen den Sitzungen die folgende Empfehlung" in body
    assert "an die Projekte „Klima-Portal“ und „Stadtlabor“ beschlossen" in body


def test_the_council_is_named_in_the_genitive_by_its_head_noun():
    assert council_genitive("Digitalbeirat der Hansestadt Lübeck") == (
        "des Digitalbeirats der Hansestadt Lübeck"
    )
    assert council_genitive("Digitalkommission Jena") == "der Digitalkommission Jena"
    assert council_genitive("Smart-City-Ausschuss") == "des Smart-City-Ausschusses"
    assert council_genitive("Smarte Köpfe") == "des Gremiums „Smarte Köpfe“"


def test_a_recommendation_without_text_leaves_no_empty_paragraph():
    message = parsed(transmittal_eml(HEAD, detail(PORTAL, text=""), PORTAL))

    body = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert f"„{ODD}“\n\nWir bitten um Ihre Stellungnahme" in body
