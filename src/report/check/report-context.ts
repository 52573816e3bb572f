/**
 * What the check renderers need besides the verdicts: where the baseline is (annotations point
 * into it), whether to list identical metrics too, and each metric's line in the baseline file.
 */
import type { MetricName } from "../../metrics/index.ts";

/** What the renderers need besides the verdicts. */
export interface CheckReportContext {
  /** The baseline file as the user named it (annotations point into it). */
  readonly baselineFile: string;
  /** Show every metric, identical ones included. */
  readonly verbose: boolean;
  /**
   * 1-based line and column of a metric's key in the baseline file. For a metric the baseline
   * lacks (verdict missing), the caller's best place: its scope's key, or 1:1.
   */
  positionOf(scope: string, metric: MetricName): { readonly line: number; readonly column: number };
}
