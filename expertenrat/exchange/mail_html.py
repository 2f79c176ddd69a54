"""The HTML part of an e-mail draft, beside its plain text (found by a tester).

A plain text mail loses its line breaks in Outlook, which by default "removes extra line
breaks" from plain text: a line of 40 characters or more that does not end a sentence runs
on into the next, so that the members read "Zeit: Montag, 14. Dezember 2026, 16:00–18:30
Uhr Ort: Rathaus Rostock …" and a project the recommendations of a reminder as one line.
The same text as HTML keeps every line: paragraphs where the text has a blank line, a line
break where it has one, links where it has a web address. Outlook opens the draft with it
in HTML and sends both; a mail program that shows plain text takes the text part.
"""

from __future__ import annotations

import re
from html import escape

_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_LINK = re.compile(r"https?://[^\s<>\"]+")
_STYLE = "p { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; margin: 0 0 11pt 0; }"


def html_body(text: str) -> str:
    """``text`` (lines separated by "\\n") as an HTML document."""
    paragraphs = [p for p in _PARAGRAPHS.split(text.strip("\n")) if p.strip()]
    body = "\n".join(
        "<p>" + "<br>\n".join(_line(line) for line in p.split("\n")) + "</p>" for p in paragraphs
    )
    return (
        '<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        f"<style>{_STYLE}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n"
    )


def _line(line: str) -> str:
    """One line, escaped, its web addresses as links (without a full stop or comma after
    them, which end the sentence)."""
    parts: list[str] = []
    done = 0
    for found in _LINK.finditer(line):
        url = found.group().rstrip(".,;:!?")
        if url.endswith(")") and "(" not in url:  # "(https://…)"
            url = url[:-1]
        parts.append(escape(line[done : found.start()]))
        parts.append(f'<a href="{escape(url)}">{escape(url)}</a>')
        done = found.start() + len(url)
    parts.append(escape(line[done:]))
    return "".join(parts)
