"""The ``site-builder`` command: check, build and serve a fact-sheet project."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import click

from site_builder.atomic import UnsafeWrite
from site_builder.check.changes import RevisionError
from site_builder.check.checker import DEFAULT_MIN_QUOTE_WORDS, CheckOptions
from site_builder.check.run import check
from site_builder.counts import counted
from site_builder.load.files import CannotRead
from site_builder.load.project import NotAProject, require_project
from site_builder.model import Report
from site_builder.render.site_settings import NO_SITE_URL
from site_builder.render.writer import NotGenerated
from site_builder.report import FORMATS
from site_builder.runtime.session import Session
from site_builder.version import __version__

if TYPE_CHECKING:
    from site_builder.publish.mkdocs_build import SiteConfig

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2

root_option = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Project folder holding seeds/ and factsheets/.",
)


min_words_option = click.option(
    "--min-quote-words",
    type=click.IntRange(min=1),
    default=DEFAULT_MIN_QUOTE_WORDS,
    show_default=True,
    help="Warn about quotes with fewer words (quote-too-short).",
)


no_cache_option = click.option(
    "--no-cache",
    is_flag=True,
    help="Parse every record and locate every quote again, without reading or writing .site-builder-cache/.",
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
@click.option(
    "--format",
    "fmt",
    type=click.Choice(sorted(FORMATS)),
    default="text",
    show_default=True,
    help="How to print the problems.",
)
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option(
    "--since",
    metavar="REV",
    help="Check only what changed against this git revision, and everything that depends on it.",
)
@min_words_option
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the records, then report what is left.")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes as a unified diff; write nothing.")
@click.option(
    "--unsafe-fixes", is_flag=True, help="With --fix or --diff: also fixes that may change what a quote proves."
)
@no_cache_option
def check_command(
    root: Path,
    fmt: str,
    strict: bool,
    since: str | None,
    min_quote_words: int,
    fix: bool,
    show_diff: bool,
    unsafe_fixes: bool,
    no_cache: bool,
) -> None:
    """Check every record and citation, without building anything."""
    ends_at_once = _command_line()
    if ends_at_once:  # the process ends with this command: no cycle of objects is worth collecting
        gc.disable()
    options = CheckOptions(min_quote_words=min_quote_words)
    try:
        root = _project_root(root)
        session = Session.for_project(root, cache=not no_cache)
        report = check(root, options, since=since, session=session)
        if show_diff:
            sys.exit(_print_fixes(root, report, unsafe_fixes))
        if fix and _apply_fixes(root, report, unsafe_fixes):
            report = check(root, options, since=since, session=session)
    except RevisionError as exc:
        raise click.UsageError(f"--since {since}: {exc}") from None
    _echo_report(report, fmt)
    if fmt == "text" and not fix:
        _hint_fixes(report)
    code = EXIT_OK if report.ok(strict=strict) else EXIT_PROBLEMS
    if ends_at_once:
        _end_now(code)
    sys.exit(code)


def _fixes(report: Report, unsafe: bool) -> tuple[list, int]:
    """The fixes to make, and how many more ``--unsafe-fixes`` would make."""
    from site_builder.check.fixes import plan_fixes

    planned = plan_fixes(report)
    chosen = [f for f in planned if unsafe or f.safety == "safe"]
    return chosen, len(planned) - len(chosen)


def _unsafe_note(hidden: int) -> None:
    if hidden:
        s = "es" if hidden != 1 else ""
        click.echo(
            f"{hidden} more fix{s} available with --unsafe-fixes (they may change what a quote proves)", err=True
        )


def _print_fixes(root: Path, report: Report, unsafe: bool) -> int:
    """``--diff``: the fixes as a unified diff; exit 1 when there is one, as with ruff."""
    from site_builder.check.fix_files import prepare, unified_diff

    chosen, hidden = _fixes(report, unsafe)
    files = prepare(root, chosen)
    diff = unified_diff(files)
    click.echo(diff, nl=False)
    count = sum(len(f.applied) for f in files if f.changed)
    click.echo(f"would fix {counted(count, 'problem')}", err=True)
    _report_skipped(files)
    _unsafe_note(hidden)
    return EXIT_PROBLEMS if diff else EXIT_OK


def _apply_fixes(root: Path, report: Report, unsafe: bool) -> bool:
    """``--fix``: write the fixes; whether any file changed."""
    from site_builder.check.fix_files import prepare, write

    chosen, hidden = _fixes(report, unsafe)
    files = prepare(root, chosen)
    write(root, files)
    count = sum(len(f.applied) for f in files if f.changed)
    changed = [f.file for f in files if f.changed]
    if count:
        click.echo(f"fixed {counted(count, 'problem')} in {', '.join(changed)}", err=True)
    _report_skipped(files)
    _unsafe_note(hidden)
    return bool(changed)


def _report_skipped(files: list) -> None:
    for f in files:
        for fix, why in f.skipped:
            click.echo(f"{fix.file}:{fix.line}:{fix.column}: not fixed: {why}", err=True)


def _hint_fixes(report: Report) -> None:
    """After a text report: how many of its problems ``--fix`` would mend."""
    if report.ok():
        return
    chosen, hidden = _fixes(report, unsafe=False)
    if chosen:
        click.echo(f"{len(chosen)} fixable with --fix (see them first with --diff)", err=True)
    _unsafe_note(hidden)


@cli.command("diff")
@click.argument("rev", metavar="REV")
@root_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="Markdown for a job summary or a pull-request comment, JSON for tools.",
)
def diff_command(rev: str, root: Path, fmt: str) -> None:
    """Compare the working tree with git revision REV, fact by fact, with the check of each changed fact."""
    from site_builder.check.changes import changed_files
    from site_builder.review import project_at, review
    from site_builder.review.json_review import render_json
    from site_builder.review.markdown import render_markdown

    root = _project_root(root)
    try:
        files = changed_files(root, rev)
        old, _ = project_at(root, rev, files)
        report = check(root, since=rev)
    except RevisionError as exc:
        raise click.UsageError(f"{rev}: {exc}") from None
    result = review(old, report.project, report, rev, files)
    click.echo(render_json(result) if fmt == "json" else render_markdown(result), nl=False)


@cli.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--name", default="Fact sheets", show_default=True, help="The site's name.")
@click.option("--site-url", default=None, help="The address the site is published at (mkdocs.yml's site_url).")
@click.option(
    "--requirement",
    default=None,
    help="What CI installs to run site-builder (a line of requirements.txt); "
    "by default the release or repository commit this site-builder was installed from.",
)
def init_command(folder: Path, name: str, site_url: str | None, requirement: str | None) -> None:
    """Make a new fact-sheet project in FOLDER (new or empty) that checks and builds at once."""
    from site_builder.report.rule_help import documentation
    from site_builder.scaffold import BadValue, NotEmpty, create
    from site_builder.scaffold.requirement import NoRequirement, installed_requirement

    try:
        line = requirement if requirement is not None else installed_requirement()
        written = create(folder, site_name=name, site_url=site_url, requirement=line, documentation=documentation())
    except (NotEmpty, BadValue, NoRequirement) as exc:
        raise click.UsageError(str(exc)) from None
    click.echo(
        f"made {folder} ({counted(len(written), 'file')}); next: cd {folder} && site-builder check && site-builder build"
    )
    if site_url is None:
        click.echo(f"set site_url in {folder / 'mkdocs.yml'} (or pass --site-url) before publishing", err=True)


@cli.command("build")
@root_option
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@min_words_option
@no_cache_option
@click.option(
    "--engine",
    default=None,
    help="The site engine that builds: mkdocs, properdocs or zensical (default: extra.engine of mkdocs.yml, "
    "else the first of them installed).",
)
def build_command(root: Path, strict: bool, min_quote_words: int, no_cache: bool, engine: str | None) -> None:
    """Check, generate the Markdown and build the site with MkDocs, ProperDocs or Zensical (strict)."""
    from site_builder.publish.build_time import build_time
    from site_builder.publish.mkdocs_build import PublishError, publishing, read_config
    from site_builder.render.generate import write_site
    from site_builder.render.search_pages import search_pages
    from site_builder.render.views import SiteView

    root = _project_root(root)
    try:
        site: SiteConfig | None = read_config(root)
    except PublishError:
        site = None  # said once the records are checked, as when the config is read after them
    try:
        # MkDocs starts (and imports itself) while the project is checked and its pages generated.
        with publishing(site, engine) if site is not None else contextlib.nullcontext() as publication:
            session = Session.for_project(root, cache=not no_cache)
            report = check(root, CheckOptions(min_quote_words=min_quote_words), session=session)
            if not report.ok(strict=strict):
                _echo_report(report, err=True)
                click.echo("site not built: fix the errors above", err=True)
                sys.exit(EXIT_PROBLEMS)
            if report.diagnostics:
                _echo_report(report, err=True)
            if site is None or publication is None:
                read_config(root)  # the config could not be read: this says why
                return
            settings = dataclasses.replace(site.settings, generated=build_time(root))
            view = SiteView.of(report, settings)
            write_site(view, site.docs_dir, pool=session.pool)
            publication.publish(search_pages(view))
    except PublishError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_PROBLEMS)
    if not settings.site_url:
        click.echo(NO_SITE_URL, err=True)
    click.echo(
        f"built {site.site_dir} from {counted(len(report.project.sheets), 'sheet')} "
        f"and {counted(len(report.project.sources), 'source')}"
    )


@cli.command("pin")
@root_option
@click.argument("sources", nargs=-1, metavar="[SOURCE]...")
def pin_command(root: Path, sources: tuple[str, ...]) -> None:
    """Record the sha256 of sources (all, or those named) in their metadata, once reviewed."""
    from site_builder.check.integrity import pin_source
    from site_builder.load.project import load_project
    from site_builder.load.yaml_edit import CannotEdit

    root = _project_root(root)
    project, _ = load_project(root)
    unknown = [name for name in sources if name not in project.sources]
    if unknown:
        raise click.UsageError(f"no such source: {', '.join(unknown)} (the sources are in {root / 'seeds'})")
    for source_id in sources or sorted(project.sources):
        source = project.sources[source_id]
        if source.meta_path and not _metadata_readable(root, source.meta_path):
            click.echo(f"{source.meta_path}: not valid YAML metadata; fix it, then pin again", err=True)
            sys.exit(EXIT_PROBLEMS)
        try:
            changed = pin_source(source, root)
        except CannotEdit as exc:
            where = source.meta_path or source.path
            click.echo(f"{where}:{source.pin_line or 1}:1: error: cannot pin {source.id}: {exc}", err=True)
            click.echo(f"  fix: add the line 'sha256: {source.digest}' to {where} by hand", err=True)
            sys.exit(EXIT_PROBLEMS)
        state = "pinned" if changed else "already pinned"
        click.echo(f"{state} {source.id}: sha256 {source.digest}")


def _metadata_readable(root: Path, meta_path: str) -> bool:
    """Whether a metadata file reads as a YAML mapping (a broken file is never rewritten)."""
    from site_builder.load.records import parse_record

    doc, problems = parse_record(root / meta_path, root, root / "seeds")
    return doc is not None and not problems and (doc.data is None or isinstance(doc.data, dict))


@cli.command("serve")
@root_option
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve_command(root: Path, dev_addr: str) -> None:
    """Preview the site, rebuilding it when a record or source changes."""
    from site_builder.publish.mkdocs_build import PublishError
    from site_builder.publish.preview_server import CannotServe, NotAnAddress, serve

    root = _project_root(root).resolve()
    try:
        serve(root, dev_addr)
    except NotAnAddress as exc:
        raise click.BadParameter(str(exc), param_hint="--dev-addr") from None
    except CannotServe as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    except PublishError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_PROBLEMS)


@cli.command("add-source")
@click.argument("target", metavar="PATH_OR_URL")
@click.option("--id", "source_id", metavar="ID", help="The source id (default: made from the title).")
@root_option
@click.option("--replace", is_flag=True, help="Replace the source of that id, saying which quotes would fall.")
@click.option("--no-keep-original", is_flag=True, help="Keep no copy of the original under seeds/originals/.")
@click.option(
    "--allow-private",
    is_flag=True,
    help="Allow a URL on a loopback, private or link-local address (refused otherwise).",
)
@click.option("--title", help="The title, in place of the document's own.")
@click.option("--author", help="The author, in place of the document's own.")
@click.option("--publisher", help="The publisher, in place of the site's name.")
@click.option("--url", help="Where the document was published (http or https).")
@click.option("--published", metavar="DATE", help="Date of publication: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option(
    "--publish-original", is_flag=True, help="Publish the kept original even if it holds scripts or launch actions."
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def add_source_command(
    target: str,
    source_id: str | None,
    root: Path,
    replace: bool,
    no_keep_original: bool,
    allow_private: bool,
    fmt: str,
    publish_original: bool,
    **given: str | None,
) -> None:
    """Add a web page (file or URL), PDF, plain-text or Markdown file as a source in seeds/."""
    import json

    from site_builder.ingest import AddOptions, IngestError, plan_source, write_source
    from site_builder.ingest.fetch import credentials_note
    from site_builder.ingest.summary import falling_text, summary_text

    root = _project_root(root)
    if note := credentials_note(target):
        click.echo(f"site-builder: warning: {note}", err=True)
    fields = tuple((key, value) for key, value in given.items() if value is not None)
    options = AddOptions(
        source_id,
        replace,
        keep_original=not no_keep_original,
        allow_private=allow_private,
        given=fields,
        publish_original=publish_original,
    )
    try:
        plan = plan_source(target, root, options)
    except IngestError as exc:
        click.echo(f"site-builder: error: {exc}", err=True)
        sys.exit(EXIT_PROBLEMS)
    if fmt == "text":
        click.echo(falling_text(plan.added), nl=False, err=True)
    write_source(plan)
    out = json.dumps(plan.added.as_json(), ensure_ascii=False, indent=2) + "\n" if fmt == "json" else None
    click.echo(out or summary_text(plan.added), nl=False)


@dataclasses.dataclass(frozen=True)
class _Run:
    command_line: bool  # run as the command (not called by a test or a script): the process ends with it


def _command_line() -> bool:
    """Whether this run is the command itself, whose process ends with it."""
    run = click.get_current_context().find_root().obj
    return isinstance(run, _Run) and run.command_line


def _end_now(code: int) -> NoReturn:
    """End the process without freeing each object one by one: a project of ten thousand facts
    leaves some millions, which would take Python longer to free than the check took to print."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        code = 120  # what Python itself exits with when it cannot flush what was printed
    os._exit(code)


def main(argv: list[str] | None = None) -> None:
    """Entry point: usage errors are one line and exit 2; nothing ends in a traceback."""
    try:
        cli.main(args=argv, prog_name="site-builder", standalone_mode=False, obj=_Run(command_line=argv is None))
    except click.exceptions.UsageError as exc:
        hint = (
            f" (see 'site-builder {exc.ctx.command_path.partition(' ')[2]} --help')".replace("  --", " --")
            if exc.ctx is not None
            else ""
        )
        click.echo(f"site-builder: error: {exc.format_message()}{hint}", err=True)
        sys.exit(EXIT_USAGE)
    except (CannotRead, NotGenerated, UnsafeWrite) as exc:  # the machine or the setup, not the records
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
