"""The Job Router quickstart with the official Python SDK, against `ccsim serve`.

    npx ccsim serve --clock manual --key Y2NzaW0tcmVhZG1lLWtleQ==
    PYTHONPATH=.cache/python-sdk python3 docs/examples/serve/quickstart.py http://127.0.0.1:8088 Y2NzaW0tcmVhZG1lLWtleQ==

The README shows this session and its output; test/serve/python-sdk-flow.test.ts runs it and
compares what it prints with the README, so the two cannot drift apart.
"""

import sys

from azure.communication.jobrouter import JobRouterAdministrationClient, JobRouterClient
from azure.communication.jobrouter.models import (
    CloseJobOptions,
    LongestIdleMode,
    RouterChannel,
    RouterWorkerSelector,
)
from azure.core.credentials import AzureKeyCredential

endpoint, key = sys.argv[1], AzureKeyCredential(sys.argv[2])
administration = JobRouterAdministrationClient(endpoint, key, api_version="2023-11-01")
client = JobRouterClient(endpoint, key, api_version="2023-11-01")

policy = administration.upsert_distribution_policy(
    "distribution-policy-1",
    offer_expires_after_seconds=60,
    mode=LongestIdleMode(),
    name="My distribution policy",
)
queue = administration.upsert_queue(
    "queue-1",
    distribution_policy_id=policy.id,
    name="My Queue",
    labels=None,
    exception_policy_id=None,
)
job = client.upsert_job(
    "job-1",
    channel_id="voice",
    queue_id=queue.id,
    priority=1,
    requested_worker_selectors=[
        RouterWorkerSelector(key="Some-Skill", label_operator="greaterThan", value=10)
    ],
)
print(f"job {job.id} is {job.status}")
worker = client.upsert_worker(
    "worker-1",
    capacity=1,
    queues=[queue.id],
    labels={"Some-Skill": 11},
    channels=[RouterChannel(channel_id="voice", capacity_cost_per_job=1)],
    available_for_offers=True,
)
for offer in client.get_worker(worker.id).offers:
    print(f"worker {worker.id} has an offer for job {offer.job_id}, expiring at {offer.expires_at}")
    accept = client.accept_job_offer(worker.id, offer.offer_id)
    print(f"worker {worker.id} is assigned job {accept.job_id} ({accept.assignment_id})")
    client.complete_job(accept.job_id, accept.assignment_id)
    client.close_job(accept.job_id, accept.assignment_id, CloseJobOptions(disposition_code="Resolved"))
    job = client.get_job(accept.job_id)
    print(f"job {job.id} is {job.status}, disposition {job.disposition_code}")
    client.delete_job(job.id)
    print(f"deleted job {job.id}")
