/**
 * `ccsim run` draws: charts/<name>.vl.json and .svg for every chart and report.html unless
 * --no-charts, PNGs with --png, all published with the data files (whole or not at all), and
 * a console line saying what was drawn. A Ctrl-C while drawing stops with nothing written.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { drawCharts, renderChartOutputs, untilAborted } from "../../src/cli/run/chart-outputs.ts";
import { describeWritten } from "../../src/cli/run/publish-outputs.ts";
import { RunInterrupted } from "../../src/cli/run/replications.ts";
import { FIXTURE_INPUT, fixtureChartsOf } from "../report/render/fixture-charts.ts";
import { ccsimAsync, type Outcome } from "../support/ccsim-process.ts";

/** Several CLI processes share two cores with other suites: far above vitest's default. */
const HOOK_TIMEOUT_MS = 240_000;
const QUICKSTART = "scenarios/quickstart.yaml";

const scratch = mkdtempSync(join(tmpdir(), "ccsim-run-charts-test-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const chartFiles = (out: string) =>
  existsSync(join(out, "charts")) ? readdirSync(join(out, "charts")).sort() : [];
const stems = (files: readonly string[], ending: string) =>
  files.filter((name) => name.endsWith(ending)).map((name) => name.slice(0, -ending.length));

describe("ccsim run with charts", () => {
  const drawn = join(scratch, "drawn");
  const withPng = join(scratch, "png");
  const without = join(scratch, "without");
  let outcomes: Outcome[] = [];
  beforeAll(async () => {
    outcomes = await Promise.all([
      ccsimAsync("run", QUICKSTART, "--out", drawn, "--no-progress"),
      ccsimAsync("run", QUICKSTART, "--out", withPng, "--png", "--no-progress"),
      ccsimAsync("run", QUICKSTART, "--out", without, "--no-charts", "--no-progress"),
    ]);
  }, HOOK_TIMEOUT_MS);

  it("exit 0, quietly on stderr", () => {
    expect(outcomes.map((outcome) => [outcome.status, outcome.stderr])).toEqual([
      [0, ""],
      [0, ""],
      [0, ""],
    ]);
  });

  it("writes report.html and, per chart, its spec and SVG; says how many and how big", () => {
    const files = chartFiles(drawn);
    const specs = stems(files, ".vl.json");
    expect(stems(files, ".svg")).toEqual(specs);
    expect(files).toHaveLength(2 * specs.length); // no PNG without --png
    expect(specs).toEqual(expect.arrayContaining(["kpis", "service-level", "staffing", "waits"]));
    const line = /^charts: (\d+) charts and report\.html \((\d+) kB\) in \d+\.\d\d s$/m.exec(
      outcomes[0]?.stdout ?? "",
    );
    expect(line?.[1]).toBe(String(specs.length));
    const report = readFileSync(join(drawn, "report.html"), "utf8");
    expect(Number(line?.[2])).toBe(Math.round(Buffer.byteLength(report) / 1000));
    expect(report).toContain("<h1>quickstart</h1>");
    for (const name of specs) {
      const specText = readFileSync(join(drawn, "charts", `${name}.vl.json`), "utf8");
      expect(specText.endsWith("}\n")).toBe(true);
      expect(JSON.parse(specText)).toHaveProperty("config.font");
      const svg = readFileSync(join(drawn, "charts", `${name}.svg`), "utf8");
      expect(svg.startsWith("<svg")).toBe(true);
      // The KPI chart's figures are the page's own tiles; every other chart is inlined.
      if (name === "kpis") expect(report).not.toContain(svg);
      else expect(report).toContain(svg);
    }
    expect(outcomes[0]?.stdout).toContain(join(drawn, "report.html"));
  });

  it("--png adds a PNG per chart (chart files counted, not listed, on the console)", () => {
    const stdout = outcomes[1]?.stdout ?? "";
    expect(stdout).toMatch(/^charts: \d+ charts \(SVG and PNG\) and report\.html/m);
    const count = Number(/^charts: (\d+)/m.exec(stdout)?.[1]);
    const files = chartFiles(withPng);
    expect(stems(files, ".png")).toEqual(stems(files, ".svg"));
    expect(files).toHaveLength(3 * count);
    if (count > 0) {
      expect(stdout).toContain(`${join(withPng, "charts")}${sep} (${3 * count} files)`);
    }
  });

  it("--no-charts writes neither charts nor report.html", () => {
    expect(existsSync(join(without, "report.html"))).toBe(false);
    expect(existsSync(join(without, "charts"))).toBe(false);
    expect(outcomes[2]?.stdout).not.toMatch(/^charts:/m);
  });
});

describe("a rerun with --no-charts in the folder of a run with charts and PNGs", () => {
  const folder = join(scratch, "png"); // written by the describe above, which runs first
  /** Charts staff and sweep drew into the same folder: not run's to remove. */
  const othersCharts = ["staffing-curve.svg", "staffing-search.svg", "sweep.png", "sweep.svg"];
  let afterNoCharts: Outcome;
  beforeAll(async () => {
    for (const name of othersCharts) writeFileSync(join(folder, "charts", name), "<svg/>");
    afterNoCharts = await ccsimAsync("run", QUICKSTART, "--out", folder, "--no-charts");
  }, HOOK_TIMEOUT_MS);

  it("removes the earlier run's report and drawings, and says so", () => {
    expect(afterNoCharts.status).toBe(0);
    expect(afterNoCharts.stdout).toMatch(/^removed .*report\.html.* \(left by an earlier run\)$/m);
    expect(existsSync(join(folder, "report.html"))).toBe(false);
  });

  it("leaves the charts other commands drew there", () => {
    expect(chartFiles(folder)).toEqual(othersCharts);
  });
});

describe("--png with --no-charts", () => {
  it("is a usage error, before anything is simulated or written", async () => {
    const out = join(scratch, "contradiction");
    const outcome = await ccsimAsync("run", QUICKSTART, "--out", out, "--png", "--no-charts");
    expect(outcome.status).toBe(2);
    expect(outcome.stderr).toMatch(
      /^ccsim: --png draws the charts as PNGs: it cannot go with --no-charts\n/,
    );
    expect(existsSync(out)).toBe(false);
  });
});

describe("the console's list of written files", () => {
  it("counts the chart files instead of listing them, where the first was", () => {
    const charts = join("out", "charts");
    const written = [
      join("out", "summary.json"),
      join(charts, "a.vl.json"),
      join(charts, "a.svg"),
      join("out", "report.html"),
    ];
    expect(describeWritten("out", written)).toBe(
      `${join("out", "summary.json")}, ${charts}${sep} (2 files), ${join("out", "report.html")}`,
    );
    expect(describeWritten("out", [join("out", "summary.json")])).toBe(join("out", "summary.json"));
  });
});

describe("drawing stops on Ctrl-C", () => {
  it("an aborted signal stops the drawing with RunInterrupted before any output exists", async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(
      renderChartOutputs({
        input: FIXTURE_INPUT,
        ccsimVersion: "0",
        png: true,
        signal: abort.signal,
      }),
    ).rejects.toThrow(RunInterrupted);
  });

  it("a Ctrl-C while the chart libraries load stops at once, not when the load ends", async () => {
    const abort = new AbortController();
    const neverLoads = new Promise<never>(() => {});
    const waiting = untilAborted(neverLoads, abort.signal);
    abort.abort();
    await expect(waiting).rejects.toThrow(RunInterrupted);
    // Without an abort, the work's own result or failure comes through.
    await expect(untilAborted(Promise.resolve(7), new AbortController().signal)).resolves.toBe(7);
    await expect(
      untilAborted(Promise.reject(new Error("load failed")), new AbortController().signal),
    ).rejects.toThrow("load failed");
  });

  it("an aborted signal stops drawing before the first chart", async () => {
    const abort = new AbortController();
    abort.abort();
    const charts = fixtureChartsOf(FIXTURE_INPUT);
    await expect(drawCharts(charts, { png: true, signal: abort.signal })).rejects.toThrow(
      RunInterrupted,
    );
  });

  it("without an abort, every chart gives its spec, SVG and PNG, in chart order", async () => {
    const charts = fixtureChartsOf(FIXTURE_INPUT);
    const { files, rendered } = await drawCharts(charts, {
      png: true,
      signal: new AbortController().signal,
    });
    expect([...files.keys()]).toEqual(
      charts.flatMap((chart) =>
        [".vl.json", ".svg", ".png"].map((ending) => `charts/${chart.name}${ending}`),
      ),
    );
    for (const chart of charts) {
      const png = files.get(`charts/${chart.name}.png`);
      expect(png instanceof Uint8Array && png[1] === 0x50 && png[2] === 0x4e).toBe(true);
    }
    expect(rendered.map((chart) => chart.svg)).toEqual(
      charts.map((chart) => files.get(`charts/${chart.name}.svg`)),
    );
  });

  it("without an abort, the same request gives the report", async () => {
    const outputs = await renderChartOutputs({
      input: FIXTURE_INPUT,
      ccsimVersion: "0",
      png: false,
    });
    expect(outputs.files.has("report.html")).toBe(true);
    expect(outputs.reportBytes).toBe(Buffer.byteLength(String(outputs.files.get("report.html"))));
  });
});
