"""How a letter greets someone: in the salutation only the highest academic title counts.

The address block names a person with every title they bear ("Prof. Dr. Dr. h. c.
Katharina Lindqvist"); the salutation names only the highest, as German correspondence
does (Duden, DIN 5008): a professor is greeted as "Prof.", a doctor as "Dr." (once, of
whatever faculty), and degrees that are no form of address ("Dipl.-Ing.", "M.A.", "MBA")
are left out. Words that are no academic degree ("Pastorin") stay as they are.

No gender is derived from a title or a name: "Frau"/"Herr" come only from the member's
own form of address (:mod:`expertenrat.domain.invitation_letters`); without one, and for
project contacts (who have no form of address), the greeting is the neutral "Guten Tag".
Only "Frau" and "Herr" are printed beside a name, in letters and the roster
(:func:`printed_form_of_address`): another form ("Divers") is left out there.
"""

from __future__ import annotations

import re

# Words of an academic title chain, matched case-insensitively against a whole word. A
# name's leading words count as titles only if they are heads (a first name "Dragan" or an
# initial "C." is none) or qualify the head before them ("Dr. h. c.", "Dr. rer. nat.").
_PROFESSOR = re.compile(r"(?:(?:univ|apl|jun|hon|gast)\.?-)?prof\.(?:in)?", re.IGNORECASE)
_DOCTOR = re.compile(r"dr\.(?:-?[a-zäöü]+\.)*", re.IGNORECASE)
_HEAD = re.compile(
    r"dipl\.(?:-?[a-zäöü]+\.?)*|mag\.(?:[a-zäöü]+\.)*|priv\.-doz\.|pd|apl\.|em\.",
    re.IGNORECASE,
)
_QUALIFIER = re.compile(
    r"h\.|c\.|h\.\s?c\.|mult\.|med\.|rer\.|nat\.|phil\.|jur\.|habil\.|dent\.|vet\.|"
    r"oec\.|pol\.|theol\.|ing\.|soc\.|paed\.|pharm\.|agr\.|techn\.|mont\.",
    re.IGNORECASE,
)
_DEGREE = re.compile(r"mba|ll\.\s?m\.?|ph\.\s?d\.?|phd|[mb]\.\s?(?:a|sc|eng|ed)\.?", re.IGNORECASE)


_OPENINGS = {"frau": "Sehr geehrte Frau", "herr": "Sehr geehrter Herr"}


def printed_form_of_address(form: str) -> str:
    """The member's form of address as printed beside the name (a letter's address block,
    the roster): "Frau" or "Herr" as typed; "" for any other ("Divers" from a city's list,
    "keine Angabe", "Mx."), as German letters and lists name a diverse person by name
    alone (found by a tester)."""
    form = form.strip()
    return form if form.casefold() in _OPENINGS else ""


def salutation_opening(form: str) -> str:
    """ "Sehr geehrte Frau" / "Sehr geehrter Herr" for the form of address ``form``, else
    "" (the neutral "Guten Tag")."""
    return _OPENINGS.get(form.strip().casefold(), "")


def _heads(word: str) -> bool:
    return any(p.fullmatch(word) for p in (_PROFESSOR, _DOCTOR, _HEAD))


def salutation_title(title: str) -> str:
    """The part of the title chain ``title`` a salutation names: "Prof." for "Prof. Dr.",
    "Dr." for "Dr. Dr. h. c." or "Dr.-Ing.", "" for "Dipl.-Ing." or "M.A."; words that are
    no academic degree as they stand."""
    words = title.split()
    if any(_PROFESSOR.fullmatch(w) for w in words):
        return "Prof."
    if any(_DOCTOR.fullmatch(w) for w in words):
        return "Dr."
    academic = (_HEAD, _QUALIFIER, _DEGREE)
    return " ".join(w for w in words if not any(p.fullmatch(w) for p in academic))


def greeting_name(name: str) -> str:
    """A name typed with its titles ("Prof. Dr. Merle Steffens", a project's contact) as a
    salutation names it: its leading academic titles as :func:`salutation_title` reduces
    them ("Prof. Merle Steffens"). A name of nothing but titles stays as typed."""
    words = name.split()
    leading = 0
    while leading < len(words) and (
        _heads(words[leading]) or (leading and _QUALIFIER.fullmatch(words[leading]))
    ):
        leading += 1
    if leading == len(words):
        return " ".join(words)
    title = salutation_title(" ".join(words[:leading]))
    return " ".join(p for p in (title, *words[leading:]) if p)
