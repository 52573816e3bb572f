/**
 * --charts and --png, declared once for run, merge, compare and sweep: each command's help names
 * its own chart files, and --png with --no-charts is the same one-line usage error in each,
 * before any file is read (the commands run in-process, on files that do not exist).
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { chartOptions, checkChartOptions } from "../../src/cli/session/chart-options.ts";
import { UsageError } from "../../src/errors.ts";
import { printedBy } from "../support/ccsim-in-process.ts";

afterEach(() => vi.restoreAllMocks());

describe("chartOptions", () => {
  it("names the command's chart files in both options' help", () => {
    const sweep = chartOptions("sweep");
    expect(sweep.charts).toMatchObject({ type: "boolean", default: true });
    expect(sweep.charts.describe).toBe("write charts/sweep.vl.json and .svg (--no-charts to skip)");
    expect(sweep.png).toMatchObject({ type: "boolean", default: false });
    expect(sweep.png.describe).toBe("also write charts/sweep.png (2× zoom, white background)");
    expect(chartOptions("<name>", " for every chart, and report.html").charts.describe).toBe(
      "write charts/<name>.vl.json and .svg for every chart, and report.html (--no-charts to skip)",
    );
  });

  it("refuses --png without charts, and nothing else", () => {
    expect(() => checkChartOptions({ charts: false, png: true }, "the chart as a PNG")).toThrow(
      new UsageError("--png draws the chart as a PNG: it cannot go with --no-charts"),
    );
    for (const [charts, png] of [
      [true, true],
      [true, false],
      [false, false],
    ] as const) {
      expect(() => checkChartOptions({ charts, png }, "x")).not.toThrow();
    }
  });
});

describe.each([
  ["run", ["run", "missing.yaml"], "charts/<name>", "the charts as PNGs"],
  ["merge", ["merge", "missing-shard"], "charts/<name>", "the charts as PNGs"],
  ["compare", ["compare", "missing.yaml"], "charts/differences", "the chart as a PNG"],
  ["sweep", ["sweep", "missing.yaml", "--set", "seed=1,2"], "charts/sweep", "the chart as a PNG"],
])("ccsim %s", (command, args, files, drawn) => {
  it("names its chart files in --help", async () => {
    const help = await printedBy([command, "--help"]);
    expect(help).toMatch(new RegExp(`--charts +write ${files.replace(/[<>]/g, ".")}\\.vl\\.json`));
    expect(help).toContain(`also write ${files}.png (2× zoom, white background)`);
  });

  it("refuses --png with --no-charts before reading a file", async () => {
    expect(await printedBy([...args, "--png", "--no-charts"])).toMatch(
      new RegExp(`^ccsim: --png draws ${drawn}: it cannot go with --no-charts\\n`),
    );
  });
});
