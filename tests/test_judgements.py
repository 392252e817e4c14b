"""The reviewed table (scripts/judgements.toml): golden lists and the generator's checks.

The golden lists below are written out by hand on purpose: when the table or
the spec changes which methods are retried or which fields are hidden, this
file must change too, and the review shows the diff.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from aiocomet import CometAPIError, CometClient, RetryPolicy
from aiocomet._generated.account import ENDPOINTS
from aiocomet._generated.methods import METHODS
from aiocomet._generated.models import STRUCTS

from ._fake_comet import FakeComet, Reply

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT.parent / "shared" / "comet-api"

RETRY_SAFE = {
    "AdminAccountProperties",
    "AdminAdminUserList",
    "AdminBrandingAvailablePlatforms",
    "AdminBrandingGenerateClientTest",
    "AdminConstellationLastReport",
    "AdminConstellationStatus",
    "AdminCountJobsForCustomSearch",
    "AdminDispatcherGetDefaultLoginUrl",
    "AdminDispatcherListActive",
    "AdminExternalAuthSourcesGet",
    "AdminGetJobLog",
    "AdminGetJobLogEntries",
    "AdminGetJobProperties",
    "AdminGetJobsAll",
    "AdminGetJobsForCustomSearch",
    "AdminGetJobsForDateRange",
    "AdminGetJobsForUser",
    "AdminGetJobsRecent",
    "AdminGetProtectedItemWithBackupRules",
    "AdminGetUserProfile",
    "AdminGetUserProfileAndHash",
    "AdminGetUserProfileHash",
    "AdminInstallationListActive",
    "AdminListUsers",
    "AdminListUsersFull",
    "AdminMetaBrandingConfigGet",
    "AdminMetaBuildConfigGet",
    "AdminMetaConstellationConfigGet",
    "AdminMetaEmailOptionsGet",
    "AdminMetaListAvailableLogDays",
    "AdminMetaPsaConfigListGet",
    "AdminMetaReadAllLogs",
    "AdminMetaReadLogs",
    "AdminMetaReadSelectLogs",
    "AdminMetaRemoteStorageVaultGet",
    "AdminMetaResourceGet",
    "AdminMetaServerConfigGet",
    "AdminMetaServerConfigNetworkInterfaces",
    "AdminMetaSoftwareUpdateNews",
    "AdminMetaStats",
    "AdminMetaVersion",
    "AdminMetaWebhookOptionsGet",
    "AdminNewsGetAll",
    "AdminOrganizationList",
    "AdminPoliciesGet",
    "AdminPoliciesList",
    "AdminPoliciesListFull",
    "AdminPreviewUserEmailReport",
    "AdminReplicationState",
    "AdminRequestStorageVaultProviders",
    "AdminSquotaGetWithHash",
    "AdminSquotaListAll",
    "AdminStorageFreeSpace",
    "AdminStorageListBuckets",
    "AdminUpdateCampaignStatus",
    "AdminUserGroupsGet",
    "AdminUserGroupsList",
    "AdminUserGroupsListFull",
    "BrandingProps",
    "UserWebDispatcherListActive",
    "UserWebGetJobLog",
    "UserWebGetJobLogEntries",
    "UserWebGetJobProperties",
    "UserWebGetJobs",
    "UserWebGetJobsForCustomSearch",
    "UserWebGetProtectedItemWithBackupRules",
    "UserWebGetUserProfileAndHash",
    "UserWebNewsGetAll",
    "UserWebRequestStorageVaultProviders",
}
"""Every Comet Server method the transport may repeat (5xx, timeout, lost connection)."""

ACCOUNT_RETRY_SAFE = {
    "LicenseListAll",
    "ReportActiveServices",
    "ReportBillingHistory",
    "LatestVersion",
    "DownloadsList",
    "DownloadsGet",
    "CometGoStatus",
    "CometGoList",
}

SECRET_FIELDS = {
    "AddBucketResponseMessage.NewBucketKey",
    "AdminSecurityOptions.Password",
    "AdminSecurityOptions.TOTPKey",
    "AllowedAdminUser.Password",
    "AllowedAdminUser.TOTPKey",
    "AmazonAWSVirtualStorageRoleSettings.AccessKey",
    "AmazonAWSVirtualStorageRoleSettings.SecretKey",
    "AzureDestinationLocation.AZBAccountKey",
    "B2DestinationLocation.Key",
    "B2VirtualStorageRoleSettings.AppKey",
    "BrandingOptions.WindowsCodeSignAzureAppSecret",
    "BrandingOptions.WindowsCodeSignPKCS11Password",
    "BrandingOptions.WindowsCodeSignPKCS12Password",
    "BrandingProperties.WindowsCodeSignAzureAppSecret",
    "BrandingProperties.WindowsCodeSignPKCS11Password",
    "BrandingProperties.WindowsCodeSignPKCS12Password",
    "BucketProperties.ReadWriteKey",
    "BucketUsageInfo.AccessKey",
    "CometDestinationLocation.CometBucketKey",
    "CustomRemoteBucketSettings.CustomBody",
    "CustomRemoteBucketSettings.CustomHeaders",
    "DestinationConfig.AZBAccountKey",
    "DestinationConfig.CometBucketKey",
    "DestinationConfig.EncryptedEncryptionKey",
    "DestinationConfig.FTPPassword",
    "DestinationConfig.LocalcopyWinSMBPassword",
    "DestinationConfig.S3AccessKey",
    "DestinationConfig.S3SecretKey",
    "DestinationConfig.SFTPPassword",
    "DestinationConfig.SFTPPrivateKey",
    "DestinationLocation.AZBAccountKey",
    "DestinationLocation.CometBucketKey",
    "DestinationLocation.FTPPassword",
    "DestinationLocation.LocalcopyWinSMBPassword",
    "DestinationLocation.S3AccessKey",
    "DestinationLocation.S3SecretKey",
    "DestinationLocation.SFTPPassword",
    "DestinationLocation.SFTPPrivateKey",
    "EmailOptions.SMTPPassword",
    "ExternalAuthenticationSource.Password",
    "ExternalLDAPAuthenticationSourceSettings.BindPassword",
    "FTPDestinationLocation.FTPPassword",
    "HTTPConnectorOptions.SSLCertKey",
    "HTTPConnectorOptions.SSLPfxPassword",
    "ImpossibleCloudIAMTemplateSettings.AccessKey",
    "ImpossibleCloudIAMTemplateSettings.SecretKey",
    "ImpossibleCloudPartnerTemplateSettings.AccessKey",
    "InstallCreds.Password",
    "InstallCreds.TOTPCode",
    "InstallToken.Token",
    "LicenseOptions.SerialNumber",
    "LocalDestinationLocation.LocalcopyWinSMBPassword",
    "MSSQLConnection.Password",
    "MSSQLLoginArgs.Password",
    "MacOSCodeSignProperties.AppleIDPass",
    "MacOSCodeSignProperties.PfxFilePassword",
    "MongoDBConnection.Password",
    "MongoDBConnection.SSLClientKeyPassword",
    "MySQLConnection.Password",
    "NewBucketDetail.NewBucketKey",
    "Office365Credential.AppCert",
    "Office365Credential.Secret",
    "OidcConfig.ClientSecret",
    "PSAConfig.CustomHeaders",
    "PSAConfig.PartnerKey",
    "PrivateBrandingProperties.WindowsCodeSignAzureAppSecret",
    "PrivateBrandingProperties.WindowsCodeSignPKCS11Password",
    "PrivateBrandingProperties.WindowsCodeSignPKCS12Password",
    "RegisterOfficeApplicationBeginResponse.Continuation",
    "RegisterOfficeApplicationCheckResponse.Continuation",
    "RemoteServerAddress.Password",
    "RemoteStorageOption.Password",
    "ReplicaServer.Password",
    "RestoreJobAdvancedOptions.Password",
    "S3DestinationLocation.S3AccessKey",
    "S3DestinationLocation.S3SecretKey",
    "S3GenericVirtualStorageRole.AccessKey",
    "S3GenericVirtualStorageRole.SecretKey",
    "SFTPDestinationLocation.SFTPPassword",
    "SFTPDestinationLocation.SFTPPrivateKey",
    "SMBDestinationLocation.SMBPassword",
    "SSHConnection.SSHPassword",
    "SSHConnection.SSHPrivateKey",
    "SelfBackupExportOptions.EncryptionKey",
    "SelfBackupTarget.EncryptionKey",
    "SessionKeyRegeneratedResponse.SessionKey",
    "StorjDestinationLocation.APIKey",
    "StorjDestinationLocation.Passphrase",
    "StorjVirtualStorageRoleSetting.APIKey",
    "StorjVirtualStorageRoleSetting.Passphrase",
    "SwiftDestinationLocation.APIKey",
    "SwiftDestinationLocation.AuthToken",
    "TotpRegeneratedResponse.Image",
    "TotpRegeneratedResponse.URL",
    "U2FSignResponse.Signature",
    "UserProfileConfig.PasswordHash",
    "UserProfileConfig.PasswordRecovery",
    "UserProfileConfig.TOTPKey",
    "VSphereConnection.Password",
    "WasabiVirtualStorageRoleSettings.AccessKey",
    "WasabiVirtualStorageRoleSettings.SecretKey",
    "WebAuthnSignResponse.CredentialJSON",
    "WebDavDestinationLocation.AccessKey",
    "WebhookOption.CustomHeaders",
    "WebhookOption.URL",
    "WinSMBAuth.Password",
    "WindowsCodeSignProperties.WindowsCodeSignAzureAppSecret",
    "WindowsCodeSignProperties.WindowsCodeSignPKCS11Password",
    "WindowsCodeSignProperties.WindowsCodeSignPKCS12Password",
}
"""Every model field whose value a repr hides."""


def test_retry_safe_methods_are_exactly_the_golden_list() -> None:
    assert {name for name, spec in METHODS.items() if spec.read_only} == RETRY_SAFE


def test_retry_safe_account_endpoints_are_exactly_the_golden_list() -> None:
    assert {name for name, spec in ENDPOINTS.items() if spec.read_only} == ACCOUNT_RETRY_SAFE


def test_secret_fields_are_exactly_the_golden_list() -> None:
    found = {f"{name}.{field}" for name, cls in STRUCTS.items() for field in cls.__comet_secrets__}
    assert found == SECRET_FIELDS


async def test_psa_sync_now_is_sent_once_on_503_while_a_read_is_retried() -> None:
    async def no_sleep(_: float) -> None:
        return None

    sync = "/api/v1/admin/meta/psa-config-list/sync-now"
    get = "/api/v1/admin/meta/psa-config-list/get"
    async with FakeComet() as server:
        server.always(sync, Reply(status=503, body={"Status": 503, "Message": "busy"}))
        server.always(get, Reply(status=503, body={"Status": 503, "Message": "busy"}))
        async with CometClient(
            server.url, "admin", "pw", retry=RetryPolicy(attempts=4), sleep=no_sleep
        ) as client:
            with pytest.raises(CometAPIError):
                await client.admin_meta_psa_config_list_sync_now()
            assert [s.path for s in server.seen] == [sync]  # starts a sync: never repeated
            with pytest.raises(CometAPIError):
                await client.admin_meta_psa_config_list_get()
    assert [s.path for s in server.seen] == [sync] + [get] * 4


# -- the generator refuses a table that does not fit the spec ----------------------------


def generate_with(tmp_path: Path, change: Any) -> subprocess.CompletedProcess[str]:
    """``generate.py --check`` on a copy of the spec that ``change`` edited in place."""
    for name in ("events.json", "account-api.json"):
        shutil.copy(SPEC_DIR / name, tmp_path / name)
    spec = json.loads((SPEC_DIR / "spec.json").read_text())
    change(spec)
    (tmp_path / "spec.json").write_text(json.dumps(spec))
    return subprocess.run(
        [sys.executable, "scripts/generate.py", "--check", "--spec", str(tmp_path / "spec.json")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def struct(spec: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in spec["structs"] if s["name"] == name)


def add_method(spec: dict[str, Any]) -> None:
    new = dict(next(m for m in spec["methods"] if m["name"] == "AdminMetaPsaConfigListGet"))
    spec["methods"].append({**new, "name": "AdminMetaPsaConfigListGetAndSync"})


def drop_method(spec: dict[str, Any]) -> None:
    spec["methods"] = [m for m in spec["methods"] if m["name"] != "AdminMetaPsaConfigListSyncNow"]


def drop_secret_field(spec: dict[str, Any]) -> None:
    s = struct(spec, "TotpRegeneratedResponse")
    s["fields"] = [f for f in s["fields"] if f["name"] != "URL"]


def add_secret_looking_field(spec: dict[str, Any]) -> None:
    field = {"name": "RelayPassword", "json": "RelayPassword", "type": "string"}
    struct(spec, "EmailOptions")["fields"].append({**field, "omitempty": False, "since": None})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (add_method, "retry_safe: AdminMetaPsaConfigListGetAndSync is in the spec but not judged"),
        (drop_method, "retry_safe: AdminMetaPsaConfigListSyncNow is judged but not in the spec"),
        (drop_secret_field, "secret_fields: TotpRegeneratedResponse.URL is not a field"),
        (add_secret_looking_field, "EmailOptions.RelayPassword looks secret but is not judged"),
    ],
    ids=["unjudged_method", "unknown_method", "unknown_field", "unjudged_secret_looking_field"],
)
def test_generator_fails_when_table_and_spec_disagree(
    tmp_path: Path, change: Any, message: str
) -> None:
    if not SPEC_DIR.exists():
        pytest.fail("the spec is needed to test the generator")
    proc = generate_with(tmp_path, change)
    assert proc.returncode == 1
    assert "scripts/judgements.toml does not match the spec" in proc.stderr
    assert message in proc.stderr


GENERATOR_IMPORTS = (
    "judgements",
    "docstrings",
    "gen_spec",
    "gen_models",
    "gen_methods",
    "gen_account",
)
"""The scripts/ modules generate.py imports, each after the ones it imports."""


def load_script(name: str) -> Any:
    """A module of scripts/ (not a package), loaded from its file as ``name``."""
    if name in sys.modules:
        return sys.modules[name]
    if name == "generate":
        for sibling in GENERATOR_IMPORTS:
            load_script(sibling)
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses, and generate's ``from judgements import``
    spec.loader.exec_module(module)
    return module


def test_malformed_table_entries_are_refused() -> None:
    judgements = load_script("judgements")
    generate = load_script("generate")
    spec = generate.Spec(SPEC_DIR / "spec.json", SPEC_DIR / "events.json")
    table = judgements.Judgements.load()
    bad = dataclasses.replace(
        table,
        retry_safe={**table.retry_safe, "AdminListUsers": "yes"},
        secret_fields={**table.secret_fields, "InstallCreds.TOTPCode": ""},
    )
    with pytest.raises(judgements.JudgementError) as info:
        judgements.check(bad, spec.data["methods"], spec.structs, spec.kind, (), None)
    assert "AdminListUsers = 'yes': retry_safe must be true or false" in str(info.value)
    assert "InstallCreds.TOTPCode: give the reason as a non-empty string" in str(info.value)
