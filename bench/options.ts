/**
 * `npm run bench` options: which cases, how many runs, the quick size, and what to do with the
 * figures. Bad options are one line each, all at once (exit 2 in run.ts).
 */
import { parseArgs } from "node:util";
import type { BenchCase } from "./types.ts";

/** What the user asked for. */
export interface BenchOptions {
  readonly cases: readonly BenchCase[];
  readonly runs: number;
  readonly quick: boolean;
  readonly update: boolean;
  readonly json: boolean;
  readonly strict: boolean;
  readonly list: boolean;
  /** Profile each case's process (`node --cpu-prof`) and print where the time went. */
  readonly profile: boolean;
}

/** Runs per case unless --runs says otherwise: the median of three (one with --quick). */
export const DEFAULT_RUNS = { full: 3, quick: 1 } as const;

/** The options, or the problems with them (each one line). */
export function parseBenchOptions(
  argv: readonly string[],
  allCases: readonly BenchCase[],
): BenchOptions | { problems: string[] } {
  let parsed: ReturnType<typeof parseWith>;
  try {
    parsed = parseWith(argv);
  } catch (error) {
    return { problems: [(error as Error).message] };
  }
  const { values, positionals } = parsed;
  const problems: string[] = [];
  const quick = values.quick === true;
  let runs: number = quick ? DEFAULT_RUNS.quick : DEFAULT_RUNS.full;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) {
      problems.push(`--runs must be a whole number ≥ 1 (got ${JSON.stringify(values.runs)})`);
    }
  }
  const unknown = positionals.filter((name) => !allCases.some((c) => c.name === name));
  for (const name of unknown) {
    problems.push(
      `unknown case ${JSON.stringify(name)}: the cases are ${allCases.map((c) => c.name).join(", ")}`,
    );
  }
  if (values.update === true && quick) {
    problems.push("--update records full-size figures: it cannot go with --quick");
  }
  if (problems.length > 0) return { problems };
  return {
    cases: selectCases(positionals, values.all === true, allCases),
    runs,
    quick,
    update: values.update === true,
    json: values.json === true,
    strict: values.strict === true,
    list: values.list === true,
    profile: values.profile === true,
  };
}

function parseWith(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      runs: { type: "string" },
      quick: { type: "boolean" },
      update: { type: "boolean" },
      json: { type: "boolean" },
      strict: { type: "boolean" },
      all: { type: "boolean" },
      list: { type: "boolean" },
      profile: { type: "boolean" },
    },
  });
}

/**
 * The cases to run, in the registry's order: those named (or all but the opt-in ones, or all
 * with --all), plus the cases they are relative to.
 */
export function selectCases(
  names: readonly string[],
  all: boolean,
  allCases: readonly BenchCase[],
): BenchCase[] {
  const wanted = new Set(
    names.length > 0 ? names : allCases.filter((c) => all || c.optIn !== true).map((c) => c.name),
  );
  for (const c of allCases) {
    if (wanted.has(c.name)) for (const needed of c.needs ?? []) wanted.add(needed);
  }
  return allCases.filter((c) => wanted.has(c.name));
}
