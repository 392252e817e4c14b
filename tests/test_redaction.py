"""Redaction neither corrupts messages nor leaks secrets (docs/reliability.md, issue 14):
the rules, as unit and property tests.

The same against hostile servers is in test_redaction_servers.py, through the CLI in
test_redaction_cli.py.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aiocomet._generated.judgements import SECRET_KEYS
from aiocomet._redact import SECRET_HEADERS, encoded_forms, redact_keys
from aiocomet.auth import Credentials, redacted_preview

from ._redaction_helpers import LONG_PW, NEW_KEY, forms_of


def test_a_short_password_never_corrupts_text() -> None:
    admin = Credentials("admin", "admin")
    for text in ("User 'administrator' does not exist", "/api/v1/admin/list-users"):
        assert admin.redact(text) == text
    e = Credentials("admin", "e")
    assert e.redact("Invalid username or password") == "Invalid username or password"


def test_a_short_password_is_hidden_where_a_key_names_it() -> None:
    redact = Credentials("admin", "e").redact
    assert redact("Username=admin&AuthType=Password&Password=e&X=1") == (
        "Username=admin&AuthType=Password&Password=<redacted>&X=1"
    )
    assert redact('{"Username": "admin", "Password": "e"}') == (
        '{"Username": "admin", "Password": "<redacted>"}'
    )
    assert redact("<CIMultiDictProxy('X-Comet-Admin-Password': 'e')>") == (
        "<CIMultiDictProxy('X-Comet-Admin-Password': '<redacted>')>"
    )
    assert redact("{'Password': 'e', 'TOTP': '123456'}") == (
        "{'Password': '<redacted>', 'TOTP': '<redacted>'}"
    )
    escaped = r'{"Message": "bad {\"Password\":\"e\",\"X\":1}"}'  # JSON in a JSON string
    assert redact(escaped) == r'{"Message": "bad {\"Password\":\"<redacted>\",\"X\":1}"}'


@pytest.mark.parametrize("key", sorted({*SECRET_KEYS, "secret"}))
def test_every_secret_key_is_hidden_in_any_case_after_any_text(key: str) -> None:
    """Each key, whatever its first letter and case, after brackets, words or nothing."""
    for spelled in (key, key.upper(), key.lower(), key.swapcase()):
        for before in ("", "[[[[", "x&", "the answer: ", "{"):
            form = redact_keys(f"{before}{spelled}=hunter2&next=1")
            assert "hunter2" not in form and form.endswith("&next=1"), form
            quoted = redact_keys(f'{before}"{spelled}": "hunter2", "next": 1')
            assert "hunter2" not in quoted and quoted.endswith('"next": 1'), quoted


@pytest.mark.parametrize("header", SECRET_HEADERS)
def test_every_secret_header_is_hidden_in_any_case(header: str) -> None:
    for spelled in (header, header.upper(), header.lower()):
        shown = redact_keys(f"[[[[\n{spelled}: hunter2\r\nAccept: */*")
        assert "hunter2" not in shown and shown.endswith("Accept: */*"), shown


def test_a_long_secret_is_hidden_in_every_encoded_form() -> None:
    redact = Credentials("admin", LONG_PW).redact
    html = LONG_PW.replace("&", "&amp;")
    for form in [*forms_of(LONG_PW)[:5], html]:
        assert redact(f"<p>{form}</p>") == "<p><redacted></p>", form


def test_totp_codes_are_hidden_only_as_whole_numbers() -> None:
    creds = Credentials(
        "admin", "pw", totp_secret="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP", clock=lambda: 0
    )
    code = creds.totp_code()
    assert creds.redact(f"code {code}.") == "code <redacted>."
    assert creds.redact(f"size 1{code}9 bytes") == f"size 1{code}9 bytes"


def test_redaction_is_idempotent_and_keeps_other_text() -> None:
    creds = Credentials("admin", "redacted", session_key="SK-0123456789")
    text = "key SK-0123456789 and Password=x; nothing else: redacted stays redacted?"
    once = creds.redact(text)
    assert once == creds.redact(once)
    assert "SK-0123456789" not in once and "Password=<redacted>" in once
    assert creds.redact("plain text, 12345, /api/v1/admin") == "plain text, 12345, /api/v1/admin"


PLAIN = st.text(st.characters(blacklist_characters="=:\"'", blacklist_categories=("Cs",)))
SHORT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=7)
LONG = st.text(st.characters(blacklist_characters="<>", blacklist_categories=("Cs",)), min_size=8)


@settings(max_examples=300, deadline=None)
@given(text=PLAIN, password=SHORT)
def test_any_text_is_unchanged_by_a_short_password(text: str, password: str) -> None:
    assert Credentials("admin", password).redact(text) == text


@settings(max_examples=300, deadline=None)
@given(secret=LONG, before=st.text(), after=st.text())
def test_a_long_secret_never_survives_in_any_form(secret: str, before: str, after: str) -> None:
    redact = Credentials("admin", secret).redact
    for form in encoded_forms(secret):
        assert form not in redact(before + form + after)


@pytest.mark.parametrize(
    "body",
    [
        f'{{"Status":200,"Message":"","SessionKey":"{NEW_KEY}',  # truncated inside the key
        f'{{"Status":"200","Message":"","SessionKey":"{NEW_KEY}","SessionType":0}}',
        f'{{"Status":200, "sessionkey" : "{NEW_KEY}"}}',  # Go matches keys case-insensitively
    ],
    ids=["truncated", "status_as_string", "lower_case_key"],
)
def test_preview_hides_a_secret_json_value_nobody_knows_yet(body: str) -> None:
    shown = redacted_preview(body.encode(), Credentials("admin", "pw").redact)
    assert NEW_KEY not in shown and NEW_KEY[:8] not in shown
    assert "<redacted>" in shown
