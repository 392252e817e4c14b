"""Struct fields that Go omits from JSON when empty (``omitempty``).

GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.
Source: Comet Server API spec, comet_version 25.9.8, spec.json sha256 be80f51800bf8460aaf592a60af9bdd27814ef4b00bf9f9f3f96dd495c38868a.
"""

from __future__ import annotations

from typing import Final

OMITEMPTY: Final[dict[str, frozenset[str]]] = {
    "AdminSecurityOptions": frozenset(
        [
            "IPWhitelist",
            "TOTPKey",
            "TOTPKeyEncryptionFormat",
            "U2FRegistrations",
            "WebAuthnRegistrations",
        ]
    ),
    "AdminUserPermissions": frozenset(
        [
            "AllowEditBranding",
            "AllowEditEmailOptions",
            "AllowEditExternalAuthSources",
            "AllowEditRemoteStorage",
            "AllowEditWebhooks",
            "AllowedProvidersWhenRestricted",
            "AllowedUserPolicies",
            "DenyConstellationRole",
            "DenySoftwareBuildRole",
            "DenyViewServerHistory",
            "DenyViewServerInfo",
            "HideCloudStorageBranding",
            "PreventAddCustomStorageVault",
            "PreventChangePassword",
            "PreventDeleteStorageVault",
            "PreventEditServerSettings",
            "PreventRequestStorageVault",
            "PreventServerShutdown",
            "ShouldRestrictProviderList",
        ]
    ),
    "AdminWebAuthnRegistration": frozenset(["Credential", "ID", "IsLegacyU2F"]),
    "AllowedAdminUser": frozenset(
        [
            "ExternalAuthenticationSource",
            "IPWhitelist",
            "TOTPKey",
            "TOTPKeyEncryptionFormat",
            "U2FRegistrations",
            "WebAuthnRegistrations",
        ]
    ),
    "AuthenticationRoleOptions": frozenset(["GlobalOverrides"]),
    "B2DestinationLocation": frozenset(
        ["AccountID", "Bucket", "HideDeletedFiles", "Key", "MaxConnections", "Prefix"]
    ),
    "BackupJobDetail": frozenset(
        [
            "BackupRuleGUID",
            "CancellationID",
            "ConflictingJobID",
            "DestinationSizeEnd",
            "DestinationSizeStart",
            "Progress",
            "SnapshotID",
            "Tags",
            "TotalAccountsCount",
            "TotalLicensedMailsCount",
            "TotalMailsCount",
            "TotalSitesCount",
            "TotalUnlicensedMailsCount",
            "TotalVmCount",
        ]
    ),
    "BackupRuleEventTriggers": frozenset(
        [
            "LastJobFailDoRetryCount",
            "LastJobFailDoRetryTime",
            "OnLastJobFailDoRetry",
            "OnPCBoot",
            "OnPCBootIfLastJobMissed",
        ]
    ),
    "ConstellationStatusAPIResponse": frozenset(["TargetNames"]),
    "DestinationConfig": frozenset(["Statistics"]),
    "DestinationStatistics": frozenset(
        [
            "LastSuccessfulDeepVerify_EndTime",
            "LastSuccessfulDeepVerify_GUID",
            "LastSuccessfulDeepVerify_StartTime",
        ]
    ),
    "DeviceConfig": frozenset(
        [
            "ClientVersion",
            "DeviceTimezone",
            "PlatformVersion",
            "RegistrationTime",
            "Sources",
            "SyncroUUID",
        ]
    ),
    "DispatchWithJobIDResponse": frozenset(["JobID"]),
    "EmailOptions": frozenset(
        [
            "EmailReportingOptions",
            "SMTPAllowInvalidCertificate",
            "SMTPAllowUnencrypted",
            "SMTPCustomEhlo",
            "SMTPHost",
            "SMTPPassword",
            "SMTPPort",
            "SMTPUsername",
        ]
    ),
    "EmailReportConfig": frozenset(["TimeSpan"]),
    "ExternalAuthenticationSource": frozenset(
        [
            "AWS",
            "B2",
            "Custom",
            "ImpPartner",
            "ImpUser",
            "LDAP",
            "OIDC",
            "Password",
            "RemoteAddress",
            "S3",
            "Storj",
            "Username",
            "Wasabi",
        ]
    ),
    "FileOption": frozenset(["AllowEventTypes", "Level", "PruningEnabled", "PruningLimit"]),
    "GlobalOverrideOptions": frozenset(["RandomDelaySecs"]),
    "HTTPConnectorOptions": frozenset(
        [
            "AutoSSLDomains",
            "SSLCertKey",
            "SSLCertPath",
            "SSLIntermediate",
            "SSLPfxPassword",
            "SSLPfxPath",
        ]
    ),
    "LicenseLimits": frozenset(["boosterCount", "deviceCount"]),
    "LicenseOptions": frozenset(["Email"]),
    "LiveUserConnection": frozenset(["DeviceTimeZone", "IPAddress", "ReportedPlatformVersion"]),
    "MongoDBConnection": frozenset(["SSHConnection"]),
    "OSInfo": frozenset(["arch", "build", "distribution", "os", "version"]),
    "Office365CustomSettingV2": frozenset(
        [
            "BackupOptions",
            "FilterMemberOptions",
            "FilterMode",
            "FilterOptions",
            "MemberBackupOptions",
            "WholeOrg",
        ]
    ),
    "Office365MixedVirtualAccount": frozenset(
        [
            "DefaultDriveID",
            "Disabled",
            "DisplayName",
            "EnabledServiceOption",
            "JobTitle",
            "Mail",
            "MemberServiceOptions",
            "Members",
            "ServiceOptions",
            "SiteID",
            "Type",
            "UserPrincipalName",
            "WebID",
            "WebURL",
            "hasLicense",
        ]
    ),
    "OidcClaim": frozenset(["Value"]),
    "OidcConfig": frozenset(
        [
            "AzureTenantID",
            "DiscoveryDocumentURL",
            "GoogleHostedDomain",
            "Hosts",
            "OrganizationID",
            "RequiredClaims",
            "Scopes",
        ]
    ),
    "Organization": frozenset(["ExperimentalOptions"]),
    "PSAConfig": frozenset(["CustomHeaders", "PartnerKey"]),
    "PVEBackupDisk": frozenset(["Device", "DeviceNum"]),
    "PVEBackupNode": frozenset(["IncludedVMs", "Name", "Selected"]),
    "PVEBackupVM": frozenset(["IncludedDisks", "Name", "Selected", "Type", "VMID"]),
    "PVEDisk": frozenset(["Format", "Options", "Size", "StorageID", "Volume"]),
    "PVEParams": frozenset(
        ["Everything", "Exclusions", "Method", "SSHConnection", "Selections", "UseCBT"]
    ),
    "ProtectedItemWithBackupRulesResponse": frozenset(["BackupRules"]),
    "RatelimitOptions": frozenset(["Rules"]),
    "RegisterOfficeApplicationCheckResponse": frozenset(["Result"]),
    "RegistrationLobbyConnection": frozenset(
        ["DeviceTimeZone", "Host", "IPAddress", "ReportedPlatformVersion"]
    ),
    "RemoteServerAddress": frozenset(
        [
            "AWS",
            "B2",
            "Custom",
            "ImpPartner",
            "ImpUser",
            "LDAP",
            "OIDC",
            "Password",
            "RemoteAddress",
            "S3",
            "Storj",
            "Username",
            "Wasabi",
        ]
    ),
    "RemoteStorageOption": frozenset(
        [
            "AWS",
            "B2",
            "Custom",
            "ImpPartner",
            "ImpUser",
            "LDAP",
            "OIDC",
            "Password",
            "RemoteAddress",
            "S3",
            "Storj",
            "Username",
            "Wasabi",
        ]
    ),
    "ReplicaServer": frozenset(
        [
            "AWS",
            "B2",
            "Custom",
            "ImpPartner",
            "ImpUser",
            "LDAP",
            "OIDC",
            "Password",
            "RemoteAddress",
            "ReplicaDeletionStrategy",
            "S3",
            "Storj",
            "Username",
            "Wasabi",
        ]
    ),
    "RestoreJobAdvancedOptions": frozenset(
        [
            "HyperVConnection",
            "MsSqlConnection",
            "Office365Credential",
            "ProxmoxConnection",
            "VMwareConnection",
        ]
    ),
    "ScheduleConfig": frozenset(["Offset", "RandomDelaySecs"]),
    "SearchClause": frozenset(["ClauseChildren"]),
    "SearchResultFileInfo": frozenset(["atime", "ctime", "mode", "mtime", "size"]),
    "SelfBackupExportOptions": frozenset(["RestrictToSingleOrgID"]),
    "SelfBackupTarget": frozenset(["RestrictToSingleOrgID"]),
    "ServerConfigOptions": frozenset(["ExperimentalOptions", "OverseerRole"]),
    "ServerMetaBrandingProperties": frozenset(["ExternalAuthenticationSources"]),
    "ServerMetaVersionInfo": frozenset(["ExperimentalOptions"]),
    "SourceBasicInfo": frozenset(["OverrideDestinationRetention"]),
    "SourceConfig": frozenset(["OverrideDestinationRetention", "Statistics"]),
    "StorageFreeSpaceInfo": frozenset(["B2", "Spanned"]),
    "StorageRoleOptions": frozenset(["LocalStorage"]),
    "StoredObject": frozenset(
        [
            "b",
            "d",
            "dname",
            "etime",
            "f",
            "from",
            "has_attachments",
            "itemClass",
            "r",
            "rtime",
            "stime",
            "to",
        ]
    ),
    "StorjDestinationLocation": frozenset(["StorjBucketPrefix"]),
    "StreamableEvent": frozenset(["Data", "ResourceID", "Timestamp", "TypeString"]),
    "SwiftDestinationLocation": frozenset(
        [
            "APIKey",
            "AuthToken",
            "AuthURL",
            "Container",
            "DefaultContainerPolicy",
            "Domain",
            "Prefix",
            "Region",
            "Tenant",
            "TenantDomain",
            "TenantID",
            "TrustID",
            "Username",
        ]
    ),
    "UserPolicy": frozenset(
        [
            "FileAndFolderMandatoryExclusions",
            "ModeAdminResetPassword",
            "ModeAdminViewFilenames",
            "ModeLastJobFailDoRetryCount",
            "ModeLastJobFailDoRetryTime",
            "ModeRequireUserResetPassword",
            "ModeScheduleLastJobFailDoRetry",
            "ModeScheduleSkipAlreadyRunning",
            "RandomDelaySecs",
        ]
    ),
    "UserProfileConfig": frozenset(
        ["LastSuspended", "OrganizationID", "PasswordRecovery", "ServerConfig"]
    ),
    "UserServerConfig": frozenset(["RandomDelaySecs"]),
    "VaultSnapshot": frozenset(["Tags"]),
    "WebAuthnAuthenticatorSelection": frozenset(
        ["authenticatorAttachment", "requireResidentKey", "residentKey", "userVerification"]
    ),
    "WebAuthnCredentialDescriptor": frozenset(["transports"]),
    "WebAuthnCredentialEntity": frozenset(["icon"]),
    "WebAuthnPublicKeyCredentialCreationOptions": frozenset(
        [
            "attestation",
            "authenticatorSelection",
            "excludeCredentials",
            "extensions",
            "pubKeyCredParams",
            "timeout",
        ]
    ),
    "WebAuthnPublicKeyCredentialRequestOptions": frozenset(
        ["allowCredentials", "extensions", "rpId", "timeout", "userVerification"]
    ),
    "WebAuthnRelyingPartyEntity": frozenset(["icon"]),
    "WebAuthnUserEntity": frozenset(["displayName", "icon"]),
    "WebDavDestinationLocation": frozenset(["AccessKey", "DavServer", "Path", "UserName"]),
}
"""Struct name -> wire keys tagged ``omitempty`` in the Go SDK."""
