/**
 * The chart files and report.html of a run: what the charts say about the run (ChartRun, the
 * Erlang requirement from planning), every chart's Vega-Lite spec (charts/<name>.vl.json), its
 * SVG, its PNG on request, and the page that shows them all. The chart, render and report
 * modules are imported here, lazily, so that `--no-charts`, `validate` and `schema` never load
 * vega, vega-lite or resvg. Between charts the event loop gets a turn and the abort signal is
 * checked, so Ctrl-C stops a run that is drawing within a chart's time.
 */
import type { ReplicationSummary } from "../../metrics/types.ts";
import { erlangRequirements } from "../../planning/index.ts";
import type { Chart, ChartInput, ChartRun } from "../../report/charts/index.ts";
import type { RenderedChart } from "../../report/html/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { CHARTS_FOLDER, type OutputName, RUN_OUTPUT_FILES } from "./output-names.ts";
import { RunInterrupted } from "./replications.ts";
import { arimoTtfPaths, arimoWoff2Fonts } from "./report-fonts.ts";
import { loadSvgRenderer } from "./svg-renderer.ts";
import { withoutTurbofan } from "./without-turbofan.ts";

/** What to draw and how. */
export interface ChartOutputRequest {
  readonly input: ChartInput;
  readonly ccsimVersion: string;
  readonly scenarioFile?: string;
  /** Queue names by id, for the report's table. */
  readonly queueNames?: ReadonlyMap<string, string>;
  /** Also write charts/<name>.png. */
  readonly png: boolean;
  readonly signal?: AbortSignal;
}

/** The files to publish, and what they hold, for the console line. */
export interface ChartOutputs {
  readonly files: Map<OutputName, string | Uint8Array>;
  readonly chartCount: number;
  readonly reportBytes: number;
}

/**
 * `work`, unless the run is aborted first: then RunInterrupted at once, without waiting for it.
 * Loading vega, vega-lite and resvg takes most of a second (seconds on a loaded machine), too
 * long to hold a Ctrl-C; the CLI exits without waiting for the abandoned load.
 */
export async function untilAborted<T>(
  work: Promise<T>,
  signal: AbortSignal | undefined,
): Promise<T> {
  if (signal === undefined) return work;
  if (signal.aborted) throw new RunInterrupted("interrupted");
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(new RunInterrupted("interrupted"));
    signal.addEventListener("abort", onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}

/** Gives the event loop a turn (a pending Ctrl-C handler runs), then stops if asked to. */
async function checkpoint(signal: AbortSignal | undefined): Promise<void> {
  await new Promise((resolve) => setImmediate(resolve));
  if (signal?.aborted === true) throw new RunInterrupted("interrupted");
}

/** What drawing charts gives: their files by output name, and each chart with its SVG. */
export interface DrawnCharts {
  readonly files: Map<OutputName, string | Uint8Array>;
  readonly rendered: RenderedChart[];
}

/**
 * The files of `charts` (spec, SVG, PNG on request) in chart order, checking for Ctrl-C before
 * each chart.
 */
export async function drawCharts(
  charts: readonly Chart[],
  options: { readonly png: boolean; readonly signal?: AbortSignal | undefined },
): Promise<DrawnCharts> {
  // render/'s two halves, not its index: resvg (a native addon, ~30 ms) loads only for PNGs.
  const [render, png] = await untilAborted(
    Promise.all([
      loadSvgRenderer(),
      options.png ? import("../../report/render/render-png.ts") : undefined,
    ]),
    options.signal,
  );
  const files = new Map<OutputName, string | Uint8Array>();
  const rendered: RenderedChart[] = [];
  const fontFiles = options.png ? arimoTtfPaths() : [];
  // The drawing script is compiled (loadSvgRenderer, above) before V8's flags change: its code
  // cache was made under the default flags.
  await withoutTurbofan(async () => {
    for (const chart of charts) {
      await checkpoint(options.signal);
      const spec = render.withChartFont(chart.spec);
      const svg = await render.renderSvg(spec, chart.name);
      files.set(`${CHARTS_FOLDER}/${chart.name}.vl.json`, `${JSON.stringify(spec, null, 2)}\n`);
      files.set(`${CHARTS_FOLDER}/${chart.name}.svg`, svg);
      if (png !== undefined) {
        files.set(`${CHARTS_FOLDER}/${chart.name}.png`, await png.renderPng(svg, fontFiles));
      }
      rendered.push({ name: chart.name, title: chart.title, caption: chart.caption, svg });
    }
  });
  return { files, rendered };
}

/**
 * The one chart of a study command (compare's differences, sweep's, staff's): `chartOf` imports
 * the chart's module only now (`--no-charts` never loads it), its files go into `files`, and the
 * console line is returned ("chart: sweep (SVG) in 0.52 s").
 */
export async function drawStudyChart(
  files: Map<OutputName, string | Uint8Array>,
  chartOf: () => Promise<Chart>,
  options: { readonly png: boolean; readonly signal: AbortSignal },
): Promise<string> {
  const started = performance.now();
  const chart = await untilAborted(chartOf(), options.signal);
  const drawn = await drawCharts([chart], options);
  for (const [name, content] of drawn.files) files.set(name, content);
  const seconds = (performance.now() - started) / 1000;
  return `chart: ${chart.name} (${options.png ? "SVG and PNG" : "SVG"}) in ${seconds.toFixed(2)} s`;
}

/** Every chart file and report.html, by output name, in a stable order. */
export async function renderChartOutputs(request: ChartOutputRequest): Promise<ChartOutputs> {
  const { signal } = request;
  const [{ chartsOf }, { renderReportHtml }] = await untilAborted(
    Promise.all([import("../../report/charts/index.ts"), import("../../report/html/index.ts")]),
    signal,
  );
  const { files, rendered } = await drawCharts(chartsOf(request.input), {
    png: request.png,
    signal,
  });
  await checkpoint(signal);
  const report = renderReportHtml({
    run: request.input.run,
    ccsimVersion: request.ccsimVersion,
    ...(request.scenarioFile === undefined ? {} : { scenarioFile: request.scenarioFile }),
    summary: request.input.summary,
    ...(request.queueNames === undefined ? {} : { queueNames: request.queueNames }),
    charts: rendered,
    fonts: arimoWoff2Fonts(),
  });
  files.set(RUN_OUTPUT_FILES.reportHtml, report);
  return { files, chartCount: rendered.length, reportBytes: Buffer.byteLength(report) };
}

/** What the charts and the report say about the run. */
export function chartRunOf(scenario: Scenario, summary: ReplicationSummary): ChartRun {
  return {
    scenario: scenario.name,
    ...(scenario.description === undefined ? {} : { description: scenario.description }),
    seed: scenario.seed,
    replications: summary.replications,
    horizonSeconds: scenario.horizonSeconds,
    warmupSeconds: scenario.warmupSeconds,
    serviceLevelThresholdSeconds: scenario.serviceLevelThresholdSeconds,
    serviceLevelTarget: scenario.serviceLevelTarget,
    startTime: scenario.startTime,
    intervalLengthSeconds: scenario.intervalLengthSeconds,
  };
}

/**
 * The charts and report.html of the run (none with --no-charts), and the console line that says
 * what they are. The drawing modules are imported only here, only when charts are wanted.
 */
export async function runChartFiles(
  args: { readonly charts: boolean; readonly png: boolean },
  scenario: Scenario,
  summary: ReplicationSummary,
  provenance: { ccsimVersion: string; scenarioFile: string },
  signal: AbortSignal,
): Promise<{ files: Map<OutputName, string | Uint8Array>; line?: string }> {
  if (!args.charts) return { files: new Map() };
  const started = performance.now();
  const outputs = await renderChartOutputs({
    input: {
      run: chartRunOf(scenario, summary),
      summary,
      erlang: erlangRequirements(scenario, summary),
    },
    ccsimVersion: provenance.ccsimVersion,
    scenarioFile: provenance.scenarioFile,
    queueNames: new Map(
      scenario.queues.flatMap((queue) =>
        queue.name === undefined ? [] : [[queue.id, queue.name]],
      ),
    ),
    png: args.png,
    signal,
  });
  const seconds = (performance.now() - started) / 1000;
  const kind = args.png ? "charts (SVG and PNG)" : "charts";
  const kilobytes = Math.round(outputs.reportBytes / 1000);
  return {
    files: outputs.files,
    line: `charts: ${outputs.chartCount} ${kind} and report.html (${kilobytes} kB) in ${seconds.toFixed(2)} s`,
  };
}
