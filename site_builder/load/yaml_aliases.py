"""How much a YAML document's aliases add, counted on its nodes before any alias is expanded.

A composed document shares one node wherever an alias repeats it, so an alias bomb (aliases of
aliases, each repeating ten values) is a few hundred nodes; expanding it would make ``10**12``.
"""

from __future__ import annotations

import yaml

from site_builder.load.yaml_depth import MAX_DEPTH
from site_builder.load.yaml_errors import YamlError, line_and_column

MAX_ALIAS_VALUES = 100_000  # values that aliases may add to a document, all aliases together


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def check_aliases(root: yaml.Node) -> None:
    """Refuse aliases that add more than ``MAX_ALIAS_VALUES`` values, nest deeper than
    ``MAX_DEPTH`` once expanded, or refer to a collection that contains them.

    A depth-first walk visits each node once; reaching a node a second time is an alias, which
    adds the node's expanded size, known by then, to the document.
    """
    size: dict[int, int] = {}
    height: dict[int, int] = {}
    on_path: set[int] = set()
    added = 0
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, finished = stack.pop()
        key = id(node)
        if finished:
            on_path.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[id(kid)] for kid in kids)
            height[key] = 1 + max((height[id(kid)] for kid in kids), default=0)
            if height[key] > MAX_DEPTH + 1:  # + 1: the scalars below the deepest collection
                raise YamlError(
                    f"the document is nested more than {MAX_DEPTH} levels deep once its aliases are expanded",
                    *line_and_column(node),
                )
        elif key in size:
            added += size[key]
            if added > MAX_ALIAS_VALUES:
                raise YamlError(
                    f"aliases add more than {MAX_ALIAS_VALUES} values to the document (the last "
                    "one repeats the value that starts here); they may not be used to blow it up",
                    *line_and_column(node),
                )
        elif key in on_path:
            raise YamlError(
                "an alias refers to a collection that contains it; records cannot be recursive",
                *line_and_column(node),
            )
        else:
            on_path.add(key)
            stack.append((node, True))
            stack.extend((kid, False) for kid in reversed(_children(node)))
