"""The account.cometbackup.com API: endpoint table and one method each.

GENERATED CODE - DO NOT EDIT. Regenerate with ``python scripts/generate.py``.
Source: account-api.json sha256 4c427aaa08bc73df81097e46972c6b61382712316c8f52a3b23c1de2da8b1bef (spec_format 1), shipped with the spec.json of comet_version 25.9.8.
"""

from __future__ import annotations

import os
from typing import Any, Final, Literal, overload

from .._api_base import APIBase, DownloadStream
from .._methodspec import MethodSpec, ParamSpec

DEFAULT_BASE_URL: Final = "https://account.cometbackup.com"
AUTH_TYPE_PARAM: Final = "authType"
PASSWORD_AUTH_TYPE: Final = "password"
PASSWORD_AUTH_PARAMS: Final = ("email", "password")
TokenAuthType = Literal["apiToken", "authToken"]
"""The token ``authType`` values; the guide spells it both ways."""

TOKEN_AUTH_PARAMS: Final[dict[str, str]] = {
    "apiToken": "apiToken",
    "authToken": "authToken",
}
"""Token ``authType`` value -> the form param carrying the token."""


LicenseRelax: Final[MethodSpec[str]] = MethodSpec(
    name="LicenseRelax",
    python_name="license_relax",
    http_method="POST",
    path="/api/v1/license/relax",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(ParamSpec("serial", "serial", "string", "raw", False, str),),
    returns="text/plain",
    returns_bytes=False,
    decode_type=str,
    read_only=False,
)

LicenseCreate: Final[MethodSpec[str]] = MethodSpec(
    name="LicenseCreate",
    python_name="license_create",
    http_method="POST",
    path="/api/v1/license/create",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(ParamSpec("target_name", "target_name", "string", "raw", True, str),),
    returns="text/plain",
    returns_bytes=False,
    decode_type=str,
    read_only=False,
)

LicenseArchive: Final[MethodSpec[str]] = MethodSpec(
    name="LicenseArchive",
    python_name="license_archive",
    http_method="POST",
    path="/api/v1/license/archive",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(ParamSpec("serial", "serial", "string", "raw", False, str),),
    returns="text/plain",
    returns_bytes=False,
    decode_type=str,
    read_only=False,
)

LicenseListAll: Final[MethodSpec[Any]] = MethodSpec(
    name="LicenseListAll",
    python_name="license_list_all",
    http_method="POST",
    path="/api/v1/license/list_all",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(),
    returns="application/json",
    returns_bytes=False,
    decode_type=Any,
    read_only=True,
)

ReportActiveServices: Final[MethodSpec[Any]] = MethodSpec(
    name="ReportActiveServices",
    python_name="report_active_services",
    http_method="POST",
    path="/api/v1/report/active_services",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(ParamSpec("format", "format", "string", "raw", False, Literal["csv", "json", "xlsx"]),),
    returns="by format: csv=text/csv, json=application/json, xlsx=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    returns_bytes=False,
    decode_type=Any,
    read_only=True,
)

ReportBillingHistory: Final[MethodSpec[Any]] = MethodSpec(
    name="ReportBillingHistory",
    python_name="report_billing_history",
    http_method="POST",
    path="/api/v1/report/billing_history",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(ParamSpec("format", "format", "string", "raw", False, Literal["csv", "json", "xlsx"]),),
    returns="by format: csv=text/csv, json=application/json, xlsx=application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    returns_bytes=False,
    decode_type=Any,
    read_only=True,
)

LatestVersion: Final[MethodSpec[Any]] = MethodSpec(
    name="LatestVersion",
    python_name="latest_version",
    http_method="GET",
    path="/latestversion",
    content_type="",
    auth="none",
    params=(),
    returns="application/json",
    returns_bytes=False,
    decode_type=Any,
    read_only=True,
)

DownloadsList: Final[MethodSpec[Any]] = MethodSpec(
    name="DownloadsList",
    python_name="downloads_list",
    http_method="POST",
    path="/api/v1/downloads/list",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(),
    returns="application/json",
    returns_bytes=False,
    decode_type=Any,
    read_only=True,
)

DownloadsGet: Final[MethodSpec[bytes]] = MethodSpec(
    name="DownloadsGet",
    python_name="downloads_get",
    http_method="POST",
    path="/api/v1/downloads/get",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(
        ParamSpec("version_key", "version_key", "string", "raw", False, str),
        ParamSpec(
            "platform",
            "platform",
            "string",
            "raw",
            False,
            Literal[
                "download_windows", "download_linux_deb", "download_linux_rpm", "download_linux_tar"
            ],
        ),
    ),
    returns="application/octet-stream",
    returns_bytes=True,
    decode_type=bytes,
    read_only=True,
)

CometGoCreate: Final[MethodSpec[dict[str, Any]]] = MethodSpec(
    name="CometGoCreate",
    python_name="comet_go_create",
    http_method="POST",
    path="/api/v1/cometgo",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(
        ParamSpec("region", "region", "string", "raw", False, str),
        ParamSpec("subdomain", "subdomain", "string", "raw", False, str),
        ParamSpec("server_name", "server_name", "string", "raw", False, str),
    ),
    returns="application/json",
    returns_bytes=False,
    decode_type=dict[str, Any],
    read_only=False,
)

CometGoStatus: Final[MethodSpec[dict[str, Any]]] = MethodSpec(
    name="CometGoStatus",
    python_name="comet_go_status",
    http_method="POST",
    path="/api/v1/cometgo/status",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(ParamSpec("hosted_server_id", "hosted_server_id", "string", "raw", False, str),),
    returns="application/json",
    returns_bytes=False,
    decode_type=dict[str, Any],
    read_only=True,
)

CometGoTerminate: Final[MethodSpec[dict[str, Any]]] = MethodSpec(
    name="CometGoTerminate",
    python_name="comet_go_terminate",
    http_method="POST",
    path="/api/v1/cometgo/terminate",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(ParamSpec("hosted_server_id", "hosted_server_id", "string", "raw", False, str),),
    returns="application/json",
    returns_bytes=False,
    decode_type=dict[str, Any],
    read_only=False,
)

CometGoList: Final[MethodSpec[dict[str, Any]]] = MethodSpec(
    name="CometGoList",
    python_name="comet_go_list",
    http_method="POST",
    path="/api/v1/cometgo/list",
    content_type="application/x-www-form-urlencoded",
    auth="admin",
    params=(
        ParamSpec("offset", "offset", "int", "json", True, int),
        ParamSpec("limit", "limit", "int", "json", True, int),
    ),
    returns="application/json",
    returns_bytes=False,
    decode_type=dict[str, Any],
    read_only=True,
)

ENDPOINTS: Final[dict[str, MethodSpec[Any]]] = {
    "LicenseRelax": LicenseRelax,
    "LicenseCreate": LicenseCreate,
    "LicenseArchive": LicenseArchive,
    "LicenseListAll": LicenseListAll,
    "ReportActiveServices": ReportActiveServices,
    "ReportBillingHistory": ReportBillingHistory,
    "LatestVersion": LatestVersion,
    "DownloadsList": DownloadsList,
    "DownloadsGet": DownloadsGet,
    "CometGoCreate": CometGoCreate,
    "CometGoStatus": CometGoStatus,
    "CometGoTerminate": CometGoTerminate,
    "CometGoList": CometGoList,
}
"""Every endpoint; ``auth="admin"`` means the account credentials are sent."""

RESPONSE_TYPES: Final[dict[str, dict[str, str]]] = {
    "LicenseRelax": {"": "text/plain"},
    "LicenseCreate": {"": "text/plain"},
    "LicenseArchive": {"": "text/plain"},
    "LicenseListAll": {"": "application/json"},
    "ReportActiveServices": {
        "csv": "text/csv",
        "json": "application/json",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
    "ReportBillingHistory": {
        "csv": "text/csv",
        "json": "application/json",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    },
    "LatestVersion": {"": "application/json"},
    "DownloadsList": {"": "application/json"},
    "DownloadsGet": {"": "application/octet-stream"},
    "CometGoCreate": {"": "application/json"},
    "CometGoStatus": {"": "application/json"},
    "CometGoTerminate": {"": "application/json"},
    "CometGoList": {"": "application/json"},
}
"""2xx content type by ``format`` ("" when it does not matter)."""


class GeneratedAccountAPI(APIBase):
    """Every account.cometbackup.com endpoint (from account-api.json)."""

    async def license_relax(self, serial: str) -> str:
        """License relax (``LicenseRelax``).

        ``POST /api/v1/license/relax`` - auth: account credentials
        Returns the ``text/plain`` body as ``str``, surrounding whitespace removed.
        Legacy alias (avoid): ``POST /api/v1/relax_license``.
        """
        return await self._call(LicenseRelax, {"serial": serial})

    async def license_create(self, *, target_name: str | None = None) -> str:
        """License create (``LicenseCreate``).

        ``POST /api/v1/license/create`` - auth: account credentials
        Returns the ``text/plain`` body as ``str``, surrounding whitespace removed.
        Legacy alias (avoid): ``POST /api/v1/create_license``.
        """
        return await self._call(LicenseCreate, {"target_name": target_name})

    async def license_archive(self, serial: str) -> str:
        """License archive (``LicenseArchive``).

        ``POST /api/v1/license/archive`` - auth: account credentials
        Returns the ``text/plain`` body as ``str``, surrounding whitespace removed.
        Legacy alias (avoid): ``POST /api/v1/archive_license``.
        """
        return await self._call(LicenseArchive, {"serial": serial})

    async def license_list_all(self) -> Any:
        """License list all (``LicenseListAll``).

        ``POST /api/v1/license/list_all`` - auth: account credentials
        Returns the decoded JSON body.
        """
        return await self._call(LicenseListAll, {})

    @overload
    async def report_active_services(self, format: Literal["csv", "xlsx"]) -> bytes: ...

    @overload
    async def report_active_services(self, format: Literal["json"]) -> Any: ...

    async def report_active_services(self, format: Literal["csv", "json", "xlsx"]) -> Any:
        """Report active services (``ReportActiveServices``).

        ``POST /api/v1/report/active_services`` - auth: account credentials
        Returns the decoded JSON for format ``json``, the raw body (``bytes``) for ``csv``, ``xlsx``.
        """
        return await self._call(ReportActiveServices, {"format": format})

    @overload
    async def report_billing_history(self, format: Literal["csv", "xlsx"]) -> bytes: ...

    @overload
    async def report_billing_history(self, format: Literal["json"]) -> Any: ...

    async def report_billing_history(self, format: Literal["csv", "json", "xlsx"]) -> Any:
        """Report billing history (``ReportBillingHistory``).

        ``POST /api/v1/report/billing_history`` - auth: account credentials
        Returns the decoded JSON for format ``json``, the raw body (``bytes``) for ``csv``, ``xlsx``.
        """
        return await self._call(ReportBillingHistory, {"format": format})

    async def latest_version(self) -> Any:
        """Latest version (``LatestVersion``).

        ``GET /latestversion`` - auth: none
        Returns the decoded JSON body.
        """
        return await self._call(LatestVersion, {})

    async def downloads_list(self) -> Any:
        """Downloads list (``DownloadsList``).

        ``POST /api/v1/downloads/list`` - auth: account credentials
        Returns the decoded JSON body.
        """
        return await self._call(DownloadsList, {})

    def downloads_get_stream(
        self,
        version_key: str,
        platform: Literal[
            "download_windows", "download_linux_deb", "download_linux_rpm", "download_linux_tar"
        ],
    ) -> DownloadStream:
        """Downloads get (``DownloadsGet``).

        ``POST /api/v1/downloads/get`` - auth: account credentials
        Streamed in chunks: ``async with`` it, then iterate or ``save()``.
        """
        return self._stream(DownloadsGet, {"version_key": version_key, "platform": platform})

    async def downloads_get_save(
        self,
        version_key: str,
        platform: Literal[
            "download_windows", "download_linux_deb", "download_linux_rpm", "download_linux_tar"
        ],
        path: str | os.PathLike[str],
    ) -> int:
        """Stream ``DownloadsGet`` to ``path`` chunk by chunk; returns the bytes written.

        A partial file is removed if the download fails.
        """
        return await self._stream(
            DownloadsGet, {"version_key": version_key, "platform": platform}
        ).save(path)

    async def comet_go_create(
        self, region: str, subdomain: str, server_name: str
    ) -> dict[str, Any]:
        """Comet go create (``CometGoCreate``).

        ``POST /api/v1/cometgo`` - auth: account credentials
        Returns the decoded JSON body.
        """
        return await self._call(
            CometGoCreate, {"region": region, "subdomain": subdomain, "server_name": server_name}
        )

    async def comet_go_status(self, hosted_server_id: str) -> dict[str, Any]:
        """Comet go status (``CometGoStatus``).

        ``POST /api/v1/cometgo/status`` - auth: account credentials
        The guide lists no auth params here; the account credentials are sent.
        Returns the decoded JSON body.
        """
        return await self._call(CometGoStatus, {"hosted_server_id": hosted_server_id})

    async def comet_go_terminate(self, hosted_server_id: str) -> dict[str, Any]:
        """Comet go terminate (``CometGoTerminate``).

        ``POST /api/v1/cometgo/terminate`` - auth: account credentials
        The guide lists no auth params here; the account credentials are sent.
        Returns the decoded JSON body.
        """
        return await self._call(CometGoTerminate, {"hosted_server_id": hosted_server_id})

    async def comet_go_list(
        self, *, offset: int | None = None, limit: int | None = None
    ) -> dict[str, Any]:
        """Comet go list (``CometGoList``).

        ``POST /api/v1/cometgo/list`` - auth: account credentials
        The guide lists no auth params here; the account credentials are sent.
        Returns the decoded JSON body.
        Server defaults: offset=0, limit=100.
        """
        return await self._call(CometGoList, {"offset": offset, "limit": limit})
