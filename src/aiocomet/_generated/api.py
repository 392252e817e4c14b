"""One async method per Comet Server API method, mixed into CometClient.

GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.
Source: Comet Server API spec, comet_version 25.9.8, spec.json sha256 be80f51800bf8460aaf592a60af9bdd27814ef4b00bf9f9f3f96dd495c38868a.
"""

from __future__ import annotations

from .._api_base import APIBase, DownloadStream, UploadBody
from . import methods as _m
from . import models


class GeneratedAPI(APIBase):
    """Every Comet Server API method (generated from the spec)."""

    async def admin_account_properties(self) -> models.AdminAccountPropertiesResponse:
        """Admin account properties (``AdminAccountProperties``).

        ``POST /api/v1/admin/account/properties`` - auth: admin. Needs an admin account.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.AdminAccountPropertiesResponse`.
        """
        return await self._call(_m.AdminAccountProperties, {})

    async def admin_account_regenerate_totp(self) -> models.TotpRegeneratedResponse:
        """Admin account regenerate totp (``AdminAccountRegenerateTotp``).

        ``POST /api/v1/admin/account/regenerate-totp`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.TotpRegeneratedResponse`.
        """
        return await self._call(_m.AdminAccountRegenerateTotp, {})

    async def admin_account_session_revoke(self) -> models.CometAPIResponseMessage:
        """Admin account session revoke (``AdminAccountSessionRevoke``).

        ``POST /api/v1/admin/account/session-revoke`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminAccountSessionRevoke, {})

    async def admin_account_session_start(
        self, *, self_address: str | None = None
    ) -> models.SessionKeyRegeneratedResponse:
        """Admin account session start (``AdminAccountSessionStart``).

        ``POST /api/v1/admin/account/session-start`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            :class:`~aiocomet.models.SessionKeyRegeneratedResponse`.
        """
        return await self._call(_m.AdminAccountSessionStart, {"SelfAddress": self_address})

    async def admin_account_session_start_as_user(
        self, target_user: str
    ) -> models.SessionKeyRegeneratedResponse:
        """Admin account session start as user (``AdminAccountSessionStartAsUser``).

        ``POST /api/v1/admin/account/session-start-as-user`` - auth: admin. Needs an admin
        account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.

        Returns:
            :class:`~aiocomet.models.SessionKeyRegeneratedResponse`.
        """
        return await self._call(_m.AdminAccountSessionStartAsUser, {"TargetUser": target_user})

    async def admin_account_session_upgrade(
        self, session_key: str
    ) -> models.CometAPIResponseMessage:
        """Admin account session upgrade (``AdminAccountSessionUpgrade``).

        ``POST /api/v1/admin/account/session-upgrade`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            session_key: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminAccountSessionUpgrade, {"SessionKey": session_key})

    async def admin_account_set_properties(
        self, security: models.AdminSecurityOptions
    ) -> models.CometAPIResponseMessage:
        """Admin account set properties (``AdminAccountSetProperties``).

        ``POST /api/v1/admin/account/set-properties`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            security: :class:`~aiocomet.models.AdminSecurityOptions`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminAccountSetProperties, {"Security": security})

    async def admin_account_u2f_request_registration_challenge(
        self, self_address: str
    ) -> models.U2FRegistrationChallengeResponse:
        """Admin account u2f request registration challenge (``AdminAccountU2fRequestRegistrationChallenge``).

        ``POST /api/v1/admin/account/u2f/request-registration-challenge`` - auth: admin. Needs
        an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``.

        Returns:
            :class:`~aiocomet.models.U2FRegistrationChallengeResponse`.
        """
        return await self._call(
            _m.AdminAccountU2fRequestRegistrationChallenge, {"SelfAddress": self_address}
        )

    async def admin_account_u2f_submit_challenge_response(
        self,
        u2_f_challenge_id: str,
        u2_f_client_data: str,
        u2_f_registration_data: str,
        u2_f_version: str,
        *,
        description: str | None = None,
    ) -> models.CometAPIResponseMessage:
        """Admin account u2f submit challenge response (``AdminAccountU2fSubmitChallengeResponse``).

        ``POST /api/v1/admin/account/u2f/submit-challenge-response`` - auth: admin. Needs an
        admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            u2_f_challenge_id: ``str``.
            u2_f_client_data: ``str``.
            u2_f_registration_data: ``str``.
            u2_f_version: ``str``.
            description: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminAccountU2fSubmitChallengeResponse,
            {
                "U2FChallengeID": u2_f_challenge_id,
                "U2FClientData": u2_f_client_data,
                "U2FRegistrationData": u2_f_registration_data,
                "U2FVersion": u2_f_version,
                "Description": description,
            },
        )

    async def admin_account_validate_totp(self, totp_code: str) -> models.CometAPIResponseMessage:
        """Admin account validate totp (``AdminAccountValidateTotp``).

        ``POST /api/v1/admin/account/validate-totp`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            totp_code: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminAccountValidateTotp, {"TOTPCode": totp_code})

    async def admin_account_webauthn_request_registration_challenge(
        self, self_address: str
    ) -> models.WebAuthnRegistrationChallengeResponse:
        """Admin account webauthn request registration challenge (``AdminAccountWebauthnRequestRegistrationChallenge``).

        ``POST /api/v1/admin/account/webauthn/request-registration-challenge`` - auth: admin.
        Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``.

        Returns:
            :class:`~aiocomet.models.WebAuthnRegistrationChallengeResponse`.
        """
        return await self._call(
            _m.AdminAccountWebauthnRequestRegistrationChallenge, {"SelfAddress": self_address}
        )

    async def admin_account_webauthn_submit_challenge_response(
        self, self_address: str, challenge_id: str, credential: str
    ) -> models.CometAPIResponseMessage:
        """Admin account webauthn submit challenge response (``AdminAccountWebauthnSubmitChallengeResponse``).

        ``POST /api/v1/admin/account/webauthn/submit-challenge-response`` - auth: admin. Needs
        an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``.
            challenge_id: ``str``.
            credential: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminAccountWebauthnSubmitChallengeResponse,
            {"SelfAddress": self_address, "ChallengeID": challenge_id, "Credential": credential},
        )

    async def admin_add_first_admin_user(
        self, target_user: str, target_password: str
    ) -> models.CometAPIResponseMessage:
        """Admin add first admin user (``AdminAddFirstAdminUser``).

        ``POST /api/v1/admin/add-first-admin-user`` - auth: none. Needs no credentials.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            target_password: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminAddFirstAdminUser,
            {"TargetUser": target_user, "TargetPassword": target_password},
        )

    async def admin_add_user(
        self,
        target_user: str,
        target_password: str,
        *,
        store_recovery_code: int | None = None,
        require_password_change: int | None = None,
        target_organization: str | None = None,
    ) -> models.CometAPIResponseMessage:
        """Admin add user (``AdminAddUser``).

        ``POST /api/v1/admin/add-user`` - auth: admin. Needs an admin account. The server must
        have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            target_password: ``str``.
            store_recovery_code: ``int``. Optional: not sent when ``None``. Since Comet 18.3.9.
            require_password_change: ``int``. Optional: not sent when ``None``. Since Comet
                20.3.4.
            target_organization: ``str``. Optional: not sent when ``None``. Since Comet 22.3.7.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminAddUser,
            {
                "TargetUser": target_user,
                "TargetPassword": target_password,
                "StoreRecoveryCode": store_recovery_code,
                "RequirePasswordChange": require_password_change,
                "TargetOrganization": target_organization,
            },
        )

    async def admin_add_user_from_profile(
        self,
        target_user: str,
        profile_data: models.UserProfileConfig,
        *,
        target_organization: str | None = None,
    ) -> models.CometAPIResponseMessage:
        """Admin add user from profile (``AdminAddUserFromProfile``).

        ``POST /api/v1/admin/add-user-from-profile`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            profile_data: :class:`~aiocomet.models.UserProfileConfig`.
            target_organization: ``str``. Optional: not sent when ``None``. Since Comet 22.3.7.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminAddUserFromProfile,
            {
                "TargetUser": target_user,
                "ProfileData": profile_data,
                "TargetOrganization": target_organization,
            },
        )

    async def admin_admin_user_delete(self, target_user: str) -> models.CometAPIResponseMessage:
        """Admin admin user delete (``AdminAdminUserDelete``).

        ``POST /api/v1/admin/admin-user/delete`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it. An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminAdminUserDelete, {"TargetUser": target_user})

    async def admin_admin_user_list(self) -> list[models.AllowedAdminUser]:
        """Admin admin user list (``AdminAdminUserList``).

        ``POST /api/v1/admin/admin-user/list`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it. An admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of :class:`~aiocomet.models.AllowedAdminUser`.
        """
        return await self._call(_m.AdminAdminUserList, {})

    async def admin_admin_user_new(
        self, target_user: str, target_password: str, *, target_org_id: str | None = None
    ) -> models.CometAPIResponseMessage:
        """Admin admin user new (``AdminAdminUserNew``).

        ``POST /api/v1/admin/admin-user/new`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it. An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            target_password: ``str``.
            target_org_id: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminAdminUserNew,
            {
                "TargetUser": target_user,
                "TargetPassword": target_password,
                "TargetOrgID": target_org_id,
            },
        )

    async def admin_branding_available_platforms(self) -> dict[int, models.AvailableDownload]:
        """Admin branding available platforms (``AdminBrandingAvailablePlatforms``).

        ``POST /api/v1/admin/branding/available-platforms`` - auth: admin. Needs an admin
        account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``int`` to :class:`~aiocomet.models.AvailableDownload`.
        """
        return await self._call(_m.AdminBrandingAvailablePlatforms, {})

    async def admin_branding_generate_client_by_platform(
        self, platform: int, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client by platform (``AdminBrandingGenerateClientByPlatform``).

        ``POST /api/v1/admin/branding/generate-client/by-platform`` - auth: admin. Needs an
        admin account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            platform: ``int``.
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientByPlatform,
            {"Platform": platform, "SelfAddress": self_address},
        )

    def admin_branding_generate_client_by_platform_stream(
        self, platform: int, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientByPlatform`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminBrandingGenerateClientByPlatform,
            {"Platform": platform, "SelfAddress": self_address},
        )

    async def admin_branding_generate_client_linux_deb(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client linux deb (``AdminBrandingGenerateClientLinuxDeb``).

        ``POST /api/v1/admin/branding/generate-client/linux-deb`` - auth: admin. Needs an admin
        account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientLinuxDeb, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_linux_deb_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientLinuxDeb`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminBrandingGenerateClientLinuxDeb, {"SelfAddress": self_address})

    async def admin_branding_generate_client_linuxgeneric(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client linuxgeneric (``AdminBrandingGenerateClientLinuxgeneric``).

        ``POST /api/v1/admin/branding/generate-client/linuxgeneric`` - auth: admin. Needs an
        admin account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientLinuxgeneric, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_linuxgeneric_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientLinuxgeneric`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminBrandingGenerateClientLinuxgeneric, {"SelfAddress": self_address}
        )

    async def admin_branding_generate_client_macos_arm64(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client macos arm64 (``AdminBrandingGenerateClientMacosArm64``).

        ``POST /api/v1/admin/branding/generate-client/macos-arm64`` - auth: admin. Needs an
        admin account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientMacosArm64, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_macos_arm64_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientMacosArm64`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminBrandingGenerateClientMacosArm64, {"SelfAddress": self_address})

    async def admin_branding_generate_client_macos_x8664(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client macos x8664 (``AdminBrandingGenerateClientMacosX8664``).

        ``POST /api/v1/admin/branding/generate-client/macos-x86_64`` - auth: admin. Needs an
        admin account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientMacosX8664, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_macos_x8664_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientMacosX8664`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminBrandingGenerateClientMacosX8664, {"SelfAddress": self_address})

    async def admin_branding_generate_client_spk_dsm6(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client spk dsm6 (``AdminBrandingGenerateClientSpkDsm6``).

        ``POST /api/v1/admin/branding/generate-client/spk-dsm6`` - auth: admin. Needs an admin
        account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientSpkDsm6, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_spk_dsm6_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientSpkDsm6`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminBrandingGenerateClientSpkDsm6, {"SelfAddress": self_address})

    async def admin_branding_generate_client_spk_dsm7(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client spk dsm7 (``AdminBrandingGenerateClientSpkDsm7``).

        ``POST /api/v1/admin/branding/generate-client/spk-dsm7`` - auth: admin. Needs an admin
        account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientSpkDsm7, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_spk_dsm7_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientSpkDsm7`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminBrandingGenerateClientSpkDsm7, {"SelfAddress": self_address})

    async def admin_branding_generate_client_test(
        self, platform: int, *, self_address: str | None = None
    ) -> models.CometAPIResponseMessage:
        """Admin branding generate client test (``AdminBrandingGenerateClientTest``).

        ``POST /api/v1/admin/branding/generate-client/test`` - auth: admin. Needs an admin
        account. No credentials are needed when the server allows anonymous downloads. The
        server must have these roles enabled: ``auth``, ``software_build``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            platform: ``int``.
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminBrandingGenerateClientTest, {"Platform": platform, "SelfAddress": self_address}
        )

    async def admin_branding_generate_client_windows_anycpu_exe(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client windows anycpu exe (``AdminBrandingGenerateClientWindowsAnycpuExe``).

        ``POST /api/v1/admin/branding/generate-client/windows-anycpu-exe`` - auth: admin. Needs
        an admin account. No credentials are needed when the server allows anonymous downloads.
        The server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientWindowsAnycpuExe, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_windows_anycpu_exe_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientWindowsAnycpuExe`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminBrandingGenerateClientWindowsAnycpuExe, {"SelfAddress": self_address}
        )

    async def admin_branding_generate_client_windows_anycpu_zip(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client windows anycpu zip (``AdminBrandingGenerateClientWindowsAnycpuZip``).

        ``POST /api/v1/admin/branding/generate-client/windows-anycpu-zip`` - auth: admin. Needs
        an admin account. No credentials are needed when the server allows anonymous downloads.
        The server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientWindowsAnycpuZip, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_windows_anycpu_zip_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientWindowsAnycpuZip`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminBrandingGenerateClientWindowsAnycpuZip, {"SelfAddress": self_address}
        )

    async def admin_branding_generate_client_windows_x8632_exe(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client windows x8632 exe (``AdminBrandingGenerateClientWindowsX8632Exe``).

        ``POST /api/v1/admin/branding/generate-client/windows-x86_32-exe`` - auth: admin. Needs
        an admin account. No credentials are needed when the server allows anonymous downloads.
        The server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientWindowsX8632Exe, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_windows_x8632_exe_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientWindowsX8632Exe`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminBrandingGenerateClientWindowsX8632Exe, {"SelfAddress": self_address}
        )

    async def admin_branding_generate_client_windows_x8632_zip(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client windows x8632 zip (``AdminBrandingGenerateClientWindowsX8632Zip``).

        ``POST /api/v1/admin/branding/generate-client/windows-x86_32-zip`` - auth: admin. Needs
        an admin account. No credentials are needed when the server allows anonymous downloads.
        The server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientWindowsX8632Zip, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_windows_x8632_zip_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientWindowsX8632Zip`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminBrandingGenerateClientWindowsX8632Zip, {"SelfAddress": self_address}
        )

    async def admin_branding_generate_client_windows_x8664_exe(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client windows x8664 exe (``AdminBrandingGenerateClientWindowsX8664Exe``).

        ``POST /api/v1/admin/branding/generate-client/windows-x86_64-exe`` - auth: admin. Needs
        an admin account. No credentials are needed when the server allows anonymous downloads.
        The server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientWindowsX8664Exe, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_windows_x8664_exe_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientWindowsX8664Exe`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminBrandingGenerateClientWindowsX8664Exe, {"SelfAddress": self_address}
        )

    async def admin_branding_generate_client_windows_x8664_zip(
        self, *, self_address: str | None = None
    ) -> bytes:
        """Admin branding generate client windows x8664 zip (``AdminBrandingGenerateClientWindowsX8664Zip``).

        ``POST /api/v1/admin/branding/generate-client/windows-x86_64-zip`` - auth: admin. Needs
        an admin account. No credentials are needed when the server allows anonymous downloads.
        The server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            self_address: ``str``. Defaults to the client's base URL.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminBrandingGenerateClientWindowsX8664Zip, {"SelfAddress": self_address}
        )

    def admin_branding_generate_client_windows_x8664_zip_stream(
        self, *, self_address: str | None = None
    ) -> DownloadStream:
        """Stream the body of ``AdminBrandingGenerateClientWindowsX8664Zip`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminBrandingGenerateClientWindowsX8664Zip, {"SelfAddress": self_address}
        )

    async def admin_bulletin_submit(
        self, subject: str, content: str
    ) -> models.CometAPIResponseMessage:
        """Admin bulletin submit (``AdminBulletinSubmit``).

        ``POST /api/v1/admin/bulletin/submit`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            subject: ``str``.
            content: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminBulletinSubmit, {"Subject": subject, "Content": content})

    async def admin_constellation_last_report(self) -> models.ConstellationCheckReport:
        """Admin constellation last report (``AdminConstellationLastReport``).

        ``POST /api/v1/admin/constellation/last-report`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``constellation``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ConstellationCheckReport`.
        """
        return await self._call(_m.AdminConstellationLastReport, {})

    async def admin_constellation_new_report(self) -> models.ConstellationCheckReport:
        """Admin constellation new report (``AdminConstellationNewReport``).

        ``POST /api/v1/admin/constellation/new-report`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``constellation``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.ConstellationCheckReport`.
        """
        return await self._call(_m.AdminConstellationNewReport, {})

    async def admin_constellation_prune_now(self) -> models.CometAPIResponseMessage:
        """Admin constellation prune now (``AdminConstellationPruneNow``).

        ``POST /api/v1/admin/constellation/prune-now`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``constellation``. Only a top-level admin may
        call it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminConstellationPruneNow, {})

    async def admin_constellation_status(self) -> models.ConstellationStatusAPIResponse:
        """Admin constellation status (``AdminConstellationStatus``).

        ``POST /api/v1/admin/constellation/status`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``constellation``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ConstellationStatusAPIResponse`.
        """
        return await self._call(_m.AdminConstellationStatus, {})

    async def admin_convert_storage_role(
        self, target_user: str, destination_id: str
    ) -> models.RequestStorageVaultResponseMessage:
        """Admin convert storage role (``AdminConvertStorageRole``).

        ``POST /api/v1/admin/convert-storage-role`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            destination_id: ``str``.

        Returns:
            :class:`~aiocomet.models.RequestStorageVaultResponseMessage`.
        """
        return await self._call(
            _m.AdminConvertStorageRole, {"TargetUser": target_user, "DestinationId": destination_id}
        )

    async def admin_count_jobs_for_custom_search(
        self, query: models.SearchClause
    ) -> models.CountJobsResponse:
        """Admin count jobs for custom search (``AdminCountJobsForCustomSearch``).

        ``POST /api/v1/admin/count-jobs-for-custom-search`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            query: :class:`~aiocomet.models.SearchClause`.

        Returns:
            :class:`~aiocomet.models.CountJobsResponse`.
        """
        return await self._call(_m.AdminCountJobsForCustomSearch, {"Query": query})

    async def admin_create_install_token(
        self, target_user: str, target_password: str, *, server: str | None = None
    ) -> models.InstallTokenResponse:
        """Admin create install token (``AdminCreateInstallToken``).

        ``POST /api/v1/admin/create-install-token`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            target_password: ``str``.
            server: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.InstallTokenResponse`.
        """
        return await self._call(
            _m.AdminCreateInstallToken,
            {"TargetUser": target_user, "TargetPassword": target_password, "Server": server},
        )

    async def admin_delete_protected_item(
        self, target_user: str, source_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin delete protected item (``AdminDeleteProtectedItem``).

        ``POST /api/v1/admin/delete-protected-item`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            source_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDeleteProtectedItem, {"TargetUser": target_user, "SourceID": source_id}
        )

    async def admin_delete_user(
        self, target_user: str, *, uninstall_config: models.UninstallConfig | None = None
    ) -> models.CometAPIResponseMessage:
        """Admin delete user (``AdminDeleteUser``).

        ``POST /api/v1/admin/delete-user`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            uninstall_config: :class:`~aiocomet.models.UninstallConfig`. Optional: not sent when
                ``None``. Since Comet 20.3.5.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDeleteUser, {"TargetUser": target_user, "UninstallConfig": uninstall_config}
        )

    async def admin_disable_user_totp(self, target_user: str) -> models.CometAPIResponseMessage:
        """Admin disable user totp (``AdminDisableUserTotp``).

        ``POST /api/v1/admin/disable-user-totp`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminDisableUserTotp, {"TargetUser": target_user})

    async def admin_dispatcher_apply_retention_rules(
        self, target_id: str, destination: str
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher apply retention rules (``AdminDispatcherApplyRetentionRules``).

        ``POST /api/v1/admin/dispatcher/apply-retention-rules`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must run
        version 17.6.9 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherApplyRetentionRules,
            {"TargetID": target_id, "Destination": destination},
        )

    async def admin_dispatcher_browse_virtual_machines(
        self, target_id: str, destination_id: str, snapshot_id: str
    ) -> models.DispatcherListSnapshotVirtualMachinesResponse:
        """Admin dispatcher browse virtual machines (``AdminDispatcherBrowseVirtualMachines``).

        ``POST /api/v1/admin/dispatcher/browse-virtual-machines`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination_id: ``str``.
            snapshot_id: ``str``.

        Returns:
            :class:`~aiocomet.models.DispatcherListSnapshotVirtualMachinesResponse`.
        """
        return await self._call(
            _m.AdminDispatcherBrowseVirtualMachines,
            {"TargetID": target_id, "DestinationID": destination_id, "SnapshotID": snapshot_id},
        )

    async def admin_dispatcher_deepverify_storage_vault(
        self, target_id: str, destination: str
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher deepverify storage vault (``AdminDispatcherDeepverifyStorageVault``).

        ``POST /api/v1/admin/dispatcher/deepverify-storage-vault`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must run
        version 18.8.2 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherDeepverifyStorageVault,
            {"TargetID": target_id, "Destination": destination},
        )

    async def admin_dispatcher_delete_snapshot(
        self, target_id: str, destination_id: str, snapshot_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher delete snapshot (``AdminDispatcherDeleteSnapshot``).

        ``POST /api/v1/admin/dispatcher/delete-snapshot`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination_id: ``str``.
            snapshot_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherDeleteSnapshot,
            {"TargetID": target_id, "DestinationID": destination_id, "SnapshotID": snapshot_id},
        )

    async def admin_dispatcher_delete_snapshots(
        self, target_id: str, destination_id: str, snapshot_i_ds: list[str]
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher delete snapshots (``AdminDispatcherDeleteSnapshots``).

        ``POST /api/v1/admin/dispatcher/delete-snapshots`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must run
        version 20.9.10 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination_id: ``str``.
            snapshot_i_ds: list of ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherDeleteSnapshots,
            {"TargetID": target_id, "DestinationID": destination_id, "SnapshotIDs": snapshot_i_ds},
        )

    async def admin_dispatcher_drop_connection(
        self, target_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher drop connection (``AdminDispatcherDropConnection``).

        ``POST /api/v1/admin/dispatcher/drop-connection`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminDispatcherDropConnection, {"TargetID": target_id})

    async def admin_dispatcher_email_preview(
        self, target_id: str, snapshot: str, destination: str, path: str
    ) -> models.EmailReportGeneratedPreview:
        """Admin dispatcher email preview (``AdminDispatcherEmailPreview``).

        ``POST /api/v1/admin/dispatcher/email-preview`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``. The target device must have granted:
        ``browse_mail``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            snapshot: ``str``.
            destination: ``str``.
            path: ``str``.

        Returns:
            :class:`~aiocomet.models.EmailReportGeneratedPreview`.
        """
        return await self._call(
            _m.AdminDispatcherEmailPreview,
            {"TargetID": target_id, "Snapshot": snapshot, "Destination": destination, "Path": path},
        )

    async def admin_dispatcher_force_login(self, target_id: str) -> models.CometAPIResponseMessage:
        """Admin dispatcher force login (``AdminDispatcherForceLogin``).

        ``POST /api/v1/admin/dispatcher/force-login`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminDispatcherForceLogin, {"TargetID": target_id})

    async def admin_dispatcher_get_default_login_url(
        self, organization_id: str
    ) -> models.OrganizationLoginURLResponse:
        """Admin dispatcher get default login url (``AdminDispatcherGetDefaultLoginUrl``).

        ``POST /api/v1/admin/dispatcher/get-default-login-url`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. Only a top-level admin may
        call it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            organization_id: ``str``.

        Returns:
            :class:`~aiocomet.models.OrganizationLoginURLResponse`.
        """
        return await self._call(
            _m.AdminDispatcherGetDefaultLoginUrl, {"OrganizationID": organization_id}
        )

    async def admin_dispatcher_import_apply(
        self, target_id: str, import_source_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher import apply (``AdminDispatcherImportApply``).

        ``POST /api/v1/admin/dispatcher/import-apply`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``. The target device must run version
        17.12.0 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            import_source_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherImportApply,
            {"TargetID": target_id, "ImportSourceID": import_source_id},
        )

    async def admin_dispatcher_kill_process(self, target_id: str) -> models.CometAPIResponseMessage:
        """Admin dispatcher kill process (``AdminDispatcherKillProcess``).

        ``POST /api/v1/admin/dispatcher/kill-process`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminDispatcherKillProcess, {"TargetID": target_id})

    async def admin_dispatcher_list_active(
        self, *, user_name_filter: str | None = None
    ) -> dict[str, models.LiveUserConnection]:
        """Admin dispatcher list active (``AdminDispatcherListActive``).

        ``POST /api/v1/admin/dispatcher/list-active`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            user_name_filter: ``str``. Optional: not sent when ``None``.

        Returns:
            Map of ``str`` (``LiveUserConnectionID``) to
            :class:`~aiocomet.models.LiveUserConnection` (``LiveUserConnectionMap``).
        """
        return await self._call(_m.AdminDispatcherListActive, {"UserNameFilter": user_name_filter})

    async def admin_dispatcher_office365_list_virtual_accounts(
        self, target_id: str, credentials: models.Office365Credential
    ) -> models.BrowseOffice365ListVirtualAccountsResponse:
        """Admin dispatcher office365 list virtual accounts (``AdminDispatcherOffice365ListVirtualAccounts``).

        ``POST /api/v1/admin/dispatcher/office365-list-virtual-accounts`` - auth: admin. Needs
        an admin account. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.Office365Credential`.

        Returns:
            :class:`~aiocomet.models.BrowseOffice365ListVirtualAccountsResponse`.
        """
        return await self._call(
            _m.AdminDispatcherOffice365ListVirtualAccounts,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_ping_destination(
        self, target_id: str, extra_data: models.DestinationLocation
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher ping destination (``AdminDispatcherPingDestination``).

        ``POST /api/v1/admin/dispatcher/ping-destination`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            extra_data: :class:`~aiocomet.models.DestinationLocation`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherPingDestination, {"TargetID": target_id, "ExtraData": extra_data}
        )

    async def admin_dispatcher_refetch_profile(
        self, target_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher refetch profile (``AdminDispatcherRefetchProfile``).

        ``POST /api/v1/admin/dispatcher/refetch-profile`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``. The target device must run version
        17.12.0 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminDispatcherRefetchProfile, {"TargetID": target_id})

    async def admin_dispatcher_register_office_application_begin(
        self, target_id: str, email_address: str
    ) -> models.RegisterOfficeApplicationBeginResponse:
        """Admin dispatcher register office application begin (``AdminDispatcherRegisterOfficeApplicationBegin``).

        ``POST /api/v1/admin/dispatcher/register-office-application/begin`` - auth: admin. Needs
        an admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            email_address: ``str``.

        Returns:
            :class:`~aiocomet.models.RegisterOfficeApplicationBeginResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRegisterOfficeApplicationBegin,
            {"TargetID": target_id, "EmailAddress": email_address},
        )

    async def admin_dispatcher_register_office_application_check(
        self, target_id: str, continuation: str
    ) -> models.RegisterOfficeApplicationCheckResponse:
        """Admin dispatcher register office application check (``AdminDispatcherRegisterOfficeApplicationCheck``).

        ``POST /api/v1/admin/dispatcher/register-office-application/check`` - auth: admin. Needs
        an admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            continuation: ``str``.

        Returns:
            :class:`~aiocomet.models.RegisterOfficeApplicationCheckResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRegisterOfficeApplicationCheck,
            {"TargetID": target_id, "Continuation": continuation},
        )

    async def admin_dispatcher_reindex_storage_vault(
        self, target_id: str, destination: str
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher reindex storage vault (``AdminDispatcherReindexStorageVault``).

        ``POST /api/v1/admin/dispatcher/reindex-storage-vault`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must run
        version 18.6.9 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherReindexStorageVault,
            {"TargetID": target_id, "Destination": destination},
        )

    async def admin_dispatcher_request_browse_disk_drives(
        self, target_id: str
    ) -> models.BrowseDiskDrivesResponse:
        """Admin dispatcher request browse disk drives (``AdminDispatcherRequestBrowseDiskDrives``).

        ``POST /api/v1/admin/dispatcher/request-browse-disk-drives`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseDiskDrivesResponse`.
        """
        return await self._call(_m.AdminDispatcherRequestBrowseDiskDrives, {"TargetID": target_id})

    async def admin_dispatcher_request_browse_exchange_edb(
        self, target_id: str
    ) -> models.BrowseEDBResponse:
        """Admin dispatcher request browse exchange edb (``AdminDispatcherRequestBrowseExchangeEdb``).

        ``POST /api/v1/admin/dispatcher/request-browse-exchange-edb`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseEDBResponse`.
        """
        return await self._call(_m.AdminDispatcherRequestBrowseExchangeEdb, {"TargetID": target_id})

    async def admin_dispatcher_request_browse_hyperv(
        self, target_id: str
    ) -> models.BrowseHVResponse:
        """Admin dispatcher request browse hyperv (``AdminDispatcherRequestBrowseHyperv``).

        ``POST /api/v1/admin/dispatcher/request-browse-hyperv`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseHVResponse`.
        """
        return await self._call(_m.AdminDispatcherRequestBrowseHyperv, {"TargetID": target_id})

    async def admin_dispatcher_request_browse_mongodb(
        self, target_id: str, credentials: models.MongoDBConnection
    ) -> models.BrowseSQLServerResponse:
        """Admin dispatcher request browse mongodb (``AdminDispatcherRequestBrowseMongodb``).

        ``POST /api/v1/admin/dispatcher/request-browse-mongodb`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.MongoDBConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseSQLServerResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseMongodb,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_browse_mssql(
        self, target_id: str, credentials: models.MSSQLConnection
    ) -> models.BrowseSQLServerResponse:
        """Admin dispatcher request browse mssql (``AdminDispatcherRequestBrowseMssql``).

        ``POST /api/v1/admin/dispatcher/request-browse-mssql`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.MSSQLConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseSQLServerResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseMssql,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_browse_mysql(
        self, target_id: str, credentials: models.MySQLConnection
    ) -> models.BrowseSQLServerResponse:
        """Admin dispatcher request browse mysql (``AdminDispatcherRequestBrowseMysql``).

        ``POST /api/v1/admin/dispatcher/request-browse-mysql`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.MySQLConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseSQLServerResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseMysql,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_browse_proxmox(
        self, target_id: str, credentials: models.ProxmoxConnection
    ) -> models.BrowseProxmoxResponse:
        """Admin dispatcher request browse proxmox (``AdminDispatcherRequestBrowseProxmox``).

        ``POST /api/v1/admin/dispatcher/request-browse-proxmox`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.ProxmoxConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseProxmoxResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseProxmox,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_browse_proxmox_nodes(
        self, target_id: str, credentials: models.SSHConnection
    ) -> models.BrowseProxmoxNodesResponse:
        """Admin dispatcher request browse proxmox nodes (``AdminDispatcherRequestBrowseProxmoxNodes``).

        ``POST /api/v1/admin/dispatcher/request-browse-proxmox/nodes`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.SSHConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseProxmoxNodesResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseProxmoxNodes,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_browse_proxmox_storage(
        self, target_id: str, credentials: models.SSHConnection, node: str
    ) -> models.BrowseProxmoxStorageResponse:
        """Admin dispatcher request browse proxmox storage (``AdminDispatcherRequestBrowseProxmoxStorage``).

        ``POST /api/v1/admin/dispatcher/request-browse-proxmox/storage`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.SSHConnection`.
            node: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseProxmoxStorageResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseProxmoxStorage,
            {"TargetID": target_id, "Credentials": credentials, "Node": node},
        )

    async def admin_dispatcher_request_browse_vmware(
        self, target_id: str, credentials: models.VMwareConnection
    ) -> models.BrowseVMwareResponse:
        """Admin dispatcher request browse vmware (``AdminDispatcherRequestBrowseVmware``).

        ``POST /api/v1/admin/dispatcher/request-browse-vmware`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseVmware,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_browse_vmware_datacenters(
        self, target_id: str, credentials: models.VMwareConnection
    ) -> models.BrowseVMwareDatacentersResponse:
        """Admin dispatcher request browse vmware datacenters (``AdminDispatcherRequestBrowseVmwareDatacenters``).

        ``POST /api/v1/admin/dispatcher/request-browse-vmware/datacenters`` - auth: admin. Needs
        an admin account. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareDatacentersResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseVmwareDatacenters,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_browse_vmware_datastores(
        self, target_id: str, credentials: models.VMwareConnection, filter: str
    ) -> models.BrowseVMwareDatastoresResponse:
        """Admin dispatcher request browse vmware datastores (``AdminDispatcherRequestBrowseVmwareDatastores``).

        ``POST /api/v1/admin/dispatcher/request-browse-vmware/datastores`` - auth: admin. Needs
        an admin account. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.
            filter: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareDatastoresResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseVmwareDatastores,
            {"TargetID": target_id, "Credentials": credentials, "Filter": filter},
        )

    async def admin_dispatcher_request_browse_vmware_hosts(
        self, target_id: str, credentials: models.VMwareConnection, filter: str
    ) -> models.BrowseVMwareHostsResponse:
        """Admin dispatcher request browse vmware hosts (``AdminDispatcherRequestBrowseVmwareHosts``).

        ``POST /api/v1/admin/dispatcher/request-browse-vmware/hosts`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.
            filter: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareHostsResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseVmwareHosts,
            {"TargetID": target_id, "Credentials": credentials, "Filter": filter},
        )

    async def admin_dispatcher_request_browse_vmware_networks(
        self, target_id: str, credentials: models.VMwareConnection, filter: str
    ) -> models.BrowseVMwareNetworksResponse:
        """Admin dispatcher request browse vmware networks (``AdminDispatcherRequestBrowseVmwareNetworks``).

        ``POST /api/v1/admin/dispatcher/request-browse-vmware/networks`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.
            filter: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareNetworksResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestBrowseVmwareNetworks,
            {"TargetID": target_id, "Credentials": credentials, "Filter": filter},
        )

    async def admin_dispatcher_request_browse_vss_aaw(
        self, target_id: str
    ) -> models.BrowseVSSResponse:
        """Admin dispatcher request browse vss aaw (``AdminDispatcherRequestBrowseVssAaw``).

        ``POST /api/v1/admin/dispatcher/request-browse-vss-aaw`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseVSSResponse`.
        """
        return await self._call(_m.AdminDispatcherRequestBrowseVssAaw, {"TargetID": target_id})

    async def admin_dispatcher_request_filesystem_objects(
        self, target_id: str, *, path: str | None = None
    ) -> models.DispatcherStoredObjectsResponse:
        """Admin dispatcher request filesystem objects (``AdminDispatcherRequestFilesystemObjects``).

        ``POST /api/v1/admin/dispatcher/request-filesystem-objects`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``view_filenames``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            path: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.DispatcherStoredObjectsResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestFilesystemObjects, {"TargetID": target_id, "Path": path}
        )

    async def admin_dispatcher_request_import_sources(
        self, target_id: str
    ) -> models.DispatcherAdminSourcesResponse:
        """Admin dispatcher request import sources (``AdminDispatcherRequestImportSources``).

        ``POST /api/v1/admin/dispatcher/request-import-sources`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.DispatcherAdminSourcesResponse`.
        """
        return await self._call(_m.AdminDispatcherRequestImportSources, {"TargetID": target_id})

    async def admin_dispatcher_request_office365_accounts(
        self, target_id: str, credentials: models.Office365Credential
    ) -> models.BrowseOffice365ObjectsResponse:
        """Admin dispatcher request office365 accounts (``AdminDispatcherRequestOffice365Accounts``).

        ``POST /api/v1/admin/dispatcher/request-office365-accounts`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.Office365Credential`.

        Returns:
            :class:`~aiocomet.models.BrowseOffice365ObjectsResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestOffice365Accounts,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_office365_sites(
        self, target_id: str, credentials: models.Office365Credential
    ) -> models.BrowseOffice365ObjectsResponse:
        """Admin dispatcher request office365 sites (``AdminDispatcherRequestOffice365Sites``).

        ``POST /api/v1/admin/dispatcher/request-office365-sites`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.Office365Credential`.

        Returns:
            :class:`~aiocomet.models.BrowseOffice365ObjectsResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestOffice365Sites,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def admin_dispatcher_request_stored_objects(
        self,
        target_id: str,
        destination: str,
        snapshot_id: str,
        *,
        tree_id: str | None = None,
        options: models.VMDKSnapshotViewOptions | None = None,
    ) -> models.DispatcherStoredObjectsResponse:
        """Admin dispatcher request stored objects (``AdminDispatcherRequestStoredObjects``).

        ``POST /api/v1/admin/dispatcher/request-stored-objects`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.
            snapshot_id: ``str``.
            tree_id: ``str``. Optional: not sent when ``None``.
            options: :class:`~aiocomet.models.VMDKSnapshotViewOptions`. Optional: not sent when
                ``None``.

        Returns:
            :class:`~aiocomet.models.DispatcherStoredObjectsResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestStoredObjects,
            {
                "TargetID": target_id,
                "Destination": destination,
                "SnapshotID": snapshot_id,
                "TreeID": tree_id,
                "Options": options,
            },
        )

    async def admin_dispatcher_request_vault_snapshots(
        self, target_id: str, destination: str
    ) -> models.DispatcherVaultSnapshotsResponse:
        """Admin dispatcher request vault snapshots (``AdminDispatcherRequestVaultSnapshots``).

        ``POST /api/v1/admin/dispatcher/request-vault-snapshots`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.

        Returns:
            :class:`~aiocomet.models.DispatcherVaultSnapshotsResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestVaultSnapshots,
            {"TargetID": target_id, "Destination": destination},
        )

    async def admin_dispatcher_request_windisk_snapshot(
        self, target_id: str, destination: str, snapshot_id: str
    ) -> models.DispatcherWindiskSnapshotResponse:
        """Admin dispatcher request windisk snapshot (``AdminDispatcherRequestWindiskSnapshot``).

        ``POST /api/v1/admin/dispatcher/request-windisk-snapshot`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.
            snapshot_id: ``str``.

        Returns:
            :class:`~aiocomet.models.DispatcherWindiskSnapshotResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRequestWindiskSnapshot,
            {"TargetID": target_id, "Destination": destination, "SnapshotID": snapshot_id},
        )

    async def admin_dispatcher_run_backup(
        self, target_id: str, backup_rule: str
    ) -> models.DispatchWithJobIDResponse:
        """Admin dispatcher run backup (``AdminDispatcherRunBackup``).

        ``POST /api/v1/admin/dispatcher/run-backup`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            backup_rule: ``str``.

        Returns:
            :class:`~aiocomet.models.DispatchWithJobIDResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRunBackup, {"TargetID": target_id, "BackupRule": backup_rule}
        )

    async def admin_dispatcher_run_backup_custom(
        self,
        target_id: str,
        source: str,
        destination: str,
        *,
        options: models.BackupJobAdvancedOptions | None = None,
    ) -> models.DispatchWithJobIDResponse:
        """Admin dispatcher run backup custom (``AdminDispatcherRunBackupCustom``).

        ``POST /api/v1/admin/dispatcher/run-backup-custom`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            source: ``str``.
            destination: ``str``.
            options: :class:`~aiocomet.models.BackupJobAdvancedOptions`. Optional: not sent when
                ``None``. Since Comet 19.3.6.

        Returns:
            :class:`~aiocomet.models.DispatchWithJobIDResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRunBackupCustom,
            {
                "TargetID": target_id,
                "Source": source,
                "Destination": destination,
                "Options": options,
            },
        )

    async def admin_dispatcher_run_restore(
        self,
        target_id: str,
        path: str,
        source: str,
        destination: str,
        *,
        snapshot: str | None = None,
        paths: list[str] | None = None,
    ) -> models.DispatchWithJobIDResponse:
        """Admin dispatcher run restore (``AdminDispatcherRunRestore``).

        ``POST /api/v1/admin/dispatcher/run-restore`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``. The target device must run version
        17.9.3 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            path: ``str``.
            source: ``str``.
            destination: ``str``.
            snapshot: ``str``. Optional: not sent when ``None``.
            paths: list of ``str``. Optional: not sent when ``None``. Since Comet 19.3.0.

        Returns:
            :class:`~aiocomet.models.DispatchWithJobIDResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRunRestore,
            {
                "TargetID": target_id,
                "Path": path,
                "Source": source,
                "Destination": destination,
                "Snapshot": snapshot,
                "Paths": paths,
            },
        )

    async def admin_dispatcher_run_restore_custom(
        self,
        target_id: str,
        source: str,
        destination: str,
        options: models.RestoreJobAdvancedOptions,
        *,
        snapshot: str | None = None,
        paths: list[str] | None = None,
        known_file_count: int | None = None,
        known_byte_count: int | None = None,
        known_dir_count: int | None = None,
    ) -> models.DispatchWithJobIDResponse:
        """Admin dispatcher run restore custom (``AdminDispatcherRunRestoreCustom``).

        ``POST /api/v1/admin/dispatcher/run-restore-custom`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``. The target device must run
        version 18.6.0 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            source: ``str``.
            destination: ``str``.
            options: :class:`~aiocomet.models.RestoreJobAdvancedOptions`.
            snapshot: ``str``. Optional: not sent when ``None``.
            paths: list of ``str``. Optional: not sent when ``None``.
            known_file_count: ``int``. Optional: not sent when ``None``.
            known_byte_count: ``int``. Size in bytes. Optional: not sent when ``None``.
            known_dir_count: ``int``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.DispatchWithJobIDResponse`.
        """
        return await self._call(
            _m.AdminDispatcherRunRestoreCustom,
            {
                "TargetID": target_id,
                "Source": source,
                "Destination": destination,
                "Options": options,
                "Snapshot": snapshot,
                "Paths": paths,
                "KnownFileCount": known_file_count,
                "KnownByteCount": known_byte_count,
                "KnownDirCount": known_dir_count,
            },
        )

    async def admin_dispatcher_search_snapshots(
        self,
        target_id: str,
        destination_id: str,
        snapshot_i_ds: list[str],
        filter: models.SearchClause,
    ) -> models.SearchSnapshotsResponse:
        """Admin dispatcher search snapshots (``AdminDispatcherSearchSnapshots``).

        ``POST /api/v1/admin/dispatcher/search-snapshots`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination_id: ``str``.
            snapshot_i_ds: list of ``str``.
            filter: :class:`~aiocomet.models.SearchClause`.

        Returns:
            :class:`~aiocomet.models.SearchSnapshotsResponse`.
        """
        return await self._call(
            _m.AdminDispatcherSearchSnapshots,
            {
                "TargetID": target_id,
                "DestinationID": destination_id,
                "SnapshotIDs": snapshot_i_ds,
                "Filter": filter,
            },
        )

    async def admin_dispatcher_test_smb_auth(
        self, target_id: str, wsa: models.WinSMBAuth
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher test smb auth (``AdminDispatcherTestSmbAuth``).

        ``POST /api/v1/admin/dispatcher/test-smb-auth`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            wsa: :class:`~aiocomet.models.WinSMBAuth`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminDispatcherTestSmbAuth, {"TargetID": target_id, "Wsa": wsa})

    async def admin_dispatcher_uninstall_software(
        self, target_id: str, remove_config_file: bool
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher uninstall software (``AdminDispatcherUninstallSoftware``).

        ``POST /api/v1/admin/dispatcher/uninstall-software`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            remove_config_file: ``bool``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherUninstallSoftware,
            {"TargetID": target_id, "RemoveConfigFile": remove_config_file},
        )

    async def admin_dispatcher_unlock(
        self, target_id: str, destination: str, *, allow_unsafe: bool | None = None
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher unlock (``AdminDispatcherUnlock``).

        ``POST /api/v1/admin/dispatcher/unlock`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``. The target device must run version
        17.9.4 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.
            allow_unsafe: ``bool``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherUnlock,
            {"TargetID": target_id, "Destination": destination, "AllowUnsafe": allow_unsafe},
        )

    async def admin_dispatcher_update_login_password(
        self, target_id: str, new_password: str
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher update login password (``AdminDispatcherUpdateLoginPassword``).

        ``POST /api/v1/admin/dispatcher/update-login-password`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            new_password: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherUpdateLoginPassword,
            {"TargetID": target_id, "NewPassword": new_password},
        )

    async def admin_dispatcher_update_login_url(
        self, target_id: str, new_url: str, *, force: bool | None = None
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher update login url (``AdminDispatcherUpdateLoginUrl``).

        ``POST /api/v1/admin/dispatcher/update-login-url`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            new_url: ``str``.
            force: ``bool``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherUpdateLoginUrl,
            {"TargetID": target_id, "NewURL": new_url, "Force": force},
        )

    async def admin_dispatcher_update_software(
        self, target_id: str, *, self_address: str | None = None
    ) -> models.CometAPIResponseMessage:
        """Admin dispatcher update software (``AdminDispatcherUpdateSoftware``).

        ``POST /api/v1/admin/dispatcher/update-software`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``, ``software_build``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            self_address: ``str``. Defaults to the client's base URL. Since Comet 19.3.11.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminDispatcherUpdateSoftware, {"TargetID": target_id, "SelfAddress": self_address}
        )

    async def admin_external_auth_sources_delete(
        self, source_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin external auth sources delete (``AdminExternalAuthSourcesDelete``).

        ``POST /api/v1/admin/external-auth-sources/delete`` - auth: admin. Needs an admin
        account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            source_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminExternalAuthSourcesDelete, {"SourceID": source_id})

    async def admin_external_auth_sources_get(
        self,
    ) -> dict[str, models.ExternalAuthenticationSource]:
        """Admin external auth sources get (``AdminExternalAuthSourcesGet``).

        ``POST /api/v1/admin/external-auth-sources/get`` - auth: admin. Needs an admin account.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.ExternalAuthenticationSource`.
        """
        return await self._call(_m.AdminExternalAuthSourcesGet, {})

    async def admin_external_auth_sources_new(
        self, source: models.ExternalAuthenticationSource, *, source_id: str | None = None
    ) -> models.ExternalAuthenticationSourceResponse:
        """Admin external auth sources new (``AdminExternalAuthSourcesNew``).

        ``POST /api/v1/admin/external-auth-sources/new`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            source: :class:`~aiocomet.models.ExternalAuthenticationSource`.
            source_id: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.ExternalAuthenticationSourceResponse`.
        """
        return await self._call(
            _m.AdminExternalAuthSourcesNew, {"Source": source, "SourceID": source_id}
        )

    async def admin_external_auth_sources_set(
        self, sources: dict[str, models.ExternalAuthenticationSource]
    ) -> models.CometAPIResponseMessage:
        """Admin external auth sources set (``AdminExternalAuthSourcesSet``).

        ``POST /api/v1/admin/external-auth-sources/set`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            sources: map of ``str`` to :class:`~aiocomet.models.ExternalAuthenticationSource`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminExternalAuthSourcesSet, {"Sources": sources})

    async def admin_get_job_log(self, job_id: str) -> bytes:
        """Admin get job log (``AdminGetJobLog``).

        ``POST /api/v1/admin/get-job-log`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            job_id: ``str``.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(_m.AdminGetJobLog, {"JobID": job_id})

    def admin_get_job_log_stream(self, job_id: str) -> DownloadStream:
        """Stream the body of ``AdminGetJobLog`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminGetJobLog, {"JobID": job_id})

    async def admin_get_job_log_entries(
        self, job_id: str, *, min_severity: str | None = None, message_contains: str | None = None
    ) -> list[models.JobEntry]:
        """Admin get job log entries (``AdminGetJobLogEntries``).

        ``POST /api/v1/admin/get-job-log-entries`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            job_id: ``str``.
            min_severity: ``str``. Optional: not sent when ``None``.
            message_contains: ``str``. Optional: not sent when ``None``.

        Returns:
            List of :class:`~aiocomet.models.JobEntry`.
        """
        return await self._call(
            _m.AdminGetJobLogEntries,
            {"JobID": job_id, "MinSeverity": min_severity, "MessageContains": message_contains},
        )

    async def admin_get_job_properties(self, job_id: str) -> models.BackupJobDetail:
        """Admin get job properties (``AdminGetJobProperties``).

        ``POST /api/v1/admin/get-job-properties`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            job_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.AdminGetJobProperties, {"JobID": job_id})

    async def admin_get_jobs_all(self) -> list[models.BackupJobDetail]:
        """Admin get jobs all (``AdminGetJobsAll``).

        ``POST /api/v1/admin/get-jobs-all`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.AdminGetJobsAll, {})

    async def admin_get_jobs_for_custom_search(
        self, query: models.SearchClause
    ) -> list[models.BackupJobDetail]:
        """Admin get jobs for custom search (``AdminGetJobsForCustomSearch``).

        ``POST /api/v1/admin/get-jobs-for-custom-search`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            query: :class:`~aiocomet.models.SearchClause`.

        Returns:
            List of :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.AdminGetJobsForCustomSearch, {"Query": query})

    async def admin_get_jobs_for_date_range(
        self, start: int, end: int
    ) -> list[models.BackupJobDetail]:
        """Admin get jobs for date range (``AdminGetJobsForDateRange``).

        ``POST /api/v1/admin/get-jobs-for-date-range`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            start: ``int``. Unix timestamp, in seconds.
            end: ``int``. Unix timestamp, in seconds.

        Returns:
            List of :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.AdminGetJobsForDateRange, {"Start": start, "End": end})

    async def admin_get_jobs_for_user(self, target_user: str) -> list[models.BackupJobDetail]:
        """Admin get jobs for user (``AdminGetJobsForUser``).

        ``POST /api/v1/admin/get-jobs-for-user`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_user: ``str``.

        Returns:
            List of :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.AdminGetJobsForUser, {"TargetUser": target_user})

    async def admin_get_jobs_recent(self) -> list[models.BackupJobDetail]:
        """Admin get jobs recent (``AdminGetJobsRecent``).

        ``POST /api/v1/admin/get-jobs-recent`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.AdminGetJobsRecent, {})

    async def admin_get_protected_item_with_backup_rules(
        self, target_user: str, source_id: str
    ) -> models.ProtectedItemWithBackupRulesResponse:
        """Admin get protected item with backup rules (``AdminGetProtectedItemWithBackupRules``).

        ``POST /api/v1/admin/get-protected-item-with-backup-rules`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_user: ``str``.
            source_id: ``str``.

        Returns:
            :class:`~aiocomet.models.ProtectedItemWithBackupRulesResponse`.
        """
        return await self._call(
            _m.AdminGetProtectedItemWithBackupRules,
            {"TargetUser": target_user, "SourceID": source_id},
        )

    async def admin_get_user_profile(self, target_user: str) -> models.UserProfileConfig:
        """Admin get user profile (``AdminGetUserProfile``).

        ``POST /api/v1/admin/get-user-profile`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_user: ``str``.

        Returns:
            :class:`~aiocomet.models.UserProfileConfig`.
        """
        return await self._call(_m.AdminGetUserProfile, {"TargetUser": target_user})

    async def admin_get_user_profile_and_hash(
        self, target_user: str
    ) -> models.GetProfileAndHashResponseMessage:
        """Admin get user profile and hash (``AdminGetUserProfileAndHash``).

        ``POST /api/v1/admin/get-user-profile-and-hash`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_user: ``str``.

        Returns:
            :class:`~aiocomet.models.GetProfileAndHashResponseMessage`.
        """
        return await self._call(_m.AdminGetUserProfileAndHash, {"TargetUser": target_user})

    async def admin_get_user_profile_hash(
        self, target_user: str
    ) -> models.GetProfileHashResponseMessage:
        """Admin get user profile hash (``AdminGetUserProfileHash``).

        ``POST /api/v1/admin/get-user-profile-hash`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_user: ``str``.

        Returns:
            :class:`~aiocomet.models.GetProfileHashResponseMessage`.
        """
        return await self._call(_m.AdminGetUserProfileHash, {"TargetUser": target_user})

    async def admin_installation_dispatch_drop_connection(
        self, device_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin installation dispatch drop connection (``AdminInstallationDispatchDropConnection``).

        ``POST /api/v1/admin/installation/dispatch/drop-connection`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            device_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminInstallationDispatchDropConnection, {"DeviceID": device_id})

    async def admin_installation_dispatch_register_device(
        self,
        device_id: str,
        target_user: str,
        target_password: str,
        *,
        target_totp_code: str | None = None,
    ) -> bytes:
        """Admin installation dispatch register device (``AdminInstallationDispatchRegisterDevice``).

        ``POST /api/v1/admin/installation/dispatch/register-device`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            device_id: ``str``.
            target_user: ``str``.
            target_password: ``str``.
            target_totp_code: ``str``. Optional: not sent when ``None``.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(
            _m.AdminInstallationDispatchRegisterDevice,
            {
                "DeviceID": device_id,
                "TargetUser": target_user,
                "TargetPassword": target_password,
                "TargetTOTPCode": target_totp_code,
            },
        )

    def admin_installation_dispatch_register_device_stream(
        self,
        device_id: str,
        target_user: str,
        target_password: str,
        *,
        target_totp_code: str | None = None,
    ) -> DownloadStream:
        """Stream the body of ``AdminInstallationDispatchRegisterDevice`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(
            _m.AdminInstallationDispatchRegisterDevice,
            {
                "DeviceID": device_id,
                "TargetUser": target_user,
                "TargetPassword": target_password,
                "TargetTOTPCode": target_totp_code,
            },
        )

    async def admin_installation_list_active(self) -> dict[str, models.RegistrationLobbyConnection]:
        """Admin installation list active (``AdminInstallationListActive``).

        ``POST /api/v1/admin/installation/list-active`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` (``RegistrationLobbyConnectionID``) to
            :class:`~aiocomet.models.RegistrationLobbyConnection`
            (``RegistrationLobbyConnectionMap``).
        """
        return await self._call(_m.AdminInstallationListActive, {})

    async def admin_job_abandon(
        self, target_user: str, job_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin job abandon (``AdminJobAbandon``).

        ``POST /api/v1/admin/job/abandon`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            job_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminJobAbandon, {"TargetUser": target_user, "JobID": job_id})

    async def admin_job_cancel(
        self, target_user: str, job_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin job cancel (``AdminJobCancel``).

        ``POST /api/v1/admin/job/cancel`` - auth: admin. Needs an admin account. The server must
        have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            job_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminJobCancel, {"TargetUser": target_user, "JobID": job_id})

    async def admin_list_users(self) -> list[str]:
        """Admin list users (``AdminListUsers``).

        ``POST /api/v1/admin/list-users`` - auth: admin. Needs an admin account. The server must
        have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of ``str``.
        """
        return await self._call(_m.AdminListUsers, {})

    async def admin_list_users_full(self) -> dict[str, models.UserProfileConfig]:
        """Admin list users full (``AdminListUsersFull``).

        ``POST /api/v1/admin/list-users-full`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.UserProfileConfig`.
        """
        return await self._call(_m.AdminListUsersFull, {})

    async def admin_meta_branding_config_get(self) -> models.ServerConfigOptionsBrandingFragment:
        """Admin meta branding config get (``AdminMetaBrandingConfigGet``).

        ``POST /api/v1/admin/meta/branding-config/get`` - auth: admin. Needs an admin account.
        An admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ServerConfigOptionsBrandingFragment`.
        """
        return await self._call(_m.AdminMetaBrandingConfigGet, {})

    async def admin_meta_branding_config_set(
        self, branding_config: models.BrandingOptions
    ) -> models.CometAPIResponseMessage:
        """Admin meta branding config set (``AdminMetaBrandingConfigSet``).

        ``POST /api/v1/admin/meta/branding-config/set`` - auth: admin. Needs an admin account.
        An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            branding_config: :class:`~aiocomet.models.BrandingOptions`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminMetaBrandingConfigSet, {"BrandingConfig": branding_config})

    async def admin_meta_build_config_get(
        self,
    ) -> models.ServerConfigOptionsSoftwareBuildRoleFragment:
        """Admin meta build config get (``AdminMetaBuildConfigGet``).

        ``POST /api/v1/admin/meta/build-config/get`` - auth: admin. Needs an admin account. An
        admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ServerConfigOptionsSoftwareBuildRoleFragment`.
        """
        return await self._call(_m.AdminMetaBuildConfigGet, {})

    async def admin_meta_build_config_set(
        self, software_build_role_config: models.SoftwareBuildRoleOptions
    ) -> models.CometAPIResponseMessage:
        """Admin meta build config set (``AdminMetaBuildConfigSet``).

        ``POST /api/v1/admin/meta/build-config/set`` - auth: admin. Needs an admin account. An
        admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            software_build_role_config: :class:`~aiocomet.models.SoftwareBuildRoleOptions`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminMetaBuildConfigSet, {"SoftwareBuildRoleConfig": software_build_role_config}
        )

    async def admin_meta_constellation_config_get(self) -> models.ConstellationRoleOptions:
        """Admin meta constellation config get (``AdminMetaConstellationConfigGet``).

        ``POST /api/v1/admin/meta/constellation/config/get`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``constellation``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ConstellationRoleOptions`.
        """
        return await self._call(_m.AdminMetaConstellationConfigGet, {})

    async def admin_meta_constellation_config_set(
        self, constellation_role_options: models.ConstellationRoleOptions
    ) -> models.CometAPIResponseMessage:
        """Admin meta constellation config set (``AdminMetaConstellationConfigSet``).

        ``POST /api/v1/admin/meta/constellation/config/set`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``constellation``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            constellation_role_options: :class:`~aiocomet.models.ConstellationRoleOptions`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminMetaConstellationConfigSet,
            {"ConstellationRoleOptions": constellation_role_options},
        )

    async def admin_meta_email_options_get(self) -> models.EmailOptions:
        """Admin meta email options get (``AdminMetaEmailOptionsGet``).

        ``POST /api/v1/admin/meta/email-options/get`` - auth: admin. Needs an admin account. An
        admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.EmailOptions`.
        """
        return await self._call(_m.AdminMetaEmailOptionsGet, {})

    async def admin_meta_email_options_set(
        self, email_options: models.EmailOptions
    ) -> models.CometAPIResponseMessage:
        """Admin meta email options set (``AdminMetaEmailOptionsSet``).

        ``POST /api/v1/admin/meta/email-options/set`` - auth: admin. Needs an admin account. An
        admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            email_options: :class:`~aiocomet.models.EmailOptions`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminMetaEmailOptionsSet, {"EmailOptions": email_options})

    async def admin_meta_list_available_log_days(self) -> list[int]:
        """Admin meta list available log days (``AdminMetaListAvailableLogDays``).

        ``POST /api/v1/admin/meta/list-available-log-days`` - auth: admin. Needs an admin
        account. Only a top-level admin may call it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of ``int`` (``LogDay``).
        """
        return await self._call(_m.AdminMetaListAvailableLogDays, {})

    async def admin_meta_psa_config_list_get(self) -> list[models.PSAConfig]:
        """Admin meta psa config list get (``AdminMetaPsaConfigListGet``).

        ``POST /api/v1/admin/meta/psa-config-list/get`` - auth: admin. Needs an admin account.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of :class:`~aiocomet.models.PSAConfig`.
        """
        return await self._call(_m.AdminMetaPsaConfigListGet, {})

    async def admin_meta_psa_config_list_set(
        self, psa_config_list: list[models.PSAConfig]
    ) -> models.CometAPIResponseMessage:
        """Admin meta psa config list set (``AdminMetaPsaConfigListSet``).

        ``POST /api/v1/admin/meta/psa-config-list/set`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            psa_config_list: list of :class:`~aiocomet.models.PSAConfig`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminMetaPsaConfigListSet, {"PSAConfigList": psa_config_list})

    async def admin_meta_psa_config_list_sync_now(self) -> models.CometAPIResponseMessage:
        """Admin meta psa config list sync now (``AdminMetaPsaConfigListSyncNow``).

        ``POST /api/v1/admin/meta/psa-config-list/sync-now`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminMetaPsaConfigListSyncNow, {})

    async def admin_meta_read_all_logs(self) -> bytes:
        """Admin meta read all logs (``AdminMetaReadAllLogs``).

        ``POST /api/v1/admin/meta/read-all-logs`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(_m.AdminMetaReadAllLogs, {})

    def admin_meta_read_all_logs_stream(self) -> DownloadStream:
        """Stream the body of ``AdminMetaReadAllLogs`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminMetaReadAllLogs, {})

    async def admin_meta_read_logs(self, log: int) -> bytes:
        """Admin meta read logs (``AdminMetaReadLogs``).

        ``POST /api/v1/admin/meta/read-logs`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            log: ``int``.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(_m.AdminMetaReadLogs, {"Log": log})

    def admin_meta_read_logs_stream(self, log: int) -> DownloadStream:
        """Stream the body of ``AdminMetaReadLogs`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminMetaReadLogs, {"Log": log})

    async def admin_meta_read_select_logs(self, logs: list[int]) -> bytes:
        """Admin meta read select logs (``AdminMetaReadSelectLogs``).

        ``POST /api/v1/admin/meta/read-select-logs`` - auth: admin. Needs an admin account. Only
        a top-level admin may call it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            logs: list of ``int``.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(_m.AdminMetaReadSelectLogs, {"Logs": logs})

    def admin_meta_read_select_logs_stream(self, logs: list[int]) -> DownloadStream:
        """Stream the body of ``AdminMetaReadSelectLogs`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminMetaReadSelectLogs, {"Logs": logs})

    async def admin_meta_remote_storage_vault_get(self) -> list[models.RemoteStorageOption]:
        """Admin meta remote storage vault get (``AdminMetaRemoteStorageVaultGet``).

        ``POST /api/v1/admin/meta/remote-storage-vault/get`` - auth: admin. Needs an admin
        account. An admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of :class:`~aiocomet.models.RemoteStorageOption`.
        """
        return await self._call(_m.AdminMetaRemoteStorageVaultGet, {})

    async def admin_meta_remote_storage_vault_set(
        self,
        remote_storage_options: list[models.RemoteStorageOption],
        *,
        replacement_auto_vault_id: str | None = None,
    ) -> models.CometAPIResponseMessage:
        """Admin meta remote storage vault set (``AdminMetaRemoteStorageVaultSet``).

        ``POST /api/v1/admin/meta/remote-storage-vault/set`` - auth: admin. Needs an admin
        account. An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            remote_storage_options: list of :class:`~aiocomet.models.RemoteStorageOption`.
            replacement_auto_vault_id: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminMetaRemoteStorageVaultSet,
            {
                "RemoteStorageOptions": remote_storage_options,
                "ReplacementAutoVaultID": replacement_auto_vault_id,
            },
        )

    async def admin_meta_remote_storage_vault_test(
        self, template_options: models.RemoteStorageOption
    ) -> models.CometAPIResponseMessage:
        """Admin meta remote storage vault test (``AdminMetaRemoteStorageVaultTest``).

        ``POST /api/v1/admin/meta/remote-storage-vault/test`` - auth: admin. Needs an admin
        account. An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            template_options: :class:`~aiocomet.models.RemoteStorageOption`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminMetaRemoteStorageVaultTest, {"TemplateOptions": template_options}
        )

    async def admin_meta_resource_get(self, hash: str) -> bytes:
        """Admin meta resource get (``AdminMetaResourceGet``).

        ``POST /api/v1/admin/meta/resource/get`` - auth: admin. Needs an admin account.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            hash: ``str``.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(_m.AdminMetaResourceGet, {"Hash": hash})

    def admin_meta_resource_get_stream(self, hash: str) -> DownloadStream:
        """Stream the body of ``AdminMetaResourceGet`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.AdminMetaResourceGet, {"Hash": hash})

    async def admin_meta_resource_new(self, upload: UploadBody) -> models.AdminResourceResponse:
        """Admin meta resource new (``AdminMetaResourceNew``).

        ``POST /api/v1/admin/meta/resource/new`` - auth: admin. Needs an admin account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            upload: The file to upload: ``bytes``, a path, or an async iterable of chunks.

        Returns:
            :class:`~aiocomet.models.AdminResourceResponse`.
        """
        return await self._call(_m.AdminMetaResourceNew, {"upload": upload})

    async def admin_meta_restart_service(self) -> models.CometAPIResponseMessage:
        """Admin meta restart service (``AdminMetaRestartService``).

        ``POST /api/v1/admin/meta/restart-service`` - auth: admin. Needs an admin account. Only
        a top-level admin may call it. An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.
        Servers before Comet 18.9.2 send no response: the call then fails with a
        ``TransportError`` whose ``outcome_unknown`` is true.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminMetaRestartService, {})

    async def admin_meta_send_test_email(
        self, email_options: models.EmailOptions, recipient: str
    ) -> models.CometAPIResponseMessage:
        """Admin meta send test email (``AdminMetaSendTestEmail``).

        ``POST /api/v1/admin/meta/send-test-email`` - auth: admin. Needs an admin account. An
        admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            email_options: :class:`~aiocomet.models.EmailOptions`.
            recipient: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminMetaSendTestEmail, {"EmailOptions": email_options, "Recipient": recipient}
        )

    async def admin_meta_send_test_report(
        self,
        email_reporting_option: models.EmailReportingOption,
        *,
        target_organization: str | None = None,
    ) -> models.CometAPIResponseMessage:
        """Admin meta send test report (``AdminMetaSendTestReport``).

        ``POST /api/v1/admin/meta/send-test-report`` - auth: admin. Needs an admin account. An
        admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            email_reporting_option: :class:`~aiocomet.models.EmailReportingOption`.
            target_organization: ``str``. Optional: not sent when ``None``. Since Comet 24.3.0.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminMetaSendTestReport,
            {
                "EmailReportingOption": email_reporting_option,
                "TargetOrganization": target_organization,
            },
        )

    async def admin_meta_server_config_get(self) -> models.ServerConfigOptions:
        """Admin meta server config get (``AdminMetaServerConfigGet``).

        ``POST /api/v1/admin/meta/server-config/get`` - auth: admin. Needs an admin account.
        Only a top-level admin may call it. An admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ServerConfigOptions`.
        """
        return await self._call(_m.AdminMetaServerConfigGet, {})

    async def admin_meta_server_config_network_interfaces(self) -> list[str]:
        """Admin meta server config network interfaces (``AdminMetaServerConfigNetworkInterfaces``).

        ``POST /api/v1/admin/meta/server-config/network-interfaces`` - auth: admin. Needs an
        admin account. Only a top-level admin may call it. An admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of ``str``.
        """
        return await self._call(_m.AdminMetaServerConfigNetworkInterfaces, {})

    async def admin_meta_server_config_set(
        self, config: models.ServerConfigOptions
    ) -> models.CometAPIResponseMessage:
        """Admin meta server config set (``AdminMetaServerConfigSet``).

        ``POST /api/v1/admin/meta/server-config/set`` - auth: admin. Needs an admin account.
        Only a top-level admin may call it. An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.
        Servers before Comet 18.9.2 send no response: the call then fails with a
        ``TransportError`` whose ``outcome_unknown`` is true.

        Args:
            config: :class:`~aiocomet.models.ServerConfigOptions`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminMetaServerConfigSet, {"Config": config})

    async def admin_meta_shutdown_service(self) -> models.CometAPIResponseMessage:
        """Admin meta shutdown service (``AdminMetaShutdownService``).

        ``POST /api/v1/admin/meta/shutdown-service`` - auth: admin. Needs an admin account. Only
        a top-level admin may call it. An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.
        Servers before Comet 18.9.2 send no response: the call then fails with a
        ``TransportError`` whose ``outcome_unknown`` is true.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminMetaShutdownService, {})

    async def admin_meta_software_update_news(self) -> models.SoftwareUpdateNewsResponse:
        """Admin meta software update news (``AdminMetaSoftwareUpdateNews``).

        ``POST /api/v1/admin/meta/software-update-news`` - auth: admin. Needs an admin account.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.SoftwareUpdateNewsResponse`.
        """
        return await self._call(_m.AdminMetaSoftwareUpdateNews, {})

    async def admin_meta_stats(self, simple: bool) -> dict[int, models.StatResult]:
        """Admin meta stats (``AdminMetaStats``).

        ``POST /api/v1/admin/meta/stats`` - auth: admin. Needs an admin account.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            simple: ``bool``.

        Returns:
            Map of ``int`` to :class:`~aiocomet.models.StatResult`.
        """
        return await self._call(_m.AdminMetaStats, {"Simple": simple})

    async def admin_meta_version(self) -> models.ServerMetaVersionInfo:
        """Admin meta version (``AdminMetaVersion``).

        ``POST /api/v1/admin/meta/version`` - auth: admin. Needs an admin account.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ServerMetaVersionInfo`.
        """
        return await self._call(_m.AdminMetaVersion, {})

    async def admin_meta_webhook_options_get(self) -> dict[str, models.WebhookOption]:
        """Admin meta webhook options get (``AdminMetaWebhookOptionsGet``).

        ``POST /api/v1/admin/meta/webhook-options/get`` - auth: admin. Needs an admin account.
        An admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.WebhookOption`.
        """
        return await self._call(_m.AdminMetaWebhookOptionsGet, {})

    async def admin_meta_webhook_options_set(
        self, webhook_options: dict[str, models.WebhookOption]
    ) -> models.CometAPIResponseMessage:
        """Admin meta webhook options set (``AdminMetaWebhookOptionsSet``).

        ``POST /api/v1/admin/meta/webhook-options/set`` - auth: admin. Needs an admin account.
        An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            webhook_options: map of ``str`` to :class:`~aiocomet.models.WebhookOption`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminMetaWebhookOptionsSet, {"WebhookOptions": webhook_options})

    async def admin_news_get_all(self) -> dict[str, models.NewsEntry]:
        """Admin news get all (``AdminNewsGetAll``).

        ``POST /api/v1/admin/news/get-all`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.NewsEntry` (``NewsEntries``).
        """
        return await self._call(_m.AdminNewsGetAll, {})

    async def admin_news_remove(self, news_item: str) -> models.CometAPIResponseMessage:
        """Admin news remove (``AdminNewsRemove``).

        ``POST /api/v1/admin/news/remove`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            news_item: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminNewsRemove, {"NewsItem": news_item})

    async def admin_news_submit(self, news_content: str) -> models.CometAPIResponseMessage:
        """Admin news submit (``AdminNewsSubmit``).

        ``POST /api/v1/admin/news/submit`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            news_content: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminNewsSubmit, {"NewsContent": news_content})

    async def admin_organization_delete(
        self,
        *,
        organization_id: str | None = None,
        uninstall_config: models.UninstallConfig | None = None,
    ) -> models.CometAPIResponseMessage:
        """Admin organization delete (``AdminOrganizationDelete``).

        ``POST /api/v1/admin/organization/delete`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            organization_id: ``str``. Optional: not sent when ``None``.
            uninstall_config: :class:`~aiocomet.models.UninstallConfig`. Optional: not sent when
                ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminOrganizationDelete,
            {"OrganizationID": organization_id, "UninstallConfig": uninstall_config},
        )

    async def admin_organization_export(
        self, options: models.SelfBackupExportOptions
    ) -> models.CometAPIResponseMessage:
        """Admin organization export (``AdminOrganizationExport``).

        ``POST /api/v1/admin/organization/export`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            options: :class:`~aiocomet.models.SelfBackupExportOptions`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminOrganizationExport, {"Options": options})

    async def admin_organization_list(self) -> dict[str, models.Organization]:
        """Admin organization list (``AdminOrganizationList``).

        ``POST /api/v1/admin/organization/list`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.Organization`.
        """
        return await self._call(_m.AdminOrganizationList, {})

    async def admin_organization_set(
        self, *, organization_id: str | None = None, organization: models.Organization | None = None
    ) -> models.OrganizationResponse:
        """Admin organization set (``AdminOrganizationSet``).

        ``POST /api/v1/admin/organization/set`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            organization_id: ``str``. Optional: not sent when ``None``.
            organization: :class:`~aiocomet.models.Organization`. Optional: not sent when
                ``None``.

        Returns:
            :class:`~aiocomet.models.OrganizationResponse`.
        """
        return await self._call(
            _m.AdminOrganizationSet,
            {"OrganizationID": organization_id, "Organization": organization},
        )

    async def admin_policies_delete(self, policy_id: str) -> models.CometAPIResponseMessage:
        """Admin policies delete (``AdminPoliciesDelete``).

        ``POST /api/v1/admin/policies/delete`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            policy_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminPoliciesDelete, {"PolicyID": policy_id})

    async def admin_policies_get(self, policy_id: str) -> models.GetGroupPolicyResponse:
        """Admin policies get (``AdminPoliciesGet``).

        ``POST /api/v1/admin/policies/get`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            policy_id: ``str``.

        Returns:
            :class:`~aiocomet.models.GetGroupPolicyResponse`.
        """
        return await self._call(_m.AdminPoliciesGet, {"PolicyID": policy_id})

    async def admin_policies_list(
        self, *, target_organization: str | None = None
    ) -> dict[str, str]:
        """Admin policies list (``AdminPoliciesList``).

        ``POST /api/v1/admin/policies/list`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_organization: ``str``. Optional: not sent when ``None``. Since Comet 22.3.7.

        Returns:
            Map of ``str`` to ``str``.
        """
        return await self._call(_m.AdminPoliciesList, {"TargetOrganization": target_organization})

    async def admin_policies_list_full(
        self, *, target_organization: str | None = None
    ) -> dict[str, models.GroupPolicy]:
        """Admin policies list full (``AdminPoliciesListFull``).

        ``POST /api/v1/admin/policies/list-full`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_organization: ``str``. Optional: not sent when ``None``. Since Comet 22.3.7.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.GroupPolicy`.
        """
        return await self._call(
            _m.AdminPoliciesListFull, {"TargetOrganization": target_organization}
        )

    async def admin_policies_new(
        self, policy: models.GroupPolicy
    ) -> models.CreateGroupPolicyResponse:
        """Admin policies new (``AdminPoliciesNew``).

        ``POST /api/v1/admin/policies/new`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            policy: :class:`~aiocomet.models.GroupPolicy`.

        Returns:
            :class:`~aiocomet.models.CreateGroupPolicyResponse`.
        """
        return await self._call(_m.AdminPoliciesNew, {"Policy": policy})

    async def admin_policies_set(
        self,
        policy_id: str,
        policy: models.GroupPolicy,
        *,
        check_policy_hash: str | None = None,
        options: models.PolicyOptions | None = None,
    ) -> models.CometAPIResponseMessage:
        """Admin policies set (``AdminPoliciesSet``).

        ``POST /api/v1/admin/policies/set`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            policy_id: ``str``.
            policy: :class:`~aiocomet.models.GroupPolicy`.
            check_policy_hash: ``str``. Optional: not sent when ``None``.
            options: :class:`~aiocomet.models.PolicyOptions`. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminPoliciesSet,
            {
                "PolicyID": policy_id,
                "Policy": policy,
                "CheckPolicyHash": check_policy_hash,
                "Options": options,
            },
        )

    async def admin_preview_user_email_report(
        self,
        target_user: str,
        email_report_config: models.EmailReportConfig,
        *,
        email_address: str | None = None,
    ) -> models.EmailReportGeneratedPreview:
        """Admin preview user email report (``AdminPreviewUserEmailReport``).

        ``POST /api/v1/admin/preview-user-email-report`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_user: ``str``.
            email_report_config: :class:`~aiocomet.models.EmailReportConfig`.
            email_address: ``str``. Optional: not sent when ``None``. Since Comet 20.3.3.

        Returns:
            :class:`~aiocomet.models.EmailReportGeneratedPreview`.
        """
        return await self._call(
            _m.AdminPreviewUserEmailReport,
            {
                "TargetUser": target_user,
                "EmailReportConfig": email_report_config,
                "EmailAddress": email_address,
            },
        )

    async def admin_replication_state(self) -> list[models.ReplicatorStateAPIResponse]:
        """Admin replication state (``AdminReplicationState``).

        ``POST /api/v1/admin/replication/state`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of :class:`~aiocomet.models.ReplicatorStateAPIResponse`.
        """
        return await self._call(_m.AdminReplicationState, {})

    async def admin_request_storage_vault(
        self,
        target_user: str,
        storage_provider: str,
        *,
        self_address: str | None = None,
        device_id: str | None = None,
        profile_hash: str | None = None,
    ) -> models.RequestStorageVaultResponseMessage:
        """Admin request storage vault (``AdminRequestStorageVault``).

        ``POST /api/v1/admin/request-storage-vault`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.
        Servers before Comet 19.8.0 answer a ``CometAPIResponseMessage`` instead; it decodes
        into the newer type with the other fields empty.

        Args:
            target_user: ``str``.
            storage_provider: ``str``.
            self_address: ``str``. Defaults to the client's base URL.
            device_id: ``str``. Optional: not sent when ``None``.
            profile_hash: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.RequestStorageVaultResponseMessage`.
        """
        return await self._call(
            _m.AdminRequestStorageVault,
            {
                "TargetUser": target_user,
                "StorageProvider": storage_provider,
                "SelfAddress": self_address,
                "DeviceID": device_id,
                "ProfileHash": profile_hash,
            },
        )

    async def admin_request_storage_vault_providers(
        self, *, target_organization: str | None = None
    ) -> dict[str, str]:
        """Admin request storage vault providers (``AdminRequestStorageVaultProviders``).

        ``POST /api/v1/admin/request-storage-vault-providers`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_organization: ``str``. Optional: not sent when ``None``. Since Comet 22.3.7.

        Returns:
            Map of ``str`` to ``str``.
        """
        return await self._call(
            _m.AdminRequestStorageVaultProviders, {"TargetOrganization": target_organization}
        )

    async def admin_reset_user_password(
        self, target_user: str, new_password: str, *, old_password: str | None = None
    ) -> models.CometAPIResponseMessage:
        """Admin reset user password (``AdminResetUserPassword``).

        ``POST /api/v1/admin/reset-user-password`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            new_password: ``str``.
            old_password: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminResetUserPassword,
            {"TargetUser": target_user, "NewPassword": new_password, "OldPassword": old_password},
        )

    async def admin_revoke_device(
        self, target_user: str, target_device: str
    ) -> models.CometAPIResponseMessage:
        """Admin revoke device (``AdminRevokeDevice``).

        ``POST /api/v1/admin/revoke-device`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            target_device: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminRevokeDevice, {"TargetUser": target_user, "TargetDevice": target_device}
        )

    async def admin_self_backup_start(self) -> models.CometAPIResponseMessage:
        """Admin self backup start (``AdminSelfBackupStart``).

        ``POST /api/v1/admin/self-backup/start`` - auth: admin. Needs an admin account. Only a
        top-level admin may call it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminSelfBackupStart, {})

    async def admin_set_protected_item_with_backup_rules(
        self,
        target_user: str,
        source_id: str,
        *,
        require_hash: str | None = None,
        source: models.SourceConfig | None = None,
        backup_rules: dict[str, models.BackupRuleConfig] | None = None,
    ) -> models.CometAPIResponseMessage:
        """Admin set protected item with backup rules (``AdminSetProtectedItemWithBackupRules``).

        ``POST /api/v1/admin/set-protected-item-with-backup-rules`` - auth: admin. Needs an
        admin account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            source_id: ``str``.
            require_hash: ``str``. Optional: not sent when ``None``.
            source: :class:`~aiocomet.models.SourceConfig`. Optional: not sent when ``None``.
            backup_rules: map of ``str`` to :class:`~aiocomet.models.BackupRuleConfig`.
                Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminSetProtectedItemWithBackupRules,
            {
                "TargetUser": target_user,
                "SourceID": source_id,
                "RequireHash": require_hash,
                "Source": source,
                "BackupRules": backup_rules,
            },
        )

    async def admin_set_user_profile(
        self, target_user: str, profile_data: models.UserProfileConfig
    ) -> models.CometAPIResponseMessage:
        """Admin set user profile (``AdminSetUserProfile``).

        ``POST /api/v1/admin/set-user-profile`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            profile_data: :class:`~aiocomet.models.UserProfileConfig`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminSetUserProfile, {"TargetUser": target_user, "ProfileData": profile_data}
        )

    async def admin_set_user_profile_hash(
        self,
        target_user: str,
        profile_data: models.UserProfileConfig,
        require_hash: str,
        *,
        admin_options: models.AdminOptions | None = None,
    ) -> models.GetProfileAndHashResponseMessage:
        """Admin set user profile hash (``AdminSetUserProfileHash``).

        ``POST /api/v1/admin/set-user-profile-hash`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_user: ``str``.
            profile_data: :class:`~aiocomet.models.UserProfileConfig`.
            require_hash: ``str``.
            admin_options: :class:`~aiocomet.models.AdminOptions`. Optional: not sent when
                ``None``.

        Returns:
            :class:`~aiocomet.models.GetProfileAndHashResponseMessage`.
        """
        return await self._call(
            _m.AdminSetUserProfileHash,
            {
                "TargetUser": target_user,
                "ProfileData": profile_data,
                "RequireHash": require_hash,
                "AdminOptions": admin_options,
            },
        )

    async def admin_squota_delete(
        self, shared_storage_quota_id: str
    ) -> models.CometAPIResponseMessage:
        """Admin squota delete (``AdminSquotaDelete``).

        ``POST /api/v1/admin/squota/delete`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            shared_storage_quota_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminSquotaDelete, {"SharedStorageQuotaID": shared_storage_quota_id}
        )

    async def admin_squota_get_with_hash(
        self, shared_storage_quota_id: str
    ) -> models.GetSharedStorageQuotaResponse:
        """Admin squota get with hash (``AdminSquotaGetWithHash``).

        ``POST /api/v1/admin/squota/get-with-hash`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            shared_storage_quota_id: ``str``.

        Returns:
            :class:`~aiocomet.models.GetSharedStorageQuotaResponse`.
        """
        return await self._call(
            _m.AdminSquotaGetWithHash, {"SharedStorageQuotaID": shared_storage_quota_id}
        )

    async def admin_squota_list_all(self) -> models.ListSharedStorageQuotaResponse:
        """Admin squota list all (``AdminSquotaListAll``).

        ``POST /api/v1/admin/squota/list-all`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ListSharedStorageQuotaResponse`.
        """
        return await self._call(_m.AdminSquotaListAll, {})

    async def admin_squota_set_with_hash(
        self,
        shared_storage_quota_id: str,
        shared_storage_quota: models.SharedStorageQuota,
        *,
        check_hash: str | None = None,
    ) -> models.SetSharedStorageQuotaResponse:
        """Admin squota set with hash (``AdminSquotaSetWithHash``).

        ``POST /api/v1/admin/squota/set-with-hash`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            shared_storage_quota_id: ``str``.
            shared_storage_quota: :class:`~aiocomet.models.SharedStorageQuota`.
            check_hash: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.SetSharedStorageQuotaResponse`.
        """
        return await self._call(
            _m.AdminSquotaSetWithHash,
            {
                "SharedStorageQuotaID": shared_storage_quota_id,
                "SharedStorageQuota": shared_storage_quota,
                "CheckHash": check_hash,
            },
        )

    async def admin_storage_bucket_properties(
        self, bucket_id: str, *, after_timestamp: int | None = None
    ) -> models.BucketProperties:
        """Admin storage bucket properties (``AdminStorageBucketProperties``).

        ``POST /api/v1/admin/storage/bucket-properties`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``storage``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            bucket_id: ``str``.
            after_timestamp: ``int``. Unix timestamp, in seconds. Optional: not sent when
                ``None``.

        Returns:
            :class:`~aiocomet.models.BucketProperties`.
        """
        return await self._call(
            _m.AdminStorageBucketProperties,
            {"BucketID": bucket_id, "AfterTimestamp": after_timestamp},
        )

    async def admin_storage_delete_bucket(self, bucket_id: str) -> models.CometAPIResponseMessage:
        """Admin storage delete bucket (``AdminStorageDeleteBucket``).

        ``POST /api/v1/admin/storage/delete-bucket`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``storage``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            bucket_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminStorageDeleteBucket, {"BucketID": bucket_id})

    async def admin_storage_free_space(
        self, *, bucket_id: str | None = None
    ) -> models.StorageFreeSpaceInfo:
        """Admin storage free space (``AdminStorageFreeSpace``).

        ``POST /api/v1/admin/storage/free-space`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``storage``. Only a top-level admin may call it.
        An admin's permissions may forbid it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            bucket_id: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.StorageFreeSpaceInfo`.
        """
        return await self._call(_m.AdminStorageFreeSpace, {"BucketID": bucket_id})

    async def admin_storage_list_buckets(self) -> dict[str, models.BucketProperties]:
        """Admin storage list buckets (``AdminStorageListBuckets``).

        ``POST /api/v1/admin/storage/list-buckets`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``storage``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.BucketProperties`
            (``BucketPropertyList``).
        """
        return await self._call(_m.AdminStorageListBuckets, {})

    async def admin_storage_ping_destination(
        self, extra_data: models.DestinationLocation
    ) -> models.CometAPIResponseMessage:
        """Admin storage ping destination (``AdminStoragePingDestination``).

        ``POST /api/v1/admin/storage/ping-destination`` - auth: admin. Needs an admin account.
        Only a top-level admin may call it. An admin's permissions may forbid it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            extra_data: :class:`~aiocomet.models.DestinationLocation`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminStoragePingDestination, {"ExtraData": extra_data})

    async def admin_storage_register_bucket(
        self,
        *,
        set_bucket_value: str | None = None,
        set_key_hash_format: str | None = None,
        set_key_hash_value: str | None = None,
        set_organization_id: str | None = None,
    ) -> models.AddBucketResponseMessage:
        """Admin storage register bucket (``AdminStorageRegisterBucket``).

        ``POST /api/v1/admin/storage/register-bucket`` - auth: admin. Needs an admin account.
        The server must have these roles enabled: ``storage``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            set_bucket_value: ``str``. Optional: not sent when ``None``.
            set_key_hash_format: ``str``. Optional: not sent when ``None``.
            set_key_hash_value: ``str``. Optional: not sent when ``None``.
            set_organization_id: ``str``. Optional: not sent when ``None``. Since Comet 20.9.0.

        Returns:
            :class:`~aiocomet.models.AddBucketResponseMessage`.
        """
        return await self._call(
            _m.AdminStorageRegisterBucket,
            {
                "SetBucketValue": set_bucket_value,
                "SetKeyHashFormat": set_key_hash_format,
                "SetKeyHashValue": set_key_hash_value,
                "SetOrganizationID": set_organization_id,
            },
        )

    async def admin_update_campaign_start(
        self, options: models.UpdateCampaignOptions
    ) -> models.CometAPIResponseMessage:
        """Admin update campaign start (``AdminUpdateCampaignStart``).

        ``POST /api/v1/admin/update-campaign/start`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``, ``software_build``. Only a top-level
        admin may call it.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            options: :class:`~aiocomet.models.UpdateCampaignOptions`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminUpdateCampaignStart, {"Options": options})

    async def admin_update_campaign_status(self) -> models.UpdateCampaignStatus:
        """Admin update campaign status (``AdminUpdateCampaignStatus``).

        ``POST /api/v1/admin/update-campaign/status`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``, ``software_build``. Only a top-level
        admin may call it.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.UpdateCampaignStatus`.
        """
        return await self._call(_m.AdminUpdateCampaignStatus, {})

    async def admin_user_groups_delete(self, group_id: str) -> models.CometAPIResponseMessage:
        """Admin user groups delete (``AdminUserGroupsDelete``).

        ``POST /api/v1/admin/user-groups/delete`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            group_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminUserGroupsDelete, {"GroupID": group_id})

    async def admin_user_groups_get(
        self, group_id: str, *, include_users: bool | None = None
    ) -> models.GetUserGroupWithUsersResponse:
        """Admin user groups get (``AdminUserGroupsGet``).

        ``POST /api/v1/admin/user-groups/get`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            group_id: ``str``.
            include_users: ``bool``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.GetUserGroupWithUsersResponse`.
        """
        return await self._call(
            _m.AdminUserGroupsGet, {"GroupID": group_id, "IncludeUsers": include_users}
        )

    async def admin_user_groups_list(
        self, *, target_organization: str | None = None
    ) -> dict[str, str]:
        """Admin user groups list (``AdminUserGroupsList``).

        ``POST /api/v1/admin/user-groups/list`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_organization: ``str``. Optional: not sent when ``None``.

        Returns:
            Map of ``str`` to ``str``.
        """
        return await self._call(_m.AdminUserGroupsList, {"TargetOrganization": target_organization})

    async def admin_user_groups_list_full(
        self, *, target_organization: str | None = None
    ) -> dict[str, models.UserGroup]:
        """Admin user groups list full (``AdminUserGroupsListFull``).

        ``POST /api/v1/admin/user-groups/list-full`` - auth: admin. Needs an admin account. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            target_organization: ``str``. Optional: not sent when ``None``.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.UserGroup`.
        """
        return await self._call(
            _m.AdminUserGroupsListFull, {"TargetOrganization": target_organization}
        )

    async def admin_user_groups_new(
        self, name: str, *, target_organization: str | None = None
    ) -> models.CreateUserGroupResponse:
        """Admin user groups new (``AdminUserGroupsNew``).

        ``POST /api/v1/admin/user-groups/new`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            name: ``str``.
            target_organization: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CreateUserGroupResponse`.
        """
        return await self._call(
            _m.AdminUserGroupsNew, {"Name": name, "TargetOrganization": target_organization}
        )

    async def admin_user_groups_set(
        self, group_id: str, group: models.UserGroup
    ) -> models.CometAPIResponseMessage:
        """Admin user groups set (``AdminUserGroupsSet``).

        ``POST /api/v1/admin/user-groups/set`` - auth: admin. Needs an admin account. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            group_id: ``str``.
            group: :class:`~aiocomet.models.UserGroup`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.AdminUserGroupsSet, {"GroupID": group_id, "Group": group})

    async def admin_user_groups_set_users_for_group(
        self, group_id: str, users: list[str]
    ) -> models.CometAPIResponseMessage:
        """Admin user groups set users for group (``AdminUserGroupsSetUsersForGroup``).

        ``POST /api/v1/admin/user-groups/set-users-for-group`` - auth: admin. Needs an admin
        account. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            group_id: ``str``.
            users: list of ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.AdminUserGroupsSetUsersForGroup, {"GroupID": group_id, "Users": users}
        )

    async def branding_props(self) -> models.ServerMetaBrandingProperties:
        """Branding props (``BrandingProps``).

        ``GET /gen/branding.props`` - auth: none. Needs no credentials.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.ServerMetaBrandingProperties`.
        """
        return await self._call(_m.BrandingProps, {})

    async def hybrid_session_start(self) -> models.SessionKeyRegeneratedResponse:
        """Hybrid session start (``HybridSessionStart``).

        ``POST /api/v1/hybrid/session/start`` - auth: hybrid. Works with an admin or an end-user
        account.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.SessionKeyRegeneratedResponse`.
        """
        return await self._call(_m.HybridSessionStart, {})

    async def user_dispatcher_email_preview(
        self, target_id: str, snapshot: str, destination: str, path: str
    ) -> models.EmailReportGeneratedPreview:
        """User dispatcher email preview (``UserDispatcherEmailPreview``).

        ``POST /api/v1/user/dispatcher/email-preview`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``. The target device must have granted:
        ``browse_mail``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            snapshot: ``str``.
            destination: ``str``.
            path: ``str``.

        Returns:
            :class:`~aiocomet.models.EmailReportGeneratedPreview`.
        """
        return await self._call(
            _m.UserDispatcherEmailPreview,
            {"TargetID": target_id, "Snapshot": snapshot, "Destination": destination, "Path": path},
        )

    async def user_web_account_regenerate_totp(
        self, profile_hash: str
    ) -> models.TotpRegeneratedResponse:
        """User web account regenerate totp (``UserWebAccountRegenerateTotp``).

        ``POST /api/v1/user/web/account/regenerate-totp`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            profile_hash: ``str``.

        Returns:
            :class:`~aiocomet.models.TotpRegeneratedResponse`.
        """
        return await self._call(_m.UserWebAccountRegenerateTotp, {"ProfileHash": profile_hash})

    async def user_web_account_reset_password(
        self, profile_hash: str, old_password: str, new_password: str
    ) -> models.CometAPIResponseMessage:
        """User web account reset password (``UserWebAccountResetPassword``).

        ``POST /api/v1/user/web/account/reset-password`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            profile_hash: ``str``.
            old_password: ``str``.
            new_password: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebAccountResetPassword,
            {"ProfileHash": profile_hash, "OldPassword": old_password, "NewPassword": new_password},
        )

    async def user_web_account_validate_totp(
        self, profile_hash: str, totp_code: str
    ) -> models.CometAPIResponseMessage:
        """User web account validate totp (``UserWebAccountValidateTotp``).

        ``POST /api/v1/user/web/account/validate-totp`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            profile_hash: ``str``.
            totp_code: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebAccountValidateTotp, {"ProfileHash": profile_hash, "TOTPCode": totp_code}
        )

    async def user_web_delete_protected_item(
        self, source_id: str
    ) -> models.CometAPIResponseMessage:
        """User web delete protected item (``UserWebDeleteProtectedItem``).

        ``POST /api/v1/user/web/delete-protected-item`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            source_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.UserWebDeleteProtectedItem, {"SourceID": source_id})

    async def user_web_dispatcher_browse_virtual_machines(
        self, target_id: str, destination_id: str, snapshot_id: str
    ) -> models.DispatcherListSnapshotVirtualMachinesResponse:
        """User web dispatcher browse virtual machines (``UserWebDispatcherBrowseVirtualMachines``).

        ``POST /api/v1/user/web/dispatcher/browse-virtual-machines`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination_id: ``str``.
            snapshot_id: ``str``.

        Returns:
            :class:`~aiocomet.models.DispatcherListSnapshotVirtualMachinesResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherBrowseVirtualMachines,
            {"TargetID": target_id, "DestinationID": destination_id, "SnapshotID": snapshot_id},
        )

    async def user_web_dispatcher_delete_snapshot(
        self, target_id: str, destination_id: str, snapshot_id: str
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher delete snapshot (``UserWebDispatcherDeleteSnapshot``).

        ``POST /api/v1/user/web/dispatcher/delete-snapshot`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination_id: ``str``.
            snapshot_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherDeleteSnapshot,
            {"TargetID": target_id, "DestinationID": destination_id, "SnapshotID": snapshot_id},
        )

    async def user_web_dispatcher_delete_snapshots(
        self, target_id: str, destination_id: str, snapshot_i_ds: list[str]
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher delete snapshots (``UserWebDispatcherDeleteSnapshots``).

        ``POST /api/v1/user/web/dispatcher/delete-snapshots`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``. The target device must run version
        20.9.10 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination_id: ``str``.
            snapshot_i_ds: list of ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherDeleteSnapshots,
            {"TargetID": target_id, "DestinationID": destination_id, "SnapshotIDs": snapshot_i_ds},
        )

    async def user_web_dispatcher_drop_connection(
        self, target_id: str
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher drop connection (``UserWebDispatcherDropConnection``).

        ``POST /api/v1/user/web/dispatcher/drop-connection`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.UserWebDispatcherDropConnection, {"TargetID": target_id})

    async def user_web_dispatcher_list_active(self) -> dict[str, models.LiveUserConnection]:
        """User web dispatcher list active (``UserWebDispatcherListActive``).

        ``POST /api/v1/user/web/dispatcher/list-active`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` (``LiveUserConnectionID``) to
            :class:`~aiocomet.models.LiveUserConnection` (``LiveUserConnectionMap``).
        """
        return await self._call(_m.UserWebDispatcherListActive, {})

    async def user_web_dispatcher_office365_list_virtual_accounts(
        self, target_id: str, credentials: models.Office365Credential
    ) -> models.BrowseOffice365ListVirtualAccountsResponse:
        """User web dispatcher office365 list virtual accounts (``UserWebDispatcherOffice365ListVirtualAccounts``).

        ``POST /api/v1/user/web/dispatcher/office365-list-virtual-accounts`` - auth: user. Needs
        an end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.Office365Credential`.

        Returns:
            :class:`~aiocomet.models.BrowseOffice365ListVirtualAccountsResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherOffice365ListVirtualAccounts,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_ping_destination(
        self, target_id: str, extra_data: models.DestinationLocation
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher ping destination (``UserWebDispatcherPingDestination``).

        ``POST /api/v1/user/web/dispatcher/ping-destination`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            extra_data: :class:`~aiocomet.models.DestinationLocation`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherPingDestination, {"TargetID": target_id, "ExtraData": extra_data}
        )

    async def user_web_dispatcher_register_office_application_begin(
        self, target_id: str, email_address: str
    ) -> models.RegisterOfficeApplicationBeginResponse:
        """User web dispatcher register office application begin (``UserWebDispatcherRegisterOfficeApplicationBegin``).

        ``POST /api/v1/user/web/dispatcher/register-office-application/begin`` - auth: user.
        Needs an end-user account (``account_type="user"``). The user account must have web
        access enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            email_address: ``str``.

        Returns:
            :class:`~aiocomet.models.RegisterOfficeApplicationBeginResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRegisterOfficeApplicationBegin,
            {"TargetID": target_id, "EmailAddress": email_address},
        )

    async def user_web_dispatcher_register_office_application_check(
        self, target_id: str, continuation: str
    ) -> models.RegisterOfficeApplicationCheckResponse:
        """User web dispatcher register office application check (``UserWebDispatcherRegisterOfficeApplicationCheck``).

        ``POST /api/v1/user/web/dispatcher/register-office-application/check`` - auth: user.
        Needs an end-user account (``account_type="user"``). The user account must have web
        access enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            continuation: ``str``.

        Returns:
            :class:`~aiocomet.models.RegisterOfficeApplicationCheckResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRegisterOfficeApplicationCheck,
            {"TargetID": target_id, "Continuation": continuation},
        )

    async def user_web_dispatcher_request_browse_disk_drives(
        self, target_id: str
    ) -> models.BrowseDiskDrivesResponse:
        """User web dispatcher request browse disk drives (``UserWebDispatcherRequestBrowseDiskDrives``).

        ``POST /api/v1/user/web/dispatcher/request-browse-disk-drives`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseDiskDrivesResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseDiskDrives, {"TargetID": target_id}
        )

    async def user_web_dispatcher_request_browse_exchange_edb(
        self, target_id: str
    ) -> models.BrowseEDBResponse:
        """User web dispatcher request browse exchange edb (``UserWebDispatcherRequestBrowseExchangeEdb``).

        ``POST /api/v1/user/web/dispatcher/request-browse-exchange-edb`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseEDBResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseExchangeEdb, {"TargetID": target_id}
        )

    async def user_web_dispatcher_request_browse_hyperv(
        self, target_id: str
    ) -> models.BrowseHVResponse:
        """User web dispatcher request browse hyperv (``UserWebDispatcherRequestBrowseHyperv``).

        ``POST /api/v1/user/web/dispatcher/request-browse-hyperv`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseHVResponse`.
        """
        return await self._call(_m.UserWebDispatcherRequestBrowseHyperv, {"TargetID": target_id})

    async def user_web_dispatcher_request_browse_mongodb(
        self, target_id: str, credentials: models.MongoDBConnection
    ) -> models.BrowseSQLServerResponse:
        """User web dispatcher request browse mongodb (``UserWebDispatcherRequestBrowseMongodb``).

        ``POST /api/v1/user/web/dispatcher/request-browse-mongodb`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.MongoDBConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseSQLServerResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseMongodb,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_browse_mssql(
        self, target_id: str, credentials: models.MSSQLConnection
    ) -> models.BrowseSQLServerResponse:
        """User web dispatcher request browse mssql (``UserWebDispatcherRequestBrowseMssql``).

        ``POST /api/v1/user/web/dispatcher/request-browse-mssql`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.MSSQLConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseSQLServerResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseMssql,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_browse_mysql(
        self, target_id: str, credentials: models.MySQLConnection
    ) -> models.BrowseSQLServerResponse:
        """User web dispatcher request browse mysql (``UserWebDispatcherRequestBrowseMysql``).

        ``POST /api/v1/user/web/dispatcher/request-browse-mysql`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.MySQLConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseSQLServerResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseMysql,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_browse_proxmox(
        self, target_id: str, credentials: models.ProxmoxConnection
    ) -> models.BrowseProxmoxResponse:
        """User web dispatcher request browse proxmox (``UserWebDispatcherRequestBrowseProxmox``).

        ``POST /api/v1/user/web/dispatcher/request-browse-proxmox`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.ProxmoxConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseProxmoxResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseProxmox,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_browse_proxmox_nodes(
        self, target_id: str, credentials: models.SSHConnection
    ) -> models.BrowseProxmoxNodesResponse:
        """User web dispatcher request browse proxmox nodes (``UserWebDispatcherRequestBrowseProxmoxNodes``).

        ``POST /api/v1/user/web/dispatcher/request-browse-proxmox/nodes`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.SSHConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseProxmoxNodesResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseProxmoxNodes,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_browse_proxmox_storage(
        self, target_id: str, credentials: models.SSHConnection, node: str
    ) -> models.BrowseProxmoxStorageResponse:
        """User web dispatcher request browse proxmox storage (``UserWebDispatcherRequestBrowseProxmoxStorage``).

        ``POST /api/v1/user/web/dispatcher/request-browse-proxmox/storage`` - auth: user. Needs
        an end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.SSHConnection`.
            node: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseProxmoxStorageResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseProxmoxStorage,
            {"TargetID": target_id, "Credentials": credentials, "Node": node},
        )

    async def user_web_dispatcher_request_browse_vmware(
        self, target_id: str, credentials: models.VMwareConnection
    ) -> models.BrowseVMwareResponse:
        """User web dispatcher request browse vmware (``UserWebDispatcherRequestBrowseVmware``).

        ``POST /api/v1/user/web/dispatcher/request-browse-vmware`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseVmware,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_browse_vmware_datacenters(
        self, target_id: str, credentials: models.VMwareConnection
    ) -> models.BrowseVMwareDatacentersResponse:
        """User web dispatcher request browse vmware datacenters (``UserWebDispatcherRequestBrowseVmwareDatacenters``).

        ``POST /api/v1/user/web/dispatcher/request-browse-vmware/datacenters`` - auth: user.
        Needs an end-user account (``account_type="user"``). The user account must have web
        access enabled. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareDatacentersResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseVmwareDatacenters,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_browse_vmware_datastores(
        self, target_id: str, credentials: models.VMwareConnection, filter: str
    ) -> models.BrowseVMwareDatastoresResponse:
        """User web dispatcher request browse vmware datastores (``UserWebDispatcherRequestBrowseVmwareDatastores``).

        ``POST /api/v1/user/web/dispatcher/request-browse-vmware/datastores`` - auth: user.
        Needs an end-user account (``account_type="user"``). The user account must have web
        access enabled. The server must have these roles enabled: ``auth``. The target device
        must have granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.
            filter: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareDatastoresResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseVmwareDatastores,
            {"TargetID": target_id, "Credentials": credentials, "Filter": filter},
        )

    async def user_web_dispatcher_request_browse_vmware_hosts(
        self, target_id: str, credentials: models.VMwareConnection, filter: str
    ) -> models.BrowseVMwareHostsResponse:
        """User web dispatcher request browse vmware hosts (``UserWebDispatcherRequestBrowseVmwareHosts``).

        ``POST /api/v1/user/web/dispatcher/request-browse-vmware/hosts`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.
            filter: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareHostsResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseVmwareHosts,
            {"TargetID": target_id, "Credentials": credentials, "Filter": filter},
        )

    async def user_web_dispatcher_request_browse_vmware_networks(
        self, target_id: str, credentials: models.VMwareConnection, filter: str
    ) -> models.BrowseVMwareNetworksResponse:
        """User web dispatcher request browse vmware networks (``UserWebDispatcherRequestBrowseVmwareNetworks``).

        ``POST /api/v1/user/web/dispatcher/request-browse-vmware/networks`` - auth: user. Needs
        an end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.VMwareConnection`.
            filter: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseVMwareNetworksResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestBrowseVmwareNetworks,
            {"TargetID": target_id, "Credentials": credentials, "Filter": filter},
        )

    async def user_web_dispatcher_request_browse_vss_aaw(
        self, target_id: str
    ) -> models.BrowseVSSResponse:
        """User web dispatcher request browse vss aaw (``UserWebDispatcherRequestBrowseVssAaw``).

        ``POST /api/v1/user/web/dispatcher/request-browse-vss-aaw`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BrowseVSSResponse`.
        """
        return await self._call(_m.UserWebDispatcherRequestBrowseVssAaw, {"TargetID": target_id})

    async def user_web_dispatcher_request_office365_accounts(
        self, target_id: str, credentials: models.Office365Credential
    ) -> models.BrowseOffice365ObjectsResponse:
        """User web dispatcher request office365 accounts (``UserWebDispatcherRequestOffice365Accounts``).

        ``POST /api/v1/user/web/dispatcher/request-office365-accounts`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.Office365Credential`.

        Returns:
            :class:`~aiocomet.models.BrowseOffice365ObjectsResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestOffice365Accounts,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_office365_sites(
        self, target_id: str, credentials: models.Office365Credential
    ) -> models.BrowseOffice365ObjectsResponse:
        """User web dispatcher request office365 sites (``UserWebDispatcherRequestOffice365Sites``).

        ``POST /api/v1/user/web/dispatcher/request-office365-sites`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            credentials: :class:`~aiocomet.models.Office365Credential`.

        Returns:
            :class:`~aiocomet.models.BrowseOffice365ObjectsResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestOffice365Sites,
            {"TargetID": target_id, "Credentials": credentials},
        )

    async def user_web_dispatcher_request_stored_objects(
        self,
        target_id: str,
        destination: str,
        snapshot_id: str,
        *,
        tree_id: str | None = None,
        options: models.VMDKSnapshotViewOptions | None = None,
    ) -> models.DispatcherStoredObjectsResponse:
        """User web dispatcher request stored objects (``UserWebDispatcherRequestStoredObjects``).

        ``POST /api/v1/user/web/dispatcher/request-stored-objects`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``. The target device must have
        granted: ``browse_files``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.
            snapshot_id: ``str``.
            tree_id: ``str``. Optional: not sent when ``None``.
            options: :class:`~aiocomet.models.VMDKSnapshotViewOptions`. Optional: not sent when
                ``None``.

        Returns:
            :class:`~aiocomet.models.DispatcherStoredObjectsResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestStoredObjects,
            {
                "TargetID": target_id,
                "Destination": destination,
                "SnapshotID": snapshot_id,
                "TreeID": tree_id,
                "Options": options,
            },
        )

    async def user_web_dispatcher_request_vault_snapshots(
        self, target_id: str, destination: str
    ) -> models.DispatcherVaultSnapshotsResponse:
        """User web dispatcher request vault snapshots (``UserWebDispatcherRequestVaultSnapshots``).

        ``POST /api/v1/user/web/dispatcher/request-vault-snapshots`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.

        Returns:
            :class:`~aiocomet.models.DispatcherVaultSnapshotsResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestVaultSnapshots,
            {"TargetID": target_id, "Destination": destination},
        )

    async def user_web_dispatcher_request_windisk_snapshot(
        self, target_id: str, destination: str, snapshot_id: str
    ) -> models.DispatcherWindiskSnapshotResponse:
        """User web dispatcher request windisk snapshot (``UserWebDispatcherRequestWindiskSnapshot``).

        ``POST /api/v1/user/web/dispatcher/request-windisk-snapshot`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination: ``str``.
            snapshot_id: ``str``.

        Returns:
            :class:`~aiocomet.models.DispatcherWindiskSnapshotResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherRequestWindiskSnapshot,
            {"TargetID": target_id, "Destination": destination, "SnapshotID": snapshot_id},
        )

    async def user_web_dispatcher_run_backup(
        self, target_id: str, backup_rule: str
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher run backup (``UserWebDispatcherRunBackup``).

        ``POST /api/v1/user/web/dispatcher/run-backup`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            backup_rule: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherRunBackup, {"TargetID": target_id, "BackupRule": backup_rule}
        )

    async def user_web_dispatcher_run_backup_custom(
        self,
        target_id: str,
        source: str,
        destination: str,
        *,
        options: models.BackupJobAdvancedOptions | None = None,
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher run backup custom (``UserWebDispatcherRunBackupCustom``).

        ``POST /api/v1/user/web/dispatcher/run-backup-custom`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            source: ``str``.
            destination: ``str``.
            options: :class:`~aiocomet.models.BackupJobAdvancedOptions`. Optional: not sent when
                ``None``. Since Comet 19.3.6.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherRunBackupCustom,
            {
                "TargetID": target_id,
                "Source": source,
                "Destination": destination,
                "Options": options,
            },
        )

    async def user_web_dispatcher_run_restore(
        self,
        target_id: str,
        path: str,
        source: str,
        destination: str,
        *,
        snapshot: str | None = None,
        paths: list[str] | None = None,
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher run restore (``UserWebDispatcherRunRestore``).

        ``POST /api/v1/user/web/dispatcher/run-restore`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            path: ``str``.
            source: ``str``.
            destination: ``str``.
            snapshot: ``str``. Optional: not sent when ``None``.
            paths: list of ``str``. Optional: not sent when ``None``. Since Comet 19.3.0.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherRunRestore,
            {
                "TargetID": target_id,
                "Path": path,
                "Source": source,
                "Destination": destination,
                "Snapshot": snapshot,
                "Paths": paths,
            },
        )

    async def user_web_dispatcher_run_restore_custom(
        self,
        target_id: str,
        source: str,
        destination: str,
        options: models.RestoreJobAdvancedOptions,
        *,
        snapshot: str | None = None,
        paths: list[str] | None = None,
        known_file_count: int | None = None,
        known_byte_count: int | None = None,
        known_dir_count: int | None = None,
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher run restore custom (``UserWebDispatcherRunRestoreCustom``).

        ``POST /api/v1/user/web/dispatcher/run-restore-custom`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``. The target device must run version
        18.6.0 or later.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            source: ``str``.
            destination: ``str``.
            options: :class:`~aiocomet.models.RestoreJobAdvancedOptions`.
            snapshot: ``str``. Optional: not sent when ``None``.
            paths: list of ``str``. Optional: not sent when ``None``. Since Comet 19.3.0.
            known_file_count: ``int``. Optional: not sent when ``None``.
            known_byte_count: ``int``. Size in bytes. Optional: not sent when ``None``.
            known_dir_count: ``int``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherRunRestoreCustom,
            {
                "TargetID": target_id,
                "Source": source,
                "Destination": destination,
                "Options": options,
                "Snapshot": snapshot,
                "Paths": paths,
                "KnownFileCount": known_file_count,
                "KnownByteCount": known_byte_count,
                "KnownDirCount": known_dir_count,
            },
        )

    async def user_web_dispatcher_search_snapshots(
        self,
        target_id: str,
        destination_id: str,
        snapshot_i_ds: list[str],
        filter: models.SearchClause,
    ) -> models.SearchSnapshotsResponse:
        """User web dispatcher search snapshots (``UserWebDispatcherSearchSnapshots``).

        ``POST /api/v1/user/web/dispatcher/search-snapshots`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            destination_id: ``str``.
            snapshot_i_ds: list of ``str``.
            filter: :class:`~aiocomet.models.SearchClause`.

        Returns:
            :class:`~aiocomet.models.SearchSnapshotsResponse`.
        """
        return await self._call(
            _m.UserWebDispatcherSearchSnapshots,
            {
                "TargetID": target_id,
                "DestinationID": destination_id,
                "SnapshotIDs": snapshot_i_ds,
                "Filter": filter,
            },
        )

    async def user_web_dispatcher_test_smb_auth(
        self, target_id: str, wsa: models.WinSMBAuth
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher test smb auth (``UserWebDispatcherTestSmbAuth``).

        ``POST /api/v1/user/web/dispatcher/test-smb-auth`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            wsa: :class:`~aiocomet.models.WinSMBAuth`.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherTestSmbAuth, {"TargetID": target_id, "Wsa": wsa}
        )

    async def user_web_dispatcher_update_login_password(
        self, target_id: str, new_password: str
    ) -> models.CometAPIResponseMessage:
        """User web dispatcher update login password (``UserWebDispatcherUpdateLoginPassword``).

        ``POST /api/v1/user/web/dispatcher/update-login-password`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            new_password: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebDispatcherUpdateLoginPassword,
            {"TargetID": target_id, "NewPassword": new_password},
        )

    async def user_web_get_job_log(self, job_id: str) -> bytes:
        """User web get job log (``UserWebGetJobLog``).

        ``POST /api/v1/user/web/get-job-log`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            job_id: ``str``.

        Returns:
            The response body as ``bytes`` (the ``_stream()`` form streams it).
        """
        return await self._call(_m.UserWebGetJobLog, {"JobID": job_id})

    def user_web_get_job_log_stream(self, job_id: str) -> DownloadStream:
        """Stream the body of ``UserWebGetJobLog`` in chunks (``async with`` it, then iterate or ``save()``)."""
        return self._stream(_m.UserWebGetJobLog, {"JobID": job_id})

    async def user_web_get_job_log_entries(
        self, job_id: str, *, min_severity: str | None = None, message_contains: str | None = None
    ) -> list[models.JobEntry]:
        """User web get job log entries (``UserWebGetJobLogEntries``).

        ``POST /api/v1/user/web/get-job-log-entries`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            job_id: ``str``.
            min_severity: ``str``. Optional: not sent when ``None``.
            message_contains: ``str``. Optional: not sent when ``None``.

        Returns:
            List of :class:`~aiocomet.models.JobEntry`.
        """
        return await self._call(
            _m.UserWebGetJobLogEntries,
            {"JobID": job_id, "MinSeverity": min_severity, "MessageContains": message_contains},
        )

    async def user_web_get_job_properties(self, job_id: str) -> models.BackupJobDetail:
        """User web get job properties (``UserWebGetJobProperties``).

        ``POST /api/v1/user/web/get-job-properties`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            job_id: ``str``.

        Returns:
            :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.UserWebGetJobProperties, {"JobID": job_id})

    async def user_web_get_jobs(self) -> list[models.BackupJobDetail]:
        """User web get jobs (``UserWebGetJobs``).

        ``POST /api/v1/user/web/get-jobs`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            List of :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.UserWebGetJobs, {})

    async def user_web_get_jobs_for_custom_search(
        self, query: models.SearchClause
    ) -> list[models.BackupJobDetail]:
        """User web get jobs for custom search (``UserWebGetJobsForCustomSearch``).

        ``POST /api/v1/user/web/get-jobs-for-custom-search`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            query: :class:`~aiocomet.models.SearchClause`.

        Returns:
            List of :class:`~aiocomet.models.BackupJobDetail`.
        """
        return await self._call(_m.UserWebGetJobsForCustomSearch, {"Query": query})

    async def user_web_get_protected_item_with_backup_rules(
        self, source_id: str
    ) -> models.ProtectedItemWithBackupRulesResponse:
        """User web get protected item with backup rules (``UserWebGetProtectedItemWithBackupRules``).

        ``POST /api/v1/user/web/get-protected-item-with-backup-rules`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Args:
            source_id: ``str``.

        Returns:
            :class:`~aiocomet.models.ProtectedItemWithBackupRulesResponse`.
        """
        return await self._call(_m.UserWebGetProtectedItemWithBackupRules, {"SourceID": source_id})

    async def user_web_get_user_profile_and_hash(self) -> models.GetProfileAndHashResponseMessage:
        """User web get user profile and hash (``UserWebGetUserProfileAndHash``).

        ``POST /api/v1/user/web/get-user-profile-and-hash`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            :class:`~aiocomet.models.GetProfileAndHashResponseMessage`.
        """
        return await self._call(_m.UserWebGetUserProfileAndHash, {})

    async def user_web_job_cancel(self, job_id: str) -> models.CometAPIResponseMessage:
        """User web job cancel (``UserWebJobCancel``).

        ``POST /api/v1/user/web/job/cancel`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            job_id: ``str``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.UserWebJobCancel, {"JobID": job_id})

    async def user_web_news_get_all(self) -> dict[str, models.NewsEntry]:
        """User web news get all (``UserWebNewsGetAll``).

        ``POST /api/v1/user/web/news/get-all`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` to :class:`~aiocomet.models.NewsEntry` (``NewsEntries``).
        """
        return await self._call(_m.UserWebNewsGetAll, {})

    async def user_web_request_filesystem_objects(
        self, target_id: str, *, path: str | None = None
    ) -> models.DispatcherStoredObjectsResponse:
        """User web request filesystem objects (``UserWebRequestFilesystemObjects``).

        ``POST /api/v1/user/web/request-filesystem-objects`` - auth: user. Needs an end-user
        account (``account_type="user"``). The user account must have web access enabled. The
        server must have these roles enabled: ``auth``. The target device must have granted:
        ``view_filenames``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            target_id: ``str``.
            path: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.DispatcherStoredObjectsResponse`.
        """
        return await self._call(
            _m.UserWebRequestFilesystemObjects, {"TargetID": target_id, "Path": path}
        )

    async def user_web_request_storage_vault(
        self,
        storage_provider: str,
        *,
        self_address: str | None = None,
        device_id: str | None = None,
        profile_hash: str | None = None,
    ) -> models.RequestStorageVaultResponseMessage:
        """User web request storage vault (``UserWebRequestStorageVault``).

        ``POST /api/v1/user/web/request-storage-vault`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.
        Servers before Comet 19.8.0 answer a ``CometAPIResponseMessage`` instead; it decodes
        into the newer type with the other fields empty.

        Args:
            storage_provider: ``str``.
            self_address: ``str``. Defaults to the client's base URL.
            device_id: ``str``. Optional: not sent when ``None``.
            profile_hash: ``str``. Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.RequestStorageVaultResponseMessage`.
        """
        return await self._call(
            _m.UserWebRequestStorageVault,
            {
                "StorageProvider": storage_provider,
                "SelfAddress": self_address,
                "DeviceID": device_id,
                "ProfileHash": profile_hash,
            },
        )

    async def user_web_request_storage_vault_providers(self) -> dict[str, str]:
        """User web request storage vault providers (``UserWebRequestStorageVaultProviders``).

        ``POST /api/v1/user/web/request-storage-vault-providers`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Read-only: retried on connection errors, timeouts and HTTP 5xx.

        Returns:
            Map of ``str`` to ``str``.
        """
        return await self._call(_m.UserWebRequestStorageVaultProviders, {})

    async def user_web_session_revoke(self) -> models.CometAPIResponseMessage:
        """User web session revoke (``UserWebSessionRevoke``).

        ``POST /api/v1/user/web/session/revoke`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(_m.UserWebSessionRevoke, {})

    async def user_web_session_start(self) -> models.SessionKeyRegeneratedResponse:
        """User web session start (``UserWebSessionStart``).

        ``POST /api/v1/user/web/session/start`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Returns:
            :class:`~aiocomet.models.SessionKeyRegeneratedResponse`.
        """
        return await self._call(_m.UserWebSessionStart, {})

    async def user_web_set_profile_hash(
        self, profile_data: models.UserProfileConfig, profile_hash: str
    ) -> models.GetProfileAndHashResponseMessage:
        """User web set profile hash (``UserWebSetProfileHash``).

        ``POST /api/v1/user/web/set-profile-hash`` - auth: user. Needs an end-user account
        (``account_type="user"``). The user account must have web access enabled. The server
        must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            profile_data: :class:`~aiocomet.models.UserProfileConfig`.
            profile_hash: ``str``.

        Returns:
            :class:`~aiocomet.models.GetProfileAndHashResponseMessage`.
        """
        return await self._call(
            _m.UserWebSetProfileHash, {"ProfileData": profile_data, "ProfileHash": profile_hash}
        )

    async def user_web_set_protected_item_with_backup_rules(
        self,
        source_id: str,
        *,
        require_hash: str | None = None,
        source: models.SourceConfig | None = None,
        backup_rules: dict[str, models.BackupRuleConfig] | None = None,
    ) -> models.CometAPIResponseMessage:
        """User web set protected item with backup rules (``UserWebSetProtectedItemWithBackupRules``).

        ``POST /api/v1/user/web/set-protected-item-with-backup-rules`` - auth: user. Needs an
        end-user account (``account_type="user"``). The user account must have web access
        enabled. The server must have these roles enabled: ``auth``.
        Not retried (except after HTTP 429): if it fails after being sent, the error has
        ``outcome_unknown=True``.

        Args:
            source_id: ``str``.
            require_hash: ``str``. Optional: not sent when ``None``.
            source: :class:`~aiocomet.models.SourceConfig`. Optional: not sent when ``None``.
            backup_rules: map of ``str`` to :class:`~aiocomet.models.BackupRuleConfig`.
                Optional: not sent when ``None``.

        Returns:
            :class:`~aiocomet.models.CometAPIResponseMessage`.
        """
        return await self._call(
            _m.UserWebSetProtectedItemWithBackupRules,
            {
                "SourceID": source_id,
                "RequireHash": require_hash,
                "Source": source,
                "BackupRules": backup_rules,
            },
        )
