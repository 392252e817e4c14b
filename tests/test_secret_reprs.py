"""Model reprs hide the fields the reviewed table calls secret, strings and maps alike."""

from __future__ import annotations

import pytest

from aiocomet import CometClient, models, register_webhook
from aiocomet.testing import CometEmulator

TOTP_URL = "otpauth://totp/Comet:admin?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Comet"
SHARED_SECRET = "hook-shared-secret-5e1f"


@pytest.mark.parametrize(
    ("model", "secret", "shown"),
    [
        (
            models.TotpRegeneratedResponse(URL=TOTP_URL, Image="data:image/png;base64,QR"),
            "secret=",
            "Image=<redacted>",
        ),
        (models.InstallCreds(Username="bob", TOTPCode="492817"), "492817", "Username='bob'"),
        (
            models.WebhookOption(
                URL="https://hooks.example/T0/B1/xyz", CustomHeaders={"X-Sig": "s3cr"}
            ),
            "s3cr",
            "CustomHeaders={'X-Sig': <redacted>}",
        ),
        (
            models.PSAConfig(
                URL="https://psa.example/api", CustomHeaders={"Authorization": "Bearer t0k"}
            ),
            "t0k",
            "CustomHeaders={'Authorization': <redacted>}",
        ),
        (
            models.Office365Credential(AppID="app-1", AppCert="-----BEGIN PRIVATE KEY-----MIIE"),
            "PRIVATE KEY",
            "AppID='app-1'",
        ),
    ],
    ids=["totp_url", "install_totp_code", "webhook_headers", "psa_headers", "o365_app_cert"],
)
def test_secret_fields_are_hidden_in_repr(
    model: models.CometModel, secret: str, shown: str
) -> None:
    text = repr(model)
    assert secret not in text and secret not in str(model)
    assert shown in text


def test_empty_secret_fields_show_that_they_are_empty() -> None:
    text = repr(models.WebhookOption())
    assert "URL=''" in text and "CustomHeaders={}" in text


async def test_registered_webhook_options_do_not_show_the_shared_secret() -> None:
    async with (
        CometEmulator() as emu,
        CometClient(emu.url, emu.admin_username, emu.admin_password) as client,
    ):
        await register_webhook(client, "hook", "http://127.0.0.1:9/hook", secret=SHARED_SECRET)
        options = await client.admin_meta_webhook_options_get()
        config = await client.admin_meta_server_config_get()
    assert SHARED_SECRET in options["hook"].CustomHeaders.values()  # it really is there
    assert SHARED_SECRET not in repr(options)
    assert SHARED_SECRET not in repr(config)
