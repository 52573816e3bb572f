"""The Job Router quickstart, through the official Python SDK, against a running `ccsim serve`.

    python3 quickstart_flow.py http://127.0.0.1:PORT KEY

KEY is the server's access key (base64). Run it with the SDK that scripts/python-sdk.sh prepares
on PYTHONPATH (test/support/python-sdk.ts does).

Flow: with the administration client, upsert a distribution policy `longest-idle` (longest idle,
offers expire after 60 s) and a queue `support` on it (created, or found unchanged when the
server already holds them); then register worker agent-1 (capacity 1, queue support, channel
voice), create job-1, wait for the offer, accept it, read the job (assigned), complete, close,
read it (closed), delete it; then job-2, whose offer is declined (the job stays queued), and
job-3, updated with its ETag, refused with a stale one (412) and cancelled; then job-4, accepted and unassigned three times (each time offered again and
accepted), whose fourth unassign is refused (400: at most three); finally the jobs left are
ended and deleted, leaving no job behind.

Prints one JSON line per step on stdout: {"step": ..., "status": ...} where status is the
job's status, the worker's state or the HTTP status of a call that returns nothing, plus what
the step learned (offer id, assignment id...). Any unexpected outcome ends the script with
exit status 1 and a message on stderr naming the step; status 2 is a usage error.
"""

import base64
import binascii
import enum
import json
import sys
import time

try:
    from azure.communication.jobrouter import (
        JobRouterAdministrationClient,
        JobRouterClient,
    )
    from azure.communication.jobrouter.models import (
        CancelJobOptions,
        CloseJobOptions,
        CompleteJobOptions,
        DeclineJobOfferOptions,
        LongestIdleMode,
        RouterChannel,
    )
    from azure.core import MatchConditions
    from azure.core.credentials import AzureKeyCredential
    from azure.core.exceptions import (
        AzureError,
        HttpResponseError,
        ResourceModifiedError,
        ServiceRequestError,
    )
except ImportError as error:
    sys.exit(
        f"quickstart_flow.py: cannot import the Job Router SDK ({error}); run "
        "scripts/python-sdk.sh and put the folder it prints on PYTHONPATH"
    )

API_VERSION = "2023-11-01"
POLICY_ID = "longest-idle"
WORKER_ID = "agent-1"
QUEUE_ID = "support"
CHANNEL_ID = "voice"
# Offers reach a worker a moment after the job is created (0.3 to 1 s on the live service):
# poll, at most OFFER_POLLS times OFFER_POLL_SECONDS apart.
OFFER_POLLS = 50
OFFER_POLL_SECONDS = 0.1


class FlowFailed(Exception):
    """An outcome the flow did not expect; the message says what."""


def text(value):
    """An SDK enum (a str subclass whose str() is its Python name) as its wire value."""
    return value.value if isinstance(value, enum.Enum) else value


def report(step, status, **details):
    print(json.dumps({"step": step, "status": text(status), **details}), flush=True)


class Flow:
    def __init__(self, endpoint, key):
        self.endpoint = endpoint
        # No retries: a failed request fails its step at once instead of being retried with
        # back-off, and the socket limits keep a silent server from hanging the script.
        settings = dict(
            api_version=API_VERSION, retry_total=0, connection_timeout=5, read_timeout=15
        )
        self.client = JobRouterClient(endpoint, AzureKeyCredential(key), **settings)
        self.administration = JobRouterAdministrationClient(
            endpoint, AzureKeyCredential(key), **settings
        )
        self.http_status = None

    def call(self, method, *args, **kwargs):
        """Calls a method of the Job Router client, remembering the HTTP status of its response
        (the methods that return nothing, such as complete_job, leave no other trace of it)."""
        return self.call_on(self.client, method, *args, **kwargs)

    def call_on(self, client, method, *args, **kwargs):
        self.http_status = None

        def remember(pipeline_response):
            self.http_status = pipeline_response.http_response.status_code

        return getattr(client, method)(*args, raw_response_hook=remember, **kwargs)

    def accept(self, step, job_id):
        """Waits for the worker's offer of the job and accepts it; the assignment's id."""
        offer_id = self.wait_for_offer(f"{step}_offer", job_id)
        accepted = self.call("accept_job_offer", WORKER_ID, offer_id)
        if accepted.job_id != job_id or not accepted.assignment_id:
            raise FlowFailed(f"accept returned {dict(accepted)}")
        report(step, self.http_status, jobId=job_id, assignmentId=accepted.assignment_id)
        return accepted.assignment_id

    def expect_job_status(self, step, job_id, expected):
        job = self.call("get_job", job_id)
        status = text(job.status)
        if status not in expected:
            raise FlowFailed(f"{job_id} has status {status!r}, expected {' or '.join(expected)}")
        report(step, status, jobId=job_id)
        return job

    def expect_http(self, step, expected, **details):
        if self.http_status != expected:
            raise FlowFailed(f"HTTP status {self.http_status}, expected {expected}")
        report(step, self.http_status, **details)

    def create_job(self, step, job_id):
        job = self.call(
            "upsert_job",
            job_id,
            channel_id=CHANNEL_ID,
            queue_id=QUEUE_ID,
            priority=1,
        )
        # The service answers before matching: `created` now, `queued` a moment later.
        status = text(job.status)
        if status not in ("created", "queued", "assigned"):
            raise FlowFailed(f"{job_id} was created with status {status!r}")
        report(step, status, jobId=job_id, httpStatus=self.http_status)

    def wait_for_offer(self, step, job_id):
        for poll in range(1, OFFER_POLLS + 1):
            worker = self.call("get_worker", WORKER_ID)
            offers = [offer for offer in worker.offers or [] if offer.job_id == job_id]
            if offers:
                offer = offers[0]
                report(
                    step,
                    worker.state,
                    jobId=job_id,
                    offerId=offer.offer_id,
                    capacityCost=offer.capacity_cost,
                    polls=poll,
                )
                return offer.offer_id
            time.sleep(OFFER_POLL_SECONDS)
        raise FlowFailed(
            f"{WORKER_ID} had no offer for {job_id} after {OFFER_POLLS} reads "
            f"{OFFER_POLL_SECONDS} s apart (its offers: {[o.job_id for o in worker.offers or []]})"
        )

    def run(self):
        step = "upsert_distribution_policy"
        try:
            policy = self.call_on(
                self.administration,
                "upsert_distribution_policy",
                POLICY_ID,
                name="Longest idle",
                offer_expires_after_seconds=60,
                mode=LongestIdleMode(),
            )
            if policy.offer_expires_after_seconds != 60:
                raise FlowFailed(f"the policy came back as {dict(policy)}")
            report(step, self.http_status, distributionPolicyId=policy.id)
            step = "upsert_queue"
            queue = self.call_on(
                self.administration,
                "upsert_queue",
                QUEUE_ID,
                distribution_policy_id=POLICY_ID,
                name="Support",
                labels=None,
                exception_policy_id=None,
            )
            if queue.distribution_policy_id != POLICY_ID:
                raise FlowFailed(f"the queue came back as {dict(queue)}")
            report(step, self.http_status, queueId=queue.id)

            step = "upsert_worker"
            worker = self.call(
                "upsert_worker",
                WORKER_ID,
                capacity=1,
                queues=[QUEUE_ID],
                channels=[RouterChannel(channel_id=CHANNEL_ID, capacity_cost_per_job=1)],
                available_for_offers=True,
            )
            if text(worker.state) != "active":
                raise FlowFailed(f"{WORKER_ID} is {text(worker.state)!r}, expected 'active'")
            report(step, worker.state, workerId=WORKER_ID, httpStatus=self.http_status)

            # job-1: offered, accepted, completed, closed, deleted.
            step = "create_job"
            self.create_job(step, "job-1")
            step = "wait_for_offer"
            offer_id = self.wait_for_offer(step, "job-1")
            step = "accept_job_offer"
            accepted = self.call("accept_job_offer", WORKER_ID, offer_id)
            if accepted.job_id != "job-1" or not accepted.assignment_id:
                raise FlowFailed(f"accept returned {dict(accepted)}")
            report(
                step,
                self.http_status,
                jobId=accepted.job_id,
                workerId=accepted.worker_id,
                assignmentId=accepted.assignment_id,
            )
            assignment_id = accepted.assignment_id
            step = "get_job_assigned"
            job = self.expect_job_status(step, "job-1", ["assigned"])
            if assignment_id not in (job.assignments or {}):
                raise FlowFailed(f"job-1's assignments lack {assignment_id}")
            step = "complete_job"
            self.call(
                "complete_job",
                "job-1",
                assignment_id,
                CompleteJobOptions(note="done by the quickstart"),
            )
            self.expect_http(step, 200, jobId="job-1")
            step = "close_job"
            self.call(
                "close_job",
                "job-1",
                assignment_id,
                CloseJobOptions(disposition_code="Resolved", note="closed by the quickstart"),
            )
            self.expect_http(step, 200, jobId="job-1")
            step = "get_job_closed"
            job = self.expect_job_status(step, "job-1", ["closed"])
            step = "delete_job"
            self.call("delete_job", "job-1")
            self.expect_http(step, 204, jobId="job-1")

            # job-2: its offer is declined; without retryOfferAt it is not offered to this
            # worker again and stays queued.
            step = "create_job_2"
            self.create_job(step, "job-2")
            step = "wait_for_offer_2"
            offer_id = self.wait_for_offer(step, "job-2")
            step = "decline_job_offer"
            self.call("decline_job_offer", WORKER_ID, offer_id, DeclineJobOfferOptions())
            self.expect_http(step, 200, jobId="job-2", offerId=offer_id)
            step = "get_job_declined"
            self.expect_job_status(step, "job-2", ["queued"])

            # job-3: updated with its ETag (If-Match), refused with a stale one (412), then
            # cancelled (whether or not it was offered by then).
            step = "create_job_3"
            self.create_job(step, "job-3")
            step = "update_job_3_if_match"
            first = self.call("get_job", "job-3")
            updated = self.call(
                "upsert_job",
                "job-3",
                priority=5,
                etag=first.etag,
                match_condition=MatchConditions.IfNotModified,
            )
            if updated.priority != 5 or updated.etag == first.etag:
                raise FlowFailed(f"the update with If-Match came back as {dict(updated)}")
            report(step, self.http_status, jobId="job-3")
            step = "update_job_3_stale_refused"
            try:
                self.call(
                    "upsert_job",
                    "job-3",
                    priority=6,
                    etag=first.etag,
                    match_condition=MatchConditions.IfNotModified,
                )
                raise FlowFailed("an update with a stale ETag was accepted")
            except ResourceModifiedError as error:
                report(step, error.status_code, jobId="job-3")
            step = "cancel_job"
            cancel = CancelJobOptions(disposition_code="CustomerHungUp", note="cancelled")
            self.call("cancel_job", "job-3", cancel)
            self.expect_http(step, 200, jobId="job-3")
            step = "get_job_cancelled"
            self.expect_job_status(step, "job-3", ["cancelled"])
            step = "delete_job_3"
            self.call("delete_job", "job-3")
            self.expect_http(step, 204, jobId="job-3")

            # job-4: unassigned three times, each time offered again and accepted; the fourth
            # unassign is refused.
            step = "create_job_4"
            self.create_job(step, "job-4")
            for count in range(1, 4):
                step = f"accept_{count}"
                assignment_id = self.accept(step, "job-4")
                step = f"unassign_{count}"
                result = self.call("unassign_job", "job-4", assignment_id)
                if result.unassignment_count != count:
                    raise FlowFailed(f"unassignmentCount {result.unassignment_count}, expected {count}")
                report(step, self.http_status, jobId="job-4", unassignmentCount=count)
            step = "accept_4"
            assignment_id = self.accept(step, "job-4")
            step = "unassign_4_refused"
            try:
                self.call("unassign_job", "job-4", assignment_id)
                raise FlowFailed("a fourth unassign was accepted")
            except HttpResponseError as error:
                if error.status_code != 400:
                    raise
                report(step, error.status_code, jobId="job-4")
            step = "complete_job_4"
            self.call("complete_job", "job-4", assignment_id)
            self.expect_http(step, 200, jobId="job-4")
            step = "close_job_4"
            self.call("close_job", "job-4", assignment_id)
            self.expect_http(step, 200, jobId="job-4")
            step = "delete_job_4"
            self.call("delete_job", "job-4")
            self.expect_http(step, 204, jobId="job-4")

            # Listing, one job a page: the client follows the server's nextLink.
            step = "list_jobs_paged"
            self.create_job("create_job_5", "job-5")
            pages = [
                [job.id for job in page]
                for page in self.client.list_jobs(results_per_page=1, status="queued").by_page()
            ]
            if pages != [["job-5"], ["job-2"]]:
                raise FlowFailed(f"listed {pages}, expected [['job-5'], ['job-2']] (newest first)")
            report(step, 200, pages=pages)
            step = "cancel_job_5"
            self.call("cancel_job", "job-5")
            self.expect_http(step, 200, jobId="job-5")
            step = "delete_job_5"
            self.call("delete_job", "job-5")
            self.expect_http(step, 204, jobId="job-5")

            # Leave nothing behind: the declined job-2 is cancelled (no options: no body) and
            # deleted.
            step = "cancel_job_2"
            self.call("cancel_job", "job-2")
            self.expect_http(step, 200, jobId="job-2")
            step = "delete_job_2"
            self.call("delete_job", "job-2")
            self.expect_http(step, 204, jobId="job-2")
        except ServiceRequestError as error:
            # The request never got an answer: nothing listening, or the connection failed.
            fail(step, f"no answer from {self.endpoint}: is ccsim serve running? ({error})")
        except AzureError as error:
            status = getattr(getattr(error, "response", None), "status_code", None)
            fail(step, f"{type(error).__name__} (HTTP {status}): {error}")
        except FlowFailed as error:
            fail(step, str(error))


def fail(step, message):
    print(f"quickstart_flow.py: step {step} failed: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def main(argv):
    if len(argv) != 3 or not argv[1].startswith(("http://", "https://")):
        print(
            "usage: quickstart_flow.py http://127.0.0.1:PORT KEY (the server's base64 access key)",
            file=sys.stderr,
        )
        return 2
    try:
        # The SDK decodes the key only when it signs the first request: say it here instead.
        base64.b64decode(argv[2], validate=True)
    except binascii.Error:
        print(f"quickstart_flow.py: the key {argv[2]!r} is not base64", file=sys.stderr)
        return 2
    Flow(argv[1], argv[2]).run()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
