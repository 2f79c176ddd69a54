"""The reminder to a project as an e-mail draft (.eml) that the user's mail program opens:
addressed to the project's contact, the open recommendations in the text (those awaiting a
response, then those whose planned implementation is overdue), the letter as PDF attached.
Nothing is sent by the app; ``X-Unsent: 1`` makes Outlook open it as a draft.

The subject is encoded here (:func:`_subject`): Python's own folding of a long subject put
the dash and a project title starting with an umlaut into two encoded words, between which
a mail program drops the space ("…Empfehlung  –Bürgerservice-Chatbot").
"""

from __future__ import annotations

from email.header import Header
from email.message import EmailMessage
from email.policy import SMTP

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


def reminder_eml(letter: ReminderLetter, pdf: bytes, pdf_name: str) -> bytes:
    """The draft as the bytes of an .eml file (CRLF line ends, UTF-8 where needed)."""
    project = letter.reminder.project
    message = EmailMessage(policy=SMTP)
    message.set_raw("Subject", _subject(reminder_subject(letter)))
    email = project.contact_email.strip()
    if looks_like_email(email):
        message["To"] = mailbox(project.contact_name, email)
    message["X-Unsent"] = "1"
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
    message.set_content(
        f"{salutation(project)}\n\n{body}\n\nDas Erinnerungsschreiben liegt als PDF bei.\n\n"
        f"Mit freundlichen Grüßen\n{letter.letterhead.signature}\n"
        f"{letter.letterhead.council_name}\n"
    )
    message.add_attachment(pdf, maintype="application", subtype="pdf", filename=pdf_name)
    return message.as_bytes()


def _subject(text: str) -> str:
    """The subject as the header holds it: on one line (line breaks could start another
    header), folded at 78 characters, non-ASCII text as RFC 2047 encoded words that keep
    their spaces inside them."""
    line = " ".join(text.split())
    charset = "us-ascii" if line.isascii() else "utf-8"
    return Header(line, charset, header_name="Subject").encode(linesep="\n")


def _listed(lines: list[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)
