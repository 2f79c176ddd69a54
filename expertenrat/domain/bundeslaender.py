"""The German Länder a council can be in: their ISO 3166-2 codes ("DE-MV") and names."""

from __future__ import annotations

BUNDESLAENDER = {
    "DE-BB": "Brandenburg",
    "DE-BE": "Berlin",
    "DE-BW": "Baden-Württemberg",
    "DE-BY": "Bayern",
    "DE-HB": "Bremen",
    "DE-HE": "Hessen",
    "DE-HH": "Hamburg",
    "DE-MV": "Mecklenburg-Vorpommern",
    "DE-NI": "Niedersachsen",
    "DE-NW": "Nordrhein-Westfalen",
    "DE-RP": "Rheinland-Pfalz",
    "DE-SH": "Schleswig-Holstein",
    "DE-SL": "Saarland",
    "DE-SN": "Sachsen",
    "DE-ST": "Sachsen-Anhalt",
    "DE-TH": "Thüringen",
}


def land_code(bundesland: str | None) -> str | None:
    """The Land's code as stored or typed (" de-mv" is "DE-MV"); ``None`` for none or an
    unknown one."""
    code = (bundesland or "").strip().upper()
    return code if code in BUNDESLAENDER else None
