import { createHash } from "node:crypto";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ccsimAsync,
  ccsimAsyncIn,
  ccsimInterrupted,
  type Outcome,
} from "../support/ccsim-process.ts";

const QUICKSTART = "scenarios/quickstart.yaml";
const SMALL = "test/fixtures/world/small-random.yaml";
const TRACE = "test/fixtures/world/trace-run.yaml";
const TRACE_CSV = "test/fixtures/world/calls.csv";
const LONG = "test/fixtures/world/long-run.yaml";
/** Several CLI processes share two cores with other suites: far above vitest's 10 s default. */
const HOOK_TIMEOUT_MS = 180_000;

const scratch = mkdtempSync(join(tmpdir(), "ccsim-run-outputs-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const read = (path: string) => readFileSync(path, "utf8");
const sha256 = (path: string) => createHash("sha256").update(readFileSync(path)).digest("hex");
/** Every file under `folder`, relative, sorted (folders only through what they hold). */
const filesUnder = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
    .sort();
/** Every file under `folder` with its text, to show that nothing changed. */
const contentsOf = (folder: string) =>
  Object.fromEntries(filesUnder(folder).map((name) => [name, read(join(folder, name))]));

/** The data files of a run with --no-charts (charts: run-charts.test.ts). */
const DATA_FILES = ["intervals.csv", "summary.csv", "summary.json", "waits.csv", "workers.csv"];

describe("a hostile scenario name", () => {
  // The scenario sits three folders down, so `../../x` would land inside the scratch folder.
  const work = join(scratch, "hostile", "a", "b");
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    mkdirSync(work, { recursive: true });
    const quickstart = read(QUICKSTART);
    writeFileSync(join(work, "up.yaml"), quickstart.replace("name: quickstart", "name: ../../x"));
    writeFileSync(join(work, "dots.yaml"), quickstart.replace("name: quickstart", 'name: ".."'));
    outcomes = await Promise.all([
      ccsimAsyncIn(work, "run", "up.yaml", "--no-charts"),
      ccsimAsyncIn(work, "run", "dots.yaml", "--no-charts"),
    ]);
  }, HOOK_TIMEOUT_MS);

  it("writes under reports/<one segment> of the working folder, nowhere else", () => {
    expect(outcomes.map((outcome) => [outcome.status, outcome.stderr])).toEqual([
      [0, ""],
      [0, ""],
    ]);
    expect(outcomes[0]?.stdout).toContain(`wrote ${join("reports", "x", "summary.json")}`);
    expect(outcomes[1]?.stdout).toContain(`wrote ${join("reports", "scenario", "summary.json")}`);
    expect(filesUnder(join(scratch, "hostile"))).toEqual(
      [
        join("a", "b", "dots.yaml"),
        join("a", "b", "up.yaml"),
        ...DATA_FILES.map((name) => join("a", "b", "reports", "scenario", name)),
        ...DATA_FILES.map((name) => join("a", "b", "reports", "x", name)),
      ].sort(),
    );
  });

  it("keeps the name itself in summary.json", () => {
    const summary = JSON.parse(read(join(work, "reports", "x", "summary.json")));
    expect(summary.scenario).toBe("../../x");
  });
});

describe("files an earlier run left", () => {
  const reused = join(scratch, "reused");
  const untouched = join(scratch, "untouched");
  let before: Record<string, string> = {};
  let rerun: Outcome;
  let failed: Outcome;
  let interrupted: Outcome;
  beforeAll(async () => {
    const earlier = await Promise.all([
      // Another scenario's run with --events, then the user's own file beside it.
      ccsimAsync("run", SMALL, "--out", reused, "--events", "--workers", "1", "--no-charts"),
      ccsimAsync("run", QUICKSTART, "--out", untouched, "--events"),
    ]);
    expect(earlier.map((outcome) => outcome.status)).toEqual([0, 0]);
    writeFileSync(join(reused, "notes.txt"), "my notes\n");
    writeFileSync(join(untouched, "notes.txt"), "my notes\n");
    before = contentsOf(untouched);
    [rerun, failed, interrupted] = await Promise.all([
      ccsimAsync("run", QUICKSTART, "--out", reused, "--no-charts"),
      ccsimAsync("run", "test/fixtures/broken/negative-rate.yaml", "--out", untouched),
      ccsimInterrupted(["run", LONG, "--out", untouched, "--workers", "1", "--events"], untouched),
    ]);
  }, HOOK_TIMEOUT_MS);

  it("a rerun without --events removes the stale events.jsonl, says so, keeps notes.txt", () => {
    expect(rerun.status).toBe(0);
    expect(rerun.stdout).toContain(
      `removed ${join(reused, "events.jsonl")} (left by an earlier run)\n`,
    );
    expect(filesUnder(reused)).toEqual([...DATA_FILES, "notes.txt"].sort());
    expect(read(join(reused, "notes.txt"))).toBe("my notes\n");
    expect(JSON.parse(read(join(reused, "summary.json"))).scenario).toBe("quickstart");
  });

  it("a run that fails or is interrupted changes nothing in the folder", () => {
    expect(failed.status).toBe(2);
    expect(interrupted.status).toBe(130);
    expect(contentsOf(untouched)).toEqual(before);
    expect(Object.keys(before)).toContain("events.jsonl");
  });
});

describe("provenance in summary.json", () => {
  const out = (name: string) => join(scratch, "provenance", name);
  const copies = join(scratch, "copies");
  let statuses: (number | null)[] = [];
  beforeAll(async () => {
    mkdirSync(copies, { recursive: true });
    copyFileSync(QUICKSTART, join(copies, "same.yaml"));
    // One byte changed, in a display name that no metric depends on.
    const text = read(QUICKSTART);
    expect(text).toContain("name: My Queue\n");
    writeFileSync(
      join(copies, "changed.yaml"),
      text.replace("name: My Queue\n", "name: My Queuf\n"),
    );
    const outcomes = await Promise.all([
      ccsimAsync("run", QUICKSTART, "--out", out("first")),
      ccsimAsync("run", QUICKSTART, "--out", out("second")),
      ccsimAsync("run", `./${QUICKSTART}`, "--out", out("dot-slash")),
      ccsimAsync("run", resolve(QUICKSTART), "--out", out("absolute")),
      ccsimAsyncIn(copies, "run", "same.yaml", "--out", out("same")),
      ccsimAsyncIn(copies, "run", "changed.yaml", "--out", out("changed")),
      ccsimAsync("run", TRACE, "--out", out("trace"), "--replications", "1"),
    ]);
    statuses = outcomes.map((outcome) => outcome.status);
  }, HOOK_TIMEOUT_MS);

  const summaryText = (name: string) => read(join(out(name), "summary.json"));
  const summaryOf = (name: string) => JSON.parse(summaryText(name));

  it("exit 0", () => {
    expect(statuses).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it("names the version, the scenario file as run from here, and its SHA-256", () => {
    const version = JSON.parse(read("package.json")).version;
    expect(summaryOf("first").provenance).toEqual({
      ccsimVersion: version,
      scenarioFile: QUICKSTART,
      scenarioSha256: sha256(QUICKSTART),
      traceFiles: [],
    });
    expect(summaryOf("first")).toMatchObject({ seed: 1, replications: 1 });
  });

  it("two identical runs give byte-identical summary.json, however the file was spelled", () => {
    const first = summaryText("first");
    expect(summaryText("second")).toBe(first);
    expect(summaryText("dot-slash")).toBe(first);
    expect(summaryText("absolute")).toBe(first);
  });

  it("holds no absolute path and no host name", () => {
    for (const name of ["first", "absolute", "same", "trace"]) {
      const text = summaryText(name);
      expect(text).not.toContain(process.cwd());
      expect(text).not.toContain(scratch);
      expect(text).not.toContain(`"${hostname()}"`);
    }
  });

  it("the same bytes give the same hash; one byte changed gives another, with equal metrics", () => {
    const original = summaryOf("first");
    const same = summaryOf("same");
    const changed = summaryOf("changed");
    expect(same.provenance.scenarioFile).toBe("same.yaml");
    expect(same.provenance.scenarioSha256).toBe(original.provenance.scenarioSha256);
    expect(changed.provenance.scenarioSha256).toBe(sha256(join(copies, "changed.yaml")));
    expect(changed.provenance.scenarioSha256).not.toBe(original.provenance.scenarioSha256);
    expect(changed.overall).toEqual(original.overall);
  });

  it("hashes each trace file the scenario reads", () => {
    expect(summaryOf("trace").provenance.traceFiles).toEqual([
      { arrival: "call", file: TRACE_CSV, sha256: sha256(TRACE_CSV) },
    ]);
  });
});
