"""``aiocomet demo`` end to end: a real process in a pipe, Ctrl-C, and a fault key mid-run."""

from __future__ import annotations

import asyncio
import io
import os
import signal
import sys

import pytest
from rich.console import Console

from aiocomet.cli import main
from aiocomet.cli._demo import RICH_HINT, FaultKeys, run_demo
from aiocomet.cli._demo_board import Board
from aiocomet.cli._demo_screen import render

BOUND = 60.0  # seconds: a hung demo fails the test instead of hanging the suite


def is_job_line(line: str) -> bool:
    return line.split()[1:2] in (["ok"], ["FAIL"], ["WARN"])


async def test_plain_mode_in_a_pipe_prints_lines_and_a_summary_on_ctrl_c() -> None:
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "aiocomet",
        "demo",
        "--rate",
        "20",
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stdout is not None
    lines: list[str] = []
    try:
        async with asyncio.timeout(BOUND):
            # wait for a status line and the line of a finished job
            while not (any("events=" in s for s in lines) and any(map(is_job_line, lines))):
                line = (await proc.stdout.readline()).decode()
                assert line, f"the demo ended early: {lines}"
                lines.append(line.rstrip("\n"))
            proc.send_signal(signal.SIGINT)
            out, err = await proc.communicate()
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
    assert proc.returncode == 0, err.decode()
    rest = out.decode().splitlines()
    assert "\x1b" not in "".join(lines + rest)  # plain text: no escape sequences in a pipe
    summary = rest[rest.index(next(s for s in rest if s.startswith("demo summary: ran"))) :]
    assert len(summary) == 5 and max(len(s) for s in summary) <= 80
    assert "events" in summary[1] and "completed" in summary[2] and "gaps" in summary[4]
    assert "Traceback" not in err.decode()


async def test_drop_key_mid_run_shows_a_gap_a_reconnect_and_replayed_jobs() -> None:
    stop = asyncio.Event()
    pressed: list[str] = []
    keys: list[FaultKeys] = []
    screens: list[str] = []

    def draw(board: Board, where: str) -> None:
        if not pressed and board.running and board.connected:
            pressed.append("d")
            keys[0].press("d")
        if pressed and board.reconnects and board.replayed:
            console = Console(width=80, file=io.StringIO(), record=True)
            console.print(render(board, where=where))
            screens.append(console.export_text())
            stop.set()

    async with asyncio.timeout(BOUND):
        board = await run_demo(20, None, draw, 0.05, poll=True, stop=stop, on_start=keys.append)
    assert board.gaps == 1 and board.reconnects == 1 and board.replayed >= 1
    assert any("dropped 1 event stream" in note for note in board.notes)
    assert any("gap (connection lost" in note for note in board.notes)
    text = screens[-1]
    assert "gaps 1  reconnects 1" in text and "replayed after a gap" in text
    assert max(len(line) for line in text.splitlines()) <= 80


async def test_running_jobs_get_progress_from_polls() -> None:
    stop = asyncio.Event()

    def draw(board: Board, _: str) -> None:
        if any(0 < row.fraction < 1 for row in board.running.values()):
            stop.set()

    async with asyncio.timeout(BOUND):
        board = await run_demo(5, None, draw, 0.05, poll=True, stop=stop)
    assert any(0 < row.fraction < 1 for row in board.running.values())


def test_a_terminal_without_rich_gets_a_hint_and_plain_lines(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "rich", None)  # import rich -> ImportError
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["demo", "--duration", "1.2", "--rate", "5"]) == 0
    out, err = capsys.readouterr()
    assert RICH_HINT in err and "pip install 'aiocomet[demo]'" in err
    assert "events=" in out and "demo summary: ran" in out


@pytest.mark.parametrize("rate", ["0", "-1", "1000"])
def test_bad_rate_is_a_clear_error(rate: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--rate", rate, "--duration", "1"]) != 0
    assert "--rate must be more than 0 and at most 100 jobs/s" in capsys.readouterr().err
