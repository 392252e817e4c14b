"""Redaction that neither corrupts text nor gives a secret away.

Two mechanisms, both applied by :func:`redact_text`:

1. **By key** (needs no knowledge of the secret): wherever a form field, query
   parameter, JSON key or header that holds a credential appears - ``Password=``,
   ``"SessionKey": "..."``, ``X-Comet-Admin-TOTP: ...`` - its value is replaced.
   The key names come from the reviewed table (``scripts/judgements.toml``,
   generated into ``_generated/judgements.py``). This covers secrets of any
   length, and secrets the client has not learnt yet (a new session key in a
   login answer that does not decode).
2. **By value**, for the secrets a client holds: a secret of at least
   :data:`MIN_SECRET_LENGTH` characters is replaced wherever it appears, in
   each form the SDK or a server may write it (as is, percent-encoded with
   ``%20`` or ``+``, upper- or lower-case hex, JSON-escaped, HTML-escaped).
   A shorter secret is never matched inside free text: ``admin`` would eat
   ``administrator`` and ``/api/v1/admin/``, and the gaps a one-letter
   password leaves (``us<redacted>rnam<redacted>``) spell it out. TOTP codes,
   short by nature, are replaced only as a whole number (never inside a
   longer run of digits); they expire within a minute anyway.

Why 8: below it, collisions with ordinary words, path segments and numbers are
common, so redaction would corrupt messages and, by where it cuts, reveal the
secret. From 8 characters on, a chance match is rare, and the only ordinary
words that long which can collide are dictionary passwords that a guesser tries
first anyway.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

from ._generated.judgements import SECRET_KEYS

REDACTED = "<redacted>"
MIN_SECRET_LENGTH = 8

SECRET_HEADERS = (
    "X-Comet-Admin-Password",
    "X-Comet-Admin-SessionKey",
    "X-Comet-Admin-TOTP",
    "Authorization",
    "Proxy-Authorization",
    "Cookie",
    "Set-Cookie",
)
"""Headers whose value is a credential (the multipart auth headers and the usual ones)."""
EXTRA_KEYS = ("secret",)
"""Keys outside the API's own: ``secret=`` in an ``otpauth://`` TOTP enrolment URL."""


def _alternation(names: Iterable[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True))


def _starts(names: Iterable[str]) -> str:
    """A lookahead for the first letters of ``names``.

    Python's ``re`` tries every alternative of a long alternation at every
    position; this check rejects most positions at once (a 4 KiB preview of
    ``[[[...`` took 4 ms to redact without it, 0.2 ms with it).
    """
    return "(?=[" + re.escape("".join(sorted({n[0].lower() for n in names}))) + "])"


_KEY_NAMES = (*SECRET_KEYS, *EXTRA_KEYS)
_KEYS = _alternation(_KEY_NAMES)
_JSON_VALUE = (
    re.compile(  # JSON (also escaped in a string or percent-encoded in a form), dict reprs
        rf"(?P<key>(?P<q>\\?[\"']|%22)(?:{_KEYS})(?P=q)[\s+]*(?::|%3A)[\s+]*)"
        r"(?P<value>"
        r'\\"(?:[^"\\]|\\[^"])*(?:\\")?'  # \"...\" (escaped, inside a JSON string)
        r"|%22(?:(?!%22)[^&\s])*(?:%22)?"  # %22...%22 (JSON percent-encoded in a form body)
        r"|%7B(?:(?!%7D)[^&\s])*(?:%7D)?"  # %7B...%7D (a flat object, percent-encoded)
        r'|"(?:[^"\\]|\\.)*"?|\'(?:[^\'\\]|\\.)*\'?'  # "..." or '...', maybe cut short
        r"|\{[^{}]*\}?|\[[^\[\]]*\]?"  # a flat object or list
        r"|(?:(?!%2C|%7D)[^\s,}\]&])+)",  # a number, true, null
        re.IGNORECASE,
    )
)
_FORM_VALUE = re.compile(
    rf"(?P<key>(?<![\w-]){_starts(_KEY_NAMES)}(?:{_KEYS})=)(?P<value>[^&\s\"'<>]*)", re.IGNORECASE
)
_HEADER_VALUE = re.compile(
    rf"(?P<key>(?<![\w-]){_starts(SECRET_HEADERS)}(?:{_alternation(SECRET_HEADERS)})"
    r"[\"']?\s*[:=]\s*[\"']?)"
    r"(?P<value>[^\"'\r\n]*)",
    re.IGNORECASE,
)


def _hide(match: re.Match[str], shown: str = REDACTED) -> str:
    return match["key"] + shown if match["value"] else match[0]


def redact_keys(text: str) -> str:
    """``text`` with the value of every credential-holding key replaced (any length)."""
    text = _JSON_VALUE.sub(lambda m: _hide(m, m["q"] + REDACTED + m["q"]), text)
    text = _HEADER_VALUE.sub(_hide, text)
    return _FORM_VALUE.sub(_hide, text)


def encoded_forms(secret: str) -> set[str]:
    """The ways ``secret`` can be written in a URL, a form, JSON or HTML."""
    forms = {secret, quote_plus(secret), quote(secret, safe="")}
    forms |= {re.sub(r"%[0-9A-F]{2}", lambda m: m[0].lower(), f) for f in list(forms) if "%" in f}
    forms |= {json.dumps(secret)[1:-1], json.dumps(secret, ensure_ascii=False)[1:-1]}
    forms |= {html.escape(secret), html.escape(secret, quote=False)}
    return forms


class SecretMatcher:
    """Replaces the given secrets in free text, by the rules in the module docstring."""

    __slots__ = ("_pattern",)

    def __init__(self, secrets: Iterable[str], codes: Iterable[str] = ()) -> None:
        """``secrets`` by value when long enough; ``codes`` (TOTP) as whole numbers."""
        long: set[str] = set()
        for secret in secrets:
            if len(secret) >= MIN_SECRET_LENGTH:
                long |= encoded_forms(secret)
        numbers = {code for code in codes if code}
        parts = [re.escape(REDACTED)]  # kept as is, so redacting twice changes nothing
        if long:
            parts.append(f"(?P<secret>{_alternation(long)})")
        if numbers:
            parts.append(rf"(?P<code>(?<!\d)(?:{_alternation(numbers)})(?!\d))")
        self._pattern = re.compile("|".join(parts)) if len(parts) > 1 else None

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: REDACTED, text)


def redact_text(text: str, matcher: SecretMatcher | None = None) -> str:
    """By key first (short secrets in structured places), then by value."""
    text = redact_keys(text)
    return matcher(text) if matcher is not None else text
