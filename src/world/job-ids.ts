/**
 * Job ids `<stream id>-<number>`, formatted once per job as cheaply as possible: the number's
 * last three digits come from a table and the rest, which changes once in 1,000 jobs, is kept
 * with the prefix, so an id is one concatenation of two strings and no number is converted.
 * (`prefix + number` converted the number on every job and allocated it as a string of its own.)
 */

const CHUNK = 1000;

/** "0" … "999", and "000" … "999": built at the first formatter (2,000 short strings). */
let plainDigits: readonly string[] = [];
let paddedDigits: readonly string[] = [];

function digitTables(): void {
  if (plainDigits.length === CHUNK) return;
  plainDigits = Array.from({ length: CHUNK }, (_, value) => String(value));
  paddedDigits = plainDigits.map((digits) => digits.padStart(3, "0"));
}

/** Formats the ids of one arrival stream's jobs, numbers counting up from 1. */
export class JobIdFormatter {
  /** The prefix followed by the number's digits but the last three (for numbers ≥ 1,000). */
  private thousandsPrefix = "";
  private thousands = 0;

  constructor(private readonly prefix: string) {
    digitTables();
  }

  /** `<prefix><number>`, for a non-negative integer `number`, exactly as `prefix + number`. */
  format(number: number): string {
    const thousands = Math.floor(number / CHUNK);
    const lastDigits = number - thousands * CHUNK;
    if (thousands === 0) return this.prefix + (plainDigits[lastDigits] as string);
    if (thousands !== this.thousands) {
      this.thousands = thousands;
      this.thousandsPrefix = this.prefix + thousands;
    }
    return this.thousandsPrefix + (paddedDigits[lastDigits] as string);
  }
}
