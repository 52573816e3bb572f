"""The official Python SDK built from a connection string, against `ccsim serve` over TLS.

    python3 connection_string.py "endpoint=https://127.0.0.1:PORT/;accesskey=KEY" CERTIFICATE.pem

`from_connection_string` always speaks HTTPS, so this is the path a TLS server opens. Creates a
distribution policy, a queue and a job, and reads the job back, trusting only CERTIFICATE.pem;
then tries once more trusting the system's certificates alone, which must fail the handshake.
Prints one JSON line per step; exits 1 naming the step on anything unexpected.
"""

import json
import sys

from azure.communication.jobrouter import JobRouterAdministrationClient, JobRouterClient
from azure.communication.jobrouter.models import LongestIdleMode
from azure.core.exceptions import ServiceRequestError

API_VERSION = "2023-11-01"


def report(step, **details):
    print(json.dumps({"step": step, **details}), flush=True)


def main(connection_string, certificate):
    settings = dict(api_version=API_VERSION, retry_total=0, connection_timeout=5, read_timeout=15)
    administration = JobRouterAdministrationClient.from_connection_string(
        connection_string, connection_verify=certificate, **settings
    )
    client = JobRouterClient.from_connection_string(
        connection_string, connection_verify=certificate, **settings
    )
    policy = administration.upsert_distribution_policy(
        "tls-policy", offer_expires_after_seconds=30, mode=LongestIdleMode()
    )
    report("upsert_distribution_policy", id=policy.id)
    queue = administration.upsert_queue(
        "tls-queue",
        distribution_policy_id=policy.id,
        name=None,
        labels=None,
        exception_policy_id=None,
    )
    report("upsert_queue", id=queue.id)
    client.upsert_job("tls-job", channel_id="voice", queue_id=queue.id)
    job = client.get_job("tls-job")
    report("get_job", id=job.id, status=getattr(job.status, "value", job.status))
    untrusting = JobRouterClient.from_connection_string(connection_string, **settings)
    try:
        untrusting.get_job("tls-job")
    except ServiceRequestError as error:
        report("untrusted", refused="CERTIFICATE_VERIFY_FAILED" in str(error))
        return 0
    print("connection_string.py: a client that does not trust the certificate got an answer",
          file=sys.stderr)
    return 1


if __name__ == "__main__":
    if len(sys.argv) != 3:
        print("usage: connection_string.py CONNECTION_STRING CERTIFICATE.pem", file=sys.stderr)
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
