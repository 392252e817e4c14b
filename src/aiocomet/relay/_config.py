"""The relay's TOML configuration: parsed, checked, typed; secrets only by reference.

Credentials are never written in the file: ``password_env``/``password_file``
(and the same for ``session_key`` and ``totp_secret``) name where they are, and
:class:`SecretRef` reads them when a client is made. Reprs show the reference,
never the value, and a Redis URL's password is masked. Every mistake is a
:class:`RelayConfigError` naming the file and the setting.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal
from urllib.parse import urlsplit, urlunsplit

from .._generated.constants import CONSTANTS
from ..errors import RelayConfigError
from ._toml import check_keys, read_count, read_seconds, read_str, read_table

__all__ = [
    "DeliveryConfig",
    "LeaseConfig",
    "RedisConfig",
    "RelayConfig",
    "ResyncConfig",
    "SecretRef",
    "ServerConfig",
    "load_config",
    "parse_config",
]

NAME_RE: Final = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
SECRETS: Final = ("password", "session_key", "totp_secret")


@dataclass(frozen=True, slots=True)
class SecretRef:
    """Where a secret is: an environment variable or a file (its first line)."""

    env: str | None = None
    file: str | None = None
    where: str = ""

    def __repr__(self) -> str:
        return f"SecretRef(env={self.env!r})" if self.env else f"SecretRef(file={self.file!r})"

    def read(self) -> str:
        """The secret's value; RelayConfigError if the variable or file is missing."""
        if self.env is not None:
            value = os.environ.get(self.env)
            if value is None:
                raise RelayConfigError(
                    f"environment variable {self.env} is not set", where=self.where
                )
            return value
        assert self.file is not None
        try:
            text = Path(self.file).read_text(encoding="utf-8")
        except OSError as exc:
            raise RelayConfigError(
                f"cannot read {self.file}: {exc.strerror or exc}", where=self.where
            ) from None
        return text.splitlines()[0] if text else ""


@dataclass(frozen=True, slots=True)
class ServerConfig:
    """One Comet Server to relay; ``name`` names its stream and its lease."""

    name: str
    url: str
    username: str
    password: SecretRef | None = None
    session_key: SecretRef | None = None
    totp_secret: SecretRef | None = None
    account_type: Literal["admin", "user"] = "admin"
    verify: bool = True
    ca_file: str | None = None


@dataclass(frozen=True, slots=True)
class RedisConfig:
    """Where entries go. ``url`` may hold a password: it is never shown (see :meth:`shown_url`)."""

    url: str = field(repr=False)
    prefix: str = "comet"
    maxlen: int | None = None
    minid_age: float | None = None

    def __repr__(self) -> str:
        return (
            f"RedisConfig(url={self.shown_url()!r}, prefix={self.prefix!r}, "
            f"maxlen={self.maxlen}, minid_age={self.minid_age})"
        )

    def shown_url(self) -> str:
        """The URL with any password replaced by ``***``."""
        return mask_url(self.url)


@dataclass(frozen=True, slots=True)
class LeaseConfig:
    """Lease timing (seconds): a dead worker's servers move after ``ttl`` + ``acquire_interval``."""

    ttl: float = 10.0
    renew: float = 0.0  # 0: a third of ttl
    acquire_interval: float = 1.0

    @property
    def renew_every(self) -> float:
        return self.renew or self.ttl / 3


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    """Batching: up to ``batch_size`` entries per script call, ``max_in_flight`` per round trip."""

    batch_size: int = 256
    max_in_flight: int = 4
    retry_initial: float = 0.05
    retry_cap: float = 2.0


@dataclass(frozen=True, slots=True)
class ResyncConfig:
    """The job resync after a takeover or reconnect (see :class:`aiocomet.events.JobResync`)."""

    margin: float = 120.0
    max_lookback: float = 86400.0
    enabled: bool = True  # False: gaps are marked, nothing replayed (no job-history access)


@dataclass(frozen=True, slots=True)
class RelayConfig:
    """A whole relay configuration, as :func:`load_config` returns it."""

    servers: tuple[ServerConfig, ...]
    redis: RedisConfig
    lease: LeaseConfig = LeaseConfig()
    delivery: DeliveryConfig = DeliveryConfig()
    resync: ResyncConfig = ResyncConfig()
    types: frozenset[int] | None = None
    exclude_types: frozenset[int] = frozenset()
    source: str = ""

    def server(self, name: str) -> ServerConfig:
        for server in self.servers:
            if server.name == name:
                return server
        raise KeyError(name)

    def keeps(self, event_type: int) -> bool:
        """Whether the event filters let an event of this type through."""
        if event_type in self.exclude_types:
            return False
        return self.types is None or event_type in self.types


def mask_url(url: str) -> str:
    """``redis://user:secret@host`` -> ``redis://user:***@host``."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port is not None:
        host = f"{host}:{parts.port}"
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{host}"))


def load_config(path: str | os.PathLike[str]) -> RelayConfig:
    """Read and check a TOML relay configuration file."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise RelayConfigError(
            f"cannot read the file: {exc.strerror or exc}", where=source
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise RelayConfigError(f"not valid TOML: {exc}", where=source) from None
    return parse_config(data, source=source)


def parse_config(data: Mapping[str, Any], *, source: str = "<config>") -> RelayConfig:
    """Check a parsed TOML document (a dict) and build the :class:`RelayConfig`."""
    check_keys(data, {"redis", "servers", "lease", "delivery", "resync", "filter"}, source)
    redis = _redis(read_table(data, "redis", source, required=True), f"{source} [redis]")
    raw_servers = data.get("servers")
    if not isinstance(raw_servers, list) or not raw_servers:
        raise RelayConfigError("needs at least one [[servers]] table", where=source)
    servers = tuple(
        _server(item, f"{source} [[servers]] #{i + 1}") for i, item in enumerate(raw_servers)
    )
    names = [s.name for s in servers]
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        raise RelayConfigError(f"server names must be unique: {', '.join(dupes)}", where=source)
    lease_t = read_table(data, "lease", source)
    check_keys(lease_t, {"ttl", "renew", "acquire_interval"}, f"{source} [lease]")
    lease = LeaseConfig(
        ttl=read_seconds(lease_t, "ttl", 10.0, f"{source} [lease]"),
        renew=read_seconds(lease_t, "renew", 0.0, f"{source} [lease]", zero_ok=True),
        acquire_interval=read_seconds(lease_t, "acquire_interval", 1.0, f"{source} [lease]"),
    )
    if lease.renew_every >= lease.ttl:
        raise RelayConfigError("renew must be shorter than ttl", where=f"{source} [lease]")
    if lease.ttl < 0.1:
        raise RelayConfigError("ttl must be at least 0.1 s", where=f"{source} [lease]")
    where = f"{source} [delivery]"
    deliv_t = read_table(data, "delivery", source)
    check_keys(deliv_t, {"batch_size", "max_in_flight", "retry_initial", "retry_cap"}, where)
    delivery = DeliveryConfig(
        batch_size=read_count(deliv_t, "batch_size", 256, where),
        max_in_flight=read_count(deliv_t, "max_in_flight", 4, where),
        retry_initial=read_seconds(deliv_t, "retry_initial", 0.05, where),
        retry_cap=read_seconds(deliv_t, "retry_cap", 2.0, where),
    )
    where = f"{source} [resync]"
    resync_t = read_table(data, "resync", source)
    check_keys(resync_t, {"margin", "max_lookback", "enabled"}, where)
    enabled = resync_t.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RelayConfigError("enabled must be true or false", where=where)
    resync = ResyncConfig(
        margin=read_seconds(resync_t, "margin", 120.0, where, zero_ok=True),
        max_lookback=read_seconds(resync_t, "max_lookback", 86400.0, where),
        enabled=enabled,
    )
    where = f"{source} [filter]"
    filter_t = read_table(data, "filter", source)
    check_keys(filter_t, {"types", "exclude_types"}, where)
    types = filter_t.get("types")
    return RelayConfig(
        servers=servers,
        redis=redis,
        lease=lease,
        delivery=delivery,
        resync=resync,
        types=None if types is None else event_types(types, f"{where} types"),
        exclude_types=event_types(filter_t.get("exclude_types", []), f"{where} exclude_types"),
        source=source,
    )


def event_types(values: object, where: str) -> frozenset[int]:
    """``["SEVT_JOB_NEW", 4201, "job_completed"]`` -> a set of type numbers."""
    if not isinstance(values, list):
        raise RelayConfigError("expected a list of SEVT_* names or numbers", where=where)
    found: set[int] = set()
    for item in values:
        if isinstance(item, int) and not isinstance(item, bool):
            found.add(item)
            continue
        if not isinstance(item, str):
            raise RelayConfigError(f"{item!r} is not an event type", where=where)
        name = item.upper() if item.upper().startswith("SEVT_") else "SEVT_" + item.upper()
        value = CONSTANTS.get(name)
        if not isinstance(value, int):
            raise RelayConfigError(f"unknown event type {item!r}", where=where)
        found.add(value)
    return frozenset(found)


# -- pieces ----------------------------------------------------------------------------------


def _redis(t: Mapping[str, Any], where: str) -> RedisConfig:
    check_keys(t, {"url", "url_env", "prefix", "maxlen", "minid_age"}, where)
    if ("url" in t) == ("url_env" in t):
        raise RelayConfigError("give exactly one of url and url_env", where=where)
    if "url_env" in t:
        url = SecretRef(env=read_str(t, "url_env", where), where=f"{where} url_env").read()
    else:
        url = read_str(t, "url", where)
    if urlsplit(url).scheme not in ("redis", "rediss", "unix"):
        raise RelayConfigError(
            f"url must start with redis://, rediss:// or unix://, not {mask_url(url)!r}",
            where=where,
        )
    prefix = t.get("prefix", "comet")
    if not isinstance(prefix, str) or not prefix or any(ch in prefix for ch in "{}*?[] "):
        raise RelayConfigError(
            "prefix must be a non-empty word without {}*?[] or spaces", where=where
        )
    maxlen = read_count(t, "maxlen", 0, where) if "maxlen" in t else None
    minid_age = read_seconds(t, "minid_age", 0.0, where) if "minid_age" in t else None
    if maxlen is not None and minid_age is not None:
        raise RelayConfigError("give at most one of maxlen and minid_age", where=where)
    return RedisConfig(url=url, prefix=prefix, maxlen=maxlen, minid_age=minid_age)


def _server(item: object, where: str) -> ServerConfig:
    if not isinstance(item, dict):
        raise RelayConfigError("each [[servers]] entry must be a table", where=where)
    inline = sorted(set(item) & set(SECRETS))
    if inline:
        raise RelayConfigError(
            f"{', '.join(inline)} must not be written in the file: use {inline[0]}_env "
            f"(an environment variable) or {inline[0]}_file",
            where=where,
        )
    allowed = {"name", "url", "username", "account_type", "verify", "ca_file"}
    allowed |= {f"{s}_{how}" for s in SECRETS for how in ("env", "file")}
    check_keys(item, allowed, where)
    url = read_str(item, "url", where).rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RelayConfigError(f"url must be an http:// or https:// URL, not {url!r}", where=where)
    if parts.username is not None or parts.password is not None:
        raise RelayConfigError("url must not carry credentials", where=where)
    name = item.get("name", f"{parts.hostname}-{parts.port or parts.scheme}")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise RelayConfigError(
            f"name {name!r} must be 1-100 letters, digits, '.', '_' or '-'", where=where
        )
    where = f"{where} ({name})"
    refs: dict[str, SecretRef | None] = {}
    for secret in SECRETS:
        env, file = item.get(f"{secret}_env"), item.get(f"{secret}_file")
        if env is not None and file is not None:
            raise RelayConfigError(f"give one of {secret}_env and {secret}_file", where=where)
        ref = None
        if env is not None:
            ref = SecretRef(
                env=read_str(item, f"{secret}_env", where), where=f"{where} {secret}_env"
            )
        elif file is not None:
            ref = SecretRef(
                file=read_str(item, f"{secret}_file", where), where=f"{where} {secret}_file"
            )
        refs[secret] = ref
    if refs["password"] is None and refs["session_key"] is None:
        raise RelayConfigError("needs password_env/password_file or a session key", where=where)
    account_type = item.get("account_type", "admin")
    if account_type not in ("admin", "user"):
        raise RelayConfigError("account_type must be 'admin' or 'user'", where=where)
    verify = item.get("verify", True)
    if not isinstance(verify, bool):
        raise RelayConfigError("verify must be true or false", where=where)
    ca_file = item.get("ca_file")
    return ServerConfig(
        name=name,
        url=url,
        username=read_str(item, "username", where),
        password=refs["password"],
        session_key=refs["session_key"],
        totp_secret=refs["totp_secret"],
        account_type=account_type,
        verify=verify,
        ca_file=None if ca_file is None else read_str(item, "ca_file", where),
    )
