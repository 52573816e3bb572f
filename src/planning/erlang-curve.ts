/**
 * Erlang's staffing curve for one group: for each report interval, the count Erlang C (or A)
 * asks for at the arrival rate the scenario gives that interval (a piecewise rate averaged over
 * the interval), where the day's staffing search starts. Built from the scenario as written.
 */
import type { ArrivalSpec, Scenario } from "../scenario/index.ts";
import {
  erlangStartCount,
  erlangValue,
  type GroupQueueModel,
  groupQueueModel,
  type MeanOf,
  modelDescribes,
} from "./staffing-model.ts";
import type { StaffingTarget } from "./staffing-target.ts";

/** Erlang's count per interval (undefined where it gives none) and the arrival rate. */
export interface ErlangCurve {
  /** Per report interval; undefined where the model does not apply or meets nothing. */
  readonly counts: readonly (number | undefined)[];
  /** Arrivals per hour the scenario sends in each interval (every stream). */
  readonly arrivalsPerHour: readonly number[];
  /** Why there is no curve (null when some interval has a count). */
  readonly reason: string | null;
  /**
   * Theory's value of each target's metric in `interval` with `count` agents (undefined where
   * the model does not apply, says nothing of the metric, or the queue is unstable): the curve
   * the day's search calibrates to what it simulates.
   */
  readonly valuesAt: (interval: number, count: number) => (number | undefined)[];
}

/** The mean rate per hour of a stream over `[fromSeconds, toSeconds)`, when it has one. */
export function meanRatePerHour(
  stream: ArrivalSpec,
  fromSeconds: number,
  toSeconds: number,
): number | undefined {
  const arrival = stream.arrival;
  if (arrival.kind === "poisson") return arrival.ratePerHour;
  if (arrival.kind !== "piecewisePoisson") return undefined;
  const length = arrival.intervalLengthSeconds;
  const rates = arrival.ratesPerHour;
  let weighted = 0;
  let time = fromSeconds;
  while (time < toSeconds) {
    const piece = Math.floor(time / length);
    const end = Math.min(toSeconds, (piece + 1) * length);
    weighted += (rates[piece % rates.length] as number) * (end - time);
    time = end;
  }
  return weighted / (toSeconds - fromSeconds);
}

/** Erlang's curve for `groupId` against `targets`, each count at most `ceiling`. */
export function erlangCurveOf(
  scenario: Scenario,
  groupId: string,
  targets: readonly StaffingTarget[],
  meanOf: MeanOf,
  ceiling: number,
): ErlangCurve {
  const step = scenario.intervalLengthSeconds;
  const intervals = Math.ceil(scenario.horizonSeconds / step);
  const counts: (number | undefined)[] = [];
  const arrivalsPerHour: number[] = [];
  const models: GroupQueueModel[] = [];
  const steadyDays: Scenario[] = [];
  let reason: string | null = null;
  for (let interval = 0; interval < intervals; interval++) {
    const from = interval * step;
    const to = Math.min(scenario.horizonSeconds, from + step);
    let total = 0;
    const arrivals = scenario.arrivals.map((stream) => {
      const rate = meanRatePerHour(stream, from, to);
      total += rate ?? 0;
      return rate === undefined
        ? stream
        : { ...stream, arrival: { kind: "poisson" as const, ratePerHour: rate } };
    });
    arrivalsPerHour.push(total);
    // The interval as a steady day of its own, the group without its vector.
    const steady: Scenario = {
      ...scenario,
      arrivals,
      workers: scenario.workers.map(({ staffing: _staffing, ...group }) => group),
    };
    const model = groupQueueModel(steady, groupId, meanOf);
    models.push(model);
    steadyDays.push(steady);
    if (!model.available) {
      reason ??= model.reason;
      counts.push(undefined);
      continue;
    }
    counts.push(erlangStartCount(model, targets, steady, ceiling));
  }
  return {
    counts,
    arrivalsPerHour,
    reason: counts.some((count) => count !== undefined) ? null : reason,
    valuesAt: (interval, count) =>
      targets.map((target) => {
        const model = models[interval];
        const steady = steadyDays[interval];
        if (model === undefined || !model.available || steady === undefined) return undefined;
        if (!modelDescribes(model, target, steady)) return undefined;
        return erlangValue(model, count, target.metric, steady.serviceLevelThresholdSeconds);
      }),
  };
}
