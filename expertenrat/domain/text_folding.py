"""Text forms for comparing and for ASCII: names match across case, accents and Unicode forms.

:func:`fold` is for matching (duplicates, search, sorting): "Jörg Müller" typed in composed
or decomposed form, in any case, folds to "jorg muller". :func:`transliterate` is for
places that need plain ASCII, such as the local part of an e-mail address, and writes
German umlauts the German way: "Ödön Pál" becomes "Oedoen Pal".
"""

from __future__ import annotations

import functools
import re
import unicodedata

# Marks that look alike in a name, as one: the apostrophe of "O'Brien" as a word processor
# or a Mac's mail puts it (’, ‘ after a space), as typed with the German keyboard's accent
# key (´) and as the letter ʼ; the hyphen of a double name as Word's non-breaking hyphen
# (Ctrl+Shift+-) and Unicode's hyphen. Mapped before decomposition: "´" decomposes to a
# space and an accent, which split "O´Brien" in two.
_LOOKALIKES = {"’": "'", "‘": "'", "´": "'", "ʼ": "'", "\u2010": "-", "\u2011": "-"}
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)

# Letters that carry their difference in the letter itself, not in a combining accent, so
# that Unicode decomposition leaves them as they are (lower case: fold casefolds first).
_SPECIAL_LETTERS = {
    "ł": "l",
    "ø": "o",
    "æ": "ae",
    "œ": "oe",
    "đ": "d",
    "ð": "d",
    "þ": "th",
    "ı": "i",
    "ħ": "h",
    "ŧ": "t",
    "ŀ": "l",
    "ĸ": "k",
    "ŋ": "n",
}
_FOLD_TABLE = str.maketrans({**_LOOKALIKES, **_SPECIAL_LETTERS})  # lookalikes a letter holds: ŉ

# ASCII spelling, German style where German has one (ä→ae), applied before accents go.
_ASCII_LETTERS = {
    **_LOOKALIKES,
    **_SPECIAL_LETTERS,
    "ä": "ae",
    "ö": "oe",
    "ü": "ue",
    "ø": "oe",
    "ß": "ss",
    "Ä": "Ae",
    "Ö": "Oe",
    "Ü": "Ue",
    "Ø": "Oe",
    "ẞ": "SS",
    "Ł": "L",
    "Æ": "Ae",
    "Œ": "Oe",
    "Đ": "D",
    "Ð": "D",
    "Þ": "Th",
    "Ħ": "H",
    "Ŧ": "T",
    "Ŋ": "N",
    "İ": "I",
}
_ASCII_TABLE = str.maketrans(_ASCII_LETTERS)


def fold(text: str) -> str:
    """``text`` for matching: compatibility-decomposed, casefolded, without accents.

    Canonically equivalent texts (NFC and NFD) and texts that differ only in case or
    accents fold alike: ``fold("Wiśniewski") == fold("WISNIEWSKI") == "wisniewski"``.
    Letters with a stroke or ligatures are mapped to their base letters (ł→l, æ→ae, ß→ss),
    the apostrophes and hyphens that look alike to the ASCII ones ("O’Brien" as "O'Brien").

    Folding works character by character (decomposing, casefolding and dropping combining
    marks never look at the neighbours), so each character is folded once and remembered:
    an import folds tens of thousands of names.
    """
    if text.isascii():
        return text.lower()
    return "".join(map(_fold_char, text))


@functools.lru_cache(maxsize=1 << 14)
def _fold_char(char: str) -> str:
    if char in _LOOKALIKES:
        return _LOOKALIKES[char]
    decomposed = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).casefold())
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_FOLD_TABLE)


def folded_origins(text: str) -> list[int]:
    """For each character of ``fold(text)``, the index in ``text`` of the character it
    comes from: a place found in the folded text, found in ``text``."""
    if text.isascii():
        return list(range(len(text)))
    return [index for index, char in enumerate(text) for _ in _fold_char(char)]


@functools.lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """``text`` folded, with runs of white space made one space and no space at the ends."""
    return " ".join(fold(text).split())


def alike_key(text: str) -> str:
    """``text`` as two names or codes that look the same compare: case, Unicode form
    (compatibility forms too), the kind and number of spaces (a no-break space, two
    spaces) and of apostrophes and hyphens ("O’Brien", "O'Brien") aside; accents count
    ("Wärme" is not "Warme")."""
    plain = text.translate(_LOOKALIKE_TABLE)
    return " ".join(unicodedata.normalize("NFKC", plain).casefold().split())


def transliterate(text: str) -> str:
    """``text`` in ASCII letters, German style: ö→oe, ü→ue, ß→ss, ł→l, ş→s, ı→i.

    Letters without a Latin spelling (Arabic, Greek, CJK ...) and other non-ASCII
    characters are left out. Case is kept.
    """
    return "".join(map(_ascii, unicodedata.normalize("NFC", text)))


@functools.cache
def _ascii(char: str) -> str:
    if char.isascii():
        return char
    mapped = char.translate(_ASCII_TABLE)
    if mapped != char:
        return mapped
    decomposed = unicodedata.normalize("NFKD", char)
    return "".join(c for c in decomposed if c.isascii())


# "ae", "oe", "ue" as a text without umlauts spells ä, ö, ü; not "ue" after "a" or "e",
# where the "u" is the diphthong's ("Bauer", "Steuer" are no "Baür": Herr Bauer's Auskunft
# gave what the minutes say of Herr Baur; found by review), nor after "q" ("Quelle")
_UMLAUT_SPELLING = re.compile("([ao]|(?<![aeq])u)e")


def umlauts_unspelt(folded: str) -> str:
    """``folded`` (lower case) with "ae", "oe", "ue" as the letters a, o, u, as
    :func:`fold` leaves an umlaut: "mueller" → "muller", the fold of "Müller"."""
    return _UMLAUT_SPELLING.sub(r"\1", folded)


def searchable(*parts: str) -> str:
    """What a search looks in: ``parts`` folded, spelt out and with the umlauts' spellings
    as the letters, so that "muller" (accents aside) and "mueller" (spelt out) find Müller,
    and "Müller" finds Mueller, as a system without umlauts wrote the name (found by a
    tester); each form once (less to look through per keystroke)."""
    return "\n".join(dict.fromkeys(search_forms(" ".join(parts))))


def search_forms(text: str) -> tuple[str, str, str]:
    """The forms of ``text`` that :func:`searchable` gives: folded, spelt out, and spelt
    out with the umlauts' spellings as the letters (a form may be another's twin)."""
    folded, spelt_out = fold(text), fold(transliterate(text))
    return folded, spelt_out, umlauts_unspelt(spelt_out)


def searchable_prose(text: str) -> str:
    """:func:`searchable` for long text (a recommendation's text, an answer): word by word,
    each word folded once and remembered, as prose repeats its words; a search word holds
    no space, so the spaces between the words need not stay as they were. A word divided
    at a line's end is there whole too (:func:`divided_words`)."""
    return " ".join(map(_searchable_word, text.split() + divided_words(text)))


_DIVIDED_AT_LINE_END = re.compile(r"([^\W\d_]+)-[ \t]*\r?\n[ \t]*([^\W\d_]+)")


def divided_words(text: str) -> list[str]:
    """The words that ``text`` divides by a hyphen at a line's end, whole: "Bürgerbeteiligung"
    for "Bürger-" over "beteiligung", as text pasted from a PDF holds them (found by a
    tester: the search for the word did not find it). A part after the break that begins
    with a capital is a word of its own ("Open-" over "Data")."""
    return [f"{head}{tail}" for head, tail in _DIVIDED_AT_LINE_END.findall(text) if tail.islower()]


@functools.lru_cache(maxsize=1 << 16)
def _searchable_word(word: str) -> str:
    return searchable(word).replace("\n", " ")


# Quotation marks typed around a phrase ("Open Data", „Open Data“) as in a web search:
# taken off the words' ends, as the words are looked for anywhere alike.
_QUOTES = "\"'„“”‚‘’«»‹›"
# And the marks of the sentence a word was copied from ("Sensordaten,", "(Klimaportal)");
# not its full stop: "4." is the 4. Sitzung (a day's or a TOP's full stop is read there).
_SENTENCE_MARKS = ",;:!?()[]"


def search_words(search: str) -> list[str]:
    """The folded words of what was typed into a search field, without the quotation
    marks around them (found by a tester: "„Open Data“" found nothing); a text matches if
    it holds every one (see :func:`searchable`); nor the commas, colons and brackets of a
    sentence it was copied from (found by a tester)."""
    words = (word.strip(_QUOTES + _SENTENCE_MARKS) for word in fold(search).split())
    return [word for word in words if word]


def holds_words(text: str, words: list[str]) -> bool:
    """Whether ``text`` (as :func:`searchable` made it) holds every one of ``words`` (as
    :func:`search_words` made them), anywhere and in any order; no words: any text."""
    return all(word in text for word in words)
