"""Remove folders of a finished build (the previous site, a stopped build's leftovers) without
making the build wait: thousands of files take seconds to remove on a slow disk.

Each folder is first renamed to a ``trash`` leftover beside the site, which no build ever puts back in
place, then removed by a detached process that outlives the build. A removal cut short (the machine
stopped) is finished by the next build, which removes every leftover it finds.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

# Detaches itself (the build waits only for the first process, which ends at once), then removes.
_REMOVER = """
import os, shutil, sys
if os.fork() == 0:
    os.setsid()
    os.nice(10)  # behind whatever runs next
    for folder in sys.argv[1:]:
        shutil.rmtree(folder, ignore_errors=True)
    os._exit(0)
"""


def trash_name(target: Path, number: int) -> Path:
    return target.with_name(f".{target.name}.trash-{os.getpid()}-{number}")


def remove_in_background(target: Path, folders: list[Path]) -> None:
    """Remove ``folders`` (beside the site ``target``) once this build no longer needs them."""
    trash = []
    for folder in folders:
        if not folder.exists():
            continue
        number = 0
        while trash_name(target, number).exists():
            number += 1
        try:
            folder.rename(trash_name(target, number))
        except OSError:
            shutil.rmtree(folder, ignore_errors=True)
            continue
        trash.append(trash_name(target, number))
    if not trash:
        return
    if not hasattr(os, "fork"):  # pragma: no cover - not a POSIX system: removed now
        for folder in trash:
            shutil.rmtree(folder, ignore_errors=True)
        return
    started = subprocess.run(
        [sys.executable, "-I", "-S", "-c", _REMOVER, *map(str, trash)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=False,
    )
    if started.returncode != 0:  # could not be started: removed now
        for folder in trash:
            shutil.rmtree(folder, ignore_errors=True)
