"""Records how the official Python SDK (azure-communication-jobrouter) signs its requests.

The oracle for ccsim serve's HMAC-SHA256 verifier: the real client sends a few requests to a
tiny HTTP server this script runs in a thread, which records each one exactly as it arrived
(method, path with query, headers, raw body) and answers with a plausible body so that the SDK
does not raise. The script prints one JSON document:

    {"key": <the base64 access key>, "endpoint": ..., "sdk": ...,
     "requests": [{"method", "pathAndQuery", "headers" (lower-cased names), "bodyBase64"}]}

The key is fake and fixed (base64 of "ccsim-test-key-0123456789abcdef"); the server listens on
a free port of 127.0.0.1, so the Host header (signed) differs from run to run, as do x-ms-date
and the request ids.

Regenerate the fixture, from the repository root, after scripts/python-sdk.sh:

    PYTHONPATH=.cache/python-sdk /usr/bin/python3 -S test/serve/python/sign_request.py \\
      > test/fixtures/serve/python-sdk-signed-requests.json
"""

import base64
import json
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

try:
    from azure.communication.jobrouter import JobRouterClient, models
    from azure.communication.jobrouter import _version as sdk_version
    from azure.core.credentials import AzureKeyCredential
    from azure.core.exceptions import AzureError
except ImportError as error:
    sys.exit(
        f"sign_request.py: cannot import the Job Router SDK ({error}); run scripts/python-sdk.sh "
        "and put the folder it prints on PYTHONPATH"
    )

KEY = base64.b64encode(b"ccsim-test-key-0123456789abcdef").decode("ascii")
API_VERSION = "2023-11-01"
JOB_ID = "job-1"
WORKER_ID = "agent-1"
OFFER_ID = "offer-1"

# What the server answers, by method and the path's last segment: bodies shaped like the
# service's, so that the SDK's deserialisation succeeds and nothing but the request matters.
JOB = {
    "id": JOB_ID,
    "channelId": "voice",
    "queueId": "support",
    "priority": 1,
    "status": "queued",
    "labels": {},
}
ACCEPT = {"assignmentId": "assignment-1", "jobId": JOB_ID, "workerId": WORKER_ID}

recorded = []
recorded_lock = threading.Lock()


class Recorder(BaseHTTPRequestHandler):
    """Records every request exactly as received and answers 200 with a plausible body."""

    protocol_version = "HTTP/1.1"

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        with recorded_lock:
            recorded.append(
                {
                    "method": self.command,
                    # The request target as sent: what the signature covers (path and query).
                    "pathAndQuery": self.path,
                    "headers": {name.lower(): value for name, value in self.headers.items()},
                    "bodyBase64": base64.b64encode(body).decode("ascii"),
                }
            )
        path = self.path.split("?", 1)[0]
        if path.endswith(":accept"):
            answer = ACCEPT
        elif path.startswith("/routing/jobs/") and self.command in ("GET", "PATCH"):
            answer = JOB
        elif path == "/routing/jobs" and self.command == "GET":
            answer = {"value": []}
        else:
            answer = {}
        data = json.dumps(answer).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_PATCH = do_POST = do_PUT = do_DELETE = _handle

    def log_message(self, format, *args):  # noqa: A002 (the base class's name)
        pass  # stdout carries the JSON document only; requests are in it


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        send_requests(endpoint)
    finally:
        server.shutdown()
        server.server_close()
    print(
        json.dumps(
            {
                "key": KEY,
                "endpoint": endpoint,
                "sdk": f"azure-communication-jobrouter {sdk_version.VERSION}",
                "apiVersion": API_VERSION,
                "requests": recorded,
            },
            indent=2,
            ensure_ascii=False,
        )
    )


def send_requests(endpoint):
    """Sends the requests through the real client; each must reach the recorder."""
    # No retries (each call is one request) and short socket limits: a problem fails fast.
    client = JobRouterClient(
        endpoint,
        AzureKeyCredential(KEY),
        api_version=API_VERSION,
        retry_total=0,
        connection_timeout=5,
        read_timeout=10,
    )
    calls = [
        ("get_job", lambda: client.get_job(JOB_ID)),
        # A JSON body (application/merge-patch+json) with labels; one value is not ASCII, so
        # the recording shows how the body is encoded before its hash is signed.
        (
            "upsert_job",
            lambda: client.upsert_job(
                JOB_ID,
                channel_id="voice",
                queue_id="support",
                priority=1,
                labels={"language": "fr", "city": "Zürich", "vip": True, "tier": 2},
            ),
        ),
        ("accept_job_offer", lambda: client.accept_job_offer(WORKER_ID, OFFER_ID)),
        # A query string beyond api-version (the signature covers it as sent).
        (
            "list_jobs",
            lambda: list(
                next(
                    client.list_jobs(
                        status="queued", queue_id="support", results_per_page=10
                    ).by_page()
                )
            ),
        ),
        # A POST with no body: the signed hash is that of the empty string.
        ("cancel_job", lambda: client.cancel_job("job-2")),
    ]
    for name, call in calls:
        before = len(recorded)
        try:
            call()
        except AzureError as error:
            # Only the request matters; an answer the SDK dislikes is fine once it was sent.
            print(
                f"sign_request.py: {name} raised {type(error).__name__}: {error}", file=sys.stderr
            )
        if len(recorded) != before + 1:
            sys.exit(f"sign_request.py: {name} sent {len(recorded) - before} requests, expected 1")


if __name__ == "__main__":
    main()
