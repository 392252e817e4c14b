"""Log in once with password + TOTP, then work with the session key (the guide's 2FA appendix).

Shows: ``CometClient(..., totp_secret=...)`` computes the 6-digit code itself
(pyotp); ``await client.login()`` runs ``AdminAccountSessionStart`` once, and
every later call authenticates with ``AuthType=SessionKey`` - no password, no
TOTP code per request. The session key can be handed to another client (say,
a worker) that has neither the password nor the TOTP secret. At the end the
session is revoked. The key and the codes are never printed.

Run::

    python examples/totp_session.py
    COMET_URL=... COMET_USERNAME=... COMET_PASSWORD=... COMET_TOTP_SECRET=BASE32... \\
        python examples/totp_session.py

Without COMET_URL it starts an embedded emulator whose admin needs TOTP.
"""

from __future__ import annotations

import sys
from typing import TextIO

import _common

from aiocomet import CometClient


async def run(client: CometClient, out: TextIO | None = None) -> list[str]:
    """Log in, list users with the session key, reuse it elsewhere, revoke it; the usernames."""
    out = out or sys.stdout
    session_key = await client.login()  # password + TOTP code, once
    print(f"logged in as {client.credentials.username} with password + TOTP", file=out)

    users = await client.admin_list_users()  # AuthType=SessionKey from here on
    print(f"{len(users)} users listed with the session key (no password, no TOTP)", file=out)

    # Another client needs only the username and the key (it shares the connection pool here).
    async with CometClient(
        client.base_url,
        client.credentials.username,
        session_key=session_key,
        session=client.session,
    ) as worker:
        version = await worker.admin_meta_version()
    print(f"a second client reused the session: server version {version.Version}", file=out)

    await client.admin_account_session_revoke()  # the key stops working now
    print("session revoked", file=out)
    return users


async def main() -> None:
    async with _common.connect(totp=True) as client:
        await run(client)


if __name__ == "__main__":
    _common.run_script(main)
