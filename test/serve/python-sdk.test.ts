/**
 * The tooling around the official Python SDK, without `ccsim serve`: the recording script still
 * produces what the fixture holds (the oracle for the HMAC verifier), the quickstart script
 * fails cleanly when nothing listens, and the runner kills a script that overstays its limit.
 * Without the SDK (scripts/python-sdk.sh) the file is skipped loudly, or fails under CI=true.
 */
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assertPythonSdk,
  runPythonSdkScript,
  skipWithoutPythonSdk,
} from "../support/python-sdk.ts";

const FOLDER = join(import.meta.dirname, "python");
const FIXTURE = join(
  import.meta.dirname,
  "..",
  "fixtures",
  "serve",
  "python-sdk-signed-requests.json",
);

/** One request as sign_request.py records it. */
interface RecordedRequest {
  method: string;
  pathAndQuery: string;
  headers: Record<string, string>;
  bodyBase64: string;
}

interface Recording {
  key: string;
  endpoint: string;
  requests: RecordedRequest[];
}

/** A port nothing listens on: one the system just handed out, closed again. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const scratch = mkdtempSync(join(tmpdir(), "ccsim-python-sdk-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe.skipIf(skipWithoutPythonSdk("test/serve/python-sdk.test.ts"))(
  "the official Python SDK tooling",
  () => {
    beforeAll(() => assertPythonSdk());

    it("sign_request.py records what the fixture holds, every body hashed as sent", async () => {
      const run = await runPythonSdkScript(join(FOLDER, "sign_request.py"), [], {
        timeoutMs: 60_000,
      });
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const fresh = JSON.parse(run.stdout) as Recording;
      const fixture = JSON.parse(readFileSync(FIXTURE, "utf8")) as Recording;
      // Dates, ports and request ids differ between runs; what is sent and signed does not.
      const shape = (recording: Recording) =>
        recording.requests.map((request) => ({
          method: request.method,
          pathAndQuery: request.pathAndQuery,
          bodyBase64: request.bodyBase64,
          contentSha256: request.headers["x-ms-content-sha256"],
          signedHeaders: /^HMAC-SHA256 SignedHeaders=([^&]*)&Signature=/.exec(
            request.headers.authorization ?? "",
          )?.[1],
        }));
      expect(shape(fresh)).toEqual(shape(fixture));
      expect(fresh.key).toBe(fixture.key);
      for (const recording of [fresh, fixture]) {
        expect(recording.requests.map((request) => request.method)).toEqual([
          "GET",
          "PATCH",
          "POST",
          "GET",
          "POST",
        ]);
        for (const request of recording.requests) {
          const body = Buffer.from(request.bodyBase64, "base64");
          expect(request.headers["x-ms-content-sha256"]).toBe(
            createHash("sha256").update(body).digest("base64"),
          );
          expect(request.headers.host).toBe(recording.endpoint.replace(/^http:\/\//, ""));
          expect(request.headers["x-ms-date"]).toMatch(/^\w{3}, \d{2} \w{3} \d{4} [\d:]{8} GMT$/);
        }
      }
    });

    it("quickstart_flow.py stops at its first request, naming it, when nothing listens", async () => {
      const port = await closedPort();
      const run = await runPythonSdkScript(
        join(FOLDER, "quickstart_flow.py"),
        [
          `http://127.0.0.1:${port}`,
          Buffer.from("ccsim-test-key-0123456789abcdef").toString("base64"),
        ],
        { timeoutMs: 60_000 },
      );
      expect(run.stdout).toBe("");
      expect(run.stderr).toMatch(
        /step upsert_distribution_policy failed: no answer from http:\/\/127\.0\.0\.1:\d+/,
      );
      expect(run.stderr).toMatch(/Connection refused/);
      expect(run.status).toBe(1);
    });

    it("quickstart_flow.py explains its arguments", async () => {
      const run = await runPythonSdkScript(join(FOLDER, "quickstart_flow.py"), ["127.0.0.1"]);
      expect(run.stderr).toMatch(/^usage: quickstart_flow\.py http:\/\/127\.0\.0\.1:PORT KEY/);
      expect(run.status).toBe(2);
      const badKey = await runPythonSdkScript(join(FOLDER, "quickstart_flow.py"), [
        "http://127.0.0.1:1",
        "not base64!",
      ]);
      expect(badKey.stderr).toMatch(/is not base64/);
      expect(badKey.status).toBe(2);
    });

    it("runPythonSdkScript kills a script still running at its limit, and says so", async () => {
      const script = join(scratch, "sleeps.py");
      writeFileSync(script, 'import time\nprint("started")\ntime.sleep(600)\n');
      await expect(runPythonSdkScript(script, [], { timeoutMs: 1_000 })).rejects.toThrow(
        /still running after 1000 ms and was killed[\s\S]*started/,
      );
    });
  },
);
