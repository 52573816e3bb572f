/**
 * Duration syntax of the scenario format: a number of seconds, or `<number><unit>` with unit
 * ms, s, m|min, h or d. Parsing is total: it returns seconds or undefined, never throws.
 * Negative durations are not part of the syntax.
 */

/** Seconds per unit; `m` and `min` are both minutes. */
const SECONDS_PER_UNIT: Readonly<Record<string, number>> = {
  ms: 0.001,
  s: 1,
  m: 60,
  min: 60,
  h: 3600,
  d: 86400,
};

/** Source of the pattern a duration string must match (also published in the JSON Schema). */
export const DURATION_PATTERN = "^(\\d+(\\.\\d+)?|\\.\\d+)(ms|s|min|m|h|d)$";

const DURATION_REGEX = new RegExp(DURATION_PATTERN);

/** Human description of the syntax, used in error messages. */
export const DURATION_SYNTAX =
  'a number of seconds or "<number><unit>" with unit ms, s, m, min, h or d (e.g. "90s", "2.5m")';

/**
 * Converts a duration to seconds. Numbers are taken as seconds; strings must match
 * {@link DURATION_PATTERN}. Returns undefined for anything else, including negatives.
 */
export function parseDurationSeconds(value: number | string): number | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? value : undefined;
  }
  const match = DURATION_REGEX.exec(value);
  if (match === null) return undefined;
  const amount = Number(match[1]);
  const unitSeconds = SECONDS_PER_UNIT[match[3] ?? ""];
  if (unitSeconds === undefined) return undefined;
  // Round away float noise such as 0.1 * 3600 = 360.00000000000006 without losing ms precision.
  return Math.round(amount * unitSeconds * 1e9) / 1e9;
}

/** Whether `value` is a syntactically valid duration string. */
export function isDurationString(value: string): boolean {
  return DURATION_REGEX.test(value);
}
