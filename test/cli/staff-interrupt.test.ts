/**
 * Ctrl-C during `ccsim staff`: exit 130, "interrupted", no file written (the output folder stays
 * empty). staff writes only at the end, so the interrupt is sent once stderr shows the search
 * under way (the line it prints before simulating), plus a second so that it lands mid-run.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ccsimInterrupted, STACK_LINE } from "../support/ccsim-process.ts";

const scratch = mkdtempSync(join(tmpdir(), "ccsim-staff-interrupt-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Far more work than any machine finishes in the second before the interrupt. */
const LONG = ["scenarios/voice-50.yaml", "--replications", "400", "--no-progress"];
const SEARCHING = /searching the count of group agent/;
const TEST_TIMEOUT_MS = 240_000;

describe("Ctrl-C", () => {
  it(
    "stops staff: exit 130, says so, writes nothing",
    async () => {
      const out = join(scratch, "staff");
      const outcome = await ccsimInterrupted(
        [
          "staff",
          ...LONG,
          "--group",
          "agent",
          "--target",
          "serviceLevel>=0.8",
          "--workers",
          "1",
          "--out",
          out,
        ],
        out,
        { startedWhen: ({ stderr }) => SEARCHING.test(stderr), afterStartMilliseconds: 1000 },
      );
      expect(outcome.stderr).not.toMatch(STACK_LINE);
      expect(outcome.stderr).toMatch(/interrupted: no output files were written/);
      expect(outcome.status).toBe(130);
      expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    },
    TEST_TIMEOUT_MS,
  );
});
