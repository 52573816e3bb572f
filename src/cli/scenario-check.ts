/**
 * What `validate` and `run` both do before simulating: load and validate the scenario, read
 * every trace file whole, and find the model's warnings; then print errors and warnings on
 * stderr (errors first, each group in file order). `--strict` makes any warning fatal.
 */
import { isAbsolute, relative, sep } from "node:path";
import { formatIssue, formatWarning, ScenarioError, type ScenarioIssue } from "../errors.ts";
import { modelWarnings } from "../model-checks/index.ts";
import {
  checkScenarioText,
  noteOverrides,
  readScenarioFile,
  readTraces,
  type Scenario,
  type ScenarioOverride,
  type ScenarioSource,
  type TraceArrivals,
} from "../scenario/index.ts";
import { printErrorLine } from "./output.ts";

/** A scenario that passed every check (warnings aside), with its traces read. */
export interface CheckedScenario {
  readonly scenario: Scenario;
  readonly traces: Map<string, TraceArrivals>;
  readonly warnings: readonly ScenarioIssue[];
  /** Positions in the file as it was read, to locate problems found later (a stalled run). */
  readonly source: ScenarioSource;
}

/** Trace paths as messages show them: relative to where the user is, unless outside it. */
function displayPath(absolutePath: string): string {
  const shown = relative(process.cwd(), absolutePath);
  return shown === "" || shown === ".." || shown.startsWith(`..${sep}`) || isAbsolute(shown)
    ? absolutePath
    : shown;
}

/**
 * Loads `file` and runs every check, printing each error and warning. Returns the scenario when
 * it may be used: no errors, and no warnings under `strict`. Throws UsageError when the file
 * cannot be read. `overrides` (`--set`, applied in order) change the scenario before the checks;
 * problems and warnings inside an overridden value say so. `report` prints each line (compare
 * passes one that skips lines an earlier variant of the same file already printed).
 */
export async function checkScenarioFile(
  file: string,
  strict: boolean,
  overrides: readonly ScenarioOverride[] = [],
  report: (line: string) => void = printErrorLine,
): Promise<CheckedScenario | undefined> {
  const check = checkScenarioText(await readScenarioFile(file), file, overrides);
  if (!check.ok) {
    for (const issue of check.issues) report(formatIssue(issue));
    return undefined;
  }
  let traces: Map<string, TraceArrivals> | undefined;
  try {
    traces = readTraces(check.scenario, displayPath);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    for (const issue of error.issues) report(formatIssue(issue));
  }
  const warnings = modelWarnings(check.scenario, check.source).map((warning) =>
    noteOverrides(warning, check.source),
  );
  for (const warning of warnings) report(formatWarning(warning));
  if (traces === undefined) return undefined;
  if (strict && warnings.length > 0) {
    const count = warnings.length === 1 ? "1 warning" : `${warnings.length} warnings`;
    report(`${file}: ${count}, and --strict counts warnings as errors`);
    return undefined;
  }
  return { scenario: check.scenario, traces, warnings, source: check.source };
}

/** The `--strict` option, shared by validate and run. */
export const STRICT_OPTION = {
  type: "boolean",
  default: false,
  describe: "treat warnings (a model that cannot work as intended) as errors: exit 2, for CI",
} as const;
