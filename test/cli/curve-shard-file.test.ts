/**
 * The files of a sharded `staff --per-interval`: a day's shard.json and the study's
 * staff-progress.json keep every estimate (an interval without arrivals has a NaN service
 * level) through writing and reading, and a resumed round is checked against the study's
 * options, one line per difference.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  type CurveShardFile,
  parseShardFile,
  renderCurveShardFile,
} from "../../src/cli/run/shard-file.ts";
import {
  type CurveStudyHeader,
  progressMismatches,
  readCurveProgress,
  renderCurveProgress,
} from "../../src/cli/staff/curve-shard-progress.ts";
import { loadScenario } from "../../src/index.ts";

/** A real scenario: the shard carries it so that merge can rebuild the search's theory. */
const scenarioDefinition = await loadScenario("test/fixtures/staff/three-intervals.yaml");

const header: CurveStudyHeader = {
  scenario: "three-intervals",
  seed: 11,
  replications: 4,
  provenance: {
    ccsimVersion: "0.1.0",
    scenarioFile: "test/fixtures/staff/three-intervals.yaml",
    scenarioSha256: "ab".repeat(32),
    traceFiles: [],
  },
  scenarioSha256: "cd".repeat(32),
  options: {
    group: "agent",
    targets: ["serviceLevel>=0.8"],
    criterion: "interval",
    min: 0,
    max: 1000,
    maxDays: 60,
  },
  layout: {
    queues: ["line"],
    start: [9, 22, 12],
    erlang: [9, 22, null],
    arrivalsPerHour: [120, 360, 0],
    intervalLengthSeconds: 1800,
    horizonSeconds: 5400,
  },
};

const days = [
  {
    staffing: [9, 22, 12],
    estimates: [
      [{ mean: 0.91, halfWidth: 0.1 }],
      [{ mean: 0.75, halfWidth: null }],
      [{ mean: Number.NaN, halfWidth: null }],
    ],
  },
];

const scratch = mkdtempSync(join(tmpdir(), "ccsim-curve-shard-file-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("the shard file of a day of staff --per-interval", () => {
  it("keeps the days merged before, NaN estimates included, through writing and reading", () => {
    const { scenario, seed, replications, provenance, ...identity } = header;
    const text = renderCurveShardFile(
      { scenario, seed, replications, provenance, shard: { index: 2, count: 3 } },
      { ...identity, scenarioDefinition, days, staffing: [10, 23, 12], results: [] },
    );
    const parsed = parseShardFile(text) as CurveShardFile;
    expect(typeof parsed).toBe("object");
    expect(parsed.command).toBe("staff");
    expect(parsed.staffing).toEqual([10, 23, 12]);
    expect(parsed.layout.erlang).toEqual([9, 22, null]);
    expect(parsed.scenarioDefinition).toEqual(scenarioDefinition);
    expect(Number.isNaN(parsed.days[0]?.estimates[2]?.[0]?.mean)).toBe(true);
    expect(parsed.days[0]?.estimates[1]?.[0]).toEqual({ mean: 0.75, halfWidth: null });
  });

  it("refuses a staff shard without the search's options", () => {
    const text = renderCurveShardFile(
      { ...header, shard: { index: 1, count: 1 } },
      { ...header, scenarioDefinition, days, staffing: [1, 2, 3], results: [] },
    ).replace('"criterion":"interval"', '"criterion":"median"');
    expect(parseShardFile(text)).toMatch(/options\.criterion/);
  });
});

describe("staff-progress.json", () => {
  it("reads back what merge wrote, NaN included", () => {
    const folder = join(scratch, "study");
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder);
    writeFileSync(
      join(folder, "staff-progress.json"),
      renderCurveProgress(header, days, [10, 23, 12]),
    );
    const progress = readCurveProgress(folder);
    if (typeof progress === "string") expect.unreachable(progress);
    expect(progress.next).toEqual([10, 23, 12]);
    expect(Number.isNaN(progress.days[0]?.estimates[2]?.[0]?.mean)).toBe(true);
    expect(progressMismatches(progress, header, folder)).toEqual([]);
  });

  it("names every option a resumed round changes, one line each", () => {
    const other: CurveStudyHeader = {
      ...header,
      seed: 12,
      options: { ...header.options, targets: ["serviceLevel>=0.85"], maxDays: 20 },
    };
    const problems = progressMismatches(header, other, "study");
    expect(problems).toHaveLength(3);
    expect(problems[0]).toBe(
      "--resume study: the study's seed is 11, this command's 12: resume a study with the options that started it",
    );
    expect(problems[1]).toContain(
      '--target is ["serviceLevel>=0.8"], this command\'s ["serviceLevel>=0.85"]',
    );
    expect(problems[2]).toContain("--max-days is 60, this command's 20");
  });

  it("says why a folder has no progress to resume", () => {
    expect(readCurveProgress(join(scratch, "absent"))).toMatch(/no such folder/);
    const ended = join(scratch, "ended");
    mkdirSync(ended, { recursive: true });
    writeFileSync(join(ended, "staffing-intervals.csv"), "intervalStartSeconds\n");
    expect(readCurveProgress(ended)).toMatch(/the search there has ended/);
    const broken = join(scratch, "broken");
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, "staff-progress.json"), '{"format":"ccsim-staff-progress"');
    expect(readCurveProgress(broken)).toMatch(/not JSON/);
  });
});
