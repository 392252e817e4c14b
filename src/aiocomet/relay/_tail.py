"""Tailing one Comet server while holding its lease: gap markers, resync, live events.

A hold starts with a gap marker (a takeover, or the first holder ever): the
events between the previous holder's last sign of life and now were not
relayed. Once the websocket is subscribed (its first event, the server's
``SEVT_META_HELLO``, has arrived) the job resync replays the job events of
that window, marked ``replayed``; then live events follow. Reconnects within
the hold are gaps too, reported by the stream's ``on_gap`` and repaired by
the same resync.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from .._backoff import Backoff, Sleep, default_sleep
from .._event_protocol import Gap, JobResync
from ..client import CometClient
from ..errors import AuthenticationError, ClientClosedError, CometError, CredentialsError
from ..events import EventStream
from ._config import RelayConfig, ServerConfig
from ._entries import GapMarker, Kind, frame_of
from ._outbox import Outbox
from ._sink import Claim, RelaySink, ServerReport

__all__ = ["ServerTail", "make_client"]

log = logging.getLogger("aiocomet.relay")


def make_client(server: ServerConfig, **options: object) -> CometClient:
    """A client for one configured server; secrets are read from their references now."""
    return CometClient(
        server.url,
        server.username,
        server.password.read() if server.password else None,
        session_key=server.session_key.read() if server.session_key else None,
        totp_secret=server.totp_secret.read() if server.totp_secret else None,
        account_type=server.account_type,
        verify=server.verify,
        ca_file=server.ca_file,
        **options,  # type: ignore[arg-type]
    )


class ServerTail:
    """One hold of one server: from the takeover marker until the lease ends or stop()."""

    def __init__(
        self,
        config: RelayConfig,
        server: ServerConfig,
        client: CometClient,
        sink: RelaySink,
        claim: Claim,
        *,
        stream_backoff: Backoff | None = None,
        sleep: Sleep = default_sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.config = config
        self.server = server
        self.client = client
        self.claim = claim
        d = config.delivery
        self.outbox: Outbox = Outbox(
            sink,
            claim,
            batch_size=d.batch_size,
            max_in_flight=d.max_in_flight,
            backoff=Backoff(initial=d.retry_initial, cap=d.retry_cap, floor=0.0, jitter=0.5),
            sleep=sleep,
            clock=clock,
        )
        self._stream_backoff = stream_backoff
        self._sleep = sleep
        self._clock = clock
        self._stop = asyncio.Event()
        self._stream: EventStream | None = None
        self.connected: bool = False
        self.events: int = 0
        self.gaps: int = 0
        self.reconnects: int = 0
        self.last_event_time: int = 0
        self.replayed: int = 0

    def report(self) -> ServerReport:
        stream = self._stream
        if stream is not None:
            self.reconnects = stream.stats.reconnects
        return ServerReport(
            connected=self.connected,
            events=self.events,
            gaps=self.gaps,
            reconnects=self.reconnects,
            last_event_time=self.last_event_time,
        )

    def stop(self) -> None:
        """Stop reading; :meth:`run` then writes what is queued and returns."""
        self._stop.set()

    async def run(self) -> None:
        """Tail until stop() (then flush) or until the lease is lost (StaleLeaseError)."""
        writer = asyncio.ensure_future(self.outbox.run())
        reader = asyncio.ensure_future(self._read())
        stopper = asyncio.ensure_future(self._stop.wait())
        try:
            await asyncio.wait({writer, reader, stopper}, return_when=asyncio.FIRST_COMPLETED)
            if writer.done():
                writer.result()  # StaleLeaseError, or a bug: raised
            if reader.done():
                reader.result()
            reader.cancel()
            await asyncio.gather(reader, return_exceptions=True)
            done, _ = await asyncio.wait(
                {writer, asyncio.ensure_future(self.outbox.drained())},
                return_when=asyncio.FIRST_COMPLETED,
            )
            if writer in done:
                writer.result()
        finally:
            for task in (writer, reader, stopper):
                task.cancel()
            await asyncio.gather(writer, reader, stopper, return_exceptions=True)
            self.connected = False

    # -- reading ---------------------------------------------------------------------------

    def _takeover_gap(self) -> tuple[Gap, GapMarker]:
        claim = self.claim
        since = claim.previous_alive or claim.acquired_at
        if claim.previous:
            how = "released it" if claim.released else "stopped renewing its lease"
            reason = f"takeover by {claim.worker} (token {claim.token}): {claim.previous} {how}"
        else:
            reason = f"relay started: {claim.worker} (token {claim.token}) is the first holder"
        gap = Gap(self.client.base_url, reason, since, claim.acquired_at)
        marker = GapMarker(
            reason=reason,
            last_alive=since,
            reconnected_at=claim.acquired_at,
            holder=claim.worker,
            previous=claim.previous,
        )
        return gap, marker

    async def _read(self) -> None:
        rs = self.config.resync
        gap, marker = self._takeover_gap()
        resync = JobResync(margin=rs.margin, max_lookback=rs.max_lookback, clock=self._clock)
        resync.since = int(gap.since - rs.margin)  # nothing older than the window is replayed
        self.gaps += 1
        await self.outbox.put_gap(marker)
        options: dict[str, object] = {
            "on_gap": self._on_gap,
            "clock": self._clock,
            "keep_frames": True,  # entries carry the server's own bytes, every key kept
        }
        if rs.enabled:
            options["resync"] = resync
        if self._stream_backoff is not None:
            options["backoff"] = self._stream_backoff
        keeps = self.config.keeps
        put_many = self.outbox.put_many
        first = True
        batches = self.client.event_batches(max_batch=self.outbox.per_trip, **options)  # type: ignore[arg-type]
        async with batches:
            self._stream = batches.stream
            async for batch in batches:
                if first:  # subscribed: what the gap missed is now in job history
                    first = False
                    self.connected = True
                    if rs.enabled:
                        await self._replay(resync, gap)
                self.connected = True
                self.events += len(batch)
                for event in reversed(batch):
                    if event.Timestamp:
                        self.last_event_time = event.Timestamp
                        break
                kind: Kind = "e"
                run: list[bytes] = []
                for event in batch:
                    if not keeps(event.Type):
                        continue
                    k: Kind = "r" if event.replayed else "e"
                    if k != kind and run:
                        await put_many(kind, run)
                        run = []
                    kind = k
                    run.append(frame_of(event))
                if run:
                    await put_many(kind, run)

    async def _replay(self, resync: JobResync, gap: Gap) -> None:
        retry = 0
        while True:
            try:
                replay = await resync.replay(self.client, gap)
                break
            except (AuthenticationError, CredentialsError, ClientClosedError):
                raise
            except CometError as exc:
                log.warning(
                    "relay %s: takeover resync failed (%s); retrying", self.server.name, exc
                )
                await self._sleep(self.outbox.backoff.delay(retry))
                retry += 1
        for event in replay:
            if resync.admit(event) and self.config.keeps(event.Type):
                self.replayed += 1
                await self.outbox.put("r", frame_of(event))

    async def _on_gap(self, gap: Gap) -> None:
        self.connected = False
        self.gaps += 1
        await self.outbox.put_gap(
            GapMarker(
                reason=gap.reason,
                last_alive=gap.last_alive,
                reconnected_at=gap.reconnected_at,
                attempts=gap.attempts,
                dropped=gap.dropped,
                holder=self.claim.worker,
            )
        )
