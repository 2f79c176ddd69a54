"""The README's first command starts the app on a fresh Debian or Ubuntu PC.

The PySide6 wheel brings Qt but not the X11 libraries its ``xcb`` platform plugin needs;
they come from the ``apt-get install`` in the README's first command. One test checks
with ``ldd`` and ``dpkg -S`` that this list names (or brings along) the package of every
library Qt loads here; a slow one installs the app as that command does and starts it
under Xvfb on the real ``xcb`` platform.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import PySide6
import pytest
import shiboken6
from debian_packages import (
    apt_install_list,
    installed_with,
    named,
    needed_sonames,
    owning_packages,
    shared_libraries,
)

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
PYSIDE = Path(PySide6.__file__).resolve().parent
WHEELS = (PYSIDE, Path(shiboken6.__file__).resolve().parent)

# The Qt plugins the app loads on an X11 desktop (seen with QT_DEBUG_PLUGINS=1), and
# those it loads for what it offers: svg icons and logos, jpeg/gif logos, printing, GL
# when a widget asks for it, the input methods and portal desktops choose. Not listed:
# platformthemes/libqgtk3.so, which Qt loads only where GTK 3 is already installed.
QT_PLUGINS = (
    "platforms/libqxcb.so",
    "xcbglintegrations/libqxcb-glx-integration.so",
    "xcbglintegrations/libqxcb-egl-integration.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    "platformthemes/libqxdgdesktopportal.so",
    "iconengines/libqsvgicon.so",
    "imageformats/libqsvg.so",
    "imageformats/libqjpeg.so",
    "imageformats/libqgif.so",
    "printsupport/libcupsprintersupport.so",
)
# Packages on every Debian and Ubuntu system: dpkg and apt themselves need them.
BASE = ("libc6", "libgcc-s1", "libstdc++6", "zlib1g", "libzstd1")
APP_SECONDS = 60  # the whole start-up, normally 2-3 s
# pip's cache as it was before conftest moved HOME and XDG_CACHE_HOME into tmp.
PIP_CACHE = os.environ.get("PIP_CACHE_DIR") or str(
    Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "pip"
)


def _code_block(after: str | None = None) -> str:
    """The first line of README's first fenced code block (after a marker, if given)."""
    text = README.read_text("utf-8")
    if after is not None:
        text = text[text.index(after) :]
    match = re.search(r"^```\n(.+?)\n", text, re.MULTILINE)
    assert match, "no code block in README.md"
    return match.group(1)


def first_command() -> str:
    return _code_block()


def readme_test_command() -> str:
    return _code_block(after="<!-- test-command")


def _qt_files() -> list[Path]:
    """The PySide6 modules the app imports and the Qt plugins it loads."""
    modules = set()
    for source in (ROOT / "expertenrat").rglob("*.py"):
        modules.update(re.findall(r"\bPySide6\.(Qt\w+)", source.read_text("utf-8")))
    return [
        *(PYSIDE / f"{module}.abi3.so" for module in sorted(modules)),
        *(PYSIDE / "Qt" / "plugins" / plugin for plugin in QT_PLUGINS),
    ]


def _in_the_wheels(library: Path) -> bool:
    """Libraries the PySide6 wheels bring along (Qt, ICU, shiboken) are no Debian packages."""
    return any(library.resolve().is_relative_to(wheel) for wheel in WHEELS)


def test_the_first_command_installs_and_starts_the_app() -> None:
    command = first_command()
    assert "apt-get install -y" in command
    assert ".venv/bin/pip install . " in command
    assert command.endswith("&& .venv/bin/expertenrat")


def test_the_test_command_installs_what_the_first_command_does_and_xvfb() -> None:
    """The suite starts the app on xcb, so it needs the same libraries (and an X server)."""
    first = set(apt_install_list(first_command()))
    tests = set(apt_install_list(readme_test_command()))
    assert not first - tests, f"the test command lacks {sorted(first - tests)}"
    assert "xvfb" in tests
    ci = re.search(r"^packages=\((.*?)\)", (ROOT / ".ci" / "run").read_text("utf-8"), re.M | re.S)
    assert ci, "no packages=(...) in .ci/run"
    assert not tests - set(ci.group(1).split()), ".ci/run lacks packages of the test command"


@pytest.mark.skipif(sys.platform != "linux", reason="Linux only")
@pytest.mark.skipif(shutil.which("dpkg") is None, reason="no dpkg: not Debian or Ubuntu")
def test_the_first_command_installs_every_library_qt_needs() -> None:
    """Every library Qt loads comes from a package the first command installs.

    A library that Qt links directly must be named in the list (or be part of every
    system, ``BASE``): apt's dependencies differ between distributions and releases, so
    only what they need in turn may come along as a dependency.
    """
    files = _qt_files()
    for file in files:
        assert file.is_file(), f"{file} is not in the installed PySide6"
    libraries = shared_libraries(files)
    system = [path for path in libraries.found if not _in_the_wheels(Path(path))]
    owners = owning_packages(system)
    listed = apt_install_list(first_command())
    installed = installed_with(listed)
    explicit = named([*listed, *BASE])
    qt_files = [*files, *(Path(path) for path in libraries.found if _in_the_wheels(Path(path)))]
    direct = {
        libraries.paths[soname]
        for file in qt_files
        for soname in needed_sonames(file)
        if soname in libraries.paths and libraries.paths[soname] in owners
    }

    problems = [
        f"{soname} not found (needed by {', '.join(sorted(f.name for f in needed_by))})"
        for soname, needed_by in sorted(libraries.missing.items())
    ]
    problems += [f"{path} belongs to no Debian package" for path in system if path not in owners]
    problems += [
        f"README's first command does not install {' or '.join(sorted(packages))} ({path})"
        for path, packages in sorted(owners.items())
        if not packages & installed
    ]
    problems += [
        f"README's first command does not name {' or '.join(sorted(owners[path]))} "
        f"({path}, which Qt links directly)"
        for path in sorted(direct)
        if owners[path] & installed and not owners[path] & explicit
    ]
    assert not problems, "\n".join(problems)


def _free_display() -> int:
    for number in range(90, 200):
        if (
            not Path(f"/tmp/.X11-unix/X{number}").exists()
            and not Path(f"/tmp/.X{number}-lock").exists()
        ):
            return number
    pytest.fail("no free X display number between :90 and :199")


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    """Start ``Xvfb`` on a free display; skip without it, except in CI."""
    if shutil.which("Xvfb") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Xvfb is missing in CI (the README's test command installs xvfb)")
        pytest.skip("Xvfb is not installed (apt-get install xvfb)")
    for _attempt in range(5):
        display = f":{_free_display()}"
        server = subprocess.Popen(
            ["Xvfb", display, "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        socket = Path(f"/tmp/.X11-unix/X{display[1:]}")
        deadline = time.monotonic() + 20
        while server.poll() is None and not socket.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        if server.poll() is None and socket.exists():
            break
        server.kill()
        server.wait()  # another server took the display in between: try the next one
    else:
        pytest.fail("Xvfb did not start")
    yield display
    server.terminate()
    server.wait(timeout=10)


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="the xcb platform is Linux only")
def test_the_installed_app_starts_on_xcb(tmp_path: Path, xvfb_display: str) -> None:
    """Install as the first command does (a new venv, ``pip install .``) and start it."""
    venv = tmp_path / ".venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = subprocess.run(
        [str(venv / "bin" / "pip"), "install", "-q", str(ROOT)],
        capture_output=True,
        text=True,
        env={**os.environ, "PIP_CACHE_DIR": PIP_CACHE},
        timeout=900,
    )
    assert pip.returncode == 0, pip.stderr[-5000:]
    environment = {
        **os.environ,
        "DISPLAY": xvfb_display,
        "QT_QPA_PLATFORM": "xcb",
        "EXPERTENRAT_QUIT_AFTER_MS": "1500",
    }

    result = subprocess.run(
        [str(venv / "bin" / "expertenrat"), "--database", str(tmp_path / "x.db")],
        capture_output=True,
        text=True,
        env=environment,
        timeout=APP_SECONDS,
    )

    assert "Could not load the Qt platform plugin" not in result.stderr
    assert result.returncode == 0, result.stderr  # 0 only if the window opened the database
    assert not (tmp_path / "x.db").exists()  # created only when the user creates a council
