"""Platform markers in the lock files, copied from Rasa's own metadata (``make lock`` runs this
right after pip-compile).

pip-compile resolves on one machine (Linux, Python 3.10) and writes what that machine needs
without the conditions under which Rasa asks for it: ``tensorflow-text==2.12.0`` alone, although
Rasa asks for it only off Windows and off ARM. A lock read on another platform would then
install packages Rasa never meant it to have (and pip-compile cannot be told to keep a marker it
did not read in the ``.in`` file). So every pin of a package Rasa asks for *only* on some
platforms gets back the marker under which Rasa asks for that version; the markers are read
from the installed metadata each time, never copied by hand.

Usage: ``python -m bot.lock_markers requirements.lock requirements-dev.lock`` (rewrites in
place; running it twice changes nothing).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
from collections.abc import Iterable
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

# Marker variables that say which machine, as opposed to which Python or which extra.
PLATFORM_VARIABLES = ("sys_platform", "platform_machine", "platform_system", "os_name",
                      "platform_python_implementation", "platform_release", "platform_version")
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)(?P<extras>\[[^\]]*\])?==(?P<version>\S+)"
                 r"(?:\s*;.*)?$")


def is_platform_marker(marker: str) -> bool:
    """The marker names the machine (``sys_platform == "win32"``), not only a Python version."""
    return any(variable in marker for variable in PLATFORM_VARIABLES)


def platform_specific(requires: Iterable[str]) -> dict[str, list[Requirement]]:
    """Package → its requirement entries, for the packages asked for only on some platforms:
    every entry (extras left out: nobody installs them here) carries a platform marker.
    numpy, asked for everywhere under some Python version, is not one of them."""
    entries: dict[str, list[Requirement]] = {}
    for line in requires:
        requirement = Requirement(line)
        marker = str(requirement.marker or "")
        if "extra" in marker:
            continue
        entries.setdefault(canonicalize_name(requirement.name), []).append(requirement)
    return {name: found for name, found in entries.items()
            if all(is_platform_marker(str(r.marker or "")) for r in found)}


def marker_for(entries: list[Requirement], version: str) -> str | None:
    """The condition under which this version is asked for: the markers of the entries the
    version satisfies, joined with ``or`` (None: no entry asks for this version)."""
    markers = [str(r.marker) for r in entries if r.specifier.contains(version, prereleases=True)]
    if len(markers) <= 1:
        return markers[0] if markers else None
    return " or ".join(f"({marker})" for marker in markers)


def rasa_platform_packages() -> dict[str, list[Requirement]]:
    """The platform-specific packages of the installed Rasa."""
    return platform_specific(importlib.metadata.requires("rasa") or [])


def add_markers(text: str, packages: dict[str, list[Requirement]]) -> str:
    """The lock text with each platform-specific pin carrying its marker (comments, the other
    pins and the ``# via`` lines stay as pip-compile wrote them)."""
    lines = []
    for line in text.splitlines():
        match = PIN.match(line)
        entries = packages.get(canonicalize_name(match["name"])) if match else None
        marker = marker_for(entries, match["version"]) if match and entries else None
        if match and marker:
            line = f"{match['name']}{match['extras'] or ''}=={match['version']} ; {marker}"
        lines.append(line)
    return "\n".join(lines) + ("\n" if text.endswith("\n") else "")


def main(argv: list[str] | None = None) -> int:
    """Rewrites the lock files named on the command line."""
    parser = argparse.ArgumentParser(description="Rasa's platform markers into lock files")
    parser.add_argument("locks", nargs="+", type=Path)
    args = parser.parse_args(argv)
    packages = rasa_platform_packages()
    for lock in args.locks:
        before = lock.read_text(encoding="utf-8")
        after = add_markers(before, packages)
        if after != before:
            lock.write_text(after, encoding="utf-8")
            print(f"{lock}: platform markers from Rasa's metadata added")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
