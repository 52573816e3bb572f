/**
 * `ccsim check` as users run it, on voice-50 cut to 5 replications (seconds each): a run
 * passes on its own baseline (all identical), and after a change that only reshuffles the random
 * numbers (other seeds, unpaired; fixed seeds, so the outcome is deterministic); it fails on a
 * doctored baseline and on the loss of two agents (paired), naming the metric; broken, missing
 * and foreign baselines are exit 2; --update writes both files whole and refuses a foreign file;
 * --junit, GitHub annotations and the step summary come out parseable and pointing at the line.
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Outcome, STACK_LINE } from "../support/ccsim-process.ts";

const ENTRY = fileURLToPath(new URL("../../bin/ccsim.js", import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), "ccsim-check-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** ccsim with a controlled environment: no GitHub Actions variables unless given. */
function ccsimWith(environment: Record<string, string>, ...args: string[]): Promise<Outcome> {
  const env: NodeJS.ProcessEnv = { ...process.env, CCSIM_DEBUG: "" };
  for (const name of ["GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY"]) delete env[name];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENTRY, ...args], { env: { ...env, ...environment } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}

const ccsim = (...args: string[]) => ccsimWith({}, ...args);
const SCENARIO = "scenarios/voice-50.yaml";
const SMALL = ["--replications", "5", "--workers", "2", "--no-progress"];
const TIMEOUT = 180_000;

/** The baseline of voice-50 at its own seed, 5 replications, written once for the file. */
const baseline = join(scratch, "voice-50.json");
const values = join(scratch, "voice-50.replications.csv");
let update: Outcome;
beforeAll(async () => {
  update = await ccsim("check", SCENARIO, "--baseline", baseline, "--update", ...SMALL);
}, TIMEOUT);

/** A copy of the baseline (both files) under another name, edited by `edit`. */
function copyBaseline(
  name: string,
  edit: (summary: string, values: string) => [string, string] = (s, v) => [s, v],
): string {
  const [summary, table] = edit(readFileSync(baseline, "utf8"), readFileSync(values, "utf8"));
  const file = join(scratch, `${name}.json`);
  writeFileSync(file, summary);
  writeFileSync(join(scratch, `${name}.replications.csv`), table);
  return file;
}

describe("ccsim check --update", () => {
  it("writes the summary and the per-replication values together, and says so", () => {
    expect(update.stderr).toBe("");
    expect(update.status).toBe(0);
    expect(update.stdout).toContain(`wrote ${baseline}, ${values}`);
    expect(readdirSync(scratch).filter((name) => name.includes(".partial-"))).toEqual([]);
    const summary = JSON.parse(readFileSync(baseline, "utf8"));
    expect(summary).toMatchObject({ scenario: "voice-50", seed: 42, replications: 5 });
    expect(summary.provenance.scenarioFile).toBe(SCENARIO);
    const rows = readFileSync(values, "utf8").trim().split("\n");
    expect(rows[0]).toBe("replication,scope,metric,value");
    expect(rows.filter((row) => row.startsWith("5,overall,serviceLevel,"))).toHaveLength(1);
  });

  it(
    "refuses to replace a file that is not a ccsim baseline",
    async () => {
      const foreign = join(scratch, "notes.json");
      writeFileSync(foreign, '{ "mine": true }\n');
      const outcome = await ccsim("check", SCENARIO, "--baseline", foreign, "--update", ...SMALL);
      expect(outcome.status).toBe(2);
      expect(outcome.stderr).toMatch(/not a ccsim baseline/);
      expect(readFileSync(foreign, "utf8")).toBe('{ "mine": true }\n');
      expect(existsSync(join(scratch, "notes.replications.csv"))).toBe(false);
    },
    TIMEOUT,
  );
});

describe("ccsim check", () => {
  it(
    "passes on its own baseline, everything identical, and writes JUnit and the step summary",
    async () => {
      const junit = join(scratch, "own.junit.xml");
      const stepSummary = join(scratch, "step-summary.md");
      writeFileSync(stepSummary, "earlier step\n");
      const outcome = await ccsimWith(
        { GITHUB_STEP_SUMMARY: stepSummary },
        ...["check", SCENARIO, "--baseline", baseline, "--junit", junit, ...SMALL],
      );
      expect(outcome.stderr).toBe("");
      expect(outcome.status).toBe(0);
      expect(outcome.stdout).toMatch(/all \d+ metrics identical/);
      const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(junit, "utf8"));
      const cases = [xml.testsuites.testsuite.testcase].flat();
      expect(cases.length).toBeGreaterThan(100);
      expect(cases.some((one: Record<string, unknown>) => "failure" in one)).toBe(false);
      expect(readFileSync(stepSummary, "utf8")).toMatch(/^earlier step\n[\s\S]*voice-50/);
    },
    TIMEOUT,
  );

  it(
    "passes after a change that only reshuffles the random numbers (seeds 1, 2, 3; unpaired)",
    async () => {
      const reshuffled = copyBaseline("reshuffled");
      for (const seed of ["1", "2", "3"]) {
        const outcome = await ccsim(
          ...["check", SCENARIO, "--baseline", reshuffled, "--seed", seed, "--format", "json"],
          ...SMALL,
        );
        expect(outcome.stderr).toBe("");
        expect(outcome.status, `seed ${seed}`).toBe(0);
        const result = JSON.parse(outcome.stdout);
        expect(JSON.stringify(result)).toContain(`seed 42 against ${seed}`);
      }
    },
    TIMEOUT,
  );

  it(
    "fails on a doctored baseline, naming the metric, with an annotation at its line",
    async () => {
      // Service level 0.15 higher in the baseline: the run now looks that much worse.
      const doctored = copyBaseline("doctored", (summary, table) => [
        summary.replace(
          /("overall": \{[\s\S]*?"serviceLevel": \{ "mean": )([\d.]+)/,
          (_, head: string, mean: string) => `${head}${Number((Number(mean) + 0.15).toFixed(6))}`,
        ),
        table.replace(
          /^(\d+,overall,serviceLevel,)([\d.e-]+)$/gm,
          (_, head: string, value: string) => `${head}${Number(value) + 0.15}`,
        ),
      ]);
      const outcome = await ccsim(
        ...["check", SCENARIO, "--baseline", doctored, "--format", "github", ...SMALL],
      );
      expect(outcome.stderr).toBe("");
      expect(outcome.status).toBe(1);
      expect(outcome.stdout).toMatch(/serviceLevel .*worse/);
      expect(outcome.stdout).toMatch(/FAILED/);
      const line =
        readFileSync(doctored, "utf8")
          .split("\n")
          .findIndex((text) => text.includes('"serviceLevel"')) + 1;
      expect(outcome.stdout).toContain(
        `::error file=${doctored.replaceAll(":", "%3A")},line=${line},`,
      );
      // Only what the edit touched (and nothing else) fails.
      const failing = outcome.stdout.split("\n").filter((text) => text.startsWith("::error"));
      expect(failing).toHaveLength(1);
      expect(failing[0]).toMatch(/title=overall\.serviceLevel worse/);
      // A tolerance that allows the change (given before the scenario: it takes one value).
      const allowed = await ccsim(
        ...["check", "--tolerance", "serviceLevel=0.2", SCENARIO, "--baseline", doctored, ...SMALL],
      );
      expect(allowed.status).toBe(0);
      expect(allowed.stdout).toMatch(/serviceLevel .*within tolerance/);
    },
    TIMEOUT,
  );

  it(
    "fails when the scenario loses two of its 50 agents (paired by replication)",
    async () => {
      const folder = join(scratch, "minus-two");
      mkdirSync(folder);
      const scenario = join(folder, "voice-50.yaml");
      const text = readFileSync(SCENARIO, "utf8");
      expect(text).toContain("count: 50");
      writeFileSync(scenario, text.replace("count: 50", "count: 48"));
      const outcome = await ccsim(
        ...["check", scenario, "--baseline", baseline, "--format", "json", ...SMALL],
      );
      expect(outcome.stderr).toBe("");
      expect(outcome.status).toBe(1);
      const result = JSON.parse(outcome.stdout);
      expect(result.paired).toBe(true);
      const serviceLevel = result.checks.find(
        (check: { scope: string; metric: string }) =>
          check.scope === "overall" && check.metric === "serviceLevel",
      );
      expect(serviceLevel.verdict).toBe("worse");
    },
    TIMEOUT,
  );

  it(
    "exits 2 for a missing, broken or foreign baseline, before simulating",
    async () => {
      const missing = await ccsim("check", SCENARIO, "--baseline", join(scratch, "none.json"));
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/none\.json: cannot read the baseline \(ENOENT\)/);

      const broken = join(scratch, "broken.json");
      writeFileSync(broken, '{\n  "scenario": "voice-50",\n  "seed": 42,,\n}\n');
      const located = await ccsim("check", SCENARIO, "--baseline", broken);
      expect(located.status).toBe(2);
      expect(located.stderr).toMatch(new RegExp(`^${broken.replaceAll(".", "\\.")}:3:\\d+ `, "m"));

      const misspelt = await ccsim(
        ...["check", "--tolerance", "waitMaen=1", SCENARIO, "--baseline", baseline],
      );
      expect(misspelt.status).toBe(2);
      expect(misspelt.stderr).toMatch(/unknown metric "waitMaen" \(did you mean waitMean\?\)/);

      const other = await ccsim("check", "scenarios/quickstart.yaml", "--baseline", baseline);
      expect(other.status).toBe(2);
      expect(other.stderr).toMatch(/scenario "voice-50", not of "quickstart".*--update/);
      for (const outcome of [missing, located, misspelt, other]) {
        expect(outcome.stderr).not.toMatch(STACK_LINE);
        expect(outcome.stdout).toBe("");
      }
    },
    TIMEOUT,
  );
});
