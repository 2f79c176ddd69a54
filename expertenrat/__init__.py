"""Expertenrat: the desktop application of a Smart City expert council's secretariat."""

__version__ = "0.1.0"
APP_NAME = "Expertenrat"
ORGANIZATION = "Expertenrat"
