"""What loading asks of the run it is part of: each value it needs, made from given inputs, which
the run may already hold (from an earlier run) or may have made by a worker process.

A :class:`Recall` is given as ``session`` to :func:`~site_builder.load.project.load_project` (the
command line's and the preview's come from :mod:`site_builder.runtime`); without one, every value
is made here, one after the other.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Kind(Generic[T]):
    """A kind of value that a run remembers by what it is made from."""

    name: str
    #: the values' type; kept values are read back only as this type (its ``Any`` parts come back
    #: as plain data: a tuple as a list)
    shape: Any
    #: the package's files and folders whose code decides a value (see ``runtime.store.code_digest``)
    code: tuple[str, ...]
    #: the fewest values to make for a worker process to be worth starting (0: always made here)
    worth_a_worker: int = 0


@dataclass(frozen=True)
class Wanted(Generic[T]):
    """One value wanted: everything it is made from but the code, and how to make it."""

    inputs: tuple[str | int | None, ...]
    make: Callable[[], T]
    #: whether a value kept from an earlier run is what ``make`` would give now (None: the inputs
    #: decide it wholly, as a record's path and the digest of its bytes do)
    still_true: Callable[[T], bool] | None = None


class Recall(Protocol):
    def recall(self, kind: Kind[T], wanted: Sequence[Wanted[T]]) -> list[T]:
        """The value of each of ``wanted``, in order: as ``make()`` gives it."""
        ...


class MakeEach:
    """Every value made here, one after the other."""

    def recall(self, kind: Kind[T], wanted: Sequence[Wanted[T]]) -> list[T]:
        return [each.make() for each in wanted]
