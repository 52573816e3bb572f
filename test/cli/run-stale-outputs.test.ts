/**
 * Stale outputs: once a run's files are in place, ccsim's own files that an earlier run wrote and
 * this run did not are removed — only ccsim's names, only regular files, only in a folder an
 * earlier run owns (a ccsim summary.json is there) — and nothing is removed when writing fails.
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { temporaryNameOf } from "../../src/cli/run/atomic-files.ts";
import {
  CHARTS_FOLDER,
  COMPARE_CHART_NAMES,
  isChartFileOf,
  isRunOutputFile,
  RUN_CHART_NAMES,
  RUN_OUTPUT_FILES,
  STAFF_CHART_NAMES,
} from "../../src/cli/run/output-names.ts";
import { publishOutputs } from "../../src/cli/run/publish-outputs.ts";
import {
  holdsCcsimSummary,
  RUN_OUTPUT_SET,
  removeStaleOutputs,
} from "../../src/cli/run/stale-outputs.ts";
import { chartsOf } from "../../src/report/charts/index.ts";
import { FIXTURES, inputOf } from "../report/charts/fixtures.ts";

const scratch = mkdtempSync(join(tmpdir(), "ccsim-stale-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
let folders = 0;

/** A ccsim summary.json as far as recognition goes: the contract's fields. */
const CCSIM_SUMMARY = '{ "scenario": "old", "seed": 1, "replications": 2, "overall": {} }\n';

/** A folder holding `files` (name → text; a name ending in / is a folder). */
function folderWith(files: Record<string, string>): string {
  const folder = join(scratch, `folder-${++folders}`);
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith("/")) mkdirSync(join(folder, name), { recursive: true });
    else writeFileSync(join(folder, name), text);
  }
  return folder;
}

const listing = (folder: string) => readdirSync(folder, { recursive: true }).map(String).sort();

describe("output names", () => {
  it("knows ccsim's names and no others", () => {
    for (const name of Object.values(RUN_OUTPUT_FILES)) expect(isRunOutputFile(name)).toBe(true);
    for (const name of ["notes.txt", "summary.json.bak", "Summary.json", "events.jsonl/"]) {
      expect(isRunOutputFile(name)).toBe(false);
    }
    for (const name of ["waits.vl.json", "waits.svg", "kpis.png"]) {
      expect(isChartFileOf(RUN_CHART_NAMES, name)).toBe(true);
    }
    for (const name of [".svg", "notes.txt", "waits.json", "waits.svg.bak", "queue-1.png"]) {
      expect(isChartFileOf(RUN_CHART_NAMES, name)).toBe(false);
    }
  });

  it("names every chart run draws, and none another command draws", () => {
    for (const shape of Object.values(FIXTURES)) {
      for (const chart of chartsOf(inputOf(shape))) expect(RUN_CHART_NAMES).toContain(chart.name);
    }
    // staff --per-interval's chart is not in STAFF_CHART_NAMES (that command cleans nothing).
    for (const other of [...COMPARE_CHART_NAMES, ...STAFF_CHART_NAMES, "sweep", "staffing-curve"]) {
      expect(RUN_CHART_NAMES).not.toContain(other);
    }
  });
});

describe("holdsCcsimSummary", () => {
  it.each([
    ["a ccsim summary.json", { "summary.json": CCSIM_SUMMARY }, true],
    ["no summary.json", { "events.jsonl": "{}\n" }, false],
    ["a summary.json that is not JSON", { "summary.json": "summary: yes\n" }, false],
    ["someone else's summary.json", { "summary.json": '{ "total": 3 }\n' }, false],
    ["a folder named summary.json", { "summary.json/": "" }, false],
  ])("%s: %s", (_, files, expected) => {
    expect(holdsCcsimSummary(folderWith(files))).toBe(expected);
  });
});

describe("removeStaleOutputs", () => {
  it("removes ccsim's files not kept, and only those", () => {
    const folder = folderWith({
      "summary.json": CCSIM_SUMMARY,
      "summary.csv": "",
      "events.jsonl": "old events\n",
      "report.html": "old report\n",
      "waits.csv": "",
      "notes.txt": "mine\n",
      "summary.json.bak": "mine\n",
      "charts/": "",
      "charts/waits.svg": "<svg/>",
      "charts/waits.vl.json": "{}",
      "charts/kept.svg": "<svg/>",
      "charts/my-drawing.txt": "mine\n",
    });
    const outcome = removeStaleOutputs(
      folder,
      new Set([RUN_OUTPUT_FILES.summaryJson, RUN_OUTPUT_FILES.summaryCsv, "charts/kept.svg"]),
    );
    expect(outcome.notRemoved).toEqual([]);
    expect(outcome.removed.sort()).toEqual(
      [
        "events.jsonl",
        "report.html",
        "waits.csv",
        `${CHARTS_FOLDER}/waits.svg`,
        `${CHARTS_FOLDER}/waits.vl.json`,
      ]
        .map((name) => join(folder, name))
        .sort(),
    );
    expect(listing(folder)).toEqual(
      [
        "charts",
        join("charts", "kept.svg"),
        join("charts", "my-drawing.txt"),
        "notes.txt",
        "summary.csv",
        "summary.json",
        "summary.json.bak",
      ].sort(),
    );
  });

  it("leaves the charts of staff, sweep and compare sharing the folder", () => {
    const others = [
      "staffing-search.vl.json",
      "staffing-search.svg",
      "staffing-curve.svg",
      "sweep.svg",
      "sweep.png",
      "differences.svg",
    ];
    const folder = folderWith({
      "summary.json": CCSIM_SUMMARY,
      "staffing.csv": "",
      "sweep.json": "{}",
      "charts/": "",
      "charts/waits.svg": "<svg/>",
      ...Object.fromEntries(others.map((name) => [`charts/${name}`, "<svg/>"])),
    });
    const outcome = removeStaleOutputs(folder, new Set([RUN_OUTPUT_FILES.summaryJson]));
    expect(outcome.removed).toEqual([join(folder, CHARTS_FOLDER, "waits.svg")]);
    expect(listing(folder)).toEqual(
      [
        "charts",
        ...others.map((name) => join("charts", name)),
        "staffing.csv",
        "summary.json",
        "sweep.json",
      ].sort(),
    );
    expect(others.filter((name) => RUN_OUTPUT_SET.isOwnChart(name))).toEqual([]);
  });

  it("removes the charts folder once empty, never one that holds someone's file", () => {
    const empty = folderWith({ "charts/": "", "charts/waits.png": "" });
    removeStaleOutputs(empty, new Set());
    expect(existsSync(join(empty, "charts"))).toBe(false);
    const kept = folderWith({ "charts/": "", "charts/waits.png": "", "charts/notes.md": "mine" });
    removeStaleOutputs(kept, new Set());
    expect(listing(kept)).toEqual(["charts", join("charts", "notes.md")]);
  });

  it("leaves a folder or a link that bears an output's name, and what a linked charts folder holds", () => {
    const target = folderWith({ "waits.svg": "not ccsim's", "precious.txt": "keep" });
    const folder = folderWith({ "events.jsonl/": "", "events.jsonl/inside.txt": "mine" });
    symlinkSync(join(target, "precious.txt"), join(folder, "report.html"));
    symlinkSync(target, join(folder, "charts"));
    const outcome = removeStaleOutputs(folder, new Set());
    expect(outcome).toEqual({ removed: [], notRemoved: [] });
    expect(listing(target)).toEqual(["precious.txt", "waits.svg"]);
    expect(existsSync(join(folder, "events.jsonl", "inside.txt"))).toBe(true);
    expect(existsSync(join(folder, "report.html"))).toBe(true);
  });
});

describe("publishOutputs", () => {
  const newSet = () =>
    new Map([
      [RUN_OUTPUT_FILES.summaryJson, '{ "scenario": "new", "replications": 1, "overall": {} }\n'],
      [RUN_OUTPUT_FILES.summaryCsv, "new csv\n"],
    ]);

  it("in a folder an earlier run owns: writes the new set, then removes the stale files", () => {
    const folder = folderWith({
      "summary.json": CCSIM_SUMMARY,
      "events.jsonl": "old events\n",
      "notes.txt": "mine\n",
    });
    const published = publishOutputs(folder, newSet());
    expect(published.written).toEqual([join(folder, "summary.json"), join(folder, "summary.csv")]);
    expect(published.removed).toEqual([join(folder, "events.jsonl")]);
    expect(listing(folder)).toEqual(["notes.txt", "summary.csv", "summary.json"]);
    expect(readFileSync(join(folder, "summary.csv"), "utf8")).toBe("new csv\n");
  });

  it("keeps a streamed output and moves it into place with the rest", () => {
    const folder = folderWith({ "summary.json": CCSIM_SUMMARY, "events.jsonl": "old events\n" });
    writeFileSync(temporaryNameOf(join(folder, "events.jsonl")), "new events\n");
    const published = publishOutputs(folder, newSet(), [RUN_OUTPUT_FILES.events]);
    expect(published.removed).toEqual([]);
    expect(readFileSync(join(folder, "events.jsonl"), "utf8")).toBe("new events\n");
  });

  it("in a folder no ccsim run owns: removes nothing, even files named like ccsim's", () => {
    const folder = folderWith({ "events.jsonl": "my log\n", "report.html": "my page\n" });
    const published = publishOutputs(folder, newSet());
    expect(published.removed).toEqual([]);
    expect(listing(folder)).toEqual(["events.jsonl", "report.html", "summary.csv", "summary.json"]);
  });

  it("when writing fails: the earlier set stays whole, nothing is removed or left behind", () => {
    const folder = folderWith({
      "summary.json": CCSIM_SUMMARY,
      "summary.csv": "old csv\n",
      "events.jsonl": "old events\n",
    });
    // A folder where the temporary summary.csv must go makes that write fail.
    mkdirSync(temporaryNameOf(join(folder, "summary.csv")));
    expect(() => publishOutputs(folder, newSet())).toThrow(/EISDIR/);
    rmSync(temporaryNameOf(join(folder, "summary.csv")), { recursive: true });
    expect(listing(folder)).toEqual(["events.jsonl", "summary.csv", "summary.json"]);
    expect(readFileSync(join(folder, "summary.json"), "utf8")).toBe(CCSIM_SUMMARY);
    expect(readFileSync(join(folder, "events.jsonl"), "utf8")).toBe("old events\n");
  });

  it("creates the charts folder for a chart, and removes it again when the write fails", () => {
    const folder = folderWith({});
    publishOutputs(folder, new Map([[`${CHARTS_FOLDER}/waits.svg` as const, "<svg/>"]]));
    expect(listing(folder)).toEqual(["charts", join("charts", "waits.svg")]);
    const failing = folderWith({});
    mkdirSync(temporaryNameOf(join(failing, "summary.json")));
    const withChart = new Map([
      [RUN_OUTPUT_FILES.summaryJson, "{}\n"],
      [`${CHARTS_FOLDER}/waits.svg` as const, "<svg/>"],
    ]);
    expect(() => publishOutputs(failing, withChart)).toThrow(/EISDIR/);
    expect(existsSync(join(failing, "charts"))).toBe(false);
  });
});
