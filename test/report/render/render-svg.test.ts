/**
 * Drawing specs to SVG and PNG: every chart has its marks and axis titles, labels are laid out
 * with Arimo's widths (none cut), ids are prefixed per chart, local time is refused and time
 * labels are UTC whatever the machine's zone, PNGs decode at twice the SVG's size. vega's id
 * counters are process-wide, so these tests check structure, not SVG bytes.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { arimoTtfPaths } from "../../../src/cli/run/report-fonts.ts";
import {
  CHART_FONT_FAMILY,
  ChartSpecError,
  renderPng,
  renderSvg,
} from "../../../src/report/render/index.ts";
import { prefixSvgIds } from "../../../src/report/render/svg-ids.ts";
import { FIXTURE_INPUT, fixtureChartsOf } from "./fixture-charts.ts";
import { axisTitlesOf } from "./spec-titles.ts";

const charts = fixtureChartsOf(FIXTURE_INPUT);
const svgs = new Map<string, string>();
for (const chart of charts) svgs.set(chart.name, await renderSvg(chart.spec, chart.name));

/** The text content of every <text> element, entities decoded. */
function textsOf(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((match) =>
    (match[1] ?? "")
      .replaceAll("&lt;", "<")
      .replaceAll("&gt;", ">")
      .replaceAll("&quot;", '"')
      .replaceAll("&#39;", "'")
      .replaceAll("&amp;", "&"),
  );
}

describe("renderSvg", () => {
  it("draws every chart with its marks and its axis titles", () => {
    for (const chart of charts) {
      const svg = svgs.get(chart.name) ?? "";
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg, chart.name).toMatch(/class="mark-(rect|rule)[^"]*"[^>]*>\s*<(path|line)/);
      const texts = textsOf(svg);
      const titles = axisTitlesOf(chart.spec);
      expect(titles.length, chart.name).toBeGreaterThan(0);
      for (const title of titles) expect(texts, `${chart.name}: ${title}`).toContain(title);
    }
  });

  it("lays labels out with Arimo's widths: legend labels whole, where 0.8 em a character cut them", () => {
    // At 11 px, vega's guess makes "Answered within 20 s" 176 px, past the 160 px legend limit.
    const texts = textsOf(svgs.get("arrivals") ?? "");
    expect(texts).toContain("Answered within 20 s");
    expect(texts).toContain("Answered later");
    expect(texts.filter((text) => text.endsWith("…"))).toEqual([]);
    expect(textsOf(svgs.get("service-level") ?? "")).toContain('<support & "care">');
  });

  it("sets the charts in Arimo", () => {
    for (const svg of svgs.values()) expect(svg).toContain(`font-family="${CHART_FONT_FAMILY}"`);
  });

  it("prefixes every id with the chart's name, and every reference points at an id of its own", () => {
    for (const [name, svg] of svgs) {
      const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1] ?? "");
      for (const id of ids) expect(id.startsWith(`${name}-`), `${name}: ${id}`).toBe(true);
      const references = [...svg.matchAll(/url\(#([^)]+)\)/g)].map((match) => match[1] ?? "");
      for (const reference of references) expect(ids, `${name}: ${reference}`).toContain(reference);
    }
    // The faceted chart clips its cells: the test would be empty without a clip path.
    expect(svgs.get("busy-by-queue")).toMatch(/clip-path="url\(#busy-by-queue-clip\d+\)"/);
  });

  it("gives the same bytes for the same spec: vega's id counters are reset for each chart", async () => {
    const chart = charts[2];
    if (chart === undefined) throw new Error("the fixture has a faceted chart");
    await renderSvg(charts[0]?.spec ?? chart.spec, "other"); // moves the counters on
    expect(await renderSvg(chart.spec, chart.name)).toBe(svgs.get(chart.name));
  });

  it("prefixSvgIds renames ids and their url(#) and href references, nothing else", () => {
    const svg =
      '<svg><clipPath id="clip1"/><g clip-path="url(#clip1)"/><use href="#clip1"/><text>url(#other)</text></svg>';
    expect(prefixSvgIds(svg, "waits")).toBe(
      '<svg><clipPath id="waits-clip1"/><g clip-path="url(#waits-clip1)"/><use href="#waits-clip1"/><text>url(#other)</text></svg>',
    );
  });

  it("refuses a spec whose time scale, time unit or label format is local time", async () => {
    const data = { values: [{ t: "2026-03-02T08:00:00Z", v: 1 }] };
    const local = [
      { x: { field: "t", type: "temporal" } },
      { x: { field: "t", type: "ordinal", timeUnit: "hoursminutes" } },
      {
        x: {
          field: "t",
          type: "temporal",
          scale: { type: "utc" },
          axis: { labelExpr: "timeFormat(datum.value, '%H:%M')" },
        },
      },
    ] as const;
    for (const encoding of local) {
      const spec = {
        data,
        mark: "bar",
        encoding: { ...encoding, y: { field: "v", type: "quantitative" } },
      } as const;
      await expect(renderSvg(spec, "local")).rejects.toThrow(/uses local time/);
    }
    const utc = {
      data,
      mark: "bar",
      encoding: { x: { field: "t", type: "ordinal", timeUnit: "utchoursminutes" } },
    } as const;
    await expect(renderSvg(utc, "utc")).resolves.toContain("08:00");
  });

  it("refuses a spec vega-lite warns about, instead of printing the warning", async () => {
    const spec = {
      data: { values: [{ v: 1 }] },
      mark: "bar",
      encoding: { y: { field: "v", type: "quantitative", axis: { formatType: "unknown-kind" } } },
    } as const;
    await expect(renderSvg(spec, "warned")).rejects.toThrow(ChartSpecError);
    await expect(renderSvg(spec, "warned")).rejects.toThrow(/warning: .*format type .* dropped/);
  });

  it("draws a chart whose data are empty (a run where no job arrived): axes, no marks, no error", async () => {
    const spec = {
      data: { values: [] },
      mark: "line",
      encoding: {
        x: { field: "waitSeconds", type: "quantitative", title: "waiting time" },
        y: { field: "share", type: "quantitative", title: "share" },
      },
    } as const;
    const svg = await renderSvg(spec, "empty");
    expect(svg).toContain("waiting time");
    expect(svg).not.toMatch(/role-mark[^>]*>\s*<path/);
  });

  it("draws the same SVG, labels and screen-reader text, whatever the machine's time zone", () => {
    // Child processes in other zones: vega reads the zone once, at start. Kiritimati (UTC+14)
    // puts the fixture's 08:00–12:00 UTC on the next calendar day.
    const script = [
      'const { renderSvg } = await import("./src/report/render/index.ts");',
      'const { FIXTURE_INPUT, fixtureChartsOf } = await import("./test/report/render/fixture-charts.ts");',
      "const [chart] = fixtureChartsOf(FIXTURE_INPUT);",
      "process.stdout.write(await renderSvg(chart.spec, chart.name));",
    ].join("\n");
    const drawnIn = (zone: string) => {
      const child = spawnSync(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script],
        { encoding: "utf8", env: { ...process.env, TZ: zone } },
      );
      expect(child.stderr).toBe("");
      return child.stdout;
    };
    const newYork = drawnIn("America/New_York");
    const kiritimati = drawnIn("Pacific/Kiritimati");
    expect(textsOf(newYork)).toContain("08:30");
    expect(textsOf(newYork)).not.toContain("03:30");
    expect(newYork).not.toContain("Mar 03, 2026");
    expect(kiritimati).toBe(newYork);
    expect(kiritimati).toBe(svgs.get(charts[0]?.name ?? ""));
  });
});

describe("renderPng", () => {
  it("gives a PNG at twice the SVG's size", async () => {
    const svg = svgs.get("arrivals") ?? "";
    const png = await renderPng(svg, arimoTtfPaths());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const header = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
    expect(header.readUInt32BE(16)).toBe(2 * width);
    expect(header.readUInt32BE(20)).toBe(2 * height);
  });
});
