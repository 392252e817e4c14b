"""Print the recent backup jobs (the guide's Go ``PrintRecentJobs`` task).

Shows: ``AdminGetJobsRecent`` returning typed ``BackupJobDetail`` models, and
the SDK's enums turning status and classification numbers into names. With
``--json`` the jobs are printed as indented JSON like the Go example, through
``aiocomet.models.encode`` (which keeps fields this SDK does not know).

Run::

    python examples/recent_jobs.py [--json]

Connection settings come from COMET_URL / COMET_USERNAME / COMET_PASSWORD;
without COMET_URL an embedded emulator with a few finished jobs is used.
"""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime
from typing import TextIO

import _common
import msgspec

from aiocomet import CometClient, models
from aiocomet.constants import JobClassification, JobStatus


def _name(enum: type[JobStatus] | type[JobClassification], value: int, prefix: str) -> str:
    try:
        return enum(value).name.removeprefix(prefix)
    except ValueError:
        return str(value)  # a value newer than this SDK


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024:
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} TiB"


async def run(
    client: CometClient, *, as_json: bool = False, out: TextIO | None = None
) -> list[models.BackupJobDetail]:
    """Print the jobs of the last day (and running ones), oldest first; return them."""
    out = out or sys.stdout
    jobs = sorted(await client.admin_get_jobs_recent(), key=lambda job: job.StartTime)
    if as_json:
        print(msgspec.json.format(models.encode(jobs), indent=3).decode(), file=out)
        return jobs
    print(f"{'STARTED (UTC)':<20} {'USER':<12} {'TYPE':<12} {'STATUS':<16} {'SIZE':>11}", file=out)
    for job in jobs:
        started = datetime.fromtimestamp(job.StartTime, UTC).strftime("%Y-%m-%d %H:%M:%S")
        kind = _name(JobClassification, job.Classification, "JOB_CLASSIFICATION_")
        status = _name(JobStatus, job.Status, "JOB_STATUS_")
        print(
            f"{started:<20} {job.Username:<12} {kind:<12} {status:<16} {_size(job.TotalSize):>11}",
            file=out,
        )
    print(f"{len(jobs)} recent jobs", file=out)
    return jobs


async def main() -> None:
    parser = argparse.ArgumentParser(description="Print the recent backup jobs.")
    parser.add_argument("--json", action="store_true", help="print the jobs as JSON")
    args = parser.parse_args()
    async with _common.connect() as client:
        await run(client, as_json=args.json)


if __name__ == "__main__":
    _common.run_script(main)
