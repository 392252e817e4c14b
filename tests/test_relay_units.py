"""The relay's parts without a network: configuration, lease bookkeeping, entries, dedupe."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import msgspec
import pytest

from aiocomet._backoff import Backoff
from aiocomet.constants import SEVT_JOB_COMPLETED, SEVT_JOB_NEW, SEVT_META_HELLO
from aiocomet.events import Event, Gap
from aiocomet.models import BackupJobDetail
from aiocomet.relay import (
    Claim,
    EntryDecoder,
    GapMarker,
    LeaseBook,
    RelayConfigError,
    ServerKeys,
    fair_share,
    load_config,
    parse_config,
    stream_pattern,
)
from aiocomet.relay._entries import Entry, SeenWindow, frame_of, gap_entry
from aiocomet.relay._outbox import Outbox
from aiocomet.relay._sink import RelaySink
from aiocomet.testing._events import encode_event

GOOD = """
[redis]
url = "redis://:hunter2@127.0.0.1:6379/0"
prefix = "msp"
maxlen = 5000

[lease]
ttl = 2.0
acquire_interval = 0.25

[delivery]
batch_size = 64
max_in_flight = 2

[resync]
margin = 30

[filter]
types = ["SEVT_JOB_NEW", "job_completed", 4300]

[[servers]]
name = "eu1"
url = "https://eu1.example.com/"
username = "admin"
password_env = "EU1_PASSWORD"

[[servers]]
url = "http://10.0.0.2:8060"
username = "relay"
password_file = "/run/secrets/comet2"
totp_secret_env = "COMET2_TOTP"
"""


def parse(text: str) -> object:
    import tomllib

    return parse_config(tomllib.loads(text), source="relay.toml")


def test_a_good_file_parses_into_typed_settings(tmp_path: Path) -> None:
    path = tmp_path / "relay.toml"
    path.write_text(GOOD)
    cfg = load_config(path)
    assert [s.name for s in cfg.servers] == ["eu1", "10.0.0.2-8060"]
    assert cfg.servers[0].url == "https://eu1.example.com"
    assert cfg.redis.prefix == "msp" and cfg.redis.maxlen == 5000 and cfg.redis.minid_age is None
    assert cfg.lease.ttl == 2.0 and cfg.lease.renew_every == pytest.approx(2 / 3)
    assert cfg.delivery.batch_size == 64 and cfg.resync.margin == 30
    assert cfg.types == {SEVT_JOB_NEW, SEVT_JOB_COMPLETED, 4300}
    assert cfg.keeps(SEVT_JOB_NEW) and not cfg.keeps(SEVT_META_HELLO)


def test_no_secret_appears_in_reprs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EU1_PASSWORD", "s3cret-pw")
    cfg = parse(GOOD)
    shown = repr(cfg)
    assert "hunter2" not in shown and "s3cret-pw" not in shown
    assert "EU1_PASSWORD" in shown and "redis://:***@127.0.0.1:6379/0" in shown
    assert cfg.servers[0].password is not None  # type: ignore[attr-defined]
    assert cfg.servers[0].password.read() == "s3cret-pw"  # type: ignore[attr-defined]


def test_secret_references_are_read_from_env_and_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    secret = tmp_path / "pw"
    secret.write_text("from-a-file\nignored\n")
    cfg = parse(GOOD.replace("/run/secrets/comet2", str(secret)))
    assert cfg.servers[1].password.read() == "from-a-file"  # type: ignore[attr-defined]
    monkeypatch.delenv("COMET2_TOTP", raising=False)
    with pytest.raises(RelayConfigError, match="COMET2_TOTP is not set"):
        cfg.servers[1].totp_secret.read()  # type: ignore[attr-defined]
    missing = parse(GOOD)
    with pytest.raises(RelayConfigError, match="cannot read /run/secrets/comet2"):
        missing.servers[1].password.read()  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ('password_env = "EU1_PASSWORD"', 'password = "inline"'),
            "must not be written in the file",
        ),
        (("maxlen = 5000", "maxlen = 5000\nmaxlenn = 3"), "unknown setting maxlenn"),
        (("maxlen = 5000", "maxlen = 0"), "maxlen must be a whole number"),
        (("maxlen = 5000", "maxlen = 5\nminid_age = 60"), "at most one of maxlen and minid_age"),
        (('url = "redis://', 'url = "http://'), "must start with redis://"),
        (('url = "https://eu1.example.com/"', 'url = "ftp://x"'), "http:// or https:// URL"),
        (
            ('url = "https://eu1.example.com/"', 'url = "https://u:p@x"'),
            "must not carry credentials",
        ),
        (('name = "eu1"', 'name = "eu{1}"'), "must be 1-100 letters"),
        (('name = "eu1"', 'name = "10.0.0.2-8060"'), "server names must be unique"),
        (('"job_completed"', '"SEVT_NOPE"'), "unknown event type 'SEVT_NOPE'"),
        (("ttl = 2.0", "ttl = -1"), "ttl must be a positive number"),
        (("ttl = 2.0", "ttl = 2.0\nrenew = 3.0"), "renew must be shorter than ttl"),
        (('prefix = "msp"', 'prefix = "m{s}p"'), "prefix must be"),
        (("[[servers]]\nname", "[[nope]]\nname"), "unknown setting nope"),
    ],
)
def test_bad_settings_get_a_typed_error_naming_the_place(
    change: tuple[str, str], message: str
) -> None:
    old, new = change
    assert old in GOOD
    with pytest.raises(RelayConfigError, match=message) as info:
        parse(GOOD.replace(old, new, 1))
    assert str(info.value).startswith("relay.toml")
    assert isinstance(info.value, ValueError)


def test_a_missing_or_broken_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(RelayConfigError, match="cannot read the file"):
        load_config(tmp_path / "nope.toml")
    bad = tmp_path / "bad.toml"
    bad.write_text("[redis\n")
    with pytest.raises(RelayConfigError, match="not valid TOML"):
        load_config(bad)
    with pytest.raises(RelayConfigError, match="at least one"):
        parse('[redis]\nurl = "redis://x"\n')
    with pytest.raises(RelayConfigError, match="needs password_env"):
        parse('[redis]\nurl = "redis://x"\n[[servers]]\nurl = "http://a"\nusername = "u"\n')


def test_keys_share_one_hash_tag_per_server() -> None:
    k = ServerKeys.of("comet", "eu1")
    keys = [k.stream, k.lease, k.fence, k.state]
    assert k.stream == "comet:{eu1}:events"
    assert all("{eu1}" in key for key in keys) and len(set(keys)) == 4
    assert stream_pattern("comet") == "comet:{*}:events"


# -- lease bookkeeping with a fake clock -----------------------------------------------------


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def claim(server: str, token: int = 1) -> Claim:
    return Claim(server=server, worker="w1", token=token, seq=0, acquired_at=0.0)


def test_a_lease_is_valid_for_ttl_after_the_request_was_sent() -> None:
    clock = FakeClock()
    book = LeaseBook(ttl=1.0, renew_every=0.3, monotonic=clock)
    book.acquired(claim("a"), sent_at=clock.now - 0.1)  # the reply came 0.1 s after sending
    assert book.valid("a") and not book.due()
    clock.now += 0.25
    assert book.due()
    clock.now += 0.6  # 0.95 s after sending, never renewed
    assert book.valid("a") and book.lapsed() == []
    clock.now += 0.1
    assert not book.valid("a")
    assert [c.server for c in book.lapsed()] == ["a"] and len(book) == 0


def test_renewals_extend_and_a_refused_renewal_drops_the_lease() -> None:
    clock = FakeClock()
    book = LeaseBook(ttl=1.0, renew_every=0.3, monotonic=clock)
    a, b = claim("a"), claim("b", 7)
    book.acquired(a, clock.now)
    book.acquired(b, clock.now)
    clock.now += 0.9
    lost = book.renewed([(a, True), (b, False)], sent_at=clock.now)
    assert lost == [b] and "b" not in book
    clock.now += 0.9  # 1.8 s after acquiring, 0.9 after renewing
    assert book.valid("a") and book.lapsed() == []
    stale = claim("a", token=99)  # a reply about an older/other token changes nothing
    assert book.renewed([(stale, False)], clock.now) == [] and "a" in book


def test_fair_share_spreads_servers_over_live_workers() -> None:
    assert [fair_share(12, n) for n in (0, 1, 2, 3, 5, 12, 20)] == [12, 12, 6, 4, 3, 1, 1]
    book = LeaseBook(ttl=1.0, renew_every=0.3, monotonic=FakeClock())
    for name in "abcde":
        book.acquired(claim(name), 0.0)
    assert book.wanted(12, 3) == -1 and book.wanted(12, 2) == 1
    with pytest.raises(ValueError):
        LeaseBook(ttl=1.0, renew_every=1.0)


# -- entries -----------------------------------------------------------------------------------


def test_an_event_entry_decodes_to_the_same_typed_event() -> None:
    job = BackupJobDetail(GUID="g1", Username="alice", StartTime=10, Status=5000)
    frame = encode_event(SEVT_JOB_NEW, job, timestamp=10, resource_id="g1", actor="alice")
    original = EntryDecoder().decode({b"s": b"x", b"q": b"1", b"t": b"1", b"f": frame}).item
    assert isinstance(original, Event)
    fields = {
        b"s": b"https://c.example",
        b"q": b"41",
        b"t": b"3",
        b"w": b"5",
        b"f": frame_of(original),
    }
    got = EntryDecoder().decode(fields)
    assert (got.server, got.seq, got.token, got.wall_ms) == ("https://c.example", 41, 3, 5)
    event = got.item
    assert isinstance(event, Event) and event.job is not None and event.job.GUID == "g1"
    assert event.type_name == "SEVT_JOB_NEW" and event.server == "https://c.example"
    assert not event.replayed and event.ResourceID == "g1" and event.Actor == "alice"
    replayed = EntryDecoder().decode({**fields, b"r": b"1"}).item
    assert isinstance(replayed, Event) and replayed.replayed


def test_keep_frames_gives_a_live_event_its_entry_bytes_and_a_replayed_one_none() -> None:
    frame = b'{"Type": 4200, "ResourceID": "g1", "Unknown": 1, "Data": null}'
    fields = {b"s": b"x", b"q": b"1", b"t": b"1", b"f": frame}
    live = EntryDecoder(keep_frames=True).decode(fields).item
    assert isinstance(live, Event) and live.frame == frame and live.ResourceID == "g1"
    replayed = EntryDecoder(keep_frames=True).decode({**fields, b"r": b"1"}).item
    assert isinstance(replayed, Event) and replayed.replayed and replayed.frame == b""
    plain = EntryDecoder().decode(fields).item
    assert isinstance(plain, Event) and plain.frame == b""


def test_a_frame_cannot_forge_the_sdk_fields() -> None:
    forged = b'{"Type":4200,"aiocomet.replayed":true,"aiocomet.server":"evil","Data":null}'
    event = EntryDecoder().decode({b"s": b"real", b"q": b"1", b"t": b"1", b"f": forged}).item
    assert isinstance(event, Event) and event.server == "real" and not event.replayed


def test_a_gap_marker_decodes_to_a_gap() -> None:
    entry = gap_entry(7, GapMarker(reason="takeover", last_alive=1.5, reconnected_at=3.0), 9)
    assert entry.kind == "g" and entry.seq == 7
    got = EntryDecoder().decode({b"s": b"srv", b"q": b"7", b"t": b"2", b"g": entry.payload})
    assert isinstance(got.item, Gap)
    assert (got.item.server, got.item.reason, got.item.last_alive) == ("srv", "takeover", 1.5)


@pytest.mark.parametrize(
    "fields",
    [
        {b"q": b"1", b"t": b"1", b"f": b"{}"},
        {b"s": b"x", b"q": b"one", b"t": b"1", b"f": b"{}"},
        {b"s": b"x", b"q": b"1", b"t": b"1"},
        {b"s": b"x", b"q": b"1", b"t": b"1", b"f": b"not json"},
        {b"s": b"x", b"q": b"1", b"t": b"1", b"g": b"[1]"},
    ],
)
def test_entries_that_are_not_ours_are_decode_errors(fields: dict[bytes, bytes]) -> None:
    from aiocomet import EventDecodeError

    with pytest.raises(EventDecodeError):
        EntryDecoder().decode(fields)


def test_the_dedupe_window_forgets_the_oldest() -> None:
    seen = SeenWindow(2)
    assert seen.first_time("a", 1) and seen.first_time("b", 1) and not seen.first_time("a", 1)
    assert seen.first_time("a", 2)  # evicts the oldest, ("a", 1)
    assert not seen.first_time("b", 1) and seen.first_time("a", 1) and seen.duplicates == 2
    with pytest.raises(ValueError):
        SeenWindow(0)


def test_gap_marker_json_is_compact() -> None:
    marker = GapMarker(reason="r", last_alive=1.0, reconnected_at=2.0)
    assert msgspec.json.decode(msgspec.json.encode(marker))["reason"] == "r"


def test_the_example_configuration_parses() -> None:
    cfg = load_config(Path(__file__).resolve().parent.parent / "examples" / "relay.toml")
    assert [s.name for s in cfg.servers] == ["eu1", "us1"] and cfg.redis.maxlen == 1_000_000


def test_frame_of_is_the_encoding_of_the_wire_form() -> None:
    job = BackupJobDetail(GUID="g2", Username="bob", StartTime=3, Status=5000)
    frames = [
        encode_event(SEVT_JOB_COMPLETED, job, timestamp=9, resource_id="g2", actor="bob"),
        b'{"Type":4200,"TypeString":"SEVT_NEW_KIND","Data":{"a":[1,"b",null]}}',
        b'{"Type":4200,"Data":null}',
    ]
    encode = msgspec.json.Encoder().encode
    for frame in frames:
        event = EntryDecoder().decode({b"s": b"x", b"q": b"1", b"t": b"1", b"f": frame}).item
        assert isinstance(event, Event)
        assert frame_of(event) == encode(event.wire())


def test_frame_of_a_live_event_is_the_servers_own_bytes() -> None:
    frame = b'{"Type":4100, "ResourceID":"g3","FutureKey":{"x":1},"Data":{"GUID":"g3","New":2}}'
    event = EntryDecoder().decode({b"s": b"x", b"q": b"1", b"t": b"1", b"f": frame}).item
    assert isinstance(event, Event)
    event.frame = frame  # as a stream with keep_frames=True sets it
    assert frame_of(event) == frame  # not re-encoded: the unknown keys and spacing stay


class _GatedSink:
    """A sink whose writes wait for the test: what the outbox holds meanwhile can be seen."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()
        self.open = asyncio.Event()
        self.written: list[int] = []

    async def write(self, claim: Claim, batches: Sequence[Sequence[Entry]]) -> int:
        self.entered.set()
        await self.open.wait()
        seqs = [e.seq for batch in batches for e in batch]
        self.written.extend(seqs)
        return len(seqs)


async def test_the_outbox_fills_the_next_round_trip_and_is_bounded() -> None:
    sink = _GatedSink()
    claim = Claim("one", "w", token=1, seq=0, acquired_at=0.0)
    box = Outbox(
        cast(RelaySink, sink), claim, batch_size=2, max_in_flight=2, backoff=Backoff(initial=0.01)
    )
    writer = asyncio.ensure_future(box.run())
    await box.put_many("e", [b"%d" % i for i in range(4)])  # room: queued without waiting
    await sink.entered.wait()  # these 4 are one round trip, held by the sink
    putting = asyncio.ensure_future(box.put_many("e", [b"%d" % i for i in range(4, 11)]))
    await asyncio.sleep(0)  # one cooperative yield: it queues 4 more, then waits for room
    assert len(box) == box.limit == 8 and not putting.done() and box.blocked >= 1
    sink.open.set()
    await putting
    await box.drained()
    assert sink.written == list(range(1, 12))  # every entry, once, in order
    writer.cancel()
    await asyncio.gather(writer, return_exceptions=True)
