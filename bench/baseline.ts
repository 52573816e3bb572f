/**
 * bench/baseline.json: the figures recorded by `npm run bench -- --update` (on a quiet machine),
 * one record per machine (CPUs, platform, Node), with where and how they were measured. Each
 * figure keeps its value and, for timed figures, its value in yardstick terms, which is what
 * later runs are compared on. A run is compared with its own machine's record: sessions land on
 * machines of one kind whose CPUs differ, and the same code measures differently on each by more
 * than the yardstick corrects (docs/bench.md, "The baseline").
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";

/** One recorded figure. */
export interface BaselineFigure {
  readonly value: number;
  readonly unit: string;
  /** The figure in yardstick terms (FigureValue.normalized); absent in figures carried over. */
  readonly normalized?: number;
}

/** What a baseline's machine is known by: runs on another are not compared with it. */
export interface MachineIdentity {
  readonly node: string;
  readonly platform: string;
  readonly cpus: string;
}

/** Where and how a baseline was measured. */
export interface BaselineContext extends MachineIdentity {
  readonly recordedAt: string;
  readonly runs: number;
  readonly loadAverageAtStart: number;
  readonly loadAverageAtEnd: number;
}

/** One machine's record: the figures last recorded there. */
export interface Baseline {
  readonly note?: string;
  readonly context?: BaselineContext;
  readonly figures: Readonly<Record<string, BaselineFigure>>;
}

/** The whole file: a record per machine, in the order they were first recorded. */
export interface BaselineFile {
  readonly format: 3;
  readonly machines: readonly Baseline[];
}

/** No figures: what a quick run, or a machine with no record, is compared with. */
export const NO_BASELINE: Baseline = { figures: {} };

/**
 * Reads the baselines; an absent file has none, a broken one is an error. A format-2 file (one
 * record, as written before 2 December 2026) reads as a file with that one machine.
 */
export function readBaselineFile(path: string): BaselineFile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { format: 3, machines: [] };
  }
  const parsed = JSON.parse(text) as { format?: unknown; machines?: unknown; figures?: unknown };
  if (parsed.format === 2 && typeof parsed.figures === "object" && parsed.figures !== null) {
    const { format: _format, ...record } = parsed;
    return { format: 3, machines: [record as Baseline] };
  }
  if (parsed.format !== 3 || !Array.isArray(parsed.machines)) {
    throw new Error(`${path} is not a format-3 (or format-2) bench baseline`);
  }
  return parsed as BaselineFile;
}

/** Writes the baselines whole (a temporary file renamed into place). */
export function writeBaselineFile(path: string, file: BaselineFile): void {
  writeFileSync(`${path}.tmp`, `${JSON.stringify(file, null, 2)}\n`);
  renameSync(`${path}.tmp`, path);
}

function sameMachine(recorded: BaselineContext | undefined, machine: MachineIdentity): boolean {
  return recorded !== undefined && machineDifference(recorded, machine) === null;
}

/**
 * The record to compare a run on `machine` with: its own machine's when there is one; else the
 * latest recorded elsewhere, which the bench then prints with a NOTE naming what differs
 * (`machineDifference`); NO_BASELINE when nothing was recorded.
 */
export function baselineFor(file: BaselineFile, machine: MachineIdentity): Baseline {
  const own = file.machines.find((record) => sameMachine(record.context, machine));
  if (own !== undefined) return own;
  const latest = [...file.machines].sort((a, b) =>
    (b.context?.recordedAt ?? "").localeCompare(a.context?.recordedAt ?? ""),
  )[0];
  return latest ?? NO_BASELINE;
}

/** `file` with `record` as its machine's: replacing that machine's record, or added. */
export function withMachineRecord(file: BaselineFile, record: Baseline): BaselineFile {
  const context = record.context;
  if (context === undefined) throw new Error("a baseline record needs its machine's context");
  const at = file.machines.findIndex((existing) => sameMachine(existing.context, context));
  const machines = [...file.machines];
  if (at === -1) machines.push(record);
  else machines[at] = record;
  return { format: 3, machines };
}

/**
 * What differs between the machine the baseline was recorded on and this one (CPU model and
 * count, platform, Node version), as one line; null when nothing does. Figures move between
 * machines of one kind by more than the yardstick corrects (the quickstart's start-up took
 * 0.83 s of CPU on one 2-core machine and 0.50 s on another with the same yardstick), so a
 * change measured across machines is not a change of the code.
 */
export function machineDifference(
  recorded: MachineIdentity | undefined,
  current: MachineIdentity,
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
