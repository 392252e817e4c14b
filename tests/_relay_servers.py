"""Several emulated Comet Servers in one process, for the relay's chaos test.

``python -m tests._relay_servers COUNT RATE`` starts COUNT emulators, each
running simulated backup jobs at RATE jobs/s, and prints one JSON line with
their URLs. Commands on standard input, one per line: ``stop-jobs`` stops
every simulation and answers ``stopped`` once their last events are sent;
end of input stops the process.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sys

from aiocomet.testing import CometEmulator


async def main(count: int, rate: float) -> None:
    async with contextlib.AsyncExitStack() as stack:
        emus = [await stack.enter_async_context(CometEmulator()) for _ in range(count)]
        jobs = [emu.simulate_jobs(None, rate=rate) for emu in emus]
        print(json.dumps({"urls": [emu.url for emu in emus]}), flush=True)
        loop = asyncio.get_running_loop()
        reader = asyncio.StreamReader()
        await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
        while line := (await reader.readline()).strip():
            if line == b"stop-jobs":
                for job in jobs:
                    job.cancel()
                await asyncio.gather(*jobs, return_exceptions=True)
                print("stopped", flush=True)


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]), float(sys.argv[2])))
