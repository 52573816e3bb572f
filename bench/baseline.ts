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
