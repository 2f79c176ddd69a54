"""The urgent item (Dringlichkeitsantrag) the demo's latest held meeting takes up: a
statement on a funding call whose deadline ends before the next meeting. Its minutes
record the vote on taking it up and the vote on its resolution; the item "Genehmigung der
Tagesordnung" speaks of it. It is taken up before "Verschiedenes", as councils do."""

from __future__ import annotations

from expertenrat.domain.agenda import AgendaItem
from expertenrat.domain.enums import AgendaItemKind, VoteMode
from expertenrat.domain.minutes import ItemTexts
from expertenrat.domain.votes import VoteDraft

URGENT_ITEM = AgendaItem(
    0,
    "Stellungnahme zum Förderaufruf für kommunale Datenräume",
    kind=AgendaItemKind.RESOLUTION,
    planned_minutes=10,
    presenter="Geschäftsstelle Smart City",
)
URGENT_TEXTS = ItemTexts(
    "Die Geschäftsstelle beantragt zu Beginn der Sitzung, die Tagesordnung um eine "
    "Stellungnahme zum Förderaufruf zu erweitern, weil dessen Frist vor der nächsten Sitzung "
    "endet. Der Rat nimmt den Antrag auf und berät den Entwurf.",
    "Die Sitzungsleitung beantragt, dem Entwurf der Stellungnahme zuzustimmen.",
    "Der Rat stimmt dem Entwurf der Stellungnahme zu; die Geschäftsstelle reicht sie "
    "fristgerecht ein.",
)
URGENT_AGENDA = "Die Tagesordnung wird um einen Dringlichkeitsantrag erweitert und so genehmigt."
URGENT_VOTES = (
    VoteDraft(VoteMode.UNANIMOUS, subject="Aufnahme als Dringlichkeitsantrag"),
    VoteDraft(VoteMode.UNANIMOUS, subject="Zustimmung zur Stellungnahme"),
)
