import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ccsimAsync, ccsimInterrupted, STACK_LINE } from "../support/ccsim-process.ts";

const DECLINE_LOOP = "test/fixtures/limits/decline-loop.yaml";
const DECLINE_LOOP_CROWD = "test/fixtures/limits/decline-loop-crowd.yaml";
const scratch = mkdtempSync(join(tmpdir(), "ccsim-run-limits-"));
let folders = 0;
const outFolder = () => join(scratch, `out-${++folders}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Generous: each run below ends within seconds, but the machine may be busy. */
const TIMEOUT_MILLISECONDS = 120_000;

describe("a run that stops advancing", () => {
  it.each([
    ["serial", ["--workers", "1"]],
    ["parallel", ["--workers", "2", "--replications", "2"]],
  ])(
    "%s: exit 2 naming workers[0].behavior.declineRetryAfter, no stack, no files",
    async (_, options) => {
      const out = outFolder();
      const outcome = await ccsimAsync("run", DECLINE_LOOP, "--out", out, "--events", ...options);
      expect(outcome.status).toBe(2);
      expect(outcome.stdout).toBe("");
      expect(outcome.stderr).toMatch(
        new RegExp(
          `^${DECLINE_LOOP.replaceAll(".", "\\.")}:19:65 workers\\[0\\]\\.behavior\\.declineRetryAfter: ` +
            // Replications stall at their own times; in parallel, whichever stalls first is told.
            "the run stopped advancing at [0-9.]+ s of simulated time \\(100,004 events within one instant\\): " +
            "worker group agent declines 99\\.9999% of offers with declineRetryAfter 0 s, so each declined " +
            "offer is re-offered at the same instant \\(hint: give declineRetryAfter a positive duration",
        ),
      );
      expect(outcome.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(outcome.stderr).not.toMatch(STACK_LINE);
      // Nothing written: the output folder the run made is taken away again.
      expect(existsSync(out)).toBe(false);
    },
    TIMEOUT_MILLISECONDS,
  );
});

describe("values beyond a limit", () => {
  it(
    "validate refuses a billion workers at once instead of expanding them",
    async () => {
      const outcome = await ccsimAsync("validate", "test/fixtures/broken/limit-worker-count.yaml");
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(
        /^test\/fixtures\/broken\/limit-worker-count\.yaml:12:12 workers\[0\]\.count: count 1,000,000,000 is more workers than ccsim can simulate \(hint: /,
      );
    },
    TIMEOUT_MILLISECONDS,
  );
});

describe("--out that cannot be created", () => {
  const blocker = join(scratch, "a-file");
  writeFileSync(blocker, "in the way\n");
  it.each([
    [
      "a place where the system allows no folders",
      "/proc/ccsim-x",
      /\(the system does not allow folders there: ENOENT\)/,
    ],
    ["a path under a file", join(blocker, "reports"), /\(a file is in the way\)/],
  ])(
    "%s: exit 2 naming the folder",
    async (what, out, reason) => {
      if (out.startsWith("/proc") && !existsSync("/proc/self")) return; // only where /proc exists
      const outcome = await ccsimAsync("run", "scenarios/quickstart.yaml", "--out", out);
      expect(outcome.status, what).toBe(2);
      expect(outcome.stderr).toContain(`ccsim: --out ${out}: cannot use it as the output folder`);
      expect(outcome.stderr).toMatch(reason);
      expect(outcome.stderr).not.toMatch(STACK_LINE);
    },
    TIMEOUT_MILLISECONDS,
  );
});

describe("Ctrl-C while the clock stands still", () => {
  // 20,000 workers pass a job round at one instant for 180,000 events before the stall guard
  // would end the run: seconds in which simulated time does not move. Ctrl-C must stop it.
  it.each([
    ["serial", ["--workers", "1"]],
    ["parallel", ["--workers", "2", "--replications", "2"]],
  ])(
    "%s: exit 130, says so, writes nothing",
    async (_, options) => {
      const out = outFolder();
      const outcome = await ccsimInterrupted(
        ["run", DECLINE_LOOP_CROWD, "--out", out, "--events", ...options],
        out,
      );
      expect(outcome.status).toBe(130);
      expect(outcome.stderr).toBe("interrupted: no output files were written\n");
      expect(outcome.stdout).toBe("");
      // Nothing written: the output folder the run made is taken away again.
      expect(existsSync(out)).toBe(false);
    },
    TIMEOUT_MILLISECONDS,
  );
});
