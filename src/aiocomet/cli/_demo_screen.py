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
_OUTCOME_STYLE = {"success": "green", "failed": "red"}


def _header(board: Board, where: str) -> Text:
    state = Text("● live", "bold green") if board.connected else Text("○ reconnecting", "yellow")
    title = Text.assemble(
        ("aiocomet demo", "bold cyan"), f"  {where}  up {duration(board.uptime())}  "
    )
    return Text.assemble(title, state)


def _totals(board: Board, width: int) -> Table:
    rate = board.rates[-1] if board.rates else 0.0
    grid = Table.grid(padding=(0, 2))
    grid.add_column(no_wrap=True)
    grid.add_column(no_wrap=True)
    spark = sparkline(list(board.rates), max(width - 36, 10))
    grid.add_row(
        Text.assemble(("events ", "dim"), (f"{board.events:>7}", "bold"), f" {rate:5.1f}/s"),
        Text(spark, "cyan"),
    )
    warn = f" ({board.warnings} warn)" if board.warnings else ""
    grid.add_row(
        Text.assemble(
            ("done ", "dim"), (f"{board.completed}", "bold green"), ("  failed ", "dim"),
            (f"{board.failed}", "bold red"), warn,
        ),
        Text.assemble(
            ("sent ", "dim"), human_size(board.sent), ("  gaps ", "dim"),
            (str(board.gaps), "bold yellow" if board.gaps else ""), ("  reconnects ", "dim"),
            (str(board.reconnects), "bold yellow" if board.reconnects else ""),
            ("  replayed ", "dim"), str(board.replayed),
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
        table.add_row(Text(f"… {len(jobs) - rows} more", "dim"), "", "", "", "", "")
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
        style = _OUTCOME_STYLE.get(row.outcome, "yellow")
        mark = "✓" if row.outcome == "success" else "✗"
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


def render(board: Board, *, where: str, width: int = 80, height: int = 24) -> RenderableType:
    """The whole screen for a terminal of ``width`` x ``height``."""
    free = max(height - 14, 4)  # lines left for the two job lists
    run_rows = max(min(len(board.running), free - free // 3) or 1, 1)
    done_rows = max(free - run_rows, 2)
    now = board.clock()
    notes = list(board.notes)[-2:] or ["stream connected, no gaps yet"]
    log = Text("\n".join(notes), "yellow" if board.notes else "dim", no_wrap=True)
    return Group(
        _header(board, where),
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
            title="finished  (✓ completed  ✗ failed  ↺ replayed after a gap)",
            title_align="left",
            width=width,
            padding=(0, 0),
        ),
        log,
        Text(KEYS, "dim"),
    )
