/**
 * Values of routing rules and the PowerFx conversions the evaluator applies. A missing label is
 * Blank (`null`). Arithmetic and ordering read Blank as 0 and booleans as 1/0 (as PowerFx does);
 * equality holds only between values of one type (Blank equals only Blank); strings order by
 * Unicode code point (§8 j); values of different types never order (`<` etc. are false).
 * Records and tables exist only so that `ruleEngine` rules can return selectors.
 */

import { RuleEvaluationError } from "../../../powerfx/errors.ts";
import { compareCodePoints } from "../../code-point.ts";
import type { Labels } from "../../types.ts";

/** A record value (`{key: "Id", value: 1}`, or the labels of `job`). */
export interface RuleRecord {
  readonly [field: string]: RuleValue;
}

/** Anything a rule can produce. `null` is Blank. */
export type RuleValue = number | string | boolean | null | RuleRecord | readonly RuleValue[];

/** What a rule sees: the job's labels and, when scoring, the worker's. */
export interface RuleContext {
  readonly jobLabels: Labels;
  /** Null outside worker scoring; `worker.X` is then Blank. */
  readonly workerLabels: Labels | null;
}

/** Whether the value is a record (not a table, not a primitive). */
export function isRecord(value: RuleValue | undefined): value is RuleRecord {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The field of a record, Blank when absent or when the value is not a record. */
export function fieldOf(value: RuleValue, field: string): RuleValue {
  if (!isRecord(value) || !Object.hasOwn(value, field)) return null;
  return value[field] as RuleValue;
}

/** A number for arithmetic: Blank → 0, booleans → 1/0, numeric strings → their number. */
export function toNumber(value: RuleValue): number {
  if (typeof value === "number") return value;
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") {
    const number = value.trim() === "" ? Number.NaN : Number(value);
    if (!Number.isNaN(number)) return number;
  }
  throw new RuleEvaluationError(`${describe(value)} is not a number`);
}

/** A condition: booleans as they are, numbers ≠ 0, the strings "true"/"false"; Blank is false. */
export function toBoolean(value: RuleValue): boolean {
  if (typeof value === "boolean") return value;
  if (value === null) return false;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const lower = value.toLowerCase();
    if (lower === "true" || lower === "false") return lower === "true";
  }
  throw new RuleEvaluationError(`${describe(value)} is not a boolean`);
}

/** Text for `&`: Blank → "", numbers and booleans as written. */
export function toText(value: RuleValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new RuleEvaluationError(`${describe(value)} is not text`);
}

/** `=`: same type and value; Blank equals only Blank. */
export function valuesEqual(left: RuleValue, right: RuleValue): boolean {
  if (left === null || right === null) return left === right;
  return typeof left === typeof right && left === right;
}

/**
 * Order of two values for `<`, `<=`, `>`, `>=`: negative, zero or positive; NaN when they do
 * not order. Blank orders as 0 against a number and as "" against a string.
 */
export function compareValues(left: RuleValue, right: RuleValue): number {
  const l = left === null ? blankLike(right) : left;
  const r = right === null ? blankLike(left) : right;
  if (typeof l === "number" && typeof r === "number") return l - r;
  if (typeof l === "string" && typeof r === "string") return compareCodePoints(l, r);
  return Number.NaN;
}

function blankLike(other: RuleValue): RuleValue {
  if (typeof other === "string") return "";
  return 0;
}

/** Short description of a value for error messages. */
export function describe(value: RuleValue): string {
  if (value === null) return "Blank";
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return "a table";
  if (typeof value === "object") return "a record";
  return String(value);
}
