/**
 * `ccsim staff --per-interval`: the day's staffing curve. Starts from Erlang's count per interval
 * (the scenario's rates), simulates the whole day with the group's staffing vector set through
 * `workers[<group>].staffing=[…]` (checked as `validate` would, on common random numbers), and
 * lets the curve search add and remove per interval; staffing-intervals.csv written whole.
 */

import { UsageError } from "../../errors.ts";
import { aggregateReplications } from "../../metrics/index.ts";
import { INTERVAL_VALUE_NAMES, type IntervalValueName } from "../../metrics/types.ts";
import { erlangCurveOf } from "../../planning/erlang-curve.ts";
import {
  type StaffingTarget,
  searchStaffingCurve,
  type TargetEstimate,
} from "../../planning/index.ts";
import { createDistribution } from "../../random/index.ts";
import {
  type CurveStudy,
  renderCurveConsole,
  renderStaffingIntervalsCsv,
} from "../../report/staff/index.ts";
import type { Scenario, ScenarioOverride } from "../../scenario/index.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine, printLine } from "../output.ts";
import { drawCharts, untilAborted } from "../run/chart-outputs.ts";
import { type OutputName, STAFF_INTERVALS_OUTPUT_FILES } from "../run/output-names.ts";
import { createProgress } from "../run/progress.ts";
import { describeWritten, printPublicationNotes, publishOutputs } from "../run/publish-outputs.ts";
import type { OutputSet } from "../run/stale-outputs.ts";
import { checkScenarioFile } from "../scenario-check.ts";
import { interruptible } from "../session/interruptible.ts";
import { simulateScenario } from "../session/simulate-scenario.ts";

/** The interval metrics a per-interval target may name (intervals.csv's rates and means). */
export const INTERVAL_TARGET_METRICS: readonly IntervalValueName[] = [
  "serviceLevel",
  "waitMean",
  "queueLengthMean",
  "occupancy",
];

/** Nothing marks a folder as per-interval staff's: earlier files are never removed. */
const CURVE_OUTPUT_SET: OutputSet = {
  marker: STAFF_INTERVALS_OUTPUT_FILES.staffingIntervalsCsv,
  isOwnMarker: () => false,
  topLevelNames: Object.values(STAFF_INTERVALS_OUTPUT_FILES),
  isOwnChart: () => false,
};

/** What the per-interval search needs from the command line. */
export interface CurveRequest {
  readonly file: string;
  readonly strict: boolean;
  readonly groupId: string;
  readonly targets: readonly StaffingTarget[];
  readonly scenario: Scenario;
  readonly criterion: "interval" | "mean";
  readonly min: number;
  readonly max: number;
  readonly maxDays: number;
  readonly workers: number;
  readonly progress: boolean;
  readonly outputDirectory: string;
  readonly printed: Set<string>;
  /** Draw charts/staffing-curve (SVG, and PNG with `png`). */
  readonly charts: boolean;
  readonly png: boolean;
}

/** The queue each target is judged on, per interval (UsageError when it has none). */
export function intervalQueuesOf(
  scenario: Scenario,
  groupId: string,
  targets: readonly StaffingTarget[],
): string[] {
  const group = scenario.workers.find((one) => one.id === groupId);
  return targets.map((target) => {
    if (!(INTERVAL_TARGET_METRICS as readonly string[]).includes(target.metric)) {
      throw new UsageError(
        `--per-interval judges each interval on intervals.csv: target "${target.text}" names ${target.metric}, which is not one of ${INTERVAL_TARGET_METRICS.join(", ")}`,
      );
    }
    if (target.scope.startsWith("queue:")) return target.scope.slice("queue:".length);
    if (target.scope === "overall" && group !== undefined && group.queues.length === 1) {
      return group.queues[0] as string;
    }
    throw new UsageError(
      `--per-interval judges each interval of one queue: target "${target.text}" needs a queue scope (queue:<id>.${target.metric}), since group ${groupId} serves ${group?.queues.length ?? 0} queues`,
    );
  });
}

/** The overrides that give the group `staffing` (and the count it implies). */
export function staffingOverrides(
  groupId: string,
  staffing: readonly number[],
): ScenarioOverride[] {
  const id = /^[\w-]+$/.test(groupId) ? groupId : JSON.stringify(groupId);
  const count = Math.max(1, ...staffing);
  return [
    {
      text: `workers[${id}].staffing=[${staffing.join(",")}]`,
      path: ["workers", { id: groupId }, "staffing"],
      value: [...staffing],
    },
    {
      text: `workers[${id}].count=${count}`,
      path: ["workers", { id: groupId }, "count"],
      value: count,
    },
  ];
}

/** Runs the per-interval search and writes its files; exit 1 without an answer. */
export async function staffPerInterval(request: CurveRequest): Promise<void> {
  const { scenario, groupId, targets } = request;
  const queues = intervalQueuesOf(scenario, groupId, targets);
  const erlang = erlangCurveOf(
    scenario,
    groupId,
    targets,
    (spec) => createDistribution(spec).mean,
    request.max,
  );
  const current = scenario.workers.find((group) => group.id === groupId)?.count ?? 1;
  const start = erlang.counts.map(
    (count) => count ?? (erlang.reason === null ? request.min : current),
  );
  printErrorLine(
    `searching group ${groupId}'s staffing per interval from ${erlang.reason === null ? "Erlang's curve" : `its count (${erlang.reason})`}, at most ${request.maxDays} day-simulations of ${scenario.replications} replication(s)`,
  );
  const report = (line: string) => {
    if (request.printed.has(line)) return;
    request.printed.add(line);
    printErrorLine(line);
  };
  await interruptible(async (signal) => {
    let day = 0;
    const evaluateDay = async (staffing: readonly number[]): Promise<TargetEstimate[][]> => {
      const overrides = staffingOverrides(groupId, staffing);
      const checked = await checkScenarioFile(request.file, request.strict, overrides, report);
      if (checked === undefined) throw new ExitWithCode(2);
      const dayScenario = {
        ...checked.scenario,
        seed: scenario.seed,
        replications: scenario.replications,
      };
      day += 1;
      const progress = createProgress(`${scenario.name}: day ${day}`, request.progress);
      try {
        const results = await simulateScenario(checked, dayScenario, {
          workers: request.workers,
          signal,
          progress,
        });
        const summary = aggregateReplications(results.map((result) => result.metrics));
        return staffing.map((_, interval) =>
          targets.map((target, index) => {
            const start = interval * scenario.intervalLengthSeconds;
            const row = summary.intervals.find(
              (one) => one.queueId === queues[index] && one.intervalStartSeconds === start,
            );
            const metric = target.metric as IntervalValueName;
            if (row === undefined || !INTERVAL_VALUE_NAMES.includes(metric)) {
              return { mean: Number.NaN, halfWidth: null };
            }
            return { mean: row[metric], halfWidth: row.halfWidths[metric] };
          }),
        );
      } finally {
        progress.stop();
      }
    };
    const search = await searchStaffingCurve({
      targets,
      start,
      min: request.min,
      max: request.max,
      criterion: request.criterion,
      maxDays: request.maxDays,
      evaluateDay,
    });
    const study: CurveStudy = {
      scenario: scenario.name,
      groupId,
      targets,
      intervalLengthSeconds: scenario.intervalLengthSeconds,
      horizonSeconds: scenario.horizonSeconds,
      startTime: scenario.startTime,
      criterion: request.criterion,
      search,
      erlang: erlang.counts,
      arrivalsPerHour: erlang.arrivalsPerHour,
    };
    const files = new Map<OutputName, string | Uint8Array>([
      [STAFF_INTERVALS_OUTPUT_FILES.staffingIntervalsCsv, renderStaffingIntervalsCsv(study)],
    ]);
    let chartLine: string | undefined;
    if (request.charts && search.days.length > 0) {
      const started = performance.now();
      const { staffingCurveChart } = await untilAborted(
        import("../../report/charts/staffing-curve.ts"),
        signal,
      );
      const drawn = await drawCharts([staffingCurveChart(study)], { png: request.png, signal });
      for (const [name, content] of drawn.files) files.set(name, content);
      const seconds = (performance.now() - started) / 1000;
      chartLine = `chart: staffing-curve (${request.png ? "SVG and PNG" : "SVG"}) in ${seconds.toFixed(2)} s`;
    }
    const published = publishOutputs(request.outputDirectory, files, [], CURVE_OUTPUT_SET);
    printLine(renderCurveConsole(study));
    if (chartLine !== undefined) printLine(chartLine);
    printLine(`wrote ${describeWritten(request.outputDirectory, published.written)}`);
    printPublicationNotes(published);
    if (search.answer === undefined) throw new ExitWithCode(1);
  });
}
