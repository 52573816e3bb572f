/**
 * A command refused after it prepared its output folder leaves nothing behind: the empty
 * folders it made (the default reports/<name>/…, or a new --out path with its parents) go
 * again, while a folder that was there before stays. Found when a refused `staff --per-interval`
 * left reports/three-intervals/staff-intervals/ in the repository.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ccsimAsyncIn } from "../support/ccsim-process.ts";

const TIMEOUT_MS = 120_000;
const FIXTURE = resolve("test/fixtures/staff/three-intervals.yaml");
/** A target `--per-interval` refuses only after the output folder is prepared. */
const REFUSED = ["--group", "agent", "--target", "abandonmentRate<=0.05", "--per-interval"];
/** The refusal itself, so that no test passes on an earlier refusal (a missing option). */
const REFUSAL = /not one of serviceLevel, waitMean/;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-refused-out-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function folderWithScenario(name: string): string {
  const folder = join(scratch, name);
  mkdirSync(folder);
  copyFileSync(FIXTURE, join(folder, "day.yaml"));
  return folder;
}

describe("a refused command's output folder", () => {
  it(
    "is not left behind under reports/ when it was the default",
    async () => {
      const folder = folderWithScenario("default");
      const refused = await ccsimAsyncIn(folder, "staff", "day.yaml", ...REFUSED);
      expect([refused.status, refused.stderr]).toEqual([2, expect.stringMatching(REFUSAL)]);
      expect(readdirSync(folder)).toEqual(["day.yaml"]);
    },
    TIMEOUT_MS,
  );

  it(
    "is not left behind with its new parents when --out named a new path",
    async () => {
      const folder = folderWithScenario("new-out");
      const refused = await ccsimAsyncIn(folder, "staff", "day.yaml", ...REFUSED, "--out", "a/b/c");
      expect([refused.status, refused.stderr]).toEqual([2, expect.stringMatching(REFUSAL)]);
      expect(existsSync(join(folder, "a"))).toBe(false);
    },
    TIMEOUT_MS,
  );

  it(
    "stays when it was there before, empty",
    async () => {
      const folder = folderWithScenario("existing-out");
      mkdirSync(join(folder, "mine"));
      const refused = await ccsimAsyncIn(folder, "staff", "day.yaml", ...REFUSED, "--out", "mine");
      expect([refused.status, refused.stderr]).toEqual([2, expect.stringMatching(REFUSAL)]);
      expect(readdirSync(join(folder, "mine"))).toEqual([]);
    },
    TIMEOUT_MS,
  );
});
