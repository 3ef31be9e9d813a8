"""The ``site-builder`` command: check, build and serve a fact-sheet project."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from site_builder import __version__
from site_builder.checker import Report
from site_builder.files import CannotRead
from site_builder.generate import check, generate
from site_builder.project import NotAProject, require_project
from site_builder.report import FORMATS
from site_builder.render.writer import NotGenerated
from site_builder.report.text import render_text

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

root_option = click.option(
    "--root", type=click.Path(file_okay=False, path_type=Path), default=Path("."), show_default=True,
    help="Project folder holding seeds/ and factsheets/.",
)


def _project_root(root: Path) -> Path:
    try:
        return require_project(root)
    except NotAProject as exc:
        raise click.UsageError(str(exc)) from None


def _echo_report(report: Report, fmt: str = "text", *, err: bool = False) -> None:
    stream = sys.stderr if err else sys.stdout
    color = fmt == "text" and stream.isatty()
    click.echo(FORMATS[fmt](report, color), nl=False, file=stream, color=color)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="site-builder")
def cli() -> None:
    """Check citation-backed fact sheets and publish them as a static site."""


@cli.command("check")
@root_option
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True,
              help="How to print the problems.")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def check_command(root: Path, fmt: str, strict: bool) -> None:
    """Check every record and citation, without building anything."""
    report = check(_project_root(root))
    _echo_report(report, fmt)
    sys.exit(EXIT_OK if report.ok(strict=strict) else EXIT_PROBLEMS)


@cli.command("build")
@root_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
def build_command(root: Path, strict: bool) -> None:
    """Check, generate the Markdown and build the site with MkDocs (strict)."""
    from site_builder.mkdocs_build import PublishError, publish, read_config

    root = _project_root(root)
    report = check(root)
    if not report.ok(strict=strict):
        _echo_report(report, err=True)
        click.echo("site not built: fix the errors above", err=True)
        sys.exit(EXIT_PROBLEMS)
    if report.diagnostics:
        _echo_report(report, err=True)
    try:
        site = read_config(root)
        generate(report, site.docs_dir)
        publish(site)
    except PublishError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_PROBLEMS)
    click.echo(f"built {site.site_dir} from {len(report.project.sheets)} sheets and "
               f"{len(report.project.sources)} sources")


@cli.command("serve")
@root_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve_command(root: Path, dev_addr: str) -> None:
    """Preview the site, rebuilding it when a record or source changes."""
    from mkdocs.commands.serve import serve

    from site_builder import mkdocs_hooks

    root = _project_root(root).resolve()
    serve(
        config_file=str(root / "mkdocs.yml"),
        livereload=True,
        watch=[str(root / "seeds"), str(root / "factsheets")],
        hooks=[mkdocs_hooks.__file__],
        dev_addr=dev_addr,
    )


def main(argv: list[str] | None = None) -> None:
    """Entry point: usage errors are one line and exit 2; nothing ends in a traceback."""
    try:
        cli.main(args=argv, prog_name="site-builder", standalone_mode=False)
    except click.exceptions.UsageError as exc:
        hint = f" (see 'site-builder {exc.ctx.command_path.partition(' ')[2]} --help')".replace("  --", " --") \
            if exc.ctx is not None else ""
        click.echo(f"site-builder: error: {exc.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except (CannotRead, NotGenerated) as exc:  # the machine or the setup, not the records
        click.echo(f"site-builder: error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except OSError as exc:  # e.g. the disk is full or a folder is read-only
        click.echo(f"site-builder: error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
        sys.exit(EXIT_USAGE)
    except click.exceptions.Abort:
        click.echo("site-builder: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        click.echo(f"site-builder: error: {exc.format_message()}", err=True)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("site-builder: interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug: say so in one line instead of a traceback
        click.echo(f"site-builder: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(3)
