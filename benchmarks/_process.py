"""Child processes of the suite: servers on 127.0.0.1 and one-shot measurements.

Every child is started with this interpreter, bounded in time, and killed
(SIGTERM, then SIGKILL) when its ``async with`` block ends, whatever happens.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import Any

START_TIMEOUT = 30.0
STOP_TIMEOUT = 5.0
ROOT = Path(__file__).resolve().parent.parent  # children import ``benchmarks`` from here


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is None:
        with contextlib.suppress(ProcessLookupError):
            proc.terminate()
        try:
            await asyncio.wait_for(proc.wait(), STOP_TIMEOUT)
        except TimeoutError:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()


@contextlib.asynccontextmanager
async def server(args: Sequence[str], *, ready: str) -> AsyncIterator[str]:
    """Start ``python args...``; yield the first stdout line that contains ``ready``."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        cwd=ROOT,
    )
    try:
        assert proc.stdout is not None
        async with asyncio.timeout(START_TIMEOUT):
            while True:
                line = (await proc.stdout.readline()).decode()
                if not line:
                    raise RuntimeError(f"server {' '.join(args)} exited before it was ready")
                if ready in line:
                    break
        drain = asyncio.ensure_future(_discard(proc.stdout))
        try:
            yield line.strip()
        finally:
            drain.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await drain
    finally:
        await _stop(proc)


async def _discard(stream: asyncio.StreamReader) -> None:
    while await stream.read(1 << 16):
        pass


async def run_json(args: Sequence[str], *, timeout: float) -> dict[str, Any]:
    """Run ``python args...`` to completion; its last stdout line is a JSON object."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        *args,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=ROOT,
    )
    try:
        out, err = await asyncio.wait_for(proc.communicate(), timeout)
    finally:
        await _stop(proc)
    if proc.returncode != 0:
        raise RuntimeError(
            f"{' '.join(args)} failed with exit code {proc.returncode}: "
            f"{err.decode(errors='replace')[-2000:]}"
        )
    result: dict[str, Any] = json.loads(out.decode().strip().splitlines()[-1])
    return result
