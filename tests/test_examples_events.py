"""The event examples in examples/: a running summary, webhooks, several servers at once.

Each test runs an example's ``run`` function against fresh emulators, makes jobs
happen (with a dropped connection, a webhook round trip or a refused source) and
checks that every job event was counted once.
"""

from __future__ import annotations

import asyncio
import io

from aiocomet import CometClient, models
from aiocomet.testing import CometEmulator

from ._examples_helpers import EX, JOB_EVENTS, PASSWORD, WAIT, assert_no_secrets, seeded

# -- 7. events with a running summary -------------------------------------------------------------


async def test_event_summary_counts_each_job_event_once_across_a_dropped_connection() -> None:
    # No seed jobs here: resync_jobs() replays every job of the gap's window, and the window
    # reaches back before this stream existed (see JobResync.window), so earlier jobs would count.
    async with (
        CometEmulator(admins={"admin": PASSWORD}, users={"alice": "pw", "bob": "pw"}) as emu,
        CometClient(emu.url, "admin", PASSWORD) as client,
    ):
        out = io.StringIO()
        task = asyncio.create_task(
            EX["event_summary"].run(client, limit=8, types=JOB_EVENTS, every=3, out=out)
        )
        await emu.wait_for_subscribers(1, timeout=WAIT)
        emu.faults.drop_after(4)  # the connection drops after the 4 SEVT_JOB_NEW events
        await emu.simulate_jobs(4)  # so the 4 SEVT_JOB_COMPLETED come only through the resync
        summary = await asyncio.wait_for(task, WAIT)
        jobs = await client.admin_get_jobs_all()

    assert len(jobs) == 4
    assert summary.events == 8
    assert summary.per_type == {"SEVT_JOB_NEW": 4, "SEVT_JOB_COMPLETED": 4}
    assert summary.running == set()
    assert summary.succeeded + summary.failed == 4
    assert summary.uploaded == sum(job.UploadSize for job in jobs)
    assert (summary.gaps, summary.replayed) == (1, 4)
    text = out.getvalue()
    assert "connection lost" in text and "replaying missed job events" in text
    assert text.splitlines()[-3].startswith("summary: 8 events: 0 jobs running")
    assert_no_secrets(text)


# -- 8. webhooks ----------------------------------------------------------------------------------


async def test_receive_webhooks_registers_receives_and_unregisters() -> None:
    async with seeded(webhook_retries=0) as (emu, client):
        other = models.WebhookOption(URL="http://127.0.0.1:9/other", WhiteListedEventTypes=[4300])
        await client.admin_meta_webhook_options_set({"other": other})
        registered = asyncio.Event()
        out = io.StringIO()
        task = asyncio.create_task(
            EX["receive_webhooks"].run(
                client, types=JOB_EVENTS, limit=6, registered=registered, out=out
            )
        )
        await asyncio.wait_for(registered.wait(), WAIT)
        hooks = await client.admin_meta_webhook_options_get()
        mine = hooks[EX["receive_webhooks"].WEBHOOK_NAME]
        assert sorted(mine.WhiteListedEventTypes or []) == sorted(JOB_EVENTS)
        assert mine.CustomHeaders  # the shared secret travels in a header
        before = {job.GUID for job in await client.admin_get_jobs_all()}
        await emu.simulate_jobs(3)
        counts = await asyncio.wait_for(task, WAIT)

        assert counts == {"SEVT_JOB_NEW": 3, "SEVT_JOB_COMPLETED": 3}
        new = {job.GUID for job in await client.admin_get_jobs_all()} - before
        lines = [line for line in out.getvalue().splitlines() if line.startswith("SEVT_JOB")]
        assert {line.split("resource=")[1].split()[0] for line in lines} == new
        assert all("tracing-id=" in line and not line.endswith("=") for line in lines)
        # unregistered again; the other webhook is as it was
        after = await client.admin_meta_webhook_options_get()
        assert list(after) == ["other"] and after["other"].URL == other.URL
        assert_no_secrets(out.getvalue(), *(mine.CustomHeaders or {}).values())


# -- 9. several servers at once -------------------------------------------------------------------


async def test_merge_servers_counts_per_server_and_survives_a_failing_source() -> None:
    async with (
        seeded() as (emu_a, client_a),
        seeded() as (emu_b, client_b),
        CometClient(emu_b.url, "admin", "wrong password") as refused,
    ):
        out = io.StringIO()
        task = asyncio.create_task(
            EX["merge_servers"].run(
                [client_a, client_b, refused], limit=8, types=JOB_EVENTS, out=out
            )
        )
        await emu_a.wait_for_subscribers(1, timeout=WAIT)
        await emu_b.wait_for_subscribers(1, timeout=WAIT)
        await emu_a.simulate_jobs(2)
        await emu_b.simulate_jobs(2)
        per_server = await asyncio.wait_for(task, WAIT)

        assert per_server == {emu_a.url: 4, emu_b.url: 4}
        text = out.getvalue()
        assert f"{emu_b.url}: stream stopped for good" in text
        assert f"{emu_a.url}: 4 events" in text and f"{emu_b.url}: 4 events" in text
        assert_no_secrets(text, "wrong password")
