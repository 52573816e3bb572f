/**
 * What `ccsim compare` compares, from its arguments: one file per mode (--modes, the default),
 * the file as written and once per --set, or several files. One kind per run: mixing them would
 * leave no single thing that differs between variants. Names are unique (a repeated one gets
 * " (2)"), since they key every output row.
 */
import { UsageError } from "../../errors.ts";
import { parseOverride, type ScenarioOverride } from "../../scenario/overrides.ts";
import type { DistributionModeKind } from "../../vocabulary/index.ts";
import { listOf, modesOf } from "./compare-options.ts";

/** The kinds of variants. */
export type VariantKind = "modes" | "overrides" | "files";

/** A variant before its file is read: enough to check and name it. */
export interface PlannedVariant {
  /** A provisional name for files (the scenario's name is known only once read). */
  readonly name: string;
  readonly description: string;
  readonly file: string;
  readonly overrides: readonly ScenarioOverride[];
  /** The mode every policy is set to (modes only). */
  readonly mode?: DistributionModeKind;
}

/** The variants to run, all of one kind. */
export interface VariantPlan {
  readonly kind: VariantKind;
  readonly variants: readonly PlannedVariant[];
}

/** The name the scenario file as written is reported under beside its --set variants. */
export const AS_WRITTEN = "as written";

/** What the arguments ask to compare. Throws UsageError for a mix of kinds or too few variants. */
export function planVariants(args: {
  readonly files: readonly string[];
  readonly modes: string | readonly string[] | undefined;
  readonly set: string | readonly string[] | undefined;
}): VariantPlan {
  const files = args.files;
  const sets = args.set === undefined ? [] : typeof args.set === "string" ? [args.set] : args.set;
  const first = files[0];
  if (first === undefined) throw new UsageError("name a scenario file to compare");
  const hasModes = args.modes !== undefined;
  if (files.length > 1) {
    if (hasModes || sets.length > 0) {
      throw new UsageError(
        `several files are the variants themselves: --${hasModes ? "modes" : "set"} cannot go with them (compare one file's modes or --set values, or several files, one kind at a time)`,
      );
    }
    return {
      kind: "files",
      variants: files.map((file) => ({ name: file, description: file, file, overrides: [] })),
    };
  }
  if (sets.length > 0) {
    if (hasModes) {
      throw new UsageError(
        "--modes and --set make two kinds of variants: compare the modes, or the --set values (set a mode with --set distributionPolicies[<id>].mode.kind=<mode>), one kind at a time",
      );
    }
    const overrides = sets.map((text) => parseOverride(String(text)));
    return {
      kind: "overrides",
      variants: [
        { name: AS_WRITTEN, description: `${first} as written`, file: first, overrides: [] },
        ...overrides.map((override) => ({
          name: override.text,
          description: `${first} with ${override.text}`,
          file: first,
          overrides: [override],
        })),
      ],
    };
  }
  const modes = modesOf(args.modes);
  if (modes.length < 2) {
    throw new UsageError(
      `--modes ${listOf(args.modes).join(",")}: a comparison needs at least two modes`,
    );
  }
  return {
    kind: "modes",
    variants: modes.map((mode) => ({
      name: mode,
      description: `${first} with every policy's mode.kind set to ${mode}`,
      file: first,
      overrides: [],
      mode,
    })),
  };
}

/** `names` made unique in order: the second "x" becomes "x (2)", the third "x (3)". */
export function uniqueNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let count = 2; taken.has(candidate); count++) candidate = `${name} (${count})`;
    taken.add(candidate);
    return candidate;
  });
}
