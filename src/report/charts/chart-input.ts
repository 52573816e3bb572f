/**
 * What every chart is drawn from, and what a chart is. Chart specs are pure functions of a
 * ChartInput: the replication summary (computed from the per-replication results, never re-read
 * from CSV), the run's description, and the Erlang requirement per queue where the scenario
 * allows one (computed by the caller, which knows the scenario).
 */
import type { TopLevelSpec } from "vega-lite";
import type { ReplicationSummary } from "../../metrics/types.ts";

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

/** The agents Erlang C asks for in each interval of one queue, or why there is no such answer. */
export type ErlangRequirement =
  | {
      readonly available: true;
      /** One sentence on the method, for the chart's subtitle. */
      readonly method: string;
      /** Agents needed, by interval start (seconds); intervals without load are left out. */
      readonly agentsByIntervalStart: ReadonlyMap<number, number>;
    }
  | {
      readonly available: false;
      /** Why the scenario allows no Erlang requirement for this queue, in one sentence. */
      readonly reason: string;
    };

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
