/**
 * RouterRule compilation (§1.3): `static` returns its value, `directMap` returns the job's
 * labels as a record, `expression` (powerFx) is parsed once here and evaluated per call.
 * Configuration problems (an unparsable expression, `worker.X` outside scoring, a value that is
 * not JSON-like) throw `RouterConfigError` naming the resource and the position.
 */

import { PowerFxSyntaxError } from "../../../powerfx/errors.ts";
import { RouterConfigError } from "../../configuration/config-error.ts";
import type { RouterRuleSpec } from "../../types.ts";
import { compileExpression } from "./powerfx.ts";
import type { RuleContext, RuleRecord, RuleValue } from "./values.ts";

/** A rule ready to run. */
export type CompiledRule = (context: RuleContext) => RuleValue;

/** Compiles a rule; `allowWorker` admits `worker.X` (scoring rules only). */
export function compileRule(
  rule: RouterRuleSpec,
  where: string,
  allowWorker = false,
): CompiledRule {
  switch (rule.kind) {
    case "static": {
      const value = toRuleValue(rule.value ?? null, where);
      return () => value;
    }
    case "directMap":
      return (context) => context.jobLabels as RuleRecord;
    case "expression":
      return compilePowerFx(rule.expression, rule.language, where, allowWorker);
    default:
      throw new RouterConfigError(
        `${where}: rule kind ${(rule as { kind: string }).kind} cannot run in the simulator`,
      );
  }
}

function compilePowerFx(
  expression: string,
  language: string | undefined,
  where: string,
  allowWorker: boolean,
): CompiledRule {
  if (language !== undefined && language !== "powerFx") {
    throw new RouterConfigError(`${where}: expression language ${language} is not supported`);
  }
  try {
    const compiled = compileExpression(expression);
    if (compiled.referencesWorker && !allowWorker) {
      throw new RouterConfigError(
        `${where}: powerFx expression ${JSON.stringify(expression)} reads worker labels, which only scoring rules have`,
      );
    }
    return compiled.evaluate;
  } catch (error) {
    if (error instanceof PowerFxSyntaxError) {
      throw new RouterConfigError(
        `${where}: powerFx expression ${JSON.stringify(expression)}: ${error.message}`,
      );
    }
    throw error;
  }
}

/** A static value as a rule value (frozen), or a configuration error. */
function toRuleValue(value: unknown, where: string): RuleValue {
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (Array.isArray(value)) return Object.freeze(value.map((item) => toRuleValue(item, where)));
  if (typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    const record: Record<string, RuleValue> = {};
    for (const [field, item] of Object.entries(value)) record[field] = toRuleValue(item, where);
    return Object.freeze(record);
  }
  throw new RouterConfigError(`${where}: a static rule value must be JSON-like data`);
}
