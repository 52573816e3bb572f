/**
 * Utilization per worker by group: up to about 60 workers a dot per worker with its confidence
 * interval as an error bar, coloured by group; above that, one histogram of the workers'
 * utilizations per group (60 labelled dots no longer fit 720 pixels). Workers that never
 * registered have no utilization and are left out (the subtitle counts them).
 */
import type { WorkerSummaryRow } from "../../metrics/types.ts";
import type { Chart, ChartInput } from "./chart-input.ts";
import { type DataRow, estimateFields, HAS_BAND, type Layer, layeredChartSpec } from "./layout.ts";
import { categoryColours } from "./theme.ts";
import { hasBands, replicationsPhrase } from "./wording.ts";

/** Above this many workers, one histogram per group instead of a dot per worker. */
export const MAX_WORKERS_AS_DOTS = 60;
/** Histogram bins: 5 percentage points. */
const BIN_STEP = 0.05;
const HISTOGRAM_HEIGHT_PX = 90;

/** The groups in the order the workers list them (order of first registration). */
function groupsOf(workers: readonly WorkerSummaryRow[]): string[] {
  return [...new Set(workers.map((worker) => worker.group))];
}

/** The utilization chart. */
export function utilizationChart(input: ChartInput): Chart {
  const { summary } = input;
  const groups = groupsOf(summary.workers);
  // Grouped, in registration order within each group.
  const drawn = groups.flatMap((group) =>
    summary.workers.filter(
      (worker) => worker.group === group && Number.isFinite(worker.utilization),
    ),
  );
  const leftOut = summary.workers.length - drawn.length;
  const asDots = drawn.length <= MAX_WORKERS_AS_DOTS;
  const colour = {
    field: "group",
    type: "nominal",
    title: "group",
    scale: { domain: groups, range: categoryColours(groups.length) },
  } as const;
  const leftOutNote =
    leftOut === 0
      ? []
      : [
          `${leftOut} worker${leftOut === 1 ? "" : "s"} never logged in and ${leftOut === 1 ? "is" : "are"} left out.`,
        ];
  const title = "Utilization per worker";
  const afterWarmup = input.run.warmupSeconds > 0 ? ", after the warm-up" : "";
  if (asDots) {
    const rows = drawn.flatMap((worker): DataRow[] => {
      const fields = estimateFields(worker.utilization, worker.halfWidths.utilization, {
        min: 0,
        max: 1,
      });
      return fields === undefined
        ? []
        : [{ worker: worker.workerId, group: worker.group, ...fields }];
    });
    const x = {
      field: "worker",
      type: "nominal",
      sort: null,
      title: "worker",
      axis: { labelAngle: -90 },
    } as const;
    const y = {
      type: "quantitative" as const,
      title: "utilization",
      scale: { domain: [0, 1] },
      axis: { format: "%" },
    };
    const errorBars: Layer[] = hasBands(summary.replications)
      ? [
          {
            transform: [HAS_BAND],
            mark: { type: "rule", strokeWidth: 1.5 },
            encoding: { x, y: { ...y, field: "low" }, y2: { field: "high" }, color: colour },
          },
        ]
      : [];
    const caption =
      "Share of each agent's logged-in time spent on contacts, one dot per agent coloured by group" +
      (hasBands(summary.replications)
        ? `; the bars are 95% confidence intervals over ${replicationsPhrase(summary.replications)}.`
        : ", from a single replication.");
    const spec = layeredChartSpec({
      frame: {
        title,
        subtitle: [
          `Each dot: one worker's capacity in use / capacity logged in${afterWarmup}.`,
          hasBands(summary.replications)
            ? `Error bar: 95% confidence interval over ${replicationsPhrase(summary.replications)}.`
            : "One replication, so no confidence interval.",
          ...leftOutNote,
        ],
        description: caption,
      },
      rows,
      layers: [
        ...errorBars,
        {
          mark: { type: "point", filled: true, size: 50, opacity: 1 },
          encoding: { x, y: { ...y, field: "mean" }, color: colour },
        },
      ],
      smallMultiples: null,
    });
    return { name: "utilization", title, caption, spec };
  }
  const rows = drawn.map((worker) => ({
    worker: worker.workerId,
    group: worker.group,
    utilization: worker.utilization,
  }));
  const caption =
    "How many agents of each group reached each utilization (share of logged-in time spent on " +
    `contacts), each agent's mean over ${replicationsPhrase(summary.replications)}.`;
  const spec = layeredChartSpec({
    frame: {
      title,
      subtitle: [
        `Number of workers by utilization (bins of ${BIN_STEP * 100} points), one row per group${afterWarmup}.`,
        hasBands(summary.replications)
          ? `Each worker's mean over ${replicationsPhrase(summary.replications)}; no band (a histogram of means).`
          : "One replication, so no confidence band.",
        ...leftOutNote,
      ],
      description: caption,
    },
    rows,
    layers: [
      {
        mark: { type: "bar" },
        encoding: {
          x: {
            field: "utilization",
            type: "quantitative",
            bin: { extent: [0, 1], step: BIN_STEP },
            title: "utilization",
            axis: { format: "%" },
          },
          y: { aggregate: "count", type: "quantitative", title: "workers" },
          color: { ...colour, legend: null },
        },
      },
    ],
    smallMultiples: { field: "group", values: groups, heightPx: HISTOGRAM_HEIGHT_PX },
  });
  return { name: "utilization", title, caption, spec };
}
