"""Web and e-mail addresses a reader can tap: a table cell or fact whose whole text is one
address becomes a link to it (and an address named in a sentence, where a document asks
for it), so a member on a tablet opens the video meeting or writes to
a member with a tap instead of copying an address that the cell broke over lines (a copy
keeps the breaks, and some readers drop a hyphen at a line's end: "zoe.hartmann-" /
"okafor@" came out as "zoe.hartmannokafor@")."""

from __future__ import annotations

import re
from urllib.parse import quote
from xml.sax.saxutils import quoteattr

_WEB = re.compile(r"(?:https?://|www\.)[^\s<>\"]+\.[^\s<>\"]+", re.IGNORECASE)
_MAIL = re.compile(r"[^\s@<>\"():;,]+@[^\s@<>\"():;,]+\.[^\s@<>\"():;,.]+")
# What an address in a "mailto:" link keeps as it is (RFC 6068): the unreserved characters
# and "some-delims"; "?", "&", "=", "#" and "%" would start or break the link's header
# fields, so "a?cc=b@x.de" wrote to "a" with a copy to "b@x.de".
_MAILTO_KEEPS = "!$'()*+,;:@"


def link_target(text: str) -> str:
    """The link of ``text`` if it is one web or e-mail address ("mailto:…"; "https://" before
    an address that starts with "www."), else ""."""
    text = text.strip()
    if _WEB.fullmatch(text):
        return text if "://" in text else f"https://{text}"
    if _MAIL.fullmatch(text):
        return f"mailto:{quote(text, safe=_MAILTO_KEEPS)}"
    return ""


def anchor(target: str) -> str:
    """The tag that opens a link to ``target`` in paragraph markup (closed by "</a>")."""
    return f"<a href={quoteattr(target)}>"


def linked(markup: str, target: str) -> str:
    """The cell ``markup`` ("{}" for the text) as a link to ``target`` ("" leaves it)."""
    if not target:
        return markup
    return anchor(target).replace("{", "{{").replace("}", "}}") + markup + "</a>"
