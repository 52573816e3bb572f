/**
 * Model checks: warnings for scenarios that validate but cannot work as intended (streams no
 * worker can serve, workers who can never help). They read the normalised scenario and, for
 * selectors, the router's own evaluation, so this folder sits beside `simulate` and is
 * imported by the CLI only. Warnings come located in the scenario file, sorted by position.
 */
import type { ScenarioIssue } from "../errors.ts";
import { formatPath, type Scenario, type ScenarioSource } from "../scenario/index.ts";
import { arrivalStreamWarnings } from "./stream-checks.ts";
import type { ModelWarning } from "./warning.ts";
import { workerWarnings } from "./worker-checks.ts";

function locate(source: ScenarioSource, warning: ModelWarning): ScenarioIssue {
  const position = source.positionOf(warning.path, warning.atKey === true);
  return {
    file: source.file,
    ...position,
    path: formatPath(warning.path),
    message: warning.message,
    ...(warning.hint === undefined ? {} : { hint: warning.hint }),
  };
}

/**
 * Every model warning of a valid scenario, in file order (then by path and message, so the
 * order is the same on every run).
 */
export function modelWarnings(scenario: Scenario, source: ScenarioSource): ScenarioIssue[] {
  const warnings = [...arrivalStreamWarnings(scenario), ...workerWarnings(scenario, source)];
  const seen = new Set<string>();
  return warnings
    .map((warning) => locate(source, warning))
    .filter((issue) => {
      const key = `${issue.line}:${issue.column}:${issue.path}:${issue.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        a.line - b.line ||
        a.column - b.column ||
        compare(a.path, b.path) ||
        compare(a.message, b.message),
    );
}

function compare(left: string, right: string): number {
  return left < right ? -1 : left > right ? 1 : 0;
}
