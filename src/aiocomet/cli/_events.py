"""``aiocomet events``: tail a server's live events."""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import logging
import sys
from collections.abc import Iterator

from .._generated.constants import CONSTANTS
from ..events import Gap
from ._common import UsageError, client_for
from ._format import event_line


def parse_types(text: str | None) -> set[int] | None:
    """``SEVT_JOB_COMPLETED,4200`` -> ``{4201, 4200}``."""
    if not text:
        return None
    types: set[int] = set()
    for item in filter(None, (part.strip() for part in text.split(","))):
        if item.isdigit():
            types.add(int(item))
            continue
        name = item.upper() if item.upper().startswith("SEVT_") else "SEVT_" + item.upper()
        value = CONSTANTS.get(name)
        if not isinstance(value, int):
            raise UsageError(f"unknown event type {item!r} (use SEVT_* names or numbers)")
        types.add(value)
    return types


def local_time(unix_seconds: float) -> str:
    """ISO 8601 in the local time zone, with its offset: readable and unambiguous."""
    when = datetime.datetime.fromtimestamp(unix_seconds, datetime.UTC).astimezone()
    return when.isoformat(timespec="seconds")


def gap_line(gap: Gap) -> str:
    length = max(0.0, gap.reconnected_at - gap.last_alive)
    return (
        f"aiocomet: reconnected to {gap.server} after {gap.reason}; events from "
        f"{local_time(gap.last_alive)} to {local_time(gap.reconnected_at)} ({length:.1f} s) "
        "may be missing"
    )


def _gap_notice(gap: Gap) -> None:
    print(gap_line(gap), file=sys.stderr, flush=True)


class _WithoutGapWarnings(logging.Filter):
    """Drops the SDK's own gap warning: the command prints each gap once, with readable times."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "possible gap" not in str(record.msg)


@contextlib.contextmanager
def _gaps_told_once() -> Iterator[None]:
    logger = logging.getLogger("aiocomet.events")
    only_ours = _WithoutGapWarnings()
    logger.addFilter(only_ours)
    try:
        yield
    finally:
        logger.removeFilter(only_ours)


async def cmd_events(args: argparse.Namespace) -> int:
    types = parse_types(args.types)
    timeouts = {} if args.timeout is None else {"connect_timeout": args.timeout}
    count = 0
    async with client_for(args) as client:
        with _gaps_told_once():
            async with client.events(
                types=types, on_gap=_gap_notice, max_attempts=args.max_attempts, **timeouts
            ) as stream:
                async for event in stream:
                    if args.json:
                        print(json.dumps(event.wire(), ensure_ascii=False), flush=True)
                    else:
                        print(event_line(event), flush=True)
                    count += 1
                    if args.limit is not None and count >= args.limit:
                        break
    return 0
