/**
 * KPI tiles: the run's overall service level (with its target), mean wait, abandonment rate and
 * utilization, each its mean ± half-width, as four tiles of text. The text is formatted here
 * (fixed decimals, no locale) so every machine prints the same.
 */
import type { MetricEstimate } from "../../metrics/types.ts";
import type { Chart, ChartInput } from "./chart-input.ts";
import { type DataRow, layeredChartSpec } from "./layout.ts";
import { TILE_FILL } from "./theme.ts";
import { durationText, fixed, hasBands, percentText, replicationsPhrase } from "./wording.ts";

/** No axes: the tiles may take the whole width. */
const TILES_WIDTH_PX = 700;
const TILE_HEIGHT_PX = 104;

/** How one tile reads. */
interface Kpi {
  readonly label: string;
  /** What the number is, in a few words. */
  readonly what: string;
  readonly estimate: MetricEstimate;
  readonly value: (mean: number) => string;
  readonly halfWidth: (halfWidth: number) => string;
  /** What follows the ± (the target). */
  readonly note?: string;
  /** What to say when the mean is undefined. */
  readonly undefinedNote: string;
}

/** A share: "82.3%", and its half-width in percentage points: "1.2 pts". */
const shareValue = (mean: number) => `${fixed(mean * 100, 1)}%`;
const shareHalfWidth = (halfWidth: number) => `${fixed(halfWidth * 100, 1)} pts`;

/** Waits of 100 s and more read better in minutes (and so does their half-width). */
const MINUTES_FROM_SECONDS = 100;

/** The tiles' rows, in the order they are drawn. */
export function kpiRows(input: ChartInput): DataRow[] {
  const { run, summary } = input;
  const { overall } = summary;
  const inMinutes = overall.waitMean.mean >= MINUTES_FROM_SECONDS;
  const waitText = (seconds: number) =>
    inMinutes ? `${fixed(seconds / 60, 1)} min` : `${fixed(seconds, 1)} s`;
  const kpis: Kpi[] = [
    {
      label: "Service level",
      what: `answered within ${durationText(run.serviceLevelThresholdSeconds)}`,
      estimate: overall.serviceLevel,
      value: shareValue,
      halfWidth: shareHalfWidth,
      note: `target ${percentText(run.serviceLevelTarget)}`,
      undefinedNote: "no contacts arrived",
    },
    {
      label: "Mean wait",
      what: "of answered contacts",
      estimate: overall.waitMean,
      value: waitText,
      halfWidth: waitText,
      undefinedNote: "no contact was answered",
    },
    {
      label: "Abandoned",
      what: "share of contacts",
      estimate: overall.abandonmentRate,
      value: shareValue,
      halfWidth: shareHalfWidth,
      undefinedNote: "no contacts arrived",
    },
    {
      label: "Utilization",
      what: "agents' logged-in time busy",
      estimate: overall.utilization,
      value: shareValue,
      halfWidth: shareHalfWidth,
      undefinedNote: "nobody was logged in",
    },
  ];
  return kpis.map((kpi) => {
    const { mean, halfWidth } = kpi.estimate;
    if (!Number.isFinite(mean)) {
      return { tile: kpi.label, what: kpi.what, value: "–", detail: kpi.undefinedNote };
    }
    const spread = halfWidth !== null && Number.isFinite(halfWidth);
    const detail = [
      ...(spread ? [`± ${kpi.halfWidth(halfWidth)}`] : []),
      ...(kpi.note === undefined ? [] : [kpi.note]),
    ].join(" · ");
    return {
      tile: kpi.label,
      what: kpi.what,
      mean,
      ...(spread ? { halfWidth } : {}),
      value: kpi.value(mean),
      detail,
    };
  });
}

/** One tile per row, in the rows' order. */
const TILE_X = {
  field: "tile",
  type: "nominal",
  sort: null,
  axis: null,
  scale: { paddingInner: 0.06, paddingOuter: 0 },
} as const;

/** One line of text in every tile, at `yPx` from the top. */
function tileText(field: string, yPx: number, fontSize: number, bold: boolean) {
  return {
    mark: {
      type: "text",
      fontSize,
      fontWeight: bold ? "bold" : "normal",
      color: bold ? "#1A1A1A" : "#4D4D4D",
      baseline: "middle",
    },
    encoding: { x: TILE_X, y: { value: yPx }, text: { field } },
  } as const;
}

/** The KPI tiles. */
export function kpisChart(input: ChartInput): Chart {
  const { summary, run } = input;
  const replications = summary.replications;
  const title = "Key figures";
  const caption =
    `Service level against the ${percentText(run.serviceLevelTarget)} target, mean wait of answered contacts, ` +
    "share abandoned and agents' utilization over the whole run" +
    (hasBands(replications)
      ? `, each with the ± of its 95% confidence interval over ${replicationsPhrase(replications)}.`
      : ", from a single replication.");
  const spec = layeredChartSpec({
    frame: {
      title,
      subtitle: [
        `Whole run${run.warmupSeconds > 0 ? " after the warm-up" : ""}, all queues.`,
        hasBands(replications)
          ? `±: half-width of the 95% confidence interval over ${replicationsPhrase(replications)}.`
          : "One replication, so no confidence interval.",
      ],
      description: caption,
    },
    rows: kpiRows(input),
    layers: [
      {
        mark: { type: "rect", color: TILE_FILL, cornerRadius: 6 },
        encoding: { x: TILE_X, y: { value: 0 }, y2: { value: TILE_HEIGHT_PX } },
      },
      tileText("tile", 16, 13, true),
      tileText("value", 44, 26, true),
      tileText("what", 71, 12, false),
      tileText("detail", 89, 12, false),
    ],
    smallMultiples: null,
    widthPx: TILES_WIDTH_PX,
    heightPx: TILE_HEIGHT_PX,
    frameless: true,
  });
  return { name: "kpis", title, caption, spec };
}
