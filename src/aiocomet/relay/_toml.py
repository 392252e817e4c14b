"""Checked reads of TOML values: each mistake is a RelayConfigError naming the setting."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import RelayConfigError

__all__ = ["check_keys", "read_count", "read_seconds", "read_str", "read_table"]


def check_keys(table: Mapping[str, Any], allowed: Iterable[str], where: str) -> None:
    """Refuse keys of ``table`` not in ``allowed`` (a typo must not pass as a default)."""
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise RelayConfigError(
            f"unknown setting {', '.join(unknown)} (known: {', '.join(sorted(allowed))})",
            where=where,
        )


def read_table(
    data: Mapping[str, Any], key: str, where: str, *, required: bool = False
) -> dict[str, Any]:
    value = data.get(key)
    if value is None:
        if required:
            raise RelayConfigError(f"needs a [{key}] table", where=where)
        return {}
    if not isinstance(value, dict):
        raise RelayConfigError(f"[{key}] must be a table", where=where)
    return value


def read_str(t: Mapping[str, Any], key: str, where: str) -> str:
    value = t.get(key)
    if not isinstance(value, str) or not value:
        raise RelayConfigError(f"{key} must be a non-empty string", where=where)
    return value


def read_seconds(
    t: Mapping[str, Any], key: str, default: float, where: str, *, zero_ok: bool = False
) -> float:
    value = t.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RelayConfigError(f"{key} must be a number of seconds", where=where)
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok):
        raise RelayConfigError(f"{key} must be a positive number of seconds", where=where)
    return float(value)


def read_count(t: Mapping[str, Any], key: str, default: int, where: str) -> int:
    value = t.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise RelayConfigError(f"{key} must be a whole number of at least 1", where=where)
    return value
