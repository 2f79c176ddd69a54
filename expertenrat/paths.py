"""Where things live: bundled resources, the user's data and log folders.

One function resolves paths under ``resources/``: in the source tree, in an installed
wheel (as ``expertenrat/resources``) and in the frozen PyInstaller bundle, where
``sys._MEIPASS`` holds the unpacked data.
"""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs

from expertenrat import APP_NAME, ORGANIZATION


def _resource_root() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    installed = Path(__file__).resolve().parent / "resources"
    if installed.is_dir():  # from a wheel: pyproject.toml places resources/ in the package
        return installed
    return Path(__file__).resolve().parent.parent / "resources"  # the source tree


def resource_path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. ``resource_path("fonts", "DejaVuSans.ttf")``."""
    return _resource_root().joinpath(*parts)


def user_data_dir() -> Path:
    path = Path(platformdirs.user_data_dir(APP_NAME, ORGANIZATION))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_config_dir() -> Path:
    path = Path(platformdirs.user_config_dir(APP_NAME, ORGANIZATION))
    path.mkdir(parents=True, exist_ok=True)
    return path


def user_log_dir() -> Path:
    path = Path(platformdirs.user_log_dir(APP_NAME, ORGANIZATION))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    return user_log_dir() / "expertenrat.log"


def default_database_file() -> Path:
    return user_data_dir() / "expertenrat.db"
