/**
 * A JSON writer whose numbers go through formatNumber (JSON.stringify would print 5e-7 and
 * machine-noise digits), laid out like JSON.stringify(value, null, 2) except that an object or
 * array holding only primitives stays on one line (`{ "mean": 0.8, "halfWidth": 0.01 }`), as in
 * the output contract. Non-finite numbers become `null`. Keys keep their insertion order.
 */
import { formatNumber } from "./format-number.ts";

/** A value the writer accepts. */
export type JsonValue =
  | null
  | boolean
  | number
  | string
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/** `value` as indented JSON text (no trailing newline). */
export function toJsonText(value: JsonValue, indent = "  ", depth = 0): string {
  if (value === null) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? formatNumber(value) : "null";
  if (typeof value === "string" || typeof value === "boolean") return JSON.stringify(value);
  if (isFlat(value)) return flatText(value);
  const inner = indent.repeat(depth + 1);
  const outer = indent.repeat(depth);
  if (isArray(value)) {
    if (value.length === 0) return "[]";
    const items = value.map((item) => inner + toJsonText(item, indent, depth + 1));
    return `[\n${items.join(",\n")}\n${outer}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return "{}";
  const members = entries.map(
    ([key, item]) => `${inner}${JSON.stringify(key)}: ${toJsonText(item, indent, depth + 1)}`,
  );
  return `{\n${members.join(",\n")}\n${outer}}`;
}

function isArray(value: JsonValue): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/** Whether every member is a primitive (and there is at least one). */
function isFlat(value: readonly JsonValue[] | { readonly [key: string]: JsonValue }): boolean {
  const members = Object.values(value);
  return (
    members.length > 0 && members.every((member) => member === null || typeof member !== "object")
  );
}

function flatText(value: readonly JsonValue[] | { readonly [key: string]: JsonValue }): string {
  if (isArray(value)) return `[${value.map((item) => toJsonText(item)).join(", ")}]`;
  const members = Object.entries(value).map(
    ([key, item]) => `${JSON.stringify(key)}: ${toJsonText(item)}`,
  );
  return `{ ${members.join(", ")} }`;
}
