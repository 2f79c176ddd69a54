"""The one order of persons' names wherever people read a list of them.

Rosters, attendance lists, the minutes, the member table, dialogs and the public exports
all sort names with :func:`name_sort_key`, so that a name stands in the same place
everywhere. The order follows DIN 5007-1 (the dictionary order, not the phone book's
variant 2):

* family name first, then given name: "Berg, Anna" before "Berg-Meyer, Anna" before
  "Bergmann, Anna" (a space or hyphen sorts before any letter);
* umlauts and accented letters sort as their base letter, case does not count, ß is ss:
  "Öztürk" between "Otto" and "Paul" (never after "Z"), "Ströbele" as "Strobele";
* a leading particle of the family name (von, van, de, der, den, du, la, le, zu, zur,
  zum, vom, ten, ter, also chained: "van der", "de la", "von und zu") is moved behind
  it: "von Hohenzollern" sorts as "Hohenzollern, von", between "Hoffmann" and "Huber";
  with the same family and given name, the name without a particle comes first ("Anna
  Berg", "Anna von Berg", "Zoe Berg"). The Romance
  articles and prepositions (de, der, den, du, la, le) move only when written in lower
  case ("de Maizière", "de la Cruz"): written with a capital they start the name itself
  ("De Luca", "La Rosa", "Le Minh", "Du Bois" sort under D, L, L, D);
* other marks (apostrophes, dots) do not count: "O'Brien" sorts as "OBrien";
* names in other scripts (Arabic, Hebrew, Greek ...) sort by their folded letters after
  the Latin ones; they never fail.

Where two names are alike under these rules ("Müller" and "Muller"), their exact spelling
decides, so that the order is the same on every run and every PC.
"""

from __future__ import annotations

import functools
import unicodedata

from expertenrat.domain.text_folding import fold

# Lower case, folded. A particle is moved only from the front of a family name and only if
# a word follows ("Le" or "Van" alone is the name itself).
PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "du", "la", "le", "zu", "zur", "zum", "vom", "ten", "ter"}
)
# These start a family name as particles only when written in lower case: "De Luca",
# "La Rosa", "Le Minh" are names of their own (Italian, Vietnamese ...), "de la Cruz" not.
_LOWER_CASE_ONLY = frozenset({"de", "der", "den", "du", "la", "le"})
# Joins two particles ("von und zu Guttenberg"), not a particle on its own.
_JOINING = frozenset({"und"})

# Separates the parts of a key: below every character a part may hold (parts hold only
# letters, digits and single spaces), so a shorter family name sorts first.
_SEPARATOR = "\x1f"


def split_particles(family_name: str) -> tuple[str, str]:
    """``family_name`` as (particles, rest): ``"van der Berg"`` → ``("van der", "Berg")``.

    A family name without a leading particle, or of particles only, is all rest:
    ``"Berg"`` → ``("", "Berg")``, ``"von"`` → ``("", "von")``.
    """
    words = family_name.split()
    if len(words) < 2 or not _starts_with_particle(words[0]):  # most names: nothing to move
        return "", " ".join(words)
    taken = 0
    for index, word in enumerate(words[:-1]):
        folded = fold(word)
        if folded in PARTICLES:
            taken = index + 1
        elif not (folded in _JOINING and taken == index and taken > 0):
            break
    return " ".join(words[:taken]), " ".join(words[taken:])


def _starts_with_particle(word: str) -> bool:
    folded = fold(word)
    if folded in _LOWER_CASE_ONLY:
        return word.islower()
    return folded in PARTICLES


@functools.lru_cache(maxsize=1 << 16)  # a table's sort asks for each row's key many times
def name_sort_key(family_name: str, given_name: str = "") -> str:
    """The key that sorts a person's name for reading (DIN 5007-1, see the module).

    A plain ``str`` (so it can stand in a table's sort role): the family name without its
    particles, the given name and the particles, each folded to letters and digits, then
    the exact spellings to break ties, joined by a control character that sorts before any
    letter. Pure: the same names give the same key, whatever the locale.

    >>> names = [("Zimmermann", "Jan"), ("von Hohenzollern", "Anna"), ("Öztürk", "Ece"),
    ...          ("Huber", "Eva"), ("Hoffmann", "Tom")]
    >>> [f for f, g in sorted(names, key=lambda n: name_sort_key(*n))]
    ['Hoffmann', 'von Hohenzollern', 'Huber', 'Öztürk', 'Zimmermann']
    """
    particles, family = split_particles(family_name)
    given = " ".join(given_name.split())
    return _SEPARATOR.join(
        (
            _letters(family),
            _letters(given),
            _letters(particles),
            _exact(family),
            _exact(given),
            _exact(particles),
        )
    )


def _letters(text: str) -> str:
    """``text`` folded (case, accents, umlauts aside), with hyphens and white space one
    space and every other mark left out: ``"Müller-Lüdenscheidt"`` → ``"muller ludenscheidt"``."""
    words = []
    for word in fold(text).replace("-", " ").split():
        kept = word if word.isalnum() else "".join(c for c in word if c.isalnum())
        if kept:
            words.append(kept)
    return " ".join(words)


def _exact(text: str) -> str:
    """The tie-breaker: ``text`` in one Unicode form, case aside (then case: "de" < "De")."""
    composed = unicodedata.normalize("NFC", text).replace(_SEPARATOR, "")
    return f"{composed.casefold()}{_SEPARATOR}{composed}"
