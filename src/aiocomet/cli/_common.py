"""Connection settings, the client factory and error reporting shared by CLI commands."""

from __future__ import annotations

import argparse
import getpass
import logging
import math
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from .._redact import redact_keys
from .._session import DEFAULT_TIMEOUT, check_base_url
from .._transport import RetryPolicy
from ..client import CometClient
from ..errors import (
    AccessDeniedError,
    AuthenticationError,
    CometAPIError,
    CometError,
    CredentialsError,
    InvalidParameterError,
    MFARequiredError,
)


class UsageError(Exception):
    """A command line that cannot work (missing setting, unknown method, bad --param)."""


@dataclass(frozen=True)
class Connection:
    url: str
    username: str
    password: str | None
    totp_secret: str | None
    session_key: str | None
    account_type: str
    verify: bool
    timeout: float | None = None
    retries: int | None = None


@dataclass(frozen=True)
class ErrorContext:
    """What :func:`report` knows about the connection: its redactor and how it logs in."""

    redact: Callable[[str], str] = redact_keys
    session_key_only: bool = False


def at_least(minimum: int) -> Callable[[str], int]:
    """An argparse ``type=`` for whole numbers of at least ``minimum``."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum}, got {value}")
        return value

    return parse


def seconds(text: str) -> float:
    """An argparse ``type=`` for a positive, finite number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of seconds, got {text!r}") from None
    if not 0 < value < math.inf:
        raise argparse.ArgumentTypeError(f"must be a positive number of seconds, got {text!r}")
    return value


def add_connection_args(parser: argparse.ArgumentParser, timeout_help: str) -> None:
    """The flags every command that talks to a server takes; ``timeout_help`` says what
    ``--timeout`` bounds for this command."""
    group = parser.add_argument_group("connection (flags override COMET_* variables)")
    group.add_argument("--url", help="server URL such as https://comet.example.com (COMET_URL)")
    group.add_argument("--username", "-u", help="account name (COMET_USERNAME)")
    group.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from standard input (else COMET_PASSWORD, else a prompt)",
    )
    group.add_argument(
        "--user-account",
        action="store_true",
        help="the credentials are an end-user account (for user_web_* methods)",
    )
    group.add_argument("--insecure", action="store_true", help="do not verify TLS certificates")
    group.add_argument(
        "--timeout",
        type=seconds,
        metavar="SECONDS",
        help=f"{timeout_help} (default {DEFAULT_TIMEOUT:g})",
    )


def connection_from(args: argparse.Namespace) -> Connection:
    """Settings from flags, then ``COMET_*`` variables, then an interactive prompt."""
    env = os.environ
    url = args.url or env.get("COMET_URL")
    username = args.username or env.get("COMET_USERNAME")
    if not url:
        raise UsageError("no server URL: pass --url or set COMET_URL")
    try:
        check_base_url(url, "--url" if args.url else "COMET_URL")
    except InvalidParameterError as exc:
        raise UsageError(str(exc)) from None
    if not username:
        raise UsageError("no username: pass --username or set COMET_USERNAME")
    session_key = env.get("COMET_SESSION_KEY") or None
    password: str | None
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = env.get("COMET_PASSWORD") or None
    if password is None and session_key is None:
        if not sys.stdin.isatty():
            raise UsageError(
                "no password: set COMET_PASSWORD or COMET_SESSION_KEY, or use --password-stdin"
            )
        password = getpass.getpass(f"Password for {username} at {url}: ")
    return Connection(
        url=url,
        username=username,
        password=password,
        totp_secret=env.get("COMET_TOTP_SECRET") or None,
        session_key=session_key,
        account_type="user" if args.user_account else "admin",
        verify=not args.insecure,
        timeout=args.timeout,
        retries=getattr(args, "retries", None),
    )


def make_client(conn: Connection) -> CometClient:
    retry = None if conn.retries is None else RetryPolicy(attempts=conn.retries + 1)
    return CometClient(
        conn.url,
        conn.username,
        conn.password,
        session_key=conn.session_key,
        totp_secret=conn.totp_secret,
        account_type="user" if conn.account_type == "user" else "admin",
        verify=conn.verify,
        timeout=DEFAULT_TIMEOUT if conn.timeout is None else conn.timeout,
        retry=retry,
    )


def client_for(args: argparse.Namespace) -> CometClient:
    """A client from the command line's settings; :func:`report` redacts with its secrets."""
    conn = connection_from(args)
    client = make_client(conn)
    args.error_context = ErrorContext(client.credentials.redact, conn.password is None)
    return client


def hint_for(exc: BaseException, *, session_key_only: bool = False) -> str:
    """What to try next, by the error's class (not its HTTP status: a refusal can come in a 200).

    Only a refusal of the credentials points at them, and at the ones that
    were used: the session key when it was given without a password. An
    object that does not exist or is not this account's does not; an HTTP
    404 means the URL does not lead to a Comet Server's API.
    """
    if isinstance(exc, MFARequiredError):
        return "set COMET_TOTP_SECRET to the account's TOTP secret"
    if isinstance(exc, CredentialsError):
        return "check --user-account and the method's account kind"
    if isinstance(exc, AuthenticationError):
        if session_key_only:
            return (
                "COMET_SESSION_KEY was refused: it may have expired or been revoked; "
                "start a new session, or set COMET_PASSWORD to log in again"
            )
        return "check COMET_USERNAME / COMET_PASSWORD (or COMET_SESSION_KEY)"
    if isinstance(exc, AccessDeniedError):
        return "check the names and IDs you passed, and this account's rights over them"
    if isinstance(exc, CometAPIError) and exc.http_status == 404:
        return (
            "the URL probably points at the wrong place: check --url / COMET_URL "
            "(host, port, no extra path prefix); an older server may also lack this method"
        )
    if isinstance(exc, CometAPIError):
        return "see the server's message above"
    return "check --url and that the server is reachable"


def report(exc: BaseException, debug: bool, context: ErrorContext | None = None) -> int:
    """Print one clear line (plus the traceback with --debug); return the exit code.

    Everything printed goes through the context's redactor (the client's, once
    one exists): SDK errors are redacted already, but an unexpected error's
    text is not.
    """
    context = context or ErrorContext()
    redact = context.redact
    if isinstance(exc, UsageError):
        print(f"aiocomet: {redact(str(exc))}", file=sys.stderr)
        return 2
    if isinstance(exc, CometError):
        hint = hint_for(exc, session_key_only=context.session_key_only)
        line = f"aiocomet: error: {exc} (try: {hint})"
    else:
        line = f"aiocomet: unexpected {type(exc).__name__}: {exc}"
    print(redact(line), file=sys.stderr)
    if debug:
        sys.stderr.write(redact("".join(traceback.format_exception(exc))))
    return 1


def setup_logging(debug: bool) -> None:
    if debug:
        logging.basicConfig(
            level=logging.DEBUG, format="%(asctime)s %(name)s %(levelname)s %(message)s"
        )
    else:
        logging.basicConfig(level=logging.WARNING, format="aiocomet: %(levelname)s: %(message)s")
