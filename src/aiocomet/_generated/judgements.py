"""Reviewed judgements the spec lacks (from scripts/judgements.toml).

GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.
Source: Comet Server API spec, comet_version 25.9.8, spec.json sha256 be80f51800bf8460aaf592a60af9bdd27814ef4b00bf9f9f3f96dd495c38868a.
"""

from __future__ import annotations

from typing import Final

SECRET_KEYS: Final[frozenset[str]] = frozenset(
    {
        "APIKey",
        "AZBAccountKey",
        "AccessKey",
        "AppCert",
        "AppKey",
        "AppleIDPass",
        "AuthToken",
        "BindPassword",
        "ClientSecret",
        "CometBucketKey",
        "Continuation",
        "Credential",
        "CredentialJSON",
        "CustomBody",
        "CustomHeaders",
        "EncryptedEncryptionKey",
        "EncryptionKey",
        "FTPPassword",
        "Image",
        "Key",
        "LocalcopyWinSMBPassword",
        "NewBucketKey",
        "NewPassword",
        "OldPassword",
        "PartnerKey",
        "Passphrase",
        "Password",
        "PasswordHash",
        "PasswordRecovery",
        "PfxFilePassword",
        "ReadWriteKey",
        "S3AccessKey",
        "S3SecretKey",
        "SFTPPassword",
        "SFTPPrivateKey",
        "SMBPassword",
        "SMTPPassword",
        "SSHPassword",
        "SSHPrivateKey",
        "SSLCertKey",
        "SSLClientKeyPassword",
        "SSLPfxPassword",
        "Secret",
        "SecretKey",
        "SerialNumber",
        "SessionKey",
        "SetKeyHashValue",
        "Signature",
        "TOTP",
        "TOTPCode",
        "TOTPKey",
        "TargetPassword",
        "TargetTOTPCode",
        "Token",
        "U2FSign",
        "URL",
        "WindowsCodeSignAzureAppSecret",
        "WindowsCodeSignPKCS11Password",
        "WindowsCodeSignPKCS12Password",
        "apiToken",
        "authToken",
        "password",
    }
)
"""JSON keys, form fields and headers-by-field whose values are credentials."""
