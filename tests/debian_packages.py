"""Which Debian packages the shared libraries of some ELF files come from.

Used by test_fresh_pc.py: ``ldd`` resolves the libraries, ``dpkg -S`` names their
packages, and the installed packages' ``Depends`` tell what ``apt-get install`` of a
list of packages brings along.
"""

from __future__ import annotations

import re
import shlex
import struct
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

_LDD_LINE = re.compile(r"^\s*(\S+)\s+=>\s+(not found|\S+)")
_VERSION = re.compile(r"\(.*?\)|\[.*?\]|<.*?>")


@dataclass
class Libraries:
    """What ``ldd`` says about a set of files: resolved paths and sonames not found."""

    found: dict[str, set[Path]] = field(default_factory=dict)  # library path -> needed by
    missing: dict[str, set[Path]] = field(default_factory=dict)  # soname -> needed by
    paths: dict[str, str] = field(default_factory=dict)  # soname -> library path


def shared_libraries(files: Iterable[Path]) -> Libraries:
    """Run ``ldd`` on each file (it resolves the whole tree of needed libraries)."""
    libraries = Libraries()
    for file in files:
        output = subprocess.run(
            ["ldd", str(file)], capture_output=True, text=True, check=True, timeout=60
        ).stdout
        for line in output.splitlines():
            match = _LDD_LINE.match(line)
            if match is None:
                continue  # linux-vdso.so.1 and the dynamic loader itself
            soname, target = match.groups()
            if target == "not found":
                libraries.missing.setdefault(soname, set()).add(file)
            else:
                libraries.found.setdefault(target, set()).add(file)
                libraries.paths[soname] = target
    return libraries


def needed_sonames(file: Path) -> list[str]:
    """The ``DT_NEEDED`` entries of an ELF file: the libraries it links directly."""
    data = file.read_bytes()
    assert data[:4] == b"\x7fELF", f"{file} is no ELF file"
    wide, order = data[4] == 2, "<" if data[5] == 1 else ">"
    header = struct.unpack_from(order + ("HHIQQQIHHHHHH" if wide else "HHIIIIIHHHHHH"), data, 16)
    section_offset, section_size, section_count = header[5], header[10], header[11]
    section = order + ("IIQQQQIIQQ" if wide else "IIIIIIIIII")
    sections = [
        struct.unpack_from(section, data, section_offset + index * section_size)
        for index in range(section_count)
    ]
    entry = order + ("qQ" if wide else "iI")
    needed = []
    for _name, kind, _flags, _address, offset, size, link, *_rest in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for position in range(offset, offset + size, struct.calcsize(entry)):
            tag, value = struct.unpack_from(entry, data, position)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings + value)
                needed.append(data[strings + value : end].decode())
    return needed


def _path_variants(path: str) -> list[str]:
    """The path, its symlink target, each with and without /usr (merged-usr systems)."""
    variants = []
    for candidate in dict.fromkeys([path, str(Path(path).resolve())]):
        variants.append(candidate)
        if candidate.startswith("/usr/"):
            variants.append(candidate.removeprefix("/usr"))
        else:
            variants.append("/usr" + candidate)
    return variants


def owning_packages(paths: Iterable[str]) -> dict[str, set[str]]:
    """Map each path to the packages (without ``:arch``) that ``dpkg -S`` names for it.

    A path no package owns is left out.
    """
    variants = {path: _path_variants(path) for path in paths}
    queries = sorted({variant for options in variants.values() for variant in options})
    # dpkg -S exits 1 when any of the paths is unowned; it still prints the owned ones.
    output = subprocess.run(
        ["dpkg", "-S", *queries], capture_output=True, text=True, check=False, timeout=120
    ).stdout
    owners: dict[str, set[str]] = {}
    for line in output.splitlines():
        if line.startswith(("diversion by", "local diversion")) or ": /" not in line:
            continue
        packages, owned = line.split(": /", 1)
        owners.setdefault("/" + owned, set()).update(
            package.strip().split(":")[0] for package in packages.split(",")
        )
    result: dict[str, set[str]] = {}
    for path, options in variants.items():
        found = set().union(*(owners.get(option, set()) for option in options))
        if found:
            result[path] = found
    return result


@dataclass
class _Installed:
    provides: dict[str, set[str]]  # virtual or real name -> installed packages
    depends: dict[str, list[list[str]]]  # package -> groups of alternatives

    def stand_for(self, name: str) -> set[str]:
        """The installed package of that name, else those that provide the name."""
        return {name} if name in self.depends else self.provides.get(name, {name})


def _installed_packages() -> _Installed:
    output = subprocess.run(
        [
            "dpkg-query",
            "-W",
            "-f=${db:Status-Abbrev}\t${Package}\t${Provides}\t${Pre-Depends}, ${Depends}\n",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout
    installed = _Installed(provides={}, depends={})
    for line in output.splitlines():
        status, package, provides, depends = line.split("\t")
        if not status.startswith("ii"):
            continue
        installed.provides.setdefault(package, set()).add(package)
        for name in _names(provides):
            installed.provides.setdefault(name, set()).add(package)
        groups = [_names(group.replace("|", ",")) for group in depends.split(",")]
        installed.depends.setdefault(package, []).extend(group for group in groups if group)
    return installed


def _names(relation: str) -> list[str]:
    """Package names in a relation field, without versions and ``:any`` qualifiers."""
    names = (item.strip() for item in _VERSION.sub("", relation).split(","))
    return [name.split(":")[0] for name in names if name]


def named(packages: Iterable[str]) -> set[str]:
    """The installed packages that these names stand for.

    A name can be an older name that a package provides: on Ubuntu 24.04 ``libcups2``
    is installed as ``libcups2t64``.
    """
    installed = _installed_packages()
    return {package for name in packages for package in installed.stand_for(name)}


def installed_with(packages: Iterable[str]) -> set[str]:
    """The packages and everything apt installs along with them (``Depends``/``Pre-Depends``).

    Read from the packages installed here; of alternatives (``a | b``) the first one
    installed here counts. Recommends are left out (``--no-install-recommends``).
    """
    installed = _installed_packages()
    result: set[str] = set()
    queue = list(packages)
    while queue:
        name = queue.pop()
        for package in installed.stand_for(name):
            if package in result:
                continue
            result.add(package)
            for alternatives in installed.depends.get(package, []):
                chosen = next((a for a in alternatives if a in installed.provides), None)
                if chosen is not None:
                    queue.append(chosen)
    return result


def apt_install_list(command: str) -> list[str]:
    """The package names of the ``apt-get install`` in a shell command line."""
    for part in command.split("&&"):
        words = shlex.split(part)
        if "apt-get" in words and "install" in words:
            after = words[words.index("install") + 1 :]
            return [word for word in after if not word.startswith("-")]
    return []
