"""A run's session: the store (None: ``--no-cache``), the worker pool, and the values in memory
that a preview keeps between its runs.

A value is recalled from memory (made or verified in this process), else from the store (and, for
a kind whose inputs do not decide it wholly, verified), else made: by the workers when there are
enough to make, else here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from site_builder.load.recall import Kind, Wanted
from site_builder.runtime.pool import WorkerPool
from site_builder.runtime.store import MISSING, Store, code_digest, entry_key

T = TypeVar("T")

_NO_SECRET = b""  # keys values in memory when there is no store: they never leave this process


class Session:
    """See the module's description; :meth:`finish` ends each run."""

    def __init__(self, store: Store | None = None, pool: WorkerPool | None = None) -> None:
        self.store = store
        self.pool = pool if pool is not None else WorkerPool()
        self._memory: dict[str, Any] = {}
        self._used: set[str] = set()

    @classmethod
    def for_project(cls, root: Path, *, cache: bool = True, pool: WorkerPool | None = None) -> Session:
        """A session for the project at ``root``, with its store unless not ``cache``."""
        return cls(Store.open(root) if cache else None, pool)

    def recall(self, kind: Kind[T], wanted: Sequence[Wanted[T]]) -> list[T]:
        """Each value of ``wanted``, in order, as its ``make()`` gives it."""
        secret = self.store.secret if self.store is not None else _NO_SECRET
        code = code_digest(kind.code)
        values: list[Any] = []
        missing: dict[str, int] = {}  # key → the first of the wanted values it names
        keys: list[str] = []
        for i, each in enumerate(wanted):
            key = entry_key(secret, kind.name, code, each.inputs)
            keys.append(key)
            value = self._memory.get(key, MISSING)
            if value is MISSING and key not in missing:
                value = self._stored(key, kind, each)
                if value is MISSING:
                    missing[key] = i
            values.append(value)
        if missing:
            made = self.pool.map(_make, [wanted[i] for i in missing.values()], kind.shape, fewest=kind.worth_a_worker)
            for key, value in zip(missing, made):
                self._memory[key] = value
                if self.store is not None:
                    self.store.put(key, value)
            values = [self._memory[key] if value is MISSING else value for key, value in zip(keys, values)]
        self._used.update(keys)
        return values

    def _stored(self, key: str, kind: Kind[T], each: Wanted[T]) -> Any:
        if self.store is None:
            return MISSING
        value = self.store.get(key, kind.shape)
        if value is MISSING or (each.still_true is not None and not each.still_true(value)):
            return MISSING
        self._memory[key] = value
        return value

    def finish(self, *, keep_unused: bool = False) -> None:
        """End a run: keep in memory only the values it used, and save the store with them (and,
        with ``keep_unused``, for a run that used only some, the others it holds)."""
        used, self._used = self._used, set()
        self._memory = {key: value for key, value in self._memory.items() if key in used}
        if self.store is not None:
            self.store.save(None if keep_unused else used)


def _make(each: Wanted[T]) -> T:
    return each.make()
