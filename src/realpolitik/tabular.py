"""Typed rows as a table: `Rows` holds dataclass rows and hands them to Arrow or pandas.

The Arrow schema comes from the row class's annotations, not from the values, so an empty
result or a column that happens to be all null still has its proper type (a Goldstein score
is float64 even when no event has one). Lists of strings stay lists; dicts (the contract's
`extra` fields) become JSON text, which every tool reads. pandas is an optional extra
(`pip install 'realpolitik[pandas]'`); pyarrow is a core dependency.
"""

from __future__ import annotations

import json
import types
import typing
from collections.abc import Iterator, Sequence
from dataclasses import fields, is_dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar, overload

import pyarrow as pa

T = TypeVar("T")

_SCALARS: dict[Any, pa.DataType] = {
    str: pa.string(), int: pa.int64(), float: pa.float64(), bool: pa.bool_(),
    date: pa.date32(), datetime: pa.timestamp("us"),
}


class PandasMissing(ImportError):
    """to_pandas() was asked for without pandas installed; the message says how to get it."""


def _arrow_type(annotation: Any, where: str) -> pa.DataType:
    origin = typing.get_origin(annotation)
    if origin in (types.UnionType, typing.Union):
        inner = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(inner) == 1:
            return _arrow_type(inner[0], where)
    if origin is list:
        (item,) = typing.get_args(annotation)
        return pa.list_(_arrow_type(item, where))
    if origin is dict or annotation is dict:
        return pa.string()  # JSON text
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    raise TypeError(f"{where}: no Arrow type for {annotation!r}")


def arrow_schema(row_type: type) -> pa.Schema:
    """The Arrow schema of a dataclass row type, from its annotations."""
    if not is_dataclass(row_type):
        raise TypeError(f"{row_type!r} is not a dataclass row type")
    hints = typing.get_type_hints(row_type)
    return pa.schema([pa.field(f.name, _arrow_type(hints[f.name], f"{row_type.__name__}.{f.name}"))
                      for f in fields(row_type)])


def _cell(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


class Rows(Sequence[T], Generic[T]):
    """An immutable sequence of typed rows with `.to_arrow()` and `.to_pandas()`."""

    def __init__(self, row_type: type[T], rows: Sequence[T] = ()):
        self.row_type = row_type
        self._rows: tuple[T, ...] = tuple(rows)

    @overload
    def __getitem__(self, i: int) -> T: ...

    @overload
    def __getitem__(self, i: slice) -> Rows[T]: ...

    def __getitem__(self, i: int | slice) -> T | Rows[T]:
        if isinstance(i, slice):
            return Rows(self.row_type, self._rows[i])
        return self._rows[i]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[T]:
        return iter(self._rows)

    def __repr__(self) -> str:
        return f"<Rows of {len(self)} {self.row_type.__name__}>"

    def to_arrow(self) -> pa.Table:
        """A pyarrow Table, one column per field, typed from the row class."""
        schema = arrow_schema(self.row_type)
        columns = {name: [_cell(getattr(r, name)) for r in self._rows] for name in schema.names}
        return pa.Table.from_pydict(columns, schema=schema)

    def to_pandas(self) -> Any:
        """A pandas DataFrame (needs the `pandas` extra)."""
        try:
            import pandas  # noqa: F401
        except ImportError as exc:
            raise PandasMissing("to_pandas() needs pandas, an optional extra: pip install 'realpolitik[pandas]' "
                                "(or use to_arrow(), which needs nothing more)") from exc
        return self.to_arrow().to_pandas()
