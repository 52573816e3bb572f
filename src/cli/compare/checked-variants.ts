/**
 * Every planned variant checked before any is simulated (errors and warnings printed as
 * `validate` prints them, --strict honoured), then given the common seed and replication count
 * that pairing needs: --seed and --replications, else the first variant's. A variant whose own
 * differ (another file, a --set seed=…) is told so on stderr rather than run unpaired.
 */
import { modeVariants } from "../../comparison/index.ts";
import type { Scenario } from "../../scenario/index.ts";
import { ExitWithCode } from "../exit.ts";
import { printErrorLine } from "../output.ts";
import { type CheckedScenario, checkScenarioFile } from "../scenario-check.ts";
import { type SimulationArguments, withSeedAndReplications } from "../session/run-options.ts";
import { type PlannedVariant, uniqueNames, type VariantPlan } from "./variant-plan.ts";

/** A variant ready to simulate. */
export interface CheckedVariant {
  readonly name: string;
  readonly description: string;
  readonly file: string;
  /** Traces and source positions of the variant's file. */
  readonly checked: CheckedScenario;
  /** The scenario to simulate: the variant's, with the common seed and replications. */
  readonly scenario: Scenario;
}

/**
 * The plan's variants, checked and named (files by their scenario's name), each on the common
 * seed and replication count. Exit 2 (problems already printed) when any variant fails a check.
 */
export async function checkVariants(
  plan: VariantPlan,
  args: Pick<SimulationArguments, "seed" | "replications" | "strict">,
): Promise<CheckedVariant[]> {
  const checked = await checkEach(plan, args.strict);
  if (checked === undefined) throw new ExitWithCode(2);
  const first = checked[0] as Unnamed;
  const common = withSeedAndReplications(first.scenario, args);
  const names = uniqueNames(
    checked.map((one) => (plan.kind === "files" ? one.scenario.name : one.planned.name)),
  );
  return checked.map((one, index) => {
    const name = names[index] as string;
    if (index > 0) noteOwnSeed(name, one.scenario, common, args);
    return {
      name,
      description: one.planned.description,
      file: one.planned.file,
      checked: one.checked,
      scenario: { ...one.scenario, seed: common.seed, replications: common.replications },
    };
  });
}

interface Unnamed {
  readonly planned: PlannedVariant;
  readonly checked: CheckedScenario;
  readonly scenario: Scenario;
}

/** Checks every variant (all of them, so that every problem shows at once). */
async function checkEach(plan: VariantPlan, strict: boolean): Promise<Unnamed[] | undefined> {
  if (plan.kind === "modes") {
    // The mode kind plays no part in the scenario's checks: the file is checked once.
    const planned = plan.variants[0] as PlannedVariant;
    const checked = await checkScenarioFile(planned.file, strict);
    if (checked === undefined) return undefined;
    const modes = plan.variants.map((variant) => variant.mode ?? "longestIdle");
    return modeVariants(checked.scenario, modes).map((variant, index) => ({
      planned: plan.variants[index] as PlannedVariant,
      checked,
      scenario: variant.scenario,
    }));
  }
  const results: (Unnamed | undefined)[] = [];
  // Variants of one file share its warnings: each line is printed once, not once per variant.
  const printed = new Set<string>();
  const reportOnce = (line: string) => {
    if (printed.has(line)) return;
    printed.add(line);
    printErrorLine(line);
  };
  for (const planned of plan.variants) {
    const checked = await checkScenarioFile(planned.file, strict, planned.overrides, reportOnce);
    results.push(
      checked === undefined ? undefined : { planned, checked, scenario: checked.scenario },
    );
  }
  return results.every((one) => one !== undefined) ? (results as Unnamed[]) : undefined;
}

/** Says on stderr when a variant's own seed or replications give way to the common ones. */
function noteOwnSeed(
  name: string,
  own: Scenario,
  common: Scenario,
  args: Pick<SimulationArguments, "seed" | "replications">,
): void {
  const differences: string[] = [];
  if (args.seed === undefined && own.seed !== common.seed) {
    differences.push(`seed ${common.seed} (its own: ${own.seed})`);
  }
  if (args.replications === undefined && own.replications !== common.replications) {
    differences.push(`${common.replications} replications (its own: ${own.replications})`);
  }
  if (differences.length === 0) return;
  printErrorLine(
    `note: variant "${name}" runs with ${differences.join(" and ")}, as the first variant does (common random numbers pair replication i of every variant; --seed and --replications set them for all)`,
  );
}
