/**
 * `ccsim sweep`'s `--set <path>=<values>`: the path as overrides.ts reads it and several values,
 * a list (`2000,2500,3000`) or a range (`40..60`, `40..60..5`, `0.5..0.9..0.1`, exact in
 * decimal), and the grid of one or two such fields. Pure; the grammar is in docs/sweep.md.
 */
import { stringify } from "yaml";
import { UsageError } from "../errors.ts";
import { formatOverridePath, type OverrideSegment, parseOverride } from "./overrides.ts";

/** At most this many values in one field. */
export const MAX_SWEEP_VALUES = 100;
/** At most this many points in a grid: each is a whole simulation of every replication. */
export const MAX_SWEEP_POINTS = 200;
/** At most this many swept fields (a grid of their product). */
export const MAX_SWEEP_FIELDS = 2;

/** One `--set`: a path and the values it takes, in the order given. */
export interface SweepSet {
  /** The text as typed, quoted back in messages. */
  readonly text: string;
  readonly path: readonly OverrideSegment[];
  /** The path as `workers[agents].count`: the field's column name. */
  readonly name: string;
  /** The values, each parsed as YAML like an override value. */
  readonly values: readonly unknown[];
  /** Each value as one line (`45`, `0.6`, `{ kind: roundRobin }`), for names and cells. */
  readonly labels: readonly string[];
}

/** One point of a grid: a value of each swept field, in the fields' order. */
export interface SweepPoint {
  /** Index of the value in each field. */
  readonly indices: readonly number[];
  /** `workers[agents].count=45, arrivals[call].arrival.ratePerHour=2000`. */
  readonly name: string;
}

const EXAMPLE =
  "e.g. workers[agents].count=40..60..5 or arrivals[call].arrival.ratePerHour=2000,2500";

function usage(text: string, detail: string): UsageError {
  return new UsageError(`--set ${JSON.stringify(text)}: ${detail} (${EXAMPLE})`);
}

const INTEGER_RANGE = /^(-?\d+)\.\.(-?\d+)(?:\.\.(\d+))?$/;
const DECIMAL_RANGE = /^(-?\d+(?:\.\d+)?)\.\.(-?\d+(?:\.\d+)?)(?:\.\.(\d+(?:\.\d+)?))?$/;

/**
 * Parses `<path>=<values>`. The path and every value follow overrides.ts (its messages, quoting
 * the path with that value, for a bad one); a range is `start..end[..step]`, the end included
 * when a step lands on it; a list is split at commas outside brackets, braces and quotes.
 */
export function parseSweepSet(text: string): SweepSet {
  const end = pathEnd(text);
  const pathText = text.slice(0, end);
  const valuesText = text.slice(end + 1).trim();
  const path = checkedPath(text, pathText, valuesText);
  const items = DECIMAL_RANGE.test(valuesText)
    ? rangeItems(text, valuesText)
    : listItems(text, valuesText);
  if (items.length > MAX_SWEEP_VALUES) {
    throw usage(text, `${items.length} values, more than the ${MAX_SWEEP_VALUES} a field can take`);
  }
  const values = items.map((item) => parseOverride(`${pathText}=${item}`).value);
  const labels = values.map(labelOf);
  const seen = new Set<string>();
  for (const label of labels) {
    if (seen.has(label)) throw usage(text, `the value ${label} is given twice`);
    seen.add(label);
  }
  return { text, path, name: formatOverridePath(path), values, labels };
}

/**
 * The path, checked by overrides.ts; a bad path, a missing "=" or an empty value throws its
 * message about the whole text (the path fails there before any value is read).
 */
function checkedPath(text: string, pathText: string, valuesText: string): OverrideSegment[] {
  if (valuesText === "") parseOverride(text);
  try {
    return [...parseOverride(`${pathText}=0`).path];
  } catch (error) {
    parseOverride(text);
    throw error;
  }
}

/** The index of the `=` that ends a path, the first outside brackets (quotes included); else the end. */
function pathEnd(text: string): number {
  for (let at = 0; at < text.length; at++) {
    const character = text[at];
    if (character === "=") return at;
    if (character !== "[") continue;
    const quote = text[at + 1];
    if (quote === '"' || quote === "'") {
      for (at += 2; at < text.length && text[at] !== quote; at++) {
        if (quote === '"' && text[at] === "\\") at++;
      }
    }
    const close = text.indexOf("]", at);
    // An unclosed bracket: the path is malformed, and checkedPath says so.
    if (close < 0) return text.length;
    at = close;
  }
  return text.length;
}

/** A value as one line: YAML flow style, as override names show values. */
function labelOf(value: unknown): string {
  return stringify(value, { collectionStyle: "flow", lineWidth: 0 }).trimEnd();
}

/** The items of `start..end[..step]`, as decimal texts computed on whole numbers. */
function rangeItems(text: string, valuesText: string): string[] {
  const integer = INTEGER_RANGE.exec(valuesText);
  const decimal = DECIMAL_RANGE.exec(valuesText) as RegExpExecArray;
  const [, startText, endText, stepText] = decimal as unknown as string[];
  if (integer === null && stepText === undefined) {
    throw usage(text, `a range of decimals needs a step, as in 0.5..0.9..0.1`);
  }
  const texts = [startText, endText, stepText ?? "1"] as string[];
  const decimals = Math.max(...texts.map((one) => one.split(".")[1]?.length ?? 0));
  if (decimals > 9) throw usage(text, "a range's numbers take at most 9 decimals");
  const [start, end, step] = texts.map((one) => scaled(one, decimals)) as [number, number, number];
  if (![start, end, step].every(Number.isSafeInteger)) {
    throw usage(text, "the range's numbers are too large");
  }
  if (step === 0) throw usage(text, "the step must be more than 0");
  if (start > end)
    throw usage(text, `the range goes down: write it from ${endText} to ${startText}`);
  const count = Math.floor((end - start) / step) + 1;
  if (count > MAX_SWEEP_VALUES) {
    throw usage(text, `${count} values, more than the ${MAX_SWEEP_VALUES} a field can take`);
  }
  return Array.from({ length: count }, (_, index) => unscaled(start + index * step, decimals));
}

/** `"0.25"` with 3 decimals → 250: exact, from the digits. */
function scaled(number: string, decimals: number): number {
  const negative = number.startsWith("-");
  const [whole = "0", fraction = ""] = number.replace("-", "").split(".");
  const digits = Number(`${whole}${fraction.padEnd(decimals, "0")}`);
  return negative ? -digits : digits;
}

/** 250 with 3 decimals → `"0.25"`: the shortest decimal text, no binary rounding. */
function unscaled(value: number, decimals: number): string {
  if (decimals === 0) return String(value);
  const sign = value < 0 ? "-" : "";
  const digits = String(Math.abs(value)).padStart(decimals + 1, "0");
  const whole = digits.slice(0, -decimals);
  const fraction = digits.slice(-decimals).replace(/0+$/, "");
  return fraction === "" ? `${sign}${whole}` : `${sign}${whole}.${fraction}`;
}

/** The list's items: split at commas outside `[]`, `{}` and quotes; none empty. */
function listItems(text: string, valuesText: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let from = 0;
  for (let at = 0; at < valuesText.length; at++) {
    const character = valuesText[at];
    if (quote !== undefined) {
      if (quote === '"' && character === "\\") at++;
      else if (character === quote) quote = undefined;
    } else if (character === '"' || character === "'") quote = character;
    else if (character === "[" || character === "{") depth++;
    else if (character === "]" || character === "}") depth--;
    else if (character === "," && depth === 0) {
      items.push(valuesText.slice(from, at));
      from = at + 1;
    }
  }
  items.push(valuesText.slice(from));
  const trimmed = items.map((item) => item.trim());
  if (trimmed.some((item) => item === "")) {
    throw usage(text, 'an empty value in the list (write "" for an empty string)');
  }
  return trimmed;
}

/** Whether a --set gives more than one value: a swept field rather than one fixed for all points. */
export function isSwept(set: SweepSet): boolean {
  return set.values.length > 1;
}

/**
 * The grid of `sets` (one or two swept fields): every combination, the first field's values
 * outermost, in the order given. Throws UsageError for no field, too many, the same path twice
 * or more than MAX_SWEEP_POINTS points.
 */
export function sweepGridOf(sets: readonly SweepSet[]): SweepPoint[] {
  if (sets.length === 0) {
    throw new UsageError(`sweep needs a --set with several values (${EXAMPLE})`);
  }
  if (sets.length > MAX_SWEEP_FIELDS) {
    throw new UsageError(
      `sweep varies at most ${MAX_SWEEP_FIELDS} fields, got ${sets.length}: ${sets.map((set) => set.name).join(", ")} (a --set with one value is fixed for every point)`,
    );
  }
  const [first, second] = sets as [SweepSet, SweepSet | undefined];
  if (second !== undefined && second.name === first.name) {
    throw new UsageError(`--set ${JSON.stringify(second.text)}: ${second.name} is swept twice`);
  }
  const count = first.values.length * (second?.values.length ?? 1);
  if (count > MAX_SWEEP_POINTS) {
    throw new UsageError(
      `--set ${sets.map((set) => JSON.stringify(set.text)).join(" --set ")}: ${count} points, more than the ${MAX_SWEEP_POINTS} a sweep runs (narrow a range or take a larger step)`,
    );
  }
  const points: SweepPoint[] = [];
  for (const [firstIndex, firstLabel] of first.labels.entries()) {
    const firstPart = `${first.name}=${firstLabel}`;
    if (second === undefined) {
      points.push({ indices: [firstIndex], name: firstPart });
      continue;
    }
    for (const [secondIndex, secondLabel] of second.labels.entries()) {
      points.push({
        indices: [firstIndex, secondIndex],
        name: `${firstPart}, ${second.name}=${secondLabel}`,
      });
    }
  }
  return points;
}
