"""The demo's terminal screen, drawn with rich (the optional ``demo`` extra).

Only this module imports rich: without it the demo prints plain lines.
Everything is sized for an 80-column terminal and cut to the screen height.
"""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.progress_bar import ProgressBar
from rich.table import Table
from rich.text import Text

from ._demo_board import Board, JobRow, clock_time, duration, sparkline
from ._format import human_size

KEYS = "d drop stream · r restart server 3 s · q quit"
NO_KEYS = "Ctrl-C quits (fault keys need stdin to be this terminal)"
NOTES = 3  # lines of stream log at the bottom
_OUTCOME_STYLE = {"success": "green", "failed": "red"}


def _header(where: str, board: Board) -> Text:
    return Text.assemble(
        ("aiocomet demo", "bold cyan"),
        f" · Comet Server emulator on {where} · up {duration(board.uptime())}",
        no_wrap=True,
        overflow="ellipsis",
    )


def _totals(board: Board, width: int) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=7, style="dim", no_wrap=True)
    grid.add_column(no_wrap=True, overflow="ellipsis")
    spark = sparkline(list(board.rates), max(width - 32, 10))
    grid.add_row(
        "events",
        Text.assemble((f"{board.events:>7}", "bold"), f" {board.rate:6.1f}/s  ", (spark, "cyan")),
    )
    warn = f" ({board.warnings} with warnings)" if board.warnings else ""
    grid.add_row(
        "jobs",
        Text.assemble(
            ("✓ ", "green"),
            (f"{board.completed}", "bold green"),
            " completed  ",
            ("✗ ", "red"),
            (f"{board.failed}", "bold red"),
            f" failed{warn}  ",
            (f"{len(board.running)}", "bold"),
            " running  ",
            (human_size(board.sent), "bold"),
            " sent",
        ),
    )
    state = ("● live", "bold green") if board.connected else ("○ reconnecting", "bold yellow")
    alert = "bold yellow"
    grid.add_row(
        "stream",
        Text.assemble(
            state,
            "  gaps ",
            (str(board.gaps), alert if board.gaps else "bold"),
            "  reconnects ",
            (str(board.reconnects), alert if board.reconnects else "bold"),
            "  replayed ",
            (str(board.replayed), "bold"),
        ),
    )
    return grid


def _running(board: Board, rows: int, now: float) -> Table:
    table = Table(box=None, padding=(0, 1), header_style="bold", expand=False)
    table.add_column("user", width=6, no_wrap=True)
    table.add_column("device", width=11, no_wrap=True)
    table.add_column("type", width=9, no_wrap=True)
    table.add_column("progress", width=22, no_wrap=True)
    table.add_column("of", width=9, justify="right", no_wrap=True)
    table.add_column("time", width=7, justify="right", no_wrap=True)
    jobs = sorted(board.running.values(), key=lambda r: r.started)
    for row in jobs[:rows]:
        bar = ProgressBar(total=1.0, completed=row.fraction, width=16)
        table.add_row(
            row.user,
            row.device,
            row.kind,
            _bar_cell(row, bar),
            human_size(row.total),
            duration(now - row.started),
        )
    if len(jobs) > rows:
        table.add_row("", "", "", Text(f"… and {len(jobs) - rows} more", "dim"), "", "")
    return table


def _bar_cell(row: JobRow, bar: ProgressBar) -> Table:
    cell = Table.grid(padding=(0, 1))
    cell.add_column(width=16)
    cell.add_column(width=4, justify="right")
    cell.add_row(bar, f"{row.fraction:.0%}")
    return cell


def _finished(board: Board, rows: int) -> Table:
    table = Table(box=None, padding=(0, 1), show_header=False)
    table.add_column(width=8, no_wrap=True)
    table.add_column(width=1, no_wrap=True)
    table.add_column(width=6, no_wrap=True)
    table.add_column(width=11, no_wrap=True)
    table.add_column(width=9, no_wrap=True)
    table.add_column(width=7, justify="right", no_wrap=True)
    table.add_column(width=21, no_wrap=True)
    for row in list(board.finished)[:rows]:
        style = "yellow" if row.warned else _OUTCOME_STYLE.get(row.outcome, "yellow")
        mark = "✓" if row.outcome == "success" else "!" if row.warned else "✗"
        status = row.status_text() + (" ↺" if row.replayed else "")
        table.add_row(
            clock_time(row.ended),
            Text(mark, style),
            row.user,
            row.device,
            row.kind,
            duration(row.ended - row.started),
            Text(status, style),
        )
    return table


def render(
    board: Board, *, where: str, width: int = 80, height: int = 24, keys: bool = True
) -> RenderableType:
    """The whole screen for a terminal of ``width`` x ``height``."""
    free = max(height - 12 - NOTES, 5)  # lines left for the two job lists
    space = free - max(free // 3, 2)
    run_rows = len(board.running) if len(board.running) <= space else space - 1
    done_rows = free - min(len(board.running), space)
    now = board.clock()
    notes = list(board.notes)[-NOTES:] or ["stream connected, no gaps yet"]
    notes += [""] * (NOTES - len(notes))  # the keys line stays put
    log = Text("\n".join(notes), "yellow" if board.notes else "dim")
    log.no_wrap, log.overflow = True, "ellipsis"
    return Group(
        _header(where, board),
        _totals(board, width),
        Panel(
            _running(board, run_rows, now),
            title=f"running jobs ({len(board.running)})",
            title_align="left",
            width=width,
            padding=(0, 0),
        ),
        Panel(
            _finished(board, done_rows),
            title="finished  ✓ completed  ! warnings  ✗ failed  ↺ replayed after a gap",
            title_align="left",
            width=width,
            padding=(0, 0),
        ),
        log,
        Text(KEYS if keys else NO_KEYS, "dim"),
    )
