/**
 * The chart of `ccsim compare`: every judged difference (variant − baseline) as a point with its
 * adjusted interval, one panel per metric with its own symmetric scale around a zero line (a
 * share's difference in percentage points, seconds, jobs), coloured by verdict, in the charts'
 * theme. An identical difference is a point at 0 without a bar; one with no pair is not drawn
 * (the subtitle counts it). Pure: Comparison in, spec out.
 */
import type { TopLevelSpec } from "vega-lite";
import type {
  ComparedMetricName,
  Comparison,
  ComparisonVerdict,
  DifferenceRow,
} from "../../comparison/index.ts";
import { shortName } from "../compare/comparison-console.ts";
import { confidenceText } from "../compare/console-numbers.ts";
import {
  COMPARED_METRIC_UNITS,
  differenceUnitWords,
  type MetricUnit,
} from "../compare/metric-units.ts";
import type { Chart } from "./chart-input.ts";
import type { DataRow } from "./layout.ts";
import { DASH, frameOf, PLOT_WIDTH_PX, REFERENCE_COLOUR, VERDICT_COLOURS } from "./theme.ts";
import { replicationsPhrase } from "./wording.ts";

/** The verdicts in legend order, each with its colour. */
const VERDICTS: readonly ComparisonVerdict[] = [
  "better",
  "worse",
  "changed",
  "no detectable difference",
  "identical",
];
const VERDICT_COLOUR: Readonly<Record<ComparisonVerdict, string>> = VERDICT_COLOURS;

/** Height of one row (one difference) of a panel. */
const ROW_STEP_PX = 24;
/** About this many ticks on a panel's axis: more crowd each other's labels. */
const TICK_COUNT = 8;
/** Room around the widest interval, so no bar touches the panel's edge. */
const DOMAIN_PADDING = 1.15;
/** Half the x range of a panel where every difference is 0 (identical), in the metric's unit. */
const EMPTY_HALF_RANGE: Readonly<Record<MetricUnit, number>> = {
  share: 0.01,
  seconds: 1,
  jobs: 1,
  count: 1,
};

/**
 * Characters of a y-axis label: longer variant names (a --set's whole path and value) keep their
 * start and their distinguishing end, where vega's own limit would cut the end off.
 */
const LABEL_CHARACTERS = 36;

/** A difference's label on the y axis. */
type Labeller = (row: DifferenceRow) => string;

/**
 * Each difference's label: the variant, with its scope when several are judged; shortened when
 * that still tells every label apart (two policies' `…offerExpiresAfterSeconds=30` would not
 * be), else whole.
 */
function labellerOf(comparison: Comparison): Labeller {
  const severalScopes = new Set(comparison.differences.map((row) => row.scope)).size > 1;
  const whole: Labeller = (row) => (severalScopes ? `${row.variant} (${row.scope})` : row.variant);
  const names = [...new Set(comparison.differences.map(whole))];
  const shortened = new Set(names.map((name) => shortName(name, LABEL_CHARACTERS)));
  return shortened.size === names.length ? (row) => shortName(whole(row), LABEL_CHARACTERS) : whole;
}

/** The drawable data row of a difference, or undefined when it has no value (no pair). */
function dataRowOf(row: DifferenceRow, labelOf: Labeller): DataRow | undefined {
  const { difference } = row;
  const base = { metric: row.metric, label: labelOf(row), verdict: row.verdict };
  // Identical: the same value in every replication, even when undefined in all of them.
  if (difference.identical) return { ...base, difference: 0 };
  if (!Number.isFinite(difference.meanDifference)) return undefined;
  const { meanDifference, halfWidth } = difference;
  if (halfWidth === null || !Number.isFinite(halfWidth)) {
    return { ...base, difference: meanDifference };
  }
  return {
    ...base,
    difference: meanDifference,
    halfWidth,
    low: meanDifference - halfWidth,
    high: meanDifference + halfWidth,
  };
}

/** A symmetric x domain around 0 holding every point and bar of a panel. */
function symmetricDomain(rows: readonly DataRow[], unit: MetricUnit): [number, number] {
  const extent = Math.max(
    0,
    ...rows.flatMap((row) =>
      ["difference", "low", "high"].flatMap((field) => {
        const value = row[field];
        return typeof value === "number" ? [Math.abs(value)] : [];
      }),
    ),
  );
  const half = extent > 0 ? extent * DOMAIN_PADDING : EMPTY_HALF_RANGE[unit];
  return [-half, half];
}

/** A panel's title: the metric and which way it improves. */
function panelTitle(metric: ComparedMetricName, row: DifferenceRow): string {
  if (row.direction === "higherIsBetter") return `${metric} (higher is better)`;
  if (row.direction === "lowerIsBetter") return `${metric} (lower is better)`;
  return `${metric} (neither better nor worse, only changed)`;
}

/** One metric's panel: the zero line, the intervals, the points. */
function panelOf(
  metric: ComparedMetricName,
  rows: readonly DataRow[],
  labels: readonly string[],
  comparison: Comparison,
  first: DifferenceRow,
) {
  const unit = COMPARED_METRIC_UNITS[metric];
  const scale = { domain: symmetricDomain(rows, unit), nice: true };
  const axis = {
    title: `variant − ${comparison.baseline}, ${differenceUnitWords(unit)}`,
    format: unit === "share" ? "~%" : "~f",
    tickCount: TICK_COUNT,
    grid: true,
  };
  const y = {
    field: "label",
    type: "nominal",
    sort: [...labels],
    title: null,
    axis: { labelLimit: 0 },
  } as const;
  const colour = {
    field: "verdict",
    type: "nominal",
    title: null,
    scale: { domain: [...VERDICTS], range: VERDICTS.map((verdict) => VERDICT_COLOUR[verdict]) },
  } as const;
  return {
    title: { text: panelTitle(metric, first), fontSize: 12, offset: 6 },
    width: PLOT_WIDTH_PX,
    height: { step: ROW_STEP_PX },
    transform: [{ filter: { field: "metric", equal: metric } }],
    layer: [
      {
        // One zero line, however many differences the panel holds.
        transform: [{ aggregate: [{ op: "count", as: "differences" }] }],
        mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: DASH, strokeWidth: 1 },
        encoding: { x: { datum: 0, type: "quantitative", scale, axis } },
      },
      {
        transform: [{ filter: { field: "low", valid: true } }],
        mark: { type: "rule", strokeWidth: 2.5 },
        encoding: {
          x: { field: "low", type: "quantitative", scale, axis },
          x2: { field: "high" },
          y,
          color: colour,
        },
      },
      {
        mark: { type: "point", filled: true, size: 80, opacity: 1 },
        encoding: {
          x: { field: "difference", type: "quantitative", scale, axis },
          y,
          color: colour,
        },
      },
    ],
  };
}

/** The subtitle line on the adjustment. */
function adjustmentNote(comparison: Comparison): string {
  const family = confidenceText(comparison.confidence);
  if (comparison.comparisons <= 1) {
    return `Bar: its ${family} confidence interval (one difference, no adjustment).`;
  }
  return (
    `Bar: its ${family} family-wise interval (${comparison.adjustment} over ` +
    `${comparison.comparisons} differences, each at ${confidenceText(comparison.adjustedConfidence)}).`
  );
}

/** The subtitle line naming the differences not drawn (no replication defined in both). */
function undrawnNote(undrawn: readonly DifferenceRow[], labelOf: Labeller): string[] {
  if (undrawn.length === 0) return [];
  const names = undrawn.map((row) => `${row.metric} of ${labelOf(row)}`);
  return [`Not drawn, no replication where both variants define it: ${names.join(", ")}.`];
}

/** The one panel of a chart where no difference has a value: says so, in the chart. */
const NOTHING_DRAWN = {
  width: PLOT_WIDTH_PX,
  height: ROW_STEP_PX * 2,
  mark: { type: "text", fontSize: 12, color: REFERENCE_COLOUR },
  encoding: { text: { datum: "No difference has a value to draw." } },
  view: { stroke: null },
};

/** The differences chart (file name `differences`). */
export function differencesChart(comparison: Comparison, scenario: string): Chart {
  const labelOf = labellerOf(comparison);
  const drawn: { row: DifferenceRow; data: DataRow }[] = [];
  const undrawn: DifferenceRow[] = [];
  for (const row of comparison.differences) {
    const data = dataRowOf(row, labelOf);
    if (data === undefined) undrawn.push(row);
    else drawn.push({ row, data });
  }
  // A metric with nothing to draw has no panel: an empty panel would have no labels either.
  const metrics = [...new Set(drawn.map(({ row }) => row.metric))];
  const panels = metrics.map((metric) => {
    const judged = drawn.filter(({ row }) => row.metric === metric);
    const labels = [...new Set(judged.map(({ row }) => labelOf(row)))];
    const first = (judged[0] as { row: DifferenceRow }).row;
    return panelOf(
      metric,
      judged.map(({ data }) => data),
      labels,
      comparison,
      first,
    );
  });
  const title = `Differences against ${comparison.baseline}`;
  const caption =
    `How much each variant of ${scenario} moves each judged metric away from ` +
    `${comparison.baseline}, with intervals that hold together at ` +
    `${confidenceText(comparison.confidence)}; a bar across zero means no detectable difference.`;
  const spec = {
    ...frameOf({
      title,
      subtitle: [
        `${scenario}: variant − ${comparison.baseline} per metric, paired over ` +
          `${replicationsPhrase(comparison.replications)} (common random numbers).`,
        adjustmentNote(comparison),
        "A bar across 0 is no detectable difference; better and worse follow each metric's direction.",
        ...undrawnNote(undrawn, labelOf),
      ],
      description: caption,
    }),
    data: { values: drawn.map(({ data }) => data) },
    vconcat: panels.length > 0 ? panels : [NOTHING_DRAWN],
    spacing: 20,
    resolve: { scale: { x: "independent", y: "independent", color: "shared" } },
  } as TopLevelSpec;
  return { name: "differences", title, caption, spec };
}
