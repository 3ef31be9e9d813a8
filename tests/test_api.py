"""The calls a script makes, importable from the package itself, in the order the work flows."""

import site_builder


def test_a_script_loads_checks_generates_and_publishes(harbour):
    harbour.mkdocs()
    project, problems = site_builder.load_project(harbour.root)
    assert problems == []
    assert [sheet.id for sheet in project.sheets] == [sheet.id for sheet in sorted(project.sheets, key=lambda s: s.id)]

    report = site_builder.check(harbour.root, site_builder.CheckOptions())
    assert report.ok() and report.citations and all(result.located for result in report.citations)

    site = site_builder.read_config(harbour.root)
    written = site_builder.generate(report, site.docs_dir, site.settings)
    assert "index.md" in written and (site.docs_dir / "index.md").is_file()

    site_builder.publish(site)
    assert (site.site_dir / "index.html").is_file()


def test_a_check_of_a_broken_project_is_a_report_not_an_exception(project):
    project.source("s", "The harbour opened in 1851.")
    project.sheet(
        "x",
        "title: X\nfacts:\n  - id: a\n    statement: S.\n    citations:\n"
        "      - source: s\n        quote: the harbour closed in 1851\n",
    )
    report = site_builder.check(project.root)
    assert not report.ok()
    assert [(d.code, d.file, d.line) for d in report.diagnostics if d.severity == "error"] == [
        ("quote-not-found", "factsheets/x.yml", 7)
    ]
