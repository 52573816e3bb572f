/**
 * Comparisons built by hand for the renderers' tests: made-up per-replication values per
 * variant, estimates through the real `estimate`, differences through the real
 * `pairedDifference` and `verdictOf` with the Bonferroni level compare uses, so every number a
 * renderer prints is consistent with the others. Between them the fixtures hold every verdict,
 * replications left out, a difference with no pair, one replication, long variant names and
 * several judged scopes.
 */
import {
  COMPARED_METRIC_NAMES,
  type ComparedMetricName,
  type Comparison,
  type DifferenceRow,
  METRIC_DIRECTIONS,
  pairedDifference,
  verdictOf,
} from "../../../src/comparison/index.ts";
import { estimate, type MetricEstimate } from "../../../src/metrics/index.ts";
import type { RunDescription } from "../../../src/report/summary-json.ts";

/** Per scope, per metric, one value per replication (NaN where undefined). */
type ScopeValues = Readonly<Record<string, Partial<Record<ComparedMetricName, readonly number[]>>>>;

/** One made-up variant. */
export interface FixtureVariant {
  readonly name: string;
  readonly description: string;
  readonly values: ScopeValues;
}

/** What is judged: (scope, metric) pairs in order. */
export interface FixtureOptions {
  readonly baseline?: number;
  readonly confidence?: number;
  readonly judged: readonly (readonly [string, ComparedMetricName])[];
}

/** The per-replication values of `metric` in `scope`, or a test failure. */
export function valuesOf(
  variant: FixtureVariant,
  scope: string,
  metric: ComparedMetricName,
): readonly number[] {
  const values = variant.values[scope]?.[metric];
  if (values === undefined) throw new Error(`fixture ${variant.name} has no ${scope} ${metric}`);
  return values;
}

/** A Comparison of `variants`, as compare would build it from the same values. */
export function comparisonOf(
  variants: readonly FixtureVariant[],
  options: FixtureOptions,
): Comparison {
  const baselineIndex = options.baseline ?? 0;
  const confidence = options.confidence ?? 0.95;
  const baseline = variants[baselineIndex];
  if (baseline === undefined) throw new Error("no baseline variant");
  const others = variants.filter((_, index) => index !== baselineIndex);
  const comparisons = others.length * options.judged.length;
  const replications = valuesOf(baseline, "overall", "serviceLevel").length;
  const differences = others.flatMap((variant) =>
    options.judged.map(([scope, metric]): DifferenceRow => {
      const difference = pairedDifference(
        valuesOf(baseline, scope, metric),
        valuesOf(variant, scope, metric),
        { confidence, comparisons },
      );
      const direction = METRIC_DIRECTIONS[metric];
      return {
        variant: variant.name,
        baseline: baseline.name,
        scope,
        metric,
        direction,
        difference,
        verdict: verdictOf(difference, direction),
      };
    }),
  );
  return {
    replications,
    baseline: baseline.name,
    confidence,
    comparisons,
    adjustedConfidence: 1 - (1 - confidence) / comparisons,
    adjustment: "Bonferroni",
    variants: variants.map((variant) => ({
      name: variant.name,
      description: variant.description,
      estimates: new Map(
        Object.entries(variant.values).map(([scope, metrics]) => [
          scope,
          new Map(
            COMPARED_METRIC_NAMES.flatMap((metric): [ComparedMetricName, MetricEstimate][] => {
              const values = metrics[metric];
              return values === undefined ? [] : [[metric, estimate(values)]];
            }),
          ),
        ]),
      ),
    })),
    differences,
  };
}

/** The run the fixtures describe. */
export const RUN: RunDescription = {
  scenario: "multi-skill",
  seed: 7,
  horizonSeconds: 28800,
  warmupSeconds: 1800,
  serviceLevelThresholdSeconds: 20,
};

/** Noise around zero, one value per replication (10), summing to 0.003. */
const NOISE = [0.004, -0.003, 0.002, -0.001, 0.003, -0.004, 0.001, 0, -0.002, 0.003];

const plus = (values: readonly number[], shift: number, noiseScale = 1) =>
  values.map((value, index) => value + shift + (NOISE[index] ?? 0) * noiseScale);

const BASE = {
  serviceLevel: [0.81, 0.79, 0.84, 0.8, 0.78, 0.83, 0.82, 0.8, 0.79, 0.85],
  waitMean: [8.1, 9.4, 6.2, 8.8, 10.5, 7, 7.7, 8.9, 9.6, 5.8],
  abandonmentRate: [0.031, 0.042, 0.025, 0.037, 0.051, 0.03, 0.033, 0.036, 0.044, 0.022],
  utilization: [0.82, 0.84, 0.8, 0.83, 0.86, 0.81, 0.82, 0.83, 0.85, 0.79],
  utilizationSpread: [0.061, 0.058, 0.066, 0.07, 0.055, 0.063, 0.059, 0.064, 0.06, 0.068],
  jobsHandledSpread: [5.1, 4.8, 5.6, 6.2, 4.4, 5.3, 5, 5.5, 4.9, 5.8],
  arrived: [612, 598, 640, 605, 621, 588, 633, 610, 602, 645],
  queueLengthMean: [1.21, 1.35, 0.98, 1.3, 1.62, 1.05, 1.12, 1.33, 1.41, 0.9],
} as const;

/** Judged by THREE_MODES: six metrics of the overall scope. */
const THREE_MODES_JUDGED: readonly (readonly [string, ComparedMetricName])[] = [
  ["overall", "serviceLevel"],
  ["overall", "waitMean"],
  ["overall", "abandonmentRate"],
  ["overall", "utilization"],
  ["overall", "utilizationSpread"],
  ["overall", "jobsHandledSpread"],
];

const longestIdle: FixtureVariant = {
  name: "longestIdle",
  description: "every policy's mode.kind set to longestIdle",
  values: {
    overall: BASE,
    "queue:sales": {
      arrived: BASE.arrived.map((value) => Math.round(value / 2)),
      serviceLevel: plus(BASE.serviceLevel, -0.05),
      waitMean: plus(BASE.waitMean, 2, 100),
    },
    "group:agents": {
      utilizationSpread: BASE.utilizationSpread,
      jobsHandledSpread: BASE.jobsHandledSpread,
    },
  },
};

const roundRobin: FixtureVariant = {
  name: "roundRobin",
  description: "every policy's mode.kind set to roundRobin",
  values: {
    overall: {
      ...BASE,
      // No detectable difference: a shift well inside the noise.
      serviceLevel: plus(BASE.serviceLevel, 0.001),
      waitMean: plus(BASE.waitMean, 0.1, 100),
      // Identical: the same value in every replication.
      abandonmentRate: BASE.abandonmentRate,
      // Changed (neutral metric), better (fairness) twice.
      utilization: plus(BASE.utilization, 0.01, 0.5),
      utilizationSpread: plus(BASE.utilizationSpread, -0.03, 0.5),
      jobsHandledSpread: plus(BASE.jobsHandledSpread, -2, 100),
      queueLengthMean: plus(BASE.queueLengthMean, 0.02, 10),
    },
    "queue:sales": {
      arrived: BASE.arrived.map((value) => Math.round(value / 2)),
      serviceLevel: plus(BASE.serviceLevel, -0.04),
      waitMean: plus(BASE.waitMean, 1.5, 100),
    },
    "group:agents": {
      utilizationSpread: plus(BASE.utilizationSpread, -0.03, 0.5),
      jobsHandledSpread: plus(BASE.jobsHandledSpread, -2, 100),
    },
  },
};

const bestWorker: FixtureVariant = {
  name: "bestWorker",
  description: "every policy's mode.kind set to bestWorker",
  values: {
    overall: {
      ...BASE,
      // Worse: −2.2 points of service level, as measured on multi-skill.
      serviceLevel: plus(BASE.serviceLevel, -0.022),
      // Worse, with replication 3 undefined (no answered job): left out and counted.
      waitMean: plus(BASE.waitMean, 1.2, 100).map((value, index) =>
        index === 2 ? Number.NaN : value,
      ),
      abandonmentRate: plus(BASE.abandonmentRate, 0.004, 0.25),
      utilization: BASE.utilization,
      utilizationSpread: plus(BASE.utilizationSpread, 0.0005),
      jobsHandledSpread: plus(BASE.jobsHandledSpread, 0.3, 200),
    },
    "queue:sales": {
      arrived: BASE.arrived.map((value) => Math.round(value / 2)),
      serviceLevel: plus(BASE.serviceLevel, -0.07),
      waitMean: plus(BASE.waitMean, 3, 100),
    },
    "group:agents": {
      utilizationSpread: plus(BASE.utilizationSpread, 0.0005),
      jobsHandledSpread: plus(BASE.jobsHandledSpread, 0.3, 200),
    },
  },
};

/** The three modes on multi-skill: every verdict, a replication left out. */
export const THREE_MODES = comparisonOf([longestIdle, roundRobin, bestWorker], {
  judged: THREE_MODES_JUDGED,
});

/** The same variants' raw values, for tests that check numbers against them. */
export const THREE_MODES_VARIANTS = [longestIdle, roundRobin, bestWorker] as const;

/** A variant run twice: identical everything. */
export const ALL_IDENTICAL = comparisonOf(
  [longestIdle, { ...longestIdle, name: "longestIdle-again", description: "the same scenario" }],
  { judged: THREE_MODES_JUDGED },
);

/** Two offer expiries (long names), judged in the overall scope and a queue. */
export const TWO_SCOPES = comparisonOf(
  [
    { ...longestIdle, name: "offerExpiresAfter=30s", description: "offerExpiresAfter set to 30" },
    { ...bestWorker, name: "offerExpiresAfter=60s", description: "offerExpiresAfter set to 60" },
  ],
  {
    judged: [
      ["overall", "serviceLevel"],
      ["overall", "waitMean"],
      ["queue:sales", "serviceLevel"],
      ["queue:sales", "waitMean"],
    ],
  },
);

const EDGE_BASE: FixtureVariant = {
  name: "before",
  description: "the scenario as written",
  values: {
    overall: {
      serviceLevel: [0.5, 0.6, 0.7],
      // Undefined in every replication of both: identical, with no pair at all.
      waitMean: [Number.NaN, Number.NaN, Number.NaN],
      // Undefined in every replication of the baseline only: no pair, not identical.
      abandonWaitMean: [Number.NaN, Number.NaN, Number.NaN],
    },
  },
};

/** Differences with no pair at all: one identical, one undefined. */
export const NO_PAIRS = comparisonOf(
  [
    EDGE_BASE,
    {
      name: "after",
      description: "patience shortened",
      values: {
        overall: {
          serviceLevel: [0.45, 0.58, 0.61],
          waitMean: [Number.NaN, Number.NaN, Number.NaN],
          abandonWaitMean: [12, 15, 9],
        },
      },
    },
  ],
  {
    judged: [
      ["overall", "serviceLevel"],
      ["overall", "waitMean"],
      ["overall", "abandonWaitMean"],
    ],
  },
);

/** One replication: no half-width anywhere. */
export const ONE_REPLICATION = comparisonOf(
  [
    {
      name: "longestIdle",
      description: "mode longestIdle",
      values: { overall: { serviceLevel: [0.8], waitMean: [9] } },
    },
    {
      name: "roundRobin",
      description: "mode roundRobin",
      values: { overall: { serviceLevel: [0.78], waitMean: [9] } },
    },
  ],
  {
    judged: [
      ["overall", "serviceLevel"],
      ["overall", "waitMean"],
    ],
  },
);

/** Every fixture by name. */
export const COMPARISONS = {
  THREE_MODES,
  ALL_IDENTICAL,
  TWO_SCOPES,
  NO_PAIRS,
  ONE_REPLICATION,
} as const;
