/**
 * Wording of schema problems: a zod error map, passed per parse, that phrases the built-in
 * checks for people editing a scenario ("must be ≥ 1, got 0"). Messages set on individual
 * schemas take precedence over it. Never mentions zod.
 */
import type * as z from "zod";

/** A short, quoted rendering of a received value for messages. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a map";
  if (typeof value === "string") return JSON.stringify(value);
  return String(value);
}

const EXPECTED_NAMES: Readonly<Record<string, string>> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a map",
  record: "a map",
};

function invalidType(issue: z.core.$ZodRawIssue<z.core.$ZodIssueInvalidType>): string {
  if (issue.input === undefined) return "required field is missing";
  const expected = EXPECTED_NAMES[issue.expected] ?? issue.expected;
  return `expected ${expected}, got ${describeValue(issue.input)}`;
}

function bound(
  issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig>,
): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === "array" || issue.origin === "set") {
    return small ? `needs at least ${limit} item(s)` : `allows at most ${limit} item(s)`;
  }
  if (issue.origin === "string") {
    return small && limit === 1
      ? "cannot be empty"
      : `length must be ${small ? "≥" : "≤"} ${limit}`;
  }
  const inclusive = issue.inclusive !== false;
  const operator = small ? (inclusive ? "≥" : ">") : inclusive ? "≤" : "<";
  return `must be ${operator} ${limit}, got ${describeValue(issue.input)}`;
}

/** The error map used for every scenario parse. */
export const scenarioErrorMap: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case "invalid_type":
      return invalidType(issue);
    case "too_small":
    case "too_big":
      return bound(issue);
    case "invalid_value":
      return issue.values.length === 1
        ? `expected ${describeValue(issue.values[0])}, got ${describeValue(issue.input)}`
        : `${describeValue(issue.input)} is not an allowed value`;
    case "invalid_format":
      return `${describeValue(issue.input)} is not a valid ${issue.format}`;
    case "unrecognized_keys":
      return "unknown field";
    default:
      return undefined;
  }
};

/** A schema-level error that states the rule and echoes the value the user wrote. */
export function ruleWithValue(rule: string): (issue: { input?: unknown }) => string {
  return (issue) => `${rule}, got ${describeValue(issue.input)}`;
}
