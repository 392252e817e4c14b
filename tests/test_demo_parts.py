"""The demo's parts without a network: the board, the workload, the screen, the fault keys."""

from __future__ import annotations

import asyncio
import io
import random
from typing import Any

import pytest
from rich.console import Console

from aiocomet import constants as c
from aiocomet import models as m
from aiocomet._event_model import make_event
from aiocomet.cli._demo import FaultKeys, PlainOutput
from aiocomet.cli._demo_board import Board, duration, sparkline
from aiocomet.cli._demo_screen import KEYS, NO_KEYS, render
from aiocomet.cli._demo_workload import FLEET, GIB, MIB, Workload, add_fleet
from aiocomet.events import Event, Gap
from aiocomet.testing import CometEmulator

NOW = 1_780_000_000.0


class Clock:
    def __init__(self, now: float = NOW) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def job(guid: str, status: int = c.JOB_STATUS_RUNNING_ACTIVE, **fields: Any) -> m.BackupJobDetail:
    values: dict[str, Any] = {
        "GUID": guid,
        "Username": "alice",
        "DeviceID": "dev-1",
        "Classification": c.JOB_CLASSIFICATION_BACKUP,
        "StartTime": int(NOW) - 30,
        "TotalSize": 100 * GIB,
        "Status": status,
    }
    values.update(fields)
    return m.BackupJobDetail(**values)


def event(kind: int, data: Any, *, replayed: bool = False) -> Event:
    return make_event(kind, data, timestamp=int(NOW), replayed=replayed)


def finished(guid: str, status: int, **fields: Any) -> Event:
    fields.setdefault("EndTime", int(NOW))
    return event(c.SEVT_JOB_COMPLETED, job(guid, status, **fields))


def busy_board(running: int = 15, done: int = 12) -> Board:
    board = Board(device_names={"dev-1": "laptop"}, clock=Clock(NOW))
    board.started = NOW - 754
    for i in range(running):
        board.add(event(c.SEVT_JOB_NEW, job(f"run-{i}", StartTime=int(NOW) - 10 * i)))
        board.progress(job(f"run-{i}", Progress=m.BackupJobProgress(BytesDone=(i % 10) * 10 * GIB)))
    statuses = [c.JOB_STATUS_STOP_SUCCESS, c.JOB_STATUS_FAILED_ERROR, c.JOB_STATUS_FAILED_WARNING]
    for i in range(done):
        board.add(finished(f"done-{i}", statuses[i % 3], UploadSize=300 * MIB))
    for _ in range(70):
        board.tick(1.0)
    return board


# -- the board ----------------------------------------------------------------------------


def test_board_tells_completed_from_failed_and_warnings() -> None:
    board = Board(device_names={"dev-1": "laptop"}, clock=Clock())
    for guid in ("a", "b", "c", "d"):
        board.add(event(c.SEVT_JOB_NEW, job(guid)))
    assert len(board.running) == 4
    board.add(finished("a", c.JOB_STATUS_STOP_SUCCESS, UploadSize=2 * GIB))
    board.add(finished("b", c.JOB_STATUS_FAILED_ERROR, UploadSize=MIB))
    board.add(finished("c", c.JOB_STATUS_FAILED_WARNING))
    assert (board.completed, board.failed, board.warnings) == (1, 2, 1)
    assert board.sent == 2 * GIB + MIB
    assert sorted(board.running) == ["d"]
    assert [r.guid for r in board.finished] == ["c", "b", "a"]
    assert board.finished[2].status_text() == "2.0 GiB sent"
    assert board.finished[1].status_text() == "error"
    line = board.job_line(board.finished[1])
    assert "FAIL alice  laptop      backup" in line and "0:30" in line
    assert "WARN" in board.job_line(board.finished[0])


def test_board_counts_replayed_events_and_gaps() -> None:
    board = Board(clock=Clock())
    board.add(event(c.SEVT_JOB_NEW, job("a")))
    board.gap(
        Gap(server="x", reason="connection lost: reset", last_alive=NOW - 2, reconnected_at=NOW)
    )
    board.add(event(c.SEVT_JOB_COMPLETED, job("a", c.JOB_STATUS_STOP_SUCCESS), replayed=True))
    assert (board.gaps, board.replayed, board.completed) == (1, 1, 1)
    assert "2.0 s gap (connection lost)" in board.notes[-1]
    assert board.finished[0].replayed and "(replayed)" in board.job_line(board.finished[0])


def test_board_progress_comes_from_polls_and_never_goes_back() -> None:
    board = Board(clock=Clock())
    board.add(event(c.SEVT_JOB_NEW, job("a")))
    board.progress(job("a", Progress=m.BackupJobProgress(BytesDone=40 * GIB)))
    assert board.running["a"].fraction == pytest.approx(0.4)
    board.progress(job("a", Progress=m.BackupJobProgress(BytesDone=10 * GIB)))
    assert board.running["a"].fraction == pytest.approx(0.4)
    board.progress(job("unknown", Progress=m.BackupJobProgress(BytesDone=1)))
    assert list(board.running) == ["a"]


def test_rate_is_sampled_per_second_and_smoothed() -> None:
    board = Board(clock=Clock())
    for _ in range(10):
        board.add(event(c.SEVT_META_HELLO, None))
    board.tick(0.5)
    assert not board.rates  # half a second is not a sample yet
    board.tick(0.5)
    assert list(board.rates) == [10.0]
    board.tick(1.0)
    assert list(board.rates) == [10.0, 0.0] and board.rate == 5.0
    assert "events=10 rate=5.0/s running=0 completed=0 failed=0" in board.status_line()


def test_sparkline_and_durations() -> None:
    assert sparkline([0, 1, 2, 4, 8], 10) == "▁▂▃▅█"
    assert sparkline([5.0] * 100, 20) == "█" * 20
    assert sparkline([0, 0], 5) == "▁▁"
    assert [duration(s) for s in (7, 750, 3723, -1)] == ["0:07", "12:30", "1:02:03", "0:00"]


def test_summary_says_everything_in_80_columns() -> None:
    board = busy_board()
    text = board.summary()
    assert text.startswith("demo summary: ran 12:34")
    assert "4 completed, 8 failed (4 with warnings), 15 still running" in text
    assert "2 gaps" not in text and "0 gaps, 0 reconnects" in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_plain_output_prints_each_finished_job_once(capsys: pytest.CaptureFixture[str]) -> None:
    board, plain = busy_board(running=1, done=3), PlainOutput(status_every=2)
    for _ in range(3):
        plain.draw(board)
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 5 and [i for i, line in enumerate(out) if "events=" in line] == [3, 4]
    assert [line.split()[1] for line in out[:3]] == ["ok", "FAIL", "WARN"]  # oldest first


# -- the screen ---------------------------------------------------------------------------


def screen(board: Board, width: int = 80, height: int = 24) -> list[str]:
    console = Console(
        width=width, height=height, file=io.StringIO(), record=True, color_system="truecolor"
    )
    console.print(render(board, where="127.0.0.1:8060", width=width, height=height))
    return console.export_text().rstrip("\n").split("\n")


def test_screen_fits_80_by_24_and_shows_the_jobs() -> None:
    lines = screen(busy_board())
    assert len(lines) <= 24
    assert max(len(line) for line in lines) <= 80
    text = "\n".join(lines)
    assert lines[0].startswith("aiocomet demo · Comet Server emulator on 127.0.0.1:8060")
    assert "up 12:34" in lines[0]
    assert "✓ 4 completed  ✗ 8 failed (4 with warnings)  15 running  3.5 GiB sent" in text
    assert "running jobs (15)" in text and "… and" in text
    header = next(line for line in lines if "progress" in line)
    assert all(col in header for col in ("user", "device", "type", "progress", "time"))
    oldest = next(line for line in lines if "2:20" in line)  # run-14 started 140 s ago
    assert "alice" in oldest and "laptop" in oldest and "backup" in oldest and "40%" in oldest
    assert "100.0 GiB" in oldest
    assert "✓" in text and "✗" in text and "!" in text
    assert lines[-1] == KEYS
    console = Console(width=80, file=io.StringIO(), record=True)
    console.print(render(busy_board(), where="x", keys=False))
    assert console.export_text().rstrip("\n").split("\n")[-1] == NO_KEYS


def test_screen_uses_the_height_it_gets() -> None:
    board = busy_board(running=40, done=20)
    for height in (24, 40):
        lines = screen(board, height=height)
        assert height - 3 <= len(lines) <= height
        assert max(len(line) for line in lines) <= 80
    few = screen(busy_board(running=2, done=1))
    assert len(few) <= 24 and sum("alice" in line for line in few) == 3


def test_screen_shows_gaps_and_colours() -> None:
    board = busy_board(running=2, done=0)
    board.gap(
        Gap(
            server="x",
            reason="closed by the server (code 1012)",
            last_alive=NOW - 4,
            reconnected_at=NOW,
        )
    )
    board.reconnects = 1
    console = Console(width=80, file=io.StringIO(), record=True, color_system="truecolor")
    console.print(render(board, where="here"))
    styled = console.export_text(styles=True, clear=False)
    assert "\x1b[" in styled  # coloured
    text = console.export_text()
    assert "gaps 1  reconnects 1" in text
    assert "4.0 s gap (closed by the server (code 1012))" in text


# -- the fault keys -----------------------------------------------------------------------


class RecordingFaults:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.restarting = asyncio.Event()
        self.release = asyncio.Event()

    def drop_websockets(self, *, how: Any = "close", code: int = 1000) -> int:
        self.calls.append(("drop", how))
        return 1

    async def restart(self, down_for: float) -> None:
        self.calls.append(("restart", down_for))
        self.restarting.set()
        await self.release.wait()


async def test_fault_keys() -> None:
    faults, board, stop = RecordingFaults(), Board(clock=Clock()), asyncio.Event()
    keys = FaultKeys(faults, board, stop)
    assert keys.press("d")
    assert faults.calls == [("drop", "abort")] and "dropped 1 event stream" in board.notes[-1]
    assert keys.press("R") and keys.restarting is not None
    first = keys.restarting
    await faults.restarting.wait()
    assert keys.press("r")  # a second r while restarting does not stack restarts
    assert keys.restarting is first and faults.calls[1:] == [("restart", 3.0)]
    assert "already restarting" in board.notes[-1]
    faults.release.set()
    await keys.restarting
    assert not keys.press("x") and not stop.is_set()
    assert keys.press("q") and stop.is_set()


# -- the workload -------------------------------------------------------------------------


class Recorder:
    """An emulator's state and a publish that records instead of sending."""

    def __init__(self) -> None:
        self.emu = CometEmulator()
        self.published: list[tuple[int, m.BackupJobDetail]] = []

    @property
    def state(self) -> Any:
        return self.emu.state

    def publish(self, event_type: int, data: Any = None, **_: Any) -> None:
        self.published.append((event_type, data))


def test_workload_runs_watchable_jobs_of_realistic_size() -> None:
    server, clock = Recorder(), Clock(0.0)
    devices = add_fleet(server.state)
    assert sorted(devices) == sorted(FLEET)
    workload = Workload(server, devices, rate=0.5, clock=clock, rng=random.Random(7))
    seen_running: list[int] = []
    while clock.now <= 45.0:  # the CI run is 45 s
        workload.step()
        seen_running.append(len(workload.running))
        clock.now += 0.25
    workload.starting = False
    while workload.running:  # let every job end
        workload.step()
        clock.now += 0.25
    new = [j for t, j in server.published if t == c.SEVT_JOB_NEW]
    done = [j for t, j in server.published if t == c.SEVT_JOB_COMPLETED]
    assert 10 <= len(new) <= 45 and sorted(j.GUID for j in new) == sorted(j.GUID for j in done)
    assert max(seen_running) >= 4 and len(set(seen_running)) > 3  # the running count moves
    sent = sum(j.UploadSize + j.DownloadSize for j in done)
    assert 100 * MIB < sent < 100 * GIB  # not 21.5 TiB
    assert all(j.UploadSize <= 60 * MIB * 45 for j in done)
    assert any(j.Status == c.JOB_STATUS_STOP_SUCCESS for j in done)
    for j in done:
        stored = server.state.job(j.GUID)
        assert stored.Status == j.Status and stored.EndTime >= stored.StartTime
        assert j.DeviceID in devices[j.Username]
        profile = server.state.profile(j.Username)
        assert profile["Devices"][j.DeviceID]["FriendlyName"] in FLEET[j.Username]


def test_workload_moves_progress_in_the_job_table() -> None:
    server, clock = Recorder(), Clock(0.0)
    workload = Workload(
        server, add_fleet(server.state), rate=0.01, clock=clock, rng=random.Random(1)
    )
    workload.step()
    (guid,) = workload.running
    seconds = workload.running[guid].seconds
    clock.now = seconds / 2
    workload.step()
    half = server.state.job(guid)
    assert half.Status == c.JOB_STATUS_RUNNING_ACTIVE
    assert half.Progress is not None
    assert half.Progress.BytesDone == pytest.approx(half.TotalSize / 2, rel=0.05)


def test_workload_refuses_a_rate_of_zero() -> None:
    with pytest.raises(ValueError, match="rate must be positive"):
        Workload(Recorder(), {}, rate=0, clock=Clock())
