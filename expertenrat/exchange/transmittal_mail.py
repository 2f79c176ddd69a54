"""The covering e-mail with which a recommendation goes to a project, as a draft (.eml) the
user's mail program opens: from the secretariat's mailbox where the council has one set,
addressed to the project's contact, greeted as the reminders greet it
(:func:`~expertenrat.domain.reminders.salutation`), with the recommendation's text, where
it was adopted and the date the response is asked for; signed as the council's letters are.
One draft per project addressed (:mod:`expertenrat.services.recommendation_transmittals`).
"""

from __future__ import annotations

from expertenrat.domain.enums import RecommendationKind
from expertenrat.domain.german_dates import long_date
from expertenrat.domain.mail_addresses import looks_like_email, mailbox
from expertenrat.domain.meeting_documents import Letterhead
from expertenrat.domain.recommendation_links import AddressedProject
from expertenrat.domain.recommendation_views import RecommendationDetail
from expertenrat.domain.recommendations import BETWEEN_MEETINGS
from expertenrat.domain.reminders import salutation
from expertenrat.domain.wording import council_as_subject, council_genitive, listed
from expertenrat.domain.written_procedures import in_writing_label
from expertenrat.exchange.mail_draft import mail_draft, secretariat_sender

_THE_FOLLOWING = {
    RecommendationKind.RECOMMENDATION: "die folgende Empfehlung",
    RecommendationKind.IMPULSE: "den folgenden Impuls",
    RecommendationKind.STATEMENT: "die folgende Stellungnahme",
}


def transmittal_subject(head: Letterhead, detail: RecommendationDetail) -> str:
    """ "Empfehlung E-2026-08 des Smart City Expert*innenrats: Barrierefreiheit"."""
    row = detail.row
    return f"{row.kind.label} {row.code} {council_genitive(head.council_name)}: {row.title}"


def transmittal_eml(
    head: Letterhead, detail: RecommendationDetail, project: AddressedProject
) -> bytes:
    """The draft to ``project`` as the bytes of an .eml file; without a recipient where the
    project's contact e-mail is no address."""
    row = detail.row
    email = project.contact_email.strip()
    to = "das Projekt" if len(row.projects) <= 1 else "die Projekte"
    titles = listed([f"„{p.title}“" for p in row.projects or (project,)])
    where = BETWEEN_MEETINGS
    if row.origin.meeting_id is not None:
        top = f" (TOP {row.origin.item_number})" if row.origin.item_number else ""
        where = f"in der {row.origin.meeting_label}{top}"
    elif row.origin.in_writing_on is not None:
        where = in_writing_label(row.origin.in_writing_on)
    elif row.adopted_on is not None:
        where = f"am {row.adopted_on:%d.%m.%Y} {BETWEEN_MEETINGS}"
    text = (
        f"{salutation(project)}\n\n"
        f"{council_as_subject(head.council_name)} hat {where} "
        f"{_THE_FOLLOWING[row.kind]} an {to} {titles} beschlossen:\n\n"
        f"{row.code} „{row.title}“\n\n"
    )
    if detail.text.strip():
        text += f"{detail.text.strip()}\n\n"
    if row.due_on is not None:
        text += f"Wir bitten um Ihre Stellungnahme bis {long_date(row.due_on)}.\n\n"
    text += f"Mit freundlichen Grüßen\n{head.signature}\n{head.council_name}\n"
    return mail_draft(
        transmittal_subject(head, detail),
        text,
        sender=secretariat_sender(head),
        to=[mailbox(project.contact_name, email)] if looks_like_email(email) else [],
    )
