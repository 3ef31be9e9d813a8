"""The line of ``requirements.txt`` that installs, for a team, the site-builder that runs ``init``.

A release from a package index is named by its version; an installation from a repository by the
URL and commit pip recorded in the installation's ``direct_url.json`` (PEP 610). A local folder,
an editable checkout or a local archive is not something a team can install: then the user says
what to write with ``--requirement``.
"""

from __future__ import annotations

import json
import re
from importlib import metadata

from packaging.requirements import InvalidRequirement, Requirement

DISTRIBUTION = "site-builder"
_OPTION_OR_COMMENT = re.compile(r"(^|\s)[-#]")
EXAMPLE = f'--requirement "{DISTRIBUTION} @ git+https://github.com/OWNER/site-builder@<commit>"'


class NoRequirement(Exception):
    """No requirement that others can install is known, or the one given is not a single requirement."""


def installed_requirement() -> str:
    """The requirement that reproduces this installation, or ``NoRequirement`` saying what to pass."""
    try:
        dist = metadata.distribution(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        raise NoRequirement(f"site-builder is not installed as a package; pass {EXAMPLE}") from None
    raw = dist.read_text("direct_url.json")
    if raw is None:  # installed from an index: the release is the version
        return f"{DISTRIBUTION}=={dist.version}"
    try:
        direct = json.loads(raw)
    except ValueError:
        direct = {}
    vcs = direct.get("vcs_info") if isinstance(direct, dict) else None
    url = str(direct.get("url", "")) if isinstance(direct, dict) else ""
    remote = url.removeprefix("git+").startswith(("https://", "ssh://", "git://"))
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and vcs.get("commit_id") and remote:
        return checked_requirement(f"{DISTRIBUTION} @ git+{url.removeprefix('git+')}@{vcs['commit_id']}")
    where = url or "an unknown place"
    raise NoRequirement(
        f"this site-builder was installed from {where}, which others cannot install from; "
        f"pass what your team installs, for example {EXAMPLE}"
    )


def checked_requirement(line: str) -> str:
    """``line`` if it is a single PEP 508 requirement of site-builder, with no pip option in it."""
    if any(not ch.isprintable() for ch in line):
        raise NoRequirement("the requirement holds a line break or a control character; give one line")
    text = line.strip()
    if text.startswith("-"):
        raise NoRequirement(f"{text!r} is a pip option, not a requirement; give e.g. {EXAMPLE}")
    try:
        requirement = Requirement(text)
    except InvalidRequirement:
        raise NoRequirement(f"{text!r} is not a requirement; give e.g. {EXAMPLE}") from None
    if requirement.name.lower().replace("_", "-") != DISTRIBUTION:
        raise NoRequirement(f"{text!r} does not install {DISTRIBUTION}; give e.g. {EXAMPLE}")
    written = str(requirement)
    if _OPTION_OR_COMMENT.search(written):  # pip reads a word starting with - or # on the line as such
        raise NoRequirement(f"{text!r} holds a pip option or a comment; give the requirement alone")
    return written
