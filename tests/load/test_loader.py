"""The loader reports every problem of a record with its file and line, and never crashes."""

from __future__ import annotations

from site_builder.check.run import check


def codes(report):
    return [(x.code, x.file, x.line) for x in report.diagnostics]


def test_valid_project_has_no_problems(harbour):
    report = check(harbour.root)
    assert report.diagnostics == []
    assert [s.id for s in report.project.sheets] == ["harbour", "people"]
    assert len(report.project.facts) == 3


def test_yaml_syntax_error_names_file_and_line(project):
    project.source("s", "Some words here.")
    project.sheet(
        "bad",
        """
        title: Bad
        facts:
          - id: one
            statement: [unclosed
    """,
    )
    report = check(project.root)
    [problem] = report.diagnostics
    assert problem.code == "yaml-syntax"
    assert problem.file == "factsheets/bad.yml"
    assert problem.line == 5


def test_schema_problems_are_all_reported_with_their_lines(project):
    project.source("s", "Some words here and more words there.")
    project.sheet(
        "sheet",
        """
        title: A sheet
        facts:
          - id: one
            statment: misspelt key
            citations:
              - source: s
                quote: Some words here
          - id: two
            statement: 42
            citations: []
          - id: Not_Kebab
            statement: Fine.
            citations:
              - source: s
                qoute: words
    """,
    )
    report = check(project.root)
    found = {(x.line, x.message) for x in report.diagnostics}
    assert all(x.code == "schema" and x.file == "factsheets/sheet.yml" for x in report.diagnostics)
    assert (3, "facts[0]: missing required key 'statement'") in found
    assert (4, "facts[0]: unknown key 'statment'; did you mean 'statement'?") in found
    assert (9, "facts[1].statement must be text, not a whole number") in found
    assert (10, "facts[1].citations needs at least one item") in found
    assert any(line == 11 and "'Not_Kebab' is not valid" in m and "'not-kebab'" in m for line, m in found)
    assert (14, "facts[2].citations[0]: missing required key 'quote'") in found
    assert (15, "facts[2].citations[0]: unknown key 'qoute'; did you mean 'quote'?") in found


def test_well_formed_citations_are_checked_even_when_the_record_has_schema_errors(project):
    project.source("s", "Some words here and more words there.")
    project.sheet(
        "sheet",
        """
        title: A sheet
        colour: blue
        facts:
          - id: one
            statement: Words.
            citations:
              - source: s
                quote: Not in the source at all
    """,
    )
    report = check(project.root)
    assert [x.code for x in report.diagnostics] == ["schema", "quote-not-found"]


def test_duplicate_fact_ids_in_one_sheet(harbour):
    harbour.sheet(
        "dupes",
        """
        title: Dupes
        facts:
          - id: same
            statement: One.
            citations: [{source: harbour, quote: Its first master was Ann Lee.}]
          - id: same
            statement: Two.
            citations: [{source: harbour, quote: Its first master was Ann Lee.}]
    """,
    )
    report = check(harbour.root)
    [problem] = report.diagnostics
    assert (problem.code, problem.line) == ("duplicate-id", 6)
    assert "line 3" in problem.message


def test_duplicate_sheet_ids_across_files(harbour):
    harbour.sheet("people", "title: Again\nfacts: []\n", suffix=".yaml")
    report = check(harbour.root)
    assert ("duplicate-id", "factsheets/people.yml", 1) in codes(report)


def test_sheet_file_name_must_be_kebab_case(harbour):
    harbour.sheet(
        "Bad_Name",
        """
        title: X
        facts:
          - id: x
            statement: X.
            citations: [{source: harbour, quote: Its first master was Ann Lee.}]
    """,
    )
    report = check(harbour.root)
    [problem] = report.diagnostics
    assert problem.code == "schema" and problem.file == "factsheets/Bad_Name.yml"
    assert "'bad-name.yml'" in problem.message


def test_broken_related_references(harbour):
    harbour.sheet(
        "more",
        """
        title: More
        facts:
          - id: x
            statement: X.
            citations: [{source: harbour, quote: Its first master was Ann Lee.}]
            related:
              - harbour#opend
              - nowhere
              - people
    """,
    )
    report = check(harbour.root)
    problems = [(x.code, x.line, x.message) for x in report.diagnostics]
    assert problems == [
        (
            "broken-reference",
            7,
            "related 'harbour#opend': sheet 'harbour' has no fact 'opend'; did you mean 'harbour#opened'?",
        ),
        ("broken-reference", 8, "related 'nowhere': there is no sheet 'nowhere'"),
    ]


def test_source_metadata_is_validated(harbour):
    (harbour.root / "seeds" / "harbour.yml").write_text("title: T\nurl: javascript:alert(1)\neditor: x\n")
    report = check(harbour.root)
    assert [(x.code, x.file, x.line) for x in report.diagnostics if x.code == "schema"] == [
        ("schema", "seeds/harbour.yml", 2),
        ("schema", "seeds/harbour.yml", 3),
    ]


def test_source_without_metadata_takes_its_title_from_its_first_words(project):
    project.source("plain", "One two three four five six seven eight nine ten.")
    project.sheet(
        "s", "title: S\nfacts: [{id: a, statement: A., citations: [{source: plain, quote: one two three}]}]\n"
    )
    report = check(project.root)
    assert report.project.sources["plain"].title == "One two three four five six seven eight…"


def test_every_problem_is_reported_in_one_run(harbour):
    harbour.sheet("broken", "title: [\n")
    harbour.sheet(
        "wrong",
        """
        title: Wrong
        facts:
          - id: a
            statement: A.
            citations: [{source: harbor, quote: Its first master was Ann Lee.}]
          - id: b
            statement: B.
            citations: [{source: harbour, quote: Its first mate was Ann Lee.}]
    """,
    )
    report = check(harbour.root)
    assert sorted(x.code for x in report.diagnostics) == ["quote-not-found", "source-not-found", "yaml-syntax"]


def test_a_quote_yaml_cannot_read_is_told_with_the_line_that_fixes_it(project):
    """A value that starts with a double quote, or holds ': ', is the slip; the help line reads."""
    project.source("s", 'The note reads: the harbour opened. Later "the harbour" was opened in 1851.')
    for name, value in (("a", '"the harbour" was opened in 1851'), ("b", "The note reads: the harbour")):
        project.sheet(
            name,
            f"title: X\nfacts:\n  - id: a\n    statement: S.\n    citations:\n      - source: s\n        quote: {value}\n",
        )
    report = check(project.root)
    slips = {x.file: x for x in report.diagnostics if x.code == "yaml-syntax"}
    assert set(slips) == {"factsheets/a.yml", "factsheets/b.yml"}
    for slip in slips.values():
        assert (slip.line, slip.column) == (7, 16)
        assert "single quotes" in slip.message
        fix = slip.notes[0].removeprefix("help: write line 7 as: ")
        fixed = project.root / slip.file
        lines = fixed.read_text().splitlines()
        lines[6] = "        " + fix
        fixed.write_text("\n".join(lines) + "\n")
    report = check(project.root)
    assert [x.code for x in report.diagnostics if x.severity == "error"] == []
