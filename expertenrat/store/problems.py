"""What went wrong with a database, said in German and truthfully.

A damaged file and a healthy file in a folder the user may not write to both stop the
program, but the advice differs: restoring a backup over good data would lose work. So
every SQLite error is read by its extended result code, never guessed from its text.
"""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Connection, exc, text

from expertenrat.domain.errors import (
    DatabaseDamagedError,
    DatabaseUnusableError,
    WriteRefusedError,
)
from expertenrat.store.driver_errors import (
    SqliteCause,
    driver_text,
    sqlite_cause,
    sqlite_error_name,
)

log = logging.getLogger(__name__)

# A constraint that an upgrade adds -> the rows that violate it and how to say so.
_UPGRADE_BLOCKERS = {
    "ck_councils_member_limits": (
        "SELECT name, min_members, max_members FROM councils WHERE min_members > max_members",
        "Im Gremium „{0}“ ist die Mindestzahl der Mitglieder ({1}) größer als die "
        "Höchstzahl ({2}).",
    ),
}


def damaged(path: Path, detail: str) -> DatabaseDamagedError:
    """``detail``: SQLite's own words on the damage (English)."""
    log.info("Database %s is damaged: %s", path, detail)
    return DatabaseDamagedError(
        f"Die Datenbank „{path}“ ist beschädigt und kann nicht geöffnet werden. "
        "Sie wurde nicht verändert. Bitte stellen Sie eine Sicherung wieder her.",
        str(path),
        detail,
    )


def read_only_file(path: Path) -> WriteRefusedError:
    return WriteRefusedError(
        f"Die Datenbank „{path}“ ist schreibgeschützt: Sie dürfen die Datei lesen, aber "
        "nicht ändern. Sie ist nicht beschädigt und wurde nicht verändert. Bitten Sie Ihre "
        "IT-Betreuung um Schreibrechte. Ausgeben (expertenrat export …) geht auch ohne "
        "Schreibrecht."
    )


def in_use_on_network(path: Path) -> DatabaseUnusableError:
    """A file on a network drive that another PC has open in SQLite's write-ahead log."""
    return DatabaseUnusableError(
        f"Die Datenbank „{path}“ liegt auf einem Netzlaufwerk und ist gerade in einem "
        "anderen Programm geöffnet, wohl in einer älteren Version von Expertenrat auf einem "
        "anderen PC. Mit einer Datei auf einem Netzlaufwerk darf immer nur ein PC zur "
        "selben Zeit arbeiten, sonst kann sie beschädigt werden. Bitte beenden Sie das "
        "Programm dort, bringen Sie Expertenrat auf jedem PC auf diese Version und versuchen "
        "Sie es dann erneut. Die Datenbank wurde "
        "nicht verändert."
    )


# How opening a file says each cause (at work: expertenrat.store.work_problems);
# damaged and read-only files have their own functions.
_SQLITE_AT_OPENING = {
    SqliteCause.INACCESSIBLE: (
        "Die Datenbank „{path}“ kann nicht geöffnet werden: Die Datei oder ihr Ordner ist "
        "nicht zugänglich (fehlende Berechtigung oder nicht verbundenes Laufwerk). Sie "
        "wurde nicht verändert."
    ),
    SqliteCause.CHANGED_MEANWHILE: (
        "Die Datenbank „{path}“ wurde inzwischen von einem anderen Programm geändert. Bitte "
        "versuchen Sie es erneut."
    ),
    SqliteCause.LOCKED: (
        "Die Datenbank „{path}“ ist gerade von einem anderen Programm gesperrt. Bitte "
        "versuchen Sie es in einem Moment noch einmal."
    ),
    SqliteCause.DISK_FULL: (
        "Der Datenträger von „{path}“ ist voll. Bitte schaffen Sie Platz und öffnen Sie die "
        "Datenbank erneut."
    ),
    SqliteCause.DISK_ERROR: (
        "Die Datenbank „{path}“ kann nicht gelesen oder geschrieben werden: ein Fehler des "
        "Datenträgers oder des Netzlaufwerks. Sie wurde nicht verändert."
    ),
}


def sqlite_problem(path: Path, error: BaseException) -> DatabaseUnusableError:
    """The true reason why the SQLite file ``path`` cannot be used."""
    cause = sqlite_cause(error)
    if cause is SqliteCause.DAMAGED:
        return damaged(path, driver_text(error))
    if sqlite_error_name(error) == "SQLITE_READONLY_DIRECTORY":
        return WriteRefusedError(
            f"Im Ordner „{path.parent}“ fehlt Ihnen die Schreibberechtigung; Expertenrat "
            f"braucht sie für die Datenbank „{path.name}“ (auch zum Lesen legt SQLite dort "
            "Hilfsdateien an). Die Datenbank ist nicht beschädigt und wurde nicht verändert. "
            "Bitten Sie Ihre IT-Betreuung um Schreibrechte oder kopieren Sie die Datei in "
            "einen eigenen Ordner. Ausgeben (expertenrat export …) geht auch ohne Schreibrecht."
        )
    if cause is SqliteCause.READ_ONLY:
        return read_only_file(path)
    if cause in _SQLITE_AT_OPENING:
        return DatabaseUnusableError(_SQLITE_AT_OPENING[cause].format(path=path))
    log.info("Database %s cannot be opened: %s", path, driver_text(error))
    return DatabaseUnusableError(
        f"Die Datenbank „{path}“ kann nicht geöffnet werden. Sie wurde nicht verändert. Die "
        "Meldung von SQLite steht unter den Einzelheiten; bitte wenden Sie sich an Ihre "
        "IT-Betreuung.",
        driver_text(error),
    )


def upgrade_blocked(location: str, error: exc.DBAPIError, read: Connection) -> str:
    """Which rows stop an upgrade that a new constraint rejected (the upgrade was rolled back).

    ``read`` is a connection to the unchanged database, used to name the rows.
    """
    reason = str(error.orig)
    problems: list[str] = []
    for constraint, (query, sentence) in _UPGRADE_BLOCKERS.items():
        if constraint in reason:
            problems = [sentence.format(*row) for row in read.execute(text(query))]
    if not problems:
        log.error("Upgrade of %s failed: %s", location, reason)
        problems = [
            "Vorhandene Daten verletzen eine Regel der neuen Version. Die Einzelheiten stehen "
            "in der Log-Datei; bitte wenden Sie sich an Ihre IT-Betreuung."
        ]
    return (
        f"Die Datenbank „{location}“ kann nicht auf den Stand dieser Programmversion gebracht "
        f"werden: {' '.join(problems)} Bitte korrigieren Sie das mit der bisherigen "
        "Programmversion und öffnen Sie die Datenbank dann erneut. "
        "Die Datenbank wurde nicht verändert."
    )
