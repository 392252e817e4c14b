"""Stateful job methods: job history, search, properties, logs and cancelling.

Admin methods see every user's jobs; the ``UserWeb*`` variants see only the
caller's own. Registered into the handler table of :mod:`._handlers`.
"""

from __future__ import annotations

from typing import Any

from .._generated.models import CountJobsResponse
from ._handlers import Call, StatefulAPI, stateful
from ._search import search_jobs

# -- jobs ----------


@stateful("AdminGetJobsRecent")
def _jobs_recent(api: StatefulAPI, call: Call) -> Any:
    return api.state.jobs_recent()


@stateful("AdminGetJobsAll")
def _jobs_all(api: StatefulAPI, call: Call) -> Any:
    return list(api.state.jobs.values())


@stateful("AdminGetJobsForDateRange")
def _jobs_range(api: StatefulAPI, call: Call) -> Any:
    return api.state.jobs_in_range(call.values["Start"], call.values["End"])


@stateful("AdminGetJobsForUser")
def _jobs_user(api: StatefulAPI, call: Call) -> Any:
    return api.state.jobs_for_user(call.values["TargetUser"])


@stateful("AdminGetJobsForCustomSearch")
def _jobs_search(api: StatefulAPI, call: Call) -> Any:
    return search_jobs(call.values["Query"], api.state.jobs.values())


@stateful("AdminCountJobsForCustomSearch")
def _jobs_search_count(api: StatefulAPI, call: Call) -> Any:
    return CountJobsResponse(Count=len(search_jobs(call.values["Query"], api.state.jobs.values())))


@stateful("AdminGetJobProperties")
def _job_props(api: StatefulAPI, call: Call) -> Any:
    return api.state.job(call.values["JobID"])


@stateful("AdminGetJobLog")
def _job_log(api: StatefulAPI, call: Call) -> Any:
    return api.state.job_log(call.values["JobID"])


@stateful("AdminJobCancel")
def _job_cancel(api: StatefulAPI, call: Call) -> Any:
    return api.cancel_job(call.values["JobID"], call.values["TargetUser"], call.actor)


# -- end-user methods ----------


@stateful("UserWebGetJobs")
def _user_jobs(api: StatefulAPI, call: Call) -> Any:
    return api.state.jobs_for_user(call.who.username)


@stateful("UserWebGetJobsForCustomSearch")
def _user_jobs_search(api: StatefulAPI, call: Call) -> Any:
    return search_jobs(call.values["Query"], api.state.jobs_for_user(call.who.username))


@stateful("UserWebGetJobProperties")
def _user_job(api: StatefulAPI, call: Call) -> Any:
    return api.state.job(call.values["JobID"], call.who.username)


@stateful("UserWebGetJobLog")
def _user_job_log(api: StatefulAPI, call: Call) -> Any:
    return api.state.job_log(call.values["JobID"], call.who.username)


@stateful("UserWebJobCancel")
def _user_job_cancel(api: StatefulAPI, call: Call) -> Any:
    return api.cancel_job(call.values["JobID"], call.who.username, call.actor)
