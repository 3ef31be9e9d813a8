"""The repository's own records, sources and documentation are in order."""

from __future__ import annotations

import hashlib

from conftest import REPO
from site_builder.check.run import check


def test_the_repository_records_all_verify():
    report = check(REPO)
    assert [(x.code, x.file, x.line, x.message) for x in report.diagnostics] == []
    assert len(report.project.sheets) >= 2
    assert len(report.project.facts) >= 12
    assert all(r.located for r in report.citations)


def test_the_first_source_is_a_byte_identical_copy():
    """A source is never edited to make a quote fit: its bytes are those it was published with."""
    shared = REPO.parent / "shared" / "seeds" / "000_d0771ebc44447108.txt"
    ours = REPO / "seeds" / "000_d0771ebc44447108.txt"
    digest = hashlib.sha256(ours.read_bytes()).hexdigest()
    assert digest == "c06ad06671107904a3e8f674101c4f486d4f6857e9b36a86001e0a23b8a38145"
    if shared.exists():  # beside the repository wherever the shared folder is checked out
        assert ours.read_bytes() == shared.read_bytes()
