"""Hostile and broken inputs, and what each gets: the cases behind the security page's table.

Each case is either run here, on a small valid project with the case's files added
(``tests/test_hostile_cases.py`` checks its exit code and diagnostic), or proven by the test it
names. The table in docs/pages/security.md is made from this list, and a test keeps the two the same:
``python tests/hostile_cases.py`` prints the table.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

BASE_SOURCE = "The harbour opened in 1851.\nShips came from the north.\n"
BASE_SHEET = """\
title: Harbour
facts:
  - id: opened
    statement: The harbour opened in 1851.
    citations:
      - source: harbour
        quote: The harbour opened in 1851.
"""


def sheet(fact: str = "", *, head: str = "title: Bad\n") -> str:
    """A record with one fact; ``fact`` replaces the fact's body (its lines after ``- id: a``)."""
    body = fact or "    statement: A.\n    citations:\n      - source: harbour\n        quote: Ships came\n"
    return f"{head}facts:\n  - id: a\n{body}"


def _bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


def _link(target: str, link: str) -> Callable[[Path], None]:
    """Make ``link`` (relative to the project) a symbolic link to ``target``."""

    def setup(root: Path) -> None:
        path = root / link
        path.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target.format(root=root, outside=root.parent / f"{root.name}-outside"), path)

    return setup


def _outside_file(name: str, content: str) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        outside = root.parent / f"{root.name}-outside"
        outside.mkdir(exist_ok=True)
        (outside / name).write_text(content, encoding="utf-8")

    return setup


def _sparse(rel: str, size: int) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        with open(root / rel, "wb") as stream:
            stream.truncate(size)

    return setup


def _both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def setup(root: Path) -> None:
        for step in steps:
            step(root)

    return setup


@dataclass(frozen=True)
class Case:
    name: str
    group: str
    tried: str  # what the input is (the table's first column)
    outcome: str = ""  # what it gets, when no diagnostic says it
    code: str | None = None  # the diagnostic expected…
    where: str | None = None  # …at "file:line"
    message: str = ""  # …whose message contains this
    exit: int = 1
    files: dict[str, str | bytes] = field(default_factory=dict)
    setup: Callable[[Path], None] | None = None
    args: tuple[str, ...] = ()  # command-line arguments instead of "check --root <project>"
    test: str | None = None  # "module::function" proving the case, instead of running it here

    @property
    def result(self) -> str:
        if self.code:
            return f"`{self.code}` at `{self.where}`: `{self.message}`…"
        if self.exit == 2 and self.message:
            return f"one line on stderr: `{self.message}`…"
        return self.outcome


CASES: list[Case] = [
    # YAML
    Case(
        "yaml-syntax",
        "YAML",
        "a YAML syntax error (an unclosed bracket)",
        code="yaml-syntax",
        where="factsheets/bad.yml:5",
        message="not valid YAML",
        files={"factsheets/bad.yml": sheet("    statement: [unclosed\n    citations: []\n")},
    ),
    Case(
        "yaml-duplicate-key",
        "YAML",
        "the same key twice in one mapping",
        code="yaml-syntax",
        where="factsheets/bad.yml:2",
        message="duplicate key 'title' (first given on line 1)",
        files={"factsheets/bad.yml": "title: One\ntitle: Two\n" + sheet(head="")},
    ),
    Case(
        "yaml-alias-bomb",
        "YAML",
        "an alias bomb (“billion laughs”, 10⁹ values)",
        code="yaml-syntax",
        where="factsheets/bad.yml:4",
        message="aliases add more than 100000 values to the document",
        files={"factsheets/bad.yml": _bomb()},
    ),
    Case(
        "yaml-recursive-alias",
        "YAML",
        "an alias inside the collection it names",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="an alias refers to a collection that contains it",
        files={"factsheets/bad.yml": "title: &a [*a]\n"},
    ),
    Case(
        "yaml-deep-nesting",
        "YAML",
        "a document nested 100 000 levels deep",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="the document is nested more than 50 levels deep",
        files={"factsheets/bad.yml": "title: " + "[" * 100_000 + "]" * 100_000 + "\n"},
    ),
    Case(
        "yaml-python-object",
        "YAML",
        "a tag that would run code (`!!python/object/apply:os.system`)",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="the tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed",
        files={"factsheets/bad.yml": "title: !!python/object/apply:os.system ['touch pwned']\n"},
    ),
    Case(
        "yaml-python-name",
        "YAML",
        "a tag that would import a name (`!!python/name:os.system`)",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="the tag 'tag:yaml.org,2002:python/name:os.system' is not allowed",
        files={"factsheets/bad.yml": "title: !!python/name:os.system\n"},
    ),
    Case(
        "yaml-custom-tag",
        "YAML",
        "a custom tag (`!include secrets.yml`)",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="the tag '!include' is not allowed",
        files={"factsheets/bad.yml": "title: !include secrets.yml\n"},
    ),
    Case(
        "yaml-merge-key",
        "YAML",
        "a merge key (`<<: *base`)",
        code="yaml-syntax",
        where="factsheets/bad.yml:3",
        message="merge keys (<<) are not supported",
        files={"factsheets/bad.yml": "base: &base {title: T}\nsheet:\n  <<: *base\n"},
    ),
    Case(
        "yaml-several-documents",
        "YAML",
        "two YAML documents in one file",
        code="yaml-syntax",
        where="factsheets/bad.yml:8",
        message="a second YAML document starts here",
        files={"factsheets/bad.yml": sheet() + "---\ntitle: Another\n"},
    ),
    Case(
        "yaml-empty-file",
        "YAML",
        "an empty record file",
        code="schema",
        where="factsheets/bad.yml:1",
        message="expected a mapping of keys such as 'title', found an empty file",
        files={"factsheets/bad.yml": ""},
    ),
    Case(
        "yaml-list",
        "YAML",
        "a list instead of a mapping",
        code="schema",
        where="factsheets/bad.yml:1",
        message="expected a mapping of keys such as 'title', found a list",
        files={"factsheets/bad.yml": "- title: A\n- title: B\n"},
    ),
    Case(
        "yaml-not-utf8",
        "YAML",
        "a record that is not UTF-8 (Latin-1 `é`)",
        code="yaml-syntax",
        where="factsheets/bad.yml:4",
        message="not valid UTF-8: byte 0xe9 at byte offset 44 (line 4, column 19)",
        files={"factsheets/bad.yml": sheet("    statement: Caf\xe9.\n").replace("Bad", "B").encode("latin-1")},
    ),
    Case(
        "yaml-control-character",
        "YAML",
        "a control character (U+0007) in a record",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="the character U+0007 is not allowed in YAML",
        files={"factsheets/bad.yml": "title: Ding\a\n"},
    ),
    Case(
        "yaml-tab-indent",
        "YAML",
        "a tab used for indentation",
        code="yaml-syntax",
        where="factsheets/bad.yml:3",
        message="a tab cannot indent YAML; indent with spaces",
        files={"factsheets/bad.yml": "title: T\nfacts:\n\t- id: a\n"},
    ),
    Case(
        "yaml-huge-number",
        "YAML",
        "an integer of 5 000 digits",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="the number '1111",
        files={"factsheets/bad.yml": "title: " + "1" * 5000 + "\n"},
    ),
    Case(
        "yaml-surrogate-escape",
        "YAML",
        'an escape for half a UTF-16 pair (`"\\ud800"`)',
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="not valid YAML",
        files={"factsheets/bad.yml": 'title: "\\ud800"\n'},
    ),
    Case(
        "yaml-too-large",
        "YAML",
        "a record file larger than 1 MiB",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="factsheets/bad.yml is larger than 1 MiB",
        setup=_sparse("factsheets/bad.yml", 2 * 2**20),
    ),
    Case(
        "yaml-bom-crlf",
        "YAML",
        "a byte-order mark and CRLF line endings (a schema error on line 4)",
        code="schema",
        where="factsheets/bad.yml:4",
        message="facts[0].statement must be text, not a whole number",
        files={
            "factsheets/bad.yml": b"\xef\xbb\xbf"
            + sheet("    statement: 42\n    citations:\n      - source: harbour\n        quote: Ships came\n")
            .replace("\n", "\r\n")
            .encode()
        },
    ),
    # The record format
    Case(
        "schema-wrong-type",
        "Records",
        "a value of the wrong type",
        code="schema",
        where="factsheets/bad.yml:4",
        message="facts[0].statement must be text, not a list",
        files={
            "factsheets/bad.yml": sheet("    statement: [A, B]\n    citations: [{source: harbour, quote: Ships}]\n")
        },
    ),
    Case(
        "schema-missing-key",
        "Records",
        "a missing required key",
        code="schema",
        where="factsheets/bad.yml:1",
        message="the document: missing required key 'title'",
        files={"factsheets/bad.yml": sheet(head="")},
    ),
    Case(
        "schema-empty-text",
        "Records",
        "a statement that is only white space",
        code="schema",
        where="factsheets/bad.yml:4",
        message="facts[0].statement must not be empty",
        files={"factsheets/bad.yml": sheet("    statement: '   '\n    citations: [{source: harbour, quote: Ships}]\n")},
    ),
    Case(
        "schema-unknown-key",
        "Records",
        "an unknown (misspelt) key",
        code="schema",
        where="factsheets/bad.yml:4",
        message="facts[0]: unknown key 'statment'; did you mean 'statement'?",
        files={"factsheets/bad.yml": sheet("    statment: A.\n    citations: [{source: harbour, quote: Ships}]\n")},
    ),
    Case(
        "schema-hidden-characters",
        "Records",
        'terminal escapes in an unknown key (`"\\e[2J"`)',
        code="schema",
        where="factsheets/bad.yml:1",
        message="the document: unknown key '\\u001b[2J'",
        files={"factsheets/bad.yml": '"\\e[2J": x\n' + sheet()},
    ),
    Case(
        "schema-fact-id",
        "Records",
        "a fact id that is not kebab-case",
        code="schema",
        where="factsheets/bad.yml:3",
        message="facts[0].id: 'Not_Kebab' is not valid. Lower-case kebab-case",
        files={"factsheets/bad.yml": sheet().replace("id: a", "id: Not_Kebab")},
    ),
    Case(
        "schema-no-citations",
        "Records",
        "a fact with no citations",
        code="schema",
        where="factsheets/bad.yml:5",
        message="facts[0].citations needs at least one item",
        files={"factsheets/bad.yml": sheet("    statement: A.\n    citations: []\n")},
    ),
    Case(
        "schema-tag",
        "Records",
        "a tag with HTML or Markdown in it (`<b>`)",
        code="schema",
        where="factsheets/bad.yml:8",
        message="facts[0].tags[0]: '<b>' is not valid",
        files={"factsheets/bad.yml": sheet() + "    tags: ['<b>']\n"},
    ),
    Case(
        "schema-tag-index",
        "Records",
        "the tag `index`, the name of the tag index page",
        code="schema",
        where="factsheets/bad.yml:8",
        message="facts[0].tags[0]: 'index' is not allowed",
        files={"factsheets/bad.yml": sheet() + "    tags: [index]\n"},
    ),
    Case(
        "schema-source-parent",
        "Records",
        "a citation of `../../etc/passwd`",
        code="schema",
        where="factsheets/bad.yml:6",
        message="facts[0].citations[0].source: '../../etc/passwd' is not valid",
        files={"factsheets/bad.yml": sheet().replace("source: harbour", "source: ../../etc/passwd")},
    ),
    Case(
        "schema-source-absolute",
        "Records",
        "a citation of `/etc/passwd`",
        code="schema",
        where="factsheets/bad.yml:6",
        message="facts[0].citations[0].source: '/etc/passwd' is not valid",
        files={"factsheets/bad.yml": sheet().replace("source: harbour", "source: /etc/passwd")},
    ),
    Case(
        "schema-flood",
        "Records",
        "100 000 wrong values in one record",
        code="schema",
        where="factsheets/bad.yml:2",
        message="factsheets/bad.yml has more problems; only the first 50 are shown",
        files={"factsheets/bad.yml": "title: T\nfacts: [" + "1, " * 100_000 + "1]\n"},
    ),
    Case(
        "duplicate-fact-id",
        "Records",
        "two facts with one id in a sheet",
        code="duplicate-id",
        where="factsheets/bad.yml:8",
        message="fact id 'a' is already used on line 3 of this sheet",
        files={
            "factsheets/bad.yml": sheet() + "  - id: a\n    statement: B.\n"
            "    citations: [{source: harbour, quote: Ships came}]\n"
        },
    ),
    Case(
        "duplicate-sheet-suffix",
        "Records",
        "`x.yml` and `x.yaml`, one sheet id",
        code="duplicate-id",
        where="factsheets/harbour.yml:1",
        message="sheet id 'harbour' is already used by factsheets/harbour.yaml",
        files={"factsheets/harbour.yaml": BASE_SHEET},
    ),
    Case(
        "duplicate-sheet-folder",
        "Records",
        "the same file name in two sub-folders",
        code="duplicate-id",
        where="factsheets/b/x.yml:1",
        message="sheet id 'x' is already used by factsheets/a/x.yml",
        files={"factsheets/a/x.yml": sheet(), "factsheets/b/x.yml": sheet()},
    ),
    Case(
        "sheet-file-name",
        "Records",
        "a sheet file name that is not kebab-case",
        code="schema",
        where="factsheets/My Sheet.yml:1",
        message="the file name 'My Sheet.yml' is not a valid sheet id",
        files={"factsheets/My Sheet.yml": sheet()},
    ),
    Case(
        "sheet-index",
        "Records",
        "a sheet named `index`, the name of the sheet index page",
        code="schema",
        where="factsheets/index.yml:1",
        message="the sheet id 'index' names the sheets index page",
        files={"factsheets/index.yml": sheet()},
    ),
    Case(
        "record-link-outside",
        "Records",
        "a record that is a link to a file outside `factsheets/`",
        code="yaml-syntax",
        where="factsheets/bad.yml:1",
        message="factsheets/bad.yml is a link to a file outside factsheets/",
        setup=_both(_outside_file("x.yml", BASE_SHEET), _link("{outside}/x.yml", "factsheets/bad.yml")),
    ),
    Case(
        "record-link-folder",
        "Records",
        "a link to a folder in `factsheets/`",
        code="yaml-syntax",
        where="factsheets/more",
        message="factsheets/more is a link to a folder; it is not read",
        setup=_link("/", "factsheets/more"),
    ),
    # Sources
    Case(
        "source-not-utf8",
        "Sources",
        "a source that is not UTF-8",
        code="source-invalid",
        where="seeds/bad.txt:2",
        message="not valid UTF-8: byte 0xff at byte offset 18 (line 2, column 7)",
        files={"seeds/bad.txt": b"Line one.\r\nBad: \xc3\xa9\xff.\n"},
    ),
    Case(
        "source-bom",
        "Sources",
        "a source with a byte-order mark",
        exit=0,
        outcome="accepted; the mark is not part of the text, offsets count from the first character",
        test="load/test_hostile_sources.py::test_bom_is_not_part_of_the_text",
    ),
    Case(
        "source-crlf",
        "Sources",
        "a source with CRLF line endings",
        exit=0,
        outcome="accepted; `text[start:end]` is the passage, line and column are right",
        test="load/test_hostile_sources.py::test_quote_offsets_and_lines_in_crlf_and_cr_sources",
    ),
    Case(
        "source-cr",
        "Sources",
        "a source with lone CR (old Mac) line endings",
        exit=0,
        outcome="accepted; `text[start:end]` is the passage, line and column are right",
        test="load/test_hostile_sources.py::test_quote_offsets_and_lines_in_crlf_and_cr_sources",
    ),
    Case(
        "file-name-hidden",
        "Sources",
        "a file name with a line break or other control character",
        exit=1,
        outcome="named with the character written as `\\u000a`, so it cannot break or hide a report's lines",
        test="load/test_hostile_files.py::test_a_file_name_with_a_control_character_is_named_visibly",
    ),
    Case(
        "source-empty",
        "Sources",
        "an empty source file",
        code="source-invalid",
        where="seeds/empty.txt:1",
        message="seeds/empty.txt is empty; a source holds the text",
        files={"seeds/empty.txt": ""},
    ),
    Case(
        "source-large",
        "Sources",
        "a 30 MB source",
        exit=0,
        outcome="loaded and a quote found by exact match at its right offsets, line and column (in well under a second)",
        test="load/test_hostile_sources.py::test_a_30_mb_source_loads_and_matches",
    ),
    Case(
        "source-too-large",
        "Sources",
        "a source larger than 64 MiB",
        code="source-invalid",
        where="seeds/huge.txt:1",
        message="seeds/huge.txt is larger than 64 MiB",
        setup=_sparse("seeds/huge.txt", 65 * 2**20),
    ),
    Case(
        "source-link-outside",
        "Sources",
        "a source that is a link to a file outside `seeds/`",
        code="source-invalid",
        where="seeds/secret.txt:1",
        message="seeds/secret.txt is a link to a file outside seeds/",
        setup=_both(_outside_file("secret.txt", "Secret."), _link("{outside}/secret.txt", "seeds/secret.txt")),
    ),
    Case(
        "source-meta-link-outside",
        "Sources",
        "source metadata that is a link outside `seeds/`",
        code="source-invalid",
        where="seeds/harbour.yml:1",
        message="seeds/harbour.yml is a link to a file outside seeds/",
        setup=_both(_outside_file("meta.yml", "title: T\n"), _link("{outside}/meta.yml", "seeds/harbour.yml")),
    ),
    Case(
        "source-link-dangling",
        "Sources",
        "a link to nothing",
        code="source-invalid",
        where="seeds/gone.txt:1",
        message="seeds/gone.txt is a link to a file that does not exist",
        setup=_link("{root}/seeds/nowhere.txt", "seeds/gone.txt"),
    ),
    Case(
        "source-link-loop",
        "Sources",
        "a link to itself",
        code="source-invalid",
        where="seeds/loop.txt:1",
        message="seeds/loop.txt is a link that leads back to itself",
        setup=_link("loop.txt", "seeds/loop.txt"),
    ),
    Case(
        "source-fifo",
        "Sources",
        "a named pipe instead of a file (it would block a reader)",
        code="source-invalid",
        where="seeds/pipe.txt:1",
        message="seeds/pipe.txt is not a regular file",
        setup=lambda root: os.mkfifo(root / "seeds" / "pipe.txt"),
    ),
    Case(
        "source-file-name",
        "Sources",
        "a source file name that cannot be cited (`my source.txt`)",
        code="source-invalid",
        where="seeds/my source.txt:1",
        message="the file name gives the source id 'my source'",
        files={"seeds/my source.txt": "Text."},
    ),
    Case(
        "source-index",
        "Sources",
        "a source named `index`, the name of the source index page",
        code="source-invalid",
        where="seeds/index.txt:1",
        message="the source id 'index' names the sources index page",
        files={"seeds/index.txt": "Text."},
    ),
    Case(
        "source-case",
        "Sources",
        "two source ids that differ only in case",
        code="duplicate-id",
        where="seeds/harbour.txt:1",
        message="source id 'harbour' differs only in case from 'Harbour'",
        files={"seeds/Harbour.txt": "Text."},
    ),
    Case(
        "source-orphan-metadata",
        "Sources",
        "metadata without its source",
        code="source-invalid",
        where="seeds/ghost.yml:1",
        message="metadata for a source that does not exist (no seeds/ghost.txt)",
        files={"seeds/ghost.yml": "title: Ghost\n"},
    ),
    # The site
    Case(
        "render-html",
        "Rendering",
        "HTML in statements, titles, quotes and source text (`<script>`, `<img onerror=…>`, `<iframe>`)",
        exit=0,
        outcome="shown as the literal text in the built HTML; no element, attribute or link comes from it",
        test="render/test_hostile_site.py::test_built_pages_hold_no_markup_from_user_text",
    ),
    Case(
        "render-title",
        "Rendering",
        "`</title><script>…` in a sheet or source title",
        exit=0,
        outcome="the page's `<title>` holds the literal text (given as escaped front matter)",
        test="render/test_hostile_site.py::test_page_titles_hold_the_literal_text",
    ),
    Case(
        "render-markdown",
        "Rendering",
        "Markdown syntax (`# `, `*`, `[x](javascript:…)`, tables, `---` at line start)",
        exit=0,
        outcome="shown literally: no heading, emphasis, link, table or rule",
        test="render/test_hostile_site.py::test_user_text_is_literal_in_the_page_text",
    ),
    Case(
        "render-jinja",
        "Rendering",
        "Jinja syntax (`{{ 7*7 }}`, `{% … %}`)",
        exit=0,
        outcome="shown literally, never evaluated",
        test="render/test_hostile_site.py::test_user_text_is_literal_in_the_page_text",
    ),
    Case(
        "render-mkdocs",
        "Rendering",
        "MkDocs and Material syntax (`!!! note`, `--8<--`, `{ .class }`)",
        exit=0,
        outcome="shown literally: no admonition, snippet or attribute",
        test="render/test_hostile_site.py::test_user_text_is_literal_in_the_page_text",
    ),
    # The command line
    Case(
        "cli-unknown-option",
        "Command line",
        "an unknown option",
        exit=2,
        message="(see 'site-builder check --help')",
        args=("check", "--root", "{root}", "--frmat", "json"),
    ),
    Case(
        "cli-missing-root",
        "Command line",
        "a project root that does not exist",
        exit=2,
        message="the project root",
        args=("check", "--root", "{root}/nope"),
    ),
    Case(
        "cli-not-a-project",
        "Command line",
        "a root without `seeds/` or `factsheets/`",
        exit=2,
        message="is not a project: it has no seeds/ and no factsheets/ folder",
        args=("check", "--root", "{root}/seeds"),
    ),
    Case(
        "cli-folder-link",
        "Command line",
        "`seeds/` is a link to a folder outside the project",
        exit=2,
        message="seeds is a link to a folder outside the project",
        setup=lambda root: (
            os.rename(root / "seeds", root.parent / f"{root.name}-seeds"),
            os.symlink(root.parent / f"{root.name}-seeds", root / "seeds"),
        ),
    ),
    Case(
        "cli-unreadable-record",
        "Command line",
        "a record the user may not read (permission denied)",
        exit=2,
        outcome="one line on stderr: `cannot read factsheets/people.yml: Permission denied`",
        test="test_hostile_cli.py::test_an_unreadable_record_is_a_usage_error",
    ),
    Case(
        "cli-unreadable-folder",
        "Command line",
        "a `seeds/` folder the user may not read",
        exit=2,
        outcome="one line on stderr: `cannot read seeds/: Permission denied`",
        test="test_hostile_cli.py::test_an_unreadable_folder_is_a_usage_error",
    ),
    Case(
        "cli-foreign-docs",
        "Command line",
        "`docs_dir` holds files the tool did not write",
        exit=2,
        outcome="one line on stderr, nothing is deleted",
        test="test_hostile_cli.py::test_a_docs_folder_with_other_files_is_never_cleaned",
    ),
    Case(
        "cli-linked-build-folder",
        "Command line",
        "`build/` committed as a link to a folder outside the project",
        exit=2,
        outcome="one line on stderr naming the link, before the records are checked; nothing is written outside",
        test="test_hostile_cli.py::test_a_build_folder_committed_as_a_link_is_refused_and_nothing_written_outside",
    ),
    # Building
    Case(
        "build-check-fails",
        "Building",
        "`build` with an error in a record",
        exit=1,
        outcome="nothing written: `site/` and the docs folder keep every byte",
        test="publish/test_hostile_build.py::test_a_failed_check_changes_nothing",
    ),
    Case(
        "build-mkdocs-fails",
        "Building",
        "`build` where MkDocs fails",
        exit=1,
        outcome="`site/` keeps every byte; MkDocs' message is shown",
        test="publish/test_hostile_build.py::test_a_failed_mkdocs_build_keeps_the_site",
    ),
    Case(
        "build-sigkill",
        "Building",
        "`build` killed (SIGKILL) while MkDocs runs",
        exit=-9,
        outcome="`site/` keeps every byte; the next build removes the leftover folder",
        test="publish/test_hostile_build.py::test_a_killed_build_keeps_the_site",
    ),
    Case(
        "build-sigint",
        "Building",
        "`build` interrupted (Ctrl-C) while MkDocs runs",
        exit=130,
        outcome="`site/` keeps every byte, no leftover; one line: `site-builder: interrupted`",
        test="publish/test_hostile_build.py::test_an_interrupted_build_keeps_the_site",
    ),
    Case(
        "build-site-dir",
        "Building",
        "`site_dir` set to the project folder itself",
        exit=1,
        outcome="refused before anything is written",
        test="publish/test_hostile_build.py::test_a_site_dir_over_the_project_is_refused",
    ),
    Case(
        "build-deterministic",
        "Building",
        "two builds with other hash seeds and file creation orders",
        exit=0,
        outcome="byte-identical Markdown and search index",
        test="publish/test_hostile_build.py::test_builds_are_byte_identical",
    ),
]


def readme_table() -> str:
    """The security page's table of hostile inputs."""
    rows = ["| case | input | result | exit |", "| --- | --- | --- | --- |"]
    for case in CASES:
        cells = [f"`{case.name}`", case.tried, case.result, {-9: "killed"}.get(case.exit, str(case.exit))]
        rows.append("| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(readme_table(), end="")
