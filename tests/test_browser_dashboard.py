"""The realtime dashboard (examples/dashboard) in a real headless Chromium, and its board.

The page must show a job the emulator starts, the jobs the simulator runs,
and a gap the emulator causes (a dropped websocket) with the remedial sync's
replayed jobs marked. A screenshot goes to ``artifacts/dashboard.png``.
"""

from __future__ import annotations

import asyncio
import io
import sys
from pathlib import Path

import pytest

from aiocomet import CometClient, Gap
from aiocomet.constants import JOB_CLASSIFICATION_BACKUP, JOB_STATUS_RUNNING_ACTIVE, SEVT_JOB_NEW
from aiocomet.models import BackupJobDetail, BackupJobProgress
from aiocomet.testing import CometEmulator

from ._chromium import WAIT, Chromium, example_server, serving

in_module_loop = pytest.mark.asyncio(loop_scope="module")  # the loop of the shared Chromium

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE_DIR = ROOT / "examples" / "dashboard"
SCREENSHOT = ROOT / "artifacts" / "dashboard.png"
sys.path.insert(0, str(EXAMPLE_DIR))
import board  # noqa: E402
import dashboard  # noqa: E402

ADMIN_PW = "dash-admin-pw-51c2"


def text_of(element_id: str) -> str:
    return f"document.getElementById({element_id!r}).textContent"


@in_module_loop
async def test_the_page_shows_jobs_gaps_and_the_replayed_jobs(chromium: Chromium) -> None:
    out = io.StringIO()
    async with (
        CometEmulator(admins={"admin": ADMIN_PW}, users={"alice": "pw", "bob": "pw"}) as emu,
        CometClient(emu.url, "admin", ADMIN_PW) as client,
        serving(dashboard.make_app(dashboard.Dashboard([client], out=out))) as (url,),
        chromium.page() as page,
    ):
        await page.goto(url)
        await emu.wait_for_subscribers(1, timeout=WAIT)
        await page.wait_for(f"{text_of('streams')}.includes(': connected')")

        # a job the emulator starts (and keeps running): listed with its progress
        now = int(emu.state.now())
        emu.publish(
            SEVT_JOB_NEW,
            BackupJobDetail(
                GUID="long-running-job",
                Username="alice",
                Classification=JOB_CLASSIFICATION_BACKUP,
                Status=JOB_STATUS_RUNNING_ACTIVE,
                StartTime=now,
                Progress=BackupJobProgress(ItemsDone=5, ItemsTotal=10, BytesDone=2**30),
            ),
            resource_id="long-running-job",
            actor="alice",
        )
        await page.wait_for(f"{text_of('running')}.includes('long-running-job')")
        assert "5 / 10 items" in await page.evaluate(text_of("running"))
        assert await page.evaluate(text_of("running-count")) == "1"

        # jobs the simulator runs: counted per minute and listed as finished
        await emu.simulate_jobs(3)
        guids = [job.GUID for job in await client.admin_get_jobs_all()]
        assert len(guids) == 3
        checks = " && ".join(f"{text_of('recent')}.includes({g!r})" for g in guids)
        await page.wait_for(checks)
        await page.wait_for(
            "window.dashboard.last.per_minute.reduce((n, m) => n + m.completed + m.failed, 0) === 3"
        )

        # a gap: the connection drops after the next two SEVT_JOB_NEW, so the two
        # completions arrive only through the remedial sync, marked as replayed
        emu.faults.drop_after(2)
        await emu.simulate_jobs(2)
        missed = [job.GUID for job in await client.admin_get_jobs_all() if job.GUID not in guids]
        await page.wait_for(f"{text_of('gap-count')} === '1'")
        await page.wait_for(f"{text_of('replayed')} === '2'")
        replayed = " && ".join(
            f"window.dashboard.last.recent.some(j => j.guid === {g!r} && j.replayed)"
            for g in missed
        )
        await page.wait_for(replayed)
        await page.wait_for(f"{text_of('streams')}.includes('1 reconnects')")
        assert "replayed" in await page.evaluate(text_of("recent"))
        assert "long-running-job" in await page.evaluate(text_of("running"))
        assert "gap (" in out.getvalue()
        await page.screenshot(SCREENSHOT)
        assert page.errors == []
    assert SCREENSHOT.read_bytes().startswith(b"\x89PNG")


@in_module_loop
async def test_the_example_runs_against_its_embedded_emulator(chromium: Chromium) -> None:
    async with (
        example_server(EXAMPLE_DIR / "dashboard.py") as (example, url),
        chromium.page() as page,
    ):
        await page.goto(url)
        # the embedded emulator runs jobs continuously: some finish within the bound
        await page.wait_for("window.dashboard.last && window.dashboard.last.recent.length > 0")
        await page.wait_for(f"{text_of('conn')} === 'live'")
    assert example.proc.returncode == 130  # Ctrl-C
    assert "Traceback" not in example.stderr and "Warning" not in example.stderr


def test_the_board_counts_per_minute_on_its_clock_and_lists_gaps() -> None:
    now = [3600.0 * 24]
    b = board.Board(clock=lambda: now[0])
    empty = b.snapshot()
    assert len(empty["per_minute"]) == board.MINUTES
    assert empty["per_minute"][-1]["minute"] == now[0]
    b.gap(Gap(server="s1", reason="connection closed", last_alive=10.0, reconnected_at=12.5))
    now[0] += 61
    snap = b.snapshot()
    assert snap["per_minute"][-1]["minute"] == now[0] - 1  # the window moved with the clock
    assert snap["gap_count"] == 1
    assert snap["gaps"] == [
        {
            "server": "s1",
            "reason": "connection closed",
            "since": 10.0,
            "reconnected": 12.5,
            "seconds": 2.5,
        }
    ]


async def test_the_board_folds_events_from_a_real_stream() -> None:
    async with (
        CometEmulator(admins={"admin": ADMIN_PW}, users={"alice": "pw"}) as emu,
        CometClient(emu.url, "admin", ADMIN_PW) as client,
        client.events(types=dashboard.JOB_EVENTS) as stream,
    ):
        b = board.Board(clock=emu.state.now)
        events = aiter(stream)
        first = asyncio.ensure_future(anext(events))
        await emu.wait_for_subscribers(1, timeout=WAIT)
        await emu.simulate_jobs(2)
        async with asyncio.timeout(WAIT):
            seen = [await first] + [await anext(events) for _ in range(3)]
        assert all(b.add(event) for event in seen)
        jobs = await client.admin_get_jobs_all()
    snap = b.snapshot()
    assert snap["running_count"] == 0
    assert {j["guid"] for j in snap["recent"]} == {job.GUID for job in jobs}
    failed = sum(board.failed(job.Status) for job in jobs)
    assert sum(m["failed"] for m in snap["per_minute"]) == failed
    assert sum(m["completed"] for m in snap["per_minute"]) == 2 - failed
    assert snap["events"] == 4 and snap["replayed"] == 0
