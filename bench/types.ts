/** A benchmark: does `operations` units of work and reports how long they took. */
export interface BenchCase {
  readonly name: string;
  readonly description: string;
  /** What one operation is, as printed after the rate (e.g. "jobs/s"). */
  readonly unit: string;
  /** Long benchmarks run only when named on the command line. */
  readonly optIn?: boolean;
  run(): { operations: number; seconds: number };
}

/** One benchmark's measured result, as stored in bench/baseline.json. */
export interface BenchResult {
  name: string;
  unit: string;
  ratePerSecond: number;
  peakRssMiB: number;
}
