"""The package uses no private name of a site engine or its theme, so a new engine release cannot
break a build by changing its insides."""

from __future__ import annotations

import ast
from pathlib import Path

import site_builder

ENGINE_PACKAGES = ("mkdocs", "material", "properdocs", "zensical")
PACKAGE = Path(site_builder.__file__).parent


def _engine_aliases(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ENGINE_PACKAGES:
                    names.add(alias.asname or alias.name.split(".")[0])
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ENGINE_PACKAGES:
            names.update(alias.asname or alias.name for alias in node.names)
    return names


def private_engine_names(source: str) -> list[str]:
    """Private names imported from an engine, or reached through a name imported from one."""
    tree = ast.parse(source)
    aliases = _engine_aliases(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ENGINE_PACKAGES:
            parts = (node.module or "").split(".") + [alias.name for alias in node.names]
            found += [f"{node.lineno}: {part}" for part in parts if part.startswith("_") and part != "__main__"]
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] in ENGINE_PACKAGES:
                    found += [
                        f"{node.lineno}: {p}" for p in alias.name.split(".") if p.startswith("_") and p != "__main__"
                    ]
        elif isinstance(node, ast.Attribute) and node.attr.startswith("_") and not node.attr.endswith("__"):
            base = node.value
            while isinstance(base, ast.Attribute):
                base = base.value
            if isinstance(base, ast.Name) and base.id in aliases:
                found.append(f"{node.lineno}: {node.attr}")
    return found


def test_no_private_name_of_an_engine_is_used() -> None:
    used = {
        str(path.relative_to(PACKAGE)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if (names := private_engine_names(path.read_text(encoding="utf-8")))
    }
    assert used == {}


def test_the_check_sees_a_private_name_however_it_is_reached() -> None:
    source = (
        "from mkdocs.commands import build as b\nimport mkdocs.plugins\n"
        "from mkdocs.structure import _x\nb._build_page\nmkdocs.plugins.PluginCollection._private\n"
    )
    assert private_engine_names(source) == ["3: _x", "4: _build_page", "5: _private"]
