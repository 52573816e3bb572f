/**
 * Numbers as a contact-center manager reads them: shares as percentages, waits in seconds or
 * minutes, durations as `12 h` or `1 h 30 min`, each estimate as `mean ± half-width`. Fixed-point
 * (`toFixed`), never a locale, so the report is the same on every machine.
 */
import type { MetricEstimate } from "../../metrics/types.ts";

/** How one kind of value prints, given the value. */
export type Formatter = (value: number) => string;

/** A share (0…1) as a percentage with one decimal: `81.4%`. */
export const percent: Formatter = (share) => `${(share * 100).toFixed(1)}%`;

/** A count with at most one decimal (a mean over replications): `1,234.5`. */
export const count: Formatter = (value) =>
  Number.isInteger(value) ? groupThousands(value.toFixed(0)) : groupThousands(value.toFixed(1));

/** Seconds of waiting: `12.3 s` below two minutes, `4.2 min` from there. */
export const waitSeconds: Formatter = (seconds) =>
  Math.abs(seconds) < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`;

/** A duration in whole units: `12 h`, `1 h 30 min`, `20 s`, `0 s`. */
export function duration(totalSeconds: number): string {
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = Math.round((totalSeconds % 60) * 1000) / 1000;
  const parts = [
    hours > 0 ? `${hours} h` : "",
    minutes > 0 ? `${minutes} min` : "",
    seconds > 0 ? `${seconds} s` : "",
  ].filter((part) => part !== "");
  return parts.length === 0 ? "0 s" : parts.join(" ");
}

/**
 * An estimate as `mean ± half-width` in one unit; `–` for an undefined mean (no job to measure),
 * the mean alone without a half-width (one replication).
 */
export function estimate(value: MetricEstimate, format: Formatter): string {
  if (!Number.isFinite(value.mean)) return "–";
  if (value.halfWidth === null || !Number.isFinite(value.halfWidth)) return format(value.mean);
  // Half-widths of waits print in the mean's unit, so `4.2 min ± 0.3 min`, never `± 18.0 s`.
  const halfWidth =
    format === waitSeconds && Math.abs(value.mean) >= 120
      ? `${(value.halfWidth / 60).toFixed(1)} min`
      : format(value.halfWidth);
  return `${format(value.mean)} ± ${halfWidth}`;
}

/** An ISO-8601 instant as `2026-03-02 08:00 UTC` (seconds shown only when not zero). */
export function utcTime(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?/.exec(iso);
  if (match === null) return iso;
  const seconds = match[3] === undefined || /^:00(\.0+)?$/.test(match[3]) ? "" : match[3];
  return `${match[1]} ${match[2]}${seconds} UTC`;
}

function groupThousands(digits: string): string {
  const [whole = "", fraction] = digits.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
