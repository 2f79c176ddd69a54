"""The printed documents (reportlab): a shared theme plus one module per document.

Each document module takes a domain document dataclass and returns PDF bytes; nothing here
touches the database or Qt.
"""
