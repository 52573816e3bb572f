/**
 * The options every simulating command shares (run, compare, check, and staff and sweep to
 * come): --seed, --replications, --workers, --progress, --strict, declared once with their
 * checks, so that each command reads and validates them the same way.
 */
import type { Argv } from "yargs";
import { UsageError } from "../../errors.ts";
import type { Scenario } from "../../scenario/index.ts";
import { defaultWorkerCount } from "../run/replications.ts";
import { STRICT_OPTION } from "../scenario-check.ts";

/** The shared options as yargs parses them. */
/** The one scenario file a simulating command takes (run, check, staff, sweep). */
export const SCENARIO_POSITIONAL = {
  type: "string",
  demandOption: true,
  describe: "scenario file (YAML or JSON)",
} as const;

export interface SimulationArguments {
  seed?: number;
  replications?: number;
  workers?: number;
  progress: boolean;
  strict: boolean;
}

/** `value` as a whole number ≥ `minimum`, or a UsageError naming the option. */
export function positiveInteger(
  name: string,
  value: number | undefined,
  minimum: number,
): number | undefined {
  if (value === undefined) return undefined;
  // Safe integers only: a seed of 1e20 would otherwise reach the random streams and fail there.
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new UsageError(`--${name} must be a whole number ≥ ${minimum}, got ${value}`);
  }
  return value;
}

/** The scenario with the command line's --seed and --replications applied. */
export function withSeedAndReplications(
  scenario: Scenario,
  args: Pick<SimulationArguments, "seed" | "replications">,
): Scenario {
  const seed = positiveInteger("seed", args.seed, 0);
  const replications = positiveInteger("replications", args.replications, 1);
  return {
    ...scenario,
    ...(seed === undefined ? {} : { seed }),
    ...(replications === undefined ? {} : { replications }),
  };
}

/** The worker-thread count: --workers, else the number of cores. */
export function workerCountOf(args: Pick<SimulationArguments, "workers">): number {
  return positiveInteger("workers", args.workers, 1) ?? defaultWorkerCount();
}

/** Adds the shared options to a command's builder. */
export function withSimulationOptions<T>(cli: Argv<T>): Argv<T & SimulationArguments> {
  return cli
    .option("seed", { type: "number", describe: "master seed (overrides the scenario's)" })
    .option("replications", {
      type: "number",
      describe: "independent replications (overrides the scenario's)",
    })
    .option("workers", {
      type: "number",
      describe: "worker threads for replications (default: the number of cores; 1 = serial)",
    })
    .option("strict", STRICT_OPTION)
    .option("progress", {
      type: "boolean",
      default: true,
      describe: "show a progress bar on a terminal (--no-progress to hide)",
    }) as unknown as Argv<T & SimulationArguments>;
}
