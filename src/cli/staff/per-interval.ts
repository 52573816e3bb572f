/**
 * `ccsim staff --per-interval`: the day's staffing curve. Starts from Erlang's count per interval
 * (the scenario's rates), simulates the whole day with the group's staffing vector set through
 * `workers[<group>].staffing=[…]` (checked as `validate` would, on common random numbers), and
 * lets the curve search add and remove per interval; staffing-intervals.csv written whole. The
 * plan and the search built here are shared with its shards (curve-shard.ts) and merge.
 */
import { UsageError } from "../../errors.ts";
import type { IntervalValueName } from "../../metrics/types.ts";
import { type ErlangCurve, erlangCurveOf } from "../../planning/erlang-curve.ts";
import {
  type CurveSearchResult,
  type StaffingTarget,
  searchStaffingCurve,
  type TargetEstimate,
} from "../../planning/index.ts";
import { createDistribution } from "../../random/index.ts";
import type { CurveStudy } from "../../report/staff/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { printErrorLine } from "../output.ts";
import { interruptible } from "../session/interruptible.ts";
import { dayContextOf, dayEstimatesOf, simulateDay } from "./curve-day.ts";
import { publishCurve } from "./curve-outputs.ts";
import type { DaySearch } from "./curve-shard-replay.ts";

export { staffingOverrides } from "./curve-day.ts";

/** The interval metrics a per-interval target may name (intervals.csv's rates and means). */
export const INTERVAL_TARGET_METRICS: readonly IntervalValueName[] = [
  "serviceLevel",
  "waitMean",
  "queueLengthMean",
  "occupancy",
];

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

/** Where the search starts and what its study shows beside the curve: from the scenario alone. */
export interface CurvePlan {
  /** The queue each target is judged on, in the targets' order. */
  readonly queues: readonly string[];
  /** The first day's vector: Erlang's count per interval, else --min (or the group's count). */
  readonly start: readonly number[];
  readonly erlang: ErlangCurve;
}

/** The plan of `request`'s search (UsageError for a target intervals.csv cannot judge). */
export function curvePlanOf(
  request: Pick<CurveRequest, "scenario" | "groupId" | "targets" | "min" | "max">,
): CurvePlan {
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
  return { queues, start, erlang };
}

/** What decides the search's steps, besides the days' estimates (recorded in its shards). */
export interface CurveSearchSettings {
  readonly targets: readonly StaffingTarget[];
  readonly start: readonly number[];
  readonly min: number;
  readonly max: number;
  readonly criterion: "interval" | "mean";
  readonly maxDays: number;
  /** Theory's value of each target per interval and count: the curve each step calibrates. */
  readonly theory: ErlangCurve["valuesAt"];
}

/**
 * The search as a function of its day evaluation: the unsharded command simulates each day it
 * asks for; the shards and merge replay it on the days simulated so far (curve-shard-replay.ts).
 */
export function curveSearchOf(settings: CurveSearchSettings): DaySearch<CurveSearchResult> {
  return (evaluateDay) =>
    searchStaffingCurve({
      targets: settings.targets,
      start: settings.start,
      min: settings.min,
      max: settings.max,
      criterion: settings.criterion,
      maxDays: settings.maxDays,
      theory: settings.theory,
      evaluateDay,
    });
}

/** The study that staffing-intervals.csv, the chart and the console report show. */
export function curveStudyOf(
  scenario: Pick<Scenario, "name" | "intervalLengthSeconds" | "horizonSeconds" | "startTime">,
  settings: Pick<CurveRequest, "groupId" | "targets" | "criterion">,
  erlang: Pick<ErlangCurve, "counts" | "arrivalsPerHour">,
  search: CurveSearchResult,
): CurveStudy {
  return {
    scenario: scenario.name,
    groupId: settings.groupId,
    targets: settings.targets,
    intervalLengthSeconds: scenario.intervalLengthSeconds,
    horizonSeconds: scenario.horizonSeconds,
    startTime: scenario.startTime,
    criterion: settings.criterion,
    search,
    erlang: erlang.counts,
    arrivalsPerHour: erlang.arrivalsPerHour,
  };
}

/** The first line on stderr: what is searched, from where, at most how many days. */
function searchLineOf(request: CurveRequest, plan: CurvePlan): string {
  const { erlang } = plan;
  return `searching group ${request.groupId}'s staffing per interval from ${erlang.reason === null ? "Erlang's curve" : `its count (${erlang.reason})`}, at most ${request.maxDays} day-simulations of ${request.scenario.replications} replication(s)`;
}

/** Runs the per-interval search and writes its files; exit 1 without an answer. */
export async function staffPerInterval(request: CurveRequest): Promise<void> {
  const { scenario } = request;
  const plan = curvePlanOf(request);
  printErrorLine(searchLineOf(request, plan));
  await interruptible(async (signal) => {
    const context = dayContextOf(request, signal);
    let day = 0;
    const evaluateDay = async (staffing: readonly number[]): Promise<TargetEstimate[][]> => {
      day += 1;
      const simulated = await simulateDay(context, staffing, `day ${day}`);
      return dayEstimatesOf(
        simulated.results.map((result) => result.metrics),
        staffing,
        { ...request, queues: plan.queues, intervalLengthSeconds: scenario.intervalLengthSeconds },
      );
    };
    const search = await curveSearchOf({
      ...request,
      start: plan.start,
      theory: plan.erlang.valuesAt,
    })(evaluateDay);
    await publishCurve(curveStudyOf(scenario, request, plan.erlang, search), {
      outputDirectory: request.outputDirectory,
      charts: request.charts,
      png: request.png,
      signal,
    });
  });
}
