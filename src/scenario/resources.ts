/**
 * Router resources given one at a time, outside a scenario file, as `ccsim serve` receives them
 * over the REST API: read with the scenario's own schemas (the 2023-11-01 field names) and
 * normalised into the router's specs, so a resource means the same from either door. Problems
 * come back as `path: message` lines (no file positions: there is no file).
 */
import type * as z from "zod";
import { classificationPolicy, exceptionPolicy } from "./normalise.ts";
import { routerRuleSchema } from "./schema-primitives.ts";
import { classificationPolicySchema, exceptionPolicySchema } from "./schema-router.ts";
import type { ClassificationPolicySpec, ExceptionPolicySpec, RouterRuleSpec } from "./types.ts";

/** A resource read, or the problems that kept it from being read. */
export type ResourceReading<T> =
  | { readonly ok: true; readonly spec: T }
  | { readonly ok: false; readonly problems: readonly { path: string; message: string }[] };

function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((segment, index) =>
      typeof segment === "number" ? `[${segment}]` : `${index === 0 ? "" : "."}${String(segment)}`,
    )
    .join("");
}

function problemsOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: pathText(issue.path),
    message:
      issue.code === "unrecognized_keys"
        ? `unknown field${issue.keys.length === 1 ? "" : "s"} ${issue.keys.join(", ")}`
        : issue.message,
  }));
}

/**
 * A resource with this id from its REST body: read by `schema` as a scenario's is, then
 * normalised into the router's spec.
 */
function reading<Parsed, Spec>(
  schema: z.ZodType<Parsed>,
  normalise: (parsed: Parsed) => Spec,
  id: string,
  body: Readonly<Record<string, unknown>>,
): ResourceReading<Spec> {
  const parsed = schema.safeParse({ ...body, id });
  return parsed.success
    ? { ok: true, spec: normalise(parsed.data) }
    : { ok: false, problems: problemsOf(parsed.error) };
}

/** A classification policy with this id from its REST body. */
export function readClassificationPolicy(
  id: string,
  body: Readonly<Record<string, unknown>>,
): ResourceReading<ClassificationPolicySpec> {
  return reading(classificationPolicySchema, classificationPolicy, id, body);
}

/** An exception policy with this id from its REST body. */
export function readExceptionPolicy(
  id: string,
  body: Readonly<Record<string, unknown>>,
): ResourceReading<ExceptionPolicySpec> {
  return reading(exceptionPolicySchema, exceptionPolicy, id, body);
}

/** A router rule (a best-worker policy's scoring rule, say) as a scenario's is read. */
export function readRouterRule(value: unknown): ResourceReading<RouterRuleSpec> {
  const parsed = routerRuleSchema.safeParse(value);
  return parsed.success
    ? { ok: true, spec: parsed.data }
    : { ok: false, problems: problemsOf(parsed.error) };
}
