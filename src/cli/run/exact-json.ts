/**
 * JSON in which every number survives: NaN, ±Infinity and -0, which JSON cannot hold, are written
 * as `{"$number": "NaN"}` (`"Infinity"`, `"-Infinity"`, `"-0"`) and read back as the numbers
 * themselves. Shard files use it, so that a merge computes from exactly the unsharded numbers.
 */

/** The marker key of a number JSON cannot hold. */
const NUMBER_KEY = "$number";

const SPECIAL_NUMBERS: ReadonlyMap<string, number> = new Map([
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["-Infinity", Number.NEGATIVE_INFINITY],
  ["-0", -0],
]);

/** `{"$number": "NaN"}` for a number JSON cannot hold (or would turn -0 into 0), else as is. */
function encodeNumber(_key: string, value: unknown): unknown {
  if (typeof value !== "number") return value;
  if (Number.isNaN(value)) return { [NUMBER_KEY]: "NaN" };
  if (Object.is(value, -0)) return { [NUMBER_KEY]: "-0" };
  if (!Number.isFinite(value)) return { [NUMBER_KEY]: value > 0 ? "Infinity" : "-Infinity" };
  return value;
}

function decodeNumber(_key: string, value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1 || keys[0] !== NUMBER_KEY) return value;
  const text = (value as Record<string, unknown>)[NUMBER_KEY];
  return typeof text === "string" && SPECIAL_NUMBERS.has(text) ? SPECIAL_NUMBERS.get(text) : value;
}

/** `value` as JSON text in which every number survives (NaN, ±Infinity and -0 included). */
export function encodeExactJson(value: unknown): string {
  return JSON.stringify(value, encodeNumber);
}

/** The inverse of {@link encodeExactJson}; throws SyntaxError on text that is not JSON. */
export function decodeExactJson(text: string): unknown {
  return JSON.parse(text, decodeNumber);
}
