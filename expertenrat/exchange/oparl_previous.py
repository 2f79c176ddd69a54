"""The OParl export already in a folder, read as the next export into it needs it: which
objects it published, and for those missing now their head and the lists they stood in.

Only what the export wrote is believed: ``system.json`` names the base URL of the tree,
objects are ``{folder}/{uuid}.json`` files with an OParl ``type`` and ``created``. The
object folders are listed; each object published again is read to compare (``published``),
the list pages only for objects that are missing now (usually none). A folder without an
export gives nothing.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

from expertenrat.domain.oparl_base import SCHEMA
from expertenrat.domain.oparl_previous import BODIES, OBJECT_LISTS, PublishedBefore


class PreviousExportFolder:
    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._base: str | None = None

    def published(self, path: str) -> dict | None:
        if self._base is None:
            self._base = self._base_url() or ""
        if not self._base:
            return None
        return self._head(path)

    def missing(self, published: set[str]) -> list[PublishedBefore]:
        base = self._base_url()
        if base is None:
            return []
        paths = sorted(p for p in self._object_paths() if p not in published)
        heads = {p: head for p in paths if (head := self._head(p)) is not None}
        if not heads:
            return []
        lists = self._lists_holding(base, heads)
        return [
            PublishedBefore(
                path,
                kind=head["type"].removeprefix(SCHEMA),
                created=head["created"],
                modified=head.get("modified") or head["created"],
                deleted=head.get("deleted") is True,
                lists=tuple(lists[path]),
            )
            for path, head in heads.items()
            if lists[path]
        ]

    def _read(self, relative: str) -> object:
        try:
            return json.loads((self._folder / relative).read_bytes())
        except (OSError, ValueError, RecursionError):  # a damaged file, nested too deep
            return None

    def _base_url(self) -> str | None:
        system = self._read("system.json")
        if not isinstance(system, dict) or system.get("type") != f"{SCHEMA}System":
            return None
        url = system.get("id")
        return url.removesuffix("/system.json") if isinstance(url, str) else None

    def _object_paths(self) -> list[str]:
        found = []
        for kind in OBJECT_LISTS:
            try:
                with os.scandir(self._folder / kind) as entries:
                    found += [
                        f"{kind}/{e.name}"
                        for e in entries
                        if e.name.endswith(".json") and e.is_file(follow_symlinks=False)
                    ]
            except OSError:
                continue
        return found

    def _head(self, path: str) -> dict | None:
        obj = self._read(path)
        if not isinstance(obj, dict):
            return None
        kind, created = obj.get("type"), obj.get("created")
        if not (isinstance(kind, str) and kind.startswith(SCHEMA) and isinstance(created, str)):
            return None
        return obj

    def _lists_holding(self, base: str, heads: dict[str, dict]) -> dict[str, list]:
        """(body key, list name) of every list page that carried one of ``heads``."""
        names = {OBJECT_LISTS[path.split("/")[0]] for path in heads}
        pages = [(BODIES, "bodies", p) for p in _pages(self._folder, "bodies") if "bodies" in names]
        for body in sorted(self._folder.joinpath("body").glob("*")):
            if body.is_dir():
                pages += [(body.name, name, p) for name in names for p in _pages(body, name)]
        found: dict[str, list] = defaultdict(list)
        for body_key, name, page in pages:
            content = self._read(str(page.relative_to(self._folder)))
            data = content.get("data") if isinstance(content, dict) else None
            for obj in data if isinstance(data, list) else ():
                url = obj.get("id") if isinstance(obj, dict) else None
                path = url.removeprefix(f"{base}/") if isinstance(url, str) else None
                if path in heads and (body_key, name) not in found[path]:
                    found[path].append((body_key, name))
        return found


def _pages(folder: Path, name: str) -> list[Path]:
    """The pages of a list in order: ``{name}.json``, ``{name}-2.json`` …"""
    pages = [folder / f"{name}.json", *folder.glob(f"{name}-*.json")]
    return sorted((p for p in pages if p.is_file()), key=lambda p: (len(p.name), p.name))
