"""Where things live: bundled resources, the user's data and log folders.

One function resolves paths under ``resources/``: in the source tree, in an installed
wheel (as ``expertenrat/resources``) and in the frozen PyInstaller bundle, where
``sys._MEIPASS`` holds the unpacked data.
"""

from __future__ import annotations

import contextlib
import os
import stat
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
    return _private_folder(platformdirs.user_data_dir(APP_NAME, ORGANIZATION))


def user_config_dir() -> Path:
    """The user's settings of the program (the database chosen, ``datenbank.json``): on
    Windows in the roaming part of the profile (``%APPDATA%``), which follows the user to
    every PC, as the window's settings in the registry and a server's password in the
    Windows credential store do. In ``%LOCALAPPDATA%``, which stays on each PC, a user of a
    city's roaming profiles met the empty welcome page on the next PC instead of the
    server connected to (found by a tester). The data (database, daily copies, recovery
    files) and the log stay local: they are large, and a profile is copied at each logon."""
    return _private_folder(platformdirs.user_config_dir(APP_NAME, ORGANIZATION, roaming=True))


def local_config_dir() -> Path:
    """Where versions before the roaming :func:`user_config_dir` kept the settings: on
    Windows ``%LOCALAPPDATA%``, elsewhere the same folder."""
    return Path(platformdirs.user_config_dir(APP_NAME, ORGANIZATION))


def user_log_dir() -> Path:
    return _private_folder(platformdirs.user_log_dir(APP_NAME, ORGANIZATION))


def _private_folder(name: str) -> Path:
    """The program's own folder of the user: the database, its daily copies, the recovery
    files of the minutes and the log hold personal data, which other users of a shared PC
    must not read (Linux gave the folders the umask's 755, the files 644). One that cannot be
    made (a profile folder on a network share out of reach, no permission) is named all the
    same: what is to be written there says why it cannot be, in German. The window did not
    start at all, not even on a database chosen elsewhere, and said nothing (found by a
    tester)."""
    path = Path(name)
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError:
        return path
    keep_private(path)
    return path


_SHARED = stat.S_IRWXG | stat.S_IRWXO


def keep_private(path: Path | int) -> None:
    """Take from the group and other users of this PC what they may do with ``path`` (a
    file or folder, or an open file's descriptor); the owner keeps what he may. Only where
    permissions are POSIX modes: on Windows the user's own folders are private by their
    ACLs. A file system that keeps no modes (a network drive) is left as it is."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        mode = os.stat(path).st_mode
        if mode & _SHARED:
            os.chmod(path, stat.S_IMODE(mode) & ~_SHARED)


def log_file() -> Path:
    return user_log_dir() / "expertenrat.log"


def default_database_file() -> Path:
    return user_data_dir() / "expertenrat.db"
