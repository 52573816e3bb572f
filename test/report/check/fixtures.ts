/**
 * Hand-built check results for the renderers (they do not depend on judgeCheck): every verdict,
 * both sides missing in turn, a mean undefined on one side, paired and unpaired, the three kinds
 * of scope, and a hostile scope id and file name for the escaping.
 */
import type { CheckResult, CheckVerdict, MetricCheck } from "../../../src/comparison/index.ts";
import type { MetricEstimate, MetricName } from "../../../src/metrics/index.ts";
import type { CheckReportContext } from "../../../src/report/check/index.ts";

const FAILING: ReadonlySet<CheckVerdict> = new Set(["better", "worse", "changed", "missing"]);

/** One check; `fails` follows the verdict, `difference` the two means unless given. */
export function check(
  scope: string,
  metric: MetricName,
  verdict: CheckVerdict,
  sides: { baseline: MetricEstimate | undefined; current: MetricEstimate | undefined },
  rest: {
    halfWidth?: number | null;
    allowedChange: number;
    replicationsToSettle?: number | null;
    explanation: string;
    difference?: number;
  },
): MetricCheck {
  const difference =
    rest.difference ??
    (sides.baseline === undefined || sides.current === undefined
      ? Number.NaN
      : sides.current.mean - sides.baseline.mean);
  return {
    scope,
    metric,
    baseline: sides.baseline,
    current: sides.current,
    difference,
    halfWidth: rest.halfWidth ?? null,
    allowedChange: rest.allowedChange,
    verdict,
    fails: FAILING.has(verdict),
    replicationsToSettle: rest.replicationsToSettle ?? null,
    explanation: rest.explanation,
  };
}

/** A result over `checks`: 95% family-wise, Bonferroni over `comparisons`. */
export function result(
  checks: readonly MetricCheck[],
  options: { scenario?: string; paired?: boolean; pairingNote?: string; comparisons?: number } = {},
): CheckResult {
  const comparisons = options.comparisons ?? checks.length;
  return {
    scenario: options.scenario ?? "quickstart",
    paired: options.paired ?? true,
    ...(options.pairingNote === undefined ? {} : { pairingNote: options.pairingNote }),
    confidence: 0.95,
    comparisons,
    adjustedConfidence: 1 - 0.05 / comparisons,
    checks,
    failed: checks.some((one) => one.fails),
  };
}

const same = (mean: number, halfWidth: number | null) => ({
  baseline: { mean, halfWidth },
  current: { mean, halfWidth },
});

/** The identical ones: counts, a duration, and a mean undefined on both sides (no answer). */
const IDENTICAL_CHECKS: readonly MetricCheck[] = [
  check("overall", "arrived", "identical", same(118.35, 4.2), {
    allowedChange: 5.9175,
    explanation: "The same value in every replication.",
  }),
  check("overall", "waitP50", "identical", same(3.25, 0.41), {
    allowedChange: 2,
    explanation: "The same value in every replication.",
  }),
  check("queue:sales", "abandonWaitMean", "identical", same(Number.NaN, null), {
    allowedChange: 2,
    explanation: "Undefined in every replication of both.",
  }),
];

/** Every verdict, paired by replication, over the three kinds of scope. */
export const MIXED: CheckResult = result(
  [
    IDENTICAL_CHECKS[0] as MetricCheck,
    check(
      "overall",
      "serviceLevel",
      "worse",
      {
        baseline: { mean: 0.8012, halfWidth: 0.0121 },
        current: { mean: 0.7794, halfWidth: 0.0113 },
      },
      {
        halfWidth: 0.0052,
        allowedChange: 0.01,
        explanation:
          "Fell by 2.2 points (interval 1.7 to 2.7), beyond the 1-point tolerance: worse beyond chance.",
      },
    ),
    check(
      "overall",
      "waitMean",
      "unchanged",
      { baseline: { mean: 12.31, halfWidth: 0.84 }, current: { mean: 12.46, halfWidth: 0.79 } },
      {
        halfWidth: 0.41,
        allowedChange: 2,
        explanation: "Moved by 0.15 s, within chance and the 2 s tolerance.",
      },
    ),
    IDENTICAL_CHECKS[1] as MetricCheck,
    check(
      "overall",
      "utilization",
      "within tolerance",
      {
        baseline: { mean: 0.853, halfWidth: 0.0102 },
        current: { mean: 0.8561, halfWidth: 0.0099 },
      },
      {
        halfWidth: 0.0012,
        allowedChange: 0.02,
        explanation: "Rose by 0.31 points, beyond chance but within the 2-point tolerance.",
      },
    ),
    check(
      "queue:sales",
      "abandonmentRate",
      "inconclusive",
      { baseline: { mean: 0.051, halfWidth: 0.009 }, current: { mean: 0.0684, halfWidth: 0.0101 } },
      {
        halfWidth: 0.0191,
        allowedChange: 0.01,
        replicationsToSettle: 80,
        explanation: "Rose by 1.7 points, beyond the 1-point tolerance but not beyond chance.",
      },
    ),
    check(
      "queue:sales",
      "waitP90",
      "better",
      { baseline: { mean: 40.2, halfWidth: 3.3 }, current: { mean: 31, halfWidth: 2.9 } },
      {
        halfWidth: 2.1,
        allowedChange: 4,
        explanation: "Fell by 9.2 s (interval 7.1 to 11.3 s), beyond the 4 s tolerance: better.",
      },
    ),
    check(
      "queue:sales",
      "offersIssued",
      "changed",
      { baseline: { mean: 512.4, halfWidth: 9.7 }, current: { mean: 530.1, halfWidth: 10.2 } },
      {
        halfWidth: 3.2,
        allowedChange: 10.248,
        explanation: "Rose by 17.7 (interval 14.5 to 20.9), beyond the tolerance of 10.2.",
      },
    ),
    IDENTICAL_CHECKS[2] as MetricCheck,
    check(
      "arrival:web-chat",
      "serviceLevel",
      "missing",
      { baseline: { mean: 0.912, halfWidth: 0.02 }, current: undefined },
      { allowedChange: 0.01, explanation: "In the baseline but not in this run." },
    ),
    check(
      "arrival:web-chat",
      "waitMean",
      "missing",
      { baseline: undefined, current: { mean: 4.5, halfWidth: 0.6 } },
      { allowedChange: 2, explanation: "In this run but not in the baseline." },
    ),
    check(
      "arrival:web-chat",
      "abandonWaitMean",
      "missing",
      {
        baseline: { mean: Number.NaN, halfWidth: null },
        current: { mean: 14.2, halfWidth: 3.1 },
      },
      {
        allowedChange: 2,
        explanation: "Undefined in the baseline (no abandoned job) but defined in this run.",
      },
    ),
  ],
  { comparisons: 222 },
);

/** Not paired (the baseline has no per-replication values), nothing failing. */
export const UNPAIRED: CheckResult = result(
  [
    IDENTICAL_CHECKS[0] as MetricCheck,
    check(
      "queue:support",
      "serviceLevelOfAnswered",
      "within tolerance",
      {
        baseline: { mean: 0.9004, halfWidth: 0.0004 },
        current: { mean: 0.9011, halfWidth: 0.0003 },
      },
      {
        halfWidth: 0.0005,
        allowedChange: 0.01,
        explanation: "Rose by 0.07 points, beyond chance but within the 1-point tolerance.",
      },
    ),
    check(
      "arrival:voice",
      "waitMax",
      "inconclusive",
      { baseline: { mean: 301.2, halfWidth: 40.1 }, current: { mean: 340.8, halfWidth: 45.5 } },
      {
        halfWidth: 60.7,
        allowedChange: 30.12,
        replicationsToSettle: null,
        explanation: "Rose by 39.6 s, beyond the 30.1 s tolerance but not beyond chance.",
      },
    ),
  ],
  { paired: false, pairingNote: "the baseline has no per-replication values", comparisons: 111 },
);

/** Every check identical: the common case in CI. */
export const ALL_IDENTICAL: CheckResult = result(IDENTICAL_CHECKS, { comparisons: 3 });

/** A scope id and explanation full of characters every format must escape. */
export const HOSTILE_SCOPE = 'queue:a&b<"c">';
export const HOSTILE_FILE = "baselines/odd,name:50%.json";
export const HOSTILE_EXPLANATION =
  "Fell by 5% | 10%, a <b>bold</b> & 'quoted' claim:\nsecond line\r\nthird\u0001 line.";
export const HOSTILE: CheckResult = result([
  check(
    HOSTILE_SCOPE,
    "serviceLevel",
    "worse",
    { baseline: { mean: 0.8, halfWidth: 0.01 }, current: { mean: 0.75, halfWidth: 0.01 } },
    { halfWidth: 0.004, allowedChange: 0.01, explanation: HOSTILE_EXPLANATION },
  ),
  check(
    HOSTILE_SCOPE,
    "waitMean",
    "inconclusive",
    { baseline: { mean: 10, halfWidth: 1 }, current: { mean: 13, halfWidth: 1.2 } },
    {
      halfWidth: 3.4,
      allowedChange: 2,
      replicationsToSettle: 45,
      explanation: "Rose by 3 s, beyond tolerance; about 45 replications would settle it.",
    },
  ),
]);

/** Positions as a baseline's summary.json would put them: a line per (scope, metric). */
export function contextFor(
  checked: CheckResult,
  options: { verbose?: boolean; baselineFile?: string } = {},
): CheckReportContext {
  const lines = new Map(
    checked.checks.map((one, index) => [`${one.scope} ${one.metric}`, 10 + 3 * index]),
  );
  return {
    baselineFile: options.baselineFile ?? "baselines/quickstart.json",
    verbose: options.verbose ?? false,
    positionOf(scope, metric) {
      const line = lines.get(`${scope} ${metric}`);
      if (line === undefined) throw new Error(`no position for ${scope} ${metric}`);
      return { line, column: scope === "overall" ? 5 : 7 };
    },
  };
}

/** The longest metric name under a long queue id: too wide for a scope column in 120. */
export const WIDE: CheckResult = result(
  [
    check(
      "queue:technical-en",
      "serviceLevelExcludingShortAbandons",
      "within tolerance",
      {
        baseline: { mean: 0.90004, halfWidth: 0.00041 },
        current: { mean: 0.90075, halfWidth: 0.00039 },
      },
      {
        halfWidth: 0.00052,
        allowedChange: 0.01,
        explanation: "Rose by 0.071 points, beyond chance but within the 1-point tolerance.",
      },
    ),
    check(
      "queue:technical-en",
      "waitMax",
      "inconclusive",
      { baseline: { mean: 301.24, halfWidth: 40.1 }, current: { mean: 340.81, halfWidth: 45.5 } },
      {
        halfWidth: 60.7,
        allowedChange: 30.124,
        replicationsToSettle: 120,
        explanation: "Rose by 39.6 s, beyond the 30.1 s tolerance but not beyond chance.",
      },
    ),
    check(
      "arrival:english-senior",
      "serviceLevelExcludingShortAbandons",
      "worse",
      {
        baseline: { mean: 0.8512, halfWidth: 0.0081 },
        current: { mean: 0.8203, halfWidth: 0.0094 },
      },
      {
        halfWidth: 0.0061,
        allowedChange: 0.01,
        explanation: "Fell by 3.1 points (interval 2.5 to 3.7), beyond the 1-point tolerance.",
      },
    ),
  ],
  { scenario: "multi-skill", comparisons: 481 },
);
