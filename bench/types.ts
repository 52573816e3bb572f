/** The shapes shared by the benchmark's cases, figures and printing. */

/** How big a case runs: the documented size, or a short one that only checks it works. */
export type BenchSize = "full" | "quick";

/**
 * What one run of a case measured, as named numbers (counts, CPU or wall seconds, MiB, and
 * `loopJobsPerCpuSecond`: the yardstick timed in the same process just before).
 */
export type Measurement = Readonly<Record<string, number>>;

/** A benchmark case: runs in a child process of its own and reports one Measurement. */
export interface BenchCase {
  readonly name: string;
  readonly description: string;
  /** Long cases run only when named on the command line (or with --all). */
  readonly optIn?: boolean;
  /** Cases whose measurements this case's figures are relative to (run along with it). */
  readonly needs?: readonly string[];
  run(size: BenchSize): Measurement | Promise<Measurement>;
}
