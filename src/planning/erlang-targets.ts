/**
 * The targets `ccsim erlang` answers "agents needed" for: a metric (named as in the output
 * contract), a comparison and a value. Each metric improves as agents are added, so a target
 * must point the improving way (serviceLevel up, the others down) to have a fewest count.
 */
import type { ErlangAResult, ErlangCResult } from "../theory/index.ts";
import type { TargetOperator } from "./target-operators.ts";

/** The models a target is answered under. */
export type ErlangModel = "erlangC" | "erlangA";

/** How a metric is read and which way it improves. */
interface TargetMetric {
  /** "share" in [0, 1] (also accepted as a percentage), or "seconds". */
  readonly unit: "share" | "seconds";
  /** The direction more agents move it. */
  readonly improves: "up" | "down";
  /** The models that have the metric (abandonment needs a patience: Erlang A only). */
  readonly models: readonly ErlangModel[];
  /** What it means, for --help and the docs. */
  readonly description: string;
}

/** The metrics a target may name. */
export const ERLANG_TARGET_METRICS = {
  serviceLevel: {
    unit: "share",
    improves: "up",
    models: ["erlangC", "erlangA"],
    description: "answered within the threshold / arrived",
  },
  waitMean: {
    unit: "seconds",
    improves: "down",
    models: ["erlangC", "erlangA"],
    description: "mean wait of answered calls (ASA)",
  },
  probabilityOfDelay: {
    unit: "share",
    improves: "down",
    models: ["erlangC", "erlangA"],
    description: "share of calls that find every agent busy",
  },
  abandonmentRate: {
    unit: "share",
    improves: "down",
    models: ["erlangA"],
    description: "abandoned / arrived (Erlang A: needs --patience)",
  },
  occupancy: {
    unit: "share",
    improves: "down",
    models: ["erlangC", "erlangA"],
    description: "mean busy agents / agents",
  },
} as const satisfies Record<string, TargetMetric>;

/** A metric a target may name. */
export type ErlangTargetMetric = keyof typeof ERLANG_TARGET_METRICS;

/** A parsed target, e.g. serviceLevel >= 0.8. */
export interface ErlangTarget {
  /** The text as given, for messages and output. */
  readonly text: string;
  readonly metric: ErlangTargetMetric;
  readonly operator: TargetOperator;
  /** A share in [0, 1] or seconds, per the metric's unit. */
  readonly value: number;
}

/** `metric` from an Erlang C result (abandonment is 0: nobody hangs up). */
export function metricOfC(result: ErlangCResult, metric: ErlangTargetMetric): number {
  switch (metric) {
    case "serviceLevel":
      return result.serviceLevel;
    case "waitMean":
      return result.meanWaitSeconds;
    case "probabilityOfDelay":
      return result.probabilityOfWait;
    case "abandonmentRate":
      return 0;
    case "occupancy":
      return result.occupancy;
  }
}

/** `metric` from an Erlang A result; waits are those of answered calls, as in `waitMean`. */
export function metricOfA(result: ErlangAResult, metric: ErlangTargetMetric): number {
  switch (metric) {
    case "serviceLevel":
      return result.serviceLevel;
    case "waitMean":
      return result.meanWaitOfServedSeconds;
    case "probabilityOfDelay":
      return result.probabilityOfWait;
    case "abandonmentRate":
      return result.probabilityOfAbandon;
    case "occupancy":
      return result.occupancy;
  }
}
