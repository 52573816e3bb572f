/**
 * Sweeps built by hand for the renderers' and the chart's tests: made-up per-replication values
 * per point, estimates through the real sweepResultsOf. Between them: one numeric field, a grid
 * of two, a field of maps (an ordinal axis) with one replication (no bands), a metric undefined
 * at one point, and a share whose interval passes 100%.
 */
import type { ComparedMetricName, ReplicationTable } from "../../../src/comparison/index.ts";
import type { RunDescription } from "../../../src/report/summary-json.ts";
import {
  type SimulatedPoint,
  type SweepFieldDescription,
  type SweepResults,
  sweepResultsOf,
} from "../../../src/report/sweep/index.ts";

/** The run the renderers describe. */
export const RUN: RunDescription = {
  scenario: "voice-50",
  seed: 42,
  horizonSeconds: 28_800,
  warmupSeconds: 1_800,
  serviceLevelThresholdSeconds: 20,
};

const METRICS: readonly ComparedMetricName[] = [
  "serviceLevel",
  "waitMean",
  "abandonmentRate",
  "utilization",
];

/** A table of two scopes whose values move with `level` and the replication. */
function tableOf(level: number, replications: number, waitDefined = true): ReplicationTable {
  const series = (base: number, spread: number) =>
    Array.from({ length: replications }, (_, index) => base + spread * (index - 1) * 0.5);
  const scope = (shift: number) =>
    new Map<ComparedMetricName, number[]>([
      ["arrived", series(900 + shift, 20)],
      ["serviceLevel", series(Math.min(0.99, 0.5 + level * 0.08 + shift / 100), 0.03)],
      [
        "waitMean",
        waitDefined
          ? series(40 - level * 5 + shift, 3)
          : Array.from({ length: replications }, () => Number.NaN),
      ],
      ["abandonmentRate", series(0.1 - level * 0.015, 0.01)],
      ["utilization", series(0.95 - level * 0.02, 0.01)],
    ]);
  return {
    replications,
    scopes: new Map([
      ["overall", scope(0)],
      ["queue:support", scope(1)],
    ]),
  };
}

const count: SweepFieldDescription = {
  name: "workers[agent].count",
  labels: ["46", "48", "50"],
  values: [46, 48, 50],
};
const rate: SweepFieldDescription = {
  name: "arrivals[call].arrival.ratePerHour",
  labels: ["850", "950"],
  values: [850, 950],
};
const mode: SweepFieldDescription = {
  name: "distributionPolicies[0].mode",
  labels: ["{ kind: longestIdle }", "{ kind: roundRobin }"],
  values: [{ kind: "longestIdle" }, { kind: "roundRobin" }],
};

function pointsOf(
  fields: readonly SweepFieldDescription[],
  replications: number,
  undefinedWaitAt = -1,
): SimulatedPoint[] {
  const [first, second] = fields as [SweepFieldDescription, SweepFieldDescription | undefined];
  const points: SimulatedPoint[] = [];
  for (const firstIndex of first.labels.keys()) {
    for (const secondIndex of second === undefined ? [-1] : second.labels.keys()) {
      const indices = secondIndex < 0 ? [firstIndex] : [firstIndex, secondIndex];
      const name = indices
        .map((index, field) => `${fields[field]?.name}=${fields[field]?.labels[index]}`)
        .join(", ");
      const level = firstIndex - Math.max(0, secondIndex);
      const table = tableOf(level, replications, points.length !== undefinedWaitAt);
      points.push({ name, indices, table });
    }
  }
  return points;
}

/** Every fixture sweep, by name. */
export const SWEEPS: Readonly<Record<string, SweepResults>> = {
  "one numeric field": sweepResultsOf(
    { fields: [count], fixed: ["horizon=2h"], metrics: METRICS },
    pointsOf([count], 4),
  ),
  "a grid of two fields": sweepResultsOf(
    { fields: [count, rate], fixed: [], metrics: METRICS },
    pointsOf([count, rate], 3, 2),
  ),
  "a field of maps, one replication": sweepResultsOf(
    { fields: [mode], fixed: [], metrics: ["serviceLevel", "arrived"] },
    pointsOf([mode], 1),
  ),
};
