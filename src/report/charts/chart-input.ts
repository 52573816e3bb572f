/**
 * What every chart is drawn from, and what a chart is. Chart specs are pure functions of a
 * ChartInput: the replication summary (computed from the per-replication results, never re-read
 * from CSV), the run's description, and the Erlang requirement per queue where the scenario
 * allows one (computed by the caller, which knows the scenario).
 */
import type { TopLevelSpec } from "vega-lite";
import type { ReplicationSummary } from "../../metrics/types.ts";
import type { ErlangRequirement } from "../../planning/index.ts";

export type { ErlangRequirement };

/** The run a report describes. */
export interface ChartRun {
  readonly scenario: string;
  readonly description?: string;
  readonly seed: number;
  readonly replications: number;
  readonly horizonSeconds: number;
  readonly warmupSeconds: number;
  /** The T of "answered within T". */
  readonly serviceLevelThresholdSeconds: number;
  /** The share of jobs the center aims to answer within T (0…1). */
  readonly serviceLevelTarget: number;
  /** ISO-8601 UTC wall-clock time of simulated time 0; every time axis is in UTC from it. */
  readonly startTime: string;
  readonly intervalLengthSeconds: number;
}

/** Everything a chart may be drawn from. */
export interface ChartInput {
  readonly run: ChartRun;
  readonly summary: ReplicationSummary;
  /** By queue id; a queue missing here has no requirement drawn. */
  readonly erlang: ReadonlyMap<string, ErlangRequirement>;
}

/** One chart: its file name (without ending), its heading, one sentence on what it shows, its spec. */
export interface Chart {
  /** File name stem, e.g. `service-level` → charts/service-level.vl.json and .svg. */
  readonly name: string;
  readonly title: string;
  /** What the chart shows, in one sentence a contact-center manager understands. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}
