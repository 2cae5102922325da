"""The lock files keep Rasa's platform markers (issue 14, habits): a package Rasa asks for only on
some platforms (tensorflow-text off Windows and ARM, tensorflow-io-gcs-filesystem on Linux and
Intel Macs …) is pinned with the condition Rasa asks for it under, so the lock never gives a
platform a package Rasa meant to keep from it. Read from the installed Rasa's metadata and the
committed lock files; nothing is resolved or installed.
"""

from __future__ import annotations

from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from bot.lock_markers import PIN, add_markers, platform_specific, rasa_platform_packages
from bot.settings import ROOT

LOCKS = ("requirements.lock", "requirements-dev.lock")
# The machines a lock may be read on: Linux (Intel, ARM), macOS (Intel, Apple), Windows.
PLATFORMS = [
    {"sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64"},
    {"sys_platform": "linux", "platform_system": "Linux", "platform_machine": "aarch64"},
    {"sys_platform": "darwin", "platform_system": "Darwin", "platform_machine": "x86_64"},
    {"sys_platform": "darwin", "platform_system": "Darwin", "platform_machine": "arm64"},
    {"sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64"},
]


def _pins(lock: str) -> list[tuple[str, str, str]]:
    """(name, version, marker or "") of every pin in a lock file."""
    found = []
    for line in (ROOT / lock).read_text(encoding="utf-8").splitlines():
        if PIN.match(line):
            requirement = Requirement(line)  # also proves pip can read the line
            version = str(next(iter(requirement.specifier)).version)
            found.append((canonicalize_name(requirement.name), version,
                          str(requirement.marker or "")))
    return found


def _rasa_asks(entries: list[Requirement], version: str, platform: dict[str, str]) -> bool:
    environment = {**default_environment(), **platform, "extra": ""}
    return any(r.specifier.contains(version, prereleases=True)
               and (r.marker is None or r.marker.evaluate(environment)) for r in entries)


def test_every_platform_specific_pin_carries_the_condition_rasa_asks_it_under():
    packages = rasa_platform_packages()
    assert {"tensorflow-text", "tensorflow-io-gcs-filesystem", "tensorflow-macos"} <= set(packages)
    checked = []
    for lock in LOCKS:
        for name, version, marker in _pins(lock):
            if name not in packages:
                continue
            assert marker, f"{lock}: {name}=={version} is pinned without Rasa's platform marker"
            for platform in PLATFORMS:
                in_lock = Marker(marker).evaluate({**default_environment(), **platform})
                assert in_lock == _rasa_asks(packages[name], version, platform), (
                    f"{lock}: {name}=={version} ; {marker} disagrees with Rasa on {platform}")
            checked.append(name)
    assert "tensorflow-text" in checked  # the runtime lock holds Rasa's TensorFlow stack


def test_the_locks_still_install_everything_on_this_machine():
    here = default_environment()
    skipped = [f"{lock}: {name}" for lock in LOCKS for name, _, marker in _pins(lock)
               if marker and not Marker(marker).evaluate(here)]
    assert not skipped, f"pins this machine would skip: {skipped}"


def test_markers_are_added_once_and_nothing_else_changes():
    packages = platform_specific([
        'tensorflow-text (==2.12.0) ; sys_platform != "win32"',
        'numpy (>=1.19.2,<1.25.0) ; python_version >= "3.8" and python_version < "3.11"',
        'pkg (==0.31) ; sys_platform == "win32"', 'pkg (==0.32) ; sys_platform == "linux"',
        'spacy (>=3.1,<3.5) ; extra == "full"',
    ])
    assert set(packages) == {"tensorflow-text", "pkg"}  # numpy: everywhere; spacy: an extra
    lock = ("# header\nnumpy==1.23.5\n    # via rasa\ntensorflow-text==2.12.0\n"
            "    # via rasa\npkg==0.32\n")
    marked = add_markers(lock, packages)
    assert marked == ("# header\nnumpy==1.23.5\n    # via rasa\n"
                      'tensorflow-text==2.12.0 ; sys_platform != "win32"\n'
                      '    # via rasa\npkg==0.32 ; sys_platform == "linux"\n')
    assert add_markers(marked, packages) == marked
