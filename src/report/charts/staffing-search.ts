/**
 * The chart of `ccsim staff`: each target's metric against the group's count, one panel per
 * target, every evaluated count a point with its 95% interval, coloured by whether it meets the
 * target (with confidence, on average only, or not), theory's curve (dashed) where Erlang
 * describes the metric, and the target as a horizontal line. Pure: StaffingStudy in, spec out.
 */
import type { TopLevelSpec } from "vega-lite";
import { METRIC_UNITS } from "../../metrics/metric-units.ts";
import type { StaffingTarget } from "../../planning/index.ts";
import { formatNumber } from "../format-number.ts";
import type { StaffingStudy } from "../staff/staffing-study.ts";
import type { Chart } from "./chart-input.ts";
import type { DataRow } from "./layout.ts";
import {
  DASH,
  frameOf,
  OKABE_ITO,
  OUTCOME_COLOURS,
  PLOT_HEIGHT_PX,
  PLOT_WIDTH_PX,
  REFERENCE_COLOUR,
} from "./theme.ts";
import { replicationsPhrase } from "./wording.ts";

/** The legend's entries, in order, with their colours. */
export const STAFFING_SERIES = {
  confident: "meets with 95% confidence",
  onAverage: "meets on average only",
  misses: "misses",
} as const;

const SERIES_COLOURS: Readonly<Record<string, string>> = {
  [STAFFING_SERIES.confident]: OKABE_ITO.bluishGreen,
  [STAFFING_SERIES.onAverage]: OKABE_ITO.orange,
  [STAFFING_SERIES.misses]: OKABE_ITO.vermillion,
};

/** Counts beyond the evaluated ones on each side of theory's curve. */
const CURVE_MARGIN = 1;

/** The legend entry of one evaluated count for one target. */
function statusOf(
  meets: { readonly interval: boolean; readonly mean: boolean } | undefined,
): string {
  if (meets?.interval === true) return STAFFING_SERIES.confident;
  if (meets?.mean === true) return STAFFING_SERIES.onAverage;
  return STAFFING_SERIES.misses;
}

/** The data rows of every panel: simulated points and theory's curve, by target index. */
export function staffingRows(study: StaffingStudy): DataRow[] {
  const rows: DataRow[] = [];
  const counts = study.search.evaluations.map((one) => one.count);
  const low = Math.max(1, Math.min(...counts) - CURVE_MARGIN);
  const high = Math.max(...counts) + CURVE_MARGIN;
  study.targets.forEach((_target, index) => {
    const panel = String(index);
    for (const evaluation of study.search.evaluations) {
      const estimate = evaluation.estimates[index];
      if (estimate === undefined || !Number.isFinite(estimate.mean)) continue;
      const row: DataRow = {
        panel,
        kind: "simulated",
        count: evaluation.count,
        mean: estimate.mean,
        status: statusOf(evaluation.meets[index]),
      };
      if (estimate.halfWidth !== null && Number.isFinite(estimate.halfWidth)) {
        row.low = estimate.mean - estimate.halfWidth;
        row.high = estimate.mean + estimate.halfWidth;
      }
      rows.push(row);
    }
    if (counts.length === 0) return;
    for (let count = low; count <= high; count++) {
      const value = study.erlangValue(count, index);
      if (value !== undefined && Number.isFinite(value)) {
        rows.push({ panel, kind: "erlang", count, mean: value });
      }
    }
  });
  return rows;
}

function panelOf(study: StaffingStudy, target: StaffingTarget, index: number, hasErlang: boolean) {
  const panel = String(index);
  const share = METRIC_UNITS[target.metric] === "share";
  const x = {
    field: "count",
    type: "quantitative",
    title: `agents in group ${study.groupId}`,
    scale: { zero: false, nice: false, padding: 12 },
    axis: { format: "d", tickMinStep: 1 },
  } as const;
  const y = {
    type: "quantitative",
    title: target.scope === "overall" ? target.metric : `${target.metric} (${target.scope})`,
    scale: { zero: false },
    axis: { format: share ? "~%" : "~f" },
  } as const;
  const statuses = Object.values(STAFFING_SERIES);
  const colour = {
    field: "status",
    type: "nominal",
    title: null,
    scale: { domain: statuses, range: statuses.map((status) => SERIES_COLOURS[status]) },
  } as const;
  const simulated = { filter: { field: "kind", equal: "simulated" } };
  return {
    title: { text: `${target.text}`, fontSize: 12, offset: 6 },
    width: PLOT_WIDTH_PX,
    height: PLOT_HEIGHT_PX,
    transform: [{ filter: { field: "panel", equal: panel } }],
    layer: [
      {
        transform: [{ aggregate: [{ op: "count", as: "points" }] }],
        mark: { type: "rule", color: REFERENCE_COLOUR, strokeDash: DASH, strokeWidth: 1 },
        encoding: { y: { ...y, datum: target.value } },
      },
      ...(hasErlang
        ? [
            {
              transform: [{ filter: { field: "kind", equal: "erlang" } }],
              mark: {
                type: "line",
                color: OUTCOME_COLOURS.erlangRequirement,
                strokeDash: DASH,
                strokeWidth: 1.5,
                point: { filled: true, size: 16, color: OUTCOME_COLOURS.erlangRequirement },
              },
              encoding: { x, y: { ...y, field: "mean" } },
            },
          ]
        : []),
      {
        transform: [simulated, { filter: { field: "low", valid: true } }],
        mark: { type: "rule", strokeWidth: 2.5 },
        encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color: colour },
      },
      {
        transform: [simulated],
        mark: { type: "point", filled: true, size: 70, opacity: 1 },
        encoding: { x, y: { ...y, field: "mean" }, color: colour },
      },
    ],
  };
}

/** The staffing-search chart (file name `staffing-search`). */
export function staffingSearchChart(study: StaffingStudy): Chart {
  const rows = staffingRows(study);
  const panels = study.targets.map((target, index) =>
    panelOf(
      study,
      target,
      index,
      rows.some((row) => row.kind === "erlang" && row.panel === String(index)),
    ),
  );
  const answer = study.search.answer;
  const title =
    answer === undefined
      ? `No count of group ${study.groupId} meets the target${study.targets.length > 1 ? "s" : ""}`
      : `${answer} agents in group ${study.groupId} meet the target${study.targets.length > 1 ? "s" : ""}`;
  const erlangLine =
    study.erlangFormula === undefined
      ? "No theory curve: Erlang does not describe this group's queue."
      : `Black dashed line with dots: ${study.erlangFormula} at each count. Grey dashed line: the target.`;
  const caption =
    `How ${study.targets.map((target) => target.metric).join(" and ")} of ${study.scenario} ` +
    `change with the number of agents in group ${study.groupId}, each simulated count with its 95% interval, against the target.`;
  const spec = {
    ...frameOf({
      title,
      subtitle: [
        `${study.scenario}: each point is one count simulated over ${replicationsPhrase(study.replications)} on common random numbers; bar: its 95% confidence interval.`,
        erlangLine,
        ...(study.erlangFormula === undefined ? ["Dashed grey line: the target."] : []),
        `Targets: ${study.targets.map((target) => `${target.text}`).join(", ")}; searched ${formatNumber(study.min)} to ${formatNumber(study.max)}.`,
      ],
      description: caption,
    }),
    data: { values: rows },
    vconcat: panels,
    spacing: 24,
    resolve: { scale: { x: "independent", y: "independent", color: "shared" } },
  } as TopLevelSpec;
  return { name: "staffing-search", title, caption, spec };
}
