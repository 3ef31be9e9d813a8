"""The calls a script makes, importable from the package itself, in the order the work flows."""

import site_builder


def test_a_script_loads_checks_generates_and_publishes(harbour):
    harbour.mkdocs()
    project, problems = site_builder.load_project(harbour.root)
    assert problems == []
    assert [sheet.id for sheet in project.sheets] == [sheet.id for sheet in sorted(project.sheets, key=lambda s: s.id)]

    report = site_builder.check_path(harbour.root, site_builder.CheckOptions())
    assert report.ok() and report.citations and all(result.located for result in report.citations)

    site = site_builder.read_config(harbour.root)
    written = site_builder.generate(report, site.docs_dir, site.settings)
    assert "index.md" in written and (site.docs_dir / "index.md").is_file()

    site_builder.publish_site(site)
    assert (site.site_dir / "index.html").is_file()


def test_a_check_of_a_broken_project_is_a_report_not_an_exception(project):
    project.source("s", "The harbour opened in 1851.")
    project.sheet(
        "x",
        "title: X\nfacts:\n  - id: a\n    statement: S.\n    citations:\n"
        "      - source: s\n        quote: the harbour closed in 1851\n",
    )
    report = site_builder.check_path(project.root)
    assert not report.ok()
    assert [(d.code, d.file, d.line) for d in report.diagnostics if d.severity == "error"] == [
        ("quote-not-found", "factsheets/x.yml", 7)
    ]


def test_the_calls_stay_functions_once_every_stage_is_imported():
    """The package's calls are not shadowed by the stages of the same name (``check``, ``publish``)."""
    import site_builder.check.run
    import site_builder.publish

    assert callable(site_builder.check_path) and callable(site_builder.publish_site)


def test_a_stage_imports_without_the_stages_above_it():
    """Importing the loader does not import checking or rendering through the package root."""
    import subprocess
    import sys

    code = "import sys, site_builder.load; print(sorted(m for m in sys.modules if m.startswith('site_builder.')))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "site_builder.load" in loaded
    assert "site_builder.check" not in loaded and "site_builder.render" not in loaded
