"""A client that walks an exported OParl tree as a harvester would, and checks it.

System → Body → every list of the body (following ``links.next``) → every object. Each
object is checked for its required fields and their types, the URL of every reference
must resolve inside the tree (to an object of the right type), the object in a list must
be the object its ``id`` serves, and file contents must match size and checksum.
Problems are collected, so a failing test lists all of them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

SCHEMA = "https://schema.oparl.org/1.1/"
TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?[+-]\d\d:\d\d$")
DAY = re.compile(r"^\d{4}-\d\d-\d\d$")
BODY_LISTS = (
    "organization",
    "person",
    "meeting",
    "paper",
    "agendaItem",
    "consultation",
    "file",
    "locationList",
    "legislativeTermList",
    "membership",
)
# type → {field: kind}; kinds: str, bool, int, date, time, url:<Type>, urls:<Type>, list,
# obj:<Type>, objs:<Type> (embedded objects)
REQUIRED = {
    "Body": {"name": "str", "legislativeTerm": "list"},
    "Organization": {"body": "url:Body", "name": "str"},
    "Person": {"name": "str", "familyName": "str", "givenName": "str"},
    "Membership": {"person": "url:Person", "organization": "url:Organization"},
    "Meeting": {"name": "str", "start": "time", "cancelled": "bool", "agendaItem": "list"},
    "AgendaItem": {"meeting": "url:Meeting", "order": "int", "name": "str", "public": "bool"},
    "Paper": {"body": "url:Body", "name": "str", "paperType": "str", "consultation": "list"},
    "Consultation": {
        "paper": "url:Paper",
        "agendaItem": "url:AgendaItem",
        "meeting": "url:Meeting",
        "authoritative": "bool",
    },
    "File": {"accessUrl": "str", "fileName": "str", "mimeType": "str", "size": "int"},
    "Location": {"description": "str"},
    "LegislativeTerm": {"body": "url:Body", "name": "str", "startDate": "date"},
}
OPTIONAL = {
    "Organization": {"subOrganizationOf": "url:Organization", "membership": "urls:Membership"},
    "Meeting": {
        "end": "time",
        "organization": "urls:Organization",
        "participant": "urls:Person",
        "invitation": "obj:File",
        "resultsProtocol": "obj:File",
        "auxiliaryFile": "objs:File",
        "location": "obj:Location",
    },
    "AgendaItem": {"consultation": "url:Consultation"},
    "Paper": {"relatedPaper": "urls:Paper", "underDirectionOf": "urls:Organization"},
    "Membership": {"startDate": "date", "endDate": "date", "votingRight": "bool"},
    "File": {"meeting": "urls:Meeting", "date": "date"},
    "LegislativeTerm": {"endDate": "date"},
}
EMBEDDED = {"Person": "membership", "Meeting": "agendaItem", "Paper": "consultation"}


@dataclass
class Walk:
    """What the walk found: every object by id, ids by type, and the problems."""

    objects: dict[str, dict] = field(default_factory=dict)
    by_type: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    problems: list[str] = field(default_factory=list)
    pages: int = 0

    def of_type(self, kind: str) -> list[dict]:
        return [self.objects[i] for i in self.by_type[kind]]


class OParlClient:
    def __init__(self, folder: Path, base_url: str) -> None:
        self.folder = folder
        self.base = base_url
        self.walk = Walk()
        self._read: set[Path] = set()
        self._pending: list[tuple[str, str, str, str]] = []  # (from, field, url, type)

    def path(self, url: str) -> Path | None:
        if not url.startswith(self.base + "/"):
            return None
        return self.folder / unquote(url[len(self.base) + 1 :])

    def get(self, url: str) -> dict | None:
        path = self.path(url)
        if path is None or not path.is_file():
            self.walk.problems.append(f"{url}: nicht im Baum")
            return None
        self._read.add(path)
        return json.loads(path.read_text("utf-8"))

    def run(self) -> Walk:
        system = self.get(f"{self.base}/system.json")
        assert system is not None, "no system.json"
        self._expect(system, "System", f"{self.base}/system.json")
        self._need(system, "oparlVersion", system.get("oparlVersion") == SCHEMA)
        for body in self._list(system.get("body", "")):
            self._object(body, "Body")
            for name in BODY_LISTS:
                for obj in self._list(body.get(name, "")):
                    self._object(obj, obj.get("type", "").removeprefix(SCHEMA))
            for term in body.get("legislativeTerm", []):
                self._object(term, "LegislativeTerm")
        self._check_references()
        return self.walk

    def unread_files(self) -> list[Path]:
        """JSON files of the tree the walk never reached."""
        return sorted(p for p in self.folder.rglob("*.json") if p not in self._read)

    # -- lists and objects ----------------------------------------------------------------

    def _list(self, url: str) -> list[dict]:
        found: list[dict] = []
        seen: set[str] = set()
        total = None
        while url:
            if url in seen:
                self.walk.problems.append(f"{url}: Schleife in links.next")
                break
            seen.add(url)
            page = self.get(url)
            if page is None:
                break
            self.walk.pages += 1
            pagination, links = page.get("pagination", {}), page.get("links", {})
            if not isinstance(page.get("data"), list) or links.get("self") != url:
                self.walk.problems.append(f"{url}: keine Listenseite")
                break
            total = pagination.get("totalElements")
            last = pagination.get("currentPage") == pagination.get("totalPages")
            if last == ("next" in links):
                self.walk.problems.append(f"{url}: links.next falsch (letzte Seite: {last})")
            found += page["data"]
            url = links.get("next", "")
        if total is not None and total != len(found):
            self.walk.problems.append(f"Liste mit {len(found)} statt {total} Objekten")
        return found

    def _object(self, obj: dict, kind: str) -> None:
        url = obj.get("id", "")
        if url in self.walk.objects:
            if self.walk.objects[url] != obj:
                self.walk.problems.append(f"{url}: in Listen verschieden")
            return
        self._expect(obj, kind, url)
        served = self.get(url)
        if served is not None and served != obj:
            self.walk.problems.append(f"{url}: Datei und Listeneintrag verschieden")
        self.walk.objects[url] = obj
        self.walk.by_type[kind].append(url)
        if obj.get("deleted"):
            if obj["deleted"] is not True:
                self.walk.problems.append(f"{url}: deleted ist nicht true")
            return
        for name, rule in REQUIRED.get(kind, {}).items():
            self._need(obj, name, name in obj and self._fits(obj[name], rule, url, name))
        for name, rule in OPTIONAL.get(kind, {}).items():
            if name in obj:
                self._need(obj, name, self._fits(obj[name], rule, url, name))
        if kind in EMBEDDED:
            for inner in obj.get(EMBEDDED[kind], []):
                self._object(inner, inner.get("type", "").removeprefix(SCHEMA))
        if kind == "File":
            self._file(obj)

    def _expect(self, obj: dict, kind: str, url: str) -> None:
        self._need(obj, "id", obj.get("id") == url and url.startswith("https://"))
        self._need(obj, "type", obj.get("type") == f"{SCHEMA}{kind}")
        for name in ("created", "modified"):
            self._need(obj, name, TIMESTAMP.match(str(obj.get(name, ""))) is not None)

    def _need(self, obj: dict, name: str, ok: bool) -> None:
        if not ok:
            self.walk.problems.append(f"{obj.get('id')}: {name} fehlt oder ist falsch")

    def _fits(self, value: object, rule: str, url: str, name: str) -> bool:
        kind, _, target = rule.partition(":")
        checks = {
            "str": lambda v: isinstance(v, str) and v != "",
            "bool": lambda v: isinstance(v, bool),
            "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
            "date": lambda v: isinstance(v, str) and DAY.match(v) is not None,
            "time": lambda v: isinstance(v, str) and TIMESTAMP.match(v) is not None,
            "list": lambda v: isinstance(v, list),
            "url": lambda v: isinstance(v, str),
            "urls": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
            "obj": lambda v: isinstance(v, dict),
            "objs": lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
        }
        if not checks[kind](value):
            return False
        if kind == "url":
            self._pending.append((url, name, value, target))
        elif kind == "urls":
            self._pending += [(url, name, v, target) for v in value]  # type: ignore[union-attr]
        elif kind == "obj":
            self._object(value, target)  # type: ignore[arg-type]
        elif kind == "objs":
            for inner in value:  # type: ignore[union-attr]
                self._object(inner, target)
        return True

    def _check_references(self) -> None:
        for url, name, target_url, kind in self._pending:
            target = self.walk.objects.get(target_url) or self.get(target_url)
            if target is None:
                continue
            if target.get("type") != f"{SCHEMA}{kind}":
                self.walk.problems.append(f"{url}: {name} zeigt nicht auf ein {kind}")
            elif target.get("deleted") and name in {"participant", "person"}:
                self.walk.problems.append(f"{url}: {name} zeigt auf eine gelöschte Person")

    def _file(self, obj: dict) -> None:
        for name in ("accessUrl", "downloadUrl"):
            path = self.path(obj.get(name, ""))
            if path is None or not path.is_file():
                self.walk.problems.append(f"{obj['id']}: {name} nicht im Baum")
                continue
            data = path.read_bytes()
            if len(data) != obj["size"] or (
                hashlib.sha512(data).hexdigest() != obj.get("sha512Checksum")
            ):
                self.walk.problems.append(f"{obj['id']}: {name} passt nicht zu Größe/Prüfsumme")
