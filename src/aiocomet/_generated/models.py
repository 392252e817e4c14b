"""Comet Server API models: one msgspec Struct per spec struct.

GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.
Source: Comet Server API spec, comet_version 25.9.8, spec.json sha256 be80f51800bf8460aaf592a60af9bdd27814ef4b00bf9f9f3f96dd495c38868a.
"""

from __future__ import annotations

from typing import Any, ClassVar

import msgspec

from .._model import CometModel, GoBytes, GoList, GoMap


class AddBucketResponseMessage(CometModel):
    "``AddBucketResponseMessage``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["NewBucketKey"])

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    NewBucketID: str = msgspec.field(default="")
    NewBucketKey: str = msgspec.field(default="")


class AdminUserPermissions(CometModel):
    "``AdminUserPermissions``."

    PreventEditServerSettings: bool = msgspec.field(default=False)
    PreventServerShutdown: bool = msgspec.field(default=False)
    PreventChangePassword: bool = msgspec.field(default=False)
    AllowEditBranding: bool = msgspec.field(default=False)
    AllowEditEmailOptions: bool = msgspec.field(default=False)
    AllowEditRemoteStorage: bool = msgspec.field(default=False)
    AllowEditWebhooks: bool = msgspec.field(default=False)
    AllowEditExternalAuthSources: bool = msgspec.field(default=False)
    DenyConstellationRole: bool = msgspec.field(default=False)
    DenyViewServerHistory: bool = msgspec.field(default=False)
    DenyViewServerInfo: bool = msgspec.field(default=False)
    PreventDeleteStorageVault: bool = msgspec.field(default=False)
    PreventRequestStorageVault: bool = msgspec.field(default=False)
    PreventAddCustomStorageVault: bool = msgspec.field(default=False)
    HideCloudStorageBranding: bool = msgspec.field(default=False)
    ShouldRestrictProviderList: bool = msgspec.field(default=False)
    AllowedProvidersWhenRestricted: GoList[int] = msgspec.field(default_factory=list)
    AllowedUserPolicies: GoList[str] = msgspec.field(default_factory=list)
    DenySoftwareBuildRole: bool = msgspec.field(default=False)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.AllowedProvidersWhenRestricted is None:
            self.AllowedProvidersWhenRestricted = []
        if self.AllowedUserPolicies is None:
            self.AllowedUserPolicies = []


class AdminSecurityOptions(CometModel):
    "``AdminSecurityOptions``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password", "TOTPKey"])

    PasswordFormat: int = msgspec.field(default=0)
    Password: str = msgspec.field(default="")
    AllowPasswordLogin: bool = msgspec.field(default=False)
    AllowPasswordAndTOTPLogin: bool = msgspec.field(default=False)
    AllowPasswordAndU2FLogin: bool = msgspec.field(default=False)
    AllowPasswordAndWebAuthnLogin: bool = msgspec.field(default=False)
    U2FRegistrations: GoList[AdminU2FRegistration] = msgspec.field(default_factory=list)
    WebAuthnRegistrations: GoList[AdminWebAuthnRegistration] = msgspec.field(default_factory=list)
    RequirePasswordChange: bool = msgspec.field(default=False)
    TOTPKeyEncryptionFormat: int = msgspec.field(default=0)
    TOTPKey: str = msgspec.field(default="")
    IPWhitelist: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.U2FRegistrations is None:
            self.U2FRegistrations = []
        if self.WebAuthnRegistrations is None:
            self.WebAuthnRegistrations = []


class AdminAccountPropertiesResponse(CometModel):
    "``AdminAccountPropertiesResponse``."

    OrganizationID: str = msgspec.field(default="")
    Permissions: AdminUserPermissions | None = msgspec.field(default_factory=AdminUserPermissions)
    Security: AdminSecurityOptions | None = msgspec.field(default_factory=AdminSecurityOptions)


class AdminEmailOptions(CometModel):
    "``AdminEmailOptions``."

    FromEmail: str = msgspec.field(default="")
    FromName: str = msgspec.field(default="")


class PolicyOptions(CometModel):
    "``PolicyOptions``."

    DeleteSources: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.DeleteSources is None:
            self.DeleteSources = []


class AdminOptions(CometModel):
    "``AdminOptions``."

    Policy: PolicyOptions | None = msgspec.field(default_factory=PolicyOptions)


class AdminResourceResponse(CometModel):
    "``AdminResourceResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    ResourceHash: str = msgspec.field(default="")


class AdminU2FRegistration(CometModel):
    "``AdminU2FRegistration`` (deprecated since 21.12.0)."

    Description: str = msgspec.field(default="")
    RegisterTime: int = msgspec.field(default=0)
    Registration: GoBytes = msgspec.field(default=b"")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Registration is None:
            self.Registration = b""


class WebAuthnCredential(CometModel):
    "``WebAuthnCredential``."

    PublicKey: GoBytes = msgspec.field(default=b"")
    AttestationType: str = msgspec.field(default="")
    AAGUID: GoBytes = msgspec.field(default=b"")
    SignCount: int = msgspec.field(default=0)
    CloneWarning: bool = msgspec.field(default=False)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.PublicKey is None:
            self.PublicKey = b""
        if self.AAGUID is None:
            self.AAGUID = b""


class AdminWebAuthnRegistration(CometModel):
    "``AdminWebAuthnRegistration``."

    Description: str = msgspec.field(default="")
    RegisterTime: int = msgspec.field(default=0)
    Type: int = msgspec.field(default=0)
    IsLegacyU2F: bool = msgspec.field(default=False)
    ID: GoBytes = msgspec.field(default=b"")
    Credential: WebAuthnCredential | None = msgspec.field(default_factory=WebAuthnCredential)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ID is None:
            self.ID = b""


class AllowedAdminUser(CometModel):
    "``AllowedAdminUser``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password", "TOTPKey"])

    Username: str = msgspec.field(default="")
    OrganizationID: str = msgspec.field(default="")
    ExternalAuthenticationSource: str = msgspec.field(default="")
    PasswordFormat: int = msgspec.field(default=0)
    Password: str = msgspec.field(default="")
    AllowPasswordLogin: bool = msgspec.field(default=False)
    AllowPasswordAndTOTPLogin: bool = msgspec.field(default=False)
    AllowPasswordAndU2FLogin: bool = msgspec.field(default=False)
    AllowPasswordAndWebAuthnLogin: bool = msgspec.field(default=False)
    U2FRegistrations: GoList[AdminU2FRegistration] = msgspec.field(default_factory=list)
    WebAuthnRegistrations: GoList[AdminWebAuthnRegistration] = msgspec.field(default_factory=list)
    RequirePasswordChange: bool = msgspec.field(default=False)
    TOTPKeyEncryptionFormat: int = msgspec.field(default=0)
    TOTPKey: str = msgspec.field(default="")
    IPWhitelist: str = msgspec.field(default="")
    Permissions: AdminUserPermissions | None = msgspec.field(default_factory=AdminUserPermissions)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.U2FRegistrations is None:
            self.U2FRegistrations = []
        if self.WebAuthnRegistrations is None:
            self.WebAuthnRegistrations = []


class AmazonAWSVirtualStorageRoleSettings(CometModel):
    "``AmazonAWSVirtualStorageRoleSettings``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AccessKey", "SecretKey"])

    MasterBucket: str = msgspec.field(default="")
    AccessKey: str = msgspec.field(default="")
    SecretKey: str = msgspec.field(default="")
    UseObjectLock_Legacy_DoNotUse: bool = msgspec.field(default=False, name="UseObjectLock")
    ObjectLockMode: int = msgspec.field(default=0)
    ObjectLockDays: int = msgspec.field(default=0)
    RemoveDeleted: bool = msgspec.field(default=False)


class GlobalOverrideOptions(CometModel):
    "``GlobalOverrideOptions``."

    RandomDelaySecs: int = msgspec.field(default=0)


class AuthenticationRoleOptions(CometModel):
    "``AuthenticationRoleOptions``."

    RoleEnabled: bool = msgspec.field(default=False)
    DatabaseCheckLevel: int = msgspec.field(default=0)
    GenerateMissedBackupEvents: bool = msgspec.field(default=False)
    NoMissedBackupEventsBefore: int = msgspec.field(default=0)
    GenerateScheduledEmails: bool = msgspec.field(default=False)
    PruneLogsAfterDays: int = msgspec.field(default=0)
    RemoteStorage: GoList[RemoteStorageOption] = msgspec.field(default_factory=list)
    ReplicateTo: GoList[ReplicaServer] = msgspec.field(default_factory=list)
    GlobalOverrides: GlobalOverrideOptions | None = msgspec.field(
        default_factory=GlobalOverrideOptions
    )

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.RemoteStorage is None:
            self.RemoteStorage = []
        if self.ReplicateTo is None:
            self.ReplicateTo = []


class AvailableDownload(CometModel):
    "``AvailableDownload``."

    Category: str = msgspec.field(default="")
    Description: str = msgspec.field(default="")
    Recommended: bool = msgspec.field(default=False)


class AzureDestinationLocation(CometModel):
    "``AzureDestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AZBAccountKey"])

    AZBAccountName: str = msgspec.field(default="")
    AZBAccountKey: str = msgspec.field(default="")
    AZBContainer: str = msgspec.field(default="")
    AZBRealm: str = msgspec.field(default="")
    AZBPrefix: str = msgspec.field(default="")


class B2DestinationLocation(CometModel):
    "``B2DestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Key"])

    AccountID: str = msgspec.field(default="")
    Key: str = msgspec.field(default="")
    Bucket: str = msgspec.field(default="")
    Prefix: str = msgspec.field(default="")
    MaxConnections: int = msgspec.field(default=0)
    HideDeletedFiles: bool = msgspec.field(default=False)


class B2StorageExtraInfo(CometModel):
    "``B2StorageExtraInfo``."

    TotalTransactionsInTimeInterval: GoMap[int, B2TransactionTotals] = msgspec.field(
        default_factory=dict
    )

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.TotalTransactionsInTimeInterval is None:
            self.TotalTransactionsInTimeInterval = {}


class B2TransactionTotals(CometModel):
    "``B2TransactionTotals``."

    ClassA: int = msgspec.field(default=0)
    ClassB: int = msgspec.field(default=0)
    ClassC: int = msgspec.field(default=0)


class B2VirtualStorageRoleSettings(CometModel):
    "``B2VirtualStorageRoleSettings``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AppKey"])

    MasterBucket: str = msgspec.field(default="")
    KeyID: str = msgspec.field(default="")
    AppKey: str = msgspec.field(default="")
    HideDeletedFiles: bool = msgspec.field(default=False)


class BackupJobAdvancedOptions(CometModel):
    "``BackupJobAdvancedOptions``."

    SkipAlreadyRunning: bool = msgspec.field(default=False)
    StopAfter: int = msgspec.field(default=0)
    LimitVaultSpeedBps: int = msgspec.field(default=0)
    ReduceDiskConcurrency: bool = msgspec.field(default=False)
    UseOnDiskIndexes: bool = msgspec.field(default=False)
    AllowZeroFilesSuccess: bool = msgspec.field(default=False)
    AutoRetentionLevel: int = msgspec.field(default=0)
    ConcurrencyCount: int = msgspec.field(default=0)
    LogLevel: str = msgspec.field(default="")
    Tags: str = msgspec.field(default="")


class BackupJobProgress(CometModel):
    "``BackupJobProgress``."

    Counter: int = msgspec.field(default=0)
    SentTime: int = msgspec.field(default=0)
    RecievedTime: int = msgspec.field(default=0)
    BytesDone: int = msgspec.field(default=0)
    ItemsDone: int = msgspec.field(default=0)
    ItemsTotal: int = msgspec.field(default=0)


class SizeMeasurement(CometModel):
    "``SizeMeasurement``."

    Size: int = msgspec.field(default=0)
    MeasureStarted: int = msgspec.field(default=0)
    MeasureCompleted: int = msgspec.field(default=0)


class BackupJobDetail(CometModel):
    "``BackupJobDetail``."

    GUID: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Classification: int = msgspec.field(default=0)
    Status: int = msgspec.field(default=0)
    StartTime: int = msgspec.field(default=0)
    EndTime: int = msgspec.field(default=0)
    RetryCount: int = msgspec.field(default=0)
    SourceGUID: str = msgspec.field(default="")
    DestinationGUID: str = msgspec.field(default="")
    DeviceID: str = msgspec.field(default="")
    SnapshotID: str = msgspec.field(default="")
    BackupRuleGUID: str = msgspec.field(default="")
    ClientVersion: str = msgspec.field(default="")
    TotalDirectories: int = msgspec.field(default=0)
    TotalFiles: int = msgspec.field(default=0)
    TotalSize: int = msgspec.field(default=0)
    TotalChunks: int = msgspec.field(default=0)
    UploadSize: int = msgspec.field(default=0)
    DownloadSize: int = msgspec.field(default=0)
    TotalVmCount: int = msgspec.field(default=0)
    TotalMailsCount: int = msgspec.field(default=0)
    TotalSitesCount: int = msgspec.field(default=0)
    TotalAccountsCount: int = msgspec.field(default=0)
    TotalLicensedMailsCount: int = msgspec.field(default=0)
    TotalUnlicensedMailsCount: int = msgspec.field(default=0)
    ConflictingJobID: str = msgspec.field(default="")
    CancellationID: str = msgspec.field(default="")
    Progress: BackupJobProgress | None = msgspec.field(default_factory=BackupJobProgress)
    DestinationSizeStart: SizeMeasurement | None = msgspec.field(default_factory=SizeMeasurement)
    DestinationSizeEnd: SizeMeasurement | None = msgspec.field(default_factory=SizeMeasurement)
    Tags: str = msgspec.field(default="")


class BackupRuleEventTriggers(CometModel):
    "``BackupRuleEventTriggers``."

    OnPCBoot: bool = msgspec.field(default=False)
    OnPCBootIfLastJobMissed: bool = msgspec.field(default=False)
    OnLastJobFailDoRetry: bool = msgspec.field(default=False)
    LastJobFailDoRetryCount: int = msgspec.field(default=0)
    LastJobFailDoRetryTime: int = msgspec.field(default=0)


class BackupRuleConfig(CometModel):
    "``BackupRuleConfig``."

    Description: str = msgspec.field(default="")
    CreateTime: int = msgspec.field(default=0)
    ModifyTime: int = msgspec.field(default=0)
    PreExec: GoList[str] = msgspec.field(default_factory=list)
    ThawExec: GoList[str] = msgspec.field(default_factory=list)
    PostExec: GoList[str] = msgspec.field(default_factory=list)
    Source: str = msgspec.field(default="")
    Destination: str = msgspec.field(default="")
    SkipAlreadyRunning: bool = msgspec.field(default=False)
    StopAfter: int = msgspec.field(default=0)
    LimitVaultSpeedBps: int = msgspec.field(default=0)
    ReduceDiskConcurrency: bool = msgspec.field(default=False)
    UseOnDiskIndexes: bool = msgspec.field(default=False)
    AllowZeroFilesSuccess: bool = msgspec.field(default=False)
    AutoRetentionLevel: int = msgspec.field(default=0)
    ConcurrencyCount: int = msgspec.field(default=0)
    LogLevel: str = msgspec.field(default="")
    Tags: str = msgspec.field(default="")
    Schedules: GoList[ScheduleConfig] = msgspec.field(default_factory=list)
    EventTriggers: BackupRuleEventTriggers | None = msgspec.field(
        default_factory=BackupRuleEventTriggers
    )

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.PreExec is None:
            self.PreExec = []
        if self.ThawExec is None:
            self.ThawExec = []
        if self.PostExec is None:
            self.PostExec = []
        if self.Schedules is None:
            self.Schedules = []


class SSHConnection(CometModel):
    "``SSHConnection``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["SSHPassword", "SSHPrivateKey"])

    SSHServer: str = msgspec.field(default="")
    SSHUsername: str = msgspec.field(default="")
    SSHAuthMode: int = msgspec.field(default=0)
    SSHPassword: str = msgspec.field(default="")
    SSHPrivateKey: str = msgspec.field(default="")
    SSHCustomAuth_UseKnownHostsFile: bool = msgspec.field(default=False)
    SSHCustomAuth_KnownHostsFile: str = msgspec.field(default="")


class MacOSCodeSignProperties(CometModel):
    "``MacOSCodeSignProperties``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AppleIDPass", "PfxFilePassword"])

    Level: int = msgspec.field(default=0)
    SignLocally: bool = msgspec.field(default=False)
    SSHServer: SSHConnection | None = msgspec.field(default_factory=SSHConnection)
    CertificateName: str = msgspec.field(default="")
    AppCertificateName: str = msgspec.field(default="")
    AppleID: str = msgspec.field(default="")
    AppleIDPass: str = msgspec.field(default="")
    AppleIDPassFormat: int = msgspec.field(default=0)
    CertificateFile: str = msgspec.field(default="")
    AppCertificateFile: str = msgspec.field(default="")
    PfxFilePassword: str = msgspec.field(default="")
    PfxFilePasswordFormat: int = msgspec.field(default=0)
    NotaryAPIIssuerID: str = msgspec.field(default="")
    NotaryAPIKeyID: str = msgspec.field(default="")
    NotaryAPIKeyFile: str = msgspec.field(default="")


class BrandingOptions(CometModel):
    "``BrandingOptions``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(
        [
            "WindowsCodeSignAzureAppSecret",
            "WindowsCodeSignPKCS11Password",
            "WindowsCodeSignPKCS12Password",
        ]
    )

    BrandingStyleType: int = msgspec.field(default=0)
    BrandName: str = msgspec.field(default="")
    LogoImage: str = msgspec.field(default="")
    TopColor: str = msgspec.field(default="")
    AccentColor: str = msgspec.field(default="")
    Favicon: str = msgspec.field(default="")
    HideNewsArea: bool = msgspec.field(default=False)
    ProductName: str = msgspec.field(default="")
    CompanyName: str = msgspec.field(default="")
    HelpURL: str = msgspec.field(default="")
    HelpIsPopup: bool = msgspec.field(default=False)
    DefaultLoginServerURL: str = msgspec.field(default="")
    TileBackgroundColor: str = msgspec.field(default="")
    AccountRegisterURL: str = msgspec.field(default="")
    HideBackgroundLogo: bool = msgspec.field(default=False)
    CloudStorageName: str = msgspec.field(default="")
    AdminHidePreBuiltClientOption: bool = msgspec.field(default=False)
    AdminHideBrandedCloudStorage: bool = msgspec.field(default=False)
    BuildMode: int = msgspec.field(default=0)
    PathIcoFile: str = msgspec.field(default="")
    PathIcnsFile: str = msgspec.field(default="")
    PathMenuBarIcnsFile: str = msgspec.field(default="")
    PathEulaRtf: str = msgspec.field(default="")
    PathTilePng: str = msgspec.field(default="")
    PathHeaderImage: str = msgspec.field(default="")
    PathAppIconImage: str = msgspec.field(default="")
    PackageIdentifier: str = msgspec.field(default="")
    WindowsCodeSignMethod: int = msgspec.field(default=0)
    WindowsCodeSignPKCS12FilePath: str = msgspec.field(default="")
    WindowsCodeSignPKCS12PasswordFormat: int = msgspec.field(default=0)
    WindowsCodeSignPKCS12Password: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Engine: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Module: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Certfile: str = msgspec.field(default="")
    WindowsCodeSignPKCS11KeyID: str = msgspec.field(default="")
    WindowsCodeSignPKCS11PasswordFormat: int = msgspec.field(default=0)
    WindowsCodeSignPKCS11Password: str = msgspec.field(default="")
    WindowsCodeSignAzureVaultName: str = msgspec.field(default="")
    WindowsCodeSignAzureCertName: str = msgspec.field(default="")
    WindowsCodeSignAzureAppID: str = msgspec.field(default="")
    WindowsCodeSignAzureAppSecretFormat: int = msgspec.field(default=0)
    WindowsCodeSignAzureAppSecret: str = msgspec.field(default="")
    WindowsCodeSignAzureTenantID: str = msgspec.field(default="")
    WindowsCodeSignRelicServerURL: str = msgspec.field(default="")
    WindowsCodeSignRelicKeypairFile: str = msgspec.field(default="")
    WindowsCodeSignRelicKeyName: str = msgspec.field(default="")
    MacOSCodeSign: MacOSCodeSignProperties | None = msgspec.field(
        default_factory=MacOSCodeSignProperties
    )


class BrandingProperties(CometModel):
    "``BrandingProperties``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(
        [
            "WindowsCodeSignAzureAppSecret",
            "WindowsCodeSignPKCS11Password",
            "WindowsCodeSignPKCS12Password",
        ]
    )

    ProductName: str = msgspec.field(default="")
    CompanyName: str = msgspec.field(default="")
    HelpURL: str = msgspec.field(default="")
    HelpIsPopup: bool = msgspec.field(default=False)
    DefaultLoginServerURL: str = msgspec.field(default="")
    TileBackgroundColor: str = msgspec.field(default="")
    AccountRegisterURL: str = msgspec.field(default="")
    HideBackgroundLogo: bool = msgspec.field(default=False)
    CloudStorageName: str = msgspec.field(default="")
    AdminHidePreBuiltClientOption: bool = msgspec.field(default=False)
    AdminHideBrandedCloudStorage: bool = msgspec.field(default=False)
    BuildMode: int = msgspec.field(default=0)
    PathIcoFile: str = msgspec.field(default="")
    PathIcnsFile: str = msgspec.field(default="")
    PathMenuBarIcnsFile: str = msgspec.field(default="")
    PathEulaRtf: str = msgspec.field(default="")
    PathTilePng: str = msgspec.field(default="")
    PathHeaderImage: str = msgspec.field(default="")
    PathAppIconImage: str = msgspec.field(default="")
    PackageIdentifier: str = msgspec.field(default="")
    WindowsCodeSignMethod: int = msgspec.field(default=0)
    WindowsCodeSignPKCS12FilePath: str = msgspec.field(default="")
    WindowsCodeSignPKCS12PasswordFormat: int = msgspec.field(default=0)
    WindowsCodeSignPKCS12Password: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Engine: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Module: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Certfile: str = msgspec.field(default="")
    WindowsCodeSignPKCS11KeyID: str = msgspec.field(default="")
    WindowsCodeSignPKCS11PasswordFormat: int = msgspec.field(default=0)
    WindowsCodeSignPKCS11Password: str = msgspec.field(default="")
    WindowsCodeSignAzureVaultName: str = msgspec.field(default="")
    WindowsCodeSignAzureCertName: str = msgspec.field(default="")
    WindowsCodeSignAzureAppID: str = msgspec.field(default="")
    WindowsCodeSignAzureAppSecretFormat: int = msgspec.field(default=0)
    WindowsCodeSignAzureAppSecret: str = msgspec.field(default="")
    WindowsCodeSignAzureTenantID: str = msgspec.field(default="")
    WindowsCodeSignRelicServerURL: str = msgspec.field(default="")
    WindowsCodeSignRelicKeypairFile: str = msgspec.field(default="")
    WindowsCodeSignRelicKeyName: str = msgspec.field(default="")
    MacOSCodeSign: MacOSCodeSignProperties | None = msgspec.field(
        default_factory=MacOSCodeSignProperties
    )


class BrowseDiskDrivesResponse(CometModel):
    "``BrowseDiskDrivesResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Disks: GoList[DiskDrive] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Disks is None:
            self.Disks = []


class BrowseEDBResponse(CometModel):
    "``BrowseEDBResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Databases: GoList[EDBFileInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Databases is None:
            self.Databases = []


class BrowseHVResponse(CometModel):
    "``BrowseHVResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    VirtualMachines: GoList[HyperVMachineInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.VirtualMachines is None:
            self.VirtualMachines = []


class BrowseOffice365ListVirtualAccountsResponse(CometModel):
    "``BrowseOffice365ListVirtualAccountsResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Objects: GoList[Office365MixedVirtualAccount] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Objects is None:
            self.Objects = []


class BrowseOffice365ObjectsResponse(CometModel):
    "``BrowseOffice365ObjectsResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Objects: GoList[Office365ObjectInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Objects is None:
            self.Objects = []


class BrowseProxmoxNodesResponse(CometModel):
    "``BrowseProxmoxNodesResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Nodes: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Nodes is None:
            self.Nodes = []


class BrowseProxmoxResponse(CometModel):
    "``BrowseProxmoxResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    VMs: GoList[PVEVM] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.VMs is None:
            self.VMs = []


class BrowseProxmoxStorageResponse(CometModel):
    "``BrowseProxmoxStorageResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Storage: GoList[PVEStorageName] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Storage is None:
            self.Storage = []


class BrowseSQLServerResponse(CometModel):
    "``BrowseSQLServerResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Objects: GoMap[str, str] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Objects is None:
            self.Objects = {}


class BrowseVMwareDatacentersResponse(CometModel):
    "``BrowseVMwareDatacentersResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Datacenters: GoList[VMwareDatacenterInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Datacenters is None:
            self.Datacenters = []


class BrowseVMwareDatastoresResponse(CometModel):
    "``BrowseVMwareDatastoresResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Datastores: GoList[VMwareDatastoreInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Datastores is None:
            self.Datastores = []


class BrowseVMwareHostsResponse(CometModel):
    "``BrowseVMwareHostsResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Hosts: GoList[VMwareHostInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Hosts is None:
            self.Hosts = []


class BrowseVMwareNetworksResponse(CometModel):
    "``BrowseVMwareNetworksResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Networks: GoList[VMwareNetworkInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Networks is None:
            self.Networks = []


class BrowseVMwareResponse(CometModel):
    "``BrowseVMwareResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    VirtualMachines: GoList[VMwareMachineInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.VirtualMachines is None:
            self.VirtualMachines = []


class BrowseVSSResponse(CometModel):
    "``BrowseVSSResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    VSSWriters: GoMap[str, VSSWriterInfo] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.VSSWriters is None:
            self.VSSWriters = {}


class BucketProperties(CometModel):
    "``BucketProperties``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["ReadWriteKey"])

    OrganizationID: str = msgspec.field(default="")
    CreateTime: int = msgspec.field(default=0)
    ReadWriteKeyFormat: int = msgspec.field(default=0)
    ReadWriteKey: str = msgspec.field(default="")
    Size: SizeMeasurement | None = msgspec.field(default_factory=SizeMeasurement)


class BucketUsageInfo(CometModel):
    "``BucketUsageInfo``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AccessKey"])

    AccessKey: str = msgspec.field(default="")
    ExistsOnServers: GoList[int] = msgspec.field(default_factory=list)
    InUseBy: GoList[UserOnServer] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ExistsOnServers is None:
            self.ExistsOnServers = []
        if self.InUseBy is None:
            self.InUseBy = []


class CometAPIResponseMessage(CometModel):
    "``CometAPIResponseMessage``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")


class CometDestinationLocation(CometModel):
    "``CometDestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["CometBucketKey"])

    CometServer: str = msgspec.field(default="")
    CometBucket: str = msgspec.field(default="")
    CometBucketKey: str = msgspec.field(default="")


class ConstellationCheckReport(CometModel):
    "``ConstellationCheckReport``."

    CheckStarted: int = msgspec.field(default=0)
    CheckCompleted: int = msgspec.field(default=0)
    Usage: GoMap[str, BucketUsageInfo] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Usage is None:
            self.Usage = {}


class ConstellationRoleOptions(CometModel):
    "``ConstellationRoleOptions``."

    RoleEnabled: bool = msgspec.field(default=False)
    DeleteUnusedData: bool = msgspec.field(default=False)
    Servers: GoList[RemoteServerAddress] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Servers is None:
            self.Servers = []


class ConstellationStats(CometModel):
    "``ConstellationStats``."

    LastCheckStart: int = msgspec.field(default=0)
    TotalChecksStarted: int = msgspec.field(default=0)
    TotalBucketsDeleted: int = msgspec.field(default=0)
    ChecksCurrentlyActive: int = msgspec.field(default=0)


class ConstellationStatusAPIResponse(CometModel):
    "``ConstellationStatusAPIResponse``."

    DeletionEnabled: bool = msgspec.field(default=False)
    Targets: GoList[str] = msgspec.field(default_factory=list)
    TargetNames: GoList[str] = msgspec.field(default_factory=list)
    Stats: ConstellationStats | None = msgspec.field(default_factory=ConstellationStats)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Targets is None:
            self.Targets = []
        if self.TargetNames is None:
            self.TargetNames = []


class ContentMeasurement(CometModel):
    "``ContentMeasurement``."

    MeasureStarted: int = msgspec.field(default=0)
    MeasureCompleted: int = msgspec.field(default=0)
    Components: GoList[ContentMeasurementComponent] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Components is None:
            self.Components = []


class ContentMeasurementComponent(CometModel):
    "``ContentMeasurementComponent``."

    Bytes: int = msgspec.field(default=0)
    UsedBy: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.UsedBy is None:
            self.UsedBy = []


class CountJobsResponse(CometModel):
    "``CountJobsResponse``."

    Count: int = msgspec.field(default=0)


class CreateGroupPolicyResponse(CometModel):
    "``CreateGroupPolicyResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    PolicyHash: str = msgspec.field(default="")


class CreateUserGroupResponse(CometModel):
    "``CreateUserGroupResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    UserGroupID: str = msgspec.field(default="")


class CustomRemoteBucketSettings(CometModel):
    "``CustomRemoteBucketSettings``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["CustomBody", "CustomHeaders"])

    URL: str = msgspec.field(default="")
    CustomHeaders: GoMap[str, str] = msgspec.field(default_factory=dict)
    CustomBody: str = msgspec.field(default="")
    CustomBodyType: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.CustomHeaders is None:
            self.CustomHeaders = {}


class DaysOfWeekConfig(CometModel):
    "``DaysOfWeekConfig``."

    Sunday: bool = msgspec.field(default=False)
    Monday: bool = msgspec.field(default=False)
    Tuesday: bool = msgspec.field(default=False)
    Wednesday: bool = msgspec.field(default=False)
    Thursday: bool = msgspec.field(default=False)
    Friday: bool = msgspec.field(default=False)
    Saturday: bool = msgspec.field(default=False)


class DefaultEmailReportPolicy(CometModel):
    "``DefaultEmailReportPolicy``."

    ShouldOverrideDefaultReports: bool = msgspec.field(default=False)
    Reports: GoList[EmailReportConfig] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Reports is None:
            self.Reports = []


class SourceStatistics(CometModel):
    "``SourceStatistics``."

    LastStartTime: int = msgspec.field(default=0)
    LastBackupJob: BackupJobDetail | None = msgspec.field(default_factory=BackupJobDetail)
    LastSuccessfulBackupJob: BackupJobDetail | None = msgspec.field(default_factory=BackupJobDetail)


class SourceConfig(CometModel):
    "``SourceConfig``."

    Engine: str = msgspec.field(default="")
    Description: str = msgspec.field(default="")
    OwnerDevice: str = msgspec.field(default="")
    CreateTime: int = msgspec.field(default=0)
    ModifyTime: int = msgspec.field(default=0)
    PreExec: GoList[str] = msgspec.field(default_factory=list)
    ThawExec: GoList[str] = msgspec.field(default_factory=list)
    PostExec: GoList[str] = msgspec.field(default_factory=list)
    EngineProps: GoMap[str, str] = msgspec.field(default_factory=dict)
    PolicySourceID: str = msgspec.field(default="")
    ExistingUserUpdate: bool = msgspec.field(default=False)
    OverrideDestinationRetention: GoMap[str, RetentionPolicy] = msgspec.field(default_factory=dict)
    Statistics: SourceStatistics | None = msgspec.field(default_factory=SourceStatistics)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.PreExec is None:
            self.PreExec = []
        if self.ThawExec is None:
            self.ThawExec = []
        if self.PostExec is None:
            self.PostExec = []
        if self.EngineProps is None:
            self.EngineProps = {}
        if self.OverrideDestinationRetention is None:
            self.OverrideDestinationRetention = {}


class DefaultSourceWithOSRestriction(CometModel):
    "``DefaultSourceWithOSRestriction``."

    SourceConfig: SourceConfig | None = msgspec.field(default_factory=SourceConfig)
    RestrictOS: int = msgspec.field(default=0)


class SwiftDestinationLocation(CometModel):
    "``SwiftDestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["APIKey", "AuthToken"])

    Username: str = msgspec.field(default="")
    APIKey: str = msgspec.field(default="")
    Region: str = msgspec.field(default="")
    AuthURL: str = msgspec.field(default="")
    Domain: str = msgspec.field(default="")
    Tenant: str = msgspec.field(default="")
    TenantDomain: str = msgspec.field(default="")
    TenantID: str = msgspec.field(default="")
    TrustID: str = msgspec.field(default="")
    AuthToken: str = msgspec.field(default="")
    Prefix: str = msgspec.field(default="")
    Container: str = msgspec.field(default="")
    DefaultContainerPolicy: str = msgspec.field(default="")


class WebDavDestinationLocation(CometModel):
    "``WebDavDestinationLocation`` (since 23.6.9)."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AccessKey"])

    DavServer: str = msgspec.field(default="")
    UserName: str = msgspec.field(default="")
    AccessKey: str = msgspec.field(default="")
    Path: str = msgspec.field(default="")


class StorjDestinationLocation(CometModel):
    "``StorjDestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["APIKey", "Passphrase"])

    SatelliteAddress: str = msgspec.field(default="")
    APIKey: str = msgspec.field(default="")
    Passphrase: str = msgspec.field(default="")
    StorjBucket: str = msgspec.field(default="")
    StorjBucketPrefix: str = msgspec.field(default="")


class SMBDestinationLocation(CometModel):
    "``SMBDestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["SMBPassword"])

    SMBServer: str = msgspec.field(default="")
    SMBShare: str = msgspec.field(default="")
    SMBDirectory: str = msgspec.field(default="")
    SMBUsername: str = msgspec.field(default="")
    SMBPassword: str = msgspec.field(default="")


class DestinationStatistics(CometModel):
    "``DestinationStatistics``."

    ClientProvidedSize: SizeMeasurement | None = msgspec.field(default_factory=SizeMeasurement)
    ClientProvidedContent: ContentMeasurement | None = msgspec.field(
        default_factory=ContentMeasurement
    )
    LastSuccessfulDeepVerify_GUID: str = msgspec.field(default="")
    LastSuccessfulDeepVerify_StartTime: int = msgspec.field(default=0)
    LastSuccessfulDeepVerify_EndTime: int = msgspec.field(default=0)


class RetentionPolicy(CometModel):
    "``RetentionPolicy``."

    Mode: int = msgspec.field(default=0)
    Ranges: GoList[RetentionRange] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Ranges is None:
            self.Ranges = []


class DestinationConfig(CometModel):
    "``DestinationConfig``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(
        [
            "AZBAccountKey",
            "CometBucketKey",
            "EncryptedEncryptionKey",
            "FTPPassword",
            "LocalcopyWinSMBPassword",
            "S3AccessKey",
            "S3SecretKey",
            "SFTPPassword",
            "SFTPPrivateKey",
        ]
    )

    Description: str = msgspec.field(default="")
    CreateTime: int = msgspec.field(default=0)
    ModifyTime: int = msgspec.field(default=0)
    PreExec: GoList[str] = msgspec.field(default_factory=list)
    ThawExec: GoList[str] = msgspec.field(default_factory=list)
    PostExec: GoList[str] = msgspec.field(default_factory=list)
    DestinationType: int = msgspec.field(default=0)
    CometServer: str = msgspec.field(default="")
    CometBucket: str = msgspec.field(default="")
    CometBucketKey: str = msgspec.field(default="")
    S3Server: str = msgspec.field(default="")
    S3UsesTLS: bool = msgspec.field(default=False)
    S3AccessKey: str = msgspec.field(default="")
    S3SecretKey: str = msgspec.field(default="")
    S3BucketName: str = msgspec.field(default="")
    S3Subdir: str = msgspec.field(default="")
    S3CustomRegion: str = msgspec.field(default="")
    S3UsesV2Signing: bool = msgspec.field(default=False)
    S3RemoveDeleted: bool = msgspec.field(default=False)
    S3ObjectLockMode: int = msgspec.field(default=0)
    S3ObjectLockDays: int = msgspec.field(default=0)
    SFTPServer: str = msgspec.field(default="")
    SFTPUsername: str = msgspec.field(default="")
    SFTPRemotePath: str = msgspec.field(default="")
    SFTPAuthMode: int = msgspec.field(default=0)
    SFTPPassword: str = msgspec.field(default="")
    SFTPPrivateKey: str = msgspec.field(default="")
    SFTPCustomAuth_UseKnownHostsFile: bool = msgspec.field(default=False)
    SFTPCustomAuth_KnownHostsFile: str = msgspec.field(default="")
    FTPServer: str = msgspec.field(default="")
    FTPUsername: str = msgspec.field(default="")
    FTPPassword: str = msgspec.field(default="")
    FTPBaseUseHomeDirectory: bool = msgspec.field(default=False)
    FTPCustomBaseDirectory: str = msgspec.field(default="")
    FTPSMode: int = msgspec.field(default=0)
    FTPPort: int = msgspec.field(default=0)
    FTPMaxConnections: int = msgspec.field(default=0)
    FTPAcceptInvalidSSL: bool = msgspec.field(default=False)
    AZBAccountName: str = msgspec.field(default="")
    AZBAccountKey: str = msgspec.field(default="")
    AZBContainer: str = msgspec.field(default="")
    AZBRealm: str = msgspec.field(default="")
    AZBPrefix: str = msgspec.field(default="")
    LocalcopyPath: str = msgspec.field(default="")
    LocalcopyWinSMBUsername: str = msgspec.field(default="")
    LocalcopyWinSMBPassword: str = msgspec.field(default="")
    LocalcopyWinSMBPasswordFormat: int = msgspec.field(default=0)
    Swift: SwiftDestinationLocation | None = msgspec.field(default_factory=SwiftDestinationLocation)
    B2: B2DestinationLocation | None = msgspec.field(default_factory=B2DestinationLocation)
    WebDav: WebDavDestinationLocation | None = msgspec.field(
        default_factory=WebDavDestinationLocation
    )
    Storj: StorjDestinationLocation | None = msgspec.field(default_factory=StorjDestinationLocation)
    SMB: SMBDestinationLocation | None = msgspec.field(default_factory=SMBDestinationLocation)
    SpanTargets: GoList[DestinationLocation] = msgspec.field(default_factory=list)
    SpanUseStaticSlots: bool = msgspec.field(default=False)
    Tag: str = msgspec.field(default="")
    EncryptionKeyEncryptionMethod: int = msgspec.field(default=0)
    EncryptedEncryptionKey: str = msgspec.field(default="")
    RepoInitTimestamp: int = msgspec.field(default=0)
    StorageLimitEnabled: bool = msgspec.field(default=False)
    StorageLimitBytes: int = msgspec.field(default=0)
    StorageLimitID: str = msgspec.field(default="")
    Statistics: DestinationStatistics | None = msgspec.field(default_factory=DestinationStatistics)
    DefaultRetention: RetentionPolicy | None = msgspec.field(default_factory=RetentionPolicy)
    RebrandStorage: bool = msgspec.field(default=False)
    RetentionError: str = msgspec.field(default="")
    AssociatedDevices: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.PreExec is None:
            self.PreExec = []
        if self.ThawExec is None:
            self.ThawExec = []
        if self.PostExec is None:
            self.PostExec = []
        if self.SpanTargets is None:
            self.SpanTargets = []
        if self.AssociatedDevices is None:
            self.AssociatedDevices = []


class DestinationLocation(CometModel):
    "``DestinationLocation`` (since 17.3.3)."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(
        [
            "AZBAccountKey",
            "CometBucketKey",
            "FTPPassword",
            "LocalcopyWinSMBPassword",
            "S3AccessKey",
            "S3SecretKey",
            "SFTPPassword",
            "SFTPPrivateKey",
        ]
    )

    DestinationType: int = msgspec.field(default=0)
    CometServer: str = msgspec.field(default="")
    CometBucket: str = msgspec.field(default="")
    CometBucketKey: str = msgspec.field(default="")
    S3Server: str = msgspec.field(default="")
    S3UsesTLS: bool = msgspec.field(default=False)
    S3AccessKey: str = msgspec.field(default="")
    S3SecretKey: str = msgspec.field(default="")
    S3BucketName: str = msgspec.field(default="")
    S3Subdir: str = msgspec.field(default="")
    S3CustomRegion: str = msgspec.field(default="")
    S3UsesV2Signing: bool = msgspec.field(default=False)
    S3RemoveDeleted: bool = msgspec.field(default=False)
    S3ObjectLockMode: int = msgspec.field(default=0)
    S3ObjectLockDays: int = msgspec.field(default=0)
    SFTPServer: str = msgspec.field(default="")
    SFTPUsername: str = msgspec.field(default="")
    SFTPRemotePath: str = msgspec.field(default="")
    SFTPAuthMode: int = msgspec.field(default=0)
    SFTPPassword: str = msgspec.field(default="")
    SFTPPrivateKey: str = msgspec.field(default="")
    SFTPCustomAuth_UseKnownHostsFile: bool = msgspec.field(default=False)
    SFTPCustomAuth_KnownHostsFile: str = msgspec.field(default="")
    FTPServer: str = msgspec.field(default="")
    FTPUsername: str = msgspec.field(default="")
    FTPPassword: str = msgspec.field(default="")
    FTPBaseUseHomeDirectory: bool = msgspec.field(default=False)
    FTPCustomBaseDirectory: str = msgspec.field(default="")
    FTPSMode: int = msgspec.field(default=0)
    FTPPort: int = msgspec.field(default=0)
    FTPMaxConnections: int = msgspec.field(default=0)
    FTPAcceptInvalidSSL: bool = msgspec.field(default=False)
    AZBAccountName: str = msgspec.field(default="")
    AZBAccountKey: str = msgspec.field(default="")
    AZBContainer: str = msgspec.field(default="")
    AZBRealm: str = msgspec.field(default="")
    AZBPrefix: str = msgspec.field(default="")
    LocalcopyPath: str = msgspec.field(default="")
    LocalcopyWinSMBUsername: str = msgspec.field(default="")
    LocalcopyWinSMBPassword: str = msgspec.field(default="")
    LocalcopyWinSMBPasswordFormat: int = msgspec.field(default=0)
    Swift: SwiftDestinationLocation | None = msgspec.field(default_factory=SwiftDestinationLocation)
    B2: B2DestinationLocation | None = msgspec.field(default_factory=B2DestinationLocation)
    WebDav: WebDavDestinationLocation | None = msgspec.field(
        default_factory=WebDavDestinationLocation
    )
    Storj: StorjDestinationLocation | None = msgspec.field(default_factory=StorjDestinationLocation)
    SMB: SMBDestinationLocation | None = msgspec.field(default_factory=SMBDestinationLocation)
    SpanTargets: GoList[DestinationLocation] = msgspec.field(default_factory=list)
    SpanUseStaticSlots: bool = msgspec.field(default=False)
    Tag: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.SpanTargets is None:
            self.SpanTargets = []


class OSInfo(CometModel):
    "``OSInfo``."

    Version: str = msgspec.field(default="", name="version")
    Distribution: str = msgspec.field(default="", name="distribution")
    Build: str = msgspec.field(default="", name="build")
    OS: str = msgspec.field(default="", name="os")
    Arch: str = msgspec.field(default="", name="arch")


class DeviceConfig(CometModel):
    "``DeviceConfig``."

    FriendlyName: str = msgspec.field(default="")
    RegistrationTime: int = msgspec.field(default=0)
    PlatformVersion: OSInfo | None = msgspec.field(default_factory=OSInfo)
    Sources: GoMap[str, SourceBasicInfo] = msgspec.field(default_factory=dict)
    DeviceTimezone: str = msgspec.field(default="")
    ClientVersion: str = msgspec.field(default="")
    SyncroUUID: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Sources is None:
            self.Sources = {}


class DiskDrive(CometModel):
    "``DiskDrive``."

    ID: str = msgspec.field(default="")
    DeviceName: str = msgspec.field(default="")
    Caption: str = msgspec.field(default="")
    Model: str = msgspec.field(default="")
    SerialNumber: str = msgspec.field(default="")
    Size: int = msgspec.field(default=0)
    Partitions: GoList[Partition] = msgspec.field(default_factory=list)
    DeviceParents: GoList[str] = msgspec.field(default_factory=list)
    Flags: int = msgspec.field(default=0)
    Cylinders: int = msgspec.field(default=0)
    Heads: int = msgspec.field(default=0)
    Sectors: int = msgspec.field(default=0)
    SectorSize: int = msgspec.field(default=0)
    PartitionConflicts: GoList[PartitionConflict] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Partitions is None:
            self.Partitions = []
        if self.DeviceParents is None:
            self.DeviceParents = []
        if self.PartitionConflicts is None:
            self.PartitionConflicts = []


class DispatchWithJobIDResponse(CometModel):
    "``DispatchWithJobIDResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    JobID: str = msgspec.field(default="")


class DispatcherAdminSourcesResponse(CometModel):
    "``DispatcherAdminSourcesResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    ImportSources: GoMap[str, str] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ImportSources is None:
            self.ImportSources = {}


class DispatcherListSnapshotVirtualMachinesResponse(CometModel):
    "``DispatcherListSnapshotVirtualMachinesResponse`` (since 24.12.x)."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    VMs: GoList[VMInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.VMs is None:
            self.VMs = []


class DispatcherStoredObjectsResponse(CometModel):
    "``DispatcherStoredObjectsResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    StoredObjects: GoList[StoredObject] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.StoredObjects is None:
            self.StoredObjects = []


class DispatcherVaultSnapshotsResponse(CometModel):
    "``DispatcherVaultSnapshotsResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Snapshots: GoList[VaultSnapshot] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Snapshots is None:
            self.Snapshots = []


class DispatcherWindiskSnapshotResponse(CometModel):
    "``DispatcherWindiskSnapshotResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    WindiskSnapshot: GoList[DiskDrive] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.WindiskSnapshot is None:
            self.WindiskSnapshot = []


class EDBFileInfo(CometModel):
    "``EDBFileInfo``."

    Name: str = msgspec.field(default="")
    GUID: str = msgspec.field(default="", name="Guid")
    ServerName: str = msgspec.field(default="")
    CircularLoggingEnabled: bool = msgspec.field(default=False)


class EmailOptions(CometModel):
    "``EmailOptions``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["SMTPPassword"])

    FromEmail: str = msgspec.field(default="")
    FromName: str = msgspec.field(default="")
    Mode: str = msgspec.field(default="")
    EmailReportingOptions: GoList[EmailReportingOption] = msgspec.field(default_factory=list)
    SMTPHost: str = msgspec.field(default="")
    SMTPPort: int = msgspec.field(default=0)
    SMTPUsername: str = msgspec.field(default="")
    SMTPPassword: str = msgspec.field(default="")
    SMTPAllowInvalidCertificate: bool = msgspec.field(default=False)
    SMTPAllowUnencrypted: bool = msgspec.field(default=False)
    SMTPCustomEhlo: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.EmailReportingOptions is None:
            self.EmailReportingOptions = []


class TimeSpan(CometModel):
    "``TimeSpan``."

    FrequencyType: int = msgspec.field(default=0)
    Seconds: int = msgspec.field(default=0)


class SearchClause(CometModel):
    "``SearchClause``."

    ClauseType: str = msgspec.field(default="")
    RuleField: str = msgspec.field(default="")
    RuleOperator: str = msgspec.field(default="")
    RuleValue: str = msgspec.field(default="")
    ClauseChildren: GoList[SearchClause] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ClauseChildren is None:
            self.ClauseChildren = []


class EmailReportConfig(CometModel):
    "``EmailReportConfig``."

    ReportType: int = msgspec.field(default=0)
    SummaryFrequency: GoList[ScheduleConfig] = msgspec.field(default_factory=list)
    TimeSpan: TimeSpan | None = msgspec.field(default_factory=TimeSpan)
    Filter: SearchClause | None = msgspec.field(default_factory=SearchClause)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.SummaryFrequency is None:
            self.SummaryFrequency = []


class EmailReportGeneratedPreview(CometModel):
    "``EmailReportGeneratedPreview``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    From: str = msgspec.field(default="")
    To: GoList[str] = msgspec.field(default_factory=list)
    EmailSubject: str = msgspec.field(default="")
    EmailBodyHTML: str = msgspec.field(default="")
    EmailBodyPlaintext: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.To is None:
            self.To = []


class EmailReportingOption(CometModel):
    "``EmailReportingOption``."

    EmailReportConfig: EmailReportConfig | None = msgspec.field(default_factory=EmailReportConfig)
    LanguageCode: str = msgspec.field(default="")
    LocalTimezone: str = msgspec.field(default="")
    Recipients: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Recipients is None:
            self.Recipients = []


class ExternalLDAPAuthenticationSourceSettings(CometModel):
    "``ExternalLDAPAuthenticationSourceSettings``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["BindPassword"])

    Hostname: str = msgspec.field(default="")
    Port: int = msgspec.field(default=0)
    SecurityMethod: str = msgspec.field(default="")
    AcceptInvalidSSL: bool = msgspec.field(default=False)
    FallbackServers: GoList[ExternalLDAPAuthenticationSourceServer] = msgspec.field(
        default_factory=list
    )
    BindUser: str = msgspec.field(default="")
    BindPassword: str = msgspec.field(default="")
    SearchDN: str = msgspec.field(default="")
    SearchFilter: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.FallbackServers is None:
            self.FallbackServers = []


class OidcConfig(CometModel):
    "``OidcConfig``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["ClientSecret"])

    DisplayName: str = msgspec.field(default="")
    Hosts: GoList[str] = msgspec.field(default_factory=list)
    OrganizationID: str = msgspec.field(default="")
    Provider: str = msgspec.field(default="")
    ClientID: str = msgspec.field(default="")
    ClientSecret: str = msgspec.field(default="")
    SkipMFA: bool = msgspec.field(default=False)
    Scopes: GoList[str] = msgspec.field(default_factory=list)
    RequiredClaims: GoList[OidcClaim] = msgspec.field(default_factory=list)
    GenericOP_DiscoveryDocumentURL: str = msgspec.field(default="", name="DiscoveryDocumentURL")
    AzureADV2OP_TenantID: str = msgspec.field(default="", name="AzureTenantID")
    GoogleOP_HostedDomain: str = msgspec.field(default="", name="GoogleHostedDomain")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Hosts is None:
            self.Hosts = []
        if self.Scopes is None:
            self.Scopes = []
        if self.RequiredClaims is None:
            self.RequiredClaims = []


class WasabiVirtualStorageRoleSettings(CometModel):
    "``WasabiVirtualStorageRoleSettings``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AccessKey", "SecretKey"])

    MasterBucket: str = msgspec.field(default="")
    AccessKey: str = msgspec.field(default="")
    SecretKey: str = msgspec.field(default="")
    UseObjectLock_Legacy_DoNotUse: bool = msgspec.field(default=False, name="UseObjectLock")
    ObjectLockMode: int = msgspec.field(default=0)
    ObjectLockDays: int = msgspec.field(default=0)
    RemoveDeleted: bool = msgspec.field(default=False)


class S3GenericVirtualStorageRole(CometModel):
    "``S3GenericVirtualStorageRole``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AccessKey", "SecretKey"])

    S3Endpoint: str = msgspec.field(default="")
    IAMEndpoint: str = msgspec.field(default="")
    MasterBucket: str = msgspec.field(default="")
    AccessKey: str = msgspec.field(default="")
    SecretKey: str = msgspec.field(default="")
    UseObjectLock_Legacy_DoNotUse: bool = msgspec.field(default=False, name="UseObjectLock")
    ObjectLockMode: int = msgspec.field(default=0)
    ObjectLockDays: int = msgspec.field(default=0)
    RemoveDeleted: bool = msgspec.field(default=False)
    Region: str = msgspec.field(default="")
    Prefix: str = msgspec.field(default="")


class StorjVirtualStorageRoleSetting(CometModel):
    "``StorjVirtualStorageRoleSetting``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["APIKey", "Passphrase"])

    SatelliteAddress: str = msgspec.field(default="")
    APIKey: str = msgspec.field(default="")
    Passphrase: str = msgspec.field(default="")
    Bucket: str = msgspec.field(default="")


class ImpossibleCloudPartnerTemplateSettings(CometModel):
    "``ImpossibleCloudPartnerTemplateSettings`` (since 24.3.1)."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AccessKey"])

    Region: str = msgspec.field(default="")
    AccessKey: str = msgspec.field(default="")
    UseObjectLock_Legacy_DoNotUse: bool = msgspec.field(default=False, name="UseObjectLock")
    ObjectLockMode: int = msgspec.field(default=0)
    ObjectLockDays: int = msgspec.field(default=0)
    RemoveDeleted: bool = msgspec.field(default=False)


class ImpossibleCloudIAMTemplateSettings(CometModel):
    "``ImpossibleCloudIAMTemplateSettings`` (since 24.3.1)."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AccessKey", "SecretKey"])

    AccessKey: str = msgspec.field(default="")
    SecretKey: str = msgspec.field(default="")
    Region: str = msgspec.field(default="")
    UseObjectLock_Legacy_DoNotUse: bool = msgspec.field(default=False, name="UseObjectLock")
    ObjectLockMode: int = msgspec.field(default=0)
    ObjectLockDays: int = msgspec.field(default=0)
    RemoveDeleted: bool = msgspec.field(default=False)


class ExternalAuthenticationSource(CometModel):
    "``ExternalAuthenticationSource``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Type: str = msgspec.field(default="")
    Description: str = msgspec.field(default="")
    RemoteAddress: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    LDAP: ExternalLDAPAuthenticationSourceSettings | None = msgspec.field(
        default_factory=ExternalLDAPAuthenticationSourceSettings
    )
    OIDC: OidcConfig | None = msgspec.field(default_factory=OidcConfig)
    B2: B2VirtualStorageRoleSettings | None = msgspec.field(
        default_factory=B2VirtualStorageRoleSettings
    )
    Wasabi: WasabiVirtualStorageRoleSettings | None = msgspec.field(
        default_factory=WasabiVirtualStorageRoleSettings
    )
    Custom: CustomRemoteBucketSettings | None = msgspec.field(
        default_factory=CustomRemoteBucketSettings
    )
    S3: S3GenericVirtualStorageRole | None = msgspec.field(
        default_factory=S3GenericVirtualStorageRole
    )
    AWS: AmazonAWSVirtualStorageRoleSettings | None = msgspec.field(
        default_factory=AmazonAWSVirtualStorageRoleSettings
    )
    Storj: StorjVirtualStorageRoleSetting | None = msgspec.field(
        default_factory=StorjVirtualStorageRoleSetting
    )
    ImpPartner: ImpossibleCloudPartnerTemplateSettings | None = msgspec.field(
        default_factory=ImpossibleCloudPartnerTemplateSettings
    )
    ImpUser: ImpossibleCloudIAMTemplateSettings | None = msgspec.field(
        default_factory=ImpossibleCloudIAMTemplateSettings
    )
    NewUserPermissions: AdminUserPermissions | None = msgspec.field(
        default_factory=AdminUserPermissions
    )


class ExternalAuthenticationSourceDisplay(CometModel):
    "``ExternalAuthenticationSourceDisplay``."

    DisplayName: str = msgspec.field(default="")
    LoginStartURL: str = msgspec.field(default="")


class ExternalAuthenticationSourceResponse(CometModel):
    "``ExternalAuthenticationSourceResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    ID: str = msgspec.field(default="")
    Source: ExternalAuthenticationSource | None = msgspec.field(
        default_factory=ExternalAuthenticationSource
    )


class ExternalLDAPAuthenticationSourceServer(CometModel):
    "``ExternalLDAPAuthenticationSourceServer``."

    Hostname: str = msgspec.field(default="")
    Port: int = msgspec.field(default=0)
    SecurityMethod: str = msgspec.field(default="")
    AcceptInvalidSSL: bool = msgspec.field(default=False)


class ExtraFileExclusion(CometModel):
    "``ExtraFileExclusion``."

    Exclude: str = msgspec.field(default="")
    Regex: bool = msgspec.field(default=False)
    RestrictOS: int = msgspec.field(default=0)


class FTPDestinationLocation(CometModel):
    "``FTPDestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["FTPPassword"])

    FTPServer: str = msgspec.field(default="")
    FTPUsername: str = msgspec.field(default="")
    FTPPassword: str = msgspec.field(default="")
    FTPBaseUseHomeDirectory: bool = msgspec.field(default=False)
    FTPCustomBaseDirectory: str = msgspec.field(default="")
    FTPSMode: int = msgspec.field(default=0)
    FTPPort: int = msgspec.field(default=0)
    FTPMaxConnections: int = msgspec.field(default=0)
    FTPAcceptInvalidSSL: bool = msgspec.field(default=False)


class FileOption(CometModel):
    "``FileOption`` (since 23.3.7)."

    Filename: str = msgspec.field(default="")
    AllowEventTypes: GoList[int] = msgspec.field(default_factory=list)
    Level: str = msgspec.field(default="")
    PruningEnabled: bool = msgspec.field(default=False)
    PruningLimit: int = msgspec.field(default=0)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.AllowEventTypes is None:
            self.AllowEventTypes = []


class StorageVaultProviderPolicy(CometModel):
    "``StorageVaultProviderPolicy``."

    ShouldRestrictProviderList: bool = msgspec.field(default=False)
    AllowedProvidersWhenRestricted: GoList[int] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.AllowedProvidersWhenRestricted is None:
            self.AllowedProvidersWhenRestricted = []


class ProtectedItemEngineTypePolicy(CometModel):
    "``ProtectedItemEngineTypePolicy``."

    ShouldRestrictEngineTypeList: bool = msgspec.field(default=False)
    AllowedEngineTypeWhenRestricted: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.AllowedEngineTypeWhenRestricted is None:
            self.AllowedEngineTypeWhenRestricted = []


class UserPolicy(CometModel):
    "``UserPolicy``."

    PreventRequestStorageVault: bool = msgspec.field(default=False)
    PreventAddCustomStorageVault: bool = msgspec.field(default=False)
    PreventEditStorageVault: bool = msgspec.field(default=False)
    HideCloudStorageBranding: bool = msgspec.field(default=False)
    PreventDeleteStorageVault: bool = msgspec.field(default=False)
    StorageVaultProviders: StorageVaultProviderPolicy | None = msgspec.field(
        default_factory=StorageVaultProviderPolicy
    )
    DefaultNewStorageVault: str = msgspec.field(default="")
    PreventNewProtectedItem: bool = msgspec.field(default=False)
    PreventEditProtectedItem: bool = msgspec.field(default=False)
    PreventDeleteProtectedItem: bool = msgspec.field(default=False)
    ProtectedItemEngineTypes: ProtectedItemEngineTypePolicy | None = msgspec.field(
        default_factory=ProtectedItemEngineTypePolicy
    )
    FileAndFolderMandatoryExclusions: GoList[ExtraFileExclusion] = msgspec.field(
        default_factory=list
    )
    ModeScheduleSkipAlreadyRunning: int = msgspec.field(default=0)
    ModeScheduleLastJobFailDoRetry: int = msgspec.field(default=0)
    ModeLastJobFailDoRetryTime: int = msgspec.field(default=0)
    ModeLastJobFailDoRetryCount: int = msgspec.field(default=0)
    ModeAdminResetPassword: int = msgspec.field(default=0)
    ModeAdminViewFilenames: int = msgspec.field(default=0)
    ModeRequireUserResetPassword: int = msgspec.field(default=0)
    PreventDeleteSingleSnapshots: bool = msgspec.field(default=False)
    PreventChangeAccountPassword: bool = msgspec.field(default=False)
    PreventChangeEmailSettings: bool = msgspec.field(default=False)
    PreventChangeAccountName: bool = msgspec.field(default=False)
    PreventOpenAppUI: bool = msgspec.field(default=False)
    RequirePasswordOpenAppUI: bool = msgspec.field(default=False)
    HideAppImport: bool = msgspec.field(default=False)
    HideAppVersion: bool = msgspec.field(default=False)
    PreventOpenWebUI: bool = msgspec.field(default=False)
    PreventViewDeviceNames: bool = msgspec.field(default=False)
    DefaultEmailReports: DefaultEmailReportPolicy | None = msgspec.field(
        default_factory=DefaultEmailReportPolicy
    )
    DefaultStorageVaultRetention: RetentionPolicy | None = msgspec.field(
        default_factory=RetentionPolicy
    )
    EnforceStorageVaultRetention: bool = msgspec.field(default=False)
    PreventProtectedItemRetention: bool = msgspec.field(default=False)
    AllowEditObjectLockRetention: bool = msgspec.field(default=False)
    DefaultSources: GoMap[str, SourceConfig] = msgspec.field(default_factory=dict)
    DefaultSourcesBackupRules: GoMap[str, BackupRuleConfig] = msgspec.field(default_factory=dict)
    DefaultSourcesWithOSRestriction: GoMap[str, DefaultSourceWithOSRestriction] = msgspec.field(
        default_factory=dict
    )
    DefaultBackupRules: GoMap[str, BackupRuleConfig] = msgspec.field(default_factory=dict)
    RandomDelaySecs: int = msgspec.field(default=0)
    RotateStorageVaultKeysHours: int = msgspec.field(default=0)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.FileAndFolderMandatoryExclusions is None:
            self.FileAndFolderMandatoryExclusions = []
        if self.DefaultSources is None:
            self.DefaultSources = {}
        if self.DefaultSourcesBackupRules is None:
            self.DefaultSourcesBackupRules = {}
        if self.DefaultSourcesWithOSRestriction is None:
            self.DefaultSourcesWithOSRestriction = {}
        if self.DefaultBackupRules is None:
            self.DefaultBackupRules = {}


class GroupPolicy(CometModel):
    "``GroupPolicy``."

    Description: str = msgspec.field(default="")
    OrganizationID: str = msgspec.field(default="")
    Policy: UserPolicy | None = msgspec.field(default_factory=UserPolicy)
    DefaultUserPolicy: bool = msgspec.field(default=False)
    CreatedDate: int = msgspec.field(default=0)
    ModifiedDate: int = msgspec.field(default=0)


class GetGroupPolicyResponse(CometModel):
    "``GetGroupPolicyResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Policy: GroupPolicy | None = msgspec.field(default_factory=GroupPolicy)
    PolicyHash: str = msgspec.field(default="")


class UserServerConfig(CometModel):
    "``UserServerConfig``."

    RandomDelaySecs: int = msgspec.field(default=0)


class UserProfileConfig(CometModel):
    "``UserProfileConfig``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(
        ["PasswordHash", "PasswordRecovery", "TOTPKey"]
    )

    Username: str = msgspec.field(default="")
    AccountName: str = msgspec.field(default="")
    LocalTimezone: str = msgspec.field(default="")
    LanguageCode: str = msgspec.field(default="")
    OrganizationID: str = msgspec.field(default="")
    GroupID: str = msgspec.field(default="")
    Emails: GoList[str] = msgspec.field(default_factory=list)
    OverrideEmailSettings: GoMap[str, UserCustomEmailSettings] = msgspec.field(default_factory=dict)
    SendEmailReports: bool = msgspec.field(default=False)
    Destinations: GoMap[str, DestinationConfig] = msgspec.field(default_factory=dict)
    SupportsDeviceAssociations: bool = msgspec.field(default=False)
    Sources: GoMap[str, SourceConfig] = msgspec.field(default_factory=dict)
    BackupRules: GoMap[str, BackupRuleConfig] = msgspec.field(default_factory=dict)
    Devices: GoMap[str, DeviceConfig] = msgspec.field(default_factory=dict)
    IsSuspended: bool = msgspec.field(default=False)
    LastSuspended: int = msgspec.field(default=0)
    AllProtectedItemsQuotaEnabled: bool = msgspec.field(default=False)
    AllProtectedItemsQuotaBytes: int = msgspec.field(default=0)
    MaximumDevices: int = msgspec.field(default=0)
    QuotaOffice365ProtectedAccounts: int = msgspec.field(default=0)
    QuotaHyperVGuests: int = msgspec.field(default=0)
    QuotaVMwareGuests: int = msgspec.field(default=0)
    PolicyID: str = msgspec.field(default="")
    Policy: UserPolicy | None = msgspec.field(default_factory=UserPolicy)
    PasswordFormat: int = msgspec.field(default=0)
    PasswordHash: str = msgspec.field(default="")
    PasswordRecovery: str = msgspec.field(default="")
    AllowPasswordLogin: bool = msgspec.field(default=False)
    AllowPasswordAndTOTPLogin: bool = msgspec.field(default=False)
    TOTPKeyEncryptionFormat: int = msgspec.field(default=0)
    TOTPKey: str = msgspec.field(default="")
    RequirePasswordChange: bool = msgspec.field(default=False)
    CreateTime: int = msgspec.field(default=0)
    CreationGUID: str = msgspec.field(default="")
    ServerConfig: UserServerConfig | None = msgspec.field(default_factory=UserServerConfig)
    AutoStorageTemplateGUID: str = msgspec.field(default="")
    LinuxHomedirSandbox: bool = msgspec.field(default=False)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Emails is None:
            self.Emails = []
        if self.OverrideEmailSettings is None:
            self.OverrideEmailSettings = {}
        if self.Destinations is None:
            self.Destinations = {}
        if self.Sources is None:
            self.Sources = {}
        if self.BackupRules is None:
            self.BackupRules = {}
        if self.Devices is None:
            self.Devices = {}


class GetProfileAndHashResponseMessage(CometModel):
    "``GetProfileAndHashResponseMessage``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    ProfileHash: str = msgspec.field(default="")
    Profile: UserProfileConfig | None = msgspec.field(default_factory=UserProfileConfig)


class GetProfileHashResponseMessage(CometModel):
    "``GetProfileHashResponseMessage``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    ProfileHash: str = msgspec.field(default="")


class SharedStorageQuota(CometModel):
    "``SharedStorageQuota``."

    Description: str = msgspec.field(default="")
    OrganizationID: str = msgspec.field(default="")
    LimitBytes: int = msgspec.field(default=0)


class GetSharedStorageQuotaResponse(CometModel):
    "``GetSharedStorageQuotaResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    SharedStorageQuota: SharedStorageQuota | None = msgspec.field(
        default_factory=SharedStorageQuota
    )
    SharedStorageQuotaHash: str = msgspec.field(default="")
    CurrentUsage: int = msgspec.field(default=0)


class UserGroup(CometModel):
    "``UserGroup``."

    CreatedAt: int = msgspec.field(default=0)
    OrganizationID: str = msgspec.field(default="")
    Name: str = msgspec.field(default="")


class GetUserGroupResponse(CometModel):
    "``GetUserGroupResponse``."

    UserGroup: UserGroup | None = msgspec.field(default_factory=UserGroup)
    UserGroupHash: str = msgspec.field(default="")


class GetUserGroupWithUsersResponse(CometModel):
    "``GetUserGroupWithUsersResponse``."

    UserGroup: UserGroup | None = msgspec.field(default_factory=UserGroup)
    Users: GoMap[str, UserProfileConfig] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Users is None:
            self.Users = {}


class HTTPConnectorOptions(CometModel):
    "``HTTPConnectorOptions``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["SSLCertKey", "SSLPfxPassword"])

    ListenAddress__DONOTUSEDIRECTLY: str = msgspec.field(default="", name="ListenAddress")
    SSLCertPath: str = msgspec.field(default="")
    SSLIntermediate: str = msgspec.field(default="")
    SSLCertKey: str = msgspec.field(default="")
    AutoSSLDomains: str = msgspec.field(default="")
    SSLPfxPath: str = msgspec.field(default="")
    SSLPfxPassword: str = msgspec.field(default="")


class HourSchedConfig(CometModel):
    "``HourSchedConfig``."

    Hour: int = msgspec.field(default=0)
    Minutes: int = msgspec.field(default=0)


class HyperVMachineInfo(CometModel):
    "``HyperVMachineInfo``."

    ID: str = msgspec.field(default="")
    DisplayName: str = msgspec.field(default="", name="Name")
    MemoryLimitMB: int = msgspec.field(default=0)
    CPUCores: int = msgspec.field(default=0)
    HardDrives: GoList[str] = msgspec.field(default_factory=list)
    Generation: int = msgspec.field(default=0)
    ConfigFilePath: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.HardDrives is None:
            self.HardDrives = []


class HyperVRestoreTargetOptions(CometModel):
    "``HyperVRestoreTargetOptions``."

    DiskStoragePath: str = msgspec.field(default="")


class InstallCreds(CometModel):
    "``InstallCreds``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password", "TOTPCode"])

    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    TOTPCode: str = msgspec.field(default="")
    Server: str = msgspec.field(default="")
    AutoLogin: bool = msgspec.field(default=False)


class InstallToken(CometModel):
    "``InstallToken``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Token"])

    Username: str = msgspec.field(default="")
    Server: str = msgspec.field(default="")
    Token: str = msgspec.field(default="")
    CreateTime: int = msgspec.field(default=0)
    Used: bool = msgspec.field(default=False)
    ExpireTime: int = msgspec.field(default=0)


class InstallTokenResponse(CometModel):
    "``InstallTokenResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    InstallToken: InstallToken | None = msgspec.field(default_factory=InstallToken)


class JobEntry(CometModel):
    "``JobEntry``."

    Time: int = msgspec.field(default=0)
    Severity: str = msgspec.field(default="")
    Message: str = msgspec.field(default="")


class LicenseLimits(CometModel):
    "``LicenseLimits``."

    DeviceCount: int = msgspec.field(default=0, name="deviceCount")
    BoosterCount: GoMap[str, int] = msgspec.field(default_factory=dict, name="boosterCount")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.BoosterCount is None:
            self.BoosterCount = {}


class LicenseOptions(CometModel):
    "``LicenseOptions``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["SerialNumber"])

    Email: str = msgspec.field(default="")
    SerialNumber: str = msgspec.field(default="")


class ListSharedStorageQuotaResponse(CometModel):
    "``ListSharedStorageQuotaResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Entries: GoMap[str, SharedStorageQuota] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Entries is None:
            self.Entries = {}


class LiveUserConnection(CometModel):
    "``LiveUserConnection``."

    Username: str = msgspec.field(default="")
    DeviceID: str = msgspec.field(default="")
    ReportedVersion: str = msgspec.field(default="")
    ReportedPlatform: str = msgspec.field(default="")
    ReportedPlatformVersion: OSInfo | None = msgspec.field(default_factory=OSInfo)
    DeviceTimeZone: str = msgspec.field(default="")
    IPAddress: str = msgspec.field(default="")
    ConnectionTime: int = msgspec.field(default=0)
    AllowsFilenames: bool = msgspec.field(default=False)


class LocalDestinationLocation(CometModel):
    "``LocalDestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["LocalcopyWinSMBPassword"])

    LocalcopyPath: str = msgspec.field(default="")
    LocalcopyWinSMBUsername: str = msgspec.field(default="")
    LocalcopyWinSMBPassword: str = msgspec.field(default="")
    LocalcopyWinSMBPasswordFormat: int = msgspec.field(default=0)


class LocalStorageDirectory(CometModel):
    "``LocalStorageDirectory``."

    Path: str = msgspec.field(default="")


class LoginProtectionOptions(CometModel):
    "``LoginProtectionOptions``."

    Enabled: bool = msgspec.field(default=False)
    FailureThreshold: int = msgspec.field(default=0)
    CooldownSeconds: int = msgspec.field(default=0)


class MSSQLConnection(CometModel):
    "``MSSQLConnection``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Type: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    Hostname: str = msgspec.field(default="")
    InstanceName: str = msgspec.field(default="")
    Method: str = msgspec.field(default="")


class MSSQLLoginArgs(CometModel):
    "``MSSQLLoginArgs``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Instance: str = msgspec.field(default="")
    AuthMode: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    MethodIsOledb32Bit: bool = msgspec.field(default=False)
    RestoreNoRecovery: bool = msgspec.field(default=False)


class MongoDBConnection(CometModel):
    "``MongoDBConnection``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password", "SSLClientKeyPassword"])

    Server: str = msgspec.field(default="")
    Port: int = msgspec.field(default=0)
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    AuthenticationDB: str = msgspec.field(default="")
    MongoShellPath: str = msgspec.field(default="")
    MongodumpPath: str = msgspec.field(default="")
    ReadPreference: str = msgspec.field(default="")
    UseReplica: bool = msgspec.field(default=False)
    ReplicaName: str = msgspec.field(default="")
    ReplicaMembers: GoList[str] = msgspec.field(default_factory=list)
    UseSSL: bool = msgspec.field(default=False)
    ClientSSLPEMPath: str = msgspec.field(default="")
    ServerSSLPEMPath: str = msgspec.field(default="")
    SSLClientKeyPassword: str = msgspec.field(default="")
    AllowInvalidCertificate: bool = msgspec.field(default=False)
    AllowInvalidHostname: bool = msgspec.field(default=False)
    UseSSH: bool = msgspec.field(default=False)
    SSHConnection: SSHConnection | None = msgspec.field(default_factory=SSHConnection)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ReplicaMembers is None:
            self.ReplicaMembers = []


class MySQLConnection(CometModel):
    "``MySQLConnection``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Host: str = msgspec.field(default="")
    Port: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    UseTLS: bool = msgspec.field(default=False)
    TLSSkipVerify: bool = msgspec.field(default=False)
    TLSCustomServerCAPath: str = msgspec.field(default="")
    TLSCustomClientCrtPath: str = msgspec.field(default="")
    TLSCustomClientKeyPath: str = msgspec.field(default="")


class NewBucketDetail(CometModel):
    "``NewBucketDetail``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["NewBucketKey"])

    NewBucketID: str = msgspec.field(default="")
    NewBucketKey: str = msgspec.field(default="")


class NewsEntry(CometModel):
    "``NewsEntry``."

    OrganizationID: str = msgspec.field(default="")
    DateTime: int = msgspec.field(default=0)
    TextContent: str = msgspec.field(default="")


class ObjectLockStorageTemplateSettings(CometModel):
    "``ObjectLockStorageTemplateSettings``."

    UseObjectLock_Legacy_DoNotUse: bool = msgspec.field(default=False, name="UseObjectLock")
    ObjectLockMode: int = msgspec.field(default=0)
    ObjectLockDays: int = msgspec.field(default=0)
    RemoveDeleted: bool = msgspec.field(default=False)


class Office365Credential(CometModel):
    "``Office365Credential``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["AppCert", "Secret"])

    AppID: str = msgspec.field(default="")
    TenantID: str = msgspec.field(default="")
    Secret: str = msgspec.field(default="")
    AppCert: str = msgspec.field(default="")
    Region: str = msgspec.field(default="")


class Office365CustomSetting(CometModel):
    "``Office365CustomSetting`` (deprecated since 21.9.xx)."

    MailboxStrategy: str = msgspec.field(default="")
    SiteStrategy: str = msgspec.field(default="")
    MailboxUserIDs: GoList[str] = msgspec.field(default_factory=list)
    MailboxGroupIDs: GoList[str] = msgspec.field(default_factory=list)
    SiteIDs: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.MailboxUserIDs is None:
            self.MailboxUserIDs = []
        if self.MailboxGroupIDs is None:
            self.MailboxGroupIDs = []
        if self.SiteIDs is None:
            self.SiteIDs = []


class Office365CustomSettingV2(CometModel):
    "``Office365CustomSettingV2`` (since 21.9.xx)."

    Organization: bool = msgspec.field(default=False)
    FilterMode: bool = msgspec.field(default=False)
    WholeOrg: bool = msgspec.field(default=False)
    BackupOptions: GoMap[str, int] = msgspec.field(default_factory=dict)
    MemberBackupOptions: GoMap[str, int] = msgspec.field(default_factory=dict)
    FilterOptions: GoMap[str, int] = msgspec.field(default_factory=dict)
    FilterMemberOptions: GoMap[str, int] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.BackupOptions is None:
            self.BackupOptions = {}
        if self.MemberBackupOptions is None:
            self.MemberBackupOptions = {}
        if self.FilterOptions is None:
            self.FilterOptions = {}
        if self.FilterMemberOptions is None:
            self.FilterMemberOptions = {}


class Office365Connection(CometModel):
    "``Office365Connection``."

    Concurrency: int = msgspec.field(default=0)
    Credential: Office365Credential | None = msgspec.field(default_factory=Office365Credential)
    CustomSetting: Office365CustomSetting | None = msgspec.field(
        default_factory=Office365CustomSetting
    )
    CustomSettingV2: Office365CustomSettingV2 | None = msgspec.field(
        default_factory=Office365CustomSettingV2
    )
    FeatureFlag: str = msgspec.field(default="")
    LogLevel: str = msgspec.field(default="")
    MailboxUniqueMembers: GoList[str] = msgspec.field(default_factory=list)
    SiteUniqueMembers: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.MailboxUniqueMembers is None:
            self.MailboxUniqueMembers = []
        if self.SiteUniqueMembers is None:
            self.SiteUniqueMembers = []


class Office365MixedVirtualAccount(CometModel):
    "``Office365MixedVirtualAccount``."

    DefaultDriveID: str = msgspec.field(default="")
    Disabled: bool = msgspec.field(default=False)
    DisplayName: str = msgspec.field(default="")
    EnabledServiceOption: int = msgspec.field(default=0)
    HasLicense: bool = msgspec.field(default=False, name="hasLicense")
    ID: str = msgspec.field(default="", name="id")
    JobTitle: str = msgspec.field(default="")
    Mail: str = msgspec.field(default="")
    SiteID: str = msgspec.field(default="")
    Type: int = msgspec.field(default=0)
    UserPrincipalName: str = msgspec.field(default="")
    WebID: str = msgspec.field(default="")
    WebURL: str = msgspec.field(default="")
    Members: GoList[str] = msgspec.field(default_factory=list)
    ServiceOptions: int = msgspec.field(default=0)
    MemberServiceOptions: int = msgspec.field(default=0)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Members is None:
            self.Members = []


class Office365ObjectInfo(CometModel):
    "``Office365ObjectInfo``."

    GUID: str = msgspec.field(default="")
    Name: str = msgspec.field(default="")
    Type: str = msgspec.field(default="")
    Value: str = msgspec.field(default="")
    Members: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Members is None:
            self.Members = []


class OidcClaim(CometModel):
    "``OidcClaim``."

    Name: str = msgspec.field(default="")
    Value: str = msgspec.field(default="")


class SoftwareBuildRoleOptions(CometModel):
    "``SoftwareBuildRoleOptions``."

    RoleEnabled: bool = msgspec.field(default=False)
    AllowUnauthenticatedDownloads: bool = msgspec.field(default=False)
    MaxBuilders: int = msgspec.field(default=0)


class Organization(CometModel):
    "``Organization``."

    AuditFileOptions: GoMap[str, FileOption] = msgspec.field(default_factory=dict)
    Branding: BrandingOptions | None = msgspec.field(default_factory=BrandingOptions)
    ConstellationRole: ConstellationRoleOptions | None = msgspec.field(
        default_factory=ConstellationRoleOptions
    )
    Email: EmailOptions | None = msgspec.field(default_factory=EmailOptions)
    ExperimentalOptions: GoList[str] = msgspec.field(default_factory=list)
    Hosts: GoList[str] = msgspec.field(default_factory=list)
    Name: str = msgspec.field(default="")
    IsSuspended: bool = msgspec.field(default=False)
    PSAConfigs: GoList[PSAConfig] = msgspec.field(default_factory=list)
    RemoteStorage: GoList[RemoteStorageOption] = msgspec.field(default_factory=list)
    SoftwareBuildRole: SoftwareBuildRoleOptions | None = msgspec.field(
        default_factory=SoftwareBuildRoleOptions
    )
    WebhookOptions: GoMap[str, WebhookOption] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.AuditFileOptions is None:
            self.AuditFileOptions = {}
        if self.ExperimentalOptions is None:
            self.ExperimentalOptions = []
        if self.Hosts is None:
            self.Hosts = []
        if self.PSAConfigs is None:
            self.PSAConfigs = []
        if self.RemoteStorage is None:
            self.RemoteStorage = []
        if self.WebhookOptions is None:
            self.WebhookOptions = {}


class OrganizationLoginURLResponse(CometModel):
    "``OrganizationLoginURLResponse``."

    LoginURL: str = msgspec.field(default="")


class OrganizationResponse(CometModel):
    "``OrganizationResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    ID: str = msgspec.field(default="")
    Organization: Organization | None = msgspec.field(default_factory=Organization)


class PSAGroupedBy(CometModel):
    "``PSAGroupedBy``."

    Users: bool = msgspec.field(default=False)
    Tenants: bool = msgspec.field(default=False)
    AccountName: bool = msgspec.field(default=False)


class PSAConfig(CometModel):
    "``PSAConfig``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["CustomHeaders", "PartnerKey"])

    AlertsDisabled: bool = msgspec.field(default=False)
    CustomHeaders: GoMap[str, str] = msgspec.field(default_factory=dict)
    PartnerKey: str = msgspec.field(default="")
    Type: int = msgspec.field(default=0)
    URL: str = msgspec.field(default="")
    GroupedBy: PSAGroupedBy | None = msgspec.field(default_factory=PSAGroupedBy)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.CustomHeaders is None:
            self.CustomHeaders = {}


class PVEBackupDisk(CometModel):
    "``PVEBackupDisk`` (since 25.8.0)."

    Device: str = msgspec.field(default="")
    DeviceNum: int = msgspec.field(default=0)


class PVEBackupNode(CometModel):
    "``PVEBackupNode`` (since 25.8.0)."

    IncludedVMs: GoList[PVEBackupVM] = msgspec.field(default_factory=list)
    Name: str = msgspec.field(default="")
    Selected: bool = msgspec.field(default=False)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.IncludedVMs is None:
            self.IncludedVMs = []


class PVEBackupVM(CometModel):
    "``PVEBackupVM`` (since 25.8.0)."

    IncludedDisks: GoList[PVEBackupDisk] = msgspec.field(default_factory=list)
    Name: str = msgspec.field(default="")
    Selected: bool = msgspec.field(default=False)
    Type: str = msgspec.field(default="")
    VMID: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.IncludedDisks is None:
            self.IncludedDisks = []


class PVEDisk(CometModel):
    "``PVEDisk``."

    Device: str = msgspec.field(default="")
    DeviceNum: int = msgspec.field(default=0)
    StorageID: str = msgspec.field(default="")
    Volume: str = msgspec.field(default="")
    Size: int = msgspec.field(default=0)
    Format: str = msgspec.field(default="")
    Options: str = msgspec.field(default="")


class PVEParams(CometModel):
    "``PVEParams`` (since 25.8.0)."

    Everything: bool = msgspec.field(default=False)
    Exclusions: GoList[PVEBackupNode] = msgspec.field(default_factory=list)
    Method: str = msgspec.field(default="")
    SSHConnection: SSHConnection | None = msgspec.field(default_factory=SSHConnection)
    Selections: GoList[PVEBackupNode] = msgspec.field(default_factory=list)
    UseCBT: bool = msgspec.field(default=False)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Exclusions is None:
            self.Exclusions = []
        if self.Selections is None:
            self.Selections = []


class PVEStorageName(CometModel):
    "``PVEStorageName``."

    Name: str = msgspec.field(default="")
    Type: str = msgspec.field(default="")
    Content: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Content is None:
            self.Content = []


class PVEVM(CometModel):
    "``PVEVM``."

    CPU: str = msgspec.field(default="")
    Disks: GoList[PVEDisk] = msgspec.field(default_factory=list)
    Memory: str = msgspec.field(default="")
    Name: str = msgspec.field(default="")
    Node: str = msgspec.field(default="")
    OSType: str = msgspec.field(default="")
    Running: bool = msgspec.field(default=False)
    Type: str = msgspec.field(default="")
    VMID: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Disks is None:
            self.Disks = []


class Partition(CometModel):
    "``Partition``."

    DeviceName: str = msgspec.field(default="")
    PartitionGuid: str = msgspec.field(default="")
    PartitionOffset: int = msgspec.field(default=0)
    Filesystem: str = msgspec.field(default="")
    VolumeName: str = msgspec.field(default="")
    VolumeGuid: str = msgspec.field(default="")
    VolumeSerial: str = msgspec.field(default="")
    MountPoints: GoList[str] = msgspec.field(default_factory=list)
    ReadOffset: int = msgspec.field(default=0)
    Size: int = msgspec.field(default=0)
    UsedSize: int = msgspec.field(default=0)
    Flags: int = msgspec.field(default=0)
    BytesPerFilesystemCluster: int = msgspec.field(default=0)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.MountPoints is None:
            self.MountPoints = []


class PartitionConflict(CometModel):
    "``PartitionConflict``."

    PartitionA: str = msgspec.field(default="")
    PartitionB: str = msgspec.field(default="")
    Size: int = msgspec.field(default=0)


class PrivateBrandingProperties(CometModel):
    "``PrivateBrandingProperties``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(
        [
            "WindowsCodeSignAzureAppSecret",
            "WindowsCodeSignPKCS11Password",
            "WindowsCodeSignPKCS12Password",
        ]
    )

    BuildMode: int = msgspec.field(default=0)
    PathIcoFile: str = msgspec.field(default="")
    PathIcnsFile: str = msgspec.field(default="")
    PathMenuBarIcnsFile: str = msgspec.field(default="")
    PathEulaRtf: str = msgspec.field(default="")
    PathTilePng: str = msgspec.field(default="")
    PathHeaderImage: str = msgspec.field(default="")
    PathAppIconImage: str = msgspec.field(default="")
    PackageIdentifier: str = msgspec.field(default="")
    WindowsCodeSignMethod: int = msgspec.field(default=0)
    WindowsCodeSignPKCS12FilePath: str = msgspec.field(default="")
    WindowsCodeSignPKCS12PasswordFormat: int = msgspec.field(default=0)
    WindowsCodeSignPKCS12Password: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Engine: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Module: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Certfile: str = msgspec.field(default="")
    WindowsCodeSignPKCS11KeyID: str = msgspec.field(default="")
    WindowsCodeSignPKCS11PasswordFormat: int = msgspec.field(default=0)
    WindowsCodeSignPKCS11Password: str = msgspec.field(default="")
    WindowsCodeSignAzureVaultName: str = msgspec.field(default="")
    WindowsCodeSignAzureCertName: str = msgspec.field(default="")
    WindowsCodeSignAzureAppID: str = msgspec.field(default="")
    WindowsCodeSignAzureAppSecretFormat: int = msgspec.field(default=0)
    WindowsCodeSignAzureAppSecret: str = msgspec.field(default="")
    WindowsCodeSignAzureTenantID: str = msgspec.field(default="")
    WindowsCodeSignRelicServerURL: str = msgspec.field(default="")
    WindowsCodeSignRelicKeypairFile: str = msgspec.field(default="")
    WindowsCodeSignRelicKeyName: str = msgspec.field(default="")
    MacOSCodeSign: MacOSCodeSignProperties | None = msgspec.field(
        default_factory=MacOSCodeSignProperties
    )


class ProtectedItemWithBackupRulesResponse(CometModel):
    "``ProtectedItemWithBackupRulesResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Source: SourceConfig | None = msgspec.field(default_factory=SourceConfig)
    BackupRules: GoMap[str, BackupRuleConfig] = msgspec.field(default_factory=dict)
    ProfileHash: str = msgspec.field(default="")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.BackupRules is None:
            self.BackupRules = {}


class ProxmoxConnection(CometModel):
    "``ProxmoxConnection``."

    SSH: SSHConnection | None = msgspec.field(default_factory=SSHConnection)


class ProxmoxRestoreTargetOptions(CometModel):
    "``ProxmoxRestoreTargetOptions``."

    Node: str = msgspec.field(default="")
    SSH: SSHConnection | None = msgspec.field(default_factory=SSHConnection)
    Storage: str = msgspec.field(default="")


class PublicBrandingProperties(CometModel):
    "``PublicBrandingProperties``."

    ProductName: str = msgspec.field(default="")
    CompanyName: str = msgspec.field(default="")
    HelpURL: str = msgspec.field(default="")
    HelpIsPopup: bool = msgspec.field(default=False)
    DefaultLoginServerURL: str = msgspec.field(default="")
    TileBackgroundColor: str = msgspec.field(default="")
    AccountRegisterURL: str = msgspec.field(default="")
    HideBackgroundLogo: bool = msgspec.field(default=False)
    CloudStorageName: str = msgspec.field(default="")
    AdminHidePreBuiltClientOption: bool = msgspec.field(default=False)
    AdminHideBrandedCloudStorage: bool = msgspec.field(default=False)


class RatelimitOptions(CometModel):
    "``RatelimitOptions``."

    Rules: GoList[RatelimitRule] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Rules is None:
            self.Rules = []


class RatelimitRule(CometModel):
    "``RatelimitRule``."

    MatchRegex: str = msgspec.field(default="")
    BytesPerSecond: int = msgspec.field(default=0)


class RegisterOfficeApplicationBeginResponse(CometModel):
    "``RegisterOfficeApplicationBeginResponse``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Continuation"])

    Continuation: str = msgspec.field(default="")
    VerificationURL: str = msgspec.field(default="")
    UserCode: str = msgspec.field(default="")


class RegisterOfficeApplicationCheckResponse(CometModel):
    "``RegisterOfficeApplicationCheckResponse``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Continuation"])

    Continuation: str = msgspec.field(default="")
    Completed: bool = msgspec.field(default=False)
    Error: str = msgspec.field(default="")
    Result: Office365Credential | None = msgspec.field(default_factory=Office365Credential)


class RegistrationLobbyConnection(CometModel):
    "``RegistrationLobbyConnection``."

    DeviceID: str = msgspec.field(default="")
    OrganizationID: str = msgspec.field(default="")
    FriendlyName: str = msgspec.field(default="")
    ReportedVersion: str = msgspec.field(default="")
    ReportedPlatform: str = msgspec.field(default="")
    ReportedPlatformVersion: OSInfo | None = msgspec.field(default_factory=OSInfo)
    DeviceTimeZone: str = msgspec.field(default="")
    IPAddress: str = msgspec.field(default="")
    Host: str = msgspec.field(default="")
    ConnectionTime: int = msgspec.field(default=0)


class RemoteServerAddress(CometModel):
    "``RemoteServerAddress``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Type: str = msgspec.field(default="")
    Description: str = msgspec.field(default="")
    RemoteAddress: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    LDAP: ExternalLDAPAuthenticationSourceSettings | None = msgspec.field(
        default_factory=ExternalLDAPAuthenticationSourceSettings
    )
    OIDC: OidcConfig | None = msgspec.field(default_factory=OidcConfig)
    B2: B2VirtualStorageRoleSettings | None = msgspec.field(
        default_factory=B2VirtualStorageRoleSettings
    )
    Wasabi: WasabiVirtualStorageRoleSettings | None = msgspec.field(
        default_factory=WasabiVirtualStorageRoleSettings
    )
    Custom: CustomRemoteBucketSettings | None = msgspec.field(
        default_factory=CustomRemoteBucketSettings
    )
    S3: S3GenericVirtualStorageRole | None = msgspec.field(
        default_factory=S3GenericVirtualStorageRole
    )
    AWS: AmazonAWSVirtualStorageRoleSettings | None = msgspec.field(
        default_factory=AmazonAWSVirtualStorageRoleSettings
    )
    Storj: StorjVirtualStorageRoleSetting | None = msgspec.field(
        default_factory=StorjVirtualStorageRoleSetting
    )
    ImpPartner: ImpossibleCloudPartnerTemplateSettings | None = msgspec.field(
        default_factory=ImpossibleCloudPartnerTemplateSettings
    )
    ImpUser: ImpossibleCloudIAMTemplateSettings | None = msgspec.field(
        default_factory=ImpossibleCloudIAMTemplateSettings
    )


class RemoteStorageOption(CometModel):
    "``RemoteStorageOption``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Type: str = msgspec.field(default="")
    Description: str = msgspec.field(default="")
    RemoteAddress: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    LDAP: ExternalLDAPAuthenticationSourceSettings | None = msgspec.field(
        default_factory=ExternalLDAPAuthenticationSourceSettings
    )
    OIDC: OidcConfig | None = msgspec.field(default_factory=OidcConfig)
    B2: B2VirtualStorageRoleSettings | None = msgspec.field(
        default_factory=B2VirtualStorageRoleSettings
    )
    Wasabi: WasabiVirtualStorageRoleSettings | None = msgspec.field(
        default_factory=WasabiVirtualStorageRoleSettings
    )
    Custom: CustomRemoteBucketSettings | None = msgspec.field(
        default_factory=CustomRemoteBucketSettings
    )
    S3: S3GenericVirtualStorageRole | None = msgspec.field(
        default_factory=S3GenericVirtualStorageRole
    )
    AWS: AmazonAWSVirtualStorageRoleSettings | None = msgspec.field(
        default_factory=AmazonAWSVirtualStorageRoleSettings
    )
    Storj: StorjVirtualStorageRoleSetting | None = msgspec.field(
        default_factory=StorjVirtualStorageRoleSetting
    )
    ImpPartner: ImpossibleCloudPartnerTemplateSettings | None = msgspec.field(
        default_factory=ImpossibleCloudPartnerTemplateSettings
    )
    ImpUser: ImpossibleCloudIAMTemplateSettings | None = msgspec.field(
        default_factory=ImpossibleCloudIAMTemplateSettings
    )
    StorageLimitEnabled: bool = msgspec.field(default=False)
    StorageLimitBytes: int = msgspec.field(default=0)
    RebrandStorage: bool = msgspec.field(default=False)
    ID: str = msgspec.field(default="")
    Default: bool = msgspec.field(default=False)


class ReplicaServer(CometModel):
    "``ReplicaServer``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Type: str = msgspec.field(default="")
    Description: str = msgspec.field(default="")
    RemoteAddress: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    LDAP: ExternalLDAPAuthenticationSourceSettings | None = msgspec.field(
        default_factory=ExternalLDAPAuthenticationSourceSettings
    )
    OIDC: OidcConfig | None = msgspec.field(default_factory=OidcConfig)
    B2: B2VirtualStorageRoleSettings | None = msgspec.field(
        default_factory=B2VirtualStorageRoleSettings
    )
    Wasabi: WasabiVirtualStorageRoleSettings | None = msgspec.field(
        default_factory=WasabiVirtualStorageRoleSettings
    )
    Custom: CustomRemoteBucketSettings | None = msgspec.field(
        default_factory=CustomRemoteBucketSettings
    )
    S3: S3GenericVirtualStorageRole | None = msgspec.field(
        default_factory=S3GenericVirtualStorageRole
    )
    AWS: AmazonAWSVirtualStorageRoleSettings | None = msgspec.field(
        default_factory=AmazonAWSVirtualStorageRoleSettings
    )
    Storj: StorjVirtualStorageRoleSetting | None = msgspec.field(
        default_factory=StorjVirtualStorageRoleSetting
    )
    ImpPartner: ImpossibleCloudPartnerTemplateSettings | None = msgspec.field(
        default_factory=ImpossibleCloudPartnerTemplateSettings
    )
    ImpUser: ImpossibleCloudIAMTemplateSettings | None = msgspec.field(
        default_factory=ImpossibleCloudIAMTemplateSettings
    )
    ReplicaDeletionStrategy: str = msgspec.field(default="")


class ReplicatorStateAPIResponse(CometModel):
    "``ReplicatorStateAPIResponse``."

    Description: str = msgspec.field(default="")
    RemoteServerID: str = msgspec.field(default="")
    DisplayClass: int = msgspec.field(default=0)
    ActiveWorkers: int = msgspec.field(default=0)
    TotalWorkers: int = msgspec.field(default=0)
    State: int = msgspec.field(default=0)
    ItemsQueued: int = msgspec.field(default=0)
    BytesQueued: int = msgspec.field(default=0)
    LastWorkerSubmitTime: int = msgspec.field(default=0)
    CurrentTime: int = msgspec.field(default=0)
    ItemsReplicated: int = msgspec.field(default=0)
    BytesReplicated: int = msgspec.field(default=0)


class RequestStorageVaultResponseMessage(CometModel):
    "``RequestStorageVaultResponseMessage``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    DestinationID: str = msgspec.field(default="")
    ProfileHash: str = msgspec.field(default="")
    Profile: UserProfileConfig | None = msgspec.field(default_factory=UserProfileConfig)


class VSphereConnection(CometModel):
    "``VSphereConnection``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Hostname: str = msgspec.field(default="")
    Https: bool = msgspec.field(default=False)
    AllowInvalidCertificate: bool = msgspec.field(default=False)
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    ThumbPrint: str = msgspec.field(default="")


class VMwareConnection(CometModel):
    "``VMwareConnection``."

    ConnectionType: str = msgspec.field(default="")
    SSH: SSHConnection | None = msgspec.field(default_factory=SSHConnection)
    VSphere: VSphereConnection | None = msgspec.field(default_factory=VSphereConnection)


class VMwareRestoreTargetOptions(CometModel):
    "``VMwareRestoreTargetOptions`` (since 24.12.x)."

    Datacenter: str = msgspec.field(default="")
    Host: str = msgspec.field(default="")
    DatastorePath: str = msgspec.field(default="")
    Network: str = msgspec.field(default="")
    Connection: VMwareConnection | None = msgspec.field(default_factory=VMwareConnection)


class RestoreJobAdvancedOptions(CometModel):
    "``RestoreJobAdvancedOptions``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    Type: int = msgspec.field(default=0)
    OverwriteExistingFiles: bool = msgspec.field(default=False)
    OverwriteIfNewer: bool = msgspec.field(default=False)
    OverwriteIfDifferentContent: bool = msgspec.field(default=False)
    OverwriteForcePermissions: bool = msgspec.field(default=False)
    DestIsOriginalLocation: bool = msgspec.field(default=False)
    DestPath: str = msgspec.field(default="")
    ExactDestPaths: GoList[str] = msgspec.field(default_factory=list)
    ArchiveFormat: int = msgspec.field(default=0)
    SkipUnreadableChunks: bool = msgspec.field(default=False)
    OnDiskIndexesKey: bool = msgspec.field(default=False)
    Office365Credential: Office365Credential | None = msgspec.field(
        default_factory=Office365Credential
    )
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    Host: str = msgspec.field(default="")
    Port: str = msgspec.field(default="")
    UseSsl: bool = msgspec.field(default=False)
    SslAllowInvalid: bool = msgspec.field(default=False)
    SslCaFile: str = msgspec.field(default="")
    SslCrtFile: str = msgspec.field(default="")
    SslKeyFile: str = msgspec.field(default="")
    MsSqlConnection: MSSQLLoginArgs | None = msgspec.field(default_factory=MSSQLLoginArgs)
    VMwareConnection: VMwareRestoreTargetOptions | None = msgspec.field(
        default_factory=VMwareRestoreTargetOptions
    )
    HyperVConnection: HyperVRestoreTargetOptions | None = msgspec.field(
        default_factory=HyperVRestoreTargetOptions
    )
    ProxmoxConnection: ProxmoxRestoreTargetOptions | None = msgspec.field(
        default_factory=ProxmoxRestoreTargetOptions
    )

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ExactDestPaths is None:
            self.ExactDestPaths = []


class RetentionRange(CometModel):
    "``RetentionRange``."

    Type: int = msgspec.field(default=0)
    Timestamp: int = msgspec.field(default=0)
    Jobs: int = msgspec.field(default=0)
    Days: int = msgspec.field(default=0)
    Weeks: int = msgspec.field(default=0)
    Months: int = msgspec.field(default=0)
    Years: int = msgspec.field(default=0)
    WeekOffset: int = msgspec.field(default=0)
    MonthOffset: int = msgspec.field(default=0)
    YearOffset: int = msgspec.field(default=0)


class S3DestinationLocation(CometModel):
    "``S3DestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["S3AccessKey", "S3SecretKey"])

    S3Server: str = msgspec.field(default="")
    S3UsesTLS: bool = msgspec.field(default=False)
    S3AccessKey: str = msgspec.field(default="")
    S3SecretKey: str = msgspec.field(default="")
    S3BucketName: str = msgspec.field(default="")
    S3Subdir: str = msgspec.field(default="")
    S3CustomRegion: str = msgspec.field(default="")
    S3UsesV2Signing: bool = msgspec.field(default=False)
    S3RemoveDeleted: bool = msgspec.field(default=False)
    S3ObjectLockMode: int = msgspec.field(default=0)
    S3ObjectLockDays: int = msgspec.field(default=0)


class SFTPDestinationLocation(CometModel):
    "``SFTPDestinationLocation``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["SFTPPassword", "SFTPPrivateKey"])

    SFTPServer: str = msgspec.field(default="")
    SFTPUsername: str = msgspec.field(default="")
    SFTPRemotePath: str = msgspec.field(default="")
    SFTPAuthMode: int = msgspec.field(default=0)
    SFTPPassword: str = msgspec.field(default="")
    SFTPPrivateKey: str = msgspec.field(default="")
    SFTPCustomAuth_UseKnownHostsFile: bool = msgspec.field(default=False)
    SFTPCustomAuth_KnownHostsFile: str = msgspec.field(default="")


class ScheduleConfig(CometModel):
    "``ScheduleConfig``."

    FrequencyType: int = msgspec.field(default=0)
    SecondsPast: int = msgspec.field(default=0)
    Offset: int = msgspec.field(default=0)
    RestrictRuntime: bool = msgspec.field(default=False)
    FromTime: HourSchedConfig | None = msgspec.field(default_factory=HourSchedConfig)
    ToTime: HourSchedConfig | None = msgspec.field(default_factory=HourSchedConfig)
    RestrictDays: bool = msgspec.field(default=False)
    DaysSelect: DaysOfWeekConfig | None = msgspec.field(default_factory=DaysOfWeekConfig)
    RandomDelaySecs: int = msgspec.field(default=0)
    SelectedMonth: int = msgspec.field(default=0)
    SelectedDay: int = msgspec.field(default=0)


class SearchResultFileInfo(CometModel):
    "``SearchResultFileInfo``."

    Path: str = msgspec.field(default="", name="path")
    Name: str = msgspec.field(default="", name="name")
    Type: str = msgspec.field(default="", name="type")
    Mode: str = msgspec.field(default="", name="mode")
    ModTime: str = msgspec.field(default="", name="mtime")
    AccessTime: str = msgspec.field(default="", name="atime")
    ChangeTime: str = msgspec.field(default="", name="ctime")
    Size: int = msgspec.field(default=0, name="size")


class SearchSnapshotsResponse(CometModel):
    "``SearchSnapshotsResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    SnapshotFiles: GoMap[str, GoList[SearchResultFileInfo]] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.SnapshotFiles is None:
            self.SnapshotFiles = {}
        elif any(v is None for v in self.SnapshotFiles.values()):
            self.SnapshotFiles = {k: [] if v is None else v for k, v in self.SnapshotFiles.items()}


class SelfBackupExportOptions(CometModel):
    "``SelfBackupExportOptions``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["EncryptionKey"])

    Location: DestinationLocation | None = msgspec.field(default_factory=DestinationLocation)
    EncryptionKey: str = msgspec.field(default="")
    EncryptionKeyFormat: int = msgspec.field(default=0)
    Compression: int = msgspec.field(default=0)
    ExcludeJobsDB: bool = msgspec.field(default=False)
    IncludeServerLogs: bool = msgspec.field(default=False)
    RestrictToSingleOrgID: str = msgspec.field(default="")
    Index: int = msgspec.field(default=0)


class SelfBackupOptions(CometModel):
    "``SelfBackupOptions``."

    Targets: GoList[SelfBackupTarget] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Targets is None:
            self.Targets = []


class SelfBackupStatistics(CometModel):
    "``SelfBackupStatistics``."

    CurrentRunStart: int = msgspec.field(default=0)
    LastRunStart: int = msgspec.field(default=0)
    LastRunEnd: int = msgspec.field(default=0)
    LastRunSuccess: bool = msgspec.field(default=False)
    LastRunSize: int = msgspec.field(default=0)


class SelfBackupTarget(CometModel):
    "``SelfBackupTarget``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["EncryptionKey"])

    Schedule: GoList[ScheduleConfig] = msgspec.field(default_factory=list)
    ScheduleTimezone: str = msgspec.field(default="")
    RetentionPolicy: RetentionPolicy | None = msgspec.field(default_factory=RetentionPolicy)
    Location: DestinationLocation | None = msgspec.field(default_factory=DestinationLocation)
    EncryptionKey: str = msgspec.field(default="")
    EncryptionKeyFormat: int = msgspec.field(default=0)
    Compression: int = msgspec.field(default=0)
    ExcludeJobsDB: bool = msgspec.field(default=False)
    IncludeServerLogs: bool = msgspec.field(default=False)
    RestrictToSingleOrgID: str = msgspec.field(default="")
    Index: int = msgspec.field(default=0)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Schedule is None:
            self.Schedule = []


class SessionOptions(CometModel):
    "``SessionOptions``."

    ExpiredInSeconds: int = msgspec.field(default=0)


class StorageRoleOptions(CometModel):
    "``StorageRoleOptions``."

    RoleEnabled: bool = msgspec.field(default=False)
    Storage: DestinationLocation | None = msgspec.field(default_factory=DestinationLocation)
    LocalStorage_Legacy: GoList[LocalStorageDirectory] = msgspec.field(
        default_factory=list, name="LocalStorage"
    )
    ReplicateTo: GoList[ReplicaServer] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.LocalStorage_Legacy is None:
            self.LocalStorage_Legacy = []
        if self.ReplicateTo is None:
            self.ReplicateTo = []


class ServerConfigOptions(CometModel):
    "``ServerConfigOptions``."

    AdminUsers: GoList[AllowedAdminUser] = msgspec.field(default_factory=list)
    AuthenticationRole: AuthenticationRoleOptions | None = msgspec.field(
        default_factory=AuthenticationRoleOptions
    )
    Branding: BrandingOptions | None = msgspec.field(default_factory=BrandingOptions)
    ConstellationRole: ConstellationRoleOptions | None = msgspec.field(
        default_factory=ConstellationRoleOptions
    )
    ConstellationRole_Legacy: ConstellationRoleOptions | None = msgspec.field(
        default_factory=ConstellationRoleOptions, name="OverseerRole"
    )
    Email: EmailOptions | None = msgspec.field(default_factory=EmailOptions)
    ExperimentalOptions: GoList[str] = msgspec.field(default_factory=list)
    ExternalAdminUserSources: GoMap[str, ExternalAuthenticationSource] = msgspec.field(
        default_factory=dict
    )
    IPRateLimit: RatelimitOptions | None = msgspec.field(default_factory=RatelimitOptions)
    LoginProtection: LoginProtectionOptions | None = msgspec.field(
        default_factory=LoginProtectionOptions
    )
    License: LicenseOptions | None = msgspec.field(default_factory=LicenseOptions)
    ListenAddresses: GoList[HTTPConnectorOptions] = msgspec.field(default_factory=list)
    Organizations: GoMap[str, Organization] = msgspec.field(default_factory=dict)
    PSAConfigs: GoList[PSAConfig] = msgspec.field(default_factory=list)
    SelfBackup: SelfBackupOptions | None = msgspec.field(default_factory=SelfBackupOptions)
    SessionSettings: SessionOptions | None = msgspec.field(default_factory=SessionOptions)
    SoftwareBuildRole: SoftwareBuildRoleOptions | None = msgspec.field(
        default_factory=SoftwareBuildRoleOptions
    )
    StorageRole: StorageRoleOptions | None = msgspec.field(default_factory=StorageRoleOptions)
    TrustXForwardedFor: bool = msgspec.field(default=False)
    WebhookOptions: GoMap[str, WebhookOption] = msgspec.field(default_factory=dict)
    AuditFileOptions: GoMap[str, FileOption] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.AdminUsers is None:
            self.AdminUsers = []
        if self.ExperimentalOptions is None:
            self.ExperimentalOptions = []
        if self.ExternalAdminUserSources is None:
            self.ExternalAdminUserSources = {}
        if self.ListenAddresses is None:
            self.ListenAddresses = []
        if self.Organizations is None:
            self.Organizations = {}
        if self.PSAConfigs is None:
            self.PSAConfigs = []
        if self.WebhookOptions is None:
            self.WebhookOptions = {}
        if self.AuditFileOptions is None:
            self.AuditFileOptions = {}


class ServerConfigOptionsBrandingFragment(CometModel):
    "``ServerConfigOptionsBrandingFragment``."

    Branding: BrandingOptions | None = msgspec.field(default_factory=BrandingOptions)


class ServerConfigOptionsSoftwareBuildRoleFragment(CometModel):
    "``ServerConfigOptionsSoftwareBuildRoleFragment``."

    SoftwareBuildRole: SoftwareBuildRoleOptions | None = msgspec.field(
        default_factory=SoftwareBuildRoleOptions
    )


class ServerMetaBrandingProperties(CometModel):
    "``ServerMetaBrandingProperties``."

    BrandName: str = msgspec.field(default="")
    ProductName: str = msgspec.field(default="")
    HasImage: bool = msgspec.field(default=False)
    ImageEtag: str = msgspec.field(default="")
    TopColor: str = msgspec.field(default="")
    AccentColor: str = msgspec.field(default="")
    HideNewsArea: bool = msgspec.field(default=False)
    AllowUnauthenticatedDownloads: bool = msgspec.field(default=False)
    AllowAuthenticatedDownloads: bool = msgspec.field(default=False)
    PruneLogsAfterDays: int = msgspec.field(default=0)
    ExpiredInSeconds: int = msgspec.field(default=0)
    ExternalAuthenticationSources: GoList[ExternalAuthenticationSourceDisplay] = msgspec.field(
        default_factory=list
    )
    ServerIsEmpty: bool = msgspec.field(default=False)
    CloudStorageName: str = msgspec.field(default="")
    AdminHidePreBuiltClientOption: bool = msgspec.field(default=False)
    AdminHideBrandedCloudStorage: bool = msgspec.field(default=False)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ExternalAuthenticationSources is None:
            self.ExternalAuthenticationSources = []


class ServerMetaVersionInfo(CometModel):
    "``ServerMetaVersionInfo``."

    Version: str = msgspec.field(default="")
    VersionCodename: str = msgspec.field(default="")
    StorageRole: bool = msgspec.field(default=False)
    AuthenticationRole: bool = msgspec.field(default=False)
    SoftwareBuildRole: bool = msgspec.field(default=False)
    ConstellationRole_Legacy: bool = msgspec.field(default=False, name="OverseerRole")
    ConstellationRole: bool = msgspec.field(default=False)
    ExperimentalOptions: GoList[str] = msgspec.field(default_factory=list)
    ServerStartTime: int = msgspec.field(default=0)
    ServerStartHash: str = msgspec.field(default="")
    CurrentTime: int = msgspec.field(default=0)
    ServerLicenseHash: str = msgspec.field(default="")
    ServerLicenseFeaturesAll: bool = msgspec.field(default=False)
    ServerLicenseFeatureSet: int = msgspec.field(default=0)
    ServerLicenseLimit: LicenseLimits | None = msgspec.field(default_factory=LicenseLimits)
    ConfiguredDevices: int = msgspec.field(default=0)
    BoosterLimit: GoMap[str, int] = msgspec.field(default_factory=dict)
    LicenseValidUntil: int = msgspec.field(default=0)
    EmailsSentSuccessfully: int = msgspec.field(default=0)
    EmailsSentErrors: int = msgspec.field(default=0)
    EmailsWaitingInQueue: int = msgspec.field(default=0)
    ScheduledEmailThreadCurrentState: int = msgspec.field(default=0)
    ScheduledEmailThreadLastCalculateDurationNanos: int = msgspec.field(default=0)
    ScheduledEmailThreadWaitingUntil: int = msgspec.field(default=0)
    ScheduledEmailThreadLastWakeTime: int = msgspec.field(default=0)
    ScheduledEmailThreadLastWakeSentEmails: bool = msgspec.field(default=False)
    SelfBackup: GoList[SelfBackupStatistics] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ExperimentalOptions is None:
            self.ExperimentalOptions = []
        if self.BoosterLimit is None:
            self.BoosterLimit = {}
        if self.SelfBackup is None:
            self.SelfBackup = []


class SessionKeyRegeneratedResponse(CometModel):
    "``SessionKeyRegeneratedResponse``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["SessionKey"])

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    SessionKey: str = msgspec.field(default="")
    SessionType: str = msgspec.field(default="")


class SetSharedStorageQuotaResponse(CometModel):
    "``SetSharedStorageQuotaResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    SharedStorageQuotaHash: str = msgspec.field(default="")


class SingleFieldSource(CometModel):
    "``SingleFieldSource``."

    FieldName: str = msgspec.field(default="")
    FieldType: str = msgspec.field(default="")
    BoolVal: bool = msgspec.field(default=False)
    IntVal: int = msgspec.field(default=0)
    StrVal: str = msgspec.field(default="")


class SoftwareUpdateNewsResponse(CometModel):
    "``SoftwareUpdateNewsResponse``."

    LatestStable: str = msgspec.field(default="", name="latest_stable")
    LatestPrerelease: str = msgspec.field(default="", name="latest_prerelease")
    DownloadsURL: str = msgspec.field(default="", name="downloads_url")
    WhatsNew: GoList[str] = msgspec.field(default_factory=list, name="updates_info")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.WhatsNew is None:
            self.WhatsNew = []


class SourceBasicInfo(CometModel):
    "``SourceBasicInfo``."

    Engine: str = msgspec.field(default="")
    Description: str = msgspec.field(default="")
    O365AccountCount: int = msgspec.field(default=0)
    TotalVmCount: int = msgspec.field(default=0)
    Size: int = msgspec.field(default=0)
    OverrideDestinationRetention: GoMap[str, RetentionPolicy] = msgspec.field(default_factory=dict)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.OverrideDestinationRetention is None:
            self.OverrideDestinationRetention = {}


class SourceIncludePattern(CometModel):
    "``SourceIncludePattern``."

    TopDirectory: str = msgspec.field(default="")
    Value: str = msgspec.field(default="")


class SpannedDestinationLocation(CometModel):
    "``SpannedDestinationLocation``."

    SpanTargets: GoList[DestinationLocation] = msgspec.field(default_factory=list)
    SpanUseStaticSlots: bool = msgspec.field(default=False)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.SpanTargets is None:
            self.SpanTargets = []


class SpannedStorageExtraInfo(CometModel):
    "``SpannedStorageExtraInfo``."

    Targets: GoList[StorageFreeSpaceInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Targets is None:
            self.Targets = []


class StatResult(CometModel):
    "``StatResult``."

    Buckets: int = msgspec.field(default=0)
    Users: int = msgspec.field(default=0)
    Devices: int = msgspec.field(default=0)
    Boosters: int = msgspec.field(default=0)
    NetworkDevices: int = msgspec.field(default=0)


class StorageFreeSpaceInfo(CometModel):
    "``StorageFreeSpaceInfo``."

    Unlimited: bool = msgspec.field(default=False)
    UsedPercent: float = msgspec.field(default=0.0)
    AvailableBytes: int = msgspec.field(default=0)
    Spanned: SpannedStorageExtraInfo | None = msgspec.field(default_factory=SpannedStorageExtraInfo)
    B2: B2StorageExtraInfo | None = msgspec.field(default_factory=B2StorageExtraInfo)


class StoredObject(CometModel):
    "``StoredObject``."

    Name: str = msgspec.field(default="", name="name")
    ModifyTime: int = msgspec.field(default=0, name="mtime")
    Type: str = msgspec.field(default="", name="type")
    Subtree: str = msgspec.field(default="", name="subtree")
    Size: int = msgspec.field(default=0, name="size")
    DisplayName: str = msgspec.field(default="", name="dname")
    ItemClass: str = msgspec.field(default="", name="itemClass")
    From: str = msgspec.field(default="", name="from")
    To: str = msgspec.field(default="", name="to")
    ReceivedDateTime: int = msgspec.field(default=0, name="rtime")
    HasAttachments: bool = msgspec.field(default=False, name="has_attachments")
    StartTime: int = msgspec.field(default=0, name="stime")
    EndTime: int = msgspec.field(default=0, name="etime")
    RecursiveCountKnown: bool = msgspec.field(default=False, name="r")
    RecursiveFiles: int = msgspec.field(default=0, name="f")
    RecursiveBytes: int = msgspec.field(default=0, name="b")
    RecursiveFolders: int = msgspec.field(default=0, name="d")


class StreamableEvent(CometModel):
    "``StreamableEvent``."

    Actor: str = msgspec.field(default="")
    OwnerOrganizationID: str = msgspec.field(default="")
    ResourceID: str = msgspec.field(default="")
    Type: int = msgspec.field(default=0)
    Timestamp: int = msgspec.field(default=0)
    TypeString: str = msgspec.field(default="")
    Data: Any = msgspec.field(default=None)


class TestResponse(CometModel):
    "``TestResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Exists: bool = msgspec.field(default=False)


class TotpRegeneratedResponse(CometModel):
    "``TotpRegeneratedResponse``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Image", "URL"])

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    Image: str = msgspec.field(default="")
    URL: str = msgspec.field(default="")
    ProfileHash: str = msgspec.field(default="")


class U2FRegisterRequest(CometModel):
    "``U2FRegisterRequest`` (deprecated since 21.12.0)."

    Challenge: str = msgspec.field(default="")
    Version: str = msgspec.field(default="")


class U2FRegisteredKey(CometModel):
    "``U2FRegisteredKey`` (deprecated since 21.12.0)."

    AppID: str = msgspec.field(default="")
    KeyHandle: str = msgspec.field(default="")
    Version: str = msgspec.field(default="")


class U2FRegistrationChallengeResponse(CometModel):
    "``U2FRegistrationChallengeResponse`` (deprecated since 21.12.0)."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    ChallengeID: str = msgspec.field(default="")
    AppID: str = msgspec.field(default="")
    RegisteredKeys: GoList[U2FRegisteredKey] = msgspec.field(default_factory=list)
    RegisterRequests: GoList[U2FRegisterRequest] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.RegisteredKeys is None:
            self.RegisteredKeys = []
        if self.RegisterRequests is None:
            self.RegisterRequests = []


class U2FSignRequest(CometModel):
    "``U2FSignRequest`` (deprecated since 21.12.0)."

    ChallengeID: str = msgspec.field(default="")
    ChallengeData: str = msgspec.field(default="")
    AppID: str = msgspec.field(default="")
    RegisteredKeys: GoList[U2FRegisteredKey] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.RegisteredKeys is None:
            self.RegisteredKeys = []


class U2FSignResponse(CometModel):
    "``U2FSignResponse`` (deprecated since 21.12.0)."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Signature"])

    ChallengeID: str = msgspec.field(default="")
    KeyHandle: str = msgspec.field(default="")
    Signature: str = msgspec.field(default="")
    ClientData: str = msgspec.field(default="")


class UninstallConfig(CometModel):
    "``UninstallConfig``."

    UninstallFlag: bool = msgspec.field(default=False)
    RemoveConfigFile: bool = msgspec.field(default=False)


class UpdateCampaignDeviceStatus(CometModel):
    "``UpdateCampaignDeviceStatus``."

    Status: int = msgspec.field(default=0)


class UpdateCampaignOptions(CometModel):
    "``UpdateCampaignOptions``."

    Active: bool = msgspec.field(default=False)
    UpgradeOlder: bool = msgspec.field(default=False)
    ReinstallCurrentVer: bool = msgspec.field(default=False)
    DowngradeNewer: bool = msgspec.field(default=False)
    ForceUpgradeRunning: bool = msgspec.field(default=False)
    ApplyDeviceFilter: bool = msgspec.field(default=False)
    DeviceFilter: SearchClause | None = msgspec.field(default_factory=SearchClause)


class UpdateCampaignProperties(CometModel):
    "``UpdateCampaignProperties``."

    Active: bool = msgspec.field(default=False)
    UpgradeOlder: bool = msgspec.field(default=False)
    ReinstallCurrentVer: bool = msgspec.field(default=False)
    DowngradeNewer: bool = msgspec.field(default=False)
    ForceUpgradeRunning: bool = msgspec.field(default=False)
    ApplyDeviceFilter: bool = msgspec.field(default=False)
    DeviceFilter: SearchClause | None = msgspec.field(default_factory=SearchClause)
    StartTime: int = msgspec.field(default=0)
    TargetVersion: str = msgspec.field(default="")


class UpdateCampaignStatus(CometModel):
    "``UpdateCampaignStatus``."

    Active: bool = msgspec.field(default=False)
    UpgradeOlder: bool = msgspec.field(default=False)
    ReinstallCurrentVer: bool = msgspec.field(default=False)
    DowngradeNewer: bool = msgspec.field(default=False)
    ForceUpgradeRunning: bool = msgspec.field(default=False)
    ApplyDeviceFilter: bool = msgspec.field(default=False)
    DeviceFilter: SearchClause | None = msgspec.field(default_factory=SearchClause)
    StartTime: int = msgspec.field(default=0)
    TargetVersion: str = msgspec.field(default="")
    Devices: GoList[UpdateCampaignStatusDeviceEntry] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Devices is None:
            self.Devices = []


class UpdateCampaignStatusDeviceEntry(CometModel):
    "``UpdateCampaignStatusDeviceEntry``."

    Username: str = msgspec.field(default="")
    DeviceID: str = msgspec.field(default="")
    Status: int = msgspec.field(default=0)


class UserCustomEmailSettings(CometModel):
    "``UserCustomEmailSettings``."

    Reports: GoList[EmailReportConfig] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Reports is None:
            self.Reports = []


class UserOnServer(CometModel):
    "``UserOnServer``."

    ServerID: int = msgspec.field(default=0)
    Username: str = msgspec.field(default="")


class UserProfileFragment(CometModel):
    "``UserProfileFragment`` (deprecated since 23.3.5)."

    Username: str = msgspec.field(default="")


class VMDKSnapshotViewOptions(CometModel):
    "``VMDKSnapshotViewOptions``."

    Enabled: bool = msgspec.field(default=False)
    PartitionGUID: str = msgspec.field(default="")
    ListPath: str = msgspec.field(default="")
    PartitionName: str = msgspec.field(default="")


class VMDiskInfo(CometModel):
    "``VMDiskInfo`` (since 24.12.x)."

    Path: str = msgspec.field(default="")
    Size: int = msgspec.field(default=0)
    Controller: int = msgspec.field(default=0)
    DeviceNum: int = msgspec.field(default=0)


class VMInfo(CometModel):
    "``VMInfo`` (since 24.12.x)."

    ID: str = msgspec.field(default="")
    Name: str = msgspec.field(default="")
    CPUCores: int = msgspec.field(default=0)
    RamBytes: int = msgspec.field(default=0)
    FirmwareType: str = msgspec.field(default="")
    ConfigPath: str = msgspec.field(default="")
    Disks: GoList[VMDiskInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Disks is None:
            self.Disks = []


class VMInfoList(CometModel):
    "``VMInfoList`` (since 24.12.x)."

    VMs: GoList[VMInfo] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.VMs is None:
            self.VMs = []


class VMwareDatacenterInfo(CometModel):
    "``VMwareDatacenterInfo``."

    Name: str = msgspec.field(default="")


class VMwareDatastoreInfo(CometModel):
    "``VMwareDatastoreInfo``."

    Name: str = msgspec.field(default="")


class VMwareHostInfo(CometModel):
    "``VMwareHostInfo``."

    Name: str = msgspec.field(default="")


class VMwareMachineInfo(CometModel):
    "``VMwareMachineInfo``."

    Name: str = msgspec.field(default="")


class VMwareNetworkInfo(CometModel):
    "``VMwareNetworkInfo``."

    Name: str = msgspec.field(default="")


class VSSComponent(CometModel):
    "``VSSComponent``."

    Path: str = msgspec.field(default="")
    Name: str = msgspec.field(default="")
    CType: str = msgspec.field(default="")
    Selectable: bool = msgspec.field(default=False)


class VSSWriterInfo(CometModel):
    "``VSSWriterInfo``."

    DisplayName: str = msgspec.field(default="")
    Components: GoList[VSSComponent] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Components is None:
            self.Components = []


class VaultSnapshot(CometModel):
    "``VaultSnapshot``."

    Snapshot: str = msgspec.field(default="")
    EngineType: str = msgspec.field(default="")
    Source: str = msgspec.field(default="")
    CreateTime: int = msgspec.field(default=0)
    HasOriginalPathInfo: bool = msgspec.field(default=False)
    Tags: GoList[str] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Tags is None:
            self.Tags = []


class WebAuthnAuthenticatorSelection(CometModel):
    "``WebAuthnAuthenticatorSelection``."

    AuthenticatorAttachment: str = msgspec.field(default="", name="authenticatorAttachment")
    RequireResidentKey: bool = msgspec.field(default=False, name="requireResidentKey")
    ResidentKey: str = msgspec.field(default="", name="residentKey")
    UserVerification: str = msgspec.field(default="", name="userVerification")


class WebAuthnPublicKeyCredentialRequestOptions(CometModel):
    "``WebAuthnPublicKeyCredentialRequestOptions``."

    Challenge: GoBytes = msgspec.field(default=b"", name="challenge")
    Timeout: int = msgspec.field(default=0, name="timeout")
    RelyingPartyID: str = msgspec.field(default="", name="rpId")
    AllowedCredentials: GoList[WebAuthnCredentialDescriptor] = msgspec.field(
        default_factory=list, name="allowCredentials"
    )
    UserVerification: str = msgspec.field(default="", name="userVerification")
    Extensions: GoMap[str, Any] = msgspec.field(default_factory=dict, name="extensions")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Challenge is None:
            self.Challenge = b""
        if self.AllowedCredentials is None:
            self.AllowedCredentials = []
        if self.Extensions is None:
            self.Extensions = {}


class WebAuthnCredentialAssertion(CometModel):
    "``WebAuthnCredentialAssertion``."

    Response: WebAuthnPublicKeyCredentialRequestOptions | None = msgspec.field(
        default_factory=WebAuthnPublicKeyCredentialRequestOptions, name="publicKey"
    )


class WebAuthnCredentialDescriptor(CometModel):
    "``WebAuthnCredentialDescriptor``."

    Type: str = msgspec.field(default="", name="type")
    CredentialID: GoBytes = msgspec.field(default=b"", name="id")
    Transport: GoList[str] = msgspec.field(default_factory=list, name="transports")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.CredentialID is None:
            self.CredentialID = b""
        if self.Transport is None:
            self.Transport = []


class WebAuthnCredentialEntity(CometModel):
    "``WebAuthnCredentialEntity``."

    Name: str = msgspec.field(default="", name="name")
    Icon: str = msgspec.field(default="", name="icon")


class WebAuthnCredentialParameter(CometModel):
    "``WebAuthnCredentialParameter``."

    Type: str = msgspec.field(default="", name="type")
    Algorithm: int = msgspec.field(default=0, name="alg")


class WebAuthnRelyingPartyEntity(CometModel):
    "``WebAuthnRelyingPartyEntity``."

    Name: str = msgspec.field(default="", name="name")
    Icon: str = msgspec.field(default="", name="icon")
    ID: str = msgspec.field(default="", name="id")


class WebAuthnUserEntity(CometModel):
    "``WebAuthnUserEntity``."

    Name: str = msgspec.field(default="", name="name")
    Icon: str = msgspec.field(default="", name="icon")
    DisplayName: str = msgspec.field(default="", name="displayName")
    ID: GoBytes = msgspec.field(default=b"", name="id")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.ID is None:
            self.ID = b""


class WebAuthnPublicKeyCredentialCreationOptions(CometModel):
    "``WebAuthnPublicKeyCredentialCreationOptions``."

    Challenge: GoBytes = msgspec.field(default=b"", name="challenge")
    RelyingParty: WebAuthnRelyingPartyEntity | None = msgspec.field(
        default_factory=WebAuthnRelyingPartyEntity, name="rp"
    )
    User: WebAuthnUserEntity | None = msgspec.field(default_factory=WebAuthnUserEntity, name="user")
    Parameters: GoList[WebAuthnCredentialParameter] = msgspec.field(
        default_factory=list, name="pubKeyCredParams"
    )
    AuthenticatorSelection: WebAuthnAuthenticatorSelection | None = msgspec.field(
        default_factory=WebAuthnAuthenticatorSelection, name="authenticatorSelection"
    )
    Timeout: int = msgspec.field(default=0, name="timeout")
    CredentialExcludeList: GoList[WebAuthnCredentialDescriptor] = msgspec.field(
        default_factory=list, name="excludeCredentials"
    )
    Extensions: GoMap[str, Any] = msgspec.field(default_factory=dict, name="extensions")
    Attestation: str = msgspec.field(default="", name="attestation")

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.Challenge is None:
            self.Challenge = b""
        if self.Parameters is None:
            self.Parameters = []
        if self.CredentialExcludeList is None:
            self.CredentialExcludeList = []
        if self.Extensions is None:
            self.Extensions = {}


class WebAuthnRegistrationChallengeResponse(CometModel):
    "``WebAuthnRegistrationChallengeResponse``."

    Status: int = msgspec.field(default=0)
    Message: str = msgspec.field(default="")
    ChallengeID: str = msgspec.field(default="")
    CredentialCreationOptions: WebAuthnPublicKeyCredentialCreationOptions | None = msgspec.field(
        default_factory=WebAuthnPublicKeyCredentialCreationOptions
    )


class WebAuthnSignRequest(CometModel):
    "``WebAuthnSignRequest``."

    ChallengeID: str = msgspec.field(default="")
    Assertion: WebAuthnCredentialAssertion | None = msgspec.field(
        default_factory=WebAuthnCredentialAssertion
    )


class WebAuthnSignResponse(CometModel):
    "``WebAuthnSignResponse``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["CredentialJSON"])

    ChallengeID: str = msgspec.field(default="")
    CredentialJSON: str = msgspec.field(default="")


class WebInterfaceBrandingProperties(CometModel):
    "``WebInterfaceBrandingProperties``."

    BrandingStyleType: int = msgspec.field(default=0)
    BrandName: str = msgspec.field(default="")
    LogoImage: str = msgspec.field(default="")
    TopColor: str = msgspec.field(default="")
    AccentColor: str = msgspec.field(default="")
    Favicon: str = msgspec.field(default="")
    HideNewsArea: bool = msgspec.field(default=False)


class WebhookOption(CometModel):
    "``WebhookOption``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["CustomHeaders", "URL"])

    URL: str = msgspec.field(default="")
    CustomHeaders: GoMap[str, str] = msgspec.field(default_factory=dict)
    Level: str = msgspec.field(default="")
    WhiteListedEventTypes: GoList[int] = msgspec.field(default_factory=list)

    def __post_init__(self) -> None:
        """A Go server sends an empty slice, map or []byte as null."""
        if self.CustomHeaders is None:
            self.CustomHeaders = {}
        if self.WhiteListedEventTypes is None:
            self.WhiteListedEventTypes = []


class WinSMBAuth(CometModel):
    "``WinSMBAuth``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(["Password"])

    SharePath: str = msgspec.field(default="")
    Username: str = msgspec.field(default="")
    Password: str = msgspec.field(default="")
    PasswordFormat: int = msgspec.field(default=0)


class WindowsCodeSignProperties(CometModel):
    "``WindowsCodeSignProperties``."

    __comet_secrets__: ClassVar[frozenset[str]] = frozenset(
        [
            "WindowsCodeSignAzureAppSecret",
            "WindowsCodeSignPKCS11Password",
            "WindowsCodeSignPKCS12Password",
        ]
    )

    WindowsCodeSignMethod: int = msgspec.field(default=0)
    WindowsCodeSignPKCS12FilePath: str = msgspec.field(default="")
    WindowsCodeSignPKCS12PasswordFormat: int = msgspec.field(default=0)
    WindowsCodeSignPKCS12Password: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Engine: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Module: str = msgspec.field(default="")
    WindowsCodeSignPKCS11Certfile: str = msgspec.field(default="")
    WindowsCodeSignPKCS11KeyID: str = msgspec.field(default="")
    WindowsCodeSignPKCS11PasswordFormat: int = msgspec.field(default=0)
    WindowsCodeSignPKCS11Password: str = msgspec.field(default="")
    WindowsCodeSignAzureVaultName: str = msgspec.field(default="")
    WindowsCodeSignAzureCertName: str = msgspec.field(default="")
    WindowsCodeSignAzureAppID: str = msgspec.field(default="")
    WindowsCodeSignAzureAppSecretFormat: int = msgspec.field(default=0)
    WindowsCodeSignAzureAppSecret: str = msgspec.field(default="")
    WindowsCodeSignAzureTenantID: str = msgspec.field(default="")
    WindowsCodeSignRelicServerURL: str = msgspec.field(default="")
    WindowsCodeSignRelicKeypairFile: str = msgspec.field(default="")
    WindowsCodeSignRelicKeyName: str = msgspec.field(default="")


STRUCTS: dict[str, type[CometModel]] = {
    "AddBucketResponseMessage": AddBucketResponseMessage,
    "AdminAccountPropertiesResponse": AdminAccountPropertiesResponse,
    "AdminEmailOptions": AdminEmailOptions,
    "AdminOptions": AdminOptions,
    "AdminResourceResponse": AdminResourceResponse,
    "AdminSecurityOptions": AdminSecurityOptions,
    "AdminU2FRegistration": AdminU2FRegistration,
    "AdminUserPermissions": AdminUserPermissions,
    "AdminWebAuthnRegistration": AdminWebAuthnRegistration,
    "AllowedAdminUser": AllowedAdminUser,
    "AmazonAWSVirtualStorageRoleSettings": AmazonAWSVirtualStorageRoleSettings,
    "AuthenticationRoleOptions": AuthenticationRoleOptions,
    "AvailableDownload": AvailableDownload,
    "AzureDestinationLocation": AzureDestinationLocation,
    "B2DestinationLocation": B2DestinationLocation,
    "B2StorageExtraInfo": B2StorageExtraInfo,
    "B2TransactionTotals": B2TransactionTotals,
    "B2VirtualStorageRoleSettings": B2VirtualStorageRoleSettings,
    "BackupJobAdvancedOptions": BackupJobAdvancedOptions,
    "BackupJobDetail": BackupJobDetail,
    "BackupJobProgress": BackupJobProgress,
    "BackupRuleConfig": BackupRuleConfig,
    "BackupRuleEventTriggers": BackupRuleEventTriggers,
    "BrandingOptions": BrandingOptions,
    "BrandingProperties": BrandingProperties,
    "BrowseDiskDrivesResponse": BrowseDiskDrivesResponse,
    "BrowseEDBResponse": BrowseEDBResponse,
    "BrowseHVResponse": BrowseHVResponse,
    "BrowseOffice365ListVirtualAccountsResponse": BrowseOffice365ListVirtualAccountsResponse,
    "BrowseOffice365ObjectsResponse": BrowseOffice365ObjectsResponse,
    "BrowseProxmoxNodesResponse": BrowseProxmoxNodesResponse,
    "BrowseProxmoxResponse": BrowseProxmoxResponse,
    "BrowseProxmoxStorageResponse": BrowseProxmoxStorageResponse,
    "BrowseSQLServerResponse": BrowseSQLServerResponse,
    "BrowseVMwareDatacentersResponse": BrowseVMwareDatacentersResponse,
    "BrowseVMwareDatastoresResponse": BrowseVMwareDatastoresResponse,
    "BrowseVMwareHostsResponse": BrowseVMwareHostsResponse,
    "BrowseVMwareNetworksResponse": BrowseVMwareNetworksResponse,
    "BrowseVMwareResponse": BrowseVMwareResponse,
    "BrowseVSSResponse": BrowseVSSResponse,
    "BucketProperties": BucketProperties,
    "BucketUsageInfo": BucketUsageInfo,
    "CometAPIResponseMessage": CometAPIResponseMessage,
    "CometDestinationLocation": CometDestinationLocation,
    "ConstellationCheckReport": ConstellationCheckReport,
    "ConstellationRoleOptions": ConstellationRoleOptions,
    "ConstellationStats": ConstellationStats,
    "ConstellationStatusAPIResponse": ConstellationStatusAPIResponse,
    "ContentMeasurement": ContentMeasurement,
    "ContentMeasurementComponent": ContentMeasurementComponent,
    "CountJobsResponse": CountJobsResponse,
    "CreateGroupPolicyResponse": CreateGroupPolicyResponse,
    "CreateUserGroupResponse": CreateUserGroupResponse,
    "CustomRemoteBucketSettings": CustomRemoteBucketSettings,
    "DaysOfWeekConfig": DaysOfWeekConfig,
    "DefaultEmailReportPolicy": DefaultEmailReportPolicy,
    "DefaultSourceWithOSRestriction": DefaultSourceWithOSRestriction,
    "DestinationConfig": DestinationConfig,
    "DestinationLocation": DestinationLocation,
    "DestinationStatistics": DestinationStatistics,
    "DeviceConfig": DeviceConfig,
    "DiskDrive": DiskDrive,
    "DispatchWithJobIDResponse": DispatchWithJobIDResponse,
    "DispatcherAdminSourcesResponse": DispatcherAdminSourcesResponse,
    "DispatcherListSnapshotVirtualMachinesResponse": DispatcherListSnapshotVirtualMachinesResponse,
    "DispatcherStoredObjectsResponse": DispatcherStoredObjectsResponse,
    "DispatcherVaultSnapshotsResponse": DispatcherVaultSnapshotsResponse,
    "DispatcherWindiskSnapshotResponse": DispatcherWindiskSnapshotResponse,
    "EDBFileInfo": EDBFileInfo,
    "EmailOptions": EmailOptions,
    "EmailReportConfig": EmailReportConfig,
    "EmailReportGeneratedPreview": EmailReportGeneratedPreview,
    "EmailReportingOption": EmailReportingOption,
    "ExternalAuthenticationSource": ExternalAuthenticationSource,
    "ExternalAuthenticationSourceDisplay": ExternalAuthenticationSourceDisplay,
    "ExternalAuthenticationSourceResponse": ExternalAuthenticationSourceResponse,
    "ExternalLDAPAuthenticationSourceServer": ExternalLDAPAuthenticationSourceServer,
    "ExternalLDAPAuthenticationSourceSettings": ExternalLDAPAuthenticationSourceSettings,
    "ExtraFileExclusion": ExtraFileExclusion,
    "FTPDestinationLocation": FTPDestinationLocation,
    "FileOption": FileOption,
    "GetGroupPolicyResponse": GetGroupPolicyResponse,
    "GetProfileAndHashResponseMessage": GetProfileAndHashResponseMessage,
    "GetProfileHashResponseMessage": GetProfileHashResponseMessage,
    "GetSharedStorageQuotaResponse": GetSharedStorageQuotaResponse,
    "GetUserGroupResponse": GetUserGroupResponse,
    "GetUserGroupWithUsersResponse": GetUserGroupWithUsersResponse,
    "GlobalOverrideOptions": GlobalOverrideOptions,
    "GroupPolicy": GroupPolicy,
    "HTTPConnectorOptions": HTTPConnectorOptions,
    "HourSchedConfig": HourSchedConfig,
    "HyperVMachineInfo": HyperVMachineInfo,
    "HyperVRestoreTargetOptions": HyperVRestoreTargetOptions,
    "ImpossibleCloudIAMTemplateSettings": ImpossibleCloudIAMTemplateSettings,
    "ImpossibleCloudPartnerTemplateSettings": ImpossibleCloudPartnerTemplateSettings,
    "InstallCreds": InstallCreds,
    "InstallToken": InstallToken,
    "InstallTokenResponse": InstallTokenResponse,
    "JobEntry": JobEntry,
    "LicenseLimits": LicenseLimits,
    "LicenseOptions": LicenseOptions,
    "ListSharedStorageQuotaResponse": ListSharedStorageQuotaResponse,
    "LiveUserConnection": LiveUserConnection,
    "LocalDestinationLocation": LocalDestinationLocation,
    "LocalStorageDirectory": LocalStorageDirectory,
    "LoginProtectionOptions": LoginProtectionOptions,
    "MSSQLConnection": MSSQLConnection,
    "MSSQLLoginArgs": MSSQLLoginArgs,
    "MacOSCodeSignProperties": MacOSCodeSignProperties,
    "MongoDBConnection": MongoDBConnection,
    "MySQLConnection": MySQLConnection,
    "NewBucketDetail": NewBucketDetail,
    "NewsEntry": NewsEntry,
    "OSInfo": OSInfo,
    "ObjectLockStorageTemplateSettings": ObjectLockStorageTemplateSettings,
    "Office365Connection": Office365Connection,
    "Office365Credential": Office365Credential,
    "Office365CustomSetting": Office365CustomSetting,
    "Office365CustomSettingV2": Office365CustomSettingV2,
    "Office365MixedVirtualAccount": Office365MixedVirtualAccount,
    "Office365ObjectInfo": Office365ObjectInfo,
    "OidcClaim": OidcClaim,
    "OidcConfig": OidcConfig,
    "Organization": Organization,
    "OrganizationLoginURLResponse": OrganizationLoginURLResponse,
    "OrganizationResponse": OrganizationResponse,
    "PSAConfig": PSAConfig,
    "PSAGroupedBy": PSAGroupedBy,
    "PVEBackupDisk": PVEBackupDisk,
    "PVEBackupNode": PVEBackupNode,
    "PVEBackupVM": PVEBackupVM,
    "PVEDisk": PVEDisk,
    "PVEParams": PVEParams,
    "PVEStorageName": PVEStorageName,
    "PVEVM": PVEVM,
    "Partition": Partition,
    "PartitionConflict": PartitionConflict,
    "PolicyOptions": PolicyOptions,
    "PrivateBrandingProperties": PrivateBrandingProperties,
    "ProtectedItemEngineTypePolicy": ProtectedItemEngineTypePolicy,
    "ProtectedItemWithBackupRulesResponse": ProtectedItemWithBackupRulesResponse,
    "ProxmoxConnection": ProxmoxConnection,
    "ProxmoxRestoreTargetOptions": ProxmoxRestoreTargetOptions,
    "PublicBrandingProperties": PublicBrandingProperties,
    "RatelimitOptions": RatelimitOptions,
    "RatelimitRule": RatelimitRule,
    "RegisterOfficeApplicationBeginResponse": RegisterOfficeApplicationBeginResponse,
    "RegisterOfficeApplicationCheckResponse": RegisterOfficeApplicationCheckResponse,
    "RegistrationLobbyConnection": RegistrationLobbyConnection,
    "RemoteServerAddress": RemoteServerAddress,
    "RemoteStorageOption": RemoteStorageOption,
    "ReplicaServer": ReplicaServer,
    "ReplicatorStateAPIResponse": ReplicatorStateAPIResponse,
    "RequestStorageVaultResponseMessage": RequestStorageVaultResponseMessage,
    "RestoreJobAdvancedOptions": RestoreJobAdvancedOptions,
    "RetentionPolicy": RetentionPolicy,
    "RetentionRange": RetentionRange,
    "S3DestinationLocation": S3DestinationLocation,
    "S3GenericVirtualStorageRole": S3GenericVirtualStorageRole,
    "SFTPDestinationLocation": SFTPDestinationLocation,
    "SMBDestinationLocation": SMBDestinationLocation,
    "SSHConnection": SSHConnection,
    "ScheduleConfig": ScheduleConfig,
    "SearchClause": SearchClause,
    "SearchResultFileInfo": SearchResultFileInfo,
    "SearchSnapshotsResponse": SearchSnapshotsResponse,
    "SelfBackupExportOptions": SelfBackupExportOptions,
    "SelfBackupOptions": SelfBackupOptions,
    "SelfBackupStatistics": SelfBackupStatistics,
    "SelfBackupTarget": SelfBackupTarget,
    "ServerConfigOptions": ServerConfigOptions,
    "ServerConfigOptionsBrandingFragment": ServerConfigOptionsBrandingFragment,
    "ServerConfigOptionsSoftwareBuildRoleFragment": ServerConfigOptionsSoftwareBuildRoleFragment,
    "ServerMetaBrandingProperties": ServerMetaBrandingProperties,
    "ServerMetaVersionInfo": ServerMetaVersionInfo,
    "SessionKeyRegeneratedResponse": SessionKeyRegeneratedResponse,
    "SessionOptions": SessionOptions,
    "SetSharedStorageQuotaResponse": SetSharedStorageQuotaResponse,
    "SharedStorageQuota": SharedStorageQuota,
    "SingleFieldSource": SingleFieldSource,
    "SizeMeasurement": SizeMeasurement,
    "SoftwareBuildRoleOptions": SoftwareBuildRoleOptions,
    "SoftwareUpdateNewsResponse": SoftwareUpdateNewsResponse,
    "SourceBasicInfo": SourceBasicInfo,
    "SourceConfig": SourceConfig,
    "SourceIncludePattern": SourceIncludePattern,
    "SourceStatistics": SourceStatistics,
    "SpannedDestinationLocation": SpannedDestinationLocation,
    "SpannedStorageExtraInfo": SpannedStorageExtraInfo,
    "StatResult": StatResult,
    "StorageFreeSpaceInfo": StorageFreeSpaceInfo,
    "StorageRoleOptions": StorageRoleOptions,
    "StorageVaultProviderPolicy": StorageVaultProviderPolicy,
    "StoredObject": StoredObject,
    "StorjDestinationLocation": StorjDestinationLocation,
    "StorjVirtualStorageRoleSetting": StorjVirtualStorageRoleSetting,
    "StreamableEvent": StreamableEvent,
    "SwiftDestinationLocation": SwiftDestinationLocation,
    "TestResponse": TestResponse,
    "TimeSpan": TimeSpan,
    "TotpRegeneratedResponse": TotpRegeneratedResponse,
    "U2FRegisterRequest": U2FRegisterRequest,
    "U2FRegisteredKey": U2FRegisteredKey,
    "U2FRegistrationChallengeResponse": U2FRegistrationChallengeResponse,
    "U2FSignRequest": U2FSignRequest,
    "U2FSignResponse": U2FSignResponse,
    "UninstallConfig": UninstallConfig,
    "UpdateCampaignDeviceStatus": UpdateCampaignDeviceStatus,
    "UpdateCampaignOptions": UpdateCampaignOptions,
    "UpdateCampaignProperties": UpdateCampaignProperties,
    "UpdateCampaignStatus": UpdateCampaignStatus,
    "UpdateCampaignStatusDeviceEntry": UpdateCampaignStatusDeviceEntry,
    "UserCustomEmailSettings": UserCustomEmailSettings,
    "UserGroup": UserGroup,
    "UserOnServer": UserOnServer,
    "UserPolicy": UserPolicy,
    "UserProfileConfig": UserProfileConfig,
    "UserProfileFragment": UserProfileFragment,
    "UserServerConfig": UserServerConfig,
    "VMDKSnapshotViewOptions": VMDKSnapshotViewOptions,
    "VMDiskInfo": VMDiskInfo,
    "VMInfo": VMInfo,
    "VMInfoList": VMInfoList,
    "VMwareConnection": VMwareConnection,
    "VMwareDatacenterInfo": VMwareDatacenterInfo,
    "VMwareDatastoreInfo": VMwareDatastoreInfo,
    "VMwareHostInfo": VMwareHostInfo,
    "VMwareMachineInfo": VMwareMachineInfo,
    "VMwareNetworkInfo": VMwareNetworkInfo,
    "VMwareRestoreTargetOptions": VMwareRestoreTargetOptions,
    "VSSComponent": VSSComponent,
    "VSSWriterInfo": VSSWriterInfo,
    "VSphereConnection": VSphereConnection,
    "VaultSnapshot": VaultSnapshot,
    "WasabiVirtualStorageRoleSettings": WasabiVirtualStorageRoleSettings,
    "WebAuthnAuthenticatorSelection": WebAuthnAuthenticatorSelection,
    "WebAuthnCredential": WebAuthnCredential,
    "WebAuthnCredentialAssertion": WebAuthnCredentialAssertion,
    "WebAuthnCredentialDescriptor": WebAuthnCredentialDescriptor,
    "WebAuthnCredentialEntity": WebAuthnCredentialEntity,
    "WebAuthnCredentialParameter": WebAuthnCredentialParameter,
    "WebAuthnPublicKeyCredentialCreationOptions": WebAuthnPublicKeyCredentialCreationOptions,
    "WebAuthnPublicKeyCredentialRequestOptions": WebAuthnPublicKeyCredentialRequestOptions,
    "WebAuthnRegistrationChallengeResponse": WebAuthnRegistrationChallengeResponse,
    "WebAuthnRelyingPartyEntity": WebAuthnRelyingPartyEntity,
    "WebAuthnSignRequest": WebAuthnSignRequest,
    "WebAuthnSignResponse": WebAuthnSignResponse,
    "WebAuthnUserEntity": WebAuthnUserEntity,
    "WebDavDestinationLocation": WebDavDestinationLocation,
    "WebInterfaceBrandingProperties": WebInterfaceBrandingProperties,
    "WebhookOption": WebhookOption,
    "WinSMBAuth": WinSMBAuth,
    "WindowsCodeSignProperties": WindowsCodeSignProperties,
}

__all__ = [
    "AddBucketResponseMessage",
    "AdminAccountPropertiesResponse",
    "AdminEmailOptions",
    "AdminOptions",
    "AdminResourceResponse",
    "AdminSecurityOptions",
    "AdminU2FRegistration",
    "AdminUserPermissions",
    "AdminWebAuthnRegistration",
    "AllowedAdminUser",
    "AmazonAWSVirtualStorageRoleSettings",
    "AuthenticationRoleOptions",
    "AvailableDownload",
    "AzureDestinationLocation",
    "B2DestinationLocation",
    "B2StorageExtraInfo",
    "B2TransactionTotals",
    "B2VirtualStorageRoleSettings",
    "BackupJobAdvancedOptions",
    "BackupJobDetail",
    "BackupJobProgress",
    "BackupRuleConfig",
    "BackupRuleEventTriggers",
    "BrandingOptions",
    "BrandingProperties",
    "BrowseDiskDrivesResponse",
    "BrowseEDBResponse",
    "BrowseHVResponse",
    "BrowseOffice365ListVirtualAccountsResponse",
    "BrowseOffice365ObjectsResponse",
    "BrowseProxmoxNodesResponse",
    "BrowseProxmoxResponse",
    "BrowseProxmoxStorageResponse",
    "BrowseSQLServerResponse",
    "BrowseVMwareDatacentersResponse",
    "BrowseVMwareDatastoresResponse",
    "BrowseVMwareHostsResponse",
    "BrowseVMwareNetworksResponse",
    "BrowseVMwareResponse",
    "BrowseVSSResponse",
    "BucketProperties",
    "BucketUsageInfo",
    "CometAPIResponseMessage",
    "CometDestinationLocation",
    "ConstellationCheckReport",
    "ConstellationRoleOptions",
    "ConstellationStats",
    "ConstellationStatusAPIResponse",
    "ContentMeasurement",
    "ContentMeasurementComponent",
    "CountJobsResponse",
    "CreateGroupPolicyResponse",
    "CreateUserGroupResponse",
    "CustomRemoteBucketSettings",
    "DaysOfWeekConfig",
    "DefaultEmailReportPolicy",
    "DefaultSourceWithOSRestriction",
    "DestinationConfig",
    "DestinationLocation",
    "DestinationStatistics",
    "DeviceConfig",
    "DiskDrive",
    "DispatchWithJobIDResponse",
    "DispatcherAdminSourcesResponse",
    "DispatcherListSnapshotVirtualMachinesResponse",
    "DispatcherStoredObjectsResponse",
    "DispatcherVaultSnapshotsResponse",
    "DispatcherWindiskSnapshotResponse",
    "EDBFileInfo",
    "EmailOptions",
    "EmailReportConfig",
    "EmailReportGeneratedPreview",
    "EmailReportingOption",
    "ExternalAuthenticationSource",
    "ExternalAuthenticationSourceDisplay",
    "ExternalAuthenticationSourceResponse",
    "ExternalLDAPAuthenticationSourceServer",
    "ExternalLDAPAuthenticationSourceSettings",
    "ExtraFileExclusion",
    "FTPDestinationLocation",
    "FileOption",
    "GetGroupPolicyResponse",
    "GetProfileAndHashResponseMessage",
    "GetProfileHashResponseMessage",
    "GetSharedStorageQuotaResponse",
    "GetUserGroupResponse",
    "GetUserGroupWithUsersResponse",
    "GlobalOverrideOptions",
    "GroupPolicy",
    "HTTPConnectorOptions",
    "HourSchedConfig",
    "HyperVMachineInfo",
    "HyperVRestoreTargetOptions",
    "ImpossibleCloudIAMTemplateSettings",
    "ImpossibleCloudPartnerTemplateSettings",
    "InstallCreds",
    "InstallToken",
    "InstallTokenResponse",
    "JobEntry",
    "LicenseLimits",
    "LicenseOptions",
    "ListSharedStorageQuotaResponse",
    "LiveUserConnection",
    "LocalDestinationLocation",
    "LocalStorageDirectory",
    "LoginProtectionOptions",
    "MSSQLConnection",
    "MSSQLLoginArgs",
    "MacOSCodeSignProperties",
    "MongoDBConnection",
    "MySQLConnection",
    "NewBucketDetail",
    "NewsEntry",
    "OSInfo",
    "ObjectLockStorageTemplateSettings",
    "Office365Connection",
    "Office365Credential",
    "Office365CustomSetting",
    "Office365CustomSettingV2",
    "Office365MixedVirtualAccount",
    "Office365ObjectInfo",
    "OidcClaim",
    "OidcConfig",
    "Organization",
    "OrganizationLoginURLResponse",
    "OrganizationResponse",
    "PSAConfig",
    "PSAGroupedBy",
    "PVEBackupDisk",
    "PVEBackupNode",
    "PVEBackupVM",
    "PVEDisk",
    "PVEParams",
    "PVEStorageName",
    "PVEVM",
    "Partition",
    "PartitionConflict",
    "PolicyOptions",
    "PrivateBrandingProperties",
    "ProtectedItemEngineTypePolicy",
    "ProtectedItemWithBackupRulesResponse",
    "ProxmoxConnection",
    "ProxmoxRestoreTargetOptions",
    "PublicBrandingProperties",
    "RatelimitOptions",
    "RatelimitRule",
    "RegisterOfficeApplicationBeginResponse",
    "RegisterOfficeApplicationCheckResponse",
    "RegistrationLobbyConnection",
    "RemoteServerAddress",
    "RemoteStorageOption",
    "ReplicaServer",
    "ReplicatorStateAPIResponse",
    "RequestStorageVaultResponseMessage",
    "RestoreJobAdvancedOptions",
    "RetentionPolicy",
    "RetentionRange",
    "S3DestinationLocation",
    "S3GenericVirtualStorageRole",
    "SFTPDestinationLocation",
    "SMBDestinationLocation",
    "SSHConnection",
    "ScheduleConfig",
    "SearchClause",
    "SearchResultFileInfo",
    "SearchSnapshotsResponse",
    "SelfBackupExportOptions",
    "SelfBackupOptions",
    "SelfBackupStatistics",
    "SelfBackupTarget",
    "ServerConfigOptions",
    "ServerConfigOptionsBrandingFragment",
    "ServerConfigOptionsSoftwareBuildRoleFragment",
    "ServerMetaBrandingProperties",
    "ServerMetaVersionInfo",
    "SessionKeyRegeneratedResponse",
    "SessionOptions",
    "SetSharedStorageQuotaResponse",
    "SharedStorageQuota",
    "SingleFieldSource",
    "SizeMeasurement",
    "SoftwareBuildRoleOptions",
    "SoftwareUpdateNewsResponse",
    "SourceBasicInfo",
    "SourceConfig",
    "SourceIncludePattern",
    "SourceStatistics",
    "SpannedDestinationLocation",
    "SpannedStorageExtraInfo",
    "StatResult",
    "StorageFreeSpaceInfo",
    "StorageRoleOptions",
    "StorageVaultProviderPolicy",
    "StoredObject",
    "StorjDestinationLocation",
    "StorjVirtualStorageRoleSetting",
    "StreamableEvent",
    "SwiftDestinationLocation",
    "TestResponse",
    "TimeSpan",
    "TotpRegeneratedResponse",
    "U2FRegisterRequest",
    "U2FRegisteredKey",
    "U2FRegistrationChallengeResponse",
    "U2FSignRequest",
    "U2FSignResponse",
    "UninstallConfig",
    "UpdateCampaignDeviceStatus",
    "UpdateCampaignOptions",
    "UpdateCampaignProperties",
    "UpdateCampaignStatus",
    "UpdateCampaignStatusDeviceEntry",
    "UserCustomEmailSettings",
    "UserGroup",
    "UserOnServer",
    "UserPolicy",
    "UserProfileConfig",
    "UserProfileFragment",
    "UserServerConfig",
    "VMDKSnapshotViewOptions",
    "VMDiskInfo",
    "VMInfo",
    "VMInfoList",
    "VMwareConnection",
    "VMwareDatacenterInfo",
    "VMwareDatastoreInfo",
    "VMwareHostInfo",
    "VMwareMachineInfo",
    "VMwareNetworkInfo",
    "VMwareRestoreTargetOptions",
    "VSSComponent",
    "VSSWriterInfo",
    "VSphereConnection",
    "VaultSnapshot",
    "WasabiVirtualStorageRoleSettings",
    "WebAuthnAuthenticatorSelection",
    "WebAuthnCredential",
    "WebAuthnCredentialAssertion",
    "WebAuthnCredentialDescriptor",
    "WebAuthnCredentialEntity",
    "WebAuthnCredentialParameter",
    "WebAuthnPublicKeyCredentialCreationOptions",
    "WebAuthnPublicKeyCredentialRequestOptions",
    "WebAuthnRegistrationChallengeResponse",
    "WebAuthnRelyingPartyEntity",
    "WebAuthnSignRequest",
    "WebAuthnSignResponse",
    "WebAuthnUserEntity",
    "WebDavDestinationLocation",
    "WebInterfaceBrandingProperties",
    "WebhookOption",
    "WinSMBAuth",
    "WindowsCodeSignProperties",
]
