"""Changes and matching modes, through the official Python SDK, against a running `ccsim serve`.

    python3 changes_flow.py http://127.0.0.1:PORT KEY

KEY is the server's access key (base64). Run it with the SDK that scripts/python-sdk.sh prepares
on PYTHONPATH (test/support/python-sdk.ts does).

Flow: a distribution policy and queues changes-a and changes-b; worker changer (capacity 1, queue
changes-a) is offered job changes-1, then moved to queue changes-b (the offer is revoked, the
job waits); the policy's offer expiry changes; job changes-2 is created suspended (no offer),
then asked to queue and match (offered to changer), while a bare SuspendMode() of the SDK,
which carries no kind, is refused; job changes-3 is scheduled for 2100 and found
by a listing of jobs scheduled before then; the queue's statistics are read; then every job is
cancelled and deleted, and the worker, queues and policy deleted.

Prints one JSON line per step on stdout: {"step": ..., "status": ...} plus what the step saw. Any
unexpected outcome ends the script with exit status 1 and a message on stderr naming the step;
status 2 is a usage error.
"""

import base64
import binascii
import datetime
import enum
import json
import sys

try:
    from azure.communication.jobrouter import (
        JobRouterAdministrationClient,
        JobRouterClient,
    )
    from azure.communication.jobrouter.models import (
        CancelJobOptions,
        LongestIdleMode,
        QueueAndMatchMode,
        RouterChannel,
        ScheduleAndSuspendMode,
        SuspendMode,
    )
    from azure.core.credentials import AzureKeyCredential
    from azure.core.exceptions import AzureError
except ImportError as error:
    sys.exit(
        f"changes_flow.py: cannot import the Job Router SDK ({error}); run "
        "scripts/python-sdk.sh and put the folder it prints on PYTHONPATH"
    )

API_VERSION = "2023-11-01"
POLICY_ID = "changes-policy"
WORKER_ID = "changer"
CHANNEL_ID = "voice"
JOBS = ("changes-1", "changes-2", "changes-3")
SCHEDULE_AT = datetime.datetime(2100, 1, 1, tzinfo=datetime.timezone.utc)
# SDK 1.1.0b2's SuspendMode() and QueueAndMatchMode() serialize as {} (their classes never set
# their kind, unlike ScheduleAndSuspendMode); ccsim refuses a mode without a kind (400, naming
# matchingMode.kind), so the kind is given. docs/serve-clients.md says so.
SUSPEND = SuspendMode(kind="suspend")
QUEUE_AND_MATCH = QueueAndMatchMode(kind="queueAndMatch")


class FlowFailed(Exception):
    pass


def text(value):
    """An SDK enum or string as plain text."""
    return value.value if isinstance(value, enum.Enum) else value


def report(step, status, **details):
    print(json.dumps({"step": step, "status": status, **details}), flush=True)


def expect(step, condition, message):
    if not condition:
        raise FlowFailed(f"{step}: {message}")


def run(endpoint, key):
    # No retries, and socket limits: a failure fails its step at once, a silent server cannot
    # hang the script.
    settings = dict(api_version=API_VERSION, retry_total=0, connection_timeout=5, read_timeout=15)
    client = JobRouterClient(endpoint, AzureKeyCredential(key), **settings)
    administration = JobRouterAdministrationClient(endpoint, AzureKeyCredential(key), **settings)

    administration.upsert_distribution_policy(
        POLICY_ID, offer_expires_after_seconds=60, mode=LongestIdleMode()
    )
    for queue_id in ("changes-a", "changes-b"):
        administration.upsert_queue(queue_id, distribution_policy_id=POLICY_ID)
    client.upsert_worker(
        WORKER_ID,
        capacity=1,
        queues=["changes-a"],
        channels=[RouterChannel(channel_id=CHANNEL_ID, capacity_cost_per_job=1)],
        available_for_offers=True,
    )
    client.upsert_job("changes-1", channel_id=CHANNEL_ID, queue_id="changes-a", priority=1)
    offered = [offer.job_id for offer in client.get_worker(WORKER_ID).offers or []]
    expect("offered", offered == ["changes-1"], f"offers {offered}")
    report("offered", "active", offers=offered)

    moved = client.upsert_worker(WORKER_ID, queues=["changes-b"])
    expect("worker_moved", moved.queues == ["changes-b"], f"queues {moved.queues}")
    expect("worker_moved", not moved.offers, f"offers {moved.offers}")
    left = text(client.get_job("changes-1").status)
    expect("worker_moved", left == "queued", f"changes-1 is {left}")
    report("worker_moved", text(moved.state), queues=moved.queues, jobLeft=left)

    changed = administration.upsert_distribution_policy(POLICY_ID, offer_expires_after_seconds=90)
    expect("policy_changed", changed.offer_expires_after_seconds == 90, f"{dict(changed)}")
    report("policy_changed", 200, offerExpiresAfterSeconds=changed.offer_expires_after_seconds)

    held = client.upsert_job(
        "changes-2",
        channel_id=CHANNEL_ID,
        queue_id="changes-b",
        priority=1,
        matching_mode=SUSPEND,
    )
    expect("suspended", text(held.status) == "waitingForActivation", f"status {held.status}")
    expect("suspended", not client.get_worker(WORKER_ID).offers, "an offer for a suspended job")
    report("suspended", text(held.status), kind=text(held.matching_mode.kind))

    bare = dict(SuspendMode())
    expect("sdk_suspend_mode", bare == {}, f"SuspendMode() now serializes as {bare}")
    try:
        client.upsert_job(
            "changes-4", channel_id=CHANNEL_ID, queue_id="changes-b", matching_mode=SuspendMode()
        )
        raise FlowFailed("sdk_suspend_mode: a matching mode without a kind was accepted")
    except AzureError as error:
        status = getattr(error, "status_code", None)
        expect("sdk_suspend_mode", status == 400, f"answered {status}")
    report("sdk_suspend_mode_refused", 400)

    resumed = client.upsert_job("changes-2", matching_mode=QUEUE_AND_MATCH)
    offers = [offer.job_id for offer in client.get_worker(WORKER_ID).offers or []]
    expect("resumed", text(resumed.status) == "queued", f"status {resumed.status}")
    expect("resumed", offers == ["changes-2"], f"offers {offers}")
    report("resumed", text(resumed.status), offers=offers)

    scheduled = client.upsert_job(
        "changes-3",
        channel_id=CHANNEL_ID,
        queue_id="changes-b",
        priority=1,
        matching_mode=ScheduleAndSuspendMode(schedule_at=SCHEDULE_AT),
    )
    expect("scheduled", text(scheduled.status) == "scheduled", f"status {scheduled.status}")
    schedule_at = scheduled.matching_mode.schedule_at
    expect("scheduled", schedule_at == SCHEDULE_AT, f"scheduleAt {schedule_at}")
    report("scheduled", text(scheduled.status), scheduleAt=schedule_at.isoformat())

    listed = [
        job.id
        for job in client.list_jobs(
            status="scheduled", scheduled_before=SCHEDULE_AT + datetime.timedelta(days=1)
        )
    ]
    expect("listed_scheduled", listed == ["changes-3"], f"listed {listed}")
    report("listed_scheduled", 200, jobs=listed)

    statistics = client.get_queue_statistics("changes-b")
    estimates = dict(statistics.estimated_wait_time_minutes or {})
    report("queue_statistics", 200, length=statistics.length, estimates=estimates)

    for job_id in JOBS:
        client.cancel_job(job_id, CancelJobOptions(disposition_code="CleanUp"))
        client.delete_job(job_id)
    client.delete_worker(WORKER_ID)
    for queue_id in ("changes-a", "changes-b"):
        administration.delete_queue(queue_id)
    administration.delete_distribution_policy(POLICY_ID)
    report("cleaned_up", 204)


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    endpoint, key = argv[1], argv[2]
    try:
        base64.b64decode(key, validate=True)
    except binascii.Error:
        print(f"changes_flow.py: KEY must be base64 text (got {key!r})", file=sys.stderr)
        return 2
    try:
        run(endpoint, key)
    except FlowFailed as failure:
        print(f"changes_flow.py: {failure}", file=sys.stderr)
        return 1
    except AzureError as error:
        print(f"changes_flow.py: the service refused a call: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
