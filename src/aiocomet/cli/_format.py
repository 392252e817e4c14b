"""Human-readable lines for live events, shared by ``aiocomet events`` and the demo."""

from __future__ import annotations

import time

from .._event_model import Event
from .._generated import constants as c
from .._generated import models as m


def job_outcome(status: int) -> str:
    """``success``, ``running`` or ``failed`` for a ``JobStatus`` value."""
    if c.JOB_STATUS_STOP_SUCCESS__MIN <= status <= c.JOB_STATUS_STOP_SUCCESS__MAX:
        return "success"
    if c.JOB_STATUS_RUNNING__MIN <= status <= c.JOB_STATUS_RUNNING__MAX:
        return "running"
    if c.JOB_STATUS_FAILED__MIN <= status <= c.JOB_STATUS_FAILED__MAX:
        return "failed"
    return "unknown"


def status_name(status: int) -> str:
    try:
        return c.JobStatus(status).name.removeprefix("JOB_STATUS_")
    except ValueError:
        return str(status)


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if size < 1024 or unit == "TiB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def describe(event: Event) -> str:
    """What happened, in a few words."""
    data = event.Data
    if isinstance(data, m.BackupJobDetail):
        size = human_size(data.UploadSize or data.TotalSize)
        return f"job {data.GUID[-8:]} user={data.Username} {status_name(data.Status)} {size}"
    if isinstance(data, m.UserProfileConfig):
        return f"account {data.Username}"
    if isinstance(data, m.GroupPolicy):
        return f"policy {event.ResourceID} {data.Description}"
    if isinstance(data, m.ServerMetaVersionInfo):
        return f"server {data.Version}"
    return event.ResourceID or event.Actor


def event_line(event: Event) -> str:
    when = time.strftime("%H:%M:%S", time.localtime(event.Timestamp or time.time()))
    replayed = " (replayed)" if event.replayed else ""
    return f"{when}  {event.type_name:<32} {describe(event)}{replayed}"
