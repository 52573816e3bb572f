/**
 * Ctrl-C during `ccsim compare`: exit 130, "interrupted", no file written (the output folder
 * stays empty). Compare writes only at the end, so the interrupt is sent once stderr shows the
 * run under way (a note printed just before simulating), plus a second so that it lands
 * mid-simulation; the same `interruptible` wraps check.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ccsimInterrupted, STACK_LINE } from "../support/ccsim-process.ts";

const scratch = mkdtempSync(join(tmpdir(), "ccsim-compare-interrupt-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Far more work than any machine finishes in the second before the interrupt. */
const LONG = ["scenarios/voice-50.yaml", "--replications", "400", "--no-progress"];
/** Printed by compare after every variant is checked, just before simulating. */
const SEED_NOTE = /note: variant "seed=5" runs with seed/;
const TEST_TIMEOUT_MS = 240_000;

describe("Ctrl-C", () => {
  for (const workers of ["1", "2"]) {
    it(
      `stops compare on ${workers} thread(s): exit 130, says so, writes nothing`,
      async () => {
        const out = join(scratch, `compare-${workers}`);
        const outcome = await ccsimInterrupted(
          ["compare", ...LONG, "--set", "seed=5", "--workers", workers, "--out", out],
          out,
          { startedWhen: ({ stderr }) => SEED_NOTE.test(stderr), afterStartMilliseconds: 1000 },
        );
        expect(outcome.stderr).not.toMatch(STACK_LINE);
        expect(outcome.stderr).toMatch(/interrupted: no output files were written/);
        expect(outcome.status).toBe(130);
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      },
      TEST_TIMEOUT_MS,
    );
  }
});
