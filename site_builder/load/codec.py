"""The model's values as compact JSON, read back only as the values they were.

A value is written after its type, which both sides know: a dataclass as the array of its fields in
order, a tuple or list as an array, text and numbers as themselves. Nothing in the JSON names a
type, so nothing read can choose what gets made; reading checks every value against its declared
type (and a dataclass's own checks run), and anything else is :class:`Invalid`. Values typed
``Any`` (a diagnostic's machine-readable details) are written with their kind (tuple, list or
mapping) so that they come back the same.

Compared with tagging every value with its type, the arrays are smaller and are read with one call
per value instead of a walk that looks each tag up.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from operator import attrgetter
from typing import Any, Generic, TypeVar

T = TypeVar("T")

Decoder = Callable[[Any], Any]
Encoder = Callable[[Any], Any]


class Invalid(Exception):
    """Data that is not what :meth:`Codec.encode` writes for its type."""


class Codec(Generic[T]):
    """Encode and decode values of one type (built once per type: see :func:`codec`)."""

    def __init__(self, kind: Any) -> None:
        self.encode: Callable[[T], Any]
        self.decode: Callable[[Any], T]
        self.encode, self.decode = _pair(kind)

    def read(self, data: Any) -> T:
        """The value ``data`` stands for; raises :class:`Invalid` for anything else."""
        try:
            return self.decode(data)
        except Invalid:
            raise
        except (TypeError, ValueError, KeyError, IndexError, AttributeError, RecursionError) as exc:
            raise Invalid(exc) from None


@cache
def codec(kind: Any) -> Codec:
    return Codec(kind)


_PLAIN = (str, int, float, bool)


def _pair(kind: Any) -> tuple[Encoder, Decoder]:
    if kind is Any:
        return _encode_any, _decode_any
    if kind is type(None) or kind is None:
        return _same, _exactly(type(None))
    if kind in _PLAIN:
        return _same, _exactly(kind)
    origin, args = typing.get_origin(kind), typing.get_args(kind)
    if origin is typing.Literal:
        return _same, _one_of(frozenset(args))
    if origin in (typing.Union, types.UnionType):
        return _optional(args)
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return _sequence(args[0], tuple)
        return _fixed(args)
    if origin is list:
        return _sequence(args[0], list)
    if origin is dict and args[0] is str:
        return _mapping(args[1])
    if dataclasses.is_dataclass(kind) and isinstance(kind, type):
        return _dataclass(kind)
    raise TypeError(f"no JSON form for {kind!r}")


def _same(value: Any) -> Any:
    return value


def _exactly(kind: type) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not kind:
            raise Invalid(f"expected {kind.__name__}")
        return data

    return decode


def _one_of(values: frozenset) -> Decoder:
    def decode(data: Any) -> Any:
        if type(data) is not str or data not in values:
            raise Invalid("not one of the values allowed")
        return data

    return decode


def _optional(args: tuple) -> tuple[Encoder, Decoder]:
    others = [arg for arg in args if arg is not type(None)]
    if len(others) != 1 or len(others) == len(args):
        raise TypeError(f"no JSON form for a union of {args!r}")
    encode_one, decode_one = _pair(others[0])

    def encode(value: Any) -> Any:
        return None if value is None else encode_one(value)

    def decode(data: Any) -> Any:
        return None if data is None else decode_one(data)

    return (_same if encode_one is _same else encode), decode


def _sequence(item: Any, make: type) -> tuple[Encoder, Decoder]:
    encode_one, decode_one = _pair(item)
    if encode_one is _same and item in _PLAIN:  # text, numbers: one check each, no call

        def decode_plain(data: Any) -> Any:
            if type(data) is not list or any(type(x) is not item for x in data):
                raise Invalid(f"expected a list of {item.__name__}")
            return make(data)

        return _same, decode_plain  # a tuple is written as an array like a list

    def encode(value: Any) -> Any:
        return [encode_one(x) for x in value]

    def decode(data: Any) -> Any:
        if type(data) is not list:
            raise Invalid("expected a list")
        return make([decode_one(x) for x in data])

    return encode, decode


def _fixed(args: tuple) -> tuple[Encoder, Decoder]:
    pairs = [_pair(arg) for arg in args]
    encoders = [p[0] for p in pairs]
    decoders = [p[1] for p in pairs]

    def encode(value: Any) -> Any:
        return [enc(x) for enc, x in zip(encoders, value, strict=True)]

    def decode(data: Any) -> Any:
        if type(data) is not list or len(data) != len(decoders):
            raise Invalid(f"expected a list of {len(decoders)}")
        return tuple(dec(x) for dec, x in zip(decoders, data))

    return encode, decode


def _mapping(item: Any) -> tuple[Encoder, Decoder]:
    encode_one, decode_one = _pair(item)

    def encode(value: Any) -> Any:
        return {str(key): encode_one(x) for key, x in value.items()}

    def decode(data: Any) -> Any:
        if type(data) is not dict:
            raise Invalid("expected a mapping")
        return {key: decode_one(x) for key, x in data.items()}

    return encode, decode


def _dataclass(kind: type) -> tuple[Encoder, Decoder]:
    hints = typing.get_type_hints(kind)
    fields = [f for f in dataclasses.fields(kind) if f.init]
    if len(fields) != len(dataclasses.fields(kind)):
        raise TypeError(f"no JSON form for {kind.__name__}: a field is not given to its constructor")
    names = tuple(f.name for f in fields)
    pairs = [_pair(hints[name]) for name in names]
    encoders = [enc for enc, _ in pairs]
    # The type every field's JSON may have, checked in one pass; fields that hold more than text,
    # numbers or None are then decoded one by one.
    allowed = [_json_types(hints[name]) for name in names]
    nested = [(i, dec) for i, (name, (_, dec)) in enumerate(zip(names, pairs)) if not _plain(hints[name])]
    getter = attrgetter(*names)
    count = len(names)
    check = getattr(kind, "__post_init__", None)
    make = object.__new__
    contains = frozenset.__contains__

    if all(enc is _same for enc in encoders):

        def encode(value: Any) -> Any:
            return getter(value) if count > 1 else (getter(value),)

    else:

        def encode(value: Any) -> Any:
            got = getter(value) if count > 1 else (getter(value),)
            return [enc(x) for enc, x in zip(encoders, got)]

    def decode(data: Any) -> Any:
        if type(data) is not list or len(data) != count or not all(map(contains, allowed, map(type, data))):
            raise Invalid(f"expected the {count} fields of {kind.__name__}")
        values = data
        if nested:
            values = list(data)
            for i, dec in nested:
                values[i] = dec(data[i])
        # As the constructor would, without its cost for a frozen dataclass (a call per field).
        value: Any = make(kind)
        value.__dict__.update(zip(names, values))
        if check is not None:
            check(value)
        return value

    return encode, decode


def _plain(kind: Any) -> bool:
    """Whether JSON of ``kind`` is the value itself, once its type is right (text, numbers, None)."""
    if kind in _PLAIN or kind is type(None):
        return True
    if typing.get_origin(kind) in (typing.Union, types.UnionType):
        return all(_plain(arg) for arg in typing.get_args(kind))
    return False


def _json_types(kind: Any) -> frozenset[type]:
    """The JSON types (as Python reads them) that data for ``kind`` may have."""
    if kind is Any:
        return frozenset((str, int, float, bool, type(None), list))
    if kind in _PLAIN or kind is type(None):
        return frozenset((kind,))
    origin = typing.get_origin(kind)
    if origin is typing.Literal:
        return frozenset(type(arg) for arg in typing.get_args(kind))
    if origin in (typing.Union, types.UnionType):
        return frozenset().union(*(_json_types(arg) for arg in typing.get_args(kind)))
    if origin is dict:
        return frozenset((dict,))
    return frozenset((list,))


def _encode_any(value: Any) -> Any:
    """Text, numbers, booleans and None as themselves; tuples, lists and mappings tagged."""
    kind = type(value)
    if value is None or kind in _PLAIN:
        return value
    if kind is tuple:
        return ["T", [_encode_any(x) for x in value]]
    if kind is list:
        return ["L", [_encode_any(x) for x in value]]
    if kind is dict:
        return ["M", {str(key): _encode_any(x) for key, x in value.items()}]
    raise TypeError(f"no JSON form for a {kind.__name__}")


def _decode_any(data: Any) -> Any:
    if data is None or type(data) in _PLAIN:
        return data
    if type(data) is not list or len(data) != 2:
        raise Invalid("expected a tagged value")
    tag, body = data
    if tag == "T" and type(body) is list:
        return tuple(_decode_any(x) for x in body)
    if tag == "L" and type(body) is list:
        return [_decode_any(x) for x in body]
    if tag == "M" and type(body) is dict:
        return {key: _decode_any(x) for key, x in body.items()}
    raise Invalid("unknown tag")
