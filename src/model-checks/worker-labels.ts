/**
 * Worker selectors against the workers a scenario declares, with the router's own evaluation
 * (`isSelectorSatisfied`) and the implicit `Id` label each worker carries (`<id>` or `<id>-<n>`).
 */
import { isSelectorSatisfied } from "../router/classification/selectors.ts";
import type { Labels, WorkerGroupSpec, WorkerSelectorSpec } from "../scenario/index.ts";

/**
 * Beyond this many workers in one group, selectors on `Id` are assumed satisfiable rather than
 * checked worker by worker (a warning must never be false, and must never be slow).
 */
const MAXIMUM_WORKERS_CHECKED = 100_000;

/** Whether at least one worker of the group satisfies every selector. */
export function someWorkerSatisfies(
  group: WorkerGroupSpec,
  selectors: readonly WorkerSelectorSpec[],
): boolean {
  const holds = (labels: Labels) =>
    selectors.every((selector) => isSelectorSatisfied(selector, labels));
  if (!selectors.some((selector) => selector.key === "Id")) {
    return holds({ ...group.labels, Id: group.id });
  }
  if (group.count === 1) return holds({ ...group.labels, Id: group.id });
  if (group.count > MAXIMUM_WORKERS_CHECKED) return true;
  for (let number = 1; number <= group.count; number++) {
    if (holds({ ...group.labels, Id: `${group.id}-${number}` })) return true;
  }
  return false;
}

/** The label keys of the groups' workers, `Id` included, sorted. */
export function labelKeysOf(groups: readonly WorkerGroupSpec[]): string[] {
  const keys = new Set(["Id"]);
  for (const group of groups) for (const key of Object.keys(group.labels)) keys.add(key);
  return [...keys].sort();
}

/** The distinct values the groups' workers have for `key` (not for `Id`), sorted. */
export function labelValuesOf(groups: readonly WorkerGroupSpec[], key: string): string[] {
  const values = new Set<string>();
  for (const group of groups) {
    if (Object.hasOwn(group.labels, key)) values.add(JSON.stringify(group.labels[key]));
  }
  return [...values].sort();
}
