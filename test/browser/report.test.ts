/**
 * report.html in a real browser: Debian's Chromium, headless, with every network request
 * refused. Opens the report `ccsim run` wrote for a shipped scenario (and one drawn from the
 * fixture charts), checks that every chart's SVG drew (a real box, marks, its axis titles), the
 * KPI tiles show, the console stayed clean and nothing but the file itself was requested; saves
 * a screenshot beside the report. Without /usr/bin/chromium the test is skipped, loudly, outside
 * CI, and fails in CI (CI=true), where .ci/run installs it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { arimoWoff2Fonts } from "../../src/cli/run/report-fonts.ts";
import { renderReportHtml } from "../../src/report/html/index.ts";
import { renderSvg } from "../../src/report/render/index.ts";
import {
  FIXTURE_INPUT,
  FIXTURE_RUN,
  FIXTURE_SUMMARY,
  fixtureChartsOf,
} from "../report/render/fixture-charts.ts";
import { axisTitlesOf } from "../report/render/spec-titles.ts";
import { ccsimAsync } from "../support/ccsim-process.ts";

const CHROMIUM = "/usr/bin/chromium";
const found = existsSync(CHROMIUM);
const inCi = process.env.CI === "true";

if (!found && !inCi) {
  console.warn(
    [
      "",
      "!!! SKIPPED test/browser/report.test.ts: no browser at /usr/bin/chromium.",
      "!!! report.html was NOT checked in a browser. Install Debian's Chromium to run it:",
      "!!!   sudo apt-get install chromium",
      "",
    ].join("\n"),
  );
}

const folder = mkdtempSync(join(tmpdir(), "ccsim-browser-"));
let context: BrowserContext | undefined;

beforeAll(async () => {
  if (!found) return;
  context = await chromium.launchPersistentContext(join(folder, "profile"), {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
    viewport: { width: 1280, height: 900 },
  });
});

afterAll(async () => {
  await context?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** What the page showed: per chart figure, its box, mark count and texts; plus the tiles. */
interface PageCheck {
  figures: { id: string; width: number; height: number; marks: number; texts: string[] }[];
  /** Each KPI tile's label and box. */
  tiles: { text: string; width: number; height: number }[];
  consoleErrors: string[];
  requests: string[];
}

/** Opens `reportPath` with the network refused, and reads what drew; saves a screenshot. */
async function openReport(reportPath: string, screenshotPath: string): Promise<PageCheck> {
  if (context === undefined) throw new Error("no browser");
  const url = pathToFileURL(reportPath).href;
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  const page = await context.newPage();
  await page.route("**/*", (route) =>
    route.request().url() === url ? route.continue() : route.abort("blockedbyclient"),
  );
  page.on("request", (request) => {
    if (!request.url().startsWith("data:")) requests.push(request.url());
  });
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(error.message));
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate("document.fonts.ready.then(() => undefined)"); // a string: no DOM types here
  const figures = await page.$$eval("figure", (elements) =>
    elements.map((figure) => {
      const svg = figure.querySelector("svg");
      const box = svg?.getBoundingClientRect();
      return {
        id: figure.id,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        marks:
          svg?.querySelectorAll(".role-mark path, .role-mark line, .role-mark rect").length ?? 0,
        texts: [...(svg?.querySelectorAll("text") ?? [])].map((text) => text.textContent ?? ""),
      };
    }),
  );
  const tiles = await page.$$eval(".tile", (elements) =>
    elements.map((tile) => {
      const box = tile.getBoundingClientRect();
      const label = tile.querySelector(".label")?.textContent ?? "";
      return { text: label, width: box.width, height: box.height };
    }),
  );
  await page.screenshot({ path: screenshotPath, fullPage: true });
  await page.close();
  return { figures, tiles, consoleErrors, requests };
}

function expectDrawn(check: PageCheck, reportUrl: string, chartNames: readonly string[]): void {
  expect(check.requests).toEqual([reportUrl]);
  expect(check.consoleErrors).toEqual([]);
  expect(check.tiles.map((tile) => tile.text)).toEqual([
    "Service level",
    "Mean wait",
    "Abandonment",
    "Utilization",
  ]);
  for (const tile of check.tiles) expect(tile.width * tile.height).toBeGreaterThan(0);
  expect(check.figures.map((figure) => figure.id)).toEqual(
    chartNames.map((name) => `chart-${name}`),
  );
  for (const figure of check.figures) {
    expect(figure.width, figure.id).toBeGreaterThan(100);
    expect(figure.height, figure.id).toBeGreaterThan(50);
    expect(figure.marks, figure.id).toBeGreaterThan(0);
  }
}

describe.skipIf(!found && !inCi)("report.html in headless Chromium, network blocked", () => {
  it("would notice a request leaving the page (the guard itself works)", async () => {
    const leaky = join(folder, "leaky.html");
    writeFileSync(leaky, '<!DOCTYPE html><img src="https://example.invalid/x.png">');
    const check = await openReport(leaky, join(folder, "leaky.png"));
    expect(check.requests).toEqual([pathToFileURL(leaky).href, "https://example.invalid/x.png"]);
  });

  it("finds the browser (CI installs it with apt-get install chromium)", () => {
    expect(found, `${CHROMIUM} is missing; .ci/run installs it`).toBe(true);
  });

  it("draws every chart of a report that ccsim run wrote", async () => {
    const out = join(folder, "day");
    const outcome = await ccsimAsync(
      "run",
      "scenarios/day-12h.yaml",
      "--replications",
      "2",
      "--out",
      out,
      "--no-progress",
    );
    expect(outcome.stderr).toBe("");
    expect(outcome.status).toBe(0);
    const chartNames = existsSync(join(out, "charts"))
      ? readdirSync(join(out, "charts"))
          .filter((name) => name.endsWith(".svg"))
          .map((name) => name.slice(0, -".svg".length))
          // The KPI chart's figures are the page's own tiles, not a figure.
          .filter((name) => name !== "kpis")
      : [];
    expect(chartNames.length, "charts written").toBeGreaterThan(0);
    const reportPath = join(out, "report.html");
    const check = await openReport(reportPath, join(out, "report.png"));
    // The page's order is the charts' order; the folder listing is alphabetical.
    expectDrawn(
      check,
      pathToFileURL(reportPath).href,
      check.figures.map((figure) => figure.id.slice(6)),
    );
    expect(check.figures.map((figure) => figure.id.slice(6)).sort()).toEqual(chartNames.sort());
    for (const figure of check.figures) {
      const name = figure.id.slice("chart-".length);
      const spec: unknown = JSON.parse(
        readFileSync(join(out, "charts", `${name}.vl.json`), "utf8"),
      );
      for (const title of axisTitlesOf(spec))
        expect(figure.texts, `${name}: ${title}`).toContain(title);
    }
    expect(existsSync(join(out, "report.png"))).toBe(true);
  });

  it("draws charts with their axis titles and legends (fixture charts)", async () => {
    const charts = fixtureChartsOf(FIXTURE_INPUT);
    const rendered = await Promise.all(
      charts.map(async (chart) => ({ ...chart, svg: await renderSvg(chart.spec, chart.name) })),
    );
    const reportPath = join(folder, "fixture-report.html");
    writeFileSync(
      reportPath,
      renderReportHtml({
        run: FIXTURE_RUN,
        ccsimVersion: "0.0.0",
        summary: FIXTURE_SUMMARY,
        charts: rendered,
        fonts: arimoWoff2Fonts(),
      }),
    );
    const check = await openReport(reportPath, join(folder, "fixture-report.png"));
    expectDrawn(
      check,
      pathToFileURL(reportPath).href,
      charts.map((chart) => chart.name),
    );
    for (const [index, chart] of charts.entries()) {
      const titles = axisTitlesOf(chart.spec);
      expect(titles.length).toBeGreaterThan(0);
      for (const title of titles) expect(check.figures[index]?.texts).toContain(title);
    }
  });
});
