/**
 * `ccsim serve` driven by code nobody here wrote: the official Python SDK (azure-communication-
 * jobrouter 1.1.0b2, from Debian) runs the Job Router quickstart against a server in this
 * process — distribution policy and queue created, worker registered, a job offered, accepted,
 * completed, closed and deleted; a declined job, a cancelled job, and a job unassigned three
 * times whose fourth unassign is refused — and every step comes back as the service answers it.
 * A second flow changes a worker (its offer revoked) and a policy, and suspends, resumes and
 * schedules jobs through the SDK's matching-mode models.
 * Without the SDK (scripts/python-sdk.sh) the file is skipped loudly, and fails under CI=true.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { selfSignedCertificate } from "../../src/serve/certificate.ts";
import {
  assertPythonSdk,
  runPythonSdkScript,
  skipWithoutPythonSdk,
} from "../support/python-sdk.ts";
import { serversClosedAfterEachTest, TEST_ACCESS_KEY } from "../support/serve-server.ts";

const ACCESS_KEY = TEST_ACCESS_KEY;

const servers = serversClosedAfterEachTest();

/** Runs a flow script and reads its steps, failing with what it printed when it fails. */
async function runFlow(url: string, script = "quickstart_flow.py") {
  const run = await runPythonSdkScript(
    join(import.meta.dirname, "python", script),
    [url, ACCESS_KEY],
    { timeoutMs: 120_000 },
  );
  if (run.status !== 0) {
    throw new Error(`${script} exited ${run.status}:\n${run.stderr}\n${run.stdout}`);
  }
  return run.stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { step: string; status: string | number });
}

describe.skipIf(skipWithoutPythonSdk("test/serve/python-sdk-flow.test.ts"))(
  "the official Python SDK against ccsim serve",
  () => {
    beforeAll(() => assertPythonSdk());

    it("changes a worker and a policy, suspends, resumes and schedules jobs", async () => {
      const { service, url } = await servers.start();
      const steps = await runFlow(url, "changes_flow.py");
      const statusOf = Object.fromEntries(steps.map((step) => [step.step, step.status]));
      expect(statusOf).toEqual({
        offered: "active",
        worker_moved: "active",
        policy_changed: 200,
        suspended: "waitingForActivation",
        sdk_suspend_mode_refused: 400,
        resumed: "queued",
        scheduled: "scheduled",
        listed_scheduled: 200,
        queue_statistics: 200,
        cleaned_up: 204,
      });
      // Cleaned up as the SDK saw it, and as the router holds it.
      for (const job of ["changes-1", "changes-2", "changes-3", "changes-4"]) {
        expect(service.router.getJob(job)).toBeUndefined();
      }
      expect(service.router.getWorker("changer")).toBeUndefined();
    });

    it("runs the quickstart, decline, cancel and unassign (with its limit)", async () => {
      const { service, url } = await servers.start();
      const steps = await runFlow(url);
      const statusOf = Object.fromEntries(steps.map((step) => [step.step, step.status]));
      expect(statusOf).toMatchObject({
        upsert_distribution_policy: 201,
        upsert_queue: 201,
        upsert_worker: "active",
        create_job: "queued",
        accept_job_offer: 200,
        get_job_assigned: "assigned",
        complete_job: 200,
        close_job: 200,
        get_job_closed: "closed",
        delete_job: 204,
        decline_job_offer: 200,
        get_job_declined: "queued",
        update_job_3_if_match: 200,
        update_job_3_stale_refused: 412,
        cancel_job: 200,
        get_job_cancelled: "cancelled",
        unassign_1: 200,
        unassign_2: 200,
        unassign_3: 200,
        unassign_4_refused: 400,
        close_job_4: 200,
        delete_job_4: 204,
        list_jobs_paged: 200,
        delete_job_5: 204,
        cancel_job_2: 200,
        delete_job_2: 204,
      });
      // What the SDK did, as the router saw it: nothing left behind but the worker.
      for (const job of ["job-1", "job-2", "job-3", "job-4"]) {
        expect(service.router.getJob(job)).toBeUndefined();
      }
      expect(service.router.getWorker("agent-1")).toMatchObject({
        state: "active",
        offers: [],
        assignedJobs: [],
      });

      // Run again on the same server: policy and queue are found unchanged (200), ids reused.
      const again = await runFlow(url);
      const statusAgain = Object.fromEntries(again.map((step) => [step.step, step.status]));
      expect(statusAgain).toMatchObject({
        upsert_distribution_policy: 200,
        upsert_queue: 200,
        delete_job_2: 204,
      });
    });

    it("prints what the README shows for docs/examples/serve/quickstart.py", async () => {
      const { url } = await servers.start();
      const root = join(import.meta.dirname, "..", "..");
      const run = await runPythonSdkScript(
        join(root, "docs", "examples", "serve", "quickstart.py"),
        [url, ACCESS_KEY],
        { timeoutMs: 120_000 },
      );
      expect(run.stderr).toBe("");
      expect(run.status).toBe(0);
      const readme = readFileSync(join(root, "README.md"), "utf8");
      const section = readme.slice(readme.indexOf("## A local Job Router: `ccsim serve`"));
      const shown = /```\n(job job-1[\s\S]*?)```/.exec(section)?.[1];
      expect(shown).toBeDefined();
      expect(run.stdout).toBe(shown);
    });

    it("serves HTTPS to a client built from a connection string that trusts its certificate", async () => {
      // Valid over this century: the client checks it against its own clock, which a test
      // does not read.
      const tls = await selfSignedCertificate({
        notBeforeMs: Date.parse("2000-01-01T00:00:00Z"),
        notAfterMs: Date.parse("2099-12-31T00:00:00Z"),
      });
      const { url } = await servers.start({ tls });
      expect(url).toMatch(/^https:/);
      const folder = mkdtempSync(join(tmpdir(), "ccsim-serve-tls-"));
      try {
        const certificate = join(folder, "certificate.pem");
        writeFileSync(certificate, tls.cert);
        const run = await runPythonSdkScript(
          join(import.meta.dirname, "python", "connection_string.py"),
          [`endpoint=${url}/;accesskey=${ACCESS_KEY}`, certificate],
          { timeoutMs: 120_000 },
        );
        expect(run.stderr).toBe("");
        expect(run.status).toBe(0);
        const steps = run.stdout
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line));
        expect(steps).toEqual([
          { step: "upsert_distribution_policy", id: "tls-policy" },
          { step: "upsert_queue", id: "tls-queue" },
          { step: "get_job", id: "tls-job", status: "queued" },
          { step: "untrusted", refused: true },
        ]);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    });
  },
);
