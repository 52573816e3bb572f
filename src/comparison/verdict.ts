/**
 * A paired difference in words, in the metric's own direction: "identical" when every
 * replication gave the same value, "better"/"worse" (or "changed" for a metric without a
 * direction) when the adjusted interval excludes 0, else "no detectable difference" — which
 * the caller reports with the smallest difference the run could have detected.
 */
import type { MetricDirection } from "./metric-directions.ts";
import type { PairedDifference } from "./paired-difference.ts";

/** What a comparison concludes about one metric. */
export type ComparisonVerdict =
  | "identical"
  | "better"
  | "worse"
  | "changed"
  | "no detectable difference";

/** The verdict on `difference` for a metric that improves in `direction`. */
export function verdictOf(
  difference: PairedDifference,
  direction: MetricDirection,
): ComparisonVerdict {
  if (difference.identical) return "identical";
  if (!difference.significant) return "no detectable difference";
  if (direction === "neutral") return "changed";
  const increased = difference.meanDifference > 0;
  return increased === (direction === "higherIsBetter") ? "better" : "worse";
}
