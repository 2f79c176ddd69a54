"""Where a text names a person: by the family name as a whole word, in any case ("Herr
Pál", "PÁL:", not "Pálffy"). The Auskunft searches the minutes so
(:mod:`services.person_disclosure_meetings`), and so does the warning that the public
minutes name a member who may not be named (:mod:`domain.unnamed_mentions`)."""

from __future__ import annotations

import re
from collections.abc import Iterable

_NOTHING = re.compile(r"(?!)")  # no family name given: a pattern that finds nothing


def family_name_pattern(family_names: Iterable[str]) -> re.Pattern[str]:
    """Any of ``family_names``, each as a whole word, in any case."""
    names = dict.fromkeys(n.strip() for n in family_names if n.strip())
    if not names:
        return _NOTHING
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
