"""Connection settings, the client factory and error reporting shared by CLI commands."""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass

from .._redact import redact_keys
from ..client import CometClient
from ..errors import (
    AccessDeniedError,
    AuthenticationError,
    CometAPIError,
    CometError,
    CredentialsError,
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


def add_connection_args(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("connection (flags override COMET_* variables)")
    group.add_argument("--url", help="server URL (COMET_URL)")
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


def connection_from(args: argparse.Namespace) -> Connection:
    """Settings from flags, then ``COMET_*`` variables, then an interactive prompt."""
    env = os.environ
    url = args.url or env.get("COMET_URL")
    username = args.username or env.get("COMET_USERNAME")
    if not url:
        raise UsageError("no server URL: pass --url or set COMET_URL")
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
    )


def make_client(conn: Connection) -> CometClient:
    return CometClient(
        conn.url,
        conn.username,
        conn.password,
        session_key=conn.session_key,
        totp_secret=conn.totp_secret,
        account_type="user" if conn.account_type == "user" else "admin",
        verify=conn.verify,
    )


def client_for(args: argparse.Namespace) -> CometClient:
    """A client from the command line's settings; :func:`report` redacts with its secrets."""
    client = make_client(connection_from(args))
    args.redact = client.credentials.redact
    return client


def hint_for(exc: BaseException) -> str:
    """What to try next, by the error's class (not its HTTP status: a refusal can come in a 200).

    Only a refusal of the credentials points at the password; an object that
    does not exist or is not this account's does not.
    """
    if isinstance(exc, MFARequiredError):
        return "set COMET_TOTP_SECRET to the account's TOTP secret"
    if isinstance(exc, CredentialsError):
        return "check --user-account and the method's account kind"
    if isinstance(exc, AuthenticationError):
        return "check COMET_USERNAME / COMET_PASSWORD (or COMET_SESSION_KEY)"
    if isinstance(exc, AccessDeniedError):
        return "check the names and IDs you passed, and this account's rights over them"
    if isinstance(exc, CometAPIError):
        return "see the server's message above"
    return "check --url and that the server is reachable"


def report(exc: BaseException, debug: bool, redact: Callable[[str], str] = redact_keys) -> int:
    """Print one clear line (plus the traceback with --debug); return the exit code.

    Everything printed goes through ``redact`` (the client's, once one exists):
    SDK errors are redacted already, but an unexpected error's text is not.
    """
    if isinstance(exc, UsageError):
        print(f"aiocomet: {redact(str(exc))}", file=sys.stderr)
        return 2
    if isinstance(exc, CometError):
        line = f"aiocomet: error: {exc} (try: {hint_for(exc)})"
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
