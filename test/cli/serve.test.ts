/**
 * `ccsim serve` as users start it: it prints its endpoint and a connection string whose key
 * signs requests it accepts, serves a scenario's queue, and stops at once on Ctrl-C (exit 0);
 * bad options and a broken scenario exit 2 with every problem and no stack trace.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeAccessKey } from "../../src/serve/hmac.ts";
import { ccsimAsync, STACK_LINE, startCcsim } from "../support/ccsim-process.ts";
import { serveClient } from "../support/serve-client.ts";

/** Starts `ccsim serve …`, waits for its banner (generously), then hands it to `use`. */
async function withServer(
  args: readonly string[],
  use: (banner: { url: string; accessKey: string }) => Promise<void>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const { child, printed } = startCcsim(["serve", ...args]);
  const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
  try {
    for (let waited = 0; !printed().stdout.includes("Ctrl-C stops it."); waited += 20) {
      if (waited > 120_000 || child.exitCode !== null) {
        throw new Error(`ccsim serve did not start; stderr: ${printed().stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const stdout = printed().stdout;
    const match = /connection string: endpoint=(\S+)\/;accesskey=(\S+)/.exec(stdout);
    if (match === null) throw new Error(`no connection string in: ${stdout}`);
    await use({ url: match[1] as string, accessKey: match[2] as string });
  } finally {
    child.kill("SIGINT");
  }
  const safetyNet = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const status = await closed;
  clearTimeout(safetyNet);
  return { status, ...printed() };
}

describe("ccsim serve", () => {
  it("serves a scenario's queue to requests signed with the printed key, until Ctrl-C", async () => {
    const folder = mkdtempSync(join(tmpdir(), "ccsim-serve-events-"));
    const events = join(folder, "events.jsonl");
    const outcome = await withServer(
      ["scenarios/quickstart.yaml", "--port", "0", "--clock", "manual", "--events", events],
      async ({ url, accessKey }) => {
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
        const call = serveClient(url, decodeAccessKey(accessKey) as Buffer);
        expect((await call("GET", "/routing/queues/queue-1")).body).toMatchObject({
          id: "queue-1",
          distributionPolicyId: "distribution-policy-1",
        });
        const job = await call("PATCH", "/routing/jobs/job-1", {
          channelId: "voice",
          queueId: "queue-1",
        });
        expect(job.status).toBe(201);
        expect(job.body.enqueuedAt).toBe("2026-01-01T00:00:00.000Z");
      },
    );
    expect(outcome.stdout).toContain("Job Router API 2023-11-01 at http://127.0.0.1:");
    expect(outcome.stdout).toContain(
      "preloaded from scenarios/quickstart.yaml: 1 distribution policy, 0 classification policies, 0 exception policies, 1 queue",
    );
    expect(outcome.stdout).toContain("ccsim serve: stopped");
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe("");
    const lines = readFileSync(events, "utf8").trim().split("\n");
    expect(lines.map((line) => JSON.parse(line).eventType)).toEqual([
      "Microsoft.Communication.RouterJobReceived",
      "Microsoft.Communication.RouterJobQueued",
    ]);
    rmSync(folder, { recursive: true, force: true });
  });

  it("runs the scenario's simulated people beside the clients with --world", async () => {
    const outcome = await withServer(
      ["scenarios/quickstart.yaml", "--world", "--port", "0", "--clock", "manual"],
      async ({ url, accessKey }) => {
        const call = serveClient(url, decodeAccessKey(accessKey) as Buffer);
        expect((await call("GET", "/routing/jobs/job-1")).body.status).toBe("queued");
        await call("POST", "/ccsim/clock:advance", { seconds: 130 });
        expect((await call("GET", "/routing/jobs/job-1")).body.status).toBe("closed");
        expect((await call("DELETE", "/routing/workers/worker-1")).status).toBe(409);
      },
    );
    expect(outcome.stdout).toContain(
      "simulated world: 1 worker and 1 arrival stream running alongside the clients",
    );
    expect(outcome.status).toBe(0);
    expect(outcome.stderr).toBe("");
  });

  it("uses the key it is given", async () => {
    const accessKey = Buffer.from("a key of our own").toString("base64");
    await withServer(["--port", "0", "--key", accessKey], async (banner) => {
      expect(banner.accessKey).toBe(accessKey);
    });
  });

  it("refuses bad options and a broken scenario with exit 2, every problem, no stack trace", async () => {
    const typo = await ccsimAsync("serve", "scenarios/quickstart.yaml", "--prot", "80");
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("did you mean --port?");
    const values = await ccsimAsync(
      "serve",
      "--port",
      "70000",
      "--key",
      "no key!",
      "--speed",
      "0",
      "--world",
    );
    expect(values.status).toBe(2);
    expect(values.stderr).toContain(
      "--world runs a scenario's simulated people: give the scenario file",
    );
    expect(values.stderr).toContain("--port must be a whole number from 0 to 65535");
    expect(values.stderr).toContain("--key must be base64 text");
    expect(values.stderr).toContain("--speed must be a number > 0");
    const halfTls = await ccsimAsync("serve", "--tls-cert", "cert.pem", "--port", "0");
    expect(halfTls.status).toBe(2);
    expect(halfTls.stderr).toContain("--tls-cert and --tls-key go together");
    const folder = mkdtempSync(join(tmpdir(), "ccsim-serve-"));
    try {
      const broken = join(folder, "broken.yaml");
      writeFileSync(
        broken,
        "name: broken\nhorizon: 1m\nqueues:\n  - id: q\n    distributionPolicyId: nowhere\n",
      );
      const outcome = await ccsimAsync("serve", broken, "--port", "0");
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(/broken\.yaml:\d+:\d+/);
      expect(outcome.stderr).not.toMatch(STACK_LINE);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
