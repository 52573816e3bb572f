/**
 * Selector attachments of classification policies (§1.3), compiled once: each becomes a
 * function that appends the selectors it produces for a job. `static` always attaches;
 * `conditional` when its rule yields true; `passThrough` copies the job's label of `key` (a job
 * without that label gets no selector from it); `ruleEngine` takes a selector record or a table
 * of them from its rule (a `directMap` rule turns each job label into an `equal` selector);
 * `weightedAllocation` draws one allocation with probability weight / total weight.
 */

import { RuleEvaluationError } from "../../powerfx/errors.ts";
import { isLabelOperator } from "../../vocabulary/index.ts";
import { RouterConfigError } from "../configuration/config-error.ts";
import { isLabelValue } from "../labels.ts";
import type {
  LabelOperator,
  LabelValue,
  SelectorAttachmentSpec,
  WorkerSelectorSpec,
} from "../types.ts";
import { compileRule } from "./rules/router-rule.ts";
import {
  describe,
  isRecord,
  type RuleContext,
  type RuleRecord,
  type RuleValue,
  toBoolean,
} from "./rules/values.ts";

/** A uniform random source in [0, 1). */
export interface RandomSource {
  next(): number;
}

/** A selector as attachments produce it (queue selectors never carry expiry or expedite). */
export type ProducedSelector = WorkerSelectorSpec;

/** Appends the attachment's selectors for the job in `context` to `out`. */
export type CompiledAttachment = (
  context: RuleContext,
  random: RandomSource,
  out: ProducedSelector[],
) => void;

/** A random source that refuses to draw: configurations without weighted allocations. */
export const NO_RANDOM: RandomSource = {
  next(): number {
    throw new RouterConfigError("a weightedAllocation needs the router config's random source");
  },
};

/** Compiles one attachment; `workerSide` admits expiry and expedite on its selectors. */
export function compileAttachment(
  spec: SelectorAttachmentSpec<ProducedSelector>,
  where: string,
  workerSide: boolean,
): CompiledAttachment {
  switch (spec.kind) {
    case "static": {
      const selector = checkSelector(spec.selector, where, workerSide);
      return (_context, _random, out) => {
        out.push(selector);
      };
    }
    case "conditional": {
      const condition = compileRule(spec.condition, `${where} condition`);
      const selectors = spec.selectors.map((selector) =>
        checkSelector(selector, where, workerSide),
      );
      return (context, _random, out) => {
        if (toBoolean(condition(context))) out.push(...selectors);
      };
    }
    case "passThrough":
      return compilePassThrough(spec, where, workerSide);
    case "ruleEngine":
      return compileRuleEngine(spec.rule, where, workerSide);
    case "weightedAllocation":
      return compileWeighted(spec.allocations, where, workerSide);
  }
}

function compilePassThrough(
  spec: Extract<SelectorAttachmentSpec<ProducedSelector>, { kind: "passThrough" }>,
  where: string,
  workerSide: boolean,
): CompiledAttachment {
  checkOperator(spec.labelOperator, where);
  const expiresAfterSeconds = workerSide ? spec.expiresAfterSeconds : undefined;
  if (expiresAfterSeconds !== undefined && !(expiresAfterSeconds > 0)) {
    throw new RouterConfigError(`${where}: expiresAfterSeconds must be > 0`);
  }
  const { key, labelOperator } = spec;
  return (context, _random, out) => {
    const value = Object.hasOwn(context.jobLabels, key) ? context.jobLabels[key] : undefined;
    if (value === undefined) return;
    out.push(
      expiresAfterSeconds === undefined
        ? { key, labelOperator, value, expedite: false }
        : { key, labelOperator, value, expedite: false, expiresAfterSeconds },
    );
  };
}

function compileRuleEngine(
  rule: Parameters<typeof compileRule>[0],
  where: string,
  workerSide: boolean,
): CompiledAttachment {
  if (rule.kind === "directMap") {
    return (context, _random, out) => {
      for (const key of Object.keys(context.jobLabels)) {
        const value = context.jobLabels[key] as LabelValue;
        out.push({ key, labelOperator: "equal", value, expedite: false });
      }
    };
  }
  const compiled = compileRule(rule, `${where} rule`);
  return (context, _random, out) => {
    const result = compiled(context);
    const items = Array.isArray(result) ? result : [result];
    for (const item of items) out.push(selectorFromValue(item, workerSide));
  };
}

function compileWeighted(
  allocations: readonly {
    readonly weight: number;
    readonly selectors: readonly ProducedSelector[];
  }[],
  where: string,
  workerSide: boolean,
): CompiledAttachment {
  if (allocations.length === 0) throw new RouterConfigError(`${where}: no allocations`);
  let total = 0;
  const cumulative: number[] = [];
  for (const allocation of allocations) {
    if (!(allocation.weight > 0 && Number.isFinite(allocation.weight))) {
      throw new RouterConfigError(`${where}: a weight must be a positive number`);
    }
    total += allocation.weight;
    cumulative.push(total);
  }
  const choices = allocations.map((allocation) =>
    allocation.selectors.map((selector) => checkSelector(selector, where, workerSide)),
  );
  return (_context, random, out) => {
    const draw = random.next() * total;
    let index = 0;
    while (index < cumulative.length - 1 && draw >= (cumulative[index] as number)) index++;
    out.push(...(choices[index] as ProducedSelector[]));
  };
}

function checkOperator(operator: LabelOperator, where: string): void {
  if (!isLabelOperator(operator)) {
    throw new RouterConfigError(`${where}: unknown labelOperator ${operator}`);
  }
}

/** A configured selector, checked and frozen; queue selectors lose expiry and expedite. */
function checkSelector(
  selector: ProducedSelector,
  where: string,
  workerSide: boolean,
): ProducedSelector {
  checkOperator(selector.labelOperator, where);
  if (typeof selector.key !== "string" || selector.key === "") {
    throw new RouterConfigError(`${where}: a selector needs a key`);
  }
  if (!isLabelValue(selector.value)) {
    throw new RouterConfigError(`${where}: selector ${selector.key} needs a primitive value`);
  }
  const { key, labelOperator, value } = selector;
  if (!workerSide) return Object.freeze({ key, labelOperator, value, expedite: false });
  const expiresAfterSeconds = selector.expiresAfterSeconds;
  if (expiresAfterSeconds !== undefined && !(expiresAfterSeconds > 0)) {
    throw new RouterConfigError(`${where}: expiresAfterSeconds must be > 0`);
  }
  const expedite = selector.expedite ?? false;
  return Object.freeze(
    expiresAfterSeconds === undefined
      ? { key, labelOperator, value, expedite }
      : { key, labelOperator, value, expedite, expiresAfterSeconds },
  );
}

/** A selector from a rule's record result; throws `RuleEvaluationError` when malformed. */
function selectorFromValue(value: RuleValue, workerSide: boolean): ProducedSelector {
  if (!isRecord(value)) {
    throw new RuleEvaluationError(`a ruleEngine rule returned ${describe(value)}, not selectors`);
  }
  const record: RuleRecord = value;
  const { key, labelOperator } = record;
  const selectorValue = record.value;
  if (
    typeof key !== "string" ||
    key === "" ||
    !isLabelOperator(labelOperator) ||
    !isLabelValue(selectorValue)
  ) {
    throw new RuleEvaluationError(
      "a ruleEngine selector needs key (text), labelOperator (an operator name) and a primitive value",
    );
  }
  const selector = { key, labelOperator, value: selectorValue };
  if (!workerSide) return { ...selector, expedite: false };
  const expiresAfterSeconds = record.expiresAfterSeconds;
  const expedite = record.expedite === true;
  if (typeof expiresAfterSeconds === "number" && expiresAfterSeconds > 0) {
    return { ...selector, expedite, expiresAfterSeconds };
  }
  return { ...selector, expedite };
}
