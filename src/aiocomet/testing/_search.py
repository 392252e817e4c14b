"""Custom job search: a ``SearchClause`` tree evaluated against ``BackupJobDetail`` jobs.

The semantics follow the ``SEARCHCLAUSE_*`` and ``SEARCHOPERATOR_*`` constants:

- ``ClauseType`` ``""`` is a rule; ``and`` / ``or`` need all / at least one of
  ``ClauseChildren`` to match; ``not_and`` / ``not_or`` are their negations
  (so an empty ``and`` matches everything and an empty ``or`` nothing).
- ``RuleField`` names a field as ``BackupJobDetail.<Field>``, a nested struct
  field with one more dot (``BackupJobDetail.Progress.BytesDone``); a nested
  struct the job does not have reads as zeros.
- ``str_*`` operators apply to string fields, ``int_*`` to integer fields and
  ``bool_*`` to boolean fields. ``_ci`` compares lower-cased text. The regex
  operators use Python's ``re`` (the server uses Go's RE2, which agrees on
  ordinary patterns) and match anywhere in the value, as Go's ``MatchString``.
- ``RuleValue`` is always text: a base-10 int64 for ``int_*``, one of Go's
  ``strconv.ParseBool`` spellings for ``bool_*``.

The query is compiled into a predicate before any job is looked at, so a bad
query (unknown clause type, field or operator, an operator of the wrong kind
for its field, a value that does not parse, a bad regex) is refused with 400
even when no job would reach the bad clause.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import msgspec

from .._generated import constants as c
from .._generated.models import BackupJobDetail, SearchClause
from ._state import StateError

Kind = Literal["str", "int", "bool"]
Predicate = Callable[[Any], bool]

MAX_DEPTH = 64  # far deeper than any real query; keeps a hostile one from exhausting the stack
_INT64 = range(-(2**63), 2**63)
_INT_TEXT = re.compile(r"[+-]?[0-9]+")
_BOOL_TEXT = {
    **dict.fromkeys(("1", "t", "T", "TRUE", "true", "True"), True),
    **dict.fromkeys(("0", "f", "F", "FALSE", "false", "False"), False),
}
_ZERO: dict[Kind, Any] = {"str": "", "int": 0, "bool": False}
_NOUN: dict[Kind, str] = {"str": "strings", "int": "integers", "bool": "booleans"}
_KINDS: dict[type[msgspec.inspect.Type], Kind] = {
    msgspec.inspect.StrType: "str",
    msgspec.inspect.IntType: "int",
    msgspec.inspect.BoolType: "bool",
}

# operator -> (test(field value, rule value), negated, case-insensitive)
_STRING: dict[str, tuple[Callable[[str, str], bool], bool, bool]] = {
    c.SEARCHOPERATOR_STRING_EQ: (operator.eq, False, False),
    c.SEARCHOPERATOR_STRING_NEQ: (operator.eq, True, False),
    c.SEARCHOPERATOR_STRING_CONTAINS: (operator.contains, False, False),
    c.SEARCHOPERATOR_STRING_NCONTAINS: (operator.contains, True, False),
    c.SEARCHOPERATOR_STRING_STARTSWITH: (str.startswith, False, False),
    c.SEARCHOPERATOR_STRING_NSTARTSWITH: (str.startswith, True, False),
    c.SEARCHOPERATOR_STRING_ENDSWITH: (str.endswith, False, False),
    c.SEARCHOPERATOR_STRING_NENDSWITH: (str.endswith, True, False),
    c.SEARCHOPERATOR_STRING_EQ_CI: (operator.eq, False, True),
    c.SEARCHOPERATOR_STRING_NEQ_CI: (operator.eq, True, True),
    c.SEARCHOPERATOR_STRING_CONTAINS_CI: (operator.contains, False, True),
    c.SEARCHOPERATOR_STRING_NCONTAINS_CI: (operator.contains, True, True),
    c.SEARCHOPERATOR_STRING_STARTSWITH_CI: (str.startswith, False, True),
    c.SEARCHOPERATOR_STRING_NSTARTSWITH_CI: (str.startswith, True, True),
    c.SEARCHOPERATOR_STRING_ENDSWITH_CI: (str.endswith, False, True),
    c.SEARCHOPERATOR_STRING_NENDSWITH_CI: (str.endswith, True, True),
}
_REGEX = {c.SEARCHOPERATOR_STRING_REGEXMATCH: False, c.SEARCHOPERATOR_STRING_NREGEXMATCH: True}
_INT: dict[str, Callable[[int, int], bool]] = {
    c.SEARCHOPERATOR_INT_EQ: operator.eq,
    c.SEARCHOPERATOR_INT_NEQ: operator.ne,
    c.SEARCHOPERATOR_INT_GT: operator.gt,
    c.SEARCHOPERATOR_INT_GTE: operator.ge,
    c.SEARCHOPERATOR_INT_LT: operator.lt,
    c.SEARCHOPERATOR_INT_LTE: operator.le,
}
_BOOL = {c.SEARCHOPERATOR_BOOL_IS: False, c.SEARCHOPERATOR_BOOL_NIS: True}
_OPERATOR_KINDS: dict[str, Kind] = {
    **dict.fromkeys([*_STRING, *_REGEX], "str"),
    **dict.fromkeys(_INT, "int"),
    **dict.fromkeys(_BOOL, "bool"),
}
# clause type -> (combine children, negated)
_COMBINERS: dict[str, tuple[Callable[[Iterable[bool]], bool], bool]] = {
    c.SEARCHCLAUSE_AND: (all, False),
    c.SEARCHCLAUSE_OR: (any, False),
    c.SEARCHCLAUSE_NOT_AND: (all, True),
    c.SEARCHCLAUSE_NOT_OR: (any, True),
}


@dataclass(frozen=True, slots=True)
class SearchField:
    """A searchable scalar field: its kind and the attribute path that reaches it."""

    kind: Kind
    path: tuple[str, ...]

    def read(self, item: Any) -> Any:
        value = item
        for name in self.path:
            value = getattr(value, name)
            if value is None:  # an absent nested struct reads as its zero fields
                return _ZERO[self.kind]
        return value


def field_table(cls: type[msgspec.Struct], prefix: str) -> dict[str, SearchField]:
    """Every string, integer and boolean field of ``cls`` by ``RuleField`` name."""
    table: dict[str, SearchField] = {}

    def walk(info: msgspec.inspect.StructType, name: str, path: tuple[str, ...]) -> None:
        for field in info.fields:
            t = field.type
            if isinstance(t, msgspec.inspect.UnionType):  # Optional[Struct] -> Struct
                present = [m for m in t.types if not isinstance(m, msgspec.inspect.NoneType)]
                t = present[0] if len(present) == 1 else t
            key, where = f"{name}.{field.encode_name}", (*path, field.name)
            if isinstance(t, msgspec.inspect.StructType):
                walk(t, key, where)
            elif (kind := _KINDS.get(type(t))) is not None:
                table[key] = SearchField(kind, where)

    info = msgspec.inspect.type_info(cls)
    assert isinstance(info, msgspec.inspect.StructType)
    walk(info, prefix, ())
    return table


JOB_FIELDS = field_table(BackupJobDetail, "BackupJobDetail")


def compile_query(query: SearchClause, fields: Mapping[str, SearchField] = JOB_FIELDS) -> Predicate:
    """The predicate for ``query``; StateError 400 naming the bad clause if it is invalid."""
    return _compile(query, fields, "Query", 0)


def search_jobs(query: SearchClause, jobs: Iterable[BackupJobDetail]) -> list[BackupJobDetail]:
    """The jobs that match ``query``, in the order given."""
    match = compile_query(query)
    return [job for job in jobs if match(job)]


def _bad(where: str, problem: str) -> StateError:
    return StateError(400, f"Invalid parameter Query: {where}: {problem}")


def _compile(
    clause: SearchClause, fields: Mapping[str, SearchField], where: str, depth: int
) -> Predicate:
    if depth > MAX_DEPTH:
        raise _bad(where, f"clauses are nested deeper than {MAX_DEPTH} levels")
    if clause.ClauseType == c.SEARCHCLAUSE_RULE:
        return _compile_rule(clause, fields, where)
    combiner = _COMBINERS.get(clause.ClauseType)
    if combiner is None:
        known = ", ".join(repr(k) for k in ("", *_COMBINERS))
        raise _bad(where, f"unknown ClauseType {clause.ClauseType!r} (known: {known})")
    combine, negated = combiner
    children = tuple(
        _compile(child, fields, f"{where}.ClauseChildren[{i}]", depth + 1)
        for i, child in enumerate(clause.ClauseChildren or ())
    )
    return lambda item: combine(match(item) for match in children) != negated


def _compile_rule(clause: SearchClause, fields: Mapping[str, SearchField], where: str) -> Predicate:
    name, op, text = clause.RuleField, clause.RuleOperator, clause.RuleValue
    field = fields.get(name)
    if field is None:
        example = next(iter(fields), "")
        raise _bad(where, f"unknown RuleField {name!r} (fields are named like {example!r})")
    kind = _OPERATOR_KINDS.get(op)
    if kind is None:
        raise _bad(where, f"unknown RuleOperator {op!r}")
    if kind != field.kind:
        raise _bad(
            where,
            f"RuleOperator {op!r} compares {_NOUN[kind]} but {name} holds {_NOUN[field.kind]}",
        )
    read = field.read
    if kind == "int":
        want_int = _parse_int(text, where)
        compare = _INT[op]
        return lambda item: compare(read(item), want_int)
    if kind == "bool":
        want_bool = _parse_bool(text, where) != _BOOL[op]
        return lambda item: bool(read(item) == want_bool)
    if op in _REGEX:
        pattern, negated = _parse_regex(text, where), _REGEX[op]
        return lambda item: (pattern.search(read(item)) is not None) != negated
    test, negated, folded = _STRING[op]
    if folded:
        lowered = text.lower()
        return lambda item: test(read(item).lower(), lowered) != negated
    return lambda item: test(read(item), text) != negated


def _parse_int(text: str, where: str) -> int:
    if _INT_TEXT.fullmatch(text) is None or int(text) not in _INT64:
        raise _bad(where, f"RuleValue {text!r} is not a base-10 int64")
    return int(text)


def _parse_bool(text: str, where: str) -> bool:
    try:
        return _BOOL_TEXT[text]
    except KeyError:
        raise _bad(where, f"RuleValue {text!r} is not a boolean (true/false, 1/0)") from None


def _parse_regex(text: str, where: str) -> re.Pattern[str]:
    try:
        return re.compile(text)
    except re.error as exc:
        raise _bad(where, f"RuleValue {text!r} is not a valid regular expression ({exc})") from None
