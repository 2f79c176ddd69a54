"""The reminder to a project as an e-mail draft (.eml) that the user's mail program opens:
from the secretariat's mailbox where the council has one set, addressed to the project's
contact, the open recommendations in the text (those awaiting a response, then those whose
planned implementation is overdue), the letter as PDF attached. Nothing is sent by the app
(see :mod:`~expertenrat.exchange.mail_draft`).
"""

from __future__ import annotations

from expertenrat.domain.mail_addresses import looks_like_email, mailbox
from expertenrat.domain.reminders import (
    ReminderLetter,
    plan_lines,
    plan_request,
    reminder_subject,
    response_lines,
    response_request,
    salutation,
    these_recommendations,
)
from expertenrat.domain.wording import council_as_subject
from expertenrat.exchange.mail_draft import Attachment, mail_draft, secretariat_sender


def reminder_eml(letter: ReminderLetter, pdf: bytes, pdf_name: str) -> bytes:
    """The draft as the bytes of an .eml file (CRLF line ends, UTF-8 where needed)."""
    project = letter.reminder.project
    email = project.contact_email.strip()
    blocks = []
    if letter.reminder.responses:
        blocks.append(
            f"{council_as_subject(letter.letterhead.council_name)} bittet um die noch "
            "ausstehende Stellungnahme "
            f"des Projekts „{project.title}“ zu "
            f"{these_recommendations(letter.reminder.responses)}:\n\n"
            f"{_listed(response_lines(letter))}\n\n{response_request(letter.reminder.responses)}"
        )
    if letter.reminder.plans:
        asks = (
            "Außerdem bitten wir"
            if blocks
            else f"{council_as_subject(letter.letterhead.council_name)} bittet das Projekt "
            f"„{project.title}“"
        )
        blocks.append(
            f"{asks} um eine Rückmeldung zum Stand der geplanten Umsetzung "
            f"{these_recommendations(letter.reminder.plans, genitive=True)}:\n\n"
            f"{_listed(plan_lines(letter))}\n\n{plan_request(letter.reminder.plans)}"
        )
    body = "\n\n".join(blocks)
    return mail_draft(
        reminder_subject(letter),
        f"{salutation(project)}\n\n{body}\n\nDas Erinnerungsschreiben liegt als PDF bei.\n\n"
        f"Mit freundlichen Grüßen\n{letter.letterhead.signature}\n"
        f"{letter.letterhead.council_name}\n",
        sender=secretariat_sender(letter.letterhead),
        to=[mailbox(project.contact_name, email)] if looks_like_email(email) else [],
        attachments=[Attachment(pdf, pdf_name)],
    )


def _listed(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)
