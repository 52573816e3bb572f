/**
 * Warnings and trace checks as users meet them: `ccsim validate` and `ccsim run` in a child
 * process. Warnings go to stderr as `file:line:column warning: …` and leave the exit code at 0;
 * `--strict` turns them into exit 2 (run then writes nothing); bad trace rows are exit 2 from
 * both commands, with the same lines.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ccsimAsync, type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

const TYPO = "test/fixtures/warnings/channel-typo.yaml";
const TYPO_WARNING =
  'test/fixtures/warnings/channel-typo.yaml:13:16 warning: arrivals[0].channelId: no worker handles channel "Voice", so no job of this stream can ever be assigned (hint: did you mean "voice"?)\n';
const ROWS = "test/fixtures/traces/rows.yaml";
const scratch = mkdtempSync(join(tmpdir(), "ccsim-warnings-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Every process is started at once and awaited together: the suite costs one process's time.
const outcomes: Record<string, Outcome> = {};
const commands: Record<string, string[]> = {
  validate: ["validate", TYPO],
  validateStrict: ["validate", "--strict", TYPO, "scenarios/quickstart.yaml"],
  validateShippedStrict: [
    "validate",
    "--strict",
    "scenarios/quickstart.yaml",
    "scenarios/voice-50.yaml",
  ],
  run: ["run", TYPO, "--out", join(scratch, "run"), "--no-progress"],
  runStrict: ["run", TYPO, "--strict", "--out", join(scratch, "strict")],
  validateRows: ["validate", ROWS],
  runRows: ["run", ROWS, "--out", join(scratch, "rows")],
  validatePasswd: ["validate", "test/fixtures/traces/passwd.yaml"],
};
beforeAll(async () => {
  const entries = Object.entries(commands);
  const results = await Promise.all(entries.map(([, args]) => ccsimAsync(...args)));
  entries.forEach(([name], index) => {
    outcomes[name] = results[index] as Outcome;
  });
}, 120_000);

describe("warnings", () => {
  it("validate prints them on stderr and still says ok, exit 0", () => {
    expect(outcomes.validate).toEqual({
      status: 0,
      stdout: `${TYPO}: ok, with 1 warning\n`,
      stderr: TYPO_WARNING,
    });
  });

  it("validate --strict fails the file with warnings (exit 2) and passes the others", () => {
    expect(outcomes.validateStrict).toEqual({
      status: 2,
      stdout: "scenarios/quickstart.yaml: ok\n",
      stderr: `${TYPO_WARNING}${TYPO}: 1 warning, and --strict counts warnings as errors\n`,
    });
  });

  it("validate --strict passes shipped scenarios", () => {
    expect(outcomes.validateShippedStrict?.status).toBe(0);
    expect(outcomes.validateShippedStrict?.stderr).toBe("");
  });

  it("run prints them and simulates anyway, exit 0", () => {
    expect(outcomes.run?.status).toBe(0);
    expect(outcomes.run?.stderr).toBe(TYPO_WARNING);
    expect(existsSync(join(scratch, "run", "summary.json"))).toBe(true);
  });

  it("run --strict stops before simulating: exit 2, no output folder", () => {
    expect(outcomes.runStrict).toEqual({
      status: 2,
      stdout: "",
      stderr: `${TYPO_WARNING}${TYPO}: 1 warning, and --strict counts warnings as errors\n`,
    });
    expect(existsSync(join(scratch, "strict"))).toBe(false);
  });
});

describe("trace files", () => {
  it("validate reads them whole: bad rows are exit 2, each at its row and column", () => {
    const outcome = outcomes.validateRows as Outcome;
    expect(outcome.status).toBe(2);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).not.toMatch(STACK_LINE);
    expect(outcome.stderr).toContain(
      "test/fixtures/traces/ragged.csv:3:10 arrivals[0].arrival.file: this row has 2 cell(s) but the header has 3 column(s)\n",
    );
  });

  it("run rejects the same rows with the same lines, and writes nothing", () => {
    expect(outcomes.runRows).toEqual({ ...outcomes.validateRows, stdout: "" });
    expect(existsSync(join(scratch, "rows"))).toBe(false);
  });

  it("a file that is not a trace is named, never quoted", () => {
    const outcome = outcomes.validatePasswd as Outcome;
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(/^test\/fixtures\/traces\/passwd\.yaml:14:\d+ /);
    expect(outcome.stderr).not.toMatch(/root|daemon|secret|bash/);
  });
});
