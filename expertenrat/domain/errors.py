"""Errors the user is meant to read. Every message is German and complete."""

from __future__ import annotations

import errno
from dataclasses import dataclass


class ExpertenratError(Exception):
    """An expected error: its message is shown to the user as it is; ``detail`` (usually
    empty) apart from it, for the IT: the original text of a cause the message could not
    name (a server's or driver's, often English)."""

    def __init__(self, message: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.detail = detail

    @property
    def message(self) -> str:
        return str(self)


class NotFoundError(ExpertenratError):
    pass


class InUseError(ExpertenratError):
    """Something cannot be deleted because other records refer to it."""


class ConcurrentEditError(ExpertenratError):
    """``what`` was changed by someone else since it was read; ``text``, if given, says it
    in full instead of the standard sentence. ``changed`` is the first sentence alone, for
    a form that keeps the typed input and needs no reload."""

    def __init__(self, what: str, text: str = "") -> None:
        self.changed = f"{what} {_was(what)} inzwischen von jemand anderem geändert."
        super().__init__(text or f"{self.changed} {_RELOAD}")


class QuestionChangedError(ConcurrentEditError):
    """A step asked first and was answered "Ja", but would now ask otherwise: what the
    question named was changed on another PC between the question and the step, which did
    nothing. ``question`` asks again, after ``changed`` (the opening line saying why)."""

    def __init__(self, changed: str, question: str) -> None:
        super().__init__("", f"{changed} {_RELOAD}")
        self.changed = changed
        self.question = question


def check_asked(changed: str, asked: str, now: str) -> None:
    """Raise :class:`QuestionChangedError` (opening with ``changed``) where a step would
    now ask ``now`` rather than ``asked``, the question answered "Ja" ("" where none was
    asked); where it would now ask nothing, nothing is refused. The caller holds what the
    question is about, so that a change at the same moment is made before or after this."""
    if now and now != asked:
        raise QuestionChangedError(changed, now)


_RELOAD = "Bitte laden Sie die Daten neu und wiederholen Sie Ihre Änderung."


# The plural nouns that name what was changed ("Die Einstellungen des Gremiums"): the verb
# agrees with them ("wurden"), as with every singular one ("Die Sitzung wurde").
_PLURAL_NOUNS = frozenset(
    ("Abstimmungen", "Demodaten", "Einstellungen", "Textbausteine", "Vorlagen")
)


def _was(what: str) -> str:
    words = what.split(maxsplit=2)
    return "wurden" if len(words) > 1 and words[1] in _PLURAL_NOUNS else "wurde"


@dataclass(frozen=True, slots=True)
class FieldProblem:
    """A problem with one input field; ``warning`` problems do not block saving."""

    field: str
    message: str
    warning: bool = False


class ValidationError(ExpertenratError):
    def __init__(self, problems: list[FieldProblem] | tuple[FieldProblem, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(p.message for p in self.problems if not p.warning))


class DatabaseUnusableError(ExpertenratError):
    """The database cannot be opened: not a database, corrupt, too new, unreachable."""


class WriteRefusedError(DatabaseUnusableError):
    """The database can be read here but not changed: a read-only file or folder."""


class StorageError(ExpertenratError):
    """The database refused the work for a reason outside the program. ``case``: what is
    the case (and what helps besides trying again) for a line whose save is tried again by
    itself, the autosave's: without the message's "versuchen Sie es erneut" and "Es wurde
    nichts gespeichert"; "" where no shorter word was made (the message says it)."""

    def __init__(self, message: str = "", detail: str = "", *, case: str = "") -> None:
        super().__init__(message, detail)
        self.case = case


class ConnectionLostError(StorageError):
    """The database server cannot be reached; trying again later may work."""


class ServerBusyError(ConnectionLostError):
    """Other work holds what this work needs on the server (a table another PC restores,
    a meeting whose minutes it approves) for longer than the window waits; trying again
    later works. A :class:`ConnectionLostError`, so the input is kept and retried alike."""


class PasswordNeededError(DatabaseUnusableError):
    """The database server wants a password: none was given, or it refused the one given."""


class DatabaseMissingError(DatabaseUnusableError):
    """There is no database at ``location`` yet (no file, an empty one, a server database
    without tables), and it was not to be created."""

    def __init__(self, message: str, location: str) -> None:
        super().__init__(message)
        self.location = location


class StoredFileMissingError(DatabaseMissingError):
    """The SQLite file stored as the user's choice (``datenbank.json``, which roams with a
    Windows profile) is not on this PC: chosen on another PC, or on a drive not connected
    here. It is not created in its place: the user chooses first."""


class DatabaseDamagedError(DatabaseUnusableError):
    """The SQLite file at ``path`` cannot be read whole: only a backup helps (restoring
    one sets the file aside first)."""

    def __init__(self, message: str, path: str, detail: str = "") -> None:
        super().__init__(message, detail)
        self.path = path


class DataEntryError(ExpertenratError):
    """A file the user gave us cannot be read (empty, binary, wrong columns)."""


# A German reason for each file system error the program meets (others: see os_error_text).
_OS_REASONS = {
    errno.ENOENT: "Der Ordner oder die Datei existiert nicht.",
    errno.EACCES: "Keine Berechtigung.",
    errno.EPERM: "Keine Berechtigung.",
    errno.ENOSPC: "Der Datenträger ist voll.",
    errno.EISDIR: "Das ist ein Ordner.",
    errno.EROFS: "Der Datenträger ist schreibgeschützt.",
    errno.ENAMETOOLONG: "Der Dateiname ist zu lang.",
    errno.ELOOP: "Der Pfad enthält zu viele Verknüpfungen.",
    errno.ENOTDIR: "Ein Teil des Pfades ist kein Ordner.",
    errno.EEXIST: "Die Datei oder der Ordner existiert bereits.",
    errno.ENOTEMPTY: "Der Ordner ist nicht leer.",
    errno.EBUSY: "Die Datei wird gerade von einem anderen Programm verwendet.",
    errno.EIO: "Der Datenträger meldet einen Lese- oder Schreibfehler.",
    errno.EDQUOT: "Der zugeteilte Speicherplatz ist aufgebraucht.",
    errno.EINVAL: "Der Name der Datei oder des Ordners ist nicht zulässig.",
    errno.ETIMEDOUT: "Das Laufwerk antwortet nicht (Netzwerk?).",
    errno.EHOSTDOWN: "Das Netzlaufwerk ist nicht erreichbar.",
    errno.ENETUNREACH: "Das Netzlaufwerk ist nicht erreichbar.",
}


def os_error_text(error: OSError) -> str:
    """A German reason for a file system error; one without its own names the system's
    error by name and number (its English text: :func:`os_error_detail`)."""
    number = error.errno
    if number in _OS_REASONS:
        return _OS_REASONS[number]
    if number is None:
        return "Das Betriebssystem meldet einen Fehler."
    name = errno.errorcode.get(number)
    return f"Systemfehler {name} (Nr. {number})." if name else f"Systemfehler Nr. {number}."


def os_error_detail(error: OSError) -> str:
    """The system's own (English) text of a file system error that :func:`os_error_text`
    has no German reason for, as an error's ``detail``; else empty."""
    if error.errno in _OS_REASONS:
        return ""
    return error.strerror or str(error)


class OthersConnectedError(DatabaseUnusableError):
    """An older server database was not upgraded: other sessions are connected to it
    (other PCs' programs, an older version among them perhaps). The message says which;
    the upgrade may be asked for anyway."""
