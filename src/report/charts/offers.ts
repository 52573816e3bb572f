/**
 * Offer outcomes per worker group: accepted, declined, expired and revoked offers as one
 * horizontal stacked bar per group, each outcome the sum of the group's workers' means. The
 * stacking is computed here (`base` to `top`), like the arrivals chart's.
 */
import type { WorkerSummaryRow } from "../../metrics/types.ts";
import type { Chart, ChartInput } from "./chart-input.ts";
import { type DataRow, type Layer, layeredChartSpec } from "./layout.ts";
import { OUTCOME_COLOURS, outcomeColourEncoding } from "./theme.ts";
import { meansNote } from "./wording.ts";

/** One offer outcome: its legend label, colour and the worker field it sums. */
interface OfferOutcome {
  readonly label: string;
  readonly colour: string;
  readonly value: "offersAccepted" | "offersDeclined" | "offersExpired" | "offersRevoked";
}

/** The outcomes, left to right. */
export const OFFER_OUTCOMES: readonly OfferOutcome[] = [
  { label: "accepted", colour: OUTCOME_COLOURS.offerAccepted, value: "offersAccepted" },
  { label: "declined", colour: OUTCOME_COLOURS.offerDeclined, value: "offersDeclined" },
  { label: "expired", colour: OUTCOME_COLOURS.offerExpired, value: "offersExpired" },
  { label: "revoked", colour: OUTCOME_COLOURS.offerRevoked, value: "offersRevoked" },
];

/** Pixels per group's bar. */
const BAR_STEP_PX = 36;

/** The sum of a field's finite means over the workers of a group. */
function sumOf(workers: readonly WorkerSummaryRow[], value: OfferOutcome["value"]): number {
  return workers.reduce(
    (sum, worker) => sum + (Number.isFinite(worker[value]) ? worker[value] : 0),
    0,
  );
}

/** The offers chart. */
export function offersChart(input: ChartInput): Chart {
  const { summary } = input;
  const groups = [...new Set(summary.workers.map((worker) => worker.group))];
  const rows = groups.flatMap((group) => {
    const members = summary.workers.filter((worker) => worker.group === group);
    let base = 0;
    return OFFER_OUTCOMES.flatMap((outcome): DataRow[] => {
      const offers = sumOf(members, outcome.value);
      if (offers === 0) return [];
      const stacked = { base, top: base + offers };
      base += offers;
      return [{ group, outcome: outcome.label, offers, ...stacked }];
    });
  });
  const bars: Layer = {
    mark: { type: "bar", stroke: "white", strokeWidth: 0.5 },
    encoding: {
      y: { field: "group", type: "nominal", sort: groups, title: "group" },
      x: { field: "base", type: "quantitative", title: "offers (per replication)" },
      x2: { field: "top" },
      color: outcomeColourEncoding(OFFER_OUTCOMES),
    },
  };
  const title = "Offer outcomes per worker group";
  const caption =
    "How the offers made to each group's agents ended: accepted, declined, expired unanswered, " +
    "or revoked (withdrawn, for example when the customer hung up).";
  const spec = layeredChartSpec({
    frame: {
      title,
      subtitle: [
        "Offers to each group's workers by outcome: the sum of the workers' mean counts.",
        ...(input.run.warmupSeconds > 0 ? ["Offers of contacts arriving after the warm-up."] : []),
        meansNote(summary.replications, "bars are sums of means"),
      ],
      description: caption,
    },
    rows,
    layers: [bars],
    smallMultiples: null,
    heightPx: Math.max(1, groups.length) * BAR_STEP_PX,
  });
  return { name: "offers", title, caption, spec };
}
