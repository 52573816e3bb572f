/**
 * The charts and report.html of a `ccsim run`: what the charts say about the run (ChartRun, the
 * Erlang requirement from planning), and the drawing itself, whose modules (vega, vega-lite,
 * resvg) are imported only when charts are wanted.
 */
import type { ReplicationSummary } from "../../metrics/types.ts";
import { erlangRequirements } from "../../planning/index.ts";
import type { ChartRun } from "../../report/charts/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import type { OutputName } from "./output-names.ts";

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
  const { renderChartOutputs } = await import("./chart-outputs.ts");
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
