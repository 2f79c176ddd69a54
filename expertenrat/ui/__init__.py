"""The PySide6 user interface. Only this package (and ``app``) imports Qt."""
