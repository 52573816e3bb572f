/**
 * The one number formatter of every output file and table, so that the same result prints the
 * same text on every machine: fixed-point with at most `maximumDecimals` decimals (6 by
 * default), trailing zeros dropped, never an exponent, never a locale, `-0` printed as `0`.
 * `toFixed` is specified exactly by ECMAScript, so no platform maths leaks into the digits.
 */

/** Magnitude from which `toFixed` would switch to exponent notation. */
const FIXED_LIMIT = 1e21;

/**
 * `value` as plain decimal text, rounded to `maximumDecimals` decimals; the empty string for
 * NaN and infinities (callers print them as an empty cell or `null`).
 */
export function formatNumber(value: number, maximumDecimals = 6): string {
  if (!Number.isFinite(value)) return "";
  if (Math.abs(value) >= FIXED_LIMIT) return BigInt(value).toString();
  let text = value.toFixed(maximumDecimals);
  if (text.includes(".")) text = text.replace(/\.?0+$/, "");
  return text === "-0" ? "0" : text;
}
