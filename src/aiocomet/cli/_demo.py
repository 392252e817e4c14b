"""``aiocomet demo``: an embedded emulator, a fleet of backup jobs, the SDK watching them live.

Everything runs in this process on 127.0.0.1: an emulator, the demo's
workload (:mod:`._demo_workload`) and an aiocomet client that follows the
event stream (with job resync after gaps) and polls running jobs for their
progress. On a terminal with rich installed (``pip install aiocomet[demo]``)
it draws a live screen and fault keys work; otherwise it prints plain lines.
Ctrl-C (or ``--duration``) ends it with a summary.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from .._event_protocol import resync_jobs
from ..client import CometClient
from ..errors import CometError
from ._demo_board import Board
from ._demo_workload import Workload, add_fleet

if TYPE_CHECKING:
    from ..testing import CometEmulator

WORK_STEP = 0.25  # seconds between workload steps
PLAIN_REFRESH = 1.0
PLAIN_STATUS_EVERY = 5  # draws: a status line every 5 s, job lines as they come
SCREEN_REFRESH = 0.5
POLL_EVERY = 1.0
POLL_MAX = 12  # running jobs polled for progress per round (the ones on screen)
RESTART_DOWN = 3.0
RICH_HINT = (
    "aiocomet demo: the live screen needs rich - pip install 'aiocomet[demo]' "
    "(showing plain lines instead)"
)


class FaultKnobs(Protocol):
    def drop_websockets(self, *, how: Any = ..., code: int = ...) -> int: ...

    def restart(self, down_for: float) -> Awaitable[None]: ...


class FaultKeys:
    """What the demo's keys do: break the stream or the server on purpose, or quit."""

    def __init__(self, faults: FaultKnobs, board: Board, stop: asyncio.Event) -> None:
        self.faults = faults
        self.board = board
        self.stop = stop
        self.restarting: asyncio.Future[None] | None = None

    def press(self, key: str) -> bool:
        """Act on one key; False if the key means nothing."""
        key = key.lower()
        if key == "d":
            n = self.faults.drop_websockets(how="abort")
            self.board.note(f"key d: server dropped {n} event stream(s) - watch the gap")
        elif key == "r":
            if self.restarting is not None and not self.restarting.done():
                self.board.note("key r: the server is already restarting")
                return True
            self.restarting = asyncio.ensure_future(self.faults.restart(RESTART_DOWN))
            self.board.note(f"key r: server restarting, down for {RESTART_DOWN:.0f} s")
        elif key == "q":
            self.stop.set()
        else:
            return False
        return True


@contextlib.contextmanager
def key_reader(on_key: Callable[[str], object]) -> Iterator[bool]:
    """Feed single key presses to ``on_key`` while stdin is a terminal; yields whether it is."""
    try:
        import termios
        import tty
    except ImportError:  # Windows: no fault keys
        yield False
        return
    fd = sys.stdin.fileno() if sys.stdin is not None else -1
    if fd < 0 or not os.isatty(fd):
        yield False
        return
    saved = termios.tcgetattr(fd)
    loop = asyncio.get_running_loop()

    def readable() -> None:
        for ch in os.read(fd, 32).decode(errors="ignore"):
            on_key(ch)

    tty.setcbreak(fd)
    loop.add_reader(fd, readable)
    try:
        yield True
    finally:
        loop.remove_reader(fd)
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


@contextlib.contextmanager
def stop_on_sigint(stop: asyncio.Event) -> Iterator[None]:
    """Ctrl-C ends the demo the normal way (with its summary), not with a traceback."""
    loop = asyncio.get_running_loop()
    try:
        loop.add_signal_handler(signal.SIGINT, stop.set)
    except (NotImplementedError, RuntimeError):  # not the main thread, or Windows
        yield
        return
    try:
        yield
    finally:
        loop.remove_signal_handler(signal.SIGINT)


class PlainOutput:
    """A line per finished job and a status line every few draws: for pipes, logs and CI."""

    def __init__(self, status_every: int = PLAIN_STATUS_EVERY) -> None:
        self._shown = 0
        self._draws = 0
        self._every = status_every

    def draw(self, board: Board) -> None:
        ended = board.completed + board.failed
        new = min(ended - self._shown, len(board.finished))
        for row in reversed(list(board.finished)[:new]):
            print(board.job_line(row))
        self._shown = ended
        if self._draws % self._every == 0:
            print(board.status_line())
        self._draws += 1
        sys.stdout.flush()


async def _every(period: float, stop: asyncio.Event, action: Callable[[], Awaitable[None]]) -> None:
    while not stop.is_set():
        await action()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(period):
                await stop.wait()


async def _device_names(client: CometClient, users: list[str]) -> dict[str, str]:
    names: dict[str, str] = {}
    for user in users:
        profile = await client.admin_get_user_profile(user)
        names.update({i: d.FriendlyName for i, d in profile.Devices.items()})
    return names


async def _poll(client: CometClient, board: Board) -> None:
    """Ask the server how far the oldest running jobs are (``AdminGetJobProperties``)."""
    oldest = sorted(board.running.values(), key=lambda r: r.started)[:POLL_MAX]
    found = await asyncio.gather(
        *(client.admin_get_job_properties(r.guid) for r in oldest), return_exceptions=True
    )
    for job in found:
        if not isinstance(job, BaseException):
            board.progress(job)


@contextlib.asynccontextmanager
async def demo_setup(
    rate: float,
) -> AsyncIterator[tuple[CometEmulator, CometClient, Workload, Board]]:
    """A running emulator with the fleet, a logged-in client, the workload and a board."""
    from ..testing import CometEmulator

    async with CometEmulator() as emu:
        devices = add_fleet(emu.state)
        async with CometClient(emu.url, emu.admin_username, emu.admin_password) as client:
            await client.login()
            board = Board(device_names=await _device_names(client, sorted(devices)))
            loop = asyncio.get_running_loop()
            yield emu, client, Workload(emu, devices, rate=rate, clock=loop.time), board


async def _watch(
    emu: CometEmulator,
    client: CometClient,
    workload: Workload,
    board: Board,
    draw: Callable[[Board, str], None],
    refresh: float,
    poll: bool,
    stop: asyncio.Event,
    duration: float | None,
) -> None:
    """The demo's tasks: follow the stream, drive the workload, redraw, poll progress."""
    where = emu.url.removeprefix("http://")

    async def on_error(error: CometError) -> None:
        board.connected = False
        board.note(f"stream error, retrying: {str(error).removeprefix('event stream: ')}")

    async def consume() -> None:
        options: dict[str, Any] = {"on_gap": board.gap, "on_error": on_error}
        async with client.events(resync=resync_jobs(), **options) as stream:
            async for event in stream:
                board.add(event)
                board.reconnects = stream.stats.reconnects

    async def work() -> None:
        workload.step()

    async def redraw() -> None:
        board.tick(refresh)
        draw(board, where)

    async def progress() -> None:
        await _poll(client, board)

    tasks = [asyncio.create_task(consume())]
    await emu.wait_for_subscribers(1)
    tasks.append(asyncio.create_task(_every(WORK_STEP, stop, work)))
    tasks.append(asyncio.create_task(_every(refresh, stop, redraw)))
    if poll:
        tasks.append(asyncio.create_task(_every(POLL_EVERY, stop, progress)))
    try:
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(duration):
                await stop.wait()
    finally:
        stop.set()
        for task in tasks:  # a poll may be waiting on a server that is down: do not wait
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


async def run_demo(
    rate: float,
    duration: float | None,
    draw: Callable[[Board, str], None],
    refresh: float,
    *,
    poll: bool = False,
    keys: bool = False,
    stop: asyncio.Event | None = None,
    on_start: Callable[[FaultKeys], None] | None = None,
) -> Board:
    """Run until ``stop`` is set (Ctrl-C, ``q``) or for ``duration`` s; returns the board.

    ``draw(board, where)`` runs every ``refresh`` s; ``on_start`` gets the fault
    keys before the run starts (tests press keys through it).
    """
    stop = stop or asyncio.Event()
    with stop_on_sigint(stop):  # from the start: Ctrl-C during setup still gets a summary
        async with demo_setup(rate) as (emu, client, workload, board):
            fault_keys = FaultKeys(emu.faults, board, stop)
            if on_start is not None:
                on_start(fault_keys)
            with key_reader(fault_keys.press) if keys else contextlib.nullcontext(False):
                await _watch(emu, client, workload, board, draw, refresh, poll, stop, duration)
            if fault_keys.restarting is not None:
                await asyncio.gather(fault_keys.restarting, return_exceptions=True)
    return board


class _LogToBoard(logging.Handler):
    """The SDK's errors go to the screen's stream log, not over the screen.

    Its warnings (connection lost, possible gap) are dropped: the demo's own
    ``on_error`` and ``on_gap`` callbacks already log them, in fewer words.
    """

    board: Board | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.board is not None:
            self.board.note(record.getMessage())


@contextlib.contextmanager
def notes_from_logs() -> Iterator[_LogToBoard]:
    logger = logging.getLogger("aiocomet")
    handler = _LogToBoard(logging.ERROR)
    saved = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.propagate = saved


async def _run_screen(args: argparse.Namespace) -> Board:
    from rich.console import Console
    from rich.live import Live

    from ._demo_screen import render

    console = Console()
    keys = sys.stdin is not None and sys.stdin.isatty()
    with Live(console=console, screen=True, auto_refresh=False) as live, notes_from_logs() as sink:

        def draw(board: Board, where: str) -> None:
            sink.board = board
            width, height = console.size
            screen = render(board, where=where, width=min(width, 80), height=height, keys=keys)
            live.update(screen)
            live.refresh()

        return await run_demo(args.rate, args.duration, draw, SCREEN_REFRESH, poll=True, keys=keys)


def _rich_available() -> bool:
    try:
        import rich  # noqa: F401
    except ImportError:
        return False
    return True


async def cmd_demo(args: argparse.Namespace) -> int:
    if not 0 < args.rate <= 100:
        raise ValueError(f"--rate must be more than 0 and at most 100 jobs/s, not {args.rate}")
    screen = sys.stdout.isatty() and not args.plain
    if screen and not _rich_available():
        print(RICH_HINT, file=sys.stderr)
        screen = False
    if screen:
        board = await _run_screen(args)
    else:
        plain = PlainOutput()
        board = await run_demo(args.rate, args.duration, lambda b, _: plain.draw(b), PLAIN_REFRESH)
    print(board.summary(), flush=True)
    return 0
