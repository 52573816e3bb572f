/**
 * The figures `npm run bench` prints: each derived from the measurements of one or more cases
 * (medians over the runs), with its unit, which way is better, the issue-12 target if it has
 * one, and its value in yardstick terms, which is what a baseline is compared on.
 */
import type { Measurement } from "./types.ts";

/** Which way a figure improves. */
export type Better = "higher" | "lower";

/** A target: the value must be at least (>=), at most (<=) or under (<) the bound. */
export interface Target {
  readonly op: ">=" | "<=" | "<";
  readonly bound: number;
}

/** The measurements of each case that ran, one per run. */
export interface CaseRuns {
  of(caseName: string): readonly Measurement[];
  /** Every measurement of every case. */
  all(): readonly Measurement[];
}

/** A figure's value. */
export interface FigureValue {
  readonly value: number;
  /**
   * The figure in yardstick terms (what the baseline is compared on, so that a loaded or
   * different machine stays comparable): a rate divided by the loop's rate, CPU seconds times
   * it; a ratio or a memory size is its own value.
   */
  readonly normalized: number;
  /** How the figure compares with the loop, as printed (e.g. "22.8× loop"), if it is timed. */
  readonly versusLoop?: string;
  /** Context worth printing (the rates behind a ratio, say). */
  readonly note?: string;
}

/** How one figure is made. */
export interface FigureDefinition {
  readonly id: string;
  readonly description: string;
  readonly unit: string;
  readonly better: Better;
  readonly target?: Target;
  /**
   * A gauge of the machine rather than of ccsim (the yardstick itself): compared with its
   * baseline, never flagged.
   */
  readonly gauge?: boolean;
  /** The cases it needs; the figure is left out when one of them did not run. */
  readonly cases: readonly string[];
  derive(runs: CaseRuns): FigureValue;
}

/** The median of some numbers (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function numberOf(measurement: Measurement, key: string): number {
  const value = measurement[key];
  if (value === undefined) throw new Error(`a measurement has no ${key}`);
  return value;
}

/** The median over a case's runs of `perRun` of each run's measurement. */
function medianOver(
  runs: CaseRuns,
  caseName: string,
  perRun: (measurement: Measurement) => number,
): number {
  return median(runs.of(caseName).map(perRun));
}

const rate = (m: Measurement, count = "jobs") => numberOf(m, count) / numberOf(m, "cpuSeconds");
/** How many times the loop's rate is the case's: the case's cost per job in loop jobs. */
const loopFactor = (m: Measurement, count = "jobs") =>
  numberOf(m, "loopJobsPerCpuSecond") / rate(m, count);

/** Formats a rate: "1.50 M", "312 k", "22.1 k". */
export function formatRate(value: number): string {
  if (value >= 1e6) return `${(value / 1e6).toFixed(2)} M`;
  if (value >= 1e5) return `${(value / 1e3).toFixed(0)} k`;
  if (value >= 1e3) return `${(value / 1e3).toFixed(1)} k`;
  return value.toFixed(0);
}

/** A rate figure of one case: operations per CPU second, compared as a share of the loop. */
function rateFigure(
  fields: Omit<FigureDefinition, "derive" | "better" | "cases"> & { caseName: string },
  count = "jobs",
): FigureDefinition {
  const { caseName, ...rest } = fields;
  return {
    ...rest,
    better: "higher",
    cases: [caseName],
    derive(runs) {
      const factor = medianOver(runs, caseName, (m) => loopFactor(m, count));
      return {
        value: medianOver(runs, caseName, (m) => rate(m, count)),
        normalized: 1 / factor,
        versusLoop: `${factor.toFixed(1)}× loop`,
      };
    },
  };
}

/** A case's cost per job relative to perf-mm50's, both in loop jobs of their own process. */
function relativeCostFigure(id: string, caseName: string, description: string): FigureDefinition {
  return {
    id,
    description,
    unit: "× perf-mm50",
    better: "lower",
    target: { op: "<=", bound: 2 },
    cases: [caseName, "perf-mm50"],
    derive(runs) {
      const factor = medianOver(runs, caseName, (m) => loopFactor(m));
      const value = factor / medianOver(runs, "perf-mm50", (m) => loopFactor(m));
      const jobsPerSecond = medianOver(runs, caseName, (m) => rate(m));
      return {
        value,
        normalized: value,
        note: `${formatRate(jobsPerSecond)} jobs/s, ${factor.toFixed(1)}× loop`,
      };
    },
  };
}

/** A whole process's CPU seconds, compared in loop jobs (seconds × the loop's rate). */
function cpuFigure(
  fields: Omit<FigureDefinition, "derive" | "better" | "cases" | "unit"> & { caseName: string },
): FigureDefinition {
  const { caseName, ...rest } = fields;
  return {
    ...rest,
    unit: "s CPU",
    better: "lower",
    cases: [caseName],
    derive(runs) {
      const loopJobs = medianOver(
        runs,
        caseName,
        (m) => numberOf(m, "cpuSeconds") * numberOf(m, "loopJobsPerCpuSecond"),
      );
      return {
        value: medianOver(runs, caseName, (m) => numberOf(m, "cpuSeconds")),
        normalized: loopJobs,
        versusLoop: `≙ ${formatRate(loopJobs)} loop jobs`,
      };
    },
  };
}

/** Peak resident memory of a case's process, in MiB. */
function memoryFigure(
  fields: Omit<FigureDefinition, "derive" | "better" | "cases" | "unit"> & { caseName: string },
): FigureDefinition {
  const { caseName, ...rest } = fields;
  return {
    ...rest,
    unit: "MiB",
    better: "lower",
    cases: [caseName],
    derive(runs) {
      const value = medianOver(runs, caseName, (m) => numberOf(m, "peakRssMiB"));
      const jobs = medianOver(runs, caseName, (m) => numberOf(m, "jobs"));
      return { value, normalized: value, note: `peak RSS at ${formatRate(jobs)} jobs` };
    },
  };
}

/** Every figure, in printing order. */
export const figureDefinitions: readonly FigureDefinition[] = [
  {
    id: "yardstick-mm50",
    description: "the bare typed-array heap loop of perf-mm50's model, in every case's process",
    unit: "jobs/s",
    better: "higher",
    gauge: true,
    cases: [],
    derive(runs) {
      const value = median(runs.all().map((m) => numberOf(m, "loopJobsPerCpuSecond")));
      return { value, normalized: value, versusLoop: "1.0× loop" };
    },
  },
  rateFigure({
    id: "perf-mm50",
    caseName: "perf-mm50",
    description: "M/M/50, 90% load, longest idle, full offers, single thread",
    unit: "jobs/s",
    target: { op: ">=", bound: 1.5e6 },
  }),
  {
    id: "perf-mm50-vs-loop",
    description: "perf-mm50's cost per job in loop jobs (the loop's rate ÷ perf-mm50's)",
    unit: "× loop",
    better: "lower",
    target: { op: "<=", bound: 3 },
    cases: ["perf-mm50"],
    derive(runs) {
      const value = medianOver(runs, "perf-mm50", (m) => loopFactor(m));
      return { value, normalized: value };
    },
  },
  memoryFigure({
    id: "perf-mm50-rss",
    caseName: "perf-mm50",
    description: "peak RSS of the perf-mm50 process (warm-up and yardstick included)",
  }),
  rateFigure({
    id: "workers-2000",
    caseName: "workers-2000",
    description: "2,000 workers with selectors and best worker, 90% load",
    unit: "jobs/s",
    target: { op: ">=", bound: 3e5 },
  }),
  relativeCostFigure(
    "overload-cost",
    "overload",
    "overload (ρ 1.3, 4 h, long queue, abandonment): cost per job ÷ perf-mm50's",
  ),
  relativeCostFigure(
    "skewed-skills-cost",
    "skewed-skills",
    "skewed skills (freed workers facing a backlog they cannot take): cost per job ÷ perf-mm50's",
  ),
  rateFigure({
    id: "events",
    caseName: "events",
    description: "perf-mm50 writing events.jsonl (run's --events path)",
    unit: "jobs/s",
    target: { op: ">=", bound: 1.5e5 },
  }),
  memoryFigure({
    id: "rss-10m",
    caseName: "rss-10m",
    description: "peak RSS of perf-mm50 stretched to 10 M jobs",
    target: { op: "<", bound: 250 },
  }),
  {
    id: "threads-speedup",
    description: "4 perf-mm50 replications: wall time on 1 thread ÷ on 2 worker threads",
    unit: "×",
    better: "higher",
    target: { op: ">=", bound: 1.7 },
    cases: ["threads"],
    derive(runs) {
      const value = medianOver(
        runs,
        "threads",
        (m) => numberOf(m, "serialWallSeconds") / numberOf(m, "parallelWallSeconds"),
      );
      const serial = medianOver(runs, "threads", (m) => numberOf(m, "serialWallSeconds"));
      const parallel = medianOver(runs, "threads", (m) => numberOf(m, "parallelWallSeconds"));
      return {
        value,
        normalized: value,
        note: `wall ${serial.toFixed(2)} s on 1, ${parallel.toFixed(2)} s on 2`,
      };
    },
  },
  cpuFigure({
    id: "quickstart-cpu",
    caseName: "quickstart",
    description: "`ccsim run scenarios/quickstart.yaml` (charts and report.html, the default)",
    target: { op: "<", bound: 0.5 },
  }),
  cpuFigure({
    id: "quickstart-no-charts",
    caseName: "quickstart-no-charts",
    description: "the same with --no-charts: start-up and simulation without drawing",
  }),
  rateFigure({
    id: "simulate-voice-50",
    caseName: "simulate-voice-50",
    description: "scenarios/voice-50.yaml (patience, response times), stretched",
    unit: "jobs/s",
  }),
  rateFigure(
    {
      id: "engine-hold-10k",
      caseName: "engine-hold-10k",
      description: "engine push+pop pairs with 10,000 pending events",
      unit: "holds/s",
    },
    "operations",
  ),
  rateFigure(
    {
      id: "engine-hold-cancel-10k",
      caseName: "engine-hold-cancel-10k",
      description: "as engine-hold-10k, plus a schedule+cancel per event",
      unit: "holds/s",
    },
    "operations",
  ),
  rateFigure(
    {
      id: "engine-due-now-100",
      caseName: "engine-due-now-100",
      description: "perf-mm50's engine work per job: a timer, a zero-delay event cancelling it",
      unit: "holds/s",
    },
    "operations",
  ),
  rateFigure(
    {
      id: "engine-due-now-lane-100",
      caseName: "engine-due-now-lane-100",
      description: "as engine-due-now-100, the timer in a delay lane",
      unit: "holds/s",
    },
    "operations",
  ),
];
