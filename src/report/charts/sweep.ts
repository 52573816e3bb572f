/**
 * The chart of `ccsim sweep`: one panel per chosen metric (overall scope), its mean against the
 * first swept field with the 95% interval as a band, one line per value of the second field.
 * A numeric field is a quantitative axis; any other an ordinal one in the order given. Pure:
 * SweepResults in, spec out.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ComparedMetricName } from "../../comparison/index.ts";
import { COMPARED_METRIC_UNITS } from "../compare/metric-units.ts";
import { pointLabel, type SweepResults } from "../sweep/sweep-results.ts";
import type { Chart } from "./chart-input.ts";
import { type DataRow, estimateFields } from "./layout.ts";
import {
  BAND_OPACITY,
  categoryColours,
  frameOf,
  PLOT_WIDTH_PX,
  REFERENCE_COLOUR,
} from "./theme.ts";
import { replicationsPhrase } from "./wording.ts";

/** Height of one metric's panel: several are stacked. */
const PANEL_HEIGHT_PX = 160;
const OVERALL = "overall";
/** Up to this many swept values each get a tick; more would crowd the axis. */
const MAX_VALUE_TICKS = 16;

/** The axis format of a metric's values. */
function formatOf(metric: ComparedMetricName): string {
  return COMPARED_METRIC_UNITS[metric] === "share" ? "~%" : "~f";
}

/** The axis title of a metric: its name and unit. */
function axisTitle(metric: ComparedMetricName): string {
  const unit = COMPARED_METRIC_UNITS[metric];
  if (unit === "seconds") return `${metric} (s)`;
  return metric;
}

/** The drawable rows: one per point and chosen metric with a mean, a band where there is one. */
function dataRows(results: SweepResults, numericX: boolean): DataRow[] {
  const rows: DataRow[] = [];
  for (const point of results.points) {
    const first = results.fields[0];
    const xValue = first?.values[point.indices[0] ?? -1];
    const x = numericX ? (xValue as number) : pointLabel(results, point, 0);
    const series = results.fields.length > 1 ? pointLabel(results, point, 1) : "";
    for (const metric of results.metrics) {
      const estimate = point.estimates.get(OVERALL)?.get(metric);
      if (estimate === undefined) continue;
      // Every compared metric is a count, a time or a share: never negative, a share at most 1.
      const limits = { min: 0, ...(COMPARED_METRIC_UNITS[metric] === "share" ? { max: 1 } : {}) };
      const fields = estimateFields(estimate.mean, estimate.halfWidth, limits);
      if (fields !== undefined) rows.push({ metric, x, series, ...fields });
    }
  }
  return rows;
}

/** One metric's panel: the band, the line and the points, coloured by the second field. */
function panelOf(metric: ComparedMetricName, results: SweepResults, numericX: boolean) {
  const first = results.fields[0];
  const second = results.fields[1];
  const ticks =
    numericX && (first?.values.length ?? 0) <= MAX_VALUE_TICKS
      ? (first?.values as number[])
      : undefined;
  const wholeNumbers = numericX && (first?.values ?? []).every((value) => Number.isInteger(value));
  const x = numericX
    ? ({
        field: "x",
        type: "quantitative",
        title: first?.name,
        scale: { zero: false, nice: false },
        // The swept values themselves as ticks (45, 50, 55), not 45.2, 45.4…
        axis: {
          format: "~f",
          grid: true,
          ...(ticks === undefined ? {} : { values: ticks }),
          ...(wholeNumbers ? { tickMinStep: 1 } : {}),
        },
      } as const)
    : ({
        field: "x",
        type: "ordinal",
        title: first?.name,
        sort: [...(first?.labels ?? [])],
        axis: { labelAngle: 0 },
      } as const);
  const y = {
    field: "mean",
    type: "quantitative",
    title: axisTitle(metric),
    scale: { zero: false },
    axis: { format: formatOf(metric), grid: true, tickCount: 5 },
  } as const;
  const labels = second?.labels ?? [""];
  const colour =
    second === undefined
      ? { value: categoryColours(1)[0] }
      : {
          field: "series",
          type: "nominal",
          title: second.name,
          sort: [...labels],
          scale: { domain: [...labels], range: categoryColours(labels.length) },
        };
  return {
    title: { text: metric, fontSize: 12, offset: 6 },
    width: PLOT_WIDTH_PX,
    height: PANEL_HEIGHT_PX,
    transform: [{ filter: { field: "metric", equal: metric } }],
    layer: [
      {
        transform: [{ filter: { field: "low", valid: true } }],
        mark: { type: "area", opacity: BAND_OPACITY },
        encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color: colour },
      },
      { mark: { type: "line", strokeWidth: 2 }, encoding: { x, y, color: colour } },
      {
        mark: { type: "point", filled: true, size: 40, opacity: 1 },
        encoding: { x, y, color: colour },
      },
    ],
  };
}

/** The one panel of a chart where no point has a value: says so, in the chart. */
const NOTHING_DRAWN = {
  width: PLOT_WIDTH_PX,
  height: 48,
  mark: { type: "text", fontSize: 12, color: REFERENCE_COLOUR },
  encoding: { text: { datum: "No point has a value to draw." } },
  view: { stroke: null },
};

/** The sweep chart (file name `sweep`). */
export function sweepChart(results: SweepResults, scenario: string): Chart {
  const first = results.fields[0];
  const second = results.fields[1];
  const numericX = first?.values.every((value) => typeof value === "number") ?? false;
  const rows = dataRows(results, numericX);
  const metrics = results.metrics.filter((metric) => rows.some((row) => row.metric === metric));
  const against = first?.name ?? "the swept field";
  const title = `Sweep of ${against}${second === undefined ? "" : ` and ${second.name}`}`;
  const caption =
    `How ${metrics.join(", ") || "the chosen metrics"} of ${scenario} move with ${against}` +
    `${second === undefined ? "" : `, one line per ${second.name}`}, each point a mean with its ` +
    "95% confidence band over replications.";
  const spec = {
    ...frameOf({
      title,
      subtitle: [
        `${scenario}: ${results.points.length} points on common random numbers, ${replicationsPhrase(results.replications)} each; overall scope.`,
        ...(results.fixed.length === 0 ? [] : [`Every point: ${results.fixed.join(", ")}.`]),
        "Line: the mean; band: its 95% confidence interval.",
      ],
      description: caption,
    }),
    data: { values: rows },
    vconcat:
      metrics.length > 0
        ? metrics.map((metric) => panelOf(metric, results, numericX))
        : [NOTHING_DRAWN],
    spacing: 20,
    resolve: { scale: { y: "independent", color: "shared" } },
  } as TopLevelSpec;
  return { name: "sweep", title, caption, spec };
}
