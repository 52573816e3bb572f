/**
 * report.html from a fixture run: every chart's title, caption and SVG is on the page, the KPI
 * tiles and the per-queue table show each figure ± its half-width, the service level is judged
 * on the target, everything from the scenario is escaped, and nothing points at the network.
 */
import { describe, expect, it } from "vitest";
import { arimoWoff2Fonts } from "../../../src/cli/run/report-fonts.ts";
import { escapeHtml, type ReportInput, renderReportHtml } from "../../../src/report/html/index.ts";
import { renderSvg } from "../../../src/report/render/index.ts";
import { scope } from "../fixtures.ts";
import {
  FIXTURE_INPUT,
  FIXTURE_RUN,
  FIXTURE_SUMMARY,
  fixtureChartsOf,
} from "../render/fixture-charts.ts";

const charts = await Promise.all(
  fixtureChartsOf(FIXTURE_INPUT).map(async (chart) => ({
    name: chart.name,
    title: chart.title,
    caption: chart.caption,
    svg: await renderSvg(chart.spec, chart.name),
  })),
);
const fonts = arimoWoff2Fonts();
const input: ReportInput = {
  run: FIXTURE_RUN,
  ccsimVersion: "9.8.7",
  scenarioFile: "scenarios/fixture.yaml",
  summary: FIXTURE_SUMMARY,
  charts,
  fonts,
};
const html = renderReportHtml(input);

describe("report.html", () => {
  it("shows every chart: its heading, its inline SVG and its caption under it, in order", () => {
    let from = 0;
    for (const chart of charts) {
      const at = html.indexOf(`<h3 class="visually-hidden">${escapeHtml(chart.title)}</h3>`, from);
      expect(at, chart.name).toBeGreaterThan(from);
      const svgAt = html.indexOf(chart.svg, at);
      expect(svgAt, chart.name).toBeGreaterThan(at);
      expect(html.indexOf(escapeHtml(chart.caption), svgAt)).toBeGreaterThan(svgAt);
      from = at;
    }
    expect(html.match(/<svg\b/g)?.length).toBe(charts.length);
  });

  it("leaves out the KPI chart, whose figures are the page's own tiles", () => {
    const kpis = { ...(charts[0] as (typeof charts)[number]), name: "kpis", title: "Key figures" };
    const page = renderReportHtml({ ...input, charts: [kpis, ...charts] });
    expect(page).not.toContain('id="chart-kpis"');
    expect(page.match(/<svg\b/g)?.length).toBe(charts.length);
  });

  it("states the scenario and the run's facts", () => {
    expect(html).toContain("<h1>fixture-day</h1>");
    expect(html).toContain("Two queues over four hours");
    for (const fact of [
      "2026-03-02 08:00 UTC",
      "4 h",
      "30 min",
      "80% answered within 20 s",
      "9.8.7",
    ]) {
      expect(html).toContain(fact);
    }
    expect(html).toContain("scenarios/fixture.yaml");
  });

  it("has the four KPI tiles with their half-widths, the service level judged on the target", () => {
    const tiles = html.match(/<div class="tile[^"]*">.*?<\/div><\/div>/g) ?? [];
    expect(tiles).toHaveLength(4);
    expect(html).toContain('<div class="tile near">'); // 77.1% ± 4.1% against 80%
    expect(html).toContain("77.1%");
    expect(html).toContain("± 4.1%");
    expect(html).toContain("14.3 s"); // 14.25 is exact in binary: toFixed rounds the tie up
  });

  it("has one table row per queue with each figure ± its half-width", () => {
    const rows = html.match(/<tr><th scope="row">/g) ?? [];
    expect(rows).toHaveLength(Object.keys(FIXTURE_SUMMARY.queues).length);
    expect(html).toContain("<td>812.4 ± 12.5</td>");
    expect(html).toContain("<td>41.0 s ± 4.0 s</td>");
  });

  it("names a queue by its scenario name, with its id beside it", () => {
    const named = renderReportHtml({
      ...input,
      queueNames: new Map([["sales", "Sales & renewals"]]),
    });
    expect(named).toContain(
      '<th scope="row">Sales &amp; renewals <span class="queue-id">sales</span></th>',
    );
  });

  it("escapes everything from the scenario", () => {
    const hostile = renderReportHtml({
      ...input,
      run: { ...FIXTURE_RUN, scenario: "<script>alert(1)</script>", description: 'a "b" & <c>' },
      summary: { ...FIXTURE_SUMMARY, queues: { "<img src=x>": scope({}) } },
      charts: [],
    });
    expect(hostile).not.toContain("<script>");
    expect(hostile).not.toContain("<img");
    expect(hostile).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(hostile).toContain("a &quot;b&quot; &amp; &lt;c&gt;");
    expect(html).toContain("&lt;support &amp; &quot;care&quot;&gt;");
  });

  it("needs no network: no script, no src or href outside the page, url() only data:", () => {
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<link\b/i);
    for (const match of html.matchAll(/\b(?:src|href)\s*=\s*"([^"]*)"/gi)) {
      expect(match[1]?.startsWith("#"), match[0]).toBe(true);
    }
    for (const match of html.matchAll(/url\(\s*([^)]*)\)/gi)) {
      expect(/^(data:|#)/.test(match[1] ?? ""), match[0].slice(0, 40)).toBe(true);
    }
  });

  it("embeds Arimo regular and bold as WOFF2 data", () => {
    const faces = html.match(/@font-face \{[^}]*\}/g) ?? [];
    expect(faces).toHaveLength(2);
    expect(faces[0]).toContain("font-weight: 400");
    expect(faces[1]).toContain("font-weight: 700");
    expect(html).toContain(Buffer.from(fonts.regular).toString("base64"));
    expect(html).toContain(Buffer.from(fonts.bold).toString("base64"));
  });

  it("explains a band, ±, and the warm-up", () => {
    expect(html).toContain("How to read this report");
    expect(html).toMatch(/95% confidence intervals/);
    expect(html).toMatch(/first 30 min are a warm-up/);
  });

  it("says so when a run has one replication (no ±) or no charts", () => {
    const one = renderReportHtml({
      ...input,
      run: { ...FIXTURE_RUN, replications: 1 },
      summary: {
        ...FIXTURE_SUMMARY,
        replications: 1,
        overall: scope({ serviceLevel: { mean: 0.5, halfWidth: null } }),
      },
      charts: [],
    });
    expect(one).toContain("With one replication there is no ±");
    expect(one).toContain('<div class="tile bad">');
    expect(one).toContain("No charts were drawn");
  });
});
