"""The OParl tree as files: one JSON file per object and list page, the documents' bytes,
and a README that tells the web server what to send (CORS, Content-Type, downloads)."""

from __future__ import annotations

import json
from urllib.parse import unquote, urlsplit

from expertenrat.domain.oparl_base import OParlTree

README_NAME = "README-Webserver.txt"


def oparl_files(tree: OParlTree) -> dict[str, bytes]:
    """Relative path → bytes for every file of the tree, README included; compact JSON
    (the files are for machines, and a large council's tree is big).

    Every object stands in its own file and again in a list page: it is encoded once,
    and the page is put together from the encoded objects (the same bytes as encoding
    the page whole)."""
    encoded: dict[int, str] = {}  # id of an object → its JSON

    def text(obj: dict) -> str:
        found = encoded.get(id(obj))
        if found is None:
            found = encoded[id(obj)] = _json(obj)
        return found

    files = {}
    for path, obj in tree.documents.items():
        if list(obj) == ["data", "pagination", "links"]:
            rest = _json({"pagination": obj["pagination"], "links": obj["links"]})
            page = f'{{"data":[{",".join(map(text, obj["data"]))}],{rest[1:]}'
        else:
            page = text(obj)
        files[path] = page.encode("utf-8")
    files.update(tree.contents)
    files[README_NAME] = web_server_readme(tree.base_url).encode("utf-8")
    return files


def _json(obj: dict) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def web_server_readme(base_url: str) -> str:
    prefix = urlsplit(base_url).path.rstrip("/")
    tree, downloads = _nginx_location(f"{prefix}/"), _nginx_location(f"{prefix}/download/")
    return f"""OParl-1.1-Export aus dem Programm Expertenrat – Hinweise für den Webserver
==========================================================================

Diesen Ordner so veröffentlichen, dass er unter

    {base_url}/

erreichbar ist; der Einstieg für OParl-Clients ist {base_url}/system.json.

Jede Antwort braucht:

    Access-Control-Allow-Origin: *

JSON-Dateien (*.json):

    Content-Type: application/json; charset=utf-8

Dateien unter file/ (accessUrl, im Browser anzeigen):

    Content-Type: application/pdf

Dateien unter download/ (downloadUrl, zum Speichern):

    Content-Type: application/pdf
    Content-Disposition: attachment

Beispiel nginx:

    location {tree} {{
        alias /srv/oparl/;  # der exportierte Ordner
        add_header Access-Control-Allow-Origin "*" always;
        types {{ application/json json; application/pdf pdf; }}
        charset utf-8;
        charset_types application/json;
    }}
    location {downloads} {{
        alias /srv/oparl/download/;
        add_header Access-Control-Allow-Origin "*" always;
        add_header Content-Disposition "attachment" always;
    }}

Beispiel Apache (.htaccess):

    Header set Access-Control-Allow-Origin "*"
    AddType "application/json; charset=utf-8" .json
    <If "%{{REQUEST_URI}} =~ m#/download/#">
        Header set Content-Disposition "attachment"
    </If>

Die Listen sind fertig vorberechnete Seiten (links.next); Filter wie modified_since
beantwortet ein statischer Server nicht, Clients laden die Listen vollständig.
Diese Datei gehört nicht zum OParl-Baum und darf mit veröffentlicht werden.
"""


def _nginx_location(path: str) -> str:
    """``path`` as nginx compares a location: decoded ("/r%C3%A4te/" is "/räte/"; the
    encoded form never matched), in quotes where it holds a space or a quote."""
    decoded = unquote(path)
    if not any(c.isspace() or c in "\"'{};\\" for c in decoded):
        return decoded
    return '"' + decoded.replace("\\", "\\\\").replace('"', '\\"') + '"'
