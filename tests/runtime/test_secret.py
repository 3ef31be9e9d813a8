"""The user's secret that keys the store: made once, the user's alone, never inside a project."""

from __future__ import annotations

import os
import stat

import pytest

from site_builder.check.run import check
from site_builder.runtime.secret import SIZE, NoSecret, secret_path, user_secret
from site_builder.runtime.session import Session
from site_builder.runtime.store import FOLDER


@pytest.fixture
def user_cache(tmp_path_factory, monkeypatch):
    folder = tmp_path_factory.mktemp("cache-home")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def test_it_is_made_once_with_mode_0600_and_read_after(project, user_cache):
    secret = user_secret(project.root)
    path = user_cache / "site-builder" / "secret"
    assert secret_path() == path and path.read_bytes() == secret and len(secret) == SIZE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert user_secret(project.root) == secret
    assert [p.name for p in path.parent.iterdir()] == ["secret"]  # no fresh name left behind


def test_without_xdg_cache_home_it_is_under_the_home_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert secret_path() == tmp_path / ".cache" / "site-builder" / "secret"


def test_one_inside_the_project_is_refused_and_the_store_not_used(project, monkeypatch, capsys):
    monkeypatch.setenv("XDG_CACHE_HOME", str(project.root / "cache"))
    with pytest.raises(NoSecret, match="inside the project"):
        user_secret(project.root)
    project.source("s", "The harbour opened in the spring of that year.")
    project.fact_sheet("a", ("s", "The harbour opened in the spring"))
    check(project.root, session=Session.for_project(project.root))
    assert not (project.root / FOLDER).exists() and not (project.root / "cache").exists()
    assert "inside the project" in capsys.readouterr().err


def test_one_others_may_read_is_refused(project, user_cache):
    user_secret(project.root)
    path = secret_path()
    os.chmod(path, 0o644)
    with pytest.raises(NoSecret, match="yours alone"):
        user_secret(project.root)


def test_a_symbolic_link_or_a_file_of_another_size_is_refused(project, user_cache, tmp_path):
    path = secret_path()
    path.parent.mkdir(parents=True)
    planted = tmp_path / "planted"
    planted.write_bytes(b"k" * SIZE)
    os.chmod(planted, 0o600)
    os.symlink(planted, path)
    with pytest.raises(NoSecret):
        user_secret(project.root)
    path.unlink()
    path.write_bytes(b"short")
    os.chmod(path, 0o600)
    with pytest.raises(NoSecret, match="32 bytes"):
        user_secret(project.root)
