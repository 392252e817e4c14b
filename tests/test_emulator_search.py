"""Custom job search (``*JobsForCustomSearch``) end to end: SDK client against the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator

import msgspec
import pytest

from aiocomet import CometAPIError, CometClient, ServerError
from aiocomet import constants as c
from aiocomet.models import BackupJobDetail, BackupJobProgress, SearchClause
from aiocomet.testing import CometEmulator, ErrorMode
from aiocomet.testing._search import compile_query, field_table
from aiocomet.testing._state import StateError

JOBS = [
    BackupJobDetail(
        GUID="j1",
        Username="alice",
        Classification=c.JOB_CLASSIFICATION_BACKUP,
        Status=c.JOB_STATUS_STOP_SUCCESS,
        StartTime=1000,
        EndTime=1100,
        TotalSize=500,
        ClientVersion="25.9.8",
        DeviceID="dev-Alpha",
        Tags="nightly,office",
        Progress=BackupJobProgress(BytesDone=10),
    ),
    BackupJobDetail(
        GUID="j2",
        Username="alice",
        Classification=c.JOB_CLASSIFICATION_RESTORE,
        Status=c.JOB_STATUS_FAILED_ERROR,
        StartTime=2000,
        EndTime=2100,
        TotalSize=1500,
        ClientVersion="24.6.1",
        DeviceID="dev-beta",
        Tags="Weekly",
        Progress=None,
    ),
    BackupJobDetail(
        GUID="j3",
        Username="bob",
        Classification=c.JOB_CLASSIFICATION_BACKUP,
        Status=c.JOB_STATUS_RUNNING_ACTIVE,
        StartTime=3000,
        ClientVersion="25.9.8",
        DeviceID="DEV-gamma",
    ),
    BackupJobDetail(
        GUID="j4",
        Username="bob",
        Classification=c.JOB_CLASSIFICATION_BACKUP,
        Status=c.JOB_STATUS_STOP_SUCCESS,
        StartTime=4000,
        EndTime=4100,
        TotalSize=1500,
        ClientVersion="23.12.0",
        DeviceID="host-delta",
        Tags="nightly",
    ),
]


def rule(field: str, op: str, value: str | int) -> SearchClause:
    return SearchClause(
        ClauseType=c.SEARCHCLAUSE_RULE,
        RuleField=f"BackupJobDetail.{field}",
        RuleOperator=op,
        RuleValue=str(value),
    )


def clause(kind: str, *children: SearchClause) -> SearchClause:
    return SearchClause(ClauseType=kind, ClauseChildren=list(children))


def guids(jobs: list[BackupJobDetail]) -> set[str]:
    return {job.GUID for job in jobs}


@pytest.fixture
async def emu() -> AsyncIterator[CometEmulator]:
    async with CometEmulator(users={"alice": "alice-pw", "bob": "bob-pw"}) as emulator:
        emulator.state.add_jobs(JOBS)
        yield emulator


@pytest.fixture
async def admin(emu: CometEmulator) -> AsyncIterator[CometClient]:
    async with CometClient(emu.url, emu.admin_username, emu.admin_password) as client:
        yield client


async def search(admin: CometClient, query: SearchClause) -> set[str]:
    """The GUIDs the list method finds, after checking the count method agrees."""
    jobs = await admin.admin_get_jobs_for_custom_search(query)
    assert all(isinstance(job, BackupJobDetail) for job in jobs)
    count = await admin.admin_count_jobs_for_custom_search(query)
    assert count.Count == len(jobs)
    return guids(jobs)


# -- operator families ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "op", "value", "expected"),
    [
        ("Username", c.SEARCHOPERATOR_STRING_EQ, "alice", {"j1", "j2"}),
        ("Username", c.SEARCHOPERATOR_STRING_NEQ, "alice", {"j3", "j4"}),
        ("Username", c.SEARCHOPERATOR_STRING_EQ, "Alice", set()),
        ("DeviceID", c.SEARCHOPERATOR_STRING_CONTAINS, "v-", {"j1", "j2"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_NCONTAINS, "v-", {"j3", "j4"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_STARTSWITH, "dev", {"j1", "j2"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_NSTARTSWITH, "dev", {"j3", "j4"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_ENDSWITH, "ta", {"j2", "j4"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_NENDSWITH, "ta", {"j1", "j3"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_EQ_CI, "DEV-ALPHA", {"j1"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_NEQ_CI, "DEV-ALPHA", {"j2", "j3", "j4"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_CONTAINS_CI, "V-", {"j1", "j2", "j3"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_NCONTAINS_CI, "V-", {"j4"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_STARTSWITH_CI, "Dev", {"j1", "j2", "j3"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_NSTARTSWITH_CI, "Dev", {"j4"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_ENDSWITH_CI, "GAMMA", {"j3"}),
        ("DeviceID", c.SEARCHOPERATOR_STRING_NENDSWITH_CI, "GAMMA", {"j1", "j2", "j4"}),
        ("ClientVersion", c.SEARCHOPERATOR_STRING_REGEXMATCH, r"^25\.9\.", {"j1", "j3"}),
        ("ClientVersion", c.SEARCHOPERATOR_STRING_NREGEXMATCH, r"^25\.9\.", {"j2", "j4"}),
        # unanchored, like Go's MatchString; inline flags work
        ("Tags", c.SEARCHOPERATOR_STRING_REGEXMATCH, "night", {"j1", "j4"}),
        ("Tags", c.SEARCHOPERATOR_STRING_REGEXMATCH, "(?i)^weekly$", {"j2"}),
        ("Tags", c.SEARCHOPERATOR_STRING_EQ, "", {"j3"}),
    ],
)
async def test_string_operators(
    admin: CometClient, field: str, op: str, value: str, expected: set[str]
) -> None:
    assert await search(admin, rule(field, op, value)) == expected


@pytest.mark.parametrize(
    ("field", "op", "value", "expected"),
    [
        ("Status", c.SEARCHOPERATOR_INT_EQ, c.JOB_STATUS_STOP_SUCCESS, {"j1", "j4"}),
        ("Status", c.SEARCHOPERATOR_INT_NEQ, c.JOB_STATUS_STOP_SUCCESS, {"j2", "j3"}),
        ("StartTime", c.SEARCHOPERATOR_INT_GT, 2000, {"j3", "j4"}),
        ("StartTime", c.SEARCHOPERATOR_INT_GTE, 2000, {"j2", "j3", "j4"}),
        ("StartTime", c.SEARCHOPERATOR_INT_LT, 2000, {"j1"}),
        ("StartTime", c.SEARCHOPERATOR_INT_LTE, 2000, {"j1", "j2"}),
        ("EndTime", c.SEARCHOPERATOR_INT_EQ, 0, {"j3"}),  # still running
        ("TotalSize", c.SEARCHOPERATOR_INT_EQ, "+1500", {"j2", "j4"}),
        ("TotalSize", c.SEARCHOPERATOR_INT_GT, -1, {"j1", "j2", "j3", "j4"}),
        ("Classification", c.SEARCHOPERATOR_INT_EQ, c.JOB_CLASSIFICATION_RESTORE, {"j2"}),
        # nested struct fields; a job without Progress reads as zeros
        ("Progress.BytesDone", c.SEARCHOPERATOR_INT_GT, 5, {"j1"}),
        ("Progress.BytesDone", c.SEARCHOPERATOR_INT_EQ, 0, {"j2", "j3", "j4"}),
    ],
)
async def test_integer_operators(
    admin: CometClient, field: str, op: str, value: str | int, expected: set[str]
) -> None:
    assert await search(admin, rule(field, op, value)) == expected


class _Flagged(msgspec.Struct):
    """BackupJobDetail has no boolean field, so the bool operators are checked on this."""

    Name: str = ""
    Done: bool = False


@pytest.mark.parametrize(
    ("op", "value", "expected"),
    [
        (c.SEARCHOPERATOR_BOOL_IS, "true", {"b"}),
        (c.SEARCHOPERATOR_BOOL_IS, "1", {"b"}),
        (c.SEARCHOPERATOR_BOOL_IS, "F", {"a"}),
        (c.SEARCHOPERATOR_BOOL_NIS, "True", {"a"}),
        (c.SEARCHOPERATOR_BOOL_NIS, "0", {"b"}),
    ],
)
def test_boolean_operators(op: str, value: str, expected: set[str]) -> None:
    items = [_Flagged(Name="a"), _Flagged(Name="b", Done=True)]
    query = SearchClause(RuleField="Flagged.Done", RuleOperator=op, RuleValue=value)
    match = compile_query(query, field_table(_Flagged, "Flagged"))
    assert {item.Name for item in items if match(item)} == expected


def test_boolean_value_must_parse() -> None:
    query = SearchClause(
        RuleField="Flagged.Done", RuleOperator=c.SEARCHOPERATOR_BOOL_IS, RuleValue="yes"
    )
    with pytest.raises(StateError, match="not a boolean") as info:
        compile_query(query, field_table(_Flagged, "Flagged"))
    assert info.value.status == 400


# -- and / or nesting ----------------------------------------------------------------------------

ALICE_OK = clause(
    c.SEARCHCLAUSE_AND,
    rule("Username", c.SEARCHOPERATOR_STRING_EQ, "alice"),
    rule("Status", c.SEARCHOPERATOR_INT_EQ, c.JOB_STATUS_STOP_SUCCESS),
)
BOB_LATE = clause(
    c.SEARCHCLAUSE_AND,
    rule("Username", c.SEARCHOPERATOR_STRING_EQ, "bob"),
    rule("StartTime", c.SEARCHOPERATOR_INT_GT, 3500),
)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (ALICE_OK, {"j1"}),
        (clause(c.SEARCHCLAUSE_OR, ALICE_OK, BOB_LATE), {"j1", "j4"}),
        (clause(c.SEARCHCLAUSE_NOT_OR, ALICE_OK, BOB_LATE), {"j2", "j3"}),
        (clause(c.SEARCHCLAUSE_NOT_AND, ALICE_OK), {"j2", "j3", "j4"}),
        (
            clause(
                c.SEARCHCLAUSE_AND,
                rule("Classification", c.SEARCHOPERATOR_INT_EQ, c.JOB_CLASSIFICATION_BACKUP),
                clause(
                    c.SEARCHCLAUSE_OR,
                    rule("Tags", c.SEARCHOPERATOR_STRING_CONTAINS, "nightly"),
                    clause(
                        c.SEARCHCLAUSE_NOT_OR,
                        rule("EndTime", c.SEARCHOPERATOR_INT_GT, 0),
                    ),
                ),
            ),
            {"j1", "j3", "j4"},
        ),
        (clause(c.SEARCHCLAUSE_AND), {"j1", "j2", "j3", "j4"}),  # all of nothing
        (clause(c.SEARCHCLAUSE_OR), set()),  # any of nothing
    ],
    ids=["and", "or", "not_or", "not_and", "three-levels", "empty-and", "empty-or"],
)
async def test_clause_nesting(admin: CometClient, query: SearchClause, expected: set[str]) -> None:
    assert await search(admin, query) == expected


async def test_count_follows_the_job_history(emu: CometEmulator, admin: CometClient) -> None:
    query = rule("Username", c.SEARCHOPERATOR_STRING_EQ, "bob")
    assert (await admin.admin_count_jobs_for_custom_search(query)).Count == 2
    emu.state.add_jobs([BackupJobDetail(GUID="j5", Username="bob")])
    assert (await admin.admin_count_jobs_for_custom_search(query)).Count == 3
    assert await search(admin, query) == {"j3", "j4", "j5"}


# -- the end-user variant ------------------------------------------------------------------------


async def test_user_web_search_sees_only_own_jobs(emu: CometEmulator) -> None:
    succeeded = rule("Status", c.SEARCHOPERATOR_INT_EQ, c.JOB_STATUS_STOP_SUCCESS)
    everything = clause(c.SEARCHCLAUSE_AND)
    async with CometClient(emu.url, "alice", "alice-pw", account_type="user") as alice:
        assert guids(await alice.user_web_get_jobs_for_custom_search(succeeded)) == {"j1"}
        assert guids(await alice.user_web_get_jobs_for_custom_search(everything)) == {"j1", "j2"}
        others = rule("Username", c.SEARCHOPERATOR_STRING_EQ, "bob")
        assert await alice.user_web_get_jobs_for_custom_search(others) == []
    async with CometClient(emu.url, "bob", "bob-pw", account_type="user") as bob:
        assert guids(await bob.user_web_get_jobs_for_custom_search(succeeded)) == {"j4"}


# -- bad queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "words"),
    [
        (rule("Nope", c.SEARCHOPERATOR_STRING_EQ, "x"), "unknown RuleField 'BackupJobDetail.Nope'"),
        (
            SearchClause(RuleField="Username", RuleOperator=c.SEARCHOPERATOR_STRING_EQ),
            "unknown RuleField 'Username'",
        ),
        (SearchClause(), "unknown RuleField ''"),
        (rule("Username", "str_like", "a%"), "unknown RuleOperator 'str_like'"),
        (
            rule("Username", c.SEARCHOPERATOR_INT_GT, 1),
            "compares integers but BackupJobDetail.Username holds strings",
        ),
        (
            rule("Status", c.SEARCHOPERATOR_STRING_EQ, "5000"),
            "compares strings but BackupJobDetail.Status holds integers",
        ),
        (
            rule("Status", c.SEARCHOPERATOR_BOOL_IS, "true"),
            "compares booleans but BackupJobDetail.Status holds integers",
        ),
        (rule("Status", c.SEARCHOPERATOR_INT_EQ, "five"), "not a base-10 int64"),
        (rule("Status", c.SEARCHOPERATOR_INT_EQ, "1.5"), "not a base-10 int64"),
        (rule("Status", c.SEARCHOPERATOR_INT_EQ, str(2**63)), "not a base-10 int64"),
        (rule("Tags", c.SEARCHOPERATOR_STRING_REGEXMATCH, "(open"), "not a valid regular"),
        (clause("xor"), "unknown ClauseType 'xor'"),
        (
            clause(c.SEARCHCLAUSE_OR, ALICE_OK, clause(c.SEARCHCLAUSE_AND, rule("X", "y", ""))),
            "Query.ClauseChildren[1].ClauseChildren[0]: unknown RuleField",
        ),
    ],
    ids=[
        "unknown-field",
        "field-without-struct-prefix",
        "empty-rule",
        "unknown-operator",
        "int-operator-on-string",
        "string-operator-on-int",
        "bool-operator-on-int",
        "int-value-not-a-number",
        "int-value-not-an-integer",
        "int-value-out-of-range",
        "bad-regex",
        "unknown-clause-type",
        "nested-bad-rule",
    ],
)
async def test_bad_query_is_a_400_api_error(
    emu: CometEmulator, admin: CometClient, query: SearchClause, words: str
) -> None:
    calls = [admin.admin_get_jobs_for_custom_search, admin.admin_count_jobs_for_custom_search]
    for call in calls:
        with pytest.raises(CometAPIError) as info:
            await call(query)
        assert not isinstance(info.value, ServerError)
        # the real server's form: HTTP 200 with the error in the body
        assert info.value.http_status == 200 and info.value.status == 400
        assert "Invalid parameter Query" in info.value.message
        assert words in info.value.message
    async with CometClient(emu.url, "alice", "alice-pw", account_type="user") as alice:
        with pytest.raises(CometAPIError) as user_info:
            await alice.user_web_get_jobs_for_custom_search(query)
        assert user_info.value.status == 400


@pytest.mark.parametrize(("mode", "http_status"), [("body", 200), ("http", 400)])
async def test_bad_query_is_refused_even_without_jobs(mode: ErrorMode, http_status: int) -> None:
    bad = clause(c.SEARCHCLAUSE_AND, rule("Nope", c.SEARCHOPERATOR_STRING_EQ, "x"))
    async with (
        CometEmulator(error_mode=mode) as emu,
        CometClient(emu.url, emu.admin_username, emu.admin_password) as admin,
    ):
        for call in (
            admin.admin_count_jobs_for_custom_search,
            admin.admin_get_jobs_for_custom_search,
        ):
            with pytest.raises(CometAPIError) as info:
                await call(bad)
            assert (info.value.http_status, info.value.status) == (http_status, 400)


async def test_too_deep_a_query_is_a_400_not_a_crash(admin: CometClient) -> None:
    query = rule("Username", c.SEARCHOPERATOR_STRING_EQ, "alice")
    for _ in range(100):
        query = clause(c.SEARCHCLAUSE_AND, query)
    with pytest.raises(CometAPIError) as info:
        await admin.admin_get_jobs_for_custom_search(query)
    assert info.value.status == 400
    assert "nested deeper" in info.value.message
