/**
 * One interval's step in the day's staffing search: theory's curve (Erlang's metric against the
 * count) shifted along the count axis until it passes through what the simulation measured, then
 * read where it crosses the target. The shift absorbs what theory leaves out (wrap-up, backlog
 * from the interval before), so a far miss or a large margin costs one day, not one per agent.
 */
import { meetsTarget, type StaffCriterion, type TargetEstimate } from "./staff-search.ts";
import type { StaffingTarget } from "./staffing-target.ts";
import { wantsMore } from "./target-operators.ts";

/** Theory's value of one target's metric with `count` agents (undefined where it gives none). */
export type TheoryCurve = (count: number) => number | undefined;

/** Where the calibrated curve is read. */
export interface CalibrationBounds {
  readonly min: number;
  readonly max: number;
}

/** Theory's curve, oriented (larger is better) and shifted through one measurement. */
interface CalibratedCurve {
  /** The predicted oriented value with `servers` agents (undefined where theory gives none). */
  readonly predict: (servers: number) => number | undefined;
  /** Whether the prediction with `servers` agents meets the target. */
  readonly meetsAt: (servers: number) => boolean;
  /** The oriented value the mean must reach (the target, plus the half-width on intervals). */
  readonly required: number;
}

function calibrate(
  target: Pick<StaffingTarget, "operator" | "value">,
  estimate: TargetEstimate,
  criterion: StaffCriterion,
  count: number,
  theory: TheoryCurve,
  bounds: CalibrationBounds,
): CalibratedCurve | undefined {
  if (Number.isNaN(estimate.mean)) return undefined;
  const low = Math.max(1, bounds.min);
  const high = bounds.max;
  if (count < low || count > high) return undefined;
  // Oriented so that more agents always give a larger value.
  const sign = wantsMore(target) ? 1 : -1;
  const oriented = (servers: number): number | undefined => {
    const value = theory(servers);
    return value === undefined || Number.isNaN(value) ? undefined : sign * value;
  };
  const effective = effectiveCount(sign * estimate.mean, count, oriented, low, high);
  if (effective === undefined) return undefined;
  const shift = effective - count;
  const predict = (servers: number) => interpolate(oriented, servers + shift, low, high);
  const halfWidth = criterion === "interval" ? (estimate.halfWidth ?? 0) : 0;
  return {
    predict,
    required: sign * target.value + halfWidth,
    meetsAt: (servers) => {
      const predicted = predict(servers);
      if (predicted === undefined) return false;
      const mean = sign * predicted;
      return meetsTarget(target, { mean, halfWidth: estimate.halfWidth }, criterion);
    },
  };
}

/**
 * The smallest count in [min, max] at which theory's curve, shifted to pass through `estimate`
 * at `count`, meets `target` by `criterion` (the interval's half-width taken as the one
 * measured); undefined when the curve cannot be calibrated (theory gives no value near `count`,
 * or the measurement lies beyond every value it gives: a service level of 1, say) or never
 * meets the target within the bounds.
 */
export function calibratedCount(
  target: Pick<StaffingTarget, "operator" | "value">,
  estimate: TargetEstimate,
  criterion: StaffCriterion,
  count: number,
  theory: TheoryCurve,
  bounds: CalibrationBounds,
): number | undefined {
  const curve = calibrate(target, estimate, criterion, count, theory, bounds);
  if (curve === undefined) return undefined;
  // Walk from the count measured: down while the count below still meets, up until one does.
  let servers = count;
  if (curve.meetsAt(servers)) {
    while (servers > bounds.min && curve.meetsAt(servers - 1)) servers -= 1;
    return servers;
  }
  while (servers < bounds.max && !curve.meetsAt(servers)) servers += 1;
  // Never met within the bounds (a lower bound that must clear 0.8 with a half-width of 0.25,
  // say): the curve has nothing to say about where the target is.
  return curve.meetsAt(servers) ? servers : undefined;
}

/**
 * The real count at which the oriented curve takes `value` (linear between whole counts),
 * searched outwards from `count`; undefined when the curve never reaches it within [low, high].
 */
function effectiveCount(
  value: number,
  count: number,
  oriented: (servers: number) => number | undefined,
  low: number,
  high: number,
): number | undefined {
  const here = oriented(count);
  if (here === undefined) return undefined;
  if (here === value) return count;
  const step = value > here ? 1 : -1;
  let previous = here;
  for (let servers = count + step; servers >= low && servers <= high; servers += step) {
    const next = oriented(servers);
    if (next === undefined) return undefined;
    if ((step > 0 && next >= value) || (step < 0 && next <= value)) {
      const span = next - previous;
      const fraction = span === 0 ? 0 : (value - previous) / span;
      return servers - step + step * fraction;
    }
    previous = next;
  }
  return undefined;
}

/** The curve at a real count, linear between whole counts; undefined outside [low, high]. */
function interpolate(
  oriented: (servers: number) => number | undefined,
  servers: number,
  low: number,
  high: number,
): number | undefined {
  const below = Math.floor(servers);
  if (below < low || below > high) return undefined;
  const atBelow = oriented(below);
  if (atBelow === undefined || below === servers) return atBelow;
  if (below + 1 > high) return undefined;
  const atAbove = oriented(below + 1);
  if (atAbove === undefined) return undefined;
  return atBelow + (atAbove - atBelow) * (servers - below);
}
