"""``aiocomet events``: tail a server's live events."""

from __future__ import annotations

import argparse
import json
import sys

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


def _gap_notice(gap: Gap) -> None:
    print(
        f"aiocomet: reconnected to {gap.server} after {gap.reason}; events between "
        f"{gap.last_alive:.0f} and {gap.reconnected_at:.0f} may have been missed",
        file=sys.stderr,
        flush=True,
    )


async def cmd_events(args: argparse.Namespace) -> int:
    types = parse_types(args.types)
    if args.max_attempts is not None and args.max_attempts < 1:
        raise UsageError("--max-attempts must be at least 1")
    count = 0
    async with client_for(args) as client:
        async with client.events(
            types=types, on_gap=_gap_notice, max_attempts=args.max_attempts
        ) as stream:
            async for event in stream:
                if args.json:
                    print(json.dumps(event.wire(), ensure_ascii=False), flush=True)
                else:
                    print(event_line(event), flush=True)
                count += 1
                if args.limit and count >= args.limit:
                    break
    return 0
