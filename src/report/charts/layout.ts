/**
 * What every layered chart is built from: rows of inline data, each with a `kind` saying which
 * layer draws it (small multiples need all their data in one table), estimates as `mean` with
 * an optional band (`low`/`high`), and the layout: one view, or one row of small multiples per
 * value of a field, sharing their axes. Undefined values (NaN) are left out, never written.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Field } from "vega-lite/types_unstable/channeldef.js";
import type { LayerSpec, UnitSpec } from "vega-lite/types_unstable/spec/index.js";
import {
  type ChartFrame,
  frameOf,
  PLOT_HEIGHT_PX,
  PLOT_WIDTH_PX,
  SMALL_MULTIPLE_HEIGHT_PX,
} from "./theme.ts";

/** One row of a chart's inline data. */
export type DataRow = Record<string, string | number | boolean>;

/** One layer of a chart: a mark, or layers sharing a transform. */
export type Layer = UnitSpec<Field> | LayerSpec<Field>;

/** A filter keeping the rows of one kind. */
export function kindIs(kind: string) {
  return { filter: { field: "kind", equal: kind } } as const;
}

/** A filter keeping the rows whose band is defined. */
export const HAS_BAND = { filter: { field: "low", valid: true } } as const;

/** Bounds a band is clipped to: a share lies in [0, 1], a count is never negative. */
export interface BandLimits {
  readonly min?: number;
  readonly max?: number;
}

/**
 * A mean and its half-width as data fields: `mean`, and when the half-width is defined,
 * `halfWidth`, `low` and `high` (mean ∓ half-width clipped to `limits`, since the true value
 * cannot lie outside them). Undefined when the mean is not a finite number.
 */
export function estimateFields(
  mean: number,
  halfWidth: number | null,
  limits: BandLimits,
): DataRow | undefined {
  if (!Number.isFinite(mean)) return undefined;
  if (halfWidth === null || !Number.isFinite(halfWidth)) return { mean };
  const low = Math.max(mean - halfWidth, limits.min ?? Number.NEGATIVE_INFINITY);
  const high = Math.min(mean + halfWidth, limits.max ?? Number.POSITIVE_INFINITY);
  return { mean, halfWidth, low, high };
}

/** Small multiples: one row per value of `field`, in the order of `values`. */
export interface SmallMultiples {
  readonly field: string;
  readonly values: readonly string[];
  /** Height of each row's plot; the default suits a time series. */
  readonly heightPx?: number;
}

/** What a layered chart is made of. */
export interface LayeredChart {
  readonly frame: ChartFrame;
  readonly rows: readonly DataRow[];
  readonly layers: readonly Layer[];
  /** One row of small multiples per value, or one view when null. */
  readonly smallMultiples: SmallMultiples | null;
  /** Width and height of the single view's plot. */
  readonly widthPx?: number;
  readonly heightPx?: number;
  /** No frame around the single view (tiles draw their own). */
  readonly frameless?: boolean;
}

/** A layered chart's spec: one view, or small multiples sharing their scales and axes. */
export function layeredChartSpec(chart: LayeredChart): TopLevelSpec {
  const data = { values: [...chart.rows] };
  const layer = [...chart.layers];
  if (chart.smallMultiples === null) {
    return {
      ...frameOf(chart.frame),
      data,
      width: chart.widthPx ?? PLOT_WIDTH_PX,
      height: chart.heightPx ?? PLOT_HEIGHT_PX,
      ...(chart.frameless === true ? { view: { stroke: null } } : {}),
      layer,
    };
  }
  return {
    ...frameOf(chart.frame),
    data,
    facet: {
      row: {
        field: chart.smallMultiples.field,
        type: "nominal",
        sort: [...chart.smallMultiples.values],
        title: null,
        header: { labelAngle: 0, labelOrient: "top", labelAnchor: "start", labelPadding: 4 },
      },
    },
    spacing: 16,
    spec: {
      width: PLOT_WIDTH_PX,
      height: chart.smallMultiples.heightPx ?? SMALL_MULTIPLE_HEIGHT_PX,
      layer,
    },
  };
}
