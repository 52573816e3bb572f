/**
 * bench/baseline.json: the figures recorded by `npm run bench -- --update` (on a quiet machine),
 * with where and how they were measured. Each figure keeps its value and, for timed figures,
 * its value in yardstick terms, which is what later runs are compared on.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";

/** One recorded figure. */
export interface BaselineFigure {
  readonly value: number;
  readonly unit: string;
  /** The figure in yardstick terms (FigureValue.normalized); absent in figures carried over. */
  readonly normalized?: number;
}

/** Where and how a baseline was measured. */
export interface BaselineContext {
  readonly recordedAt: string;
  readonly node: string;
  readonly platform: string;
  readonly cpus: string;
  readonly runs: number;
  readonly loadAverageAtStart: number;
  readonly loadAverageAtEnd: number;
}

/** The whole file. */
export interface Baseline {
  readonly format: 2;
  readonly note?: string;
  readonly context?: BaselineContext;
  readonly figures: Readonly<Record<string, BaselineFigure>>;
}

const EMPTY: Baseline = { format: 2, figures: {} };

/** Reads the baseline; an absent file is an empty baseline, a broken one an error. */
export function readBaseline(path: string): Baseline {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return EMPTY;
  }
  const parsed = JSON.parse(text) as Partial<Baseline>;
  if (parsed.format !== 2 || typeof parsed.figures !== "object" || parsed.figures === null) {
    throw new Error(`${path} is not a format-2 bench baseline`);
  }
  return parsed as Baseline;
}

/** Writes the baseline whole (a temporary file renamed into place). */
export function writeBaseline(path: string, baseline: Baseline): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(baseline, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

/**
 * What differs between the machine the baseline was recorded on and this one (CPU model and
 * count, platform, Node version), as one line; null when nothing does. Figures move between
 * machines of one kind by more than the yardstick corrects (the quickstart's start-up took
 * 0.83 s of CPU on one 2-core machine and 0.50 s on another with the same yardstick), so a
 * change measured across machines is not a change of the code.
 */
export function machineDifference(
  recorded: Pick<BaselineContext, "cpus" | "platform" | "node"> | undefined,
  current: Pick<BaselineContext, "cpus" | "platform" | "node">,
): string | null {
  if (recorded === undefined) return null;
  const differences: string[] = [];
  for (const key of ["cpus", "platform", "node"] as const) {
    if (recorded[key] !== current[key]) {
      differences.push(`${key} ${recorded[key]} there, ${current[key]} here`);
    }
  }
  return differences.length === 0 ? null : differences.join("; ");
}
