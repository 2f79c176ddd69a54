"""Exchange formats: CSV, iCalendar and OParl as pure functions over domain dataclasses.

Modules here import only :mod:`expertenrat.domain` and the standard library (no database,
no Qt, no services); they turn domain objects into bytes and bytes back into domain objects
and German, user-readable problems.
"""
