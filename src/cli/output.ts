/**
 * The CLI's writers for stdout and stderr. Commands write through these (never console.log),
 * so output order is the call order and tests can read both streams of a spawned process.
 */

/** Writes a line (newline appended) to standard output. */
export function printLine(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** Writes a line (newline appended) to standard error. */
export function printErrorLine(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** Writes text exactly as given to standard output. */
export function printRaw(text: string): void {
  process.stdout.write(text);
}
