"""An engine without --site-dir builds into the fresh folder through a config file that inherits the site's
own: written beside it under a name no other build uses, and gone once the build is done."""

from __future__ import annotations

from pathlib import Path

import yaml

from site_builder.publish.engines.derived_config import with_site_dir


def test_the_derived_config_inherits_the_site_config_and_names_only_the_folder(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: Harbour\ndocs_dir: build/docs\n", encoding="utf-8")
    fresh = tmp_path / ".site.new-1"
    with with_site_dir(config, fresh) as derived, with_site_dir(config, fresh) as other:
        assert derived.parent == tmp_path and derived != other
        assert yaml.safe_load(derived.read_text(encoding="utf-8")) == {
            "INHERIT": "mkdocs.yml",
            "site_dir": str(fresh.resolve()),
        }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]


def test_a_folder_name_that_yaml_would_misread_is_kept_whole(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text("site_name: x\n", encoding="utf-8")
    odd = tmp_path / 'out: #1 "new"'
    with with_site_dir(config, odd) as derived:
        assert yaml.safe_load(derived.read_text(encoding="utf-8"))["site_dir"] == str(odd.resolve())
