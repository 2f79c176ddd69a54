"""Use cases: one module per aggregate. They own sessions and transactions, apply the
domain rules and hand out domain dataclasses, never ORM objects.

Documents and files are made here too, never in ``ui`` or ``cli``: a service gathers the
domain document in its transaction, renders it with ``reports`` (PDF) or ``exchange``
(CSV, Excel, iCalendar) and hands out the bytes, as a
:class:`~expertenrat.domain.documents.RenderedPdf` when the user should also read warnings.
The window and the command line only save, print or preview those bytes (the import
contracts in pyproject.toml keep ``reports`` and ``exchange`` out of their reach).
``MembersService.roster_pdf`` is the template. A document that must be kept as it was
issued (approved minutes) is rendered, hashed and stored inside the one ``changing``
transaction that changes its state, so that state and file never disagree.
"""
