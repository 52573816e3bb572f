/**
 * What `ccsim sweep` runs, from its --set options: the swept fields (a --set with several
 * values; one or two), the fixed overrides (a --set with one value, applied to every point),
 * and one variant per grid point for compare's checking and simulation. Every override of a
 * swept field carries the --set as typed, so a bad path is one message, not one per point.
 */
import { UsageError } from "../../errors.ts";
import type { ScenarioOverride } from "../../scenario/overrides.ts";
import {
  isSwept,
  parseSweepSet,
  type SweepPoint,
  type SweepSet,
  sweepGridOf,
} from "../../scenario/sweep-values.ts";
import type { PlannedVariant, VariantPlan } from "../compare/variant-plan.ts";

/** A sweep ready to check. */
export interface SweepPlan {
  readonly fields: readonly SweepSet[];
  readonly fixed: readonly SweepSet[];
  readonly points: readonly SweepPoint[];
  /** One variant per point, in the grid's order (kind `overrides`). */
  readonly variants: VariantPlan;
}

/** Top-level fields a sweep cannot vary: common random numbers fix them for every point. */
const UNSWEPT_FIELDS: Readonly<Record<string, string>> = {
  seed: "every point runs on the same seed (common random numbers); set it with --seed",
  replications: "every point runs the same replications; set their number with --replications",
};

/** The plan of `ccsim sweep <file> --set …`. Throws UsageError for bad --set texts. */
export function planSweep(file: string, set: string | readonly string[] | undefined): SweepPlan {
  const texts = set === undefined ? [] : typeof set === "string" ? [set] : set;
  const sets = texts.map((text) => parseSweepSet(String(text)));
  const fields = sets.filter(isSwept);
  const fixed = sets.filter((one) => !isSwept(one));
  for (const field of fields) {
    const reason = UNSWEPT_FIELDS[String(field.path[0])];
    if (reason !== undefined && field.path.length === 1) {
      throw new UsageError(
        `--set ${JSON.stringify(field.text)}: ${field.name} cannot be swept: ${reason}`,
      );
    }
  }
  const points = sweepGridOf(fields);
  const fixedOverrides: ScenarioOverride[] = fixed.map((one) => ({
    text: one.text,
    path: one.path,
    value: one.values[0],
  }));
  const variants: PlannedVariant[] = points.map((point) => ({
    name: point.name,
    description: `${file} with ${point.name}`,
    file,
    overrides: [
      ...fixedOverrides,
      ...fields.map((field, index) => ({
        text: field.text,
        path: field.path,
        value: field.values[point.indices[index] ?? -1],
      })),
    ],
  }));
  return { fields, fixed, points, variants: { kind: "overrides", variants } };
}
