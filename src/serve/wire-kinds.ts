/**
 * The `kind` of a polymorphic object in a request. API 2023-11-01 as released spells kinds in
 * camelCase, as the scenario format does (`roundRobin`, `static`, `weightedAllocation`), and so
 * does ccsim's every answer. Before its release the service spelt them in kebab-case, marking a
 * rule's kind with `-rule` and a weighted allocation's with its side (`round-robin`,
 * `static-rule`, `weighted-allocation-queue-selector`): the Python SDK's recordings of
 * 3 November 2023 show it, those of the .NET SDK from 14 November and SDK 1.1.0b2 show
 * camelCase (docs/serve-recordings.md). Requests are read in either spelling.
 */

function camelCase(kind: string): string {
  return kind.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** A kind in any spelling, as the scenario format names it (`static-rule` → `static`). */
export function routerKind(kind: string): string {
  return camelCase(kind.replace(/-(rule|queue-selector|worker-selector)$/, ""));
}

/** `value` with every kind as the scenario format names it, at any depth. */
export function routerKinds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(routerKinds);
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    result[key] =
      key === "kind" && typeof inner === "string" ? routerKind(inner) : routerKinds(inner);
  }
  return result;
}

/** `value` with every expression rule's `language` stated, as the service answers it. */
export function withRuleLanguages<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withRuleLanguages) as T;
  if (typeof value !== "object" || value === null) return value;
  const result: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) result[key] = withRuleLanguages(inner);
  if (result.kind === "expression" && result.language === undefined) result.language = "powerFx";
  return result as T;
}
